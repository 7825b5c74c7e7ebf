"""`python -m eval.train.answers`: learn the passage ranker and the abstention threshold.

Reads the dev sets (XQuAD dev in four directions plus the project's own dev set), retrieves each
question's passages as `isnad ask` does, computes assistant.answer.features for every passage and
fits one logistic regression per mode (passages whose words compare with the question's, and
passages in the other language), features standardised, C chosen by cross-validation grouped by
Wikipedia article. The abstention threshold per mode is the highest one that keeps the
cross-validated false-abstain rate on answerable questions at or under --false-abstain.
Writes assistant/data/answer_model.json (coefficients folded back to raw features) and prints
fitted and cross-validated top-1 per direction. Deterministic: no random state is drawn.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np

from eval.train.candidates import Sample, collect

ROOT = Path(__file__).resolve().parents[2]
DATASETS = (
    ROOT.parent / "shared" / "realdata" / "xquad_dev.jsonl",
    ROOT / "eval" / "datasets" / "dev.jsonl",
)
MODES = ("same", "cross")
CS = (0.03, 0.1, 0.3, 1.0, 3.0)
# How much the answer log-odds (comparable across articles) adds to the pairwise ranking score
# (which orders the passages of one article best): chosen with C by grouped cross-validation.
ODDS_WEIGHTS = (0.1, 0.25, 0.5, 1.0)
FOLDS = 5


def _mode_rows(samples: list[Sample], mode: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    want = mode == "same"
    xs, ys, gs = [], [], []
    for i, s in enumerate(samples):
        keep = s.comparable == want
        if keep.any():
            xs.append(s.X[keep])
            ys.append(s.y[keep])
            gs.append(np.full(int(keep.sum()), i))
    if not xs:
        return np.zeros((0, 0)), np.zeros(0), np.zeros(0)
    return np.vstack(xs), np.concatenate(ys), np.concatenate(gs)


def _standardised(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mu, sd = X.mean(0), X.std(0)
    sd[sd == 0] = 1.0
    return mu, sd


def _pairs(samples: list[Sample], mode: str) -> tuple[np.ndarray, np.ndarray]:
    """Differences gold - other between passages of one question and one mode (both signs)."""
    want = mode == "same"
    diffs = []
    for s in samples:
        keep = s.comparable == want
        pos, neg = s.X[keep & s.y], s.X[keep & ~s.y]
        if len(pos) and len(neg):
            diffs.append((pos[:, None, :] - neg[None, :, :]).reshape(-1, s.X.shape[1]))
    if not diffs:
        return np.zeros((0, 0)), np.zeros(0)
    d = np.vstack(diffs)
    return np.vstack([d, -d]), np.concatenate([np.ones(len(d)), np.zeros(len(d))])


def fit(samples: list[Sample], c: float) -> dict[str, dict[str, object]]:
    """Per mode: ranking weights (pairwise logistic regression: gold above the others) and
    answer weights (pointwise: is this passage an answer at all), on raw features."""
    from sklearn.linear_model import LogisticRegression

    model: dict[str, dict[str, object]] = {}
    for mode in MODES:
        X, y, _ = _mode_rows(samples, mode)
        D, t = _pairs(samples, mode)
        if not len(y) or y.all() or not y.any() or not len(t):
            continue
        _, sd = _standardised(D)
        rank = LogisticRegression(C=c, max_iter=4000, fit_intercept=False)
        rank.fit(D / sd, t)
        mu, sdx = _standardised(X)
        point = LogisticRegression(C=c, max_iter=4000, class_weight="balanced")
        point.fit((X - mu) / sdx, y)
        w = point.coef_[0] / sdx
        b = float(point.intercept_[0] - (point.coef_[0] * mu / sdx).sum())
        model[mode] = {
            "rank": [round(float(v), 6) for v in rank.coef_[0] / sd],
            "answer": [round(float(v), 6) for v in w],
            "bias": round(b, 6),
        }
    return model


def scores(model: dict[str, dict[str, object]], s: Sample, odds_weight: float = 1.0) -> np.ndarray:
    """Per passage (rows): ranking score and answer log-odds (columns) under the model."""
    out = np.full((len(s.y), 2), -np.inf)
    for mode in MODES:
        if mode not in model:
            continue
        keep = s.comparable == (mode == "same")
        m = model[mode]
        out[keep, 0] = s.X[keep] @ np.asarray(m["rank"], dtype=float)
        bias = float(m["bias"])  # type: ignore[arg-type]
        out[keep, 1] = s.X[keep] @ np.asarray(m["answer"], dtype=float) + bias
        out[keep, 0] += odds_weight * out[keep, 1]  # as the product ranks (model.py)
    return out


def folds(samples: list[Sample]) -> list[list[int]]:
    """Sample indices per fold, whole groups (Wikipedia articles) kept together, by sorted name."""
    groups = sorted({s.group for s in samples})
    out: list[list[int]] = [[] for _ in range(FOLDS)]
    for i, s in enumerate(samples):
        out[groups.index(s.group) % FOLDS].append(i)
    return out


def with_answerable(model: dict, abstain: dict, s: Sample, odds_weight: float = 1.0) -> np.ndarray:
    """Passage scores, the answer column replaced by the question's answerable log-odds."""
    sc = scores(model, s, odds_weight)
    sc[:, 1] = answerable_score(abstain, s)[0]
    return sc


