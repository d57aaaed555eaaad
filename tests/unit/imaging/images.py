"""Image builders: made on the fly with Pillow, plus hand-made chunks for inputs Pillow will not write."""

from __future__ import annotations

import functools
import io
import struct
import zlib

from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

IPTC_EXT = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
A1111 = (
    "a red sneaker on white, studio light\nNegative prompt: blurry\n"
    "Steps: 20, Sampler: Euler a, CFG scale: 7, Seed: 42, Size: 512x512, Model: sdxl"
)
COMFY_PROMPT = '{"3": {"class_type": "KSampler", "inputs": {"seed": 42, "text": "email jane@example.com"}}}'


def pixels(mode: str = "RGB", size: tuple[int, int] = (64, 48)) -> Image.Image:
    """A small image with structure, so a re-encode would change bytes."""
    image = Image.new(mode, size)
    image.putdata(
        [((x * 7) % 256, (y * 5) % 256, (x * y) % 256) for y in range(size[1]) for x in range(size[0])]
    )
    return image


def camera_exif() -> Image.Exif:
    """EXIF as a phone would write it: GPS, serials, owner, free text, orientation."""
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: must survive stripping
    exif[0x013B] = "Jane Doe"  # Artist
    exif[0x010E] = "Shot at home"  # ImageDescription
    exif[0x0131] = "Adobe Firefly Image 3"  # Software
    sub = exif.get_ifd(0x8769)
    sub[0xA431] = "BODY-SN-998877"
    sub[0xA435] = "LENS-SN-112233"
    sub[0x9286] = b"ASCII\x00\x00\x00call +44 20 7946 0958"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (51.0, 30.0, 12.5), "W", (0.0, 7.0, 39.0)
    return exif


def xmp_packet(*properties: str, attributes: str = "") -> bytes:
    """An XMP packet whose rdf:Description holds `properties` (XML snippets) and `attributes`."""
    body = "".join(properties)
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        f'<rdf:Description rdf:about="" xmlns:Iptc4xmpExt="{IPTC_EXT}" xmlns:dc="http://purl.org/dc/elements/1.1/"'
        ' xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:aux="http://ns.adobe.com/exif/1.0/aux/"'
        ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:tiff="http://ns.adobe.com/tiff/1.0/"'
        f" {attributes}>{body}</rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode()


AI_XMP = xmp_packet(
    "<Iptc4xmpExt:AIPromptInformation>red sneaker, call 555-0100</Iptc4xmpExt:AIPromptInformation>",
    "<Iptc4xmpExt:AIPromptWriterName>John Smith</Iptc4xmpExt:AIPromptWriterName>",
    f'<Iptc4xmpExt:DigitalSourceType rdf:resource="{TRAINED}"/>',
    "<dc:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li></rdf:Seq></dc:creator>",
    '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Sneaker</rdf:li></rdf:Alt></dc:title>',
    "<aux:SerialNumber>XMP-SN-1</aux:SerialNumber>",
    "<photoshop:City>Leeds</photoshop:City>",
    attributes='exif:GPSLatitude="51,30.2N" exif:GPSLongitude="0,7.6W" tiff:Orientation="1"',
)


