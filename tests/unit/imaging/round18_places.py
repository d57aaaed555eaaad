"""Eighteenth image round: places no earlier round tried, written from the formats.

`found()` maps a name to (image, needle): the image holds the needle, bytes that spell an address, a phone
number or a position in the encoding the place uses; it must not be published. `clean()` maps a name to a
neighbour holding none, which must not be refused.
Places: EXIF text in legacy Japanese encodings (UserComment under its "JIS" character code as Shift_JIS,
EUC-JP or ISO-2022-JP; an ASCII tag written in Shift_JIS, as Japanese cameras do), UTF-16 in the byte
order the field does not declare (UserComment "UNICODE" in the other order, Windows XP tags written big
endian), bytes after a PNG chunk's zlib stream (zTXt, iTXt, iCCP) and a second stream after the first,
a JFIF thumbnail's RGB pixels and JFXX thumbnails (JPEG, palette, RGB), Photoshop image resources' own
names and the resources readers show (paths, clipping path, caption, URL), IIM's extended datasets,
XML constructs an XMP reader skips (DTD entities, comments, processing instructions, CDATA, xml:lang,
rdf:about, the xpacket id), and an image inside a ComfyUI graph as a data URL.
"""

from __future__ import annotations

import base64
import json
import struct
import zlib

from tests.unit.imaging.round15_cases import (
    EMAIL,
    PHONE,
    after_soi,
    asc,
    base_jpeg,
    base_png,
    chunk,
    exif_app1,
    icc_profile,
    itxt,
    png_split,
    png_with,
    seg,
    tiff,
    und,
    xmp_packet,
)
from tests.unit.imaging.round17_places import _icc_jpeg, _profile_with

# The address in full-width forms (U+FF01-FF5E), as Japanese input methods type it.
WIDE = "".join(chr(ord(ch) + 0xFEE0) for ch in EMAIL.decode())
JA_CLEAN = "富士山の夕焼け"  # "sunset over Mount Fuji"
XMP_NS = b"http://ns.adobe.com/xap/1.0/\0"
_D0 = '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"'


def _jpeg_exif(ifd0=(), exif_ifd=None, endian: str = "<") -> bytes:
    return after_soi(base_jpeg(), exif_app1(tiff(list(ifd0), endian, exif_entries=exif_ifd)))


def _user_comment(code: bytes, body: bytes, endian: str = "<") -> bytes:
    return _jpeg_exif(exif_ifd=[und(0x9286, code.ljust(8, b"\0") + body)], endian=endian)


def _xp(tag: int, text: bytes) -> tuple[int, int, int, bytes]:
    return (tag, 1, len(text), text)  # BYTE array, as Windows writes the XP tags


# ---- EXIF text in legacy and undeclared encodings --------------------------------------------------
def _exif_text() -> dict[str, tuple[bytes, bytes]]:
    out: dict[str, tuple[bytes, bytes]] = {}
    for codec in ("shift_jis", "euc_jp", "iso2022_jp"):
        body = WIDE.encode(codec)
        out[f"usercomment_jis_{codec}"] = (_user_comment(b"JIS", body), body)
    sjis = WIDE.encode("shift_jis")
    out["imagedescription_shift_jis"] = (_jpeg_exif([asc(0x010E, sjis)]), sjis)
    out["make_shift_jis"] = (_jpeg_exif([asc(0x010F, "連絡 ".encode("shift_jis") + sjis)]), sjis)
    out["usercomment_undefined_shift_jis"] = (_user_comment(b"", sjis), sjis)
    # UNICODE in the order the TIFF does not use: no ASCII character shows which byte is zero.
    be = WIDE.encode("utf-16-be")
    out["usercomment_unicode_other_order"] = (_user_comment(b"UNICODE", be, "<"), be)
    le = WIDE.encode("utf-16-le")
    out["usercomment_unicode_other_order_mm"] = (_user_comment(b"UNICODE", le, ">"), le)
    for tag, name in ((0x9C9C, "xpcomment"), (0x9C9F, "xpsubject")):
        text = b"mail " + EMAIL
        wide_be = text.decode().encode("utf-16-be")
        out[f"{name}_big_endian"] = (_jpeg_exif([_xp(tag, wide_be + b"\0\0")]), wide_be)
        full_be = WIDE.encode("utf-16-be")
        out[f"{name}_big_endian_fullwidth"] = (_jpeg_exif([_xp(tag, full_be + b"\0\0")]), full_be)
    return out


