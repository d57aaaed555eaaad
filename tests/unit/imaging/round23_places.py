"""Twenty-third image round: places no earlier round planted in, written from the formats (TIFF 6, EXIF 3.0,
PNG 1.2 and its extensions, XMP Part 3, RIFF WebP, ICC.1:2010) before reading the readers.

`found()` maps a name to an image holding the address EMAIL (or GPS rationals) where the place keeps it;
the address must never be published, as written, in UTF-16/32, in hex or inside a zlib stream (`leaks`).
`clean()` maps the same names to the same shapes holding a product's words: each must be approved.
Places: EXIF SubIFDs, a second string in one ASCII value, EXIF 3.0's UTF-8 type, an owner field typed
BYTE or UNDEFINED, IPTC-NAA / Photoshop resources / XMP / an ICC profile inside IFD0, GPS area information,
processing method and destination-only positions, owner and GPS in the thumbnail's IFD, a UserComment with
an undefined code, maker notes of eleven makers round 15 did not plant; PNG sPLT and pCAL names, an iCCP
profile's name, iTXt's translated keyword and language tag, a keyword itself, zTXt/iTXt with an unknown
compression method, ImageMagick raw profiles of type iptc/8bim/xmp/icc, gIFx/gIFt chunks; a JPEG comment
in UTF-16, IPTC split over two APP13s, an ICC profile's chunks in reverse order, an "Exif\\0\\xff" prefix,
a valid extended XMP, a second standard XMP; XML character references, comments, CDATA, processing
instructions, rdf:about, xml:lang and a namespace URI holding the address; WebP EXIF before VP8X and an
ICCP after the image data; ICC dmnd/vued/scrd/targ, a private text tag and a later mluc record; GIF and
TIFF (refused formats).
"""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from collections.abc import Callable

from PIL import Image

from tests.unit.imaging.round15_cases import (
    EMAIL,
    GPS_LAT,
    GPS_LON,
    after_soi,
    asc,
    base_jpeg,
    chunk,
    exif_app1,
    icc_profile,
    ifd_bytes,
    itxt,
    png_with,
    rat3,
    rchunk,
    riff_chunks,
    seg,
    tiff,
    und,
    webp_ext,
    xmp_packet,
)
from tests.unit.imaging.round17_places import _profile_with, mluc
from tests.unit.imaging.round18_places import iim, irb

E = EMAIL
CLEAN = b"blue cotton shirt size M"
_D0 = '<rdf:Description rdf:about=""'
_XMP_NS = b"http://ns.adobe.com/xap/1.0/\0"
_DC = 'xmlns:dc="http://purl.org/dc/elements/1.1/"'
#: Shapes refused whole (unsupported or malformed), owner fields (Artist, dc:rights: held whatever they
#: name, by design) and number-only places: no clean neighbour.
NO_NEIGHBOUR = frozenset(
    {
        "gif_comment_frame2",
        "gif_app_xmp",
        "tiff_iptc",
        "png_ztxt_method1",
        "webp_exif_before_vp8x",
        "gps_dest_only",
        "exif_artist_byte",
        "exif_artist_undefined",
        "exif_ascii_second_string",
        "exif_utf8_type129",
        "ifd1_artist",
        "jpeg_extended_xmp_valid",
        "jpeg_second_standard_xmp",
        "png_raw_xmp",
    }
)


def leaks(published: bytes) -> bool:
    """Whether `published` still holds the canary: as written, in UTF-16/32, in hex, or in a zlib stream."""
    word = "jane.roe"
    plain = [word.encode(), word.encode("utf-16-le"), word.encode("utf-16-be"), word.encode("utf-32-le")]
    forms = [*plain, *(f.hex().encode() for f in plain), *(f.hex().upper().encode() for f in plain)]
    forms.append(rat3("<", GPS_LAT))
    blobs = [published, _inflated(published)]
    return any(form in blob for blob in blobs for form in forms)


def _inflated(data: bytes) -> bytes:
    out = []
    for at in range(len(data) - 1):
        if data[at] == 0x78 and data[at + 1] in (0x01, 0x5E, 0x9C, 0xDA):
            try:
                out.append(zlib.decompressobj().decompress(data[at:], 1 << 20))
            except zlib.error:
                continue
    return b"".join(out)


# ---- EXIF / TIFF --------------------------------------------------------------------------------
def _jpeg_exif(t: bytes) -> bytes:
    return after_soi(base_jpeg(), exif_app1(t))


