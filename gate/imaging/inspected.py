"""Which segments and chunks the gate reads or knows to be harmless; everything else is not published.

A segment the gate skips would still be published verbatim. So an unknown one that no decoder needs (a
private PNG chunk, a maker's APP3 or APP4 segment, GoPro's APP6 with GPS, Canon's CIFF APP0, a WebP
`PSAI` or RIFF INFO chunk) is `unread` and the strip removes it, lossless for the pixels; one a decoder
would need or refuse (an unknown critical PNG chunk, a JPEG marker outside APPn, a known chunk longer than
it can be) is `uninspected` and the metadata check refuses it. The lists are data; widen them deliberately.
"""

from __future__ import annotations

import re

from gate.imaging import jpeg, webp
from gate.imaging.iptc import PHOTOSHOP_PREFIX

#: JPEG marker segments that code the image itself (SOFn, DHT, DAC, SOS, DQT, DRI). JPG (0xC8) is reserved
#: and no decoder reads it, so it is uninspected; DNL, DHP and EXP never get here: the walk refuses them.
JPEG_CODING_MARKERS: frozenset[int] = (frozenset(range(0xC0, 0xD0)) - {0xC8}) | frozenset({0xDA, 0xDB, 0xDD})

#: APPn marker -> payload signatures the gate reads or knows to be harmless. Not listed on purpose:
#: APP2 "FPXR" (FlashPix streams, which can carry author, title and comments), APP12 "PictureInfo"
#: (free text from old cameras), APP13 "Adobe_CM"; they are uninspected.
JPEG_APP_SIGNATURES: dict[int, tuple[bytes, ...]] = {
    0xE0: (b"JFIF\x00", b"JFXX\x00"),  # JFIF header and its thumbnail extension
    0xE1: (jpeg.EXIF_PREFIX[:5], jpeg.XMP_PREFIX, jpeg.XMP_EXT_PREFIX),
    0xE2: (b"ICC_PROFILE\x00", jpeg.MPF_PREFIX),  # read by `icc`; MPF by `mpf` (the walk and `blocks`)
    0xEB: (b"JP",),  # JUMBF; `blocks` further requires it to belong to a C2PA manifest
    0xEC: (b"Ducky",),  # Photoshop "Save for Web": quality, comment and copyright, read by `ducky`
    0xED: (PHOTOSHOP_PREFIX,),  # Photoshop image resources: `iptc` reads the IPTC-IIM, EXIF and XMP ones
    0xEE: (b"Adobe",),  # colour transform flags, exactly ADOBE_APP14_SIZE bytes
}

#: APP14 "Adobe": signature, DCTEncodeVersion, APP14Flags0, APP14Flags1, ColorTransform. Longer is unread.
ADOBE_APP14_SIZE = 12

#: PNG chunk type -> largest payload it needs (None: variable). A fixed-size chunk that is longer carries
#: bytes no decoder reads, so it counts as uninspected. Not listed on purpose: pCAL and sPLT (free-text
#: calibration and palette names), dSIG (signatures with certificates) and hIST (512 bytes of "histogram"
#: no decoder reads, which could spell anything).
PNG_CHUNKS: dict[bytes, int | None] = {
    b"IHDR": 13,
    b"PLTE": 768,
    b"IDAT": None,
    b"IEND": 0,
    b"tRNS": 256,
    b"gAMA": 4,
    b"cHRM": 32,
    b"sRGB": 1,
    b"iCCP": None,
    b"cICP": 4,
    b"mDCv": 24,
    b"cLLi": 8,
    b"pHYs": 9,
    b"sBIT": 4,
    b"bKGD": 6,
    b"tIME": 7,
    b"oFFs": 9,
    b"sCAL": 64,
    b"sTER": 1,
    b"eXIf": None,  # read by `exif`
    b"tEXt": None,  # tEXt, zTXt, iTXt: read as text
    b"zTXt": None,
    b"iTXt": None,
    b"caBX": None,  # C2PA, read by the provenance check
    b"acTL": 8,  # APNG
    b"fcTL": 26,
    b"fdAT": None,
    b"iDOT": 28,  # Apple's parallel-decoding offsets (macOS screenshots): seven 32-bit fields
    b"vpAg": 9,  # ImageMagick virtual page
    b"caNv": 16,  # ImageMagick 7 canvas
    b"orNt": 1,  # ImageMagick orientation
}