def cross_scores(samples: list[Sample], c: float, odds_weight: float = 1.0) -> list[np.ndarray]:
    """Scores of every sample from models fitted without its fold."""
    result: list[np.ndarray] = [np.zeros(0)] * len(samples)
    for fold in folds(samples):
        held = set(fold)
        train = [s for i, s in enumerate(samples) if i not in held]
        model, abstain = fit(train, c), fit_abstain(train, c)
        for i in fold:
            result[i] = with_answerable(model, abstain, samples[i], odds_weight)
    return result


ABSTAIN_FEATURES = {
    "same": ("dense", "coverage", "root_coverage", "doc_coverage"),
    "cross": ("dense", "dense_rtl", "shared_names", "shared_numbers"),
}


def question_row(s: Sample, mode: str) -> np.ndarray:
    """The question-level abstention features: their maxima over the passages of that mode."""
    from assistant.answer.features import FEATURES

    keep = s.comparable == (mode == "same")
    cols = [FEATURES.index(f) for f in ABSTAIN_FEATURES[mode]]
    return s.X[keep][:, cols].max(0) if keep.any() else np.zeros(len(cols))


def question_mode(s: Sample) -> str:
    """A question is judged on comparable passages when it has any."""
    return "same" if s.comparable.any() else "cross"


def fit_abstain(samples: list[Sample], c: float) -> dict[str, dict[str, object]]:
    """Per mode: logistic regression of 'answerable' on the question-level features."""
    from sklearn.linear_model import LogisticRegression

    out: dict[str, dict[str, object]] = {}
    for mode in MODES:
        rows = [(question_row(s, mode), s.item.get("answerable", True)) for s in samples
                if len(s.y) and question_mode(s) == mode]  # fmt: skip
        if len({y for _, y in rows}) < 2:
            continue
        X = np.array([r for r, _ in rows])
        y = np.array([y for _, y in rows])
        mu, sd = _standardised(X)
        lr = LogisticRegression(C=c, max_iter=4000, class_weight="balanced")
        lr.fit((X - mu) / sd, y)
        w = lr.coef_[0] / sd
        b = float(lr.intercept_[0] - (lr.coef_[0] * mu / sd).sum())
        out[mode] = {"features": list(ABSTAIN_FEATURES[mode]),
                     "weights": [round(float(v), 6) for v in w], "bias": round(b, 6)}  # fmt: skip
    return out


def answerable_score(abstain: dict[str, dict[str, object]], s: Sample) -> tuple[float, str]:
    """The question's answerable log-odds and its mode."""
    mode = question_mode(s)
    m = abstain.get(mode)
    if m is None or not len(s.y):
        return -np.inf, mode
    w = np.asarray(m["weights"], dtype=float)
    return float(question_row(s, mode) @ w + float(m["bias"])), mode  # type: ignore[arg-type]


def top_mode(s: Sample, sc: np.ndarray) -> tuple[float, str]:
    """The best score and the mode of the passage that has it."""
    if not len(sc):
        return -np.inf, "same"
    return float(sc[:, 1].max()), question_mode(s)


