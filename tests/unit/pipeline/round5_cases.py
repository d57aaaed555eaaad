"""Cases of the fifth attacker round on images (redimg5), written before reading the walkers: each plants
a canary (an address, or GPS coordinates as a phone writes them) where a reader may not look. Here the
coding data (IDAT, palettes, APNG frames, WebP bitstreams, JPEG scans and coding segments); a phone's
files, XMP and other formats are in `round5_phone`. Data only; the tests are in
`test_unseen_containers_round5`.

Each case is (image, planted): the byte strings that must never be published unless the gate reports them.
"""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

from gate.imaging.jpeg import segment_bytes
from tests.unit.imaging.images import chunk, jpeg_bytes, pixels, png_bytes
from tests.unit.imaging.multipicture import mpo
from tests.unit.pipeline.round4_held import APNG
from tests.unit.pipeline.test_unseen_containers import (
    JPEG,
    after_soi,
    canary,
    tiff,
)

Case = tuple[bytes, tuple[bytes, ...]]


def planted(place: str) -> tuple[str, tuple[bytes, ...]]:
    text = canary(place)
    return text, (text.encode(),)


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    out, at = [], 8
    while at < len(data):
        (size,) = struct.unpack_from(">I", data, at)
        out.append((data[at + 4 : at + 8], data[at + 8 : at + 8 + size]))
        at += 12 + size
    return out


def png_rebuilt(data: bytes, idat: list[bytes], extra: tuple[tuple[bytes, bytes], ...] = ()) -> bytes:
    """`data` (a PNG) with its IDAT chunks replaced by `idat` and `extra` chunks put before them."""
    kept = [(kind, body) for kind, body in _png_chunks(data) if kind not in (b"IDAT", b"IEND")]
    out = b"\x89PNG\r\n\x1a\n" + b"".join(chunk(kind, body) for kind, body in kept)
    out += b"".join(chunk(kind, body) for kind, body in extra)
    return out + b"".join(chunk(b"IDAT", body) for body in idat) + chunk(b"IEND", b"")


def idat_stream(data: bytes) -> bytes:
    return b"".join(body for kind, body in _png_chunks(data) if kind == b"IDAT")


PNG = png_bytes()
STREAM = idat_stream(PNG)
ROWS = zlib.decompress(STREAM)


def _idat_after(data: bytes, payload: bytes) -> bytes:
    """`data` with a private chunk, then an IDAT holding `payload`, after its IDAT chunks."""
    at = data.index(b"IEND") - 4
    return data[:at] + chunk(b"prVt", b"private") + chunk(b"IDAT", payload) + data[at:]


def _idat_cases() -> dict[str, Case]:
    after, after_text = planted("idattail")
    split, split_text = planted("idatsplit")
    alone, alone_text = planted("idatalone")
    rows, rows_text = planted("idatrows")
    second, second_text = planted("idatzlib")
    apart, apart_text = planted("idatapart")
    half = len(split) // 2
    return {
        "png IDAT bytes after the stream": (png_rebuilt(PNG, [STREAM + after.encode()]), after_text),
        "png IDAT bytes after the stream split across IDATs": (
            png_rebuilt(PNG, [STREAM + split[:half].encode(), split[half:].encode()]),
            split_text,
        ),
        "png IDAT holding only bytes after the stream": (
            png_rebuilt(PNG, [STREAM, alone.encode()]),
            alone_text,
        ),
        "png IDAT after another chunk holding bytes after the stream": (
            _idat_after(png_rebuilt(PNG, [STREAM]), apart.encode()),
            apart_text,
        ),
        "png IDAT second zlib stream": (
            png_rebuilt(PNG, [STREAM + zlib.compress(second.encode())]),
            second_text,
        ),
        "png IDAT rows past the image": (
            png_rebuilt(PNG, [zlib.compress(ROWS + b"\x00" + rows.encode())]),
            rows_text,
        ),
    }


def _apng_frame_grown(tail: bytes = b"", rows: bytes = b"") -> bytes:
    """round4's APNG with its second frame's fdAT holding `tail` after its stream, or `rows` inside it."""
    at = APNG.index(b"fdAT") - 4
    (size,) = struct.unpack_from(">I", APNG, at)
    body = APNG[at + 8 : at + 8 + size]
    stream = body[4:]
    if rows:
        stream = zlib.compress(zlib.decompress(stream) + rows)
    grown = chunk(b"fdAT", body[:4] + stream + tail)
    return APNG[:at] + grown + APNG[at + 12 + size :]


