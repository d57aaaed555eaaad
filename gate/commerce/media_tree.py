"""Walking a Magento `pub/media/catalog/product` tree: every entry becomes an image to decide or a skip
with a reason, never nothing.

Derived folders are not walked, each with one line saying so: `cache/` at the top of the tree (Magento's
resized renditions, rebuilt by `bin/magento catalog:images:resize`; they are made from the originals the
backfill decides) and every folder whose name starts with a dot (`.thumbs`, `.thumbswysiwyg`: the admin's
media-browser thumbnails; `.renditions`). Symbolic links are not followed into directories; a link to a
file is read only when its target stays inside the tree.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gate.imaging.formats import SUPPORTED_MEDIA_TYPES, sniff_media_type

# Top-level folders Magento derives from the originals.
DERIVED_TOP_LEVEL = frozenset({"cache"})
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
_KIND_BY_MODE = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a directory"),
)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path the backfill does not decide, with a reason code and a sentence saying why."""

    relative: str
    reason: str
    why: str


@dataclass(frozen=True, slots=True)
class MediaImage:
    """An image to decide: where it is, its bytes' sha256, media type and size (bytes are read again
    by the gate's own fetcher, so the decision reads the file exactly as a streamed event would)."""

    relative: str
    resolved: Path
    sha256: str
    media_type: str
    size: int
    mtime: float


def walk(root: Path) -> Iterator[Path | Skipped]:
    """Every file under `root` (sorted, so runs are reproducible) or a Skipped line for what is not walked."""
    errors: list[OSError] = []
    for directory, dirnames, filenames in os.walk(root, onerror=errors.append):
        while errors:
            failed = errors.pop()
            yield Skipped(
                _relative(root, Path(failed.filename or directory)), "dir.unreadable", _errno(failed)
            )
        here = Path(directory)
        keep: list[str] = []
        for name in sorted(dirnames):
            path = here / name
            relative = _relative(root, path)
            if name.startswith(".") or (here == root and name in DERIVED_TOP_LEVEL):
                yield Skipped(relative + "/", "dir.derived", "derived folder (renditions or thumbnails)")
            elif path.is_symlink():
                yield _skip_link(root, path, relative + "/")
            else:
                keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            yield here / name
    while errors:  # the root itself could not be listed
        failed = errors.pop()
        yield Skipped(".", "dir.unreadable", _errno(failed))


def inspect(root: Path, path: Path, max_bytes: int) -> MediaImage | Skipped:
    """Read `path` once: an image the gate decides, or why not. Never raises for what is on disk."""
    relative = _relative(root, path)
    resolved = path
    if path.is_symlink():
        try:
            resolved = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return Skipped(relative, "file.unreadable", "symbolic link to nothing (dangling or a loop)")
        if not resolved.is_relative_to(root):
            return Skipped(relative, "path.outside_root", "symbolic link leaving the media tree")
    try:
        fd = os.open(resolved, _OPEN_FLAGS)
    except OSError as exc:
        return Skipped(relative, "file.unreadable", f"cannot open ({_errno(exc)})")
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = next((what for test, what in _KIND_BY_MODE if test(info.st_mode)), "not a regular file")
            return Skipped(relative, "file.not_regular", f"{kind}, not a regular file")
        if info.st_size == 0:
            return Skipped(relative, "file.empty", "empty file (0 bytes)")
        if info.st_size > max_bytes:
            return Skipped(
                relative, "file.too_large", f"{info.st_size} bytes, above fetch.max_bytes ({max_bytes})"
            )
        data = _read_at_most(fd, max_bytes + 1)
        if len(data) > max_bytes:  # grew since fstat
            return Skipped(relative, "file.too_large", f"above fetch.max_bytes ({max_bytes})")
    except OSError as exc:
        return Skipped(relative, "file.unreadable", f"read failed ({_errno(exc)})")
    finally:
        os.close(fd)
    media_type = sniff_media_type(data)
    if media_type is None:
        return Skipped(relative, "file.not_image", "the bytes announce no image format")
    if media_type not in SUPPORTED_MEDIA_TYPES:
        supported = ", ".join(sorted(SUPPORTED_MEDIA_TYPES))
        return Skipped(relative, "file.unsupported_type", f"{media_type}; the gate decides {supported}")
    sha256 = hashlib.sha256(data).hexdigest()
    return MediaImage(relative, resolved, sha256, media_type, len(data), info.st_mtime)


def _skip_link(root: Path, path: Path, relative: str) -> Skipped:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return Skipped(relative, "file.unreadable", "symbolic link to nothing (dangling or a loop)")
    if not target.is_relative_to(root):
        return Skipped(relative, "path.outside_root", "symbolic link leaving the media tree")
    return Skipped(
        relative, "dir.symlink", "symbolic link to a folder in the tree: its files are walked there"
    )


def _read_at_most(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    remaining = limit
    while remaining > 0:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def _relative(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix() or "."
    except ValueError:
        return path.as_posix()


def _errno(exc: OSError) -> str:
    return errno.errorcode.get(exc.errno or 0, type(exc).__name__)
