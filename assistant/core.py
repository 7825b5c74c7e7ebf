"""The Assistant: the one object the CLI, the UI, batch runs and Python callers talk to."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path

from assistant import answer as answering
from assistant import llm_answer
from assistant import verdict as verdicts
from assistant import verify as verifying
from assistant.attribution import attribute
from assistant.config import Settings
from assistant.errors import BadInput, UnknownDocument
from assistant.llm import ChatModel
from assistant.models import Answer, Chunk, Citation, DocInfo, Verdict
from assistant.translate import Translator
from index.aligned import load_aligned
from index.chunking import units
from index.embeddings import IsnadEmbeddings, calibrated_min_dense
from index.ingest import Article, clean_query, make_article, read_article
from index.normalize import detect_language
from index.retriever import HybridRetriever
from index.store import Store


@dataclass(frozen=True)
class IngestResult:
    """What happened to one article."""

    doc_id: str
    status: str  # "added" | "replaced" | "unchanged"
    units: int


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
        return IsnadEmbeddings(self.settings.embedder_spec, self.settings.embed.threads)

    @cached_property
    def store(self) -> Store:
        """The Chroma store for the current settings."""
        return Store(
            self.settings.home, self.settings.chroma_url, self.embeddings,
            self.settings.chunk.max_unit_chars,
        )  # fmt: skip

    @cached_property
    def retriever(self) -> HybridRetriever:
        """The hybrid LangChain retriever over the store."""
        r = self.settings.retrieval
        return HybridRetriever(
            store=self.store, top_k=r.top_k, dense_k=r.dense_k, rrf_k=r.rrf_k,
            dense_weight=r.dense_weight, lexical_weight=r.lexical_weight,
        )  # fmt: skip

    # ---- articles -----------------------------------------------------------------------
    def ensure_default(self) -> None:
        """With an empty index, ingest the bundled default article (once per process)."""
        with self._default_lock:
            if self._default_checked or not self.settings.default_article:
                self._default_checked = True
                return
            if not self.store.docs():
                data = resources.files("assistant") / "data"
                with resources.as_file(data) as folder:
                    spec = json.loads((folder / "default.json").read_text(encoding="utf-8"))
                    self.ingest(
                        [folder / spec["file"]],
                        doc_id=spec["doc_id"],
                        aligned=folder / spec["aligned"],
                        title=spec["title"],
                    )
            self._default_checked = True

    def ingest(
        self,
        paths: Iterable[Path],
        doc_id: str | None = None,
        title: str | None = None,
        lang: str | None = None,
        aligned: Path | None = None,
        progress: Callable[[IngestResult], None] | None = None,
    ) -> list[IngestResult]:
        """Read, check and index files; every file is checked before any is indexed."""
        paths = list(paths)
        limits = self.settings.limits
        if not paths:
            raise BadInput("no files given")
        if len(paths) > limits.max_files:
            raise BadInput(f"{len(paths):,} files is over the limit of {limits.max_files:,}")
        if (doc_id or aligned) and len(paths) > 1:
            raise BadInput("--doc-id and --aligned apply to one file at a time")
        articles = [read_article(p, doc_id, title, lang, limits.max_file_bytes) for p in paths]
        first: dict[str, Article] = {}
        for art in articles:
            seen = first.setdefault(art.doc_id, art)
            if seen.sha256 != art.sha256:
                raise BadInput(
                    f"two different files would get the same doc id {art.doc_id!r}; "
                    "ingest them separately with --doc-id"
                )
        results = []
        for art in articles:
            result = self._index(art, aligned)
            results.append(result)
            if progress:
                progress(result)
        return results

    def ingest_text(
        self, text: str, doc_id: str, title: str | None = None, lang: str | None = None
    ) -> IngestResult:
        """Index an article given as text (pasted in the UI, or from Python)."""
        limit = self.settings.limits.max_file_bytes
        if len(text.encode("utf-8")) > limit:
            raise BadInput(f"the text is over the {limit:,}-byte limit")
        return self._index(make_article(text, doc_id, title, lang), None)

    def _index(self, art: Article, aligned_path: Path | None) -> IngestResult:
        old = self.store.doc(art.doc_id)
        aligned = load_aligned(aligned_path, art.source_text, art.lang) if aligned_path else None
        if old and old.sha256 == art.sha256 and (aligned is None or old.aligned):
            return IngestResult(art.doc_id, "unchanged", old.units)
        chunks = self._chunks(art, aligned)
        info = DocInfo(
            doc_id=art.doc_id, title=art.title, lang=art.lang, path=art.path, sha256=art.sha256,
            units=len(chunks), chars=len(art.source_text), aligned=aligned is not None,
            embedder=self.embeddings.spec,
        )  # fmt: skip
        self.store.put(info, art.source_text, chunks)
        self.retriever.invalidate()
        return IngestResult(art.doc_id, "replaced" if old else "added", len(chunks))

    def _chunks(self, art: Article, aligned: dict[tuple[int, int], str] | None) -> list[Chunk]:
        us = units(art, aligned, self.settings.chunk.max_unit_chars)
        texts = [art.source_text[u.start : u.end] for u in us]
        heads = [u.headline for u in us]
        who = attribute(texts, art.lang, heads)
        other = "en" if art.lang == "ar" else "ar"
        who_t = attribute([u.translation or "" for u in us], other, heads) if aligned else None
        return [
            Chunk(
                chunk_id=f"{art.doc_id}:{i:04d}", doc_id=art.doc_id, index=i, start=u.start,
                end=u.end, text=texts[i], lang=art.lang, translation=u.translation,
                speaker=who[i].speaker, role=who[i].role, headline=u.headline,
                translation_speaker=who_t[i].speaker if who_t and u.translation else None,
                mentions=" | ".join([*who[i].mentions, *(who_t[i].mentions if who_t else ())])
                or None,
            )
            for i, u in enumerate(us)
        ]  # fmt: skip

    def docs(self) -> list[DocInfo]:
        """The indexed articles."""
        self.ensure_default()
        return self.store.docs()

    def remove(self, doc_id: str) -> int:
        """Remove an article; returns how many units went with it."""
        n = self.store.remove(doc_id)
        self.retriever.invalidate()
        return n

    # ---- questions ----------------------------------------------------------------------
    def check_text(self, text: str, what: str = "question") -> str:
        """The text stripped, or BadInput when it is empty or too long."""
        if not isinstance(text, str) or not text.strip():
            raise BadInput(f"the {what} is empty")
        limit = self.settings.limits.max_question_chars
        if len(text) > limit:
            raise BadInput(f"the {what} is {len(text):,} characters long; the limit is {limit:,}")
        if "\x00" in text:
            raise BadInput(f"the {what} contains a NUL character")
        text = clean_query(text)
        if not text:
            raise BadInput(f"the {what} is empty")
        return text

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
        t0 = time.perf_counter()
        question = self.check_text(question)
        use_llm = self._use_llm(llm)
        self.ensure_default()
        doc_ids = self._doc_filter(doc)
        lang = detect_language(question)
        hits = self.retriever.hits(question, doc_ids)
        t1 = time.perf_counter()
        lex = self.retriever.lexical
        ranked = answering.score_hits(question, lang, hits, lex)
        scope = lex.chunks_of(doc_ids)
        abstain = answering.should_abstain(
            question, lang, ranked, scope, self.settings.retrieval, self.min_dense
        )
        if abstain:
            result = answering.abstain(question, lang)
        else:
            result = answering.compose(question, lang, answering.select(ranked))
        if use_llm and not abstain:
            for item in llm_answer.stream_answer(
                self.chat_model, question, lang, ranked, result, self._similar,
                self.min_dense,
            ):  # fmt: skip
                if isinstance(item, Answer):
                    result = item
                else:
                    yield item
            self._translate(result.citations, lang)
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
        configured = self.settings.retrieval.min_dense
        return configured if configured is not None else calibrated_min_dense(self.embeddings.spec)

    @cached_property
    def chat_model(self) -> ChatModel:
        """The LLM client (built on first use)."""
        return ChatModel(self.settings)

    def _similar(self, text: str, chunk: Chunk) -> float:
        q = self.embeddings.encode_query(text)
        d = self.embeddings.encode_documents([chunk.text])[0]
        return float(q @ d)

    # ---- claims -------------------------------------------------------------------------
    def verify(self, claim: str, doc: str | None = None, llm: bool | None = None) -> Verdict:
        """Verdict on a claim from the indexed articles, with who says each side."""
        t0 = time.perf_counter()
        claim = self.check_text(claim, "claim")
        use_llm = self._use_llm(llm)
        self.ensure_default()
        doc_ids = self._doc_filter(doc)
        lang = answering.as_lang(detect_language(claim))
        hits = self.retriever.hits(claim, doc_ids)
        t1 = time.perf_counter()
        lex = self.retriever.lexical
        parsed = verifying.analyse(claim, lang, lex)
        judged = verifying.judge_all(parsed, hits, lex, self.min_dense)
        result = verdicts.build(claim, lang, verifying.aggregate(judged), judged)
        if use_llm and result.evidence:
            given = {e.id: lex.by_id[e.chunk_id] for e in result.evidence}
            result = llm_answer.explain_verdict(
                self.chat_model, result, given, self._similar, self.min_dense
            )
            self._translate(result.evidence, lang)
        result.timings_ms = _timings(t0, t1, "verify")
        return result

    @cached_property
    def translator(self) -> Translator:
        """LLM translations of passages, cached under ISNAD_HOME."""
        return Translator(self.chat_model, self.settings.home / "cache" / "translations.json")

    def _translate(self, citations: Sequence[Citation], lang: str) -> None:
        """Fill `translation` of cited passages written in the other language (LLM mode)."""
        for c in citations:
            source = self.retriever.lexical.by_id.get(c.chunk_id)
            if c.translation is None and source is not None and source.lang != lang:
                c.translation = self.translator.translate(c.quote, source.lang, lang)


def _timings(t0: float, t1: float, step: str) -> dict[str, float]:
    """Milliseconds spent retrieving (t0..t1), in the named step (t1..now), and in all."""
    t2 = time.perf_counter()
    ms = {"retrieve": t1 - t0, step: t2 - t1, "total": t2 - t0}
    return {k: round(v * 1000, 1) for k, v in ms.items()}
