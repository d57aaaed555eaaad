"""RFC 6901 JSON pointers: how the gate names a place in a document without quoting what is there."""

from __future__ import annotations


def escape_token(token: str) -> str:
    """One RFC 6901 reference token: "~" becomes "~0", then "/" becomes "~1"."""
    if "~" in token or "/" in token:
        return token.replace("~", "~0").replace("/", "~1")
    return token


def pointer(*parts: str) -> str:
    """A JSON pointer from unescaped parts ("" for none)."""
    return "".join("/" + escape_token(part) for part in parts)
