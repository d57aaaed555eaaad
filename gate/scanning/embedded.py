"""JSON written inside a string: a generator's settings passed as one text parameter, a ComfyUI workflow in a
PNG tEXt chunk, a form field that holds a serialised object.

Its keys say what its values are just as the outer document's do (`{"customer_name": "Budi Santoso"}`,
`{"dob": "1985-03-12"}`), and keyed rules read only what sits under a key: read as text, the string holds
a name and a date nobody would flag. So a string that is a JSON object or array is also walked as one.

Reading is bounded as the outer walk is (the walker's limits count what is read here too). A key an object
repeats is read with every value it was given, since readers disagree which one counts; NaN and Infinity,
which lenient writers emit, read as null.
"""

from __future__ import annotations

import json
from typing import Any

from gate.json_values import keep_every_value

# Shorter strings cannot hold a key and a value worth reading ('{"a":"b"}' is nine characters).
_MIN_CHARS = 9
_OPENERS = ("{", "[")
_CLOSERS = {"{": "}", "[": "]"}


def _no_number(name: str) -> None:
    """NaN and Infinity are read as null: the document's other members are still read."""
    return None


def embedded_json(text: str) -> dict[str, Any] | list[Any] | None:
    """The object or array `text` holds when, stripped of surrounding whitespace, it is one JSON document
    (`{...}` or `[...]`); None for anything else. Raises RecursionError for nesting Python's parser
    refuses, which the walker reports as its depth limit."""
    body = text.strip()
    if len(body) < _MIN_CHARS or body[0] not in _OPENERS or body[-1] != _CLOSERS[body[0]]:
        return None
    try:
        parsed = json.loads(body, object_pairs_hook=keep_every_value, parse_constant=_no_number)
    except ValueError:
        return None
    return parsed if isinstance(parsed, dict | list) else None
