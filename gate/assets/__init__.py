"""Getting an asset's bytes from an ingest event: inline base64, file:// under configured roots, or https
from allow-listed hosts. Every failure is `gate.errors.AssetUnavailable`; a hash difference is reported by
`verify_integrity`, not raised, so the decision core can turn it into a check result.
"""

from ._fetcher import AssetFetcher
from ._model import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT_S,
    HASH_MISMATCH,
    AssetRef,
    FetchedAsset,
    FetchPolicy,
    safe_location,
    verify_integrity,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT_S",
    "HASH_MISMATCH",
    "AssetFetcher",
    "AssetRef",
    "FetchPolicy",
    "FetchedAsset",
    "safe_location",
    "verify_integrity",
]
