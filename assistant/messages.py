"""User-facing sentences shared by code, prompts and tests, in both languages."""

from __future__ import annotations

# The "not in the article" answer: a named sentinel, never a free-form string.
NOT_IN_ARTICLE = {
    "en": "The indexed articles do not answer this question.",
    "ar": "لا تجيب المقالات المفهرسة عن هذا السؤال.",
}

ROLE_LABEL = {
    "en": {
        "report": "report",
        "accusation": "accusation",
        "denial": "denial",
        "context": "context",
    },
    "ar": {"report": "تقرير", "accusation": "اتهام", "denial": "نفي", "context": "سياق"},
}

ARTICLE_NAME = {"en": "The article", "ar": "المقال"}

# How a statement is introduced: "According to X (report): "…" [1]".
ATTRIBUTED = {
    "en": 'According to {speaker} ({role}): "{text}" {marks}',
    "ar": "بحسب {speaker} ({role}): «{text}» {marks}",
}
NARRATED = {"en": 'The article states: "{text}" {marks}', "ar": "ورد في المقال: «{text}» {marks}"}
