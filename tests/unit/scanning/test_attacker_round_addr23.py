# ruff: noqa: RUF001 - the records of 49 languages, quoted whole
"""The twenty-third attacker round on addresses (addr23): attacker_round_addr23.json, written before
reading the detectors, on a customer's address in shapes the addr17, addr19 and addr20 rounds did not
use, in 66 locales of 49 languages: the address split over an object's keys named in the country's
language ({"strasse", "plz", "ort", "land"}, {"ulice", "psc", "obec"}, {"jusho", "yubin_bango"}), over
the lines of an array (["Lipová 214/9", "280 02 Kolín", "Česko"]) and over a list of {name, value}
fields (address_line_1, address_line_2); a chat's line in lower case with its postcode ("user: amselweg
17 34117 kassel"); a label's lines in capitals ("VIA DEI MILLE 23 / 24122 BERGAMO").

The clean neighbours are each country's shop footer (its name, legal form, address and registration
number: a business's address is no customer's), a city and a country alone under the same keys (a
collection's, not an address), and each country's famous street as a product's theme in lower case and
in capitals, with sizes and counts ("gran vía tote bag 38 x 42 cm, pack of 2", "GRAN VÍA POSTER 50 X
70"). A "found" record must yield LOCATION; a "clean" one no finding at all. What stays open is a
strict xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_addr23.json")

_LOWER_CASE = (
    "a line in lower case that the street rules do not read even capitalised: a street of no street word "
    "('lipová 214/9 280 02 kolín', 'ερμού 45'), a street word they do not know before a postcode "
    "('12 bóthar na trá h91 x2y3 gaillimh'; addr25 closed 'court', 'trail' and a Swedish postcode after "
    "the house number), a unit after the number "
    "('atatürk caddesi no: 45 d: 6')"
)
_CAPITALS = (
    "a label's line in capitals whose capitalised reading the street rules do not read ('KASE TÄNAV 11-4', "
    "'JL. MELATI NO. 17, RT 03/RW 05', 'ATATÜRK CADDESI NO: 45 D: 6')"
)
_SPLIT = (
    "an address kept as its parts whose reading joined the text rules do not read: a Maltese street after "
    "its number ('12, Triq il-Kbira, BKR 1011, Birkirkara'), Japanese and Chinese lines with the street "
    "before its town, in an array under a key that names no address (the street rules, not the keys)"
)

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "RUA DAS FLORES 42, 1.º DTO": _CAPITALS,
    "user: lindargata 21 600 akureyri": _LOWER_CASE,
    "user: lipová 214/9 280 02 kolín": _LOWER_CASE,
    "user: hlavná 58 080 01 prešov": _LOWER_CASE,
    "user: ул. иван вазов 14, ет. 3 4000 пловдив": _LOWER_CASE,
    "user: ερμού 45, 3ος όροφος 262 21 πάτρα": _LOWER_CASE,
    "user: atatürk caddesi no: 45 d: 6 35220 i̇zmir": _LOWER_CASE,
    "ATATÜRK CADDESI NO: 45 D: 6": _CAPITALS,
    "user: jl. melati no. 17, rt 03/rw 05 40132 bandung": _LOWER_CASE,
    "JL. MELATI NO. 17, RT 03/RW 05": _CAPITALS,
    '"triq": "12, Triq il-Kbira"': _SPLIT,
    "user: rruga e durrësit 45, ap. 6 1001 tiranë": _LOWER_CASE,
    "user: 12 bóthar na trá h91 x2y3 gaillimh": _LOWER_CASE,
    "user: kale nagusia 14, 3. eskuina 20003 donostia": _LOWER_CASE,
    "KALE NAGUSIA 14, 3. ESKUINA": _CAPITALS,
    "user: 14 heol y brenin sa31 1bt caerfyrddin": _LOWER_CASE,
    '["桜町2丁目14番地 メゾン桜302", ': _SPLIT,
    '["人民路88号3单元502室", ': _SPLIT,
}

_COMPANY_NUMBER = (
    "a company's registration or tax number read as a person's ID or phone number: after a word that numbers "
    "persons too (NIT, kt., OIB, NPWP, MST, NIPT: the numbers detectors would need the legal form before "
    "it) or after RCS and its town ('RCS Nantes 512 345 678'); BCE, KBO and Cg. are company words now"
)
_PERSON_STREET = (
    "a street or district in capitals or Hangul read as a person's name ('KARL JOHANS GATE', '명동길', "
    "'성남시 분당구'): the person detectors, not this round's"
)

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    "Atelier Loire SARL, 3 quai de la Fosse, 44000 Nantes, RCS Nantes 512 345 678": _COMPANY_NUMBER,
    "KARL JOHANS GATE POSTER 50 X 70": _PERSON_STREET,
    "주식회사 판교프린트 경기도 성남시 분당구 대왕판교로 1 사업자등록번호 123-45-67890": _PERSON_STREET,
    '"si": "성남시 분당구", "nara": "대한민국"': _PERSON_STREET,
    "명동길 tote bag 38 x 42 cm, pack of 2": _PERSON_STREET,
    '{"name": "si", "value": "성남시 분당구"}': _PERSON_STREET,
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_address_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _FALSE_FLAGS))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_forty_countries() -> None:
    countries = {record["lang"] for record in _ROUND["found"]}
    assert len(attacker_round.languages(_ROUND)) >= 40 and len(countries) >= 40
    assert len(_ROUND["found"]) >= 200 and len(_ROUND["clean"]) >= 200
