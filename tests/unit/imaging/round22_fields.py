"""Twenty-second image round: the places in fields of known formats (`round22_places` has the containers).

ICC tags other than the description (`ncl2` names, prefix and suffix, `clrt`/`clot` names, `pseq`
descriptions, `dmdd`, `cprt`); a raw TIFF in an APP1 without the EXIF prefix; a JFXX thumbnail carrying its
own comment; an EXIF interoperability IFD's text; IPTC Extension structures (artwork creators, contributors,
registry ids, image suppliers, persons in image with details, events); a PNG eXIf whose IFD chain goes on
past IFD1. Each `*_found()` maps a name to (image, needle), each `*_clean()` a name to a clean neighbour.
"""

from __future__ import annotations

import io
import struct

from PIL import Image

from tests.unit.imaging.round15_cases import (
    EMAIL,
    after_soi,
    asc,
    base_jpeg,
    chunk,
    exif_app1,
    ifd_bytes,
    png_with,
    seg,
    tiff,
    xmp_packet,
)
from tests.unit.imaging.round17_places import _profile_with, desc_v2, mluc

_E = EMAIL.decode()
_XMP_NS = b"http://ns.adobe.com/xap/1.0/\0"
_D0 = '<rdf:Description rdf:about=""'
_MOBILE = b"+44 7911 123456"  # a valid number (round15's PHONE is in the fiction range: it needs a cue)
Cases = dict[str, tuple[bytes, bytes]]


def _xmp(inner: str) -> bytes:
    return seg(0xE1, _XMP_NS + xmp_packet(inner))


def _small_jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 12), (90, 90, 90)).save(out, "JPEG", quality=80)
    return out.getvalue()


# ---- ICC tags other than the description -----------------------------------------------------------
def _icc_jpeg(profile: bytes) -> bytes:
    return after_soi(base_jpeg(), seg(0xE2, b"ICC_PROFILE\0\1\1" + profile))


def ncl2(root: bytes, prefix: bytes = b"", suffix: bytes = b"") -> bytes:
    """namedColor2Type: vendor flags, count 1, no device coordinates, prefix, suffix, one colour."""
    head = (
        b"ncl2" + bytes(4) + struct.pack(">III", 0, 1, 0) + prefix.ljust(32, b"\0") + suffix.ljust(32, b"\0")
    )
    return head + root.ljust(32, b"\0") + struct.pack(">HHH", 0x8000, 0x8000, 0x8000)


def clrt(*names: bytes) -> bytes:
    body = b"clrt" + bytes(4) + struct.pack(">I", len(names))
    for name in names:
        body += name.ljust(32, b"\0") + struct.pack(">HHH", 0x8000, 0x8000, 0x8000)
    return body


def pseq(model_text: bytes) -> bytes:
    """profileSequenceDescType of one profile whose model description is a v2 desc tag."""
    entry = b"ACME" + b"M100" + bytes(8) + b"fscn" + desc_v2(b"Acme") + desc_v2(model_text)
    return b"pseq" + bytes(4) + struct.pack(">I", 1) + entry


def _text(value: bytes) -> bytes:
    return b"text" + bytes(4) + value + b"\0"


def icc_found() -> Cases:
    en = (b"en", b"US")
    return {
        "icc_ncl2_root": (_icc_jpeg(_profile_with({b"ncl2": ncl2(EMAIL)})), EMAIL),
        "icc_ncl2_prefix": (_icc_jpeg(_profile_with({b"ncl2": ncl2(b"Red", prefix=EMAIL)})), EMAIL),
        "icc_ncl2_suffix": (_icc_jpeg(_profile_with({b"ncl2": ncl2(b"Red", suffix=_MOBILE)})), _MOBILE),
        "icc_clrt_name": (_icc_jpeg(_profile_with({b"clrt": clrt(b"Cyan", EMAIL)})), EMAIL),
        "icc_clot_name": (_icc_jpeg(_profile_with({b"clot": clrt(EMAIL)})), EMAIL),
        "icc_pseq_model": (_icc_jpeg(_profile_with({b"pseq": pseq(b"Scanner of " + EMAIL)})), EMAIL),
        "icc_dmdd_mluc": (
            _icc_jpeg(_profile_with({b"dmdd": mluc([(*en, "Printer of " + _E)])})),
            _E.encode("utf-16-be"),
        ),
        "icc_cprt_text": (_icc_jpeg(_profile_with({b"cprt": _text(b"(c) " + EMAIL)})), EMAIL),
    }


