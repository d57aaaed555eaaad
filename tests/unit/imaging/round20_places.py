"""Twentieth image round: places no earlier round tried, written from the formats before reading the readers.

`found()` maps a name to (image, needle): the image holds the needle (an address or a phone number, in the
form the place keeps it), which must not be published. `clean()` maps a name to a neighbour holding none,
which must be approved (those in AI_MADE are declared synthetic: they carry a generator's parameters).
Places: "stealth pnginfo" (SD WebUI's extension, Forge, NovelAI: a generator's parameters in the pixels'
low bits, alpha or RGB, plain or gzip, interlaced, 16-bit, in an image shorter than the signature, in a
lossless WebP), XMP
xmpMM:History / Pantry / DerivedFrom, IPTC Extension structures (PersonInImage, ArtworkOrObject,
LocationShown), PNG zTXt/iTXt compressed at levels 0 and 9 and with a preset dictionary, EXIF of an MPF
secondary picture, WebP XMP behind a BOM or in UTF-16, JPEG APP segments of unusual numbers, and UTF-16
text with and without a BOM in a JPEG comment, EXIF ASCII and a PNG iTXt, and a thumbnail's own comment
(Photoshop's thumbnail resource, XMP's base64 xmp:Thumbnails).
"""

from __future__ import annotations

import base64
import gzip
import io
import random
import struct
import zlib

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
    png_with,
    rchunk,
    seg,
    tiff,
    und,
    webp_ext,
    xmp_packet,
)
from tests.unit.imaging.round17_places import _mpf
from tests.unit.imaging.round18_places import irb

_XMP_NS = b"http://ns.adobe.com/xap/1.0/\0"
_PROMPT = "portrait for jane.roe@example.com, call +44 7700 900123\nSteps: 20, Sampler: Euler, Seed: 1"
_CLEAN_PROMPT = "a red chair in a bright room\nSteps: 20, Sampler: Euler, Seed: 1"


# ---- stealth pnginfo -----------------------------------------------------------------------------
def stealth_png(
    text: str,
    *,
    mode: str = "alpha",
    compressed: bool = False,
    size: tuple[int, int] = (64, 160),
    interlace: bool = False,
    body: bytes | None = None,
    fmt: str = "PNG",
) -> bytes:
    """An image whose low bits hold `text` as SD WebUI's stealth-pnginfo writes it (column by column)."""
    sig = {("alpha", False): b"stealth_pnginfo", ("alpha", True): b"stealth_pngcomp"}.get(
        (mode, compressed)
    ) or (b"stealth_rgbcomp" if compressed else b"stealth_rgbinfo")
    payload = body if body is not None else (gzip.compress(text.encode()) if compressed else text.encode())
    bits = _bits(sig) + _bits((len(payload) * 8).to_bytes(4, "big")) + _bits(payload)
    width, height = size
    rnd = random.Random(11)
    image = Image.frombytes("RGBA", size, bytes(rnd.randrange(256) for _ in range(width * height * 4)))
    pixels = image.load()
    assert pixels is not None
    per_pixel = 1 if mode == "alpha" else 3
    for n in range(-(-len(bits) // per_pixel)):
        x, y = n // height, n % height
        r, g, b, a = pixels[x, y]  # type: ignore[misc]
        chunk_bits = bits[n * per_pixel : (n + 1) * per_pixel] + [0] * 3
        if mode == "alpha":
            a = (a & 0xFE) | chunk_bits[0]
        else:
            r, g, b = ((v & 0xFE) | bit for v, bit in zip((r, g, b), chunk_bits[:3], strict=True))
        pixels[x, y] = (r, g, b, a)
    if mode == "rgb" and fmt == "PNG":
        image = image.convert("RGB")
    out = io.BytesIO()
    if fmt == "PNG":
        if interlace:  # Pillow writes no Adam7
            return _adam7(image)
        image.save(out, "PNG")
    else:
        image.save(out, "WEBP", lossless=True)
    return out.getvalue()


def _bits(data: bytes) -> list[int]:
    return [(byte >> (7 - i)) & 1 for byte in data for i in range(8)]


def _adam7(image: Image.Image) -> bytes:
    """`image` as an interlaced PNG (filter 0 everywhere), built by hand: Pillow writes none."""
    width, height = image.size
    channels = len(image.getbands())
    raw = image.tobytes()
    passes = (
        (0, 0, 8, 8),
        (4, 0, 8, 8),
        (0, 4, 4, 8),
        (2, 0, 4, 4),
        (0, 2, 2, 4),
        (1, 0, 2, 2),
        (0, 1, 1, 2),
    )
    stream = bytearray()
    for x0, y0, dx, dy in passes:
        for y in range(y0, height, dy):
            xs = range(x0, width, dx)
            if not xs:
                continue
            stream.append(0)
            for x in xs:
                at = (y * width + x) * channels
                stream += raw[at : at + channels]
    colour = 6 if channels == 4 else 2
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([8, colour, 0, 0, 1])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(bytes(stream)))
        + chunk(b"IEND", b"")
    )


