# ruff: noqa: RUF001 - the records of 59 locales, quoted whole
"""The twenty-sixth attacker round on addresses (addr26): attacker_round_addr26.json, written before
reading the detectors, on a delivery address inside a sentence of a note or a chat ("please send it to
..., thanks", "ship to ... before Friday", "my address is ..."), in 59 locales of 57 languages (Arabic,
Persian, Hebrew, Chinese, Japanese, Korean, Hindi, Bengali, Tamil, Cyrillic, Greek, Turkish, Georgian,
Armenian ...), in each language's own order and street words, with and without a postcode and commas,
in lower case and in capitals.

The clean neighbours are a city's store and its street ("our Berlin store, Friedrichstraße"), a famous
address or a landmark as a poster's title ("221B Baker Street, vintage detective print"), each
country's imprint (a name, a legal form, an address and a registration number: a business's address is
no customer's, as addr20 decided), directions in a product's description and measurements. A "found"
record must yield LOCATION; a "clean" one no finding at all. What stays open is a strict xfail with
its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_addr26.json")

_NO_HOUSE_NUMBER = (
    "after a delivery phrase, an address whose number is a district's or a block's, not a house's, with "
    "no postcode and no commas ('7 ascaill na páirce baile átha cliath 9', 'lagjja 3 rruga taulantia "
    "shkodër', 'perumahan griya asri blok c2 no 5 bekasi', 'ж.к. младост 1 бл. 25 вх. б ап. 12')"
)
_TOWN_FIRST = (
    "a Russian or Ukrainian address with the town first and the street after it, without a postcode "
    "('казань ул. баумана 30 кв 8', 'САНКТ-ПЕТЕРБУРГ, НЕВСКИЙ ПР., Д. 100, КВ. 7'): the street rules "
    "read the street words of Cyrillic as `normalise` leaves them in Latin look-alikes"
)
_PHRASE_AFTER = (
    "the delivery phrase after the address, as Turkish writes it ('... kadıköy istanbul adresine yollar "
    "mısın'): the rule reads the words after a phrase"
)
_VIETNAMESE_CAPITALS = (
    "a Vietnamese address in capitals with a ward and no district ('25 LÊ LỢI, PHƯỜNG THẠCH THANG, ĐÀ NẴNG')"
)

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "cuir chuig 7 ascaill na páirce": _NO_HOUSE_NUMBER,
    "dorëzim në lagjja 3": _NO_HOUSE_NUMBER,
    "antar ke perumahan griya asri": _NO_HOUSE_NUMBER,
    "доставка до ж.к. младост": _NO_HOUSE_NUMBER,
    "доставка казань ул. баумана": _TOWN_FIRST,
    "доставка харків пр. науки": _TOWN_FIRST,
    "ОТПРАВЬТЕ ПО АДРЕСУ": _TOWN_FIRST,
    "adresine yollar mısın": _PHRASE_AFTER,
    "GỬI ĐẾN 25 LÊ LỢI": _VIETNAMESE_CAPITALS,
}

_NOT_LOCATION = (
    "a shop's registration number read as a phone number, a landmark's or a saint's name as a person's "
    "('RCS Paris 512 345 678', 'Александър Невски', 'Petrovaradinska tvrđava', 'طريق الملك فهد'): the "
    "phone and person detectors, not this round's"
)

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    "RCS Paris 512 345 678": _NOT_LOCATION,
    "Плакат Александър Невски": _NOT_LOCATION,
    "Šolja Petrovaradinska tvrđava": _NOT_LOCATION,
    "فرعنا في الرياض على طريق الملك فهد": _NOT_LOCATION,
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_address_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _FALSE_FLAGS))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_forty_locales() -> None:
    locales = {record["lang"] for record in _ROUND["found"]}
    assert len(attacker_round.languages(_ROUND)) >= 40 and len(locales) >= 40
    assert len(_ROUND["found"]) >= 200 and len(_ROUND["clean"]) >= 200
