"""Who says what: a speaker and a role for every chunk of an article (rules, no model).

`attribute` runs the per-article pipeline; `cues` finds reported-speech cues and their
subjects; `coref` resolves "the newspaper"/"المركز" to the entity named earlier; `names`
matches a name asked about against the speakers of chunks.
"""

from assistant.attribution.names import speaks
from assistant.attribution.pipeline import Attribution, attribute, verb_role

__all__ = ["Attribution", "attribute", "speaks", "verb_role"]
