"""Plain-text rendering of answers and article lists for the terminal."""

from __future__ import annotations

from assistant import messages
from assistant.models import ARTICLE_SPEAKER, Answer, DocInfo, Verdict, VoiceMap


def answer_text(ans: Answer) -> str:
    """An answer followed by its numbered, attributed citations."""
    lines = [ans.answer]
    if ans.notice:
        lines.append(ans.notice)
    if ans.citations:
        lines.append("")
    labels = messages.ROLE_LABEL[ans.language]
    for c in ans.citations:
        lines.append(f"[{c.id}] {c.speaker} · {labels[c.role]} — {c.doc_id} {c.start}-{c.end}")
        lines.append(f"    {c.quote}")
        if c.translation and ans.language != "ar":
            lines.append(f"    ({c.translation})")
    if ans.related:  # an abstention's closest passages: shown, but never as an answer
        lines += ["", messages.RELATED[ans.language]]
        for c in ans.related:
            lines.append(f"- {c.speaker} · {labels[c.role]} — {c.doc_id} {c.start}-{c.end}")
            lines.append(f"    {c.quote}")
    return "\n".join(lines)


def docs_table(docs: list[DocInfo]) -> str:
    """One line per indexed article."""
    if not docs:
        return "no articles indexed"
    rows = [
        f"{d.doc_id}\t{d.lang}\t{d.units} units\t{'aligned' if d.aligned else '-'}\t{d.title}"
        for d in docs
    ]
    return "\n".join(rows)


def verdict_text(v: Verdict) -> str:
    """A verdict, its explanation and the evidence with stance and speaker."""
    confidence = messages.CONFIDENCE[v.language].format(pct=round(100 * v.confidence))
    lines = [v.explanation, confidence, *([v.notice] if v.notice else []), ""]
    labels = messages.ROLE_LABEL[v.language]
    for e in v.evidence:
        where = f"{e.doc_id} {e.start}-{e.end}"
        lines.append(f"[{e.id}] {e.stance} · {e.speaker} · {labels[e.role]} — {where}")
        lines.append(f"    {e.quote}")
        if e.translation and v.language != "ar":
            lines.append(f"    ({e.translation})")
    return "\n".join(lines).rstrip()


def voice_map_text(vm: VoiceMap) -> str:
    """One line per unit: "speaker · role", then the unit's text."""
    labels = messages.ROLE_LABEL[vm.language]
    lines = []
    for u in vm.units:
        who = messages.ARTICLE_NAME[vm.language] if u.speaker == ARTICLE_SPEAKER else u.speaker
        lines.append(f"{u.start}-{u.end}  {who} · {labels[u.role]}")
        lines.append(f"    {u.text}")
    return "\n".join(lines) if lines else "no units"
