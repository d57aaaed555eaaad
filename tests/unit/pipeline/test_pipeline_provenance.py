"""The decision core on real images: signing, verifying, tampering, stripping and re-signing."""

from __future__ import annotations

import dataclasses
import io
import struct

import c2pa
import pytest
from PIL import Image

from gate.core.checks import provenance as provenance_check
from gate.core.event import Generation, ModelInfo
from gate.core.pipeline import Pipeline
from gate.demo.images import A1111_PARAMETERS, camera_exif, jpeg_bytes, png_bytes, product_image, tamper_jpeg
from gate.imaging import jpeg, probe, read_metadata
from gate.model import Verdict
from gate.provenance import (
    GENERATION_LABEL,
    GenerationClaim,
    PreparedSigner,
    ProvenanceReport,
    SignerConfig,
    TrustAnchors,
    Verifier,
    attach_manifest,
    verify_manifest,
)
from gate.schemas import GENERATION_METADATA, schema_errors
from tests.unit.imaging.images import photoshop_resource, with_app13

SYNTHETIC = Generation(
    synthetic=True,
    model=ModelInfo("sdxl-base", "1.0", "stability.ai"),
    parameters={"prompt": "a red handbag", "seed": 42, "steps": 30, "customer_id": "C-1001"},
    training_data_sources=("licensed-stock",),
)


def photo(seed: int = 1, **exif: bool) -> bytes:
    image = product_image(160, 120, seed=seed)
    return jpeg_bytes(image, exif=camera_exif(**exif) if exif else None)


def pixels(data: bytes) -> bytes:
    return Image.open(io.BytesIO(data)).convert("RGB").tobytes()


def signed_by(pki, data: bytes) -> bytes:  # type: ignore[no-untyped-def]
    claim = GenerationClaim(model_name="m", model_version="1", provider="p")
    return attach_manifest(
        data, "image/jpeg", SignerConfig.from_files(pki.signer_chain, pki.signer_key), claim
    )


def test_synthetic_without_manifest_gets_a_trusted_minimised_manifest(gate: Pipeline, pki) -> None:  # type: ignore[no-untyped-def]
    evaluation = gate.evaluate(photo(), synthetic=True, generation=SYNTHETIC)
    assert evaluation.verdict is Verdict.QUARANTINED  # customer_id is personal data
    clean = dataclasses.replace(SYNTHETIC, parameters={"prompt": "a red handbag", "seed": 42, "steps": 30})
    evaluation = gate.evaluate(photo(), synthetic=True, generation=clean)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.actions == ("manifest.attached",)
    assert evaluation.output is not None
    report = verify_manifest(
        evaluation.output, "image/jpeg", Verifier.create(TrustAnchors.from_pem_file(pki.root_ca))
    )
    assert report.state == "trusted"
    assert report.is_ai_generated
    assert report.generator_assertion is not None
    assert schema_errors(GENERATION_METADATA, dict(report.generator_assertion)) == []
    # Only allowed keys: the prompt is not in the default allow-list.
    assert report.generator_assertion["parameters"] == {"seed": 42, "steps": 30}
    assert report.generator_assertion["model"] == {
        "name": "sdxl-base",
        "version": "1.0",
        "provider": "stability.ai",
    }
    assert pixels(evaluation.output) == pixels(photo())


def test_signed_image_round_trip_is_approved_without_changes(gate: Pipeline, pki) -> None:  # type: ignore[no-untyped-def]
    evaluation = gate.evaluate(signed_by(pki, photo()), synthetic=True)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.decision.reasons == ()
    assert evaluation.output is None


def test_untrusted_signer_is_quarantined(gate: Pipeline, other_pki) -> None:  # type: ignore[no-untyped-def]
    evaluation = gate.evaluate(signed_by(other_pki, photo()), synthetic=True)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert evaluation.decision.reason_codes == ("provenance.untrusted",)


def test_tampered_image_is_rejected_with_the_c2pa_code(gate: Pipeline, pki) -> None:  # type: ignore[no-untyped-def]
    signed = signed_by(pki, photo())
    tampered = tamper_jpeg(signed)
    evaluation = gate.evaluate(tampered, synthetic=True)
    assert evaluation.verdict is Verdict.REJECTED
    reason = evaluation.decision.reasons[0].reason
    assert reason.code == "provenance.invalid"
    assert reason.detail and "mismatch" in reason.detail