#: WebP chunk FourCC -> largest payload it needs (None: variable).
WEBP_CHUNKS: dict[bytes, int | None] = {
    b"VP8 ": None,
    b"VP8L": None,
    b"VP8X": 10,
    b"ALPH": None,
    b"ANIM": 6,
    b"ANMF": None,
    b"ICCP": None,
    b"EXIF": None,  # read by `exif`
    b"XMP ": None,  # read by `xmp`
    b"C2PA": None,  # read by the provenance check
}

_PLAIN_FOURCC = re.compile(rb"[A-Za-z0-9 ]{4}")
# Chunks with one enumerated byte (offset, largest value): rendering intent, stereo mode, unit specifiers.
_ENUMERATED = {b"sRGB": (0, 3), b"sTER": (0, 1), b"pHYs": (8, 1), b"oFFs": (8, 1), b"orNt": (0, 8)}
# sCAL: unit (1 metre, 2 radian), then width and height as ASCII floating-point numbers split by a NUL.
_SCAL = re.compile(rb"[\x01\x02][0-9.eE+-]{1,30}\x00[0-9.eE+-]{1,30}")


def png_content_known(ctype: bytes, data: bytes, start: int, end: int) -> bool:
    """Whether a listed PNG chunk's payload, `data[start:end]`, has the form its type prescribes (where it
    could hold text). Only those types are looked at, and without a copy: IDAT is most of a PNG."""
    if ctype == b"sCAL":
        return _SCAL.fullmatch(memoryview(data)[start:end]) is not None
    if ctype == b"tIME":  # a date a decoder checks field by field: out of range, the bytes are anything
        fields = data[start:end]
        date_known = len(fields) == 7 and 1 <= fields[2] <= 12 and 1 <= fields[3] <= 31
        return date_known and fields[4] <= 23 and fields[5] <= 59 and fields[6] <= 60
    if ctype in _ENUMERATED:
        at, most = _ENUMERATED[ctype]
        return end - start > at and data[start + at] <= most
    return True


def webp_content_known(fourcc: bytes, data: bytes, start: int) -> bool:
    """Whether a WebP chunk whose payload starts at `start` keeps the bits the format reserves at zero:
    VP8X's two top flag bits, its lowest and the 24 bits after the flags; ALPH's header (see
    `webp.alpha_header_known`). Decoders skip reserved bits, so set ones are bytes published unread."""
    if fourcc == b"VP8X":
        return not data[start] & 0xC1 and not any(data[start + 1 : start + 4])
    if fourcc == b"ALPH":
        return webp.alpha_header_known(data[start])
    return True


def jpeg_known(marker: int, body: bytes) -> bool:
    """Whether a JPEG segment with this marker and payload is one the gate reads or knows to be harmless."""
    if marker in JPEG_CODING_MARKERS or marker == jpeg.COM:
        return True
    return body.startswith(JPEG_APP_SIGNATURES.get(marker, ()))


def jpeg_removable(marker: int, body: bytes) -> bool:
    """Whether an unknown JPEG segment can go without changing a pixel: an application segment (APPn; the
    ones decoders use, JFIF and Adobe's colour transform, are read, not unknown), but not an MPF index
    the gate could not read whole (its pictures follow the image, so removing it would orphan them).
    Other markers no decoder reads (JPG, JPGn, reserved codes) stay uninspected: decoders refuse them."""
    return 0xE0 <= marker <= 0xEF and not body.startswith(jpeg.MPF_PREFIX)


def png_removable(ctype: bytes) -> bool:
    """Whether an unknown (or malformed) PNG chunk can go without changing a pixel: an ancillary one (its
    type's first letter lower case), which decoders skip; an unknown critical chunk is a PNG they refuse."""
    return bool(ctype[0] & 0x20)


def chunk_known(table: dict[bytes, int | None], ctype: bytes, length: int) -> bool:
    """Whether a PNG or WebP chunk is listed in `table` and no longer than it needs to be."""
    if ctype not in table:
        return False
    most = table[ctype]
    return most is None or length <= most


def jpeg_name(marker: int) -> str:
    """The segment's name in paths: APP0..APP15, else the marker in hex (FFF7)."""
    return f"APP{marker - 0xE0}" if 0xE0 <= marker <= 0xEF else f"FF{marker:02X}"


def chunk_name(ctype: bytes) -> str:
    """The chunk type as text when it is plain letters, digits and spaces, else in hex."""
    return ctype.decode("ascii") if _PLAIN_FOURCC.fullmatch(ctype) else "0x" + ctype.hex()
