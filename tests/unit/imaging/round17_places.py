"""Seventeenth image round: places no earlier round tried, written from the formats before reading the code.

`found()` maps a name to an image holding a canary (the address EMAIL, the names of NAMES, GPS rationals, a
position as an MP4 writes it); `clean()` maps a name to a neighbour holding none, which must not be refused.
Places: what follows the image (a motion photo's MP4 with a location and a title, a Samsung SEFT trailer,
a ZIP archive after EOI, IEND or the RIFF end), APP3-APP15 segments of plain text, PNG eXIf and text chunks
that disagree, WebP EXIF/XMP chunks twice (the second one dirty), an MPF picture with its own ICC profile
and XMP, ICC text where readers do not look (an `mluc` tag's bytes between its records, a v2 `desc` tag's
Unicode and ScriptCode parts, a v4.4 `meta` dict's names and display names), an EXIF GPS table that lies
inside IFD1's thumbnail, a thumbnail longer than its JPEG, and XMP prefixes bound to another namespace's URI.
"""

from __future__ import annotations

import struct
import zlib

from tests.unit.imaging.round15_cases import (
    EMAIL,
    after_soi,
    asc,
    base_jpeg,
    base_png,
    base_webp,
    chunk,
    exif_app1,
    gps_bytes,
    gps_ifd_entries,
    icc_profile,
    ifd_bytes,
    png_with,
    rchunk,
    seg,
    tiff,
    webp_ext,
    xmp_packet,
)
from tests.unit.imaging.round15_places import mpf_index

E = EMAIL
NAMES = (b"Jane Roe", b"Maria Gonzalez")
MP4_PLACE = b"+48.8583+002.2945/"
XMP_NS = b"http://ns.adobe.com/xap/1.0/\0"
_D0 = '<rdf:Description rdf:about=""'


def xmp_app1(packet: bytes) -> bytes:
    return seg(0xE1, XMP_NS + packet)


# ---- trailers -------------------------------------------------------------------------------------
def box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def mp4(title: bytes = E, place: bytes = MP4_PLACE) -> bytes:
    """A small MP4 as phones append it: ftyp, moov with udta ©xyz (ISO 6709) and ©nam, then mdat."""
    udta = box(
        b"udta",
        box(b"\xa9xyz", struct.pack(">HH", len(place), 0x15C7) + place)
        + box(b"\xa9nam", struct.pack(">HH", len(title), 0) + title),
    )
    moov = box(b"moov", box(b"mvhd", bytes(100)) + udta)
    return box(b"ftyp", b"mp42\0\0\0\0isommp42") + moov + box(b"mdat", bytes(64))


_MOTION_XMP = (
    f'{_D0} xmlns:GCamera="http://ns.google.com/photos/1.0/camera/" '
    'xmlns:Container="http://ns.google.com/photos/1.0/container/" '
    'xmlns:Item="http://ns.google.com/photos/1.0/container/item/" GCamera:MotionPhoto="1" '
    'GCamera:MotionPhotoVersion="1" GCamera:MotionPhotoPresentationTimestampUs="0">'
    "<Container:Directory><rdf:Seq>"
    '<rdf:li rdf:parseType="Resource"><Container:Item Item:Mime="image/jpeg" Item:Semantic="Primary" '
    'Item:Length="0" Item:Padding="0"/></rdf:li>'
    '<rdf:li rdf:parseType="Resource"><Container:Item Item:Mime="video/mp4" Item:Semantic="MotionPhoto" '
    'Item:Length="{length}" Item:Padding="0"/></rdf:li>'
    "</rdf:Seq></Container:Directory></rdf:Description>"
)


def seft(text: bytes = E) -> bytes:
    """Samsung's trailer: records, then a SEFT directory (version, count, entries) and its size, 'SEFT'."""
    record = struct.pack("<HH", 0, 0x0A01) + struct.pack("<I", 14) + b"Image_UTC_Data" + text
    directory = (
        b"SEFH" + struct.pack("<II", 106, 1) + struct.pack("<HHII", 0, 0x0A01, len(record) + 8, len(record))
    )
    return record + directory + struct.pack("<I", len(directory)) + b"SEFT"


