"""Whether a number found in a text lies inside a UUID-shaped token, for the card and phone rules.

A UUID's groups are one identifier, whatever its digits spell: its last groups can be all decimal and
pass Luhn with a card's prefix ("c3b8ba59-48b7-ff17-3961-384414739499"), a group starting "00" reads as
an international prefix (Adobe's `xmp.did:c7f0939d-8a60-0049-9484-841e...` held a Photoshop file as
+49 9484 841). Decided (numbers20): any token of the UUID's shape counts, all-decimal ones too
("00000000-0000-0000-4539-578763621486" is no card: no card or phone is written in 8-4-4-4-12 groups);
the token ends where a letter or a digit no longer touches it, so a number written after a UUID with a
space, a colon or a line between is still read.
"""

from __future__ import annotations

import re

_UUID = re.compile(r"(?<![0-9A-Za-z])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![0-9A-Za-z])")
_UUID_CHARS = 36


def in_uuid(value: str, start: int, end: int) -> bool:
    """Whether value[start:end] (a candidate number) overlaps a UUID-shaped token of `value`."""
    window = value[max(0, start - _UUID_CHARS) : end + _UUID_CHARS]
    if window.count("-") < 4:  # most candidates: no UUID near them
        return False
    return any(
        found.start() < end and start < found.end()
        for found in _UUID.finditer(value, max(0, start - _UUID_CHARS), end + _UUID_CHARS)
    )
