"""`AssetFetcher`: turn an event's `AssetRef` into bytes, choosing the reader by URI scheme."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType

import httpx

from gate.errors import AssetUnavailable

from ._https import HttpsFetcher
from ._local import decode_inline, read_file_uri
from ._model import AssetRef, FetchedAsset, FetchPolicy, Source


class AssetFetcher:
    """Fetches asset bytes under a `FetchPolicy`; safe to share between threads.

    Integrity is not judged here: the result carries both the computed and the declared sha256, and
    the integrity check turns a difference into a reason code. `transport` replaces the network in tests.
    """

    def __init__(self, policy: FetchPolicy, *, transport: httpx.BaseTransport | None = None) -> None:
        self._policy = policy
        # Resolved once so that a symlinked root (e.g. /var -> /private/var) still contains its files.
        self._roots = tuple(root.resolve() for root in policy.file_roots)
        self._https = HttpsFetcher(policy, transport)
        self._readers: dict[str, tuple[Source, Callable[[str], bytes]]] = {
            "file": ("file", self._read_file),
            "https": ("https", self._https.fetch),
        }

    def fetch(self, ref: AssetRef) -> FetchedAsset:
        """Return the asset's bytes; raise AssetUnavailable saying what was wrong and what to do."""
        if ref.data is not None:
            return FetchedAsset.of(decode_inline(ref.data, self._policy.max_bytes), ref, "inline")
        assert ref.uri is not None  # AssetRef guarantees exactly one of data and uri
        source, read = self._reader(ref.uri)
        return FetchedAsset.of(read(ref.uri), ref, source)

    def read(self, uri: str) -> bytes:
        """The bytes at a file:// or https:// `uri`, under the same guards as `fetch`, for a caller that
        has no declared hash (`gate serve` reading a product's new media file). Raises AssetUnavailable."""
        return self._reader(uri)[1](uri)

    def _reader(self, uri: str) -> tuple[Source, Callable[[str], bytes]]:
        scheme = uri.partition(":")[0].lower() if ":" in uri else ""
        reader = self._readers.get(scheme)
        if reader is None:
            shown = scheme if scheme.isascii() and scheme.isalnum() else "?"
            raise AssetUnavailable(
                f"asset uri scheme {shown!r} is not allowed; use https:// (GATE_FETCH__HTTPS_ALLOW_HOSTS), "
                "file:// (GATE_FETCH__FILE_ROOTS) or inline data"
            )
        return reader

    def close(self) -> None:
        """Release pooled https connections."""
        self._https.close()

    def __enter__(self) -> AssetFetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _read_file(self, uri: str) -> bytes:
        return read_file_uri(uri, self._roots, self._policy.max_bytes)
