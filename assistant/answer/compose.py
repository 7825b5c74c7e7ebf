"""The extractive answer: one attributed statement per cited passage, in the question's language.

Both sides: a claim cited without the denial the article carries gets that denial beside it.
A yes/no question gets a direct lead when the cited passages settle it. A passage in the other
language, with no edition in the question's, is framed in the question's language (who says it,
in what role, what kind of answer, the figures or names lifted from it) around a short excerpt,
so the answer stays readable for someone who cannot read the quote.
"""

from __future__ import annotations

from assistant import messages
from assistant.answer import lift
from assistant.answer.question import Question
from assistant.answer.rank import Scored
from assistant.config import AnswerSettings
from assistant.models import (
    ARTICLE_SPEAKER,
    CHARGE_ROLES,
    Answer,
    Chunk,
    Citation,
    Statement,
    as_lang,
)  # fmt: skip
from index.language import language, normalize
from index.normalize import tokens

_CLAIMS = ("report", "accusation", "statement")
_FACTOIDS = ("person", "place", "time", "number")  # questions answered by one fact
_MAX_LIFTED = 2  # candidate answers a frame lifts
_MAX_LIFTED_OTHER = 24  # letters of the other script a frame may lift (a name or two)
_OWN_SHARE = 0.95  # other-script letters allowed per letter of the frame's own script


def shown_in(chunk: Chunk, lang: str) -> tuple[str, str]:
    """(text, speaker name) to show for a chunk in the answer's language."""
    if chunk.lang != lang and chunk.translation:
        return chunk.translation, chunk.speaker_in(lang)
    return chunk.text, chunk.speaker


def citation(n: int, c: Chunk, score: float) -> Citation:
    """The contract's Citation of a chunk."""
    return Citation(
        id=n, doc_id=c.doc_id, chunk_id=c.chunk_id, quote=c.text, start=c.start, end=c.end,
        translation=c.translation, speaker=c.speaker, role=c.role, score=round(score, 4),
    )  # fmt: skip


def bears_on(q: Question, c: Chunk) -> bool:
    """Whether a passage uses a word of the question besides its own speaker's name: a party's
    denial of one thing is no other side of "who founded it" (only the name is shared)."""
    own = set(tokens(c.speaker)) | set(tokens(c.translation_speaker or ""))
    asked = {t for t in q.tokens if t not in own}
    # Search tokens, not roots: a root joins "founded" to "institution" (أسس / مؤسسة).
    return not asked or bool(asked & set(tokens(f"{c.text} {c.translation or ''}")))


def _same_voice(a: Chunk, b: Chunk) -> bool:
    """Whether two passages share a speaker ("the Gazette" continuing "The Riverton Gazette")."""
    return bool(set(tokens(a.speaker)) & set(tokens(b.speaker)))


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
    want = "denial" if roles & set(_CLAIMS) and "denial" not in roles else None
    if want is None and "denial" in roles and not roles & set(_CLAIMS):
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
                and not _same_voice(o.hit.chunk, top) and top.index < o.hit.chunk.index < c.index
                for o in ranked
            )  # fmt: skip
            if c.role == "denial" and after and not between and _denies_report(c):
                return [*chosen, s]
    for n, s in enumerate(rest):
        role = s.hit.chunk.role
        fits = role == "denial" if want == "denial" else role in _CLAIMS
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
        other = c.speaker != ARTICLE_SPEAKER and not _same_voice(c, top)
        figures = _figures(q, c)
        fits = other and c.doc_id == top.doc_id and bool(figures - given) and bears_on(q, c)
        if fits and _close_enough(s, n, floor, cfg):
            return [*chosen, s]
    return chosen


def _hedged(c: Chunk) -> bool:
    """Whether a passage only reports a claim ("claims to show", "reportedly", "يُزعم")."""
    return language(c.lang).hedged(normalize(c.text))


