"""The inventory from audit records: latest decision per asset, approved synthetic images only, totals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from gate.compliance.inventory import (
    CSV_COLUMNS,
    Period,
    ai_marked,
    as_csv,
    as_json_lines,
    inventory,
    parse_time,
    totals,
)
from gate.errors import ConfigError

MODEL = {"provider": "acme", "name": "imagegen", "version": "2"}


def audit(
    asset: str | None,
    verdict: str,
    at: str,
    *,
    synthetic: bool | None = True,
    actions: tuple[str, ...] = ("manifest.attached",),
    model: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "event_id": f"evt-{asset}-{at}",
        "source": "studio",
        "asset": {
            "sha256": asset,
            "media_type": "image/jpeg",
            "published_sha256": None,
            "published_uri": None,
        },
        "synthetic": synthetic,
        "model": model or MODEL,
        "training_data_sources": ["licensed-stock"],
        "policy": {"version": "p1", "sha256": "x"},
        "verdict": verdict,
        "actions": list(actions),
        "manifest": {"state": "absent", "ai_generated": False, "label": None, "signer": None},
        "decided_at": at,
    }


def ids(rows: list[dict[str, Any]]) -> list[str]:
    return [row["event_id"] for row in rows]


@pytest.mark.parametrize(
    ("records", "listed"),
    [
        ([audit("a", "approved", "2026-11-01T10:00:00Z")], ["evt-a-2026-11-01T10:00:00Z"]),
        ([audit("a", "quarantined", "2026-11-01T10:00:00Z")], []),
        ([audit("a", "rejected", "2026-11-01T10:00:00Z")], []),
        ([audit("a", "approved", "2026-11-01T10:00:00Z", synthetic=False)], []),
        ([audit("a", "approved", "2026-11-01T10:00:00Z", synthetic=None)], []),
        ([audit(None, "approved", "2026-11-01T10:00:00Z")], []),
        # Approved, later quarantined (a rescan, say): out. Quarantined, later released: in.
        (
            [
                audit("a", "approved", "2026-11-01T10:00:00Z"),
                audit("a", "quarantined", "2026-11-02T10:00:00Z"),
            ],
            [],
        ),
        (
            [
                audit("a", "quarantined", "2026-11-01T10:00:00Z"),
                audit("a", "approved", "2026-11-02T10:00:00Z"),
            ],
            ["evt-a-2026-11-02T10:00:00Z"],
        ),
        # Read out of order (partitions): time decides, not reading order.
        (
            [
                audit("a", "approved", "2026-11-02T10:00:00Z"),
                audit("a", "quarantined", "2026-11-01T10:00:00Z"),
            ],
            ["evt-a-2026-11-02T10:00:00Z"],
        ),
        # The same image approved twice: listed once, latest decision.
        (
            [audit("a", "approved", "2026-11-01T10:00:00Z"), audit("a", "approved", "2026-11-03T10:00:00Z")],
            ["evt-a-2026-11-03T10:00:00Z"],
        ),
    ],
)
def test_truth_table(records: list[dict[str, Any]], listed: list[str]) -> None:
    assert ids(inventory(records, Period())) == listed


def test_the_period_is_the_state_as_of_until_decided_since() -> None:
    records = [
        audit("a", "approved", "2026-10-15T10:00:00Z"),
        audit("a", "quarantined", "2026-11-15T10:00:00Z"),
        audit("b", "approved", "2026-11-20T10:00:00Z"),
    ]
    october = Period(
        parse_time("2026-10-01", option="--since"), parse_time("2026-10-31T23:59:59Z", option="u")
    )
    assert ids(inventory(records, october)) == ["evt-a-2026-10-15T10:00:00Z"]
    assert ids(inventory(records, Period(since=parse_time("2026-11-01", option="s")))) == [
        "evt-b-2026-11-20T10:00:00Z"
    ]
    assert ids(inventory(records, Period())) == ["evt-b-2026-11-20T10:00:00Z"]


def test_totals_by_model_and_month() -> None:
    other = {"provider": "acme", "name": "imagegen", "version": "3"}
    rows = inventory(
        [
            audit("a", "approved", "2026-11-01T10:00:00Z"),
            audit("b", "approved", "2026-11-30T10:00:00Z"),
            audit("c", "approved", "2026-12-01T00:00:00Z"),
            audit("d", "approved", "2026-12-01T00:00:00Z", model=other),
        ],
        Period(),
    )
    assert totals(rows) == {
        ("acme", "imagegen", "2", "2026-11"): 2,
        ("acme", "imagegen", "2", "2026-12"): 1,
        ("acme", "imagegen", "3", "2026-12"): 1,
    }


@pytest.mark.parametrize(
    ("actions", "state", "ai", "marked"),
    [
        (("manifest.attached",), "absent", False, True),
        (("manifest.renewed",), "trusted", True, True),
        ((), "trusted", True, True),
        ((), "untrusted", True, False),
        ((), "trusted", False, False),
        ((), "absent", False, False),
    ],
)
def test_ai_marking(actions: tuple[str, ...], state: str, ai: bool, marked: bool) -> None:
    record = audit("a", "approved", "2026-11-01T10:00:00Z", actions=actions)
    record["manifest"] = {"state": state, "ai_generated": ai}
    assert ai_marked(record) is marked


def test_formats() -> None:
    rows = inventory([audit("a", "approved", "2026-11-01T10:00:00Z")], Period())
    lines = as_json_lines(rows).splitlines()
    assert len(lines) == 1 and '"asset_sha256":"a"' in lines[0].replace(" ", "")
    csv_lines = as_csv(rows).splitlines()
    assert csv_lines[0] == ",".join(CSV_COLUMNS)
    assert csv_lines[1].startswith("a,evt-a-2026-11-01T10:00:00Z,studio,,,acme,imagegen,2,licensed-stock,")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", datetime(2026, 12, 1, tzinfo=UTC)),
        ("2026-12-01T08:00:00Z", datetime(2026, 12, 1, 8, tzinfo=UTC)),
        ("2026-12-01T09:00:00+01:00", datetime(2026, 12, 1, 8, tzinfo=UTC)),
    ],
)
def test_times(text: str, expected: datetime) -> None:
    assert parse_time(text, option="--since") == expected


def test_a_bad_time_says_how_to_write_one() -> None:
    with pytest.raises(ConfigError, match=r"--since 'yesterday'.*2026-12-01"):
        parse_time("yesterday", option="--since")


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("7d", timedelta(days=7)),
        ("2h", timedelta(hours=2)),
        ("30m", timedelta(minutes=30)),
        ("2w", timedelta(weeks=2)),
        (" 7 D ", timedelta(days=7)),
    ],
)
def test_an_age_counts_back_from_now(text: str, back: timedelta) -> None:
    now = datetime(2026, 12, 7, 12, tzinfo=UTC)
    assert parse_time(text, option="--since", now=now) == now - back
    assert parse_time(text, option="--until", end_of_day=True, now=now) == now - back


@pytest.mark.parametrize("text", ["999999w", "7y", "-7d", "7dd", "d7"])
def test_what_is_not_an_age_says_how_to_write_one(text: str) -> None:
    with pytest.raises(ConfigError, match=r"not a date, an RFC 3339 time or an age.*7d"):
        parse_time(text, option="--since")
