"""Protocol Buffers text format written inside a string: a service's debug dump of a message pasted into
a job's notes (`customer { email: "jane\\100example.com" birth_date { year: 1984 month: 3 day: 12 } }`).

A field's name names its value as an object's key does, so a string in this format is also walked as
the object it writes: nested messages as objects, a repeated field as a list. String values are read
with the format's escapes undone (octal `\\100` is "@", `\\303\\274` the UTF-8 of "ü"). A message of
exactly the fields `year`, `month` and `day` (google.type.Date) is read as the date it writes, so a
birth date split over three numbers is a date under its field's name.

Only a document that opens with a message (`name {`) and parses whole is read; at most `MAX_TOKENS`
tokens and `MAX_DEPTH` levels; anything else is read as text only.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from gate.json_values import keep_every_value

# Names, values and punctuation: some 2,000 fields (a generation job's debug dump holds a few dozen).
MAX_TOKENS = 8000
MAX_DEPTH = 32
_START = re.compile(r"\s*[A-Za-z_][\w.]{0,127}\s*[{<]")
_TOKEN = re.compile(
    r"\s*(?:#[^\n]*\n\s*)*"
    r"(?:(?P<name>\[[\w./]+\]|[A-Za-z_]\w*)|(?P<string>\"(?:[^\"\\\n]|\\.){0,4000}\"|'(?:[^'\\\n]|\\.){0,4000}')"
    r"|(?P<number>-?[\w.+\-]+)|(?P<punct>[{}<>:;,\[\]]))"
)


class _Stop(Exception):
    """Not the text format: the string is read as text only."""


def may_be_proto_text(text: str) -> bool:
    """Whether `text` opens as a text-format message (a cheap test before `proto_message`)."""
    return _START.match(text) is not None and text.rstrip()[-1:] in ("}", ">")


def _string(token: str) -> str:
    raw = codecs.escape_decode(token[1:-1].encode("utf-8"))[0]
    assert isinstance(raw, bytes)
    return raw.decode("utf-8", errors="replace")


def _scalar(tokens: list[re.Match[str]], at: int) -> tuple[Any, int]:
    token = tokens[at]
    if token.group("string"):
        value = _string(token.group("string"))
        while at + 1 < len(tokens) and tokens[at + 1].group("string"):  # adjacent strings concatenate
            at += 1
            value += _string(tokens[at].group("string"))
        return value, at + 1
    word = token.group("number") or token.group("name")
    if word is None:
        raise _Stop
    if word.lstrip("-").isdigit() and len(word) < 20:
        return int(word), at + 1  # a number is read as one, as JSON's are
    return word, at + 1


def _message(tokens: list[re.Match[str]], at: int, close: str | None, depth: int) -> tuple[Any, int]:
    if depth > MAX_DEPTH:
        raise _Stop
    # A repeated field's values become a list, in order (a list the document wrote with brackets is one
    # value), as JSON objects with a repeated key are read.
    fields: list[tuple[str, Any]] = []
    while at < len(tokens):
        token = tokens[at]
        if close is not None and token.group("punct") == close:
            return _as_date(keep_every_value(fields)), at + 1
        name = token.group("name")
        if name is None:
            raise _Stop
        at += 1
        if at < len(tokens) and tokens[at].group("punct") == ":":
            at += 1
        if at >= len(tokens):
            raise _Stop
        punct = tokens[at].group("punct")
        if punct in ("{", "<"):
            value, at = _message(tokens, at + 1, "}" if punct == "{" else ">", depth + 1)
        elif punct == "[":
            value, at = _list(tokens, at + 1, depth)
        else:
            value, at = _scalar(tokens, at)
        fields.append((name, value))
        if at < len(tokens) and tokens[at].group("punct") in (";", ","):
            at += 1
    if close is not None:
        raise _Stop
    return keep_every_value(fields), at


def _list(tokens: list[re.Match[str]], at: int, depth: int) -> tuple[list[Any], int]:
    values: list[Any] = []
    while at < len(tokens) and tokens[at].group("punct") != "]":
        punct = tokens[at].group("punct")
        if punct in ("{", "<"):
            value, at = _message(tokens, at + 1, "}" if punct == "{" else ">", depth + 1)
        elif punct == ",":
            at += 1
            continue
        else:
            value, at = _scalar(tokens, at)
        values.append(value)
    return values, at + 1


def _as_date(fields: dict[str, Any]) -> Any:
    if set(fields) == {"year", "month", "day"} and all(isinstance(v, int) for v in fields.values()):
        return f"{fields['year']}-{int(fields['month']):02d}-{int(fields['day']):02d}"
    return fields


def proto_message(text: str) -> dict[str, Any] | None:
    """The message the text-format document `text` writes (module docstring); None when `text` is not
    one whole document."""
    if not may_be_proto_text(text):
        return None
    tokens: list[re.Match[str]] = []
    at, end = 0, len(text.rstrip())
    while at < end:
        if len(tokens) >= MAX_TOKENS:
            return None  # more than a document is read as: read as text only
        token = _TOKEN.match(text, at)
        if token is None or token.end() == at:
            return None
        tokens.append(token)
        at = token.end()
    try:
        message, _ = _message(tokens, 0, None, 0)
    except (_Stop, ValueError, UnicodeError):
        return None
    return message or None
