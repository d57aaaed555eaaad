"""JSON as the gate reads it: a document whose object repeats a key is refused, and so is one that holds
NaN, Infinity or a number too large for a float (RFC 8259 has none of them; Python's json reads them,
other readers refuse the document, and a manifest or record that carried one would not parse), a string
with a lone surrogate ("\\ud800" alone is no character: I-JSON, RFC 7493, forbids it; a reader that
replaces it and one that drops it see different text, and it cannot be written as UTF-8), and an integer
longer than Python converts (4,300 digits, a guard against quadratic conversion).

Readers disagree about `{"email": "a@b.co", "email": "x"}`: Python keeps the last value, others the
first. The gate scans one reading, so a document that has two is refused rather than half-scanned. The
hook runs once per object; the pointer of the offending object is found only when there is one.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable
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


class UnpairedSurrogateError(ValueError):
    """A string (value or key) holds a lone UTF-16 surrogate. `pointer` names where, never the text."""

    def __init__(self, pointer: str) -> None:
        self.pointer = pointer
        where = pointer or "the top level"
        super().__init__(
            f"the JSON string at {where} holds a lone surrogate (a \\uD800-\\uDFFF escape without its pair), "
            "which is not Unicode text"
        )


class NumberTooLongError(ValueError):
    """An integer has more digits than Python converts (`sys.get_int_max_str_digits()`)."""

    def __init__(self, digits: int) -> None:
        self.digits = digits
        super().__init__(f"the JSON document holds an integer of {digits} digits, more than {_max_digits()}")


def _max_digits() -> int:
    limit: int = sys.get_int_max_str_digits()
    return limit or 4300


def _integer(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > _max_digits():
        raise NumberTooLongError(digits)
    return int(text)


# A surrogate can only come from an escape ("\\ud800" to "\\udfff") or a character the text holds
# already (a str, or bytes that decode with "surrogatepass", as json.loads does): the document is walked
# only when one may be there. Each test is a single-character search first: an event carries ~70 KB of
# base64 whose many "u" and "d" make any multi-character search cost more than the parse itself.
_SURROGATE_ESCAPE_TEXT = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE_ESCAPE_BYTES = re.compile(rb"\\u[dD][89a-fA-F]")
_LONE = re.compile(r"[\ud800-\udfff]")


def _may_hold_surrogate(raw: str | bytes) -> bool:
    if isinstance(raw, bytes):
        # 0xED leads a surrogate's UTF-8-style bytes (and Hangul's); UTF-16 and UTF-32 (a NUL among the
        # first bytes) are walked always.
        # (Single bytes as integers: bytes' `in` with a bytes operand first tries it as an integer and
        # formats and clears a TypeError.)
        if 0xED in raw or 0 in raw[:4]:
            return True
        return 0x5C in raw and _SURROGATE_ESCAPE_BYTES.search(raw) is not None
    if "\\" in raw and _SURROGATE_ESCAPE_TEXT.search(raw) is not None:
        return True
    return not raw.isascii() and _LONE.search(raw) is not None


def _lone(text: str) -> bool:
    return not text.isascii() and _LONE.search(text) is not None


def _constant(name: str) -> Any:
    raise NonFiniteNumberError


def _finite(text: str) -> float:
    number = float(text)
    if math.isinf(number):
        raise NonFiniteNumberError
    return number


class _Repeated(dict[str, Any]):
    """An object whose key list had a repeat (marked, so its pointer can be found after parsing)."""


def _token(key: str, position: int) -> str:
    return escape_token(key) if key_info(key).plain else f"{HIDDEN_KEY}{position}"


def _first(doc: Any, hit: Callable[[Any], bool]) -> str | None:
    """The pointer of the first value in document order for which `hit` is true, or None (iterative: a
    document can be deep)."""
    stack: list[tuple[Any, str]] = [(doc, "")]
    while stack:
        item, path = stack.pop()
        if hit(item):
            return path
        if isinstance(item, dict):
            children = [
                (value, f"{path}/{_token(key, position)}")
                for position, (key, value) in enumerate(item.items())
            ]
        elif isinstance(item, list):
            children = [(value, f"{path}/{index}") for index, value in enumerate(item)]
        else:
            continue
        stack.extend(reversed(children))
    return None


def _repeated(item: Any) -> bool:
    return type(item) is _Repeated


def _holds_lone_surrogate(item: Any) -> bool:
    """A string holding one, or an object one of whose keys does."""
    if isinstance(item, str):
        return _lone(item)
    return isinstance(item, dict) and any(_lone(key) for key in item)


def loads(raw: str | bytes) -> Any:
    """`json.loads`, refusing any object with a repeated key (`DuplicateKeyError`), NaN, Infinity or an
    overflowing number (`NonFiniteNumberError`), a lone surrogate (`UnpairedSurrogateError`) and an
    integer too long to convert (`NumberTooLongError`); all four are ValueErrors with value-free messages.

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

    doc = json.loads(
        raw, object_pairs_hook=pairs_hook, parse_constant=_constant, parse_float=_finite, parse_int=_integer
    )
    if repeated:
        raise DuplicateKeyError(_first(doc, _repeated) or "")
    if _may_hold_surrogate(raw):
        where = _first(doc, _holds_lone_surrogate)
        if where is not None:
            raise UnpairedSurrogateError(where)
    return doc
