"""Magic-byte sniffing and the public surface of gate.imaging."""

from __future__ import annotations

import types

import pytest

import gate.imaging
from gate.imaging import sniff_media_type


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"GIF89a\x01\x00", "image/gif"),
        (b"GIF87a\x01\x00", "image/gif"),
        (b"II*\x00\x08\x00\x00\x00", "image/tiff"),
        (b"MM\x00*\x00\x00\x00\x08", "image/tiff"),
        (b"\x00\x00\x00\x1cftypavif\x00\x00", "image/avif"),
        (b"\x00\x00\x00\x1cftypheic\x00\x00", "image/heic"),
        (b"\xff\x0a\xfa\x7f\x01\x90\x08", "image/jxl"),
        (b"\x00\x00\x00\x0cJXL \r\n\x87\n\x00\x00\x00\x14ftypjxl ", "image/jxl"),
        (b"\x00\x00\x00\x0cjP  \r\n\x87\n\x00\x00\x00\x14ftypjp2 ", "image/jp2"),
        (b"\xff\x4f\xff\x51\x00\x2f", "image/jp2"),
        (b"8BPS\x00\x01", "image/vnd.adobe.photoshop"),
        (b"qoif\x00\x00\x01\x00", "image/qoi"),
        (b"\x00\x00\x00\x0cJXL \r\n\x87", None),  # a signature box cut short announces nothing
        (b"RIFF\x10\x00\x00\x00WAVEfmt ", None),
        (b"%PDF-1.7", None),
        (b"\xff\xd8", None),  # SOI alone is not enough: every JPEG continues with a marker
        (b"", None),
    ],
)
def test_sniff_media_type(head: bytes, expected: str | None) -> None:
    assert sniff_media_type(head) == expected


def test_public_surface_is_exactly_all() -> None:
    # Everything public that is not a submodule must be listed in __all__, and nothing else.
    public = {
        name
        for name, value in vars(gate.imaging).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType) and name != "annotations"
    }
    assert set(gate.imaging.__all__) == public
