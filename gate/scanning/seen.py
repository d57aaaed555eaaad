"""What the walk has read before, per process: strings found clean under a key context, and what a keyed
rule answered for a value. Both are pure functions of what they are keyed by, so a hit is the answer.

Plain dicts, because a dict lookup costs a third of an lru_cache call; both bounded: a full table is
emptied and fills again with what is in use, so hostile strings can neither grow memory nor keep the
usual ones out for good. (Threads may race on a table: each entry is a pure function of its key, so a
lost or repeated insertion costs time only.) Benchmarks empty them (`forget_clean`) before every timed
pass, so no pass reads a string as "seen" in an earlier one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from gate.scanning.detectors import KeyedRule
from gate.scanning.placeholders import stands_for_no_one

# Strings the detectors found nothing in, with the key context they were read under. A string's
# findings are a pure function of (string, key context): the detectors read nothing else. So a string
# met again under the same context (sampler and model names, workflow node types, sizes, the prompts
# a batch repeats) is done with one lookup. Only strings found clean are held, never one with a
# finding or one a detector was not asked about; at most _MAX_CLEAN of them, none over
# _MAX_CLEAN_CHARS characters (about 4 MiB at worst).
_MAX_CLEAN = 4096
_MAX_CLEAN_CHARS = 1024
CLEAN: dict[tuple[str, int], None] = {}

# What a keyed rule answered for a string value, per (rule, value): `KeyedRule.accepts` is a pure
# function of the value (it reads the name lists and nothing else), and the same model, file or author
# names come back under the same keys record after record (a LoRA's name is split and looked up in the
# name lists each time: 3-5 us). Bounded as CLEAN is; rules are module constants, so `id` names one.
_MAX_ACCEPTED = 4096
_accepted: dict[tuple[int, str], bool] = {}


def hold_clean(value: str, flags: int) -> None:
    """Remember that `value` read under `flags` holds nothing (if it is short enough to be held)."""
    if len(value) <= _MAX_CLEAN_CHARS:
        if len(CLEAN) >= _MAX_CLEAN:
            CLEAN.clear()
        CLEAN[(value, flags)] = None


def accepts(rule: KeyedRule, value: object) -> bool:
    """`rule.accepts(value)`, through the table for short strings; never for a value that stands for no
    one (`"guest"`, `"[REDACTED]"`, `"{{first_name}}"`: see `placeholders`)."""
    if type(value) is not str or len(value) > _MAX_CLEAN_CHARS:
        return not stands_for_no_one(value) and rule.accepts(value)
    entry = (id(rule), value)
    known = _accepted.get(entry)
    if known is None:
        known = not stands_for_no_one(value) and rule.accepts(value)
        if len(_accepted) >= _MAX_ACCEPTED:
            _accepted.clear()
        _accepted[entry] = known
    return known


def forget_clean() -> None:
    """Empty the table of strings found clean, and the keyed rules' answers (benchmarks call this before
    every timed pass)."""
    CLEAN.clear()
    _accepted.clear()


@contextmanager
def without_clean_table() -> Iterator[None]:
    """Scans inside the block neither read nor fill the table of strings found clean: every string is
    read as if met for the first time (benchmarks measure that rate too). Not for concurrent use."""
    global _MAX_CLEAN_CHARS  # noqa: PLW0603 - the one setting the tables read, swapped for the block
    limit = _MAX_CLEAN_CHARS
    forget_clean()
    _MAX_CLEAN_CHARS = -1  # no string is short enough to be held
    try:
        yield
    finally:
        _MAX_CLEAN_CHARS = limit
        forget_clean()
