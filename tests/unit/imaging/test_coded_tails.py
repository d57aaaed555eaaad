"""Where a JPEG scan's and a WebP bitstream's coded data end (`scan_tail`, `webp_tail`): clean files,
written and real, have nothing after it; bytes planted there are found, cut to the byte, and the cut
file decodes to the same pixels. What cannot be placed (before a restart marker, between scans) is held."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from gate.imaging import jpeg, scan_tail, strip, webp, webp_tail
from tests.unit.imaging.images import decoded

REAL = Path(__file__).parents[2] / "fixtures" / "real"


def _picture(mode: str = "RGB", size: tuple[int, int] = (91, 67)) -> Image.Image:
    noise = np.random.default_rng(7).integers(0, 255, (size[1], size[0], 3), dtype=np.uint8)
    noise[:, : size[0] // 2] = 128  # flat and busy halves: short and long codes
    return Image.fromarray(noise).convert(mode)


def _jpeg(mode: str = "RGB", **options: object) -> bytes:
    buf = io.BytesIO()
    _picture(mode).save(buf, "JPEG", **options)
    return buf.getvalue()


JPEGS = {
    "baseline": _jpeg(quality=85),
    "progressive": _jpeg(quality=85, progressive=True),
    "restart interval": _jpeg(restart_marker_blocks=1),
    "progressive with restarts": _jpeg(progressive=True, restart_marker_rows=1),
    "cmyk": _jpeg("CMYK"),
    "grey": _jpeg("L"),
    "4:4:4 at quality 100": _jpeg(quality=100, subsampling=0),
    "iphone gain map (real)": (REAL / "apple-gainmap.jpg").read_bytes(),
    "ultra hdr (real)": (REAL / "libultrahdr-minnie-y.jpg").read_bytes(),
}


def _tails(data: bytes) -> tuple[scan_tail.ScanTail, ...]:
    return scan_tail.scan_tails(data, jpeg.walk(data))


def _before(data: bytes, marker: bytes, planted: bytes, after: int = 0) -> bytes:
    """`planted` before the first `marker` from `after`, a multi-picture JPEG's index moved to match."""
    at = data.index(marker, after)
    out = data[:at] + planted + data[at:]
    return strip.fix_mp_index(data, out, [(at, at, planted)], None)


@pytest.mark.parametrize("name", sorted(JPEGS))
def test_a_clean_jpeg_has_nothing_after_its_scans(name: str) -> None:
    assert _tails(JPEGS[name]) == ()


# 1-7 bytes hide in libjpeg-turbo's bit buffer, uncounted by its warning; the cut finds them too.
@pytest.mark.parametrize("planted", [b"x", b"ab", b"7 bytes", b"ab\xff\x00cd", b"jane@example.org, +44 20"])
@pytest.mark.parametrize("name", ["baseline", "progressive", "cmyk", "iphone gain map (real)"])
def test_bytes_before_eoi_are_cut_to_the_byte(name: str, planted: bytes) -> None:
    clean = JPEGS[name]
    data = _before(clean, b"\xff\xd9", planted)
    (tail,) = _tails(data)
    assert (tail.picture, tail.removable) == (0, True)
    assert data[tail.span[0] : tail.span[1]] == planted
    assert decoded(data[: tail.span[0]] + data[tail.span[1] :]) == decoded(clean)


def test_bytes_before_a_further_pictures_eoi_are_found_there() -> None:
    clean = JPEGS["iphone gain map (real)"]
    second = jpeg.walk(clean).images[1][0]
    data = _before(clean, b"\xff\xd9", b"canary", after=second)
    (tail,) = _tails(data)
    assert (tail.picture, tail.removable, data[tail.span[0] : tail.span[1]]) == (1, True, b"canary")


@pytest.mark.parametrize(
    ("name", "marker"),
    [
        ("restart interval", b"\xff\xd3"),
        ("progressive with restarts", b"\xff\xd0"),
        ("iphone gain map (real)", b"\xff\xd0"),  # the primary picture has a restart interval
        ("progressive", b"\xff\xc4"),  # the Huffman tables before the second scan
    ],
)
def test_bytes_before_another_marker_hold_the_picture(name: str, marker: bytes) -> None:
    clean = JPEGS[name]
    scan = next(s.end for s in jpeg.walk(clean).segments if s.marker == jpeg.SOS)
    (tail,) = _tails(_before(clean, marker, b"canary", after=scan))
    assert (tail.picture, tail.removable) == (0, False)


def _webp(image: Image.Image, **options: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "WEBP", **options)
    return buf.getvalue()


def _rgba() -> Image.Image:
    image = _picture("RGBA")
    image.putalpha(_picture("L"))
    return image