def _says_false(q: Question, c: Chunk, reach: int) -> bool:
    """Whether a passage calls a story false or says no to the question's own words."""
    return language(c.lang).debunked(normalize(c.text)) or _says_no(q, c.text, reach)


def with_refutation(
    chosen: list[Scored], ranked: list[Scored], cfg: AnswerSettings, q: Question
) -> list[Scored]:
    """For a yes/no question whose best passage only reports a claim ("a photo claims to
    show ..."), the best passage of that article that calls it false or says no to the
    question's words ("No, this photo does not show ...", "There is no evidence that ..."):
    a story the article debunks is not answered with the story alone."""
    if q.answer_type != "yes_no" or len(chosen) != 1 or not _hedged(chosen[0].hit.chunk):
        return chosen
    top = chosen[0].hit.chunk
    against = [
        s for s in ranked
        if s.hit.chunk.doc_id == top.doc_id and s.hit.chunk.chunk_id != top.chunk_id
        and s.coverage is not None and s.coverage >= cfg.refutation_coverage
        and _says_false(q, s.hit.chunk, cfg.negation_reach)
    ]  # fmt: skip
    return [*chosen, max(against, key=lambda s: s.answer_prob)] if against else chosen


def _cross_line(q: Question, c: Chunk, marks: str) -> str:
    """A statement about a passage the reader cannot read: framed in the question's language,
    carrying the figures, dates or names of the asked kind lifted from it, and a verbatim
    excerpt around them (the whole quote is in the citation)."""
    lang = q.lang
    found = lift.candidates(q, c.text, c.lang)
    shown = [f.text for f in found[:_MAX_LIFTED]] if lift.liftable(q) else []
    while shown and lift.by_script(" ".join(shown), lang)[1] > _MAX_LIFTED_OTHER:
        shown.pop()  # names in the other script: only as many as keep the frame the reader's
    kinds = messages.ANSWER_KIND[lang]
    parts = {
        "marks": marks,
        "source_lang": messages.SOURCE_LANG[lang][c.lang],
        "kind": kinds.get(q.answer_type, kinds["other"]),
        "speaker": c.speaker_in(lang),
        "role": messages.ROLE_LABEL[lang][c.role],
    }
    template = (
        messages.CROSS_NARRATED if c.speaker == ARTICLE_SPEAKER else messages.CROSS_ATTRIBUTED
    )
    while True:
        parts["lifted"] = messages.LIFTED[lang].format(items=", ".join(shown)) if shown else ""
        frame = template[lang].format(**parts, tail="")
        own, other = lift.by_script(frame, lang)
        if not shown or other <= own * _OWN_SHARE:
            break
        shown.pop()  # a long speaker name in the other script leaves less room for names
    # The excerpt may not outweigh the frame: the answer stays in the reader's language.
    budget = max(int(own * _OWN_SHARE) - other, 0)
    piece = lift.excerpt(c.text, lift.focus(q, c.text, c.lang, found), budget)
    tail = messages.CROSS_END[lang] if piece == "…" else messages.CROSS_EXCERPT[lang]
    speech = language(lang)
    line = template[lang].format(**parts, tail=tail.format(excerpt=piece))
    return speech.sentence(speech.agree(line, parts["speaker"]))


def _line(q: Question, c: Chunk, n: int) -> str:
    marks = f"[{n}]"
    if not c.readable_in(q.lang):
        return _cross_line(q, c, marks)
    text, speaker = shown_in(c, q.lang)
    frames = messages.ATTRIBUTED[q.lang]
    if c.speaker == ARTICLE_SPEAKER or c.role not in frames:
        return messages.NARRATED[q.lang].format(quoted=messages.quoted(q.lang, text), marks=marks)
    line = frames[c.role].format(speaker=speaker, quoted=messages.quoted(q.lang, text), marks=marks)
    lang = language(q.lang)
    return lang.sentence(lang.agree(line, speaker))


def _who(c: Chunk, lang: str, inline: bool = False) -> str:
    if c.speaker == ARTICLE_SPEAKER:
        return (messages.ARTICLE_INLINE if inline else messages.ARTICLE_NAME)[lang]
    return c.speaker_in(lang)


