"""Which passages an answer cites beside its best one: the other side of a claim (its denial,
or the claim a denial answers), a rival figure another voice gives, the article's refutation of
a story it reports only as a claim; and what those passages say to a yes/no question."""

from __future__ import annotations

from assistant.answer import lift
from assistant.answer.question import Question
from assistant.answer.rank import Scored
from assistant.config import AnswerSettings
from assistant.models import ARTICLE_SPEAKER, CHARGE_ROLES, Chunk
from index.language import language, normalize
from index.normalize import tokens

CLAIMS = ("report", "accusation", "statement")
_FACTOIDS = ("person", "place", "time", "number")  # questions answered by one fact


def bears_on(q: Question, c: Chunk) -> bool:
    """Whether a passage uses a word of the question besides its own speaker's name: a party's
    denial of one thing is no other side of "who founded it" (only the name is shared)."""
    own = set(tokens(c.speaker)) | set(tokens(c.translation_speaker or ""))
    asked = {t for t in q.tokens if t not in own}
    # Search tokens, not roots: a root joins "founded" to "institution" (أسس / مؤسسة).
    return not asked or bool(asked & set(tokens(f"{c.text} {c.translation or ''}")))


def same_voice(a: Chunk, b: Chunk) -> bool:
    """Whether two passages share a speaker, one name holding the other ("the Gazette"
    continuing "The Riverton Gazette"; not "Ministry of Health" beside "Ministry of Interior")."""
    x, y = set(tokens(a.speaker)), set(tokens(b.speaker))
    return bool(x and y) and (x <= y or y <= x)


def _denies_report(c: Chunk) -> bool:
    return language(c.lang).denies_report(normalize(c.text))


def _close_enough(s: Scored, n: int, floor: float, cfg: AnswerSettings) -> bool:
    """Whether a passage left out (the n-th best) ranks high enough to cite beside the answer:
    at least `floor`, or the best left out at `other_side_next` (that ranking alone says it
    bears on the question, even when the cited passage's probability dwarfs it)."""
    return s.answer_prob >= floor or (n == 0 and s.answer_prob >= cfg.other_side_next)


def with_other_side(
    chosen: list[Scored], ranked: list[Scored], cfg: AnswerSettings, q: Question | None = None
) -> list[Scored]:
    """The chosen passages plus the best-ranked denial of a cited claim (or the claim a cited
    denial answers), when the retrieved passages carry one and it bears on the question."""
    roles = {s.hit.chunk.role for s in chosen}
    want = "denial" if roles & set(CLAIMS) and "denial" not in roles else None
    if want is None and "denial" in roles and not roles & set(CLAIMS):
        want = "claim"
    if want is None:
        return chosen
    floor = chosen[0].answer_prob * cfg.other_side_ratio
    ids = {s.hit.chunk.chunk_id for s in chosen}
    rest = [s for s in ranked if s.hit.chunk.chunk_id not in ids]
    if want == "denial" and chosen[0].hit.chunk.role in CHARGE_ROLES:
        # A denial of "the report" or "these allegations" in the same article answers the
        # cited report or charge whatever its words ("City hall denied the report"), wherever
        # it ranks: it names what it denies by pointing back to it.
        top = chosen[0].hit.chunk
        for s in rest:
            c = s.hit.chunk
            # It points back: it comes after the cited report, with no one else's charge between.
            after = c.doc_id == top.doc_id and c.index > top.index
            between = any(
                o.hit.chunk.doc_id == top.doc_id and o.hit.chunk.role in CHARGE_ROLES
                and not same_voice(o.hit.chunk, top) and top.index < o.hit.chunk.index < c.index
                for o in ranked
            )  # fmt: skip
            if c.role == "denial" and after and not between and _denies_report(c):
                return [*chosen, s]
    for n, s in enumerate(rest):
        role = s.hit.chunk.role
        fits = role == "denial" if want == "denial" else role in CLAIMS
        # The other side must bear on the question: a claim side ("declined to comment"
        # answers nothing), and a denial answering a name, figure, date or place question (a
        # party's denial of something else is no other side of a fact; "who accused X of P"
        # asks about the charge, and its denial is its other side).
        fact = q is not None and q.answer_type in _FACTOIDS and not q.asked_role
        if q is not None and (want == "claim" or fact):
            fits = fits and bears_on(q, s.hit.chunk)
        if want == "claim" and role == "statement":
            # A party's statement is the side a denial answers only when it says what the
            # question asks (a study of trust in a commission is no claim of fraud).
            fits = fits and s.coverage is not None and s.coverage >= cfg.yes_no_coverage
        if fits and _close_enough(s, n, floor, cfg):
            return [*chosen, s]
    return chosen


