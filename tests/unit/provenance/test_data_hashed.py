"""Signing over a digest the gate already has: the manifest goes where `manifest_slot` says, and verifies."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib

import c2pa
import pytest
from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from gate.demo.images import camera_exif, jpeg_bytes, png_bytes, product_image
from gate.provenance import (
    GenerationClaim,
    PreparedSigner,
    Verifier,
    attach_manifest,
    data_hashed,
    verify_manifest,
)
from gate.provenance.manifest import manifest_definition

JPEG, PNG = "image/jpeg", "image/png"


def _jpeg(**save: object) -> bytes:
    out = io.BytesIO()
    product_image(96, 64, seed=3).save(out, "JPEG", **save)
    return out.getvalue()


def _png(**save: object) -> bytes:
    out = io.BytesIO()
    product_image(96, 64, seed=3).save(out, "PNG", **save)
    return out.getvalue()


def _srgb_icc() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def _text_png() -> bytes:
    info = PngInfo()
    info.add_text("Description", "a handbag")
    info.add_itxt("Comment", "studio shot")
    return _png(pnginfo=info)


SHAPES = {
    "jpeg-plain": (JPEG, _jpeg),
    "jpeg-exif": (JPEG, lambda: jpeg_bytes(product_image(96, 64, seed=4), exif=camera_exif())),
    "jpeg-icc-progressive-restarts": (
        JPEG,
        lambda: _jpeg(icc_profile=_srgb_icc(), progressive=True, restart_marker_blocks=1),
    ),
    "jpeg-comment": (JPEG, lambda: _jpeg(comment=b"made in the studio")),
    "png-plain": (PNG, lambda: png_bytes(product_image(96, 64, seed=5))),
    "png-text-chunks": (PNG, _text_png),
    "png-icc": (PNG, lambda: _png(icc_profile=_srgb_icc())),
}


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def _insert_chunk(png: bytes, kind: bytes, payload: bytes) -> bytes:
    return png[:33] + _chunk(kind, payload) + png[33:]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_manifest_is_inserted_at_the_slot_and_verifies_as_trusted(
    shape: str, signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    media_type, make = SHAPES[shape]
    data = make()
    slot = data_hashed.manifest_slot(data, media_type)
    assert slot is not None
    if media_type == PNG:
        assert slot == 33  # right after the signature and IHDR, where c2pa-rs puts it
    signed = attach_manifest(data, media_type, signer, claim, digest=hashlib.sha256(data).digest())
    # The original bytes are all there, in order, around one inserted block: the flow really was used.
    assert signed[:slot] == data[:slot]
    assert signed.endswith(data[slot:])
    report = verify_manifest(signed, media_type, verifier)
    assert (report.state, report.status_codes) == ("trusted", ())
    assert report.is_ai_generated
    decoded = Image.open(io.BytesIO(signed))
    decoded.load()
    assert decoded.tobytes() == Image.open(io.BytesIO(data)).tobytes()


@pytest.mark.parametrize("media_type", [JPEG, PNG])
def test_without_a_digest_the_image_is_hashed_here(
    media_type: str, signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    data = _jpeg() if media_type == JPEG else _png()
    report = verify_manifest(attach_manifest(data, media_type, signer, claim), media_type, verifier)
    assert report.state == "trusted"


def test_the_digest_given_is_the_one_signed(
    signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    """A digest that is not the image's hash yields a manifest c2pa refuses: the gate never trusts a guess."""
    data = _jpeg()
    signed = attach_manifest(data, JPEG, signer, claim, digest=hashlib.sha256(data + b"x").digest())
    report = verify_manifest(signed, JPEG, verifier)
    assert report.state == "invalid"
    assert "assertion.dataHash.mismatch" in report.status_codes


def test_a_jpeg_slot_follows_the_app_segments_after_soi() -> None:
    exif_jpeg = jpeg_bytes(product_image(32, 32), exif=camera_exif())
    slot = data_hashed.manifest_slot(exif_jpeg, JPEG)
    assert slot is not None
    assert exif_jpeg[slot : slot + 2] == b"\xff\xdb"  # the first DQT, after JFIF and Exif
    body = _jpeg()
    assert data_hashed.manifest_slot(b"\xff\xd8" + body[20:], JPEG) == 2  # no APPn: right after SOI
    # A COM before an APPn: the slot is the first non-APP segment, so JFIF/Exif order is untouched.
    with_com = body[:2] + _segment(0xFE, b"note") + body[2:]
    assert data_hashed.manifest_slot(with_com, JPEG) == 2


