"""Twenty-first image round: places no earlier round planted in, written from the formats and the C2PA
2.x specification before reading the readers.

`found()` maps a name to (image, needle): the image holds the needle (an address or a phone number, as the
place keeps it), which must never be published. `clean()` maps a name to a neighbour of the same shape
that holds nothing personal and must be approved. Manifests are signed with `signer`, a signer the gate
under test trusts, so nothing but the planted value can hold them.
Places: schema.org CreativeWork persons beyond `author` (copyrightHolder, contributor, creator, e-mail and
telephone), `cawg.identity`-shaped and `cawg.metadata` assertions, C2PA 2.x actions (`changes` regions,
`templates`, an action's own `metadata`, a `softwareAgent` object), training-mining constraints, an
ingredient's `description` and `informational_URI`, an update manifest's assertions, store thumbnails of
other kinds (a WebP with XMP, a PNG with stealth parameters, a JPEG with IPTC); maker notes of brands the
gate does not parse (Leica, Pentax, Sigma, Ricoh in UTF-16, an IFD pointing outside the note); IPTC IIM
records and datasets of odd numbers and extended lengths; XMP language alternatives, parseType Literal
and Collection, rdf:resource and rdf:about URIs, qualifiers, nested containers; PNG chunks after IEND,
APNG private and text chunks beside fdAT; WebP frames with chunks before their bitstream; JPEG restart
intervals with a comment segment or text between them.
"""

from __future__ import annotations

import io
import struct
from typing import Any

from PIL import Image

from gate.provenance import PreparedSigner
from tests.unit.imaging.round15_cases import (
    EMAIL,
    PHONE,
    after_soi,
    base_jpeg,
    base_png,
    chunk,
    exif_app1,
    png_split,
    rchunk,
    riff_chunks,
    seg,
    tiff,
    und,
    xmp_packet,
)
from tests.unit.imaging.round18_places import iim, irb
from tests.unit.imaging.round21_manifests import manifest_clean, manifest_found

_E = EMAIL.decode()
_P = PHONE.decode()
_XMP_NS = b"http://ns.adobe.com/xap/1.0/\0"
Cases = dict[str, tuple[bytes, bytes]]


# ---- maker notes of brands the gate does not parse ---------------------------------------------------
def makernote_jpeg(note: bytes, extra: Any = None) -> bytes:
    return after_soi(
        base_jpeg(),
        exif_app1(tiff([(0x010F, 2, 6, b"LEICA\0")], exif_entries=[und(0x927C, note)], extra=extra)),
    )


def note_ifd(endian: str, tag: int, text: bytes, base: int) -> bytes:
    """An IFD of one ASCII entry whose text follows it (offset counted from `base`)."""
    off = base + 2 + 12 + 4
    return (
        struct.pack(endian + "H", 1)
        + struct.pack(endian + "HHII", tag, 2, len(text) + 1, off)
        + struct.pack(endian + "I", 0)
        + text
        + b"\0"
    )


def makernote_found() -> Cases:
    leica = b"LEICA\0\x01\0" + note_ifd("<", 0x0303, b"owner " + EMAIL, 8)
    pentax = b"AOC\0MM" + note_ifd(">", 0x0229, b"owner " + EMAIL, 6)
    sigma = b"SIGMA\0\0\0\x01\0" + b"Owner: " + EMAIL + b"\0" * 6
    ricoh = b"Ricoh\0\0\0" + ("owner " + _E).encode("utf-16-le")
    # An IFD entry of the note whose text lies after the EXIF's IFDs, which nothing else points to.
    far = b"LEICA\0\x02\xff" + struct.pack("<H", 1) + struct.pack("<HHII", 0x0303, 2, 40, 0x2000)
    far += b"\0" * 4
    return {
        "makernote_leica": (makernote_jpeg(leica), EMAIL),
        "makernote_pentax_aoc": (makernote_jpeg(pentax), EMAIL),
        "makernote_sigma": (makernote_jpeg(sigma), EMAIL),
        "makernote_ricoh_utf16": (makernote_jpeg(ricoh), ("owner " + _E).encode("utf-16-le")),
        "makernote_points_outside": (
            makernote_jpeg(far, extra=lambda off: b"\0" * 16 + b"owner " + EMAIL + b"\0"),
            EMAIL,
        ),
    }


def makernote_clean() -> dict[str, bytes]:
    numbers = b"LEICA\0\x01\0" + struct.pack("<H", 1) + struct.pack("<HHII", 0x0300, 3, 1, 2) + b"\0" * 4
    return {"makernote_leica_numbers": makernote_jpeg(numbers)}


# ---- IPTC IIM of odd numbers ---------------------------------------------------------------------------
def iim_jpeg(*datasets: bytes) -> bytes:
    block = iim(1, 90, b"\x1b%G") + iim(2, 0, b"\0\x04") + b"".join(datasets)
    return after_soi(base_jpeg(), seg(0xED, b"Photoshop 3.0\0" + irb(0x0404, block)))


