"""A ninth attacker round on images (redimg9): canaries where no earlier round planted one.

Two carriers at once in one file (PNG eXIf beside compressed XMP, WebP EXIF and XMP chunks twice each),
vendor MakerNotes with an owner's name, serial numbers and GPS of their own, Photoshop resources that hold
EXIF or XMP themselves (1058, 1060) or text under ids the gate does not list, extended XMP cut over
several APP1 segments, an ICC `mluc` with a canary in its thirtieth language, a multi-picture JPEG whose
second picture carries its own EXIF GPS and serials, and XMP properties of known namespaces whose name
says "serial" or "owner" (`exif:SerialNumber`, as a real PNG of bep/imagemeta published its camera's).
Identifiers are digits or codes no scanner reads as personal data: only the gate's reading of the
structure keeps them out, so the published bytes are searched for them.
"""

from __future__ import annotations

import base64
import json
import re
import struct
import zlib

import pytest
from PIL import ImageCms

from gate.core.pipeline import Pipeline
from gate.imaging.jpeg import segment_bytes
from gate.model import Verdict
from tests.unit.imaging.images import chunk, jpeg_bytes, photoshop_resource, with_app13, xmp_packet
from tests.unit.imaging.multipicture import mpo
from tests.unit.pipeline.test_unseen_containers import (
    JPEG,
    XMP_ID,
    _canaries,
    _forms,
    _inflated,
    after_soi,
    ascii_tag,
    canary,
    itxt,
    png_with,
    tiff,
    tiff_exif_ifd,
    undefined_tag,
    webp_with,
    xmp_extension,
)

# Identifiers no scanner can tell from product numbers; each must be absent from what is published.
SERIAL = "778812340099"
LENS_SERIAL = "00000138bb"
OWNER = "Zdenka Hrabalova"
PLACE = "Piazza Canaria Nove"


def _xmp(*properties: str) -> bytes:
    ns = (
        'xmlns:exifEX="http://cipa.jp/exif/1.0/" xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"'
        ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"'
    )
    return xmp_packet(*properties, attributes=ns)


def _webp_twice() -> bytes:
    data = webp_with(b"EXIF", tiff([ascii_tag(0x0131, "Camera")]))
    data = _append_webp(data, b"XMP ", xmp_packet())
    data = _append_webp(data, b"EXIF", tiff_exif_ifd([ascii_tag(0xA431, SERIAL)]))
    return _append_webp(data, b"XMP ", _xmp(f"<exif:SerialNumber>{SERIAL}</exif:SerialNumber>"))


def _append_webp(data: bytes, fourcc: bytes, payload: bytes) -> bytes:
    body = data + fourcc + struct.pack("<I", len(payload)) + payload + b"\x00" * (len(payload) & 1)
    return body[:4] + struct.pack("<I", len(body) - 8) + body[8:]


def _canon_makernote() -> bytes:
    """A Canon-style MakerNote: an IFD with OwnerName (0x0009), SerialNumber (0x000C) and a GPS-looking
    text, offsets relative to the TIFF header as Canon writes them."""
    owner = OWNER.encode().ljust(32, b"\x00")
    gps = b"GPS 51.5007N 0.1246W " + canary("makergps").encode() + b"\x00"
    return b"".join(
        [
            struct.pack("<H", 3),
            struct.pack("<HHII", 0x0009, 2, len(owner), 0),
            struct.pack("<HHII", 0x000C, 4, 1, int(SERIAL[:9])),
            struct.pack("<HHII", 0x0095, 2, len(gps), 0),
            bytes(4),
            owner,
            gps,
        ]
    )


def _icc_with_languages(text: str) -> bytes:
    """An sRGB profile whose `desc` is an mluc of 30 languages; the last record holds `text`."""
    profile = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    langs = [(f"{chr(97 + i % 26)}{chr(98 + i // 26)}".encode(), b"US") for i in range(30)]
    names = ["sRGB"] * 29 + [text]
    records, strings = b"", b""
    at = 16 + 12 * len(names)
    for (lang, country), name in zip(langs, names, strict=True):
        raw = name.encode("utf-16-be")
        records += lang + country + struct.pack(">II", len(raw), at + len(strings))
        strings += raw
    mluc = b"mluc" + bytes(4) + struct.pack(">II", len(names), 12) + records + strings
    count = struct.unpack_from(">I", profile, 128)[0]
    for i in range(count):
        sig, _, _ = struct.unpack_from(">4sII", profile, 132 + 12 * i)
        if sig == b"desc":
            struct.pack_into(">II", profile, 132 + 12 * i + 4, len(profile), len(mluc))
    profile += mluc + b"\x00" * (-len(mluc) % 4)
    struct.pack_into(">I", profile, 0, len(profile))
    profile[84:100] = bytes(16)  # the profile ID no longer matches: zero means "not computed"
    return bytes(profile)


