"""Nineteenth image round: places no earlier round tried, written from the formats before reading the readers.

`found()` maps a name to (image, needle): the image holds the needle (bytes that spell an address, a
phone number or a position in the form the place keeps them), which must not be published. `clean()` maps
a name to a neighbour holding none, which must be approved.
Places: JSON string escapes ("\\u0040" for "@") in every text field that may hold JSON (EXIF tags, a JPEG
comment, XMP, PNG text), ComfyUI's EXIF label, an EXIF block in a PNG's eXIf beside ImageMagick's hex
"Raw profile type exif" holding another one, extended XMP whose GUID is not its MD5 or whose offset lies
past its stated length, a WebP ICC profile's text tags, and GIF and multi-page TIFF (refused formats).
"""

from __future__ import annotations

import hashlib
import io
import json
import struct

from PIL import Image

from tests.unit.imaging.round15_cases import (
    EMAIL,
    PHONE,
    after_soi,
    asc,
    base_jpeg,
    base_webp,
    chunk,
    exif_app1,
    gps_bytes,
    itxt,
    png_with,
    rchunk,
    seg,
    tiff,
    und,
    webp_ext,
    xmp_packet,
)
from tests.unit.imaging.round17_places import _profile_with

# The address with its "@" and dots as JSON escapes: no byte of the file spells it, a JSON reader does.
ESCAPED = EMAIL.replace(b"@", b"\\u0040").replace(b".", b"\\u002e")
_XMP_NS = b"http://ns.adobe.com/xap/1.0/\0"
_EXT_NS = b"http://ns.adobe.com/xmp/extension/\0"


def _exif_jpeg(
    *ifd0: tuple[int, int, int, bytes], exif_ifd: list[tuple[int, int, int, bytes]] | None = None
) -> bytes:
    return after_soi(base_jpeg(), exif_app1(tiff(list(ifd0), exif_entries=exif_ifd)))


def _json_cases(text: bytes) -> dict[str, bytes]:
    """`text` (JSON) in each text field of EXIF, a JPEG comment, XMP and PNG text."""
    description = (
        b"<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>"
        + text
        + b"</rdf:li></rdf:Alt></dc:description>"
    )
    xmp = xmp_packet(
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        + description.decode()
        + "</rdf:Description>"
    )
    return {
        "exif_description": _exif_jpeg(asc(0x010E, text)),
        "exif_make_workflow": _exif_jpeg(asc(0x010F, b"workflow:" + text)),
        "exif_user_comment": _exif_jpeg(exif_ifd=[und(0x9286, b"ASCII\0\0\0" + text)]),
        "exif_xp_comment": _exif_jpeg(
            (0x9C9C, 1, 2 * len(text) + 2, text.decode().encode("utf-16-le") + b"\0\0")
        ),
        "jpeg_comment": after_soi(base_jpeg(), seg(0xFE, text)),
        "xmp_description": after_soi(base_jpeg(), seg(0xE1, _XMP_NS + xmp)),
        "png_text": png_with(before_idat=[chunk(b"tEXt", b"Comment\0" + text)]),
        "png_itxt_workflow": png_with(before_idat=[itxt(b"workflow", text)]),
    }


def _raw_profile(exif_block: bytes) -> bytes:
    """ImageMagick's "Raw profile type exif" text: name, length, hex lines of 72 characters."""
    hexed = exif_block.hex()
    lines = "\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72))
    return (
        b"Raw profile type exif\0\nexif\n"
        + str(len(exif_block)).encode().rjust(8)
        + b"\n"
        + lines.encode()
        + b"\n"
    )


def _png_exif_and_raw(raw_gps: bool) -> bytes:
    clean_tiff = tiff([asc(0x010F, b"Canon")])
    other = b"Exif\0\0" + tiff([asc(0x010F, b"Canon")], gps=raw_gps)
    return png_with(before_idat=[chunk(b"eXIf", clean_tiff), chunk(b"tEXt", _raw_profile(other))])


def _extended_xmp(body: bytes, *, guid: str | None = None, offset: int = 0, full: int | None = None) -> bytes:
    """A JPEG whose main XMP names extended XMP by GUID, and one APP1 extension part holding `body`."""
    real = hashlib.md5(body).hexdigest().upper()
    guid = guid or real
    main = xmp_packet(
        '<rdf:Description rdf:about="" xmlns:xmpNote="http://ns.adobe.com/xmp/note/" '
        f'xmpNote:HasExtendedXMP="{guid}"/>'
    )
    part = (
        _EXT_NS + guid.encode() + struct.pack(">II", full if full is not None else len(body), offset) + body
    )
    return after_soi(base_jpeg(), seg(0xE1, _XMP_NS + main), seg(0xE1, part))


