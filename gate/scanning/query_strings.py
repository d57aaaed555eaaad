"""The parameters of a URL's query string written inside a string ("https://form.example/kyc?pesel=
85010112345&step=2", a callback or a tracking link pasted into metadata).

A parameter's name names its value as an object's key does, and keyed rules read only what sits under a
key: read as text, "cpr_nummer=160251-9154" is a number after a word nobody would flag. So a string
holding a query string is also walked as an object of its parameters (as `tables` walks a table's rows
and `embedded` the JSON in a string); the names are decoded ("%2B" is "+") as a server would decode them.
At most `MAX_PARAMETERS` are read (the walker's limits count what is read here too).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

MAX_PARAMETERS = 64
# A query string: "?" and then name=value pairs split by "&" or ";", up to a space or the string's end.
_QUERY = re.compile(r"\?([^\s?#]*=[^\s#]*)")
_NAME = re.compile(r"[^\W\d][\w.\-\[\]]{0,63}")


def query_parameters(text: str) -> dict[str, str] | None:
    """The parameters of the query strings `text` holds (module docstring), name to value (a repeated
    name's first value under the name, each later one under "name.N"); None when `text` holds none."""
    if "?" not in text or "=" not in text:
        return None
    found: dict[str, str] = {}
    for match in _QUERY.finditer(text):
        fields = match.group(1).split("&", MAX_PARAMETERS)[:MAX_PARAMETERS]
        for name, value in parse_qsl("&".join(fields), keep_blank_values=False):
            if _NAME.fullmatch(name) is None:
                continue
            key = name if name not in found else f"{name}.{len(found)}"
            found[key] = value
            if len(found) >= MAX_PARAMETERS:
                return found
    return found or None
