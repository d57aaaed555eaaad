"""The seam between the gate and where published images live: a directory or an S3 bucket.

Every backend keeps objects write-once under their sha256, in one of three segments, so access rules,
retention and a takedown can be applied to synthetic content alone, and quarantined material never lands
where catalogues and CDNs read published images. Beside the objects, a backend keeps the derivation index
(which published bytes an input, policy and signer produced; see `gate.storage.derive`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from gate.model import Verdict

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
# A C2PA manifest store outside its asset: `<sha256>.c2pa` beside `<sha256>.jpg`, served as application/c2pa.
SIDECAR_SUFFIX = ".c2pa"
SIDECAR_MEDIA_TYPE = "application/c2pa"


class Segment(StrEnum):
    """Where an object belongs; each segment is its own key prefix (or sub-directory)."""

    SYNTHETIC = "synthetic"
    NON_SYNTHETIC = "non-synthetic"
    QUARANTINE = "quarantine"

    @property
    def prefix(self) -> str:
        """The key prefix under the store's own prefix: published images apart from quarantined ones."""
        if self is Segment.QUARANTINE:
            return "quarantine"
        return f"published/{self.value}"


# The derivation index lives beside the segments, never inside a published prefix.
DERIVATIONS_PREFIX = "derivations"
ALL_PREFIXES = (*(segment.prefix for segment in Segment), DERIVATIONS_PREFIX)


def segment_for(verdict: Verdict, synthetic: bool | None) -> Segment:
    """Published segment for approved bytes by what the event declared; anything else is quarantined.

    An event that did not say whether it is synthetic is not published as non-synthetic: the policy decides
    such events, and only an explicit `false` counts as a claim of authenticity.
    """
    if verdict is not Verdict.APPROVED:
        return Segment.QUARANTINE
    return Segment.NON_SYNTHETIC if synthetic is False else Segment.SYNTHETIC


@dataclass(frozen=True, slots=True)
class StoredObject:
    """An object a backend holds: its URI (`file://...` or `s3://bucket/key`), sha256 and size in bytes."""

    uri: str
    sha256: str
    size: int


class PublishedStore(Protocol):
    """Write-once, content-addressed storage for published images, with the derivation index beside it.

    Every method raises `gate.errors.StoreUnavailable` when the store cannot answer (after its retries).
    """

    def put(self, data: bytes, media_type: str, segment: Segment) -> StoredObject:
        """Store `data` under its sha256 unless it is already there (never overwritten); say where it is."""

    def get(self, sha256: str, media_type: str, segment: Segment) -> bytes | None:
        """The bytes stored under `sha256` in `segment`, or None when there are none."""

    def locate(self, data: bytes, media_type: str, segment: Segment) -> StoredObject:
        """Where `data`, just read back by `get`, is stored (no upload where the store can tell without)."""

    def put_sidecar(self, sha256: str, manifest: bytes, segment: Segment) -> StoredObject:
        """Store the C2PA manifest store of the object `sha256` beside it as `<sha256>.c2pa`, write-once
        like the object (an existing sidecar is kept); say where it is."""

    def supersede(self, sha256: str, media_type: str, segment: Segment) -> None:
        """Mark an object that lost its derivation race (named by no decision), best effort, never raising."""

    def recall(self, key: str) -> str | None:
        """The output sha256 the derivation index holds for `key`, or None."""

    def remember(self, key: str, sha256: str) -> str:
        """Record `sha256` for `key` unless another writer was first; return the sha256 that won."""


def check_sha256(value: str, what: str = "sha256") -> str:
    """`value` when it is 64 lowercase hex digits (it becomes a path or key), else ValueError."""
    if not _SHA256_HEX.fullmatch(value):
        raise ValueError(f"{what} must be 64 lowercase hexadecimal digits")
    return value


def is_sha256(value: str) -> bool:
    """Whether `value` is 64 lowercase hex digits."""
    return _SHA256_HEX.fullmatch(value) is not None
