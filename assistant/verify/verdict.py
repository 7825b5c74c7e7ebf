"""From judged passages to the contract's Verdict, with an explanation in the claim's language."""

from __future__ import annotations

from dataclasses import replace

from assistant import messages
from assistant.models import ARTICLE_SPEAKER, CHARGE_ROLES, Evidence, Lang, Stance, Verdict
from assistant.verify.aggregate import Decision
from assistant.verify.stance import Judged, carries
from index.language import language


def _name(j: Judged, lang: str) -> str:
    c = j.hit.chunk
    return messages.ARTICLE_NAME[lang] if c.speaker == ARTICLE_SPEAKER else c.speaker_in(lang)


def _who(j: Judged, lang: str) -> str:
    return f"{_name(j, lang)} ({messages.ROLE_LABEL[lang][j.hit.chunk.role]})"


def _found(j: Judged, lang: str) -> str:
    """A figure as a reader writes it: "$75 million", "75 مليون دولار", "30%"."""
    if j.found is None:
        return "?"
    value, scale = j.found.value, ""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            value, scale = value / size, messages.SCALE_WORD[lang][word]
            break
    digits = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")
    number = f"{digits} {scale}".strip()
    unit = j.found.unit
    if unit == "%":
        return f"{number}%"
    if unit in messages.CURRENCY[lang]:
        symbol = messages.CURRENCY[lang][unit]
        return messages.MONEY[lang].format(symbol=symbol, number=number)
    if j.found.measure in _WITH_UNIT and j.found.noun and j.hit.chunk.lang == lang:
        return f"{number} {j.found.noun}"  # "30 centimetres", "11.45 pm": in the passage's words
    return number


_WITH_UNIT = ("length", "weight", "duration", "clock")


def present(label: str, judged: list[Judged], share: float) -> list[Judged]:
    """The passages' stances as the verdict reads them, so that evidence and verdict agree.

    A verdict the model gives from the article as a whole cites the passage that carries the
    claim best as the side it takes (the article's own account for `contradicted`, a hedged
    report carrying `share` of the claim for `disputed`); under `not_enough_info` no passage
    takes a side, and under `supported` a passage only loosely about the claim is no voice
    against it."""
    if label == "not_enough_info":
        return [replace(j, stance="neutral") if j.stance != "neutral" else j for j in judged]
    out = list(judged)
    if label in ("supported", "contradicted"):
        other = "refutes" if label == "supported" else "supports"
        out = [replace(j, stance="neutral") if j.stance == other else j for j in out]
    # A disputed story's assertion may be a hedged report of it (someone's claim the article
    # does not vouch for); a contradicted claim's contrary voice may be the article's own
    # account of the matter. No other passage is ever cited as stating the claim.
    if label == "contradicted":
        carriers = [j for j in out if j.stance == "neutral" and j.reason == "related"]
    elif label == "disputed":
        carriers = [j for j in out if carries(j, share)]
        # ... or the report or charge the claim's subject denies, when no passage states it
        carriers = carriers or [
            replace(j, reason="alleged") for j in out
            if j.stance == "neutral" and j.hit.chunk.role in CHARGE_ROLES
        ]  # fmt: skip
    else:
        carriers = []
    best = max(carriers, key=lambda j: j.coverage, default=None)
    sides: dict[str, Stance] = {"supported": "supports", "contradicted": "refutes"}
    wanted = sides.get(label, "supports")
    if best is not None and not any(j.stance == wanted for j in out):
        reason = "differs" if label == "contradicted" else best.reason
        reason = "stated" if reason == "related" else reason
        at = next(k for k, j in enumerate(out) if j.hit is best.hit)
        out[at] = replace(best, stance=wanted, reason=reason)
    return out


def build(
    claim: str, lang: Lang, decision: Decision, judged: list[Judged], shown_max: int,
    share: float,
) -> Verdict:  # fmt: skip
    """The Verdict: evidence ranked by stance, explanation with [n] markers."""
    label = decision.label
    judged = present(label, judged, share)
    # The side asserting it, then the side against it (the report, then the denial), then
    # the rest; equally strong passages in the article's order.
    order = {"supports": 0, "refutes": 1, "neutral": 2}
    shown = sorted(judged, key=lambda j: (order[j.stance], -j.coverage, j.hit.chunk.index))
    shown = shown[:shown_max]
    evidence = [
        Evidence(
            id=n, doc_id=j.hit.chunk.doc_id, chunk_id=j.hit.chunk.chunk_id, quote=j.hit.chunk.text,
            start=j.hit.chunk.start, end=j.hit.chunk.end, translation=j.hit.chunk.translation,
            speaker=j.hit.chunk.speaker, role=j.hit.chunk.role, score=round(j.coverage, 4),
            stance=j.stance,
        )
        for n, j in enumerate(shown, start=1)
    ]  # fmt: skip
    text = messages.EXPLAIN[lang]
    speech = language(lang)
    clauses = [
        speech.agree(
            text[j.reason].format(who=_who(j, lang), marks=f"[{n}]", found=_found(j, lang)),
            _name(j, lang),
        )
        for n, j in enumerate(shown, start=1)
        if j.stance != "neutral"
    ]
    head = messages.VERDICT_LABEL[lang][label]
    body = speech.separator.join(clauses)
    explanation = f"{head}: {body}." if clauses else f"{head}: {text['none']}"
    if label == "not_enough_info" and decision.missing and shown:
        # What is missing: the article carries the story but takes no side, or only as
        # someone's claim (the passage carrying it best is [1]).
        missing = text[decision.missing].format(who=_who(shown[0], lang), marks="[1]")
        missing = speech.agree(missing, _name(shown[0], lang))
        explanation = f"{head}: {missing}"
    supporters = {j.hit.chunk.speaker for j in shown if j.stance == "supports"}
    if label == "supported" and len(supporters) == 1 and ARTICLE_SPEAKER not in supporters:
        # Attribution drift: one source's report must not read as plain fact.
        first = next(j for j in shown if j.stance == "supports")
        key = "attribution_feminine" if speech.feminine(_name(first, lang)) else "attribution"
        explanation += " " + text[key].format(who=_who(first, lang))
    return Verdict(
        claim=claim,
        language=lang,
        verdict=label,
        explanation=explanation,
        confidence=decision.confidence,
        evidence=evidence,
    )
