"""JSON as the gate reads it: a document whose object repeats a key is refused, and so is one that holds
NaN, Infinity or a number too large for a float (RFC 8259 has none of them; Python's json reads them,
other readers refuse the document, and a manifest or record that carried one would not parse).

Readers disagree about `{"email": "a@b.co", "email": "x"}`: Python keeps the last value, others the
first. The gate scans one reading, so a document that has two is refused rather than half-scanned. The
hook runs once per object; the pointer of the offending object is found only when there is one.
"""

from __future__ import annotations

import json
import math
from typing import Any

from gate.pointers import escape_token
from gate.scanning.context import key_info
from gate.scanning.walk import HIDDEN_KEY  # as in findings: a key that is not an identifier is "*N"


class DuplicateKeyError(ValueError):
    """An object in the document repeats a key. `pointer` names the object, never a key's value."""

    def __init__(self, pointer: str) -> None:
        self.pointer = pointer
        where = pointer or "the top level"
        super().__init__(f"the JSON object at {where} has a duplicate key")


class NonFiniteNumberError(ValueError):
    """The document holds NaN, Infinity or a number that overflows a float (`1e999`)."""

    def __init__(self) -> None:
        super().__init__("the JSON document holds NaN, Infinity or a number too large for a float")


def _constant(name: str) -> Any:
    raise NonFiniteNumberError


def _finite(text: str) -> float:
    number = float(text)
    if math.isinf(number):
        raise NonFiniteNumberError
    return number


class _Repeated(dict[str, Any]):
    """An object whose key list had a repeat (marked, so its pointer can be found after parsing)."""


def _find(doc: Any) -> str:
    """The pointer of the first marked object in document order (iterative: a document can be deep)."""
    stack: list[tuple[Any, str]] = [(doc, "")]
    while stack:
        item, path = stack.pop()
        if type(item) is _Repeated:
            return path
        if isinstance(item, dict):
            children = [
                (value, f"{path}/{escape_token(key) if key_info(key).plain else f'{HIDDEN_KEY}{position}'}")
                for position, (key, value) in enumerate(item.items())
            ]
        elif isinstance(item, list):
            children = [(value, f"{path}/{index}") for index, value in enumerate(item)]
        else:
            continue
        stack.extend(reversed(children))
    return ""


def loads(raw: str | bytes) -> Any:
    """`json.loads`, refusing any object with a repeated key (`DuplicateKeyError`, a ValueError) and
    NaN, Infinity or an overflowing number (`NonFiniteNumberError`, a ValueError).

    Other errors are json.loads's own: ValueError (and UnicodeDecodeError) for text that is not JSON,
    RecursionError for nesting too deep to parse.
    """
    repeated = False

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal repeated
        obj = dict(pairs)
        if len(obj) == len(pairs):
            return obj
        repeated = True
        return _Repeated(pairs)

    doc = json.loads(raw, object_pairs_hook=pairs_hook, parse_constant=_constant, parse_float=_finite)
    if repeated:
        raise DuplicateKeyError(_find(doc))
    return doc
