"""A content-addressed object store: bytes are kept under their sha256, so writing twice is harmless.

`ObjectStore` is the seam; `ContentStore` keeps objects on a local filesystem. An S3 (or other object
storage) backend can implement the same protocol later, returning its own URI scheme in `StoredObject.uri`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_DIR_MODE = 0o755
_FILE_MODE = 0o644
# A fixed table rather than `mimetypes`, whose answers depend on the host's mime.types files.
_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/webp": ".webp",
    "image/gif": ".gif",
    "image/avif": ".avif",
    "image/heic": ".heic",
    "image/heif": ".heif",
    "image/tiff": ".tif",
    "application/json": ".json",
    "application/c2pa": ".c2pa",  # a C2PA manifest store outside its asset (sidecar)
}
_DEFAULT_EXTENSION = ".bin"
_SIDECAR_EXTENSION = _EXTENSIONS["application/c2pa"]


@dataclass(frozen=True, slots=True)
class StoredObject:
    """Where an object was stored: a URI to put in events, its sha256, local path and size in bytes."""

    uri: str
    sha256: str
    path: Path
    size: int


class ObjectStore(Protocol):
    """Content-addressed storage: objects are named by the sha256 of their bytes."""

    def put(self, data: bytes, media_type: str) -> StoredObject:
        """Store `data` (idempotent: the same bytes give the same object) and say where it is."""

    def get(self, sha256: str) -> bytes | None:
        """The bytes stored under `sha256`, or None when there are none."""

    def exists(self, sha256: str) -> bool:
        """Whether bytes are stored under `sha256`."""


def extension_for(media_type: str) -> str:
    """The file extension used for a media type (parameters ignored); `.bin` when unknown."""
    return _EXTENSIONS.get(media_type.partition(";")[0].strip().lower(), _DEFAULT_EXTENSION)


class ContentStore:
    """Objects on a local filesystem at `root/ab/cd/<sha256>.<ext>`; safe for concurrent writers.

    Writes go to a temporary file in the target directory, are fsynced, then renamed into place, so a
    reader never sees a partial object and concurrent puts of the same bytes both succeed.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def put(self, data: bytes, media_type: str) -> StoredObject:
        """Store `data`; if an object of the same size is already at its path, leave it untouched."""
        sha256 = hashlib.sha256(data).hexdigest()
        directory = self._directory(sha256)
        path = directory / f"{sha256}{extension_for(media_type)}"
        with contextlib.suppress(FileNotFoundError):
            if path.stat().st_size == len(data):
                return self._stored(path, sha256, len(data))
        self._make_directories(directory)
        self._write_atomically(path, data)
        return self._stored(path, sha256, len(data))

    def put_beside(self, sha256: str, suffix: str, data: bytes) -> StoredObject:
        """Store `data` as `<sha256><suffix>` beside the object `sha256` (a sidecar), write-once: bytes
        already there are kept, whatever they are."""
        if not _SHA256_HEX.fullmatch(sha256):
            raise ValueError("sha256 must be 64 lowercase hexadecimal digits")
        directory = self._directory(sha256)
        path = directory / f"{sha256}{suffix}"
        with contextlib.suppress(FileNotFoundError):
            return self._stored(path, hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_size)
        self._make_directories(directory)
        self._write_atomically(path, data)
        return self._stored(path, hashlib.sha256(data).hexdigest(), len(data))

    def get(self, sha256: str) -> bytes | None:
        """The bytes stored under `sha256` whatever their extension, or None."""
        path = self._find(sha256)
        if path is None:
            return None
        try:
            return path.read_bytes()
        except FileNotFoundError:  # removed since it was found
            return None

    def exists(self, sha256: str) -> bool:
        """Whether an object with this sha256 is stored."""
        return self._find(sha256) is not None

    def _directory(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256[2:4]

    def _find(self, sha256: str) -> Path | None:
        # Validated because the key becomes a path: anything but 64 hex digits could walk out of root.
        if not _SHA256_HEX.fullmatch(sha256):
            raise ValueError("sha256 must be 64 lowercase hexadecimal digits")
        try:
            entries = sorted(self._directory(sha256).iterdir())
        except FileNotFoundError:
            return None
        for entry in entries:
            # `<sha256>.c2pa` is the object's sidecar (its manifest store), never the object itself.
            if entry.stem == sha256 and entry.suffix not in ("", _SIDECAR_EXTENSION) and entry.is_file():
                return entry
        return None

    def _make_directories(self, directory: Path) -> None:
        # Level by level so every directory the store creates gets the same mode (umask still applies).
        for level in (self.root, directory.parent, directory):
            with contextlib.suppress(FileExistsError):
                level.mkdir(mode=_DIR_MODE, parents=True)

    @staticmethod
    def _write_atomically(path: Path, data: bytes) -> None:
        fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(temp_name, _FILE_MODE)  # mkstemp creates 0o600
            os.replace(temp_name, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp_name)
            raise
        _fsync_directory(path.parent)

    @staticmethod
    def _stored(path: Path, sha256: str, size: int) -> StoredObject:
        return StoredObject(uri=path.absolute().as_uri(), sha256=sha256, path=path, size=size)


def _fsync_directory(directory: Path) -> None:
    # Makes the rename itself durable across a crash; not possible on every platform, hence best effort.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
