"""`gate backfill --state FILE`: a file that is no backfill state file (an image, the report, a CSV given by
mistake) is refused in one line and left unchanged, never appended to (it was a UnicodeDecodeError
traceback for binary files, and other files were silently appended to); what a kill leaves is resumed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gate.commerce.backfill import Journal
from gate.errors import ConfigError

ENTRY = json.dumps({"mode": "emit", "key": "ev-1"})
OTHER_MODE = json.dumps({"mode": "decide", "key": "ev-9"})

NOT_A_JOURNAL = {
    "binary image": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)),
    "not UTF-8 text": "sku;fichier\nà;b\n".encode("latin-1"),
    "the report given as state": (json.dumps({"file": "a/b.jpg", "verdict": "approved"}) + "\n").encode(),
    "a CSV": b"sku,file\n4711,a/b/x.jpg\n",
    "a JSON array": b"[1, 2]\n",
    "an entry and a foreign JSON line": (ENTRY + "\n" + json.dumps({"key": "x"}) + "\n").encode(),
}

RESUMABLE = {
    "no file yet": (None, set()),
    "empty": (b"", set()),
    "whole entries": ((ENTRY + "\n" + OTHER_MODE + "\n").encode(), {"ev-1"}),
    "last line cut by a kill": ((ENTRY + "\n" + ENTRY[:12]).encode(), {"ev-1"}),
    "cut line then the next run's entry": ((ENTRY[:12] + ENTRY + "\n" + ENTRY + "\n").encode(), {"ev-1"}),
}


@pytest.mark.parametrize("content", NOT_A_JOURNAL.values(), ids=NOT_A_JOURNAL.keys())
def test_a_file_that_is_no_state_file_is_refused_and_left_unchanged(content: bytes, tmp_path: Path) -> None:
    state = tmp_path / "given.state"
    state.write_bytes(content)
    with pytest.raises(ConfigError, match=r"--state .* is not a backfill state file .* left as it is"):
        Journal(state, "emit")
    assert state.read_bytes() == content


def test_a_directory_as_state_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the state file"):
        Journal(tmp_path, "emit")


@pytest.mark.parametrize(("content", "done"), RESUMABLE.values(), ids=RESUMABLE.keys())
def test_what_a_run_or_a_kill_left_is_resumed(content: bytes | None, done: set[str], tmp_path: Path) -> None:
    state = tmp_path / "run.state"
    if content is not None:
        state.write_bytes(content)
    journal = Journal(state, "emit")
    journal.record("ev-2")
    journal.close()
    assert journal.done == done | {"ev-2"}
    assert Journal(state, "emit").done >= done | {"ev-2"}