# ---- ICC text tags: ASCII by the standard, ISO-2022-JP passes as ASCII; a ScriptCode string in Shift_JIS
def _desc(ascii_text: bytes, script: bytes = b"", script_code: int = 0) -> bytes:
    """An ICC v2 textDescriptionType: ASCII, an empty Unicode part, then a ScriptCode string (67 bytes)."""
    head = b"desc\0\0\0\0" + struct.pack(">I", len(ascii_text) + 1) + ascii_text + b"\0" + bytes(8)
    return head + struct.pack(">H", script_code) + bytes([len(script)]) + script.ljust(67, b"\0")


def _icc_text() -> dict[str, tuple[bytes, bytes]]:
    iso = ("連絡 " + WIDE).encode("iso2022_jp")
    sjis = WIDE.encode("shift_jis")[:60]
    return {
        "icc_cprt_text_iso2022_jp": (_icc_jpeg(_profile_with({b"cprt": b"text\0\0\0\0" + iso + b"\0"})), iso),
        "icc_desc_ascii_iso2022_jp": (_icc_jpeg(_profile_with({b"desc": _desc(iso)})), iso),
        "icc_desc_scriptcode_shift_jis": (_icc_jpeg(_profile_with({b"desc": _desc(b"sRGB", sjis, 1)})), sjis),
    }


# ---- bytes after a PNG chunk's zlib stream ----------------------------------------------------------
def _png(*chunks: bytes) -> bytes:
    return png_with(before_idat=chunks)


def _iccp(profile_stream: bytes) -> bytes:
    return chunk(b"iCCP", b"sRGB\0\0" + profile_stream)


def _zlib_tails() -> dict[str, tuple[bytes, bytes]]:
    tail = b" mail " + EMAIL
    second = zlib.compress(b"mail " + EMAIL)
    out = {
        "ztxt_bytes_after_stream": _png(chunk(b"zTXt", b"Comment\0\0" + zlib.compress(b"Sunset") + tail)),
        "itxt_bytes_after_stream": _png(
            chunk(b"iTXt", b"Comment\0\x01\0\0\0" + zlib.compress(b"Sunset") + tail)
        ),
        "iccp_bytes_after_stream": _png(_iccp(zlib.compress(icc_profile()) + tail)),
    }
    found = {name: (data, EMAIL) for name, data in out.items()}
    found["ztxt_second_stream"] = (
        _png(chunk(b"zTXt", b"Comment\0\0" + zlib.compress(b"Sunset") + second)),
        second,
    )
    found["iccp_second_stream"] = (_png(_iccp(zlib.compress(icc_profile()) + second)), second)
    return found


# ---- JFIF / JFXX thumbnails ------------------------------------------------------------------------
def _with_app0(app0: bytes) -> bytes:
    jpeg = base_jpeg()
    assert jpeg[2:4] == b"\xff\xe0"
    n = struct.unpack(">H", jpeg[4:6])[0]
    return jpeg[:2] + app0 + jpeg[4 + n :]


def _jfif(thumb_w: int, thumb_h: int, pixels: bytes) -> bytes:
    return seg(0xE0, b"JFIF\0\x01\x01\x00\x00\x01\x00\x01" + bytes([thumb_w, thumb_h]) + pixels)


