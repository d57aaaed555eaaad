"""Safe image probing, metadata extraction and lossless identifier stripping (JPEG, PNG, WebP).

Nothing in this package decodes pixels. Every input is bounded by `ImageLimits`; anything malformed
raises `gate.errors.ImageUndecodable`, anything too large `gate.errors.ImageLimitExceeded`.
"""

from __future__ import annotations

from gate.imaging.formats import SUPPORTED_MEDIA_TYPES, sniff_media_type
from gate.imaging.items import DEFAULT_STRIP_KINDS, KINDS, ImageMetadata, Kind, MetadataItem
from gate.imaging.limits import ImageLimits
from gate.imaging.metadata import read_metadata
from gate.imaging.probing import ImageProbe, probe
from gate.imaging.strip import strip_identifiers

__all__ = [
    "DEFAULT_STRIP_KINDS",
    "KINDS",
    "SUPPORTED_MEDIA_TYPES",
    "ImageLimits",
    "ImageMetadata",
    "ImageProbe",
    "Kind",
    "MetadataItem",
    "probe",
    "read_metadata",
    "sniff_media_type",
    "strip_identifiers",
]
