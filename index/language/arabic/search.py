"""Arabic search: the stop words dropped from search tokens."""

from __future__ import annotations

from index.language.arabic.speech import _n

# ---- search ---------------------------------------------------------------------------------
STOP_WORDS = _n(
    """في على من إلى الى عن مع أن إن ان أو او ثم هذا هذه ذلك تلك هو هي هم
    ما ماذا من متى أين اين كيف كم لماذا هل التي الذي الذين كان كانت يكون قد لقد لا لم لن بعد قبل
    حول عند كل أي اي بين حيث إذ اذ كما وهو وهي أنه انه أنها انها له لها به بها فيه فيها منه عنه
    بماذا لماذا وما ما هو هي بحسب حسب لدى لدي عن"""
)
# Connectors that open a sentence of news prose (with و/ف): with the speech verbs, they mark
# where a headline glued to its first sentence ends.