def _ext_body(text: bytes) -> bytes:
    return (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        b'<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt>'
        b'<rdf:li xml:lang="x-default">' + text + b"</rdf:li></rdf:Alt></dc:description></rdf:Description>"
        b"</rdf:RDF></x:xmpmeta>"
    )


def _webp_icc(profile: bytes) -> bytes:
    return webp_ext([rchunk(b"ICCP", profile), b"BITS"], flags_icc=True)


def _desc(text: bytes) -> bytes:
    return b"desc" + bytes(4) + struct.pack(">I", len(text) + 1) + text + b"\0" + bytes(4 + 2 + 1 + 67)


def _gif_comment(text: bytes) -> bytes:
    buf = io.BytesIO()
    Image.new("P", (8, 8)).save(buf, "GIF", comment=text)
    return buf.getvalue()


def _tiff_pages(text: bytes) -> bytes:
    buf = io.BytesIO()
    pages = [Image.new("RGB", (8, 8)), Image.new("RGB", (8, 8))]
    pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:], tiffinfo={270: text.decode()})
    return buf.getvalue()


# Neighbours under a keyword that marks an image AI-made: judged declared so.
AI_MADE = frozenset({"json_clean_png_itxt_workflow"})


def found() -> dict[str, tuple[bytes, bytes]]:
    """name -> (image, needle)."""
    escaped = b'{"note": "write to ' + ESCAPED + b'"}'
    cases = {f"json_escaped_{name}": (data, ESCAPED) for name, data in _json_cases(escaped).items()}
    cases["json_escaped_exif_xp_comment"] = (
        cases["json_escaped_exif_xp_comment"][0],
        ESCAPED.decode().encode("utf-16-le"),
    )
    cases["exif_make_label_address"] = (
        _exif_jpeg(asc(0x010F, EMAIL + b':{"nodes": [], "links": []}')),
        EMAIL,
    )
    cases["exif_json_phone_split_over_keys"] = (
        _exif_jpeg(asc(0x010E, json.dumps({"phone": PHONE.decode()}).encode())),
        PHONE,
    )
    cases["png_raw_profile_exif_gps_beside_exif"] = (_png_exif_and_raw(True), gps_bytes().hex()[32:].encode())
    cases["extended_xmp_guid_not_md5"] = (_extended_xmp(_ext_body(EMAIL), guid="0" * 32), EMAIL)
    cases["extended_xmp_offset_past_length"] = (_extended_xmp(_ext_body(EMAIL), offset=4096), EMAIL)
    cases["extended_xmp_full_length_short"] = (_extended_xmp(_ext_body(EMAIL), full=10), EMAIL)
    cases["webp_icc_desc_address"] = (_webp_icc(_profile_with({b"desc": _desc(EMAIL)})), EMAIL)
    cases["webp_icc_two_profiles"] = (
        webp_ext(
            [
                rchunk(b"ICCP", _profile_with({})),
                rchunk(b"ICCP", _profile_with({b"desc": _desc(EMAIL)})),
                b"BITS",
            ],
            flags_icc=True,
        ),
        EMAIL,
    )
    cases["gif_comment"] = (_gif_comment(EMAIL), EMAIL)
    cases["tiff_two_pages_description"] = (_tiff_pages(EMAIL), EMAIL)
    return cases


def clean() -> dict[str, bytes]:
    """name -> a neighbour holding no personal data, which must be approved."""
    cases = {
        f"json_clean_{name}": data for name, data in _json_cases(b'{"note": "caf\\u00e9 au lait"}').items()
    }
    cases["png_raw_profile_exif_beside_exif"] = _png_exif_and_raw(False)
    cases["extended_xmp_valid"] = _extended_xmp(_ext_body(b"a mountain lake at dawn"))
    cases["webp_icc_desc_plain"] = _webp_icc(_profile_with({b"desc": _desc(b"sRGB IEC61966-2.1")}))
    cases["webp_plain"] = base_webp()
    return cases


__all__ = ["AI_MADE", "clean", "found"]
