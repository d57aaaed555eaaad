"""Whether a number found in a text lies inside a UUID-shaped token, for the card and phone rules.

A UUID's groups are one identifier, whatever its digits spell: its last groups can be all decimal and
pass Luhn with a card's prefix ("c3b8ba59-48b7-ff17-3961-384414739499"), a group starting "00" reads as
an international prefix (Adobe's `xmp.did:c7f0939d-8a60-0049-9484-841e...` held a Photoshop file as
+49 9484 841). The token must hold a hex letter: a random UUID holds none with a chance of (10/16)**32,
about 3 in 10 million, while digits padded into its shape ("00000000-0000-0000-4539-578763621486") are
how a card is disguised, so they are read. The token ends where a letter or a digit no longer touches it,
so a number written after a UUID with a space, a colon or a line between is still read.
"""

from __future__ import annotations

import re

_UUID = re.compile(r"(?<![0-9A-Za-z])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![0-9A-Za-z])")
_UUID_CHARS = 36
_HEX_LETTERS = frozenset("abcdefABCDEF")


def in_uuid(value: str, start: int, end: int) -> bool:
    """Whether value[start:end] (a candidate number) overlaps a UUID-shaped token holding a hex letter."""
    window = value[max(0, start - _UUID_CHARS) : end + _UUID_CHARS]
    if window.count("-") < 4:  # most candidates: no UUID near them
        return False
    return any(
        found.start() < end and start < found.end() and not _HEX_LETTERS.isdisjoint(found.group())
        for found in _UUID.finditer(value, max(0, start - _UUID_CHARS), end + _UUID_CHARS)
    )
