"""A fourth attacker round on image metadata (redimg, 2026-12-05): canaries in places the earlier rounds
did not plant them. Every image must be refused, quarantined, or published without the canary (checked
as `test_unseen_containers` checks: the bytes as written, UTF-16/UTF-32 forms, every zlib stream).

Held on main already (kept as neighbours): iTXt language tag, translated keyword and keyword, zTXt
keyword, Windows XP tags in IFD0 and PNG eXIf, Interop and GPS IFD text, EXIF's UTF-8 type, text tags
in numeric tags, sPLT/pCAL/gIFx/gIFt, over-long tIME and pHYs, IPTC records 1 and 9, Photoshop
resources in other signatures or with a name, XMP qualifiers and parseType="Resource", a comment or EXIF
between progressive scans, a secondary picture's EXIF, APNG text between frames.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import zlib
from collections.abc import Callable

import pytest
from PIL import Image

from gate.core.pipeline import Pipeline
from gate.imaging.jpeg import segment_bytes
from gate.model import Verdict
from tests.unit.imaging.images import (
    chunk,
    jpeg_bytes,
    photoshop_resource,
    png_bytes,
    webp_bytes,
    with_app13,
    xmp_packet,
)
from tests.unit.imaging.multipicture import mpo
from tests.unit.pipeline.test_unseen_containers import (
    JPEG,
    PNG,
    XMP_ID,
    _canaries,
    _forms,
    _ifd,
    _inflated,
    after_soi,
    ascii_tag,
    canary,
    jpeg_exif,
    png_with,
    tiff,
    tiff_exif_ifd,
    undefined_tag,
)


def _ifd0_pointing(tag: int, entries: list[tuple[int, int, int, bytes]]) -> bytes:
    """IFD0 holding one pointer `tag` to an IFD with `entries` (Exif, GPS, SubIFDs)."""
    sub_at = 8 + 2 + 12 + 4
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHII", tag, 4, 1, sub_at) + bytes(4)
    return b"II*\x00" + struct.pack("<I", 8) + ifd0 + _ifd(entries, "<", sub_at)


def _interop(entries: list[tuple[int, int, int, bytes]]) -> bytes:
    exif_at, interop_at = 26, 44
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHII", 0x8769, 4, 1, exif_at) + bytes(4)
    exif = struct.pack("<H", 1) + struct.pack("<HHII", 0xA005, 4, 1, interop_at) + bytes(4)
    return b"II*\x00" + struct.pack("<I", 8) + ifd0 + exif + _ifd(entries, "<", interop_at)


def _xp(tag: int, text: str) -> tuple[int, int, int, bytes]:
    value = text.encode("utf-16-le") + b"\x00\x00"
    return tag, 1, len(value), value


def _itxt(keyword: str, lang: str, translated: str, text: str) -> bytes:
    head = (
        keyword.encode("latin-1") + b"\x00\x00\x00" + lang.encode() + b"\x00" + translated.encode() + b"\x00"
    )
    return chunk(b"iTXt", head + text.encode())


def _xmp(packet: bytes) -> bytes:
    return after_soi(0xE1, XMP_ID + packet)


def _progressive() -> tuple[bytes, int]:
    buf = io.BytesIO()
    Image.new("RGB", (32, 32), (1, 2, 3)).save(buf, "JPEG", progressive=True)
    data = buf.getvalue()
    return data, data.index(b"\xff\xda", data.index(b"\xff\xda") + 2)


def _apng() -> bytes:
    frames = [Image.new("RGB", (16, 16), c) for c in ((255, 0, 0), (0, 255, 0))]
    buf = io.BytesIO()
    frames[0].save(buf, "PNG", save_all=True, append_images=frames[1:], duration=100)
    return buf.getvalue()


PROGRESSIVE, SECOND_SCAN = _progressive()
APNG = _apng()
RESOLUTION = b"\x00\x48\x00\x00\x00\x01\x00\x01" * 2
PS_NAME = canary("psname").encode()

HELD: dict[str, bytes] = {
    "png iTXt language tag": png_with(_itxt("Title", canary("lang"), "", "hello")),
    "png iTXt translated keyword": png_with(_itxt("Title", "en", canary("transkw"), "hello")),
    "png iTXt keyword": png_with(_itxt(canary("itxtkw"), "", "", "hello")),
    "png zTXt keyword": png_with(
        chunk(b"zTXt", canary("ztxtkw").encode() + b"\x00\x00" + zlib.compress(b"hi"))
    ),
    "png zTXt unknown method": png_with(chunk(b"zTXt", b"Comment\x00\x01" + canary("ztxtm1").encode())),
    "png sPLT name": png_with(
        chunk(b"sPLT", canary("splt").encode() + b"\x00\x08" + bytes([1, 2, 3, 4, 0, 1]))
    ),
    "png pCAL name": png_with(
        chunk(
            b"pCAL", canary("pcal").encode() + b"\x00" + struct.pack(">iiBB", 0, 100, 0, 2) + b"m\x000\x001"
        )
    ),
    "png gIFx": png_with(chunk(b"gIFx", b"XMP DataXMP" + canary("gifx").encode())),
    "png gIFt": png_with(chunk(b"gIFt", bytes(24) + canary("gift").encode())),
    "png tIME too long": png_with(
        chunk(b"tIME", struct.pack(">HBBBBB", 2020, 1, 1, 0, 0, 0) + canary("t").encode())
    ),
    "png pHYs too long": png_with(
        chunk(b"pHYs", struct.pack(">IIB", 2835, 2835, 1) + canary("phys").encode())
    ),
    "png tEXt with a bad CRC": png_with(
        chunk(b"tEXt", b"Comment\x00" + canary("badcrc").encode())[:-4] + bytes(4)
    ),
    "png private chunk between IDATs": PNG.replace(b"IEND", b"IEND"),  # replaced below
    "png eXIf XPAuthor": png_with(chunk(b"eXIf", tiff([_xp(0x9C9D, canary("xpauthor"))]))),
    **{
        f"jpeg {name}": jpeg_exif(tiff([_xp(tag, canary(name.lower()))]))
        for tag, name in (
            (0x9C9D, "XPAuthor"),
            (0x9C9B, "XPTitle"),
            (0x9C9E, "XPKeywords"),
            (0x9C9F, "XPSubject"),
        )
    },
    "jpeg Interop index text": jpeg_exif(_interop([ascii_tag(0x0001, canary("interop"))])),
    "jpeg Interop unknown tag": jpeg_exif(_interop([ascii_tag(0x1234, canary("interopu"))])),
    "jpeg SubIFDs": jpeg_exif(_ifd0_pointing(0x014A, [ascii_tag(0x010E, canary("subifd"))])),
    "jpeg GPSProcessingMethod": jpeg_exif(
        _ifd0_pointing(0x8825, [undefined_tag(0x1B, b"ASCII\x00\x00\x00" + canary("gpsproc").encode())])
    ),
    "jpeg GPS unknown tag": jpeg_exif(_ifd0_pointing(0x8825, [ascii_tag(0x60, canary("gpsunk"))])),
    "jpeg GPSLatitudeRef text": jpeg_exif(_ifd0_pointing(0x8825, [ascii_tag(0x01, canary("gpsref"))])),
    "jpeg ImageDescription as UTF-8 type": jpeg_exif(
        tiff([(0x010E, 129, len(canary("utf8t")) + 1, canary("utf8t").encode() + b"\x00")])
    ),
    "jpeg ImageHistory": jpeg_exif(tiff_exif_ifd([ascii_tag(0x9213, canary("imghist"))])),
    "jpeg PageName": jpeg_exif(tiff([ascii_tag(0x011D, canary("pagename"))])),
    "jpeg Make as BYTE": jpeg_exif(tiff([(0x010F, 1, len(canary("makebyte")), canary("makebyte").encode())])),
    "jpeg Orientation as ASCII": jpeg_exif(tiff([ascii_tag(0x0112, canary("orient"))])),
    "xmp DOCTYPE entity": _xmp(
        b'<!DOCTYPE x [<!ENTITY e "' + canary("entity").encode() + b'">]>' + xmp_packet()
    ),
    "xmp UTF-32": _xmp(xmp_packet(f"<dc:format>{canary('xmp32')}</dc:format>").decode().encode("utf-32-be")),
    "xmp parseType Resource": _xmp(
        xmp_packet(
            f'<dc:format rdf:parseType="Resource"><z:b xmlns:z="urn:z">{canary("ptres")}</z:b></dc:format>'
        )
    ),
    "xmp rdf:value": _xmp(
        xmp_packet(
            f"<dc:format><rdf:Description><rdf:value>{canary('rdfval')}</rdf:value></rdf:Description></dc:format>"
        )
    ),
    "xmp APP1 without its NUL": after_soi(
        0xE1, b"http://ns.adobe.com/xap/1.0/ " + xmp_packet(canary("xmpnonul"))
    ),
    "photoshop MeSa resource": with_app13(
        JPEG, b"MeSa" + struct.pack(">HHI", 0x0404, 0, 40) + canary("mesa").encode().ljust(40, b" ")
    ),
    "photoshop 2.5 header": after_soi(0xED, b"Adobe_Photoshop2.5:" + canary("ps25").encode()),
    "photoshop resource name": with_app13(
        JPEG,
        b"8BIM"
        + struct.pack(">HB", 0x03ED, len(PS_NAME))
        + PS_NAME
        + b"\x00" * (1 - len(PS_NAME) % 2)
        + struct.pack(">I", len(RESOLUTION))
        + RESOLUTION,
    ),
    "photoshop bytes after the resources": with_app13(
        JPEG, photoshop_resource(0x03ED, RESOLUTION) + canary("pstrail").encode()
    ),
    "iptc envelope 1:90": with_app13(
        JPEG, photoshop_resource(0x0404, b"\x1c\x01\x5a" + struct.pack(">H", 22) + canary("env").encode())
    ),
    "iptc record 9": with_app13(
        JPEG, photoshop_resource(0x0404, b"\x1c\x09\x05" + struct.pack(">H", 23) + canary("rec9").encode())
    ),
    "jpeg COM between progressive scans": PROGRESSIVE[:SECOND_SCAN]
    + segment_bytes(0xFE, canary("progcom").encode())
    + PROGRESSIVE[SECOND_SCAN:],
    "jpeg EXIF between progressive scans": PROGRESSIVE[:SECOND_SCAN]
    + segment_bytes(0xE1, b"Exif\x00\x00" + tiff([ascii_tag(0x010E, canary("progexif"))]))
    + PROGRESSIVE[SECOND_SCAN:],
    "jpeg APP5 between progressive scans": PROGRESSIVE[:SECOND_SCAN]
    + segment_bytes(0xE5, canary("progapp5").encode())
    + PROGRESSIVE[SECOND_SCAN:],
    "jpeg JFIF with bytes after its header": after_soi(
        0xE0, b"JFIF\x00\x01\x02\x00\x00\x01\x00\x01\x00\x00" + canary("jfifx").encode()
    ),
    "jpeg Adobe APP14 too long": after_soi(
        0xEE, b"Adobe\x00\x64\x00\x00\x00\x00\x01" + canary("adobe").encode()
    ),
    "mpf second picture's Artist": mpo(JPEG, jpeg_exif(tiff([ascii_tag(0x013B, canary("mpfartist"))]))),
    "mpf second picture with bytes after its EOI": mpo(JPEG, JPEG + canary("mpftrail").encode()),
    "apng tEXt between frames": APNG[: APNG.rindex(b"fdAT") - 4]
    + chunk(b"tEXt", b"Comment\x00" + canary("apngtext").encode())
    + APNG[APNG.rindex(b"fdAT") - 4 :],
}
_at = PNG.index(b"IDAT") - 4
_n = struct.unpack(">I", PNG[_at : _at + 4])[0]
_idat = PNG[_at + 8 : _at + 8 + _n]
HELD["png private chunk between IDATs"] = (
    PNG[:_at]
    + chunk(b"IDAT", _idat[:10])
    + chunk(b"prVt", canary("midprv").encode())
    + chunk(b"IDAT", _idat[10:])
    + PNG[_at + 12 + _n :]
)

# Published on main: the writer's text in the XMP wrapper (a namespace declaration, the xpacket
# instruction), which the parse reads past and the rewrite copied.
XMP_WRAPPER: dict[str, bytes] = {
    "xmp namespace declared, unused": _xmp(xmp_packet(attributes=f'xmlns:zz="urn:{canary("nsuri")}"')),
    "xmp namespace of a removed property": _xmp(
        xmp_packet(f'<zz:a xmlns:zz="http://x/{canary("nsuri2")}/">1</zz:a>')
    ),
    "xmp xpacket id": _xmp(xmp_packet().replace(b"W5M0MpCehiHzreSzNTczkc9d", canary("xpid").encode())),
    "xmp xpacket end attribute": _xmp(
        xmp_packet().replace(b'end="w"', f'end="w" x="{canary("xpend")}"'.encode())
    ),
    "xmp xpacket begin value": _xmp(
        xmp_packet().replace(b'begin="\xef\xbb\xbf"', f'begin="{canary("xpbeg")}"'.encode())
    ),
}


def _png_iccp(payload_of: Callable[[bytes, bytes], bytes]) -> bytes:
    """png_bytes() with its iCCP payload (name NUL method stream) replaced by payload_of(head, stream)."""
    data = png_bytes()
    at = data.index(b"iCCP") - 4
    (size,) = struct.unpack_from(">I", data, at)
    body = data[at + 8 : at + 8 + size]
    head = body[: body.index(b"\x00") + 2]
    return data[:at] + chunk(b"iCCP", payload_of(head, body[len(head) :])) + data[at + 12 + size :]


# Published on main: bytes after the end of a chunk's zlib stream (decoders stop at the stream's end).
ZLIB_TAIL: dict[str, bytes] = {
    "png zTXt bytes after the stream": png_with(
        chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"hi") + canary("ztxttail").encode())
    ),
    "png iTXt bytes after the stream": png_with(
        chunk(b"iTXt", b"Comment\x00\x01\x00\x00\x00" + zlib.compress(b"hi") + canary("itxttail").encode())
    ),
    "png XMP iTXt bytes after the stream": png_with(
        chunk(
            b"iTXt",
            b"XML:com.adobe.xmp\x00\x01\x00\x00\x00"
            + zlib.compress(xmp_packet())
            + canary("xmptail").encode(),
        )
    ),
    "png iCCP bytes after the stream": _png_iccp(
        lambda head, stream: head + stream + canary("iccptail").encode()
    ),
}


def _jpeg_icc_tail(extra: bytes) -> bytes:
    data = jpeg_bytes()
    at = data.index(b"ICC_PROFILE\x00")
    (size,) = struct.unpack_from(">H", data, at - 2)
    return data[: at - 4] + segment_bytes(0xE2, data[at : at - 2 + size] + extra) + data[at - 2 + size :]


def _webp_icc_tail(extra: bytes) -> bytes:
    data = webp_bytes()
    at = data.index(b"ICCP")
    (size,) = struct.unpack_from("<I", data, at + 4)
    payload = data[at + 8 : at + 8 + size] + extra
    body = data[:at] + b"ICCP" + struct.pack("<I", len(payload)) + payload + bytes(len(payload) & 1)
    body += data[at + 8 + size + (size & 1) :]
    return body[:4] + struct.pack("<I", len(body) - 8) + body[8:]


# Published on main: an ICC profile's bytes that no tag holds (past the size its header declares).
ICC_UNREFERENCED: dict[str, bytes] = {
    "jpeg ICC bytes past the profile": _jpeg_icc_tail(canary("icctail").encode()),
    "png iCCP bytes past the profile": _png_iccp(
        lambda head, stream: head + zlib.compress(zlib.decompress(stream) + canary("iccptail2").encode())
    ),
    "webp ICCP bytes past the profile": _webp_icc_tail(canary("webpicc").encode()),
}

IIM = b"\x1c\x02\x05\x00\x02hi"  # ObjectName "hi"
# Published on main: bytes after the last IIM dataset, and an IIM digest resource of any size and content.
IPTC_UNREAD: dict[str, tuple[bytes, str]] = {
    "iptc bytes after the datasets": (
        with_app13(JPEG, photoshop_resource(0x0404, IIM + canary("iimtail").encode())),
        "/iptc/tail",
    ),
    "iptc digest holding text": (
        with_app13(
            JPEG, photoshop_resource(0x0404, IIM), photoshop_resource(0x0425, canary("digest").encode())
        ),
        "/iptc/resource/1",
    ),
    "iptc digest alone holding text": (
        with_app13(JPEG, photoshop_resource(0x0425, canary("digestonly").encode())),
        "/iptc/resource/0",
    ),
    "iptc digest of 16 chosen bytes": (
        with_app13(
            JPEG, photoshop_resource(0x0404, IIM), photoshop_resource(0x0425, canary("d")[:16].encode())
        ),
        "/iptc/resource/1",
    ),
}


def _animated_webp(mode: str = "RGB", **options: object) -> bytes:
    frames = [Image.new(mode, (16, 16), c) for c in ((255, 0, 0, 128), (0, 255, 0, 255))]
    buf = io.BytesIO()
    frames[0].save(buf, "WEBP", save_all=True, append_images=frames[1:], duration=100, **options)
    return buf.getvalue()


def _in_first_frame(data: bytes, extra: bytes) -> bytes:
    """`data` with `extra` appended to its first ANMF chunk (sizes of the frame and the RIFF adjusted)."""
    at = data.index(b"ANMF")
    (size,) = struct.unpack_from("<I", data, at + 4)
    payload = data[at + 8 : at + 8 + size] + extra
    body = data[:at] + b"ANMF" + struct.pack("<I", len(payload)) + payload + bytes(len(payload) & 1)
    body += data[at + 8 + size + (size & 1) :]
    return body[:4] + struct.pack("<I", len(body) - 8) + body[8:]


def _riff_chunk(fourcc: bytes, payload: bytes) -> bytes:
    return fourcc + struct.pack("<I", len(payload)) + payload + bytes(len(payload) & 1)


# Published on main: chunks inside an animation frame, after its bitstream (the format allows "unknown
# chunks" there; decoders skip them, and so did the gate's walk).
ANMF_INNER: dict[str, bytes] = {
    "webp unknown chunk inside a frame": _in_first_frame(
        _animated_webp(lossless=True), _riff_chunk(b"ZZZZ", canary("anmf").encode())
    ),
    "webp EXIF chunk inside a frame": _in_first_frame(
        _animated_webp(lossless=True), _riff_chunk(b"EXIF", tiff([ascii_tag(0x013B, canary("anmfexif"))]))
    ),
    "webp XMP chunk inside a lossy frame": _in_first_frame(
        _animated_webp(quality=80),
        _riff_chunk(b"XMP ", xmp_packet(f"<dc:format>{canary('anmfxmp')}</dc:format>")),
    ),
    "webp second bitstream inside a frame": _in_first_frame(
        _animated_webp(lossless=True), _riff_chunk(b"VP8L", canary("anmfvp8l").encode())
    ),
}

JFIF_HEAD = b"JFIF\x00\x01\x02\x00\x00\x01\x00\x01"


def _jfif(width: int, height: int, thumbnail: bytes, after: bytes = b"") -> bytes:
    return after_soi(0xE0, JFIF_HEAD + bytes([width, height]) + thumbnail + after)


# Published on main: the uncompressed RGB thumbnail a JFIF header may carry (3 bytes a pixel, any value).
JFIF_THUMBNAIL: dict[str, bytes] = {
    "jfif thumbnail 22x1": _jfif(22, 1, canary("jfift").encode() * 3),
    "jfif thumbnail 1x22 then AMPF": _jfif(1, 22, canary("jfifampf").encode().ljust(66, b"."), b"AMPF"),
    "jfif thumbnail then bytes": _jfif(1, 1, b"\x10\x20\x30", canary("jfifrest").encode()),
}


def _extension(guid: bytes, packet: bytes) -> bytes:
    return after_soi(
        0xE1, b"http://ns.adobe.com/xmp/extension/\x00" + guid + struct.pack(">II", len(packet), 0) + packet
    )


EXTENDED = xmp_packet("<dc:format>image/jpeg</dc:format>")
# Published on main: the 32 bytes that name an extended XMP packet, which XMP defines as its MD5.
XMP_GUID: dict[str, bytes] = {
    "xmp extension named by an address": _extension(canary("guid").encode()[:32].ljust(32, b"x"), EXTENDED),
    "xmp extension named by digits": _extension(b"4915123456789" * 2 + b"000000", EXTENDED),
}


def _palette_png(*extra: bytes) -> bytes:
    buf = io.BytesIO()
    image = Image.new("P", (8, 8))
    image.putpalette(list(range(256)) * 3)
    image.save(buf, "PNG")
    data = buf.getvalue()
    at = data.index(b"IDAT") - 4
    return data[:at] + b"".join(extra) + data[at:]


# Published on main: a histogram chunk (hIST, 2 bytes per palette entry, up to 512) that no decoder reads.
HISTOGRAM = _palette_png(chunk(b"hIST", canary("hist").encode().ljust(512, b" ")))


def _raw_profile(keyword: str, payload: bytes, name: str | None = None, length: int | None = None) -> bytes:
    """A PNG with ImageMagick's "Raw profile type <name>" text: a header, then the payload in hex."""
    hexed = payload.hex()
    lines = "\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72))
    text = (
        f"\n{keyword if name is None else name}\n{len(payload) if length is None else length:8d}\n{lines}\n"
    )
    return png_with(
        chunk(b"zTXt", f"Raw profile type {keyword}".encode() + b"\x00\x00" + zlib.compress(text.encode()))
    )


