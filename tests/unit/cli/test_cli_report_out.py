"""`gate report` and `gate inventory export` refuse an --out they cannot write before reading the audit."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.cli.main import main

NO_BROKER = ["--bootstrap-servers", "127.0.0.1:1"]  # never reached: the refusal comes first


@pytest.mark.parametrize("command", [["report"], ["inventory", "export"]])
def test_an_out_in_a_missing_folder_is_refused_first(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing" / "report.html"
    assert main([*command, "--out", str(out), *NO_BROKER]) == 2
    assert f"{tmp_path / 'missing'} is not a writable directory" in capsys.readouterr().err


def test_an_out_that_is_a_directory_is_refused_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["report", "--out", str(tmp_path), *NO_BROKER]) == 2
    assert "is a directory; name a file in it" in capsys.readouterr().err


def test_a_timeout_that_is_not_positive_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["report", "--out", "r.html", "--timeout", "-1", *NO_BROKER])
    assert raised.value.code == 2
    assert "--timeout: '-1' is not a number of seconds above 0" in capsys.readouterr().err