@pytest.mark.parametrize(
    "case",
    [
        "jpeg-app11-first",
        "jpeg-app11-after-dqt",
        "jpeg-truncated-segment",
        "jpeg-fill-byte",
        "jpeg-no-scan",
        "png-cabx",
        "png-no-iend",
        "png-no-ihdr-first",
        "not-an-image",
        "webp",
    ],
)
def test_images_whose_slot_is_not_certain_go_the_builder_sign_way(case: str) -> None:
    jpeg, png = _jpeg(), _png()
    dqt = jpeg.index(b"\xff\xdb")
    samples = {
        "jpeg-app11-first": (JPEG, jpeg[:2] + _segment(0xEB, b"JP\x02\x11") + jpeg[2:]),
        "jpeg-app11-after-dqt": (JPEG, jpeg[: dqt + 2 + 67] + _segment(0xEB, b"JP") + jpeg[dqt + 2 + 67 :]),
        "jpeg-truncated-segment": (JPEG, jpeg[:2] + b"\xff\xe1\xff\xff" + b"\x00" * 10),
        "jpeg-fill-byte": (JPEG, jpeg[:2] + b"\xff" + jpeg[2:]),
        "jpeg-no-scan": (JPEG, jpeg[: jpeg.index(b"\xff\xda")]),
        "png-cabx": (PNG, png[:-12] + _chunk(b"caBX", b"jumb") + png[-12:]),
        "png-no-iend": (PNG, png[:-12]),
        "png-no-ihdr-first": (PNG, _insert_chunk(png, b"tEXt", b"a\x00b")[:8] + png[33:]),
        "not-an-image": (JPEG, b"hello"),
        "webp": ("image/webp", b"RIFF\x00\x00\x00\x00WEBPVP8 "),
    }
    media_type, data = samples[case]
    assert data_hashed.manifest_slot(data, media_type) is None


def test_an_image_with_c2pa_segments_is_still_signed_by_builder_sign(
    signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    """c2pa-rs replaces an existing store when it writes the file; the data-hashed flow would not."""
    once = attach_manifest(_jpeg(), JPEG, signer, claim)
    assert data_hashed.manifest_slot(once, JPEG) is None
    again = attach_manifest(once, JPEG, signer, claim, digest=hashlib.sha256(once).digest())
    assert verify_manifest(again, JPEG, verifier).state == "trusted"


def test_when_the_flow_is_unavailable_builder_sign_is_used(
    monkeypatch: pytest.MonkeyPatch, signer: PreparedSigner, verifier: Verifier, claim: GenerationClaim
) -> None:
    data = _png()
    monkeypatch.setattr(data_hashed, "available", lambda: False)
    signed = attach_manifest(data, PNG, signer, claim, digest=hashlib.sha256(data).digest())
    assert verify_manifest(signed, PNG, verifier).state == "trusted"


def test_the_installed_c2pa_python_has_the_flow() -> None:
    """The gate's signing speed depends on it: a c2pa-python upgrade that drops it must show up here."""
    assert data_hashed.available()


def test_a_digest_that_is_not_a_sha256_is_refused(signer: PreparedSigner, claim: GenerationClaim) -> None:
    with pytest.raises(ValueError, match="32 bytes, not 3"):
        attach_manifest(_jpeg(), JPEG, signer, claim, digest=b"\x00" * 3)


def test_a_native_refusal_is_a_typed_c2pa_error(signer: PreparedSigner, claim: GenerationClaim) -> None:
    definition = manifest_definition(claim, claim_generator={"name": "t", "version": "1"}, has_parent=False)
    with c2pa.Builder(definition, context=signer.context) as builder:
        builder.set_intent(
            c2pa.C2paBuilderIntent.CREATE, c2pa.C2paDigitalSourceType.TRAINED_ALGORITHMIC_MEDIA
        )
        with pytest.raises(c2pa.C2paError, match="NotSupported"):
            data_hashed.sign_embeddable(builder, signer.signer, "image/x-none", 2, b"\x00" * 32)


@pytest.mark.parametrize(
    ("sdk", "wrapper", "bound"),
    [
        ("0.91.3", "0.38.1", True),
        ("0.91.10", "0.38.9", True),
        ("0.92.0", "0.38.1", False),
        ("0.91.3", "0.39.0", False),
    ],
)
def test_the_bindings_are_used_only_with_the_versions_they_follow(
    monkeypatch: pytest.MonkeyPatch, sdk: str, wrapper: str, bound: bool
) -> None:
    monkeypatch.setattr(c2pa, "sdk_version", lambda: sdk)
    monkeypatch.setattr(data_hashed, "_wrapper_version", lambda: wrapper)
    assert (data_hashed._bind() is not None) is bound
