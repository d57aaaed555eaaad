"""A gift for an occasion is no customer's name (data/occasions.txt); a name beside the occasion still is.

"Cadeau pour Fête des Mères" or "подарок для Нового Года" is how product prompts name a holiday after
the same cue words that put a customer's name there ("cadeau pour Amélie Poulain"). Truth table: each
occasion in its language stays clean alone and inside a prompt; names after the same cues, and after an
occasion, are still found; given names and surnames that look like occasion words are not swallowed.
"""

# ruff: noqa: RUF001 - Greek and Cyrillic letters, on purpose
from __future__ import annotations

import pytest

from gate.scanning.detectors.person import occasion
from tests.unit.scanning.found import entities

OCCASIONS = [
    "cadeau pour Fête des Mères",
    "cadeau pour la Fête des Pères",
    "cadeau pour Pâques",
    "regalo para el Día del Padre",
    "regalo para Día de la Madre",
    "regalo para Navidad",
    "Geschenk für Weihnachten",
    "Geschenk zum Muttertag",
    "gift for Mother's Day",
    "gift for Father's Day",
    "gift for Valentine's Day",
    "gift for New Year Eve",
    "presente para Dia das Mães",
    "cadeau voor Moederdag",
    "prezent dla Dzień Matki",
    "dárek pro Den Matek",
    "подарок для Нового Года",
    "подарок на Новый Год",
    "подарък за Коледа",
    "δώρο για τα Χριστούγεννα",
    "δώρο για Ημέρα Της Μητέρας",
    "подарунок на Новий Рік",
]

NAMES = [
    "cadeau pour Amélie Poulain",
    "подарок для Анны Смирновой",
    "δώρο για Μαρία Παπαδοπούλου",
    "Geschenk für Jürgen Weiß",
    "подарок для Нового Года Ивана Петрова",
    "δώρο για Χριστούγεννα Μαρία Παπαδοπούλου",
    "Geschenk für Weihnachten Jürgen Weiß",
    "regalo para Ana Reyes Núñez",
    "cadeau pour Noël Dupré",
]


@pytest.mark.parametrize("text", OCCASIONS)
def test_a_gift_for_an_occasion_is_no_name(text: str) -> None:
    assert entities(text) == set()
    assert entities(f"ceramic mug on a marble table, {text}, soft studio lighting") == set()


@pytest.mark.parametrize("text", NAMES)
def test_a_name_after_the_cue_or_after_the_occasion_is_still_found(text: str) -> None:
    assert "PERSON" in entities(text)
    assert "PERSON" in entities(f"ceramic mug, {text}, soft studio lighting")


@pytest.mark.parametrize(
    "word", ["Day", "Noel", "Noël", "Valentin", "Reyes", "Natale", "Nadal", "Silvester", "Kerstin", "Peres"]
)
def test_names_that_look_like_occasion_words_are_not_occasions(word: str) -> None:
    assert occasion().search(word) is None


@pytest.mark.parametrize("text", ["ΧΡΙΣΤΟΥΓΕΝΝΑ", "НОВОГО ГОДА", "weihnachtsmarkt", "Fete des meres"])
def test_occasions_match_in_any_case_and_without_accents(text: str) -> None:
    assert occasion().search(text) is not None
