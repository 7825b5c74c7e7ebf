"""The benchmark report in Markdown (pure: from the results dictionaries)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from eval.bench.cold import COLD_QUESTION


def _f(x: Any, fmt: str = ",.1f") -> str:
    return "–" if x is None else format(x, fmt)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    return [_row(head), _row(["---"] * len(head)), *(_row(r) for r in rows), ""]


def render(dev: dict[str, Any] | None, rows: Sequence[dict[str, Any]], meta: dict[str, Any],
           notes: Sequence[str], plots: Sequence[str],
           probes: Sequence[dict[str, Any]] = (), tput: dict[str, Any] | None = None,
           ) -> str:  # fmt: skip
    """The benchmark report in Markdown."""
    parts = ["# isnad benchmark", ""]
    parts += [f"- {k}: {v}" for k, v in meta.items()] + [""]
    goals: list[list[str]] = []
    if tput:
        parts += throughput_section(tput, goals)
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
        parts += scale_extra(rows, goals)
        parts += ["## Scale (synthetic bilingual articles, `eval/synth/`)", ""]
        parts += [
            "One fresh process per size and store; ingest with one `Assistant.ingest` call "
            "(model already loaded); `first query` builds the BM25 index from the store; then "
            f"{rows[0]['queries']} questions and {rows[0]['queries']} claims about articles spread "
            f"over the set, {rows[0]['rounds']} warm rounds. `found` = answers containing the "
            "key figure of an article the question fits (the synthetic vocabulary is small: at "
            "10,000 articles most questions fit several articles, `shared` counts them); `plain "
            "found` = plain top-k containing a unit of such an article.",
            "",
        ]
        parts += _table(
            ["store", "articles", "units", "ingest s", "articles/min", "first query s",
             "ask p50", "ask p95", "verify p50", "verify p95", "plain p50", "plain p95",
             "ask p50 / plain p50", "found", "plain found", "shared", "peak RSS MB",
             "server RSS MB", "disk MB"],
            [[r["store"], f"{r['n']:,}", f"{r['units']:,}", _f(r["ingest_s"]),
              _f(r["ingest_per_min"], ",.0f"), _f(r["first_query_ms"] / 1000, ",.2f"),
              _f(r["ask_p50_ms"]), _f(r["ask_p95_ms"]), _f(r["verify_p50_ms"]),
              _f(r["verify_p95_ms"]), _f(r["plain_p50_ms"]), _f(r["plain_p95_ms"]),
              f"{r['ask_p50_ms'] / r['plain_p50_ms']:.2f}", f"{r['found']}/{r['queries']}",
              f"{r['plain_found']}/{r['queries']}", str(r.get("shared_questions", "–")),
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
            embedded_here = [r for r in rows if not r.get("prebuilt")]  # the model ran
            if embedded_here:
                fast = max(embedded_here, key=lambda r: r["ingest_per_min"])
                goals.append(["ingest ≥ 200 articles/min (best run with the model)",
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


def _cold(times: Sequence[float] | None) -> str:
    if not times:
        return "–"
    rest = f" / {statistics.median(times[1:]):,.2f}" if len(times) > 1 else ""
    return f"{times[0]:,.2f}{rest}"


def throughput_section(t: dict[str, Any], goals: list[list[str]]) -> list[str]:
    """Ingest sentences/s against the embedder alone on the same texts, same process."""
    parts = ["## Ingest throughput against the embedding model's own speed", ""]
    parts += [
        f"{t['n']:,} synthetic articles ({t['texts']:,} chunks) in {t['groups']} groups; "
        f"embedder batches of {t['batch_rows']}, {t['threads']} threads. For each group and "
        "variant: the group's chunk texts through `encode_documents` alone (the model's own "
        "speed, the ceiling), then `Assistant.ingest` of the group's files into the variant's "
        "index (read, cut, attribute, embed, write to Chroma). `model alone s` = per group the "
        "mean of its model-alone slices, summed over the groups; both sides alternate every "
        "~25 s, so they see the same load.",
        "",
    ]
    parts += _table(
        ["ingest", "ingest s", "sentences/s", "model alone s", "model alone sentences/s",
         "ingest / model alone", "articles/min", "stored chunks"],
        [[f"{r['variant']}: {r['what']}", _f(r["seconds"]), _f(r["sentences_per_s"]),
          _f(r["embedder_seconds"]), _f(r["embedder_per_s"]), f"{r['ratio']:.0%}",
          _f(r["articles_per_min"], ",.0f"), f"{r['stored']:,}"] for r in t["runs"]],
    )  # fmt: skip
    best = max(t["runs"], key=lambda r: r["ratio"])
    goals.append(["ingest ≥ 85% of the embedder's own throughput",
                  f"{best['ratio']:.0%} ({best['variant']})",
                  "yes" if best["ratio"] >= 0.85 else "**no**"])  # fmt: skip
    return parts


def scale_extra(rows: Sequence[dict[str, Any]], goals: list[list[str]]) -> list[str]:
    """Cold start, first query after an ingest, memory and disk at each size."""
    parts = ["## Scale: start, updates, memory", ""]
    parts += [
        "`build` = the one `Assistant.ingest` call over all articles, in its own process (with "
        "`prebuilt`, vectors come from the pre-embedded corpus: everything but the model runs). "
        "Then a fresh *serve* process opens the index: `first query` = its first `ask` (it "
        "reads the lexical index from Chroma), then the warm queries below, then `new "
        "articles`: ingest of new articles with the model, and the first and second `ask` "
        "after it (`found`: the new article's figure, asked within it). `cold CLI` = fresh "
        "`python -m assistant ask ...` processes on the built index (start, model load, Chroma "
        "open, lexical index read, answer): the 1st reads every unit from Chroma and writes the "
        "local snapshot, the next ones (median) read the snapshot, as the serve process does. "
        "Client RSS: the serve process's peak, and the cold CLI's; server RSS: the Chroma "
        "server's peak (build included) and at the end.",
        "",
    ]
    parts += _table(
        ["store", "articles", "units", "build", "first query s",
         "cold CLI s (1st / next)",
         "new articles: ingest s", "first ask after, ms", "second ask, ms", "found",
         "client RSS MB (serve peak / cold CLI)", "server RSS MB (peak / end)", "disk MB"],
        [[r["store"], f"{r['n']:,}", f"{r['units']:,}",
          f"{r['ingest_s']:,.0f} s{' (prebuilt)' if r.get('prebuilt') else ''}",
          _f(r["first_query_ms"] / 1000, ",.2f"),
          _cold(r.get("cold_cli_s")),
          f"{r['fresh_articles']}: {r['fresh_ingest_ms'] / 1000:,.1f}",
          _f(r["after_ingest_first_ms"]), _f(r["after_ingest_second_ms"]),
          "yes" if r["after_ingest_found"] else "**no**",
          f"{r['peak_rss_mb']:,.0f} / {_f(r.get('cold_cli_rss_mb'), ',.0f')}",
          f"{_f(r['server_peak_rss_mb'], ',.0f')} / {_f(r['server_end_rss_mb'], ',.0f')}",
          _f(r["disk_mb"] if r["disk_mb"] is not None else r["server_disk_mb"], ",.0f")]
         for r in rows],
    )  # fmt: skip
    big = [r for r in rows if r["n"] >= 10_000]
    if big:
        for r in big:
            rss = [("client", r["peak_rss_mb"]), ("cold CLI", r.get("cold_cli_rss_mb") or 0),
                   ("Chroma server", r["server_peak_rss_mb"] or 0)]  # fmt: skip
            shown = "; ".join(f"{k} {v:,.0f} MB" for k, v in rss if v)
            goals.append([f"RSS ≤ 2 GB at {r['n']:,} articles ({r['store']})", shown,
                          "yes" if max(v for _, v in rss) <= 2048 else "**no**"])  # fmt: skip
    return parts
