"""English search: the stop words dropped from search tokens."""

from __future__ import annotations

# ---- search ---------------------------------------------------------------------------------
STOP_WORDS = frozenset(
    """a an the of to in on at by for from with about as into over after before and or but if
    than then that this these those is are was were be been being do does did done has have had
    what which who whom whose when where why how much many does did it its it's he she they them
    his her their there here not no yes any some all can could would should will shall may might
    according said say says tell told please article big large""".split()
)