def icc_clean() -> dict[str, bytes]:
    return {
        "clean_icc_ncl2": _icc_jpeg(
            _profile_with({b"ncl2": ncl2(b"123 C", prefix=b"PANTONE ", suffix=b" C")})
        ),
        "clean_icc_clrt": _icc_jpeg(_profile_with({b"clrt": clrt(b"Cyan", b"Magenta", b"Yellow", b"Black")})),
    }


# ---- TIFF without the EXIF prefix, JFXX thumbnails -------------------------------------------------------
def exif_found() -> Cases:
    raw_tiff = tiff([asc(0x013B, b"Artist " + EMAIL)], endian=">", gps=True)
    thumb = after_soi(_small_jpeg(), seg(0xFE, b"mail " + EMAIL))
    jfxx = seg(0xE0, b"JFXX\0\x10" + thumb)
    return {
        "app1_raw_tiff": (after_soi(base_jpeg(), seg(0xE1, raw_tiff)), EMAIL),
        "jfxx_thumbnail_comment": (after_soi(base_jpeg(), jfxx), EMAIL),
        "exif_interop_text": (after_soi(base_jpeg(), exif_app1(_interop_tiff(b"R98 " + EMAIL))), EMAIL),
    }


def _interop_tiff(index: bytes) -> bytes:
    """IFD0 -> Exif IFD -> Interoperability IFD with InteropIndex and RelatedImageFileFormat."""
    exif = ifd_bytes([(0xA005, 4, 1, bytes(4))], 0)
    ifd0_len = len(ifd_bytes([(0x8769, 4, 1, bytes(4))], 8))
    exif_at = 8 + ifd0_len
    interop_at = exif_at + len(exif)
    ifd0 = ifd_bytes([(0x8769, 4, 1, struct.pack("<I", exif_at))], 8)
    exif = ifd_bytes([(0xA005, 4, 1, struct.pack("<I", interop_at))], exif_at)
    interop = ifd_bytes([asc(0x0001, index), asc(0x1000, b"Exif JPEG Ver. 2.2")], interop_at)
    return b"II*\0" + struct.pack("<I", 8) + ifd0 + exif + interop


# ---- IPTC Extension structures ----------------------------------------------------------------------
_EXT = (
    'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
    'xmlns:plus="http://ns.useplus.org/ldf/xmp/1.0/"'
)


def _ext(body: str) -> bytes:
    return after_soi(base_jpeg(), _xmp(f"{_D0} {_EXT}>{body}</rdf:Description>"))


