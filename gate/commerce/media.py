"""Finding the bytes of a new media-gallery entry: under a Magento `pub/media` root, at a URL, or inline.

`fetch.file_roots` lists `pub/media` directories. An entry's `file` is relative to `catalog/product`; while
a save is pending, an Admin upload waits under `tmp/catalog/product` (its file then ends in `.tmp`), so that
is looked at first. Every read goes through the asset fetcher's guards (`..` and symlinks that leave a root
refused, size cap, regular files only); a path that tries to leave a root is refused before the file system
is touched. URLs are read only from `fetch.https_allow_hosts`. Errors carry a code and a value-free text:
the path itself may spell a name, so it is not repeated in messages or logs.
"""

from __future__ import annotations

import binascii
from dataclasses import dataclass
from pathlib import Path

import pybase64

from gate.assets import AssetFetcher
from gate.commerce.webhook import MediaEntry
from gate.errors import AssetUnavailable

# Where a pending upload waits, then where a saved image lives, relative to pub/media.
PENDING_DIR = ("tmp", "catalog", "product")
SAVED_DIR = ("catalog", "product")
_MAX_FILE_CHARS = 1_024


class MediaUnavailable(Exception):
    """An entry's bytes cannot be had; `code` goes into the answer, `detail` says what to fix."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass(frozen=True, slots=True)
class MediaReader:
    """Reads new gallery entries under `roots` (resolved `pub/media` directories) with `fetcher`."""

    fetcher: AssetFetcher
    roots: tuple[Path, ...]
    max_bytes: int
    allow_urls: bool

    @classmethod
    def create(
        cls, fetcher: AssetFetcher, roots: tuple[Path, ...], max_bytes: int, *, allow_urls: bool
    ) -> MediaReader:
        """Resolve the roots once (a symlinked root still contains its files)."""
        return cls(fetcher, tuple(root.resolve() for root in roots), max_bytes, allow_urls)

    def read(self, entry: MediaEntry) -> bytes:
        """The entry's bytes; MediaUnavailable with a code when they cannot be read safely."""
        if entry.content is not None:
            return self._inline(entry.content)
        if entry.file is not None and self.roots:
            found = self._local(entry.file)
            if found is not None:
                return self._fetch(found.as_uri())
        if entry.url is not None and self.allow_urls:
            if not entry.url.lower().startswith("https://"):
                raise MediaUnavailable("media.unavailable", "only https:// image URLs are read")
            return self._fetch(entry.url)
        if entry.file is not None and self.roots:
            raise MediaUnavailable(
                "media.not_found", "no such file under tmp/catalog/product or catalog/product of a media root"
            )
        raise MediaUnavailable(
            "media.unavailable",
            "no media root is configured (fetch.file_roots: the pub/media directories) and the entry has "
            "no URL on an allowed host (fetch.https_allow_hosts)",
        )

    def _local(self, file: str) -> Path | None:
        """The first existing candidate path under a root, None when there is none."""
        parts = _relative_parts(file)
        pending = (*parts[:-1], parts[-1].removesuffix(".tmp"))
        candidates = [(*PENDING_DIR, *pending)]
        if not parts[-1].endswith(".tmp"):  # a .tmp name only ever exists as a pending upload
            candidates.append((*SAVED_DIR, *parts))
        for root in self.roots:
            for relative in candidates:
                path = root.joinpath(*relative)
                if not path.is_symlink() and not path.exists():
                    continue
                try:
                    resolved = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    raise MediaUnavailable("media.unavailable", "the media file cannot be resolved") from None
                if not resolved.is_relative_to(root):
                    raise MediaUnavailable(
                        "media.outside_roots", "the media file is a link that leaves the media root"
                    )
                return resolved
        return None

    def _fetch(self, uri: str) -> bytes:
        try:
            return self.fetcher.read(uri)
        except AssetUnavailable as exc:
            raise MediaUnavailable("media.unavailable", str(exc)) from None

    def _inline(self, content: str) -> bytes:
        if len(content) > 4 * -(-self.max_bytes // 3):
            raise MediaUnavailable("media.too_large", "the image is larger than fetch.max_bytes")
        try:
            return pybase64.b64decode(content, validate=True)
        except (binascii.Error, ValueError):
            raise MediaUnavailable("media.unavailable", "the entry's content is not valid base64") from None


def _relative_parts(file: str) -> tuple[str, ...]:
    """The path segments of a Commerce media file (`/m/y/name.jpg`); refuses any that could leave a root."""
    if len(file) > _MAX_FILE_CHARS or "\x00" in file or "\\" in file:
        raise MediaUnavailable("media.path_invalid", "the media file path is not a Commerce media path")
    parts = tuple(part for part in file.split("/") if part)
    if not parts or any(part in (".", "..") for part in parts):
        raise MediaUnavailable(
            "media.outside_roots", "the media file path leaves the media root (it holds '..' or '.')"
        )
    return parts
