"""Character n-gram similarity between a question and its candidate passages.

Arabic words take prefixes (ال، و، ب، ل) and suffixes (ه، ها، هم، ات) that a stemmer strips
only in part; n-grams of 3-5 letters inside words still meet ("بتأسيس" / "أسس" / "المؤسسة"). The
weights are the n-grams' rarity among the candidates of this one question, so nothing depends on
what else is indexed. Written by hand: scikit-learn's TfidfVectorizer does the same, but it is
not a runtime dependency of the product.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from index.language import normalize

_WORD = re.compile(r"\w+")
_SIZES = (3, 4, 5)


def grams(text: str) -> Counter[str]:
    """Counts of the 3-5 letter n-grams inside the words of a text (each word padded by spaces)."""
    out: Counter[str] = Counter()
    for word in _WORD.findall(normalize(text)):
        padded = f" {word} "
        for n in _SIZES:
            out.update(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return out


def similarities(question: str, passages: list[str]) -> list[float]:
    """Cosine of sublinear tf-idf n-gram vectors, the idf taken over the passages and question."""
    docs = [grams(question), *(grams(p) for p in passages)]
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    n = len(docs)

    def vector(d: Counter[str]) -> dict[str, float]:
        v = {g: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[g])) + 1) for g, c in d.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {g: x / norm for g, x in v.items()}

    q = vector(docs[0])
    return [sum(w * q.get(g, 0.0) for g, w in vector(d).items()) for d in docs[1:]]
