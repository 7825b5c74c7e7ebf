"""`python -m eval.bench`: isnad against a plain LangChain + Chroma retriever, then at scale.

The command line of the benchmark (eval/bench/__init__.py says what it measures); `_worker` and
`_probe` are the fresh processes it starts for each scale size and lexical-probe size.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from pathlib import Path
from typing import Any

from eval.bench.common import EVAL_DIR, BenchError, load
from eval.bench.dev import dev_phase
from eval.bench.probe import probe, run_probe
from eval.bench.render import render
from eval.bench.scale import scale_phase
from eval.bench.throughput import VARIANTS, run_throughput, throughput
from eval.bench.worker import worker, worker_parser


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
    p.add_argument(
        "--prebuilt",
        action="store_true",
        help="build the scale indexes from the pre-embedded corpus (the real model's vectors of "
        "every distinct chunk text, computed once into --vectors); queries use the model",
    )
    p.add_argument(
        "--vectors",
        type=Path,
        help="pre-embedded corpus folder (default: eval/out/bench-vectors/<embedder hash>)",
    )
    p.add_argument(
        "--fresh",
        type=int,
        default=5,
        help="new articles ingested (real model) before the first-query-after-ingest",
    )
    p.add_argument(
        "--no-cold",
        dest="cold",
        action="store_false",
        help="skip the cold CLI start on each scale index",
    )
    p.add_argument(
        "--throughput",
        type=int,
        default=0,
        metavar="N",
        help="ingest throughput of N articles against the embedder alone (0: skip)",
    )
    p.add_argument(
        "--throughput-groups",
        type=int,
        default=8,
        help="slices the throughput articles are measured in (default: %(default)s)",
    )
    p.add_argument(
        "--throughput-variants",
        default="default",
        help=f"ingest variants to time: {', '.join(VARIANTS)} (default: %(default)s)",
    )
    return p  # fmt: skip


def _vectors(argv: list[str]) -> int:
    """`_vectors --n N [--cache DIR]`: compute (or complete) the pre-embedded synthetic corpus."""
    from assistant.config import Settings
    from eval.bench.vectors import build_cache, default_cache
    from index.embeddings import IsnadEmbeddings

    p = argparse.ArgumentParser(prog="python -m eval.bench _vectors")
    p.add_argument("--n", type=int, required=True)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--cache", type=Path)
    args = p.parse_args(argv)
    s = Settings()
    real = IsnadEmbeddings(s.embedder_spec, s.embed.threads)
    build_cache(args.n, args.seed, args.cache or default_cache(s.embedder_spec), real,
                s.chunk.max_chars)  # fmt: skip
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; 0 when measured (whatever the numbers), 1 when something broke."""
    argv = sys.argv[1:] if argv is None else argv
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    if argv[:1] == ["_worker"]:
        return worker(worker_parser().parse_args(argv[1:]))
    if argv[:1] == ["_throughput"]:
        tp = argparse.ArgumentParser(prog="python -m eval.bench _throughput")
        for name in ("--articles", "--home", "--result"):
            tp.add_argument(name, type=Path, required=True)
        for name in ("--n", "--seed", "--groups"):
            tp.add_argument(name, type=int, required=True)
        tp.add_argument("--variants", required=True)
        return throughput(tp.parse_args(argv[1:]))
    if argv[:1] == ["_probe"]:
        pp = argparse.ArgumentParser(prog="python -m eval.bench _probe")
        pp.add_argument("--result", type=Path, required=True)
        for name in ("--n", "--queries", "--seed"):
            pp.add_argument(name, type=int, required=True)
        return probe(pp.parse_args(argv[1:]))
    if argv[:1] == ["_vectors"]:
        return _vectors(argv[1:])
    args = _parser().parse_args(argv)
    try:
        sizes = [int(x.replace("_", "")) for x in args.sizes.split(",") if x.strip()]
        probe_sizes = [int(x.replace("_", "")) for x in args.lexical_probe.split(",") if x.strip()]
    except ValueError:
        print("bench: error: --sizes and --lexical-probe take numbers", file=sys.stderr)
        return 2
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    bad = set(args.throughput_variants.split(",")) - set(VARIANTS)
    if bad:
        print(f"bench: error: unknown --throughput-variants {sorted(bad)}", file=sys.stderr)
        return 2
    if args.embedder:
        os.environ["ISNAD_EMBED_MODEL"] = args.embedder  # this process and the workers
    from assistant.config import Settings
    from eval.bench.plots import scale_plot, warm_bars

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
    tput: dict[str, Any] | None = None

    def save() -> None:
        data = {"meta": meta, "dev": dev, "throughput": tput, "scale": rows, "probes": probes,
                "notes": notes}  # fmt: skip
        (out / "results.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        report = render(dev, rows, meta, notes, plots, probes, tput)
        (out / "report.md").write_text(report, encoding="utf-8")

    stores = ["embedded", "server"] if args.server else ["embedded"]
    with tempfile.TemporaryDirectory(prefix="isnad-bench-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
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
            if args.throughput:
                tput = run_throughput(args.throughput, work, args)
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
