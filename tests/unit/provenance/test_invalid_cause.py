"""The reported cause is the code that decides the state, never `signingCredential.untrusted` for a tampered
file: a truth table of the ranking, and manifests tampered on the fly, one per kind of tampering."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from gate.core.checks.base import CheckContext
from gate.core.checks.provenance import ProvenanceCheck
from gate.imaging.probing import probe
from gate.model import Reason
from gate.provenance import GenerationClaim, PreparedSigner, Verifier, attach_manifest, verify_manifest
from gate.provenance.status import by_decisiveness, is_trust_only, step_of

from .conftest import make_image

UNTRUSTED = "signingCredential.untrusted"


@pytest.mark.parametrize(
    ("active", "ingredients", "cause"),
    [
        ([UNTRUSTED, "claimSignature.mismatch"], [], "claimSignature.mismatch"),
        ([UNTRUSTED, "assertion.dataHash.mismatch"], [], "assertion.dataHash.mismatch"),
        (["assertion.dataHash.mismatch", "assertion.hashedURI.mismatch"], [], "assertion.hashedURI.mismatch"),
        (["assertion.boxesHash.mismatch", "claimSignature.mismatch"], [], "claimSignature.mismatch"),
        (["assertion.dataHash.mismatch", "claim.malformed"], [], "claim.malformed"),
        ([UNTRUSTED, "signingCredential.expired"], [], "signingCredential.expired"),
        (["assertion.dataHash.mismatch", "timeStamp.mismatch"], [], "timeStamp.mismatch"),
        (["timeStamp.untrusted", "assertion.bmffHash.mismatch"], [], "assertion.bmffHash.mismatch"),
        (["cawg.x509.credential.untrusted", UNTRUSTED], [], UNTRUSTED),  # the manifest's own trust first
        (["cawg.ica.invalid_cose_sign1", "assertion.dataHash.mismatch"], [], "assertion.dataHash.mismatch"),
        ([UNTRUSTED], ["claimSignature.mismatch"], "claimSignature.mismatch"),
        (
            [],
            ["assertion.hashedURI.mismatch", "ingredient.manifest.mismatch"],
            "ingredient.manifest.mismatch",
        ),
        (["assertion.dataHash.mismatch"], ["ingredient.manifest.mismatch"], "assertion.dataHash.mismatch"),
        (["something.new", UNTRUSTED], [], "something.new"),
        (["assertion.dataHash.mismatch", "something.new"], [], "assertion.dataHash.mismatch"),
        ([UNTRUSTED], [], UNTRUSTED),
        ([], [], None),
    ],
)
def test_the_deciding_code_comes_first(active: list[str], ingredients: list[str], cause: str | None) -> None:
    codes = by_decisiveness(active, ingredients)
    assert (codes[0] if codes else None) == cause
    assert sorted(codes) == sorted(set(active) | set(ingredients))  # every code kept, each once


def test_codes_that_are_not_codes_are_dropped() -> None:
    assert by_decisiveness(["a b", "", "x" * 200, "assertion.dataHash.mismatch"]) == (
        "assertion.dataHash.mismatch",
    )


@pytest.mark.parametrize(
    ("code", "trust_only", "step"),
    [
        (UNTRUSTED, True, "trust"),
        ("timeStamp.untrusted", True, "trust"),
        ("cawg.identity.unverifiable", True, "identity"),
        ("signingCredential.ocsp.revoked", False, "credential"),
        ("signingCredential.expired", False, "credential"),
        ("claimSignature.mismatch", False, "signature"),
        ("assertion.dataHash.mismatch", False, "content-binding"),
        ("assertion.collectionHash.mismatch", False, "content-binding"),
        ("assertion.hashedURI.mismatch", False, "assertion"),
        ("assertion.json.invalid", False, "assertion"),
        ("ingredient.claimSignature.mismatch", False, "ingredient"),
        ("manifest.inaccessible", False, "structure"),
        ("gate.c2pa.decoding", False, "other"),
    ],
)
def test_steps(code: str, trust_only: bool, step: str) -> None:
    assert is_trust_only(code) is trust_only
    assert step_of(code) == step


def _flip(data: bytes, offset: int) -> bytes:
    out = bytearray(data)
    out[offset] ^= 0x01
    return bytes(out)


def _after(marker: bytes, distance: int, occurrence: int = 0) -> Callable[[bytes], bytes]:
    def tamper(data: bytes) -> bytes:
        starts = [m.start() for m in re.finditer(re.escape(marker), data)]
        return _flip(data, starts[occurrence] + distance)

    return tamper


def _renamed(label: bytes, other: bytes) -> Callable[[bytes], bytes]:
    def tamper(data: bytes) -> bytes:
        return data.replace(label, other, 1)

    return tamper


def _box_length(data: bytes) -> bytes:
    """Break the JUMBF structure: the manifest store's superbox says it holds nothing but its header."""
    at = data.index(b"jumb") - 4
    out = bytearray(data)
    out[at : at + 4] = (8).to_bytes(4, "big")
    return bytes(out)