def test_real_photo_with_gps_is_stripped_losslessly(gate: Pipeline) -> None:
    original = photo(gps=True, serial=True)
    evaluation = gate.evaluate(original, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.actions == ("metadata.stripped",)
    assert evaluation.output is not None
    assert pixels(evaluation.output) == pixels(original)
    left = read_metadata(evaluation.output, probe(evaluation.output, gate.checks[1].limits))  # type: ignore[attr-defined]
    assert not [item for item in left.items if item.kind in ("location", "device_id")]


def test_gps_in_a_photoshop_exif_resource_is_stripped_like_gps_in_app1(gate: Pipeline) -> None:
    # The same EXIF moved from APP1 into APP13's "EXIF data 1" resource, where a reader of APP1 alone
    # would publish it.
    tiff = camera_exif(gps=True, serial=True).tobytes()
    original = with_app13(photo(gps=False, serial=False), photoshop_resource(0x0422, tiff))
    evaluation = gate.evaluate(original, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.actions == ("metadata.stripped",)
    found = {(r.reason.path, r.reason.entity) for r in evaluation.decision.reasons}
    assert ("/photoshop/exif/GPSInfo/GPSLatitude", "LOCATION") in found
    assert ("/photoshop/exif/BodySerialNumber", "DEVICE_ID") in found
    assert evaluation.output is not None
    assert pixels(evaluation.output) == pixels(original)
    left = read_metadata(evaluation.output, probe(evaluation.output, gate.checks[1].limits))  # type: ignore[attr-defined]
    assert not [item for item in left.items if item.kind in ("location", "device_id")]


def test_stripping_a_signed_image_renews_the_manifest_with_the_original_as_parent(
    gate: Pipeline, pki
) -> None:  # type: ignore[no-untyped-def]
    original = signed_by(pki, photo(gps=True, serial=False))
    evaluation = gate.evaluate(original, synthetic=True)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.actions == ("metadata.stripped", "manifest.renewed")
    assert evaluation.output is not None
    verifier = Verifier.create(TrustAnchors.from_pem_file(pki.root_ca))
    report = verify_manifest(evaluation.output, "image/jpeg", verifier)
    assert report.state == "trusted"
    assert report.is_ai_generated  # the AI marking survives the edit
    # The gate's own re-check of its output: intact, nothing left to strip.
    again = gate.evaluate(evaluation.output, synthetic=True)
    assert again.verdict is Verdict.APPROVED
    assert again.decision.reasons == ()


def test_a_synthetic_photo_with_gps_is_stripped_then_signed_over_the_stripped_bytes(
    gate: Pipeline, pki
) -> None:  # type: ignore[no-untyped-def]
    """The signature must bind the bytes published, not the ones that arrived (whose hash the gate has)."""
    original = photo(gps=True, serial=True)
    clean = dataclasses.replace(SYNTHETIC, parameters={"seed": 42, "steps": 30})
    evaluation = gate.evaluate(original, synthetic=True, generation=clean)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.actions == ("metadata.stripped", "manifest.attached")
    assert evaluation.output is not None
    verifier = Verifier.create(TrustAnchors.from_pem_file(pki.root_ca))
    assert verify_manifest(evaluation.output, "image/jpeg", verifier).state == "trusted"
    assert pixels(evaluation.output) == pixels(original)


def test_personal_data_in_any_part_of_a_trusted_generation_assertion_is_found(gate: Pipeline, pki) -> None:  # type: ignore[no-untyped-def]
    """Even where c2pa's crJSON rendering would drop it (inside an icon object) and crJSON is asked."""
    parameters = {
        "style": {"icon": {"identifier": "x", "note": "jane.doe@example.com"}},
        "size": [1024, 1024],
    }
    claim = GenerationClaim(model_name="m", model_version="1", provider="p", parameters=parameters)
    signer = SignerConfig.from_files(pki.signer_chain, pki.signer_key)
    evaluation = gate.evaluate(attach_manifest(photo(), "image/jpeg", signer, claim), synthetic=True)
    assert evaluation.verdict is Verdict.QUARANTINED
    found = [(r.reason.code, r.reason.entity, r.reason.path) for r in evaluation.decision.reasons]
    assert found == [
        ("provenance.personal_data", "EMAIL_ADDRESS", "/manifest/generation/parameters/style/icon/note")
    ]


def test_personal_data_in_an_ingredients_generation_assertion_is_found(gate: Pipeline, pki) -> None:  # type: ignore[no-untyped-def]
    """The parent's manifest is published inside the child's store, so its assertion is scanned too."""
    signer = SignerConfig.from_files(pki.signer_chain, pki.signer_key)
    leaky = GenerationClaim(
        model_name="m", model_version="1", provider="p", parameters={"note": "jane@example.com"}
    )
    parent = attach_manifest(photo(seed=3), "image/jpeg", signer, leaky)
    clean = GenerationClaim(model_name="m", model_version="1", provider="p", parameters={"steps": 30})
    child = attach_manifest(photo(seed=3), "image/jpeg", signer, clean, parent=parent)
    evaluation = gate.evaluate(child, synthetic=True)
    assert evaluation.verdict is Verdict.QUARANTINED
    ((code, entity, path),) = [
        (r.reason.code, r.reason.entity, r.reason.path) for r in evaluation.decision.reasons
    ]
    assert (code, entity) == ("provenance.personal_data", "EMAIL_ADDRESS")
    assert path.startswith("/manifest/ingredient/urn:") and path.endswith("/generation/parameters/note")


@pytest.mark.parametrize(
    "style", [{"hash": [1, 2, 3]}, {"signature": [9, 9]}, {"icon": {"url": "a", "n": "ddim"}}]
)
def test_parameters_the_gate_could_not_read_back_stay_out_of_its_manifest(gate: Pipeline, style) -> None:  # type: ignore[no-untyped-def]
    generation = dataclasses.replace(SYNTHETIC, parameters={"steps": 30, "style": style})
    evaluation = gate.evaluate(photo(), synthetic=True, generation=generation)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.output is not None
    again = gate.evaluate(evaluation.output, synthetic=True)
    assert (again.verdict, again.decision.reasons) == (Verdict.APPROVED, ())


def test_parameters_just_within_the_event_limits_are_signed_and_pass_the_re_check(gate: Pipeline) -> None:
    """The manifest adds model and gate members to the parameters: its scan must not be the tighter one."""
    largest = Generation(synthetic=True, parameters={"style": ["x"] * 9995})
    evaluation = gate.evaluate(photo(), synthetic=True, generation=largest)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.output is not None
    again = gate.evaluate(evaluation.output, synthetic=True, generation=largest)
    assert (again.verdict, again.decision.reasons) == (Verdict.APPROVED, ())
    too_many = Generation(synthetic=True, parameters={"style": ["x"] * 9996})
    assert (
        "params.limits" in gate.evaluate(photo(), synthetic=True, generation=too_many).decision.reason_codes
    )


def test_an_unreadable_assertion_under_our_label_is_never_approved(gate: Pipeline, pki) -> None:  # type: ignore[no-untyped-def]
    """A trusted signer's manifest whose org.gate.generation is not our shape cannot be scanned."""
    definition = {
        "claim_generator_info": [{"name": "partner"}],
        "assertions": [{"label": GENERATION_LABEL, "data": {"prompt": "portrait of a customer"}}],
    }
    signer = PreparedSigner.create(SignerConfig.from_files(pki.signer_chain, pki.signer_key))
    with c2pa.Builder(definition, context=signer.context) as builder:
        builder.set_intent(
            c2pa.C2paBuilderIntent.CREATE, c2pa.C2paDigitalSourceType.TRAINED_ALGORITHMIC_MEDIA
        )
        out = io.BytesIO()
        builder.sign(signer.signer, "image/jpeg", io.BytesIO(photo()), out)
    evaluation = gate.evaluate(out.getvalue(), synthetic=True)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert evaluation.decision.reason_codes == ("provenance.generation_invalid",)


def test_a_manifest_store_between_the_scans_of_a_progressive_jpeg_is_removed(gate: Pipeline, pki) -> None:  # type: ignore[no-untyped-def]
    """c2pa-rs reads APP11 only before the first scan; a store after it (with its assertions) is read by
    nobody, so it must not ride along into the catalogue: it is removed before the image is signed."""
    out = io.BytesIO()
    product_image(96, 64, seed=5).save(out, "JPEG", progressive=True)
    progressive = out.getvalue()
    claim = GenerationClaim(
        model_name="m", model_version="1", provider="p", parameters={"note": "x@y.example"}
    )
    signed = attach_manifest(
        progressive, "image/jpeg", SignerConfig.from_files(pki.signer_chain, pki.signer_key), claim
    )
    app11 = [seg for seg in jpeg.walk(signed).segments if seg.marker == jpeg.APP11]
    store = b"".join(signed[seg.start : seg.end] for seg in app11)
    unsigned = signed[: app11[0].start] + signed[app11[-1].end :]
    assert unsigned == progressive
    second_scan = [seg for seg in jpeg.walk(unsigned).segments if seg.marker == jpeg.SOS][1]
    hidden = unsigned[: second_scan.start] + store + unsigned[second_scan.start :]
    evaluation = gate.evaluate(
        hidden, synthetic=True, generation=dataclasses.replace(SYNTHETIC, parameters={})
    )
    assert evaluation.verdict is Verdict.APPROVED
    assert [(r.reason.code, r.reason.path) for r in evaluation.decision.reasons if r.reason.path] == [
        ("metadata.uninspected", "/jpeg/APP11/0")
    ]
    assert evaluation.output is not None
    assert store not in evaluation.output
    assert b"x@y.example" not in evaluation.output


def test_stripping_a_signed_image_without_a_signer_is_quarantined(gate_without_signer: Pipeline, pki) -> None:  # type: ignore[no-untyped-def]
    original = signed_by(pki, photo(gps=True, serial=False))
    evaluation = gate_without_signer.evaluate(original, synthetic=True)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert evaluation.output is None


def test_synthetic_without_signer_is_quarantined(gate_without_signer: Pipeline) -> None:
    evaluation = gate_without_signer.evaluate(photo(), synthetic=True)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert evaluation.decision.reasons[0].rule == "mark-synthetic.fallback"


def test_a1111_png_not_declared_synthetic_is_quarantined(gate: Pipeline) -> None:
    data = png_bytes(product_image(64, 48), text={"parameters": A1111_PARAMETERS})
    evaluation = gate.evaluate(data)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert "provenance.undeclared_synthetic" in evaluation.decision.reason_codes


def test_personal_data_in_free_text_metadata_is_found(gate: Pipeline) -> None:
    data = jpeg_bytes(product_image(64, 48), comment="shot for jane.doe@example.com")
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    found = [(r.reason.code, r.reason.entity) for r in evaluation.decision.reasons]
    assert ("metadata.personal_data", "EMAIL_ADDRESS") in found


def test_personal_data_anywhere_in_the_declared_generation_is_found_and_never_signed(
    spec, pki, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    generation = Generation(
        synthetic=True,
        model=ModelInfo("sdxl-base", "1.0", "Anna Schmidt, +49 151 23456789"),
        parameters={"seed": 42},
        training_data_sources=("licensed-stock", "customer photos of anna.schmidt@example.com"),
    )
    gate = spec.build()
    evaluation = gate.evaluate(photo(), synthetic=True, generation=generation)
    assert evaluation.verdict is Verdict.QUARANTINED
    paths = {(r.reason.entity, r.reason.path) for r in evaluation.decision.reasons}
    assert ("PHONE_NUMBER", "/generation/model/provider") in paths
    assert ("EMAIL_ADDRESS", "/generation/training_data_sources/1") in paths
    # Even a policy that lets such events through never writes the flagged fields into the manifest.
    lenient = tmp_path / "lenient.yaml"
    lenient.write_text(
        'version: "lenient-1"\nrules:\n'
        "  - match: {code: params.personal_data}\n    outcome: approve\n"
        "  - match: {code: provenance.missing}\n    outcome: approve\n    remediation: attach_manifest\n"
    )
    lenient_gate = dataclasses.replace(spec, policy=lenient).build()
    evaluation = lenient_gate.evaluate(photo(), synthetic=True, generation=generation)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.output is not None
    assert b"anna.schmidt" not in evaluation.output and b"23456789" not in evaluation.output
    report = verify_manifest(
        evaluation.output, "image/jpeg", Verifier.create(TrustAnchors.from_pem_file(pki.root_ca))
    )
    assert report.generator_assertion is not None
    assert report.generator_assertion["model"]["provider"] == "withheld"
    assert report.generator_assertion["training_data_sources"] == ["licensed-stock"]


def test_a_declaration_too_big_to_scan_is_never_signed_even_if_a_policy_approves(spec, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lenient = tmp_path / "lenient.yaml"
    lenient.write_text(
        'version: "lenient-2"\nlimits: {params_max_nodes: 10}\nrules:\n'
        "  - match: {code: params.limits}\n    outcome: approve\n"
        "  - match: {code: provenance.missing}\n    outcome: approve\n    remediation: attach_manifest\n"
    )
    gate = dataclasses.replace(spec, policy=lenient).build()
    parameters = {f"k{n}": "contact jane.doe@example.com" for n in range(20)}
    generation = Generation(synthetic=True, model=ModelInfo("m", "1", "p"), parameters=parameters)
    evaluation = gate.evaluate(photo(), synthetic=True, generation=generation)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert evaluation.output is None
    assert "gate.error" in evaluation.decision.reason_codes


def test_only_the_flagged_training_source_is_withheld(spec, pki, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lenient = tmp_path / "lenient.yaml"
    lenient.write_text(
        'version: "lenient-3"\nrules:\n'
        "  - match: {code: params.personal_data}\n    outcome: approve\n"
        "  - match: {code: provenance.missing}\n    outcome: approve\n    remediation: attach_manifest\n"
    )
    sources = tuple(f"licensed-set-{n}" for n in range(11))
    sources = (sources[0], "photos of jane.doe@example.com", *sources[2:])
    generation = Generation(synthetic=True, model=ModelInfo("m", "1", "p"), training_data_sources=sources)
    evaluation = (
        dataclasses.replace(spec, policy=lenient)
        .build()
        .evaluate(photo(), synthetic=True, generation=generation)
    )
    assert evaluation.output is not None
    verifier = Verifier.create(TrustAnchors.from_pem_file(pki.root_ca))
    report = verify_manifest(evaluation.output, "image/jpeg", verifier)
    assert report.generator_assertion is not None
    kept = report.generator_assertion["training_data_sources"]
    assert kept == [s for s in sources if "jane" not in s]  # index 10 survives a flag on index 1


class _VerifySpy:
    """Counts the provenance check's calls into c2pa (through verify_manifest) and passes them on."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, data: bytes, media_type: str, verifier: Verifier) -> ProvenanceReport:
        self.calls += 1
        return verify_manifest(data, media_type, verifier)


def remote_only(gate: Pipeline, data: bytes) -> bytes:
    """`data` signed with a manifest that is not embedded, only named by URL in XMP (dcterms:provenance)."""
    assert gate.signer is not None
    with c2pa.Builder({"claim_generator_info": [{"name": "remote"}]}, context=gate.signer.context) as builder:
        builder.set_intent(
            c2pa.C2paBuilderIntent.CREATE, c2pa.C2paDigitalSourceType.TRAINED_ALGORITHMIC_MEDIA
        )
        builder.set_no_embed()
        builder.set_remote_url("http://127.0.0.1:9/manifest.c2pa")
        out = io.BytesIO()
        builder.sign(gate.signer.signer, "image/jpeg", io.BytesIO(data), out)
    return out.getvalue()


def test_c2pa_is_not_asked_about_an_image_whose_walk_rules_a_manifest_out(
    gate: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    spy = _VerifySpy()
    monkeypatch.setattr(provenance_check, "verify_manifest", spy)
    clean = dataclasses.replace(SYNTHETIC, parameters={"seed": 42})
    evaluation = gate.evaluate(photo(), synthetic=True, generation=clean)
    assert spy.calls == 0
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.actions == ("manifest.attached",)
    (result,) = [r for r in evaluation.results if r.check == "provenance"]
    assert result.facts["state"] == "absent"


@pytest.mark.parametrize("case", ["embedded", "remote", "uninspected"])
def test_c2pa_is_asked_whenever_a_manifest_may_be_there(
    gate: Pipeline,
    pki,
    monkeypatch: pytest.MonkeyPatch,
    case: str,  # type: ignore[no-untyped-def]
) -> None:
    data = {
        "embedded": lambda: signed_by(pki, photo()),
        "remote": lambda: remote_only(gate, photo()),
        # An APP11 JUMBF box the gate does not recognise as C2PA: unread, so it rules nothing out.
        "uninspected": lambda: (
            photo()[:2] + b"\xff\xeb\x00\x2a" + b"JP\x00\x01\x00\x00\x00\x01" + b"\x00" * 32 + photo()[2:]
        ),
    }[case]()
    spy = _VerifySpy()
    monkeypatch.setattr(provenance_check, "verify_manifest", spy)
    evaluation = gate.evaluate(data, synthetic=True)
    assert spy.calls == 1
    if case == "remote":  # c2pa refuses to fetch it: never approved, never treated as unsigned
        assert evaluation.verdict is not Verdict.APPROVED
        assert ("provenance.invalid", "manifest.inaccessible") in [
            (r.reason.code, r.reason.detail) for r in evaluation.decision.reasons
        ]


def test_a_remote_manifest_is_quarantined_not_rejected_as_tampered(gate: Pipeline) -> None:
    # A cloud manifest is a C2PA feature, not a forgery: the gate cannot verify it offline, so a human
    # decides (rule remote-manifest); an embedded store that does not parse is still rejected.
    evaluation = gate.evaluate(remote_only(gate, photo()), synthetic=True)
    assert evaluation.verdict is Verdict.QUARANTINED
    (decided,) = [r for r in evaluation.decision.reasons if r.reason.code == "provenance.invalid"]
    assert (decided.reason.detail, decided.rule) == ("manifest.inaccessible", "remote-manifest")


def _hide_manifest(signed: bytes, wrapper: str) -> bytes:
    """Move a signed JPEG's C2PA segment to where c2pa-rs (img-parts) still reads it but a walk that sizes
    segments by their length fields would skip it."""
    (seg,) = [s for s in jpeg.walk(signed).segments if s.marker == jpeg.APP11]
    app11, rest = signed[seg.start : seg.end], signed[: seg.start] + signed[seg.end :]
    if wrapper == "RST0":
        # img-parts reads a length after RST0 (the next marker's FF FE: 65534), skips that far and
        # resumes inside the second COM's payload, where the manifest waits.
        first = b"\x00" * 29_998
        second = b"\x00" * (0xFFFE - 2 - 30_000 - 4) + app11 + b"\x00" * 8
        hidden = b"\xff\xd0" + segment(jpeg.COM, first) + segment(jpeg.COM, second)
    else:  # markers img-parts reads without a length: it resumes at the next 0xFF, inside the payload
        marker = {"DNL": 0xDC, "DHP": 0xDE, "EXP": 0xDF}[wrapper]
        hidden = segment(marker, app11 + b"\x00" * 4)
    return rest[:2] + hidden + rest[2:]


def segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


@pytest.mark.parametrize("wrapper", ["DNL", "DHP", "EXP", "RST0"])
@pytest.mark.parametrize("synthetic", [True, False])
def test_a_manifest_hidden_from_the_walk_is_never_taken_for_no_manifest(  # type: ignore[no-untyped-def]
    gate: Pipeline, pki, wrapper: str, synthetic: bool
) -> None:
    crafted = _hide_manifest(signed_by(pki, photo()), wrapper)
    # Control: c2pa really reads a manifest there, so calling it "absent" would be wrong.
    with c2pa.Reader.try_create("image/jpeg", io.BytesIO(crafted)) as reader:
        assert reader is not None
    evaluation = gate.evaluate(crafted, synthetic=synthetic)
    assert evaluation.verdict is Verdict.REJECTED
    assert "image.undecodable" in evaluation.decision.reason_codes
