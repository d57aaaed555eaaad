"""A second `--notified-at` corrects the legal record: it is refused without a reason in `--note` (it used
to overwrite the recorded notification time silently), written with one, and the same time again is no
correction at all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from gate.core.incident import AffectedImage, IncidentChanges, UpdateRefused, open_incident, phased_update

AWARE = datetime(2026, 12, 5, 1, 0, 0, tzinfo=UTC)
NOTIFIED = AWARE + timedelta(hours=20)


def _notified() -> dict[str, object]:
    image = AffectedImage(
        event_id="evt-1",
        sha256="1" * 64,
        location="file:///store/1.jpg",
        entities=("EMAIL_ADDRESS",),
        pointers=("/generation/parameters/prompt",),
        approval={"topic": "images.approved", "partition": 0, "offset": 1},
        new_verdict="quarantined",
    )
    doc = open_incident([image], aware_at=AWARE, contact="dpo@example.test", found_by="gate rescan (job j1)")
    return phased_update(
        doc, at=NOTIFIED, note=None, changes=IncidentChanges(notified_at=NOTIFIED, reference="SA-1")
    )


def test_a_second_notification_time_without_a_reason_is_refused() -> None:
    current = _notified()
    with pytest.raises(UpdateRefused, match=r"recorded at 2026-12-05T21:00:00Z.*reason in --note"):
        phased_update(
            current,
            at=NOTIFIED + timedelta(hours=1),
            note=None,
            changes=IncidentChanges(notified_at=NOTIFIED - timedelta(hours=2)),
        )


def test_a_correction_with_its_reason_is_written_and_kept_in_the_history() -> None:
    current = _notified()
    corrected = phased_update(
        current,
        at=NOTIFIED + timedelta(hours=1),
        note="the notification went out at 19:00, not 21:00 (portal receipt)",
        changes=IncidentChanges(notified_at=NOTIFIED - timedelta(hours=2)),
    )
    assert corrected["notified_at"] == "2026-12-05T19:00:00Z"
    assert corrected["updates"][-1]["changed"] == ["notified_at"]
    assert current["notified_at"] == "2026-12-05T21:00:00Z"  # the earlier record is not touched


@pytest.mark.parametrize("same", [NOTIFIED, NOTIFIED.astimezone(datetime.now().astimezone().tzinfo)])
def test_the_same_time_again_needs_no_reason(same: datetime) -> None:
    again = phased_update(
        _notified(),
        at=NOTIFIED + timedelta(hours=1),
        note=None,
        changes=IncidentChanges(notified_at=same, reference="SA-1b"),
    )
    assert again["notified_at"] == "2026-12-05T21:00:00Z" and again["authority_reference"] == "SA-1b"
