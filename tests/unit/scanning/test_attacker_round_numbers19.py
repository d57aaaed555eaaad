# ruff: noqa: RUF001 - text of other scripts, on purpose
"""The nineteenth attacker round on numbers and identifiers across locales (numbers19):
attacker_round_numbers19.json, written before reading the detectors and generated with python-stdnum's
and phonenumbers' own checks (every national id, card, IBAN and phone in the generated part is valid),
in shapes numbers18 did not use: phones and personal numbers of 50 locales in CSV cells under their
header, in a markdown table, in a URL's query string, split over two fields or two lines, after a call
phrase in running text; IBANs in lower case, oddly grouped, in a refund link or over three lines; cards
with expiry and CVV written in words, in a CSV cell, split over two fields, in a checkout link; a
customer's handset IMEI; digits of other scripts and widths (full-width, Arabic-Indic, Persian,
Devanagari, Bengali, Thai, Myanmar); identity numbers in lower case; passports, driving licences,
health-insurance numbers and bank accounts after their words; plates with their vehicle named;
customer, loyalty, utility, student and employee numbers.

Decided here: a card-shaped wallet token (an Apple Pay device account number, a network token) is a
card: it has a card's form and check, and the gate cannot tell a token from the card. A customer's
handset IMEI is a device id (read as a phone number by some rules: never approved either); a handset
model's type allocation code in a spec sheet is the model's. A person's number in a URL's query string
is under its parameter's name as under a key (`query_strings`).

The clean neighbours: ISBN, ISSN, ISMN and GTIN with their check digits (in tables, image URLs and
objects), order numbers in the language of 50 locales, tracking numbers of ten carriers, patents of ten
offices, topographic captions, makers' part numbers, words that name plates and cards but nothing
personal ("targa commemorativa", "plaque de cuisson", "loyalty points"), HS, CAS, UN and E numbers,
standards, lots, and tables and URLs of product data.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_numbers19.json")

_IMEI_WORDS = "a handset IMEI after Portuguese 'IMEI do meu celular' (device.py: not this round's detectors)"
_SHORT_LABEL_AS_CODE = (
    "a number after a label of two CJK characters under a key that says order ('携帯：０９０-...' in "
    "'order_note'): read as a code (`context.reads_as_number`), so numeric detectors do not run"
)
_ID_LOWER_SHORT_RUN = (
    "an identity number in lower case whose digits make no run of six (a codice fiscale after 'cod. fisc.' "
    "or 'CF:', "
    "a PAN after 'pan card no.'): the national-id detectors are not planned for it (no digit run, no "
    "capitals); a codice fiscale spaced in four groups"
)
_DOCUMENTS = (
    "a document's number after a name the document rule does not read: a Russian internal passport's "
    "series and number, a Ukrainian passport with Cyrillic series, Brazil's 'CNH' (numbers20 closed a "
    "Bulgarian identity card, Hindi 'पासपोर्ट संख्या', 'DL no.' and an Indian DL)"
)
_PLATES = (
    "a plate with its vehicle named in words the plate rule does not read: Greek 'αυτοκινήτου', Arabic "
    "'سيارتي', 'reg of the van', Polish 'numerze rejestracyjnym', 'regnummer', 'truck plate', and the "
    "plates of Japan, Korea, China and Thailand after 'my car's number'"
)
_CUSTOMER_NUMBERS = (
    "a utility's, a university's, an employer's or a warehouse club's number of a person after its word "
    "(Stadtwerke Kundennummer, student ID, Matrikelnummer, employee number, membership): customer.py, not "
    "this round's detectors"
)

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "IMEI do meu celular": _IMEI_WORDS,
    "携帯：０９０": _SHORT_LABEL_AS_CODE,
    "cod. fisc. ": _ID_LOWER_SHORT_RUN,
    "C.F. MRZ RMS": _ID_LOWER_SHORT_RUN,
    "pan card no. ": _ID_LOWER_SHORT_RUN,
    "паспорт: серия": _DOCUMENTS,
    "паспорт серія": _DOCUMENTS,
    "CNH 0": _DOCUMENTS,
    "πινακίδα αυτοκινήτου": _PLATES,
    "لوحة سيارتي": _PLATES,
    "reg of the van": _PLATES,
    "numerze rejestracyjnym": _PLATES,
    "regnummer KLM": _PLATES,
    "truck plate": _PLATES,
    "車のナンバー": _PLATES,
    "내 차 번호": _PLATES,
    "我的车牌号": _PLATES,
    "ทะเบียนรถของฉัน": _PLATES,
    "bei den Stadtwerken": _CUSTOMER_NUMBERS,
    "my student ID": _CUSTOMER_NUMBERS,
    "Matrikelnummer": _CUSTOMER_NUMBERS,
    "employee number E": _CUSTOMER_NUMBERS,
    "Costco membership": _CUSTOMER_NUMBERS,
}

# Values the scanner names by another entity than the round's author did (still never approved).
_NAMED_OTHERWISE: dict[str, str] = {
    "635715780": "US_SSN",  # nine digits under or after "SSN"
    "IMEI de mon téléphone": "PHONE_NUMBER",
    "IMEI del mio telefono": "PHONE_NUMBER",
    "telefonumun IMEI": "PHONE_NUMBER",
    "IMEI моего телефона": "PHONE_NUMBER",
    "prawa jazdy": "PHONE_NUMBER",  # a Polish licence number read as a phone number (as in numbers18)
    "银行卡号": "CREDIT_CARD",  # a UnionPay card's number after "bank card number"
}

_PART_NUMBER = (
    "a maker's part number in a phone's shape right after the brand, no reference word between "
    "('Garmin 010-01689-00', 'Logitech 910-005565', 'Wera 05 073 661 001'): numbers18's class, open"
)
_COORDINATES = "a summit's coordinates in a map print's caption (location.py, not this round's detectors)"

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    "Garmin 010-01689-00": _PART_NUMBER,
    "Logitech 910-005565": _PART_NUMBER,
    "Wera 05 073 661 001": _PART_NUMBER,
    "45°49′58″N": _COORDINATES,
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN, _NAMED_OTHERWISE))
def test_number_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _FALSE_FLAGS))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_forty_languages() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 40
    assert len(_ROUND["found"]) >= 250 and len(_ROUND["clean"]) >= 200
