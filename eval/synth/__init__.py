"""Synthetic news articles for the scale benchmark: deterministic, seeded, bilingual.

Article i is built from its own random generator (seed, i), so any prefix of a larger set is the
same articles: half Arabic (odd i), half English (even i), 300-600 words each, a report about a
public project's cost with accusations, denials and context in reported speech, varied names,
numbers and places. Each article comes with a question and a claim about its key figure.

    python -m eval.synth N --out DIR [--seed 0]   # write N article files (.txt)

The words are in eval/synth/vocab.py, the sentence templates in eval/synth/templates.py.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eval.synth.templates import (
    AR,
    AR_KEY_DENIAL,
    AR_LEAD,
    AR_TITLES,
    EN,
    EN_KEY_DENIAL,
    EN_LEAD,
    EN_TITLES,
    KINDS,
)
from eval.synth.vocab import AR_VERBS


@dataclass(frozen=True)
class SynthArticle:
    """One synthetic article with a question and a claim about its key figure."""

    doc_id: str
    lang: str
    text: str
    question: str
    claim: str
    answer: str  # the figure the question's answer must contain

    @property
    def words(self) -> int:
        """Whitespace-separated words."""
        return len(self.text.split())


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _facts(rng: random.Random, lang: str) -> dict[str, str]:
    v = AR if lang == "ar" else EN
    place, place2 = rng.sample(v["places"], 2)
    org = rng.choice(v["orgs"])
    paper, paper2 = rng.sample(v["papers"], 2)
    amount = rng.randint(40, 900)
    real = amount - rng.randint(max(5, amount // 10), max(6, amount // 3))
    year = rng.randint(2013, 2020)
    lo = rng.randint(20, 200)
    f: dict[str, str] = {
        "org": org, "paper": paper, "paper2": paper2, "place": place, "place2": place2,
        "project": rng.choice(v["projects"]), "watchdog": rng.choice(v["watchdogs"]),
        "weekday": rng.choice(v["weekdays"]), "month": rng.choice(v["months"]),
        "amount": str(amount), "budget": str(int(amount * rng.uniform(0.4, 0.8))),
        "real": str(real), "year": str(year), "year0": str(year - rng.randint(2, 8)),
        "year1": str(rng.randint(2008, 2019)), "jobs": str(rng.randint(120, 950)),
        "delay": str(rng.randint(11, 30)), "pct": str(rng.randint(8, 45)),
        "pct2": str(rng.randint(12, 60)), "phase": str(rng.randint(15, max(16, amount // 2))),
        "docs": str(rng.randint(200, 3000)), "extra": str(rng.randint(11, 90)),
        "families": str(rng.randint(110, 900)), "injured": str(rng.randint(11, 40)),
        "review": str(rng.randint(3, 10)), "pop": str(rng.randint(60, 950)),
        "km": str(rng.randint(15, 380)), "months": str(rng.randint(18, 48)),
        "lo": str(lo), "hi": str(lo + rng.randint(30, 300)),
    }  # fmt: skip
    for role, titles in (("acc", v["acc_titles"]), ("den", None), ("exp", v["exp_titles"])):
        female = rng.random() < 0.5
        first = rng.choice(v["first_f"] if female else v["first_m"])
        last = rng.choice(v["last"])
        f[f"{role}_name"], f[f"{role}_last"] = f"{first} {last}", last
        if titles is not None:
            title = rng.choice(titles)
            title = title[int(female)] if isinstance(title, tuple) else title
            f[f"{role}_title"] = title.format(place=place, place2=place2)
        if lang == "ar":
            for verb, forms in AR_VERBS.items():
                f[f"{role}_{verb}"] = forms[int(female)]
        else:
            f[f"{_cap(role)}_pron"] = "She" if female else "He"
    if lang == "en":
        for key in ("org", "paper", "paper2", "watchdog"):
            f[_cap(key)] = _cap(f[key])
    return f


def article(i: int, seed: int = 0) -> SynthArticle:
    """Article number i (0-based) of the seeded set: Arabic when i is odd, English when even."""
    rng = random.Random(f"isnad-synth:{seed}:{i}")
    lang = "ar" if i % 2 else "en"
    f = _facts(rng, lang)
    v = AR if lang == "ar" else EN
    title = rng.choice(AR_TITLES if lang == "ar" else EN_TITLES).format(**f)
    key_denial = AR_KEY_DENIAL if lang == "ar" else EN_KEY_DENIAL
    # Shuffled statements, except that a speaker is named in full before pronouns refer to them.
    pools = {k: rng.sample(v[k], len(v[k])) for k in ("report", "context")}
    for k in ("accusation", "denial"):
        pools[k] = [v[k][0], *rng.sample(v[k][1:], len(v[k]) - 1)]
    pools["denial"].insert(0, key_denial)
    target = rng.randint(300, 600)
    paragraphs = [[(AR_LEAD if lang == "ar" else EN_LEAD).format(**f)]]
    words = len(title.split()) + len(paragraphs[0][0].split())
    order = list(KINDS)
    while words < target and any(pools.values()):
        rng.shuffle(order)
        for kind in order:
            take = pools[kind][: rng.randint(2, 4)]
            del pools[kind][: len(take)]
            if not take:
                continue
            para = [t.format(**f) for t in take]
            paragraphs.append(para)
            words += sum(len(s.split()) for s in para)
            if words >= target:
                break
    text = title + "\n\n" + "\n\n".join(" ".join(p) for p in paragraphs) + "\n"
    if lang == "ar":
        question = "كم أنفقت {org} على {project} في {place}؟".format(**f)
        claim = "أنفقت {org} {amount} مليون دولار على {project} في {place}.".format(**f)
    else:
        question = "How much did {org} spend on the {project} in {place}?".format(**f)
        claim = "{Org} spent {amount} million dollars on the {project} in {place}.".format(**f)
    return SynthArticle(f"synth_{i:05d}_{lang}", lang, text, question, claim, f["amount"])


def articles(n: int, seed: int = 0) -> Iterator[SynthArticle]:
    """The first n articles of the seeded set."""
    return (article(i, seed) for i in range(n))


def write(n: int, folder: Path, seed: int = 0) -> list[Path]:
    """Write the first n articles as DOC_ID.txt (existing files are kept); their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for art in articles(n, seed):
        path = folder / f"{art.doc_id}.txt"
        if not path.exists():
            path.write_text(art.text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    """Write N synthetic articles to a folder."""
    p = argparse.ArgumentParser(prog="python -m eval.synth", description=__doc__.splitlines()[0])
    p.add_argument("n", type=int)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    paths = write(args.n, args.out, args.seed)
    print(f"wrote {len(paths)} articles to {args.out}", file=sys.stderr)
    return 0
