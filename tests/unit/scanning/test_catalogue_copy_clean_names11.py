"""The clean neighbours of the names11 round (attacker_round_names11.json "clean"), written before
reading the detectors: catalogue copy and generation parameters whose words are also names, none of
which names a customer, so none may be flagged (a false flag quarantines a good product image).

What they decide: a brand named after a person stays clean ("Ralph Lauren polo shirt", "Dr. Martens
1460 boots"); an artist named as a style stays clean ("in the style of Van Gogh", "Monet-inspired");
sampler, model, LoRA and upscaler names stay clean ("DPM++ 2M Karras", "realisticVision_v51"); and so do
colours, fabrics, garments and dishes named after people ("Peter Pan collar", "Eggs Benedict"), places,
titles with no name ("先生 へ の 感謝 ギフト", "for my wife, red roses"), and everyday words of 60
languages that are also given names (Swahili "Baraka", Māori "aroha", Hindi "दीपक", Mongolian "Цэцэг").
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names11.json")


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_clean_side_covers_forty_languages_and_its_size() -> None:
    assert len({record["lang"].split("-")[0] for record in _ROUND["clean"]}) >= 40
    assert len(_ROUND["clean"]) >= 150
