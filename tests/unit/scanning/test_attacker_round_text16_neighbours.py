# ruff: noqa: RUF001 - text of other scripts, on purpose
"""Truth tables for the classes the sixteenth attacker round on text (text16) closed, from its own misses
and from round 15's open ones, each with clean neighbours: birth dates with Roman-numeral or abbreviated
months, two-digit years and compact YYMMDD after a birth word; words between a noun naming the date of
birth and its date; the ids of seven more countries after their own names; special categories said in
the first person, with or without a pronoun.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters


def _entities(params: Any) -> set[str]:
    return {finding.entity for finding in scan_parameters(params)}


DOB_FOUND: list[str] = [
    "ur. 03.VII.1979",  # Polish, Roman-numeral month
    "született: 1979. VII. 3.",  # Hungarian, year first
    "narozen 3. XI. 1968",  # Czech
    "DOB 03-JUL-1979",  # a form's abbreviated month
    "born 3/Jul/79",
    "geb. 3. Okt. 79",  # German abbreviation, two-digit year
    "nato il 03/07/'79",
    "nacida el 3 de julio del 79",
    "nací el 3 de julio de 1979",  # first person
    "född 790703",  # Swedish compact
    "생년월일 790703",  # Korean compact
    "DOB: 19790703",
    "nilizaliwa tarehe 3 Julai 1979",  # Swahili, first person
    "data de nascimento da minha mãe: 03/07/1949",
    "date of birth of the recipient: 03.07.1979",
    "Geburtsdatum meines Sohnes 03.07.2015",
    "fecha de nacimiento del titular es el 3 de julio de 1979",
    "data urodzenia mojej żony: 3 lipca 1981",
    "dátum narodenia klienta 3. 7. 1979",
    "дата рождения дочери: 03.07.2012",
]

DOB_CLEAN: list[str] = [
    "Birthday mug 790703, ceramic",  # a product code after a birthday word
    "happy birthday mug, lot 790703, batch 2024-03-12",
    "born to run tour poster, 3 VII 1979 reissue",  # a date, but no birth cue before it
    "date of birth field, format DD.MM.YYYY",
    "Geburtstagstasse, Artikel 790703",
    "vintage 1979 birthday mug, edition XII",
    "nací en Madrid, taza de 79 ml",
    "birthday sale ends 03.07.2026",
    "chapter VII, 1979 edition, 3 copies",
    "Louis XIV 1715 portrait mug",
]

IDS_FOUND: list[str] = [
    "מספר זהות 000000018",  # Israel
    "ת״ז 123456782",
    "شناختی کارڈ نمبر 34101-2345678-7",  # Pakistan
    "CNIC: 61101-1234567-5",
    "NRT D-059888-N",  # Andorra
    "NIPT J91402501L",  # Albania
    "VÖEN 1400057421",  # Azerbaijan
    "NIF 000016001000017",  # Algeria
    "УНП 200988541",  # Belarus
]

IDS_CLEAN: list[str] = [
    "NRT 2024-03 release",
    "NIPT im personal 2024",
    "VÖEN sahəsi boş qalsın",  # the field left empty
    "УНП магазина указан в чеке",
    "CNIC card holder, leather, 3 colours",
    "NIF field, 9 characters",
]

FIRST_PERSON_FOUND: list[tuple[str, str]] = [
    ("soy lesbiana y es para mi novia", "SEXUAL_ORIENTATION"),
    ("jestem lesbijką", "SEXUAL_ORIENTATION"),
    ("sono gay, è per mio marito", "SEXUAL_ORIENTATION"),
    ("sou bissexual", "SEXUAL_ORIENTATION"),
    ("ik ben homo en trots", "SEXUAL_ORIENTATION"),
    ("je suis lesbienne", "SEXUAL_ORIENTATION"),
    ("wir sind schwul und heiraten", "SEXUAL_ORIENTATION"),
    ("jag är bisexuell", "SEXUAL_ORIENTATION"),
    ("soy musulmana, sin figuras humanas", "RELIGIOUS_BELIEF"),
    ("sono ebreo osservante", "RELIGIOUS_BELIEF"),
    ("sou testemunha de Jeová", "RELIGIOUS_BELIEF"),
    ("nous sommes témoins de Jéhovah", "RELIGIOUS_BELIEF"),
    ("ich bin Muslima", "RELIGIOUS_BELIEF"),
    ("я мусульманин", "RELIGIOUS_BELIEF"),
    ("jestem muzułmanką", "RELIGIOUS_BELIEF"),
    ("sunt ateu", "RELIGIOUS_BELIEF"),
]

FIRST_PERSON_CLEAN: list[str] = [
    "we are a Christian bookstore since 1950",
    "somos una tienda católica",  # a shop, not a person: "tienda" is no category word
    "soy Cristian, quiero una taza azul",  # a given name
    "I am Christian Weber",
    "ich bin ein Fan von Gay Pride Flaggen",  # capitalised words: a theme
    "je suis fan du mug arc-en-ciel",
    "sono tazze natalizie",
    "jestem fanem kubków świątecznych",
]


@pytest.mark.parametrize("text", DOB_FOUND)
def test_birth_date_forms_are_found(text: str) -> None:
    assert "DATE_OF_BIRTH" in _entities({"prompt": text})


@pytest.mark.parametrize("text", DOB_CLEAN)
def test_birth_date_neighbours_stay_clean(text: str) -> None:
    assert "DATE_OF_BIRTH" not in _entities({"prompt": text})


@pytest.mark.parametrize("text", IDS_FOUND)
def test_ids_after_their_names_are_found(text: str) -> None:
    assert "NATIONAL_ID" in _entities({"prompt": text})


@pytest.mark.parametrize("text", IDS_CLEAN)
def test_id_names_without_an_id_stay_clean(text: str) -> None:
    assert _entities({"prompt": text}) == set()


@pytest.mark.parametrize(("text", "entity"), FIRST_PERSON_FOUND)
def test_categories_in_the_first_person_are_found(text: str, entity: str) -> None:
    assert entity in _entities({"prompt": text})


@pytest.mark.parametrize("text", FIRST_PERSON_CLEAN)
def test_first_person_product_copy_stays_clean(text: str) -> None:
    # ("I am Christian Weber" names a person: PERSON, not a faith)
    assert not _entities({"prompt": text}) & {"RELIGIOUS_BELIEF", "SEXUAL_ORIENTATION"}
