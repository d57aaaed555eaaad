"""An IBAN's form under a key that names an IBAN (the lead's Faker sweep, nineteenth session): Faker's
`iban()` of a dozen locales fails the checks (Bangladesh, India's `GB` of the wrong length, the
Philippines, Mexico, China ...), and a customer's IBAN with one typo fails mod 97; under `iban` both were
approved. A business's IBAN and what is not an IBAN's form stay clean."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters

FOUND: list[dict[str, Any]] = [
    {"payment": {"iban": "BD49FHIY588892631"}},
    {"payment": {"iban": "GB58UEMO3043201718513"}},
    {"customer": {"iban": "DE89 3704 0044 0532 0130 02"}},  # one typo
    {"customer": {"IBAN-Nummer": "DE89-3704-0044-0532-0130-01"}},
    {"refund": {"customer_iban": "PH694635605671109043"}},
    {"billing": {"ibanCode": "MX12ABCD123456789012"}},
]
CLEAN: list[dict[str, Any]] = [
    {"payment": {"iban": "n/a"}},
    {"payment": {"iban": "DE00"}},
    {"payment": {"iban": "XXXX-XXXX-XXXX"}},
    {"payment": {"iban_country": "DE"}},
    {"payment": {"ibanValidated": "true"}},
    {"seller": {"seller_iban": "GB58UEMO3043201718513"}},
    {"merchant": {"merchant_iban": "BD49FHIY588892631"}},
    {"payment": {"iban": "DEUTSCHLAND12"}},
]


@pytest.mark.parametrize("params", FOUND)
def test_an_iban_shaped_value_under_an_iban_key_is_found(params: dict[str, Any]) -> None:
    assert "IBAN_CODE" in {f.entity for f in scan_parameters(params)}


@pytest.mark.parametrize("params", CLEAN)
def test_what_is_not_a_customers_iban_stays_clean(params: dict[str, Any]) -> None:
    assert not scan_parameters(params)
