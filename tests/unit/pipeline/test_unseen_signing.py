"""Never sign, record or log what was not read: disguised personal data in an event's parameters, model
fields and training sources, run through the processor as the streaming gate runs it.

A signed value has an identifier's form, so it is read as identifiers are (separators as spaces, words
capitalised): "jane-doe" under `sampler` or as a model provider is withheld, not signed.
"""

from __future__ import annotations

import base64
import json
import logging
from pathlib import Path
from typing import Any

import pytest

from gate.assets import FetchedAsset, FetchPolicy
from gate.core.event import parse_event
from gate.core.pipeline import Pipeline
from gate.core.record import InboundRecord
from gate.core.remediate import signable
from gate.demo.images import jpeg_bytes, product_image
from gate.model import Verdict
from gate.provenance import DevPki, TrustAnchors, Verifier, verify_manifest
from gate.worker.assembly import PipelineSpec
from gate.worker.processor import GateProcessorFactory

IMAGE = base64.b64encode(jpeg_bytes(product_image(96, 64))).decode()


def event(generation: dict[str, Any]) -> bytes:
    doc = {
        "event_id": "evt-unseen-1",
        "occurred_at": "2026-12-05T10:00:00Z",
        "source": "studio",
        "asset": {"data": IMAGE, "media_type": "image/jpeg"},
        "generation": {"synthetic": True, **generation},
    }
    return json.dumps(doc).encode()


def generation(where: str, value: str) -> dict[str, Any]:
    gen: dict[str, Any] = {
        "model": {"name": "m", "version": "1", "provider": "p"},
        "training_data_sources": ["LAION-5B"],
        "parameters": {"steps": 30, "sampler": "euler_a"},
    }
    if where == "sampler":
        gen["parameters"]["sampler"] = value
    elif where == "training":
        gen["training_data_sources"] = [value]
    else:
        gen["model"][where] = value
    return gen


IDENTIFIER_SHAPED = ["jane-doe", "john.smith", "JOHN_SMITH", "jane doe", "maria_schmidt",
                     "jane-doe-1985-04-12", "0049-151-23456789", "004915123456789", "JaneDoe",
                     "MariaSchmidt", "johnSmith1985"]  # fmt: skip
PLACES = ["sampler", "name", "provider", "training"]


@pytest.mark.parametrize("where", PLACES)
@pytest.mark.parametrize("value", IDENTIFIER_SHAPED)
def test_an_identifier_shaped_name_or_number_is_never_signed(
    gate: Pipeline, pki: DevPki, where: str, value: str
) -> None:
    parsed = parse_event(event(generation(where, value)))
    asset = FetchedAsset.of(base64.b64decode(IMAGE), parsed.asset, "inline")
    evaluation = gate.evaluate_event(parsed, asset)
    if evaluation.verdict is not Verdict.APPROVED:
        return  # found under its key: nothing is published
    assert evaluation.output is not None
    assert value.encode() not in evaluation.output
    report = verify_manifest(
        evaluation.output, "image/jpeg", Verifier.create(TrustAnchors.from_pem_file(pki.root_ca))
    )
    assert value not in json.dumps(report.generator_assertion or {})


@pytest.mark.parametrize(
    "value",
    ["Stability AI", "Black Forest Labs", "DPM++ 2M Karras", "euler_a", "juggernautXL_v9", "OpenAI",
     "gpt-image-1", "Google DeepMind", "stabilityai/stable-diffusion-xl-base-1.0", "realisticVision_v51",
     "epicrealism_naturalSin", "HunyuanDiT", "PixArt-Sigma", "RealVisXL_V4.0", "ponyDiffusionV6XL",
     "sgm_uniform", "LAION-5B", "licensed stock 2024", 30, 7.5, True],
)  # fmt: skip
def test_usual_signed_values_stay_signable(value: object) -> None:
    assert signable(value)


def test_usual_model_and_sampler_names_are_still_signed(gate: Pipeline, pki: DevPki) -> None:
    gen = {
        "model": {"name": "black-forest-labs/FLUX.1-dev", "version": "v6.1", "provider": "Black Forest Labs"},
        "training_data_sources": ["LAION-5B"],
        "parameters": {"sampler": "DPM++ 2M Karras", "scheduler": "sgm_uniform", "steps": 30},
    }
    parsed = parse_event(event(gen))
    evaluation = gate.evaluate_event(parsed, FetchedAsset.of(base64.b64decode(IMAGE), parsed.asset, "inline"))
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reasons
    assert evaluation.output is not None
    report = verify_manifest(
        evaluation.output, "image/jpeg", Verifier.create(TrustAnchors.from_pem_file(pki.root_ca))
    )
    signed = dict(report.generator_assertion or {})
    assert signed["model"]["provider"] == "Black Forest Labs"
    assert signed["parameters"]["sampler"] == "DPM++ 2M Karras"


# "4111 1111 1111 1111" in negative circled digits (U+2776 is 1).
CIRCLED_CARD = "".join(chr(0x2775 + int(c)) if c.isdigit() else c for c in "4111 1111 1111 1111")
TAGGED = "".join(chr(0xE0000 + ord(c)) for c in "canary.tags@example.com")
# (parameters, canaries as typed and as meant)
DISGUISED: list[tuple[dict[str, Any], list[str]]] = [
    ({"prompt": "canary.at arroba example punto com"}, ["canary.at", "canary.at@example.com"]),
    ({"prompt": "sneaker" + TAGGED}, ["canary.tags@example.com"]),
    ({"prompt": "canary.esc\\u0040example.com"}, ["canary.esc", "canary.esc@example.com"]),
    ({"prompt": "canary.pct%252540example.com"}, ["canary.pct", "canary.pct@example.com"]),
    ({"tags": ["canary.split", "@", "example.com"]}, ["canary.split", "canary.split@example.com"]),
    ({"prompt": "card " + CIRCLED_CARD}, ["4111 1111 1111 1111", CIRCLED_CARD]),
    ({"sampler": "jane-doe", "prompt": "x"}, ["jane-doe", "Jane Doe"]),
    ({"prompt": "\u96fb\u8a71 090-1234-5678"}, ["090-1234-5678"]),
    ({"prompt": "canary.idn@b\u00fccher.de"}, ["canary.idn@b\u00fccher.de"]),
]


def _forms(text: str) -> list[bytes]:
    return [text.encode("utf-8"), json.dumps(text).strip('"').encode()]


@pytest.mark.parametrize(("parameters", "canaries"), DISGUISED)
def test_a_disguised_canary_reaches_no_record_image_manifest_or_log(
    spec: PipelineSpec,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    parameters: dict[str, Any],
    canaries: list[str],
) -> None:
    caplog.set_level(logging.DEBUG)
    factory = GateProcessorFactory(spec=spec, fetch=FetchPolicy(), store_dir=tmp_path, tracing=False)
    value = event({"parameters": parameters, "model": {"name": "m", "version": "1", "provider": "p"}})
    routed = factory.build()(InboundRecord("images.ingest", 0, 7, b"evt-unseen-1", value))
    assert routed.verdict is not Verdict.APPROVED or "jane-doe" in canaries  # withheld, not refused
    written = [p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()]
    places = [routed.value, routed.audit, routed.key, *(v for _, v in routed.headers), *written]
    logged = "\n".join(record.getMessage() for record in caplog.records)
    for canary in canaries:
        for form in _forms(canary):
            assert not any(form in place for place in places), canary
        assert canary not in logged
