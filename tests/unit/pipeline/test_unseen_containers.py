"""Metadata in places nobody here had planted a canary: every image must be refused, quarantined, or
published without it (checked in the bytes as written, in UTF-16 and UTF-32, and inside every zlib stream).

The cases cover EXIF in PNG eXIf and WebP EXIF, XMP in compressed iTXt and WebP, extended XMP, APP3-15,
comments in Latin-1, UTF-16 and UTF-32, MakerNote text, UserComment prefixes, GPS reached from IFD1, XMP
attributes outside any property (x:xmptk, rdf:ID, xml:lang), gain maps, and the formats the gate does not
read (HEIF, AVIF, GIF, TIFF), which it must refuse by name.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import struct
import zlib

import pytest
from PIL import Image

from gate.core.pipeline import Pipeline
from gate.errors import ImageUndecodable
from gate.imaging import probe
from gate.imaging.formats import sniff_media_type
from gate.imaging.jpeg import segment_bytes
from gate.model import Verdict
from tests.unit.imaging.images import chunk, jpeg_bytes, png_bytes, webp_bytes, xmp_packet
from tests.unit.imaging.multipicture import mpo

JPEG = jpeg_bytes(icc=False)
PNG = png_bytes()
XMP_ID = b"http://ns.adobe.com/xap/1.0/\x00"


def canary(place: str) -> str:
    return f"canary.{place}@example.com"


def after_soi(marker: int, payload: bytes, data: bytes = JPEG) -> bytes:
    return data[:2] + segment_bytes(marker, payload) + data[2:]


def png_with(*chunks: bytes) -> bytes:
    at = PNG.index(b"IDAT") - 4
    return PNG[:at] + b"".join(chunks) + PNG[at:]


def png_late(*chunks: bytes) -> bytes:
    at = PNG.index(b"IEND") - 4
    return PNG[:at] + b"".join(chunks) + PNG[at:]


def webp_with(fourcc: bytes, payload: bytes) -> bytes:
    body = webp_bytes() + fourcc + struct.pack("<I", len(payload)) + payload + b"\x00" * (len(payload) & 1)
    return body[:4] + struct.pack("<I", len(body) - 8) + body[8:]


def _ifd(entries: list[tuple[int, int, int, bytes]], order: str, at: int, next_ifd: int = 0) -> bytes:
    data_at = at + 2 + 12 * len(entries) + 4
    table, data = struct.pack(order + "H", len(entries)), b""
    for tag, typ, count, value in entries:
        if len(value) <= 4:
            table += struct.pack(order + "HHI", tag, typ, count) + value.ljust(4, b"\x00")
        else:
            table += struct.pack(order + "HHII", tag, typ, count, data_at + len(data))
            data += value + b"\x00" * (len(value) & 1)
    return table + struct.pack(order + "I", next_ifd) + data


def tiff(entries: list[tuple[int, int, int, bytes]], order: str = "<") -> bytes:
    head = (b"II*\x00" if order == "<" else b"MM\x00*") + struct.pack(order + "I", 8)
    return head + _ifd(entries, order, 8)


def tiff_exif_ifd(entries: list[tuple[int, int, int, bytes]], order: str = "<") -> bytes:
    """IFD0 holding only the Exif IFD pointer, then the Exif IFD with `entries`."""
    head = (b"II*\x00" if order == "<" else b"MM\x00*") + struct.pack(order + "I", 8)
    sub_at = 8 + 2 + 12 + 4
    ifd0 = struct.pack(order + "H", 1) + struct.pack(order + "HHII", 0x8769, 4, 1, sub_at) + bytes(4)
    return head + ifd0 + _ifd(entries, order, sub_at)


def tiff_gps_from_ifd1(text: str) -> bytes:
    """IFD0 -> IFD1, whose GPS pointer leads to a GPS IFD with GPSAreaInformation `text`."""
    o = "<"
    ifd1_at = 8 + 2 + 12 + 4
    gps_at = ifd1_at + 2 + 12 + 4
    ifd0 = (
        struct.pack(o + "H", 1) + struct.pack(o + "HHIHH", 0x0112, 3, 1, 1, 0) + struct.pack(o + "I", ifd1_at)
    )
    ifd1 = struct.pack(o + "H", 1) + struct.pack(o + "HHII", 0x8825, 4, 1, gps_at) + bytes(4)
    area = b"ASCII\x00\x00\x00" + text.encode()
    return (
        b"II*\x00"
        + struct.pack(o + "I", 8)
        + ifd0
        + ifd1
        + _ifd([(1, 2, 2, b"N\x00"), (0x1C, 7, len(area), area)], o, gps_at)
    )


def tiff_with_thumbnail(thumbnail: bytes) -> bytes:
    """IFD0 -> IFD1 holding `thumbnail` (JPEGInterchangeFormat and its length)."""
    o = "<"
    ifd1_at = 8 + 2 + 12 + 4
    ifd0 = (
        struct.pack(o + "H", 1) + struct.pack(o + "HHIHH", 0x0112, 3, 1, 1, 0) + struct.pack(o + "I", ifd1_at)
    )
    data_at = ifd1_at + 2 + 24 + 4
    ifd1 = struct.pack(o + "H", 2) + struct.pack(o + "HHII", 0x0201, 4, 1, data_at)
    ifd1 += struct.pack(o + "HHII", 0x0202, 4, 1, len(thumbnail)) + bytes(4)
    return b"II*\x00" + struct.pack(o + "I", 8) + ifd0 + ifd1 + thumbnail


def ascii_tag(tag: int, text: str) -> tuple[int, int, int, bytes]:
    value = text.encode() + b"\x00"
    return tag, 2, len(value), value


def undefined_tag(tag: int, value: bytes) -> tuple[int, int, int, bytes]:
    return tag, 7, len(value), value


def jpeg_exif(block: bytes) -> bytes:
    return after_soi(0xE1, b"Exif\x00\x00" + block)


def itxt(keyword: str, text: str, compressed: bool) -> bytes:
    body = zlib.compress(text.encode()) if compressed else text.encode()
    return chunk(
        b"iTXt",
        keyword.encode() + b"\x00" + (b"\x01\x00" if compressed else b"\x00\x00") + b"\x00\x00" + body,
    )


def described(text: str) -> bytes:
    return xmp_packet(
        f"<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>{text}</rdf:li></rdf:Alt></dc:description>"
    )


def xmp_extension(packet: bytes) -> bytes:
    guid = hashlib.md5(packet).hexdigest().upper().encode()  # XMP names its parts by MD5
    return b"http://ns.adobe.com/xmp/extension/\x00" + guid + struct.pack(">II", len(packet), 0) + packet


def with_xmptk(text: str) -> bytes:
    return xmp_packet().replace(
        b'xmlns:x="adobe:ns:meta/"', f'xmlns:x="adobe:ns:meta/" x:xmptk="{text}"'.encode()
    )


UTF16 = canary("com16").encode("utf-16-be")
PLACES: dict[str, bytes] = {
    "png eXIf ImageDescription": png_with(chunk(b"eXIf", tiff([ascii_tag(0x010E, canary("pngexif"))]))),
    "png eXIf big-endian Artist": png_with(chunk(b"eXIf", tiff([ascii_tag(0x013B, canary("pngbe"))], ">"))),
    "png eXIf after IDAT": png_late(chunk(b"eXIf", tiff([ascii_tag(0x010E, canary("late"))]))),
    "png iTXt XMP compressed": png_with(itxt("XML:com.adobe.xmp", described(canary("itxtz")).decode(), True)),
    "png iTXt comment compressed": png_with(itxt("Comment", canary("itxtc"), True)),
    "png zTXt": png_with(chunk(b"zTXt", b"Description\x00\x00" + zlib.compress(canary("ztxt").encode()))),
    "png tEXt after IDAT": png_late(chunk(b"tEXt", b"Comment\x00" + canary("latetext").encode())),
    "png private chunk": png_with(chunk(b"prVt", canary("private").encode())),
    "webp EXIF UNICODE little-endian": webp_with(
        b"EXIF", tiff_exif_ifd([undefined_tag(0x9286, b"UNICODE\x00" + canary("uc").encode("utf-16-le"))])
    ),
    "webp EXIF UNICODE big-endian": webp_with(
        b"EXIF",
        tiff_exif_ifd([undefined_tag(0x9286, b"UNICODE\x00" + canary("ucbe").encode("utf-16-be"))], ">"),
    ),
    "webp XMP": webp_with(b"XMP ", described(canary("webpxmp"))),
    "webp unknown chunk": webp_with(b"ZZZZ", canary("zzzz").encode()),
    "jpeg UserComment JIS": jpeg_exif(
        tiff_exif_ifd([undefined_tag(0x9286, b"JIS\x00\x00\x00\x00\x00" + canary("jis").encode())])
    ),
    "jpeg UserComment undefined": jpeg_exif(
        tiff_exif_ifd([undefined_tag(0x9286, bytes(8) + canary("undef").encode())])
    ),
    "jpeg UserComment UNICODE against the byte order": jpeg_exif(
        tiff_exif_ifd([undefined_tag(0x9286, b"UNICODE\x00" + canary("ucx").encode("utf-16-le"))], ">")
    ),
    "jpeg MakerNote text": jpeg_exif(
        tiff_exif_ifd([undefined_tag(0x927C, b"Apple iOS\x00\x00\x01MM" + canary("maker").encode())])
    ),
    "jpeg XPComment": jpeg_exif(
        tiff([(0x9C9C, 1, 2 * len(canary("xp")) + 2, canary("xp").encode("utf-16-le") + b"\x00\x00")])
    ),
    # Text after a NUL in a personal tag: a reader that stops at the NUL sees only the first part.
    "jpeg UserComment ASCII NUL parts": jpeg_exif(
        tiff_exif_ifd([undefined_tag(0x9286, b"ASCII\x00\x00\x00hello\x00" + canary("ucnul").encode())])
    ),
    "jpeg UserComment undefined NUL parts": jpeg_exif(
        tiff_exif_ifd([undefined_tag(0x9286, bytes(8) + b"hi\x00" + canary("ucnul2").encode())])
    ),
    "jpeg ImageDescription NUL parts": jpeg_exif(tiff([ascii_tag(0x010E, "Nice\x00" + canary("descnul"))])),
    "jpeg Artist NUL parts": jpeg_exif(tiff([ascii_tag(0x013B, "Studio\x00" + canary("artistnul"))])),
    "jpeg Copyright NUL parts": jpeg_exif(tiff([ascii_tag(0x8298, "(c) Acme\x00\x00" + canary("copynul"))])),
    "jpeg XPComment NUL parts": jpeg_exif(
        tiff(
            [
                (
                    0x9C9C,
                    1,
                    6 + 2 * len(canary("xpnul")),
                    "hi\x00".encode("utf-16-le") + canary("xpnul").encode("utf-16-le"),
                )
            ]
        )
    ),
    "jpeg thumbnail with text after its EOI": jpeg_exif(
        tiff_with_thumbnail(JPEG + canary("thumbtail").encode())
    ),
    "jpeg thumbnail with a comment": jpeg_exif(
        tiff_with_thumbnail(JPEG[:2] + segment_bytes(0xFE, canary("thumbcom").encode()) + JPEG[2:])
    ),
    "jpeg thumbnail that is no JPEG": jpeg_exif(tiff_with_thumbnail(canary("thumbraw").encode() * 3)),
    # Found by mutating the cases above (1-3 random bytes each, 730,000 evaluations):
    "jpeg UserComment UTF-16 under another character code": jpeg_exif(
        tiff_exif_ifd([undefined_tag(0x9286, b"UNICOkE\x00" + canary("ucwide").encode("utf-16-le"))])
    ),
    "jpeg UserComment UTF-16 BE under ASCII": jpeg_exif(
        tiff_exif_ifd([undefined_tag(0x9286, b"ASCII\x00\x00\x00" + canary("ucwidebe").encode("utf-16-be"))])
    ),
    "jpeg thumbnail with a marker no decoder reads": jpeg_exif(
        tiff_with_thumbnail(
            JPEG[:2]
            + b"\xff\x4f"
            + struct.pack(">H", 2 + len(canary("thumb4f")))
            + canary("thumb4f").encode()
            + JPEG[2:]
        )
    ),
    "xmp text between a description's properties": after_soi(
        0xE1, XMP_ID + xmp_packet("<dc:format>image/jpeg</dc:format>" + canary("desctext"))
    ),
    "xmp text before a description's properties": after_soi(
        0xE1,
        XMP_ID
        + xmp_packet().replace(
            b'xmlns:tiff="http://ns.adobe.com/tiff/1.0/" >',
            f'xmlns:tiff="http://ns.adobe.com/tiff/1.0/" >{canary("desclead")}'.encode(),
        ),
    ),
    "jpeg COM holding a TIFF block with text": after_soi(
        0xFE, b"MM\x00*\x00\x00\x00\x08\x00\x01" + bytes(40) + canary("comtiff").encode() + bytes(40)
    ),
    "jpeg ImageUniqueID": jpeg_exif(tiff_exif_ifd([ascii_tag(0xA420, canary("uid"))])),
    "jpeg CameraOwnerName": jpeg_exif(tiff_exif_ifd([ascii_tag(0xA430, canary("owner"))])),
    "jpeg GPS reached from IFD1": jpeg_exif(tiff_gps_from_ifd1(canary("gpsarea"))),
    "jpeg second EXIF segment": JPEG[:2]
    + segment_bytes(0xE1, b"Exif\x00\x00" + tiff([ascii_tag(0x0131, "Camera")]))
    + segment_bytes(0xE1, b"Exif\x00\x00" + tiff([ascii_tag(0x010E, canary("second"))]))
    + JPEG[2:],
    "jpeg second XMP segment": JPEG[:2]
    + segment_bytes(0xE1, XMP_ID + xmp_packet())
    + segment_bytes(0xE1, XMP_ID + described(canary("secondxmp")))
    + JPEG[2:],
    "jpeg extended XMP": after_soi(0xE1, xmp_extension(described(canary("xmpext")))),
    **{f"jpeg APP{n}": after_soi(0xE0 + n, b"Meta\x00" + canary(f"app{n}").encode()) for n in range(3, 16)},
    "jpeg APP1 unknown": after_soi(0xE1, b"FooBar\x00" + canary("app1").encode()),
    "jpeg APP2 FlashPix": after_soi(0xE2, b"FPXR\x00" + canary("fpxr").encode()),
    "jpeg COM Latin-1": after_soi(0xFE, ("Café " + canary("latin1")).encode("latin-1")),
    "jpeg COM UTF-16 BE with BOM": after_soi(0xFE, b"\xfe\xff" + UTF16),
    "jpeg COM UTF-16 BE": after_soi(0xFE, UTF16),
    "jpeg COM UTF-16 LE": after_soi(0xFE, canary("com16le").encode("utf-16-le")),
    "jpeg COM UTF-32": after_soi(0xFE, canary("com32").encode("utf-32")),
    "jpeg COM UTF-32 BE": after_soi(0xFE, canary("com32be").encode("utf-32-be")),
    "jpeg COM NUL first": after_soi(0xFE, b"\x00\x00x\x00" + canary("nul").encode()),
    "jpeg JPG0 marker": after_soi(0xF0, canary("jpg0").encode()),
    "xmp x:xmptk": after_soi(0xE1, XMP_ID + with_xmptk(canary("xmptk"))),
    "xmp xml:lang": after_soi(
        0xE1,
        XMP_ID
        + xmp_packet(
            f"<dc:title><rdf:Alt><rdf:li xml:lang='{canary('lang')}'>x</rdf:li></rdf:Alt></dc:title>"
        ),
    ),
    "xmp rdf:ID": after_soi(0xE1, XMP_ID + xmp_packet(attributes=f'rdf:ID="{canary("rdfid")}"')),
    "xmp rdf:nodeID": after_soi(0xE1, XMP_ID + xmp_packet(attributes=f'rdf:nodeID="{canary("nodeid")}"')),
    "xmp rdf:RDF attribute": after_soi(
        0xE1,
        XMP_ID
        + xmp_packet().replace(
            b"<rdf:RDF ", f'<rdf:RDF xmlns:my="urn:my" my:x="{canary("rdfattr")}" '.encode()
        ),
    ),
    "xmp rdf:datatype": after_soi(
        0xE1,
        XMP_ID
        + xmp_packet(
            f"<dc:title><rdf:Alt><rdf:li rdf:datatype='{canary('dtype')}'>x</rdf:li></rdf:Alt></dc:title>"
        ),
    ),
    "xmp CDATA": after_soi(0xE1, XMP_ID + described(f"<![CDATA[{canary('cdata')}]]>")),
    "xmp second description": after_soi(
        0xE1,
        XMP_ID
        + xmp_packet().replace(
            b"</rdf:RDF>",
            f'<rdf:Description rdf:about="" xmlns:my="urn:my" my:x="{canary("desc2")}"/></rdf:RDF>'.encode(),
        ),
    ),
    "xmp UTF-16": after_soi(0xE1, XMP_ID + described(canary("xmp16")).decode().encode("utf-16-be")),
    "xmp text after the packet": after_soi(0xE1, XMP_ID + xmp_packet() + canary("tail").encode()),
    "gain map XMP": mpo(JPEG, jpeg_bytes(xmp=described(canary("gainxmp")), icc=False)),
    "gain map COM": mpo(JPEG, jpeg_bytes(comment=canary("gaincom").encode(), icc=False)),
    "gain map APP5": mpo(JPEG, after_soi(0xE5, canary("gainapp5").encode(), jpeg_bytes(icc=False))),
    # The second pass over real files: what is now read, cut off or refused instead of published.
    "jpeg bytes after EOI": JPEG + canary("aftereoi").encode(),
    "png bytes after IEND": PNG + chunk(b"tEXt", b"Comment\x00" + canary("afteriend").encode()),
    "webp bytes after RIFF": webp_bytes() + b"EXIF" + canary("afterriff").encode(),
    "jpeg COM after fill bytes": JPEG[:2]
    + b"\xff\xff"
    + segment_bytes(0xFE, canary("fill").encode())
    + JPEG[2:],
    "jpeg Canon CIFF APP0": after_soi(0xE0, b"II\x1a\x00\x00\x00HEAPCCDR" + canary("ciff").encode()),
    "jpeg APP1 renamed DHT": after_soi(0xC4, canary("dht").encode()),
    "jpeg APP1 renamed DQT": after_soi(0xDB, canary("dqt").encode()),
    "jpeg JPEGInterchangeFormat with 27 LONGs": jpeg_exif(
        tiff([(0x0201, 4, 27, canary("count").encode().ljust(108, b"."))])
    ),
    "webp RIFF INFO artist": webp_with(b"IART", canary("iart").encode()),
    "webp Photoshop PSAI": webp_with(b"PSAI", b"8BIM" + canary("psai").encode()),
}


def _forms(text: str) -> list[bytes]:
    return [text.encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")]


def _inflated(data: bytes) -> bytes:
    """Every zlib stream that starts somewhere in `data`, inflated (compressed text chunks)."""
    out = []
    for match in re.finditer(rb"x[\x01\x5e\x9c\xda]", data):
        try:
            out.append(zlib.decompressobj().decompress(data[match.start() :], 1 << 20))
        except zlib.error:
            continue
    return b"".join(out)


def _canaries(data: bytes) -> set[str]:
    readable = (
        data.decode("latin-1")
        + data.replace(b"\x00", b"").decode("latin-1")
        + _inflated(data).decode("latin-1")
    )
    return set(re.findall(r"canary\.[a-z0-9]+@example\.com", readable))


@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_canary_never_reaches_a_published_image(gate: Pipeline, place: str) -> None:
    data = PLACES[place]
    planted = _canaries(data) | {f"canary.{place}"}  # the place name too, for compressed carriers
    evaluation = gate.evaluate(data, synthetic=False)
    record = json.dumps([reason.as_dict() for reason in evaluation.decision.reasons]).encode()
    for text in planted:
        assert text.encode() not in record  # reasons name the entity and the path, never the value
    if evaluation.verdict is not Verdict.APPROVED:
        assert evaluation.verdict in (Verdict.QUARANTINED, Verdict.REJECTED)
        return
    # What is published: the rewritten image, or the input itself when the gate changed nothing.
    output = evaluation.output if evaluation.output is not None else data
    published = output + _inflated(output)
    for text in _canaries(data):
        assert not any(form in published for form in _forms(text)), (place, text)
    assert planted  # the case planted something we can look for


@pytest.mark.parametrize(
    ("place", "verdict"),
    [
        ("xmp x:xmptk", Verdict.QUARANTINED),
        ("xmp xml:lang", Verdict.QUARANTINED),
        ("xmp rdf:ID", Verdict.QUARANTINED),
        ("xmp rdf:nodeID", Verdict.QUARANTINED),
        ("xmp rdf:RDF attribute", Verdict.QUARANTINED),
        ("jpeg COM UTF-32", Verdict.QUARANTINED),
        ("jpeg COM UTF-32 BE", Verdict.QUARANTINED),
    ],
)
def test_text_the_gate_once_published_unread_is_now_found(
    gate: Pipeline, place: str, verdict: Verdict
) -> None:
    evaluation = gate.evaluate(PLACES[place], synthetic=False)
    assert evaluation.verdict is verdict
    assert "metadata.personal_data" in evaluation.decision.reason_codes


def test_an_ordinary_xmptk_is_not_personal_data(gate: Pipeline) -> None:
    data = after_soi(0xE1, XMP_ID + with_xmptk("Adobe XMP Core 9.1-c002 79.dba3da3b5, 2023/12/15-10:42:37"))
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes


def _ftyp(major: bytes, *compatible: bytes) -> bytes:
    body = major + bytes(4) + b"".join(compatible)
    return struct.pack(">I", 8 + len(body)) + b"ftyp" + body + b"\x00\x00\x00\x08free"


@pytest.mark.parametrize(
    ("data", "media_type"),
    [
        (_ftyp(b"heic", b"mif1", b"heic"), "image/heic"),
        (_ftyp(b"mif1", b"mif1", b"heic"), "image/heic"),  # a phone's HEIF names HEVC after mif1
        (_ftyp(b"mif1", b"mif1", b"avif"), "image/avif"),
        (_ftyp(b"mif1", b"mif1"), "image/heif"),
        (_ftyp(b"msf1", b"msf1", b"hevc"), "image/heic"),
        (_ftyp(b"avif", b"avif", b"mif1", b"miaf"), "image/avif"),
        (_ftyp(b"isom", b"isom", b"mp41"), None),
    ],
)
def test_heif_and_avif_are_named_and_refused(data: bytes, media_type: str | None) -> None:
    assert sniff_media_type(data) == media_type
    with pytest.raises(
        ImageUndecodable, match="not a supported format" if media_type else "not a recognised"
    ):
        probe(data)


def _pillow(fmt: str, **kwargs: object) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, fmt, **kwargs)
    return buf.getvalue()


@pytest.mark.parametrize(
    "data",
    [_pillow("GIF", comment=canary("gif").encode()), _pillow("TIFF", description=canary("tiff"))],
    ids=["gif", "tiff"],
)
def test_formats_the_gate_does_not_read_are_rejected(gate: Pipeline, data: bytes) -> None:
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.REJECTED
    # Named as a format the gate does not take (the detail says which), not as broken bytes.
    assert evaluation.decision.reason_codes == ("image.unsupported",)
    (reason,) = evaluation.decision.reasons
    assert reason.reason.detail in ("image/gif", "image/tiff")


@pytest.mark.parametrize(
    ("value", "person"),
    [(b"    \x00", False), (b"\x00\x00\x00\x00\x00", False), (b"\x00", False), (b"  \x00  \x00", False),
     (b"'   \x00", False), (b"- \x00", False), (b'"  "\x00', False),
     (b"J P Bowen \x00", True), (b"COPYRIGHT, 2005\x00", True), (b"\xe2\x80\x8b\x00", True),
     (b"'J'\x00", True)],
)  # fmt: skip
def test_a_blank_owner_field_as_cameras_write_it_names_nobody(
    gate: Pipeline, value: bytes, person: bool
) -> None:
    """Fujifilm, Kodak, Canon and Olympus cameras write Artist and Copyright as spaces or NULs (real
    files of ianare/exif-samples): such a photo is not quarantined for naming a person."""
    for tag in (0x013B, 0x8298):  # Artist, Copyright
        data = jpeg_exif(tiff([(tag, 2, len(value), value)]))
        evaluation = gate.evaluate(data, synthetic=False)
        found = [r.reason for r in evaluation.decision.reasons if r.reason.entity == "PERSON"]
        assert bool(found) is person, (tag, value)
        assert evaluation.verdict is (Verdict.QUARANTINED if person else Verdict.APPROVED)
