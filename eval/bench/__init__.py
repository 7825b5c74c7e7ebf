"""`python -m eval.bench`: isnad against a plain LangChain + Chroma retriever, then at scale.

1. Dev set, warm, in this process: a plain retriever (embed the query, Chroma top-k over the same
   collection, the same embedding model; no BM25, no attribution, no answer) against isnad's
   `ask` and `verify`: p50/p95 and their ratio, where `ask` spends its time, a cProfile of one
   query; the cold CLI start (`python -m assistant ask ...` on the built index, median of 3);
   ingest of the dev corpus and the peak RSS.
2. Scale: N synthetic bilingual articles (eval/synth/) ingested with `Assistant.ingest` in a
   fresh process per size, in the embedded store and (--server) in a Chroma server started here
   on 127.0.0.1: ingest time and rate, first-query time (BM25 build), warm ask/verify/plain p50
   and p95, whether the key figure is found, peak RSS, index size on disk.
   After the smallest size, a size whose estimated ingest exceeds --budget-min is replaced by the
   largest size that fits (or skipped), and the report says so.

   With --prebuilt the builds take the model's vectors from a pre-embedded corpus (vectors);
   each size also times the cold CLI start, and an ingest of new articles then the first query
   after it.
3. Ingest throughput (--throughput N): ingest of N articles against the embedding model alone
   on the same texts, in the same process.

Writes eval/out/bench/{report.md,results.json,*.png,profile_*.txt} and prints the report.

Modules: cli (the command line, `__main__`), common (timing, memory, paths), plain (the baseline
retriever and the warm comparison), dev (part 1), cold (cold CLI start), scale (part 2: sizes,
time budget), worker (one size in a fresh process), vectors (the pre-embedded corpus),
throughput (part 3), server (the Chroma server), probe (the lexical probe), render (the
report), plots (warm and scale plots).
"""
