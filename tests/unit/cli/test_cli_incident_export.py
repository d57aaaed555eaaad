"""`gate incidents export ID --out DIR`: an --out that cannot be a folder is refused in one line, before the
incidents topic is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.cli.main import main

NO_BROKER = ["--bootstrap-servers", "127.0.0.1:1", "--no-progress"]  # never reached


def test_an_out_that_is_a_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "draft.md"
    out.write_text("x")
    assert main(["incidents", "export", "inc-20261206-00000000", "--out", str(out), *NO_BROKER]) == 2
    assert "is a file; the draft is two files: give a folder" in capsys.readouterr().err


def test_an_out_that_cannot_be_created_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = blocker / "drafts"
    assert main(["incidents", "export", "inc-20261206-00000000", "--out", str(out), *NO_BROKER]) == 2
    assert f"cannot create --out {out}" in capsys.readouterr().err
