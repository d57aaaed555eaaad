"""A fourth attacker round on manifests (redimg, 2026-12-05): what a C2PA store carries besides the
fields earlier rounds scanned. Real signing with the dev PKI (c2pa-python's Builder), read by the gate.

Held on main (kept as neighbours): a schema.org CreativeWork author, a custom assertion (its values and
its keys), an action's softwareAgent, parameters and description, every claim_generator_info field, an
`stds.exif` or `c2pa.metadata` assertion, an ingredient's description, an ingredient's own manifest.
"""

from __future__ import annotations

import io
import json
from typing import Any

import c2pa
import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from gate.core.pipeline import Pipeline
from gate.demo.images import jpeg_bytes, product_image
from gate.model import Verdict
from gate.provenance import DevPki, PreparedSigner, SignerConfig
from tests.unit.pipeline.test_unseen_manifest_fields import ACTIONS

EMAIL = "canary.manifest@example.com"


def signed(
    pki: DevPki,
    definition: dict[str, Any],
    ingredient: dict[str, Any] | None = None,
    resources: dict[str, bytes] | None = None,
) -> bytes:
    definition = {
        "claim_generator_info": [{"name": "partner-generator"}],
        "assertions": [ACTIONS],
        **definition,
    }
    signer = PreparedSigner.create(SignerConfig.from_files(pki.signer_chain, pki.signer_key))
    with c2pa.Builder(definition, context=signer.context) as builder:
        for identifier, resource in (resources or {}).items():
            builder.add_resource(identifier, io.BytesIO(resource))
        if ingredient is not None:
            picture = jpeg_bytes(product_image(64, 48, seed=5))
            builder.add_ingredient(json.dumps(ingredient), "image/jpeg", io.BytesIO(picture))
        out = io.BytesIO()
        builder.sign(
            signer.signer, "image/jpeg", io.BytesIO(jpeg_bytes(product_image(160, 120, seed=3))), out
        )
    return out.getvalue()


def _ingredient(**fields: Any) -> dict[str, Any]:
    return {"title": "background.jpg", "relationship": "componentOf", **fields}


HELD: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {
    "creative work author": (
        {
            "assertions": [
                ACTIONS,
                {
                    "label": "stds.schema-org.CreativeWork",
                    "data": {
                        "@context": "https://schema.org",
                        "@type": "CreativeWork",
                        "author": [{"email": EMAIL}],
                    },
                },
            ]
        },
        None,
    ),
    "custom assertion key": (
        {"assertions": [ACTIONS, {"label": "com.example.notes", "data": {EMAIL: 1}}]},
        None,
    ),
    "generator version": ({"claim_generator_info": [{"name": "gen", "version": EMAIL}]}, None),
    "ingredient description": ({}, _ingredient(description=EMAIL)),
}
# Published on main: an ingredient's nested fields (only its top-level strings were scanned), an
# assertion's label (spelled in pointers only when standard, and never scanned), a manifest's instance id.
NESTED: dict[str, tuple[dict[str, Any], dict[str, Any] | None]] = {
    "ingredient metadata": ({}, _ingredient(metadata={"note": EMAIL})),
    "ingredient metadata, deeper": (
        {},
        _ingredient(metadata={"reviewRatings": [{"explanation": EMAIL, "value": 3}]}),
    ),
    "ingredient metadata of a custom field": ({}, _ingredient(metadata={"com.example": {"owner": [EMAIL]}})),
    "generator's nested field": (
        {"claim_generator_info": [{"name": "gen", "contact": {"mail": EMAIL}}]},
        None,
    ),
    "assertion label": ({"assertions": [ACTIONS, {"label": EMAIL, "data": {"a": 1}}]}, None),
    "manifest instance id": ({"instance_id": f"xmp.iid:{EMAIL}"}, None),
}


@pytest.mark.parametrize("place", sorted({**HELD, **NESTED}))
def test_personal_data_anywhere_in_a_manifest_is_found(gate: Pipeline, pki: DevPki, place: str) -> None:
    definition, ingredient = {**HELD, **NESTED}[place]
    data = signed(pki, definition, ingredient)
    assert EMAIL.encode() in data  # the store carries it
    evaluation = gate.evaluate(data, synthetic=True)
    assert evaluation.verdict is Verdict.QUARANTINED
    found = [r.reason for r in evaluation.decision.reasons if r.reason.code == "provenance.personal_data"]
    assert found and all("example.com" not in (r.path or "") for r in found)


