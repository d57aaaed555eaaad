"""Every assertion of a manifest store is published with the image, so every one is scanned.

Real C2PA signing and verification with the project's dev PKI: each manifest is built with c2pa-python's
Builder, signed by a trusted key, and read back by the gate.
"""

from __future__ import annotations

import io
from typing import Any

import c2pa
import pytest

from gate.core.pipeline import Pipeline
from gate.demo.images import jpeg_bytes, product_image
from gate.model import Verdict
from gate.provenance import DevPki, GenerationClaim, PreparedSigner, SignerConfig, attach_manifest
from gate.provenance.manifest import TRAINED_ALGORITHMIC_MEDIA
from gate.provenance.verify import _other_assertions

CREATED = {
    "action": "c2pa.created",
    "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA,
}


def photo(seed: int = 1) -> bytes:
    return jpeg_bytes(product_image(160, 120, seed=seed))


def signed(pki: DevPki, assertions: list[dict[str, Any]], data: bytes | None = None) -> bytes:
    """`data` (a fresh photo by default) with a trusted manifest holding exactly `assertions`."""
    definition = {"claim_generator_info": [{"name": "partner-generator"}], "assertions": assertions}
    signer = PreparedSigner.create(SignerConfig.from_files(pki.signer_chain, pki.signer_key))
    with c2pa.Builder(definition, context=signer.context) as builder:
        out = io.BytesIO()
        builder.sign(signer.signer, "image/jpeg", io.BytesIO(data or photo()), out)
    return out.getvalue()


def actions(**extra: Any) -> dict[str, Any]:
    return {"label": "c2pa.actions.v2", "data": {"actions": [{**CREATED, **extra}]}}


def creative_work(author: dict[str, Any]) -> dict[str, Any]:
    """A schema.org CreativeWork assertion with one author, as C2PA tools write it."""
    data = {"@context": "https://schema.org", "@type": "CreativeWork", "author": [author]}
    return {"label": "stds.schema-org.CreativeWork", "data": data}


def findings(gate: Pipeline, data: bytes) -> list[tuple[str, str | None, str | None]]:
    evaluation = gate.evaluate(data, synthetic=True)
    return [(r.reason.code, r.reason.entity, r.reason.path) for r in evaluation.decision.reasons]


def test_a_clean_partner_manifest_is_approved(gate: Pipeline, pki: DevPki) -> None:
    data = signed(pki, [actions(softwareAgent={"name": "Studio Gen", "version": "4.2"})])
    evaluation = gate.evaluate(data, synthetic=True)
    assert (evaluation.verdict, evaluation.decision.reasons) == (Verdict.APPROVED, ())


def test_personal_data_in_an_actions_description_is_found(gate: Pipeline, pki: DevPki) -> None:
    data = signed(pki, [actions(description="retouched for jane.doe@example.com")])
    assert findings(gate, data) == [
        (
            "provenance.personal_data",
            "EMAIL_ADDRESS",
            "/manifest/assertion/c2pa.actions.v2/actions/0/description",
        )
    ]


def test_personal_data_in_a_creator_assertion_is_found(gate: Pipeline, pki: DevPki) -> None:
    creator = creative_work({"@type": "Person", "name": "Jane Doe", "email": "jane.doe@example.com"})
    found = findings(gate, signed(pki, [actions(), creator]))
    assert (
        "provenance.personal_data",
        "EMAIL_ADDRESS",
        "/manifest/assertion/stds.schema-org.CreativeWork/author/0/email",
    ) in found
    assert all(code == "provenance.personal_data" for code, _, _ in found)


def test_an_organisation_as_author_is_approved(gate: Pipeline, pki: DevPki) -> None:
    creator = creative_work({"@type": "Organization", "name": "Acme Studios", "@id": "https://acme.example/"})
    evaluation = gate.evaluate(signed(pki, [actions(), creator]), synthetic=True)
    assert (evaluation.verdict, evaluation.decision.reasons) == (Verdict.APPROVED, ())


def test_a_custom_assertion_is_scanned_and_named_by_position(gate: Pipeline, pki: DevPki) -> None:
    notes = {"label": "com.partner.notes", "data": {"customer_phone": "+49 151 23456789"}}
    leaky_label = {"label": "jane.doe@example.com", "data": {"note": "ok"}}
    found = findings(gate, signed(pki, [actions(), notes, leaky_label]))
    assert (
        "provenance.personal_data",
        "PHONE_NUMBER",
        "/manifest/assertion/*1/customer_phone",
    ) in found
    assert all("jane" not in (path or "") for _, _, path in found)


def test_gps_in_an_exif_assertion_is_found(gate: Pipeline, pki: DevPki) -> None:
    exif = {
        "label": "stds.exif",
        "data": {
            "@context": {"exif": "http://ns.adobe.com/exif/1.0/"},
            "exif:GPSLatitude": "39,21.102N",
            "exif:GPSLongitude": "74,26.5737W",
            "exif:Make": "Canon",
        },
    }
    assert findings(gate, signed(pki, [actions(), exif])) == [
        ("provenance.personal_data", "LOCATION", "/manifest/assertion/stds.exif/exif:GPSLatitude"),
        ("provenance.personal_data", "LOCATION", "/manifest/assertion/stds.exif/exif:GPSLongitude"),
    ]


