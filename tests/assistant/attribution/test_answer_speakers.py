"""No answer frame or badge names a fragment as a speaker: every speaker an answer names is a
source that the article's text attributes (its voice map gives it a cue and a source phrase).

A variant runs articles of the shared attribution set (when that folder exists) and checks each
named speaker against the sources its annotators marked in the same article.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest

from assistant import messages
from assistant.models import Answer
from assistant.ui import html as R
from index.language import language
from index.normalize import tokens
from tests.support.articles import BRACKENFORD_ID, DEFAULT_ID, FERRY_ID, WATER_ID

QUESTIONS = {
    DEFAULT_ID: ["Who founded CCDH?", "What did CCDH say about the accusations?",
                 "بماذا رد المركز على اتهامات ماسك؟", "كم تبرع ماسك لحملة ترامب؟"],
    BRACKENFORD_ID: ["Who accused the council?", "What did Dana Pryce say?",
                     "How did the council justify the contract?"],
    FERRY_ID: ["What did the operator say about the warnings?", "Why was the ferry suspended?",
               "What did the captain say?"],
    WATER_ID: ["ماذا قال رئيس البلدية؟", "من اتهم البلدية؟", "ما موقف جمعية السكان؟"],
}  # fmt: skip
SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "attribution"


def named(ans: Answer) -> list[tuple[str, str, str]]:
    """(chunk id, speaker, frame text) of every statement that names a speaker."""
    by_id = {c.id: c for c in ans.citations}
    out = []
    for s in ans.statements:
        if s.speaker != "article":
            out.append((by_id[s.citations[0]].chunk_id, s.speaker, s.text))
    return out


def check_answer(a: Any, ans: Answer, voice_maps: dict[str, Any]) -> list[str]:
    """Every named speaker: the voice map attributes its unit with a cue and a source phrase
    whose words the speaker carries, and the frame and badge show that speaker."""
    seen = []
    for chunk_id, speaker, frame in named(ans):
        doc = chunk_id.split(":")[0]
        vm, source = voice_maps[doc]
        cite = next(c for c in ans.citations if c.chunk_id == chunk_id)
        unit = next(u for u in vm.units if u.start == cite.start)
        assert unit.speaker == speaker and unit.cue is not None and unit.source is not None
        phrase = source[unit.source[0] : unit.source[1]]
        words = set(tokens(phrase))
        # The phrase names the speaker, or stands for one the article names ("the newspaper").
        assert words and (words & set(tokens(speaker)) or speaker in source), phrase
        assert set(tokens(speaker)) <= set(tokens(source)), speaker
        shown = a.speaker_names([cite], ans.language)[chunk_id]
        frames = messages.ATTRIBUTED[ans.language].values()
        speech = language(ans.language)  # frames agree with their speaker ("تنفي الوزارة")
        heads = [speech.sentence(speech.agree(f.split("{quoted}")[0].format(speaker=shown), shown))
                 for f in frames]  # fmt: skip
        assert any(frame.startswith(h) for h in heads)
        badge = R.answer_html(ans, "t", a.speaker_names(ans.citations, ans.language))
        assert R.esc(shown) in badge
        seen.append(speaker)
    return seen


def test_project_articles_name_only_attributed_sources(shared: Any) -> None:
    voice_maps = {d: (shared.voice_map(d), shared.source_text(d)) for d in QUESTIONS}
    seen: list[str] = []
    for doc, questions in QUESTIONS.items():
        for q in questions:
            seen += check_answer(shared, shared.ask(q, doc=doc, llm=False), voice_maps)
    assert len(seen) >= 6  # the questions do reach attributed passages


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("attr_score", SHARED / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(
    not (SHARED / "attribution_dev.jsonl").is_file(), reason="no shared attribution set"
)
def test_shared_articles_name_only_annotated_sources(assistant: Any) -> None:
    score = _scorer()
    gold = [json.loads(ln) for ln in (SHARED / "attribution_dev.jsonl").read_text().splitlines()]
    picked = [g for g in gold if g["lang"] == "en"][:3] + [g for g in gold if g["lang"] == "ar"][:2]
    assistant.settings.default_article = False
    assistant.ingest([SHARED / g["file"] for g in picked])
    for g in picked:
        doc = Path(g["file"]).stem
        vm = assistant.voice_map(doc)
        accepted = [n for att in g["attributions"] for n in score.accepted(att)]
        voices = list(dict.fromkeys(u.speaker for u in vm.units if u.speaker != "article"))[:3]
        asks = [
            ("What did {} say?" if g["lang"] == "en" else "ماذا قال {}؟").format(v) for v in voices
        ]
        for q in asks:
            ans = assistant.ask(re.sub(r"\s+", " ", q), doc=doc, llm=False)
            for _, speaker, _ in named(ans):
                assert any(score.name_match(n, speaker) for n in accepted), (doc, speaker)
