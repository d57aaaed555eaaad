"""Value types for asset fetching: what the event points at, what the gate may fetch, what it got.

No I/O here. Reprs leave out inline data and URIs, because URIs may carry signed tokens.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from gate.errors import ConfigError, EventInvalid

DEFAULT_MAX_BYTES = 40 * 1024 * 1024
DEFAULT_TIMEOUT_S = 10.0

Source = Literal["inline", "file", "https"]

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*")


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Where the gate may read asset bytes from, and how much of them.

    `file_roots` must be absolute; a file:// URI is read only if it resolves (symlinks and `..` followed)
    to a path under one of them. `https_allow_hosts` holds exact host names or `*.example.com`, which
    matches any subdomain (`a.example.com`, `a.b.example.com`) but not `example.com` itself.
    `ca_bundle` is a PEM file of CAs to trust instead of the system store (for private CAs); it is read
    once, here, into `ca_pem`, so a worker process given this policy opens no configuration file.
    Empty tuples disable the scheme.
    """

    file_roots: tuple[Path, ...] = ()
    https_allow_hosts: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout_s: float = DEFAULT_TIMEOUT_S
    ca_bundle: Path | None = None
    max_redirects: int = 3
    ca_pem: bytes | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Settings may hand over lists and strings; normalise once so the fetcher compares like with like.
        roots = tuple(Path(root) for root in self.file_roots)
        if not all(root.is_absolute() for root in roots):
            raise ConfigError("GATE_FETCH__FILE_ROOTS entries must be absolute paths")
        hosts = tuple(_normalise_host_pattern(host) for host in self.https_allow_hosts)
        if self.max_bytes <= 0:
            raise ConfigError("GATE_FETCH__MAX_BYTES must be a positive number of bytes")
        if self.timeout_s <= 0:
            raise ConfigError("GATE_FETCH__TIMEOUT_S must be a positive number of seconds")
        if self.max_redirects < 0:
            raise ConfigError("GATE_FETCH__MAX_REDIRECTS must be zero or more")
        object.__setattr__(self, "file_roots", roots)
        object.__setattr__(self, "https_allow_hosts", hosts)
        if self.ca_bundle is not None:
            object.__setattr__(self, "ca_bundle", Path(self.ca_bundle))
            if self.ca_pem is None:
                object.__setattr__(self, "ca_pem", _read_ca_bundle(Path(self.ca_bundle)))

    def allows_host(self, host: str) -> bool:
        """True when `host` is listed exactly or falls under a `*.suffix` entry."""
        host = host.lower().removesuffix(".")
        for pattern in self.https_allow_hosts:
            if pattern.startswith("*."):
                if host.endswith(pattern[1:]) and len(host) > len(pattern) - 1:
                    return True
            elif host == pattern:
                return True
        return False


def _read_ca_bundle(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        raise ConfigError("GATE_FETCH__CA_BUNDLE must name a readable PEM file of CA certificates") from None


def _normalise_host_pattern(pattern: str) -> str:
    host = pattern.strip().lower().removesuffix(".")
    bare = host.removeprefix("*.")
    if not bare or "*" in bare or any(c in bare for c in "/@?# "):
        raise ConfigError(
            "GATE_FETCH__HTTPS_ALLOW_HOSTS entries must be host names such as cdn.example.com "
            "or *.example.com (no scheme, path or port)"
        )
    return host


@dataclass(frozen=True, slots=True)
class AssetRef:
    """The `asset` object of an ingest event: inline base64 `data`, or a `uri` with its `sha256`.

    A `uri` must come with `sha256` so the fetched bytes can be checked; inline data may carry one.
    """

    media_type: str
    data: str | None = field(default=None, repr=False)
    uri: str | None = field(default=None, repr=False)
    sha256: str | None = None

    def __post_init__(self) -> None:
        if (self.data is None) == (self.uri is None):
            raise EventInvalid("asset needs exactly one of 'data' (inline base64) or 'uri'")
        if self.uri is not None and self.sha256 is None:
            raise EventInvalid("asset with a 'uri' needs 'sha256' so the fetched bytes can be verified")
        if self.sha256 is not None:
            if not _SHA256_HEX.fullmatch(self.sha256.lower()):
                raise EventInvalid("asset 'sha256' must be 64 hexadecimal digits")
            object.__setattr__(self, "sha256", self.sha256.lower())
        if not _MEDIA_TYPE.fullmatch(self.media_type.lower()):
            raise EventInvalid("asset 'media_type' must be a MIME type such as image/jpeg")

    @classmethod
    def from_json(cls, obj: object) -> AssetRef:
        """Build from the event's parsed `asset` JSON object; raise EventInvalid if the shape is wrong."""
        if not isinstance(obj, Mapping):
            raise EventInvalid("asset must be a JSON object")
        values: dict[str, str | None] = {}
        for key in ("media_type", "data", "uri", "sha256"):
            value = obj.get(key)
            if value is not None and not isinstance(value, str):
                raise EventInvalid(f"asset '{key}' must be a string")
            values[key] = value
        media_type = values.pop("media_type")
        if media_type is None:
            raise EventInvalid("asset needs 'media_type'")
        return cls(media_type=media_type, **values)

    @property
    def location(self) -> str:
        """Where the bytes come from, safe to log: `inline` or the URI's scheme and host only."""
        return "inline" if self.uri is None else safe_location(self.uri)


@dataclass(frozen=True, slots=True)
class FetchedAsset:
    """Bytes the gate obtained, with the hash it computed and the hash the event declared."""

    data: bytes = field(repr=False)
    sha256: str
    declared_sha256: str | None
    media_type: str
    source: Source

    @classmethod
    def of(cls, data: bytes, ref: AssetRef, source: Source) -> FetchedAsset:
        """Wrap fetched bytes, computing their sha256."""
        return cls(data, hashlib.sha256(data).hexdigest(), ref.sha256, ref.media_type, source)

    @property
    def size(self) -> int:
        """Number of bytes fetched."""
        return len(self.data)


def safe_location(uri: str) -> str:
    """`scheme://host[:port]` of a URI: never its path, query or userinfo, which may hold tokens or names."""
    try:
        parts = urlsplit(uri)
        host, port = parts.hostname or "", parts.port
    except ValueError:
        return "<unparseable uri>"
    scheme = parts.scheme.lower() if parts.scheme.isascii() and parts.scheme.isalnum() else "?"
    return f"{scheme}://{host}" + (f":{port}" if port else "")
