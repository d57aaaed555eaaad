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
# Typed in lower or mixed case ("de89 3704 0044 ..."): tried after the capitals' pattern, only where it
# found nothing; the checksum keeps it as strict.
# Inside a lookahead, so candidates may overlap: in lower case, "ff00aa" or "sd15" may start a candidate
# that runs into the IBAN after it.
_CASELESS_CANDIDATE = re.compile(
    r"(?=([A-Za-z](?<![A-Za-z0-9][A-Za-z])[A-Za-z]\d{2}(?:[ \-.]?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])))"
)
_SEPARATORS = str.maketrans("-.", "  ")
_IBAN_START = re.compile(r"[A-Za-z]{2}\d{2}")
_MIN_IBAN_CHARS = 15


def _valid_iban(match: re.Match[str], text: Text) -> bool:
    # The pattern may run into a following capitalised word ("... 00 TO"): drop trailing groups. It may
    # also start at a group before the IBAN ("ff00aa de89 3704 ..."): try each group that can start one.
    groups = match.group(match.lastindex or 0).translate(_SEPARATORS).split(" ")
    for start, first in enumerate(groups):
        if start and _IBAN_START.match(first) is None:
            continue
        tail = groups[start:]
        while tail and len("".join(tail)) >= _MIN_IBAN_CHARS:
            if iban.is_valid("".join(tail)):
                return True
            tail.pop()
    return False


DETECTOR = PatternDetector(
    entity="IBAN_CODE",
    # Not a digit run: letters can break up the digits ("MT70 MALT 0110 0A12 B45M ...").
    needs=HAS_DIGIT,
    rules=(
        PatternRule("iban.mod97", _CANDIDATE, _valid_iban),
        PatternRule("iban.mod97", _CASELESS_CANDIDATE, _valid_iban),
    ),
    # An IBAN starts with two capital letters and two digits.
    requires=HAS_CODE_START,
    unless=NOT_NUMERIC,
)
