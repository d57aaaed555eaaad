"""`gate keys init DIR` where DIR cannot be made: one line naming it, exit 2, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.cli.main import main


def test_a_directory_that_cannot_be_created_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    status = main(["keys", "init", str(blocker / "keys")])
    err = capsys.readouterr().err
    assert status == 2
    assert f"cannot write the keys to {blocker / 'keys'}" in err
