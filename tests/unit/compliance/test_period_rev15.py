"""`--since` / `--until` of `gate inventory export` and `gate report`, as a compliance officer types them.

An officer asking for December writes `--since 2026-12-01 --until 2026-12-31` and expects the 31st in it
(the help says "inclusive"); read as midnight, the whole last day was left out.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from gate.compliance.inventory import Period, parse_time
from gate.compliance.report import render_report, summarise


def _december() -> Period:
    return Period(
        since=parse_time("2026-12-01", option="--since"),
        until=parse_time("2026-12-31", option="--until", end_of_day=True),
    )


@pytest.mark.parametrize(
    ("moment", "inside"),
    [
        (datetime(2026, 11, 30, 23, 59, 59, 999999, tzinfo=UTC), False),
        (datetime(2026, 12, 1, 0, 0, tzinfo=UTC), True),
        (datetime(2026, 12, 31, 0, 0, tzinfo=UTC), True),
        (datetime(2026, 12, 31, 10, 0, tzinfo=UTC), True),
        (datetime(2026, 12, 31, 23, 59, 59, 999999, tzinfo=UTC), True),
        (datetime(2027, 1, 1, 0, 0, tzinfo=UTC), False),
    ],
)
def test_a_date_as_until_covers_that_whole_day(moment: datetime, inside: bool) -> None:
    assert _december().contains(moment) is inside


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a leap day as the last day of the period
        ("2028-02-29", datetime(2028, 2, 29, 23, 59, 59, 999999, tzinfo=UTC)),
        # a time is taken as given: only a bare date stretches to the end of its day
        ("2026-12-31T08:00:00Z", datetime(2026, 12, 31, 8, 0, tzinfo=UTC)),
        ("2026-12-31T08:00:00+01:00", datetime(2026, 12, 31, 7, 0, tzinfo=UTC)),
    ],
)
def test_until_bounds(text: str, expected: datetime) -> None:
    assert parse_time(text, option="--until", end_of_day=True) == expected


def test_since_still_starts_at_midnight() -> None:
    assert parse_time("2026-12-01", option="--since", end_of_day=False) == datetime(2026, 12, 1, tzinfo=UTC)


def test_report_states_its_period_in_utc_whatever_offset_was_given() -> None:
    berlin = timezone(timedelta(hours=1))
    period = Period(since=datetime(2026, 12, 1, 1, 0, tzinfo=berlin), until=None)
    now = datetime(2026, 12, 6, tzinfo=UTC)
    html = render_report(summarise([], period, now), period, now)
    assert "from 2026-12-01 00:00 UTC to now" in html
