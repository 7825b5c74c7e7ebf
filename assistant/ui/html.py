"""HTML for the web UI: answers, verdicts and highlighted articles, with every text escaped.

Pure functions over the contract's models (no Gradio, no model): everything that comes from an
article, a question or an answer goes through ``esc`` before it reaches the page.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from assistant import messages
from assistant.models import ARTICLE_SPEAKER, ROLES, Answer, Citation, DocInfo, Evidence, Verdict
from index.language import language

STANCE_LABEL = {
    "en": {"supports": "supports", "refutes": "refutes", "neutral": "neutral"},
    "ar": {"supports": "يؤيد", "refutes": "ينقض", "neutral": "محايد"},
}
UI_TEXT = {
    "en": {"evidence": "Evidence", "none": "No passage cited.", "translation": "English"},
    "ar": {"evidence": "الأدلة", "none": "لا مقاطع مستشهد بها.", "translation": "بالإنجليزية"},
}
_MARKER = re.compile(r"\[(\d+)\]")

CSS = """
.isnad-msg, .isnad-q { font-size: 1rem; line-height: 1.7; }
.isnad-msg[dir=rtl], .isnad-q[dir=rtl], .isnad-article[dir=rtl], .verdict[dir=rtl] {
  text-align: right; font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans",
  system-ui, sans-serif; }
.isnad-msg .stmt { margin: 0 0 .6em 0; }
.isnad-msg .meta { font-size: .75rem; opacity: .65; margin-top: .3em; }
.isnad-msg.abstained { font-style: italic; opacity: .85; }
.badge { display: inline-block; border-radius: 999px; padding: 0 .6em; margin-inline-end: .4em;
  font-size: .8rem; font-weight: 600; line-height: 1.6; white-space: nowrap;
  border: 1px solid transparent; }
