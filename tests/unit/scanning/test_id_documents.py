"""Passport, driving-licence and identity-card numbers: read after the document's name or under a key
that names it, in the languages of the shops; sizes, product names and licences of software stay clean."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from gate.scanning.detectors.id_document import document_number

LEAKS: list[tuple[Any, str]] = [
    ({"prompt": "passport no. C01X00T47"}, "id_document.passport"),
    ({"prompt": "Passport: 533380006, banner for the visa desk"}, "id_document.passport"),
    ({"prompt": "passport number is 123456789 for the visa banner"}, "id_document.passport"),
    ({"note": "Reisepass Nr. C01X00T47"}, "id_document.passport"),
    ({"note": "numéro de passeport 18AV12345"}, "id_document.passport"),
    ({"note": "pasaporte número XDC123456"}, "id_document.passport"),
    ({"note": "passaporto n. YA1234567"}, "id_document.passport"),
    ({"note": "paszport nr EA 1234567"}, "id_document.passport"),
    ({"note": "паспорт номер 4509 123456"}, "id_document.passport"),
    ({"note": "护照号码E12345678"}, "id_document.passport"),
    ({"note": "パスポート番号 TK1234567"}, "id_document.passport"),
    ({"note": "여권번호 M12345678"}, "id_document.passport"),
    ({"note": "driver's license D1234-5678-9012"}, "id_document.driving_licence"),
    ({"note": "driver\u2019s license #S530-4609-1234"}, "id_document.driving_licence"),
    ({"note": "Führerschein Nr. B072RRE2I55"}, "id_document.driving_licence"),
    ({"note": "permis de conduire n° 12AB34567"}, "id_document.driving_licence"),
    ({"note": "driving licence MORGA753116SM9IJ"}, "id_document.driving_licence"),
    ({"note": "ID card no. T22000129"}, "id_document.id_card"),
    ({"note": "Personalausweis L01X00T47"}, "id_document.id_card"),
    ({"note": "carte d'identité n° 180175100123"}, "id_document.id_card"),
    ({"note": "dowód osobisty ABA300000"}, "id_document.id_card"),
    ({"passport_number": "C01X00T47"}, "id_document.key"),
    ({"driver_license": "D123-4567-8901"}, "id_document.key"),
    ({"idCardNumber": "T22000129"}, "id_document.key"),
    ({"customer": {"passport": "533380006"}}, "id_document.key"),
    ({"Kunde": {"Ausweisnummer": "L01X00T47"}}, "id_document.key"),
]

CLEAN: list[Any] = [
    {"prompt": "passport photo 35x45 mm, white background"},
    {"prompt": "passport holder PH-2024, leather"},
    {"prompt": "leather passport cover 2024 edition"},
    {"prompt": "passport-size 600x600 headshot"},
    {"prompt": "ID card printer PVC 86x54"},
    {"prompt": "ID card holder model IDH20"},
    {"license": "apache-2.0"},
    {"license": "CC-BY-4.0"},
    {"prompt": "driver's license template mockup, v2.1"},
    {"prompt": "passport stamps 1990-2020 collage"},
    {"prompt": "travel wallet with passport slot and 4 card slots"},
    {"passport": "yes"},
    {"passport_photo": "35x45"},
    {"prompt": "Passport 2 travel case, SKU TRV-22"},
    {"prompt": "driver's license holder, 3 pockets, 10x7cm"},
    {"prompt": "id card lanyard 90cm"},
    {"prompt": "passport v1.2.3 release"},
    {"sampler": "passport-style lighting"},
    {"prompt": "pasaporte de cuero marrón para viaje, 2 unidades"},
    {"prompt": "Reisepasshülle aus Leder, 14x10 cm"},
]


@pytest.mark.parametrize(("params", "detector"), LEAKS)
def test_a_document_number_is_read_after_its_name_or_under_its_key(params: Any, detector: str) -> None:
    found = scan_parameters(params)
    assert [(f.entity, f.detector) for f in found] == [("NATIONAL_ID", detector)]


@pytest.mark.parametrize("params", CLEAN)
def test_document_words_without_a_number_stay_clean(params: Any) -> None:
    assert scan_parameters(params) == []


@pytest.mark.parametrize(
    ("token", "number"),
    [
        ("C01X00T47", True),
        ("4509 123456", True),
        ("MORGA753116SM9IJ", True),
        ("D123-4567-8901", True),
        ("ABCDEFGH", False),  # no digits
        ("A1B", False),  # too short
        ("35x45", False),
        ("600x600", False),
        ("1990-2020", False),
        ("1.2.3.4", False),
        ("C01X00T47C01X00T47", False),  # too long
    ],
)
def test_document_number_form(token: str, number: bool) -> None:
    assert document_number(token) is number