@functools.cache
def icc_profile() -> bytes:
    """An sRGB profile; cached because lcms stamps the creation time into it."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def jpeg_bytes(
    *, exif: Image.Exif | None = None, comment: bytes = b"", xmp: bytes = b"", icc: bool = True
) -> bytes:
    buf = io.BytesIO()
    kwargs: dict[str, object] = {"quality": 90}
    if exif is not None:
        kwargs["exif"] = exif.tobytes()  # an Exif holding only sub-IFDs is falsy to Pillow
    if comment:
        kwargs["comment"] = comment
    if xmp:
        kwargs["xmp"] = xmp
    if icc:
        kwargs["icc_profile"] = icc_profile()
    pixels().save(buf, "JPEG", **kwargs)
    return buf.getvalue()


def png_bytes(
    info: PngInfo | None = None, *, exif: Image.Exif | None = None, size: tuple[int, int] = (64, 48)
) -> bytes:
    buf = io.BytesIO()
    kwargs: dict[str, object] = {"icc_profile": icc_profile()}
    if info is not None:
        kwargs["pnginfo"] = info
    if exif is not None:
        kwargs["exif"] = exif.tobytes()  # an Exif holding only sub-IFDs is falsy to Pillow
    pixels(size=size).save(buf, "PNG", **kwargs)
    return buf.getvalue()


def ai_png_info() -> PngInfo:
    """Text chunks as A1111 and ComfyUI write them, plus XMP, zTXt and an Author."""
    info = PngInfo()
    info.add_text("parameters", A1111)
    info.add_text("prompt", COMFY_PROMPT)
    info.add_text("workflow", '{"nodes": [{"id": 3, "widgets_values": ["a prompt"]}]}', zip=True)
    info.add_text("Author", "Jane Doe")
    info.add_text("Software", "ComfyUI")
    info.add_itxt("XML:com.adobe.xmp", AI_XMP.decode())
    return info


def chunk(ctype: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + ctype + payload + struct.pack(">I", zlib.crc32(ctype + payload))


def handmade_png(width: int, height: int, *extra: bytes, after_idat: bytes = b"") -> bytes:
    """A PNG whose IHDR says anything we like; IDAT holds one compressed row, never inflated by probe."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = chunk(b"IDAT", zlib.compress(b"\x00" * 4))
    head = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
    return head + b"".join(extra) + idat + after_idat + chunk(b"IEND", b"")


def webp_bytes(*, exif: Image.Exif | None = None, xmp: bytes = b"") -> bytes:
    buf = io.BytesIO()
    kwargs: dict[str, object] = {"lossless": True, "icc_profile": icc_profile()}
    if exif is not None:
        kwargs["exif"] = exif.tobytes()  # an Exif holding only sub-IFDs is falsy to Pillow
    if xmp:
        kwargs["xmp"] = xmp
    pixels().save(buf, "WEBP", **kwargs)
    return buf.getvalue()


def decoded(data: bytes) -> bytes:
    """Full pixel decode, for losslessness checks only."""
    with Image.open(io.BytesIO(data)) as image:
        return image.tobytes()


def with_app13_iptc(jpeg: bytes, datasets: dict[int, bytes]) -> bytes:
    """`jpeg` with a Photoshop APP13 segment holding IPTC-IIM record-2 datasets and a stale digest."""
    iim = b"".join(
        b"\x1c\x02" + bytes([number]) + struct.pack(">H", len(v)) + v for number, v in datasets.items()
    )
    return with_app13(
        jpeg,
        photoshop_resource(0x0404, iim),
        photoshop_resource(0x0425, b"\x11" * 16),  # the IIM digest
        photoshop_resource(0x03ED, b"\x00\x48\x00\x00\x00\x01\x00\x01" * 2),  # resolution
    )


def photoshop_resource(ident: int, data: bytes) -> bytes:
    """One Photoshop image resource block ("8BIM", id, empty name, size, data padded to even)."""
    return b"8BIM" + struct.pack(">HHI", ident, 0, len(data)) + data + b"\x00" * (len(data) & 1)


def with_app13(jpeg: bytes, *resources: bytes) -> bytes:
    """`jpeg` with a Photoshop APP13 segment holding `resources` (see `photoshop_resource`)."""
    payload = b"Photoshop 3.0\x00" + b"".join(resources)
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def _entry(tag: int, typ: int, count: int, value: bytes | int) -> bytes:
    raw = struct.pack("<I", value) if isinstance(value, int) else value.ljust(4, b"\x00")
    return struct.pack("<HHI", tag, typ, count) + raw


