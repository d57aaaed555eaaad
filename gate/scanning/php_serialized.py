"""A PHP-serialised value written inside a string: Magento 1's `product_options` and `info_buyRequest`,
WordPress and WooCommerce post meta (`a:2:{s:4:"name";s:13:"Jan Kowalski";...}`).

Its keys say what its values are, as a JSON object's do, and keyed rules read only what sits under a
key, so an array or an object in this form is also walked as the object it holds (`embedded` does the
same for JSON). PHP's own `unserialize` builds objects of the classes it names, which is how PHP object
injection works; this reader never builds anything but dicts, strings and numbers: an object is read as
the dict of its properties, a custom-serialised one (`C:`) as its payload's text, a reference as null.

The reader is strict and bounded: lengths are bytes of UTF-8 as PHP writes them, every declared length
and count must fit the text, and the whole string must be one value; nesting past `MAX_DEPTH` raises
RecursionError, which the walk reports as its depth limit (fail closed). Any
other input (a value cut short, a length a charset conversion broke, trailing text) gives None, and the
string is then read as text only, as any string is: never approved unread.
"""

from __future__ import annotations

import re
from typing import Any

MAX_DEPTH = 64
# The shortest member of an array is "i:0;N;" (six bytes): a declared count past a sixth of what is left
# cannot be true, so a hostile "a:999999999:{" is refused before any member is read.
_MIN_MEMBER_BYTES = 6
# An array or an object, whole: what `php_value` is asked to read ("a:2:{...}", "O:8:\"stdClass\":1:{...}").
_CONTAINER = re.compile(rb'(?:a:\d{1,9}:\{|O:\d{1,4}:")')
_INT = re.compile(rb"-?\d{1,20}")
_FLOAT = re.compile(rb"-?(?:\d{1,400}(?:\.\d{0,400})?(?:[eE][+\-]?\d{1,4})?|INF)|NAN")
_COUNT = re.compile(rb"\d{1,9}")
_FLAG = re.compile(rb"[01]")


class _Malformed(Exception):
    """The text is not one well-formed serialised value."""


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.at = 0

    def expect(self, literal: bytes) -> None:
        if not self.data.startswith(literal, self.at):
            raise _Malformed
        self.at += len(literal)

    def until(self, pattern: re.Pattern[bytes], end: bytes) -> bytes:
        match = pattern.match(self.data, self.at)
        if match is None or not self.data.startswith(end, match.end()):
            raise _Malformed
        self.at = match.end() + len(end)
        return match.group()

    def string(self) -> str:
        """`LEN:"bytes"` after its type letter and colon, as text."""
        size = int(self.until(_COUNT, b':"'))
        end = self.at + size
        if not self.data.startswith(b'"', end):
            raise _Malformed
        try:
            text = self.data[self.at : end].decode("utf-8")
        except UnicodeDecodeError:
            raise _Malformed from None
        self.at = end + 1
        return text

    def count(self) -> int:
        declared = int(self.until(_COUNT, b":{"))
        if declared * _MIN_MEMBER_BYTES > len(self.data) - self.at:
            raise _Malformed
        return declared

    def value(self, depth: int) -> Any:
        if depth > MAX_DEPTH:
            # Deeper than any real document: the walk reports it as its depth limit (fail closed)
            # rather than reading the strings without their keys.
            raise RecursionError
        if self.at + 2 > len(self.data):
            raise _Malformed
        kind = self.data[self.at : self.at + 2]
        self.at += 2
        if kind == b"N;":
            return None
        if kind == b"b:":
            flag = self.until(_FLAG, b";")
            return flag == b"1"
        if kind == b"i:":
            return int(self.until(_INT, b";"))
        if kind == b"d:":
            return float(self.until(_FLOAT, b";").replace(b"INF", b"inf"))
        if kind in (b"s:", b"E:"):  # a string; an enum case ("Suit:Hearts") is read as its text
            text = self.string()
            self.expect(b";")
            return text
        if kind in (b"r:", b"R:"):  # a reference to a value read before: read there already
            self.until(_COUNT, b";")
            return None
        if kind == b"a:":
            return self.members(self.count(), depth)
        if kind == b"O:":
            self.string()  # the class name: never looked up, never built
            self.expect(b":")
            return self.members(self.count(), depth)
        if kind == b"C:":  # custom serialisation: a class name and a payload only its class reads
            self.string()
            self.expect(b":")
            size = int(self.until(_COUNT, b":{"))
            payload = self.data[self.at : self.at + size]
            self.at += size
            self.expect(b"}")
            return payload.decode("utf-8", "replace")
        raise _Malformed

    def members(self, declared: int, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for _ in range(declared):
            key = self.value(depth + 1)
            if not isinstance(key, int | str) or isinstance(key, bool):
                raise _Malformed
            # A private or protected property's name carries its class: "\0Class\0name", "\0*\0name".
            name = str(key).rsplit("\0", 1)[-1]
            value = self.value(depth + 1)
            out[name if name not in out else f"{name}#{len(out)}"] = value
        self.expect(b"}")
        return out


def may_be_php(text: str) -> bool:
    """Whether `text` opens as a serialised PHP array or object (a cheap test before `php_value`)."""
    return (
        text[:1] in ("a", "O")
        and text[1:2] == ":"
        and _CONTAINER.match(text[:16].encode("utf-8")) is not None
    )


def php_value(text: str) -> dict[str, Any] | None:
    """The array or object `text` holds as a dict (module docstring), or None when `text`, stripped of
    surrounding whitespace, is not exactly one well-formed serialised PHP array or object."""
    data = text.strip().encode("utf-8", "surrogatepass")
    if _CONTAINER.match(data) is None:
        return None
    reader = _Reader(data)
    try:
        parsed = reader.value(0)
    except (_Malformed, ValueError, OverflowError):
        return None
    return parsed if isinstance(parsed, dict) and reader.at == len(data) else None
