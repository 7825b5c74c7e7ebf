"""`python -m eval.bench`: isnad against a plain LangChain + Chroma retriever, then at scale.

1. Dev set, warm, in this process: a plain retriever (embed the query, Chroma top-k over the same
   collection, the same embedding model; no BM25, no attribution, no answer) against isnad's
   `ask` and `verify`: p50/p95 and their ratio, where `ask` spends its time, a cProfile of one
   query; the cold CLI start (`python -m assistant ask ...` on the built index, median of 3);
   ingest of the dev corpus and the peak RSS.
2. Scale: N synthetic bilingual articles (eval/synth.py) ingested with `Assistant.ingest` in a
   fresh process per size, in the embedded store and (--server) in a Chroma server started here
   on 127.0.0.1: ingest time and rate, first-query time (BM25 build), warm ask/verify/plain p50
   and p95, whether the key figure is found, peak RSS, index size on disk.
   After the smallest size, a size whose estimated ingest exceeds --budget-min is replaced by the
   largest size that fits (or skipped), and the report says so.

Writes eval/out/bench/{report.md,results.json,*.png,profile_*.txt} and prints the report.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from eval.loopback import free_port, heartbeat, stop
from eval.metrics import percentile

EVAL_DIR = Path(__file__).resolve().parent
ROOT = EVAL_DIR.parent
DATA = EVAL_DIR / "datasets"
COLD_QUESTION = "Who founded CCDH?"
COLD_RUNS = 3
NICE = (1, 2, 3, 5)


class BenchError(Exception):
    """The benchmark cannot go on (a worker or the Chroma server failed)."""


# ---- the baseline -------------------------------------------------------------------------
class PlainRetriever(BaseRetriever):
    """A minimal `VectorStoreRetriever`: embed the query, take Chroma's top k. Nothing else."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    collection: Any
    embeddings: Any  # a LangChain Embeddings (isnad's, so the vectors are the same)
    k: int = 8

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        vector = self.embeddings.embed_query(query)  # as langchain-chroma does
        got = self.collection.query(
            query_embeddings=[vector],
            n_results=self.k,
            include=["documents", "metadatas", "distances"],
        )
        return [
            Document(page_content=doc or "", id=rid, metadata={**(meta or {}), "score": 1 - dist})
            for rid, doc, meta, dist in zip(
                got["ids"][0], got["documents"][0], got["metadatas"][0], got["distances"][0],
                strict=True,
            )
        ]  # fmt: skip


def units_collection(assistant: Any) -> Any:
    """isnad's units collection, opened with a client of our own (same path or server)."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from index.chroma import ChromaAdapter

    s = assistant.settings
    chroma = ChromaSettings(anonymized_telemetry=False)
    if s.chroma_url:
        host, _, port = s.chroma_url.removeprefix("http://").partition(":")
        client: Any = chromadb.HttpClient(host=host, port=int(port), settings=chroma)
    else:
        client = chromadb.PersistentClient(path=str(s.home / "chroma"), settings=chroma)
    ef = ChromaAdapter(assistant.embeddings.spec, assistant.embeddings.threads)
    return client.get_collection(f"isnad_units_{assistant.store.suffix}", embedding_function=ef)


# ---- measuring helpers --------------------------------------------------------------------
def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """(milliseconds, result) of one call."""
    t0 = time.perf_counter()
    out = fn()
    return (time.perf_counter() - t0) * 1000, out


def stats(xs: Sequence[float]) -> dict[str, float | int | None]:
    """p50/p95 (linear interpolation) and count."""
    return {"n": len(xs), "p50": percentile(xs, 50), "p95": percentile(xs, 95)}


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (MB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def disk_mb(path: Path) -> float:
    """Size of the files under a folder (MB)."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def load() -> str:
    """The 1/5/15-minute load averages (the machine may be shared)."""
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


def profile_text(fn: Callable[[], Any], top: int = 25) -> tuple[str, list[tuple[str, float]]]:
    """cProfile of one call: the top functions by cumulative time, and the top by own time."""
    prof = cProfile.Profile()
    prof.enable()
    fn()
    prof.disable()
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf)
    st.sort_stats("cumulative").print_stats(top)
    st.sort_stats("tottime").print_stats(top)
    raw: Any = st.stats  # type: ignore[attr-defined]  # {(file, line, fn): (cc, nc, tt, ct, callers)}
    own = sorted(
        ((f"{Path(k[0]).name}:{k[1]}({k[2]})", v[2] * 1000) for k, v in raw.items()),
        key=lambda kv: -kv[1],
    )
    return buf.getvalue(), own[:8]


