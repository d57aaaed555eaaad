"""A phone number under a key that names a contact of no stated kind ("contact", "Kontakt", "contacto"):
Faker's numbers of every locale under "contact" were found 201 of 324 (`benchmarks/faker_sweep.py`, kind
phone_bare), the rest failing `phonenumbers`' checks as typed data does. Read when written as a number is
(a "+"/"00", groups, or nine digits and more); a record's id, a date, a name, a contact's kind named by the
key, or short bare digits are not."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters

FOUND = [
    {"contact": "+45 95 15 48 47"},
    {"contact": "0911609494"},
    {"contact": "582-291-6270x06602"},
    {"Kontakt": "0171/1234567"},
    {"contacto": "(+57) 609 319 17 35"},
    {"customer": {"contact": "(108) 715-0673"}},
    {"contact_details": "+962 7 8484 7834"},
]
CLEAN = [
    {"contact": "8001727"},
    {"contact": 4711},
    {"contact": "12345678"},
    {"contact": "2024-06-01"},
    {"contact": "v1.2.3"},
    {"contact": "support"},
    {"contact_name": "+45 95 15 48 47"},
    {"contact_form": "0911609494"},
    {"contact_us": "0800 123 456"},
    {"contact": "Abt. 4 / 2"},
]


@pytest.mark.parametrize("params", FOUND)
def test_a_phone_under_a_contact_key_is_found(params: dict[str, Any]) -> None:
    assert "PHONE_NUMBER" in {f.entity for f in scan_parameters(params)}


@pytest.mark.parametrize("params", CLEAN)
def test_what_is_no_phone_under_a_contact_key_stays_clean(params: dict[str, Any]) -> None:
    assert "PHONE_NUMBER" not in {f.entity for f in scan_parameters(params)}
