"""Which items every metric is reported over: the fixed groups (overall, by language, by kind)
and one group per value of every grouping field the items carry (e.g. `group`, `stance`).

The rule (also in eval/README.md): an item field is a grouping field when
- it is not one of the format's fields (`FORMAT_FIELDS`) nor a descriptive one
  (`DESCRIPTIVE_FIELDS`, or a name ending in `_id`): ids, URLs, titles and the like describe one
  item, they do not sort items into a few kinds;
- its value is a string on every item that has it (`null` counts as not having it); a number,
  boolean or list anywhere rules the field out;
- it takes at most `MAX_VALUES` distinct values (more is free text or an identifier);
- and it adds something: a field with a single value on every item would repeat `overall`.
Items without the field are in none of its groups. Fields keep the order in which the dataset
first uses them; values are sorted; the group of value V of field F is named `F=V`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

Item = Mapping[str, Any]

FIXED: dict[str, Callable[[Item], bool]] = {
    "overall": lambda it: True,
    "ar": lambda it: it["lang"] == "ar",
    "en": lambda it: it["lang"] == "en",
    "questions": lambda it: it["kind"] == "question",
    "claims": lambda it: it["kind"] == "claim",
}
# The fixed groupings, keyed like the discovered ones by the item field they come from.
FIXED_GROUPINGS: dict[str, tuple[str, ...]] = {
    "lang": ("ar", "en"),
    "kind": ("questions", "claims"),
}
FORMAT_FIELDS = frozenset(
    "id kind lang text doc answerable answer_keys evidence speaker role verdict".split()
)
DESCRIPTIVE_FIELDS = frozenset(
    "url title qid claim_id claim_fact gold_para body_id rationale_lines".split()
)
MAX_VALUES = 20


def descriptive(name: str) -> bool:
    """Whether a field name is one of the format's fields or describes a single item."""
    return name in FORMAT_FIELDS or name in DESCRIPTIVE_FIELDS or name.endswith("_id")


def grouping_fields(items: Sequence[Item], max_values: int = MAX_VALUES) -> dict[str, list[str]]:
    """Every grouping field of the items (in order of first use) with its sorted values."""
    values: dict[str, set[str]] = {}
    ruled_out: set[str] = set()
    for it in items:
        for name, value in it.items():
            if name in ruled_out or value is None or descriptive(name):
                continue
            seen = values.setdefault(name, set())
            if isinstance(value, str):
                seen.add(value)
            if not isinstance(value, str) or len(seen) > max_values:
                ruled_out.add(name)
                del values[name]
    out = {}
    for name, seen in values.items():
        everywhere = all(it.get(name) is not None for it in items)
        if len(seen) > 1 or not everywhere:
            out[name] = sorted(seen)
    return out


def group_name(field: str, value: str) -> str:
    """The name of the group of items whose `field` is `value`."""
    return f"{field}={value}"


def groupings(items: Sequence[Item]) -> dict[str, list[str]]:
    """Field -> the names of its groups: lang and kind (fixed), then every grouping field."""
    out = {field: list(names) for field, names in FIXED_GROUPINGS.items()}
    for field, values in grouping_fields(items).items():
        out[field] = [group_name(field, v) for v in values]
    return out


def members(items: Sequence[Item]) -> dict[str, list[int]]:
    """Group name -> indexes of its items: the fixed groups first, then every field's values."""
    out = {name: [i for i, it in enumerate(items) if keep(it)] for name, keep in FIXED.items()}
    for field, values in grouping_fields(items).items():
        for value in values:
            out[group_name(field, value)] = [
                i for i, it in enumerate(items) if it.get(field) == value
            ]
    return out
