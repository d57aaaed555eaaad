"""Phased updates (Art. 33(4)): what a person may change, when it is refused, how a rescan adds images,
and which incidents still count as open."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from gate.core.incident import (
    AffectedImage,
    IncidentChanges,
    UpdateRefused,
    add_images,
    current_incidents,
    earliest_open_deadline,
    encode,
    incident_of_job,
    open_incident,
    phased_update,
    update_refusal,
)
from gate.core.incident_draft import markdown

AWARE = datetime(2026, 12, 5, 1, 0, 0, tzinfo=UTC)
LATER = AWARE + timedelta(hours=3)


def _image(n: int, *entities: str) -> AffectedImage:
    return AffectedImage(
        event_id=f"evt-{n}",
        sha256=f"{n:064x}",
        location=f"file:///store/{n}.jpg",
        entities=entities,
        pointers=tuple(f"/generation/parameters/f{i}" for i in range(len(entities))),
        approval={"topic": "images.approved", "partition": 0, "offset": n},
        new_verdict="quarantined",
    )


def _incident(**extra: Any) -> dict[str, Any]:
    return open_incident(
        [_image(1, "EMAIL_ADDRESS"), _image(2, "EMAIL_ADDRESS", "PHONE_NUMBER")],
        aware_at=AWARE,
        contact="dpo@example.test",
        found_by="gate rescan (job j1)",
        **extra,
    )


def _closed() -> dict[str, Any]:
    return phased_update(
        _incident(), at=LATER, note="done", status="closed", changes=IncidentChanges(notified_at=LATER)
    )


# (changes, status, has_note, at, refused because ... or None)
REFUSALS = [
    (IncidentChanges(), None, False, LATER, "nothing to update"),
    (IncidentChanges(), None, True, LATER, None),
    (IncidentChanges(), "closed", False, LATER, "closing without notifying"),
    (IncidentChanges(), "closed", True, LATER, None),
    (IncidentChanges(notified_at=LATER), "closed", False, LATER, None),
    (IncidentChanges(subjects=0), None, False, LATER, "at least 1"),
    (IncidentChanges(records=5), None, False, LATER, None),
    (IncidentChanges(consequences={"IBAN_CODE": "fraud"}), None, False, LATER, "not a category"),
    (IncidentChanges(consequences={"PHONE_NUMBER": "calls"}), None, False, LATER, None),
    (IncidentChanges(notified_at=AWARE - timedelta(seconds=1)), None, False, LATER, "before the incident's"),
    (IncidentChanges(notified_at=AWARE), None, False, LATER, None),
    (IncidentChanges(notified_at=LATER + timedelta(hours=1)), None, False, LATER, "in the future"),
    (
        IncidentChanges(notified_at=AWARE + timedelta(hours=73)),
        None,
        False,
        AWARE + timedelta(hours=80),
        "reasons",
    ),
    (IncidentChanges(notified_at=AWARE + timedelta(hours=73)), None, True, AWARE + timedelta(hours=80), None),
    (
        IncidentChanges(notified_at=AWARE + timedelta(hours=72)),
        None,
        False,
        AWARE + timedelta(hours=80),
        None,
    ),
    (IncidentChanges(reference="SA-2026-1"), None, False, LATER, "give --notified-at"),
    (IncidentChanges(reference="SA-2026-1", notified_at=LATER), None, False, LATER, None),
]


@pytest.mark.parametrize(("changes", "status", "has_note", "at", "why"), REFUSALS)
def test_update_refusals(
    changes: IncidentChanges, status: str | None, has_note: bool, at: datetime, why: str | None
) -> None:
    found = update_refusal(_incident(), changes, status=status, at=at, has_note=has_note)
    assert (found is None) if why is None else (found is not None and why in found)


def test_a_closed_incident_takes_no_update_and_no_more_images() -> None:
    closed = _closed()
    assert "closed" in (update_refusal(closed, IncidentChanges(), status=None, at=LATER, has_note=True) or "")
    with pytest.raises(UpdateRefused):
        phased_update(closed, at=LATER, note="reopen?")
    assert incident_of_job([closed], "j1") is None


def test_changes_are_applied_and_recorded_in_the_history() -> None:
    first = _incident()
    second = phased_update(
        first,
        at=LATER,
        note=None,
        changes=IncidentChanges(
            nature="Metadata of 2 product images held customer contact details.",
            subjects=2,
            records=2,
            consequences={"PHONE_NUMBER": "unwanted calls"},
            measures=("CDN cache purged",),
        ),
    )
    n = second["notification"]
    assert n["nature"].startswith("Metadata of 2") and n["approximate_data_subjects"] == 2
    assert n["approximate_records"] == 2 and n["likely_consequences"]["PHONE_NUMBER"] == "unwanted calls"
    assert (
        n["likely_consequences"]["EMAIL_ADDRESS"]
        == first["notification"]["likely_consequences"]["EMAIL_ADDRESS"]
    )
    assert n["measures_taken"][-1] == "CDN cache purged" and len(n["measures_taken"]) == 3
    assert second["status"] == "open" and second["update"] == 1
    [entry] = second["updates"]
    assert entry["changed"] == [
        "nature",
        "approximate_data_subjects",
        "approximate_records",
        "likely_consequences",
        "measures_taken",
    ]
    assert entry["note"] == "" and entry["status"] == "open"
    third = phased_update(
        second,
        at=LATER,
        note="told the authority",
        changes=IncidentChanges(notified_at=LATER, reference="SA-1"),
    )
    assert third["status"] == "notified" and third["notified_at"] == "2026-12-05T04:00:00Z"
    assert third["authority_reference"] == "SA-1" and len(third["updates"]) == 2
    closed = phased_update(third, at=LATER, note="takedown confirmed", status="closed")
    assert closed["status"] == "closed" and closed["notified_at"] == third["notified_at"]
    draft = markdown(closed, LATER)
    assert "closed, the clock is stopped" in draft and "SA-1" in draft and "CDN cache purged" in draft
    assert draft.count("\n- 2026-12-05T04:00:00Z") == 3  # the history, one line per update
    assert "[open]: changed nature, approximate_data_subjects" in draft


@pytest.mark.parametrize(
    ("statuses", "open_ids"),
    [
        (("open", "open"), {"a", "b"}),
        (("open", "notified"), {"a"}),
        (("closed", "open"), {"b"}),
        (("notified", "closed"), set()),
    ],
)
def test_only_open_incidents_count_for_the_deadline(statuses: tuple[str, str], open_ids: set[str]) -> None:
    docs = []
    for incident_id, status, hours in zip(("a", "b"), statuses, (0, 5), strict=True):
        doc = open_incident(
            [_image(1, "EMAIL_ADDRESS")],
            aware_at=AWARE + timedelta(hours=hours),
            contact="c",
            found_by="gate rescan",
            incident_id=incident_id,
        )
        if status != "open":
            doc = phased_update(doc, at=AWARE + timedelta(hours=6), note="n", status=status)
        docs.extend([encode(doc)])
    found, _ = current_incidents(docs)
    expected = min((AWARE + timedelta(hours=72 + (0 if i == "a" else 5)) for i in open_ids), default=None)
    assert earliest_open_deadline(found.values()) == expected


def test_add_images_merges_by_event_and_follows_the_findings() -> None:
    first = _incident(job="j1")
    assert add_images(first, [_image(1, "EMAIL_ADDRESS")], at=LATER, found_by="gate rescan (job j1)") is None
    second = add_images(
        first,
        [_image(2, "EMAIL_ADDRESS"), _image(3, "IBAN_CODE"), _image(3, "IBAN_CODE")],
        at=LATER,
        found_by="x",
    )
    assert second is not None
    assert [t["event_id"] for t in second["takedown"]] == ["evt-1", "evt-2", "evt-3"]
    assert second["records"] == 3 and second["entities"] == ["EMAIL_ADDRESS", "IBAN_CODE", "PHONE_NUMBER"]
    n = second["notification"]
    assert n["approximate_records"] == 3 and n["approximate_data_subjects"] == 4
    assert n["nature"].startswith("Confidentiality breach: 3 published image(s)")
    assert n["measures_taken"][0].startswith("3 image(s) moved") and "IBAN_CODE" in n["likely_consequences"]
    assert second["aware_at"] == first["aware_at"] and second["deadline"] == first["deadline"]
    assert second["update"] == 1 and second["updates"][0]["note"].startswith("1 more published image")


def test_add_images_keeps_what_a_person_wrote_and_adds_to_their_figures() -> None:
    edited = phased_update(
        _incident(job="j1"),
        at=LATER,
        note=None,
        changes=IncidentChanges(nature="Written by the DPO.", subjects=10, measures=("purged",)),
    )
    grown = add_images(edited, [_image(3, "EMAIL_ADDRESS")], at=LATER, found_by="x")
    assert grown is not None
    n = grown["notification"]
    assert n["nature"] == "Written by the DPO." and n["approximate_data_subjects"] == 11
    assert n["measures_taken"][:2] == [
        "3 image(s) moved to quarantine, superseding their approval (lineage kept)",
        "3 published location(s) listed for takedown from catalogue and CDN",
    ]
    assert n["measures_taken"][2] == "purged"


def test_incident_of_job_finds_the_jobs_open_or_notified_incident() -> None:
    mine, other = _incident(job="j1"), _incident(job="j2")
    notified = phased_update(mine, at=LATER, note="n", status="notified")
    assert incident_of_job([other, notified], "j1") == notified
    assert incident_of_job([other], "j1") is None
    assert incident_of_job([_incident()], "j1") is None  # no job: opened by someone else