_EXIF = b"Exif\x00\x00" + tiff([ascii_tag(0x0131, "Camera")])
# Published on main: raw profiles other than EXIF and XMP were skipped unread (IPTC, 8BIM, a name the
# writer chose), and so were the header lines of the ones read, and hex past the stated length.
RAW_PROFILES: dict[str, bytes] = {
    "raw profile iptc": _raw_profile("iptc", b"\x1c\x02\x50\x00\x18" + canary("rawiptc").encode()),
    "raw profile 8bim": _raw_profile(
        "8bim", b"8BIM\x04\x04\x00\x00\x00\x00\x00\x1d" + canary("raw8bim").encode()
    ),
    "raw profile of a chosen name": _raw_profile(canary("rawname"), b"hello"),
    "raw profile APP1 that is no EXIF or XMP": _raw_profile("APP1", canary("rawapp1").encode()),
    "raw profile exif with text in its header": _raw_profile("exif", _EXIF, name=f"exif {canary('rawhead')}"),
    "raw profile exif with hex past its length": _raw_profile(
        "exif", _EXIF + canary("rawpast").encode(), length=len(_EXIF)
    ),
}


def _text(keyword: bytes, text: bytes) -> bytes:
    return png_with(chunk(b"tEXt", keyword + b"\x00" + text))


