"""Bytes a format reserves or pads with and no reader looks at (truth tables): zero is read, anything else
is a channel the gate did not read. WebP's reserved bits make the chunk uninspected (the frame or header
is needed, so the image is held); a Photoshop resource's padding and an EXIF prefix's sixth byte make
their block unread (removed whole). Before the eighth image round all of these were published."""

from __future__ import annotations

import io
import struct

import pytest
from PIL import Image

from gate.errors import ImageUndecodable
from gate.imaging import probe, read_metadata, strip_identifiers, webp
from gate.imaging.items import DEFAULT_STRIP_KINDS
from gate.imaging.jpeg import segment_bytes
from tests.unit.imaging.images import chunk, jpeg_bytes, pixels, png_bytes


def _riff(body: bytes) -> bytes:
    return body[:4] + struct.pack("<I", len(body) - 8) + body[8:]


def _translucent() -> Image.Image:
    image = pixels().convert("RGBA")
    image.putalpha(Image.linear_gradient("L").resize(image.size))  # an alpha channel libwebp keeps
    return image


def _lossy_alpha() -> bytes:
    buf = io.BytesIO()
    _translucent().save(buf, "WEBP", quality=80)
    return buf.getvalue()


def _animation() -> bytes:
    buf = io.BytesIO()
    frames = [_translucent(), _translucent().transpose(Image.Transpose.FLIP_LEFT_RIGHT)]
    frames[0].save(buf, "WEBP", save_all=True, append_images=frames[1:], quality=80, duration=100)
    return buf.getvalue()


def _set(data: bytes, fourcc: bytes, at: int, value: int) -> bytes:
    """`data` with byte `at` of the first `fourcc` chunk's payload set to `value`."""
    found = next(c for c in webp.walk(data).chunks if c.fourcc == fourcc)
    out = bytearray(data)
    out[found.start + 8 + at] = value
    return bytes(out)


def _uninspected(data: bytes) -> list[str]:
    return [item.path for item in read_metadata(data, probe(data)).items if item.kind == "uninspected"]


ALPHA, ANIMATION = _lossy_alpha(), _animation()
FLAGS = ALPHA[20]  # VP8X's flag byte as Pillow writes it
ALPH_AT = next(c for c in webp.walk(ALPHA).chunks if c.fourcc == b"ALPH").start + 8
ALPH_HEADER = ALPHA[ALPH_AT]


@pytest.mark.parametrize(
    ("data", "held"),
    [
        (ALPHA, []),
        (_set(ALPHA, b"VP8X", 1, ord("j")), ["/webp/VP8X/0"]),  # the 24 reserved bits
        (_set(ALPHA, b"VP8X", 3, 1), ["/webp/VP8X/0"]),
        (_set(ALPHA, b"ALPH", 0, ALPH_HEADER | 0x40), ["/webp/ALPH/0"]),  # reserved bits: libwebp refuses
        (_set(ALPHA, b"ALPH", 0, (ALPH_HEADER & 0xCF) | 0x20), ["/webp/ALPH/0"]),  # pre-processing 2
        (_set(ALPHA, b"ALPH", 0, (ALPH_HEADER & 0xFC) | 0x02), ["/webp/ALPH/0"]),  # compression 2
        (_set(ALPHA, b"ALPH", 0, ALPH_HEADER | 0x0C), []),  # filtering 3 (gradient): defined
        (ANIMATION, []),
        (_set(ANIMATION, b"ANMF", 15, 0x04), ["/webp/ANMF/0"]),  # a frame's reserved flag bits
        (_set(ANIMATION, b"ANMF", 15, 0x03), []),  # blending and disposal: defined
    ],
)
def test_webp_reserved_bits_hold_the_image(data: bytes, held: list[str]) -> None:
    assert _uninspected(data) == held


