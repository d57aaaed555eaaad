"""The audit record: one per decision of every kind, valid against audit.schema.json, free of values."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import Any

import pytest

from gate.assets import AssetFetcher, FetchPolicy
from gate.core.audit import (
    AuditSubject,
    DeclaredModel,
    audit_record,
    decision_id,
    gate_version,
    identifier,
    manifest_label,
)
from gate.core.flow import EventOutcome, evaluate_event_bytes
from gate.core.pipeline import Pipeline
from gate.core.record import (
    FailureCode,
    InboundRecord,
    RoutedRecord,
    decided_record,
    failure_record,
    oversized_record,
    released_record,
    replayed_record,
)
from gate.core.review import ReplayLineage, Review
from gate.demo.images import jpeg_bytes, product_image
from gate.model import PolicyRef, Verdict
from gate.schemas import AUDIT, schema_errors

EMAIL, PHONE = "jane.doe@example.com", "+49 151 23456789"
IMAGE = base64.b64encode(jpeg_bytes(product_image(64, 48))).decode()


def _event(model: dict[str, str], parameters: Any = None, synthetic: bool = True) -> bytes:
    return json.dumps(
        {
            "event_id": "evt-audit-1",
            "occurred_at": "2026-11-26T10:00:00Z",
            "source": "studio-gen",
            "asset": {"data": IMAGE, "media_type": "image/jpeg"},
            "generation": {
                "synthetic": synthetic,
                "model": model,
                "parameters": parameters,
                "training_data_sources": ["licensed-stock", EMAIL],
            },
        }
    ).encode()


def _outcome(gate: Pipeline, raw: bytes) -> EventOutcome:
    with AssetFetcher(FetchPolicy()) as fetcher:
        return evaluate_event_bytes(raw, gate, fetcher, fallback_id="images.ingest/0/1")


def _audit(record: RoutedRecord) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(record.audit)
    assert schema_errors(AUDIT, doc) == []
    assert doc["decision_id"] == decision_id(record.value)
    assert doc["event_id"] == record.document["event_id"]
    assert doc["verdict"] == record.verdict.value
    assert doc["policy"] == record.document["policy"]
    assert doc["gate_version"] == gate_version()
    return doc


def test_a_decided_synthetic_image_names_its_model_asset_and_policy(gate: Pipeline) -> None:
    raw = _event({"provider": "acme", "name": "imagegen", "version": "2.1.0"})
    record = decided_record(_outcome(gate, raw), inbound=InboundRecord("images.ingest", 0, 1, b"k", raw))
    doc = _audit(record)
    assert doc["synthetic"] is True
    assert doc["model"] == {"provider": "acme", "name": "imagegen", "version": "2.1.0"}
    assert doc["asset"]["sha256"] == record.document["asset"]["sha256"]
    assert doc["asset"]["media_type"] == "image/jpeg"
    assert doc["source"] == "studio-gen"
    assert doc["supersedes"] is None
    assert doc["actions"] == record.document["actions"]


def test_planted_personal_data_never_reaches_the_audit_record(gate: Pipeline) -> None:
    """Found in the parameters and declared as the model's name: the audit names type and pointer only."""
    raw = _event(
        {"provider": "acme", "name": EMAIL, "version": PHONE},
        parameters={"prompt": f"portrait, call {PHONE} or mail {EMAIL}"},
    )
    record = decided_record(_outcome(gate, raw))
    doc = _audit(record)
    assert record.verdict is not Verdict.APPROVED
    text = record.audit.decode()
    for value in (EMAIL, PHONE, "23456789", "jane.doe"):
        assert value not in text
    assert doc["model"] == {"provider": "acme", "name": None, "version": None}
    assert doc["training_data_sources"] == ["licensed-stock"]
    assert any(r.get("entity") and r.get("path", "").startswith("/") for r in doc["reasons"])


# Identifier-shaped personal data: the audit's shape rule alone would keep each of these.
NAMED_MODEL = {"provider": "Anna.Kowalska", "name": "anna_kowalska_v1", "version": "sdxl-ft-0612345678"}
NAMED_SOURCES = ["licensed-stock", "maria.garcia", "annaKowalska"]


def _named_event(parameters: Any = None) -> bytes:
    doc = json.loads(_event(NAMED_MODEL, parameters=parameters))
    doc["generation"]["training_data_sources"] = NAMED_SOURCES
    return json.dumps(doc).encode()


def _kept_declaration(doc: dict[str, Any]) -> tuple[Any, Any]:
    return doc["model"], doc["training_data_sources"]


