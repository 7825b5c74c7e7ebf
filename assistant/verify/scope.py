"""What the passages of one article are judged with: the claim, the article's view and the
claim's word weights in it, and who the claim is about (its subject, the article's parties)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from assistant.config import VerifySettings
from assistant.models import ARTICLE_SPEAKER, Chunk
from assistant.verify.claim import Claim
from assistant.verify.matching import ArticleView, agent, folded
from assistant.verify.numbers import figure_word
from index.language import language
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
        if not wanted or not chunk.readable_in(self.claim.lang):
            return True  # (a passage the claim's words cannot be compared with: no check)
        if self.misnamed:
            return False  # no passage names it: the article's parties only share a word with it
        if chunk.speaker == ARTICLE_SPEAKER:
            return True
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

    @cached_property
    def misnamed(self) -> bool:
        """Whether the claim's subject or its speaker is a name the article gives with another
        word in place of one it never uses ("Nile Water" where it names "Riverside Water",
        "Jane Reyes" where "Dana Reyes"): another party of a like name is not the one the
        article speaks of, whichever passage shares the common word. A word the article just
        leaves out (a first name it never gives) names no one else."""
        titles = set(tokens(" ".join(language(self.claim.lang).lexicon.NAME_PREFIXES)))
        speaker = tuple(tokens(self.claim.speaker or ""))
        for name in (self.agent, speaker):
            for i, t in enumerate(name):
                if t in titles or self._heard(t):
                    continue
                kept = [j for j in (i - 1, i + 1) if 0 <= j < len(name) and self._heard(name[j])]
                if any(self._named_beside(name[j], i - j) for j in kept):
                    return True
        return False

    def _named_beside(self, token: str, side: int) -> bool:
        """Whether the article writes a capitalised word the claim does not use on that side
        (-1 before, 1 after) of this word: the name it gives in its place. Only scripts with
        capitals tell a name word from any other."""
        claimed = set(self.claim.content) | set(tokens(self.claim.speaker or ""))
        titles = set(tokens(" ".join(language(self.claim.lang).lexicon.NAME_PREFIXES)))
        for c in self.view.chunks:
            words = re.findall(r"[\w'’-]+", c.text)
            for k, w in enumerate(words):
                if not 0 <= k + side < len(words) or tokens(w)[:1] != [token]:
                    continue
                other = set(tokens(words[k + side]))  # ("Mayor", "The": no other name)
                if words[k + side][:1].isupper() and other and not other & (claimed | titles):
                    return True
        return False

    def measure_coverage(self, chunk_id: str) -> float:
        """Weighted share of the claim's words but its figures' ("per cent", "million") that
        a passage carries: what a figure in it measures, compared with what the claim's does."""
        return self._coverage_of(chunk_id, lambda t: not figure_word(t))

    def coverage_but(self, chunk_id: str, word: str) -> float:
        """Weighted share of the claim's words but one that a passage carries."""
        return self._coverage_of(chunk_id, lambda t: t != word)

    def heard_coverage(self, chunk_id: str) -> float:
        """Weighted share of the claim's words the article uses that this passage carries."""
        return self._coverage_of(chunk_id, self._heard)

    def _coverage_of(self, chunk_id: str, keep: Callable[[str], bool]) -> float:
        kept = {t: w for t, w in self.weights.items() if keep(t)}
        return self.view.coverage(kept, [chunk_id])

    def _heard(self, token: str) -> bool:
        """Whether the article uses a word, however a name in it is transliterated."""
        return self.view.heard(token) or folded(token) in self._folded_vocabulary

    @cached_property
    def _folded_vocabulary(self) -> set[str]:
        return {folded(t) for t in self.view.vocab}

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
