"""Device identifiers and owners in a manifest's metadata assertions, read as the image's own XMP is.

C2PA's `stds.exif` and CAWG/IPTC metadata assertions repeat EXIF and XMP properties as JSON-LD keys
(`exifEX:BodySerialNumber`, `aux:SerialNumber`, `exifEX:CameraOwnerName`), their prefixes made canonical
by `gate.provenance.jsonld`. The scanner reads values: a camera's serial "044051002852" reads as nothing,
an owner "Kwabena" as a word. The XMP walk (`gate.imaging.xmp.classify`) holds such properties by their
name whatever the value; a signed manifest cannot be stripped, so the provenance check reports them here
by the same names, and the policy holds the image.

Pointers spell a key only when it is a plain identifier; a property the image named is given by its
position (`exifEX:*3`), as the XMP walk and the scanner do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from gate.imaging.xmp import classify
from gate.pointers import escape_token
from gate.provenance.jsonld import namespace_of
from gate.scanning.walk import HIDDEN_KEY

# What a property of each kind is, as the metadata check names it (`checks.metadata`).
_ENTITY = {"device_id": "DEVICE_ID", "owner": "PERSON", "person": "PERSON"}
_PLAIN = re.compile(r"[A-Za-z_@][A-Za-z0-9_.:@\-]{0,63}")
_MAX_DEPTH = 64  # assertions are shape-checked and bounded (MAX_ASSERTION_BYTES); this bounds the walk


def identifying_fields(data: Any) -> list[tuple[str, str]]:
    """(entity, pointer below the assertion) of every device-id or owner property with a value."""
    return list(_walk(data, "", 0))


def _walk(value: Any, path: str, depth: int) -> Iterator[tuple[str, str]]:
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}/{index}", depth + 1)
        return
    if not isinstance(value, dict):
        return
    for position, (key, item) in enumerate(value.items()):
        token = (
            escape_token(key) if isinstance(key, str) and _PLAIN.fullmatch(key) else f"{HIDDEN_KEY}{position}"
        )
        kind = _kind(key, position) if isinstance(key, str) else None
        if kind is not None and _said(item):
            entity, token = kind
            yield entity, f"{path}/{token}"
            continue
        yield from _walk(item, f"{path}/{token}", depth + 1)


def _kind(key: str, position: int) -> tuple[str, str] | None:
    """(entity, pointer token) when `key` names a device id or an owner in a namespace the XMP walk maps."""
    uri = namespace_of(key)
    if uri is None:
        return None
    classified = classify(f"{{{uri}}}{key.partition(':')[2]}", position)
    if classified is None or classified[1] not in _ENTITY:
        return None
    path, kind = classified
    return _ENTITY[kind], f"{key.partition(':')[0]}:{path.rsplit(':', 1)[1]}"


def _said(value: Any) -> bool:
    """Something is there: visible text, a number, a true flag or a non-empty structure."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, dict | list):
        return any(_said(item) for item in (value.values() if isinstance(value, dict) else value))
    return value is not None and value is not False
