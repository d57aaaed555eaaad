"""Bounds on what the gate is willing to parse, and the running budget for metadata text."""

from __future__ import annotations

from dataclasses import dataclass

from gate.errors import ImageLimitExceeded

MIB = 1024 * 1024

# Structure counts a decoder would spend time on, refused as `image.limits` before anyone decodes. They
# are fixed, as decoders' own are: no real encoder comes near them.
#: Progressive JPEG scans per picture. libjpeg's default script writes 10, jpegtran/mozjpeg's optimised
#: ones a few dozen; each scan makes a decoder pass over the whole image, so 300 000 scans of a small
#: image take minutes. libjpeg-turbo's tools and fuzzers cap scans (TJPARAM_SCANLIMIT); 1000 is the
#: generous side of what they use.
MAX_SCANS = 1000
#: Marker segments per JPEG picture (APPn, COM, DQT, DHT, SOS ...): a progressive image with MAX_SCANS
#: scans needs about three per scan. Also bounds the walk's memory against floods of empty COM segments.
MAX_SEGMENTS = 10_000
#: Coding tables (quantisation, Huffman, arithmetic conditioning) defined per JPEG picture. An encoder
#: defines two to four, and a progressive one up to two per scan; each costs the walk a parse, so a
#: flood of valid tables ends here rather than in a timeout.
MAX_TABLES = 4 * MAX_SCANS
#: PNG or WebP chunks per file: IDAT split into 8 KiB chunks fills 6400 for a 50 MiB file; APNG and
#: animated WebP add two or three per frame.
MAX_CHUNKS = 65_536
#: PNG ancillary chunks other than APNG's frame chunks, and WebP chunks other than frames: libpng keeps
#: at most 1000 of them (PNG_USER_CHUNK_CACHE_MAX) and errors past that.
MAX_ANCILLARY_CHUNKS = 1000
#: Frames times canvas pixels of an animation (APNG, animated WebP): a player composes every frame onto the
#: whole canvas, so 20 000 one-pixel frames on an 8000 x 8000 canvas (1.3 MB) take Pillow 88 minutes to
#: play (0.26 s a frame), while each count alone is under its limit. 2**32 is about 17 s of Pillow; the
#: largest real animation of 5,600 real files is 82 frames of 380 x 400 (1.2e7).
MAX_ANIMATION_PIXELS = 2**32
#: Metadata fields (EXIF entries, XMP properties, IIM datasets, text chunks...) of one image, each handed to
#: the scanner: the most in 3,119 real files of others was 217 (an IPTC photographer's example). A flood of
#: tiny fields in one 64 KB segment (10 000 IIM datasets) cost a second and a half of scans.
MAX_METADATA_ITEMS = 2000
#: Tags of one ICC profile: LittleCMS refuses more than 100 (MAX_TABLE_TAG), so a longer table is refused
#: before the gate walks it (20 000 tags cost 0.7 s).
MAX_ICC_TAGS = 100


@dataclass(frozen=True, slots=True)
class ImageLimits:
    """Ceilings enforced before any expensive work; exceeding one raises `ImageLimitExceeded`.

    `max_metadata_bytes` bounds the total of all metadata payloads (EXIF, XMP, text chunks after
    decompression, comments) that `read_metadata` will look at. `inspect_compressed_streams` inflates
    each PNG's image data to find bytes after its zlib stream or rows past the picture (see
    `gate.imaging.idat`), and decodes each JPEG's scans and WebP's bitstreams for bytes after their
    code (`scan_tail`, `webp_tail`): a full decode per image, several times the rest of the metadata
    walk on a large image, so it is the policy's choice (`limits.inspect_compressed_streams`) and off
    by default.
    """

    max_bytes: int = 50 * MIB
    max_width: int = 16384
    max_height: int = 16384
    max_pixels: int = 100_000_000
    max_metadata_bytes: int = 4 * MIB
    inspect_compressed_streams: bool = False


class MetadataBudget:
    """Counts metadata bytes as they are extracted so one hostile file cannot make us read gigabytes."""

    __slots__ = ("_left",)

    def __init__(self, limit: int) -> None:
        self._left = limit

    @property
    def left(self) -> int:
        """Bytes that may still be charged; decompressors use it as their output ceiling."""
        return self._left

    def charge(self, nbytes: int) -> None:
        """Account for `nbytes` more metadata, or raise when the total passes the limit."""
        self._left -= nbytes
        if self._left < 0:
            raise ImageLimitExceeded("image metadata exceeds max_metadata_bytes")
