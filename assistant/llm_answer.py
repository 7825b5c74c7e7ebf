"""The LLM path: numbered, attributed evidence in; a guarded, cited answer out.

Falls back to the extractive answer, with a one-line notice, whenever the server fails or the
guard rejects too much of what it wrote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from assistant import guard, messages
from assistant.answer import Scored, as_lang, render_speaker
from assistant.errors import LLMError
from assistant.llm import ChatModel
from assistant.models import ARTICLE_SPEAKER, Answer, Chunk, Citation, Statement, Verdict
from assistant.prompts import load_prompt
from index.normalize import normalize

EVIDENCE_LIMIT = 5


def evidence_block(given: dict[int, Chunk], lang: str) -> str:
    """Numbered passages with who says them: '[3] The Daily Courier (report): ...'."""
    lines = []
    for n, c in given.items():
        who = (
            messages.ARTICLE_NAME[lang] if c.speaker == ARTICLE_SPEAKER else render_speaker(c, lang)
        )
        role = messages.ROLE_LABEL[lang][c.role]
        line = f"[{n}] {who} ({role}): {c.text}"
        if c.translation:
            other = messages.LANGUAGE_NAME["en" if c.lang == "ar" else "ar"]
            line += f"\n    ({other}: {c.translation})"
        lines.append(line)
    return "\n".join(lines)


def user_message(kind: str, text: str, evidence: str) -> str:
    """Evidence and question as delimited data, never as instructions."""
    return f"<evidence>\n{evidence}\n</evidence>\n\n<{kind}>\n{text}\n</{kind}>"


def answer_prompt(
    question: str, lang: str, ranked: list[Scored]
) -> tuple[str, str, dict[int, Chunk]]:
    """(system, user, given passages) for the answer prompt."""
    given = {n: s.hit.chunk for n, s in enumerate(ranked[:EVIDENCE_LIMIT], start=1)}
    system = load_prompt("answer").render(
        language_name=messages.LANGUAGE_NAME[lang], not_in_article=messages.NOT_IN_ARTICLE[lang]
    )
    return system, user_message("question", question, evidence_block(given, lang)), given


def stream_answer(
    model: ChatModel,
    question: str,
    lang: str,
    ranked: list[Scored],
    extractive: Answer,
    similar: Callable[[str, Chunk], float],
    min_dense: float,
) -> Iterator[str | Answer]:
    """Tokens as the model writes them, then the guarded Answer (or the extractive fallback)."""
    system, user, given = answer_prompt(question, lang, ranked)
    parts: list[str] = []
    try:
        for token in model.stream(system, user):
            parts.append(token)
            yield token
    except LLMError as exc:
        yield fallback(extractive, lang, str(exc))
        return
    yield guarded(question, lang, "".join(parts), given, ranked, extractive, similar, min_dense)


def guarded(
    question: str,
    lang: str,
    reply: str,
    given: dict[int, Chunk],
    ranked: list[Scored],
    extractive: Answer,
    similar: Callable[[str, Chunk], float],
    min_dense: float,
) -> Answer:
    """The model's reply after the citation guard, renumbered to the passages it kept."""
    if not reply.strip():
        return fallback(extractive, lang, "the LLM returned an empty reply")
    if normalize(messages.NOT_IN_ARTICLE[lang]) in normalize(reply):
        return Answer(
            question=question, language=as_lang(lang), answer=messages.NOT_IN_ARTICLE[lang],
            abstained=True, mode="llm",
        )  # fmt: skip
    report = guard.check(reply, given, lang, similar, min_dense)
    info = {"removed": report.removed, "attribution_added": report.attributed}
    if not report.kept or len(report.kept) < len(report.removed):
        return fallback(extractive, lang, messages.GUARD_REJECTED[lang], info)
    order = list(dict.fromkeys(n for k in report.kept for n in k.cited))
    new_id = {old: i for i, old in enumerate(order, start=1)}
    scores = {s.hit.chunk.chunk_id: s.score for s in ranked}
    citations = [_citation(new_id[n], given[n], scores.get(given[n].chunk_id, 0.0)) for n in order]
    statements = [
        Statement(
            text=_renumber(k.text, new_id), citations=[new_id[n] for n in k.cited],
            speaker=k.speaker, role=k.role,
        )
        for k in report.kept
    ]  # fmt: skip
    return Answer(
        question=question, language=as_lang(lang), answer=" ".join(s.text for s in statements),
        abstained=False, statements=statements, citations=citations, mode="llm", guard=info,
    )  # fmt: skip


def fallback(extractive: Answer, lang: str, reason: str, info: dict | None = None) -> Answer:
    """The extractive answer with a one-line notice saying why."""
    out = extractive.model_copy(deep=True)
    out.notice = messages.LLM_FALLBACK[lang].format(reason=reason)
    out.guard = info
    return out


def _citation(n: int, c: Chunk, score: float) -> Citation:
    return Citation(
        id=n, doc_id=c.doc_id, chunk_id=c.chunk_id, quote=c.text, start=c.start, end=c.end,
        translation=c.translation, speaker=c.speaker, role=c.role, score=round(score, 4),
    )  # fmt: skip


def _renumber(text: str, new_id: dict[int, int]) -> str:
    def one(m: re.Match[str]) -> str:
        nums = [int(x) for x in re.split(r"\s*[,،]\s*", m.group(1))]
        return "".join(f"[{new_id[n]}]" for n in nums if n in new_id)

    return guard._MARK.sub(one, text)


def explain_verdict(
    model: ChatModel,
    verdict: Verdict,
    given: dict[int, Chunk],
    similar: Callable[[str, Chunk], float],
    min_dense: float,
) -> Verdict:
    """The verdict with an LLM-written explanation, kept only if every sentence passes the guard."""
    lang = verdict.language
    stances = {e.id: e.stance for e in verdict.evidence}
    lines = [f"{evidence_block({n: c}, lang)}\n    stance: {stances[n]}" for n, c in given.items()]
    system = load_prompt("verify").render(
        language_name=messages.LANGUAGE_NAME[lang], verdict=verdict.verdict
    )
    try:
        reply = model.complete(system, user_message("claim", verdict.claim, "\n".join(lines)))
    except LLMError as exc:
        return verdict.model_copy(update={"notice": messages.LLM_FALLBACK[lang].format(reason=exc)})
    report = guard.check(reply, given, lang, similar, min_dense)
    if not report.kept or report.removed:
        notice = messages.LLM_FALLBACK[lang].format(reason=messages.GUARD_REJECTED[lang])
        return verdict.model_copy(update={"notice": notice})
    label = messages.VERDICT_LABEL[lang][verdict.verdict]
    text = " ".join(k.text for k in report.kept)
    return verdict.model_copy(update={"explanation": f"{label}: {text}", "mode": "llm"})