def _sixteen_bit(png: bytes) -> bytes:
    """`png` (8-bit RGB) as a 16-bit PNG whose high bytes are its samples: Pillow reads those back."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    width, height = image.size
    raw = image.tobytes()
    rows = b"".join(
        b"\0" + b"".join(bytes([v, 0x5A]) for v in raw[y * width * 3 : (y + 1) * width * 3])
        for y in range(height)
    )
    ihdr = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([16, 2, 0, 0, 0])
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _stealth_found() -> dict[str, tuple[bytes, bytes]]:
    needle = EMAIL  # as the writer put it (plain modes); compressed ones publish gzip bytes, so the check
    cases = {  # below is on the verdict: none of these may be approved with the text in it
        "stealth_alpha_plain": stealth_png(_PROMPT),
        "stealth_alpha_gzip": stealth_png(_PROMPT, compressed=True),
        "stealth_rgb_plain": stealth_png(_PROMPT, mode="rgb"),
        "stealth_rgb_gzip": stealth_png(_PROMPT, mode="rgb", compressed=True),
        "stealth_short_image": stealth_png(_PROMPT, size=(200, 40)),
        "stealth_interlaced": stealth_png(_PROMPT, interlace=True),
        "stealth_16bit_rgb": _sixteen_bit(stealth_png(_PROMPT, mode="rgb")),
        "stealth_broken_gzip": stealth_png(_PROMPT, compressed=True, body=b"\x1f\x8b\x08\x00" + EMAIL),
        "stealth_json_novelai": stealth_png(
            '{"Comment": "{\\"prompt\\": \\"jane.roe@example.com\\", \\"steps\\": 28}", "Software": "x"}'
        ),
    }
    return {name: (data, needle) for name, data in cases.items()}


def stealth_webp() -> bytes:
    """The same parameters in a lossless WebP's alpha low bits (readers that decode WebP read them)."""
    return stealth_png(_PROMPT, fmt="WEBP")


# ---- XMP history, pantry, derived-from and IPTC Extension structures -------------------------------
_D = '<rdf:Description rdf:about=""'
_NS = (
    ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"'
    ' xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"'
    ' xmlns:stRef="http://ns.adobe.com/xap/1.0/sType/ResourceRef#"'
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
    ' xmlns:exif="http://ns.adobe.com/exif/1.0/"'
    ' xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"'
)
_E = EMAIL.decode()


def _xmp_jpeg(inner: str) -> bytes:
    return after_soi(base_jpeg(), seg(0xE1, _XMP_NS + xmp_packet(f"{_D}{_NS}>{inner}</rdf:Description>")))