def test_an_ingredients_assertions_are_scanned_too(gate: Pipeline, pki: DevPki) -> None:
    """The parent's manifest is published inside the child's store."""
    parent = signed(pki, [actions(description="made for jane.doe@example.com")], photo(seed=4))
    clean = GenerationClaim(model_name="m", model_version="1", provider="p", parameters={"steps": 30})
    child = attach_manifest(
        photo(seed=4),
        "image/jpeg",
        SignerConfig.from_files(pki.signer_chain, pki.signer_key),
        clean,
        parent=parent,
    )
    ((code, entity, path),) = findings(gate, child)
    assert (code, entity) == ("provenance.personal_data", "EMAIL_ADDRESS")
    assert path is not None and path.startswith("/manifest/ingredient/urn:")
    assert path.endswith("/assertion/c2pa.actions.v2/actions/0/description")


def test_an_assertion_too_large_to_scan_is_never_approved(gate: Pipeline, pki: DevPki) -> None:
    bulky = {"label": "com.partner.log", "data": {"steps": ["x"] * 70_000}}
    evaluation = gate.evaluate(signed(pki, [actions(), bulky]), synthetic=True)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert [(r.reason.code, r.reason.path) for r in evaluation.decision.reasons] == [
        ("provenance.assertion_limits", "/manifest/assertion/*1")
    ]


def test_our_own_assertion_is_not_read_again_as_another_one() -> None:
    # Ours is read exactly and scanned on its own; everything else c2pa-rs reports is another assertion,
    # whatever its label says (a signer chooses labels: "c2pa.hash.notes" is just a name).
    store_manifest = {
        "assertions": [
            {"label": "org.gate.generation", "data": {"model": {}}},
            {"label": "c2pa.hash.notes", "data": {"contact": "x"}},
            {"label": "com.partner.flag", "data": True},
            {"label": "com.partner.empty"},
        ]
    }
    labels = ["org.gate.generation", "c2pa.hash.notes", "com.partner.flag", "com.partner.empty"]
    assert _other_assertions({"urn:x": store_manifest}) == (
        ("urn:x", 1, "c2pa.hash.notes", {"contact": "x"}),
        ("urn:x", 2, "com.partner.flag", True),
        # The labels are the writer's text too, scanned with the manifest's own fields (redimg round).
        ("urn:x", 4, "gate.manifest-fields", {"assertion_labels": labels}),
    )


def test_a_label_that_looks_computed_does_not_hide_its_data(gate: Pipeline, pki: DevPki) -> None:
    notes = {"label": "c2pa.hash.notes", "data": {"contact": "jane.doe@example.com"}}
    assert findings(gate, signed(pki, [actions(), notes])) == [
        ("provenance.personal_data", "EMAIL_ADDRESS", "/manifest/assertion/*1/contact")
    ]


@pytest.mark.parametrize(
    "label",
    [
        "c2pa.jane.doe@example.com",
        "stds.+49 151 23456789",
        "cawg.Jane Doe",
        "com.jane.doe",
        "c2pa.4915123456789",
        "c2pa.192.168.1.20",
        "stds.schema-org.JaneDoe",
    ],
)
def test_a_label_in_a_standard_namespace_is_not_spelled_when_it_may_hold_personal_data(
    gate: Pipeline, pki: DevPki, label: str
) -> None:
    leaky = {"label": label, "data": {"contact": "ops@example.com"}}
    found = findings(gate, signed(pki, [actions(), leaky]))
    assert found[0] == ("provenance.personal_data", "EMAIL_ADDRESS", "/manifest/assertion/*1/contact")
    # What the label itself holds is found too (redimg round), under the labels' position, never spelled:
    # the label's own (item 1), or the list's where the labels read joined hold it (addr23's lines).
    labels = "/manifest/assertion/*2/assertion_labels"
    assert all(path in (labels, f"{labels}/1") for _, _, path in found[1:])
    assert all(label not in path for _, _, path in found)


def test_the_standards_labels_are_spelled() -> None:
    from gate.core.checks.provenance import _label_token  # noqa: PLC0415

    for label in (
        "c2pa.actions.v2",
        "c2pa.ingredient.v3__2",
        "stds.schema-org.CreativeWork",
        "cawg.identity",
    ):
        assert _label_token(label, 7) == label
    assert _label_token("urn:c2pa:3fad1ead-8ed5-44d0-873b-ea5f58adea82", 7).startswith("urn:c2pa:")
    assert _label_token("urn:c2pa:3fad1ead-8ed5-44d0-873b-ea5f58adea82:jane.doe", 7) == "*7"


def test_a_label_too_long_to_scan_is_named_by_position(gate: Pipeline, pki: DevPki) -> None:
    long_label = {"label": "com.partner." + "x" * 150_000, "data": {"contact": "ops@example.com"}}
    evaluation = gate.evaluate(signed(pki, [actions(), long_label]), synthetic=True)
    assert [(r.reason.code, r.reason.path) for r in evaluation.decision.reasons] == [
        ("provenance.personal_data", "/manifest/assertion/*1/contact"),
        # The label is scanned too (redimg round); one past the scan limits is not passed unread.
        ("provenance.assertion_limits", "/manifest/assertion/*2"),
    ]
