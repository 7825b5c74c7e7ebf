"""The dev sets' claims assessed by the product's own steps: features, rule verdict and gold
stance per claim, from the articles ingested in-process into an index of their own."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.config import Settings
from assistant.core import Assistant
from assistant.models import as_lang
from assistant.verify.aggregate import checkable, gates, rule_label
from assistant.verify.passages import claim_passages
from assistant.verify.pipeline import assess
from index.language import detect_language

REALDATA = Path(__file__).resolve().parents[2].parent / "shared" / "realdata"
DEV_SETS = ("arclaims_dev", "enclaims_dev")


@dataclass(frozen=True)
class Row:
    """One claim: its id, article, gold stance, features and the rules' verdict."""

    id: str
    doc: str
    group: str  # the claim's id in its source (Arabic) or its article (English): CV groups
    stance: str
    accepted: list[str]
    features: dict[str, float]
    rule: str
    strict: str  # the rules' verdict from checkable slots only
    allowed: dict[str, bool]  # the verdicts the article's voices allow (aggregate.gates)


def assess_set(path: Path, home: Path) -> list[Row]:
    """Ingest a dev set's articles (once per home) and assess every claim."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    corpus = path.parent / "corpus"
    a = Assistant(Settings(home=home, default_article=False))
    docs = list(dict.fromkeys(it["doc"] for it in items))
    known = {d.doc_id for d in a.store.docs()}
    todo = [corpus / f"{d}.txt" for d in docs if d not in known]
    if todo:
        a.ingest(todo)
    rows = []
    for it in items:
        lang = as_lang(detect_language(it["text"]))
        hits = claim_passages(it["text"], [it["doc"]], a.retriever, a.store, a.embeddings)
        got = assess(it["text"], lang, hits, a.lexical, a.min_dense, a.settings.verify)
        group = str(it.get("claim_id") or it["doc"])
        strict = checkable(got.claim, got.judged, a.settings.verify)
        rule = rule_label(got.judged)
        rows.append(
            Row(it["id"], it["doc"], group, it["stance"], it["verdict"], got.features, rule,
                strict, gates(got.judged, got.features, a.settings.verify))
        )  # fmt: skip
    return rows


def load_rows(homes: Path, realdata: Path = REALDATA) -> list[Row]:
    """Both dev sets assessed, each in its own index under `homes`."""
    out: list[Row] = []
    for name in DEV_SETS:
        out += assess_set(realdata / f"{name}.jsonl", homes / name)
    return out


def as_json(rows: list[Row]) -> list[dict[str, Any]]:
    """Rows as plain JSON (for a cache or a look)."""
    return [r.__dict__ for r in rows]
