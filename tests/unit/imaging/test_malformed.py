"""Hostile and broken inputs: only ImageUndecodable or ImageLimitExceeded may ever come out."""

from __future__ import annotations

import hashlib
import random
import struct
import zlib

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from gate.errors import ImageLimitExceeded, ImageUndecodable
from gate.imaging import ImageLimits, probe, read_metadata, strip_identifiers
from tests.unit.imaging.images import (
    AI_XMP,
    camera_exif,
    chunk,
    handmade_png,
    jpeg_bytes,
    png_bytes,
    webp_bytes,
    with_app13_iptc,
    xmp_packet,
)

GATE_ERRORS = (ImageUndecodable, ImageLimitExceeded)


def full_pipeline(data: bytes, limits: ImageLimits | None = None) -> None:
    found = probe(data, limits)
    read_metadata(data, found)
    strip_identifiers(data, found, frozenset({"location", "device_id", "owner", "free_text"}))


def ztxt(keyword: bytes, compressed: bytes) -> bytes:
    return chunk(b"zTXt", keyword + b"\x00\x00" + compressed)


BOMB = zlib.compress(b"\x00" * (64 * 1024 * 1024), 9)  # 64 MiB in ~64 KiB


def test_ztxt_zip_bomb_before_idat_is_caught_by_probe() -> None:
    # Pillow inflates text chunks before IDAT while reading the header; its own guard fires first.
    with pytest.raises(ImageLimitExceeded, match="size guard"):
        probe(handmade_png(4, 4, ztxt(b"Comment", BOMB)))


def test_ztxt_zip_bomb_after_idat_is_bounded_by_our_inflate() -> None:
    data = handmade_png(4, 4, after_idat=ztxt(b"Comment", BOMB))
    found = probe(data)
    with pytest.raises(ImageLimitExceeded, match="max_metadata_bytes"):
        read_metadata(data, found)


def test_itxt_zip_bomb_is_bounded() -> None:
    bomb = zlib.compress(b"a" * (8 * 1024 * 1024), 9)
    data = handmade_png(4, 4, after_idat=chunk(b"iTXt", b"Comment\x00\x01\x00\x00\x00" + bomb))
    with pytest.raises(ImageLimitExceeded):
        full_pipeline(data)


def test_total_metadata_budget_spans_chunks() -> None:
    info = PngInfo()
    for i in range(5):
        info.add_text(f"k{i}", "x" * 300)
    with pytest.raises(ImageLimitExceeded):
        full_pipeline(png_bytes(info), ImageLimits(max_metadata_bytes=1000))


def test_huge_exif_is_refused() -> None:
    tiff = camera_exif().tobytes()[6:]
    data = handmade_png(4, 4, chunk(b"eXIf", tiff + b"\x00" * (5 * 1024 * 1024)))
    with pytest.raises(ImageLimitExceeded):
        full_pipeline(data)


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/">&lol2;</x:xmpmeta>'
)
EXTERNAL_ENTITY = b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'


@pytest.mark.parametrize(
    "packet",
    [
        BILLION_LAUGHS,
        EXTERNAL_ENTITY,
        BILLION_LAUGHS.decode().encode("utf-16"),  # the DTD check must not be dodged by encoding
    ],
)
def test_xmp_with_a_dtd_is_undecodable(packet: bytes) -> None:
    with pytest.raises(ImageUndecodable):
        full_pipeline(jpeg_bytes(xmp=packet))


def _extended_xmp_jpeg(total: int, offset: int, part: bytes) -> bytes:
    guid = hashlib.md5(part).hexdigest().upper().encode()  # XMP names the packet by its MD5
    body = b"http://ns.adobe.com/xmp/extension/\x00" + guid + struct.pack(">II", total, offset) + part
    data = jpeg_bytes()
    return data[:2] + b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body + data[2:]


def test_extended_xmp_is_read_and_stripped() -> None:
    packet = xmp_packet("<aux:SerialNumber>EXT-SN</aux:SerialNumber>")
    data = _extended_xmp_jpeg(len(packet), 0, packet)
    found = read_metadata(data, probe(data))
    assert [(i.path, i.kind) for i in found.items] == [("/xmp/aux:SerialNumber", "device_id")]
    out = strip_identifiers(data, probe(data))
    assert b"EXT-SN" not in out
    assert read_metadata(out, probe(out)).items == ()


