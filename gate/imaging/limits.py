"""Bounds on what the gate is willing to parse, and the running budget for metadata text."""

from __future__ import annotations

from dataclasses import dataclass

from gate.errors import ImageLimitExceeded

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ImageLimits:
    """Ceilings enforced before any expensive work; exceeding one raises `ImageLimitExceeded`.

    `max_metadata_bytes` bounds the total of all metadata payloads (EXIF, XMP, text chunks after
    decompression, comments) that `read_metadata` will look at.
    """

    max_bytes: int = 50 * MIB
    max_width: int = 16384
    max_height: int = 16384
    max_pixels: int = 100_000_000
    max_metadata_bytes: int = 4 * MIB


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
