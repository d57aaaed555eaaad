"""A key that says "a number" (seed, steps, price, reference, hash ...) silences the numeric detectors
only while its value reads as a number: text under it is read as text anywhere else would be.

Before, `{"seed": "call me at +49 30 901820"}` or an IBAN under `reference` was approved and signed.
"""

from __future__ import annotations

import pytest

from gate.scanning.context import NOT_NUMERIC, key_info, reads_as_number
from gate.scanning.walk import scan_parameters

# Keys whose own context is NOT_NUMERIC, in several languages and shapes.
NUMBER_KEYS = (
    "seed",
    "steps",
    "price",
    "reference",
    "order_reference",
    "size",
    "hash",
    "version",
    "timestamp",
    "sku",
    "gtin",
    "quantity",
    "cfgScale",
    "Referenz",
    "artikelnummer",
)

# (value, entity): personal data written as text, which no number key can vouch for.
TEXT_UNDER_NUMBER_KEYS = (
    ("+49 30 901820", "PHONE_NUMBER"),
    ("+33 6 12 34 56 78", "PHONE_NUMBER"),
    ("+1 415 555 2671", "PHONE_NUMBER"),
    ("call me at +49 30 901820", "PHONE_NUMBER"),
    ("call me on 030 901820 99", "PHONE_NUMBER"),
    ("ring me: 0151 23456789", "PHONE_NUMBER"),
    ("DE89 3704 0044 0532 0130 00", "IBAN_CODE"),
    ("DE89370400440532013000", "IBAN_CODE"),
    ("iban GB82 WEST 1234 5698 7654 32", "IBAN_CODE"),
    ("pay with 4111 1111 1111 1111", "CREDIT_CARD"),
    ("jane.doe@example.com", "EMAIL_ADDRESS"),
)

# Values that are what their key says: no finding, as before.
NUMBERS = (
    "1234567890",
    "4111111111111111",  # a 16-digit seed is a seed (card.py: a separator-less number under seed)
    "4006381333931",
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "123e4567-e89b-12d3-a456-426614174000",
    "1.2.3+20130313144700",
    "v1.2.3",
    "2026-12-05T10:00:00+01:00",
    "2026-12-05 10:00:00",
    "1024 x 1024",
    "+0.5",
    "+7.5",
    "x+1",
    "EUR 1 234,56",
    "30 steps",
    "Order no. 4711 0815 2233",
    "SKU-AB12-0042",
)


def test_the_keys_are_number_keys() -> None:
    """The table is only a test of this rule if every key really carries NOT_NUMERIC."""
    for key in NUMBER_KEYS:
        assert key_info(key).flags & NOT_NUMERIC, key


@pytest.mark.parametrize("key", NUMBER_KEYS)
@pytest.mark.parametrize(("value", "entity"), TEXT_UNDER_NUMBER_KEYS)
def test_text_under_a_number_key_is_read(key: str, value: str, entity: str) -> None:
    findings = scan_parameters({key: value})
    assert (entity, f"/{key}") in {(f.entity, f.path) for f in findings}
    # Nested too: the context is the nearest key's.
    nested = scan_parameters({"options": {key: [value]}})
    assert entity in {f.entity for f in nested}


@pytest.mark.parametrize("key", NUMBER_KEYS)
@pytest.mark.parametrize("value", NUMBERS)
def test_a_number_under_a_number_key_stays_quiet(key: str, value: str) -> None:
    assert scan_parameters({key: value}) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1234567890", True),
        ("deadbeef00", True),
        ("AB12", True),  # short: no room for an IBAN after the check digits
        ("DE89370400440532013000", False),
        ("DE89 3704", False),
        ("+49 30 901820", False),
        ("tel. +49 30 901820", False),
        ("1.2.3+5", True),
        ("10:00+01:00", True),
        ("1024 x 1024", True),
        ("30 steps", False),  # words beside whitespace: free text, read as text (and found clean)
        ("12,5 cm", False),
        ("12.5cm", True),
        ("", True),
    ],
)
def test_reads_as_number_truth_table(value: str, expected: bool) -> None:
    assert reads_as_number(value) is expected
