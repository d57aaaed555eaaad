# ruff: noqa: RUF001 - surnames and clubs in Cyrillic and Greek capitals, on purpose
"""A surname in capitals and a shirt's number under the key of a shirt's print (person_jersey.shirt_print,
since names21): a Latin surname listed or of a surname's shape, a double-barrelled one, a Greek or
Cyrillic one by its script's surname ending. A key is no name cue: a club, a country or a city in the same
shape stays clean (a city of a surname's shape, "ROSTOV 10", "NAPOLI 10", is read as one, as after a
print cue in text)."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from gate.scanning.context import key_info
from gate.scanning.detectors import person_lone

_FOUND = [
    {"dres": "PETROVIĆ 8"},
    {"dres": "МИЛОВАНОВИЋ-ЈАНКОВИЋ 4"},
    {"fanela": "ΠΑΠΑΔΟΠΟΥΛΟΣ 4"},
    {"fanela": "ΧΑΤΖΗΔΑΚΗΣ 21"},
    {"футболка": "КУЗНЕЦОВ 17"},
    {"futbolka": "ТКАЧЕНКО 9, для сына"},
    {"jersey": "ЖҰМАБАЙҰЛЫ 6"},
    {"trikot": "SCHWEINSTEIGER-MÜLLER 31"},
    {"koszulka": "KOWALCZYK 7"},
    {"camiseta": "DOS SANTOS 11"},
    {"maglia": "DI LORENZO-RUSSO 22"},
    {"jersey_back": "BEKMAMBETOV 3"},
    {"shirt_print": "NOWAK 9"},
]
_CLEAN = [
    {"dres": "СРБИЈА 15"},
    {"fanela": "ΕΛΛΑΣ 7"},
    {"fanela": "ΟΛΥΜΠΙΑΚΟΣ 7"},
    {"futbolka": "СПАРТАК 10, домашняя форма"},
    {"futbolka": "ДИНАМО КИЇВ 5"},
    {"futbolka": "ЛОКОМОТИВ 10"},
    {"jersey": "ҚАЗАҚСТАН 9"},
    {"jersey": "LONDON 17"},
    {"camiseta": "REAL MADRID 7"},
    {"forma": "TÜRKİYE 11, deplasman forması"},
    {"jersey_back": "MANCHESTER UNITED 7"},
    {"trikot": "BAYERN MÜNCHEN 25"},
    {"maglia": "JUVENTUS 10"},
    {"forma": "CIRCULAR 10"},
    {"kit": "STARTER 10"},
    {"jersey": "LEGEND 10"},
    {"jersey": "Kowalczyk 7"},
]


@pytest.mark.parametrize("params", _FOUND)
def test_surname_printed_under_a_shirt_key_is_found(params: dict[str, Any]) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", _CLEAN)
def test_club_country_or_word_under_a_shirt_key_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_shirt_keys_are_read_by_their_words() -> None:
    rule = person_lone.KEYED_RULES[2]
    assert rule.matches(key_info("jersey_back"))
    assert rule.matches(key_info("shirt_print"))
    assert rule.matches(key_info("φανέλα"))
    assert not rule.matches(key_info("jersey_size"))
    assert not rule.matches(key_info("product_name"))
