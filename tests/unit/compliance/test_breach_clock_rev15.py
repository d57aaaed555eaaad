"""The 72-hour clock of an Art. 33 incident, as a compliance officer checks it: elapsed hours from awareness
whatever the zone (DST changes, month and year ends, a leap day), notification times that must carry their
offset, and a draft that asks for the reasons for the delay once the deadline passed."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from gate.cli.incidents import notified_at
from gate.core.incident import AffectedImage, open_incident
from gate.core.incident_draft import markdown

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def _incident(aware_at: datetime) -> dict[str, object]:
    image = AffectedImage(
        event_id="evt-1",
        sha256="1" * 64,
        location="file:///store/1.jpg",
        entities=("EMAIL_ADDRESS",),
        pointers=("/generation/parameters/prompt",),
        approval={"topic": "images.approved", "partition": 0, "offset": 1},
        new_verdict="quarantined",
    )
    return open_incident(
        [image], aware_at=aware_at, contact="dpo@example.test", found_by="gate rescan (job j)"
    )


@pytest.mark.parametrize(
    ("aware_at", "aware_z", "deadline_z"),
    [
        # 23:59 on the last day of a month, and of a year
        (datetime(2026, 11, 30, 23, 59, tzinfo=UTC), "2026-11-30T23:59:00Z", "2026-12-03T23:59:00Z"),
        (datetime(2026, 12, 31, 23, 59, tzinfo=UTC), "2026-12-31T23:59:00Z", "2027-01-03T23:59:00Z"),
        # a leap day inside the 72 hours, and the leap day itself at 23:59
        (datetime(2028, 2, 27, 12, 0, tzinfo=UTC), "2028-02-27T12:00:00Z", "2028-03-01T12:00:00Z"),
        (datetime(2028, 2, 29, 23, 59, tzinfo=UTC), "2028-02-29T23:59:00Z", "2028-03-03T23:59:00Z"),
        # Berlin's spring change (29 March 2026, 02:00 -> 03:00) inside the 72 hours: 72 elapsed hours,
        # not 72 wall-clock hours (which would end an hour early in spring...)
        (datetime(2026, 3, 28, 12, 0, tzinfo=BERLIN), "2026-03-28T11:00:00Z", "2026-03-31T11:00:00Z"),
        # ...and an hour LATE in autumn (25 October 2026, 03:00 -> 02:00): the unsafe direction
        (datetime(2026, 10, 24, 12, 0, tzinfo=BERLIN), "2026-10-24T10:00:00Z", "2026-10-27T10:00:00Z"),
        (datetime(2026, 10, 31, 23, 59, tzinfo=NEW_YORK), "2026-11-01T03:59:00Z", "2026-11-04T03:59:00Z"),
    ],
)
def test_the_deadline_is_72_elapsed_hours_after_awareness(
    aware_at: datetime, aware_z: str, deadline_z: str
) -> None:
    doc = _incident(aware_at)
    assert (doc["aware_at"], doc["deadline"]) == (aware_z, deadline_z)


def test_the_draft_asks_for_the_reasons_for_the_delay_once_the_deadline_passed() -> None:
    aware = datetime(2026, 12, 31, 23, 59, tzinfo=UTC)
    doc = _incident(aware)
    before = markdown(doc, aware + timedelta(hours=71, minutes=59))
    after = markdown(doc, aware + timedelta(hours=72, minutes=1))
    assert "Reasons for the delay" not in before and "0h01m left" in before
    assert "## Reasons for the delay (Art. 33(1))" in after and "deadline passed 0h01m ago" in after
    assert f"gate incidents update {doc['incident_id']} --notified-at T --note" in after
    # every Art. 33(3) element is in the draft
    for heading in ("(Art. 33(3)(a))", "(Art. 33(3)(b))", "(Art. 33(3)(c))", "(Art. 33(3)(d))"):
        assert heading in after
    assert "Approximate number of data subjects: 1" in after and "Approximate number of records: 1" in after


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-08T09:30:00+01:00", datetime(2026, 12, 8, 8, 30, tzinfo=UTC)),
        ("2026-12-08T08:30:00Z", datetime(2026, 12, 8, 8, 30, tzinfo=UTC)),
        ("2026-12-07T23:00:00-05:00", datetime(2026, 12, 8, 4, 0, tzinfo=UTC)),
    ],
)
def test_a_notification_time_with_its_offset_is_taken_as_given(text: str, expected: datetime) -> None:
    assert notified_at(text) == expected


@pytest.mark.parametrize("text", ["2026-12-07T23:00:00", "2026-12-07T23:00", "2026-12-08"])
def test_a_notification_time_without_offset_is_refused(text: str) -> None:
    # read as UTC, a New York officer's 23:00 (04:00Z the next day, late) would be recorded 5 h early, in time
    with pytest.raises(argparse.ArgumentTypeError, match="no UTC offset") as raised:
        notified_at(text)
    assert "+01:00" in str(raised.value) and "Z" in str(raised.value)


def test_a_notification_time_may_be_an_age() -> None:
    moment = notified_at("2h")
    assert timedelta(hours=1, minutes=59) < datetime.now(UTC) - moment < timedelta(hours=2, minutes=1)
    with pytest.raises(argparse.ArgumentTypeError, match="not a time"):
        notified_at("yesterday")
