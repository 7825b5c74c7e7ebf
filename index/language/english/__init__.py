"""The English lexicon: every word list the product reads for English, in one namespace.

Kept in a few modules by use (reported speech, stance cues, questions, search) and read as one
lexicon (`index.language.english.VERBS`, `.HEDGE`, `.ANSWER_TYPES`...). Nothing here names a
person, outlet or sentence of any one article.
"""

# One namespace over the modules: the Language object and every caller read the lexicon whole.
from index.language.english.frames import *  # noqa: F403
from index.language.english.questions import *  # noqa: F403
from index.language.english.search import *  # noqa: F403
from index.language.english.speech import *  # noqa: F403
from index.language.english.stance import *  # noqa: F403
