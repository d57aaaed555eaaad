"""Cases of the sixth attacker round on images (redimg6), written from the formats' specifications rather
than from the walkers: a canary planted in coding tables no scan uses, in XML the XMP model has no
property for, in ICC header fields, in IPTC and Photoshop resources, in PNG's small fixed chunks, in
WebP's animation header, in a C2PA store's JUMBF boxes, and in a JPEG's EXIF thumbnail. Data only; the
tests are in `test_unseen_containers_round6`.

Each case is (image, planted): the byte strings that must never be published unless the gate reports them.
Not cases, as values a viewer may use, like pixels: the 4-byte signatures of an ICC header (device maker
and model) and a WebP animation's background colour.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image

from gate.imaging.jpeg import segment_bytes, walk
from gate.imaging.strip import fix_mp_index
from tests.unit.imaging.images import (
    chunk,
    icc_profile,
    jpeg_bytes,
    photoshop_resource,
    pixels,
    with_app13,
    with_app13_iptc,
    xmp_packet,
)
from tests.unit.imaging.multipicture import mpo
from tests.unit.pipeline.test_unseen_containers import JPEG, PNG, XMP_ID, after_soi, canary, png_with

Case = tuple[bytes, tuple[bytes, ...]]


def _planted(place: str) -> tuple[bytes, tuple[bytes, ...]]:
    text = canary(place).encode()
    return text, (text,)


def _before_sos(data: bytes, segment: bytes) -> bytes:
    at = data.index(b"\xff\xda")
    return data[:at] + segment + data[at:]


def _dht(table_class: int, ident: int, symbols: bytes) -> bytes:
    """A Huffman table of `symbols` (all with 8-bit codes), class 0 (DC) or 1 (AC), id `ident`."""
    counts = bytes(7) + bytes([len(symbols)]) + bytes(8)
    return segment_bytes(0xC4, bytes([table_class << 4 | ident]) + counts + symbols)


def _jpeg_cases() -> dict[str, Case]:
    dqt, dqt_text = _planted("dqt3")
    dht, dht_text = _planted("dht3")
    com, com_text = _planted("thumbcom")
    early, early_text = _planted("dqtearly")
    gain, gain_text = _planted("dhtgain")
    thumb = io.BytesIO()
    pixels(size=(16, 12)).save(thumb, "JPEG")
    small = thumb.getvalue()
    small = small[:2] + segment_bytes(0xFE, com) + small[2:]
    exif = Image.Exif()
    exif[0x0112] = 1
    ifd1_thumb = _tiff_with_thumbnail(small)
    return {
        # A quantisation table no frame component selects: 64 bytes the writer chose, read by nobody.
        "jpeg DQT table no component uses": (
            _before_sos(JPEG, segment_bytes(0xDB, b"\x03" + dqt.ljust(64, b"."))),
            dqt_text,
        ),
        "jpeg DHT table no scan uses": (_before_sos(JPEG, _dht(1, 3, dht)), dht_text),
        # Table 0 defined twice before the frame: the first is replaced before anything reads it.
        "jpeg DQT table redefined before use": (
            JPEG[:2] + segment_bytes(0xDB, b"\x00" + early.ljust(64, b".")) + JPEG[2:],
            early_text,
        ),
        "jpeg DHT table no scan of the gain map uses": (
            _in_gain_map(_dht(1, 2, gain)),
            gain_text,
        ),
        "jpeg EXIF thumbnail with a comment": (
            JPEG[:2] + segment_bytes(0xE1, b"Exif\x00\x00" + ifd1_thumb) + JPEG[2:],
            com_text,
        ),
    }


def _in_gain_map(segment: bytes) -> bytes:
    """A phone's multi-picture JPEG with `segment` before the gain map's first scan, its index moved."""
    data = mpo(JPEG, jpeg_bytes(icc=False))
    second = data.index(b"\xff\xd8", 2)
    at = data.index(b"\xff\xda", second)
    return fix_mp_index(data, data[:at] + segment + data[at:], [(at, at, segment)], None)


def _tiff_with_thumbnail(jpeg: bytes) -> bytes:
    """Little-endian TIFF: an empty IFD0 linking to IFD1 that points at `jpeg` (JPEGInterchangeFormat)."""
    ifd0 = struct.pack("<H", 0) + struct.pack("<I", 14)
    ifd1_at = 14
    data_at = ifd1_at + 2 + 3 * 12 + 4
    ifd1 = struct.pack("<H", 3)
    ifd1 += struct.pack("<HHII", 0x0103, 3, 1, 6)  # Compression: JPEG
    ifd1 += struct.pack("<HHII", 0x0201, 4, 1, data_at)
    ifd1 += struct.pack("<HHII", 0x0202, 4, 1, len(jpeg))
    ifd1 += struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", 8) + ifd0 + ifd1 + jpeg


def _xmp(place: str, template: str) -> Case:
    text, planted = _planted(place)
    packet = template.replace("CANARY", text.decode()).encode()
    return after_soi(0xE1, XMP_ID + packet), planted


_WRAP = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/" X><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description rdf:about="A" xmlns:dc="http://purl.org/dc/elements/1.1/" D>B</rdf:Description>'
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


def _wrap(x: str = "", a: str = "", d: str = "", b: str = "") -> str:
    return (
        _WRAP.replace(" X>", f" {x}>" if x else ">")
        .replace('"A"', f'"{a}"')
        .replace(" D>", f" {d}>" if d else ">")
        .replace(">B<", f">{b}<")
    )


def _xmp_prefix() -> Case:
    """The canary as a namespace prefix (an XML name: its "@" spelled out)."""
    name = canary("prefix").replace("@", "-at-")
    packet = _wrap(d=f'xmlns:{name}="http://ns.example/"', b=f"<{name}:x>1</{name}:x>").encode()
    return after_soi(0xE1, XMP_ID + packet), (name.encode(),)


def _xmp_cases() -> dict[str, Case]:
    return {
        "xmp xmptk attribute": _xmp("xmptk", _wrap(x='x:xmptk="CANARY"')),
        "xmp rdf:about": _xmp("about", _wrap(a="CANARY")),
        "xmp namespace uri": _xmp("nsuri", _wrap(d='xmlns:foo="http://CANARY/ns/"')),
        "xmp xml:lang value": _xmp(
            "lang",
            _wrap(b='<dc:title><rdf:Alt><rdf:li xml:lang="CANARY">Sneaker</rdf:li></rdf:Alt></dc:title>'),
        ),
        "xmp CDATA section": _xmp("cdata", _wrap(b="<dc:source><![CDATA[CANARY]]></dc:source>")),
        "xmp xpacket id": _xmp("xpacketid", _wrap().replace("W5M0MpCehiHzreSzNTczkc9d", "CANARY")),
        "xmp rdf:ID attribute": _xmp("rdfid", _wrap(b='<dc:source rdf:ID="CANARY">shop</dc:source>')),
        "xmp rdf:datatype": _xmp(
            "datatype", _wrap(b='<dc:source rdf:datatype="http://x/CANARY">1</dc:source>')
        ),
        "xmp padding after the trailer": _xmp("padding", _wrap() + "   CANARY   "),
        "xmp prefix name": _xmp_prefix(),
    }


def _iptc_cases() -> dict[str, Case]:
    unknown, unknown_text = _planted("iptc2200")
    name, name_text = _planted("psname")
    thumb, thumb_text = _planted("psthumb")
    named = b"8BIM" + struct.pack(">H", 0x0404) + bytes([len(name)]) + name
    named += b"\x00" * ((len(name) + 1) & 1) + struct.pack(">I", 0)
    return {
        "iptc dataset 2:200 (unknown)": (with_app13_iptc(JPEG, {200: unknown}), unknown_text),
        "photoshop resource name": (with_app13(JPEG, named), name_text),
        "photoshop thumbnail resource": (
            with_app13(JPEG, photoshop_resource(0x0409, b"\x00" * 28 + thumb)),
            thumb_text,
        ),
    }


def _icc_with(offset: int, value: bytes) -> bytes:
    profile = bytearray(icc_profile())
    profile[offset : offset + len(value)] = value
    return bytes(profile)


def _icc_cases() -> dict[str, Case]:
    out: dict[str, Case] = {}
    for place, offset, size in (("iccid", 84, 16), ("iccreserved", 100, 28)):
        text = canary(place).encode()[:size]
        profile = _icc_with(offset, text)
        buf = io.BytesIO()
        pixels().save(buf, "JPEG", icc_profile=profile)
        out[f"icc header {place}"] = (buf.getvalue(), (text,))
    return out


def _png_cases() -> dict[str, Case]:
    time_text = b"\x07\xe9jane"  # tIME is 7 bytes: year, month, day, hour, minute, second
    sig, sig_text = _planted("dsig")
    ster, ster_text = _planted("ster")
    return {
        "png tIME bytes": (png_with(chunk(b"tIME", time_text[:7].ljust(7, b"\x00"))), (b"jane",)),
        "png dSIG chunk": (png_with(chunk(b"dSIG", sig)), sig_text),
        "png sTER too long": (png_with(chunk(b"sTER", b"\x00" + ster)), ster_text),
        "png sRGB intent out of range": (png_with(chunk(b"sRGB", b"j")), (b"sRGB\x6a",)),
    }


def _c2pa_cases() -> dict[str, Case]:
    label, label_text = _planted("jumbflabel")
    after, after_text = _planted("jumbfafter")
    desc = b"jumd" + b"c2pa\x00\x11\x00\x10\x80\x00\xaa\x00\x38\x9b\x71\x71" + b"\x03" + label + b"\x00"
    box = struct.pack(">I", 8 + len(desc)) + desc
    superbox = struct.pack(">I", 8 + len(box)) + b"jumb" + box
    segment = b"JP" + b"\x00\x01" + struct.pack(">I", 1) + superbox
    return {
        "c2pa store with a label and no manifest": (after_soi(0xEB, segment), label_text),
        "c2pa store with bytes after its superbox": (after_soi(0xEB, segment + after), after_text),
    }


def cases() -> dict[str, Case]:
    """Every case of the round, by place."""
    return {
        **_jpeg_cases(),
        **_xmp_cases(),
        **_iptc_cases(),
        **_icc_cases(),
        **_png_cases(),
        **_c2pa_cases(),
    }


CLEAN: dict[str, bytes] = {
    "jpeg with sRGB profile": jpeg_bytes(icc=True),
    "xmp of a camera": after_soi(0xE1, XMP_ID + xmp_packet("<dc:format>image/jpeg</dc:format>")),
    "png": PNG,
}

# Lightroom Classic's packet for an exported JPEG (editing history, Camera Raw settings, keywords).
LIGHTROOM_XMP = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 7.0-c000 1.000000, 0000/00/00-00:00:00">'
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about=""'
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"'
    ' xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"'
    ' xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ' xmp:CreatorTool="Adobe Photoshop Lightroom Classic 13.0 (Windows)"'
    ' xmp:ModifyDate="2024-01-15T10:22:31+01:00" xmp:MetadataDate="2024-01-15T10:22:31+01:00"'
    ' dc:format="image/jpeg" xmpMM:DocumentID="xmp.did:9f3c2d1e-0a1b-4a5b-8c7d-1e2f3a4b5c6d"'
    ' xmpMM:OriginalDocumentID="D41D8CD98F00B204E9800998ECF8427E"'
    ' xmpMM:InstanceID="xmp.iid:9f3c2d1e-0a1b-4a5b-8c7d-1e2f3a4b5c6d" crs:Version="16.0"'
    ' crs:ProcessVersion="15.4" crs:WhiteBalance="As Shot" crs:Exposure2012="+0.35" crs:HasSettings="True">'
    '<xmpMM:History><rdf:Seq><rdf:li stEvt:action="derived"'
    ' stEvt:parameters="converted from image/x-canon-cr3 to image/jpeg, saved to new location"/>'
    '<rdf:li stEvt:action="saved" stEvt:instanceID="xmp.iid:9f3c2d1e-0a1b-4a5b-8c7d-1e2f3a4b5c6d"'
    ' stEvt:when="2024-01-15T10:22:31+01:00"'
    ' stEvt:softwareAgent="Adobe Photoshop Lightroom Classic 13.0 (Windows)"'
    ' stEvt:changed="/"/></rdf:Seq></xmpMM:History>'
    "<dc:subject><rdf:Bag><rdf:li>handbag</rdf:li><rdf:li>studio</rdf:li></rdf:Bag></dc:subject>"
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
).encode()


def _grey_with_every_table() -> bytes:
    """A grey JPEG carrying the colour tables too (Annex K Huffman, IJG quantisation), as some encoders
    write every table whatever the components: standard tables no scan uses, kept as they are."""
    buf = io.BytesIO()
    pixels().convert("L").save(buf, "JPEG", quality=75)
    grey = buf.getvalue()
    colour = jpeg_bytes(icc=False)
    tables = b"".join(
        colour[seg.start : seg.end] for seg in walk(colour).segments if seg.marker in (0xC4, 0xDB)
    )
    at = grey.index(b"\xff\xc0")
    return grey[:at] + tables + grey[at:]


def real_and_clean() -> dict[str, bytes]:
    """Real files and what ordinary tools write: published (stripped at most), never refused."""
    real = Path(__file__).parents[2] / "fixtures" / "real"
    return {
        **{path.name: path.read_bytes() for path in sorted(real.glob("*.*")) if path.suffix != ".md"},
        "lightroom export": after_soi(0xE1, XMP_ID + LIGHTROOM_XMP),
        "grey jpeg with every standard table": _grey_with_every_table(),
        "iptc keywords": with_app13_iptc(JPEG, {25: b"handbag"}),
        **CLEAN,
    }