def _xmp_found() -> dict[str, tuple[bytes, bytes]]:
    history = (
        "<xmpMM:History><rdf:Seq><rdf:li rdf:parseType='Resource'><stEvt:action>saved</stEvt:action>"
        f"<stEvt:parameters>exported for {_E}</stEvt:parameters>"
        "<stEvt:softwareAgent>Adobe Photoshop 25.0</stEvt:softwareAgent></rdf:li></rdf:Seq></xmpMM:History>"
    )
    history_attr = (
        "<xmpMM:History><rdf:Seq><rdf:li stEvt:action='saved' "
        f"stEvt:softwareAgent='Exporter of {_E}'/></rdf:Seq></xmpMM:History>"
    )
    pantry = (
        "<xmpMM:Pantry><rdf:Bag><rdf:li><rdf:Description xmpMM:InstanceID='xmp.iid:1'>"
        f"<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>call {PHONE.decode()}</rdf:li></rdf:Alt>"
        "</dc:description></rdf:Description></rdf:li></rdf:Bag></xmpMM:Pantry>"
    )
    pantry_gps = (
        "<xmpMM:Pantry><rdf:Bag><rdf:li rdf:parseType='Resource'>"
        "<exif:GPSLatitude>48,51.498N</exif:GPSLatitude><exif:GPSLongitude>2,17.67E</exif:GPSLongitude>"
        "</rdf:li></rdf:Bag></xmpMM:Pantry>"
    )
    derived = f"<xmpMM:DerivedFrom stRef:filePath='/Users/jroe/Mail/{_E}/draft.psd' stRef:documentID='x'/>"
    derived_el = (
        "<xmpMM:DerivedFrom rdf:parseType='Resource'>"
        f"<stRef:lastURL>mailto:{_E}</stRef:lastURL></xmpMM:DerivedFrom>"
    )
    person = (
        f"<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>Maria Gonzalez {_E}</rdf:li></rdf:Bag>"
        "</Iptc4xmpExt:PersonInImage>"
    )
    person_details = (
        "<Iptc4xmpExt:PersonInImageWDetails><rdf:Bag><rdf:li rdf:parseType='Resource'>"
        f"<Iptc4xmpExt:PersonDescription>reach her at {_E}</Iptc4xmpExt:PersonDescription>"
        "</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImageWDetails>"
    )
    artwork = (
        "<Iptc4xmpExt:ArtworkOrObject><rdf:Bag><rdf:li rdf:parseType='Resource'>"
        f"<Iptc4xmpExt:AOCopyrightNotice>(c) {_E}</Iptc4xmpExt:AOCopyrightNotice>"
        "</rdf:li></rdf:Bag></Iptc4xmpExt:ArtworkOrObject>"
    )
    located = (
        "<Iptc4xmpExt:LocationShown><rdf:Bag><rdf:li rdf:parseType='Resource'>"
        "<exif:GPSLatitude>48,51.498N</exif:GPSLatitude><exif:GPSLongitude>2,17.67E</exif:GPSLongitude>"
        "</rdf:li></rdf:Bag></Iptc4xmpExt:LocationShown>"
    )
    cases = {
        "xmp_history_parameters": (history, EMAIL),
        "xmp_history_attribute": (history_attr, EMAIL),
        "xmp_pantry_description": (pantry, PHONE),
        "xmp_pantry_gps": (pantry_gps, b"48,51.498N"),
        "xmp_derived_from_path": (derived, EMAIL),
        "xmp_derived_from_url": (derived_el, EMAIL),
        "iptc_ext_person_in_image": (person, EMAIL),
        "iptc_ext_person_details": (person_details, EMAIL),
        "iptc_ext_artwork_notice": (artwork, EMAIL),
        "iptc_ext_location_shown": (located, b"48,51.498N"),
    }
    return {name: (_xmp_jpeg(inner), needle) for name, (inner, needle) in cases.items()}


# ---- PNG text compressed oddly, EXIF of an MPF picture, WebP XMP, APPn, UTF-16 ---------------------
def _z(text: bytes, level: int, zdict: bytes | None = None) -> bytes:
    c = zlib.compressobj(level, zdict=zdict) if zdict is not None else zlib.compressobj(level)
    return c.compress(text) + c.flush()


