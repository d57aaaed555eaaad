"""A metadata block that does not parse whole is `unread`: the strip removes it and the image is published.

libvips writes any string as XMP ("sample xmp string" in its own test images), Exiv2's and exifr's test
photos carry EXIF with offsets past the block and Photoshop resources cut short; every reader (Pillow,
exiftool) opens them. They were refused as undecodable; the image decodes without the block, so the block
goes, whatever it held (the canary), and what is left is read whole. A DTD stays a refusal.
"""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from gate.core.checks.base import CheckContext
from gate.core.checks.metadata import MetadataCheck
from gate.errors import ImageUndecodable
from gate.imaging import probe, read_metadata, strip_identifiers
from gate.imaging.items import DEFAULT_STRIP_KINDS
from gate.scanning import ScanLimits
from tests.unit.imaging.images import chunk, jpeg_bytes, png_bytes, webp_bytes

CANARY = b"jan.kowalski@example.org"


def _png_with(*extra: bytes) -> bytes:
    data = png_bytes()
    return data[:33] + b"".join(extra) + data[33:]  # after the 8-byte signature and the 25-byte IHDR


def _jpeg_with(marker: int, payload: bytes) -> bytes:
    data = jpeg_bytes()
    return data[:2] + struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload + data[2:]


PS = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00"  # IPTC resource header up to its size's high half
TIFF = b"II*\x00\x08\x00\x00\x00"

CASES = {
    "zTXt not zlib": (_png_with(chunk(b"zTXt", b"Comment\x00\x00not zlib " + CANARY)), "/png/zTXt/0"),
    "zTXt stream cut short": (
        _png_with(chunk(b"zTXt", CANARY + b"\x00\x00" + zlib.compress(b"text" * 20)[:-8])),
        "/png/zTXt/0",
    ),
    "text without keyword": (_png_with(chunk(b"tEXt", b"\x00" + CANARY)), "/png/tEXt/0"),
    "keyword of 80 bytes": (_png_with(chunk(b"tEXt", b"k" * 80 + b"\x00" + CANARY)), "/png/tEXt/0"),
    "iTXt compression flag 2": (
        _png_with(chunk(b"iTXt", b"Comment\x00\x02\x00\x00\x00" + CANARY)),
        "/png/iTXt/0",
    ),
    "iTXt not UTF-8": (_png_with(chunk(b"iTXt", b"Comment\x00\x00\x00\x00\x00\xff" + CANARY)), "/png/iTXt/0"),
    "XMP a plain string": (jpeg_bytes(xmp=b"sample xmp string " + CANARY), "/xmp/unreadable"),
    "XMP unclosed": (jpeg_bytes(xmp=b"<x:xmpmeta xmlns:x='adobe:ns:meta/'><a>" + CANARY), "/xmp/unreadable"),
    "XMP nested past the limit": (jpeg_bytes(xmp=b"<a>" * 100 + CANARY + b"</a>" * 100), "/xmp/unreadable"),
    "XMP not Unicode": (jpeg_bytes(xmp=b"\xff\xfe\x00" + CANARY), "/xmp/unreadable"),
    "PNG XMP not XML": (
        _png_with(chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + CANARY)),
        "/xmp/iTXt/unreadable",
    ),
    "WebP XMP not XML": (webp_bytes(xmp=b"not xml " + CANARY), "/xmp/unreadable"),
    "EXIF not TIFF": (_png_with(chunk(b"eXIf", b"XX*\x00\x08\x00\x00\x00" + CANARY)), "/exif/unreadable"),
    "EXIF IFD0 outside": (_png_with(chunk(b"eXIf", b"II*\x00\xff\xff\x00\x00" + CANARY)), "/exif/unreadable"),
    "EXIF entries announced, none there": (
        _png_with(chunk(b"eXIf", TIFF + b"\x05\x00" + CANARY)),
        "/exif/unreadable",
    ),
    "EXIF Artist offset outside": (
        _png_with(chunk(b"eXIf", TIFF + b"\x01\x00" + struct.pack("<HHII", 0x013B, 2, 100, 4000) + CANARY)),
        "/exif/unreadable",
    ),
    "JPEG EXIF IFD loop": (
        _jpeg_with(
            0xE1, b"Exif\x00\x00" + TIFF + b"\x01\x00" + struct.pack("<HHII", 0x8769, 4, 1, 8) + CANARY
        ),
        "/exif/unreadable",
    ),
    "Photoshop resource past the segment": (_jpeg_with(0xED, PS + b"\xff\xff" + CANARY), "/iptc/unreadable"),
    "IIM extended length": (
        _jpeg_with(0xED, PS + b"\x00\x1d\x1c\x02\x50\x80\x04" + CANARY),
        "/iptc/unreadable",
    ),
    "IIM dataset past the end": (
        _jpeg_with(0xED, PS + b"\x00\x1f\x1c\x02\x50\x00\x40" + CANARY),
        "/iptc/unreadable",
    ),
    "Ducky tag past the segment": (_jpeg_with(0xEC, b"Ducky\x00\x02\x01\x00" + CANARY), "/ducky/unreadable"),
}


@pytest.mark.parametrize("case", CASES)
def test_an_unreadable_block_is_unread_and_stripped_whole(case: str) -> None:
    data, path = CASES[case]
    assert CANARY in data
    found = probe(data)
    items = read_metadata(data, found).items
    assert [(item.path, item.kind) for item in items if item.kind == "unread"] == [(path, "unread")]
    out = strip_identifiers(data, found, DEFAULT_STRIP_KINDS)
    assert CANARY not in out
    again = probe(out)
    assert not [item for item in read_metadata(out, again).items if item.kind in ("unread", "uninspected")]
    with Image.open(io.BytesIO(data)) as before, Image.open(io.BytesIO(out)) as after:
        assert before.tobytes() == after.tobytes()


def test_an_unreadable_block_stays_when_the_strip_is_not_asked_for_unread() -> None:
    data, _ = CASES["XMP a plain string"]
    assert strip_identifiers(data, probe(data), frozenset({"location"})) is data


def test_a_png_profile_that_does_not_inflate_is_held_not_refused() -> None:
    # Removing the profile would change the colours a viewer shows: uninspected, the policy holds it.
    data = _png_with(chunk(b"iCCP", b"ICC profile\x00\x00" + zlib.compress(b"\x00" * 200)[:-6]))
    items = read_metadata(data, probe(data)).items
    assert [(item.path, item.kind) for item in items] == [("/png/iCCP/0", "uninspected")]


def test_a_dtd_in_xmp_is_still_refused() -> None:
    packet = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    data = jpeg_bytes(xmp=packet)
    with pytest.raises(ImageUndecodable, match="DTD"):
        read_metadata(data, probe(data))


def test_text_past_the_scan_limits_is_unscannable_not_a_gate_error() -> None:
    # A real Photoshop profile's ICC `targ` tag held 414 KB of measurement text: the scanner's limit raised
    # out of the check, and the image ended as gate.error.
    limits = ScanLimits()
    data = _png_with(chunk(b"tEXt", b"Comment\x00" + b"word " * (limits.max_string_chars // 4)))
    ctx = CheckContext(data=data, declared_media_type=None, probe=probe(data))
    reasons = MetadataCheck(limits).run(ctx).reasons
    assert [(r.code, r.entity, r.path) for r in reasons] == [
        ("metadata.personal_data", "UNSCANNABLE", "/png/tEXt/Comment")
    ]
