"""The eighth attacker round on text (text8): attacker_round_text8.json, written before reading the detectors.

Each record is a whole set of generation parameters. A "found" record must yield its expected entity type;
a "clean" one no finding at all. The misses left open are strict xfails with the class they belong to, so
a fix of the class shows up here as an unexpected pass.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_text8.json")

# What the scanner still misses, by the record's first string value, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "photo for HIV+ support group member Kwame, warm tones": (
        "a status written as 'HIV+' with the person after it ('member Kwame'): no linking word, no record"
    ),
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_thirty_languages() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 30
