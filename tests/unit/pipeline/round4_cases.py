"""Cases of the fourth attacker round that main published (redimg), by class, with the builders that
make them. Data only; the tests are in `test_unseen_containers_round4`."""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable

from PIL import Image

from gate.imaging.jpeg import segment_bytes
from tests.unit.imaging.images import (
    chunk,
    jpeg_bytes,
    photoshop_resource,
    png_bytes,
    webp_bytes,
    with_app13,
    xmp_packet,
)
from tests.unit.pipeline.round4_held import xmp_app1
from tests.unit.pipeline.test_unseen_containers import (
    JPEG,
    after_soi,
    ascii_tag,
    canary,
    png_with,
    tiff,
)

# Published on main: the writer's text in the XMP wrapper (a namespace declaration, the xpacket
# instruction), which the parse reads past and the rewrite copied.
XMP_WRAPPER: dict[str, bytes] = {
    "xmp namespace declared, unused": xmp_app1(xmp_packet(attributes=f'xmlns:zz="urn:{canary("nsuri")}"')),
    "xmp namespace of a removed property": xmp_app1(
        xmp_packet(f'<zz:a xmlns:zz="http://x/{canary("nsuri2")}/">1</zz:a>')
    ),
    "xmp xpacket id": xmp_app1(xmp_packet().replace(b"W5M0MpCehiHzreSzNTczkc9d", canary("xpid").encode())),
    "xmp xpacket end attribute": xmp_app1(
        xmp_packet().replace(b'end="w"', f'end="w" x="{canary("xpend")}"'.encode())
    ),
    "xmp xpacket begin value": xmp_app1(
        xmp_packet().replace(b'begin="\xef\xbb\xbf"', f'begin="{canary("xpbeg")}"'.encode())
    ),
}


def _png_iccp(payload_of: Callable[[bytes, bytes], bytes]) -> bytes:
    """png_bytes() with its iCCP payload (name NUL method stream) replaced by payload_of(head, stream)."""
    data = png_bytes()
    at = data.index(b"iCCP") - 4
    (size,) = struct.unpack_from(">I", data, at)
    body = data[at + 8 : at + 8 + size]
    head = body[: body.index(b"\x00") + 2]
    return data[:at] + chunk(b"iCCP", payload_of(head, body[len(head) :])) + data[at + 12 + size :]


# Published on main: bytes after the end of a chunk's zlib stream (decoders stop at the stream's end).
ZLIB_TAIL: dict[str, bytes] = {
    "png zTXt bytes after the stream": png_with(
        chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"hi") + canary("ztxttail").encode())
    ),
    "png iTXt bytes after the stream": png_with(
        chunk(b"iTXt", b"Comment\x00\x01\x00\x00\x00" + zlib.compress(b"hi") + canary("itxttail").encode())
    ),
    "png XMP iTXt bytes after the stream": png_with(
        chunk(
            b"iTXt",
            b"XML:com.adobe.xmp\x00\x01\x00\x00\x00"
            + zlib.compress(xmp_packet())
            + canary("xmptail").encode(),
        )
    ),
    "png iCCP bytes after the stream": _png_iccp(
        lambda head, stream: head + stream + canary("iccptail").encode()
    ),
}


def _jpeg_icc_tail(extra: bytes) -> bytes:
    data = jpeg_bytes()
    at = data.index(b"ICC_PROFILE\x00")
    (size,) = struct.unpack_from(">H", data, at - 2)
    return data[: at - 4] + segment_bytes(0xE2, data[at : at - 2 + size] + extra) + data[at - 2 + size :]


def _webp_icc_tail(extra: bytes) -> bytes:
    data = webp_bytes()
    at = data.index(b"ICCP")
    (size,) = struct.unpack_from("<I", data, at + 4)
    payload = data[at + 8 : at + 8 + size] + extra
    body = data[:at] + b"ICCP" + struct.pack("<I", len(payload)) + payload + bytes(len(payload) & 1)
    body += data[at + 8 + size + (size & 1) :]
    return body[:4] + struct.pack("<I", len(body) - 8) + body[8:]


# Published on main: an ICC profile's bytes that no tag holds (past the size its header declares).
ICC_UNREFERENCED: dict[str, bytes] = {
    "jpeg ICC bytes past the profile": _jpeg_icc_tail(canary("icctail").encode()),
    "png iCCP bytes past the profile": _png_iccp(
        lambda head, stream: head + zlib.compress(zlib.decompress(stream) + canary("iccptail2").encode())
    ),
    "webp ICCP bytes past the profile": _webp_icc_tail(canary("webpicc").encode()),
}

