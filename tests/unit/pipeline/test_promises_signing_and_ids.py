"""What reaches records and manifests: refused identifiers never key a record, and only known forms are
signed into the generation assertion (a value the scanner could miss under its key is not signed)."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from gate.assets import FetchPolicy
from gate.core.record import InboundRecord, fallback_event_id
from gate.demo.images import jpeg_bytes, product_image
from gate.model import Verdict
from gate.provenance import TrustAnchors, Verifier, verify_manifest
from gate.provenance.claim_fields import (
    claim_form_problem,
    model_field_form,
    parameter_value_form,
    training_source_form,
)
from gate.schemas import DECISION, schema_errors
from gate.worker.processor import GateProcessorFactory

IMAGE = base64.b64encode(jpeg_bytes(product_image(96, 64))).decode()


def event(event_id: str = "evt-1", source: str = "studio", **generation: Any) -> bytes:
    doc = {
        "event_id": event_id,
        "occurred_at": "2026-11-26T10:00:00Z",
        "source": source,
        "asset": {"data": IMAGE, "media_type": "image/jpeg"},
        "generation": {"synthetic": True, **generation},
    }
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    ("event_id", "source", "key"),
    [("Jane.Doe-7", "studio", b"Jane.Doe-7"), ("evt-1", "4111.1111.1111.1111", b"evt-1"),
     ("order-4111-1111-1111-1111", "studio", None)],
)  # fmt: skip
def test_a_refused_identifier_never_keys_nor_enters_the_record(spec, tmp_path, event_id, source, key) -> None:  # type: ignore[no-untyped-def]
    record = InboundRecord("images.ingest", 2, 41, key, event(event_id, source, parameters={"prompt": "x"}))
    factory = GateProcessorFactory(spec=spec, fetch=FetchPolicy(), tracing=False)
    routed = factory.build()(record)
    assert routed.verdict is Verdict.REJECTED
    refused = event_id if event_id != "evt-1" else source
    assert routed.key == (b"evt-1" if key == b"evt-1" else b"images.ingest/2/41")
    assert refused.encode() not in routed.value and refused.encode() not in routed.key
    doc = json.loads(routed.value)
    assert schema_errors(DECISION, doc) == []
    [reason] = doc["reasons"]
    assert reason["code"] == "event.invalid"
    assert reason["detail"] == "identifier_personal_data"
    assert reason["path"] in ("/event_id", "/source")
    assert "raw" not in doc["input"]  # the parsed event is not copied into the decision


@pytest.mark.parametrize(
    ("key", "expected"),
    [(b"evt-9", "evt-9"), (b"Jane.Doe", "t/0/5"), (b"4111-1111-1111-1111", "t/0/5"), (b"a@b.co", "t/0/5")],
)
def test_a_record_key_holding_personal_data_is_not_used_as_the_fallback_id(key: bytes, expected: str) -> None:
    assert fallback_event_id(InboundRecord("t", 0, 5, key, b"")) == expected


# (value, allowed as a parameter value)
PARAMETER_FORMS = [
    (30, True), (7.5, True), (True, True), (2**63, True), (2**64, False), (float("nan"), False),
    ("euler_a", True), ("DPM++ 2M Karras", True), ("dpmpp_2m_sde_gpu", True), ("karras", True),
    ("Jane Doe lives at 5 Main Street", False), ("a" * 49, False), ("jane@example.com", False),
    ("j\u0430ne", False), ("x\u200by", False), ("", False), (" euler", False), ("line\nbreak", False),
    ([1, 2], False), ({"a": 1}, False), (None, False),
]  # fmt: skip


@pytest.mark.parametrize(("value", "allowed"), PARAMETER_FORMS)
def test_parameter_value_forms(value: object, allowed: bool) -> None:
    assert parameter_value_form(value) is allowed


@pytest.mark.parametrize(
    ("value", "allowed"),
    [("stabilityai/stable-diffusion-xl-base-1.0", True), ("gpt-image-1", True), ("Black Forest Labs", True),
     ("v6.1", True), ("2024-05-13", True), ("jane@example.com", False), ("x" * 97, False),
     ("m\u200bodel", False), ("model\nname", False), ("", False), (3, False),
     ("made for the order of customer number 12", False), ("a  b", False)],
)  # fmt: skip
def test_model_field_forms(value: object, allowed: bool) -> None:
    assert model_field_form(value) is allowed


@pytest.mark.parametrize(
    ("value", "allowed"),
    [("LAION-5B", True), ("https://data.example/sets/licensed?v=2", True), ("licensed stock 2024", True),
     ("<script>", False), ("x" * 257, False), ("caf\u00e9", False)],
)  # fmt: skip
def test_training_source_forms(value: str, allowed: bool) -> None:
    assert training_source_form(value) is allowed


def test_claim_form_problem_names_the_place_not_the_value() -> None:
    data = {
        "model": {"name": "m", "version": "1", "provider": "p"},
        "training_data_sources": [],
        "parameters": {"sampler": "Jane Doe of 5 Main Street, Springfield"},
        "gate": {},
    }
    problem = claim_form_problem(data)
    assert problem == "/parameters/sampler is not a boolean, a number or a short identifier"


def signed_assertion(gate: Any, pki: Any, generation: dict[str, Any]) -> dict[str, Any]:
    from gate.assets import FetchedAsset  # noqa: PLC0415
    from gate.core.event import parse_event  # noqa: PLC0415

    parsed = parse_event(event(**generation))
    asset = FetchedAsset.of(base64.b64decode(IMAGE), parsed.asset, "inline")
    evaluation = gate.evaluate_event(parsed, asset)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reasons
    assert evaluation.output is not None
    report = verify_manifest(
        evaluation.output, "image/jpeg", Verifier.create(TrustAnchors.from_pem_file(pki.root_ca))
    )
    assert report.state == "trusted"
    return dict(report.generator_assertion or {})


def test_only_known_forms_of_allow_listed_values_are_signed(gate, pki) -> None:  # type: ignore[no-untyped-def]
    """Values under allow-listed keys that the scanner reads with a key context that hides names."""
    generation = {
        "model": {
            "name": "made for the order of customer number 12",
            "version": "1.0",
            "provider": "Stability AI",
        },
        "training_data_sources": ["LAION-5B", "photos (private), kept by order"],
        "parameters": {
            "sampler": "Jane Doe",  # a name where the scanner reads no names
            "scheduler": "karras",
            "sampler_name": "a very long free text description that is not a sampler name",
            "steps": 30,
            "seed": 42,
            "strength": {"nested": "fine"},  # not a scalar: never signed
        },
    }
    signed = signed_assertion(gate, pki, generation)
    text = json.dumps(signed)
    assert "Jane" not in text and "customer" not in text and "free text" not in text and "private" not in text
    assert signed["parameters"] == {"scheduler": "karras", "steps": 30, "seed": 42}
    assert signed["model"] == {"name": "withheld", "version": "1.0", "provider": "Stability AI"}
    assert signed["training_data_sources"] == ["LAION-5B"]
