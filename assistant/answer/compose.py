"""The extractive answer: one attributed statement per cited passage, in the question's language.

Both sides (`sides.py`): a claim cited without the denial the article carries gets it beside it.
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
from assistant.answer.sides import (
    CLAIMS,
    hedged,
    same_voice,
    says_false,
    says_no,
    with_other_side,
    with_refutation,
    with_rival_figure,
)
from assistant.config import AnswerSettings
from assistant.models import (
    ARTICLE_SPEAKER,
    Answer,
    Chunk,
    Citation,
    Statement,
    as_lang,
)  # fmt: skip
from index.language import language

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


def yes_no_lead(q: Question, cited: list[Scored], cfg: AnswerSettings) -> str:
    """The direct answer to a yes/no question, from who says what in the cited passages."""
    forms = messages.YES_NO[q.lang]
    # The voice that reports or alleges it leads: the article's own context sentence beside
    # a report is background, not the claim's source.
    claims = sorted(
        (s.hit.chunk for s in cited if s.hit.chunk.role != "denial"),
        key=lambda c: c.role not in CLAIMS,
    )
    denials = [s.hit.chunk for s in cited if s.hit.chunk.role == "denial"]
    # A denier going on in its own words is no other side of its denial.
    claims = [c for c in claims if not any(same_voice(c, d) for d in denials)]
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
    if top.hit.chunk.readable_in(q.lang) and hedged(top.hit.chunk, q):
        # A claim the article only reports is no "yes": "no" when a passage cited beside it
        # calls it false, else the article leaves it a claim.
        against = [s.hit.chunk for s in cited[1:] if says_false(q, s.hit.chunk, cfg.negation_reach)]
        if not against:
            return forms["hedged"]
        who = _who(against[0], q.lang, inline=True)
        return lang.agree(forms["no"].format(who=who), who)
    said_no = says_no(q, text, cfg.negation_reach)
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
