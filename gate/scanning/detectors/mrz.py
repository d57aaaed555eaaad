"""NATIONAL_ID: the machine-readable zone of a passport or identity card (ICAO Doc 9303), as an OCR of a
document photo or a retouching brief copies it.

The line that carries the numbers is checked, not guessed: a document number and its check digit, a
birth date and its check digit, an expiry date and its check digit (ICAO's 7-3-1 weights, "<" read as
0, letters as 10-35), on a passport's second line (TD3, 44 characters) or an identity card's first two
lines (TD1, 30 characters each). A random string of capitals, digits and "<" passes three check digits
one time in a thousand, and no catalogue copy writes "<<" runs at all: the rule is not tried on text
without "<<". The first line alone ("P<NGAOKAFOR<<CHIAMAKA") is a name, which the name detectors read.
"""

from __future__ import annotations

import re

from gate.scanning.detectors.base import (
    HAS_DIGIT,
    HAS_DIGIT_RUN,
    HAS_UPPER,
    PatternDetector,
    PatternRule,
    Text,
)

_CHAR = "[A-Z0-9<]"
# A passport's second line: number (9) and check, nationality, birth date and check, sex, expiry and
# check, optional personal number (14) and check, a composite check.
_TD3 = re.compile(
    rf"(?<![A-Z0-9<])(?P<number>{_CHAR}{{9}})(?P<n>\d)[A-Z<]{{3}}(?P<birth>\d{{6}})(?P<b>\d)[MFX<]"
    rf"(?P<expiry>\d{{6}})(?P<e>\d){_CHAR}{{14}}[\d<]\d(?![A-Z0-9<])"
)
# An identity card's first line (document code, state, number and check, optional data) then the
# second (birth date and check, sex, expiry and check, nationality).
_TD1 = re.compile(
    rf"(?<![A-Z0-9<])[ACI][A-Z<][A-Z<]{{3}}(?P<number>{_CHAR}{{9}})(?P<n>[\d<]){_CHAR}{{15}}\s*"
    rf"(?P<birth>\d{{6}})(?P<b>\d)[MFX<](?P<expiry>\d{{6}})(?P<e>\d)[A-Z<]{{3}}"
)
_WEIGHTS = (7, 3, 1)


def check_digit(field: str) -> str:
    """The ICAO 9303 check digit of `field` (digits as such, "<" as 0, A-Z as 10-35, weights 7, 3, 1)."""
    total = 0
    for index, char in enumerate(field):
        value = int(char) if char.isdigit() else 0 if char == "<" else ord(char) - 55
        total += value * _WEIGHTS[index % 3]
    return str(total % 10)


def _checked(match: re.Match[str], text: Text) -> bool:
    number, birth, expiry = match.group("number"), match.group("birth"), match.group("expiry")
    return (
        any(ch.isdigit() for ch in number)
        and check_digit(number) == match.group("n")
        and check_digit(birth) == match.group("b")
        and check_digit(expiry) == match.group("e")
    )


def _has_filler(text: Text) -> bool:
    return "<<" in text.value


DETECTOR = PatternDetector(
    entity="NATIONAL_ID",
    needs=HAS_DIGIT,
    # (a birth date and an expiry date: six digits in a row)
    requires=HAS_UPPER | HAS_DIGIT_RUN,
    rules=(
        PatternRule("national_id.mrz_td3", _TD3, _checked, when=_has_filler),
        PatternRule("national_id.mrz_td1", _TD1, _checked, when=_has_filler),
    ),
)
