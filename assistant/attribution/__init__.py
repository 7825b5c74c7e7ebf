"""Who says what: a speaker, a role and the cue and source spans for every unit of an article.

`pipeline` walks an article's units in order; `tokens` reads words and quotations; `cues` holds
the cue type, `english` and `arabic` find the cues and their subjects (SVO, VSO); `coref`
resolves "the newspaper"/"المركز" and pronouns; `roles` gives the role; `names` matches a name
asked about against the speakers of chunks; `voices` makes an article's voice map.
"""

from assistant.attribution.names import speaks
from assistant.attribution.pipeline import Attribution, attribute, verb_role

__all__ = ["Attribution", "attribute", "speaks", "verb_role"]
