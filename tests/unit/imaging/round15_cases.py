"""Fifteenth image round: builders of its hostile canaries (`round15_places`), written from the formats.

A case is a small image holding a canary: the address EMAIL as text, the GPS rationals of GPS_LAT, or a
drone's serial (SERIALS). A case leaks when the gate approves it and the bytes it publishes still hold a
canary (as ASCII, UTF-16 or hex). Places: maker notes of 16 makers, XMP in compressed iTXt / zTXt / tEXt,
eXIf chunks in odd orders and twice, WebP EXIF/XMP/ICCP out of order and doubled, GIF comment and XMP
extensions, TIFF GPS pointing into pixels, APPn segments named by other vendors, drones' XMP (DJI,
Parrot, Skydio), MPF pictures with their own EXIF/XMP/COM, ISOBMFF brands, and numbers a writer chooses
freely (EXIF TransferFunction/ReferenceBlackWhite/..., ICC chrm).
"""

from __future__ import annotations

import io
import random
import struct
import zlib

from PIL import Image, ImageCms

EMAIL = b"jane.roe@example.com"
PHONE = b"+44 7700 900123"


def _noise(w: int = 64, h: int = 48) -> Image.Image:
    r = random.Random(7)
    return Image.frombytes("RGB", (w, h), bytes(r.randrange(256) for _ in range(w * h * 3)))


def base_jpeg() -> bytes:
    b = io.BytesIO()
    _noise().save(b, "JPEG", quality=85)
    return b.getvalue()


def base_png() -> bytes:
    b = io.BytesIO()
    _noise().save(b, "PNG")
    return b.getvalue()


def base_webp(lossless=False) -> bytes:
    b = io.BytesIO()
    _noise().save(b, "WEBP", quality=80, lossless=lossless)
    return b.getvalue()


def seg(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def after_soi(jpeg: bytes, *segs: bytes) -> bytes:
    # after SOI and APP0 JFIF if present
    i = 2
    if jpeg[2:4] == b"\xff\xe0":
        i = 4 + struct.unpack(">H", jpeg[4:6])[0]
    return jpeg[:i] + b"".join(segs) + jpeg[i:]


# ---- TIFF/EXIF builder --------------------------------------------------------------------------
TYPES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8}


def ifd_bytes(entries, start, endian="<", next_ifd=0):
    """entries: list of (tag, type, count, payload bytes). Returns bytes of IFD + its data at `start`."""
    n = len(entries)
    data_off = start + 2 + 12 * n + 4
    head = struct.pack(endian + "H", n)
    data = b""
    for tag, typ, count, payload in sorted(entries):
        if len(payload) <= 4:
            head += struct.pack(endian + "HHI", tag, typ, count) + payload.ljust(4, b"\0")
        else:
            head += struct.pack(endian + "HHI", tag, typ, count) + struct.pack(
                endian + "I", data_off + len(data)
            )
            data += payload + (b"\0" if len(payload) % 2 else b"")
    head += struct.pack(endian + "I", next_ifd)
    return head + data


def asc(tag, s: bytes):
    return (tag, 2, len(s) + 1, s + b"\0")


def und(tag, s: bytes):
    return (tag, 7, len(s), s)


def rat3(endian, vals):
    return b"".join(struct.pack(endian + "II", a, b) for a, b in vals)


GPS_LAT = [(48, 1), (51, 1), (2988, 100)]
GPS_LON = [(2, 1), (17, 1), (4020, 100)]


def gps_bytes(endian="<"):
    return rat3(endian, GPS_LAT)


def gps_ifd_entries(endian="<"):
    return [
        (1, 2, 2, b"N\0"),
        (2, 5, 3, rat3(endian, GPS_LAT)),
        (3, 2, 2, b"E\0"),
        (4, 5, 3, rat3(endian, GPS_LON)),
    ]


def tiff(ifd0_entries, endian="<", exif_entries=None, gps=False, extra=None):
    """Build TIFF: IFD0 at 8, then Exif IFD, GPS IFD. extra: callable(off)->(bytes) appended after."""
    hdr = (b"II*\0" if endian == "<" else b"MM\0*") + struct.pack(endian + "I", 8)
    # two passes to compute offsets
    e0 = list(ifd0_entries)
    ptr_entries = []
    if exif_entries is not None:
        ptr_entries.append(0x8769)
    if gps:
        ptr_entries.append(0x8825)
    for p in ptr_entries:
        e0.append((p, 4, 1, struct.pack(endian + "I", 0)))
    ifd0 = ifd_bytes(e0, 8, endian)
    off = 8 + len(ifd0)
    blobs = []
    offsets = {}
    if exif_entries is not None:
        offsets[0x8769] = off
        b = ifd_bytes(exif_entries, off, endian)
        blobs.append(b)
        off += len(b)
    if gps:
        offsets[0x8825] = off
        b = ifd_bytes(gps_ifd_entries(endian), off, endian)
        blobs.append(b)
        off += len(b)
    e0 = [e for e in e0 if e[0] not in offsets] + [
        (t, 4, 1, struct.pack(endian + "I", o)) for t, o in offsets.items()
    ]
    ifd0 = ifd_bytes(e0, 8, endian)
    out = hdr + ifd0 + b"".join(blobs)
    if extra:
        out += extra(len(out))
    return out