WEBPS = {
    "lossy": _webp(_picture(), quality=80),
    "lossy at quality 10": _webp(_picture(), quality=10),
    "lossy, larger": _webp(_picture(size=(600, 400)), quality=90),
    "lossless": _webp(_picture(), lossless=True),
    "lossy with alpha": _webp(_rgba(), quality=80),
    "lossless with alpha": _webp(_rgba(), lossless=True),
    "flat colour": _webp(Image.new("RGB", (64, 64), (200, 10, 10)), quality=80),
    "flat colour lossless": _webp(Image.new("RGB", (64, 64), (200, 10, 10)), lossless=True),
    "with exif (extended)": _webp(
        _picture(), lossless=True, exif=b"Exif\x00\x00II*\x00\x08\x00\x00\x00\x00\x00"
    ),
    "c2pa-rs riff (real)": (REAL / "c2pa-rs-riff-info.webp").read_bytes(),
    "alpha ending in zeros (real)": (REAL / "cpython-python.webp").read_bytes(),
}


def _grown(data: bytes, fourcc: bytes, tail: bytes) -> bytes:
    chunk = next(c for c in webp.walk(data).chunks if c.fourcc == fourcc)
    out = data[: chunk.start] + webp.chunk_bytes(fourcc, chunk.payload(data) + tail) + data[chunk.end :]
    return out[:4] + struct.pack("<I", len(out) - 8) + out[8:]


def _webp_tails(data: bytes) -> tuple[webp_tail.BitstreamTail, ...]:
    return webp_tail.bitstream_tails(data, webp.walk(data))


@pytest.mark.parametrize("name", sorted(WEBPS))
def test_a_clean_webp_has_nothing_after_its_bitstreams(name: str) -> None:
    assert _webp_tails(WEBPS[name]) == ()


@pytest.mark.parametrize(
    ("name", "fourcc"),
    [
        ("lossy", b"VP8 "),
        ("lossy, larger", b"VP8 "),
        ("lossless", b"VP8L"),
        ("with exif (extended)", b"VP8L"),
        ("lossy with alpha", b"ALPH"),
        ("lossy with alpha", b"VP8 "),
        ("lossless with alpha", b"VP8L"),
        ("c2pa-rs riff (real)", b"VP8 "),
    ],
)
@pytest.mark.parametrize("planted", [b"+44 20 7946 0958", b"jane.doe@example.org lives at 1 Main St"])
def test_bytes_after_a_bitstream_are_cut_and_the_pixels_kept(
    name: str, fourcc: bytes, planted: bytes
) -> None:
    data = _grown(WEBPS[name], fourcc, planted)
    (tail,) = _webp_tails(data)
    assert tail.name == fourcc.decode().strip() and tail.rewritten is not None
    assert planted[1:] not in tail.rewritten  # at most one spare byte of a lossless stream is kept
    cut = data[: tail.span[0]] + tail.rewritten + data[tail.span[1] :]
    cut = cut[:4] + struct.pack("<I", len(cut) - 8) + cut[8:]
    assert decoded(cut) == decoded(WEBPS[name])


def _first_partition_grown(data: bytes, planted: bytes) -> bytes:
    """A VP8 key frame with `planted` after its first partition's code, the size in the frame tag raised."""

    def grow(body: bytes) -> bytes:
        tag = int.from_bytes(body[:3], "little")
        size = tag >> 5
        raised = ((tag & 0x1F) | ((size + len(planted)) << 5)).to_bytes(3, "little")
        return raised + body[3 : 10 + size] + planted + body[10 + size :]

    chunk = next(c for c in webp.walk(data).chunks if c.fourcc == b"VP8 ")
    out = data[: chunk.start] + webp.chunk_bytes(b"VP8 ", grow(chunk.payload(data))) + data[chunk.end :]
    return out[:4] + struct.pack("<I", len(out) - 8) + out[8:]


@pytest.mark.parametrize("name", ["lossy", "lossy with alpha", "c2pa-rs riff (real)"])
def test_bytes_after_a_vp8_first_partition_are_cut(name: str) -> None:
    data = _first_partition_grown(WEBPS[name], b"jane.doe@example.org")
    (tail,) = _webp_tails(data)
    assert tail.name == "VP8" and tail.rewritten is not None and b"example" not in tail.rewritten
    cut = data[: tail.span[0]] + tail.rewritten + data[tail.span[1] :]
    cut = cut[:4] + struct.pack("<I", len(cut) - 8) + cut[8:]
    assert decoded(cut) == decoded(WEBPS[name])


