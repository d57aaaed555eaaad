"""LOCATION: the last part of an address as North America and Australia write it, a state or province
code and its postcode after the town ("Bozeman, MT 59715", "New Sarah, NT N8B 3M7", "Toowoomba, QLD,
4350"), and the addresses of US forces abroad ("PSC 1234, Box 5678, APO AE 09012", "USNV Nimitz, FPO AP
96601"); with the town written in any script, as Faker's locales and customers abroad write it
("0251 صقر Ford, بنو ليثbury, ND 77436").

A code and a number alone are a product's ("Model CA 90210", "XL 12345"): the code must be a state's
or a province's with the postcode form of its country, after a comma that ends a part which, or one
before it, holds a number (the house, the box).
"""

from __future__ import annotations

import re
import unicodedata

from gate.scanning.branches import GatedBranches
from gate.scanning.detectors.base import HAS_CAPITALS, HAS_COMMA, PatternRule, Text

# The states, districts and territories of the US (AA, AE, AP: its forces abroad), Canada's provinces
# and territories, Australia's states and territories, as the post writes them.
_US = frozenset(
    (
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
        "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC",
        "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
        "PR", "GU", "VI", "AS", "MP", "PW", "FM", "MH", "AA", "AE", "AP",
    )
)  # fmt: skip
_CANADA = frozenset(("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"))
_AUSTRALIA = frozenset(("NSW", "VIC", "QLD", "SA", "WA", "TAS", "NT", "ACT"))
# ", ST 12345", ", ST 12345-6789", ", ON M4B 1B3" (or without its space), ", QLD, 4350".
_STATE_CODE = re.compile(
    r",\s?(?P<state>[A-Z]{2,3}),?\s(?P<code>\d{5}(?:-\d{4})?|\d{4}|[A-Z]\d[A-Z]\s?\d[A-Z]\d)(?![\w\-])"
)
# The part before the comma: a town (its last character a letter of any script).
_NEAR = 80


def _state_address(match: re.Match[str], text: Text) -> bool:
    """True when the code is a state's with its country's postcode form, after a town, and a number
    stands in the address's parts before it."""
    state, code = match["state"], match["code"]
    if code[0].isalpha():
        valid = state in _CANADA
    elif len(code) == 4:
        valid = state in _AUSTRALIA
    else:
        valid = state in _US
    if not valid:
        return False
    value, start = text.value, match.start()
    before = value[max(0, start - _NEAR) : start]
    line = before.rsplit("\n", 1)[-1]
    if not line[-1:] or unicodedata.category(line[-1])[0] not in "LM":  # (a vowel sign ends Sinhala)
        return False
    # A number among the parts before the town (the house, the box), not in the town's part itself.
    parts = line.rsplit(",", 1)
    return len(parts) == 2 and any(ch.isdigit() for ch in parts[0])


# A postcode of letters and digits after its town and an earlier part, without a house number (a
# cottage's name, a townland, a rural route): the UK's ("Lower Slaughter, Cheltenham GL54 2HS"),
# Canada's after the province ("Site 5, Box 12, Okotoks AB T1S 1A1"), Ireland's Eircode ("Co. Kerry,
# V93 FX20", "Dublin 7, D07 X2K4"). Its form says a postcode: both halves, letters and digits mixed.
# (The regex starts with the code's first digit, after a capital, so the engine skips ahead to digits;
# the capitals before it, the town and the province are read after.)
_LETTER_POSTCODE = re.compile(
    r"\d(?<=[A-Z]\d)(?:[A-Z\d]?\s\d[A-Z]{2}|[A-Z]\s\d[A-Z]\d|[\dW]\s[AC-FHKNPRTV-Y\d]{4})(?![\w\-])"
)
_CODE_LETTERS = 2
# The whole code, from its capitals: "IL54 4352" of an IBAN is no Eircode (its routing letter is one of
# these) nor a UK postcode (whose second half is a digit and two capitals).
_WHOLE_CODE = re.compile(
    r"(?:[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|[A-Z]\d[A-Z]\s\d[A-Z]\d|[AC-FHKNPRTV-Y]\d[\dW]\s[AC-FHKNPRTV-Y\d]{4})"
)
_PROVINCE_BEFORE = re.compile(r"\s[A-Z]{2}$")


def _after_parts(match: re.Match[str], text: Text) -> bool:
    """True when the postcode ends a line of at least two parts, the one before it a town's name (and
    a province's code between: "Okotoks AB T1S 1A1")."""
    value, start = text.value, match.start()
    first = start
    while first and start - first < _CODE_LETTERS and "A" <= value[first - 1] <= "Z":
        first -= 1
    if _WHOLE_CODE.fullmatch(value, first, match.end()) is None:
        return False
    line = value[max(0, first - _NEAR) : first].rsplit("\n", 1)[-1]
    if not line[-1:].isspace():
        return False
    line = line.rstrip()
    province = _PROVINCE_BEFORE.search(line)
    if province is not None:
        line = line[: province.start()]
    line = line.rstrip(",")
    if not line[-1:].isalnum() and line[-1:] != ".":
        return False
    parts = line.split(",")
    town = parts[-1].split()
    if len(parts) < 2 or not town:
        return False
    # The town's words capitalised, a district's number last ("Dublin 7"), an abbreviation ("Co. Kerry").
    return town[0][:1].isupper() and (town[-1][:1].isupper() or town[-1].isdigit())


# A post-office box's abbreviation and number, then the postcode and the town ("PL 311, 33101 Tampere",
# "CS 70021, 75341 Paris Cedex 07", "BP 45, 13601 Aix-en-Provence"): the abbreviation alone is a code's
# name too often ("BP 45" of a blood pressure, "PL 311" of a part list).
_BOX_BEFORE_POSTCODE = re.compile(r"\b(?:PL|CS|BP|TSA|Pf|Box)\.?\s\d{1,6},\s\d{4,5}\s[A-ZÀ-Ý][a-zà-ÿ]")

# US forces abroad: APO, FPO or DPO and the "state" AA, AE or AP, then a ZIP.
_MILITARY = re.compile(r"\b[ADF]PO\s(?:AA|AE|AP)\s\d{5}(?:-\d{4})?(?!\d)")

# One rule: each form searched alone, and only in text that holds what it needs (`GatedBranches`; a
# rule of its own costs its call on every string with a comma and a capital). Every form holds a comma
# and a capital.
_FORMS = GatedBranches(
    (
        (_STATE_CODE.pattern, ()),
        (_LETTER_POSTCODE.pattern, ()),
        (_BOX_BEFORE_POSTCODE.pattern, (("PL", "CS", "BP", "TSA", "Pf", "Box"),)),
        (_MILITARY.pattern, (("APO ", "FPO ", "DPO "),)),
    )
)


def _valid(match: re.Match[str], text: Text) -> bool:
    """The state's or the letter postcode's check, by the form that matched (the box and the forces'
    forms hold their own evidence)."""
    form = match.re.pattern
    if form == _STATE_CODE.pattern:
        return _state_address(match, text)
    if form == _LETTER_POSTCODE.pattern:
        return _after_parts(match, text)
    return True


# Every form holds a capital before a capital or a digit ("ND 77436", "GL54", "T1S", "APO", "PL 311"):
# one search that skips ahead to capitals, where most prose has a small letter after each.
_CODE_PAIR = re.compile(r"[A-Z][A-Z\d]")


def _has_code(text: Text) -> bool:
    return _CODE_PAIR.search(text.value) is not None


RULES = (
    PatternRule("location.state_postcode", _FORMS, _valid, when=_has_code, requires=HAS_COMMA | HAS_CAPITALS),
)
