"""Seventeenth image round: people in a C2PA manifest's assertions, in the shapes tools write them.

Written before reading the provenance code. A manifest is published with the image, so a name in a
creative-work author, a JSON-LD node typed as a person however it spells the type, a person nested under
an organisation, IPTC's PersonInImage or Dublin Core's creator in a metadata assertion must keep the image
from being approved, and so must EXIF's position or serial under a prefix the signer bound to EXIF's
namespace (`"e:GPSLatitude"`: published on main, the scanner reading only the prefixes it knows by name;
now read by namespace, `gate.provenance.jsonld`). Clean neighbours: an organisation, a software agent,
EXIF's exposure under a prefix of the signer's.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.core.pipeline import Pipeline
from gate.model import Verdict
from gate.provenance import DevPki
from tests.unit.pipeline.test_manifest_assertions import actions, creative_work, signed


def _metadata(label: str, context: dict[str, str], fields: dict[str, Any]) -> dict[str, Any]:
    return {"label": label, "data": {"@context": context, **fields}}


_IPTC = {"Iptc4xmpExt": "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"}
_DC = {"dc": "http://purl.org/dc/elements/1.1/"}

PEOPLE: dict[str, list[dict[str, Any]]] = {
    "author_name_only": [creative_work({"@type": "Person", "name": "Jane Roe"})],
    "author_type_as_list": [creative_work({"@type": ["Person"], "name": "Maria Gonzalez"})],
    "author_type_prefixed": [creative_work({"@type": "schema:Person", "schema:name": "Jane Roe"})],
    "author_as_plain_string": [
        {"label": "stds.schema-org.CreativeWork", "data": {"@type": "CreativeWork", "author": "Jane Roe"}}
    ],
    "employee_of_organisation": [
        creative_work(
            {
                "@type": "Organization",
                "name": "Acme",
                "employee": {"@type": "Person", "name": "Maria Gonzalez"},
            }
        )
    ],
    "person_in_image_metadata": [
        _metadata("c2pa.metadata", _IPTC, {"Iptc4xmpExt:PersonInImage": ["Jane Roe"]})
    ],
    "dc_creator_cawg_metadata": [_metadata("cawg.metadata", _DC, {"dc:creator": ["Maria Gonzalez"]})],
    # EXIF's position under a prefix of the signer's choosing, and under a default vocabulary
    "exif_position_other_prefix": [
        _metadata(
            "stds.exif",
            {"e": "http://ns.adobe.com/exif/1.0/"},
            {"e:GPSLatitude": "39,21.102N", "e:GPSLongitude": "74,26.5737W"},
        )
    ],
    "exif_position_beside_a_decoy": [
        _metadata(
            "stds.exif",
            {"exif": "http://ns.adobe.com/exif/1.0/", "e": "http://ns.adobe.com/exif/1.0/"},
            {"exif:GPSLatitude": "0", "e:GPSLatitude": "39,21.102N", "e:GPSLongitude": "74,26.5737W"},
        )
    ],
    "position_other_prefix_term_definition": [
        _metadata(
            "stds.exif",
            {"x": {"@id": "http://ns.adobe.com/exif/1.0/"}},
            {"x:GPSLatitude": "39,21.102N", "x:GPSLongitude": "74,26.5737W"},
        )
    ],
    "exif_position_default_vocabulary": [
        _metadata(
            "stds.exif",
            {"@vocab": "http://ns.adobe.com/exif/1.0/"},
            {"GPSLatitude": "39,21.102N", "GPSLongitude": "74,26.5737W"},
        )
    ],
    "creator_in_custom_label": [
        {"label": "com.example.credits", "data": {"photographer": {"@type": "Person", "name": "Jane Roe"}}}
    ],
}

CLEAN: dict[str, list[dict[str, Any]]] = {
    "organisation_author": [creative_work({"@type": "Organization", "name": "Northwind Traders"})],
    "software_agent": [],
    "exif_technical_other_prefix": [
        _metadata(
            "stds.exif",
            {"e": "http://ns.adobe.com/exif/1.0/"},
            {"e:ExposureTime": "1/125", "e:FNumber": "2.8", "e:PixelXDimension": 4032},
        )
    ],
}


@pytest.mark.parametrize("name", sorted(PEOPLE))
def test_a_person_in_an_assertion_keeps_the_image_from_publication(
    gate: Pipeline, pki: DevPki, name: str
) -> None:
    evaluation = gate.evaluate(signed(pki, [actions(), *PEOPLE[name]]), synthetic=True)
    codes = [r.reason.code for r in evaluation.decision.reasons]
    assert evaluation.verdict is not Verdict.APPROVED, codes
    assert "provenance.personal_data" in codes
    paths = " ".join(r.reason.path or "" for r in evaluation.decision.reasons)
    assert "Jane" not in paths and "Gonzalez" not in paths


@pytest.mark.parametrize("name", sorted(CLEAN))
def test_clean_manifests_are_approved(gate: Pipeline, pki: DevPki, name: str) -> None:
    agent = {"softwareAgent": {"name": "Studio Gen", "version": "4.2"}}
    evaluation = gate.evaluate(signed(pki, [actions(**agent), *CLEAN[name]]), synthetic=True)
    assert (evaluation.verdict, evaluation.decision.reasons) == (Verdict.APPROVED, ())


@pytest.mark.parametrize("prefix", ["exifEX", "x"])
def test_a_camera_serial_in_an_exif_assertion(gate: Pipeline, pki: DevPki, prefix: str) -> None:
    exif = _metadata(
        "stds.exif", {prefix: "http://cipa.jp/exif/1.0/"}, {f"{prefix}:BodySerialNumber": "044051002852"}
    )
    evaluation = gate.evaluate(signed(pki, [actions(), exif]), synthetic=True)
    assert evaluation.verdict is not Verdict.APPROVED
    # Held as the XMP walk holds it, by the property's name (`checks.manifest_fields`), under EXIF's prefix.
    found = {(r.reason.code, r.reason.entity, r.reason.path) for r in evaluation.decision.reasons}
    assert (
        "provenance.personal_data",
        "DEVICE_ID",
        "/manifest/assertion/stds.exif/exifEX:BodySerialNumber",
    ) in found


# Neighbours of the serial: what the XMP walk holds by name (an owner of no list, a lens's serial in a
# nested structure, Photoshop's old exif:SerialNumber) is held; technical properties and an empty serial
# are not.
IDENTIFYING: dict[str, tuple[dict[str, str], dict[str, Any], str]] = {
    "owner_of_no_list": (
        {"exifEX": "http://cipa.jp/exif/1.0/"},
        {"exifEX:CameraOwnerName": "Kwabena"},
        "PERSON",
    ),
    "lens_serial_nested": (
        {"aux": "http://ns.adobe.com/exif/1.0/aux/"},
        {"lens": {"aux:LensSerialNumber": 2351012345}},
        "DEVICE_ID",
    ),
    "photoshop_exif_serial": (
        {"exif": "http://ns.adobe.com/exif/1.0/"},
        {"exif:SerialNumber": "WA0012345"},
        "DEVICE_ID",
    ),
}


@pytest.mark.parametrize("name", sorted(IDENTIFYING))
def test_an_identifying_property_by_its_name(gate: Pipeline, pki: DevPki, name: str) -> None:
    context, fields, entity = IDENTIFYING[name]
    evaluation = gate.evaluate(
        signed(pki, [actions(), _metadata("stds.exif", context, fields)]), synthetic=True
    )
    assert evaluation.verdict is not Verdict.APPROVED
    assert entity in {r.reason.entity for r in evaluation.decision.reasons}


@pytest.mark.parametrize(
    "fields",
    [{"exifEX:BodySerialNumber": "  "}, {"exifEX:LensModel": "EF 50mm f/1.8", "exifEX:LensMake": "Canon"}],
)
def test_technical_properties_and_an_empty_serial_are_approved(
    gate: Pipeline, pki: DevPki, fields: dict[str, Any]
) -> None:
    exif = _metadata("stds.exif", {"exifEX": "http://cipa.jp/exif/1.0/"}, fields)
    evaluation = gate.evaluate(signed(pki, [actions(), exif]), synthetic=True)
    assert (evaluation.verdict, evaluation.decision.reasons) == (Verdict.APPROVED, ())
