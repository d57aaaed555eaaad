"""Sign with the dev PKIs, verify offline, and check every verdict a user of the gate would see."""

from __future__ import annotations

import io
import json
import random
from typing import Any

import c2pa
import pytest
from PIL import Image

from gate.errors import ProvenanceError
from gate.provenance import (
    GENERATION_LABEL,
    METADATA_EDITED,
    TRAINED_ALGORITHMIC_MEDIA,
    DevPki,
    EditAction,
    GenerationClaim,
    PreparedSigner,
    SignerConfig,
    Verifier,
    attach_manifest,
    verify_manifest,
)

from .conftest import MEDIA_TYPES, make_image


def _store(data: bytes, verifier: Verifier) -> dict[str, Any]:
    with c2pa.Reader("image/jpeg", io.BytesIO(data), context=verifier.context) as reader:
        store: dict[str, Any] = json.loads(reader.json())
    return store


def _flip(data: bytes, offset: int) -> bytes:
    out = bytearray(data)
    out[offset] ^= 0xFF
    return bytes(out)


def _strip_metadata(data: bytes) -> bytes:
    """What a metadata strip does to a JPEG here: re-encode, dropping EXIF and the APP11 manifest."""
    out = io.BytesIO()
    Image.open(io.BytesIO(data)).save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_trusted_signature_round_trips(
    fmt: str, signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    signed = attach_manifest(make_image(fmt), MEDIA_TYPES[fmt], signer, claim)
    report = verify_manifest(signed, MEDIA_TYPES[fmt], verifier)
    assert report.state == "trusted"
    assert report.status_codes == ()
    assert report.digital_source_type == TRAINED_ALGORITHMIC_MEDIA
    assert report.is_ai_generated
    assert report.claim_generator == "gate/0.1.0"
    assert report.signer_issuer == "gate development"  # the issuing CA's organisation, nothing personal
    assert report.generator_assertion == claim.assertion_data()
    assert report.active_label is not None and report.active_label.startswith("urn:c2pa:")


def test_signer_config_can_be_passed_directly(
    trusted_pki: DevPki, verifier: Verifier, claim: GenerationClaim
) -> None:
    config = SignerConfig.from_files(trusted_pki.signer_chain, trusted_pki.signer_key)
    signed = attach_manifest(make_image(), "image/jpeg", config, claim)
    assert verify_manifest(signed, "image/jpeg", verifier).state == "trusted"


def test_foreign_signer_is_untrusted_but_intact(
    untrusted_signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    report = verify_manifest(
        attach_manifest(make_image(), "image/jpeg", untrusted_signer, claim), "image/jpeg", verifier
    )
    assert report.state == "untrusted"
    assert report.status_codes == ("signingCredential.untrusted",)
    assert report.signer_issuer == "someone else"
    assert report.is_ai_generated


def test_without_anchors_nothing_is_trusted(signer: PreparedSigner, claim: GenerationClaim) -> None:
    signed = attach_manifest(make_image(), "image/jpeg", signer, claim)
    report = verify_manifest(signed, "image/jpeg", Verifier.create(None))
    assert report.state == "untrusted"
    assert "signingCredential.untrusted" in report.status_codes


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_no_manifest_is_absent(fmt: str, verifier: Verifier) -> None:
    report = verify_manifest(make_image(fmt), MEDIA_TYPES[fmt], verifier)
    assert report.state == "absent"
    assert not report.is_ai_generated


def test_changed_pixels_are_invalid(
    signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    signed = attach_manifest(make_image(), "image/jpeg", signer, claim)
    report = verify_manifest(_flip(signed, len(signed) - 10), "image/jpeg", verifier)  # entropy-coded data
    assert report.state == "invalid"
    assert "assertion.dataHash.mismatch" in report.status_codes


def test_changed_png_pixels_are_invalid(
    signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    signed = attach_manifest(make_image("PNG"), "image/png", signer, claim)
    report = verify_manifest(_flip(signed, signed.index(b"IDAT") + 10), "image/png", verifier)
    assert report.state == "invalid"
    assert "assertion.dataHash.mismatch" in report.status_codes


def test_edited_assertion_is_invalid(
    signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    signed = attach_manifest(make_image(), "image/jpeg", signer, claim)
    tampered = bytearray(signed)
    tampered[signed.index(b"product-diffusion") + 3] ^= 0x01  # still valid UTF-8: a forged value, not garbage
    report = verify_manifest(bytes(tampered), "image/jpeg", verifier)
    assert report.state == "invalid"
    assert "assertion.hashedURI.mismatch" in report.status_codes


@pytest.mark.parametrize(
    ("anchor", "shift"),
    [(b"jumb", 8), (b"c2pa.claim", 60), (b"c2pa.signature", 300), (b"c2pa.actions", 40), (b"c2cl", 2)],
)
def test_corrupt_manifest_store_is_never_a_pass(
    anchor: bytes, shift: int, signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    signed = attach_manifest(make_image(), "image/jpeg", signer, claim)
    report = verify_manifest(_flip(signed, signed.index(anchor) + shift), "image/jpeg", verifier)
    assert report.state in {"invalid", "unreadable"}
    assert report.status_codes


def _garbage() -> list[bytes]:
    rng = random.Random(50)
    signed_like = make_image()
    return [
        b"",
        b"junk",
        rng.randbytes(4096),
        b"\xff\xd8\xff" + rng.randbytes(300),
        b"\x89PNG\r\n\x1a\n" + bytes(64),
        signed_like[: len(signed_like) // 2],
    ]


@pytest.mark.parametrize("data", _garbage())
@pytest.mark.parametrize("media_type", ["image/jpeg", "image/png", "application/x-unknown"])
def test_garbage_yields_a_report_not_an_exception(data: bytes, media_type: str, verifier: Verifier) -> None:
    report = verify_manifest(data, media_type, verifier)
    assert report.state in {"absent", "unreadable"}
    assert report.generator_assertion is None


def test_truncated_signed_file_is_never_a_pass(
    signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    signed = attach_manifest(make_image(), "image/jpeg", signer, claim)
    for cut in (100, signed.index(b"c2pa.signature"), len(signed) - 50):
        assert verify_manifest(signed[:cut], "image/jpeg", verifier).state in {
            "absent",
            "invalid",
            "unreadable",
        }


def test_changed_image_keeps_its_provenance_chain(
    signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    original = attach_manifest(make_image(), "image/jpeg", signer, claim)
    edit = EditAction(METADATA_EDITED, {"org.gate.removed": ["exif"]})
    stripped = GenerationClaim("product-diffusion", "2.1", "example-ai", actions_extra=(edit,))
    resigned = attach_manifest(_strip_metadata(original), "image/jpeg", signer, stripped, parent=original)

    report = verify_manifest(resigned, "image/jpeg", verifier)
    assert report.state == "trusted"
    assert report.status_codes == ()
    assert report.is_ai_generated
    assert report.generator_assertion == stripped.assertion_data()

    store = _store(resigned, verifier)
    active = store["manifests"][store["active_manifest"]]
    actions = next(a for a in active["assertions"] if a["label"].startswith("c2pa.actions"))["data"][
        "actions"
    ]
    assert [a["action"] for a in actions] == ["c2pa.opened", METADATA_EDITED]
    assert actions[1]["parameters"] == {"org.gate.removed": ["exif"]}
    [ingredient] = active["ingredients"]
    assert ingredient["relationship"] == "parentOf"
    parent_label = verify_manifest(original, "image/jpeg", verifier).active_label
    assert ingredient["active_manifest"] == parent_label
    assert parent_label in store["manifests"]  # the original manifest travels inside the new store
    assert ingredient["validation_results"]["activeManifest"]["failure"] == []
    [delta] = store["validation_results"]["ingredientDeltas"]
    assert "ingredient.manifest.validated" in [c["code"] for c in delta["validationDeltas"]["success"]]


def test_untrusted_parent_is_recorded_in_the_ingredient(
    signer: PreparedSigner, untrusted_signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    # The gate vouches for its own manifest only; the parent's standing travels with the ingredient, as
    # c2pa recorded it when we signed (the signing Context has our anchors for exactly this reason).
    original = attach_manifest(make_image(), "image/jpeg", untrusted_signer, claim)
    resigned = attach_manifest(_strip_metadata(original), "image/jpeg", signer, claim, parent=original)
    assert verify_manifest(resigned, "image/jpeg", verifier).state == "trusted"
    store = _store(resigned, verifier)
    [ingredient] = store["manifests"][store["active_manifest"]]["ingredients"]
    failures = [c["code"] for c in ingredient["validation_results"]["activeManifest"]["failure"]]
    assert failures == ["signingCredential.untrusted"]


def test_source_type_is_found_on_the_parent_when_a_later_editor_omits_it(
    signer: PreparedSigner, untrusted_signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    original = attach_manifest(make_image(), "image/jpeg", signer, claim)
    # A third-party editor using the Edit intent writes c2pa.opened without a digitalSourceType.
    with c2pa.Builder(
        {"claim_generator_info": [{"name": "other-editor"}]}, context=untrusted_signer.context
    ) as builder:
        builder.set_intent(c2pa.C2paBuilderIntent.EDIT)
        out = io.BytesIO()
        builder.sign(untrusted_signer.signer, "image/jpeg", io.BytesIO(original), out)
    report = verify_manifest(out.getvalue(), "image/jpeg", verifier)
    assert report.claim_generator == "other-editor"
    assert report.digital_source_type == TRAINED_ALGORITHMIC_MEDIA
    assert report.is_ai_generated
    assert report.generator_assertion is None  # ours lives in the parent, not the active manifest


def test_foreign_assertion_under_our_label_is_flagged_not_returned(
    untrusted_signer: PreparedSigner, verifier: Verifier
) -> None:
    definition = {
        "claim_generator_info": [{"name": "imitator"}],
        "assertions": [{"label": GENERATION_LABEL, "data": {"prompt": "a portrait of a customer"}}],
    }
    with c2pa.Builder(definition, context=untrusted_signer.context) as builder:
        builder.set_intent(c2pa.C2paBuilderIntent.CREATE, c2pa.C2paDigitalSourceType.DIGITAL_CAPTURE)
        out = io.BytesIO()
        builder.sign(untrusted_signer.signer, "image/jpeg", io.BytesIO(make_image()), out)
    report = verify_manifest(out.getvalue(), "image/jpeg", verifier)
    assert report.generator_assertion is None
    assert "gate.generationAssertion.invalid" in report.status_codes
    assert report.is_ai_generated is False  # digitalCapture


def test_same_inputs_name_the_same_manifest(
    signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    data = make_image()
    first = attach_manifest(data, "image/jpeg", signer, claim)
    second = attach_manifest(data, "image/jpeg", signer, claim)
    one, two = verify_manifest(first, "image/jpeg", verifier), verify_manifest(second, "image/jpeg", verifier)
    assert one.state == two.state == "trusted"
    assert one.active_label == two.active_label
    assert len(first) == len(second)


def test_signed_bytes_still_differ_because_c2pa_salts_every_assertion(
    signer: PreparedSigner, claim: GenerationClaim
) -> None:
    # Known gap, kept as a canary: c2pa-rs adds 16 random salt bytes to each assertion box (no setting turns
    # it off). If this starts failing, outputs became byte-identical and dedup could key on the bytes.
    data = make_image()
    assert attach_manifest(data, "image/jpeg", signer, claim) != attach_manifest(
        data, "image/jpeg", signer, claim
    )


def test_different_claim_or_signer_names_a_different_manifest(
    signer: PreparedSigner, untrusted_signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    data = make_image()
    base = verify_manifest(
        attach_manifest(data, "image/jpeg", signer, claim), "image/jpeg", verifier
    ).active_label
    other_claim = GenerationClaim("product-diffusion", "2.2", "example-ai")
    labels = {
        verify_manifest(
            attach_manifest(data, "image/jpeg", signer, other_claim), "image/jpeg", verifier
        ).active_label,
        verify_manifest(
            attach_manifest(data, "image/jpeg", untrusted_signer, claim), "image/jpeg", verifier
        ).active_label,
    }
    assert base not in labels and len(labels) == 2


@pytest.mark.parametrize(
    ("data", "media_type"),
    [(make_image(), "application/x-unknown"), (b"secret-looking-bytes", "image/jpeg")],
)
def test_signing_failures_are_provenance_errors_naming_the_operation(
    data: bytes, media_type: str, signer: PreparedSigner, claim: GenerationClaim
) -> None:
    with pytest.raises(ProvenanceError, match="signing the C2PA manifest failed") as info:
        attach_manifest(data, media_type, signer, claim)
    assert "secret" not in str(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__


def test_numeric_arrays_in_parameters_survive_the_round_trip(
    signer: PreparedSigner, verifier: Verifier
) -> None:
    # c2pa-rs 0.91.3's JSON report turns [1024, 768] into "AAM=" (contentauth/c2pa-rs#2570); we read crJSON.
    params = {"size": [1024, 768], "weights": [0.5, -1.0], "seeds": [1, 2, 3], "nested": {"ids": [7, 300]}}
    claim = GenerationClaim("m", "1", "p", parameters=params)
    report = verify_manifest(
        attach_manifest(make_image(), "image/jpeg", signer, claim), "image/jpeg", verifier
    )
    assert report.generator_assertion is not None
    assert report.generator_assertion["parameters"] == params


def test_unreadable_parent_is_a_provenance_error(signer: PreparedSigner, claim: GenerationClaim) -> None:
    with pytest.raises(ProvenanceError, match="signing the C2PA manifest failed"):
        attach_manifest(make_image(), "image/jpeg", signer, claim, parent=b"\xff\xd8\xff" + bytes(40))
