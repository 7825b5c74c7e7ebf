"""HTML for the article view: the article with each unit tinted by its speaker and role, and a
legend of its voices ("The Daily Courier · 6 reports"); choosing a voice highlights its units.

Pure functions over the contract's VoiceMap, every text escaped. The highlight needs no script:
each voice is a radio button, and CSS (`:has(input.v3:checked) .s.v3`) marks its units.
"""

from __future__ import annotations

import html

from assistant import messages
from assistant.attribution.voices import voices
from assistant.models import VoiceMap
from assistant.ui.html import direction, esc, fresh, speaker_label

MAX_VOICES = 24  # voices beyond this share the last highlight class
_PALETTE = ("#0f766e", "#b45309", "#7c3aed", "#be123c", "#1d4ed8", "#4d7c0f", "#a21caf", "#0e7490")
UI_TEXT = {
    "en": {"all": "All voices", "choose": "Choose an article above to see who says what in it.",
           "voices": "Voices"},
    "ar": {"all": "كل الأصوات", "choose": "اختر مقالًا في الأعلى لترى من يقول ماذا فيه.",
           "voices": "الأصوات"},
}  # fmt: skip
# "6 reports" / "6 تقارير": the role's name for a count.
ROLE_PLURAL = {
    "en": {"report": "reports", "accusation": "accusations", "denial": "denials",
           "statement": "statements", "context": "context"},
    "ar": {"report": "تقارير", "accusation": "اتهامات", "denial": "حالات نفي",
           "statement": "تصريحات", "context": "سياق"},
}  # fmt: skip

CSS = """
.voice-map .voice-legend { display: flex; flex-wrap: wrap; gap: .35em .6em; margin: .4em 0 .8em; }
.voice-map .voice-key { cursor: pointer; display: inline-flex; align-items: center; gap: .2em; }
.voice-map .voice-key input { margin: 0; }
.voice-map .voice-key:has(input:checked) .badge { outline: 2px solid #111827; }
.voice-map .s { border-radius: 3px; padding: 0 .1em; }
.voice-map .s.role-report { background: #eff6ff; }
.voice-map .s.role-accusation { background: #fff7ed; }
.voice-map .s.role-denial { background: #faf5ff; }
.voice-map .s.role-statement { background: #f0fdf4; }
.voice-map .s.voiced { border-bottom: 2px solid var(--voice, #64748b); }
""" + "".join(
    f".voice-map:has(input.v{k}:checked) .s.v{k} {{ outline: 2px solid #f59e0b; "
    "background: #fef08a; }\n"
    for k in range(MAX_VOICES)
)


def choose_html(lang: str = "en") -> str:
    """What the article view shows before an article is chosen."""
    both = f"{UI_TEXT['en']['choose']} · {UI_TEXT['ar']['choose']}"
    return f'<div class="voice-map empty" dir="auto">{esc(both)}</div>'


def voice_map_html(vm: VoiceMap, source: str, title: str, prefix: str) -> str:
    """The article view of one voice map over the article's exact text."""
    lang = vm.language
    found = voices(vm)
    index = {(s, r): min(k, MAX_VOICES - 1) for k, (s, r, _) in enumerate(found)}
    name = f"{prefix}-voice"
    keys = [
        f'<label class="voice-key"><input type="radio" name="{name}" class="all" checked>'
        f"{esc(UI_TEXT[lang]['all'])}</label>"
    ]
    for k, (speaker, role, n) in enumerate(found):
        label = f"{speaker_label(speaker, lang)} · {n} {_plural(role, n, lang)}"
        colour = _PALETTE[k % len(_PALETTE)]
        keys.append(
            f'<label class="voice-key" data-speaker="{esc(speaker)}" data-role="{role}">'
            f'<input type="radio" name="{name}" class="v{index[(speaker, role)]}">'
            f'<span class="badge role-{role}" style="border-bottom: 3px solid {colour}">'
            f"<bdi>{esc(label)}</bdi></span></label>"
        )
    text, pos = [], 0
    for u in vm.units:
        if u.start < pos or u.end > len(source):
            continue
        text.append(html.escape(source[pos : u.start]))
        pos = u.end
        if u.role == "context":
            text.append(f'<span class="s role-context">{html.escape(u.text)}</span>')
        else:
            k = index[(u.speaker, u.role)]
            who = f"{speaker_label(u.speaker, lang)} · {messages.ROLE_LABEL[lang][u.role]}"
            text.append(
                f'<span class="s voiced role-{u.role} v{k}" style="--voice: '
                f'{_PALETTE[k % len(_PALETTE)]}" title="{esc(who)}" '
                f'data-speaker="{esc(u.speaker)}" data-role="{u.role}">{html.escape(u.text)}</span>'
            )
    text.append(html.escape(source[pos:]))
    body = "".join(text)
    return fresh(
        prefix,
        f'<div class="voice-map" dir="{direction(lang)}" lang="{lang}" data-doc="{esc(vm.doc_id)}">'
        f'<h4 dir="auto">{esc(title)}</h4>'
        f'<div class="voice-legend" aria-label="{esc(UI_TEXT[lang]["voices"])}">{"".join(keys)}'
        f'</div><div class="isnad-article voice-text">{body}</div></div>',
    )


def _plural(role: str, n: int, lang: str) -> str:
    return messages.ROLE_LABEL[lang][role] if n == 1 else ROLE_PLURAL[lang][role]
