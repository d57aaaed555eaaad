"""What a reviewer's approval applies before publishing (`Pipeline.evaluate(for_release=True)`), on real
images with the dev PKI: the policy's remediations whatever its verdict, and a manifest for a synthetic image
that carries none; a failure refuses the release instead of becoming a reason."""

from __future__ import annotations

import dataclasses

import pytest

from gate.core.checks.base import CheckContext
from gate.core.pipeline import Pipeline
from gate.core.policy import DecidedReason, Outcome, Remediation
from gate.core.remediate import RemediationFailed, release_remediations
from gate.model import Reason, Verdict
from gate.provenance import DevPki, ProvenanceReport, TrustAnchors, Verifier, verify_manifest
from tests.unit.pipeline.test_pipeline_provenance import SYNTHETIC, photo

PLANTED = "pat.release@example.org"
AI_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"


def _verifier(pki: DevPki) -> Verifier:
    return Verifier.create(TrustAnchors.from_pem_file(pki.root_ca))


def test_a_quarantined_synthetic_image_is_signed_for_its_release_without_the_flagged_values(
    gate: Pipeline, pki: DevPki
) -> None:
    generation = dataclasses.replace(SYNTHETIC, parameters={"seed": 7, "steps": 20, "notify": PLANTED})
    original = photo(gps=True, serial=True)
    normal = gate.evaluate(original, synthetic=True, generation=generation)
    assert normal.verdict is Verdict.QUARANTINED and normal.output is None  # personal data: not published
    released = gate.evaluate(original, synthetic=True, generation=generation, for_release=True)
    assert released.verdict is Verdict.QUARANTINED  # the policy's verdict is kept; the person overrules it
    assert released.actions == ("metadata.stripped", "manifest.attached") and released.output is not None
    report = verify_manifest(released.output, "image/jpeg", _verifier(pki))
    assert report.state == "trusted" and report.is_ai_generated and report.digital_source_type == AI_MEDIA
    assert PLANTED.encode() not in released.output and b"notify" not in released.output


@pytest.mark.parametrize("synthetic", [False, None])
def test_a_real_or_undeclared_photo_gets_no_manifest_but_is_still_stripped(
    gate: Pipeline, synthetic: bool | None
) -> None:
    released = gate.evaluate(photo(gps=True, serial=False), synthetic=synthetic, for_release=True)
    assert released.actions == ("metadata.stripped",) and released.output is not None


def test_a_release_without_a_signer_raises_instead_of_publishing_unmarked(
    gate_without_signer: Pipeline,
) -> None:
    with pytest.raises(RemediationFailed, match="no signer"):
        gate_without_signer.evaluate(photo(gps=False, serial=False), synthetic=True, for_release=True)
    # The normal path turns the same lack into the policy's fallback, never an exception.
    normal = gate_without_signer.evaluate(photo(gps=False, serial=False), synthetic=True)
    assert normal.verdict is Verdict.QUARANTINED and normal.output is None


ABSENT = ProvenanceReport(state="absent")
UNTRUSTED = ProvenanceReport(state="untrusted")
STRIP = DecidedReason(Reason(code="metadata.personal_data"), Outcome.APPROVE, "r", Remediation.STRIP_METADATA)
PLAIN = DecidedReason(Reason(code="params.personal_data"), Outcome.QUARANTINE, "personal-data")


@pytest.mark.parametrize(
    ("decided", "synthetic", "report", "wanted"),
    [
        ((PLAIN,), True, ABSENT, {Remediation.ATTACH_MANIFEST}),
        ((PLAIN, STRIP), True, ABSENT, {Remediation.ATTACH_MANIFEST, Remediation.STRIP_METADATA}),
        ((STRIP,), False, ABSENT, {Remediation.STRIP_METADATA}),
        ((STRIP,), None, ABSENT, {Remediation.STRIP_METADATA}),
        ((PLAIN,), False, ABSENT, set()),
        ((PLAIN,), True, UNTRUSTED, set()),  # another signer's manifest is not replaced (the release refuses)
    ],
)
def test_release_remediations(
    decided: tuple[DecidedReason, ...],
    synthetic: bool | None,
    report: ProvenanceReport,
    wanted: set[Remediation],
) -> None:
    ctx = CheckContext(data=b"", declared_media_type=None, synthetic=synthetic, provenance=report)
    assert release_remediations(decided, ctx) == wanted


def test_a_manifest_check_that_did_not_finish_refuses_the_release() -> None:
    ctx = CheckContext(data=b"", declared_media_type=None, synthetic=True, provenance=None)
    with pytest.raises(RemediationFailed, match="did not complete"):
        release_remediations((PLAIN,), ctx)
    assert release_remediations((PLAIN,), dataclasses.replace(ctx, synthetic=False)) == set()
