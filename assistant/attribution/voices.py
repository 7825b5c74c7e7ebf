"""An article's voice map: its units in order, each with who states it, how, and where the
article gives the cue and names the source."""

from __future__ import annotations

from collections.abc import Iterable

from assistant.models import Chunk, VoiceMap, VoiceUnit, as_lang


def voice_map(doc_id: str, lang: str, chunks: Iterable[Chunk]) -> VoiceMap:
    """The voice map of an article from its chunks (as built at ingest, or just now)."""
    units = [
        VoiceUnit(
            start=c.start,
            end=c.end,
            text=c.text,
            speaker=c.speaker,
            role=c.role,
            cue=c.cue,
            source=c.source,
        )
        for c in sorted(chunks, key=lambda c: c.start)
    ]
    return VoiceMap(doc_id=doc_id, language=as_lang(lang), units=units)


def voices(vm: VoiceMap) -> list[tuple[str, str, int]]:
    """The article's voices: (speaker, role, units), most units first, narration left out."""
    counts: dict[tuple[str, str], int] = {}
    for u in vm.units:
        if u.role != "context":
            counts[(u.speaker, u.role)] = counts.get((u.speaker, u.role), 0) + 1
    return sorted(((s, r, n) for (s, r), n in counts.items()), key=lambda v: (-v[2], v[0], v[1]))
