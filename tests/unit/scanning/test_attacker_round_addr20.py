# ruff: noqa: RUF001, E501 - the records of 42 languages, quoted whole
"""The twentieth attacker round on addresses (addr20): attacker_round_addr20.json, written before reading
the detectors, on a customer's address in the shapes the addr17 and addr19 rounds did not use, in 61
locales of 42 languages: the street, house number and town without a postcode inside a gift message, a
delivery note in lower case without commas, apartment, floor and door words before the street
('Bât. B, 3e étage, porte gauche, 14 rue des Lilas'), a rural address (a farm, a lot, a road's
kilometre, 'RR 2 Box 47', 'Carretera Federal 15 Km 22', Japan's 'banchi', India's 'Village ... Post
Office ... District'), and the address split over keys in a list of {name, value} objects (line1, line2,
city) or over the lines of a markdown list in a prompt.

The clean neighbours are each country's famous streets as a product's theme ('Rue de Rivoli tote bag',
'Abbey Road poster'), its cities as collections, a numbered road as a sign ('Route 66 sign', 'Estrada
Nacional 2 placa'), a street photograph's prompt, and a shop's own address in a page footer beside its
legal form and registration ('Elbkontor GmbH, Große Elbstraße 145, 22767 Hamburg, HRB 12345'): a
business's address is no customer's (closed by location_business: 40 flagged before). A "found" record must yield LOCATION; a "clean" one no finding at
all. What stays open is a strict xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_addr20.json")

_LOWER_CASE = (
    "an address in lower case without commas after a delivery phrase ('leave it with the neighbour at 27 "
    "hollybush lane stroud'): the street and town rules read the capitals of names and the commas between "
    "an address's parts"
)
_RURAL = (
    "a rural address with no number and no road or district word (a townland, a farm or a village and its "
    "towns: 'Knockbrack, Ballyhaunis, Co. Mayo', 'Bærinn Hóll, Svarfaðardal, Dalvík', 'Yeşilköy Köyü, "
    "Kızılcahamam, Ankara'): a place's name and a second one are a collection's or a product's as often "
    "('Hacienda Napoles, Colombia poster'); location_rural asks for a number or such a word"
)
_FREE_TEXT = (
    "a street, house number and town without a postcode inside free text, in a form the street rules do "
    "not read (a house number after a street of no street word: 'Lipová 214/9, Kolín', 'Ερμού 45, Πάτρα', "
    "an English street word the rules do not know: '73 Birchmount Cres', '5 Wattle Grove')"
)
_UNIT_FIRST = (
    "apartment, floor and door words before a street the rules do not read alone ('byt č. 7, 2. patro, "
    "Lipová 214/9, Kolín', '3階 302号室, 桜町2丁目14番地'): the unit words are no address cue yet"
)
_SPLIT = (
    "an address split over keys ({name: line1/line2/city, value}) or over the lines of a list, each part "
    "of which alone is no address the rules read ('73 Birchmount Cres' / 'Unit 1108, 11th floor' / "
    "'Sudbury, Ontario')"
)

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "leave it in the porch at 11 ashgrove park ennis, co. clare": _LOWER_CASE,
    "please hand it to the watchman at flat 304, sai residency, 14th cross jayanagar, bengaluru": _LOWER_CASE,
    "nechte to u sousedů v ulici lipová 214/9 kolín": _LOWER_CASE,
    "nechajte to pri dverách na hlavná 58 prešov": _LOWER_CASE,
    "оставете пратката при съседите на ул. иван вазов 14 пловдив": _LOWER_CASE,
    "αφήστε το στην πόρτα, οδός ερμού 45 πάτρα": _LOWER_CASE,
    "залиште посилку в консьєржа на вул. шевченка 23 полтава": _LOWER_CASE,
    "оставьте у консьержа, адрес: ул. садовая 12 ярославль": _LOWER_CASE,
    "青いドアの家に置いてください： 桜町2丁目14番地 金沢市": _LOWER_CASE,
    "please leave it at the blue door: 2-14 sakuramachi kanazawa": _LOWER_CASE,
    "titip ke satpam di jl. melati no. 17 bandung": _LOWER_CASE,
    "tinggalkan di pondok pengawal, no. 23, jalan kenanga 3 taman melati, kuala lumpur": _LOWER_CASE,
    "اتركوه مع البواب في ١٤ شارع النصر المنصورة": _LOWER_CASE,
    "tafadhali acha kwa mlinzi, nyumba 14, barabara ya ngong kilimani, nairobi": _LOWER_CASE,
    "leave it in the porch at Knockbrack, Ballyhaunis, Co. Mayo": _RURAL,
    "skiljið pakkann eftir við dyrnar á Bærinn Hóll, Svarfaðardal, Dalvík": _RURAL,
    "kapıcıya bırakın, adres: Yeşilköy Köyü, Kızılcahamam, Ankara": _RURAL,
    "Congrats on the new house! It goes to 11 Ashgrove Park, Ennis, Co. Clare. xx": _FREE_TEXT,
    "Všechno nejlepší babi! Balík pošli na Lipová 214/9, Kolín. xx": _FREE_TEXT,
    "Všetko najlepšie dedo! Balík na Hlavná 58, Prešov. xx": _FREE_TEXT,
    "Χρόνια πολλά γιαγιά! Στείλε το στην Ερμού 45, Πάτρα. xx": _FREE_TEXT,
    "おばあちゃん誕生日おめでとう！送り先は 桜町2丁目14番地, 金沢市. xx": _FREE_TEXT,
    "Otanjoubi omedetou obaachan! Send it to 2-14 Sakuramachi, Kanazawa. xx": _FREE_TEXT,
    "Selamat hari jadi nenek! Hantar ke No. 23, Jalan Kenanga 3, Taman Melati, Kuala Lumpur. xx": _FREE_TEXT,
    "Heri ya siku ya kuzaliwa bibi! Tuma kwa Nyumba 14, Barabara ya Ngong, Kilimani, Nairobi. xx": _FREE_TEXT,
    "Apartment 6, 3rd floor, 11 Ashgrove Park, Ennis, Co. Clare - ring twice": _UNIT_FIRST,
    "3rd floor, Flat 12B, Flat 304, Sai Residency, 14th Cross, Jayanagar, Bengaluru - ring twice": _UNIT_FIRST,
    "byt č. 7, 2. patro, Lipová 214/9, Kolín - ring twice": _UNIT_FIRST,
    "byt 14, 4. poschodie, Hlavná 58, Prešov - ring twice": _UNIT_FIRST,
    "3ος όροφος, διαμέρισμα 6, Ερμού 45, Πάτρα - ring twice": _UNIT_FIRST,
    "3階 302号室, 桜町2丁目14番地, 金沢市 - ring twice": _UNIT_FIRST,
    "Room 302, 3F, 2-14 Sakuramachi, Kanazawa - ring twice": _UNIT_FIRST,
    "3单元502室, 人民路88号, 苏州市姑苏区 - ring twice": _UNIT_FIRST,
    "5樓之2, 中山路二段15號, 台中市西區 - ring twice": _UNIT_FIRST,
    "Tingkat 4, Unit 4-12, No. 23, Jalan Kenanga 3, Taman Melati, Kuala Lumpur - ring twice": _UNIT_FIRST,
    "Ghorofa ya 3, chumba 7, Nyumba 14, Barabara ya Ngong, Kilimani, Nairobi - ring twice": _UNIT_FIRST,
    '{"name": "line1", "value": "11 Ashgrove Park"}': _SPLIT,
    "- 11 Ashgrove Park\\n": _SPLIT,
    '{"name": "line1", "value": "Flat 304, Sai Residency, 14th Cross"}': _SPLIT,
    "- Flat 304, Sai Residency, 14th Cross\\n": _SPLIT,
    '{"name": "line1", "value": "Lipová 214/9"}': _SPLIT,
    "- Lipová 214/9\\n": _SPLIT,
    '{"name": "line1", "value": "Hlavná 58"}': _SPLIT,
    "- Hlavná 58\\n": _SPLIT,
    '{"name": "line1", "value": "Ερμού 45"}': _SPLIT,
    "- Ερμού 45\\n": _SPLIT,
    '{"name": "line1", "value": "桜町2丁目14番地"}': _SPLIT,
    "- 桜町2丁目14番地\\n": _SPLIT,
    '{"name": "line1", "value": "2-14 Sakuramachi"}': _SPLIT,
    "- 2-14 Sakuramachi\\n": _SPLIT,
    '{"name": "line1", "value": "人民路88号"}': _SPLIT,
    "- 人民路88号\\n": _SPLIT,
    '{"name": "line1", "value": "中山路二段15號"}': _SPLIT,
    "- 中山路二段15號\\n": _SPLIT,
    '{"name": "line1", "value": "No. 23, Jalan Kenanga 3"}': _SPLIT,
    "- No. 23, Jalan Kenanga 3\\n": _SPLIT,
    '{"name": "line1", "value": "Nyumba 14, Barabara ya Ngong"}': _SPLIT,
    "- Nyumba 14, Barabara ya Ngong\\n": _SPLIT,
}

_NUMBERED_ROAD = (
    "a numbered road as a sign's theme read as a street and house number ('Bundesstraße 1 Schild', "
    "'Estrada Nacional 2 placa', 'Valtatie 4 kyltti')"
)
_PERSON_STREET = (
    "a street named after a person or written in Hangul or Han ('12 George St', '명동길', '迪化街') read as a "
    "person's name (person, not this round's detector). (Since names22 'Karl Johans gate' is read as a "
    "street: person_named_things.)"
)

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    ': "Southern Knit Co · 12 George St, Dunedin 9016 · Mon-Sat"}': _PERSON_STREET,
    '"product": {"title": "명동길 tote bag, organic cotton"}': _PERSON_STREET,
    'otograph of 명동길 at dusk, wide angle, 부산 skyline, film grain"': _PERSON_STREET,
    'otograph of 迪化街 at dusk, wide angle, 高雄 skyline, film grain"': _PERSON_STREET,
    '"product": {"title": "Bundesstraße 1 Schild"}': _NUMBERED_ROAD,
    '"product": {"title": "Estrada Nacional 2 placa"}': _NUMBERED_ROAD,
    '"product": {"title": "Valtatie 4 kyltti"}': _NUMBERED_ROAD,
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