def _says_no(q: Question, text: str, reach: int) -> bool:
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


def yes_no_lead(q: Question, cited: list[Scored], cfg: AnswerSettings) -> str:
    """The direct answer to a yes/no question, from who says what in the cited passages."""
    forms = messages.YES_NO[q.lang]
    # The voice that reports or alleges it leads: the article's own context sentence beside
    # a report is background, not the claim's source.
    claims = sorted(
        (s.hit.chunk for s in cited if s.hit.chunk.role != "denial"),
        key=lambda c: c.role not in _CLAIMS,
    )
    denials = [s.hit.chunk for s in cited if s.hit.chunk.role == "denial"]
    # A denier going on in its own words is no other side of its denial.
    claims = [c for c in claims if not any(_same_voice(c, d) for d in denials)]
    if claims and denials:
        said = messages.YES_NO_DISPUTED[q.lang].get(claims[0].role, forms["disputed"])
        who, other = _who(claims[0], q.lang), _who(denials[0], q.lang)
        speech = language(q.lang)
        lead = speech.agree(speech.agree(said.format(who=who, other=other), who), other)
        return speech.sentence(lead)
    if denials:
        who = _who(denials[0], q.lang)
        speech = language(q.lang)
        return speech.sentence(speech.agree(forms["denied"].format(who=who), who))
    top = cited[0]
    if top.coverage is None or top.coverage < cfg.yes_no_coverage:
        return forms["open"]
    text, _ = shown_in(top.hit.chunk, q.lang)
    lang = language(q.lang)
    if top.hit.chunk.readable_in(q.lang) and _hedged(top.hit.chunk):
        # A claim the article only reports is no "yes": "no" when a passage cited beside it
        # calls it false, else the article leaves it a claim.
        against = [
            s.hit.chunk for s in cited[1:] if _says_false(q, s.hit.chunk, cfg.negation_reach)
        ]
        if not against:
            return forms["hedged"]
        who = _who(against[0], q.lang, inline=True)
        return lang.agree(forms["no"].format(who=who), who)
    said_no = _says_no(q, text, cfg.negation_reach)
    if top.hit.chunk.role == "accusation" and q.asked_role != "accusation" and not said_no:
        # A charge is no "yes" to whether it happened ("Did X take bribes?"): who alleges it is
        # all the article settles. Asked whether they accused ("Did Y accuse X?"), it is a yes.
        who = _who(top.hit.chunk, q.lang)
        return lang.sentence(lang.agree(forms["alleged"].format(who=who), who))
    who = _who(top.hit.chunk, q.lang, inline=True)
    return lang.agree(forms["no" if said_no else "yes"].format(who=who), who)


def compose(
    q: Question, chosen: list[Scored], ranked: list[Scored] | None = None,
    cfg: AnswerSettings | None = None,
) -> Answer:  # fmt: skip
    """The extractive Answer: one attributed statement per cited passage."""
    cfg = cfg or AnswerSettings()
    cited = with_other_side(chosen, ranked or chosen, cfg, q)
    if cited is chosen:
        cited = with_rival_figure(chosen, ranked or chosen, cfg, q)
    if cited is chosen:
        cited = with_refutation(chosen, ranked or chosen, cfg, q)
    citations, statements = [], []
    for n, s in enumerate(cited, start=1):
        c = s.hit.chunk
        citations.append(citation(n, c, s.answer_prob))
        statements.append(
            Statement(text=_line(q, c, n), citations=[n], speaker=c.speaker, role=c.role)
        )
    lines = [s.text for s in statements]
    if q.answer_type == "yes_no":
        lines.insert(0, yes_no_lead(q, cited, cfg))
    return Answer(
        question=q.text,
        language=as_lang(q.lang),
        answer="\n".join(lines),
        abstained=False,
        statements=statements,
        citations=citations,
    )
