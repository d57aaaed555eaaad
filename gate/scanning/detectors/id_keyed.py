"""NATIONAL_ID under a key that names a person's number without naming its country.

In text an id must pass its country's check (python-stdnum), or any code would be someone's number; so
must a number under its own name's key (`EGN`, `PESEL`, `cuit`). Under `{"customer": {"ssn": ...}}` or
`{"national_id": ...}` the key says what the value is but not which country's number it is: one whose
checks the scanner has not got, or one test data made up (Faker's `ssn()` of 30 locales: a CUIL, a CPF,
an EMBG, mostly failing their checks), is still a person's number as the shop stored it. A value counts
there when it has the form such a number has: one token of letters and digits with at least five
digits, not one digit repeated, not a date. Keys that name a business's number (`tax_id` of a `seller`,
`vat_number`, `Steuernummer`) are not read so. (An IBAN has one form and one check everywhere: one
that fails it is no account in text; under a key that names an IBAN, `iban_keyed` reads it by its form.)
"""

from __future__ import annotations

import re
from itertools import pairwise

from gate.scanning.context import KeyInfo
from gate.scanning.detectors.keyed_rule import KeyedRule, date_shaped, written_value

_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 .\-/]{3,28})[A-Za-z0-9]")
_MIN_ID_DIGITS = 5
_US_SSN = re.compile(r"\d{3}([ \-]?)\d{2}\1\d{4}")
# A key's words that name a person's identification number and nothing else. Keys that are other words
# too, or that shops use for their own references (`id_number`, `pan`, `ci`, `run`, `nik`), and the
# numbers' own names (`EGN`, `cedula`, `PESEL`), keep asking for a number that passes its check
# (`world_id.valid_id`, `european_id`); an Argentinian or Peruvian DNI has no check, eight digits.
_ID_WORDS = frozenset(
    (
        "nin", "nationalid", "national_id", "national_insurance", "citizen_id", "resident_id", "dni",
        "personal_number",
    )
)  # fmt: skip
# ... and the words of a business's number, which is not a person's.
BUSINESS_WORDS = frozenset(
    (
        "tax", "taxid", "steuer", "steuernummer", "steuerid", "vat", "ust", "ustid", "mwst", "ein", "company",
        "business", "seller", "merchant", "store", "shop", "vendor", "supplier", "registration", "siren",
        "siret", "kvk", "cif", "firma", "societe", "empresa", "azienda",
    )
)  # fmt: skip


def key_words(key: KeyInfo) -> set[str]:
    """The key's words, and each two neighbours joined (`national_id`)."""
    parts = key.norm.split("_")
    words = set(parts)
    # Two-word names as one ("national_id", "id_number"), so "national_holiday" is not an id's key.
    words |= {f"{first}_{second}" for first, second in pairwise(parts)}
    return words


class NationalIdKeyRule(KeyedRule):
    """`KeyedRule` on keys that name a person's identification number (see the module docstring)."""

    __slots__ = ()

    def matches(self, key: KeyInfo) -> bool:
        """True if the key names a person's id (a word of `_ID_WORDS`), and no word
        of a business's number. (Under an SSN's key (`SsnKeyRule`) nine digits are US_SSN's.)"""
        words = key_words(key)
        return bool(words & _ID_WORDS) and not words & BUSINESS_WORDS and not _says_ssn(words)


class SsnKeyRule(KeyedRule):
    """`NationalIdKeyRule` for keys that name a social security number (`ssn`, `social_security_number`):
    a US SSN's nine digits there are the US_SSN detector's (`national_id`), other countries' numbers
    (Faker's `ssn()` of 30 locales: a CUIL, a CPF, an EMBG ...) this rule's."""

    __slots__ = ()

    def matches(self, key: KeyInfo) -> bool:
        """True if the key names a social security number and no business's number."""
        words = key_words(key)
        return _says_ssn(words) and not words & BUSINESS_WORDS


def _says_ssn(words: set[str]) -> bool:
    return "ssn" in words or {"social", "security"} <= words


def _not_us_ssn(value: object) -> bool:
    """An id's form, other than a US SSN's nine digits (3-2-4, spaced, dashed or not)."""
    if not id_shaped(value) or not isinstance(value, str | int):
        return False
    return _US_SSN.fullmatch(written_value(value)) is None


def id_shaped(value: object) -> bool:
    """`value` has an identification number's form (see the module docstring)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return False
    written = written_value(value)
    if _ID.fullmatch(written) is None or date_shaped(written):
        return False
    digits = [ch for ch in written if ch.isdigit()]
    return len(digits) >= _MIN_ID_DIGITS and len(set(digits)) > 1


KEYED_RULES: tuple[KeyedRule, ...] = (
    NationalIdKeyRule("NATIONAL_ID", "national_id.key_shaped", frozenset(), id_shaped),
    SsnKeyRule("NATIONAL_ID", "national_id.key_shaped", frozenset(), _not_us_ssn),
)