def _animation(**options: object) -> bytes:
    frames = [
        _rgba(),
        _picture("RGBA", size=(91, 67)).rotate(90),
        _rgba().transpose(Image.Transpose.FLIP_LEFT_RIGHT),
    ]
    buf = io.BytesIO()
    frames[0].save(buf, "WEBP", save_all=True, append_images=frames[1:], duration=80, **options)
    return buf.getvalue()


ANIMATIONS = {"lossy": _animation(quality=80), "lossless": _animation(lossless=True)}


def _frames(data: bytes) -> list[bytes]:
    with Image.open(io.BytesIO(data)) as image:
        out = []
        for number in range(getattr(image, "n_frames", 1)):
            image.seek(number)
            out.append(image.convert("RGBA").tobytes())
        return out


def _frame_grown(data: bytes, number: int, planted: bytes) -> bytes:
    """Animation `data` with `planted` after the last bitstream chunk's code in frame `number`."""
    frame = [c for c in webp.walk(data).chunks if c.fourcc == b"ANMF"][number]
    body = frame.payload(data)
    pos, last = 16, 16
    while pos + 8 <= len(body):
        last = pos
        pos += 8 + struct.unpack_from("<I", body, pos + 4)[0]
        pos += pos & 1
    fourcc, size = struct.unpack_from("<4sI", body, last)
    inner = body[:last] + webp.chunk_bytes(fourcc, body[last + 8 : last + 8 + size] + planted)
    out = data[: frame.start] + webp.chunk_bytes(b"ANMF", inner) + data[frame.end :]
    return out[:4] + struct.pack("<I", len(out) - 8) + out[8:]


@pytest.mark.parametrize("name", sorted(ANIMATIONS))
def test_a_clean_animation_has_nothing_after_its_frames_bitstreams(name: str) -> None:
    assert _webp_tails(ANIMATIONS[name]) == ()


@pytest.mark.parametrize("number", [0, 2])
@pytest.mark.parametrize("name", sorted(ANIMATIONS))
def test_bytes_after_a_frames_bitstream_are_cut_and_every_frame_kept(name: str, number: int) -> None:
    data = _frame_grown(ANIMATIONS[name], number, b"jane.doe@example.org")
    (tail,) = _webp_tails(data)
    assert (tail.name, tail.ordinal) == ("ANMF", f"{number}-tail")
    assert tail.rewritten is not None and b"example" not in tail.rewritten
    cut = data[: tail.span[0]] + tail.rewritten + data[tail.span[1] :]
    cut = cut[:4] + struct.pack("<I", len(cut) - 8) + cut[8:]
    assert _frames(cut) == _frames(ANIMATIONS[name])


def test_a_tail_before_fill_bytes_is_cut_and_the_fill_kept() -> None:
    clean = JPEGS["progressive"]
    data = _before(clean, b"\xff\xd9", b"jane.doe@example.org\xff\xff")
    (tail,) = _tails(data)
    assert tail.removable and data[tail.span[0] : tail.span[1]] == b"jane.doe@example.org"


def test_a_tail_before_a_segment_after_the_last_scan_holds_the_picture() -> None:
    # libjpeg-turbo names the marker after the tail (COM), which could follow any scan: not placed.
    clean = JPEGS["progressive"]
    data = _before(clean, b"\xff\xd9", b"jane.doe@example.org" + jpeg.segment_bytes(jpeg.COM, b"ok"))
    (tail,) = _tails(data)
    assert not tail.removable


def test_without_the_decoder_every_picture_is_held(monkeypatch: pytest.MonkeyPatch) -> None:
    # simplejpeg is a dependency; a build without it must not publish what it could not check.
    monkeypatch.setattr(scan_tail, "_HAVE_DECODER", False)
    data = bytes(bytearray(JPEGS["iphone gain map (real)"]))  # a new object: not the memo's last image
    tails = _tails(data)
    assert [(t.picture, t.removable, t.why) for t in tails] == [
        (0, False, "simplejpeg is not installed"),
        (1, False, "simplejpeg is not installed"),
    ]


@pytest.mark.parametrize(
    ("name", "fourcc"), [("lossless", b"VP8L"), ("lossy with alpha", b"ALPH"), ("lossy", b"VP8 ")]
)
def test_zeros_after_a_bitstream_carry_nothing_and_stay(name: str, fourcc: bytes) -> None:
    assert _webp_tails(_grown(WEBPS[name], fourcc, bytes(8))) == ()


def test_an_arithmetic_coded_picture_is_held() -> None:
    # Its decoder reads zeros past the code without a warning: a cut cannot be told from a clean end.
    baseline = JPEGS["baseline"]
    at = baseline.index(b"\xff\xc0")
    (tail,) = _tails(baseline[:at] + b"\xff\xc9" + baseline[at + 2 :])
    assert (tail.removable, tail.why) == (False, "arithmetic coding")