@pytest.mark.parametrize("bits", [0x80, 0x40, 0x01])
def test_webp_reserved_flag_bits_are_never_published(bits: int) -> None:
    # Pillow's header parse refuses the top two already; the lowest it passes, the gate holds.
    data = _set(ALPHA, b"VP8X", 0, FLAGS | bits)
    try:
        found = probe(data)
    except ImageUndecodable:
        return
    assert _uninspected(data) == ["/webp/VP8X/0"], found


def _frame_alpha(value: int) -> bytes:
    """The animation with the ALPH header inside its first frame set to `value`."""
    frame = next(c for c in webp.walk(ANIMATION).chunks if c.fourcc == b"ANMF")
    at = ANIMATION.index(b"ALPH", frame.start) + 8
    return ANIMATION[:at] + bytes([value]) + ANIMATION[at + 1 :]


def test_an_alpha_header_inside_a_frame_is_checked_too() -> None:
    at = ANIMATION.index(b"ALPH") + 8
    assert _uninspected(_frame_alpha(ANIMATION[at])) == []
    assert _uninspected(_frame_alpha(ANIMATION[at] | 0x80)) == ["/webp/ANMF/0"]


TIFF = b"II*\x00\x08\x00\x00\x00\x00\x00\x00\x00\x00\x00"


def _unread(data: bytes) -> list[str]:
    return [item.path for item in read_metadata(data, probe(data)).items if item.kind == "unread"]


@pytest.mark.parametrize(
    ("data", "unread"),
    [
        (jpeg_bytes()[:2] + segment_bytes(0xE1, b"Exif\x00\x00" + TIFF) + jpeg_bytes()[2:], []),
        (
            jpeg_bytes()[:2] + segment_bytes(0xE1, b"Exif\x00J" + TIFF) + jpeg_bytes()[2:],
            ["/exif/unreadable"],
        ),
        (png_bytes()[:33] + chunk(b"eXIf", b"Exif\x00\x00" + TIFF) + png_bytes()[33:], []),
        (png_bytes()[:33] + chunk(b"eXIf", b"Exif\x00J" + TIFF) + png_bytes()[33:], ["/exif/unreadable"]),
    ],
)
def test_an_exif_prefix_is_exactly_exif_nul_nul(data: bytes, unread: list[str]) -> None:
    assert _unread(data) == unread
    out = strip_identifiers(data, probe(data), DEFAULT_STRIP_KINDS)
    assert (b"Exif\x00J" in out) is False


def _resource(data: bytes, name: bytes = b"", name_pad: bytes = b"", data_pad: bytes = b"") -> bytes:
    pascal = bytes([len(name)]) + name + (name_pad if len(name) % 2 == 0 else b"")
    return (
        b"8BIM\x04\x04" + pascal + struct.pack(">I", len(data)) + data + (data_pad if len(data) & 1 else b"")
    )


IIM = b"\x1c\x02\x00\x00\x02\x00\x04" + b"\x1c\x02\x78\x00\x05hello"  # odd: one padding byte follows


@pytest.mark.parametrize(
    ("resource", "unread"),
    [
        (_resource(IIM, name_pad=b"\x00", data_pad=b"\x00"), []),
        (_resource(IIM, name_pad=b"\x00", data_pad=b"J"), ["/iptc/resource/0"]),
        (_resource(IIM, name_pad=b"J", data_pad=b"\x00"), ["/iptc/resource/0"]),
        (
            _resource(IIM[:-6] + b"\x04hell", name_pad=b"\x00", data_pad=b"J"),
            [],
        ),  # even data: no padding byte
    ],
)
def test_photoshop_padding_is_zero_or_unread(resource: bytes, unread: list[str]) -> None:
    payload = b"Photoshop 3.0\x00" + resource
    data = jpeg_bytes()[:2] + segment_bytes(0xED, payload) + jpeg_bytes()[2:]
    assert _unread(data) == unread
    out = strip_identifiers(data, probe(data), DEFAULT_STRIP_KINDS)
    assert (b"\x1c\x02\x78" in out) is not bool(unread)  # an unread resource goes whole
