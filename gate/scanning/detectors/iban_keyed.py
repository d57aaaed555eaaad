"""IBAN_CODE under a key that names an IBAN, by its form (the lead's Faker sweep, nineteenth session).

In text an IBAN must pass its checks (ISO 7064 mod 97, the registry's length and structure): a code of
that shape that fails them is no account. Under `{"payment": {"iban": ...}}` the key says what the value
is: one typo in a customer's IBAN, or test data made without the check (Faker's `iban()` of a dozen
locales: Bangladesh, India's `GB` of the wrong length, the Philippines, Mexico ...), is still the account
as the shop stored it, and was approved. A value counts there when it has an IBAN's form: a country's
two letters, two check digits, then 8 to 30 letters and digits, six digits at least, not one digit
repeated; or an account's digits in groups without the letters (a BANK_ACCOUNT). A business's IBAN
(`seller_iban`, `merchant_iban`) is not read so.
"""

from __future__ import annotations

import re

from gate.scanning.context import KeyInfo
from gate.scanning.detectors.iban import is_valid_iban
from gate.scanning.detectors.id_keyed import BUSINESS_WORDS, key_words
from gate.scanning.detectors.keyed_rule import KeyedRule, written_value

# (numbers19) from 8 letters and digits after the check digits: an account of a country without IBANs
# written as one (Faker's Thai "TH401686602910") is still the customer's account
_IBAN_FORM = re.compile(r"[A-Za-z]{2}\d{2}[A-Za-z0-9]{8,30}")
# (numbers19) ... and an account number without a country's letters under the same key (a Thai
# "123-4-56789-0"): digits in groups, eight to 30 in all
_ACCOUNT_FORM = re.compile(r"\d{1,12}(?:[ \-]\d{1,12}){0,6}")
_MIN_ACCOUNT_DIGITS, _MAX_ACCOUNT_DIGITS = 8, 30
_MIN_DIGITS = 6
_SEPARATORS = re.compile(r"[ \-.]")


class IbanKeyRule(KeyedRule):
    """`KeyedRule` on keys with the word `iban` and no word of a business's (see the module docstring)."""

    __slots__ = ()

    def matches(self, key: KeyInfo) -> bool:
        """True if a word of the key is `iban` (`iban`, `customer_iban`, `IBAN-Nummer`) and none a
        business's."""
        words = key_words(key)
        return any(word.startswith("iban") for word in words) and not words & BUSINESS_WORDS


def iban_shaped(value: object) -> bool:
    """`value` has an IBAN's form (see the module docstring)."""
    if isinstance(value, bool) or not isinstance(value, str):
        return False
    compact = _SEPARATORS.sub("", written_value(value))
    digits = [ch for ch in compact if ch.isdigit()]
    # (a placeholder of one digit repeated, "DE00 0000 0000 ...", is no one's)
    if _IBAN_FORM.fullmatch(compact) is None or len(digits) < _MIN_DIGITS or len(set(digits)) == 1:
        return False
    return not is_valid_iban(compact.upper())  # a valid one is the IBAN detector's (`iban.mod97`)


def account_shaped(value: object) -> bool:
    """`value` is an account number's digits in groups (see `_ACCOUNT_FORM`), not one digit repeated."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return False
    written = written_value(value)
    digits = [ch for ch in written if ch.isdigit()]
    return (
        _ACCOUNT_FORM.fullmatch(written) is not None
        and _MIN_ACCOUNT_DIGITS <= len(digits) <= _MAX_ACCOUNT_DIGITS
        and len(set(digits)) > 1
    )


KEYED_RULES: tuple[KeyedRule, ...] = (
    IbanKeyRule("IBAN_CODE", "iban.key_shaped", frozenset(), iban_shaped),
    IbanKeyRule("BANK_ACCOUNT", "bank_account.iban_key", frozenset(), account_shaped),
)
