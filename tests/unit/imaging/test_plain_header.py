"""`plain_header` against Pillow itself: a header it calls plain is one Pillow opens, with the walked size
and the format `probe` reports, and `probe` decides every input as it does with Pillow asked every time.

Differential on purpose: the predicate restates Pillow's rules, so Pillow is the oracle, on images made
in every mode Pillow writes, on hand-made headers of each class the predicate leaves to Pillow, on real
files made by others, and on hypothesis mutations of all of them."""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from gate.errors import ImageLimitExceeded, ImageUndecodable, ImageUnsupported
from gate.imaging import ImageProbe, jpeg, png, probe, probing
from gate.imaging.formats import sniff_media_type
from gate.imaging.plain_header import plain_header
from tests.unit.imaging.images import (
    camera_exif,
    chunk,
    handmade_png,
    icc_profile,
    jpeg_bytes,
    png_bytes,
    webp_bytes,
    xmp_packet,
)
from tests.unit.imaging.multipicture import mpo

REAL = Path(__file__).parents[2] / "fixtures" / "real"


def _saved(image: Image.Image, fmt: str, **options: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt, **options)
    return buf.getvalue()


def _rgb(size: tuple[int, int] = (24, 16)) -> Image.Image:
    return Image.linear_gradient("L").resize(size).convert("RGB")


def _replace_segment(data: bytes, marker: int, payload: bytes) -> bytes:
    """`data` with its first `marker` segment's payload replaced."""
    segment = next(s for s in jpeg.walk(data).segments if s.marker == marker)
    return data[: segment.start] + jpeg.segment_bytes(marker, payload) + data[segment.end :]


def _insert_segment(data: bytes, marker: int, payload: bytes) -> bytes:
    """`data` with a segment inserted right after SOI."""
    return data[:2] + jpeg.segment_bytes(marker, payload) + data[2:]


def _png_with_ihdr(ihdr: bytes) -> bytes:
    plain = handmade_png(4, 3)
    layout = png.walk(plain)
    head = layout.chunks[0]
    return plain[: head.start] + chunk(b"IHDR", ihdr) + plain[head.end :]


BASE_JPEG = _saved(_rgb(), "JPEG")
BASE_PNG = handmade_png(4, 3)


def _generated() -> Iterator[tuple[str, bytes]]:
    """Images Pillow writes, in every mode and with every kind of metadata it writes."""
    for mode in ("L", "RGB", "CMYK"):
        image = _rgb().convert(mode)
        yield f"jpeg-{mode}", _saved(image, "JPEG")
        yield f"jpeg-{mode}-progressive", _saved(image, "JPEG", progressive=True)
    yield "jpeg-dpi", _saved(_rgb(), "JPEG", dpi=(300, 300))
    yield "jpeg-exif-icc-xmp-comment", jpeg_bytes(exif=camera_exif(), xmp=xmp_packet(), comment=b"c")
    yield "jpeg-comment-xmp", jpeg_bytes(comment=b"a comment", xmp=xmp_packet(), icc=False)
    yield "jpeg-restart", _saved(_rgb((64, 64)), "JPEG", restart_marker_blocks=1)
    yield "jpeg-qtables-16bit", _saved(_rgb(), "JPEG", qtables=[[300] * 64])
    for mode in ("1", "L", "LA", "P", "RGB", "RGBA", "I;16"):
        image = _rgb().convert(mode)
        yield f"png-{mode}", _saved(image, "PNG")
    yield "png-interlaced", _png_with_ihdr(struct.pack(">IIBBBBB", 4, 3, 8, 2, 0, 0, 1))
    yield "png-icc-text", png_bytes()
    yield "png-transparency", _saved(_rgb().convert("P"), "PNG", transparency=0)
    yield "png-dpi", _saved(_rgb(), "PNG", dpi=(72, 72))
    yield "png-private-chunk", handmade_png(4, 3, chunk(b"prVt", b"anything"), chunk(b"caBX", b"\x00" * 9))
    yield "webp", webp_bytes()
    for path in sorted(REAL.iterdir()):
        if path.suffix in (".jpg", ".png", ".webp"):
            yield f"real-{path.name}", path.read_bytes()


