"""Who says what: a speaker, a role, and the cue and source spans for every unit of an article.

The units are read in order. Each unit's first cue outside quotations that names a source (or
points back to the last one: "he said", "وأضاف", "مضيفا") gives its speaker; "the newspaper" /
"المركز" resolve to the entity named earlier. A quotation running over several units belongs to
the speaker its cue names ('"...," the mayor said.'), so the units inside it do too. Everything
else is the article's narration: a missing speaker costs less than a wrong one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assistant.attribution import arabic, english, roles
from assistant.attribution.coref import Resolver, Voice
from assistant.attribution.cues import Cue, Finder, phrase, span
from assistant.attribution.english_clause import sentence_subject
from assistant.attribution.headlines import headline_cues
from assistant.attribution.tokens import Tok, quotations, split_words
from assistant.config import AttributionSettings
from assistant.models import ARTICLE_SPEAKER
from index.language import english as en
from index.language import normalize


@dataclass(frozen=True)
class Attribution:
    """Speaker and role of one unit, with where the article gives its cue and source."""

    speaker: str
    role: str
    mentions: tuple[str, ...] = ()  # names that "the center"/"المركز" in the unit stand for
    cue: tuple[int, int] | None = None  # [start, end) of the reporting cue (article offsets)
    source: tuple[int, int] | None = None  # [start, end) of the phrase naming the speaker


NARRATION = Attribution(ARTICLE_SPEAKER, "context")


@dataclass(frozen=True)
class Strategy:
    """How one language marks reported speech (VSO or SVO), behind one small object."""

    find: Finder
    verb_at: Callable[[list[Tok], int], str | None]  # the speech-verb class of a word, if any
    headline_sources: bool  # whether a headline's own cue names its speaker ("X says ...")
    subject: Callable[[list[Tok]], list[Tok]]  # the named subject a sentence opens with


STRATEGIES = {
    "en": Strategy(english.find, english.verb_at, True, sentence_subject),
    "ar": Strategy(arabic.find, arabic.verb_at, False, lambda toks: []),
}
VIEWS = (en.BELIEF, en.STANCE)  # cue kinds that name a view held, not words spoken
ROLE_OF_VERB = {"report": "report", "accusation": "accusation", "denial": "denial"}


@dataclass
class _Unit:
    text: str
    start: int
    headline: bool
    toks: list[Tok]
    cues: list[Cue]
    group: int | None  # the multi-unit quotation the unit lies in


def attribute(
    texts: Sequence[str],
    lang: str,
    headlines: Sequence[bool] | None = None,
    starts: Sequence[int] | None = None,
    breaks: Sequence[bool] | None = None,
    settings: AttributionSettings | None = None,
) -> list[Attribution]:
    """Attribute each unit of one article, in order.

    `starts` are the units' offsets in the article (cue and source spans are given in article
    offsets); `breaks` tell which units open a paragraph (a quotation runs on within one).
    Without them, units are taken as separate paragraphs, one after another.
    """
    n = len(texts)
    if starts is None:
        starts = [sum(len(t) + 1 for t in texts[:i]) for i in range(n)]
    units = _read(texts, lang, headlines or [False] * n, starts, breaks or [True] * n)
    return _Walk(units, lang, settings or AttributionSettings()).run()


def _read(
    texts: Sequence[str], lang: str, headlines: Sequence[bool], starts: Sequence[int],
    breaks: Sequence[bool],
) -> list[_Unit]:  # fmt: skip
    """Words, quotation groups and cues of every unit."""
    strategy = STRATEGIES[lang]
    quotes = quotations(list(texts), list(breaks))
    units: list[_Unit] = []
    for k, (text, head, start) in enumerate(zip(texts, headlines, starts, strict=True)):
        toks = split_words(text, quotes.flags[k])
        cues = strategy.find(toks, text) if (not head or strategy.headline_sources) else []
        if head or k == 0:  # a headline, or a title written as a sentence
            cues = [c for c in cues if not c.anaphor] or headline_cues(toks, lang)
        units.append(_Unit(text, start, head, toks, cues, quotes.group[k]))
    return units


class _Walk:
    """The second pass: resolve each unit's cue to a speaker, in order."""

    def __init__(self, units: list[_Unit], lang: str, cfg: AttributionSettings) -> None:
        self.units, self.lang, self.cfg = units, lang, cfg
        self.res = Resolver(lang)
        self.by_group: dict[int, Attribution | None] = {}

    def run(self) -> list[Attribution]:
        out = []
        for i, u in enumerate(self.units):
            own = self._own(i, u)
            if own is not None and _bare(u, own):
                own = None  # "X said." alone: the cue of a neighbouring quotation, no statement
                att = self._quoted(i, u, allow_bare=False)
            else:
                att = own or self._quoted(i, u)
            att = att or NARRATION
            att = Attribution(att.speaker, att.role, self.res.mentions(u.toks), att.cue, att.source)
            out.append(att)
            self._note_subject(i, u)
            self.res.see(u.toks, u.headline)
        return out

    def _note_subject(self, i: int, u: _Unit) -> None:
        """Remember who the unit is about, for a pronoun after it ("Smith lost. He said ...")."""
        np = STRATEGIES[self.lang].subject(u.toks) if not u.headline else []
        if len(np) == 1 and np[0] is u.toks[0] and not self.res.named_inside(np[0].norm):
            return  # "Broken glass ...": a capital at the start is no name by itself
        if np:
            where = span(np)
            name = self.res.resolve(phrase(u.text, where))
            source = (u.start + where[0], u.start + where[1])
            self.res.subjects.append(Voice(name, "context", i, source))
            self.res.agree.learn(name, [t.norm for t in u.toks if t.start >= where[1]])

    def _own(self, i: int, u: _Unit) -> Attribution | None:
        """The unit's own first cue that names a source (or points back to one)."""
        for cue in u.cues:
            got = self._resolve(i, u, cue)
            if got is not None:
                speaks = cue.kind not in VIEWS
                self.res.add(Voice(got.speaker, got.role, i, got.source, speaks, u.headline))
                return got
        return None

    def _resolve(self, i: int, u: _Unit, cue: Cue) -> Attribution | None:
        """The attribution a cue of unit u gives, read at unit i (nothing recorded)."""
        if cue.source is not None:
            before = u.text[: cue.source[0]]
            name = self.res.possessor(
                phrase(u.text, cue.source), i, self.cfg.pronoun_window, before
            )
            if not name:
                return None  # ... or "his lawyer" with no one named before to be "his"
            speaker = self.res.resolve(name)
            source: tuple[int, int] | None = (u.start + cue.source[0], u.start + cue.source[1])
        else:
            if u.headline:
                return None
            window = 1 if cue.close else self.cfg.pronoun_window
            if cue.pronoun:  # an English pronoun: the latest name it agrees with, unless
                # its own sentence names someone else before it ("X talked to Y, and they said")
                last = self.res.antecedent(i, window, cue.pronoun)
                last = last if last and not _others(u, cue.cue[0], last.name) else None
            else:
                last = self.res.last(i, window)
                last = None if last and cue.plural and not _plural(last.name) else last
            if last is None:
                return None
            speaker, source = last.name, last.source
        rest = normalize(u.text[cue.cue[1] :])
        role = roles.decide(cue.kind, speaker, self.res, rest, self.lang, normalize(u.text))
        return Attribution(speaker, role, (), (u.start + cue.cue[0], u.start + cue.cue[1]), source)

    def _quoted(self, i: int, u: _Unit, allow_bare: bool = True) -> Attribution | None:
        """A unit inside a quotation without a cue of its own: the quotation's speaker."""
        if u.group is None and not (u.toks and u.toks[0].quoted):
            return None
        if u.group is None:
            got = self._after(i) if allow_bare else None
        else:
            if u.group not in self.by_group:
                self.by_group[u.group] = self._owner(i, u.group)
            got = self.by_group[u.group]
        if got is None:
            # A quotation paragraph with no cue goes on with the speaker quoted just before.
            last = self.res.last(i, self.cfg.quote_window)
            last = last if last and last.speaks else None  # "X rated this claim:" owns no quote
            got = Attribution(last.speaker_name, last.role, (), None, last.source) if last else None
        if got is not None:
            self.res.add(Voice(got.speaker, got.role, i, got.source))
        return got

    def _after(self, k: int) -> Attribution | None:
        """The cue of a bare "X said." unit right after unit k ('"...?" X asked.')."""
        if k + 1 >= len(self.units):
            return None
        nxt = self.units[k + 1]
        for cue in nxt.cues:
            got = self._resolve(k, nxt, cue)
            if got is not None:
                return got if _bare(nxt, got) else None
        return None

    def _owner(self, i: int, group: int) -> Attribution | None:
        """Who a quotation belongs to: the cue after it closes ('," X said'), else the cue
        before it opens ('X said: "'), else a unit ending with a colon just before it, else a
        bare "X said." just after it."""
        members = [k for k, v in enumerate(self.units) if v.group == group]
        first = members[0]
        before = (
            [first - 1] if first > 0 and self.units[first - 1].text.rstrip().endswith(":") else []
        )
        for k in [members[-1], first, *before]:
            u = self.units[k]
            for cue in u.cues:
                if k in before and cue.kind in VIEWS:
                    continue  # "X rated this claim by Y:" introduces Y's words
                got = self._resolve(i, u, cue)
                if got is not None:
                    return got
        return self._after(members[-1])


