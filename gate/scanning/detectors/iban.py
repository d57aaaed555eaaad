"""IBAN_CODE: country code, check digits, then a BBAN that passes ISO 7064 mod 97 (python-stdnum)."""

from __future__ import annotations

import re
import string
from functools import lru_cache

from stdnum import iban, numdb

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
    r"(?<![A-Za-z0-9])(?=([A-Za-z]{2}\d{2}(?:[ \-.]?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])))"
)
_SEPARATORS = str.maketrans("-.", "  ")
_IBAN_START = re.compile(r"[A-Za-z]{2}\d{2}")


@lru_cache(maxsize=1)
def _iban_lengths() -> dict[str, int]:
    """{country code: IBAN length}, from python-stdnum's IBAN registry (the BBAN structure, "8!n10!n")."""
    registry = numdb.get("iban")
    lengths = {}
    for first in string.ascii_uppercase:
        for second in string.ascii_uppercase:
            props = registry.info(first + second)[0][1]
            if props.get("bban"):
                lengths[first + second] = 4 + sum(int(n) for n in re.findall(r"(\d+)!", props["bban"]))
    return lengths


def _valid_iban(match: re.Match[str], text: Text) -> bool:
    # The pattern may run into a following capitalised word ("... 00 TO") or start at a group before the
    # IBAN ("ff00aa de89 3704 ..."): each group that starts with a country code is tried, with as many
    # groups as that country's IBAN is long (one checksum per start, so hostile runs stay linear).
    groups = match.group(match.lastindex or 0).translate(_SEPARATORS).split(" ")
    lengths = _iban_lengths()
    for start, first in enumerate(groups):
        length = lengths.get(first[:2].upper()) if _IBAN_START.match(first) else None
        if length is None:
            continue
        number = ""
        for group in groups[start:]:
            number += group
            if len(number) >= length:
                break
        if len(number) == length and iban.is_valid(number):
            return True
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
