"""The names10 round (attacker_round_names10.json), written before reading the detectors: personal names in
generation parameters as shops' pipelines and customers write them (banners and cards for someone,
greetings, "Surname, Given name", honorifics, case forms of Estonian, Finnish, Hungarian, Baltic and Slavic
names, names under people keys, in arrays of parts and numbered parts, in file and LoRA names) in 58
languages, and clean product copy whose words are also names (colours, fabrics, places, brands, dishes,
artists' styles: "in the style of Van Gogh" names an artist as a style, which the scanner leaves, as
person.py's docstring says).

A "found" record must yield PERSON, a "clean" one no finding at all. The misses left open are strict
xfails with the class they belong to.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names10.json")

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "Գրիգորյանի համար": (
        "an Armenian name in the genitive before 'համար' (for): the normaliser reads Armenian letters as "
        "Latin look-alikes, and no list of Armenian given names is shipped"
    ),
    "祝王小明生日快乐": "a Chinese name between 祝 and 生日快乐 (happy birthday), with no honorific after it",
    '"i": "Rhys ap Iorwerth"': "a one-letter key ('i', Welsh 'to') says nothing of what it holds",
}

# A key that names a person is read closed: what it holds is taken for a name unless it is a company
# or brand, so these are quarantined for review (a people key with a group or a pipeline's name in it).
_READ_CLOSED = [
    {"recipient": "all customers"},
    {"recipient": "warehouse"},
    {"author": "gate-pipeline"},
]


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


@pytest.mark.parametrize("params", _READ_CLOSED)
def test_people_keys_are_read_closed(params: dict[str, Any]) -> None:
    assert {finding.entity for finding in scan_parameters(params)} == {"PERSON"}


def test_round_covers_thirty_languages_and_its_size() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 30
    assert len(_ROUND["found"]) >= 120
    assert len(_ROUND["clean"]) >= 80
