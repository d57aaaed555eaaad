"""The ninth attacker round on text (text9): attacker_round_text9.json, written before reading the detectors,
favouring locales and shapes the earlier rounds left out (Albanian, Colombian, Baltic, Caucasian, Central
Asian, African, South and South-East Asian scripts; names split over arrays or joined as file and LoRA
names; logins under created_by/login).

Each record is a whole set of generation parameters. A "found" record must yield its expected entity type
(or, where listed, the type the scanner names the same value by); a "clean" one no finding at all. The
misses left open are strict xfails with the class they belong to, so a fix of the class shows up here as
an unexpected pass.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_text9.json")

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "Անի Պետրոսյանի համար": "an Armenian name in the genitive before the postposition 'համար' (for)",
    "001090012345": "a Vietnamese citizen id (CCCD) has no check digit to tell it from any 12 digits",
    "Quentin sur la plage": "a lone given name of the wider list with no cue word",
}
# Values found, under another type than the one the round's author named: the record is not approved.
_NAMED_OTHERWISE: dict[str, str] = {
    "1.020.345.678": "PHONE_NUMBER",  # a Colombian cédula has no check digit: read as a phone number
    "mkowalczyk": "PERSON",  # a login under a key that holds a person's name
    "j.schneider": "PERSON",
    "li.wei88": "PERSON",
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN, _NAMED_OTHERWISE))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_thirty_languages() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 30