def breakdown(assistant: Any, texts: Sequence[str]) -> dict[str, float | None]:
    """Median ms of each retrieval step of isnad for these texts (warm)."""
    from index.normalize import tokens

    r, store = assistant.retriever, assistant.store
    lex = r.lexical
    steps: dict[str, list[float]] = {"embed": [], "chroma": [], "bm25": [], "hits": []}
    for t in texts:
        ms, vec = timed(partial(store.embeddings.encode_query, t))
        steps["embed"].append(ms)
        steps["chroma"].append(timed(partial(store.dense, vec, r.dense_k))[0])
        steps["bm25"].append(timed(partial(lex.scores, tokens(t)))[0])
        steps["hits"].append(timed(partial(r.hits, t))[0])
    return {k: percentile(v, 50) for k, v in steps.items()}


def warm_runs(
    assistant: Any,
    plain: PlainRetriever,
    questions: Sequence[str],
    claims: Sequence[str],
    rounds: int,
) -> dict[str, list[float]]:
    """One warm-up pass, then `rounds` passes; plain and isnad alternate item by item."""
    for q in questions:
        plain.invoke(q)
        assistant.ask(q)
    for c in claims:
        plain.invoke(c)
        assistant.verify(c)
    out: dict[str, list[float]] = {
        "plain_q": [], "plain_c": [], "ask": [], "verify": [], "ask_answer": []
    }  # fmt: skip
    for _ in range(rounds):
        for q in questions:
            out["plain_q"].append(timed(partial(plain.invoke, q))[0])
            ms, ans = timed(partial(assistant.ask, q))
            out["ask"].append(ms)
            out["ask_answer"].append(float((ans.timings_ms or {}).get("answer", 0.0)))
        for c in claims:
            out["plain_c"].append(timed(partial(plain.invoke, c))[0])
            out["verify"].append(timed(partial(assistant.verify, c))[0])
    return out


def _assistant(home: Path, url: str | None) -> Any:
    from assistant.config import Settings
    from assistant.core import Assistant

    return Assistant(Settings(home=home, chroma_url=url, default_article=False))


