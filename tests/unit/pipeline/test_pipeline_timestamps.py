"""The decision when signing needs trusted time: stamped by the dev TSA, or quarantined with its own reason
when the TSA gives none (real HTTP, real c2pa)."""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Iterator

import pytest

from gate.core.event import Generation, ModelInfo
from gate.demo.images import jpeg_bytes, product_image
from gate.model import Verdict
from gate.provenance import DevPki, TrustAnchors, Verifier, verify_manifest
from gate.provenance.dev_tsa import DevTsa, TsaCredential
from gate.provenance.tsa import TsaOptions
from gate.worker.assembly import PipelineSpec

CLEAN = Generation(
    synthetic=True,
    model=ModelInfo("sdxl-base", "1.0", "stability.ai"),
    parameters={"seed": 42, "steps": 30},
    training_data_sources=("licensed-stock",),
)


@pytest.fixture(scope="module")
def dev_tsa(pki: DevPki) -> Iterator[DevTsa]:
    with DevTsa(TsaCredential.from_files(pki.tsa_chain, pki.tsa_key)) as tsa:
        yield tsa


def _closed_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/"


def test_a_synthetic_image_is_marked_with_trusted_time(
    spec: PipelineSpec, dev_tsa: DevTsa, pki: DevPki
) -> None:
    tsa = TsaOptions(dev_tsa.url, ("127.0.0.1",))
    pipeline = dataclasses.replace(spec, tsa=tsa).build()
    before = dev_tsa.requests
    evaluation = pipeline.evaluate(jpeg_bytes(product_image(96, 64)), synthetic=True, generation=CLEAN)
    assert evaluation.verdict is Verdict.APPROVED and evaluation.actions == ("manifest.attached",)
    assert dev_tsa.requests == before + 1
    assert evaluation.output is not None
    verifier = Verifier.create(TrustAnchors.from_pem_file(pki.root_ca))
    assert verify_manifest(evaluation.output, "image/jpeg", verifier).state == "trusted"


@pytest.mark.parametrize(
    ("on_failure", "verdict"), [("quarantine", Verdict.QUARANTINED), ("sign_without", Verdict.APPROVED)]
)
def test_a_tsa_that_is_down(spec: PipelineSpec, on_failure: str, verdict: Verdict) -> None:
    tsa = TsaOptions(_closed_url(), ("127.0.0.1",), timeout_s=1.0, on_failure=on_failure)  # type: ignore[arg-type]
    pipeline = dataclasses.replace(spec, tsa=tsa).build()
    evaluation = pipeline.evaluate(jpeg_bytes(product_image(96, 64)), synthetic=True, generation=CLEAN)
    assert evaluation.verdict is verdict
    codes = [(r.reason.code, r.reason.detail) for r in evaluation.decision.reasons]
    if on_failure == "quarantine":
        assert ("provenance.timestamp_unavailable", "down") in codes
        assert evaluation.output is None  # nothing unsigned is published
    else:
        assert evaluation.actions == ("manifest.attached",)