def zip_archive(name: bytes = b"jane.roe@example.com.txt", body: bytes = b"call +44 7700 900123") -> bytes:
    """A stored (uncompressed) ZIP of one file: local header, data, central directory, end record."""
    crc = zlib.crc32(body)
    local = (
        b"PK\3\4"
        + struct.pack("<HHHHHIIIHH", 10, 0, 0, 0, 0, crc, len(body), len(body), len(name), 0)
        + name
        + body
    )
    central = (
        b"PK\1\2"
        + struct.pack(
            "<HHHHHHIIIHHHHHII", 20, 10, 0, 0, 0, 0, crc, len(body), len(body), len(name), 0, 0, 0, 0, 0, 0
        )
        + name
    )
    end = b"PK\5\6" + struct.pack("<HHHHIIH", 0, 0, 1, 1, len(central), len(local), 0)
    return local + central + end


def _trailer_cases() -> dict[str, bytes]:
    j, p, w = base_jpeg(), base_png(), base_webp()
    video = mp4()
    motion = xmp_packet(_MOTION_XMP.replace("{length}", str(len(video))))
    riff = w + zip_archive()
    return {
        "trail_motion_photo_mp4": after_soi(j, xmp_app1(motion)) + video,
        "trail_mp4_without_xmp": j + video,
        "trail_samsung_seft": j + seft(),
        "trail_zip_after_eoi": j + zip_archive(),
        "trail_zip_after_iend": p + zip_archive(),
        "trail_zip_after_riff": riff,
        "trail_zip_inside_riff_size": b"RIFF" + struct.pack("<I", len(riff) - 8) + riff[8:],
        "trail_mp4_after_iend": p + video,
    }


# ---- APPn of plain text ---------------------------------------------------------------------------
def _appn_cases() -> dict[str, bytes]:
    j = base_jpeg()
    out = {f"app{n}_text": after_soi(j, seg(0xE0 + n, b"Owner: " + E + b"\0")) for n in range(3, 16)}
    out["app15_utf16"] = after_soi(j, seg(0xEF, ("Owner " + E.decode()).encode("utf-16-le")))
    return out


# ---- PNG eXIf beside text that disagrees -----------------------------------------------------------
def _exif_tiff(entries: list, gps: bool = False) -> bytes:
    return tiff(entries, "<", gps=gps)


def _png_cases() -> dict[str, bytes]:
    clean_exif = chunk(b"eXIf", _exif_tiff([asc(0x010F, b"Canon")]))
    artist_exif = chunk(b"eXIf", _exif_tiff([asc(0x013B, b"Jane Roe")]))
    gps_exif = chunk(b"eXIf", _exif_tiff([asc(0x010F, b"Canon")], gps=True))
    raw_clean = chunk(b"tEXt", b"Raw profile type exif\0\nexif\n      8\n4949" + b"2a000800\n")
    return {
        "png_exif_clean_text_author": png_with(before_idat=[clean_exif, chunk(b"tEXt", b"Author\0" + E)]),
        "png_exif_artist_text_clean": png_with(before_idat=[artist_exif, chunk(b"tEXt", b"Author\0Acme")]),
        "png_exif_gps_raw_profile_clean": png_with(before_idat=[gps_exif, raw_clean]),
        "png_text_then_exif_after_idat": png_with(
            before_idat=[chunk(b"tEXt", b"Comment\0ok")], after_idat=[artist_exif]
        ),
    }