def _thumbnails() -> dict[str, tuple[bytes, bytes]]:
    spelled = (EMAIL + b" ").ljust(21, b" ")[:21]  # seven RGB pixels
    out = {"jfif_thumbnail_pixels": (_with_app0(_jfif(7, 1, spelled)), EMAIL)}
    jpeg_thumb = after_soi(base_jpeg(), seg(0xFE, b"mail " + EMAIL))
    out["jfxx_jpeg_thumbnail_comment"] = (
        _with_app0(_jfif(0, 0, b"")[:0] + _jfif(0, 0, b"") + seg(0xE0, b"JFXX\0\x10" + jpeg_thumb)),
        EMAIL,
    )
    palette = spelled.ljust(768, b"\0")
    out["jfxx_palette_thumbnail"] = (
        _with_app0(_jfif(0, 0, b"") + seg(0xE0, b"JFXX\0\x11\x02\x01" + palette + b"\0\x01")),
        EMAIL,
    )
    out["jfxx_rgb_thumbnail"] = (
        _with_app0(_jfif(0, 0, b"") + seg(0xE0, b"JFXX\0\x13\x07\x01" + spelled)),
        EMAIL,
    )
    return out


# ---- Photoshop image resources and IIM ------------------------------------------------------------
def _pascal(name: bytes) -> bytes:
    raw = bytes([len(name)]) + name
    return raw + b"\0" * (len(raw) & 1)


def irb(resource_id: int, data: bytes, name: bytes = b"") -> bytes:
    """One 8BIM image resource: signature, id, a padded Pascal name, size and padded data."""
    return (
        b"8BIM"
        + struct.pack(">H", resource_id)
        + _pascal(name)
        + struct.pack(">I", len(data))
        + data
        + (b"\0" * (len(data) & 1))
    )


def iim(record: int, dataset: int, value: bytes) -> bytes:
    return b"\x1c" + bytes([record, dataset]) + struct.pack(">H", len(value)) + value


def _app13(*resources: bytes) -> bytes:
    return after_soi(base_jpeg(), seg(0xED, b"Photoshop 3.0\0" + b"".join(resources)))


_RESOLUTION = b"\0H\0\0\0\x01\0\x01\0H\0\0\0\x01\0\x01"  # 72 dpi both ways
_CLEAN_IIM = iim(1, 90, b"\x1b%G") + iim(2, 0, b"\0\x04") + iim(2, 5, b"Blue mug")


def _clipping_path(name: bytes) -> bytes:
    return _pascal(name)  # 0x0BB7: the name of the path that clips the image, then its flatness


def _photoshop() -> dict[str, tuple[bytes, bytes]]:
    ext_len = len(EMAIL).to_bytes(4, "big")
    extended = b"\x1c\x02\x76" + struct.pack(">H", 0x8004) + ext_len + EMAIL  # 2:118 Contact, extended
    return {
        "irb_iptc_resource_name": (_app13(irb(0x0404, _CLEAN_IIM, EMAIL)), EMAIL),
        "irb_resolution_resource_name": (_app13(irb(0x03ED, bytes(16), EMAIL)), EMAIL),
        "irb_path_name": (_app13(irb(0x07D0, bytes(26 * 3), EMAIL)), EMAIL),
        "irb_clipping_path_name": (_app13(irb(0x0BB7, _clipping_path(EMAIL) + b"\0\0\0\0")), EMAIL),
        "irb_caption_pascal": (_app13(irb(0x03F0, _pascal(b"mail " + EMAIL))), EMAIL),
        "irb_url": (_app13(irb(0x040B, b"mailto:" + EMAIL)), EMAIL),
        "irb_version_writer": (
            _app13(
                irb(0x0421, b"\0\0\0\x01\x01" + _unicode(b"mail " + EMAIL) + _unicode(b"x") + b"\0\0\0\x01")
            ),
            "mail jane".encode("utf-16-be"),
        ),
        "iim_extended_dataset": (_app13(irb(0x0404, _CLEAN_IIM[:-12] + extended)), EMAIL),
        "iim_record_9_dataset": (_app13(irb(0x0404, _CLEAN_IIM + iim(9, 10, EMAIL))), EMAIL),
        "iim_envelope_destination": (_app13(irb(0x0404, iim(1, 5, EMAIL) + _CLEAN_IIM)), EMAIL),
    }


