# ruff: noqa: RUF001 - text in many scripts, on purpose
"""The PERSON classes names10 added, each with the neighbours that must stay clean: a name after a greeting
(data/cues.toml `[person_greeting]`, words of address between), a name after a Nguni prefix, a given name
before a listed surname (data/surnames.txt), two names joined by "and", a given name of the shipped list
with particles, Estonian allative and Quechua "-paq" surnames, and the people keys that hold a lone given
name, a lower-case full name, numbered name parts or a short record.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters

FOUND: list[tuple[str, Any]] = [
    # greetings, in the languages' own words
    ("prompt", "Happy birthday, Tunde Bakare! gold balloons"),
    ("prompt", "Alles Gute zum Geburtstag, liebe Renate Vogt"),
    ("prompt", "Bon anniversaire Mathilde !"),
    ("prompt", "Felicidades, querida Ximena Castañeda"),
    ("prompt", "Gratulerer med dagen Ingrid! norsk flagg"),
    ("prompt", "Su gimtadieniu, Rūta Kazlauskienė!"),
    ("prompt", "Congratulations Chiamaka Eze, class of 2025"),
    ("prompt", "Selamat ulang tahun Dewi Lestari, kue ulang tahun"),
    ("prompt", "সুভ জন্মদিন শুভ জন্মদিন তানভীর আহমেদ"),
    ("prompt", "Поздравляем, Светлана Морозова!"),
    ("prompt", "Boldog születésnapot Szabó Réka!"),
    # a Nguni prefix on the name
    ("prompt", "ikhekhe likaLindiwe Khumalo, izimbali"),
    # a given name before a listed surname, with no cue
    ("prompt", "Abena Owusu wearing the kente scarf, studio light"),
    ("prompt", "poster for Rose Fernandes, yellow dress"),
    ("filename", "thank_you_card_ruby_nowak.png"),
    ("prompt", "Customer list export: Lefebvre, Jean-Luc"),
    # two names joined by "and"
    ("prompt", "wedding invitation, Aino ja Eero Korhonen"),
    ("prompt", "save the date: Farkas Dóra és Kiss Máté"),
    # particles, allative, benefactive
    ("prompt", "plaque for the bench of Ana de los Santos Rivera"),
    ("prompt", "õnnitluskaart Liina Rebasele, lilled"),
    ("prompt", "Killa Condoripaq, t'ikakuna"),
]
FOUND_UNDER_KEYS: list[dict[str, Any]] = [
    {"for": "Mathilde"},
    {"client": "SOLVEIG"},
    {"buyer": "adaeze okafor"},
    {"name_part1": "Wanjiru", "name_part2": "Kamau"},
    {"recipient_name": ["Ngozi", "Eze"]},
    {"model_release": {"model": "Zanele Mokoena", "date": "2025-01-01"}},
    {"dateiname": "hochzeit_lena_becker.png"},
]
CLEAN: list[str] = [
    "Happy Birthday Cake Topper, gold glitter",
    "Happy Birthday Little Man",
    "Happy Birthday Princess!",
    "Happy Birthday Love!",
    "Happy Birthday Captain America cake",
    "Happy Birthday Hello Kitty balloon",
    "Happy Birthday Peppa Pig banner",
    "Welcome Home Soldier banner",
    "Get Well Soon Gift Basket",
    "Congratulations Graduate Banner",
    "Feliz cumpleaños Mamá!",
    "Joyeux anniversaire Maman !",
    "Herzlichen Glückwunsch Oma!",
    "Gefeliciteerd Opa!",
    "Tanti Auguri Buon Compleanno!",
    "کارت تبریک برای مهندس\u200cها",
    "'Live Laugh Love' wall sign",
    "tee with 'Paris Texas' print",
    "mug with 'Best Mom Ever' print",
    "Oscar de la Renta gown on a mannequin",
    "Santa Maria del Fiore postcard",
    "Wes Anderson colour palette, pastel hotel",
    "Frida Kahlo colour palette, embroidered blouse",
    "<lora:Ghibli_style_v2:0.7> cottage",
    "Salt and Pepper Shakers, ceramic",
    "Rose and Ivy Garland, dried flowers",
    "banner for Jean Jacket Sale",
    "Grace Kelly bag in croc leather",
    "by Alphonse Mucha and Greg Rutkowski, art nouveau",
    "for Ruby Red Slippers, glitter",
]
CLEAN_UNDER_KEYS: list[dict[str, Any]] = [
    {"for": "kids"},
    {"for": "Mother's Day"},
    {"customer": "Guest"},
    {"client": "Nike"},
    {"name_part_1": "Summer", "name_part_2": "Collection"},
    {"lora": "<lora:Ghibli_style_v2:0.7>"},
]


@pytest.mark.parametrize(("key", "value"), FOUND)
def test_name_is_found(key: str, value: str) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters({key: value})}


@pytest.mark.parametrize("params", FOUND_UNDER_KEYS)
def test_name_under_people_key_is_found(params: dict[str, Any]) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("value", CLEAN)
def test_neighbour_stays_clean(value: str) -> None:
    assert scan_parameters({"prompt": value}) == []


@pytest.mark.parametrize("params", CLEAN_UNDER_KEYS)
def test_neighbour_under_key_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []
