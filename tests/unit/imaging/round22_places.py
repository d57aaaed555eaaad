"""Twenty-second image round: places no earlier round planted in, written from the formats (ISO 21496-1 and
Google's Ultra HDR, Apple's gain map, Photoshop's image resources, XMP Media Management, ICC.1:2022, the
IPTC Extension, TIFF 6) before reading the readers.

`found()` maps a name to (image, needle): the image holds the needle (an address or a phone number, as the
place keeps it), which must never be published. `clean()` maps a name to a neighbour of the same shape
that holds nothing personal and must be approved.
Places: a gain map's own XMP, EXIF (owner, serial), comment and ISO 21496-1 APP2 block (in the gain map and
in the primary's version-only block); Apple's gain-map auxiliary XMP; a motion photo's MP4 carrying its
place in `meta/keys/ilst` (Apple's mdta keys) and an MP4 put between the MPF pictures; Photoshop image
resources (caption, URL, a slice's alt tag and message, a resource's own Pascal name, version info's writer,
Unicode alpha names, the auto-save path, a plug-in resource, EXIF and XMP inside the IRB);
`photoshop:DocumentAncestors`, `xmpMM:History` (softwareAgent, parameters), `xmpMM:DerivedFrom`,
`xmpMM:Ingredients`, `xmpMM:Manifest` file paths, `photoshop:TextLayers`; ICC tags other than the
description (`ncl2` names, prefix and suffix, `clrt` names, `pseq` descriptions, `dmdd`, `cprt`); a raw TIFF
in an APP1 without the EXIF prefix; a JFXX thumbnail carrying its own comment; IPTC Extension structures
(artwork creators, contributors, registry ids, image suppliers, persons in image with details); a PNG
eXIf whose IFD chain goes on past IFD1, and an EXIF interoperability IFD's text.
"""

from __future__ import annotations

import io
import struct

from PIL import Image

from tests.unit.imaging.round15_cases import (
    EMAIL,
    PHONE,
    after_soi,
    asc,
    base_jpeg,
    chunk,
    exif_app1,
    itxt,
    png_with,
    seg,
    tiff,
    xmp_packet,
)
from tests.unit.imaging.round15_places import mpf_index
from tests.unit.imaging.round17_places import _profile_with, box
from tests.unit.imaging.round18_places import irb
from tests.unit.imaging.round22_fields import (
    _icc_jpeg,
    _text,
    exif_found,
    icc_clean,
    icc_found,
    iptc_ext_clean,
    iptc_ext_found,
    png_clean,
    png_found,
)

_E = EMAIL.decode()
_XMP_NS = b"http://ns.adobe.com/xap/1.0/\0"
_ISO = b"urn:iso:std:iso:ts:21496:-1\0"
_D0 = '<rdf:Description rdf:about=""'
PLACE = b"+48.8583+002.2945/"
Cases = dict[str, tuple[bytes, bytes]]


def _xmp(inner: str) -> bytes:
    return seg(0xE1, _XMP_NS + xmp_packet(inner))


def _small_jpeg(colour: tuple[int, int, int] = (90, 90, 90)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 12), colour).save(out, "JPEG", quality=80)
    return out.getvalue()


# ---- gain maps (Ultra HDR, ISO 21496-1, Apple) ------------------------------------------------------
_HDRGM = (
    f'{_D0} xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/1.0/" hdrgm:Version="1.0" '
    'hdrgm:GainMapMin="0" hdrgm:GainMapMax="2.16" hdrgm:Gamma="1" hdrgm:OffsetSDR="0.015625" '
    'hdrgm:OffsetHDR="0.015625" hdrgm:HDRCapacityMin="0" hdrgm:HDRCapacityMax="2.16" '
    'hdrgm:BaseRenditionIsHDR="False"{extra}/>'
)
_PRIMARY_JPEGR = (
    f'{_D0} xmlns:Container="http://ns.google.com/photos/1.0/container/" '
    'xmlns:Item="http://ns.google.com/photos/1.0/container/item/" '
    'xmlns:hdrgm="http://ns.adobe.com/hdr-gain-map/1.0/" hdrgm:Version="1.0">'
    "<Container:Directory><rdf:Seq>"
    '<rdf:li rdf:parseType="Resource">'
    '<Container:Item Item:Semantic="Primary" Item:Mime="image/jpeg"/></rdf:li>'
    '<rdf:li rdf:parseType="Resource"><Container:Item Item:Semantic="GainMap" Item:Mime="image/jpeg" '
    'Item:Length="{length}"{extra}/></rdf:li>'
    "</rdf:Seq></Container:Directory></rdf:Description>"
)


def iso21496(tail: bytes = b"", *, full: bool = True) -> bytes:
    """An ISO 21496-1 APP2 block: the version (primary) or the version and one channel's metadata."""
    body = _ISO + struct.pack(">HH", 0, 0)
    if full:
        # flags (one channel, not base HDR), base and alternate headroom, then min/max/gamma/offsets.
        body += bytes([0]) + struct.pack(">IIII", 0, 1, 1, 1)
        body += struct.pack(">iIiIIIiIiI", 0, 1, 1, 1, 1, 1, 1, 64, 1, 64)
    return seg(0xE2, body + tail)


def mpf_pair(primary_segments: list[bytes], second: bytes, *, between: bytes = b"") -> bytes:
    """A primary JPEG carrying an MPF index (after its other segments) and `second` after it."""
    j = base_jpeg()

    def build(size: int, offset: int) -> bytes:
        return after_soi(j, *primary_segments, seg(0xE2, mpf_index([(size, 0), (len(second), offset)])))

    first = build(0, 0)
    offset = len(first) + len(between) - (first.index(b"MPF\0") + 4)
    primary = build(len(first), offset)
    assert len(primary) == len(first)
    return primary + between + second


def _jpegr(gainmap_segments: list[bytes], *, primary_extra: str = "", between: bytes = b"") -> bytes:
    gainmap = after_soi(_small_jpeg(), *gainmap_segments)
    primary_xmp = _xmp(
        _PRIMARY_JPEGR.replace("{length}", str(len(gainmap))).replace("{extra}", primary_extra)
    )
    return mpf_pair([primary_xmp, iso21496(full=False)], gainmap, between=between)


def _gainmap_xmp(extra: str = "") -> bytes:
    return _xmp(_HDRGM.replace("{extra}", extra))


_APPLE = (
    f'{_D0} xmlns:HDRGainMap="http://ns.apple.com/HDRGainMap/1.0/" '
    'xmlns:apdi="http://ns.apple.com/pixeldatainfo/1.0/" HDRGainMap:HDRGainMapVersion="65536" '
    'apdi:AuxiliaryImageType="urn:com:apple:photo:2020:aux:hdrgainmap" apdi:NativeFormat="1278226488" '
    'apdi:StoredFormat="1278226488"{extra}/>'
)


def _exif_owner() -> bytes:
    entries = [asc(0xA430, b"Owner " + EMAIL), asc(0xA431, b"SN20231105XYZ")]
    return exif_app1(tiff([asc(0x010F, b"Google")], exif_entries=entries))


def gainmap_found() -> Cases:
    return {
        "gainmap_xmp_creator_tool": (
            _jpegr([_gainmap_xmp(f' xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="{_E}"')]),
            EMAIL,
        ),
        "gainmap_xmp_dc_creator": (
            _jpegr(
                [
                    _gainmap_xmp(),
                    _xmp(
                        f'{_D0} xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq>'
                        f"<rdf:li>{_E}</rdf:li></rdf:Seq></dc:creator></rdf:Description>"
                    ),
                ]
            ),
            EMAIL,
        ),
        "gainmap_exif_owner": (_jpegr([_gainmap_xmp(), _exif_owner()]), EMAIL),
        "gainmap_com": (_jpegr([_gainmap_xmp(), seg(0xFE, b"shot by " + EMAIL)]), EMAIL),
        "gainmap_iso21496_tail": (_jpegr([iso21496(b"\0" + EMAIL)]), EMAIL),
        "primary_iso21496_tail": (
            mpf_pair([iso21496(b"owner " + EMAIL, full=False)], after_soi(_small_jpeg(), iso21496())),
            EMAIL,
        ),
        "jpegr_item_label": (_jpegr([_gainmap_xmp()], primary_extra=f' Item:Label="{_E}"'), EMAIL),
        "apple_gainmap_aux_extra": (
            mpf_pair([], after_soi(_small_jpeg(), _xmp(_APPLE.replace("{extra}", f' apdi:Owner="{_E}"')))),
            EMAIL,
        ),
    }


def gainmap_clean() -> dict[str, bytes]:
    return {
        "clean_jpegr": _jpegr([_gainmap_xmp()]),
        "clean_jpegr_iso": _jpegr([_gainmap_xmp(), iso21496()]),
        "clean_apple_gainmap": mpf_pair([], after_soi(_small_jpeg(), _xmp(_APPLE.replace("{extra}", "")))),
    }


# ---- motion photos ---------------------------------------------------------------------------------
def mp4_mdta(place: bytes = PLACE) -> bytes:
    """An MP4 whose place is in moov/meta as Apple writes it: hdlr 'mdta', keys, ilst item 1 with a data
    atom."""
    key = b"com.apple.quicktime.location.ISO6709"
    keys = box(b"keys", bytes(4) + struct.pack(">I", 1) + struct.pack(">I", 8 + len(key)) + b"mdta" + key)
    item = box(struct.pack(">I", 1), box(b"data", struct.pack(">II", 1, 0) + place))
    meta = box(b"meta", bytes(4) + box(b"hdlr", bytes(8) + b"mdta" + bytes(13)) + keys + box(b"ilst", item))
    moov = box(b"moov", box(b"mvhd", bytes(100)) + meta)
    return box(b"ftyp", b"qt  \0\0\0\0qt  ") + moov + box(b"mdat", bytes(64))


_MOTION = (
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


def motion_photo(video: bytes) -> bytes:
    """A Google motion photo: the primary with its container XMP, then `video` after its EOI."""
    return after_soi(base_jpeg(), _xmp(_MOTION.replace("{length}", str(len(video))))) + video


def motion_found() -> Cases:
    video = mp4_mdta()
    xmp = _xmp(_MOTION.replace("{length}", str(len(video))))
    return {
        "motion_mp4_mdta_place": (motion_photo(video), PLACE),
        "motion_mp4_between_pictures": (
            mpf_pair([xmp], after_soi(_small_jpeg(), _gainmap_xmp()), between=video),
            PLACE,
        ),
    }


# ---- Photoshop image resources ---------------------------------------------------------------------
def _pascal(text: bytes) -> bytes:
    body = bytes([len(text)]) + text
    return body + b"\0" * (len(body) & 1)


def _unicode(text: str) -> bytes:
    return struct.pack(">I", len(text)) + text.encode("utf-16-be")


def _slices(alt: str = "", message: str = "") -> bytes:
    """Resource 0x041A version 6: bounds, group name, one slice with its texts (name, URL, target, message,
    alt tag, cell text), alignment and colour."""
    body = struct.pack(">I", 6) + struct.pack(">iiii", 0, 0, 48, 64) + _unicode("mug")
    body += struct.pack(">I", 1)
    body += struct.pack(">III", 0, 0, 0) + _unicode("mug_01") + struct.pack(">I", 1)
    body += struct.pack(">iiii", 0, 0, 48, 64)
    body += _unicode("") + _unicode("") + _unicode(message) + _unicode(alt)
    body += b"\0" + _unicode("") + struct.pack(">II", 0, 0) + bytes(4)
    return body


def _version_info(writer: str) -> bytes:
    return (
        struct.pack(">I", 1)
        + b"\1"
        + _unicode(writer)
        + _unicode("Adobe Photoshop CC")
        + struct.pack(">I", 1)
    )


def app13(*resources: bytes) -> bytes:
    return after_soi(base_jpeg(), seg(0xED, b"Photoshop 3.0\0" + b"".join(resources)))


_RESOLUTION = b"\0H\0\0\0\x01\0\x01\0H\0\0\0\x01\0\x01"


def irb_found() -> Cases:
    exif_tiff = tiff([asc(0x013B, b"Artist " + EMAIL)])
    xmp = xmp_packet(
        f'{_D0} xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>{_E}</rdf:li>'
        "</rdf:Seq></dc:creator></rdf:Description>"
    )
    return {
        "irb_caption": (app13(irb(0x03F0, _pascal(b"mail " + EMAIL))), EMAIL),
        "irb_url": (app13(irb(0x040B, b"mailto:" + EMAIL)), EMAIL),
        "irb_slice_alt_tag": (app13(irb(0x041A, _slices(alt="ask " + _E))), _E.encode("utf-16-be")),
        "irb_slice_message": (
            app13(irb(0x041A, _slices(message="call " + PHONE.decode()))),
            PHONE.decode().encode("utf-16-be"),
        ),
        "irb_resource_name": (app13(irb(0x03ED, _RESOLUTION, name=EMAIL)), EMAIL),
        "irb_version_writer": (app13(irb(0x0421, _version_info(_E))), EMAIL.decode().encode("utf-16-be")),
        "irb_unicode_alpha_names": (app13(irb(0x0415, _unicode(_E))), EMAIL.decode().encode("utf-16-be")),
        "irb_autosave_path": (
            app13(irb(0x042E, _unicode(f"C:\\Users\\{_E}\\AppData\\Autosave.psb"))),
            EMAIL.decode().encode("utf-16-be"),
        ),
        "irb_plugin_resource": (app13(irb(0x0FA0, b"mani" + b"Owner: " + EMAIL)), EMAIL),
        "irb_exif_data": (app13(irb(0x0422, exif_tiff)), EMAIL),
        "irb_xmp": (app13(irb(0x0424, xmp)), EMAIL),
    }


def irb_clean() -> dict[str, bytes]:
    return {
        "clean_irb_resolution": app13(irb(0x03ED, _RESOLUTION)),
        "clean_irb_version": app13(irb(0x0421, _version_info("Adobe Photoshop"))),
        "clean_irb_slices": app13(irb(0x041A, _slices(alt="Blue mug"))),
    }


# ---- XMP history, ancestors, derivations ----------------------------------------------------------------
_MM = (
    'xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" '
    'xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#" '
    'xmlns:stRef="http://ns.adobe.com/xap/1.0/sType/ResourceRef#" '
    'xmlns:stMfs="http://ns.adobe.com/xap/1.0/sType/ManifestItem#"'
)


def _history(agent: str = "Adobe Photoshop 25.0 (Windows)", parameters: str = "converted from tiff") -> str:
    return (
        f"{_D0} {_MM}><xmpMM:History><rdf:Seq>"
        '<rdf:li stEvt:action="saved" stEvt:instanceID="xmp.iid:6f1c2d" '
        'stEvt:when="2024-03-01T10:00:00+01:00" '
        f'stEvt:softwareAgent="{agent}" stEvt:changed="/" stEvt:parameters="{parameters}"/>'
        "</rdf:Seq></xmpMM:History></rdf:Description>"
    )


def _ancestors(item: str) -> str:
    return (
        f'{_D0} xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"><photoshop:DocumentAncestors><rdf:Bag>'
        f"<rdf:li>{item}</rdf:li></rdf:Bag></photoshop:DocumentAncestors></rdf:Description>"
    )


def xmp_found() -> Cases:
    path = f"/Users/janeroe/Desktop/{_E}.psd"
    return {
        "xmp_ancestor": (after_soi(base_jpeg(), _xmp(_ancestors(f"adobe:docid:photoshop:{_E}"))), EMAIL),
        "xmp_history_agent": (
            after_soi(base_jpeg(), _xmp(_history(agent=f"Adobe Photoshop (C:\\Users\\{_E}\\ps.exe)"))),
            EMAIL,
        ),
        "xmp_history_parameters": (
            after_soi(base_jpeg(), _xmp(_history(parameters=f"saved to {path}"))),
            EMAIL,
        ),
        "xmp_derived_from_path": (
            after_soi(
                base_jpeg(),
                _xmp(
                    f'{_D0} {_MM}><xmpMM:DerivedFrom stRef:filePath="{path}" stRef:documentID="x"/>'
                    "</rdf:Description>"
                ),
            ),
            EMAIL,
        ),
        "xmp_ingredients_path": (
            after_soi(
                base_jpeg(),
                _xmp(
                    f"{_D0} {_MM}><xmpMM:Ingredients><rdf:Bag>"
                    f'<rdf:li stRef:filePath="{path}" stRef:documentID="x"/>'
                    "</rdf:Bag></xmpMM:Ingredients></rdf:Description>"
                ),
            ),
            EMAIL,
        ),
        "xmp_manifest_path": (
            after_soi(
                base_jpeg(),
                _xmp(
                    f'{_D0} {_MM}><xmpMM:Manifest><rdf:Bag><rdf:li rdf:parseType="Resource">'
                    "<stMfs:linkForm>EmbedByReference</stMfs:linkForm>"
                    f'<stMfs:reference stRef:filePath="{path}"/>'
                    "</rdf:li></rdf:Bag></xmpMM:Manifest></rdf:Description>"
                ),
            ),
            EMAIL,
        ),
        "xmp_text_layers": (
            after_soi(
                base_jpeg(),
                _xmp(
                    f'{_D0} xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"><photoshop:TextLayers><rdf:Seq>'
                    f'<rdf:li photoshop:LayerName="contact" photoshop:LayerText="{_E}"/>'
                    "</rdf:Seq></photoshop:TextLayers></rdf:Description>"
                ),
            ),
            EMAIL,
        ),
    }


def xmp_clean() -> dict[str, bytes]:
    return {
        "clean_history": after_soi(base_jpeg(), _xmp(_history())),
        "clean_ancestor": after_soi(
            base_jpeg(), _xmp(_ancestors("xmp.did:6f1c2d5e-1b2a-4c3d-9e8f-0a1b2c3d4e5f"))
        ),
    }


# ---- copyright notices in free text (found in real files: GIMP's icons, a MATE wallpaper) -----------------
_CRS_LOOK = (
    f'{_D0} xmlns:crs="http://ns.adobe.com/camera-raw-settings/1.0/"><crs:Look rdf:parseType="Resource">'
    "<crs:Name>Adobe Color</crs:Name><crs:Copyright>\u00a9 2018 Adobe Systems, Inc.</crs:Copyright>"
    "</crs:Look></rdf:Description>"
)


def notice_carriers(text: bytes) -> dict[str, bytes]:
    """`text` in each free-text field a writer puts a notice in."""
    description = text.decode()
    latin = text.isascii()  # tEXt is Latin-1: the needle's UTF-8 bytes would not be there
    ascii_only = {"png_comment": png_with(before_idat=[chunk(b"tEXt", b"Comment\0" + text)])} if latin else {}
    return ascii_only | {
        "png_itxt_description": png_with(before_idat=[itxt(b"Description", text)]),
        "jpeg_com": after_soi(base_jpeg(), seg(0xFE, text)),
        "exif_description": after_soi(base_jpeg(), exif_app1(tiff([asc(0x010E, text)]))),
        "xmp_dc_description": after_soi(
            base_jpeg(),
            _xmp(
                f'{_D0} xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt>'
                f'<rdf:li xml:lang="x-default">{description}</rdf:li></rdf:Alt></dc:description>'
                "</rdf:Description>"
            ),
        ),
        "iptc_caption": app13(irb(0x0404, b"\x1c\x02\x78" + struct.pack(">H", len(text)) + text)),
        "gainmap_com": mpf_pair([], after_soi(_small_jpeg(), seg(0xFE, text))),
    }


# Names the scanner does not know alone (as it did not know "Jakub Steiner" or "Ville P\u00e4tsi").
NOTICES = (
    "(c) 2006 Ilka Vorhees\n\nCreated with The GIMP",
    "(c) Ruut Kallas",
    "\u00a9 Ond\u0159ej V\u00e1vra",
    "Copyright (C) 2011 by Teemu L\u00e4hde",
    "Copyright 2019-2023 Ilka Vorhees",
    "Blue mug on oak. \u00a92020 Ruut Kallas",
)
NOT_NOTICES = (
    "Created with The GIMP",
    "Options: (a) Red (b) Blue (c) Green",
    "Copyright-free texture, 2019",
    "\u00a9 2020",
    "Caf\u00e9 cr\u00e8me mug",  # UTF-8 read as Latin-1 too: "CafÃ© crÃ¨me" holds a sign and a letter
)


def notice_found() -> Cases:
    return {
        f"notice_{where}_{index}": (image, text.encode())
        for index, text in enumerate(NOTICES)
        for where, image in notice_carriers(text.encode()).items()
    }


def notice_clean() -> dict[str, bytes]:
    out = {
        f"clean_notice_{where}_{index}": image
        for index, text in enumerate(NOT_NOTICES)
        for where, image in notice_carriers(text.encode()).items()
    }
    out["clean_icc_copyright"] = _icc_jpeg(
        _profile_with({b"cprt": _text(b"Copyright (c) 1998 Hewlett-Packard Company")})
    )
    out["clean_crs_look"] = after_soi(base_jpeg(), _xmp(_CRS_LOOK))
    hp = b"Copyright (c) 1998 Hewlett-Packard Company"
    out["clean_png_icc_copyright"] = png_with(before_idat=[chunk(b"tEXt", b"icc:copyright\0" + hp)])
    return out


def found() -> Cases:
    out: Cases = {}
    for group in (
        gainmap_found,
        motion_found,
        irb_found,
        xmp_found,
        icc_found,
        exif_found,
        iptc_ext_found,
        png_found,
        notice_found,
    ):
        out.update(group())
    return out


def clean() -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for group in (gainmap_clean, irb_clean, xmp_clean, icc_clean, iptc_ext_clean, png_clean, notice_clean):
        out.update(group())
    return out