def _iim_extended(record: int, dataset: int, value: bytes) -> bytes:
    """A dataset in the extended form: the length's top bit set, then the count of length bytes."""
    return bytes([0x1C, record, dataset]) + struct.pack(">H", 0x8004) + struct.pack(">I", len(value)) + value


def iptc_found() -> Cases:
    return {
        "iim_record_3": (iim_jpeg(iim(3, 90, b"scan by " + EMAIL)), EMAIL),
        "iim_record_7": (iim_jpeg(iim(7, 10, b"by " + EMAIL)), EMAIL),
        "iim_record_11": (iim_jpeg(iim(11, 5, b"owner " + EMAIL)), EMAIL),
        "iim_record_240": (iim_jpeg(iim(240, 1, b"owner " + EMAIL)), EMAIL),
        "iim_record_2_dataset_250": (iim_jpeg(iim(2, 250, b"call " + PHONE)), PHONE),
        "iim_extended_caption": (iim_jpeg(_iim_extended(2, 120, b"mail " + EMAIL)), EMAIL),
        "iim_version_as_text": (
            after_soi(
                base_jpeg(),
                seg(0xED, b"Photoshop 3.0\0" + irb(0x0404, iim(2, 0, b"\0\x04 " + EMAIL))),
            ),
            EMAIL,
        ),
    }


def iptc_clean() -> dict[str, bytes]:
    return {
        "iim_caption_extended": iim_jpeg(_iim_extended(2, 120, b"Blue ceramic mug on a table")),
        "iim_keywords": iim_jpeg(iim(2, 25, b"mug"), iim(2, 25, b"ceramic")),
    }


# ---- XMP shapes ------------------------------------------------------------------------------------------
_D = '<rdf:Description rdf:about=""'
_NS = (
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ' xmlns:xmpNote="http://ns.adobe.com/xmp/note/"'
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"'
)


def xmp_jpeg(inner: str) -> bytes:
    return after_soi(base_jpeg(), seg(0xE1, _XMP_NS + xmp_packet(f"{_D}{_NS}>{inner}</rdf:Description>")))


def xmp_alt(*items: tuple[str, str]) -> str:
    lis = "".join(f'<rdf:li xml:lang="{lang}">{text}</rdf:li>' for lang, text in items)
    return f"<dc:description><rdf:Alt>{lis}</rdf:Alt></dc:description>"


def xmp_found() -> Cases:
    cases = {
        "xmp_alt_second_language": xmp_alt(("x-default", "Blue mug"), ("de-DE", f"Tasse fuer {_E}")),
        "xmp_alt_same_language_twice": xmp_alt(("x-default", "Blue mug"), ("x-default", f"mug for {_E}")),
        "xmp_parse_type_literal": (
            f'<dc:description rdf:parseType="Literal"><b>mail</b> <i>{_E}</i></dc:description>'
        ),
        "xmp_parse_type_collection": (
            '<dc:subject rdf:parseType="Collection"><rdf:Description>'
            f"<rdf:value>{_E}</rdf:value></rdf:Description></dc:subject>"
        ),
        "xmp_rdf_resource": f'<dc:source rdf:resource="mailto:{_E}"/>',
        "xmp_rdf_about_inner": f'<dc:relation><rdf:Description rdf:about="mailto:{_E}"/></dc:relation>',
        "xmp_value_qualifier": (
            '<dc:title rdf:parseType="Resource"><rdf:value>Blue mug</rdf:value>'
            f"<xmpNote:comment>for {_E}</xmpNote:comment></dc:title>"
        ),
        "xmp_attribute_qualifier_on_li": (
            '<dc:subject><rdf:Bag><rdf:li rdf:parseType="Resource">'
            f"<rdf:value>mug</rdf:value><xmpNote:who>{_E}</xmpNote:who></rdf:li></rdf:Bag></dc:subject>"
        ),
        "xmp_nested_containers": (
            "<dc:subject><rdf:Bag><rdf:li><rdf:Seq>"
            f"<rdf:li>mug</rdf:li><rdf:li>{_E}</rdf:li></rdf:Seq></rdf:li></rdf:Bag></dc:subject>"
        ),
        "xmp_li_resource_type_node": (
            "<dc:subject><rdf:Bag><rdf:li><rdf:Description>"
            f"<xmpNote:who>{_E}</xmpNote:who></rdf:Description></rdf:li></rdf:Bag></dc:subject>"
        ),
        "xmp_lang_on_simple_property": f'<xmp:Label xml:lang="en">call {_P}</xmp:Label>',
    }
    needle = {"xmp_lang_on_simple_property": PHONE}
    return {name: (xmp_jpeg(inner), needle.get(name, EMAIL)) for name, inner in cases.items()}


def xmp_clean() -> dict[str, bytes]:
    return {
        "xmp_alt_translations": xmp_jpeg(
            xmp_alt(("x-default", "Blue mug"), ("de-DE", "Blaue Tasse"), ("fr-FR", "Tasse bleue"))
        ),
        "xmp_value_qualifier_clean": xmp_jpeg(
            '<dc:title rdf:parseType="Resource"><rdf:value>Blue mug</rdf:value>'
            "<xmpNote:comment>studio shot</xmpNote:comment></dc:title>"
        ),
        "xmp_nested_containers_clean": xmp_jpeg(
            "<dc:subject><rdf:Bag><rdf:li><rdf:Seq><rdf:li>mug</rdf:li><rdf:li>blue</rdf:li>"
            "</rdf:Seq></rdf:li></rdf:Bag></dc:subject>"
        ),
    }


