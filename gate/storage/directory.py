"""The directory backend: `store_dir/<segment prefix>/ab/cd/<sha256>.<ext>` and `store_dir/derived/`.

One directory per pod is only right with one pod (or a ReadWriteMany volume shared by all): the derivation
index must be seen by whichever instance redoes a batch. Objects written by gates before segments existed
(`store_dir/ab/cd/...`) are still found, so a redo across the upgrade reuses them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from gate.errors import StoreUnavailable
from gate.storage.base import SIDECAR_SUFFIX, Segment, StoredObject, check_sha256
from gate.storage.content import ContentStore
from gate.storage.derivations import DerivationIndex

T = TypeVar("T")


class DirectoryStore:
    """A `PublishedStore` on a local or mounted filesystem."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._segments = {segment: ContentStore(self.root / segment.prefix) for segment in Segment}
        self._legacy = ContentStore(self.root)
        self._index = DerivationIndex(self.root)

    def put(self, data: bytes, media_type: str, segment: Segment) -> StoredObject:
        """Write `data` atomically under its sha256 in `segment` (an existing object is left alone)."""
        stored = _translated("put", lambda: self._segments[segment].put(data, media_type))
        return StoredObject(uri=stored.uri, sha256=stored.sha256, size=stored.size)

    def get(self, sha256: str, media_type: str, segment: Segment) -> bytes | None:
        """The bytes under `sha256` in `segment` (or in the pre-segment layout), or None."""
        check_sha256(sha256)
        data = _translated("get", lambda: self._segments[segment].get(sha256))
        if data is None:
            data = _translated("get", lambda: self._legacy.get(sha256))
        return data

    def locate(self, data: bytes, media_type: str, segment: Segment) -> StoredObject:
        """`put`: a cheap no-op for an object in place, and it moves a pre-segment object into its segment."""
        return self.put(data, media_type, segment)

    def put_sidecar(self, sha256: str, manifest: bytes, segment: Segment) -> StoredObject:
        """Write `manifest` as `<sha256>.c2pa` beside the object, once (an existing sidecar is kept)."""
        stored = _translated(
            "put", lambda: self._segments[segment].put_beside(sha256, SIDECAR_SUFFIX, manifest)
        )
        return StoredObject(uri=stored.uri, sha256=stored.sha256, size=stored.size)

    def supersede(self, sha256: str, media_type: str, segment: Segment) -> None:
        """Nothing: a directory has no lifecycle rules to act on a mark (README "Storage")."""

    def recall(self, key: str) -> str | None:
        """The output sha256 recorded for derivation `key`, or None."""
        return _translated("recall", lambda: self._index.recall(key))

    def remember(self, key: str, sha256: str) -> str:
        """Record `sha256` for `key` unless another writer was first (an exclusive hard link)."""
        return _translated("remember", lambda: self._index.remember(key, sha256))


def _translated(operation: str, call: Callable[[], T]) -> T:
    # A full disk, a vanished mount, lost permissions: the store is unavailable; the batch fails closed.
    try:
        return call()
    except OSError as exc:
        raise StoreUnavailable(f"directory store: {operation} failed ({exc.__class__.__name__})") from None
