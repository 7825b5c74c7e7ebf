"""The LLM path: numbered, attributed evidence in; a guarded, cited answer out.

Falls back to the extractive answer, with a one-line notice, whenever the server fails or the
guard rejects too much of what it wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant import messages
from assistant.answer.compose import citation
from assistant.answer.question import Question
from assistant.answer.rank import Scored
from assistant.config import GuardSettings
from assistant.errors import LLMError
from assistant.llm import guard
from assistant.llm.client import ChatModel
from assistant.llm.prompts import load_prompt
from assistant.models import ARTICLE_SPEAKER, Answer, Chunk, Statement, Verdict, as_lang
from index.language import language, normalize


def evidence_block(given: dict[int, Chunk], lang: str) -> str:
    """Numbered passages with who says them: '[3] The Daily Courier (report): ...'."""
    lines = []
    for n, c in given.items():
        who = messages.ARTICLE_NAME[lang] if c.speaker == ARTICLE_SPEAKER else c.speaker_in(lang)
        role = messages.ROLE_LABEL[lang][c.role]
        line = f"[{n}] {who} ({role}): {c.text}"
        if c.translation:
            other = messages.LANGUAGE_NAME[language(c.lang).other]
            line += f"\n    ({other}: {c.translation})"
        lines.append(line)
    return "\n".join(lines)


def user_message(kind: str, text: str, evidence: str) -> str:
    """Evidence and question as delimited data, never as instructions."""
    return f"<evidence>\n{evidence}\n</evidence>\n\n<{kind}>\n{text}\n</{kind}>"


def answer_prompt(
    q: Question, ranked: list[Scored], cfg: GuardSettings
) -> tuple[str, str, dict[int, Chunk]]:
    """(system, user, given passages) for the answer prompt."""
    lang = q.lang
    given = {n: s.hit.chunk for n, s in enumerate(ranked[: cfg.evidence_limit], start=1)}
    system = load_prompt("answer").render(
        language_name=messages.LANGUAGE_NAME[lang], not_in_article=messages.NOT_IN_ARTICLE[lang]
    )
    return system, user_message("question", q.text, evidence_block(given, lang)), given


def stream_answer(
    model: ChatModel,
    q: Question,
    ranked: list[Scored],
    extractive: Answer,
    grounds: guard.Grounds,
    cfg: GuardSettings,
) -> Iterator[str | Answer]:
    """Tokens as the model writes them, then the guarded Answer (or the extractive fallback)."""
    system, user, given = answer_prompt(q, ranked, cfg)
    parts: list[str] = []
    try:
        for token in model.stream(system, user):
            parts.append(token)
            yield token
    except LLMError as exc:
        yield fallback(extractive, q.lang, str(exc))
        return
    yield guarded(q, "".join(parts), given, ranked, extractive, grounds)


def guarded(
    q: Question,
    reply: str,
    given: dict[int, Chunk],
    ranked: list[Scored],
    extractive: Answer,
    grounds: guard.Grounds,
) -> Answer:
    """The model's reply after the citation guard, renumbered to the passages it kept."""
    question, lang = q.text, q.lang
    if not reply.strip():
        return fallback(extractive, lang, "the LLM returned an empty reply")
    if normalize(messages.NOT_IN_ARTICLE[lang]) in normalize(reply):
        return Answer(
            question=question, language=as_lang(lang), answer=messages.NOT_IN_ARTICLE[lang],
            abstained=True, mode="llm",
        )  # fmt: skip
    report = guard.check(reply, given, lang, grounds)
    info = {"removed": report.removed, "attribution_added": report.attributed}
    if not report.kept or len(report.kept) < len(report.removed):
        return fallback(extractive, lang, messages.GUARD_REJECTED[lang], info)
    order = list(dict.fromkeys(n for k in report.kept for n in k.cited))
    new_id = {old: i for i, old in enumerate(order, start=1)}
    scores = {s.hit.chunk.chunk_id: s.score for s in ranked}
    citations = [citation(new_id[n], given[n], scores.get(given[n].chunk_id, 0.0)) for n in order]
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


def _renumber(text: str, new_id: dict[int, int]) -> str:
    def one(m: re.Match[str]) -> str:
        nums = [int(x) for x in re.split(r"\s*[,،]\s*", m.group(1))]
        return "".join(f"[{new_id[n]}]" for n in nums if n in new_id)

    return guard.MARK.sub(one, text)


def explain_verdict(
    model: ChatModel,
    verdict: Verdict,
    given: dict[int, Chunk],
    grounds: guard.Grounds,
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
    report = guard.check(reply, given, lang, grounds)
    if not report.kept or report.removed:
        notice = messages.LLM_FALLBACK[lang].format(reason=messages.GUARD_REJECTED[lang])
        return verdict.model_copy(update={"notice": notice})
    label = messages.VERDICT_LABEL[lang][verdict.verdict]
    text = " ".join(k.text for k in report.kept)
    return verdict.model_copy(update={"explanation": f"{label}: {text}", "mode": "llm"})