# ---- WebP EXIF/XMP twice -----------------------------------------------------------------------------
def _webp_cases() -> dict[str, bytes]:
    clean_exif = rchunk(b"EXIF", _exif_tiff([asc(0x010F, b"Canon")]))
    dirty_exif = rchunk(b"EXIF", _exif_tiff([asc(0x013B, b"Jane Roe")], gps=True))
    tiff_make = f'{_D0} xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Make="X"/>'
    clean_xmp = rchunk(b"XMP ", xmp_packet(tiff_make))
    dirty_xmp = rchunk(
        b"XMP ",
        xmp_packet(
            f'{_D0} xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Jane Roe'
            "</rdf:li></rdf:Seq></dc:creator></rdf:Description>"
        ),
    )
    return {
        "webp_exif_twice_second_dirty": webp_ext([b"BITS", clean_exif, dirty_exif], flags_exif=True),
        "webp_xmp_twice_second_dirty": webp_ext([b"BITS", clean_xmp, dirty_xmp], flags_xmp=True),
        "webp_xmp_exif_interleaved": webp_ext(
            [b"BITS", clean_xmp, clean_exif, dirty_xmp, dirty_exif], flags_exif=True, flags_xmp=True
        ),
    }


# ---- ICC text in tags readers skim -----------------------------------------------------------------
def _profile_with(tags: dict[bytes, bytes]) -> bytes:
    """The sRGB profile with `tags` added (or replacing), header size and tag table rewritten."""
    base = icc_profile()
    count = struct.unpack(">I", base[128:132])[0]
    table = {}
    for i in range(count):
        sig, off, size = struct.unpack(">4sII", base[132 + 12 * i : 144 + 12 * i])
        table[sig] = base[off : off + size]
    table.update(tags)
    head = 132 + 12 * len(table)
    body, entries = b"", b""
    for sig, data in table.items():
        off = head + len(body)
        entries += struct.pack(">4sII", sig, off, len(data))
        body += data + bytes(-len(data) % 4)
    profile = bytearray(base[:128] + struct.pack(">I", len(table)) + entries + body)
    profile[0:4] = struct.pack(">I", len(profile))
    profile[84:100] = bytes(16)
    return bytes(profile)


def mluc(
    records: list[tuple[bytes, bytes, str]], gap: bytes = b"", record_size: int = 12, fill: bytes = b""
) -> bytes:
    """An mluc tag: records (language, country, text); `gap` bytes sit between the table and the strings, and
    `fill` in the rest of each record when `record_size` states more than a record's 12 bytes."""
    start = 16 + record_size * len(records) + len(gap)
    table, strings = b"", b""
    for lang, country, text in records:
        s = text.encode("utf-16-be")
        table += lang + country + struct.pack(">II", len(s), start + len(strings))
        table += fill[: record_size - 12].ljust(record_size - 12, b"\0")
        strings += s
    return b"mluc" + bytes(4) + struct.pack(">II", len(records), record_size) + table + gap + strings


