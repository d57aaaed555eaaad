"""Sixteenth image round: places no earlier round tried, written from the formats before reading the code.

`found()` maps a name to an image holding a canary (the address EMAIL, the names of NAMES, GPS rationals);
`clean()` maps a name to a neighbour that holds none and must not be refused. Places: XMP extended over
several APP1 segments with a wrong GUID, a wrong MD5 or gaps, `xmpNote:HasExtendedXMP` pointing nowhere,
rdf:Bag/Seq/Alt of person names (face regions, people tags), XMP in UTF-16/UTF-32 with a BOM, EXIF with
offsets past its segment, IFD loops, an interop IFD with text, strips in a JPEG's IFD0/IFD1 pointing at
text, PNG private chunks, APNG frames with their own text, GIF frames' comments and plain text, WebP
animation frames (ANMF) carrying chunks of their own.
"""

from __future__ import annotations

import hashlib
import struct
import zlib

from tests.unit.imaging.round15_cases import (
    EMAIL,
    after_soi,
    asc,
    base_jpeg,
    chunk,
    exif_app1,
    gps_bytes,
    ifd_bytes,
    png_with,
    seg,
    tiff,
    xmp_packet,
)
from tests.unit.imaging.round16_frames import (
    anim_webp,
    apng,
    apng_cases,
    gif,
    gif_before_frame,
    gif_cases,
    sub_blocks,
    webp_cases,
)

E = EMAIL
NAMES = (b"Jane Roe", b"Maria Gonzalez")
XMP_NS = b"http://ns.adobe.com/xap/1.0/\0"
EXT_NS = b"http://ns.adobe.com/xmp/extension/\0"


def xmp_app1(packet: bytes) -> bytes:
    return seg(0xE1, XMP_NS + packet)


def _desc(inner: str, ns: str = "") -> str:
    return f'<rdf:Description rdf:about="" {ns}>{inner}</rdf:Description>'


def main_xmp(guid: str | None) -> bytes:
    note = (
        '<rdf:Description rdf:about="" xmlns:xmpNote="http://ns.adobe.com/xmp/note/" '
        f'xmpNote:HasExtendedXMP="{guid}"/>'
        if guid is not None
        else ""
    )
    return xmp_packet(note)