def test_huge_extended_xmp_is_over_the_limit() -> None:
    with pytest.raises(GATE_ERRORS):
        full_pipeline(_extended_xmp_jpeg(2**31, 0, b"<x/>" * 4))


@pytest.mark.parametrize(("total", "offset"), [(10, 5), (16, 1), (8, 0)])
def test_inconsistent_extended_xmp_is_removed_unread(total: int, offset: int) -> None:
    """Parts that do not fit their length are put together by no XMP reader: removed, not a refusal."""
    data = _extended_xmp_jpeg(total, offset, b"<x/>" * 4)
    found = read_metadata(data, probe(data))
    assert [(i.path, i.kind) for i in found.items] == [("/jpeg/APP1/xmp_extension", "unread")]
    out = strip_identifiers(data, probe(data))
    assert b"xmp/extension" not in out and read_metadata(out, probe(out)).items == ()


def _seed_images() -> list[bytes]:
    info = PngInfo()
    info.add_text("parameters", "Steps: 20, Sampler: Euler")
    info.add_text("workflow", '{"a": [1, 2, {"b": "c"}]}', zip=True)
    info.add_itxt("XML:com.adobe.xmp", AI_XMP.decode(), zip=True)
    return [
        with_app13_iptc(
            jpeg_bytes(exif=camera_exif(), comment=b"hi", xmp=AI_XMP), {80: b"Jane", 90: b"Leeds"}
        ),
        png_bytes(info, exif=camera_exif(), size=(16, 12)),
        webp_bytes(exif=camera_exif(), xmp=AI_XMP),
    ]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_byte_flips_only_raise_gate_errors(seed: int) -> None:
    """300 mutants per format; each must pass cleanly or fail with one of the two gate errors."""
    rng = random.Random(seed)
    base = _seed_images()[seed]
    outcomes = {"ok": 0, "error": 0}
    for _ in range(300):
        mutant = bytearray(base)
        for _ in range(rng.randint(1, 4)):
            pos = rng.randrange(len(mutant))
            mutant[pos] = rng.randrange(256) if rng.random() < 0.7 else mutant[pos] ^ 0xFF
        if rng.random() < 0.1:
            del mutant[rng.randrange(len(mutant)) :]
        try:
            full_pipeline(bytes(mutant))
        except GATE_ERRORS:
            outcomes["error"] += 1
        else:
            outcomes["ok"] += 1
    assert outcomes["error"] > 0  # the mutations really do break things


def test_webp_garbage_chunks() -> None:
    data = b"RIFF" + struct.pack("<I", 20) + b"WEBPVP8 " + struct.pack("<I", 8) + b"\x00" * 8
    with pytest.raises(ImageUndecodable):
        full_pipeline(data)
    with pytest.raises(ImageUndecodable):
        full_pipeline(b"RIFF\xff\xff\xff\x7fWEBPVP8X")


def test_pillow_global_limit_is_untouched_after_errors() -> None:
    with pytest.raises(GATE_ERRORS):
        full_pipeline(handmade_png(10_000, 10_000), ImageLimits(max_pixels=10**9))
    assert Image.MAX_IMAGE_PIXELS == 89_478_485


def test_deep_chain_of_exif_pointers_does_not_recurse() -> None:
    # Each IFD holds only an Exif-IFD pointer to the next: 3000 levels if a reader followed them all.
    ifd = struct.Struct("<HHHII")
    ifds = b"".join(ifd.pack(1, 0x8769, 4, 1, 8 + 18 * (i + 1)) + b"\x00" * 4 for i in range(3000))
    tiff = b"II*\x00\x08\x00\x00\x00" + ifds + b"\x00\x00\x00\x00\x00\x00"
    data = handmade_png(4, 4, chunk(b"eXIf", tiff))
    full_pipeline(data)  # only IFD0 -> Exif is followed; the rest of the chain is never visited
    # ... and so it is unread: the pointer the Exif IFD should not hold, and the tables nobody reads.
    items = read_metadata(data, probe(data)).items
    assert {(item.path, item.kind) for item in items} == {
        ("/exif/ExifOffset", "unread"),
        ("/exif/unreferenced", "unread"),
    }