def desc_v2(ascii_text: bytes, unicode_text: str = "", script: bytes = b"") -> bytes:
    """A v2 textDescriptionType: ASCII count and text, Unicode code/count/text, ScriptCode code/count/67."""
    a = ascii_text + b"\0"
    u = (unicode_text + "\0").encode("utf-16-be") if unicode_text else b""
    body = b"desc" + bytes(4) + struct.pack(">I", len(a)) + a
    body += struct.pack(">II", 0, len(u) // 2) + u
    body += struct.pack(">HB", 0, len(script)) + script.ljust(67, b"\0")
    return body


def dict_tag(entries: list[tuple[str, str]], display: bytes | None = None) -> bytes:
    """A v4.4 dictType ('meta'): records of name/value offsets and sizes (UTF-16BE), optionally with a
    display name (an mluc) per record (record size 24)."""
    size = 24 if display is not None else 16
    start = 16 + size * len(entries)
    recs, data = b"", b""
    for name, value in entries:
        n, v = name.encode("utf-16-be"), value.encode("utf-16-be")
        no = start + len(data)
        data += n
        vo = start + len(data)
        data += v
        rec = struct.pack(">IIII", no, len(n), vo, len(v))
        if display is not None:
            do = start + len(data)
            data += display + bytes(-len(display) % 4)
            rec += struct.pack(">II", do, len(display))
        recs += rec
    return b"dict" + bytes(4) + struct.pack(">II", len(entries), size) + recs + data


def _icc_jpeg(profile: bytes) -> bytes:
    return after_soi(base_jpeg(), seg(0xE2, b"ICC_PROFILE\0\1\1" + profile))


def _icc_cases() -> dict[str, bytes]:
    name = "Owner " + E.decode()
    en = (b"en", b"US", "sRGB")
    return {
        "icc_mluc_bytes_between_records": _icc_jpeg(
            _profile_with({b"dscm": mluc([en], gap=("x" + E.decode()).encode("utf-16-be"))})
        ),
        "icc_mluc_record_past_strings": _icc_jpeg(_profile_with({b"dscm": mluc([en]) + E + bytes(4)})),
        "icc_mluc_record_padding": _icc_jpeg(_profile_with({b"dscm": mluc([en], record_size=40, fill=E)})),
        "icc_desc_mluc_record_padding": _icc_jpeg(
            _profile_with({b"desc": mluc([en], record_size=40, fill=E)})
        ),
        "icc_dict_display_name_gap": _icc_jpeg(
            _profile_with({b"meta": dict_tag([("Vendor", "Acme")], display=mluc([en], gap=E))})
        ),
        "icc_dscm_second_language": _icc_jpeg(
            _profile_with({b"dscm": mluc([en, (b"de", b"DE", "Erstellt von " + E.decode())])})
        ),
        "icc_desc_v2_unicode_part": _icc_jpeg(_profile_with({b"desc": desc_v2(b"sRGB", name)})),
        "icc_desc_v2_scriptcode": _icc_jpeg(_profile_with({b"desc": desc_v2(b"sRGB", "", E)})),
        "icc_desc_v2_after_ascii_nul": _icc_jpeg(_profile_with({b"desc": desc_v2(b"sRGB\0" + E)})),
        "icc_meta_dict_owner": _icc_jpeg(_profile_with({b"meta": dict_tag([("Owner", E.decode())])})),
        "icc_meta_dict_name_is_address": _icc_jpeg(_profile_with({b"meta": dict_tag([(E.decode(), "1")])})),
        "icc_meta_dict_display_name": _icc_jpeg(
            _profile_with({b"meta": dict_tag([("Vendor", "Acme")], display=mluc([(b"en", b"US", name)]))})
        ),
    }


# ---- an MPF picture with its own ICC and XMP -----------------------------------------------------
def _mpf(second: bytes) -> bytes:
    j = base_jpeg()
    primary = after_soi(j, seg(0xE2, mpf_index([(0, 0), (len(second), 0)])))
    off2 = len(primary) - (primary.index(b"MPF\0") + 4)
    primary = after_soi(j, seg(0xE2, mpf_index([(len(primary), 0), (len(second), off2)])))
    return primary + second


def _mpf_cases() -> dict[str, bytes]:
    j = base_jpeg()
    icc = _profile_with({b"desc": desc_v2(b"Display of " + E)})
    creator = (
        f'{_D0} xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Maria Gonzalez'
        "</rdf:li></rdf:Seq></dc:creator></rdf:Description>"
    )
    return {
        "mpf_second_icc_desc": _mpf(after_soi(j, seg(0xE2, b"ICC_PROFILE\0\1\1" + icc))),
        "mpf_second_xmp_creator": _mpf(after_soi(j, xmp_app1(xmp_packet(creator)))),
        "mpf_second_app15_text": _mpf(after_soi(j, seg(0xEF, b"Owner: " + E))),
    }


# ---- EXIF: GPS inside the thumbnail, a thumbnail longer than its JPEG ------------------------------
def _thumb_jpeg() -> bytes:
    import io  # noqa: PLC0415

    from PIL import Image  # noqa: PLC0415

    out = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 10, 10)).save(out, "JPEG")
    return out.getvalue()