def test_a_declaration_enters_the_audit_only_as_it_may_enter_a_manifest(gate: Pipeline) -> None:
    """A name given as a model, provider, version or training source has an identifier's shape; the
    audit (and the inventory built from it) repeats a declared field only when it reads clean."""
    record = decided_record(_outcome(gate, _named_event()))
    doc = _audit(record)
    assert _kept_declaration(doc) == ({"provider": None, "name": None, "version": None}, ["licensed-stock"])
    for value in (*NAMED_MODEL.values(), *NAMED_SOURCES[1:]):
        assert value not in record.audit.decode()


def test_a_declaration_not_scanned_to_the_end_is_not_repeated(gate: Pipeline) -> None:
    """Parameters past the scan limits: nothing of the declaration was judged, so none of it is kept."""
    deep: Any = "leaf"
    for _ in range(200):
        deep = {"k": deep}
    raw = _event({"provider": "acme", "name": "imagegen", "version": "2"}, parameters=deep)
    record = decided_record(_outcome(gate, raw))
    assert "params.limits" in record.reason_codes
    assert _kept_declaration(_audit(record)) == ({"provider": None, "name": None, "version": None}, [])


def test_a_release_repeats_the_declaration_as_the_decision_read_it(gate: Pipeline) -> None:
    raw = _named_event(parameters={"p": EMAIL})
    outcome = _outcome(gate, raw)
    quarantined = decided_record(outcome)
    assert quarantined.verdict is Verdict.QUARANTINED
    review = Review(reviewer="reviewer-7", note="checked by hand", at="2026-12-05T00:00:00Z")
    released = released_record(
        quarantined.document, to=Verdict.REJECTED, review=review, key=quarantined.key, event=outcome.event
    )
    assert _kept_declaration(_audit(released)) == (
        {"provider": None, "name": None, "version": None},
        ["licensed-stock"],
    )
    assert not any(value in released.audit.decode() for value in NAMED_MODEL.values())


def test_a_photo_has_no_model(gate: Pipeline) -> None:
    doc = _audit(decided_record(_outcome(gate, _event({"name": "x"}, synthetic=False))))
    assert doc["synthetic"] is False
    assert doc["model"] is None


@pytest.mark.parametrize("code", list(FailureCode))
def test_a_worker_failure_is_audited_without_its_raw_input(code: FailureCode) -> None:
    inbound = InboundRecord("images.ingest", 3, 9, b"evt-f", f'{{"email":"{EMAIL}"}}'.encode())
    record = failure_record(inbound, code, PolicyRef("v1", "a" * 64))
    doc = _audit(record)
    assert doc["synthetic"] is None and doc["model"] is None
    assert [r["code"] for r in doc["reasons"]] == [str(code)]
    assert EMAIL not in record.audit.decode()
    assert "raw" not in record.audit.decode()


def test_a_replacement_keeps_the_declaration_of_the_record_it_replaces(gate: Pipeline) -> None:
    raw = _event({"provider": "acme", "name": "imagegen", "version": "2"})
    inbound = InboundRecord("images.ingest", 0, 1, b"evt-audit-1", raw)
    original = decided_record(_outcome(gate, raw), inbound=inbound)
    doc = _audit(oversized_record(inbound, original, PolicyRef("v1", "b" * 64)))
    assert doc["model"] == {"provider": "acme", "name": "imagegen", "version": "2"}
    assert doc["verdict"] == "quarantined"


def test_replay_and_release_name_the_decision_they_supersede(gate: Pipeline) -> None:
    raw = _event({"provider": "acme", "name": "imagegen", "version": "2"}, parameters={"p": EMAIL})
    quarantined = decided_record(_outcome(gate, raw))
    assert quarantined.verdict is Verdict.QUARANTINED
    original = InboundRecord("images.ingest", 0, 7, quarantined.key, raw)
    lineage = ReplayLineage(
        job="j1",
        count=1,
        supersedes={"topic": "images.quarantine", "partition": 1, "offset": 40},
        decision_id=decision_id(quarantined.value),
    )
    replayed = _audit(replayed_record(_outcome(gate, raw), original=original, lineage=lineage))
    assert replayed["supersedes"] == {
        "decision_id": decision_id(quarantined.value),
        "topic": "images.quarantine",
        "partition": 1,
        "offset": 40,
    }
    review = Review(reviewer="reviewer-7", note="checked by hand", at="2026-12-05T00:00:00Z")
    released = _audit(
        released_record(
            quarantined.document,
            to=Verdict.REJECTED,
            review=review,
            key=quarantined.key,
            earlier_audit=json.loads(quarantined.audit),
        )
    )
    assert released["verdict"] == "rejected"
    assert released["supersedes"] == {"decision_id": decision_id(quarantined.value)}
    assert released["model"]["name"] == "imagegen"


