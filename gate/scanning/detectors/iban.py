"""IBAN_CODE: country code, check digits, then a BBAN that passes ISO 7064 mod 97 (python-stdnum)."""

from __future__ import annotations

import re

from stdnum import iban

from gate.scanning.context import NOT_NUMERIC
from gate.scanning.detectors.base import HAS_CODE_START, HAS_DIGIT, PatternDetector, PatternRule, Text

# Starts with one character class (the look-behind moved after it), so the regex engine can skip to
# capital letters instead of trying every position.
# Groups may be joined by a space, a dash or a dot ("DE89-3704-0044-...", "DE89.3704.0044...").
_CANDIDATE = re.compile(r"[A-Z](?<![A-Za-z0-9][A-Z])[A-Z]\d{2}(?:[ \-.]?[A-Z0-9]){11,30}(?![a-z0-9])")
_SEPARATORS = str.maketrans("-.", "  ")


def _valid_iban(match: re.Match[str], text: Text) -> bool:
    # The pattern may run into a following capitalised word ("... 00 TO"); drop trailing groups.
    groups = match.group().translate(_SEPARATORS).split(" ")
    while groups and len("".join(groups)) >= 15:
        if iban.is_valid("".join(groups)):
            return True
        groups.pop()
    return False


DETECTOR = PatternDetector(
    entity="IBAN_CODE",
    # Not a digit run: letters can break up the digits ("MT70 MALT 0110 0A12 B45M ...").
    needs=HAS_DIGIT,
    rules=(PatternRule("iban.mod97", _CANDIDATE, _valid_iban),),
    # An IBAN starts with two capital letters and two digits.
    requires=HAS_CODE_START,
    unless=NOT_NUMERIC,
)