# ---- PNG after IEND, APNG beside fdAT ----------------------------------------------------------------------
def _apng() -> bytes:
    frames = [Image.new("RGB", (16, 16), c) for c in ((200, 30, 30), (30, 200, 30), (30, 30, 200))]
    out = io.BytesIO()
    frames[0].save(out, "PNG", save_all=True, append_images=frames[1:], duration=100)
    return out.getvalue()


def _apng_with(extra: bytes, *, before: bytes = b"fdAT", nth: int = 0) -> bytes:
    """The APNG with `extra` inserted before its `nth` chunk of type `before`."""
    chunks = png_split(_apng())
    seen = 0
    out = b"\x89PNG\r\n\x1a\n"
    for c in chunks:
        if c[4:8] == before:
            if seen == nth:
                out += extra
            seen += 1
        out += c
    return out


def png_found() -> Cases:
    iend = png_split(base_png())[-1]
    return {
        "png_text_after_iend": (base_png() + chunk(b"tEXt", b"Author\0" + EMAIL) + iend, EMAIL),
        "png_itxt_after_iend": (
            base_png() + chunk(b"iTXt", b"Comment\0\0\0\0\0mail " + EMAIL),
            EMAIL,
        ),
        "apng_private_before_fdat": (_apng_with(chunk(b"prVt", b"mail " + EMAIL)), EMAIL),
        "apng_text_between_fctl_fdat": (_apng_with(chunk(b"tEXt", b"Comment\0mail " + EMAIL), nth=1), EMAIL),
        "apng_private_before_second_fctl": (
            _apng_with(chunk(b"prVt", b"call " + PHONE), before=b"fcTL", nth=1),
            PHONE,
        ),
    }


def png_clean() -> dict[str, bytes]:
    return {
        "apng_plain": _apng(),
        "apng_text_clean": _apng_with(chunk(b"tEXt", b"Comment\0blue mug turntable"), nth=1),
    }


# ---- WebP animation frames with chunks before their bitstream ---------------------------------------------
def _anim_webp(before_bits: bytes) -> bytes:
    frames = [Image.new("RGB", (16, 16), c) for c in ((255, 0, 0), (0, 255, 0))]
    out = io.BytesIO()
    frames[0].save(out, "WEBP", save_all=True, append_images=frames[1:], duration=100, lossless=True)
    data = out.getvalue()
    chunks = riff_chunks(data)
    body = b""
    done = False
    for c in chunks:
        if c[:4] == b"ANMF" and not done:
            size = struct.unpack("<I", c[4:8])[0]
            payload = c[8 : 8 + size]
            body += rchunk(b"ANMF", payload[:16] + before_bits + payload[16:])
            done = True
        else:
            body += c
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body


def webp_found() -> Cases:
    return {
        "anmf_unknown_before_bitstream": (_anim_webp(rchunk(b"ZZZZ", b"mail " + EMAIL)), EMAIL),
        "anmf_xmp_before_bitstream": (_anim_webp(rchunk(b"XMP ", xmp_packet(f"<x>{_E}</x>"))), EMAIL),
    }


# ---- JPEG restart intervals ------------------------------------------------------------------------------
def _restart_jpeg() -> bytes:
    image = Image.new("RGB", (64, 64), (90, 120, 200))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, restart_marker_blocks=1)
    return out.getvalue()


def _after_first_rst(extra: bytes) -> bytes:
    data = _restart_jpeg()
    sos = data.index(b"\xff\xda")
    at = next(i for i in range(sos, len(data) - 1) if data[i] == 0xFF and 0xD0 <= data[i + 1] <= 0xD7)
    return data[: at + 2] + extra + data[at + 2 :]


def restart_found() -> Cases:
    return {
        "rst_comment_segment_inside_scan": (_after_first_rst(seg(0xFE, b"mail " + EMAIL)), EMAIL),
        "rst_app1_segment_inside_scan": (_after_first_rst(seg(0xE1, b"note\0mail " + EMAIL)), EMAIL),
    }


def restart_clean() -> dict[str, bytes]:
    return {"rst_plain": _restart_jpeg()}


# ---- all -------------------------------------------------------------------------------------------------
def found(signer: PreparedSigner) -> Cases:
    """Every canary of this round."""
    return (
        manifest_found(signer)
        | makernote_found()
        | iptc_found()
        | xmp_found()
        | png_found()
        | webp_found()
        | restart_found()
    )


def clean(signer: PreparedSigner) -> dict[str, bytes]:
    """Every clean neighbour of this round."""
    return (
        manifest_clean(signer)
        | makernote_clean()
        | iptc_clean()
        | xmp_clean()
        | png_clean()
        | restart_clean()
    )