def _extended_xmp_in_parts(packet: bytes, parts: int) -> bytes:
    """Main XMP naming the extension, then the extension cut into `parts` APP1 segments."""
    whole = xmp_extension(packet)
    head, body = whole[: 35 + 32 + 8], packet
    guid = whole[35:67]
    main = XMP_ID + _xmp(
        f'<xmpNote:HasExtendedXMP xmlns:xmpNote="http://ns.adobe.com/xmp/note/">'
        f"{guid.decode()}</xmpNote:HasExtendedXMP>"
    )
    size = -(-len(body) // parts)
    segments = [
        head[:67] + struct.pack(">II", len(body), at) + body[at : at + size]
        for at in range(0, len(body), size)
    ]
    return (
        JPEG[:2] + segment_bytes(0xE1, main) + b"".join(segment_bytes(0xE1, s) for s in segments) + JPEG[2:]
    )


def _secondary_with_gps() -> bytes:
    """A JPEG (a gain map, say) with EXIF of its own: IFD0 -> GPS IFD with a latitude reference and an
    area name, and the Exif IFD with a body serial number."""
    area = b"ASCII\x00\x00\x00" + PLACE.encode()
    gps_at = 8 + 2 + 12 + 4
    ifd0 = struct.pack("<H", 1) + struct.pack("<HHII", 0x8825, 4, 1, gps_at) + bytes(4)
    table = struct.pack("<H", 2) + struct.pack("<HHI", 1, 2, 2) + b"N\x00\x00\x00"
    table += struct.pack("<HHII", 0x1C, 7, len(area), gps_at + 2 + 24 + 4) + bytes(4) + area
    block = b"II*\x00" + struct.pack("<I", 8) + ifd0 + table
    secondary = jpeg_bytes(icc=False)
    return secondary[:2] + segment_bytes(0xE1, b"Exif\x00\x00" + block) + secondary[2:]


def _xmp_thumbnail() -> bytes:
    """XMP holding a base64 JPEG thumbnail (xmp:Thumbnails / xmpGImg:image, as Illustrator writes) that
    carries EXIF of its own with a body serial number and an owner."""
    thumb = jpeg_bytes(icc=False)
    exif = b"Exif\x00\x00" + tiff_exif_ifd([ascii_tag(0xA431, SERIAL), ascii_tag(0xA430, OWNER)])
    thumb = thumb[:2] + segment_bytes(0xE1, exif) + thumb[2:]
    encoded = base64.b64encode(thumb).decode()
    return after_soi(
        0xE1,
        XMP_ID
        + xmp_packet(
            '<xmp:Thumbnails xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
            ' xmlns:xmpGImg="http://ns.adobe.com/xap/1.0/g/img/"><rdf:Alt><rdf:li rdf:parseType="Resource">'
            f"<xmpGImg:format>JPEG</xmpGImg:format><xmpGImg:image>{encoded}</xmpGImg:image>"
            "</rdf:li></rdf:Alt></xmp:Thumbnails>"
        ),
    )


PLACES: dict[str, bytes] = {
    "png eXIf beside compressed XMP": png_with(
        chunk(b"eXIf", tiff_exif_ifd([ascii_tag(0xA431, SERIAL)])),
        itxt("XML:com.adobe.xmp", _xmp(f"<exif:SerialNumber>{SERIAL}</exif:SerialNumber>").decode(), True),
    ),
    "png zTXt XMP with serials of known namespaces": png_with(
        chunk(
            b"zTXt",
            b"XML:com.adobe.xmp\x00\x00"
            + zlib.compress(
                _xmp(
                    f"<exif:SerialNumber>{SERIAL}</exif:SerialNumber>",
                    f"<exif:LensSerialNumber>{LENS_SERIAL}</exif:LensSerialNumber>",
                    f"<crs:CameraSerialNumber>{SERIAL}</crs:CameraSerialNumber>",
                )
            ),
        )
    ),
    "jpeg XMP exif:SerialNumber attribute": after_soi(
        0xE1, XMP_ID + xmp_packet(attributes=f'exif:SerialNumber="{SERIAL}"')
    ),
    "webp EXIF and XMP twice each": _webp_twice(),
    "jpeg Canon MakerNote owner, serial, GPS": after_soi(
        0xE1, b"Exif\x00\x00" + tiff_exif_ifd([undefined_tag(0x927C, _canon_makernote())])
    ),
    "jpeg Nikon MakerNote serial": after_soi(
        0xE1,
        b"Exif\x00\x00"
        + tiff_exif_ifd([undefined_tag(0x927C, b"Nikon\x00\x02\x10\x00\x00MM\x00*" + SERIAL.encode())]),
    ),
    "jpeg Photoshop EXIF resource 1058": with_app13(
        JPEG, photoshop_resource(1058, tiff([ascii_tag(0x013B, canary("irbexif"))]))
    ),
    "jpeg Photoshop XMP resource 1060": with_app13(
        JPEG, photoshop_resource(1060, xmp_packet(f"<aux:SerialNumber>{SERIAL}</aux:SerialNumber>"))
    ),
    "jpeg Photoshop clipping path name 2999": with_app13(
        JPEG, photoshop_resource(2999, b"\x10" + canary("clip").encode()[:16])
    ),
    "jpeg Photoshop plug-in resource 4000": with_app13(
        JPEG, photoshop_resource(4000, canary("plugin").encode())
    ),
    "jpeg Photoshop print flags 10000": with_app13(JPEG, photoshop_resource(10000, canary("print").encode())),
    "jpeg Photoshop caption digest 1061 of text": with_app13(
        JPEG, photoshop_resource(1061, canary("digest").encode()[:16])
    ),
    "jpeg extended XMP in three parts": _extended_xmp_in_parts(
        _xmp(f"<exifEX:LensMake>Canon</exifEX:LensMake><exif:SerialNumber>{SERIAL}</exif:SerialNumber>"),
        3,
    ),
    "jpeg ICC mluc thirtieth language": jpeg_bytes(icc=False)[:2]
    + segment_bytes(0xE2, b"ICC_PROFILE\x00\x01\x01" + _icc_with_languages(canary("mluc30")))
    + jpeg_bytes(icc=False)[2:],
    "mpf secondary with its own EXIF GPS": mpo(JPEG, _secondary_with_gps()),
    "xmp base64 thumbnail with EXIF of its own": _xmp_thumbnail(),
    "jpeg APP13 without Photoshop signature": after_soi(0xED, b"Adobe_CM\x00" + canary("adobecm").encode()),
    "jpeg APP12 Ducky comment": after_soi(
        0xEC,
        b"Ducky"
        + struct.pack(">HH", 2, 4 + 2 * len(canary("ducky")))
        + bytes(4)
        + canary("ducky").encode("utf-16-be"),
    ),
}

IDENTIFIERS = (SERIAL, SERIAL[:9], LENS_SERIAL, OWNER, PLACE)


@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_round9_canary_never_reaches_a_published_image(gate: Pipeline, place: str) -> None:
    data = PLACES[place]
    evaluation = gate.evaluate(data, synthetic=False)
    record = json.dumps([reason.as_dict() for reason in evaluation.decision.reasons]).encode()
    planted = _canaries(data)
    for text in planted | set(IDENTIFIERS):
        assert text.encode() not in record  # reasons name the entity and the path, never the value
    if evaluation.verdict is not Verdict.APPROVED:
        assert evaluation.verdict in (Verdict.QUARANTINED, Verdict.REJECTED)
        return
    output = evaluation.output if evaluation.output is not None else data
    published = output + _inflated(output)
    for text in planted | set(IDENTIFIERS):
        assert not any(form in published for form in _forms(text)), (place, text)
    thumbnail = re.search(rb"<xmpGImg:image>([^<]{64})", data)
    assert thumbnail is None or thumbnail[1] not in output, place  # the base64 thumbnail is not published
    serial_le = struct.pack("<I", int(SERIAL[:9]))
    assert serial_le not in published or serial_le not in data, place
