"""Publish only what was read: unread EXIF is stripped (and a manifest renewed), or the event quarantined."""

from __future__ import annotations

import struct

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from gate.core.pipeline import Pipeline
from gate.imaging import probe, read_metadata
from gate.imaging.jpeg import segment_bytes
from gate.model import Verdict
from gate.provenance import DevPki, GenerationClaim, SignerConfig, attach_manifest
from gate.worker.assembly import PipelineSpec
from tests.unit.imaging.images import chunk, jpeg_bytes, png_bytes, webp_bytes

CANARY = "CANARY-host-7f3a"


def unread_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = 1
    exif[0x013C] = CANARY  # HostComputer: the gate reads past it
    exif[0x010D] = CANARY  # DocumentName
    return exif


def images() -> dict[str, tuple[bytes, str]]:
    exif = unread_exif()
    return {
        "jpeg": (jpeg_bytes(exif=exif), "image/jpeg"),
        "png": (png_bytes(exif=exif), "image/png"),
        "webp": (webp_bytes(exif=exif), "image/webp"),
    }


def signed(pki: DevPki, data: bytes, media_type: str) -> bytes:
    claim = GenerationClaim(model_name="m", model_version="1", provider="p")
    return attach_manifest(data, media_type, SignerConfig.from_files(pki.signer_chain, pki.signer_key), claim)


@pytest.mark.parametrize("kind", ["jpeg", "png", "webp"])
def test_unread_exif_is_stripped_before_publishing(gate: Pipeline, kind: str) -> None:
    data, _ = images()[kind]
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    assert "metadata.uninspected" in evaluation.decision.reason_codes
    assert evaluation.actions == ("metadata.stripped",)
    assert evaluation.output is not None and CANARY.encode() not in evaluation.output
    assert read_metadata(evaluation.output, probe(evaluation.output)).items == ()


@pytest.mark.parametrize("kind", ["jpeg", "png"])
def test_unread_exif_in_a_signed_image_renews_the_manifest(gate: Pipeline, pki: DevPki, kind: str) -> None:
    data, media_type = images()[kind]
    evaluation = gate.evaluate(signed(pki, data, media_type), synthetic=True)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    assert evaluation.actions == ("metadata.stripped", "manifest.renewed")
    assert evaluation.output is not None and CANARY.encode() not in evaluation.output


@pytest.mark.parametrize("kind", ["jpeg", "png"])
def test_without_a_signer_a_signed_image_with_unread_exif_is_quarantined_as_uninspected(
    gate_without_signer: Pipeline, pki: DevPki, kind: str
) -> None:
    data, media_type = images()[kind]
    evaluation = gate_without_signer.evaluate(signed(pki, data, media_type), synthetic=True)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert "metadata.uninspected" in evaluation.decision.reason_codes
    assert evaluation.output is None or CANARY.encode() not in evaluation.output


SECRET = "jane.doe@example.com"
JPEG = jpeg_bytes(icc=False)
PNG = png_bytes()


def with_segment(marker: int, payload: bytes, data: bytes = JPEG) -> bytes:
    return data[:2] + segment_bytes(marker, payload) + data[2:]


def jfif(tail: bytes = b"", thumb: tuple[int, int] = (0, 0)) -> bytes:
    header = b"JFIF\x00\x01\x01\x00\x00\x48\x00\x48" + bytes(thumb) + b"\x7f" * (3 * thumb[0] * thumb[1])
    return (
        JPEG[:2] + segment_bytes(0xE0, header + tail) + JPEG[2 + 4 + 14 :] if JPEG[6:10] == b"JFIF" else b""
    )


def with_png_chunk(ctype: bytes, payload: bytes) -> bytes:
    at = PNG.index(b"IDAT") - 4
    return PNG[:at] + chunk(ctype, payload) + PNG[at:]


def png_text(keyword: str, text: str = "plain", itxt: tuple[str, str] | None = None) -> bytes:
    info = PngInfo()
    if itxt is None:
        info.add_text(keyword, text)
    else:
        info.add_itxt(keyword, text, lang=itxt[0], tkey=itxt[1])
    return png_bytes(info)


@pytest.fixture(scope="module")
def plain_gate() -> Pipeline:
    return PipelineSpec().build()


