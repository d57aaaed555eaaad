"""IBAN_CODE: country code, check digits, then a BBAN that passes ISO 7064 mod 97 (python-stdnum)."""

from __future__ import annotations

import re
import string
from functools import cache, lru_cache
from typing import Any

from stdnum import iban, numdb
from stdnum.exceptions import ValidationError
from stdnum.util import get_cc_module

from gate.scanning.context import NOT_NUMERIC
from gate.scanning.detectors.base import (
    HAS_CODE_START,
    HAS_EIGHT_DIGITS,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)

# Starts with one character class (the look-behind moved after the code and check digits), so the regex
# engine skips to capital letters instead of trying every position, and asks the look-behind only of
# "AA00" (not of every capital).
# Groups may be joined by a space, a dash or a dot ("DE89-3704-0044-...", "DE89.3704.0044...").
_CANDIDATE = re.compile(r"[A-Z][A-Z]\d{2}(?<![A-Za-z0-9][A-Z]{2}\d{2})(?:[ \-.]?[A-Z0-9]){11,30}(?![a-z0-9])")
# Typed in lower or mixed case ("de89 3704 0044 ..."): tried after the capitals' pattern, only where it
# found nothing; the checksum keeps it as strict.
# Inside a lookahead, so candidates may overlap: in lower case, "ff00aa" or "sd15" may start a candidate
# that runs into the IBAN after it. The match is the first check digit, the country code read behind it
# (`_caseless_candidate`): a pattern that starts with a letter stops at most characters of a text, one
# that starts with a digit at few (45% fewer instructions a search than the look-behind first, which
# tried every position).
_CASELESS_CANDIDATE = re.compile(
    r"\d(?<![A-Za-z0-9][A-Za-z]{2}\d)(?<=[A-Za-z]{2}\d)(?=(\d(?:[ \-.]?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])))"
)
_CODE_CHARS = 2  # the country code's letters before a caseless match
_SEPARATORS = str.maketrans("-.", "  ")
# (numbers20) The country code written apart from its check digits ("IBAN: DE 75 1139 0095 ...", "IBAN
# de 21 416414 ..."), in any case: read only in a text that names an IBAN or an account (`_APART_WORDS`),
# then checked as the others (the country's length, mod 97, its BBAN structure).
_APART = re.compile(
    r"(?<![A-Za-z0-9])(?=([A-Za-z]{2}[ \-.]\d{2}(?:[ \-.]?[A-Za-z0-9]){11,30}(?![A-Za-z0-9])))"
)
_APART_WORDS = (
    "iban", "ibanu", "ibana", "آيبان", "الآيبان", "ایبان", "شبا", "rib", "bic", "swift", "account", "konto",
    "rekening", "tilinumero", "compte", "cuenta", "conta", "conto", "rachunek", "rachunku", "счёт", "счет",
    "рахунок", "hesap", "חשבון", "bank", "banque", "banco", "banca", "überweisung", "virement",
    "transferencia", "bonifico", "przelew", "refund", "payout",
)  # fmt: skip
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


# What a letter counts for in ISO 7064 mod 97-10 (A = 10 ... Z = 35), as python-stdnum's `mod_97_10` reads it.
_LETTER_DIGITS = {ord(letter): str(value) for value, letter in enumerate(string.ascii_uppercase, 10)}


@cache  # one entry per country of the registry (`_iban_lengths` admits no other)
def _country_rules(code: str) -> tuple[re.Pattern[str], Any] | None:
    """The BBAN structure regex and the country module (or None) python-stdnum's `iban.validate` checks a
    number of country `code` with, read from its own registry and helpers; None where its registry is not
    the flat table of two-letter codes this reads it as (then `iban.is_valid` itself is asked)."""
    registry = numdb.get("iban")
    prefixes = getattr(registry, "prefixes", None)
    to_regex = getattr(iban, "_struct_to_re", None)
    if (
        to_regex is None
        or not isinstance(prefixes, list)
        or not all(len(prefix) == 5 and prefix[0] == 2 and not prefix[4] for prefix in prefixes)
    ):
        return None
    props = registry.info(code)[0][1]
    if not props:
        return None
    structure: re.Pattern[str] = to_regex(props.get("bban", ""))
    return structure, get_cc_module(code.lower(), "iban")


def is_valid_iban(number: str) -> bool:
    """`stdnum.iban.is_valid(number)`, with its lookups done once per country: its `compact` and registry
    lookup were 60-70% of the 70-200 us each IBAN cost (and every candidate that reaches here is an IBAN).
    The same checks in the same library's terms: mod 97, the registry's BBAN structure, the country's
    own module (tested against `iban.is_valid` on every registry country, valid and altered)."""
    if not (number.isascii() and number.isalnum()):
        return iban.is_valid(number)
    number = number.upper()  # `iban.compact`: nothing else to strip from letters and digits
    rules = _country_rules(number[:2])
    if rules is None:
        return iban.is_valid(number)
    if int((number[4:] + number[:4]).translate(_LETTER_DIGITS)) % 97 != 1:
        return False
    structure, module = rules
    if structure.match(number[4:]) is None:
        return False
    if module is not None:
        try:
            module.validate(number)
        except ValidationError:
            return False
    return True


def _valid_apart(match: re.Match[str], text: Text) -> bool:
    """An IBAN whose country code stands apart from its check digits: the two joined, then read as
    `_valid_iban` reads a candidate."""
    written = match.group(1)
    return _valid_groups((written[:2] + written[3:]).translate(_SEPARATORS).split(" "))


def _valid_iban(match: re.Match[str], text: Text) -> bool:
    return _valid_groups(match.group().translate(_SEPARATORS).split(" "))


def _caseless_candidate(match: re.Match[str]) -> str:
    """The candidate a `_CASELESS_CANDIDATE` match stands for: the country code behind it, then its group."""
    return match.string[match.start() - _CODE_CHARS : match.end(1)]


def _valid_caseless(match: re.Match[str], text: Text) -> bool:
    return _valid_groups(_caseless_candidate(match).translate(_SEPARATORS).split(" "))


def _valid_groups(groups: list[str]) -> bool:
    # The pattern may run into a following capitalised word ("... 00 TO") or start at a group before the
    # IBAN ("ff00aa de89 3704 ..."): each group that starts with a country code is tried, with as many
    # groups as that country's IBAN is long (one checksum per start, so hostile runs stay linear).
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
        if len(number) == length and is_valid_iban(number):
            return True
    return False


DETECTOR = PatternDetector(
    entity="IBAN_CODE",
    # Not a digit run: letters can break up the digits ("MT70 MALT 0110 0A12 B45M ..."). One of its
    # rules' facts: a code's start, or (an IBAN with its country apart) eight digits.
    needs=HAS_CODE_START | HAS_EIGHT_DIGITS,
    rules=(
        # An IBAN starts with two capital letters and two digits ...
        PatternRule("iban.mod97", _CANDIDATE, _valid_iban, requires=HAS_CODE_START),
        PatternRule("iban.mod97", _CASELESS_CANDIDATE, _valid_caseless, requires=HAS_CODE_START),
        # ... or, after an IBAN's or an account's word, its country code stands apart.
        PatternRule("iban.apart", _APART, _valid_apart, any_word(_APART_WORDS), requires=HAS_EIGHT_DIGITS),
    ),
    unless=NOT_NUMERIC,
)
