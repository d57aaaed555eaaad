# ruff: noqa: RUF001, RUF002 - the records of 54 languages, quoted whole
"""The twenty-fourth attacker round on addresses (addr24): attacker_round_addr24.json, written before
reading the detectors, on a customer's address in shapes no earlier address round used, in 97 locales of
54 languages: post-office boxes and private bags in their local forms (`P.O. Box 47722-00100 GPO
Nairobi`, `GPO Box`, `Locked Bag`, `Private Bag X812`, `PMB`, `Casilla`, `Pf.`, `а/я`, `ص.ب`, `ת.ד.`,
`私書箱`, `Kotak Pos`), parcel lockers and pick-up points with their codes (Packstation and Postnummer,
InPost, Mondial Relay, Omniva, DPD, Zásilkovna, Nova Poshta, a Yamato centre or a 7-Eleven's store
number), military and diplomatic mail (APO/FPO/DPO AE/AP, BFPO), plus codes and what3words triples, and
delivery instructions by landmarks (`near Hanuman temple, opp. SBI ATM`, `de la iglesia 2 cuadras al
lago`, `behind Total filling station`).

The clean neighbours are shops' own boxes in footers, box counts and boxes as products, `PO` as a
purchase order, `BP` as a brand, APO/BFPO named in a shop's FAQ, code with `+` and dotted triples that
are versions, files, modules and domains, lockers and landmarks as products' themes, carriers in a
shipping-options list and delivery instructions with no address. A "found" record must yield LOCATION;
a "clean" one no finding at all. What stays open is a strict xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_addr24.json")

_BOX = (
    "a post-office box in a local form the rules do not know or without the postcode they expect: "
    "Canada's 'C.P. ... succ.', Africa's 'BP 15230, Dakar-Fann', Taiwan's '號信箱', Armenian and Serbian "
    "box words"
)
_LOCKER = (
    "a parcel locker or pick-up point named by its network and code ('InPost paczkomat GDA08M', 'Relais "
    "Colis C71234', 'Omniva pakiautomaat', 'Z-BOX', a Yamato centre's or a 7-Eleven's store code)"
)
_MILITARY = "military mail without a unit and box before it ('APO AE 09354') or BFPO after a unit's name"
_PLUS_CODE = "a short plus code before its town ('9G8F+6X Zürich', 'código plus 76HC+9F Oaxaca')"
_LANDMARK = (
    "delivery directions by landmarks with no house number or postcode the street rules read ('near Jamia "
    "masjid', 'de la iglesia 2 cuadras al lago', 'behind Total filling station', 'derrière la pharmacie')"
)

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "C.P. 2214, succ. Terminus": _BOX,
    "BP 15230, Dakar-Fann": _BOX,
    "台北郵政 12-345 號信箱": _BOX,
    "փոստարկղ 118": _BOX,
    "поштански фах 118": _BOX,
    "InPost paczkomat GDA08M": _LOCKER,
    "Relais Colis C71234": _LOCKER,
    "センターコード 031241": _LOCKER,
    "門市店號 182736": _LOCKER,
    "Omniva pakiautomaat Tallinna": _LOCKER,
    "Zásilkovna Z-BOX Praha 4": _LOCKER,
    "Sennelager, BFPO 16": _MILITARY,
    '"APO AE 09354"': _MILITARY,
    "9G8F+6X Zürich": _PLUS_CODE,
    "76HC+9F Oaxaca": _PLUS_CODE,
    "MFRH+CV Dakar": _PLUS_CODE,
    "behind Sai Baba mandir": _LANDMARK,
    "near Jamia masjid": _LANDMARK,
    "2 cuadras al lago": _LANDMARK,
    "frente a la iglesia San Francisco": _LANDMARK,
    "a la par de la tienda": _LANDMARK,
    "em frente à padaria": _LANDMARK,
    "close to Ikeja City Mall": _LANDMARK,
    "behind Total filling station": _LANDMARK,
    "opposite Yaya Centre": _LANDMARK,
    "derrière la pharmacie": _LANDMARK,
    "ከኤድና ሞል ጀርባ": _LANDMARK,
}

_SHOP_BOX = "a shop's box in its footer after a Cyrillic legal form and a name in «quotes» (ООО «...», а/я)"
_BOX_TITLE = "a box word and a number as a product's title ('Locked Bag 19: a thriller', 'Postbus 51 poster')"
_PERSON = (
    "a temple's deity or a carrier's name read as a person's name: the person detectors, not this round's"
)

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    "ООО «Невская печать», а/я 317": _SHOP_BOX,
    "Locked Bag 19: a thriller": _BOX_TITLE,
    "Postbus 51 retro poster": _BOX_TITLE,
    "शिव मंदिर का पोस्टर": _PERSON,
    "Posta Kenya P.O. Box": _PERSON,
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
    assert len(_ROUND["found"]) >= 150 and len(_ROUND["clean"]) >= 150