def _pointed(ifd0: list, tag: int, sub: list, *, endian: str = "<") -> bytes:
    """A TIFF whose IFD0 holds `tag` pointing at a second IFD made of `sub`."""
    head = (b"II*\0" if endian == "<" else b"MM\0*") + struct.pack(endian + "I", 8)
    probe = ifd_bytes([*ifd0, (tag, 4, 1, bytes(4))], 8, endian)
    at = 8 + len(probe)
    first = ifd_bytes([*ifd0, (tag, 4, 1, struct.pack(endian + "I", at))], 8, endian)
    return head + first + ifd_bytes(sub, at, endian)


def _ifd1(ifd0: list, ifd1: list, gps: list | None = None) -> bytes:
    """A TIFF with IFD1 (the thumbnail's) holding `ifd1`, and a GPS table IFD1 points to."""
    head = b"II*\0" + struct.pack("<I", 8)
    first_len = len(ifd_bytes(ifd0, 8))
    at1 = 8 + first_len
    entries = list(ifd1)
    if gps is not None:
        probe = len(ifd_bytes([*entries, (0x8825, 4, 1, bytes(4))], at1))
        entries.append((0x8825, 4, 1, struct.pack("<I", at1 + probe)))
    second = ifd_bytes(entries, at1)
    out = head + ifd_bytes(ifd0, 8, next_ifd=at1) + second
    if gps is not None:
        out += ifd_bytes(gps, len(out))
    return out


def _gps_table(entries: list) -> bytes:
    return _pointed([asc(0x010F, b"Maker")], 0x8825, [(0, 1, 4, b"\2\3\0\0"), *entries])


def _makernote(prefix: bytes, make: bytes, text: bytes, endian: str = "<") -> bytes:
    note = prefix + ifd_bytes([asc(0x0009, b"owner " + text)], len(prefix), endian)
    return _jpeg_exif(
        tiff([asc(0x010F, make), asc(0x0110, make + b" X")], endian, exif_entries=[und(0x927C, note)])
    )


_MAKERS = {
    "nikon3": (b"Nikon\0\x02\x10\0\0", b"NIKON CORPORATION", ">"),
    "canon": (b"", b"Canon", "<"),
    "olympus": (b"OLYMPUS\0II\x03\0", b"OLYMPUS IMAGING CORP.", "<"),
    "panasonic": (b"Panasonic\0\0\0", b"Panasonic", "<"),
    "apple": (b"Apple iOS\0\0\x01MM", b"Apple", ">"),
    "ricoh": (b"Ricoh\0\0\0", b"RICOH", ">"),
    "sigma": (b"SIGMA\0\0\0\x01\0", b"SIGMA", "<"),
    "kodak": (b"KDK INFO", b"EASTMAN KODAK COMPANY", "<"),
    "casio2": (b"QVC\0\0\0", b"CASIO COMPUTER CO.,LTD.", ">"),
    "minolta": (b"", b"KONICA MINOLTA", ">"),
    "samsung1": (b"", b"SAMSUNG", "<"),
}


def _iim_block(text: bytes) -> bytes:
    return iim(2, 80, text) + iim(2, 118, b"mail " + text)