def _apng_cases() -> dict[str, Case]:
    tail, tail_text = planted("fdattail")
    rows, rows_text = planted("fdatrows")
    return {
        "apng fdAT bytes after the stream": (_apng_frame_grown(tail=tail.encode()), tail_text),
        "apng fdAT rows past the frame": (_apng_frame_grown(rows=b"\x00" + rows.encode()), rows_text),
    }


def palette_png(plte: bytes, *extra: tuple[bytes, bytes], used: int = 2) -> bytes:
    """A 16x16 palette PNG whose pixels use entries 0..used-1 only, with `plte` as its palette."""
    ihdr = struct.pack(">IIBBBBB", 16, 16, 8, 3, 0, 0, 0)
    rows = b"".join(b"\x00" + bytes((x + y) % used for x in range(16)) for y in range(16))
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"PLTE", plte)
    out += b"".join(chunk(kind, body) for kind, body in extra)
    return out + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _padded(text: bytes, size: int) -> bytes:
    return text + bytes(size - len(text))


def _palette_cases() -> dict[str, Case]:
    plte, plte_text = planted("plte")
    trns, trns_text = planted("trns")
    bkgd, bkgd_text = planted("bkgd")
    splt, splt_text = planted("spltentries")
    sbit, sbit_text = planted("sbit")
    base = bytes(6)  # entries 0 and 1: black
    entries = _padded(b"\xff\xff\xff" + splt.encode(), 6 * 12)
    return {
        "png PLTE entries no pixel uses": (palette_png(base + _padded(plte.encode(), 762)), plte_text),
        "png tRNS entries no pixel uses": (
            palette_png(bytes(768), (b"tRNS", b"\xff\xff" + trns.encode())),
            trns_text,
        ),
        "png bKGD too long": (
            png_rebuilt(PNG, [STREAM], ((b"bKGD", b"\x00\x01\x00\x02\x00\x03" + bkgd.encode()),)),
            bkgd_text,
        ),
        "png sPLT entries": (
            png_rebuilt(PNG, [STREAM], ((b"sPLT", b"common\x00\x08" + entries),)),
            splt_text,
        ),
        "png sBIT too long": (
            png_rebuilt(PNG, [STREAM], ((b"sBIT", b"\x08\x08\x08" + sbit.encode()),)),
            sbit_text,
        ),
    }


def webp_simple(**options: object) -> bytes:
    buf = io.BytesIO()
    pixels().save(buf, "WEBP", **options)
    return buf.getvalue()


def webp_grown(data: bytes, fourcc: bytes, tail: bytes) -> bytes:
    """`data` (a WebP) with `tail` appended inside its `fourcc` chunk (the chunk's size grown with it)."""
    at = data.index(fourcc, 12)
    (size,) = struct.unpack_from("<I", data, at + 4)
    end = at + 8 + size + (size & 1)
    body = data[at + 8 : at + 8 + size] + tail
    grown = fourcc + struct.pack("<I", len(body)) + body + b"\x00" * (len(body) & 1)
    out = data[:at] + grown + data[end:]
    return out[:4] + struct.pack("<I", len(out) - 8) + out[8:]


def _webp_cases() -> dict[str, Case]:
    vp8l, vp8l_text = planted("vp8ltail")
    vp8, vp8_text = planted("vp8tail")
    ext, ext_text = planted("vp8xtail")
    alph, alph_text = planted("alphtail")
    return {
        "webp VP8L bytes after the bitstream": (
            webp_grown(webp_simple(lossless=True), b"VP8L", vp8l.encode()),
            vp8l_text,
        ),
        "webp VP8 bytes after the bitstream": (
            webp_grown(webp_simple(quality=80), b"VP8 ", vp8.encode()),
            vp8_text,
        ),
        "webp extended VP8L bytes after the bitstream": (
            webp_grown(webp_simple(lossless=True, exif=b"Exif\x00\x00" + tiff([])), b"VP8L", ext.encode()),
            ext_text,
        ),
        "webp ALPH bytes after the alpha": (
            webp_grown(_rgba_webp(), b"ALPH", alph.encode()),
            alph_text,
        ),
    }


def _rgba_webp() -> bytes:
    image = pixels().convert("RGBA")
    image.putalpha(pixels().convert("L"))  # an alpha that is not all opaque, so ALPH is written
    buf = io.BytesIO()
    image.save(buf, "WEBP", quality=80)
    return buf.getvalue()


def _before_marker(data: bytes, marker: bytes, insert: bytes) -> bytes:
    at = data.index(marker)
    return data[:at] + insert + data[at:]


def _sos(data: bytes) -> int:
    return data.index(b"\xff\xda")