# (image, verdict, a reason code that must be there or None, a path that reason must name or None)
TRUTH = {
    "com-utf8": (with_segment(0xFE, SECRET.encode()), Verdict.QUARANTINED, "metadata.personal_data", None),
    "com-utf16le": (
        with_segment(0xFE, SECRET.encode("utf-16-le")),
        Verdict.QUARANTINED,
        "metadata.personal_data",
        None,
    ),
    "com-utf16be": (
        with_segment(0xFE, SECRET.encode("utf-16-be")),
        Verdict.QUARANTINED,
        "metadata.personal_data",
        None,
    ),
    "com-utf16-bom": (
        with_segment(0xFE, SECRET.encode("utf-16")),
        Verdict.QUARANTINED,
        "metadata.personal_data",
        None,
    ),
    "jfif-exact": (jfif(), Verdict.APPROVED, None, None),
    "jfif-thumbnail": (jfif(thumb=(2, 2)), Verdict.APPROVED, None, None),
    "jfif-apple-ampf": (jfif(b"AMPF"), Verdict.APPROVED, None, None),
    "jfif-tail": (jfif(SECRET.encode()), Verdict.APPROVED, "metadata.uninspected", "/jpeg/APP0/tail"),
    "jfxx-thumbnail": (
        with_segment(0xE0, b"JFXX\x00\x10" + jpeg_bytes(exif=unread_exif(), icc=False)),
        Verdict.APPROVED,
        "metadata.uninspected",
        "/jpeg/APP0/JFXX",
    ),
    "app14-exact": (with_segment(0xEE, b"Adobe\x00\x64\x00\x00\x00\x00\x01"), Verdict.APPROVED, None, None),
    "app14-long": (
        with_segment(0xEE, b"Adobe\x00\x64\x00\x00\x00\x00\x01" + SECRET.encode()),
        Verdict.APPROVED,
        "metadata.uninspected",
        "/jpeg/APP14/tail",
    ),
    "app14-photoshop-31": (
        with_segment(0xEE, b"Adobe\x00\x64\x00\x00\x00\x00\x01\x03\x00\x10\x03\x02\x03\x06" + bytes(12)),
        Verdict.APPROVED,
        "metadata.uninspected",
        "/jpeg/APP14/tail",
    ),
    "scal-numbers": (with_png_chunk(b"sCAL", b"\x011.5\x002e-3"), Verdict.APPROVED, None, None),
    "scal-text": (
        with_png_chunk(b"sCAL", b"\x01" + SECRET.encode() + b"\x001"),
        Verdict.APPROVED,
        "metadata.uninspected",
        "/png/sCAL/0",
    ),
    "idot-28": (with_png_chunk(b"iDOT", bytes(28)), Verdict.APPROVED, None, None),
    "idot-longer": (
        with_png_chunk(b"iDOT", bytes(28) + SECRET.encode()),
        Verdict.APPROVED,
        "metadata.uninspected",
        "/png/iDOT/0",
    ),
    "text-keyword": (png_text("Comment"), Verdict.APPROVED, None, None),
    "text-keyword-email": (
        png_text(SECRET),
        Verdict.QUARANTINED,
        "metadata.personal_data",
        "/png/tEXt/*3/keyword",
    ),
    "itxt-translated-keyword": (
        png_text("Title", itxt=("en", SECRET)),
        Verdict.QUARANTINED,
        "metadata.personal_data",
        "/png/iTXt/Title/keyword",
    ),
}


@pytest.mark.parametrize("case", sorted(TRUTH))
def test_publish_only_read_truth_table(plain_gate: Pipeline, case: str) -> None:
    data, verdict, code, path = TRUTH[case]
    assert data, "builder did not apply"
    evaluation = plain_gate.evaluate(data, synthetic=False, source="cli")
    assert evaluation.verdict is verdict, evaluation.decision.reason_codes
    if code is not None:
        named = {(r.reason.code, r.reason.path) for r in evaluation.decision.reasons}
        assert any(c == code and (path is None or p == path) for c, p in named), named
    if evaluation.output is not None:
        assert SECRET.encode() not in evaluation.output
        assert CANARY.encode() not in evaluation.output


def _store(lbox: int) -> bytes:
    """A JUMBF superbox labelled c2pa whose length field says `lbox`."""
    description = (
        b"\x00\x00\x00\x19jumd" + b"c2pa\x00\x11\x00\x10\x80\x00\xaa\x00\x38\x9b\x71" + b"\x03c2pa\x00"
    )
    return struct.pack(">I", lbox) + b"jumb" + description


def _with_store(kind: str, store: bytes) -> bytes:
    if kind == "jpeg":
        return with_segment(0xEB, b"JP\x02\x11\x00\x00\x00\x01" + store)
    if kind == "png":
        return PNG[:33] + chunk(b"caBX", store) + PNG[33:]
    webp = webp_bytes()
    body = webp[12:] + b"C2PA" + struct.pack("<I", len(store)) + store + b"\x00" * (len(store) & 1)
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body


@pytest.mark.parametrize("lbox", [0xFFFFFFF0, 0x7FFFFFFF, 1, 0], ids=["absurd", "huge", "one", "zero"])
@pytest.mark.parametrize("kind", ["jpeg", "png", "webp"])
@pytest.mark.parametrize("synthetic", [False, True])
def test_an_unreadable_c2pa_store_is_invalid_never_missing(
    plain_gate: Pipeline, kind: str, lbox: int, synthetic: bool
) -> None:
    evaluation = plain_gate.evaluate(_with_store(kind, _store(lbox)), synthetic=synthetic, source="cli")
    assert "provenance.invalid" in evaluation.decision.reason_codes
    assert "provenance.missing" not in evaluation.decision.reason_codes
    assert evaluation.verdict is Verdict.REJECTED
    assert evaluation.output is None