IIM = b"\x1c\x02\x05\x00\x02hi"  # ObjectName "hi"
# Published on main: bytes after the last IIM dataset, and an IIM digest resource of any size and content.
IPTC_UNREAD: dict[str, tuple[bytes, str]] = {
    "iptc bytes after the datasets": (
        with_app13(JPEG, photoshop_resource(0x0404, IIM + canary("iimtail").encode())),
        "/iptc/tail",
    ),
    "iptc digest holding text": (
        with_app13(
            JPEG, photoshop_resource(0x0404, IIM), photoshop_resource(0x0425, canary("digest").encode())
        ),
        "/iptc/resource/1",
    ),
    "iptc digest alone holding text": (
        with_app13(JPEG, photoshop_resource(0x0425, canary("digestonly").encode())),
        "/iptc/resource/0",
    ),
    "iptc digest of 16 chosen bytes": (
        with_app13(
            JPEG, photoshop_resource(0x0404, IIM), photoshop_resource(0x0425, canary("d")[:16].encode())
        ),
        "/iptc/resource/1",
    ),
}


def animated_webp(mode: str = "RGB", **options: object) -> bytes:
    frames = [Image.new(mode, (16, 16), c) for c in ((255, 0, 0, 128), (0, 255, 0, 255))]
    buf = io.BytesIO()
    frames[0].save(buf, "WEBP", save_all=True, append_images=frames[1:], duration=100, **options)
    return buf.getvalue()


def _in_first_frame(data: bytes, extra: bytes) -> bytes:
    """`data` with `extra` appended to its first ANMF chunk (sizes of the frame and the RIFF adjusted)."""
    at = data.index(b"ANMF")
    (size,) = struct.unpack_from("<I", data, at + 4)
    payload = data[at + 8 : at + 8 + size] + extra
    body = data[:at] + b"ANMF" + struct.pack("<I", len(payload)) + payload + bytes(len(payload) & 1)
    body += data[at + 8 + size + (size & 1) :]
    return body[:4] + struct.pack("<I", len(body) - 8) + body[8:]


def _riff_chunk(fourcc: bytes, payload: bytes) -> bytes:
    return fourcc + struct.pack("<I", len(payload)) + payload + bytes(len(payload) & 1)


# Published on main: chunks inside an animation frame, after its bitstream (the format allows "unknown
# chunks" there; decoders skip them, and so did the gate's walk).
ANMF_INNER: dict[str, bytes] = {
    "webp unknown chunk inside a frame": _in_first_frame(
        animated_webp(lossless=True), _riff_chunk(b"ZZZZ", canary("anmf").encode())
    ),
    "webp EXIF chunk inside a frame": _in_first_frame(
        animated_webp(lossless=True), _riff_chunk(b"EXIF", tiff([ascii_tag(0x013B, canary("anmfexif"))]))
    ),
    "webp XMP chunk inside a lossy frame": _in_first_frame(
        animated_webp(quality=80),
        _riff_chunk(b"XMP ", xmp_packet(f"<dc:format>{canary('anmfxmp')}</dc:format>")),
    ),
    "webp second bitstream inside a frame": _in_first_frame(
        animated_webp(lossless=True), _riff_chunk(b"VP8L", canary("anmfvp8l").encode())
    ),
}

JFIF_HEAD = b"JFIF\x00\x01\x02\x00\x00\x01\x00\x01"


def jfif_segment(width: int, height: int, thumbnail: bytes, after: bytes = b"") -> bytes:
    return after_soi(0xE0, JFIF_HEAD + bytes([width, height]) + thumbnail + after)


# Published on main: the uncompressed RGB thumbnail a JFIF header may carry (3 bytes a pixel, any value).
JFIF_THUMBNAIL: dict[str, bytes] = {
    "jfif thumbnail 22x1": jfif_segment(22, 1, canary("jfift").encode() * 3),
    "jfif thumbnail 1x22 then AMPF": jfif_segment(
        1, 22, canary("jfifampf").encode().ljust(66, b"."), b"AMPF"
    ),
    "jfif thumbnail then bytes": jfif_segment(1, 1, b"\x10\x20\x30", canary("jfifrest").encode()),
}


def xmp_extension_named(guid: bytes, packet: bytes) -> bytes:
    return after_soi(
        0xE1, b"http://ns.adobe.com/xmp/extension/\x00" + guid + struct.pack(">II", len(packet), 0) + packet
    )


EXTENDED = xmp_packet("<dc:format>image/jpeg</dc:format>")
# Published on main: the 32 bytes that name an extended XMP packet, which XMP defines as its MD5.
XMP_GUID: dict[str, bytes] = {
    "xmp extension named by an address": xmp_extension_named(
        canary("guid").encode()[:32].ljust(32, b"x"), EXTENDED
    ),
    "xmp extension named by digits": xmp_extension_named(b"4915123456789" * 2 + b"000000", EXTENDED),
}