@pytest.mark.parametrize(
    ("value", "kept"),
    [
        ("sdxl-1.0", True),
        ("stabilityai/stable-diffusion-xl", True),
        ("2024.05+build.7", True),
        (EMAIL, False),
        (PHONE, False),
        ("Jane Doe", False),
        ("", False),
        ("x" * 101, False),
        (None, False),
    ],
)
def test_only_identifiers_are_kept(value: str | None, kept: bool) -> None:
    assert (identifier(value) == value) is kept if value else identifier(value) is None


@pytest.mark.parametrize(
    ("label", "kept"),
    [
        ("urn:c2pa:0f3c1a62-9d7e-4c1b-8a55-2b1f0e6d7c90", "urn:c2pa:0f3c1a62-9d7e-4c1b-8a55-2b1f0e6d7c90"),
        (
            "urn:c2pa:0f3c1a62-9d7e-4c1b-8a55-2b1f0e6d7c90:gate:1_1",
            "urn:c2pa:0f3c1a62-9d7e-4c1b-8a55-2b1f0e6d7c90",
        ),
        ("urn:uuid:0f3c1a62-9d7e-4c1b-8a55-2b1f0e6d7c90", "urn:uuid:0f3c1a62-9d7e-4c1b-8a55-2b1f0e6d7c90"),
        ("c2pa.4915123456789", None),
        ("com.jane.doe", None),
        (None, None),
    ],
)
def test_a_manifest_label_keeps_only_its_standard_part(label: str | None, kept: str | None) -> None:
    assert manifest_label(label) == kept


def test_the_time_is_utc_rfc3339() -> None:
    decision = {"event_id": "e", "policy": {"version": "v", "sha256": "s"}, "verdict": "approved"}
    when = datetime(2026, 12, 5, 1, 2, 3, 456000, tzinfo=UTC)
    subject = AuditSubject(model=DeclaredModel())
    doc = audit_record({**decision, "reasons": []}, b"{}", subject, gate_version="t", decided_at=when)
    assert doc["decided_at"] == "2026-12-05T01:02:03.456Z"
    assert schema_errors(AUDIT, doc) == []


@pytest.mark.parametrize(
    ("output", "uri"),
    [
        ({"sha256": "ab" * 32, "uri": "s3://b/gate/x.jpg"}, "s3://b/gate/x.jpg"),
        # an inline input: the published bytes go back inline and to the store, named by "store"
        (
            {"sha256": "ab" * 32, "data": "AAAA", "store": "file:///s/published/x.jpg"},
            "file:///s/published/x.jpg",
        ),
        ({"sha256": "ab" * 32, "data": "AAAA"}, None),  # no store: nowhere but the record
    ],
)
def test_the_published_location_is_the_store_uri_whichever_way_the_bytes_travel(
    output: dict[str, str], uri: str | None
) -> None:
    decision = {
        "event_id": "e",
        "policy": {"version": "v", "sha256": "s"},
        "verdict": "approved",
        "asset": {"sha256": "cd" * 32, "media_type": "image/jpeg", "output": output},
    }
    doc = audit_record(
        {**decision, "reasons": []}, b"{}", AuditSubject(model=DeclaredModel()), gate_version="t"
    )
    assert doc["asset"]["published_uri"] == uri


def test_the_events_context_reaches_no_record_header_or_published_image(gate: Pipeline) -> None:
    # `context` says where the image goes; a producer that puts personal data there keeps it to itself.
    doc = json.loads(_event({"provider": "acme", "name": "imagegen"}, synthetic=False))
    doc["generation"]["training_data_sources"] = ["licensed-stock"]
    doc["context"] = {"sku": "SKU-1", "note": f"call {PHONE}", "buyer": EMAIL}
    raw = json.dumps(doc).encode()
    record = decided_record(_outcome(gate, raw), inbound=InboundRecord("images.ingest", 0, 1, b"k", raw))
    assert record.verdict is Verdict.APPROVED
    published = record.value + record.audit + b"".join(value for _, value in record.headers)
    for canary in (EMAIL, PHONE, "SKU-1"):
        assert canary.encode() not in published