# ---- 1. dev set -----------------------------------------------------------------------------
def dev_phase(home: Path, rounds: int, out: Path) -> dict[str, Any]:
    """Ingest the dev corpus, time plain vs isnad warm, profile one ask; cold CLI start."""
    items = [
        json.loads(line)
        for line in (DATA / "dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    questions = [it["text"] for it in items if it["kind"] == "question"]
    claims = [it["text"] for it in items if it["kind"] == "claim"]
    a = _assistant(home, None)
    load_ms, _ = timed(lambda: a.embeddings.encode_query("warm-up"))
    corpus = DATA / "corpus"
    others = [p for p in sorted(corpus.glob("*.txt")) if p.name != "ccdh_musk_ar.txt"]
    ingest_ms, _ = timed(
        lambda: (
            a.ingest([corpus / "ccdh_musk_ar.txt"], aligned=corpus / "ccdh_musk_en.aligned.jsonl"),
            a.ingest(others),
        )
    )
    n_articles = 1 + len(others)
    plain = PlainRetriever(
        collection=units_collection(a), embeddings=a.embeddings, k=a.settings.retrieval.top_k
    )
    print(f"bench: dev set, {len(questions)} questions + {len(claims)} claims × {rounds} "
          f"rounds (load {load()})", file=sys.stderr)  # fmt: skip
    runs = warm_runs(a, plain, questions, claims, rounds)
    steps = breakdown(a, questions)
    text, own = profile_text(lambda: a.ask(questions[0]))
    (out / "profile_dev_ask.txt").write_text(text, encoding="utf-8")
    text, _ = profile_text(lambda: a.verify(claims[0]))
    (out / "profile_dev_verify.txt").write_text(text, encoding="utf-8")
    res: dict[str, Any] = {
        "questions": len(questions), "claims": len(claims), "rounds": rounds,
        "model_load_ms": load_ms, "ingest_ms": ingest_ms, "articles": n_articles,
        "units": plain.collection.count(),
        "warm": {k: stats(v) for k, v in runs.items()}, "steps_ms": steps,
        "hot": own, "peak_rss_mb": peak_rss_mb(),
    }  # fmt: skip
    res["cold_cli_s"] = cold_runs([sys.executable, "-m", "assistant", "ask", COLD_QUESTION], home)
    res["cold_python_s"] = cold_runs([sys.executable, "-c", "pass"], home)
    return res


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, ISNAD_HOME=str(home), HF_HUB_OFFLINE="1")
    env.pop("ISNAD_CHROMA_URL", None)
    return env


def cold_runs(cmd: list[str], home: Path) -> list[float]:
    """Wall seconds of COLD_RUNS fresh processes (each must exit 0)."""
    times = []
    for _ in range(COLD_RUNS):
        t0 = time.perf_counter()
        proc = subprocess.run(
            cmd, cwd=ROOT, env=_env(home), capture_output=True, text=True, check=False
        )
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise BenchError(f"{' '.join(cmd)} exited {proc.returncode}: {proc.stderr[-500:]}")
    return times


# ---- 2. scale: the worker (one fresh process per size and store) --------------------------
def worker(args: argparse.Namespace) -> int:
    """Ingest the first N synthetic articles, then time queries; JSON result to --result."""
    from eval.synth import article

    a = _assistant(args.home, args.url)
    load_ms, _ = timed(lambda: a.embeddings.encode_query("warm-up"))
    paths = sorted(args.articles.glob("synth_*.txt"))[: args.n]
    if len(paths) < args.n:
        raise BenchError(f"only {len(paths)} articles in {args.articles}")
    t0 = time.perf_counter()
    step = max(1, args.n // 10)
    done = 0

    def progress(_: Any) -> None:
        nonlocal done
        done += 1
        if done % step == 0 or done == args.n:
            s = time.perf_counter() - t0
            print(f"bench:   [{args.store} N={args.n:,}] ingested {done:,}/{args.n:,} in "
                  f"{s:,.0f} s ({done / s * 60:,.0f} articles/min)", file=sys.stderr)  # fmt: skip

    a.ingest(paths, progress=progress)
    ingest_s = time.perf_counter() - t0
    import psutil

    rss_ingest = psutil.Process().memory_info().rss / 2**20
    n_q = min(args.queries, args.n)
    picks = sorted({round(k * (args.n - 1) / max(1, n_q - 1)) for k in range(n_q)})
    arts = [article(i, args.seed) for i in picks]
    first_ms, _ = timed(lambda: a.ask(arts[0].question))  # builds the BM25 index
    plain = PlainRetriever(
        collection=units_collection(a), embeddings=a.embeddings, k=a.settings.retrieval.top_k
    )
    questions, claims = [x.question for x in arts], [x.claim for x in arts]
    runs = warm_runs(a, plain, questions, claims, args.rounds)
    found = sum(x.answer in a.ask(x.question).answer for x in arts)
    plain_found = sum(
        any(d.metadata.get("doc_id") == x.doc_id for d in plain.invoke(x.question)) for x in arts
    )
    steps = breakdown(a, questions)
    text, own = profile_text(lambda: a.ask(questions[-1]))
    (args.out / f"profile_{args.store}_{args.n}_ask.txt").write_text(text, encoding="utf-8")
    res = {
        "store": args.store, "n": args.n, "units": plain.collection.count(),
        "model_load_ms": load_ms, "ingest_s": ingest_s,
        "ingest_per_min": args.n / ingest_s * 60, "first_query_ms": first_ms,
        "queries": len(arts), "rounds": args.rounds,
        **{f"{k}_{p}_ms": v[p] for k, v in
           (("ask", stats(runs["ask"])), ("verify", stats(runs["verify"])),
            ("ask_answer", stats(runs["ask_answer"])),
            ("plain", stats(runs["plain_q"] + runs["plain_c"]))) for p in ("p50", "p95")},
        "found": found, "plain_found": plain_found, "steps_ms": steps, "hot": own,
        "rss_after_ingest_mb": rss_ingest, "peak_rss_mb": peak_rss_mb(),
        "disk_mb": disk_mb(args.home / "chroma") if args.url is None else None,
        "load": load(),
    }  # fmt: skip
    args.result.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


# ---- 2. scale: the driver -------------------------------------------------------------------
@contextmanager
def chroma_server(
    folder: Path, wait_s: float = 60
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """A `chroma run` server on a free loopback port, data in folder; always stopped."""
    exe = Path(sys.executable).parent / "chroma"
    if not exe.exists():
        raise BenchError(f"no chroma executable next to {sys.executable}")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    folder.mkdir(parents=True, exist_ok=True)
    cmd = [str(exe), "run", "--path", str(folder / "data"), "--host", "127.0.0.1", "--port"]
    with (folder / "chroma.log").open("wb") as log:
        proc = subprocess.Popen([*cmd, str(port)], stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + wait_s
            while not heartbeat(url):
                if proc.poll() is not None:
                    raise BenchError(f"chroma exited with {proc.returncode} (see {log.name})")
                if time.monotonic() > deadline:
                    raise BenchError(f"chroma did not answer its heartbeat within {wait_s:.0f} s")
                time.sleep(0.25)
            yield proc, url
        finally:
            stop(proc)


class RssSampler:
    """Peak RSS (MB) of a process and its children, sampled every 0.5 s in a thread."""

    def __init__(self, pid: int) -> None:
        import psutil

        self.proc = psutil.Process(pid)
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                rss = sum(p.memory_info().rss for p in procs) / 2**20
                self.peak = max(self.peak, rss)
            except psutil.Error:
                return
            self._stop.wait(0.5)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)


def run_worker(
    n: int, store: str, articles: Path, work: Path, out: Path, opts: argparse.Namespace
) -> dict[str, Any]:
    """One scale measurement in a fresh process (and a fresh Chroma server for `server`)."""
    home = work / f"home_{store}_{n}"
    result = work / f"result_{store}_{n}.json"
    cmd = [
        sys.executable, "-m", "eval.bench", "_worker", "--n", str(n), "--store", store,
        "--articles", str(articles), "--home", str(home), "--result", str(result),
        "--out", str(out), "--queries", str(opts.queries), "--rounds", str(opts.scale_rounds),
        "--seed", str(opts.seed),
    ]  # fmt: skip

    def go(url: str | None) -> None:
        proc = subprocess.run(
            [*cmd, *(["--url", url] if url else [])], cwd=ROOT, env=_env(home), check=False
        )
        if proc.returncode != 0:
            raise BenchError(f"the {store} worker for N={n:,} exited {proc.returncode}")

    server_peak = server_disk = None
    if store == "server":
        with chroma_server(work / f"chroma_{n}") as (proc, url), RssSampler(proc.pid) as rss:
            go(url)
            server_peak = rss.peak
        server_disk = disk_mb(work / f"chroma_{n}" / "data")
    else:
        go(None)
    res: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    res["server_peak_rss_mb"], res["server_disk_mb"] = server_peak, server_disk
    shutil.rmtree(home, ignore_errors=True)
    shutil.rmtree(work / f"chroma_{n}", ignore_errors=True)
    return res


def nice_floor(x: float) -> int:
    """The largest 1-2-3-5 × 10^k number not above x (at least 1)."""
    best, scale = 1, 1
    while scale <= x:
        best = max([best, *(m * scale for m in NICE if m * scale <= x)])
        scale *= 10
    return best


def scale_phase(
    sizes: Sequence[int], stores: Sequence[str], work: Path, out: Path, opts: argparse.Namespace,
    rows: list[dict[str, Any]], notes: list[str], on_row: Callable[[], None],
) -> None:  # fmt: skip
    """Run each size in each store within the time budget, adding to rows and notes."""
    from eval.synth import write

    rate: dict[str, float] = {}  # latest measured articles/min per store
    done: dict[str, int] = {}
    articles = work / "articles"
    for n in sorted(sizes):
        for store in stores:
            size = n
            if store in rate and opts.budget_min > 0:
                est = size / rate[store]
                if est > opts.budget_min:
                    fit = nice_floor(rate[store] * opts.budget_min * 0.9)
                    msg = (
                        f"{store}: N={size:,} skipped: estimated ingest {est:,.0f} min at "
                        f"{rate[store]:,.0f} articles/min (budget {opts.budget_min:g} min)"
                    )
                    if fit > done.get(store, 0) and fit < size:
                        msg += f"; ran N={fit:,} instead, the largest size that fits"
                        size = fit
                    else:
                        size = 0
                    msg += f"; to run it anyway: python -m eval.bench --sizes {n} --budget-min 0"
                    if store == "server":
                        msg = msg.replace("--budget-min 0", "--budget-min 0 --server")
                    notes.append(msg)
                    print(f"bench: {msg}", file=sys.stderr)
            if not size or size <= done.get(store, 0):
                continue
            write(size, articles, opts.seed)
            print(f"bench: scale {store} N={size:,} (load {load()})", file=sys.stderr)
            row = run_worker(size, store, articles, work, out, opts)
            rows.append(row)
            rate[store], done[store] = row["ingest_per_min"], size
            on_row()


# ---- 3. lexical probe: isnad's per-query work that grows with N, without embedding -----------
def sparse_bm25(lex: Any) -> Callable[[list[str]], Any]:
    """rank_bm25's own scoring loop, the reference the product's sparse matrix must equal."""
    return lex.bm25.get_scores


def probe(args: argparse.Namespace) -> int:
    """Build isnad's lexical index over N synthetic articles' units (segmented, not embedded)
    and time what a query does with it; JSON result to --result."""
    import numpy as np

    from assistant.models import Chunk
    from eval.synth import article
    from index.normalize import tokens
    from index.retriever import HybridRetriever, LexicalIndex
    from index.segment import segment
    from index.store import Store

    class NoDense(Store):  # the retriever's store, minus Chroma
        def __init__(self, chunks: list[Chunk]) -> None:
            self._units = chunks

        def chunks(self) -> list[Chunk]:
            return self._units

        def dense(self, vector: Any, k: int, doc_ids: Any = None) -> dict[str, float]:
            return {}

    class ZeroEmbeddings:
        def encode_query(self, text: str) -> Any:
            return np.zeros(1, np.float32)

    rss0 = peak_rss_mb()
    chunks = []
    for i in range(args.n):
        art = article(i, args.seed)
        for j, sp in enumerate(segment(art.text)):
            chunks.append(Chunk(
                chunk_id=f"{art.doc_id}:{j:04d}", doc_id=art.doc_id, index=j, start=sp.start,
                end=sp.end, text=art.text[sp.start : sp.end], lang=art.lang, headline=sp.headline,
            ))  # fmt: skip
    build_ms, lex = timed(lambda: LexicalIndex(chunks))
    store = NoDense(chunks)
    store.embeddings = ZeroEmbeddings()  # type: ignore[assignment]
    retriever = HybridRetriever(store=store)
    retriever._lexical = lex
    sparse_ms, fast = timed(lambda: sparse_bm25(lex))
    picks = [round(k * (args.n - 1) / max(1, args.queries - 1)) for k in range(args.queries)]
    qs = [tokens(article(i, args.seed).question) for i in sorted(set(picks))]
    texts = [article(i, args.seed).question for i in sorted(set(picks))]
    same = all(np.allclose(lex.scores(q), fast(q)) for q in qs[:5])
    steps = {
        "bm25": [timed(partial(lex.scores, q))[0] for q in qs],
        "hits_lexical": [timed(partial(retriever.hits, t))[0] for t in texts],
        "scope": [timed(lambda: [c for c in lex.chunks if c.doc_id])[0] for _ in qs],
        "sparse_bm25": [timed(partial(fast, q))[0] for q in qs],
    }
    res = {
        "n": args.n, "units": len(chunks), "build_s": build_ms / 1000,
        "sparse_build_s": sparse_ms / 1000, "same_scores": same,
        **{f"{k}_p50_ms": percentile(v, 50) for k, v in steps.items()},
        **{f"{k}_p95_ms": percentile(v, 95) for k, v in steps.items()},
        "rss_growth_mb": peak_rss_mb() - rss0, "load": load(),
    }  # fmt: skip
    args.result.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


def run_probe(n: int, work: Path, opts: argparse.Namespace) -> dict[str, Any]:
    """The lexical probe in a fresh process."""
    result = work / f"probe_{n}.json"
    cmd = [sys.executable, "-m", "eval.bench", "_probe", "--n", str(n), "--result", str(result),
           "--queries", str(opts.queries), "--seed", str(opts.seed)]  # fmt: skip
    print(f"bench: lexical probe N={n:,} (load {load()})", file=sys.stderr)
    if subprocess.run(cmd, cwd=ROOT, env=_env(work), check=False).returncode != 0:
        raise BenchError(f"the lexical probe for N={n:,} failed")
    data: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    return data


# ---- report ---------------------------------------------------------------------------------
def _f(x: Any, fmt: str = ",.1f") -> str:
    return "–" if x is None else format(x, fmt)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return [_row(head), _row(["---"] * len(head)), *(_row(r) for r in rows), ""]


def render(dev: dict[str, Any] | None, rows: Sequence[dict[str, Any]], meta: dict[str, Any],
           notes: Sequence[str], plots: Sequence[str],
           probes: Sequence[dict[str, Any]] = ()) -> str:  # fmt: skip
    """The benchmark report in Markdown."""
    parts = ["# isnad benchmark", ""]
    parts += [f"- {k}: {v}" for k, v in meta.items()] + [""]
    goals: list[list[str]] = []
    if dev:
        w = dev["warm"]
        base_q, base_c = w["plain_q"]["p50"], w["plain_c"]["p50"]
        ratio_ask, ratio_verify = w["ask"]["p50"] / base_q, w["verify"]["p50"] / base_c
        parts += ["## Dev set, warm (in process)", ""]
        parts += [
            f"{dev['questions']} questions and {dev['claims']} claims, one warm-up pass, then "
            f"{dev['rounds']} rounds; plain and isnad alternate item by item. Plain = embed the "
            f"query with the same model, Chroma top-{meta['top_k']} over isnad's own units "
            "collection (same units, same vectors); no BM25, no attribution, no answer.",
            "",
        ]
        parts += _table(
            ["system", "calls", "p50 ms", "p95 ms", "p50 / plain p50"],
            [
                ["plain retriever, questions", str(w["plain_q"]["n"]), _f(w["plain_q"]["p50"]),
                 _f(w["plain_q"]["p95"]), "1.00"],
                ["isnad `ask`", str(w["ask"]["n"]), _f(w["ask"]["p50"]), _f(w["ask"]["p95"]),
                 f"{ratio_ask:.2f}"],
                ["plain retriever, claims", str(w["plain_c"]["n"]), _f(w["plain_c"]["p50"]),
                 _f(w["plain_c"]["p95"]), "1.00"],
                ["isnad `verify`", str(w["verify"]["n"]), _f(w["verify"]["p50"]),
                 _f(w["verify"]["p95"]), f"{ratio_verify:.2f}"],
            ],
        )  # fmt: skip
        st = dev["steps_ms"]
        rest = w["ask_answer"]["p50"]
        parts += ["### Where `ask` spends its time (dev set, medians)", ""]
        parts += _table(
            ["step", "ms"],
            [["embed the query (e5-small)", _f(st["embed"])],
             ["Chroma query (dense_k × 2)", _f(st["chroma"])],
             ["BM25 over every unit", _f(st["bm25"])],
             ["`retriever.hits` in all (embed + Chroma + BM25 + fusion)", _f(st["hits"])],
             ["after retrieval: scoring, abstention, answer (`timings_ms.answer`)", _f(rest)],
             ["`ask` in all", _f(w["ask"]["p50"])]],
        )  # fmt: skip
        parts += ["Top functions by own time, one warm `ask` (cProfile; full listing in "
                  "`profile_dev_ask.txt`):", ""]  # fmt: skip
        parts += _table(["function", "ms"], [[f"`{k}`", f"{v:.1f}"] for k, v in dev["hot"]])
        cold = dev["cold_cli_s"]
        parts += ["## Cold start, ingest, memory (dev corpus)", ""]
        parts += _table(
            ["measurement", "result"],
            [[f"cold CLI `python -m assistant ask {COLD_QUESTION!r}` on the built index",
              f"median {statistics.median(cold):.2f} s ({', '.join(f'{t:.2f}' for t in cold)})"],
             ["bare interpreter `python -c pass`",
              f"median {statistics.median(dev['cold_python_s']):.2f} s"],
             ["embedding model load (in process)", f"{dev['model_load_ms'] / 1000:.2f} s"],
             [f"ingest of the dev corpus ({dev['articles']} articles, {dev['units']} stored "
              "vectors incl. aligned translations)",
              f"{dev['ingest_ms'] / 1000:.2f} s = "
              f"{dev['articles'] / dev['ingest_ms'] * 60_000:,.0f} articles/min"],
             ["peak RSS of the bench process (dev phase)", f"{dev['peak_rss_mb']:,.0f} MB"]],
        )  # fmt: skip
        goals.append(["warm `ask` p50 ≤ 1.3 × plain retriever p50", f"{ratio_ask:.2f} ×",
                      "yes" if ratio_ask <= 1.3 else "**no**"])  # fmt: skip
    if rows:
        parts += ["## Scale (synthetic bilingual articles, `eval/synth.py`)", ""]
        parts += [
            "One fresh process per size and store; ingest with one `Assistant.ingest` call "
            "(model already loaded); `first query` builds the BM25 index from the store; then "
            f"{rows[0]['queries']} questions and {rows[0]['queries']} claims about articles spread "
            f"over the set, {rows[0]['rounds']} warm rounds. `found` = answers containing the "
            "article's key figure; `plain found` = plain top-k containing a unit of the right "
            "article.",
            "",
        ]
        parts += _table(
            ["store", "articles", "units", "ingest s", "articles/min", "first query s",
             "ask p50", "ask p95", "verify p50", "verify p95", "plain p50", "plain p95",
             "found", "plain found", "peak RSS MB", "server RSS MB", "disk MB"],
            [[r["store"], f"{r['n']:,}", f"{r['units']:,}", _f(r["ingest_s"]),
              _f(r["ingest_per_min"], ",.0f"), _f(r["first_query_ms"] / 1000, ",.2f"),
              _f(r["ask_p50_ms"]), _f(r["ask_p95_ms"]), _f(r["verify_p50_ms"]),
              _f(r["verify_p95_ms"]), _f(r["plain_p50_ms"]), _f(r["plain_p95_ms"]),
              f"{r['found']}/{r['queries']}", f"{r['plain_found']}/{r['queries']}",
              _f(r["peak_rss_mb"], ",.0f"), _f(r["server_peak_rss_mb"], ",.0f"),
              _f(r["disk_mb"] if r["disk_mb"] is not None else r["server_disk_mb"], ",.0f")]
             for r in rows],
        )  # fmt: skip
        parts += ["### Where a warm query's time goes at each size (medians, ms)", ""]
        parts += _table(
            ["store", "articles", "embed", "Chroma", "BM25", "hits in all", "answer step",
             "ask p50", "top own-time functions (one ask, cProfile, ms)"],
            [[r["store"], f"{r['n']:,}", _f(r["steps_ms"]["embed"]), _f(r["steps_ms"]["chroma"]),
              _f(r["steps_ms"]["bm25"]), _f(r["steps_ms"]["hits"]), _f(r["ask_answer_p50_ms"]),
              _f(r["ask_p50_ms"]),
              "; ".join(f"`{k}` {v:.0f}" for k, v in r["hot"][:3])]
             for r in rows],
        )  # fmt: skip
        big = max(rows, key=lambda r: (r["n"], r["store"] == "embedded"))
        if big:
            tag = f" (largest run: {big['n']:,} in the {big['store']} store, not 10,000)"
            tag = "" if big["n"] >= 10_000 else tag
            goals.append(
                [
                    f"query p50 ≤ 150 ms at 10,000 articles{tag}",
                    f"ask {big['ask_p50_ms']:,.0f} ms, verify {big['verify_p50_ms']:,.0f} ms",
                    "yes" if big["n"] >= 10_000 and big["ask_p50_ms"] <= 150 else "**no**",
                ]
            )
            fast = max(rows, key=lambda r: r["ingest_per_min"])
            goals.append(["ingest ≥ 200 articles/min (best run)",
                          f"{fast['ingest_per_min']:,.0f} articles/min ({fast['store']}, "
                          f"N={fast['n']:,})",
                          "yes" if fast["ingest_per_min"] >= 200 else "**no**"])  # fmt: skip
    if probes:
        parts += ["## Lexical probe: what grows with N, without embedding", ""]
        parts += [
            "The units of N synthetic articles (segmented, not embedded, not attributed) in "
            "isnad's `LexicalIndex`; per query: `rank_bm25` scores of every unit, the retriever's "
            "`hits` with no dense results (BM25 + the Python loops over every unit + fusion), "
            "`ask`'s scope list over every unit, and the same BM25 scores from a precomputed "
            "scipy sparse matrix; `rank_bm25 loop` times the library's own loop it replaced "
            "(`same` = identical scores).",
            "",
        ]
        parts += _table(
            ["articles", "units", "index build s", "BM25 p50 ms", "hits (lexical) p50 ms",
             "scope list p50 ms", "rank_bm25 loop p50 ms", "same", "reference build s",
             "RSS growth MB"],
            [[f"{p['n']:,}", f"{p['units']:,}", _f(p["build_s"], ",.1f"), _f(p["bm25_p50_ms"]),
              _f(p["hits_lexical_p50_ms"]), _f(p["scope_p50_ms"]),
              _f(p["sparse_bm25_p50_ms"], ",.2f"),
              "yes" if p["same_scores"] else "**no**", _f(p["sparse_build_s"], ",.1f"),
              _f(p["rss_growth_mb"], ",.0f")] for p in probes],
        )  # fmt: skip
    if goals:
        parts += ["## Goals", "", *_table(["goal", "measured", "met"], goals)]
    if notes:
        parts += ["## Notes", "", *(f"- {n}" for n in notes), ""]
    if plots:
        parts += ["## Plots", "", *(f"![{Path(p).stem}]({p})" for p in plots), ""]
    return "\n".join(parts)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m eval.bench", description=__doc__.splitlines()[0])
    p.add_argument(
        "--sizes", default="100,1000,10000", help="article counts (default: %(default)s)"
    )
    p.add_argument("--server", action="store_true", help="also against a local Chroma server")
    p.add_argument("--out", type=Path, default=EVAL_DIR / "out" / "bench")
    p.add_argument("--rounds", type=int, default=5, help="warm rounds on the dev set")
    p.add_argument("--scale-rounds", type=int, default=3, help="warm rounds at each size")
    p.add_argument("--queries", type=int, default=20, help="questions (and claims) per size")
    p.add_argument(
        "--budget-min",
        type=float,
        default=20,
        help="largest estimated ingest per size and store, minutes; 0 = no limit",
    )
    p.add_argument("--seed", type=int, default=0, help="synthetic article seed")
    p.add_argument("--embedder", help="embedder spec for this run (ISNAD_EMBED_MODEL)")
    p.add_argument("--skip-dev", action="store_true", help="only the scale part")
    p.add_argument(
        "--lexical-probe",
        default="",
        help="sizes for the lexical probe: units of N articles segmented, not "
        "embedded; times BM25 and the retriever's lexical path (e.g. 1000,10000)",
    )
    p.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    return p  # fmt: skip


def _worker_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m eval.bench _worker")
    for name in ("--articles", "--home", "--result", "--out"):
        p.add_argument(name, type=Path, required=True)
    for name in ("--n", "--queries", "--rounds", "--seed"):
        p.add_argument(name, type=int, required=True)
    p.add_argument("--store", required=True)
    p.add_argument("--url")
    return p


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 0 when measured (whatever the numbers), 1 when something broke."""
    argv = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if argv[:1] == ["_worker"]:
        return worker(_worker_parser().parse_args(argv[1:]))
    if argv[:1] == ["_probe"]:
        pp = argparse.ArgumentParser(prog="python -m eval.bench _probe")
        pp.add_argument("--result", type=Path, required=True)
        for name in ("--n", "--queries", "--seed"):
            pp.add_argument(name, type=int, required=True)
        return probe(pp.parse_args(argv[1:]))
    args = _parser().parse_args(argv)
    try:
        sizes = [int(x.replace("_", "")) for x in args.sizes.split(",") if x.strip()]
        probe_sizes = [int(x.replace("_", "")) for x in args.lexical_probe.split(",") if x.strip()]
    except ValueError:
        print("bench: error: --sizes and --lexical-probe take numbers", file=sys.stderr)
        return 2
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    if args.embedder:
        os.environ["ISNAD_EMBED_MODEL"] = args.embedder  # this process and the workers
    from assistant.config import Settings
    from eval.plots import scale_plot, warm_bars

    s = Settings()
    meta = {
        "machine": f"{os.cpu_count()} CPUs, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.system()}",
        "embedder": f"`{s.embedder_spec}`, {s.embed.threads} threads", "top_k": s.retrieval.top_k,
        "load average at start (1/5/15 min)": load(),
        "command": "python -m eval.bench " + " ".join(argv),
    }  # fmt: skip
    dev: dict[str, Any] | None = None
    rows: list[dict[str, Any]] = []
    notes: list[str] = []
    plots: list[str] = []
    probes: list[dict[str, Any]] = []

    def save() -> None:
        data = {"meta": meta, "dev": dev, "scale": rows, "probes": probes, "notes": notes}
        (out / "results.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        report = render(dev, rows, meta, notes, plots, probes)
        (out / "report.md").write_text(report, encoding="utf-8")

    stores = ["embedded", "server"] if args.server else ["embedded"]
    with tempfile.TemporaryDirectory(prefix="isnad-bench-") as tmp:
        work = args.work or Path(tmp)
        try:
            if not args.skip_dev:
                dev = dev_phase(work / "dev_home", args.rounds, out)
                w = dev["warm"]
                bars = [
                    ("plain retriever (questions)", w["plain_q"]),
                    ("isnad ask", w["ask"]),
                    ("plain retriever (claims)", w["plain_c"]),
                    ("isnad verify", w["verify"]),
                ]
                warm_bars([(k, v["p50"], v["p95"]) for k, v in bars], out / "warm.png")
                plots.append("warm.png")  # fmt: skip
                save()
            if sizes:
                scale_phase(sizes, stores, work, out, args, rows, notes, save)
                scale_plot(rows, out / "scale.png")
                plots.append("scale.png")
            for n in probe_sizes:
                probes.append(run_probe(n, work, args))
                save()
        except BenchError as exc:
            print(f"bench: error: {exc}", file=sys.stderr)
            notes.append(f"stopped: {exc}")
            save()
            return 1
    meta["load average at end (1/5/15 min)"] = load()
    save()
    print((out / "report.md").read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