def _exif_cases(t: bytes) -> dict[str, bytes]:
    xmp = xmp_packet(
        f"{_D0} {_DC}><dc:creator><rdf:Seq><rdf:li>{t.decode()}</rdf:li></rdf:Seq></dc:creator>"
        "</rdf:Description>"
    )
    naa = _iim_block(t)
    naa += bytes(-len(naa) % 4)
    c = {
        "exif_subifd": _jpeg_exif(
            _pointed([asc(0x010F, b"Maker")], 0x014A, [asc(0x013B, t), asc(0x010E, t)])
        ),
        "exif_ascii_second_string": _jpeg_exif(tiff([(0x013B, 2, len(t) + 8, b"Studio\0" + t + b"\0")])),
        "exif_utf8_type129": _jpeg_exif(tiff([(0x013B, 129, len(t) + 1, t + b"\0")])),
        "exif_artist_byte": _jpeg_exif(tiff([(0x013B, 1, len(t), t)])),
        "exif_artist_undefined": _jpeg_exif(tiff([(0x013B, 7, len(t), t)])),
        "exif_iptc_naa": _jpeg_exif(tiff([(0x83BB, 4, len(naa) // 4, naa)])),
        "exif_irb": _jpeg_exif(
            tiff([(0x8649, 1, len(irb(0x0404, _iim_block(t))), irb(0x0404, _iim_block(t)))])
        ),
        "exif_xmlpacket": _jpeg_exif(tiff([(0x02BC, 1, len(xmp), xmp)])),
        "webp_exif_xmlpacket": webp_ext(
            [b"BITS", rchunk(b"EXIF", tiff([(0x02BC, 1, len(xmp), xmp)]))], flags_exif=True
        ),
        "exif_icc": _jpeg_exif(
            tiff([und(0x8773, _profile_with({b"desc": mluc([(b"en", b"US", t.decode())])}))])
        ),
        "gps_area_info": _jpeg_exif(_gps_table([und(0x1C, b"ASCII\0\0\0" + t)])),
        "gps_processing_method": _jpeg_exif(
            _gps_table([und(0x1B, b"UNICODE\0" + t.decode().encode("utf-16-le"))])
        ),
        "ifd1_artist": _jpeg_exif(_ifd1([asc(0x010F, b"Maker")], [asc(0x013B, t)])),
        "ifd1_gps": _jpeg_exif(
            _ifd1(
                [asc(0x010F, b"Maker")],
                [asc(0x0131, b"Editor")],
                [(0, 1, 4, b"\2\3\0\0"), und(0x1C, b"ASCII\0\0\0" + t)],
            )
        ),
        "usercomment_undefined": _jpeg_exif(
            tiff([asc(0x010F, b"Maker")], exif_entries=[und(0x9286, bytes(8) + t)])
        ),
    }
    for maker, (prefix, make, endian) in _MAKERS.items():
        c[f"makernote_{maker}"] = _makernote(prefix, make, t, endian)
    return c


def _gps_dest_only() -> bytes:
    dest = [
        (0x13, 2, 2, b"N\0"),
        (0x14, 5, 3, rat3("<", GPS_LAT)),
        (0x15, 2, 2, b"E\0"),
        (0x16, 5, 3, rat3("<", GPS_LON)),
    ]
    return _jpeg_exif(_gps_table(dest))


# ---- PNG ----------------------------------------------------------------------------------------
def _raw_profile(kind: bytes, payload: bytes) -> bytes:
    """ImageMagick's hex text profile, in a zTXt as it writes it."""
    hexed = payload.hex().encode()
    lines = b"\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72))
    text = b"\n" + kind + b"\n" + b"%8d\n" % len(payload) + lines + b"\n"
    return chunk(b"zTXt", b"Raw profile type " + kind + b"\0\0" + zlib.compress(text))


def _png_cases(t: bytes) -> dict[str, bytes]:
    xmp = xmp_packet(f"{_D0} {_DC}><dc:rights>{t.decode()}</dc:rights></rdf:Description>")
    profile = _profile_with({b"desc": mluc([(b"en", b"US", t.decode())])})
    word = t.split(b" ")[0] if b"@" not in t else t
    return {
        "png_splt_name": png_with(
            before_idat=[chunk(b"sPLT", word + b"\0\x08" + bytes([1, 2, 3, 255, 0, 9]))]
        ),
        "png_pcal_unit": png_with(
            before_idat=[
                chunk(b"pCAL", b"Depth\0" + struct.pack(">ii", 0, 255) + b"\x00\x02" + t + b"\x000\x0010")
            ]
        ),
        "png_iccp_name": png_with(
            before_idat=[chunk(b"iCCP", word + b"\0\0" + zlib.compress(icc_profile()))]
        ),
        "png_itxt_translated_keyword": png_with(before_idat=[itxt(b"Title", b"Shirt", tkey=t)]),
        "png_itxt_language_tag": png_with(
            before_idat=[itxt(b"Title", b"Shirt", lang=b"x-" + word.replace(b" ", b"-"))]
        ),
        "png_text_keyword": png_with(before_idat=[chunk(b"tEXt", word[:79] + b"\0shirt")]),
        "png_ztxt_method1": png_with(before_idat=[chunk(b"zTXt", b"Comment\0\x01" + zlib.compress(t))]),
        "png_itxt_method1": png_with(
            before_idat=[chunk(b"iTXt", b"Comment\0\x01\x01\0\0" + zlib.compress(t))]
        ),
        "png_raw_iptc": png_with(before_idat=[_raw_profile(b"iptc", _iim_block(t))]),
        "png_raw_8bim": png_with(before_idat=[_raw_profile(b"8bim", irb(0x0404, _iim_block(t)))]),
        "png_raw_xmp": png_with(before_idat=[_raw_profile(b"xmp", xmp)]),
        "png_raw_icc": png_with(before_idat=[_raw_profile(b"icc", profile)]),
        "png_gifx": png_with(before_idat=[chunk(b"gIFx", b"XMP DataXMP" + xmp)]),
        "png_gift": png_with(
            before_idat=[chunk(b"gIFt", struct.pack(">iiii", 0, 0, 64, 16) + b"\x08\x10" + bytes(6) + t)]
        ),
    }


# ---- JPEG ---------------------------------------------------------------------------------------
def _extended_xmp(t: bytes) -> bytes:
    ext = xmp_packet(f"{_D0} {_DC}><dc:rights>{t.decode()}</dc:rights></rdf:Description>")
    guid = hashlib.md5(ext).hexdigest().upper().encode()  # XMP Part 3 names the chunk by its MD5
    main = xmp_packet(
        f'{_D0} xmlns:xmpNote="http://ns.adobe.com/xmp/note/" xmpNote:HasExtendedXMP="{guid.decode()}"/>'
    )
    body = b"http://ns.adobe.com/xmp/extension/\0" + guid + struct.pack(">II", len(ext), 0) + ext
    return after_soi(base_jpeg(), seg(0xE1, _XMP_NS + main), seg(0xE1, body))


def _icc_reversed(t: bytes) -> bytes:
    profile = _profile_with({b"desc": mluc([(b"en", b"US", t.decode())])})
    half = len(profile) // 2
    parts = [profile[:half], profile[half:]]
    return after_soi(
        base_jpeg(),
        seg(0xE2, b"ICC_PROFILE\0\x02\x02" + parts[1]),
        seg(0xE2, b"ICC_PROFILE\0\x01\x02" + parts[0]),
    )


def _app13_split(t: bytes) -> bytes:
    block = irb(0x0404, _iim_block(t))
    cut = len(block) - len(t) // 2
    return after_soi(
        base_jpeg(),
        seg(0xED, b"Photoshop 3.0\0" + block[:cut]),
        seg(0xED, b"Photoshop 3.0\0" + block[cut:]),
    )


def _xmp_jpeg(inner: str) -> bytes:
    return after_soi(base_jpeg(), seg(0xE1, _XMP_NS + xmp_packet(inner)))


def _xml_cases(t: bytes) -> dict[str, bytes]:
    s = t.decode()
    refs = s.replace("@", "&#64;").replace(".com", "&#x2E;com")
    li = '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{}</rdf:li></rdf:Alt></dc:description>'
    return {
        "xmp_char_refs": _xmp_jpeg(f"{_D0} {_DC}>{li.format(refs)}</rdf:Description>"),
        "xmp_comment": _xmp_jpeg(f"{_D0} {_DC}><!-- {s} -->{li.format('shirt')}</rdf:Description>"),
        "xmp_cdata": _xmp_jpeg(f"{_D0} {_DC}>{li.format(f'<![CDATA[{s}]]>')}</rdf:Description>"),
        "xmp_pi": _xmp_jpeg(f"{_D0} {_DC}><?note {s}?>{li.format('shirt')}</rdf:Description>"),
        "xmp_rdf_about": _xmp_jpeg(
            f'<rdf:Description rdf:about="mailto:{s.replace(" ", "-")}" {_DC}>'
            f"{li.format('shirt')}</rdf:Description>"
        ),
        "xmp_xml_lang": _xmp_jpeg(
            f'{_D0} {_DC}><dc:description><rdf:Alt><rdf:li xml:lang="x-{s.replace(" ", "-")}">shirt</rdf:li>'
            "</rdf:Alt></dc:description></rdf:Description>"
        ),
        "xmp_namespace_uri": _xmp_jpeg(f'{_D0} xmlns:jr="mailto:{s.replace(" ", "-")}/" jr:colour="blue"/>'),
    }


def _jpeg_cases(t: bytes) -> dict[str, bytes]:
    two = xmp_packet(f"{_D0} {_DC}><dc:rights>{t.decode()}</dc:rights></rdf:Description>")
    one = xmp_packet(f"{_D0} {_DC}><dc:format>image/jpeg</dc:format></rdf:Description>")
    return {
        "jpeg_com_utf16": after_soi(base_jpeg(), seg(0xFE, b"\xff\xfe" + t.decode().encode("utf-16-le"))),
        "jpeg_app13_split_irb": _app13_split(t),
        "jpeg_icc_reversed": _icc_reversed(t),
        "jpeg_exif_ff_prefix": after_soi(base_jpeg(), seg(0xE1, b"Exif\0\xff" + tiff([asc(0x013B, t)]))),
        "jpeg_extended_xmp_valid": _extended_xmp(t),
        "jpeg_second_standard_xmp": after_soi(
            base_jpeg(), seg(0xE1, _XMP_NS + one), seg(0xE1, _XMP_NS + two)
        ),
    }


# ---- WebP ---------------------------------------------------------------------------------------
def _webp_cases(t: bytes) -> dict[str, bytes]:
    exif = tiff([asc(0x013B, t)])
    ext = webp_ext([b"BITS"], flags_exif=True)
    chunks = riff_chunks(ext)
    body = b"WEBP" + rchunk(b"EXIF", exif) + b"".join(chunks)
    profile = _profile_with({b"desc": mluc([(b"en", b"US", t.decode())])})
    return {
        "webp_exif_before_vp8x": b"RIFF" + struct.pack("<I", len(body)) + body,
        "webp_iccp_after_image": webp_ext([b"BITS", rchunk(b"ICCP", profile)], flags_icc=True),
    }


# ---- ICC ----------------------------------------------------------------------------------------
def _text_tag(t: bytes) -> bytes:
    return b"text" + bytes(4) + t + b"\0"


def _icc_jpeg(tags: dict[bytes, bytes]) -> bytes:
    return after_soi(base_jpeg(), seg(0xE2, b"ICC_PROFILE\0\x01\x01" + _profile_with(tags)))


def _icc_cases(t: bytes) -> dict[str, bytes]:
    s = t.decode()
    return {
        "icc_dmnd": _icc_jpeg({b"dmnd": mluc([(b"en", b"US", s)])}),
        "icc_vued": _icc_jpeg({b"vued": mluc([(b"en", b"US", s)])}),
        "icc_scrd": _icc_jpeg({b"scrd": mluc([(b"en", b"US", s)])}),
        "icc_targ": _icc_jpeg({b"targ": _text_tag(b'CGATS.17\nORIGINATOR "' + t + b'"\n')}),
        "icc_targ_sample": _icc_jpeg(
            {
                b"targ": _text_tag(
                    b"CTI3\nBEGIN_DATA\n1 " + t.replace(b" ", b"_") + b" 48.858300 2.294500\nEND_DATA\n"
                )
            }
        ),
        "icc_private_text": _icc_jpeg({b"Jane": _text_tag(t)}),
        "icc_mluc_later_record": _icc_jpeg({b"desc": mluc([(b"en", b"US", "sRGB"), (b"zh", b"CN", s)])}),
    }


# ---- refused formats ----------------------------------------------------------------------------
def _gif(frames: int, extension: bytes, before_frame: int) -> bytes:
    images = [Image.effect_noise((8, 8), 40 + 30 * i).convert("P") for i in range(frames)]
    out = io.BytesIO()
    images[0].save(out, "GIF", save_all=True, append_images=images[1:], duration=100)
    data = out.getvalue()
    at = -1
    for _ in range(before_frame + 1):
        at = data.index(b"\x21\xf9", at + 1)
    return data[:at] + extension + data[at:]


def _sub_blocks(data: bytes) -> bytes:
    return (
        b"".join(bytes([len(data[i : i + 255])]) + data[i : i + 255] for i in range(0, len(data), 255))
        + b"\0"
    )


def _refused(t: bytes) -> dict[str, bytes]:
    tif = io.BytesIO()
    Image.new("RGB", (8, 8)).save(tif, "TIFF", tiffinfo={0x013B: t.decode()})
    return {
        "gif_comment_frame2": _gif(2, b"\x21\xfe" + _sub_blocks(t), 1),
        "gif_app_xmp": _gif(1, b"\x21\xff\x0bXMP DataXMP" + _sub_blocks(t), 0),
        "tiff_iptc": tif.getvalue(),
    }


_BUILDERS: tuple[Callable[[bytes], dict[str, bytes]], ...] = (
    _exif_cases,
    _png_cases,
    _jpeg_cases,
    _xml_cases,
    _webp_cases,
    _icc_cases,
    _refused,
)


def _cases(t: bytes) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for build in _BUILDERS:
        out.update(build(t))
    return out


def found() -> dict[str, bytes]:
    """Every place holding the canary (EMAIL, or GPS_LAT's rationals for `gps_dest_only`)."""
    return {**_cases(E), "gps_dest_only": _gps_dest_only()}


def clean() -> dict[str, bytes]:
    """The same shapes holding a product's words; refused formats and number-only places left out."""
    return {name: data for name, data in _cases(CLEAN).items() if name not in NO_NEIGHBOUR}


def place(name: str, text: bytes) -> bytes:
    """The image of place `name` holding `text` (an integration test's own canary)."""
    return _cases(text)[name]
