"""Times given to `--since`/`--until`, and a reviewer's free text checked before it goes into a record."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta

import pytest

from gate.cli.quarantine import RELEASE_NOTE, check_free_text
from gate.cli.review_args import incident_line, when
from gate.errors import ConfigError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-05T10:00:00Z", datetime(2026, 12, 5, 10, tzinfo=UTC)),
        ("2026-12-05T10:00:00+01:00", datetime(2026, 12, 5, 9, tzinfo=UTC)),
        ("2026-12-05", datetime(2026, 12, 5, tzinfo=UTC)),  # no zone: UTC
    ],
)
def test_absolute_times(text: str, expected: datetime) -> None:
    assert when(text) == expected


@pytest.mark.parametrize(
    ("text", "age"), [("30s", 30), ("15m", 900), ("2h", 7200), ("7d", 7 * 86400), ("2w", 14 * 86400)]
)
def test_ages(text: str, age: int) -> None:
    assert abs((datetime.now(UTC) - when(text)) - timedelta(seconds=age)) < timedelta(seconds=5)


@pytest.mark.parametrize("text", ["yesterday", "2y", "999999w", "-2h", "2026-13-01", ""])
def test_not_a_time(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="not a time"):
        when(text)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("rev-7", True),
        ("checked by hand, the timeout was a broker outage", True),
        ("brand asset, risk accepted per ticket OPS-1234", True),
        ("asked jane.doe@example.com", False),
        ("call +44 20 7946 0958 about it", False),
        ("", False),
        ("   ", False),
        ("x" * 501, False),
    ],
)
def test_reviewer_free_text(text: str, ok: bool) -> None:
    if ok:
        assert check_free_text("note", text, 500, RELEASE_NOTE) == text.strip()
    else:
        with pytest.raises(ConfigError) as raised:
            check_free_text("note", text, 500, RELEASE_NOTE)
        assert "jane" not in str(raised.value) and "7946" not in str(raised.value)  # never echoes the value


@pytest.mark.parametrize(
    ("dry_run", "opened", "verb"),
    [
        (False, True, "opened"),
        (True, True, "would open"),
        (False, False, "updated (update 2)"),
        (True, False, "would update (update 2)"),
    ],
)
def test_an_incident_line_says_whether_the_incident_was_opened_or_updated(
    dry_run: bool, opened: bool, verb: str
) -> None:
    incident = {
        "incident_id": "inc-20261205-0a1b2c3d",
        "update": 2,
        "records": 3,
        "entities": ["EMAIL_ADDRESS", "PHONE_NUMBER"],
        "aware_at": "2026-12-05T03:00:00Z",
        "deadline": "2026-12-08T03:00:00Z",
    }
    assert incident_line(incident, dry_run=dry_run, opened=opened) == (
        f"incident inc-20261205-0a1b2c3d {verb}: 3 published image(s) with EMAIL_ADDRESS, PHONE_NUMBER; "
        "aware 2026-12-05T03:00:00Z, notify by 2026-12-08T03:00:00Z "
        "(`gate incidents show` / `gate incidents export`)"
    )


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["quarantine", "ls", "--limit", "-1"], "--limit: '-1' is not a whole number of at least 1"),
        (["quarantine", "ls", "--limit", "0"], "--limit: '0' is not a whole number of at least 1"),
        (["quarantine", "ls", "--idle-seconds", "-5"], "--idle-seconds: '-5' is not a number of seconds"),
        (["quarantine", "ls", "--idle-seconds", "nan"], "--idle-seconds: 'nan' is not a number of seconds"),
        (
            ["replay", "--mode", "reevaluate", "--max", "-3"],
            "--max: '-3' is not a whole number of at least 1",
        ),
        (
            ["replay", "--mode", "reevaluate", "--max-replays", "x"],
            "--max-replays: 'x' is not a whole number",
        ),
        (["replay", "--mode", "reevaluate", "--job", "jöb"], "--job must be 1 to 100 letters"),
        (["replay", "--mode", "reevaluate", "--job", "j" * 101], "--job must be 1 to 100 letters"),
    ],
)
def test_counts_and_ids_out_of_range_are_refused_before_reading_anything(
    argv: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from gate.cli.main import main  # noqa: PLC0415

    with pytest.raises(SystemExit) as raised:
        status = main([*argv, "--bootstrap-servers", "127.0.0.1:1"])
        raise SystemExit(status)
    assert raised.value.code == 2
    assert says in capsys.readouterr().err


@pytest.mark.parametrize(("text", "value"), [("1", 1), ("25", 25)])
def test_whole_numbers_in_range_pass(text: str, value: int) -> None:
    from gate.cli.review_args import whole_number  # noqa: PLC0415

    assert whole_number(1)(text) == value


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("bad \udcff\udcfe bytes", True),  # non-UTF-8 argv bytes, as Python decodes them
        ("escape \x1b[31m red", True),
        ("nul \x00 inside", True),
        ("two lines\nof note", False),
        ("Prüfung bestanden, Motiv neu erzeugt", False),
    ],
)
def test_free_text_must_be_unicode_text_without_control_characters(text: str, refused: bool) -> None:
    if refused:
        with pytest.raises(ConfigError, match="not UTF-8 text or control characters"):
            check_free_text("note", text, 500, RELEASE_NOTE)
    else:
        assert check_free_text("note", text, 500, RELEASE_NOTE) == text
