"""A tenth attacker round on images (redimg10): canaries in the places issue 12 names that no earlier round
planted one in the same way: duplicated carriers (two EXIF APP1s, two XMP packets, two PNG eXIf, two JFIF
APP0s, an ICC chunk sequence given twice or out of order), bytes after the end with and without an MPF
index, EXIF both in PNG eXIf and in ImageMagick's `Raw profile type exif`, a WebP with an EXIF chunk and
bytes after its RIFF size, and the two classes real files published (an author under `tga:author`, a
Pixel's HDR+ maker note under `GCamera:hdrp_makernote`). Each must be refused, quarantined, or published
without its canary; reasons never spell one.
"""

from __future__ import annotations

import base64
import binascii
import json
import struct
import zlib

import pytest

from gate.core.pipeline import Pipeline
from gate.imaging.jpeg import segment_bytes
from gate.model import Verdict
from tests.unit.imaging.images import chunk, icc_profile, jpeg_bytes, webp_bytes, xmp_packet
from tests.unit.imaging.multipicture import mpo
from tests.unit.pipeline.test_unseen_containers import (
    JPEG,
    PNG,
    XMP_ID,
    _canaries,
    _forms,
    _inflated,
    ascii_tag,
    canary,
    described,
    itxt,
    png_with,
    tiff,
    tiff_exif_ifd,
    webp_with,
)

OWNER = "Ricky True"  # a name the scanner reads as two words: only the keyword says it is an author
SERIAL = b"778812340099"


def _raw_profile(raw: bytes) -> str:
    """ImageMagick's hex form of a profile: newline, name, length, hex lines."""
    hexed = binascii.hexlify(raw).decode()
    return f"\nexif\n{len(raw):8d}\n" + "\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72)) + "\n"


def _ztxt(keyword: str, text: str) -> bytes:
    return chunk(b"zTXt", keyword.encode() + b"\x00\x00" + zlib.compress(text.encode()))


def _jpeg(*segments: tuple[int, bytes]) -> bytes:
    return JPEG[:2] + b"".join(segment_bytes(marker, payload) for marker, payload in segments) + JPEG[2:]


def _icc_chunks(order: list[int], total: int, parts: list[bytes]) -> bytes:
    return _jpeg(*[(0xE2, b"ICC_PROFILE\x00" + bytes([n, total]) + parts[n - 1]) for n in order])


