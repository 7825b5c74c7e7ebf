"""`python -m eval.directions DATASET.jsonl`: isnad next to a plain dense retriever, per direction.

One run, both columns. isnad is measured through the public contract exactly as `eval.run` does
(every article ingested into a fresh temporary index by `isnad ingest`, all items through one
`isnad batch`; the same report files are written to --out). Before that index is deleted, a plain
dense retriever answers the same questions on it: embed the question with the index's own model,
take the single most similar sentence unit of the item's article (Chroma's stored vectors,
nothing else). `--embedder SPEC` adds a plain dense column for another model (e.g. EmbeddingGemma:
`st:PATH`), which embeds the same units in-process. Rows are the values of the items' `group`
field (XQuAD: ar-ar, en-en, en-ar, ar-en; `unans-<direction>` items count under their
direction), plus `all`. Printed as a Markdown table and written to OUT/directions.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from eval.data import BadInput, load_articles, load_items, load_speakers
from eval.isnad_cli import IsnadFailed, read_records, run_isnad
from eval.metrics import ItemScore, missing_groups, score_item
from eval.outputs import write_outputs
from eval.run import output_folder

Item = Mapping[str, Any]


def direction(item: Item) -> str:
    """The row an item counts in: its `group` (an unanswerable item under its direction)."""
    group = item.get("group")
    return str(group).removeprefix("unans-") if isinstance(group, str) else "all"


def _questions(items: Sequence[Item]) -> list[Item]:
    return [it for it in items if it["kind"] == "question" and it.get("answerable", True)]


def plain_top(home: Path, items: Sequence[Item], spec: str | None, threads: int) -> list[bool]:
    """Per answerable question: does the plain dense top sentence of its article hold the answer
    keys? `spec` None: the index's own vectors; else that model embeds the units here."""
    from assistant.config import Settings
    from assistant.core import Assistant
    from index.embeddings import IsnadEmbeddings

    a = Assistant(Settings(home=home, default_article=False, chroma_url=None))
    qs = _questions(items)
    chunks = a.lexical.chunks
    if spec is None:
        emb, store = a.store.embeddings, a.store
        out = []
        for it in qs:
            sims = store.dense(emb.encode_query(it["text"]), 1, [it["doc"]])
            top = max(sims, key=lambda cid: sims[cid]) if sims else None
            text = [a.lexical.by_id[top].text] if top in a.lexical.by_id else []
            out.append(bool(text) and not missing_groups(it.get("answer_keys") or [], text))
        return out
    model = IsnadEmbeddings(spec, threads)
    docs = {it["doc"] for it in qs}
    mine = [c for c in chunks if c.doc_id in docs]
    t0 = time.perf_counter()
    vectors = model.encode_documents([c.text for c in mine])
    t1 = time.perf_counter()
    rows: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(mine):
        rows[c.doc_id].append(i)
    out = []
    for it in qs:
        idx = rows.get(it["doc"], [])
        if not idx:
            out.append(False)
            continue
        sims = vectors[idx] @ model.encode_query(it["text"])
        text = [mine[idx[int(np.argmax(sims))]].text]
        out.append(not missing_groups(it.get("answer_keys") or [], text))
    t2 = time.perf_counter()
    print(
        f"eval: {spec}: {len(mine)} units in {t1 - t0:.0f} s, {len(qs)} questions in "
        f"{t2 - t1:.0f} s ({1000 * (t2 - t1) / max(len(qs), 1):.0f} ms each)",
        file=sys.stderr,
    )
    return out


def _ratio(hits: int, n: int) -> str:
    return f"{hits / n:.2f} ({hits}/{n})" if n else "–"


def table(
    items: Sequence[Item], scores: Sequence[ItemScore], plain: Mapping[str, list[bool]]
) -> str:
    """The per-direction Markdown table."""
    answerable = [(it, s) for it, s in zip(items, scores, strict=True)
                  if it["kind"] == "question" and it.get("answerable", True)]  # fmt: skip
    unanswerable = [(it, s) for it, s in zip(items, scores, strict=True)
                    if it["kind"] == "question" and not it.get("answerable", True)]  # fmt: skip
    rows = [*sorted({direction(it) for it, _ in answerable + unanswerable} - {"all"}), "all"]
    head = ["direction", "isnad: answer in top citation"]
    head += [f"plain dense top sentence ({name})" for name in plain]
    head += ["answer text", "language match", "false abstain", "unanswerable abstained"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for row in rows:
        keep = [i for i, (it, _) in enumerate(answerable) if row in ("all", direction(it))]
        un = [s for it, s in unanswerable if row in ("all", direction(it))]
        sc = [answerable[i][1] for i in keep]

        def hit(metric: str, group: Sequence[ItemScore]) -> str:
            vals = [s.scores[metric] for s in group if metric in s.scores]
            return _ratio(sum(h for h, _ in vals), sum(n for _, n in vals))

        abstained = sum(1 for s in sc if s.scores.get("answered_when_answerable", (1, 1))[0] == 0)
        cells = [row, hit("answer_keys_in_top_citation", sc)]
        cells += [_ratio(sum(col[i] for i in keep), len(keep)) for col in plain.values()]
        cells += [hit("answer_keys_in_answer", sc), hit("lang_match", sc + un),
                  _ratio(abstained, len(sc)), hit("abstained_when_unanswerable", un)]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Measure isnad through the contract and the plain dense retriever(s) on its index."""
    p = argparse.ArgumentParser(
        prog="python -m eval.directions", description=__doc__.split("\n")[0]
    )
    p.add_argument("dataset", type=Path, metavar="DATASET.jsonl")
    p.add_argument("--out", type=Path, help="output folder (default: a new temporary folder)")
    p.add_argument("--embedder", action="append", default=[], metavar="SPEC",
                   help="another plain dense column with this embedder (repeatable)")  # fmt: skip
    p.add_argument("--threads", type=int, default=2, help="threads for --embedder models")
    args = p.parse_args(argv)
    try:
        items = load_items(args.dataset)
        speakers = load_speakers(args.dataset.parent / "speakers.json", items)
        articles = load_articles(items, args.dataset.parent / "corpus")
        out = output_folder(args.out, args.dataset)
    except (BadInput, OSError) as exc:
        print(f"eval: error: {exc}", file=sys.stderr)
        return 2
    plain: dict[str, list[bool]] = {}

    def measure(home: Path) -> None:
        from assistant.config import Settings

        plain[Settings().embedder_spec.partition(":")[0]] = plain_top(home, items, None, 0)
        for spec in args.embedder:
            plain[spec.rsplit("/", 1)[-1]] = plain_top(home, items, spec, args.threads)

    try:
        records = read_records(run_isnad(items, articles, out, inspect=measure))
    except IsnadFailed as exc:
        print(f"eval: error: {exc}", file=sys.stderr)
        return 1
    sources = {a.doc_id: a.source for a in articles}
    scores = [score_item(it, records.get(it["id"]), sources, speakers) for it in items]
    write_outputs(out, items, records, scores, [f"dataset: `{args.dataset}`"])
    text = table(items, scores, plain)
    (out / "directions.md").write_text(text + "\n", encoding="utf-8")
    print(text)
    print(f"report: {out / 'report.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