def _bare(u: _Unit, att: Attribution) -> bool:
    """Whether a unit holds nothing but its cue and source ("Clinton said.", "X continued:")."""
    spans = [s for s in (att.cue, att.source) if s is not None]
    rest = [
        t for t in u.toks
        if not any(a <= u.start + t.start < b for a, b in spans) and t.norm not in en.AUX
    ]  # fmt: skip
    return not rest and att.cue is not None and u.start <= att.cue[0] < u.start + len(u.text)


def _others(u: _Unit, end: int, name: str) -> bool:
    """Whether a unit names someone other than `name` before `end` (a capitalised word inside
    its sentence, outside quotations)."""
    own = set(normalize(name).split())
    words = [t for t in u.toks[1:] if t.start < end and not t.quoted and t.capitalised]
    return any(t.norm not in own and t.norm.split("'")[0] not in en.PRONOUNS for t in words)


def _plural(name: str) -> bool:
    words = normalize(name).split()
    return bool(words) and (words[-1].endswith(("s", "ون", "ين", "ات")) or " and " in name)


def verb_role(text: str, lang: str) -> str | None:
    """The role a question or claim's speech verb asks about ("who accused..." -> accusation)."""
    toks = split_words(text)
    for i in range(len(toks)):
        kind = STRATEGIES[lang].verb_at(toks, i)
        if kind in ROLE_OF_VERB:
            return ROLE_OF_VERB[kind]
    return None
