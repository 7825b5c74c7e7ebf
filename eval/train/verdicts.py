"""`python -m eval.train.verdicts`: train the verdict model on the dev sets and ship it.

Deterministic, one command: ingests the Arabic and English dev sets' articles (each into an
index of its own under --homes, reused when given), assesses every claim with the product's own
steps (assistant.verify.pipeline.assess), then fits a multinomial logistic regression over the
few general features of assistant.verify.features to the gold stance. The regularisation and the
thresholds are chosen on out-of-fold probabilities (5 folds grouped by claim or article) for the
best mean macro-F1 of the two languages while keeping the precision of `supported` and
`contradicted` at or above --min-precision; the report gives those cross-validated scores next to
the fitted ones. Writes assistant/data/verdict_model.json (weights, thresholds, rule precision).
"""

from __future__ import annotations

import argparse
import itertools
import json
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from assistant.verify.aggregate import choose
from assistant.verify.features import FEATURES
from assistant.verify.model import MODEL_FILE, STANCES, from_json
from eval.train.assess import REALDATA, Row, load_rows
from eval.verdicts import verdict_scores

OUT = Path(__file__).resolve().parents[2] / "assistant" / "data" / MODEL_FILE
GRID = [round(float(t), 2) for t in np.arange(0.30, 0.96, 0.05)]
C_VALUES = (0.03, 0.1, 0.3, 1.0)
FOLDS = 5