# Each class the predicate leaves to Pillow, with the reason in its name.
NOT_PLAIN = {
    "jpeg-exif": jpeg_bytes(exif=camera_exif(), icc=False),
    "jpeg-icc-profile": _saved(_rgb(), "JPEG", icc_profile=icc_profile()),
    "jpeg-photoshop": _insert_segment(BASE_JPEG, jpeg.APP13, b"Photoshop 3.0\x008BIM\x04\x04"),
    "jpeg-mpf": mpo(BASE_JPEG, BASE_JPEG),
    "jpeg-jfif-short": _replace_segment(BASE_JPEG, jpeg.APP0, b"JFIF\x00\x01"),
    "jpeg-adobe-short": _insert_segment(BASE_JPEG, jpeg.APP14, b"Adobe\x00"),
    "jpeg-jpg-marker": _insert_segment(BASE_JPEG, 0xC8, b"\x00\x00"),
    "jpeg-jpgn-marker": _insert_segment(BASE_JPEG, 0xF3, b"\x00\x00"),
    "jpeg-reserved-marker": _insert_segment(BASE_JPEG, 0x4F, b"\x00\x00"),
    "png-ihdr-short": _png_with_ihdr(struct.pack(">IIBBBB", 4, 3, 8, 2, 0, 0)),
    "png-no-mode": _png_with_ihdr(struct.pack(">IIBBBBB", 4, 3, 3, 2, 0, 0, 0)),
    "png-filter-method": _png_with_ihdr(struct.pack(">IIBBBBB", 4, 3, 8, 2, 0, 1, 0)),
    "png-text": handmade_png(4, 3, chunk(b"tEXt", b"Author\x00Jane")),
    "png-gamma": handmade_png(4, 3, chunk(b"gAMA", b"\x00\x00\xb1\x8f")),
    "png-second-ihdr": handmade_png(4, 3, chunk(b"IHDR", struct.pack(">IIBBBBB", 9, 9, 8, 2, 0, 0, 0))),
}


def _frame(precision: int, components: int, extra: bytes = b"") -> bytes:
    entries = b"".join(bytes((i + 1, 0x11, 0)) for i in range(components))
    return bytes((precision,)) + struct.pack(">HH", 16, 24) + bytes((components,)) + entries + extra


NOT_PLAIN_FRAMES = {
    "jpeg-12-bit": _frame(12, 3),
    "jpeg-2-components": _frame(8, 2),
    "jpeg-frame-odd-length": _frame(8, 3, b"\x00"),
}


def _outcome(data: bytes) -> ImageProbe | str:
    try:
        return probe(data)
    except (ImageUndecodable, ImageLimitExceeded, ImageUnsupported) as exc:
        return type(exc).__name__


def _pillow_outcome(data: bytes, monkeypatch: pytest.MonkeyPatch) -> ImageProbe | str:
    with monkeypatch.context() as patched:
        patched.setattr(probing, "plain_header", lambda data, layout: False)
        return _outcome(data)


def _assert_pillow_agrees(data: bytes) -> None:
    """If the walk accepts `data` and calls its header plain, Pillow opens it with the walked size."""
    media_type = sniff_media_type(data)
    if media_type not in probing._WALKS:
        return
    try:
        layout = probing._WALKS[media_type][1](data)
    except (ImageUndecodable, ImageLimitExceeded):
        return
    if not plain_header(data, layout):
        return
    with Image.open(io.BytesIO(data), formats=probing._PILLOW_FORMATS[media_type]) as image:
        walked = (probing._PLAIN_FORMATS[media_type], (layout.width, layout.height))
        assert (image.format, image.size) == walked


@pytest.mark.parametrize(("name", "data"), list(_generated()), ids=lambda v: v if isinstance(v, str) else "")
def test_plain_headers_open_in_pillow_and_probe_decides_as_with_pillow(
    name: str, data: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    _assert_pillow_agrees(data)
    assert _outcome(data) == _pillow_outcome(data, monkeypatch)


def test_the_common_headers_are_plain() -> None:
    """What cameras' exports aside most generators write: the cases the speed-up is for."""
    for data in (BASE_JPEG, _saved(_rgb(), "JPEG", progressive=True), BASE_PNG, _saved(_rgb(), "PNG")):
        assert plain_header(data, jpeg.walk(data) if data.startswith(b"\xff\xd8") else png.walk(data))


@pytest.mark.parametrize("name", sorted(NOT_PLAIN))
def test_headers_pillow_parses_further_are_left_to_pillow(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    data = NOT_PLAIN[name]
    layout = jpeg.walk(data) if data.startswith(b"\xff\xd8") else png.walk(data)
    assert not plain_header(data, layout)
    assert _outcome(data) == _pillow_outcome(data, monkeypatch)


@pytest.mark.parametrize("name", sorted(NOT_PLAIN_FRAMES))
def test_frames_pillow_refuses_are_never_plain(name: str) -> None:
    # Judged on a layout made by hand: the walk refuses some of these itself, and either way the
    # predicate must not vouch for them; the whole image is refused.
    frame = b"\xff\xd8" + jpeg.segment_bytes(0xC0, NOT_PLAIN_FRAMES[name])
    segments = (jpeg.Segment(0xC0, 2, len(frame)), jpeg.Segment(jpeg.SOS, len(frame), len(frame)))
    assert not plain_header(frame, jpeg.JpegLayout(segments, 24, 16))
    assert _outcome(_replace_segment(BASE_JPEG, 0xC0, NOT_PLAIN_FRAMES[name])) == "ImageUndecodable"


def test_webp_is_always_pillows() -> None:
    data = webp_bytes()
    assert not plain_header(data, probing._WALKS["image/webp"][1](data))


SEEDS = [data for _, data in _generated()] + list(NOT_PLAIN.values())


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(SEEDS)))
    reach = min(len(data), 2048)  # the headers: where Pillow's parse and the predicate look
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(2, reach - 1))
        kind = draw(st.sampled_from(["set", "insert", "delete"]))
        value = draw(st.binary(min_size=1, max_size=4))
        if kind == "set":
            data[at : at + len(value)] = value
        elif kind == "insert":
            data[at:at] = value
        else:
            del data[at : at + len(value)]
    return bytes(data)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_headers_called_plain_open_in_pillow(data: bytes) -> None:
    _assert_pillow_agrees(data)


