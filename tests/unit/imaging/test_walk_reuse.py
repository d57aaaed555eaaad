"""One structural walk per image: probe's layout is reused only for the very bytes it walked."""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import Callable

import pytest
from PIL.PngImagePlugin import PngInfo

from gate.errors import ImageUndecodable
from gate.imaging import jpeg, png, probe, read_metadata, strip_identifiers, webp
from tests.unit.imaging.images import camera_exif, handmade_png, jpeg_bytes, png_bytes, webp_bytes

WALKS = {"jpeg": jpeg, "png": png, "webp": webp}


def _count_walks(monkeypatch: pytest.MonkeyPatch, module: object) -> list[bytes]:
    walked: list[bytes] = []
    real: Callable[..., object] = module.walk  # type: ignore[attr-defined]

    def counting(data: bytes, **kwargs: bool) -> object:
        walked.append(data)
        return real(data, **kwargs)

    monkeypatch.setattr(module, "walk", counting)
    return walked


@pytest.mark.parametrize(
    ("make", "module"),
    [
        (lambda: jpeg_bytes(exif=camera_exif()), "jpeg"),
        (lambda: png_bytes(exif=camera_exif()), "png"),
        (lambda: webp_bytes(exif=camera_exif()), "webp"),
    ],
)
def test_read_metadata_reuses_the_probe_walk(
    monkeypatch: pytest.MonkeyPatch, make: Callable[[], bytes], module: str
) -> None:
    data = make()
    found = probe(data)
    walked = _count_walks(monkeypatch, WALKS[module])
    assert read_metadata(data, found).items
    assert walked == []


def test_strip_reuses_the_probe_walk_and_walks_its_output_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    data = jpeg_bytes(exif=camera_exif())
    found = probe(data)
    walked = _count_walks(monkeypatch, jpeg)
    out = strip_identifiers(data, found)
    assert out != data
    assert len(walked) == 1  # only the check of the stripped output
    assert walked[0] is out


def test_a_probe_of_other_bytes_does_not_lend_its_layout() -> None:
    plain, gps = jpeg_bytes(), jpeg_bytes(exif=camera_exif())
    assert read_metadata(gps, probe(plain)).items  # walked afresh: the GPS is found
    equal_copy = bytes(bytearray(plain))
    assert read_metadata(equal_copy, probe(plain)).items == ()


def test_a_mutable_buffer_is_walked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    data = bytearray(jpeg_bytes(exif=camera_exif()))
    found = probe(data)  # type: ignore[arg-type]  # callers may hand over a bytearray anyway
    walked = _count_walks(monkeypatch, jpeg)
    read_metadata(data, found)  # type: ignore[arg-type]
    assert len(walked) == 1


def test_layout_is_not_part_of_repr_or_equality() -> None:
    data = png_bytes()
    first, second = probe(data), probe(bytes(bytearray(data)))
    assert first == second
    assert repr(first) == repr(second)
    assert "b'" not in repr(first)


def _png_with_corrupt_crc(ctype: bytes, extra: bytes = b"") -> bytes:
    data = bytearray(handmade_png(4, 4, extra))
    pos = data.index(ctype) - 4
    (length,) = struct.unpack_from(">I", data, pos)
    data[pos + 8 + length] ^= 0x01
    return bytes(data)


TEXT = struct.pack(">I", 9) + b"tEXtAuthor\x00Jan" + struct.pack(">I", zlib.crc32(b"tEXtAuthor\x00Jan"))


@pytest.mark.parametrize(
    ("ctype", "extra"), [(b"IHDR", b""), (b"tEXt", TEXT), (b"IDAT", b""), (b"IEND", b"")]
)
def test_png_crc_of_every_chunk_is_checked(ctype: bytes, extra: bytes) -> None:
    with pytest.raises(ImageUndecodable, match="CRC"):
        probe(_png_with_corrupt_crc(ctype, extra))


def test_png_with_one_flipped_byte_inside_idat_is_refused() -> None:
    # The gate never decodes pixels; the IDAT CRC is what tells it Pillow would report a broken stream.
    data = bytearray(png_bytes())
    data[data.index(b"IDAT") + 10] ^= 0x01
    with pytest.raises(ImageUndecodable, match="CRC"):
        probe(bytes(data))


def test_png_truncated_inside_idat_is_refused() -> None:
    info = PngInfo()
    info.add_text("Author", "Jane")
    whole = png_bytes(info)
    idat = whole.index(b"IDAT")
    with pytest.raises(ImageUndecodable, match="truncated"):
        probe(whole[: idat + 20])


@pytest.mark.parametrize("size", [0, 1, 7, 64, 4096, 65_537, 3_000_001])
def test_the_vectorised_crc_is_zlibs_crc(size: int) -> None:
    # The walk checks CRCs with ISA-L on views; PNG writers use zlib's polynomial.
    data = random.Random(size).randbytes(size)
    view = memoryview(data)
    assert png.crc32(view[1:]) == zlib.crc32(data[1:])
    assert png.crc32(data) == zlib.crc32(data)
