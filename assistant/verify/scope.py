"""What the passages of one article are judged with: the claim, the article's view and the
claim's word weights in it, and who the claim is about (its subject, the article's parties)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from assistant.config import VerifySettings
from assistant.models import ARTICLE_SPEAKER, Chunk
from assistant.verify.claim import Claim
from assistant.verify.matching import ArticleView, agent
from assistant.verify.numbers import figure_word
from index.normalize import tokens


@dataclass
class Scope:
    """What the passages of one article are judged with: its view and the claim's weights."""

    claim: Claim
    view: ArticleView
    weights: dict[str, float]
    cfg: VerifySettings

    @cached_property
    def _coverages(self) -> dict[str, float]:
        return {
            c.chunk_id: self.view.coverage(self.weights, [c.chunk_id]) for c in self.view.chunks
        }

    @cached_property
    def agent(self) -> tuple[str, ...]:
        """The party the claim names as its subject (empty when it names none first)."""
        claim = self.claim
        voiced = claim.speaker is not None
        return agent(claim.text, claim.lang, claim.content, self._party_words, voiced)

    def names_agent(self, chunk: Chunk) -> bool:
        """Whether a passage names the claim's subject other than as its accuser. Only a voice's
        passage must: stating the claim puts it in that voice's mouth, while the article's own
        sentences lean on the ones before them ("The library opened in 1962")."""
        wanted = self.agent
        if not wanted or chunk.speaker == ARTICLE_SPEAKER or not chunk.readable_in(self.claim.lang):
            return True  # (a passage the claim's words cannot be compared with: no check)
        voice = set(tokens(chunk.speaker)) | set(tokens(chunk.translation_speaker or ""))
        if chunk.role == "accusation" and set(wanted) <= voice:
            return False  # the accuser is not the accused: "X accused Y of P" is no "X did P"
        if any(self.view.has(chunk.chunk_id, t) for t in wanted):
            return True
        # Or by a part of a speaker's name that holds it ("the city council" for a speaker
        # named "Riverside City Council"): `agent_share` of its words.
        for name in self._party_names:
            if set(wanted) & name:
                found = [t for t in name if self.view.has(chunk.chunk_id, t)]
                if len(found) >= 2 and len(found) >= self.cfg.agent_share * len(name):
                    return True
        return False

    def carries_act(self, chunk: Chunk) -> bool:
        """Whether a passage has a word of what the claim says happened: not a name of one of
        the article's parties, a word of its figure ("million") or, in an article long enough
        to have one, a word of its topic (in `topic_share` of its passages: the person it is
        about, named in most of them)."""
        n, cfg = len(self.view.chunks), self.cfg
        topic = cfg.topic_share * n if n >= cfg.topic_min_passages else float("inf")
        act = [
            t for t in self.weights
            if t not in self._party_words and not figure_word(t)
            and self.view.df.get(t, 0) < topic
        ]  # fmt: skip
        return any(self.view.has(chunk.chunk_id, t) for t in act)

    @cached_property
    def _party_names(self) -> list[set[str]]:
        names = {n for c in self.view.chunks for n in (c.speaker, c.translation_speaker)}
        return [set(tokens(n)) for n in names if n and n != ARTICLE_SPEAKER]

    @cached_property
    def _party_words(self) -> set[str]:
        return set().union(*self._party_names)

    def coverage(self, chunk_id: str) -> float:
        """Weighted share of the claim this passage carries."""
        got = self._coverages.get(chunk_id)
        return self.view.coverage(self.weights, [chunk_id]) if got is None else got
