"""A health-insurance number after its card's or its own name (numbers19's class): a first group of one
digit ("carte Vitale 1 85 05 78 006 084 36", "건강보험증 번호 1-2345678901"), a card number of 20 digits
(a tessera sanitaria's), the Dutch and Polish numbers' own names, Medicare's "ID"; the same names before
a product's words or a lone count stay clean."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


def _entities(text: str) -> set[str]:
    return {finding.entity for finding in scan_parameters({"insurance_note": text})}


@pytest.mark.parametrize(
    "text",
    [
        "carte Vitale 2 69 12 75 115 031 48",
        "Krankenversichertennummer A 123 456 789",
        "zorgverzekeringsnummer: 111222333",
        "tessera sanitaria n. 80380 000300 87654321",
        "numer ubezpieczenia zdrowotnego 02070803628",
        "Medicare ID 5EG4-TE5-MK72",
        "건강보험증 번호 2-9876543210",
        "EHIC 80276 00000 00001 23456",
    ],
)
def test_a_health_insurance_number_after_its_name_is_found(text: str) -> None:
    assert "NATIONAL_ID" in _entities(text)


@pytest.mark.parametrize(
    "text",
    [
        "carte Vitale 2 étuis en cuir",
        "health card reader 1 2 3 4",
        "tessera sanitaria 1 2026",
        "Medicare ID holder, 3 colours",
        "zorgverzekeringsnummer invullen a.u.b.",
        "passport photo 3 5 x 4 5",
    ],
)
def test_the_same_names_without_a_number_stay_clean(text: str) -> None:
    assert "NATIONAL_ID" not in _entities(text)
