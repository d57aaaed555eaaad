"""The clean neighbours of the names12 round (attacker_round_names12.json "clean"), written before
reading the detectors: catalogue copy in the round's languages whose words look like names, none of
which names a customer, so none may be flagged (a false flag quarantines a good product image).

What they decide: brands and product lines named like people stay clean ("Mavi Jeans", "Douwe
Egberts", "Laima šokolāde", "설화수", "李宁运动鞋"); so do deities and figures of myth and fiction sold as
statues and prints ("गणेश जी की पीतल मूर्ति", "Apollo and Daphne", "Don Quijote y Sancho Panza"),
garments and dishes named after people ("Mary Jane shoes", "kebaya Kartini"), places ("Victoria, BC",
"Bolesławiec"), colours and words that are also given names ("Rose quartz", "jade green", "hoa mai"),
and greetings printed on party supplies with no one's name ("عيد ميلاد سعيد! بالونات ذهبية").
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names12.json")

_OPEN: dict[str, str] = {
    "Maria Clara gown": (
        "a garment named after a character of fiction whose name is a common given-name pair too (the "
        "Filipino 'Maria Clara' gown; 'Maria Clara Dela Cruz' is a person)"
    ),
    "مصباح علاء الدين": (
        "Aladdin's lamp: 'علاء الدين' is a compound given name, and a listed Arabic given name before any "
        "word is read as a full name"
    ),
}


def _cases() -> list[Any]:
    cases = []
    for case in attacker_round.clean_cases(_ROUND):
        written = str(case.values[0])
        reason = next((why for value, why in _OPEN.items() if value in written), None)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(*case.values, marks=marks, id=case.id))
    return cases


@pytest.mark.parametrize("params", _cases())
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_clean_side_covers_thirty_languages_and_its_size() -> None:
    assert len({record["lang"].split("-")[0] for record in _ROUND["clean"]}) >= 30
    assert len(_ROUND["clean"]) >= 150