# tampering kind -> (how, state, reason detail)
TAMPERING: dict[str, tuple[Callable[[bytes], bytes], str, str]] = {
    "signature": (_after(b"c2pa.signature", 300), "invalid", "claimSignature.mismatch"),
    "data hash": (lambda data: _flip(data, len(data) - 20), "invalid", "assertion.dataHash.mismatch"),
    "claim in the manifest box": (_after(b"c2pa.claim", 40), "invalid", "claimSignature.mismatch"),
    "assertion in the manifest box": (
        _after(b"product-diffusion", 3),
        "invalid",
        "assertion.hashedURI.mismatch",
    ),
    "manifest box structure": (_box_length, "unreadable", "manifest.unreadable"),
    "signature box renamed": (
        _renamed(b"c2pa.signature", b"c2pa.signaturf"),
        "invalid",
        "claimSignature.missing",
    ),
}


@pytest.mark.parametrize("kind", sorted(TAMPERING))
@pytest.mark.parametrize("who", ["trusted", "untrusted"])
def test_tampering_names_its_real_cause(
    kind: str,
    who: str,
    signer: PreparedSigner,
    untrusted_signer: PreparedSigner,
    verifier: Verifier,
    claim: GenerationClaim,
) -> None:
    tamper, state, detail = TAMPERING[kind]
    signed = attach_manifest(
        make_image(), "image/jpeg", signer if who == "trusted" else untrusted_signer, claim
    )
    report = verify_manifest(tamper(signed), "image/jpeg", verifier)
    assert report.state == state
    reason = _provenance_reason(tamper(signed), verifier)
    assert (reason.code, reason.detail) == ("provenance.invalid", detail)
    if state == "invalid":
        assert report.cause == detail
        if who == "untrusted":
            assert UNTRUSTED in report.status_codes[1:]  # still reported, never as the cause


@pytest.mark.parametrize("part", [b"c2pa.signature", b"org.gate.generation"])
@pytest.mark.parametrize("who", ["trusted", "untrusted"])
def test_a_tampered_ingredient_is_named_as_such(
    part: bytes,
    who: str,
    signer: PreparedSigner,
    untrusted_signer: PreparedSigner,
    verifier: Verifier,
    claim: GenerationClaim,
) -> None:
    parent = attach_manifest(
        make_image(), "image/jpeg", signer if who == "trusted" else untrusted_signer, claim
    )
    child = attach_manifest(
        make_image(color=(1, 2, 3)),
        "image/jpeg",
        signer,
        claim,
        parent=parent,
        parent_media_type="image/jpeg",
    )
    assert verify_manifest(child, "image/jpeg", verifier).state == "trusted"
    distance = 300 if part == b"c2pa.signature" else 60
    tampered = _after(part, distance)(child)  # the first occurrence: the ingredient's manifest
    report = verify_manifest(tampered, "image/jpeg", verifier)
    assert (report.state, report.cause) == ("invalid", "ingredient.manifest.mismatch")
    assert len(report.status_codes) > 1  # what is wrong inside the ingredient follows
    assert _provenance_reason(tampered, verifier).detail == "ingredient.manifest.mismatch"


def test_the_decision_carries_every_code(
    untrusted_signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    signed = attach_manifest(make_image(), "image/jpeg", untrusted_signer, claim)
    tampered = _flip(signed, len(signed) - 20)
    ctx = _context(tampered)
    outcome = ProvenanceCheck(verifier).run(ctx)
    assert outcome.facts["status_codes"] == ["assertion.dataHash.mismatch", UNTRUSTED]


def _context(data: bytes) -> CheckContext:
    return CheckContext(data=data, declared_media_type="image/jpeg", probe=probe(data), synthetic=True)


def _provenance_reason(data: bytes, verifier: Verifier) -> Reason:
    outcome = ProvenanceCheck(verifier).run(_context(data))
    (reason,) = [r for r in outcome.reasons if r.code in ("provenance.invalid", "provenance.untrusted")]
    return reason


VALID_SIGNATURE = frozenset({"claimSignature.validated", "claimSignature.insideValidity"})
TRUSTED_SIGNER = VALID_SIGNATURE | {"signingCredential.trusted"}


@pytest.mark.parametrize(
    ("c2pa_state", "codes", "succeeded", "state"),
    [
        ("Trusted", (), TRUSTED_SIGNER, "trusted"),
        ("Valid", (UNTRUSTED,), VALID_SIGNATURE, "untrusted"),
        ("Invalid", ("signingCredential.expired", UNTRUSTED), frozenset(), "untrusted"),
        ("Invalid", ("claimSignature.outsideValidity",), frozenset(), "untrusted"),
        ("Invalid", ("assertion.dataHash.mismatch", "signingCredential.expired"), frozenset(), "invalid"),
        ("Invalid", ("cawg.identity.assertion.mismatch",), TRUSTED_SIGNER, "trusted"),
        ("Invalid", ("cawg.x509.credential.untrusted", UNTRUSTED), VALID_SIGNATURE, "untrusted"),
        ("Invalid", ("cawg.ica.invalid_cose_sign1",), frozenset({"claimSignature.validated"}), "invalid"),
        ("Invalid", ("claimSignature.mismatch", "cawg.ica.invalid_cose_sign1"), TRUSTED_SIGNER, "invalid"),
        ("Invalid", (), frozenset(), "invalid"),
        ("Unknown", (), TRUSTED_SIGNER, None),
    ],
)
def test_state_truth_table(
    c2pa_state: str, codes: tuple[str, ...], succeeded: frozenset[str], state: str | None
) -> None:
    from gate.provenance.verify import _state  # noqa: PLC0415 - the rule itself, apart from c2pa

    assert _state(c2pa_state, by_decisiveness(codes), succeeded) == state
