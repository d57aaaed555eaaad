# ruff: noqa: RUF002 - the records of 54 languages, quoted whole
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

_PLUS_CODE = (
    "a short plus code of letters only in a text without a digit ('code plus MFRH+CV Dakar'): the scanner's "
    "facts give a text without digits no number-led rule"
)
_LANDMARK = (
    "directions by landmarks in a script whose phrase the landmark rule does not know, without commas "
    "between the parts (Amharic 'ከ... ጀርባ ቤት ቁጥር 412')"
)

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "MFRH+CV Dakar": _PLUS_CODE,
    "ከኤድና ሞል ጀርባ": _LANDMARK,
}

_PERSON = (
    "a temple's deity or a carrier's name read as a person's name: the person detectors, not this round's"
)

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
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
