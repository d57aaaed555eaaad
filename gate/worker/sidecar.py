"""The `.c2pa` sidecar of a published image: its manifest store, written beside it in the same store.

Magento re-encodes uploads and makes resized renditions without the embedded manifest; a sidecar a
storefront serves (HTTP `Link: <...c2pa>; rel="c2pa-manifest"`) keeps the marking reachable. What it
proves for the published bytes and what it cannot for a rendition: `gate.imaging.c2pa_store`.
`gate check IMAGE` verifies an image against its sidecar (`check_sidecar`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from gate.errors import ConfigError
from gate.imaging.c2pa_store import manifest_store
from gate.imaging.formats import SUPPORTED_MEDIA_TYPES, sniff_media_type
from gate.provenance import ProvenanceReport, Verifier, verify_manifest
from gate.storage import PublishedStore, Segment
from gate.storage.base import SIDECAR_SUFFIX


def publish_sidecar(
    store: PublishedStore, data: bytes, sha256: str, media_type: str, segment: Segment
) -> str | None:
    """Write the manifest store embedded in the published `data` beside it; its URI, or None when the
    image carries no manifest. Raises StoreUnavailable like any store write (the batch is retried)."""
    manifest = manifest_store(data, media_type)
    if manifest is None:
        return None
    return store.put_sidecar(sha256, manifest, segment).uri


# Sidecar states under which `gate check` says the image is the one the sidecar was made for.
SIDECAR_VERIFIES = frozenset({"trusted", "untrusted"})
_MEANING = {
    "trusted": "the manifest store verifies these exact bytes, signed by a trusted signer",
    "untrusted": "the manifest store verifies these exact bytes, but its signer is not a trust anchor here",
    "invalid": "the manifest store is signed, but these bytes are not the image it was made for",
    "unreadable": "not a usable C2PA manifest store for this image",
    "absent": "not a usable C2PA manifest store for this image",
}
_RENDITION = (
    "signed for other bytes: a re-encoded or resized rendition of the published image, or a changed "
    "one (the bytes alone cannot tell which)"
)


def sidecar_path(image: Path, explicit: Path | None) -> Path | None:
    """The sidecar to verify `image` against: `explicit`, else `photo.c2pa` (the C2PA spec's name, and
    the store's `<sha256>.c2pa`), else `photo.jpg.c2pa`; None when there is none."""
    if explicit is not None:
        return explicit
    candidates = (image.with_suffix(SIDECAR_SUFFIX), image.with_name(image.name + SIDECAR_SUFFIX))
    return next((path for path in candidates if path != image and path.is_file()), None)


def check_sidecar(
    data: bytes, image: Path, explicit: Path | None, verifier: Callable[[], Verifier]
) -> dict[str, Any] | None:
    """Verify `data` against its sidecar (see `sidecar_path`): path, state, status codes and what that
    means, for the decision document; None without a sidecar. ConfigError when it cannot be read.
    `verifier` is called only when there is a sidecar (a verification Context is not free)."""
    path = sidecar_path(image, explicit)
    if path is None:
        return None
    try:
        manifest = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the sidecar {path}: {exc.strerror}; check --sidecar") from None
    media_type = sniff_media_type(data)
    if media_type not in SUPPORTED_MEDIA_TYPES:
        report = ProvenanceReport(state="unreadable", status_codes=("gate.c2pa.notSupported",))
    else:
        report = verify_manifest(data, media_type, verifier(), sidecar=manifest)
    meaning = _MEANING[report.state]
    if report.state == "invalid" and any(code.endswith("dataHash.mismatch") for code in report.status_codes):
        meaning = _RENDITION
    return {
        "path": str(path),
        "state": report.state,
        "status_codes": list(report.status_codes),
        "meaning": meaning,
    }