def fit(x: np.ndarray, y: np.ndarray, c: float) -> dict[str, Any]:
    """A standardised multinomial logistic regression as the JSON the product loads."""
    from sklearn.linear_model import LogisticRegression

    mean, scale = x.mean(0), x.std(0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    lr.fit((x - mean) / scale, y)
    order = [list(lr.classes_).index(s) for s in STANCES]
    return {
        "features": list(FEATURES), "mean": mean.round(6).tolist(),
        "scale": scale.round(6).tolist(), "coef": lr.coef_[order].round(6).tolist(),
        "intercept": lr.intercept_[order].round(6).tolist(),
        "thresholds": {}, "C": c,
    }  # fmt: skip


def probabilities(model: dict[str, Any], rows: list[Row]) -> list[dict[str, float]]:
    """Each row's stance probabilities under a model in its JSON form."""
    m = from_json(model)
    return [m.probabilities(r.features) for r in rows]


def out_of_fold(rows: list[Row], c: float) -> list[dict[str, float]]:
    """Probabilities of every row from a model fitted without its group (claim or article)."""
    from sklearn.model_selection import GroupKFold

    x, y = _xy(rows)
    groups = [r.group for r in rows]
    out: list[dict[str, float]] = [{}] * len(rows)
    for train, test in GroupKFold(FOLDS).split(x, y, groups):
        model = fit(x[train], y[train], c)
        for i, p in zip(test, probabilities(model, [rows[i] for i in test]), strict=True):
            out[i] = p
    return out


def _xy(rows: list[Row]) -> tuple[np.ndarray, np.ndarray]:
    return np.array([[r.features[f] for f in FEATURES] for r in rows]), np.array(
        [r.stance for r in rows]
    )


LANGS = ("ar", "en")


def lang_of(row: Row) -> str:
    """The claim's language (the `arabic` feature)."""
    return "ar" if row.features["arabic"] else "en"


def rule_precision(rows: list[Row]) -> dict[str, float]:
    """How often each verdict the rules give alone is accepted (Laplace-smoothed)."""
    out = {}
    for label in ("supported", "contradicted", "disputed"):
        given = [r for r in rows if r.strict == label]
        right = sum(label in r.accepted for r in given)
        out[f"rule_{label}"] = round((right + 1) / (len(given) + 2), 4)
    return out


def verdicts(rows: list[Row], probs: list[dict[str, float]], th: dict[str, float]) -> list[str]:
    """The verdict of each row under these thresholds (the product's own `choose`)."""
    return [choose(p, r.strict, th, r.allowed)[0] for r, p in zip(rows, probs, strict=True)]


def scores(
    rows: list[Row], probs: list[dict[str, float]], th: dict[str, dict[str, float]]
) -> dict[str, Any]:
    """verdict_scores and the confusion (gold stance -> verdict) per language, each language
    with its own thresholds."""
    out = {}
    for lang in LANGS:
        idx = [i for i, r in enumerate(rows) if lang_of(r) == lang]
        sub = [rows[i] for i in idx]
        got = verdicts(sub, [probs[i] for i in idx], th[lang])
        confusion: dict[str, dict[str, int]] = {s: {} for s in STANCES}
        for r, v in zip(sub, got, strict=True):
            confusion[r.stance][v] = confusion[r.stance].get(v, 0) + 1
        pairs = [(r.accepted, v) for r, v in zip(sub, got, strict=True)]
        out[lang] = verdict_scores(pairs) | {"confusion": confusion}
    return out


def objective(result: dict[str, Any], min_precision: float) -> float:
    """Macro-F1 less ten times every shortfall of a supported or contradicted precision under
    min_precision (a verdict never given has no precision and no shortfall): the precision
    targets come first."""
    per = result["per_verdict"]
    short = sum(
        max(0.0, min_precision - (per[v]["precision"] or min_precision))
        for v in ("supported", "contradicted")
    )
    return float(result["macro_f1"] or 0.0) - 10 * short


def best_thresholds(
    rows: list[Row], probs: list[dict[str, float]], base: dict[str, float], min_precision: float
) -> tuple[dict[str, dict[str, float]], float]:
    """Per language, the thresholds with the best objective on these probabilities (ties: the
    higher ones); and the mean objective of the two languages."""
    chosen, total = {}, 0.0
    for lang in LANGS:
        idx = [i for i, r in enumerate(rows) if lang_of(r) == lang]
        sub, sub_p = [rows[i] for i in idx], [probs[i] for i in idx]
        best, best_score = {}, -9.0
        for ts, tc, td in itertools.product(GRID, GRID, GRID):
            th = base | {"supported": ts, "contradicted": tc, "disputed": td}
            pairs = list(zip([r.accepted for r in sub], verdicts(sub, sub_p, th), strict=True))
            score = objective(verdict_scores(pairs), min_precision)
            if score >= best_score:
                best, best_score = th, score
        chosen[lang], total = best, total + best_score / len(LANGS)
    return chosen, total


def main(argv: list[str] | None = None) -> int:
    """Train, report cross-validated and fitted scores, write the model file."""
    p = argparse.ArgumentParser(
        prog="python -m eval.train.verdicts", description=__doc__.splitlines()[0]
    )
    p.add_argument(
        "--homes", type=Path, help="folder for the dev sets' indexes (default: temporary)"
    )
    p.add_argument("--realdata", type=Path, default=REALDATA, help="folder of the dev sets")
    p.add_argument("--out", type=Path, default=OUT, help=f"model file (default: {OUT})")
    p.add_argument("--min-precision", type=float, default=0.8)
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="isnad-train-") as tmp:
        rows = load_rows(args.homes or Path(tmp), args.realdata)
    base = rule_precision(rows)
    tried = []
    for c in C_VALUES:
        oof = out_of_fold(rows, c)
        th, score = best_thresholds(rows, oof, base, args.min_precision)
        print(f"C={c}: cross-validated objective {score:.4f} with {th}")
        tried.append((score, c, th, oof))
    _, c, th, oof = max(tried, key=lambda t: t[0])  # the first of equals: the stronger prior
    x, y = _xy(rows)
    model = fit(x, y, c) | {"thresholds": th}
    report = {
        "cross_validated": scores(rows, oof, th),
        "fitted": scores(rows, probabilities(model, rows), th),
    }
    for kind, result in report.items():
        for lang, r in result.items():
            per = {v: (d["precision"], d["recall"], d["f1"]) for v, d in r["per_verdict"].items()}
            print(f"{kind} {lang}: macro-F1 {r['macro_f1']} (P, R, F1) {per}")
            print(f"    confusion (stance -> verdict): {r['confusion']}")
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
