# ruff: noqa: RUF001 - the dashes shops write, on purpose
"""Birthday merchandise prints a year of birth for everyone born in it ("Vintage 1986", "Legends were born
in 1986"): a year alone after a birth cue is no one's date of birth in such copy. A full date is, and a
year alone elsewhere (a biography) still is. Nor is the birth date of an animal or an organisation right
before the cue ("the dog was born on ..."). Written by the lead from shop listings (2026-12-06)."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


def _births(text: str) -> list[str]:
    return [f.detector for f in scan_parameters({"description": text}) if f.entity == "DATE_OF_BIRTH"]


@pytest.mark.parametrize(
    "text",
    [
        "Gift for someone born in 1990: vintage 1990 birthday T-shirt",
        "Happy 40th birthday banner, born in 1986, party decoration",
        "Legends were born in 1986 - limited edition tee",
        "Jahrgang 1976 – geboren 1976, Geburtstagsshirt",
        "Légende née en 1986 ! t-shirt anniversaire",
        "Leyendas nacidas en 1986, camiseta de cumpleaños",
    ],
)
def test_a_year_alone_in_birthday_merchandise_is_everyones(text: str) -> None:
    assert _births(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "born in 1985 in Lyon, loves hiking",
        "geboren in 1975, Kundin aus Köln",
        "customer born on 12 March 1985, birthday banner",
        "Born in 1986, vintage mug, DOB 12/03/1986",
        "date of birth: 1986-03-12, limited edition print for her",
    ],
)
def test_a_full_date_or_a_year_in_other_copy_is_still_a_date_of_birth(text: str) -> None:
    assert _births(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "the dog was born on 12 March 2024, pet portrait of our shop dog Rex",
        "Unser Welpe, geboren am 01.02.2025, Pfotenabdruck-Poster",
        "our puppy born 01.02.2025, name tag",
        "The company was born on 5 May 1920 in Milan",
        "notre chaton est né le 03/04/2025, coussin photo",
    ],
)
def test_an_animal_or_a_company_born_on_a_date_is_no_one(text: str) -> None:
    assert _births(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "we were born on 12.03.1985, twin portrait",
        "my dog-loving wife was born on 12.03.1985",
        "Anna and her puppy, Anna born 12.03.1985",
    ],
)
def test_a_person_beside_an_animal_word_is_still_born_on_a_date(text: str) -> None:
    assert _births(text) != []
