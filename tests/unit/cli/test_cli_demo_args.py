"""`gate demo` refuses what cannot work before it starts a broker: a wait that is over before it begins, a
working directory it cannot make."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.cli.main import main


def test_a_timeout_that_is_not_positive_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--timeout", "-1", "--dir", str(tmp_path)]) == 2
    assert "--timeout must be above 0 seconds" in capsys.readouterr().err


def test_a_directory_that_cannot_be_made_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["demo", "--dir", str(blocker / "demo")]) == 2
    assert f"cannot use --dir {blocker / 'demo'}" in capsys.readouterr().err
