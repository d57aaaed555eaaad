"""What the text detectors found in a string, remembered for the rest of one evaluation.

One image's evaluation scans the same strings more than once: a manifest the gate signed carries the
parameters the event declared (scanned by the parameters check, then again as the manifest's assertion),
and generator workflows repeat their prompts and model names in several nodes. Inside `remembering()`
the walk asks the detectors about a (string, key context) pair once and replays their answer for every
later occurrence: the answer is a pure function of the pair (the detectors read nothing else), so the
findings are the same as without the table, in the same order (tested).

The table lives only as long as the `with` block (one evaluation), so repeated images or records never
make a later scan cheaper than a first one, and it holds at most MAX_ENTRIES pairs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

# (string, key context flags) -> every (entity, rule name) the detectors report for it, in plan order.
Detections = tuple[tuple[str, str], ...]
MAX_ENTRIES = 4096

_table: dict[tuple[str, int], Detections] | None = None


def table() -> dict[tuple[str, int], Detections] | None:
    """The active table, or None outside `remembering()`."""
    return _table


@contextmanager
def remembering() -> Iterator[None]:
    """Remember detections until the block ends; a nested block shares the outer one's table.

    Only the block that made a table removes it, and only if it is still the active one: evaluations
    are single-threaded, but if threads ever overlapped here, one would at worst share or lose another's
    table (each entry is a pure function of its key, so findings never change), and no table outlives
    the block that made it.
    """
    global _table  # noqa: PLW0603 - one table per process at a time, by design (see the module docstring)
    mine: dict[tuple[str, int], Detections] | None = None
    if _table is None:
        mine = _table = {}
    try:
        yield
    finally:
        if mine is not None and _table is mine:
            _table = None