def exif_app1(t: bytes) -> bytes:
    return seg(0xE1, b"Exif\0\0" + t)


def xmp_packet(body: str) -> bytes:
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        + body
        + '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


XMP_DESC_EMAIL = (
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    '<dc:description><rdf:Alt><rdf:li xml:lang="x-default">mail jane.roe@example.com</rdf:li></rdf:Alt>'
    "</dc:description>"
    "</rdf:Description>"
)
XMP_GPS = (
    '<rdf:Description rdf:about="" xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    'exif:GPSLatitude="48,51.498N" exif:GPSLongitude="2,17.67E"/>'
)
XMP_DJI = (
    '<rdf:Description rdf:about="" xmlns:drone-dji="http://www.dji.com/drone-dji/1.0/" '
    'drone-dji:GpsLatitude="+48.858300" drone-dji:GpsLongitude="+2.294500" '
    'drone-dji:AbsoluteAltitude="+35.5"/>'
)
XMP_DJI2 = (
    '<rdf:Description rdf:about="" xmlns:drone="http://www.dji.com/drone-dji/1.0/" '
    'drone:GpsLatitude="48.858300" drone:GpsLongtitude="2.294500" drone:RtkStdLon="0.01" '
    'drone:DroneSerialNumber="1SD23ABC456789"/>'
)
XMP_PARROT = (
    '<rdf:Description rdf:about="" xmlns:Camera="http://pix4d.com/camera/1.0/" '
    'xmlns:drone-parrot="http://www.parrot.com/drone-parrot/1.0/" '
    'drone-parrot:SerialNumber="PI040416AA8H123456" Camera:GPSXYAccuracy="1.2" '
    'drone-parrot:TakeoffLatitude="48.858300" drone-parrot:TakeoffLongitude="2.294500"/>'
)
XMP_SKYDIO = (
    '<rdf:Description rdf:about="" xmlns:skydio="https://www.skydio.com/drone-skydio/1.0/" '
    'skydio:CameraSerial="SKY123456789012" skydio:Latitude="48.858300" skydio:Longitude="2.294500"/>'
)


# ---- PNG ----------------------------------------------------------------------------------------
def chunk(typ: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + typ + data + struct.pack(">I", zlib.crc32(typ + data) & 0xFFFFFFFF)


def png_split(png: bytes):
    out = []
    i = 8
    while i < len(png):
        n = struct.unpack(">I", png[i : i + 4])[0]
        out.append(png[i : i + 12 + n])
        i += 12 + n
    return out


def png_with(before_idat=(), after_ihdr=(), after_idat=(), before_iend=()):
    cs = png_split(base_png())
    ihdr, rest = cs[0], cs[1:]
    idats = [c for c in rest if c[4:8] == b"IDAT"]
    iend = rest[-1]
    return (
        b"\x89PNG\r\n\x1a\n"
        + ihdr
        + b"".join(after_ihdr)
        + b"".join(before_idat)
        + b"".join(idats)
        + b"".join(after_idat)
        + b"".join(before_iend)
        + iend
    )


def itxt(keyword: bytes, text: bytes, compressed=False, lang=b"", tkey=b"") -> bytes:
    body = zlib.compress(text) if compressed else text
    return chunk(
        b"iTXt", keyword + b"\0" + bytes([1 if compressed else 0, 0]) + lang + b"\0" + tkey + b"\0" + body
    )


def ztxt(keyword: bytes, text: bytes) -> bytes:
    return chunk(b"zTXt", keyword + b"\0\0" + zlib.compress(text))


# ---- WebP ---------------------------------------------------------------------------------------
def riff_chunks(webp: bytes):
    out = []
    i = 12
    while i < len(webp):
        n = struct.unpack("<I", webp[i + 4 : i + 8])[0]
        out.append(webp[i : i + 8 + n + (n & 1)])
        i += 8 + n + (n & 1)
    return out


def rchunk(fourcc: bytes, data: bytes) -> bytes:
    return fourcc + struct.pack("<I", len(data)) + data + (b"\0" if len(data) & 1 else b"")


def webp_ext(chunks, flags_icc=False, flags_exif=False, flags_xmp=False, alpha=False):
    """Build an extended WebP: VP8X + chunks (in given order; bitstream chunk named b'BITS' is replaced)."""
    simple = riff_chunks(base_webp())
    bits = simple[0]
    w, h = 64, 48
    f = (
        (0x20 if flags_icc else 0)
        | (0x08 if flags_exif else 0)
        | (0x04 if flags_xmp else 0)
        | (0x10 if alpha else 0)
    )
    vp8x = rchunk(
        b"VP8X", bytes([f, 0, 0, 0]) + (w - 1).to_bytes(3, "little") + (h - 1).to_bytes(3, "little")
    )
    body = b"WEBP" + vp8x + b"".join(bits if c == b"BITS" else c for c in chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def icc_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
