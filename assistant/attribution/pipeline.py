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
from assistant.attribution.cues import Cue, Finder, phrase
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


STRATEGIES = {
    "en": Strategy(english.find, english.verb_at, True),
    "ar": Strategy(arabic.find, arabic.verb_at, False),
}
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
        if head:
            cues = [c for c in cues if not c.anaphor] or _headline_colon(toks, lang)
        units.append(_Unit(text, start, head, toks, cues, quotes.group[k]))
    return units


def _headline_colon(toks: list[Tok], lang: str) -> list[Cue]:
    """ "Mayor: the bridge will reopen": an English headline that opens with a short name."""
    if lang != "en":
        return []
    for k, t in enumerate(toks[:3]):
        if ":" in t.after:
            name = toks[: k + 1]
            if all(x.capitalised and x.norm not in en.NOT_SOURCES for x in name):
                colon = t.end + t.after.index(":")
                return [Cue("speech", (colon, colon + 1), (name[0].start, t.end))]
            return []
    return []


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
            self.res.see(u.toks)
        return out

    def _own(self, i: int, u: _Unit) -> Attribution | None:
        """The unit's own first cue that names a source (or points back to one)."""
        for cue in u.cues:
            got = self._resolve(i, u, cue)
            if got is not None:
                self.res.add(Voice(got.speaker, got.role, i, got.source))
                return got
        return None

    def _resolve(self, i: int, u: _Unit, cue: Cue) -> Attribution | None:
        """The attribution a cue of unit u gives, read at unit i (nothing recorded)."""
        if cue.source is not None:
            name = phrase(u.text, cue.source)
            if not name:
                return None
            speaker = self.res.resolve(name)
            source: tuple[int, int] | None = (u.start + cue.source[0], u.start + cue.source[1])
        else:
            if u.headline:
                return None
            window = 1 if cue.close else self.cfg.pronoun_window
            last = self.res.last(i, window)
            if last is None or (cue.plural and not _plural(last.name)):
                return None
            speaker, source = last.name, last.source
        rest = normalize(u.text[cue.cue[1] :])
        role = roles.decide(cue.kind, speaker, self.res, rest, self.lang)
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
