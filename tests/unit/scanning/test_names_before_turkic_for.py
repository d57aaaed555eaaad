"""Uzbek and Turkmen write "for" after the name, as Turkish 'için' and Azerbaijani 'üçün' (cues.toml
[person_for_after], since names21): "Gulnora Karimova uchun sovg'a", "Aýgül Orazowa üçin sowgat". As after
a "for", a given name of the wider list or a surname of telling shape makes the pair a name; a city, a
holiday or a historical figure before it stays clean."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters

_FOUND = [
    {"prompt": "Gulnora Karimova uchun sovg'a"},
    {"prompt": "Sardor Rahimov uchun kitob, muqovada ismi"},
    {"prompt": "o'g'lim Jasurbek Toshmatov uchun ismli futbolka"},
    {"prompt": "Aýgül Orazowa üçin sowgat"},
]
_CLEAN = [
    {"prompt": "Samarqand uchun poster, Registon"},
    {"prompt": "Navro'z bayrami uchun otkritka"},
    {"prompt": "Toshkent Shahri uchun poster"},
    {"prompt": "Amir Temur uchun haykal"},
    {"prompt": "Aşgabat üçin plakat"},
]


@pytest.mark.parametrize("params", _FOUND)
def test_name_before_a_for_is_found(params: dict[str, Any]) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", _CLEAN)
def test_place_or_holiday_before_a_for_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []
