"""Deterministic scoring of isnad results against eval items: pure functions, no I/O.

Every metric of one item is a ratio `(hits, total)`; groups of items add the ratios up, so a
metric over phrases or citations is micro-averaged and a per-item metric is a plain share.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Ratio = tuple[int, int]
Item = Mapping[str, Any]

_MARKS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]"
)
_ALEF = str.maketrans("أإآٱ", "اااا")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_SPACE = re.compile(r"\s+")
_ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3\u06fa-\u06ff]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")


@dataclass
class ItemScore:
    """The ratios of one item, why it fails, and how many quotes could not be checked."""

    scores: dict[str, Ratio] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    unchecked_quotes: int = 0

    def add(self, name: str, ok: bool, reason: str | None = None) -> None:
        """Add one trial (hit or miss) to a metric, with the reason when it misses."""
        hits, total = self.scores.get(name, (0, 0))
        self.scores[name] = (hits + int(ok), total + 1)
        if not ok and reason:
            self.reasons.append(reason)


def norm(text: str) -> str:
    """NFKC, casefold, Arabic diacritics/tatweel removed, alef variants unified, ASCII digits."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _MARKS.sub("", text).translate(_ALEF).translate(_DIGITS)
    return _SPACE.sub(" ", text).strip()


def contains(haystack: str | None, needle: str) -> bool:
    """True when the normalised needle is a substring of the normalised haystack."""
    return bool(haystack) and norm(needle) in norm(haystack or "")


def arabic_share(text: str) -> float | None:
    """Arabic letters / (Arabic + Latin letters), or None when the text has no letters."""
    text = unicodedata.normalize("NFKC", text)
    ar, lat = len(_ARABIC_LETTER.findall(text)), len(_LATIN_LETTER.findall(text))
    return ar / (ar + lat) if ar + lat else None


def detect_lang(text: str) -> str | None:
    """'ar' when Arabic letters are over half of the letters, 'en' otherwise, None if none."""
    share = arabic_share(text)
    return None if share is None else ("ar" if share > 0.5 else "en")


def missing_groups(groups: Sequence[Sequence[str]], texts: Iterable[str | None]) -> list[list[str]]:
    """The answer-key groups none of whose alternatives occurs in any of the texts."""
    pool = [norm(t) for t in texts if t]
    return [list(g) for g in groups if not any(norm(a) in t for a in g for t in pool)]


def speaker_matches(speaker: str | None, key: str, aliases: Mapping[str, Sequence[str]]) -> bool:
    """True when an alias of the key occurs in the speaker (key `article` also matches itself)."""
    who = norm(speaker or "")
    if key == "article" and who == "article":
        return True
    return any(norm(a) and norm(a) in who for a in aliases.get(key, ()))


def verbatim(cite: Mapping[str, Any], sources: Mapping[str, str | None]) -> bool | None:
    """Whether the quote is source_text[start:end]; None when the source cannot be checked."""
    source = sources.get(str(cite.get("doc_id")))
    if source is None:
        return None
    start, end = cite.get("start"), cite.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(source)):
        return False
    return source[start:end] == cite.get("quote")


def _short(text: str, n: int = 48) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def citations(kind: str, result: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The cited passages of a result: `citations` of an answer, `evidence` of a verdict."""
    cites = result.get("citations" if kind == "question" else "evidence") or []
    return [c for c in cites if isinstance(c, Mapping)]


def _evidence(
    item: Item,
    cites: Sequence[Mapping[str, Any]],
    s: ItemScore,
    aliases: Mapping[str, Sequence[str]],
) -> None:
    keys, roles = item.get("speaker"), item.get("role")
    for phrase in item.get("evidence") or []:
        covering = [c for c in cites if contains(c.get("quote"), phrase)]
        s.add("citation_recall", bool(covering), f"evidence not cited: «{_short(phrase)}»")
        if not covering or not (keys or roles):
            continue
        ok = any(
            (not keys or any(speaker_matches(c.get("speaker"), k, aliases) for k in keys))
            and (not roles or c.get("role") in roles)
            for c in covering
        )
        got = ", ".join(sorted({f"{c.get('speaker')}/{c.get('role')}" for c in covering}))
        want = f"{'|'.join(keys or ['*'])}/{'|'.join(roles or ['*'])}"
        s.add("attribution_accuracy", ok, f"attribution of «{_short(phrase)}»: {got}, want {want}")


def answer_key_alternatives(item: Item) -> list[str]:
    """Every alternative of every answer-key group of an answerable question (else none)."""
    if item["kind"] != "question" or not item.get("answerable", True):
        return []
    return [alt for group in item.get("answer_keys") or [] for alt in group]


def relevant_citation(
    cite: Mapping[str, Any], evidence: Sequence[str], answers: Sequence[str]
) -> bool:
    """ALCE-style relevance: the quote covers a gold evidence phrase, or the quote or its
    translation contains an answer-key alternative."""
    quote = cite.get("quote")
    if any(contains(quote, phrase) for phrase in evidence):
        return True
    texts = (quote, cite.get("translation"))
    return any(contains(t, alt) for alt in answers for t in texts if isinstance(t, str))


def _precision(item: Item, cites: Sequence[Mapping[str, Any]], s: ItemScore) -> None:
    evidence, answers = item.get("evidence") or [], answer_key_alternatives(item)
    if not (evidence or answers):  # no gold to judge relevance by (e.g. not_enough_info claims)
        return
    for c in cites:
        ok = relevant_citation(c, evidence, answers)
        s.add(
            "citation_precision",
            ok,
            f"citation {c.get('id')} covers no evidence or answer: «{_short(str(c.get('quote')))}»",
        )
        if item["kind"] == "claim" and c.get("stance") in ("supports", "refutes"):
            s.add("citation_precision_decisive", ok)


def abstention_outcome(item: Item, record: Mapping[str, Any] | None) -> tuple[str, str] | None:
    """(gold, outcome) of a question: gold `answerable|unanswerable`, outcome
    `answered|abstained|error`; None for claims."""
    if item["kind"] != "question":
        return None
    gold = "answerable" if item.get("answerable", True) else "unanswerable"
    result = (record or {}).get("result")
    if not isinstance(result, Mapping) or (record or {}).get("error"):
        return gold, "error"
    return gold, "abstained" if result.get("abstained") is True else "answered"


def _quotes(
    cites: Sequence[Mapping[str, Any]], sources: Mapping[str, str | None], s: ItemScore
) -> None:
    for c in cites:
        ok = verbatim(c, sources)
        if ok is None:
            s.unchecked_quotes += 1
        else:
            where = f"{c.get('doc_id')}[{c.get('start')}:{c.get('end')}]"
            s.add("quote_verbatim", ok, f"citation {c.get('id')} not verbatim at {where}")


def score_item(
    item: Item,
    record: Mapping[str, Any] | None,
    sources: Mapping[str, str | None],
    aliases: Mapping[str, Sequence[str]],
) -> ItemScore:
    """All ratios and failure reasons of one eval item given its batch output record."""
    s = ItemScore()
    error = "no output record" if record is None else record.get("error")
    result = record.get("result") if record and not error else None
    if not isinstance(result, Mapping):
        error, result = error or "result is not a JSON object", {}
    s.add("completed", not error, f"error: {error}")
    kind, cites = item["kind"], citations(item["kind"], result)
    text = result.get("answer" if kind == "question" else "explanation") or ""
    if kind == "claim":
        verdict = result.get("verdict")
        s.add("verdict_accuracy", verdict in item["verdict"],
              f"verdict {verdict}, want {'|'.join(item['verdict'])}")  # fmt: skip
    elif not item.get("answerable", True):
        s.add("abstained_when_unanswerable", result.get("abstained") is True, "answered an "
              "unanswerable question")  # fmt: skip
    else:
        s.add("answered_when_answerable", not error and result.get("abstained") is False,
              "abstained on an answerable question")  # fmt: skip
        groups = item.get("answer_keys") or []
        miss = missing_groups(groups, [text])
        s.add("answer_keys_in_answer", not miss, f"answer lacks {miss}")
        extra = [text] + [c.get(k) for c in cites for k in ("quote", "translation")]
        s.add("answer_keys_in_answer_or_citations", not missing_groups(groups, extra))
        top = [c.get(k) for c in cites[:1] for k in ("quote", "translation")]
        s.add("answer_keys_in_top_citation", bool(top) and not missing_groups(groups, top),
              "the first citation lacks the answer")  # fmt: skip
    _evidence(item, cites, s, aliases)
    _precision(item, cites, s)
    _quotes(cites, sources, s)
    if not error:
        got = detect_lang(text)
        s.add(
            "lang_match",
            got == item["lang"],
            f"{'answer' if kind == 'question' else 'explanation'} is {got}, want {item['lang']}",
        )
    if error:  # one reason is enough: the rest follows from the missing result
        s.reasons = [f"error: {error}"]
    return s


def aggregate(rows: Iterable[Mapping[str, Ratio]]) -> dict[str, Ratio]:
    """Sum the ratios of many items, metric by metric."""
    out: dict[str, Ratio] = {}
    for row in rows:
        for name, (hits, total) in row.items():
            h, t = out.get(name, (0, 0))
            out[name] = (h + hits, t + total)
    return out


def share(ratio: Ratio | None) -> float | None:
    """hits / total, or None when there were no trials."""
    return ratio[0] / ratio[1] if ratio and ratio[1] else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0..100) with linear interpolation, or None for no values."""
    if not values:
        return None
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def latency_ms(record: Mapping[str, Any] | None) -> float | None:
    """`timings_ms.total` of a result record, or None."""
    result = (record or {}).get("result")
    timings = result.get("timings_ms") if isinstance(result, Mapping) else None
    total = timings.get("total") if isinstance(timings, Mapping) else None
    return float(total) if isinstance(total, int | float) else None


def confusion(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """Counts of predicted labels per gold label: {gold: {predicted: n}}."""
    out: dict[str, dict[str, int]] = {}
    for gold, pred in pairs:
        row = out.setdefault(gold, {})
        row[pred] = row.get(pred, 0) + 1
    return out
