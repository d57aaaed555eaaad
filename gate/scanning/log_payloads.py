"""JSON objects inside a line of text: an application's log line with its payload after a prefix
(`2024-03-12 10:15:32 INFO checkout payload={"dob": "1984-03-12", "zip": "04109"}`), a support tool's
event line, a queue consumer's dead-letter message.

An object's keys name its values as the outer document's do, and keyed rules read only what sits under
a key: read as text, `"dob": "1984-03-12"` is a quoted word and a quoted date. A string that is a whole
JSON document is walked as one already (`embedded`); one that holds an object after other text is also
walked as the list of the objects it holds, each read whole from its `{"` on (json's own decoder, with a
repeated key's every value kept, NaN and Infinity read as null). At most `MAX_OBJECTS` objects are
read; a brace that opens no whole object is read as text only.
"""

from __future__ import annotations

import json
from typing import Any

from gate.json_values import keep_every_value

MAX_OBJECTS = 8
_OPENING = '{"'
_DECODER = json.JSONDecoder(object_pairs_hook=keep_every_value, parse_constant=lambda _name: None)


def may_hold_objects(text: str) -> bool:
    """Whether `text` may hold a JSON object after other text (a cheap test before `inner_objects`)."""
    return _OPENING in text


def inner_objects(text: str) -> list[Any] | None:
    """The JSON objects `text` holds after other text (module docstring); None when it holds none."""
    found: list[Any] = []
    at = text.find(_OPENING)
    tries = 0
    while at >= 0 and len(found) < MAX_OBJECTS and tries < 4 * MAX_OBJECTS:
        tries += 1
        try:
            value, end = _DECODER.raw_decode(text, at)
        except ValueError:
            at = text.find(_OPENING, at + 1)
            continue
        if isinstance(value, dict) and value:
            found.append(value)
        at = text.find(_OPENING, end)
    return found or None
