"""Getting an asset's bytes from an ingest event: inline base64, file:// under configured roots, or https
from allow-listed hosts. Every failure is `gate.errors.AssetUnavailable`; a hash difference is not raised:
the fetched asset carries both digests and the integrity check turns a difference into a reason.
"""

from ._fetcher import AssetFetcher
from ._model import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT_S,
    AssetRef,
    FetchedAsset,
    FetchPolicy,
    safe_location,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT_S",
    "AssetFetcher",
    "AssetRef",
    "FetchPolicy",
    "FetchedAsset",
    "safe_location",
]
