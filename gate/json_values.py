"""How the gate reads a JSON object whose keys repeat, wherever it reads JSON that others wrote.

Readers disagree about which of a repeated key's values counts (Python's `json` keeps the last,
others the first), and the document carries them all. Where the gate scans a document a writer chose
(a JSON string inside generation parameters, a PNG text chunk), every value must be scanned: the
`object_pairs_hook` here keeps them all. Where the gate takes a document as input (events,
parameters), a repeated key is refused instead (`gate/scanning/strict_json.py`).
"""

from __future__ import annotations

from typing import Any


def keep_every_value(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's members (`json.loads(..., object_pairs_hook=keep_every_value)`); a repeated key
    keeps all its values, as an array under that key."""
    members: dict[str, Any] = {}
    repeated: set[str] = set()
    for key, value in pairs:
        if key not in members:
            members[key] = value
        elif key in repeated:
            members[key].append(value)
        else:
            members[key] = [members[key], value]
            repeated.add(key)
    return members