def _exif_with_thumb(thumb: bytes, gps_in_thumb: bool, tail: bytes = b"") -> bytes:
    """IFD0 (Make[, GPS pointer]) -> IFD1 (thumbnail offset/length); the GPS table, when asked, is the tail
    of the thumbnail's declared bytes, after its EOI."""
    endian = "<"
    ifd0_len = 2 + 12 * (2 if gps_in_thumb else 1) + 4
    ifd1_at = 8 + ifd0_len + 6  # IFD0 data: "Canon\0"
    ifd1_len = 2 + 12 * 2 + 4
    thumb_at = ifd1_at + ifd1_len
    payload = thumb + tail
    gps_at = thumb_at + len(payload)
    gps = ifd_bytes(gps_ifd_entries(endian), gps_at, endian) if gps_in_thumb else b""
    payload += gps
    e0 = [(0x010F, 2, 6, b"Canon\0")]
    if gps_in_thumb:
        e0.append((0x8825, 4, 1, struct.pack("<I", gps_at)))
    ifd0 = ifd_bytes(e0, 8, endian, next_ifd=ifd1_at)
    assert len(ifd0) == ifd0_len + 6
    e1 = [(0x0201, 4, 1, struct.pack("<I", thumb_at)), (0x0202, 4, 1, struct.pack("<I", len(payload)))]
    ifd1 = ifd_bytes(e1, ifd1_at, endian)
    return b"II*\0" + struct.pack("<I", 8) + ifd0 + ifd1 + payload


def _exif_cases() -> dict[str, bytes]:
    j, t = base_jpeg(), _thumb_jpeg()
    return {
        "exif_gps_table_inside_thumbnail": after_soi(j, exif_app1(_exif_with_thumb(t, True))),
        "exif_thumbnail_longer_than_its_jpeg": after_soi(
            j, exif_app1(_exif_with_thumb(t, False, b"by " + E))
        ),
        "exif_thumbnail_with_com": after_soi(
            j, exif_app1(_exif_with_thumb(after_soi(t, seg(0xFE, b"by " + E)), False))
        ),
    }


# ---- XMP prefixes bound to another namespace's URI -------------------------------------------------
_DC_URI = "http://purl.org/dc/elements/1.1/"
_EXIF_URI = "http://ns.adobe.com/exif/1.0/"
_PREFIX_PLACES = {
    # a technical prefix bound to Dublin Core: tiff:creator is dc:creator
    "tech_prefix_dc_uri": f'{_D0} xmlns:tiff="{_DC_URI}"><tiff:creator><rdf:Seq><rdf:li>Jane Roe</rdf:li>'
    "</rdf:Seq></tiff:creator></rdf:Description>",
    "tech_prefix_dc_description": f'{_D0} xmlns:xmp="{_DC_URI}"><xmp:description><rdf:Alt>'
    f'<rdf:li xml:lang="x-default">mail {E.decode()}</rdf:li></rdf:Alt></xmp:description></rdf:Description>',
    # the GPS names of EXIF under a prefix that is not exif's
    "other_prefix_exif_gps": f'{_D0} xmlns:t="{_EXIF_URI}" t:GPSLatitude="48,51.498N" '
    't:GPSLongitude="2,17.67E"/>',
    # a default namespace instead of a prefix (an attribute cannot use it; an element can)
    "default_namespace_dc": f'<rdf:Description rdf:about=""><creator xmlns="{_DC_URI}"><rdf:Seq>'
    "<rdf:li>Maria Gonzalez</rdf:li></rdf:Seq></creator></rdf:Description>",
    # a prefix rebound on the property element: dc is dc's on the Description, something else inside
    "rebound_on_element": f'{_D0} xmlns:dc="http://example.org/mine/"><dc:creator xmlns:dc="{_DC_URI}">'
    "<rdf:Seq><rdf:li>Jane Roe</rdf:li></rdf:Seq></dc:creator></rdf:Description>",
    # dc's prefix bound to an unknown namespace: read as that namespace's, so unread and removed
    "dc_prefix_unknown_uri": f'{_D0} xmlns:dc="http://example.org/mine/"><dc:description>mail {E.decode()}'
    "</dc:description></rdf:Description>",
    # the exif prefix bound to an unknown namespace, holding a position
    "exif_prefix_unknown_uri_gps": f'{_D0} xmlns:exif="http://example.org/notexif/" '
    'exif:GPSLatitude="48,51.498N" exif:GPSLongitude="2,17.67E"/>',
}
XMP_POSITION = (b"48,51.498N", b"2,17.67E")


