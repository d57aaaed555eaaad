"""CUSTOMER_ID in free text: a number after a customer, member or loyalty-card word in 19 languages,
with the neighbours that carry the same words and no identifier."""

from __future__ import annotations

import pytest

from tests.unit.scanning.found import entities

FOUND = [
    "Kundennr. 4711-0815, Porträt im Aquarellstil",
    "Kundennummer: 100234556",
    "Treuekarte 9876543210",
    "n° client FR-88231, carte fidélité 5012 3344",
    "numéro client 00451239",
    "klantnummer 100234556",
    "número de cliente 7781-2231",
    "codice cliente C-449812",
    "loyalty ID: LY-2024-887766",
    "customer number is 55321-AB",
    "member id #889123",
    "account number 12345678",
    "numer klienta 55 66 77 88",
    "номер клиента 7731250",
    "müşteri no 4455667",
    "会員番号 12345678 のお客様",
    "고객번호 20231234",
    "客户编号 88991234",
    "رقم العميل 9981234",
]

CLEAN = [
    "customer number one bestseller poster",
    "member id card mockup, 85.6 x 54 mm",
    "loyalty card design 2024, gold foil",
    "clubcard 2025 edition",
    "customer id badge, 3 colours",
    "Kundenkarte Design, 2 Varianten",
    "carte de fidélité, 12 tampons",
    "order number 55321",  # an order number is the shop's, not the customer's (see phone_shapes)
    "SKU 4711-0815 customer favourite",
]


@pytest.mark.parametrize("text", FOUND)
def test_a_number_after_a_customer_word_is_found(text: str) -> None:
    assert "CUSTOMER_ID" in entities(text)


@pytest.mark.parametrize("text", CLEAN)
def test_the_words_without_an_identifier_are_clean(text: str) -> None:
    assert "CUSTOMER_ID" not in entities(text)
