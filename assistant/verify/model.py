"""The learned part of the verdict: a multinomial logistic regression over `features.FEATURES`,
trained on the dev sets by `python -m eval.train.verdicts` and shipped as a small JSON file
(feature means and scales, one weight row per stance, the thresholds chosen on dev for each
claim language: Arabic claims are sentences, English ones headlines, and their scores differ)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

STANCES = ("agree", "disagree", "discuss", "unrelated")
MODEL_FILE = "verdict_model.json"


@dataclass(frozen=True)
class StanceModel:
    """Weights over named features; probabilities of the article's stance to the claim."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray  # (stances, features)
    intercept: np.ndarray
    thresholds: dict[str, dict[str, float]]  # by claim language, then by verdict

    def probabilities(self, values: dict[str, float]) -> dict[str, float]:
        """P(agree / disagree / discuss / unrelated) for one claim's features."""
        x = (np.array([values[f] for f in self.features]) - self.mean) / self.scale
        z = self.coef @ x + self.intercept
        e = np.exp(z - z.max())
        p = e / e.sum()
        return {s: float(v) for s, v in zip(STANCES, p, strict=True)}


def from_json(data: dict[str, Any]) -> StanceModel:
    """A model from its JSON form (what eval/train/verdicts.py writes)."""
    return StanceModel(
        tuple(data["features"]), np.array(data["mean"]), np.array(data["scale"]),
        np.array(data["coef"]), np.array(data["intercept"]),
        {lang: dict(th) for lang, th in data["thresholds"].items()},
    )  # fmt: skip


@lru_cache(maxsize=1)
def shipped() -> StanceModel | None:
    """The model shipped in assistant/data (None before one is trained)."""
    path = resources.files("assistant") / "data" / MODEL_FILE
    if not path.is_file():
        return None
    return from_json(json.loads(path.read_text(encoding="utf-8")))