def prefix_cases() -> dict[str, bytes]:
    j = base_jpeg()
    return {f"xmp_{k}": after_soi(j, xmp_app1(xmp_packet(v))) for k, v in _PREFIX_PLACES.items()}


# The names of round 16 (`round16_places._NAME_PLACES`), spelled as an XML name can: no reason's path may
# spell them, whatever the gate does with the packet.
_TEL = "tel.004915123456789"
_NAME_PATHS = {
    "unknown_namespace_element": f'{_D0} xmlns:{_TEL}="http://example.org/q/"><{_TEL}:note>x</{_TEL}:note>'
    "</rdf:Description>",
    "unknown_local_name": f'{_D0} xmlns:q="http://example.org/q/" q:{_TEL}="x"/>',
    "exif_gps_local_name": f'{_D0} xmlns:exif="{_EXIF_URI}" exif:GPS{_TEL.replace(".", "")}="48,51.498N"/>',
}


def name_path_cases() -> dict[str, bytes]:
    j = base_jpeg()
    return {f"xmp_path_{k}": after_soi(j, xmp_app1(xmp_packet(v))) for k, v in _NAME_PATHS.items()}


def found() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for part in (_trailer_cases, _appn_cases, _png_cases, _webp_cases, _icc_cases, _mpf_cases, _exif_cases):
        out.update(part())
    out.update(prefix_cases())
    return out


def clean() -> dict[str, bytes]:
    """Neighbours: the same carriers with nothing personal in them."""
    j, p = base_jpeg(), base_png()
    en = (b"en", b"US", "sRGB IEC61966-2.1")
    return {
        "clean_jpeg_mp4_title_only": j + mp4(title=b"VID_0001", place=b""),
        "clean_png_exif_and_text": png_with(
            before_idat=[
                chunk(b"eXIf", _exif_tiff([asc(0x010F, b"Canon")])),
                chunk(b"tEXt", b"Software\0GIMP"),
            ]
        ),
        "clean_icc_dscm_two_languages": _icc_jpeg(
            _profile_with({b"dscm": mluc([en, (b"de", b"DE", "sRGB IEC61966-2.1")])})
        ),
        "clean_icc_mluc_record_size_16": _icc_jpeg(_profile_with({b"dscm": mluc([en], record_size=16)})),
        "clean_icc_desc_v2_unicode": _icc_jpeg(_profile_with({b"desc": desc_v2(b"sRGB", "sRGB")})),
        "clean_icc_meta_dict": _icc_jpeg(
            _profile_with({b"meta": dict_tag([("ManufacturerName", "Acme"), ("ModelName", "Panel 27")])})
        ),
        "clean_exif_thumbnail": after_soi(j, exif_app1(_exif_with_thumb(_thumb_jpeg(), False))),
        "clean_xmp_tiff_prefix_bound_right": after_soi(
            j, xmp_app1(xmp_packet(f'{_D0} xmlns:t="http://ns.adobe.com/tiff/1.0/" t:Make="Canon"/>'))
        ),
        "clean_png_plain": p,
    }


NEEDLES = (
    E,
    *(E.decode().encode(codec) for codec in ("utf-16-le", "utf-16-be")),
    gps_bytes("<"),
    gps_bytes(">"),
    *NAMES,
    *(n.decode().encode("utf-16-be") for n in NAMES),
    MP4_PLACE,
    b"+44 7700 900123",
    *XMP_POSITION,
)
