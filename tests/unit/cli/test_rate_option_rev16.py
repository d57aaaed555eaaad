"""`gate replay|rescan --rate`: a finite rate of at least 0.001 per second (usersrev16).

Before: `--rate nan` passed the `<= 0` check and capped nothing; `--rate 1e-300` slept 1e300 s, an
OverflowError traceback after the topics were read; `--rate inf` was an unbounded "cap".
"""

from __future__ import annotations

import pytest

from gate.cli.main import main
from gate.cli.review_args import per_second

COMMANDS = [["replay", "--mode", "reevaluate", "--dry-run"], ["rescan", "--dry-run"]]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("rate", ["nan", "inf", "-inf", "1e-300", "0", "-5", "0.0001", "fast", ""])
def test_a_rate_that_caps_nothing_or_stops_the_job_is_refused_before_reading(
    command: list[str], rate: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as usage:
        main([*command, f"--rate={rate}", "--bootstrap-servers", "127.0.0.1:9"])
    assert usage.value.code == 2
    assert "is not a rate from 0.001 to a finite number of events per second" in capsys.readouterr().err


@pytest.mark.parametrize(("text", "value"), [("50", 50.0), ("0.5", 0.5), ("0.001", 0.001), ("200/s", 200.0)])
def test_ordinary_rates_are_read(text: str, value: float) -> None:
    assert per_second(text) == value