def thresholds(samples: list[Sample], sc: list[np.ndarray], rate: float) -> dict[str, float]:
    """Per mode, the highest threshold whose false-abstain rate is at most `rate`."""
    out = {}
    for mode in MODES:
        tops = sorted(
            top_mode(s, x)[0] for s, x in zip(samples, sc, strict=True)
            if s.item.get("answerable", True) and s.y.any() and top_mode(s, x)[1] == mode
        )  # fmt: skip
        if tops:
            k = int(np.floor(rate * len(tops)))
            out[mode] = round(float(tops[k] - 1e-6), 6)
    return out


def report(
    samples: list[Sample], sc: list[np.ndarray], th: dict[str, float]
) -> dict[str, list[float]]:
    """Per direction: top-1, false abstain, unanswerable abstained."""
    by: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for s, x in zip(samples, sc, strict=True):
        best, mode = top_mode(s, x)
        abstain = best < th.get(mode, -np.inf)
        row = by[s.direction]
        if s.item.get("answerable", True):
            row[0] += 1
            row[1] += bool(len(x)) and bool(s.y[int(np.argmax(x[:, 0]))]) and not abstain
            row[2] += abstain
        else:
            row[3] += 1
            row[4] += abstain
    return dict(by)


def table(title: str, rows: dict[str, list[float]]) -> str:
    """Markdown rows of a report."""
    head = "| direction | top-1 (answered) | false abstain | unanswerable abstained |"
    lines = [f"\n{title}\n", head, "| --- | --- | --- | --- |"]
    tot = [0.0] * 5
    for d in sorted(rows):
        r = rows[d]
        tot = [a + b for a, b in zip(tot, r, strict=True)]
        n = max(r[0], 1)
        lines.append(f"| {d} | {r[1] / n:.3f} ({r[1]}/{r[0]}) | {r[2] / n:.3f} | {r[4]}/{r[3]} |")
    lines.append(f"| all | {tot[1] / max(tot[0], 1):.3f} | {tot[2] / max(tot[0], 1):.3f} "
                 f"| {tot[4]:.0f}/{tot[3]:.0f} |")  # fmt: skip
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Collect, choose C by grouped CV, fit, pick thresholds, write the model, print tables."""
    from assistant.answer.features import FEATURES

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--datasets", nargs="*", type=Path, default=list(DATASETS))
    p.add_argument("--home", type=Path, help="index folder to reuse (default: a temporary one)")
    p.add_argument("--false-abstain", type=float, default=0.02)
    p.add_argument("--out", type=Path, help="weights file (default: the bundled one for the "
                   "configured embedder, ISNAD_EMBED_MODEL)")  # fmt: skip
    args = p.parse_args(argv)
    home = args.home or Path(tempfile.mkdtemp(prefix="isnad-train-"))
    samples = collect(args.datasets, home)
    best_c, best_w, best_acc = CS[0], ODDS_WEIGHTS[-1], -1.0
    for c in CS:
        for w in ODDS_WEIGHTS:
            sc = cross_scores(samples, c, w)
            acc = np.mean([bool(s.y[int(np.argmax(x[:, 0]))])
                           for s, x in zip(samples, sc, strict=True) if s.y.any()])  # fmt: skip
            print(f"C={c} odds weight {w}: cross-validated top-1 {acc:.4f}", file=sys.stderr)
            if acc > best_acc + 1e-9:
                best_c, best_w, best_acc = c, w, float(acc)
    cv = cross_scores(samples, best_c, best_w)
    th_cv = thresholds(samples, cv, args.false_abstain)
    model, abstain = fit(samples, best_c), fit_abstain(samples, best_c)
    fitted = [with_answerable(model, abstain, s, best_w) for s in samples]
    th = thresholds(samples, fitted, args.false_abstain)
    from assistant.answer.model import bundled_for, embedder_key
    from assistant.config import Settings

    spec = Settings().embedder_spec
    args.out = args.out or bundled_for(spec)
    out = {"embedder": embedder_key(spec), "features": list(FEATURES), "C": best_c,
           "odds_weight": best_w,
           "false_abstain": args.false_abstain, "modes": model, "abstain": abstain,
           "thresholds": th}  # fmt: skip
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(table("fitted (weights and thresholds from all dev data)", report(samples, fitted, th)))
    cv_title = "cross-validated (5 folds grouped by article; thresholds from the folds' scores)"
    print(table(cv_title, report(samples, cv, th_cv)))
    print(f"\nwrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
