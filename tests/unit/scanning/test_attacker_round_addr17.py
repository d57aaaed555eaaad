# ruff: noqa: RUF001 - text of other scripts, on purpose
"""The seventeenth attacker round on addresses (addr17): attacker_round_addr17.json, written before reading
the detectors, on a customer's postal address in free text across locales and writing systems: after a
label in the language ('ship to', 'Lieferadresse', '配送先', 'آدرس', 'szállítási cím'), in a gift message
or an order note written in the language, in a Markdown, HTML or CSV string, and on one line without any
label; postcode-first countries (JP, CN, KR, HU, RU), PO boxes, apartment and floor words, Chinese and
Japanese addresses without spaces, addresses without a house number. A shop's own address in a footer
is held like a customer's: a sole trader's shop is often their home, and the gate cannot tell the two
apart, so it fails closed.

The clean neighbours are catalogue copy with places and streets (collections named after streets and
cities, 'Via Roma 1962 limited edition', '1428 Elm Street horror movie poster'), in the same shapes, and
numbers shaped like postcodes or house numbers: dimensions, times, prices, versions, article numbers.
A "found" record must yield LOCATION; a "clean" one no finding at all. What stays open is a strict
xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_addr17.json")

# What the scanner still misses, by a string of the record, and why (the class, not the example). None:
# addr25 closed the last (a ward and its district, an Arabic street and its quarter, a place word before
# a postcode after a delivery noun, Kenya's S.L.P. box, Iceland's streets before a three-digit postcode).
_OPEN: dict[str, str] = {}

_STREET_PRODUCT = (
    "a product named after a street with a number that is no house number: a street rule of location.py "
    "reads 'Mok Prinsengracht 1600, 350 ml', 'Póster Plaza Mayor 1620' inside HTML as addresses (addr19 "
    "closed the Arabic 'ملصق شارع المعز 50 × 70 سم', addr26 the English '1428 Elm Street horror movie "
    "poster')"
)
_PERSON_STREET = (
    "a street named after a person ('Karl Johan-kolleksjonen') read as the person's name (person)"
)

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    "Mok Prinsengracht 1600": _STREET_PRODUCT,
    "Póster Plaza Mayor 1620, 50 x 70 cm</li>": _STREET_PRODUCT,
    "Karl Johan-kolleksjonen": _PERSON_STREET,
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_address_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _FALSE_FLAGS))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_fifty_locales() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 50
    assert len(_ROUND["found"]) >= 250 and len(_ROUND["clean"]) >= 200