def _grown_segment(data: bytes, marker: bytes, tail: bytes) -> bytes:
    at = data.index(marker)
    (size,) = struct.unpack_from(">H", data, at + 2)
    body = data[at + 4 : at + 2 + size] + tail
    return data[:at] + segment_bytes(marker[1], body) + data[at + 2 + size :]


def _restarted() -> bytes:
    buf = io.BytesIO()
    pixels().save(buf, "JPEG", quality=90, restart_marker_blocks=1)
    return buf.getvalue()


RESTARTED = _restarted()


def _jpeg_cases() -> dict[str, Case]:
    names = [
        "ecstail",
        "rsttail",
        "junk",
        "comsos",
        "app7",
        "dqt",
        "dht",
        "sof",
        "dri",
        "jpxt",
        "jumbf",
        "icc2",
    ]
    texts = {name: planted(name) for name in names}
    enc = {name: text.encode() for name, (text, _) in texts.items()}
    jumd = b"jumd" + b"\x00" * 16 + b"\x03" + enc["jumbf"] + b"\x00"
    jumbf = struct.pack(">I", 8 + len(jumd) + 4) + b"jumb" + struct.pack(">I", len(jumd) + 4) + jumd
    xt_box = struct.pack(">I", 8 + len(enc["jpxt"])) + b"xml " + enc["jpxt"]
    icc_jpeg = jpeg_bytes()
    cases = {
        "jpeg bytes after the scan before EOI": JPEG[:-2] + enc["ecstail"] + b"\xff\xd9",
        "jpeg bytes before a restart marker": _before_marker(RESTARTED, b"\xff\xd0", enc["rsttail"]),
        "jpeg bytes between segments": JPEG[: _sos(JPEG)] + enc["junk"] + JPEG[_sos(JPEG) :],
        "jpeg COM just before SOS": JPEG[: _sos(JPEG)]
        + segment_bytes(0xFE, enc["comsos"])
        + JPEG[_sos(JPEG) :],
        "jpeg APP7 of an unknown writer before SOS": JPEG[: _sos(JPEG)]
        + segment_bytes(0xE7, b"ACME\x00" + enc["app7"])
        + JPEG[_sos(JPEG) :],
        "jpeg DQT longer than its tables": _grown_segment(JPEG, b"\xff\xdb", enc["dqt"]),
        "jpeg DHT longer than its tables": _grown_segment(JPEG, b"\xff\xc4", enc["dht"]),
        "jpeg SOF longer than its components": _grown_segment(JPEG, b"\xff\xc0", enc["sof"]),
        "jpeg DRI longer than its interval": _grown_segment(RESTARTED, b"\xff\xdd", enc["dri"]),
        "jpeg APP11 JPEG-XT box": after_soi(0xEB, b"JP\x00\x01\x00\x00\x00\x01" + xt_box),
        "jpeg APP11 JUMBF that is no manifest": after_soi(0xEB, b"JP\x00\x01\x00\x00\x00\x01" + jumbf),
        "jpeg ICC chunk past the count": _before_marker(
            icc_jpeg, b"\xff\xdb", segment_bytes(0xE2, b"ICC_PROFILE\x00\x02\x01" + enc["icc2"])
        ),
    }
    keys = dict(zip(cases, names, strict=True))
    return {place: (data, texts[keys[place]][1]) for place, data in cases.items()}


CODING: dict[str, Case] = {
    **_idat_cases(),
    **_palette_cases(),
    **_apng_cases(),
    **_webp_cases(),
    **_jpeg_cases(),
}


def pillow_palette(palette: Image.Palette, colours: int = 256) -> bytes:
    buf = io.BytesIO()
    pixels().convert("P", palette=palette, colors=colours).save(buf, "PNG")
    return buf.getvalue()


# Clean neighbours: published as they are.
CLEAN: dict[str, bytes] = {
    "png web palette": pillow_palette(Image.Palette.WEB),
    "png adaptive palette": pillow_palette(Image.Palette.ADAPTIVE),
    "png adaptive palette of 16": pillow_palette(Image.Palette.ADAPTIVE, 16),
    "jpeg with restart markers": RESTARTED,
    "png palette gray ramp": palette_png(bytes(v for v in range(256) for _ in range(3)), used=256),
    "png palette with tRNS": palette_png(bytes(768), (b"tRNS", b"\x00\x80")),
    "webp lossy": webp_simple(quality=80),
    "webp lossless": webp_simple(lossless=True),
    "webp lossy with alpha": _rgba_webp(),
    "png": PNG,
    "apng": APNG,
    "mpf gain map without GPS": mpo(JPEG, jpeg_bytes(icc=False)),
}