# Published on main: PNG text under the two keywords taken to hold nothing personal was never scanned.
TRUSTED_KEYWORDS: dict[str, bytes] = {
    "png Software holding an address": _text(b"Software", canary("software").encode()),
    "png Creation Time holding an address": _text(b"Creation Time", canary("ctime").encode()),
    "png Software iTXt with a translated keyword": png_with(
        chunk(b"iTXt", b"Software\x00\x00\x00en\x00" + canary("softkw").encode() + b"\x00GIMP 2.10")
    ),
}


def _ducky(quality: bytes, tail: bytes = b"") -> bytes:
    body = b"Ducky" + struct.pack(">HH", 1, len(quality)) + quality + b"\x00\x00" + tail
    return after_soi(0xEC, body)


# Published on main: Photoshop's Ducky APP12 beyond what it holds (a quality longer than its 4 bytes,
# bytes after the tag that ends the list).
DUCKY: dict[str, tuple[bytes, str]] = {
    "ducky quality holding text": (
        _ducky(struct.pack(">I", 80) + canary("duckyq").encode()),
        "/jpeg/APP12/Ducky/1",
    ),
    "ducky bytes after the end": (
        _ducky(struct.pack(">I", 80), canary("duckytail").encode()),
        "/jpeg/APP12/Ducky/tail",
    ),
}


