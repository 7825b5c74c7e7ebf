"""Quantities in digits and words, in both languages."""

from __future__ import annotations

import pytest

from assistant.verify.numbers import Quantity, quantities, same_quantity


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("donated $75 million", 75e6, "usd"),
        ("تبرع بمبلغ 75 مليون دولار", 75e6, "usd"),
        ("seventy-five million dollars", 75e6, "usd"),
        ("خمسة وسبعين مليون دولار", 75e6, "usd"),
        ("٧٥ مليون", 75e6, None),
        ("12 ألف متابع", 12e3, None),
        ("ألفي شخص", 2e3, None),
        ("40,000 people", 4e4, None),
        ("1.2 million", 1.2e6, None),
        ("€12 million", 12e6, "eur"),
        ("30 percent", 30, "%"),
        ("one hundred and twenty", 120, None),
        ("مائة مليون دولار", 100e6, "usd"),
        ("twelve hundred jobs", 1200, None),
        ("اثني عشر شخصا", 12, None),  # the "two" of twelve
        ("مئتي مليون دولار", 200e6, "usd"),  # two hundred before a noun
        ("ثلاثمئة مليون دولار", 300e6, "usd"),
    ],
)
def test_quantities(text: str, value: float, unit: str | None) -> None:
    got = quantities(text)
    assert len(got) == 1
    assert got[0].value == pytest.approx(value) and got[0].unit == unit


def test_a_two_time_champion_is_no_figure() -> None:
    assert [q.value for q in quantities("The two-time champion was tested 11 times")] == [11.0]
    # "m" is a million beside a currency, else a metre: "the 200m champion"
    assert [(q.value, q.kind) for q in quantities("the 200m champion")] == [(200.0, "length")]
    assert [(q.value, q.unit) for q in quantities("a $5m deal")] == [(5e6, "usd")]


def test_years_are_years_only_in_digits() -> None:
    assert quantities("since 2019 and about 300 people") == [
        Quantity(2019, None, True),
        Quantity(300, None, False),
    ]
    assert not quantities("ألفي عامل")[0].year


def test_same_quantity() -> None:
    assert same_quantity(Quantity(75e6, "usd"), Quantity(75_000_000, None))
    assert not same_quantity(Quantity(75e6, "usd"), Quantity(75e6, "eur"))
    assert not same_quantity(Quantity(100e6, "usd"), Quantity(75e6, "usd"))


def test_no_numbers_in_plain_words() -> None:
    assert quantities("The council rejected the report") == []
    assert quantities("a report") == []


def test_lengths_weights_and_durations_compare_in_one_scale() -> None:
    feet, metres, more_feet = (quantities(t)[0] for t in ("50 feet", "3.7 metres", "12 feet"))
    assert feet.kind == metres.kind == more_feet.kind == "length"
    assert not same_quantity(feet, metres) and not same_quantity(feet, more_feet)
    # A converted figure is rounded; "about two metres" is no 30 centimetres.
    assert same_quantity(feet, quantities("15 metres")[0])
    two, thirty = quantities("about two metres")[0], quantities("30 centimetres")[0]
    assert two.kind == thirty.kind and not same_quantity(two, thirty)
    assert same_quantity(quantities("3 days")[0], quantities("72 hours")[0])
    # A unit of unknown scale compares only with itself.
    assert quantities("50 cubits")[0].kind == "count"
    assert quantities("300 people")[0].kind == quantities("200 workers")[0].kind == "count"


def test_days_of_the_month_and_monday_are_no_counts() -> None:
    # "Monday" in Arabic is "the two" in form: a weekday, not a figure.
    assert quantities("أعلن الجيش يوم الاثنين أنه بدأ العملية") == []
    assert [q.value for q in quantities("قتل اثنين من الجنود")] == [2.0]
    # A number beside a month's name is a day of it, compared only with dates.
    for text in ("21 يناير", "9 تشرين", "January 21", "21 January"):
        assert [q.kind for q in quantities(text)] == ["date"], text
    day, toll = quantities("On 21 January, 40 people died")
    assert day.kind == "date" and toll.kind == "count" and toll.value == 40