def _palette_png(*extra: bytes) -> bytes:
    buf = io.BytesIO()
    image = Image.new("P", (8, 8))
    image.putpalette(list(range(256)) * 3)
    image.save(buf, "PNG")
    data = buf.getvalue()
    at = data.index(b"IDAT") - 4
    return data[:at] + b"".join(extra) + data[at:]


# Published on main: a histogram chunk (hIST, 2 bytes per palette entry, up to 512) that no decoder reads.
HISTOGRAM = _palette_png(chunk(b"hIST", canary("hist").encode().ljust(512, b" ")))


def raw_profile(keyword: str, payload: bytes, name: str | None = None, length: int | None = None) -> bytes:
    """A PNG with ImageMagick's "Raw profile type <name>" text: a header, then the payload in hex."""
    hexed = payload.hex()
    lines = "\n".join(hexed[i : i + 72] for i in range(0, len(hexed), 72))
    text = (
        f"\n{keyword if name is None else name}\n{len(payload) if length is None else length:8d}\n{lines}\n"
    )
    return png_with(
        chunk(b"zTXt", f"Raw profile type {keyword}".encode() + b"\x00\x00" + zlib.compress(text.encode()))
    )


PLAIN_EXIF = b"Exif\x00\x00" + tiff([ascii_tag(0x0131, "Camera")])
# Published on main: raw profiles other than EXIF and XMP were skipped unread (IPTC, 8BIM, a name the
# writer chose), and so were the header lines of the ones read, and hex past the stated length.
RAW_PROFILES: dict[str, bytes] = {
    "raw profile iptc": raw_profile("iptc", b"\x1c\x02\x50\x00\x18" + canary("rawiptc").encode()),
    "raw profile 8bim": raw_profile(
        "8bim", b"8BIM\x04\x04\x00\x00\x00\x00\x00\x1d" + canary("raw8bim").encode()
    ),
    "raw profile of a chosen name": raw_profile(canary("rawname"), b"hello"),
    "raw profile APP1 that is no EXIF or XMP": raw_profile("APP1", canary("rawapp1").encode()),
    "raw profile exif with text in its header": raw_profile(
        "exif", PLAIN_EXIF, name=f"exif {canary('rawhead')}"
    ),
    "raw profile exif with hex past its length": raw_profile(
        "exif", PLAIN_EXIF + canary("rawpast").encode(), length=len(PLAIN_EXIF)
    ),
}


def png_text(keyword: bytes, text: bytes) -> bytes:
    return png_with(chunk(b"tEXt", keyword + b"\x00" + text))


# Published on main: PNG text under the two keywords taken to hold nothing personal was never scanned.
TRUSTED_KEYWORDS: dict[str, bytes] = {
    "png Software holding an address": png_text(b"Software", canary("software").encode()),
    "png Creation Time holding an address": png_text(b"Creation Time", canary("ctime").encode()),
    "png Software iTXt with a translated keyword": png_with(
        chunk(b"iTXt", b"Software\x00\x00\x00en\x00" + canary("softkw").encode() + b"\x00GIMP 2.10")
    ),
}


def ducky_segment(quality: bytes, tail: bytes = b"") -> bytes:
    body = b"Ducky" + struct.pack(">HH", 1, len(quality)) + quality + b"\x00\x00" + tail
    return after_soi(0xEC, body)


# Published on main: Photoshop's Ducky APP12 beyond what it holds (a quality longer than its 4 bytes,
# bytes after the tag that ends the list).
DUCKY: dict[str, tuple[bytes, str]] = {
    "ducky quality holding text": (
        ducky_segment(struct.pack(">I", 80) + canary("duckyq").encode()),
        "/jpeg/APP12/Ducky/1",
    ),
    "ducky bytes after the end": (
        ducky_segment(struct.pack(">I", 80), canary("duckytail").encode()),
        "/jpeg/APP12/Ducky/tail",
    ),
}


def xmp_itxt(language: bytes, translated: bytes) -> bytes:
    head = b"XML:com.adobe.xmp\x00\x00\x00" + language + b"\x00" + translated + b"\x00"
    return png_with(chunk(b"iTXt", head + xmp_packet()))


# Published on main: an XMP iTXt's language tag and translated keyword (other iTXt chunks had theirs read).
XMP_ITXT_LABELS: dict[str, bytes] = {
    "png XMP iTXt language tag": xmp_itxt(canary("xmplang").encode(), b""),
    "png XMP iTXt translated keyword": xmp_itxt(b"", canary("xmptkey").encode()),
}