def _xmp_itxt(language: bytes, translated: bytes) -> bytes:
    head = b"XML:com.adobe.xmp\x00\x00\x00" + language + b"\x00" + translated + b"\x00"
    return png_with(chunk(b"iTXt", head + xmp_packet()))


# Published on main: an XMP iTXt's language tag and translated keyword (other iTXt chunks had theirs read).
XMP_ITXT_LABELS: dict[str, bytes] = {
    "png XMP iTXt language tag": _xmp_itxt(canary("xmplang").encode(), b""),
    "png XMP iTXt translated keyword": _xmp_itxt(b"", canary("xmptkey").encode()),
}

PLACES: dict[str, bytes] = {
    **XMP_ITXT_LABELS,
    **{place: data for place, (data, _) in DUCKY.items()},
    **TRUSTED_KEYWORDS,
    "png hIST holding text": HISTOGRAM,
    **JFIF_THUMBNAIL,
    **ANMF_INNER,
    **HELD,
    **XMP_WRAPPER,
    **ZLIB_TAIL,
    **ICC_UNREFERENCED,
    **{place: data for place, (data, _) in IPTC_UNREAD.items() if "16" not in place},
    "xmp extension named by an address": XMP_GUID["xmp extension named by an address"],  # 16: no whole canary
}


