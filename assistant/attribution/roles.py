"""The role of an attributed unit: from the cue first, then from the source.

`accusation` and `denial` come from the cue's class ("accused", "نفى"); a publication or a
document (by its name, or because the article used it as one) `report`s, and so does any source
of a report verb or of "according to"; everyone else makes a `statement`. A neutral cue stays a
statement even when its content is negative, unless its speaker has just denied (a spokesperson
going on with the denial) or it calls the report or charge itself false ("said the report was
untrue").
"""

from __future__ import annotations

from assistant.attribution.coref import Resolver
from assistant.attribution.cues import ACCORDING
from index.language import language

REPORT, ACCUSE, DENY, SPEECH = "report", "accusation", "denial", "speech"
ROLE_OF_KIND = {ACCUSE: "accusation", DENY: "denial"}


def decide(kind: str, name: str, res: Resolver, rest: str, lang: str, said: str) -> str:
    """The role of a unit whose cue is of `kind`, spoken by `name`; `rest` is the normalised
    text after the cue, `said` the whole unit's (a quote may come before its cue)."""
    words = language(lang)
    if kind == ACCUSE and words.claims_own(said):
        return "statement"  # "the group claimed it carried out the attack": no one accused
    if kind in ROLE_OF_KIND:
        return ROLE_OF_KIND[kind]
    if res.is_outlet(name) or kind in (REPORT, ACCORDING):
        return "report"
    if kind == SPEECH and words.in_document(rest):
        return "report"  # "the alliance said in a report published on Wednesday"
    if kind == SPEECH and words.charges(said):
        return "accusation"  # "X was charged with ..., prosecutors said"
    if kind == SPEECH and words.calls_report_false(said):
        # "X said the report was untrue": a denial without the verb. A rating or a finding
        # ("rated the claim as false") is a verdict on the claim, not a party's denial.
        return "denial"
    if words.negated(rest) and res.role_of(name) == "denial":
        return "denial"
    return "statement"
