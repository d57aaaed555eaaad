"""Where an image keeps its C2PA manifest store, and the store cut out of it (for a `.c2pa` sidecar).

JPEG carries the store as JUMBF in APP11 segments, PNG in a `caBX` chunk, WebP in a `C2PA` chunk. The
gate writes the store of each image it publishes as a sidecar beside it (`gate.storage`), so the marking
survives Magento's re-encoding; `gate.provenance.verify_manifest(..., sidecar=...)` verifies an image
against one. What a sidecar proves, and what it cannot:

- For the bytes the gate published, the sidecar verifies exactly as the embedded manifest does: the
  signature, the trust chain and the hard binding (the data hash of those very bytes).
- For a re-encoded or resized rendition it still shows who signed what, but the hard binding fails
  (`assertion.dataHash.mismatch`): the rendition is not the image the manifest was made for, and no
  verifier can tell from the rendition's bytes that it was derived from it. The link between a rendition
  and its original is the storefront's claim (the `Link` header it serves), not a cryptographic fact.

The store is cut out of the published image itself (not taken from the signing call), so a sidecar
always belongs to the exact bytes a decision names, also when a redo adopted earlier published bytes.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from typing import TYPE_CHECKING

from gate.errors import ImageUndecodable
from gate.imaging import jpeg, png, webp

if TYPE_CHECKING:
    from gate.imaging.probing import Layout

_JUMBF_SIGNATURE = b"jumb"


def manifest_store(data: bytes, media_type: str, layout: Layout | None = None) -> bytes | None:
    """The embedded C2PA manifest store (JUMBF) of `data`, or None when it has none (or is not parsable).

    `layout` is the probe's walk of these very bytes (`ImageProbe.layout_for`), when the caller has it:
    without it the image is walked again (a 3 MB JPEG's scans: ~0.4 ms).
    """
    try:
        if media_type == "image/jpeg":
            return _jpeg_store(data, layout if isinstance(layout, jpeg.JpegLayout) else jpeg.walk(data))
        if media_type == "image/png":
            chunks = (layout if isinstance(layout, png.PngLayout) else png.walk(data)).chunks
            return _chunk_store(c.payload(data) for c in chunks if c.type == b"caBX")
        if media_type == "image/webp":
            parts = (layout if isinstance(layout, webp.WebpLayout) else webp.walk(data)).chunks
            return _chunk_store(c.payload(data) for c in parts if c.fourcc == b"C2PA")
    except ImageUndecodable:
        return None
    return None


def _jpeg_store(data: bytes, layout: jpeg.JpegLayout) -> bytes | None:
    """JPEG carries JUMBF in APP11 segments (ISO/IEC 19566-5): `JP`, a box instance number, a packet
    sequence number, then the box; continuation packets repeat the box header, which is dropped."""
    packets: dict[bytes, list[bytes]] = {}
    for segment in layout.segments:
        if segment.marker != jpeg.APP11 or segment.image != 0:
            continue
        payload = segment.payload(data)
        if len(payload) < 16 or not payload.startswith(b"JP"):
            continue
        instance, box = payload[2:4], payload[8:]
        if instance not in packets:
            packets[instance] = [box]
            continue
        header = 16 if struct.unpack(">I", box[:4])[0] == 1 else 8  # LBox == 1: an 8-byte XLBox follows
        packets[instance].append(box[header:])
    for boxes in packets.values():
        store = b"".join(boxes)
        if _is_c2pa_store(store):
            return store
    return None


def _chunk_store(payloads: Iterable[bytes]) -> bytes | None:
    """PNG (`caBX`) and WebP (`C2PA`) chunks hold the manifest store as it is."""
    return next((bytes(payload) for payload in payloads if _is_c2pa_store(payload)), None)


def _is_c2pa_store(box: bytes) -> bool:
    # A JUMBF superbox whose description box labels it `c2pa` (the manifest store).
    return box[4:8] == _JUMBF_SIGNATURE and b"c2pa\x00" in box[8:64]
