# ruff: noqa: RUF001 - the records in Turkish and Azerbaijani, quoted whole
"""The nineteenth attacker round on addresses (addr19): attacker_round_addr19.json, written before reading
the detectors, on a customer's postal address in the shapes the addr17 round did not use: the value in
a list of key/value objects or a nested object under a key that names no address, a personalised
product carrying the customer's address (a return-address stamp, a house sign, a moving card), a chat
transcript, a `key=value;` attribute string, a YAML block in a string, a JSON string in a string, and
the address in lower case without commas. Addresses of 70 countries, each in its own order (Japan, China,
Korea big to small, postcode first or last), and in a second form: a PO box or its local name ('Casilla',
'Pósthólf', 'Postbus', 'a/ya', 'Locked Bag'), 'c/o', US forces' addresses (PSC, APO), rural routes and
townlands without a house number, Latin transliterations of Cyrillic, Arabic, Hebrew, Persian, Devanagari,
Chinese, Japanese and Vietnamese addresses.

The clean neighbours are catalogue copy made of each country's famous streets and squares (some named
after persons: 'Avenida Presidente Vargas', 'Karl-Marx-Allee', 'Al. Jana Pawła II'), its cities as
collections, shipping policies naming a town, and numbers beside address words that are no address
('Route 66', 'Studio 54', 'Room 101', 'Box of 12 pcs', an article number shaped like a postcode). A
"found" record must yield LOCATION; a "clean" one no finding at all. What stays open is a strict xfail
with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_addr19.json")

_LOWER_CASE = (
    "an address in lower case without commas ('kastanienallee 12 hinterhaus 3. og links 10435 berlin', "
    "'2207 willow creek rd unit 14 bozeman mt 59715'): the street, postcode and town rules read the "
    "capitals of names and the commas between an address's parts (a PO box word is read in any case)"
)

# What the scanner still misses, by a string of the record, and why (the class, not the example). The
# records in lower case are those under "comment" (one of them holds a PO box word: found); addr23's
# reading of text in one case (location_lower) found 27 of the 43 others.
_OPEN: dict[str, str] = {
    "rr 1 box 44 bristol vt 05443": _LOWER_CASE,
    "flat 402 sai krupa apartments near hanuman mandir kothrud pune 411038": _LOWER_CASE,
    "nyumba 8 barabara ya ngong kilimani nairobi 00100": _LOWER_CASE,
    "cité 500 logements bt 12 appt 4 bab ezzouar 16024 alger": _LOWER_CASE,
    "bağdat cad. no: 215 d: 8 suadiye mah. 34740 kadıköy/i̇stanbul": _LOWER_CASE,
    "nizami küç. 64 mənzil 9 bakı az1010": _LOWER_CASE,
    "str. mihai eminescu nr. 45 bl. a2 sc. 1 ap. 14 sector 2 bucurești 020081": _LOWER_CASE,
    "c/o keller schillerstr. 8a 70173 stuttgart": _LOWER_CASE,
    "mariahilfer straße 99/2/14 1060 wien": _LOWER_CASE,
    "jr. huallaga 318 dpto. 201 cercado de lima 15001": _LOWER_CASE,
    "jl. kebon jeruk raya no. 27 rt 05/rw 03 kebon jeruk jakarta barat 11530": _LOWER_CASE,
    "no. 8 jalan ss 2/24 taman bahagia 47300 petaling jaya selangor": _LOWER_CASE,
    "thorvald meyers gate 15 h0302 0555 oslo": _LOWER_CASE,
    "pärnu mnt 31-14 10119 tallinn": _LOWER_CASE,
    "gedimino pr. 9-15 lt-01103 vilnius": _LOWER_CASE,
    "ilica 85 3. kat 10000 zagreb": _LOWER_CASE,
}

_QUOTED_STREET = (
    "a street and number in quotes as a product's name ('Tasse „Königstraße 1“ aus dem Stadtmuseum-Shop'): "
    "the German street rule reads a street and its number wherever they stand"
)

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    "Königstraße 1": _QUOTED_STREET,
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
    assert len(_ROUND["found"]) >= 250 and len(_ROUND["clean"]) >= 200
