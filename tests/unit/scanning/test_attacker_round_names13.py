# ruff: noqa: RUF001 - names in many scripts, on purpose
"""The names13 round (attacker_round_names13.json "found" and "identifiers_found"), written before reading
the detectors: personal names where a retailer's parameters put them (dedications, memorials, sign-offs,
gift messages, a kinship word before a name, signatures, EXIF and XMP artist and copyright text), with
initials and middle initials, hyphenated and particle surnames, in capitals, lower case and mixed case,
in some 90 languages and scripts, and in event ids and sources. The clean neighbours are
test_catalogue_copy_clean_names13.py's.

Each "found" record must yield PERSON; the misses left open are strict xfails, by class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from gate.scanning.identifiers import identifier_findings
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names13.json")

_JOINED_ID = (
    "a name in an identifier written in camel case, surname first in capitals, or with its particles "
    "capitalised by the id's reading ('SiobhanOSullivan', 'MUELLER_HANS', 'Pieter_Van_Der_Meulen'): "
    "identifiers.py reads words apart at separators only"
)
_APOSTROPHE_PARTICLE = (
    "a surname or article joined by an apostrophe other than O' and D' (N'Diaye, Dell'Acqua, "
    "Luxembourgish d'Marie-Josée): the name shape knows Mc, Mac, O', D' only"
)
_SCRIPT_CASE = (
    "a name in a case form or before a postposition of a script without a name list here (Belarusian "
    "genitive, Kazakh dative, Assamese 'বাবে', Sinhala 'සඳහා', Oromo '-f'), or "
    "Mongolian, where `normalise` reads 'б' as '6'"
)
_WORD_GIVEN = (
    "a given name that is also an everyday word (Māori 'aroha', love; English 'mere') or of no list "
    "(Esperanto), after a greeting, before a surname of no list"
)
_NO_CUE = (
    "a full name after a phrase that is no cue (a slogan and a dash, 'reading', 'model:' which is a "
    "product's model as often) or given names alone ('Carl and Judy'), a surname alone after 'Familie'"
)
_OPEN: dict[str, str] = {
    "SiobhanOSullivan": _JOINED_ID,
    "JeanPierreDubois": _JOINED_ID,
    "MUELLER_HANS": _JOINED_ID,
    "Pieter_van_der_Meulen": _JOINED_ID,
    "#HappyBirthdayEmilyClarke": "a name joined into a hashtag with the greeting (camel case)",
    "N'Diaye": _APOSTROPHE_PARTICLE,
    "Dell'Acqua": _APOSTROPHE_PARTICLE,
    "d'Marie-Josée": _APOSTROPHE_PARTICLE,
    "Алесі Каваленкі": _SCRIPT_CASE,
    "Сейітқызына": _SCRIPT_CASE,
    "বাবে": _SCRIPT_CASE,
    "සඳහා": _SCRIPT_CASE,
    "Gammadaaf": _SCRIPT_CASE,
    "Болормаа": _SCRIPT_CASE,
    "Aroha Ngata": _WORD_GIVEN,
    "Mere Vuniwaqa": _WORD_GIVEN,
    "Zamenhof": _WORD_GIVEN,
    "model: Anastasia": _NO_CUE,
    "reading McKenzie": _NO_CUE,
    "Carl and Judy": _NO_CUE,
    "Familie Obermaier": _NO_CUE,
    "CONGRATULATIONS JAMAL WASHINGTON": (
        "a greeting in capitals before a given name of the wider list only (the capitals rule asks for a "
        "given name of the shipped list)"
    ),
    "lakisha m. robinson": "a lower-case name with a middle initial under a people key",
    "joão pedro da silva": "a lower-case name with a particle under a people key",
    "firma": "'firma' is a company in German, Polish and Czech: a key no name is read under",
    "陈建国的名字": (
        "a Chinese name before '的名字' (his name) after an engraving verb, with no cue the rules read"
    ),
    "Đỗ Minh Tuấn": (
        "a Vietnamese name surname first after a greeting: the greeting rule reads a given name of the list "
        "first or a surname last"
    ),
    "Teh Euis": "Sundanese 'Teh' (elder sister) is left out as a title: Indonesian 'teh' is tea",
    "jOhN sMiTh": "a name in alternating case",
    "lora_trigger": "text under a LoRA key is not read for names (it names styles and trained concepts)",
}

# Neighbours of the classes this round fixed, each a rule with the values either side of it.
_FOUND_BY_CLASS = [
    # a kinship word, a dedication, a memorial, a sign-off, ownership, an occasion's "of" (cues.toml
    # [person_before]) before a given name of the wider list
    {"prompt": "keyring photo of grandpa Leopold Marchetti"},
    {"prompt": "In memory of Theodora Blackwood, 1931-2023"},
    {"card": "All my love, Genevieve Ashworth"},
    {"prompt": "Lesezeichen für Opa Waldemar Kretschmer"},
    {"prompt": "faire-part du baptême de Clémence Vautrin"},
    {"prompt": "collar tag: property of Winifred Cartwright"},
    # greetings of 15 more languages
    {"prompt": "Isabukuru nziza Mugisha Habimana"},
    {"prompt": "Makorokoto Rutendo Chikwanha!"},
    # initials: a middle initial, an honorific before initials, initials after a credit
    {"Copyright": "© 2024 Harriet P. Langford"},
    {"prompt": "desk plate Dr. R. Oyelowo"},
    {"Artist": "Photograph by A.J. Castellanos"},
    {"prompt": "print signed M. Kowalski"},
    # a romanised Korean name, a lower-case name after "for", a double given name and a particle
    {"prompt": "fan banner for Kim Seo-yeon"},
    {"prompt": "make a mug for maria hernandez"},
    {"prompt": "Bierkrug für Hans-Jürgen von Stetten"},
]
_CLEAN_BY_CLASS = [
    {"prompt": "grandma Rose quilt, patchwork"},
    {"prompt": "in memory of summer, beach print"},
    {"prompt": "Love, Actually poster"},
    {"prompt": "E. Wedel chocolate box"},
    {"prompt": "J.M. Weston loafers in burgundy"},
    {"prompt": "H.J. Heinz tomato ketchup"},
    {"prompt": "Art Deco-style lamp"},
    {"prompt": "Hi-Fi set, walnut"},
    {"prompt": "make a poster for santa cruz"},
    {"prompt": "mug for mama mia fans"},
    {"prompt": "Gift For Her Candles"},
    {"prompt": "Mr. Snuggles plush bear"},
    {"prompt": "Jack Russell terrier socks"},
    {"prompt": "有田焼の皿"},
    {"prompt": "ของขวัญสำหรับพ่อ วันพ่อ"},
    {"morada": "R. Garcia, 21, 7156-710 Reguengos de Monsaraz"},  # an address's street: no PERSON
    {"prompt": "Uncle Ben rice bowl, ceramic"},
    {"prompt": "Aunt Jemima pancake mix"},
]


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


def _identifier_cases(kind: str) -> list[Any]:
    cases = []
    for record in _ROUND[kind]:
        reason = next((why for value, why in _OPEN.items() if value in record["value"]), None)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(record["value"], record["path"], marks=marks, id=record["lang"]))
    return cases


@pytest.mark.parametrize(("value", "path"), _identifier_cases("identifiers_found"))
def test_name_in_identifier_is_found(value: str, path: str) -> None:
    assert "PERSON" in {finding.entity for finding in identifier_findings(value, path=path)}


@pytest.mark.parametrize(("value", "path"), _identifier_cases("identifiers_clean"))
def test_plain_identifier_stays_clean(value: str, path: str) -> None:
    assert identifier_findings(value, path=path) == []


@pytest.mark.parametrize("params", _FOUND_BY_CLASS)
def test_fixed_class_is_found(params: dict[str, Any]) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", _CLEAN_BY_CLASS)
def test_fixed_class_neighbour_stays_clean(params: dict[str, Any]) -> None:
    assert "PERSON" not in {finding.entity for finding in scan_parameters(params)}


def test_round_covers_forty_languages_and_its_size() -> None:
    assert len({record["lang"].split("-")[0] for record in _ROUND["found"]}) >= 40
    assert len(_ROUND["found"]) + len(_ROUND["identifiers_found"]) >= 150
