# ruff: noqa: RUF002 - names in many scripts, on purpose
"""The clean neighbours of the names13 round (attacker_round_names13.json "clean"), written before reading
the detectors: catalogue copy whose words look like names, none of which names a customer, so none may be
flagged (a false flag quarantines a good product image).

What they decide: dog breeds, plants and dishes named after people stay clean ("Jack Russell terrier",
"Black-eyed Susan", "Dobos torta", "Janssons frestelse", "Ali Nazik kebabı"); so do furniture and lamps
sold by their designer's name ("Charles Eames lounge chair"), brands of people ("Jo Malone", "S.T.
Dupont"), fairy-tale and toy characters ("Frau Holle", "Mr. Whiskers"), places written like a name
("Alice Springs", "松本城"), the role a template writes where a name would go ({"recipient": "customer"}),
and kinship words after a "gift for" ("ของขวัญสำหรับแม่ วันแม่", "gift-for-her").
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names13.json")


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_clean_side_covers_forty_languages_and_its_size() -> None:
    assert len({record["lang"].split("-")[0] for record in _ROUND["clean"]}) >= 40
    assert len(_ROUND["clean"]) >= 150
