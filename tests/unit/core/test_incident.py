"""The incident document: fields from the findings, 72-hour deadline, phased updates, schema, no values."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta

import pytest

from gate.core.incident import (
    AffectedImage,
    check,
    current_incidents,
    earliest_open_deadline,
    encode,
    open_incident,
    phased_update,
    time_left,
)
from gate.core.incident_draft import markdown

AWARE = datetime(2026, 12, 5, 1, 30, 15, 123456, tzinfo=UTC)


def _image(n: int, entities: tuple[str, ...], location: str | None = "file:///store/a.jpg") -> AffectedImage:
    return AffectedImage(
        event_id=f"evt-{n}",
        sha256=f"{n:064x}",
        location=location,
        entities=entities,
        pointers=tuple(f"/generation/params/field{i}" for i in range(len(entities))),
        approval={"topic": "images.approved", "partition": 0, "offset": n},
        new_verdict="quarantined",
    )


def test_opening_record_carries_the_art_33_fields_and_the_deadline() -> None:
    images = [_image(1, ("EMAIL_ADDRESS",)), _image(2, ("EMAIL_ADDRESS", "PHONE_NUMBER"), location=None)]
    doc = open_incident(images, aware_at=AWARE, contact="dpo@example.test", found_by="gate rescan")
    assert doc["aware_at"] == "2026-12-05T01:30:15Z"
    assert doc["deadline"] == "2026-12-08T01:30:15Z"
    assert doc["entities"] == ["EMAIL_ADDRESS", "PHONE_NUMBER"]
    assert doc["records"] == 2
    n = doc["notification"]
    assert n["categories_of_data"] == ["EMAIL_ADDRESS", "PHONE_NUMBER"]
    assert n["approximate_records"] == 2 and n["approximate_data_subjects"] == 3
    assert set(n["likely_consequences"]) == {"EMAIL_ADDRESS", "PHONE_NUMBER"}
    assert n["contact"] == "dpo@example.test"
    assert any("quarantine" in m for m in n["measures_taken"])
    assert [t["sha256"] for t in doc["takedown"]] == [f"{1:064x}", f"{2:064x}"]
    assert doc["takedown"][1]["location"] is None
    assert doc["update"] == 0 and doc["status"] == "open" and doc["updates"] == []


@pytest.mark.parametrize(
    ("verdicts", "measure"),
    [
        (("quarantined",), "1 image(s) moved to quarantine, superseding"),
        (("rejected",), "1 image(s) rejected, superseding"),
        (
            ("rejected", "quarantined", "quarantined"),
            "2 image(s) moved to quarantine, 1 image(s) rejected, superseding",
        ),
    ],
)
def test_measures_say_what_happened_to_each_image(verdicts: tuple[str, ...], measure: str) -> None:
    images = [
        dataclasses.replace(_image(n, ("EMAIL_ADDRESS",)), new_verdict=verdict)
        for n, verdict in enumerate(verdicts)
    ]
    doc = open_incident(images, aware_at=AWARE, contact="c", found_by="a reviewer's release")
    assert doc["notification"]["measures_taken"][0].startswith(measure)
    check(doc)


def test_unknown_entity_type_gets_the_general_consequence() -> None:
    doc = open_incident([_image(1, ("NEW_KIND",))], aware_at=AWARE, contact="c", found_by="gate rescan")
    assert doc["notification"]["likely_consequences"]["NEW_KIND"]


def test_no_affected_image_is_no_incident() -> None:
    with pytest.raises(ValueError):
        open_incident([], aware_at=AWARE, contact="c", found_by="gate rescan")


def test_phased_update_keeps_id_and_newest_wins() -> None:
    first = open_incident([_image(1, ("IBAN_CODE",))], aware_at=AWARE, contact="c", found_by="gate rescan")
    second = phased_update(first, at=AWARE + timedelta(hours=5), note="authority notified", status="notified")
    assert second["incident_id"] == first["incident_id"] and second["update"] == 1
    assert second["updates"] == [
        {
            "at": "2026-12-05T06:30:15Z",
            "note": "authority notified",
            "status": "notified",
            "changed": ["notified_at", "status"],
        }
    ]
    assert second["notified_at"] == "2026-12-05T06:30:15Z"
    found, unreadable = current_incidents([encode(second), encode(first), b"not json", b'{"a": 1}'])
    assert unreadable == 2
    assert found[first["incident_id"]]["status"] == "notified"
    assert earliest_open_deadline(found.values()) is None
    assert earliest_open_deadline([first]) == datetime(2026, 12, 8, 1, 30, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("deadline", "2026-12-08 01:30"),
        ("entities", ["lower"]),
        ("records", 0),
        ("status", "forgotten"),
        ("extra", 1),
    ],
)
def test_schema_refuses_broken_documents(field: str, value: object) -> None:
    doc = open_incident([_image(1, ("US_SSN",))], aware_at=AWARE, contact="c", found_by="gate rescan")
    doc[field] = value
    with pytest.raises(ValueError):
        check(doc)


def test_takedown_must_name_a_sha256() -> None:
    doc = open_incident([_image(1, ("US_SSN",))], aware_at=AWARE, contact="c", found_by="gate rescan")
    doc["takedown"][0]["sha256"] = "jane@example.com"
    with pytest.raises(ValueError):
        check(doc)


def test_time_left_and_markdown() -> None:
    doc = open_incident([_image(1, ("LOCATION",))], aware_at=AWARE, contact="dpo", found_by="gate rescan")
    assert time_left(doc, AWARE.replace(microsecond=0)) == timedelta(hours=72)
    text = markdown(doc, AWARE + timedelta(hours=1))
    assert "70h59m left" in text and "2026-12-08T01:30:15Z" in text and f"{1:064x}" in text
    assert "deadline passed" in markdown(doc, AWARE + timedelta(hours=73))
    assert json.loads(encode(doc)) == doc


def test_every_scanner_entity_has_its_own_consequence() -> None:
    from gate.core.incident import _CONSEQUENCES, _GENERAL  # noqa: PLC0415 - the table under test
    from gate.scanning import ENTITIES  # noqa: PLC0415

    image = _image(1, tuple(sorted(ENTITIES)))
    doc = open_incident([image], aware_at=AWARE, contact="c", found_by="gate rescan")
    lines = doc["notification"]["likely_consequences"]
    assert set(ENTITIES) <= set(_CONSEQUENCES) | {"PERSON"}
    assert all(lines[entity] != _GENERAL for entity in ENTITIES if entity != "PERSON")