_PREFIXES = [
    b"",
    b"JFIF\x00",
    b"Exif\x00\x00",
    b"http://ns.adobe.com/xap/1.0/\x00",
    b"ICC_PROFILE\x00",
    b"MPF\x00",
    b"Photoshop 3.0\x00",
    b"Adobe",
    b"FPXR\x00",
    b"JP",
]
_MARKERS = [*range(0xE0, 0xF0), 0xFE, 0xC4, 0xCC, 0xC8, 0xF0, 0xFD, 0x02, 0x4F]


@st.composite
def jpeg_headers(draw: st.DrawFn) -> bytes:
    """BASE_JPEG with segments of any kind before its frame, and its frame's precision and size varied."""
    data = BASE_JPEG
    if draw(st.booleans()):
        components = draw(st.sampled_from([1, 3]))
        data = _saved(_rgb().convert("L" if components == 1 else "RGB"), "JPEG")
        payload = next(s for s in jpeg.walk(data).segments if s.marker == 0xC0).payload(data)
        precision = draw(st.sampled_from([8, 12, 16]))
        extra = draw(st.binary(max_size=4))
        data = _replace_segment(data, 0xC0, bytes((precision,)) + payload[1:] + extra)
    for _ in range(draw(st.integers(0, 3))):
        marker = draw(st.sampled_from(_MARKERS))
        payload = draw(st.sampled_from(_PREFIXES)) + draw(st.binary(max_size=12))
        data = _insert_segment(data, marker, payload)
    return data


@st.composite
def png_headers(draw: st.DrawFn) -> bytes:
    """A PNG with any IHDR fields and length, and chunks of any kind (CRCs right) before its IDAT."""
    fields = struct.pack(
        ">IIBBBBB",
        4,
        3,
        draw(st.sampled_from([1, 2, 4, 8, 16, 3])),
        draw(st.sampled_from([0, 2, 3, 4, 6, 1, 7])),
        draw(st.integers(0, 1)),
        draw(st.integers(0, 1)),
        draw(st.integers(0, 2)),
    )
    ihdr = fields[: draw(st.sampled_from([12, 13]))] if draw(st.booleans()) else fields
    extra = [
        chunk(
            draw(st.sampled_from([b"tEXt", b"gAMA", b"pHYs", b"caBX", b"prVt", b"sRGB", b"IHDR", b"cICP"])),
            draw(st.binary(max_size=16)),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    plain = handmade_png(4, 3, *extra)
    head = png.walk(plain).chunks[0]
    return plain[: head.start] + chunk(b"IHDR", ihdr) + plain[head.end :]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(jpeg_headers(), png_headers()))
def test_generated_headers_called_plain_open_in_pillow(data: bytes) -> None:
    _assert_pillow_agrees(data)


def test_probe_asks_pillow_only_for_headers_that_are_not_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """The speed-up holds: a plain header is probed without Pillow, any other still through it."""
    asked: list[str] = []
    real = probing._pillow_header

    def counting(data: bytes, media_type: str, size: tuple[int, int]) -> str:
        asked.append(media_type)
        return real(data, media_type, size)

    monkeypatch.setattr(probing, "_pillow_header", counting)
    assert probe(BASE_JPEG).format == "JPEG"
    assert probe(BASE_PNG).format == "PNG"
    assert asked == []
    probe(NOT_PLAIN["jpeg-exif"])
    probe(NOT_PLAIN["png-text"])
    probe(webp_bytes())
    assert asked == ["image/jpeg", "image/png", "image/webp"]
