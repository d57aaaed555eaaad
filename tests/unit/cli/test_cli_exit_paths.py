"""How every command ends when its user or its surroundings misbehave: a reader that closes the pipe early
(`gate ... | head -1`) and a `gate resume --url` that is no URL end with a documented status and one line,
never a Python traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import gate.cli.main as cli_main
from gate.cli.main import EXIT_INTERRUPTED, EXIT_OUTPUT_CLOSED, build_parser, main

GATE = [sys.executable, "-c", "import sys; from gate.cli.main import main; sys.exit(main())"]


@pytest.mark.parametrize(
    "command",
    [["trust", "show", "--json"], ["trust", "show"], ["keys", "init", "{tmp}/keys"]],
    ids=["json", "text", "keys"],
)
def test_output_closed_by_its_reader_is_status_141_without_a_traceback(
    command: list[str], tmp_path: Path
) -> None:
    args = [part.replace("{tmp}", str(tmp_path)) for part in command]
    # The reader is gone before the command writes a byte: every write to stdout fails with EPIPE.
    process = subprocess.Popen([*GATE, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == EXIT_OUTPUT_CLOSED, err
    assert "Traceback" not in err
    assert "BrokenPipe" not in err and "Exception ignored" not in err


def test_the_exit_statuses_are_in_gate_help() -> None:
    text = build_parser().format_help()
    for status in (
        "0 success",
        "1 failure",
        "2 usage",
        "3 quarantined",
        "4 rejected",
        "130 interrupted",
        "141",
    ):
        assert status in text


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:abc",  # a port that is no number
        "http://[::1",  # an IPv6 host not closed
        "http://127.0.0.1:99999",  # a port out of range
        "http://exa mple:80",  # a space in the host
        "http://host\x07:80",  # a control character in the host
    ],
)
def test_resume_refuses_a_url_it_cannot_use_in_one_line(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resume", "--url", url]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gate: --url ") and "is not a URL" in err and "http://HOST:PORT" in err
    assert err.count("\n") == 1


def test_resume_to_no_gate_is_status_1_naming_the_url(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["resume", "--url", "http://127.0.0.1:1"]) == 1
    assert "cannot reach http://127.0.0.1:1" in capsys.readouterr().err


def test_ctrl_c_while_the_commands_load_is_status_130_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Building the parser imports every command (seconds on a loaded machine): Ctrl-C there printed a
    # 65-line traceback of the scanner's imports.
    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_main, "build_parser", interrupted)
    assert main(["quarantine", "ls"]) == EXIT_INTERRUPTED
    assert "Traceback" not in capsys.readouterr().err


def test_the_command_tree_loads_no_scanner_pillow_or_kafka_client() -> None:
    # `gate --help` and the reader commands took 2-5 s of CPU compiling the scanner's regexes (imported by
    # `gate check`'s module at parse time); they now load only what their command runs.
    code = (
        "import sys; from gate.cli.main import build_parser; build_parser(); "
        "print(sorted(m for m in ('gate.scanning', 'PIL', 'gate.core.pipeline', 'confluent_kafka') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
