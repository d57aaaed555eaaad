"""Sixteenth image round: files a C2PA manifest store embeds (a claim's or an ingredient's thumbnail, an
ingredient's data, the thumbnails of an ingredient's own manifests) are published inside the signed store
and cannot be stripped without breaking it. Each one that carries anything but pixels (EXIF with GPS, a
comment, XMP, PNG text or private chunks, bytes after its end) or that is no image the gate reads holds
the image as `metadata.uninspected` at /manifest/resource/N; a clean thumbnail passes."""

from __future__ import annotations

import io
import json

import c2pa
import pytest

from gate.core.checks.base import CheckContext
from gate.core.checks.provenance import ProvenanceCheck
from gate.imaging.probing import probe
from gate.provenance import GenerationClaim, PreparedSigner, Verifier
from gate.provenance.manifest import manifest_definition
from tests.unit.imaging.round15_cases import (
    EMAIL,
    XMP_DESC_EMAIL,
    after_soi,
    asc,
    base_jpeg,
    chunk,
    exif_app1,
    png_with,
    seg,
    tiff,
    xmp_packet,
)

_GPS_JPEG = after_soi(
    base_jpeg(),
    exif_app1(tiff([asc(0x013B, b"Jane Roe " + EMAIL)], gps=True)),
    seg(0xFE, b"mail " + EMAIL),
    seg(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + xmp_packet(XMP_DESC_EMAIL)),
)
_RESOURCES = {
    "jpeg_exif_gps_comment_xmp": ("image/jpeg", _GPS_JPEG),
    "jpeg_text_after_eoi": ("image/jpeg", base_jpeg() + b"mail " + EMAIL),
    "jpeg_after_eoi_another_jpeg": ("image/jpeg", base_jpeg() + _GPS_JPEG),
    "png_text": ("image/png", png_with(before_iend=[chunk(b"tEXt", b"Author\0" + EMAIL)])),
    "png_private_chunk": ("image/png", png_with(before_iend=[chunk(b"prVt", b"mail " + EMAIL)])),
    "declared_png_is_jpeg": ("image/png", _GPS_JPEG),
    "octet_stream": ("application/octet-stream", _GPS_JPEG),
    "text_plain": ("text/plain", b"mail " + EMAIL),
}


def _signed(
    signer: PreparedSigner,
    claim: GenerationClaim,
    resource: tuple[str, bytes] | None,
    where: str,
    parent: bytes | None = None,
) -> bytes:
    definition = manifest_definition(claim, claim_generator=dict(signer.claim_generator), has_parent=False)
    fmt = resource[0] if resource else "image/jpeg"
    if where == "claim" and resource:
        definition["thumbnail"] = {"format": fmt, "identifier": "resource"}
    with c2pa.Builder(definition, context=signer.context) as builder:
        builder.set_intent(
            c2pa.C2paBuilderIntent.CREATE, c2pa.C2paDigitalSourceType.TRAINED_ALGORITHMIC_MEDIA
        )
        if resource:
            builder.add_resource("resource", io.BytesIO(resource[1]))
        if where in ("ingredient_thumbnail", "ingredient_data"):
            field = "thumbnail" if where == "ingredient_thumbnail" else "data"
            ingredient = {
                "title": "part.jpg", "format": "image/jpeg", "relationship": "componentOf",
                field: {"format": fmt, "identifier": "resource"},
            }  # fmt: skip
            builder.add_ingredient(json.dumps(ingredient), "image/jpeg", io.BytesIO(base_jpeg()))
        if parent is not None:
            ingredient = {"title": "parent.jpg", "format": "image/jpeg", "relationship": "componentOf"}
            builder.add_ingredient(json.dumps(ingredient), "image/jpeg", io.BytesIO(parent))
        out = io.BytesIO()
        builder.sign(signer.signer, "image/jpeg", io.BytesIO(base_jpeg()), out)
    return out.getvalue()


def _reasons(data: bytes, verifier: Verifier) -> list[tuple[str, str | None]]:
    ctx = CheckContext(data=data, declared_media_type="image/jpeg", probe=probe(data), synthetic=True)
    return [(r.code, r.path) for r in ProvenanceCheck(verifier).run(ctx).reasons]


@pytest.mark.parametrize("where", ["claim", "ingredient_thumbnail", "ingredient_data"])
@pytest.mark.parametrize("name", sorted(_RESOURCES))
def test_a_resource_with_more_than_pixels_is_held(
    name: str, where: str, signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    data = _signed(signer, claim, _RESOURCES[name], where)
    assert ("metadata.uninspected", "/manifest/resource/0") in _reasons(data, verifier)


@pytest.mark.parametrize("where", ["claim", "ingredient_thumbnail"])
def test_an_ingredients_own_manifest_thumbnail_is_read(
    where: str, signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    """An ingredient added with its manifest brings that manifest's thumbnails into the store."""
    inner = _signed(signer, claim, _RESOURCES["jpeg_exif_gps_comment_xmp"], where)
    data = _signed(signer, claim, None, "none", parent=inner)
    assert ("metadata.uninspected", "/manifest/resource/0") in _reasons(data, verifier)


@pytest.mark.parametrize("where", ["claim", "ingredient_thumbnail"])
def test_a_clean_thumbnail_passes(
    where: str, signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    data = _signed(signer, claim, ("image/jpeg", base_jpeg()), where)
    assert _reasons(data, verifier) == []
