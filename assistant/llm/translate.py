"""LLM translations of cited passages for articles without an aligned edition, cached per unit."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

from assistant import messages
from assistant.errors import LLMError
from assistant.llm.client import ChatModel
from assistant.llm.prompts import load_prompt
from assistant.models import Chunk, Citation
from assistant.verify.numbers import quantities, same_quantity


class Translator:
    """Translates a passage once per (text, language, model) and remembers it on disk."""

    def __init__(self, model: ChatModel, cache_file: Path) -> None:
        self.model, self.cache_file = model, cache_file
        self._lock = threading.Lock()
        self._cache: dict[str, str] | None = None

    def _key(self, text: str, source: str, target: str) -> str:
        raw = json.dumps([text, source, target, self.model.settings.llm_model])
        return hashlib.sha256(raw.encode()).hexdigest()

    def _load(self) -> dict[str, str]:
        if self._cache is None:
            try:
                self._cache = json.loads(self.cache_file.read_text(encoding="utf-8"))
            except (FileNotFoundError, json.JSONDecodeError):
                self._cache = {}
        return self._cache

    def fill(self, citations: Sequence[Citation], chunks: Mapping[str, Chunk], lang: str) -> None:
        """Fill `translation` of cited passages written in the other language."""
        for c in citations:
            source = chunks.get(c.chunk_id)
            if c.translation is None and source is not None and source.lang != lang:
                c.translation = self.translate(c.quote, source.lang, lang)

    def translate(self, text: str, source: str, target: str) -> str | None:
        """The passage in `target`, or None when the model fails or mangles it."""
        key = self._key(text, source, target)
        with self._lock:
            cached = self._load().get(key)
        if cached is not None:
            return cached
        system = load_prompt("translate").render(
            source_language=messages.LANGUAGE_NAME[source],
            target_language=messages.LANGUAGE_NAME[target],
        )
        try:
            out = self.model.complete(system, f"<passage>\n{text}\n</passage>").strip()
        except LLMError:
            return None
        if not _faithful(text, out):
            return None
        with self._lock:
            cache = self._load()
            cache[key] = out
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.cache_file.with_suffix(".tmp")
            tmp.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, self.cache_file)
        return out


def _faithful(source: str, translation: str) -> bool:
    """A translation keeps every number and has a plausible length."""
    if not translation or not 0.3 <= len(translation) / max(len(source), 1) <= 3.0:
        return False
    got = quantities(translation)
    return all(any(same_quantity(q, g) for g in got) for q in quantities(source))
