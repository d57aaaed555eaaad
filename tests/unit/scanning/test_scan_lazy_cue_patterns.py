"""The cue-word patterns compile at their first search, and `warm_up` compiles them all at once.

Compiling the 64 patterns `Cues.then` makes took ~1.7 s of CPU at every import of the scanner; a `gate`
command that scans a reviewer's note paid it all. A lazily compiled pattern must find exactly what the
same regex compiled at once finds, in every way it is asked (`search`, `finditer`, `may_match`,
`cue_bit`), and `warm_up` must leave none uncompiled (the worker pool's forkserver and `gate serve` call
it at start, so no record waits for a compile).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from gate.scanning import lexicon, warm_up
from gate.scanning.cue_words import found
from gate.scanning.detectors.base import cue_view

TEXTS = [
    "print for Anna Kowalska please",
    "für Jürgen Weiß zum Geburtstag",
    "для Анны Петровой",
    "送り先 山田太郎様",
    "إلى أحمد",
    "no cue word at all here",
    "",
    "FOR MARIA, FOR MARIA",
]


@pytest.fixture(scope="module")
def cues() -> dict[str, lexicon.Cues]:
    """One `Cues` a section (each registers its bit in the word starts' table: made once here)."""
    return {section: lexicon.Cues(section) for section in ("person_for", "person_before", "person_role")}


@pytest.mark.parametrize("section", ["person_for", "person_before", "person_role"])
def test_a_pattern_is_compiled_at_its_first_search_and_finds_what_an_eager_one_does(
    section: str, cues: dict[str, lexicon.Cues]
) -> None:
    tail = r"\s+(\w+)"
    lazy = cues[section].then(tail)  # made now, never searched (the scanner's own may have been)
    assert lazy._at is None and lazy._anywhere is None  # nothing compiled yet
    eager = cues[section].then(tail)
    eager.warm_up()
    assert isinstance(eager._at, re.Pattern)
    for text in TEXTS:
        view = cue_view(text)
        bits = found(view)
        assert lazy.may_match(text, view, bits) == eager.may_match(text, view, bits)
        assert lazy.cue_bit(True) == eager.cue_bit(True) and lazy.cue_bit(False) == eager.cue_bit(False)
        got = lazy.search(text)
        want = eager.search(text)
        assert (got and got.span(), got and got.groups()) == (want and want.span(), want and want.groups())
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy._at is not None  # the first search compiled it


def test_warm_up_leaves_no_pattern_of_the_scanner_uncompiled(cues: dict[str, lexicon.Cues]) -> None:
    made = cues["person_role"].then(r"\s")
    assert made in lexicon._MADE and made._at is None
    warm_up()
    assert lexicon._MADE and all(
        (p._at_source is None or p._at is not None)
        and (p._anywhere_source is None or p._anywhere is not None)
        for p in lexicon._MADE
    )


def test_importing_the_scanner_compiles_none_and_the_workers_module_compiles_all() -> None:
    """In a fresh interpreter: `import gate.scanning` leaves every cue pattern to its first search; the
    module the worker pool's forkserver imports (`gate.worker.processor`) compiles them all."""
    probe = (
        "from gate.scanning import lexicon\n"
        "def compiled():\n"
        "    return [p._at is not None or p._anywhere is not None for p in lexicon._MADE]\n"
        "assert lexicon._MADE and not any(compiled()), 'compiled at import'\n"
        "import gate.worker.processor\n"
        "assert all(compiled()), 'not warmed by the workers module'\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
