# ruff: noqa: E501  (article text and Arabic questions are kept on one line)
"""Articles and paths shared by the tests (names deliberately unlike the default article's)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TXT = ROOT / "assistant" / "data" / "ccdh_musk_ar.txt"
DEFAULT_ALIGNED = ROOT / "assistant" / "data" / "ccdh_musk_en.aligned.jsonl"
BRACKENFORD = ROOT / "eval" / "datasets" / "corpus" / "brackenford_council_en.txt"
DEFAULT_ID = "ccdh_musk_ar"
BRACKENFORD_ID = "brackenford_council_en"


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def aligned_units() -> list[dict]:
    return [json.loads(ln) for ln in read(DEFAULT_ALIGNED).splitlines() if ln.strip()]


def aligned_by_span() -> dict[tuple[int, int], dict]:
    return {(u["start"], u["end"]): u for u in aligned_units()}


# An English article with other names: one cue per sentence.
FERRY_EN = """Lakeside ferry service suspended after engine fire

The Lakeside ferry between Orlen and Vasby was suspended on Tuesday after an engine fire, according to the Harbour Gazette. The newspaper reported that forty people were evacuated by lifeboat.
Union leader Sofia Marchetti accused the ferry operator of ignoring safety warnings for two years.
The operator Bluewake Lines denied that any warnings had been ignored.
A spokesman for the port authority declined to comment.
Captain Henrik Dahl said the crew followed every emergency procedure. He added that the vessel would be inspected by engineers next week.
The ferry has carried passengers across the lake since 1987.
"""
FERRY_ID = "ferry_en"

# An Arabic article with other names: بحسب، اتهم، نفى، وأضاف، زعم، أكد ... لا.
WATER_AR = """ارتفاع أسعار المياه في مدينة الزهراء
ذكرت جريدة الفجر أن بلدية الزهراء رفعت أسعار المياه بنسبة ثمانية في المئة. وبحسب جريدة الفجر، فإن القرار اتخذ في جلسة مغلقة.
واتهم النائب سليم الحداد البلدية بإخفاء خسائر كبيرة.
ونفى رئيس البلدية كريم العطار وجود أي صلة بين الزيادة والمكافآت.
وأضاف أن الأسعار ستنخفض في العام المقبل.
وزعمت جمعية السكان أن الشبكة لم تصن منذ سنوات.
وأكد المهندس فادي نصار أن المياه لا تحتوي على أي تلوث.
وتقع المدينة على ضفة النهر.
"""
WATER_ID = "water_ar"

# A scraped Arabic article whose headline lost its line break (glued to the first sentence).
GLUED_AR = (
    "انتخابات بلدية حاسمة في مدينة الزهراء ذكرت جريدة الفجر أن نسبة المشاركة بلغت ستين في المئة. "
    "وقال المرشح إنه راض عن النتيجة."
)
GLUED_HEADLINE = "انتخابات بلدية حاسمة في مدينة الزهراء"
