"""Aligned editions: units of an article with their rendering in the other language."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from index.errors import BadInput


class AlignedUnit(BaseModel):
    """One line of an aligned edition (`start`/`end` into the original, text per language)."""

    model_config = ConfigDict(extra="allow")

    start: int
    end: int
    ar: str | None = None
    en: str | None = None


def load_aligned(path: Path, source_text: str, source_lang: str) -> dict[tuple[int, int], str]:
    """(start, end) -> rendering in the other language; checks every unit against the source."""
    other = "en" if source_lang == "ar" else "ar"
    if not path.is_file():
        raise BadInput(f"{path}: no such aligned file")
    out: dict[tuple[int, int], str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            unit = AlignedUnit.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise BadInput(
                f"{path}:{n}: not an aligned unit ({str(exc).splitlines()[0]})"
            ) from None
        original = getattr(unit, source_lang)
        if not (0 <= unit.start < unit.end <= len(source_text)):
            raise BadInput(f"{path}:{n}: offsets {unit.start}-{unit.end} outside the article")
        if original is not None and source_text[unit.start : unit.end] != original:
            raise BadInput(
                f"{path}:{n}: text at {unit.start}-{unit.end} does not match the article"
            )
        rendering = getattr(unit, other)
        if rendering:
            out[(unit.start, unit.end)] = rendering
    if not out:
        raise BadInput(f"{path}: no '{other}' renderings found")
    return out
