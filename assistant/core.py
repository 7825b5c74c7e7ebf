"""The Assistant: the one object the CLI, the UI, batch runs and Python callers talk to."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.answer.question import parse_question
from assistant.articles import IngestResult, build_chunks, bundled_article, read_articles
from assistant.config import Settings
from assistant.errors import BadInput, UnknownDocument
from assistant.models import Answer, Citation, DocInfo, Verdict, VoiceMap, as_lang
from index.ingest import Article, check_query, make_article
from index.language import detect_language

if TYPE_CHECKING:  # loaded on first use: chromadb, the embedder and LangChain are heavy
    from assistant.llm.session import LLMSession
    from index.embeddings import IsnadEmbeddings
    from index.lexical import LexicalIndex
    from index.retriever import HybridRetriever
    from index.store import Store


class Assistant:
    """Ingest articles, answer questions with verbatim attributed citations."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._default_lock = threading.Lock()
        self._default_checked = False

    # ---- wiring (lazy: nothing loads until first use) -----------------------------------
    @cached_property
    def embeddings(self) -> IsnadEmbeddings:
        """The embedding model (loads on first encode)."""
        from index.embeddings import IsnadEmbeddings

        return IsnadEmbeddings(self.settings.embedder_spec, self.settings.embed.threads)

    @cached_property
    def store(self) -> Store:
        """The Chroma store for the current settings."""
        from index.store import Store

        return Store(
            self.settings.home, self.settings.chroma_url, self.embeddings,
            self.settings.chunk.max_chars, self.settings.ingest.write_rows,
        )  # fmt: skip

    @cached_property
    def retriever(self) -> HybridRetriever:
        """The hybrid retriever over the store."""
        from index.retriever import FusionSettings, HybridRetriever
        from index.snapshot import snapshot_path

        r, s = self.settings.retrieval, self.settings
        fusion = FusionSettings(r.top_k, r.dense_k, r.rrf_k, r.dense_weight, r.lexical_weight)
        snap = snapshot_path(s.home, s.chroma_url, self.store.suffix) if r.snapshot else None
        return HybridRetriever(self.store, fusion, r.refresh_s, snap, r.snapshot_stale)

    @property
    def lexical(self) -> LexicalIndex:
        """The BM25 index over every indexed chunk (built on first use)."""
        return self.retriever.lexical

    def as_retriever(self, doc: str | None = None) -> Any:
        """A LangChain ``BaseRetriever`` over the index (chunks as Documents), for chains."""
        from index.langchain import IsnadRetriever

        self.ensure_default()
        return IsnadRetriever(hybrid=self.retriever, doc_ids=self._doc_filter(doc))

    def warm(self) -> None:
        """Index the default article if needed and build the search index (the UI's first call)."""
        self.ensure_default()
        _ = self.lexical

    # ---- articles -----------------------------------------------------------------------
    def ensure_default(self) -> None:
        """With an empty index, ingest the bundled default article (once per process)."""
        with self._default_lock:
            if self._default_checked or not self.settings.default_article:
                self._default_checked = True
                return
            if self.store.empty():
                with bundled_article() as art:
                    self.ingest([art.path], doc_id=art.doc_id, aligned=art.aligned, title=art.title)
            self._default_checked = True

    def ingest(
        self,
        paths: Iterable[Path],
        doc_id: str | None = None,
        title: str | None = None,
        lang: str | None = None,
        aligned: Path | None = None,
        progress: Callable[[IngestResult], None] | None = None,
        workers: int | None = None,
    ) -> list[IngestResult]:
        """Read, check and index files (every file is checked before any is indexed), embedded
        in batches across articles, by `workers` processes (default: the setting)."""
        from assistant.indexing import index_articles
        from index.aligned import load_aligned

        articles = read_articles(list(paths), doc_id, title, lang, aligned, self.settings.limits)
        units = (
            load_aligned(aligned, articles[0].source_text, articles[0].lang) if aligned else None
        )
        n = workers or self.settings.ingest.workers
        return index_articles(self, articles, units, progress, n)

    def ingest_text(
        self, text: str, doc_id: str, title: str | None = None, lang: str | None = None
    ) -> IngestResult:
        """Index an article given as text (pasted in the UI, or from Python)."""
        limit = self.settings.limits.max_file_bytes
        if len(text.encode("utf-8")) > limit:
            raise BadInput(f"the text is over the {limit:,}-byte limit")
        from assistant.indexing import index_articles

        return index_articles(self, [make_article(text, doc_id, title, lang)], None)[0]

    def docs(self) -> list[DocInfo]:
        """The indexed articles."""
        self.ensure_default()
        return self.store.docs()

    def doc(self, doc_id: str) -> DocInfo | None:
        """One indexed article's record, or None."""
        return self.store.doc(doc_id)

    def source_text(self, doc_id: str) -> str:
        """The exact text an article's offsets point into (UnknownDocument if absent)."""
        return self.store.source_text(doc_id)

    def remove(self, doc_id: str) -> int:
        """Remove an article; returns how many chunks went with it."""
        n = self.store.remove(doc_id)
        self.retriever.apply([], 0, [doc_id])
        return n

    # ---- voice maps ---------------------------------------------------------------------
    def attribute_file(self, path: Path) -> VoiceMap:
        """The voice map of an article file, read and attributed without indexing it."""
        (art,) = read_articles([path], None, None, None, None, self.settings.limits)
        return self._voice_map(art)

    def attribute_text(self, text: str, doc_id: str = "text", lang: str | None = None) -> VoiceMap:
        """The voice map of an article given as text, without indexing it."""
        limit = self.settings.limits.max_file_bytes
        if len(text.encode("utf-8")) > limit:
            raise BadInput(f"the text is over the {limit:,}-byte limit")
        return self._voice_map(make_article(text, doc_id, None, lang))

    def _voice_map(self, art: Article) -> VoiceMap:
        from assistant.attribution.voices import voice_map

        cfg = self.settings
        return voice_map(art.doc_id, art.lang, build_chunks(art, None, cfg.chunk.max_chars,
                                                            cfg.attribution))  # fmt: skip

    def voice_map(self, doc_id: str) -> VoiceMap:
        """The voice map of an indexed article, from its stored chunks."""
        from assistant.attribution.voices import voice_map

        self.ensure_default()
        info = self.store.doc(doc_id)
        if info is None:
            raise UnknownDocument(f"unknown document {doc_id!r} (see `isnad docs`)")
        return voice_map(doc_id, info.lang, self.lexical.chunks_of([doc_id]))

    def speaker_names(self, cites: Sequence[Citation], lang: str) -> dict[str, str]:
        """Cited speakers as `lang` names them, by chunk id (an aligned edition's naming)."""
        by_id = self.lexical.by_id
        return {
            c.chunk_id: by_id[c.chunk_id].speaker_in(lang) for c in cites if c.chunk_id in by_id
        }

    # ---- questions ----------------------------------------------------------------------
    def check_text(self, text: str, what: str = "question") -> str:
        """The text stripped, or BadInput when it is empty or too long."""
        return check_query(text, what, self.settings.limits.max_question_chars)

    def _doc_filter(self, doc: str | None) -> list[str] | None:
        if doc is None:
            return None
        if self.store.doc(doc) is None:
            raise UnknownDocument(f"unknown document {doc!r} (see `isnad docs`)")
        return [doc]

    def ask(self, question: str, doc: str | None = None, llm: bool | None = None) -> Answer:
        """Answer a question from the indexed articles, in the question's language."""
        final = None
        for item in self.ask_stream(question, doc, llm):
            final = item
        if not isinstance(final, Answer):
            raise RuntimeError("ask_stream ended without an Answer")
        return final

    def ask_stream(
        self, question: str, doc: str | None = None, llm: bool | None = None
    ) -> Iterator[str | Answer]:
        """Answer tokens as they are written (LLM mode), then the checked Answer."""
        from assistant.answer.pipeline import answer_question

        t0 = time.perf_counter()
        q = parse_question(self.check_text(question))
        use_llm = self._use_llm(llm)
        self.ensure_default()
        doc_ids = self._doc_filter(doc)
        hits = self.retriever.hits(q.search_text, doc_ids, list(q.tokens))
        t1 = time.perf_counter()
        cfg = self.settings.answer
        result, ranked = answer_question(
            q, hits, self.lexical, doc_ids, cfg, self.min_dense, self.settings.embedder_spec
        )
        if use_llm and not result.abstained:
            for item in self.llm.answer(q, ranked, result):
                if isinstance(item, Answer):
                    result = item
                else:
                    yield item
        result.timings_ms = _timings(t0, t1, "answer")
        yield result

    def _use_llm(self, llm: bool | None) -> bool:
        if llm and not self.settings.llm_configured:
            raise BadInput(
                "--llm needs an LLM server: set ISNAD_LLM_BASE_URL (and ISNAD_LLM_MODEL)"
            )
        return self.settings.llm_configured if llm is None else llm

    @property
    def min_dense(self) -> float:
        """The cross-lingual similarity threshold in force (setting, else the embedder's)."""
        return self.settings.answer.dense_threshold(self.settings.embedder_spec)

    @cached_property
    def llm(self) -> LLMSession:
        """The LLM path (built on first use; nothing connects before a request needs it)."""
        from assistant.llm.session import LLMSession

        return LLMSession(
            self.settings, self.embeddings, lambda: self.lexical.by_id, self.min_dense
        )

    # ---- claims -------------------------------------------------------------------------
    def verify(self, claim: str, doc: str | None = None, llm: bool | None = None) -> Verdict:
        """Verdict on a claim from the indexed articles, with who says each side."""
        from assistant.verify.passages import claim_passages
        from assistant.verify.pipeline import verify_claim

        t0 = time.perf_counter()
        claim = self.check_text(claim, "claim")
        use_llm = self._use_llm(llm)
        self.ensure_default()
        doc_ids = self._doc_filter(doc)
        lang = as_lang(detect_language(claim))
        hits = claim_passages(claim, doc_ids, self.retriever, self.store, self.embeddings)
        t1 = time.perf_counter()
        lex = self.lexical
        result = verify_claim(claim, lang, hits, lex, self.min_dense, self.settings.verify)
        if use_llm and result.evidence:
            result = self.llm.explain(result)
        result.timings_ms = _timings(t0, t1, "verify")
        return result


def _timings(t0: float, t1: float, step: str) -> dict[str, float]:
    """Milliseconds spent retrieving (t0..t1), in the named step (t1..now), and in all."""
    t2 = time.perf_counter()
    ms = {"retrieve": t1 - t0, step: t2 - t1, "total": t2 - t0}
    return {k: round(v * 1000, 1) for k, v in ms.items()}