def _evaluate(gate: Pipeline, data: bytes, place: str) -> None:
    planted = _canaries(data)
    evaluation = gate.evaluate(data, synthetic=False)
    record = json.dumps([reason.as_dict() for reason in evaluation.decision.reasons])
    assert not any(text in record for text in planted)  # reasons never carry the value
    if evaluation.verdict is not Verdict.APPROVED:
        return
    output = evaluation.output if evaluation.output is not None else data
    published = output + _inflated(output)
    for text in planted:
        assert not any(form in published for form in _forms(text)), (place, text)


@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_canary_never_reaches_a_published_image(gate: Pipeline, place: str) -> None:
    _evaluate(gate, PLACES[place], place)


@pytest.mark.parametrize("place", sorted(XMP_WRAPPER))
def test_text_in_the_xmp_wrapper_is_read(gate: Pipeline, place: str) -> None:
    evaluation = gate.evaluate(XMP_WRAPPER[place], synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    paths = [r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.personal_data"]
    assert paths == ["/xmp/wrapper"]


@pytest.mark.parametrize(
    "packet",
    [
        xmp_packet(),
        xmp_packet().replace(b'begin="\xef\xbb\xbf"', b"begin=''"),
        xmp_packet().replace(b'end="w"', b"end='r'"),
        xmp_packet(attributes='xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#"'),
        xmp_packet(attributes='xmlns:illustrator="http://ns.adobe.com/illustrator/1.0/"'),
    ],
    ids=["standard", "empty begin", "read-only end", "stDim declared", "illustrator declared"],
)
def test_an_ordinary_wrapper_and_declarations_are_clean(gate: Pipeline, packet: bytes) -> None:
    evaluation = gate.evaluate(_xmp(packet), synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes


@pytest.mark.parametrize(
    ("place", "verdict", "path"),
    [
        ("png zTXt bytes after the stream", Verdict.APPROVED, "/png/zTXt/0"),
        ("png iTXt bytes after the stream", Verdict.APPROVED, "/png/iTXt/0"),
        ("png XMP iTXt bytes after the stream", Verdict.APPROVED, "/png/iTXt/0"),
        ("png iCCP bytes after the stream", Verdict.QUARANTINED, "/png/iCCP/0"),
    ],
)
def test_a_compressed_chunk_with_bytes_after_its_stream_is_not_read_whole(
    gate: Pipeline, place: str, verdict: Verdict, path: str
) -> None:
    """A text chunk goes (decoders skip it); a colour profile stays, so the image is not published."""
    evaluation = gate.evaluate(ZLIB_TAIL[place], synthetic=False)
    assert evaluation.verdict is verdict
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == [path]
    if verdict is Verdict.APPROVED:
        assert evaluation.output is not None and path.split("/")[2].encode() not in evaluation.output


@pytest.mark.parametrize("place", sorted(ICC_UNREFERENCED))
def test_a_profile_is_published_with_its_unreferenced_bytes_zeroed(gate: Pipeline, place: str) -> None:
    data = ICC_UNREFERENCED[place]
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.output is not None
    if not place.startswith("png"):  # patched in place; PNG's profile is compressed again
        assert len(evaluation.output) == len(data)
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == [f"/icc/{place.split(maxsplit=1)[0]}/unreferenced"]


@pytest.mark.parametrize("place", sorted(IPTC_UNREAD))
def test_iim_bytes_that_are_no_dataset_or_digest_are_unread_and_dropped(gate: Pipeline, place: str) -> None:
    data, path = IPTC_UNREAD[place]
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == [path]
    assert evaluation.output is not None and canary("d")[:16].encode() not in evaluation.output
    assert (IIM in evaluation.output) is (IIM in data)  # the datasets stay


@pytest.mark.parametrize("datasets", [IIM, b"", IIM + bytes(3)], ids=["datasets", "none", "zero padding"])
def test_a_true_iim_digest_is_read_as_the_hash_it_is(gate: Pipeline, datasets: bytes) -> None:
    """Photoshop writes the MD5 of the IIM block; Adobe's tools leave the MD5 of nothing when they empty
    it (18 files of c2pa-org/public-testfiles): either is a hash, not text, and is published."""
    resources = [photoshop_resource(0x0404, datasets)] if datasets else []
    digest = photoshop_resource(0x0425, hashlib.md5(datasets).digest())
    data = with_app13(JPEG, *resources, digest)
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.decision.reason_codes == ("provenance.missing",)
    assert evaluation.output is None


@pytest.mark.parametrize(
    "place", sorted(p for p in ANMF_INNER if "bitstream" not in p)
)  # that one: undecodable
def test_a_frame_holding_more_than_its_bitstream_is_uninspected(gate: Pipeline, place: str) -> None:
    evaluation = gate.evaluate(ANMF_INNER[place], synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == ["/webp/ANMF/0"]


@pytest.mark.parametrize(
    ("mode", "options"),
    [
        ("RGB", {"lossless": True}),
        ("RGB", {"quality": 80}),
        ("RGBA", {"quality": 80}),
        ("RGBA", {"lossless": True}),
    ],
    ids=["lossless", "lossy", "lossy with alpha", "lossless with alpha"],
)
def test_ordinary_animated_webps_are_approved_unchanged(
    gate: Pipeline, mode: str, options: dict[str, object]
) -> None:
    data = _animated_webp(mode, **options)
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    assert evaluation.output is None


@pytest.mark.parametrize("place", sorted(JFIF_THUMBNAIL))
def test_a_jfif_thumbnail_is_unread_and_the_header_kept(gate: Pipeline, place: str) -> None:
    evaluation = gate.evaluate(JFIF_THUMBNAIL[place], synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == ["/jpeg/APP0/thumbnail"]
    kept = JFIF_HEAD + b"\x00\x00" + (b"AMPF" if "AMPF" in place else b"")
    assert evaluation.output is not None
    assert evaluation.output.startswith(b"\xff\xd8" + segment_bytes(0xE0, kept))


@pytest.mark.parametrize("after", [b"", b"AMPF"], ids=["header", "header and AMPF"])
def test_a_jfif_header_without_thumbnail_is_published_as_it_is(gate: Pipeline, after: bytes) -> None:
    data = _jfif(0, 0, b"", after)
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.output is None


@pytest.mark.parametrize("place", sorted(XMP_GUID))
def test_an_extension_not_named_by_its_md5_is_unread_and_removed(gate: Pipeline, place: str) -> None:
    evaluation = gate.evaluate(XMP_GUID[place], synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == ["/jpeg/APP1/xmp_extension"]
    assert evaluation.output is not None and b"xmp/extension" not in evaluation.output


@pytest.mark.parametrize("case", [str.upper, str.lower], ids=["upper", "lower"])
def test_an_extension_named_by_its_md5_is_read(gate: Pipeline, case: Callable[[str], str]) -> None:
    guid = case(hashlib.md5(EXTENDED).hexdigest()).encode()
    evaluation = gate.evaluate(_extension(guid, EXTENDED), synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.output is None


def test_a_histogram_chunk_is_unread_and_removed(gate: Pipeline) -> None:
    evaluation = gate.evaluate(HISTOGRAM, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == ["/png/hIST/0"]
    assert evaluation.output is not None and b"hIST" not in evaluation.output


def _hex_canaries(data: bytes) -> set[str]:
    """Canaries written in hex (as raw profiles hold them) anywhere in `data` or its zlib streams."""
    readable = (data + _inflated(data)).decode("latin-1")
    return {
        found
        for run in re.findall(r"[0-9a-f\n]{16,}", readable)
        for found in _canaries(bytes.fromhex(run.replace("\n", "")[: len(run.replace("\n", "")) // 2 * 2]))
    }


@pytest.mark.parametrize("place", sorted(RAW_PROFILES))
def test_a_raw_profile_the_gate_does_not_read_whole_is_removed(gate: Pipeline, place: str) -> None:
    data = RAW_PROFILES[place]
    assert _hex_canaries(data) or _canaries(data)
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == ["/png/zTXt/raw_profile"]
    assert evaluation.output is not None
    assert not _hex_canaries(evaluation.output) and not _canaries(evaluation.output)


def test_a_raw_exif_profile_as_imagemagick_writes_it_is_read(gate: Pipeline) -> None:
    evaluation = gate.evaluate(_raw_profile("exif", _EXIF), synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.output is None


@pytest.mark.parametrize("place", sorted(TRUSTED_KEYWORDS))
def test_text_under_a_keyword_that_promises_none_is_scanned(gate: Pipeline, place: str) -> None:
    evaluation = gate.evaluate(TRUSTED_KEYWORDS[place], synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert "metadata.personal_data" in evaluation.decision.reason_codes


@pytest.mark.parametrize(
    ("keyword", "text"),
    [
        (b"Software", b"Adobe Photoshop CC 2019 (Macintosh)"),
        (b"Software", b"GIMP 2.10.34"),
        (b"Software", b"www.inkscape.org"),
        (b"Creation Time", b"Mon, 01 Jan 2023 12:00:00 GMT"),
        (b"Creation Time", b"2023:01:01 12:00:00"),
        (b"Creation Time", b"2023-01-01T12:00:00+01:00"),
    ],
)
def test_ordinary_software_and_creation_times_are_clean(gate: Pipeline, keyword: bytes, text: bytes) -> None:
    evaluation = gate.evaluate(_text(keyword, text), synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reasons
    assert evaluation.output is None


@pytest.mark.parametrize("place", sorted(DUCKY))
def test_ducky_bytes_no_reader_takes_are_unread_and_dropped(gate: Pipeline, place: str) -> None:
    data, path = DUCKY[place]
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert [
        r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.uninspected"
    ] == [path]
    assert evaluation.output is not None and b"Ducky" not in evaluation.output


@pytest.mark.parametrize("tail", [b"", bytes(6)], ids=["end", "zero padding"])
def test_a_ducky_segment_as_photoshop_writes_it_is_kept(gate: Pipeline, tail: bytes) -> None:
    evaluation = gate.evaluate(_ducky(struct.pack(">I", 80), tail), synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.output is None


@pytest.mark.parametrize("place", sorted(XMP_ITXT_LABELS))
def test_an_xmp_itxt_label_is_scanned(gate: Pipeline, place: str) -> None:
    evaluation = gate.evaluate(XMP_ITXT_LABELS[place], synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    paths = [r.reason.path for r in evaluation.decision.reasons if r.reason.code == "metadata.personal_data"]
    assert paths == ["/png/iTXt/XML:com.adobe.xmp/keyword"]


@pytest.mark.parametrize(("language", "translated"), [(b"x-default", b""), (b"en-GB", b"XMP")])
def test_ordinary_xmp_itxt_labels_are_clean(gate: Pipeline, language: bytes, translated: bytes) -> None:
    evaluation = gate.evaluate(_xmp_itxt(language, translated), synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reasons


def test_the_cases_plant_canaries() -> None:
    assert all(_canaries(data) for data in PLACES.values())
