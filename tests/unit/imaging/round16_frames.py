"""Sixteenth image round: canaries in animation frames (APNG fcTL/fdAT, GIF frames' extensions, WebP ANMF),
built from the formats before reading the code; `round16_places` gathers them.
"""

from __future__ import annotations

import io
import struct

from PIL import Image

from tests.unit.imaging.round15_cases import (
    EMAIL,
    asc,
    chunk,
    png_split,
    rchunk,
    riff_chunks,
    tiff,
    xmp_packet,
)

E = EMAIL
_DC = 'xmlns:dc="http://purl.org/dc/elements/1.1/"'


def _desc(inner: str, ns: str = "") -> str:
    return f'<rdf:Description rdf:about="" {ns}>{inner}</rdf:Description>'


def apng(frames: int = 3) -> bytes:
    imgs = [Image.new("RGB", (16, 12), (40 * i, 90, 200 - 30 * i)) for i in range(frames)]
    b = io.BytesIO()
    imgs[0].save(b, "PNG", save_all=True, append_images=imgs[1:], duration=100, loop=0)
    return b.getvalue()


def _apng_insert(after_type: bytes, nth: int, extra: bytes) -> bytes:
    cs = png_split(apng())
    out, seen = [], 0
    for ch in cs:
        out.append(ch)
        if ch[4:8] == after_type:
            seen += 1
            if seen == nth:
                out.append(extra)
    return b"\x89PNG\r\n\x1a\n" + b"".join(out)


def apng_cases() -> dict[str, bytes]:
    c = {}
    text = chunk(b"tEXt", b"Author\0" + E)
    c["apng_text_between_frames"] = _apng_insert(b"fdAT", 1, text)
    c["apng_itxt_after_last_fdat"] = _apng_insert(b"fdAT", 2, chunk(b"iTXt", b"Comment\0\0\0\0\0mail " + E))
    c["apng_exif_between_frames"] = _apng_insert(
        b"fcTL", 2, chunk(b"eXIf", tiff([asc(0x010F, b"X")], "<", gps=True))
    )
    c["apng_private_in_frame"] = _apng_insert(b"fcTL", 2, chunk(b"frMe", b"mail " + E))
    # fcTL longer than its 26 bytes, the extra holding text
    cs = png_split(apng())
    out = []
    for ch in cs:
        long = ch[4:8] == b"fcTL" and out[-1][4:8] != b"acTL"
        out.append(chunk(b"fcTL", ch[8:-4] + b"mail " + E) if long else ch)
    c["apng_fctl_long"] = b"\x89PNG\r\n\x1a\n" + b"".join(out)
    return c


def gif(frames: int = 2) -> bytes:
    imgs = [Image.new("P", (16, 12), i * 3) for i in range(frames)]
    for im in imgs:
        im.putpalette(bytes(range(256)) * 3)
    b = io.BytesIO()
    imgs[0].save(b, "GIF", save_all=True, append_images=imgs[1:], duration=100, loop=0)
    return b.getvalue()


def sub_blocks(data: bytes, size: int = 255) -> bytes:
    return (
        b"".join(bytes([len(data[i : i + size])]) + data[i : i + size] for i in range(0, len(data), size))
        + b"\0"
    )


def gif_before_frame(n: int, ext: bytes) -> bytes:
    g = gif(3)
    # find the n-th Graphic Control Extension (0x21 0xF9) or image descriptor: insert before the n-th GCE
    idx, at = -1, 0
    for _ in range(n):
        idx = g.find(b"\x21\xf9\x04", at)
        at = idx + 1
    return g[:idx] + ext + g[idx:]


def gif_cases() -> dict[str, bytes]:
    c = {}
    comment = b"\x21\xfe" + sub_blocks(b"mail " + E)
    c["gif_comment_second_frame"] = gif_before_frame(2, comment)
    c["gif_comment_split_blocks"] = gif_before_frame(2, b"\x21\xfe" + sub_blocks(b"mail " + E, 4))
    plain = b"\x21\x01\x0c" + bytes(12) + sub_blocks(b"mail " + E)
    c["gif_plain_text_ext"] = gif_before_frame(2, plain)
    app = (
        b"\x21\xff\x0b"
        + b"XMP DataXMP"
        + sub_blocks(
            xmp_packet(
                _desc(
                    "<dc:creator><rdf:Seq><rdf:li>mail jane.roe@example.com</rdf:li></rdf:Seq></dc:creator>",
                    _DC,
                )
            )
        )
    )
    c["gif_xmp_third_frame"] = gif_before_frame(3, app)
    c["gif_unknown_app_ext"] = gif_before_frame(
        2, b"\x21\xff\x0b" + b"JANEROE1.00" + sub_blocks(b"mail " + E)
    )
    c["gif_unknown_ext_label"] = gif_before_frame(2, b"\x21\x77" + sub_blocks(b"mail " + E))
    c["gif_after_trailer"] = gif(2) + b"mail " + E
    return c


def anim_webp() -> bytes:
    imgs = [Image.new("RGB", (16, 12), (40 * i, 90, 200 - 30 * i)) for i in range(3)]
    b = io.BytesIO()
    imgs[0].save(b, "WEBP", save_all=True, append_images=imgs[1:], duration=100, loop=0, lossless=True)
    return b.getvalue()


def _webp_rebuild(chunks: list[bytes]) -> bytes:
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _anmf_with(extra: bytes, where: str = "after", frame: int = 1) -> bytes:
    cs = riff_chunks(anim_webp())
    out, n = [], 0
    for ch in cs:
        n += ch[:4] == b"ANMF"
        if ch[:4] != b"ANMF" or n != frame + 1:
            out.append(ch)
            continue
        data = ch[8 : 8 + struct.unpack("<I", ch[4:8])[0]]
        head, frame_chunks = data[:16], data[16:]
        out.append(
            rchunk(b"ANMF", head + (frame_chunks + extra if where == "after" else extra + frame_chunks))
        )
    return _webp_rebuild(out)


def webp_cases() -> dict[str, bytes]:
    c = {}
    gps_exif = tiff([asc(0x010F, b"X")], "<", gps=True)
    c["webp_anmf_exif"] = _anmf_with(rchunk(b"EXIF", gps_exif))
    c["webp_anmf_xmp"] = _anmf_with(
        rchunk(
            b"XMP ",
            xmp_packet(
                _desc(
                    "<dc:creator><rdf:Seq><rdf:li>mail jane.roe@example.com</rdf:li></rdf:Seq></dc:creator>",
                    _DC,
                )
            ),
        )
    )
    c["webp_anmf_unknown_before"] = _anmf_with(rchunk(b"JANE", b"mail " + E), where="before")
    c["webp_anmf_unknown_after"] = _anmf_with(rchunk(b"note", b"mail " + E))
    c["webp_anmf_iccp"] = _anmf_with(rchunk(b"ICCP", b"mail " + E), where="before")
    c["webp_anmf_trailing_bytes"] = _anmf_with(b"mail " + E)
    cs = riff_chunks(anim_webp())
    c["webp_anim_long"] = _webp_rebuild(
        [rchunk(b"ANIM", ch[8:14] + b"mail " + E) if ch[:4] == b"ANIM" else ch for ch in cs]
    )
    return c