def _odd_streams() -> dict[str, tuple[bytes, bytes]]:
    text = b"Contact: " + EMAIL
    dictionary = b"Contact: jane.roe@example.com"
    stored, best, preset = _z(text, 0), _z(text, 9), _z(text, 9, dictionary)
    return {  # the needle of a compressed stream is the stream: no byte of it spells the address
        "ztxt_level0_stored": (png_with(before_idat=[chunk(b"zTXt", b"Comment\0\0" + stored)]), EMAIL),
        "itxt_level9": (png_with(before_idat=[chunk(b"iTXt", b"Comment\0\1\0\0\0" + best)]), best),
        "ztxt_preset_dictionary": (png_with(before_idat=[chunk(b"zTXt", b"Comment\0\0" + preset)]), preset),
    }


def _mpf_exif() -> dict[str, tuple[bytes, bytes]]:
    j = base_jpeg()
    comment = und(0x9286, b"ASCII\0\0\0" + EMAIL)
    gps = exif_app1(tiff([asc(0x010F, b"Phone")], gps=True))
    return {
        "mpf_second_exif_comment": (_mpf(after_soi(j, exif_app1(tiff([], exif_entries=[comment])))), EMAIL),
        "mpf_second_exif_gps": (_mpf(after_soi(j, gps)), gps_bytes()),
        "mpf_second_exif_artist": (_mpf(after_soi(j, exif_app1(tiff([asc(0x013B, EMAIL)])))), EMAIL),
    }


def _webp_xmp() -> dict[str, tuple[bytes, bytes]]:
    desc = (
        f'{_D} xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description><rdf:Alt>'
        f"<rdf:li xml:lang='x-default'>{_E}</rdf:li></rdf:Alt></dc:description></rdf:Description>"
    )
    packet = xmp_packet(desc)
    utf16 = packet.decode().replace('encoding="UTF-8"', "").encode("utf-16")
    return {
        "webp_xmp_utf8_bom": (
            webp_ext([b"BITS", rchunk(b"XMP ", b"\xef\xbb\xbf" + packet)], flags_xmp=True),
            EMAIL,
        ),
        "webp_xmp_utf16": (
            webp_ext([b"BITS", rchunk(b"XMP ", utf16)], flags_xmp=True),
            EMAIL.decode().encode("utf-16-le"),
        ),
    }


def _appn() -> dict[str, tuple[bytes, bytes]]:
    j = base_jpeg()
    return {
        f"jpeg_app{n}_text": (after_soi(j, seg(0xE0 + n, b"Notes\0" + EMAIL)), EMAIL)
        for n in (4, 5, 9, 10, 15)
    }


def _utf16() -> dict[str, tuple[bytes, bytes]]:
    j = base_jpeg()
    text = "write to " + _E
    le, be = text.encode("utf-16-le"), text.encode("utf-16-be")
    return {
        "com_utf16le_no_bom": (after_soi(j, seg(0xFE, le)), le[18:]),
        "com_utf16be_bom": (after_soi(j, seg(0xFE, b"\xfe\xff" + be)), be[18:]),
        "exif_description_utf16le": (after_soi(j, exif_app1(tiff([asc(0x010E, le)]))), le[18:]),
        "exif_user_comment_unicode_no_bom_be": (
            after_soi(j, exif_app1(tiff([], exif_entries=[und(0x9286, b"UNICODE\0" + be)]))),
            be[18:],
        ),
        "png_itxt_utf16_bytes": (
            png_with(before_idat=[chunk(b"iTXt", b"Comment\0\0\0\0\0" + b"\xff\xfe" + le)]),
            le[18:],
        ),
        "png_text_utf16": (png_with(before_idat=[chunk(b"tEXt", b"Comment\0" + le)]), le[18:]),
    }