def _unicode(text: bytes) -> bytes:
    """Photoshop's Unicode string: a count of UTF-16 units, then UTF-16BE."""
    return struct.pack(">I", len(text)) + text.decode().encode("utf-16-be")


# ---- XML constructs around XMP's RDF --------------------------------------------------------------
def _xmp_jpeg(packet: bytes) -> bytes:
    return after_soi(base_jpeg(), seg(0xE1, XMP_NS + packet))


def _xmp() -> dict[str, tuple[bytes, bytes]]:
    e = EMAIL.decode()
    plain = {
        "xmp_comment": f"{_D0}><!-- mail {e} --><dc:format>image/jpeg</dc:format></rdf:Description>",
        "xmp_processing_instruction": f"{_D0}><?note mail {e}?><dc:format>x</dc:format></rdf:Description>",
        "xmp_cdata": f"{_D0}><dc:format><![CDATA[mail {e}]]></dc:format></rdf:Description>",
        "xmp_xml_lang": (
            f'{_D0}><dc:title><rdf:Alt><rdf:li xml:lang="x-{e.replace("@", "-").replace(".", "-")}">Mug'
            "</rdf:li></rdf:Alt></dc:title></rdf:Description>"
        ),
        "xmp_about": f'<rdf:Description rdf:about="mailto:{e}" xmlns:dc="http://purl.org/dc/elements/1.1/"/>',
        "xmp_node_id": f'{_D0}><dc:source rdf:nodeID="{e.replace("@", "_at_")}"/></rdf:Description>',
    }
    out = {
        name: (_xmp_jpeg(xmp_packet(body)), EMAIL if "@" in body else b"jane") for name, body in plain.items()
    }
    out["xmp_xml_lang"] = (out["xmp_xml_lang"][0], b"jane-roe")
    out["xmp_node_id"] = (out["xmp_node_id"][0], b"jane.roe_at_")
    dtd = (
        f'<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><!DOCTYPE x:xmpmeta [<!ENTITY who "{e}">]>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'{_D0}><dc:format>&who;</dc:format></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()
    out["xmp_dtd_entity"] = (_xmp_jpeg(dtd), EMAIL)
    packet = xmp_packet(f"{_D0}><dc:format>image/jpeg</dc:format></rdf:Description>")
    out["xmp_xpacket_id"] = (_xmp_jpeg(packet.replace(b"W5M0MpCehiHzreSzNTczkc9d", EMAIL)), EMAIL)
    out["xmp_after_packet_end"] = (_xmp_jpeg(packet + b" mail " + EMAIL), EMAIL)
    return out


# ---- AI tools' text chunks ------------------------------------------------------------------------
def _png_with_text(text: bytes) -> bytes:
    return png_with(before_idat=[chunk(b"tEXt", b"Author\0" + text)])


def _comfy(widget: str) -> bytes:
    graph = {
        "last_node_id": 2,
        "nodes": [
            {"id": 1, "type": "LoadImage", "widgets_values": [widget, "image"]},
            {"id": 2, "type": "KSampler", "widgets_values": [42, "fixed", 20, 7.0, "euler", "normal", 1.0]},
        ],
        "links": [],
        "version": 0.4,
    }
    return json.dumps(graph).encode()


def _ai() -> dict[str, tuple[bytes, bytes]]:
    inner = _png_with_text(EMAIL)
    url = "data:image/png;base64," + base64.b64encode(inner).decode()
    inner_jpeg = after_soi(base_jpeg(), seg(0xFE, b"mail " + EMAIL))
    url_jpeg = "data:image/jpeg;base64," + base64.b64encode(inner_jpeg).decode()
    prompt = b"portrait photo of Jane Roe for the customer, call +44 7700 900123\nNegative prompt: blurry\n"
    return {
        "comfy_workflow_data_url_png": (
            png_with(before_idat=[chunk(b"tEXt", b"workflow\0" + _comfy(url))]),
            base64.b64encode(inner)[:40],
        ),
        "comfy_workflow_data_url_jpeg": (
            png_with(before_idat=[itxt(b"workflow", _comfy(url_jpeg), compressed=True)]),
            base64.b64encode(inner_jpeg)[:40],
        ),
        "a1111_parameters_phone": (
            png_with(before_idat=[chunk(b"tEXt", b"parameters\0" + prompt + b"Steps: 20, Seed: 1")]),
            PHONE,
        ),
    }


def png_keyword_cases() -> dict[str, tuple[bytes, bytes]]:
    """A PNG keyword, iTXt language tag or translated keyword in a legacy encoding (all but the keyword
    are UTF-8 by the standard, the keyword Latin-1)."""
    out: dict[str, tuple[bytes, bytes]] = {}
    for codec in ("shift_jis", "iso2022_jp", "euc_kr"):
        raw = WIDE.encode(codec)[:79]
        out[f"png_keyword_{codec}"] = (_png(chunk(b"tEXt", raw + b"\0Sunset")), raw)
        out[f"itxt_language_{codec}"] = (_png(itxt(b"Comment", b"Sunset", lang=raw)), raw)
        out[f"itxt_translated_keyword_{codec}"] = (_png(itxt(b"Comment", b"Sunset", tkey=raw)), raw)
    return out


def found() -> dict[str, tuple[bytes, bytes]]:
    """Every canary: name -> (image, the bytes that must not be published)."""
    return {
        **_exif_text(),
        **_icc_text(),
        **png_keyword_cases(),
        **_zlib_tails(),
        **_thumbnails(),
        **_photoshop(),
        **_xmp(),
        **_ai(),
    }


def clean() -> dict[str, bytes]:
    """Neighbours of the canaries that hold nothing personal: each must be approved."""
    ja = JA_CLEAN
    noise = bytes((i * 97 + 13) % 256 for i in range(21))
    return {
        "usercomment_jis_shift_jis": _user_comment(b"JIS", ja.encode("shift_jis")),
        "usercomment_jis_iso2022_jp": _user_comment(b"JIS", ja.encode("iso2022_jp")),
        "imagedescription_shift_jis": _jpeg_exif([asc(0x010E, ja.encode("shift_jis"))]),
        "usercomment_unicode_japanese": _user_comment(b"UNICODE", ja.encode("utf-16-le")),
        "usercomment_unicode_japanese_mm": _user_comment(b"UNICODE", ja.encode("utf-16-be"), ">"),
        "xpcomment_le": _jpeg_exif([_xp(0x9C9C, "Sunset over the lake".encode("utf-16-le") + b"\0\0")]),
        "xptitle_le_japanese": _jpeg_exif([_xp(0x9C9B, ja.encode("utf-16-le") + b"\0\0")]),
        "icc_desc_scriptcode_japanese": _icc_jpeg(
            _profile_with({b"desc": _desc(b"sRGB", ja.encode("shift_jis"), 1)})
        ),
        "ztxt_clean": _png(chunk(b"zTXt", b"Comment\0\0" + zlib.compress(b"Sunset"))),
        "iccp_clean": _png(_iccp(zlib.compress(icc_profile()))),
        "jfif_thumbnail_noise": _with_app0(_jfif(7, 1, noise)),
        "irb_iptc_clean": _app13(
            irb(0x0404, _CLEAN_IIM), irb(0x03ED, b"\0H\0\0\0\x01\0\x01\0H\0\0\0\x01\0\x01")
        ),
        "xmp_plain": _xmp_jpeg(xmp_packet(f"{_D0}><dc:format>image/jpeg</dc:format></rdf:Description>")),
        "comfy_workflow_clean": png_with(before_idat=[chunk(b"tEXt", b"workflow\0" + _comfy("example.png"))]),
        "a1111_parameters_clean": png_with(
            before_idat=[
                chunk(b"tEXt", b"parameters\0a blue mug on a desk\nNegative prompt: blurry\nSteps: 20")
            ]
        ),
    }


__all__ = ["found", "clean", "irb", "iim", "png_split", "base_png"]