def iptc_ext_found() -> Cases:
    return {
        "ext_artwork_creator": (
            _ext(
                '<Iptc4xmpExt:ArtworkOrObject><rdf:Bag><rdf:li rdf:parseType="Resource">'
                f"<Iptc4xmpExt:AOCreator><rdf:Seq><rdf:li>{_E}</rdf:li></rdf:Seq></Iptc4xmpExt:AOCreator>"
                "</rdf:li></rdf:Bag></Iptc4xmpExt:ArtworkOrObject>"
            ),
            EMAIL,
        ),
        "ext_contributor": (
            _ext(
                '<Iptc4xmpExt:Contributor><rdf:Bag><rdf:li rdf:parseType="Resource">'
                f'<Iptc4xmpExt:Name><rdf:Alt><rdf:li xml:lang="x-default">{_E}</rdf:li></rdf:Alt>'
                "</Iptc4xmpExt:Name></rdf:li></rdf:Bag></Iptc4xmpExt:Contributor>"
            ),
            EMAIL,
        ),
        "ext_registry_id": (
            _ext(
                '<Iptc4xmpExt:RegistryId><rdf:Bag><rdf:li rdf:parseType="Resource">'
                f"<Iptc4xmpExt:RegItemId>{_E}</Iptc4xmpExt:RegItemId>"
                "<Iptc4xmpExt:RegOrgId>studio</Iptc4xmpExt:RegOrgId>"
                "</rdf:li></rdf:Bag></Iptc4xmpExt:RegistryId>"
            ),
            EMAIL,
        ),
        "ext_image_supplier": (
            _ext(
                '<plus:ImageSupplier><rdf:Seq><rdf:li rdf:parseType="Resource">'
                f"<plus:ImageSupplierName>{_E}</plus:ImageSupplierName>"
                "</rdf:li></rdf:Seq></plus:ImageSupplier>"
            ),
            EMAIL,
        ),
        "ext_person_details": (
            _ext(
                '<Iptc4xmpExt:PersonInImageWDetails><rdf:Bag><rdf:li rdf:parseType="Resource">'
                f"<Iptc4xmpExt:PersonId><rdf:Bag><rdf:li>mailto:{_E}</rdf:li></rdf:Bag></Iptc4xmpExt:PersonId>"
                "</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImageWDetails>"
            ),
            EMAIL,
        ),
        "ext_event": (
            _ext(
                '<Iptc4xmpExt:Event><rdf:Alt><rdf:li xml:lang="x-default">'
                f"RSVP {_E}</rdf:li></rdf:Alt></Iptc4xmpExt:Event>"
            ),
            EMAIL,
        ),
    }


def iptc_ext_clean() -> dict[str, bytes]:
    return {
        "clean_ext_event": _ext(
            '<Iptc4xmpExt:Event><rdf:Alt><rdf:li xml:lang="x-default">Spring catalogue</rdf:li></rdf:Alt>'
            "</Iptc4xmpExt:Event>"
        ),
    }


# ---- PNG eXIf with an IFD chain past IFD1 ------------------------------------------------------------
def chained_tiff(
    second: list[tuple[int, int, int, bytes]], third: list[tuple[int, int, int, bytes]] | None
) -> bytes:
    """IFD0 (Make) -> IFD1 (`second`) -> IFD2 (`third`), little-endian."""
    ifd0_len = len(ifd_bytes([asc(0x010F, b"Acme")], 8))
    ifd1_at = 8 + ifd0_len
    ifd1_len = len(ifd_bytes(second, ifd1_at))
    ifd2_at = ifd1_at + ifd1_len
    ifd0 = ifd_bytes([asc(0x010F, b"Acme")], 8, next_ifd=ifd1_at)
    ifd1 = ifd_bytes(second, ifd1_at, next_ifd=ifd2_at if third else 0)
    ifd2 = ifd_bytes(third, ifd2_at) if third else b""
    return b"II*\0" + struct.pack("<I", 8) + ifd0 + ifd1 + ifd2


def png_found() -> Cases:
    width = (0x0100, 4, 1, struct.pack("<I", 16))
    return {
        "png_exif_ifd2_artist": (
            png_with(before_idat=[chunk(b"eXIf", chained_tiff([width], [asc(0x013B, b"Artist " + EMAIL)]))]),
            EMAIL,
        ),
        "png_exif_ifd1_description": (
            png_with(before_idat=[chunk(b"eXIf", chained_tiff([asc(0x010E, b"mail " + EMAIL)], None))]),
            EMAIL,
        ),
    }


def png_clean() -> dict[str, bytes]:
    width = (0x0100, 4, 1, struct.pack("<I", 16))
    return {"clean_png_exif_ifd1": png_with(before_idat=[chunk(b"eXIf", chained_tiff([width], None))])}
