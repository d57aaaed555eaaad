"""Recover an assertion exactly from c2pa-rs 0.91.3's two JSON renderings, neither of which is exact.

`Reader.json()` turns every non-empty array of numbers held directly under an object key into the base64
of its non-negative integers cut to bytes ([1024, 1024] -> "AAA=", [-1, 5] -> "BQ==", [7.5] -> "")
(contentauth/c2pa-rs#2570, fix pending in #2611); nothing else changes. `Reader.crjson()` decodes the CBOR
but rewrites other things: an `icon` object keeps only url/hash/alg, integer arrays under `hash`, `pad`,
`pad2` and `signature` become other strings, objects with a `hash` gain a `pad`, and one schema.org key is
renamed. Taking either copy whole lets something through unseen (an email inside an `icon` object is
dropped by crJSON). So the report's copy is the base, and only its strings that a mangling could have
produced are checked against crJSON: kept when crJSON has the same string, replaced when crJSON has a
number array that mangles to exactly that string, and anything else makes the assertion unreadable.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Mapping
from typing import Any, Final

Path = tuple[str | int, ...]

# What a mangled array looks like: standard base64, possibly empty.
_BASE64: Final = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")
_MISSING: Final = object()
# Keys under which crJSON rewrites what it finds (see the module docstring).
_REWRITTEN_KEYS: Final = frozenset({"hash", "pad", "pad2", "signature"})
_DROPPED_KEYS: Final = frozenset({"icon", "schema.org.SoftwareApplication.operatingSystem"})


def reads_back(value: Any) -> bool:
    """Whether a value signed into our assertion is sure to be read back exactly (see `repaired`).

    Conservative: anything under a key crJSON rewrites or drops counts as unsure (an array under `hash`,
    `pad`, `pad2` or `signature`; anything under `icon` or the renamed schema.org key). The signing side
    leaves such parameters out, so the gate never publishes a manifest it would then call unreadable.
    """
    if isinstance(value, str | int | float | None):  # the common case, before the Mapping ABC's test
        return True
    if isinstance(value, Mapping):
        for key, item in value.items():
            if key in _DROPPED_KEYS or (key in _REWRITTEN_KEYS and isinstance(item, list)):
                return False
            if not reads_back(item):
                return False
        return True
    if isinstance(value, list):
        return all(reads_back(item) for item in value)
    return True


def suspect_paths(value: Any) -> list[Path]:
    """Where `value` (the report's copy) holds a string that may be a mangled array: only values held
    directly under an object key are mangled, so strings inside arrays are never suspects."""
    found: list[Path] = []
    _collect(value, (), found)
    return found


def _collect(value: Any, path: Path, found: list[Path]) -> None:
    if isinstance(value, dict):  # parsed JSON: objects are dicts (cheaper to test than the Mapping ABC)
        for key, item in value.items():
            if isinstance(item, str):
                if _BASE64.fullmatch(item):
                    found.append((*path, key))
            else:
                _collect(item, (*path, key), found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if not isinstance(item, str):
                _collect(item, (*path, index), found)


def mangled(value: Any) -> str | None:
    """What `Reader.json()` renders `value` as when it is an array it mangles; None for anything else."""
    if not isinstance(value, list) or not value:
        return None
    if not all(isinstance(item, int | float) and not isinstance(item, bool) for item in value):
        return None
    kept = bytes(item & 0xFF for item in value if isinstance(item, int) and item >= 0)
    return base64.b64encode(kept).decode("ascii")


def repaired(report_copy: Any, exact: Callable[[], Any], paths: list[Path]) -> Any | None:
    """`report_copy` with each suspect at `paths` resolved against `exact()` (crJSON's copy), or None when
    one cannot be resolved for certain. `exact` is called only if there is a suspect."""
    if not paths:
        return report_copy
    source = exact()
    result = _copy(report_copy)
    for path in paths:
        shown, truth = _at(report_copy, path), _at(source, path)
        if truth == shown:
            continue  # a genuine string
        if mangled(truth) != shown:
            return None
        _put(result, path, truth)
    return result


def _at(value: Any, path: Path) -> Any:
    for step in path:
        in_object = isinstance(step, str) and isinstance(value, Mapping) and step in value
        in_array = isinstance(step, int) and isinstance(value, list) and step < len(value)
        if not (in_object or in_array):
            return _MISSING
        value = value[step]
    return value


def _put(value: Any, path: Path, item: Any) -> None:
    for step in path[:-1]:
        value = value[step]
    value[path[-1]] = item


def _copy(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value