def test_ordinary_labels_and_instance_ids_are_clean(gate: Pipeline, pki: DevPki) -> None:
    definition = {
        "instance_id": "xmp.iid:7c0e2b7a-52c1-4bd9-a1b6-0d9f3f0c1a11",
        "assertions": [ACTIONS, {"label": "com.example-studio.render-settings", "data": {"passes": 2}}],
    }
    evaluation = gate.evaluate(signed(pki, definition), synthetic=True)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reasons


def test_ordinary_ingredient_metadata_is_clean(gate: Pipeline, pki: DevPki) -> None:
    review = {"code": "c2pa.unknown", "value": 3, "explanation": "source unknown"}
    metadata = {"dateTime": "2026-12-01T10:00:00Z", "reviewRatings": [review]}
    evaluation = gate.evaluate(signed(pki, {}, _ingredient(metadata=metadata)), synthetic=True)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reasons


def _thumbnail(fmt: str = "JPEG", **options: Any) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (32, 24), (200, 120, 40)).save(buf, fmt, **options)
    return buf.getvalue()


def _exif(artist: str) -> bytes:
    exif = Image.Exif()
    exif[0x013B] = artist
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (51.0, 30.0, 12.5)
    return exif.tobytes()


def _png_text(text: str) -> bytes:
    info = PngInfo()
    info.add_text("Comment", text)
    return _thumbnail("PNG", pnginfo=info)


CLAIM = {"thumbnail": {"format": "image/jpeg", "identifier": "thumb.jpg"}}
# Published on main: a thumbnail, a generator's icon or an ingredient's data is a file inside the store,
# with metadata of its own, and c2pa-rs reports where it is, not what it holds.
THUMBNAILS: dict[str, tuple[dict[str, Any], dict[str, Any] | None, dict[str, bytes]]] = {
    "claim thumbnail with EXIF GPS and Artist": (CLAIM, None, {"thumb.jpg": _thumbnail(exif=_exif(EMAIL))}),
    "claim thumbnail with a comment": (CLAIM, None, {"thumb.jpg": _thumbnail(comment=EMAIL.encode())}),
    "claim thumbnail in PNG with text": (
        {"thumbnail": {"format": "image/png", "identifier": "thumb.png"}},
        None,
        {"thumb.png": _png_text(EMAIL)},
    ),
    "claim thumbnail that is no image": (CLAIM, None, {"thumb.jpg": EMAIL.encode() * 4}),
    "ingredient thumbnail with EXIF": (
        {},
        _ingredient(thumbnail={"format": "image/jpeg", "identifier": "ing.jpg"}),
        {"ing.jpg": _thumbnail(exif=_exif(EMAIL))},
    ),
}


THUMBNAILS.update(
    {
        "generator icon with PNG text": (
            {
                "claim_generator_info": [
                    {"name": "gen", "icon": {"format": "image/png", "identifier": "icon.png"}}
                ]
            },
            None,
            {"icon.png": _png_text(EMAIL)},
        ),
        "ingredient data of text": (
            {},
            _ingredient(data={"format": "text/plain", "identifier": "data.txt"}),
            {"data.txt": f"contact {EMAIL}".encode()},
        ),
    }
)


@pytest.mark.parametrize("place", sorted(THUMBNAILS))
def test_an_embedded_resource_with_metadata_or_of_no_image_is_uninspected(
    gate: Pipeline, pki: DevPki, place: str
) -> None:
    definition, ingredient, resources = THUMBNAILS[place]
    data = signed(pki, definition, ingredient, resources)
    assert EMAIL.encode() in data
    evaluation = gate.evaluate(data, synthetic=True)
    assert evaluation.verdict is Verdict.QUARANTINED
    found = [r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"]
    assert found == ["/manifest/resource/0"]


@pytest.mark.parametrize("fmt", ["JPEG", "PNG"])
def test_a_thumbnail_of_pixels_alone_is_clean(gate: Pipeline, pki: DevPki, fmt: str) -> None:
    kind = fmt.lower()
    definition = {"thumbnail": {"format": f"image/{kind}", "identifier": f"thumb.{kind}"}}
    data = signed(pki, definition, _ingredient(), {f"thumb.{kind}": _thumbnail(fmt)})
    evaluation = gate.evaluate(data, synthetic=True)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reasons
