"""Media-type sniffing from magic bytes: the only thing the gate trusts about what a file is."""

from __future__ import annotations

JPEG = "image/jpeg"
PNG = "image/png"
WEBP = "image/webp"

#: Formats `probe`, `read_metadata` and `strip_identifiers` handle.
SUPPORTED_MEDIA_TYPES = frozenset({JPEG, PNG, WEBP})

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# (offset, magic, media type); recognised so callers can say "unsupported" rather than "garbage".
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\xff\xd8\xff", JPEG),
    (0, PNG_SIGNATURE, PNG),
    (0, b"GIF87a", "image/gif"),
    (0, b"GIF89a", "image/gif"),
    (0, b"II*\x00", "image/tiff"),
    (0, b"MM\x00*", "image/tiff"),
    (0, b"BM", "image/bmp"),
    # Named so a phone's or a camera's JPEG XL (Apple ProRAW exports, Adobe's, kim's test photos) and the
    # other still-image containers are refused as unsupported formats, not as broken files.
    (0, b"\xff\x0a", "image/jxl"),  # a bare JPEG XL codestream
    (0, b"\x00\x00\x00\x0cJXL \r\n\x87\n", "image/jxl"),  # the ISO BMFF container's signature box
    (0, b"\x00\x00\x00\x0cjP  \r\n\x87\n", "image/jp2"),
    (0, b"\xff\x4f\xff\x51", "image/jp2"),  # a bare JPEG 2000 codestream (SOC, SIZ)
    (0, b"8BPS", "image/vnd.adobe.photoshop"),
    (0, b"qoif", "image/qoi"),
)

_FTYP_BRANDS = {
    b"avif": "image/avif",
    b"avis": "image/avif",
    b"heic": "image/heic",
    b"heix": "image/heic",
    b"heim": "image/heic",
    b"heis": "image/heic",
    b"hevc": "image/heic",
    b"hevx": "image/heic",
    b"mif1": "image/heif",
    b"msf1": "image/heif",
}


def sniff_media_type(data: bytes) -> str | None:
    """Return the media type the leading bytes announce, or None when they announce nothing we know.

    Only the signature is looked at; whether the rest of the file is sound is `probe`'s job.
    """
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if data[4:8] == b"ftyp":
        # The major brand, else the first compatible brand that names a format ("mif1" files list
        # "heic" or "avif" after it), so a HEIF or AVIF photo is refused by name, not as garbage.
        box = data[8 : 8 + max(0, min(int.from_bytes(data[:4], "big"), 64) - 8)]
        brands = [box[0:4], *(box[i : i + 4] for i in range(8, len(box) - 3, 4))]
        named = [_FTYP_BRANDS[b] for b in brands if b in _FTYP_BRANDS]
        return next((kind for kind in named if kind != "image/heif"), named[0] if named else None)
    for offset, magic, media_type in _MAGIC:
        if data.startswith(magic, offset):
            return media_type
    return None