.badge.role-report { background: #dbeafe; color: #1e3a8a; border-color: #93c5fd; }
.badge.role-accusation { background: #ffedd5; color: #9a3412; border-color: #fdba74; }
.badge.role-denial { background: #f3e8ff; color: #6b21a8; border-color: #d8b4fe; }
.badge.role-statement { background: #dcfce7; color: #166534; border-color: #86efac; }
.badge.role-context { background: #f1f5f9; color: #334155; border-color: #cbd5e1; }
a.cite-ref { text-decoration: none; font-weight: 700; color: #1d4ed8;
  padding: 0 .15em; border-radius: 4px; }
a.cite-ref:hover { background: #dbeafe; }
.isnad-article { white-space: pre-wrap; line-height: 1.9; max-height: 70vh; overflow-y: auto;
  padding: .6em .9em; border: 1px solid #e5e7eb; border-radius: 8px; }
.isnad-article h4 { margin: 0 0 .4em 0; white-space: normal; }
mark.cite { background: #fef08a; color: inherit; border-radius: 3px; padding: 0 .1em;
  scroll-margin: 30vh; }
mark.cite:target { background: #fdba74; text-decoration: underline 3px #c2410c;
  text-underline-offset: .35em; }
sup.n { font-weight: 700; color: #92400e; margin-inline-start: .2em; }
.tr { display: block; white-space: normal; margin: .25em 0 .5em 0; padding: .3em .6em;
  border-inline-start: 3px solid #93c5fd; background: #eff6ff; color: #1e3a8a;
  font-size: .9rem; line-height: 1.5; text-align: left; }
.verdict-label { display: inline-block; font-size: 1.2rem; font-weight: 700; color: #fff;
  border-radius: 8px; padding: .15em .8em; margin-bottom: .4em; }
.verdict .confidence { margin-inline-start: .7em; color: #374151; font-size: .95rem; }
.v-supported { background: #15803d; }
.v-contradicted { background: #b91c1c; }
.v-disputed { background: #d97706; }
.v-not_enough_info { background: #6b7280; }
.verdict ol { padding-inline-start: 1.4em; }
.verdict li { margin-bottom: .7em; }
.verdict li:target { outline: 3px solid #f59e0b; border-radius: 6px; }
.verdict .quote { display: block; margin-top: .2em; }
.stance { display: inline-block; border-radius: 4px; padding: 0 .5em; margin-inline-end: .4em;
  font-size: .8rem; font-weight: 700; color: #fff; }
.stance-supports { background: #15803d; }
.stance-refutes { background: #b91c1c; }
.stance-neutral { background: #6b7280; }
.isnad-fresh { display: block; }
.legend { display: flex; flex-wrap: wrap; gap: .4em 1.2em; font-size: .9rem; }
.legend > div { flex: 1 1 20em; }
"""


def esc(text: str) -> str:
    """HTML-escaped text (quotes too), newlines kept as line breaks."""
    return html.escape(text, quote=True).replace("\n", "<br>")


def direction(lang: str) -> str:
    """The text direction of a language code."""
    return "rtl" if language(lang).rtl else "ltr"


def speaker_label(speaker: str, lang: str) -> str:
    """The speaker's name for display ('article' becomes "The article" / "المقال")."""
    return messages.ARTICLE_NAME[lang] if speaker == ARTICLE_SPEAKER else speaker


def badge(speaker: str, role: str, lang: str) -> str:
    """A coloured "speaker · role" badge (class ``badge role-<role>``)."""
    role = role if role in ROLES else "context"
    label = messages.ROLE_LABEL[lang][role]
    who = esc(speaker_label(speaker, lang))
    return f'<span class="badge role-{role}"><bdi>{who}</bdi> · {esc(label)}</span>'


def link_markers(escaped: str, anchors: Mapping[int, str]) -> str:
    """Escaped text whose [n] markers become links to the anchors (unknown n stay text)."""

    def _sub(m: re.Match[str]) -> str:
        n = int(m.group(1))
        if n not in anchors:
            return m.group(0)
        return f'<a class="cite-ref" href="#{anchors[n]}" title="passage {n}">[{n}]</a>'

    return _MARKER.sub(_sub, escaped)


def anchor(prefix: str, n: int) -> str:
    """The element id of citation n under a prefix ("cite-3" + "-1")."""
    return f"{prefix}-{n}"


def question_html(question: str, lang: str) -> str:
    """The user's question, escaped, in its direction."""
    return f'<div class="isnad-q" dir="{direction(lang)}" lang="{lang}">{esc(question)}</div>'


def partial_html(text: str, lang: str) -> str:
    """An LLM answer while it streams: plain escaped text, checked citations come at the end."""
    return (
        f'<div class="isnad-a streaming" dir="{direction(lang)}" lang="{lang}">{esc(text)}…</div>'
    )


def answer_html(ans: Answer, prefix: str, names: Mapping[str, str] | None = None) -> str:
    """An answer: one paragraph per statement with its badge, [n] linked to the evidence marks."""
    lang, names = ans.language, names or {}
    anchors = {c.id: anchor(prefix, c.id) for c in ans.citations}
    by_id = {c.id: c for c in ans.citations}
    d = direction(lang)
    if ans.abstained or not ans.statements:
        return (
            f'<div class="isnad-msg abstained" dir="{d}" lang="{lang}">{esc(ans.answer)}'
            f"{related_html(ans)}</div>"
        )
    parts = []
    for s in ans.statements:
        first = by_id.get(s.citations[0]) if s.citations else None
        speaker = names.get(first.chunk_id, s.speaker) if first else s.speaker
        text = link_markers(esc(s.text), anchors)
        parts.append(
            f'<p class="stmt">{badge(speaker, s.role, lang)}<span dir="auto">{text}</span></p>'
        )
    meta = f"{ans.mode} · {ans.timings_ms.get('total', 0):.0f} ms"
    body = "".join(parts)
    return (
        f'<div class="isnad-msg" dir="{d}" lang="{lang}">{body}<div class="meta">{meta}</div></div>'
    )


def related_html(ans: Answer) -> str:
    """An abstention's closest passages, under a heading that says they do not answer."""
    if not ans.related:
        return ""
    lang = ans.language
    items = "".join(
        f'<li>{badge(c.speaker, c.role, lang)}<span dir="auto">{esc(c.quote)}</span></li>'
        for c in ans.related
    )
    return (
        f'<div class="related" dir="{direction(lang)}" lang="{lang}">'
        f"<p>{esc(messages.RELATED[lang])}</p><ul>{items}</ul></div>"
    )


def marked_article(
    source: str, cites: Sequence[Citation], prefix: str, lang: str, doc_lang: str
) -> str:
    """The article text escaped, each cited span wrapped in ``<mark class="cite" id=...>``."""
    out, pos = [], 0
    spans: dict[tuple[int, int], list[Citation]] = {}
    for c in cites:
        spans.setdefault((c.start, c.end), []).append(c)
    for (start, end), group in sorted(spans.items()):
        start = max(start, pos)  # overlapping spans: the later one starts where the earlier ends
        if not 0 <= start < end <= len(source):
            continue
        first = group[0]
        extra = "".join(f'<span id="{anchor(prefix, c.id)}"></span>' for c in group[1:])
        nums = ",".join(str(c.id) for c in group)
        out.append(html.escape(source[pos:start]))
        out.append(
            f'{extra}<mark class="cite" id="{anchor(prefix, first.id)}" data-n="{nums}">'
            f'{html.escape(source[start:end])}</mark><sup class="n">[{nums}]</sup>'
        )
        tr = first.translation
        if tr and doc_lang != "en":
            out.append(f'<span class="tr" dir="ltr" lang="en">{esc(tr)}</span>')
        pos = end
    out.append(html.escape(source[pos:]))
    return "".join(out)


def fresh(prefix: str, body: str) -> str:
    """Body in a wrapper whose tag names the turn, so Gradio replaces (not patches) the old one.

    gr.HTML patches the DOM in place; a patched element keeps the browser's :target highlight even
    when its id changes, so each turn gets its own custom element (``<isnad-cite-3>``).
    """
    return f'<isnad-{prefix} class="isnad-fresh">{body}</isnad-{prefix}>'


def evidence_html(
    sources: Mapping[str, tuple[DocInfo | None, str]],
    cites: Sequence[Citation],
    prefix: str,
    lang: str,
) -> str:
    """The evidence panel: each cited article with its cited passages highlighted."""
    if not cites:
        empty = UI_TEXT[lang]["none"]
        return fresh(prefix, f'<div class="isnad-empty" dir="{direction(lang)}">{empty}</div>')
    blocks = []
    for doc_id in dict.fromkeys(c.doc_id for c in cites):
        info, text = sources.get(doc_id, (None, ""))
        doc_lang = info.lang if info else lang
        title = esc(info.title if info else doc_id)
        body = marked_article(
            text, [c for c in cites if c.doc_id == doc_id], prefix, lang, doc_lang
        )
        blocks.append(
            f'<div class="isnad-article" dir="{direction(doc_lang)}" lang="{doc_lang}" '
            f'data-doc="{esc(doc_id)}"><h4 dir="auto">{title}</h4>{body}</div>'
        )
    return fresh(prefix, "".join(blocks))


def verdict_html(v: Verdict, prefix: str, names: Mapping[str, str] | None = None) -> str:
    """A verdict: coloured label, explanation with linked [n], evidence with stance and badge."""
    lang, names = v.language, names or {}
    label = messages.VERDICT_LABEL[lang][v.verdict]
    confidence = messages.CONFIDENCE[lang].format(pct=round(100 * v.confidence))
    anchors = {e.id: anchor(prefix, e.id) for e in v.evidence}
    items = "".join(_evidence_item(e, prefix, lang, names) for e in v.evidence)
    listing = f"<h4>{UI_TEXT[lang]['evidence']}</h4><ol>{items}</ol>" if items else ""
    return fresh(
        prefix,
        f'<div class="verdict" dir="{direction(lang)}" lang="{lang}">'
        f'<span class="verdict-label v-{v.verdict}" data-verdict="{v.verdict}">{esc(label)}</span>'
        f'<span class="confidence" data-confidence="{v.confidence:.2f}">{esc(confidence)}</span>'
        f'<p class="explanation" dir="auto">{link_markers(esc(v.explanation), anchors)}</p>'
        f"{listing}</div>",
    )


def _evidence_item(e: Evidence, prefix: str, lang: str, names: Mapping[str, str]) -> str:
    stance = STANCE_LABEL[lang].get(e.stance, e.stance)
    tr = ""
    if e.translation:
        tr = f'<span class="tr" dir="ltr" lang="en">{esc(e.translation)}</span>'
    return (
        f'<li id="{anchor(prefix, e.id)}">'
        f'<span class="stance stance-{e.stance}">{esc(stance)}</span>'
        f"{badge(names.get(e.chunk_id, e.speaker), e.role, lang)}"
        f'<span class="quote" dir="auto">«{esc(e.quote)}»</span>{tr}</li>'
    )


def legend_html() -> str:
    """How to read the badges, in both languages."""
    en = "".join(badge(n, r, "en") for n, r in _LEGEND["en"])
    ar = "".join(badge(n, r, "ar") for n, r in _LEGEND["ar"])
    return (
        '<div class="legend">'
        f'<div dir="ltr" lang="en"><b>How to read the badges:</b> each sentence says who states it '
        f"and how: {en}. Click [n] to see the passage highlighted in the article. "
        "Report = a publication reports; accusation = one party alleges against another; "
        "denial = a party denies; statement = a party says; context = the article's own "
        "narration.</div>"
        f'<div dir="rtl" lang="ar"><b>كيف تقرأ الشارات:</b> تبين كل شارة من يقول العبارة وبأي صفة: '
        f"{ar}. انقر على [n] لترى المقطع مظللًا في المقال. "
        "تقرير = صحيفة تنقل خبرًا؛ اتهام = طرف يتهم آخر؛ نفي = طرف ينفي؛ تصريح = طرف يقول؛ "
        "سياق = سرد المقال نفسه."
        "</div></div>"
    )


_LEGEND = {
    "en": [("Telegraph", "report"), ("Musk", "accusation"), ("CCDH", "denial"),
           ("A spokesperson", "statement"), ("The article", "context")],
    "ar": [("التليجراف", "report"), ("ماسك", "accusation"), ("المركز", "denial"),
           ("متحدث", "statement"), ("المقال", "context")],
}  # fmt: skip


def docs_rows(docs: Sequence[DocInfo]) -> list[list[str | int]]:
    """Rows of the articles table."""
    return [
        [d.doc_id, d.title, d.lang, d.units, d.chars, "yes" if d.aligned else "-"] for d in docs
    ]


DOCS_HEADERS = ["doc id", "title", "lang", "units", "chars", "aligned"]
