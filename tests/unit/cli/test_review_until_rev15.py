"""`--since` / `--until` of `gate quarantine ls|stats` and `gate replay`, as a reviewer types them.

Seen before rev15: every quarantine of 6 December listed, then `gate quarantine ls --until 2026-12-06`
answered "0 event(s)" (the date read as its midnight), and `--since 2026-12-07 --until 2026-12-01` listed
nothing without a word, where `gate report` refuses the same swap.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime

import pytest

from gate.cli.review_args import add_filter_options, filters_from
from gate.errors import ConfigError


def _parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_filter_options(parser)
    return parser.parse_args(list(argv))


@pytest.mark.parametrize(
    ("until", "moment", "inside"),
    [
        ("2026-12-06", datetime(2026, 12, 6, 23, 35, 32, tzinfo=UTC), True),
        ("2026-12-06", datetime(2026, 12, 6, 23, 59, 59, 999999, tzinfo=UTC), True),
        ("2026-12-06", datetime(2026, 12, 7, 0, 0, tzinfo=UTC), False),
        ("2028-02-29", datetime(2028, 2, 29, 23, 0, tzinfo=UTC), True),  # a leap day as the last day
        # a time is a bound as given ("decided before T")
        ("2026-12-06T12:00:00Z", datetime(2026, 12, 6, 11, 59, tzinfo=UTC), True),
        ("2026-12-06T12:00:00Z", datetime(2026, 12, 6, 12, 0, tzinfo=UTC), False),
        ("2026-12-06T12:00:00+01:00", datetime(2026, 12, 6, 11, 30, tzinfo=UTC), False),
    ],
)
def test_until_a_date_covers_that_day(until: str, moment: datetime, inside: bool) -> None:
    bound = _parse("--until", until).until
    assert (moment < bound) is inside


@pytest.mark.parametrize(
    "argv",
    [
        ("--since", "2026-12-07", "--until", "2026-12-01"),
        ("--since", "2026-12-07", "--until", "2026-12-06"),  # the 6th ends where the 7th begins
        ("--since", "2026-12-06T12:00:00Z", "--until", "2026-12-06T12:00:00Z"),
    ],
)
def test_a_window_nothing_could_match_is_refused(argv: tuple[str, ...]) -> None:
    with pytest.raises(ConfigError, match="swap them"):
        filters_from(_parse(*argv))


def test_one_day_is_since_and_until_the_same_date() -> None:
    chosen = filters_from(_parse("--since", "2026-12-06", "--until", "2026-12-06"))
    assert (chosen.since, chosen.until) == (
        datetime(2026, 12, 6, tzinfo=UTC),
        datetime(2026, 12, 7, tzinfo=UTC),
    )
