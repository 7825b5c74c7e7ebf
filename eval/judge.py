"""The optional LLM judge (RAGAS-style faithfulness): its prompts, the parsing of its replies,
the reply cache, and the scoring of every item's answer claims against its citations."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from eval.metrics import Item, ItemScore, citations

JUDGE_CLAIMS_SYSTEM = (
    "You split an answer into short, self-contained factual claims. The answer may be in Arabic "
    "or English; write each claim in the answer's language. Keep who said what: 'X said Y' is "
    "one claim. Skip statements that only say the sources do not answer. "
    'Reply with JSON only: {"claims": ["...", "..."]}'
)
JUDGE_SUPPORT_SYSTEM = (
    "You check claims against numbered source passages, which may be in Arabic or English: "
    "judge meaning, not language. A claim is supported only when the passages alone state it, "
    "including who says it. Reply with JSON only, one entry per claim, in order: "
    '{"supported": [true, false, ...]}'
)
_MARKERS = re.compile(r"\s*\[\d+(?:\s*[,،]\s*\d+)*\]")
_JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)


def judge_inputs(item: Item, record: Mapping[str, Any] | None) -> tuple[str, str, list[str]] | None:
    """(question or claim, answer text without [n] markers, cited passages) for the judge;
    None when there is nothing to judge (error, abstention, no citations)."""
    result = (record or {}).get("result")
    if not isinstance(result, Mapping) or result.get("abstained") is True:
        return None
    kind = item["kind"]
    text = result.get("answer" if kind == "question" else "explanation")
    cites = citations(kind, result)
    if not isinstance(text, str) or not text.strip() or not cites:
        return None
    passages = []
    for c in cites:
        line = f"[{c.get('id')}] ({c.get('speaker')}, {c.get('role')}) {c.get('quote')}"
        if isinstance(c.get("translation"), str) and c["translation"]:
            line += f"\n    translation: {c['translation']}"
        passages.append(line)
    return item["text"], _MARKERS.sub("", text).strip(), passages


def claims_prompt(question: str, answer: str) -> str:
    """The user message asking the judge to list the answer's claims."""
    return f"Question or claim checked:\n{question}\n\nAnswer:\n{answer}"


def support_prompt(claims: Sequence[str], passages: Sequence[str]) -> str:
    """The user message asking whether each claim is supported by the cited passages."""
    numbered = "\n".join(f"{n}. {c}" for n, c in enumerate(claims, start=1))
    return "Passages:\n" + "\n".join(passages) + f"\n\nClaims:\n{numbered}"


def parse_json_object(reply: str) -> dict[str, Any] | None:
    """The first {...} JSON object in a reply (code fences and prose around it allowed)."""
    m = _JSON_OBJECT.search(reply)
    if not m:
        return None
    try:
        data = json.loads(m.group(0))
    except json.JSONDecodeError:
        return None
    return data if isinstance(data, dict) else None


def parse_claims(reply: str) -> list[str] | None:
    """The claims of a claims reply, or None when the reply is unusable."""
    data = parse_json_object(reply)
    claims = (data or {}).get("claims")
    if not isinstance(claims, list) or not all(isinstance(c, str) for c in claims):
        return None
    return [c.strip() for c in claims if c.strip()]


def parse_support(reply: str, n: int) -> list[bool] | None:
    """One boolean per claim from a support reply, or None when the reply is unusable."""
    data = parse_json_object(reply)
    got = (data or {}).get("supported")
    if not isinstance(got, list) or len(got) != n:
        return None
    out = []
    for v in got:
        if isinstance(v, bool):
            out.append(v)
        elif isinstance(v, str) and v.strip().lower() in ("true", "yes", "supported"):
            out.append(True)
        elif isinstance(v, str) and v.strip().lower() in ("false", "no", "unsupported"):
            out.append(False)
        else:
            return None
    return out


class Judge:
    """LLM replies by sha256 of (model, system prompt, user prompt), cached in a JSON file so a
    rerun on the same outputs asks nothing and scores the same."""

    def __init__(self, cache: Path, model: str, complete: Callable[[str, str], str]) -> None:
        self.path, self.model, self.complete = cache, model, complete
        self.cache: dict[str, str] = {}
        if cache.is_file():
            try:
                data = json.loads(cache.read_text(encoding="utf-8"))
                self.cache = {str(k): str(v) for k, v in data.items()}
            except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
                print(f"eval: warning: {cache} is not a judge cache; ignored", file=sys.stderr)
        self.hits = self.calls = 0

    def key(self, system: str, user: str) -> str:
        """The cache key of one prompt."""
        blob = json.dumps([self.model, system, user], ensure_ascii=False)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def reply(self, system: str, user: str) -> str:
        """The cached reply, or a new one from the LLM (saved at once)."""
        key = self.key(system, user)
        if key in self.cache:
            self.hits += 1
            return self.cache[key]
        self.calls += 1
        text = self.complete(system, user)
        self.cache[key] = text
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(
            json.dumps(self.cache, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        tmp.replace(self.path)
        return text


def llm_judge(cache: Path) -> Judge | None:
    """A Judge over the configured OpenAI-compatible server, or None when no LLM is set."""
    from assistant.config import Settings
    from assistant.llm.client import ChatModel

    settings = Settings()
    if not settings.llm_configured:
        return None
    return Judge(cache, settings.llm_model, ChatModel(settings).complete)


def judge_items(
    judge: Judge,
    items: Sequence[Mapping[str, Any]],
    records: Mapping[str, dict[str, Any]],
    scores: Sequence[ItemScore],
    max_failures: int = 3,
) -> list[str]:
    """Add `llm_faithfulness` trials to the scores: the judge lists each answer's claims, then
    says which the cited passages support. Returns notes on what could not be judged."""
    from assistant.errors import LLMError

    unusable: list[str] = []
    failures: list[str] = []
    for it, s in zip(items, scores, strict=True):
        inputs = judge_inputs(it, records.get(it["id"]))
        if inputs is None:
            continue
        if len(failures) >= max_failures:
            failures.append(it["id"])
            continue
        question, answer, passages = inputs
        try:
            claims = parse_claims(judge.reply(JUDGE_CLAIMS_SYSTEM, claims_prompt(question, answer)))
            support = None
            if claims:
                reply = judge.reply(JUDGE_SUPPORT_SYSTEM, support_prompt(claims, passages))
                support = parse_support(reply, len(claims))
        except LLMError as exc:
            print(f"eval: LLM judge on {it['id']}: {exc}", file=sys.stderr)
            failures.append(it["id"])
            continue
        if claims is None or (claims and support is None):
            unusable.append(it["id"])
            continue
        for claim, ok in zip(claims, support or [], strict=True):
            s.add("llm_faithfulness", ok, f"judge: claim not supported by the citations: "
                  f"«{claim[:60]}»")  # fmt: skip
    notes = []
    if unusable:
        notes.append(f"LLM judge replies unusable (not scored): {', '.join(unusable)}")
    if failures:
        notes.append(f"LLM judge failed (not scored): {', '.join(failures)}")
    return notes
