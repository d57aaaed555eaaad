"""Where published images live: the directory backend or an S3 bucket, behind one `PublishedStore` seam."""

from __future__ import annotations

from pathlib import Path

from gate.settings import StoreSettings
from gate.storage.base import ALL_PREFIXES, PublishedStore, Segment, StoredObject, segment_for
from gate.storage.derive import Published, publish_derived
from gate.storage.directory import DirectoryStore

__all__ = [
    "ALL_PREFIXES",
    "DirectoryStore",
    "Published",
    "PublishedStore",
    "Segment",
    "StoredObject",
    "open_store",
    "publish_derived",
    "segment_for",
]


def open_store(settings: StoreSettings, store_dir: Path | None) -> PublishedStore | None:
    """The backend the settings choose; None: directory backend without `store_dir` (bytes go inline)."""
    if settings.backend == "s3":
        from gate.storage.s3 import S3Store  # noqa: PLC0415 - boto3 is loaded only where it is used

        return S3Store(settings.s3)
    return DirectoryStore(store_dir) if store_dir is not None else None