PROFILE = icc_profile()
HALVES = [PROFILE[: len(PROFILE) // 2], PROFILE[len(PROFILE) // 2 :]]
JFIF = b"JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x00\x00"
MAKERNOTE = base64.b64encode(SERIAL + bytes(range(256)) * 2).decode()  # an encrypted blob, as Pixels write


def _riff_ends_before_last_chunk(data: bytes) -> bytes:
    """The RIFF size cut back to the bitstream alone: the chunk after it lies past the container."""
    return data[:4] + struct.pack("<I", len(webp_bytes()) - 8) + data[8:]


PLACES: dict[str, bytes] = {
    "jpeg bytes after EOI": JPEG + canary("trail").encode(),
    "mpf bytes after the last picture": mpo(JPEG, jpeg_bytes(icc=False)) + canary("mpftrail").encode(),
    "mpf UTF-16 after the last picture": mpo(JPEG, jpeg_bytes(icc=False))
    + canary("mpf16").encode("utf-16-le"),
    "png text chunk after IEND": PNG + chunk(b"tEXt", b"Comment\x00" + canary("afteriend").encode()),
    "png eXIf beside raw profile exif": png_with(
        chunk(b"eXIf", tiff([ascii_tag(0x013B, canary("exifartist"))])),
        _ztxt(
            "Raw profile type exif", _raw_profile(b"Exif\x00\x00" + tiff([ascii_tag(0x013B, canary("raw"))]))
        ),
    ),
    "png raw profile exif in compressed iTXt": png_with(
        itxt(
            "Raw profile type exif",
            _raw_profile(b"Exif\x00\x00" + tiff_exif_ifd([ascii_tag(0xA430, canary("itxtraw"))])),
            True,
        )
    ),
    "png two eXIf chunks": png_with(
        chunk(b"eXIf", tiff([ascii_tag(0x0131, "Camera")])),
        chunk(b"eXIf", tiff([ascii_tag(0x013B, canary("exif2"))])),
    ),
    "png tga:author": png_with(chunk(b"tEXt", b"tga:author\x00" + OWNER.encode())),
    "png AUTHOR": png_with(chunk(b"tEXt", b"AUTHOR\x00" + OWNER.encode())),
    "jpeg two EXIF APP1": _jpeg(
        (0xE1, b"Exif\x00\x00" + tiff([ascii_tag(0x0131, "Camera")])),
        (0xE1, b"Exif\x00\x00" + tiff([ascii_tag(0x013B, canary("exif2nd"))])),
    ),
    "jpeg two XMP APP1": _jpeg((0xE1, XMP_ID + xmp_packet()), (0xE1, XMP_ID + described(canary("xmp2nd")))),
    "jpeg two JFIF APP0": _jpeg((0xE0, JFIF), (0xE0, JFIF + canary("jfif2").encode())),
    "jpeg ICC chunks out of order": _icc_chunks([2, 1], 2, HALVES),
    "jpeg ICC chunk given twice": _icc_chunks(
        [1, 1], 1, [PROFILE[: -len(canary("icc2"))] + canary("icc2").encode()]
    ),
    "jpeg EXIF with text after its IFDs": _jpeg(
        (0xE1, b"Exif\x00\x00" + tiff([ascii_tag(0x0131, "Camera")]) + bytes(4) + canary("exiftail").encode())
    ),
    "jpeg XMP GCamera:hdrp_makernote": _jpeg(
        (
            0xE1,
            XMP_ID
            + xmp_packet(
                f"<GCamera:hdrp_makernote>{MAKERNOTE}</GCamera:hdrp_makernote>",
                attributes='xmlns:GCamera="http://ns.google.com/photos/1.0/camera/"',
            ),
        )
    ),
    "webp EXIF chunk and bytes after RIFF": webp_with(b"EXIF", tiff([ascii_tag(0x0131, "Camera")]))
    + canary("webptrail").encode(),
    "webp EXIF chunk past the RIFF size": _riff_ends_before_last_chunk(
        webp_with(b"EXIF", tiff([ascii_tag(0x013B, canary("webpbeyond"))]))
    ),
}


@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_round10_canary_never_reaches_a_published_image(gate: Pipeline, place: str) -> None:
    data = PLACES[place]
    evaluation = gate.evaluate(data, synthetic=False)
    record = json.dumps([reason.as_dict() for reason in evaluation.decision.reasons]).encode()
    planted = _canaries(data) | {OWNER}
    for text in planted:
        assert text.encode() not in record  # reasons name the entity and the path, never the value
    if evaluation.verdict is not Verdict.APPROVED:
        assert evaluation.verdict in (Verdict.QUARANTINED, Verdict.REJECTED)
        return
    output = evaluation.output if evaluation.output is not None else data
    published = output + _inflated(output)
    for text in planted:
        assert not any(form in published for form in _forms(text)), (place, text)
    assert MAKERNOTE[:64].encode() not in published, place


@pytest.mark.parametrize("place", ["png tga:author", "png AUTHOR"])
def test_an_author_under_any_keyword_form_is_held_as_personal_data(gate: Pipeline, place: str) -> None:
    evaluation = gate.evaluate(PLACES[place], synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert "metadata.personal_data" in evaluation.decision.reason_codes


@pytest.mark.parametrize("place", ["jpeg ICC chunks out of order", "jpeg XMP GCamera:hdrp_makernote"])
def test_clean_neighbours_are_approved(gate: Pipeline, place: str) -> None:
    """A profile split in the wrong order is still the profile; a removed blob leaves a clean photo."""
    evaluation = gate.evaluate(PLACES[place], synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
