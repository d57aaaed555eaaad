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
    found: list[tuple[str, str]] = []
    _walk(data, [], 0, found)
    return found


# Where the walk is: a list index, or an object key with its position. A pointer is spelled only for a
# property found (rarely): every assertion of every signed image is walked, and spelling each node's
# pointer on the way (a token test, an escape and a string per key) cost more than the walk itself.
_Step = int | tuple[Any, int]


def _walk(value: Any, trail: list[_Step], depth: int, found: list[tuple[str, str]]) -> None:
    if depth > _MAX_DEPTH:
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, list | dict):  # a scalar holds no property
                trail.append(index)
                _walk(item, trail, depth + 1, found)
                trail.pop()
        return
    if not isinstance(value, dict):
        return
    for position, (key, item) in enumerate(value.items()):
        # `_kind` needs a prefix (`namespace_of`): a key without a colon names no property.
        kind = _kind(key, position) if isinstance(key, str) and ":" in key else None
        if kind is not None and _said(item):
            entity, token = kind
            found.append((entity, f"{_spelled(trail)}/{token}"))
            continue
        if isinstance(item, list | dict):
            trail.append((key, position))
            _walk(item, trail, depth + 1, found)
            trail.pop()


def _spelled(trail: list[_Step]) -> str:
    """The pointer of a place in the walk: a key as itself when it is a plain identifier, else by its
    position (`*3`), as the XMP walk and the scanner name a key the image chose."""
    tokens = []
    for step in trail:
        if isinstance(step, int):
            tokens.append(f"/{step}")
        else:
            key, position = step
            plain = isinstance(key, str) and _PLAIN.fullmatch(key)
            tokens.append(f"/{escape_token(key)}" if plain else f"/{HIDDEN_KEY}{position}")
    return "".join(tokens)


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
