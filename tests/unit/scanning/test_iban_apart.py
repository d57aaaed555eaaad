"""An IBAN whose country code stands apart from its check digits ("IBAN: DE 75 1139 ...", "IBAN de 21
416414 ...": numbers19 and numbers20), read after an IBAN's or an account's word and checked as any
IBAN; the same digits with a wrong check, or without such a word, are no IBAN."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


def _entities(text: str) -> set[str]:
    return {finding.entity for finding in scan_parameters({"order_note": text})}


@pytest.mark.parametrize(
    "text",
    [
        "IBAN: DE 75 1139 0095 2946 2753 26",
        "iban de-75-1139-0095-2946-2753-26",
        "Überweisung an DE 75 113900952946275326",
        "refund to account fr 76 3000 6000 0112 3456 7890 189",
        "virement sur le compte FR.76.3000.6000.0112.3456.7890.189",
        "conta: PT 50 0002 0123 1234 5678 9015 4",
        "رقم الآيبان: SA 03 8000 0000 6080 1016 7519",
        "bank NL 91 ABNA 0417 1643 00",
    ],
)
def test_an_iban_with_its_country_code_apart_is_found(text: str) -> None:
    assert "IBAN_CODE" in _entities(text)


@pytest.mark.parametrize(
    "text",
    [
        "IBAN: DE 75 1139 0095 2946 2753 27",  # its check fails
        "IBAN: DE 75 1139 0095 2946 2753",  # too short for Germany
        "page de 75 1139 0095 2946 2753 26",  # no IBAN's or account's word
        "bank holiday opening: mo 10 0900 1800 2000 2200 12",
        "account of sizes: EU 42 2650 2700 2750 2800 2850",
    ],
)
def test_the_same_shape_without_a_valid_iban_is_clean(text: str) -> None:
    assert "IBAN_CODE" not in _entities(text)