def ext_segments(
    body: bytes, guid: bytes, parts: int = 2, total: int | None = None, gap: int = 0
) -> list[bytes]:
    """Extended XMP: namespace, 32-byte GUID, full length, offset, then that part of the body."""
    size = -(-len(body) // parts)
    out = []
    for i in range(parts):
        piece = body[i * size : (i + 1) * size]
        header = (
            EXT_NS + guid + struct.pack(">II", total if total is not None else len(body), i * size + gap * i)
        )
        out.append(seg(0xE1, header + piece))
    return out


EXT_BODY = xmp_packet(
    _desc(
        '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">mail jane.roe@example.com</rdf:li></rdf:Alt>'
        "</dc:description>",
        'xmlns:dc="http://purl.org/dc/elements/1.1/"',
    )
)


def _md5(body: bytes) -> bytes:
    return hashlib.md5(body, usedforsecurity=False).hexdigest().upper().encode()  # XMP's GUID


def _extended_cases() -> dict[str, bytes]:
    j = base_jpeg()
    right = _md5(EXT_BODY)
    wrong = b"0123456789ABCDEF0123456789ABCDEF"
    c = {}
    c["ext_wrong_guid"] = after_soi(j, xmp_app1(main_xmp(right.decode())), *ext_segments(EXT_BODY, wrong))
    c["ext_wrong_md5"] = after_soi(j, xmp_app1(main_xmp(wrong.decode())), *ext_segments(EXT_BODY, wrong))
    c["ext_no_note"] = after_soi(j, xmp_app1(main_xmp(None)), *ext_segments(EXT_BODY, right))
    c["ext_no_main"] = after_soi(j, *ext_segments(EXT_BODY, right))
    c["ext_three_parts"] = after_soi(j, xmp_app1(main_xmp(right.decode())), *ext_segments(EXT_BODY, right, 3))
    c["ext_gap"] = after_soi(j, xmp_app1(main_xmp(right.decode())), *ext_segments(EXT_BODY, right, 2, gap=7))
    c["ext_short_total"] = after_soi(
        j, xmp_app1(main_xmp(right.decode())), *ext_segments(EXT_BODY, right, 2, total=40)
    )
    two = ext_segments(EXT_BODY, right, 2)
    c["ext_reversed_after_sos_like"] = after_soi(j, xmp_app1(main_xmp(right.decode())), two[1], two[0])
    c["ext_two_guids"] = after_soi(
        j,
        xmp_app1(main_xmp(right.decode())),
        *ext_segments(EXT_BODY, right),
        *ext_segments(EXT_BODY.replace(b"jane", b"anna"), wrong),
    )
    c["ext_note_lowercase_guid"] = after_soi(
        j, xmp_app1(main_xmp(right.decode().lower())), *ext_segments(EXT_BODY, right)
    )
    return c


_DC = 'xmlns:dc="http://purl.org/dc/elements/1.1/"'
_BAG_PLACES = {
    "dc_creator_seq": (_DC, "<dc:creator><rdf:Seq><rdf:li>{n}</rdf:li></rdf:Seq></dc:creator>"),
    "dc_contributor_bag": (_DC, "<dc:contributor><rdf:Bag><rdf:li>{n}</rdf:li></rdf:Bag></dc:contributor>"),
    "person_in_image": (
        'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"',
        "<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>{n}</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImage>",
    ),
    "mwg_region_name": (
        'xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/" '
        'xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#"',
        '<mwg-rs:Regions rdf:parseType="Resource"><mwg-rs:RegionList><rdf:Bag><rdf:li '
        'rdf:parseType="Resource"><mwg-rs:Name>{n}</mwg-rs:Name><mwg-rs:Type>Face</mwg-rs:Type>'
        '<mwg-rs:Area stArea:x="0.5" stArea:y="0.5" stArea:w="0.1" stArea:h="0.1"/></rdf:li></rdf:Bag>'
        "</mwg-rs:RegionList></mwg-rs:Regions>",
    ),
    "ms_region_person": (
        'xmlns:MP="http://ns.microsoft.com/photo/1.2/" '
        'xmlns:MPRI="http://ns.microsoft.com/photo/1.2/t/RegionInfo#" '
        'xmlns:MPReg="http://ns.microsoft.com/photo/1.2/t/Region#"',
        '<MP:RegionInfo rdf:parseType="Resource"><MPRI:Regions><rdf:Bag><rdf:li rdf:parseType="Resource">'
        "<MPReg:PersonDisplayName>{n}</MPReg:PersonDisplayName>"
        "<MPReg:Rectangle>0.1, 0.1, 0.2, 0.2</MPReg:Rectangle></rdf:li></rdf:Bag></MPRI:Regions>"
        "</MP:RegionInfo>",
    ),
    "digikam_people_tag": (
        'xmlns:digiKam="http://www.digikam.org/ns/1.0/"',
        "<digiKam:TagsList><rdf:Seq><rdf:li>People/{n}</rdf:li></rdf:Seq></digiKam:TagsList>",
    ),
    "lr_hierarchical": (
        'xmlns:lr="http://ns.adobe.com/lightroom/1.0/"',
        "<lr:hierarchicalSubject><rdf:Bag><rdf:li>People|{n}</rdf:li></rdf:Bag></lr:hierarchicalSubject>",
    ),
    "dc_rights_alt_lang": (
        _DC,
        '<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">Photo: {n}</rdf:li>'
        '<rdf:li xml:lang="de-DE">Foto: {n}</rdf:li></rdf:Alt></dc:rights>',
    ),
    "custom_ns_seq_attr": (
        'xmlns:fam="http://example.org/family/1.0/"',
        '<fam:Members><rdf:Seq><rdf:li fam:role="mother" rdf:value="{n}"/></rdf:Seq></fam:Members>',
    ),
    "bag_nested_bag": (
        _DC,
        "<dc:subject><rdf:Bag><rdf:li><rdf:Bag><rdf:li>{n}</rdf:li></rdf:Bag></rdf:li></rdf:Bag></dc:subject>",
    ),
}


def bag_packet(place: str, name: str) -> bytes:
    ns, inner = _BAG_PLACES[place]
    return xmp_packet(_desc(inner.format(n=name), ns))


def _bag_cases() -> dict[str, bytes]:
    j = base_jpeg()
    return {
        f"xmp_{place}": after_soi(j, xmp_app1(bag_packet(place, "Maria Gonzalez"))) for place in _BAG_PLACES
    }


def _charset_packet(codec: str) -> bytes:
    text = xmp_packet(
        _desc(
            '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">mail jane.roe@example.com</rdf:li>'
            "</rdf:Alt></dc:description>",
            _DC,
        )
    ).decode("utf-8")
    text = text.replace('encoding="UTF-8"', "")
    return text.encode(codec)  # "utf-16"/"utf-32" write a byte-order mark first


def _charset_cases() -> dict[str, bytes]:
    j = base_jpeg()
    c = {}
    for codec in ("utf-16-be", "utf-16-le", "utf-32-be", "utf-32-le", "utf-16", "utf-32"):
        c[f"xmp_{codec}"] = after_soi(j, xmp_app1(_charset_packet(codec)))
    return c


def _exif_cases() -> dict[str, bytes]:
    j = base_jpeg()
    c = {}
    mail = b"mail " + E + b"\0"
    # Offsets past the segment: IFD0 ImageDescription points beyond the APP1's end, into a COM after it.
    for endian in ("<", ">"):
        t = tiff([(0x010E, 2, len(mail), struct.pack(endian + "I", 4000))], endian)
        c[f"exif_offset_past_segment_{'le' if endian == '<' else 'be'}"] = after_soi(
            j, exif_app1(t), seg(0xFE, b"\0" * 64 + mail)
        )
    # Big-endian header, a little-endian ExifIFD pointer (bytes swapped): a reader that guesses reads text.
    t = bytearray(tiff([asc(0x010F, b"Canon")], ">", exif_entries=[asc(0x9286, b"ASCII\0\0\0" + E)]))
    c["exif_mixed_endian_pointer"] = after_soi(j, exif_app1(bytes(t)))
    # IFD loops: IFD0's next points at IFD0; an ExifIFD pointing at itself; GPS pointing at IFD0.
    for name, endian in (("le", "<"), ("be", ">")):
        t = bytearray(tiff([asc(0x010E, b"mail " + E)], endian, gps=True))
        count = struct.unpack_from(endian + "H", t, 8)[0]
        struct.pack_into(endian + "I", t, 8 + 2 + 12 * count, 8)  # next IFD = IFD0
        c[f"exif_ifd0_loop_{name}"] = after_soi(j, exif_app1(bytes(t)))
    t = bytearray(tiff([asc(0x010F, b"Canon")], "<", exif_entries=[asc(0x9286, b"ASCII\0\0\0" + E)]))
    c["exif_exififd_self_loop"] = after_soi(j, exif_app1(_self_loop(bytes(t), 0x8769)))
    # Interop IFD with text: InteropIndex plus an unknown ASCII tag and a RelatedImageFileFormat.
    interop = [asc(0x0001, b"R98"), asc(0x1000, b"mail " + E), asc(0x0002, b"0100")]
    c["exif_interop_text"] = after_soi(j, exif_app1(_with_interop(interop)))
    c["exif_interop_gps_rationals"] = after_soi(
        j, exif_app1(_with_interop([asc(0x0001, b"R98"), (0x0003, 5, 3, gps_bytes("<"))]))
    )
    # Strips: IFD0 StripOffsets/StripByteCounts (two strips) pointing at text inside the APP1.
    text = b"owner jane.roe@example.com " * 2
    for endian in ("<", ">"):
        base = tiff([asc(0x010F, b"Canon")], endian)
        a = len(base) + 64
        strips = [
            (0x0111, 4, 2, struct.pack(endian + "II", a, a + 27)),
            (0x0117, 4, 2, struct.pack(endian + "II", 27, 27)),
            (0x0100, 4, 1, struct.pack(endian + "I", 9)),
            (0x0101, 4, 1, struct.pack(endian + "I", 2)),
        ]
        t = tiff([asc(0x010F, b"Canon"), *strips], endian)
        t = t + b"\0" * (a - len(t)) + text if len(t) <= a else t + text
        c[f"exif_ifd0_strips_{'le' if endian == '<' else 'be'}"] = after_soi(j, exif_app1(t))
    # IFD1 as an uncompressed strip thumbnail (Compression 1) whose strip is text.
    c["exif_ifd1_strip_text"] = after_soi(j, exif_app1(_ifd1_strips(text)))
    # IFD1 JPEGInterchangeFormat pointing at text instead of a JPEG.
    c["exif_ifd1_jpegif_text"] = after_soi(j, exif_app1(_ifd1_jpegif(text)))
    return c


def _self_loop(t: bytes, pointer_tag: int) -> bytes:
    """Point the sub-IFD named by `pointer_tag` (in IFD0) at itself via its next-IFD field."""
    out = bytearray(t)
    n = struct.unpack_from("<H", out, 8)[0]
    for i in range(n):
        tag, _typ, _cnt, val = struct.unpack_from("<HHII", out, 10 + 12 * i)
        if tag == pointer_tag:
            m = struct.unpack_from("<H", out, val)[0]
            struct.pack_into("<I", out, val + 2 + 12 * m, val)
    return bytes(out)


def _ifd_at(entries: list, start: int, next_ifd: int = 0) -> bytes:
    return ifd_bytes(entries, start, "<", next_ifd)


def _with_interop(interop: list) -> bytes:
    hdr = b"II*\0" + struct.pack("<I", 8)
    ifd0_len = len(_ifd_at([asc(0x010F, b"Canon"), (0x8769, 4, 1, b"\0" * 4)], 8))
    exif_at = 8 + ifd0_len
    exif_len = len(_ifd_at([(0xA005, 4, 1, b"\0" * 4)], exif_at))
    inter_at = exif_at + exif_len
    ifd0 = _ifd_at([asc(0x010F, b"Canon"), (0x8769, 4, 1, struct.pack("<I", exif_at))], 8)
    exif = _ifd_at([(0xA005, 4, 1, struct.pack("<I", inter_at))], exif_at)
    return hdr + ifd0 + exif + _ifd_at(interop, inter_at)


def _ifd1_strips(text: bytes) -> bytes:
    hdr = b"II*\0" + struct.pack("<I", 8)
    ifd0_len = len(_ifd_at([asc(0x010F, b"Canon")], 8))
    ifd1_at = 8 + ifd0_len
    ents = lambda off: [  # noqa: E731
        (0x0100, 4, 1, struct.pack("<I", 9)),
        (0x0101, 4, 1, struct.pack("<I", 6)),
        (0x0103, 3, 1, struct.pack("<H", 1)),
        (0x0111, 4, 2, struct.pack("<II", off, off + 27)),
        (0x0117, 4, 2, struct.pack("<II", 27, 27)),
    ]
    ifd1_len = len(_ifd_at(ents(0), ifd1_at))
    text_at = ifd1_at + ifd1_len
    return hdr + _ifd_at([asc(0x010F, b"Canon")], 8, ifd1_at) + _ifd_at(ents(text_at), ifd1_at) + text


def _ifd1_jpegif(text: bytes) -> bytes:
    hdr = b"II*\0" + struct.pack("<I", 8)
    ifd0_len = len(_ifd_at([asc(0x010F, b"Canon")], 8))
    ifd1_at = 8 + ifd0_len
    ents = lambda off: [  # noqa: E731
        (0x0103, 3, 1, struct.pack("<H", 6)),
        (0x0201, 4, 1, struct.pack("<I", off)),
        (0x0202, 4, 1, struct.pack("<I", len(text))),
    ]
    text_at = ifd1_at + len(_ifd_at(ents(0), ifd1_at))
    return hdr + _ifd_at([asc(0x010F, b"Canon")], 8, ifd1_at) + _ifd_at(ents(text_at), ifd1_at) + text


def _png_cases() -> dict[str, bytes]:
    c = {}
    c["png_private_lower2_before_idat"] = png_with(before_idat=[chunk(b"aaXt", b"mail " + E)])
    c["png_private_lower2_after_idat"] = png_with(after_idat=[chunk(b"jaNe", b"owner " + E)])
    c["png_private_names_spell"] = png_with(
        before_idat=[chunk(b"jaNe", b""), chunk(b"roEx", b""), chunk(b"exAm", b""), chunk(b"plEc", b"")]
    )
    c["png_private_gps"] = png_with(before_idat=[chunk(b"gpSx", gps_bytes("<"))])
    c["png_private_safe_to_copy_upper4"] = png_with(before_idat=[chunk(b"meTA", b"author " + E)])
    c["png_private_zlib"] = png_with(before_idat=[chunk(b"czTx", zlib.compress(b"mail " + E))])
    return c


_TEL = "tel.004915123456789"  # an XML name may hold digits, dots, dashes: a phone number, an address's parts
_D0 = '<rdf:Description rdf:about=""'
_NAME_PLACES = {
    "prefix_of_known_namespace": f'{_D0} xmlns:{_TEL}="http://purl.org/dc/elements/1.1/" {_TEL}:format="x"/>',
    "element_in_known_namespace": f"{_D0} {_DC}><dc:{_TEL}>x</dc:{_TEL}></rdf:Description>",
    "attribute_in_known_namespace": f'{_D0} {_DC} dc:{_TEL}="x"/>',
    "qualifier_name": f'{_D0} {_DC} xmlns:q="http://example.org/q/"><dc:format rdf:parseType="Resource">'
    f"<rdf:value>x</rdf:value><q:{_TEL}>1</q:{_TEL}></dc:format></rdf:Description>",
    "nested_attribute_name": f'{_D0} {_DC}><dc:subject><rdf:Bag><rdf:li dc:{_TEL}="1">x'
    "</rdf:li></rdf:Bag></dc:subject></rdf:Description>",
}


def name_cases() -> dict[str, bytes]:
    """Names an XMP packet chose, in known namespaces (kept by the rewrite): open, see the test."""
    j = base_jpeg()
    return {
        f"xmp_name_{place}": after_soi(j, xmp_app1(xmp_packet(body))) for place, body in _NAME_PLACES.items()
    }


def found() -> dict[str, bytes]:
    """Every case that holds a canary."""
    return {
        **_extended_cases(),
        **_bag_cases(),
        **_charset_cases(),
        **_exif_cases(),
        **_png_cases(),
        **apng_cases(),
        **gif_cases(),
        **webp_cases(),
    }


def clean() -> dict[str, bytes]:
    """Neighbours: the same structures holding nothing personal (must not be refused)."""
    j = base_jpeg()
    right = _md5(EXT_BODY.replace(b"mail jane.roe@example.com", b"sunset over the bay"))
    c = {
        "ext_ok": after_soi(
            j,
            xmp_app1(main_xmp(right.decode())),
            *ext_segments(EXT_BODY.replace(b"mail jane.roe@example.com", b"sunset over the bay"), right),
        ),
        "xmp_subject_bag": after_soi(
            j,
            xmp_app1(
                xmp_packet(
                    _desc(
                        "<dc:subject><rdf:Bag><rdf:li>sunset</rdf:li><rdf:li>beach</rdf:li>"
                        "</rdf:Bag></dc:subject>",
                        _DC,
                    )
                )
            ),
        ),
        "xmp_utf16_clean": after_soi(
            j,
            xmp_app1(
                _charset_packet("utf-16-be").replace(
                    "jane.roe@example.com".encode("utf-16-be"), "the evening bay.".encode("utf-16-be")
                )
            ),
        ),
        "xmp_names_with_digits": after_soi(
            j,
            xmp_app1(
                xmp_packet(
                    '<rdf:Description rdf:about="" xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/" '
                    'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
                    'crs:Exposure2012="+0.35" crs:ToneCurveName2012="Linear" crs:Version="16.0">'
                    "<Iptc4xmpExt:LocationCreated>"
                    "<rdf:Bag/></Iptc4xmpExt:LocationCreated></rdf:Description>"
                )
            ),
        ),
        "apng_plain": apng(),
        "gif_plain": gif(3),
        "webp_anim_plain": anim_webp(),
        "exif_interop_plain": after_soi(
            j, exif_app1(_with_interop([asc(0x0001, b"R98"), (0x0002, 7, 4, b"0100")]))
        ),
        "gif_comment_plain": gif_before_frame(2, b"\x21\xfe" + sub_blocks(b"Created with GIMP")),
    }
    return c
