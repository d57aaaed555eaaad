"""Cases of the fourth attacker round that main already held (redimg): kept as neighbours of the
classes it closed. Builders and data only; the tests are in `test_unseen_containers_round4`."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image

from gate.imaging.jpeg import segment_bytes
from tests.unit.imaging.images import (
    chunk,
    photoshop_resource,
    with_app13,
    xmp_packet,
)
from tests.unit.imaging.multipicture import mpo
from tests.unit.pipeline.test_unseen_containers import (
    JPEG,
    PNG,
    XMP_ID,
    _ifd,
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


def xmp_app1(packet: bytes) -> bytes:
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
    "xmp DOCTYPE entity": xmp_app1(
        b'<!DOCTYPE x [<!ENTITY e "' + canary("entity").encode() + b'">]>' + xmp_packet()
    ),
    "xmp UTF-32": xmp_app1(
        xmp_packet(f"<dc:format>{canary('xmp32')}</dc:format>").decode().encode("utf-32-be")
    ),
    "xmp parseType Resource": xmp_app1(
        xmp_packet(
            f'<dc:format rdf:parseType="Resource"><z:b xmlns:z="urn:z">{canary("ptres")}</z:b></dc:format>'
        )
    ),
    "xmp rdf:value": xmp_app1(
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
