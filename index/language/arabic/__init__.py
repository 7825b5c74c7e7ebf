"""The Arabic lexicon: every word list the product reads for Arabic, in one namespace.

Kept in a few modules by use (reported speech, stance cues, questions, search) and read as one
lexicon (`index.language.arabic.VERBS`, `.HEDGES`, `.ANSWER_TYPES`...). Nothing here names a
person, outlet or sentence of any one article.
"""

# One namespace over the modules: the Language object and every caller read the lexicon whole.
from index.language.arabic.questions import *  # noqa: F403
from index.language.arabic.search import *  # noqa: F403
from index.language.arabic.speech import *  # noqa: F403
from index.language.arabic.stance import *  # noqa: F403