def _thumbnails() -> dict[str, tuple[bytes, bytes]]:
    """A thumbnail's own metadata: Photoshop's thumbnail resource (0x040C) and XMP's base64 xmp:Thumbnails,
    each a JPEG with a comment of its own."""
    small = io.BytesIO()
    Image.new("RGB", (16, 12), (200, 40, 40)).save(small, "JPEG")
    thumb = after_soi(small.getvalue(), seg(0xFE, b"shot for " + EMAIL))
    header = struct.pack(">IIIIIIHH", 1, 16, 12, 48, 48 * 12, len(thumb), 24, 1)
    xmp = (
        f'{_D} xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpGImg="http://ns.adobe.com/xap/1.0/g/img/">'
        "<xmp:Thumbnails><rdf:Alt><rdf:li rdf:parseType='Resource'><xmpGImg:format>JPEG</xmpGImg:format>"
        f"<xmpGImg:image>{base64.b64encode(thumb).decode()}</xmpGImg:image></rdf:li></rdf:Alt>"
        "</xmp:Thumbnails></rdf:Description>"
    )
    return {
        "photoshop_thumbnail_comment": (
            after_soi(base_jpeg(), seg(0xED, b"Photoshop 3.0\0" + irb(0x040C, header + thumb))),
            EMAIL,
        ),
        "xmp_thumbnail_comment": (
            after_soi(base_jpeg(), seg(0xE1, _XMP_NS + xmp_packet(xmp))),
            base64.b64encode(thumb)[:40],
        ),
    }


def found() -> dict[str, tuple[bytes, bytes]]:
    """Every canary case: name -> (image, needle)."""
    return {
        **_stealth_found(),
        **_xmp_found(),
        **_odd_streams(),
        **_mpf_exif(),
        **_webp_xmp(),
        **_appn(),
        **_utf16(),
        **_thumbnails(),
    }


AI_MADE = frozenset({"stealth_clean_alpha", "stealth_clean_rgb_gzip", "stealth_clean_interlaced"})


def clean() -> dict[str, bytes]:
    """Neighbours without personal data: approved (AI_MADE ones once declared synthetic)."""
    rnd = random.Random(5)
    noisy = Image.frombytes("RGBA", (64, 160), bytes(rnd.randrange(256) for _ in range(64 * 160 * 4)))
    plain = io.BytesIO()
    noisy.save(plain, "PNG")
    return {
        "stealth_clean_alpha": stealth_png(_CLEAN_PROMPT),
        "stealth_clean_rgb_gzip": stealth_png(_CLEAN_PROMPT, mode="rgb", compressed=True),
        "stealth_clean_interlaced": stealth_png(_CLEAN_PROMPT, interlace=True),
        "noisy_alpha_png": plain.getvalue(),
        "near_signature_png": _near_signature(),
        "xmp_history_clean": _xmp_jpeg(
            "<xmpMM:History><rdf:Seq><rdf:li stEvt:action='saved' stEvt:softwareAgent='Adobe Photoshop 25.0'"
            " stEvt:changed='/'/></rdf:Seq></xmpMM:History>"
        ),
        "ztxt_level0_clean": png_with(before_idat=[chunk(b"zTXt", b"Comment\0\0" + _z(b"a red chair", 0))]),
        "com_utf16le_clean": after_soi(base_jpeg(), seg(0xFE, "a red chair".encode("utf-16-le"))),
        "webp_xmp_bom_clean": webp_ext(
            [b"BITS", rchunk(b"XMP ", b"\xef\xbb\xbf" + xmp_packet(f"{_D}></rdf:Description>"))],
            flags_xmp=True,
        ),
        "plain_lossless_webp": base_webp(lossless=True),
    }


def _near_signature() -> bytes:
    """Low bits that spell "stealth_pnginfx": read by no reader, so nothing hidden."""
    data = stealth_png(_CLEAN_PROMPT)
    image = Image.open(io.BytesIO(data)).convert("RGBA")
    pixels = image.load()
    assert pixels is not None
    # the 15th byte's last bit sits at pixel 119 of column 0: flip it ("o" 0x6f -> "n" 0x6e)
    r, g, b, a = pixels[0, 119]  # type: ignore[misc]
    pixels[0, 119] = (r, g, b, a ^ 1)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
