"""Every demo sample gets its expected verdict; every malformed input gets a clear reason, never approval."""

from __future__ import annotations

import base64
import json
import struct
import zlib
from dataclasses import replace

import pytest

from gate.assets import AssetFetcher, FetchPolicy
from gate.core.event import Generation
from gate.core.flow import evaluate_event_bytes
from gate.core.pipeline import Pipeline
from gate.demo.images import jpeg_bytes, product_image
from gate.demo.samples import build_samples
from gate.model import Verdict
from gate.provenance import create_dev_pki
from gate.worker.assembly import PipelineSpec
from tests.unhurried import unhurried


@pytest.fixture(scope="module")
def fetcher():  # type: ignore[no-untyped-def]
    with AssetFetcher(FetchPolicy()) as f:
        yield f


@pytest.fixture(scope="module")
def unhurried_gate(spec: PipelineSpec) -> Pipeline:
    """The demo's gate with time bounds no machine stall reaches: the samples test reasons, not speed."""
    loaded = spec.load()
    return replace(loaded, policy=unhurried(loaded.policy)).build()


def test_demo_samples_get_their_expected_verdicts(unhurried_gate: Pipeline, pki, tmp_path, fetcher) -> None:  # type: ignore[no-untyped-def]
    gate = unhurried_gate
    other = create_dev_pki(tmp_path / "other", organisation="elsewhere")
    samples = build_samples(pki, other, size=(160, 120))
    assert len(samples) >= 12
    for sample in samples:
        outcome = evaluate_event_bytes(sample.value, gate, fetcher, fallback_id="x")
        assert outcome.decision.verdict is sample.expected, sample.name
        for code in sample.expected_codes:
            assert code in outcome.decision.reason_codes, (sample.name, outcome.decision.reason_codes)


def png_with_header(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", len(ihdr)) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr))
    idat = zlib.compress(b"\x00" * 16)
    chunk += struct.pack(">I", len(idat)) + b"IDAT" + idat + struct.pack(">I", zlib.crc32(b"IDAT" + idat))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk + struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))
    )


JPEG = jpeg_bytes(product_image(64, 48))


def deep(n: int) -> object:
    value: object = "leaf"
    for _ in range(n):
        value = {"k": value}
    return value


@pytest.mark.parametrize(
    ("data", "media_type", "code"),
    [
        (JPEG[: len(JPEG) // 2], "image/jpeg", "image.undecodable"),
        (b"\x00garbage" * 100, "image/jpeg", "image.undecodable"),
        (b"", "image/png", "image.undecodable"),
        (JPEG, "image/png", "asset.media_type_mismatch"),
        (png_with_header(100_000, 100_000), "image/png", "image.limits"),
        (png_with_header(20_000, 16_000), "image/png", "image.limits"),
    ],
)
def test_malformed_images_never_approve(gate: Pipeline, fetcher, data, media_type, code) -> None:  # type: ignore[no-untyped-def]
    event = {
        "event_id": "bad-1",
        "occurred_at": "2026-11-26T10:00:00Z",
        "source": "fuzz",
        "asset": {"data": base64.b64encode(data).decode(), "media_type": media_type},
    }
    decision = evaluate_event_bytes(json.dumps(event).encode(), gate, fetcher, fallback_id="x").decision
    assert decision.verdict is Verdict.REJECTED
    assert code in decision.reason_codes


@pytest.mark.parametrize("params", [deep(5_000), {"k": list(range(200_000))}, {"k": "x" * 5_000_000}])
def test_deep_or_huge_parameters_never_approve(gate: Pipeline, params: object) -> None:
    generation = Generation(synthetic=True, parameters=params)
    decision = gate.evaluate(JPEG, synthetic=True, generation=generation).decision
    assert decision.verdict is Verdict.QUARANTINED
    assert "params.limits" in decision.reason_codes