def _figures(q: Question, c: Chunk) -> set[str]:
    """The figures a passage gives, in digits or in words ("four", "أربعة")."""
    words = language(c.lang).lexicon.NUMBER_WORDS
    spelled = {w.strip(".,،") for w in normalize(c.text).split()} & words
    return {f.text for f in lift.candidates(q, c.text, c.lang)} | spelled


def with_rival_figure(
    chosen: list[Scored], ranked: list[Scored], cfg: AnswerSettings, q: Question
) -> list[Scored]:
    """For a how-many question answered by one voice, the best-ranked passage left out where
    another voice gives another figure on the same matter ("the council said only two would
    close" beside "Doyle said four"): a figure disputed is answered with both."""
    if q.answer_type != "number" or len(chosen) != 1:
        return chosen
    top = chosen[0].hit.chunk
    if top.speaker == ARTICLE_SPEAKER:
        return chosen
    given = _figures(q, top)
    floor = chosen[0].answer_prob * cfg.other_side_ratio
    rest = [s for s in ranked if s.hit.chunk.chunk_id != top.chunk_id]
    for n, s in enumerate(rest):
        c = s.hit.chunk
        other = c.speaker != ARTICLE_SPEAKER and not same_voice(c, top)
        figures = _figures(q, c)
        fits = other and c.doc_id == top.doc_id and bool(figures - given) and bears_on(q, c)
        if fits and _close_enough(s, n, floor, cfg):
            return [*chosen, s]
    return chosen


def hedged(c: Chunk, q: Question) -> bool:
    """Whether a passage only reports what the question asks ("claims to show", "reportedly",
    "يُزعم" bearing on the question's words)."""
    return language(c.lang).hedge_covers(normalize(c.text), set(q.tokens))


def says_false(q: Question, c: Chunk, reach: int) -> bool:
    """Whether a passage calls a story false or says no to the question's own words."""
    return language(c.lang).debunked(normalize(c.text)) or says_no(q, c.text, reach)


def with_refutation(
    chosen: list[Scored], ranked: list[Scored], cfg: AnswerSettings, q: Question
) -> list[Scored]:
    """For a yes/no question whose best passage only reports a claim ("a photo claims to
    show ..."), the best passage of that article that calls it false or says no to the
    question's words ("No, this photo does not show ...", "There is no evidence that ..."):
    a story the article debunks is not answered with the story alone."""
    if q.answer_type != "yes_no" or len(chosen) != 1 or not hedged(chosen[0].hit.chunk, q):
        return chosen
    top = chosen[0].hit.chunk
    against = [
        s for s in ranked
        if s.hit.chunk.doc_id == top.doc_id and s.hit.chunk.chunk_id != top.chunk_id
        and s.coverage is not None and s.coverage >= cfg.refutation_coverage
        and says_false(q, s.hit.chunk, cfg.negation_reach)
    ]  # fmt: skip
    return [*chosen, max(against, key=lambda s: s.answer_prob)] if against else chosen


def says_no(q: Question, text: str, reach: int) -> bool:
    """Whether a passage negates what the question asks: a negation word shortly before one of
    the question's words ("had not paid anyone" for "Did X pay ..."), not a negation anywhere
    in it ("X, who denies wrongdoing, did not appear in court" for "Does X deny ...")."""
    lang = q.language
    if lang.negated(q.norm):
        return False
    asked = set(q.tokens)
    words = normalize(text).split()
    return any(
        lang.negated(w) and asked & set(tokens(" ".join(words[i + 1 : i + 1 + reach])))
        for i, w in enumerate(words)
    )
