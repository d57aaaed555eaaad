"""What the gate decides for a trusted manifest with an untrusted ingredient (c2pa-rs#1922), and for a CAWG
identity assertion whose credential cannot be verified offline: never `invalid`, each its own reason."""

from __future__ import annotations

import io
from typing import Any

import c2pa
import pytest

from gate.core.checks.base import CheckContext
from gate.core.checks.provenance import ProvenanceCheck
from gate.core.policy import Subject, decide, load_policy
from gate.imaging.probing import probe
from gate.model import CheckResult, Status, Verdict
from gate.provenance import GenerationClaim, PreparedSigner, Verifier, attach_manifest, verify_manifest
from gate.provenance.manifest import manifest_definition

from .conftest import make_image


def _reasons(data: bytes, verifier: Verifier) -> list[tuple[str, str | None]]:
    ctx = CheckContext(data=data, declared_media_type="image/jpeg", probe=probe(data), synthetic=True)
    return [(r.code, r.detail) for r in ProvenanceCheck(verifier).run(ctx).reasons]


def _verdict(data: bytes, verifier: Verifier) -> Verdict:
    ctx = CheckContext(data=data, declared_media_type="image/jpeg", probe=probe(data), synthetic=True)
    result: CheckResult = ProvenanceCheck(verifier).run(ctx)
    return decide([result], load_policy(), Subject(synthetic=True), frozenset()).verdict


@pytest.mark.parametrize("ingredient_signer", ["trusted", "untrusted"])
def test_a_trusted_manifest_with_an_untrusted_ingredient_stays_trusted(
    ingredient_signer: str,
    signer: PreparedSigner,
    untrusted_signer: PreparedSigner,
    verifier: Verifier,
    claim: GenerationClaim,
) -> None:
    """c2pa-rs#1922: an untrusted ingredient once made the whole manifest invalid. The gate's own
    trusted manifest over someone else's image is trusted; the ingredient's signer is not its business."""
    parent = attach_manifest(
        make_image(), "image/jpeg", signer if ingredient_signer == "trusted" else untrusted_signer, claim
    )
    assert verify_manifest(parent, "image/jpeg", verifier).state == ingredient_signer
    child = attach_manifest(
        make_image(color=(9, 9, 9)),
        "image/jpeg",
        signer,
        claim,
        parent=parent,
        parent_media_type="image/jpeg",
    )
    report = verify_manifest(child, "image/jpeg", verifier)
    assert (report.state, report.cause) == ("trusted", None)
    assert _reasons(child, verifier) == []
    assert _verdict(child, verifier) is Verdict.APPROVED


def _with_identity(signer: PreparedSigner, claim: GenerationClaim) -> bytes:
    """A manifest carrying a CAWG identity assertion (identity claims aggregation: a verifiable credential
    from a did:web issuer) that nothing offline can verify: its COSE signature is a placeholder, and the
    issuer's key would have to be fetched from the web."""
    definition = manifest_definition(
        claim, claim_generator={"name": "gate", "version": "1"}, has_parent=False
    )
    identity: dict[str, Any] = {
        "signer_payload": {
            "sig_type": "cawg.identity_claims_aggregation",
            "referenced_assertions": [
                {"url": "self#jumbf=c2pa.assertions/c2pa.actions.v2", "hash": [0] * 32}
            ],
        },
        "signature": list(b"did:web:publisher.example"),
        "pad1": [],
    }
    definition["assertions"].append({"label": "cawg.identity", "data": identity, "kind": "Cbor"})
    with c2pa.Builder(definition, context=signer.context) as builder:
        builder.set_intent(
            c2pa.C2paBuilderIntent.CREATE, c2pa.C2paDigitalSourceType.TRAINED_ALGORITHMIC_MEDIA
        )
        out = io.BytesIO()
        builder.sign(signer.signer, "image/jpeg", io.BytesIO(make_image()), out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("who", "state", "manifest_reason"),
    [
        ("trusted", "trusted", None),
        ("untrusted", "untrusted", ("provenance.untrusted", "signingCredential.untrusted")),
    ],
)
def test_an_unverifiable_identity_is_its_own_reason(
    who: str,
    state: str,
    manifest_reason: tuple[str, str] | None,
    signer: PreparedSigner,
    untrusted_signer: PreparedSigner,
    verifier: Verifier,
    claim: GenerationClaim,
) -> None:
    data = _with_identity(signer if who == "trusted" else untrusted_signer, claim)
    report = verify_manifest(data, "image/jpeg", verifier)
    assert report.state == state  # c2pa-rs 0.91 says Invalid; the C2PA manifest itself is intact
    assert report.identity_code is not None and report.identity_code.startswith("cawg.")
    reasons = _reasons(data, verifier)
    assert ("provenance.identity_unverified", report.identity_code) in reasons
    assert not any(code == "provenance.invalid" for code, _ in reasons)
    if manifest_reason is not None:
        assert manifest_reason in reasons
    # The shipped policy quarantines it (a human decides); a policy may accept it.
    assert _verdict(data, verifier) is Verdict.QUARANTINED


def test_a_tampered_manifest_with_an_identity_is_still_invalid(
    signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    data = bytearray(_with_identity(signer, claim))
    data[-20] ^= 0xFF  # the pixels
    report = verify_manifest(bytes(data), "image/jpeg", verifier)
    assert (report.state, report.cause) == ("invalid", "assertion.dataHash.mismatch")
    assert ("provenance.invalid", "assertion.dataHash.mismatch") in _reasons(bytes(data), verifier)


def test_status_of_the_check_is_fail_not_error(
    signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    data = _with_identity(signer, claim)
    ctx = CheckContext(data=data, declared_media_type="image/jpeg", probe=probe(data), synthetic=True)
    assert ProvenanceCheck(verifier).run(ctx).status is Status.FAIL