def tiff_with_gps_pointers(count: int) -> bytes:
    """A little-endian TIFF stream whose IFD0 holds `count` GPS pointers, each to its own GPS table."""
    gps_base = 8 + 2 + 12 * count + 4
    table = 2 + 12 + 4
    ifd0 = struct.pack("<H", count) + b"".join(
        _entry(0x8825, 4, 1, gps_base + i * table) for i in range(count)
    )
    gps = struct.pack("<H", 1) + _entry(1, 2, 2, b"N\x00") + struct.pack("<I", 0)  # GPSLatitudeRef
    return b"II*\x00" + struct.pack("<I", 8) + ifd0 + struct.pack("<I", 0) + gps * count


def tiff_with_thumbnail_ifd_tags(gps_pointer: int | None = None) -> bytes:
    """A TIFF stream with IFD0 holding Orientation 6 only, whose next IFD (IFD1, the thumbnail's) holds
    Artist and a GPS pointer: readers such as ExifTool show both. `gps_pointer` aims that pointer
    elsewhere than at the GPS table that follows (8 is IFD0's own table)."""
    artist = b"Jane Doe\x00"
    ifd0_at, ifd1_at = 8, 8 + 2 + 12 + 4
    gps_at = ifd1_at + 2 + 24 + 4
    artist_at = gps_at + 2 + 12 + 4
    ifd0 = struct.pack("<H", 1) + _entry(0x0112, 3, 1, b"\x06\x00") + struct.pack("<I", ifd1_at)
    ifd1 = (
        struct.pack("<H", 2)
        + _entry(0x013B, 2, len(artist), artist_at)
        + _entry(0x8825, 4, 1, gps_at if gps_pointer is None else gps_pointer)
        + struct.pack("<I", 0)
    )
    gps = struct.pack("<H", 1) + _entry(1, 2, 2, b"N\x00") + struct.pack("<I", 0)
    return b"II*\x00" + struct.pack("<I", ifd0_at) + ifd0 + ifd1 + gps + artist


def tiff_with_overlapping_gps_tables(count: int) -> bytes:
    """IFD0 with `count` GPS pointers to successive offsets of one run of 0x01 bytes, each of which reads
    as a table of 257 entries: tables laid over each other, which no writer produces."""
    head = 8 + 2 + 12 * count + 4
    ifd0 = struct.pack("<H", count) + b"".join(_entry(0x8825, 4, 1, head + i) for i in range(count))
    return b"II*\x00" + struct.pack("<I", 8) + ifd0 + struct.pack("<I", 0) + b"\x01" * (257 * 12 + 6 + count)


def tiff_with_values(
    ifd0: list[tuple[int, int, bytes]], exif_ifd: list[tuple[int, int, bytes]] | None = None
) -> bytes:
    """A little-endian TIFF stream with IFD0 (and an Exif IFD when `exif_ifd` is given) holding the
    (tag, type, raw value) entries as written: UTF-8 in an ASCII field, text after a NUL, any bytes."""
    tables = [list(ifd0), list(exif_ifd or [])]
    if exif_ifd:
        tables[0].append((0x8769, 4, b"\x00\x00\x00\x00"))  # patched below
    sizes = [2 + 12 * len(table) + 4 for table in tables if table]
    values_at = 8 + sum(sizes)
    out_tables: list[bytes] = []
    values = b""
    exif_at = 8 + sizes[0]
    for table in (t for t in tables if t):
        body = struct.pack("<H", len(table))
        for tag, typ, given in sorted(table):
            raw = struct.pack("<I", exif_at) if tag == 0x8769 else given
            count = len(raw) // {3: 2, 4: 4, 5: 8}.get(typ, 1)
            if len(raw) <= 4:
                body += _entry(tag, typ, count, raw)
            else:
                body += _entry(tag, typ, count, values_at + len(values))
                values += raw + b"\x00" * (len(raw) & 1)
        out_tables.append(body + struct.pack("<I", 0))
    return b"II*\x00" + struct.pack("<I", 8) + b"".join(out_tables) + values


def with_exif_block(data: bytes, tiff: bytes) -> bytes:
    """A JPEG (`data`) with `tiff` as its APP1 EXIF segment, right after SOI."""
    payload = b"Exif\x00\x00" + tiff
    return data[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + data[2:]
