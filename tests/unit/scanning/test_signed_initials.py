# ruff: noqa: RUF001 - dashes and Cyrillic initials, on purpose
"""Signatures under reviews and messages (names22): initials before a surname with evidence (a listed or
shaped surname, a hyphen, a particle, letters beyond ASCII), a town after a comma, a full stop ending the
message, lower-case particles between a name's words; and the clean neighbours of the same shape (an
initial before an everyday word or a brand, two initials of a place or a paper, a town alone). Streets
named after people with the street word after the name (Scandinavian) or a Yoruba, Swahili or Zulu road
word before it are no customer. Cases neither round wrote."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


def _persons(text: str) -> list[str]:
    return [f.detector for f in scan_parameters({"review": text}) if f.entity == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "Sehr schöne Tasse, gerne wieder! — S. Bräuninger",
        "Szybka wysyłka. — A. Nowakowska, Poznań",
        "Rychlé dodání, doporučuji! — J. Procházková",
        "Отличное качество! — В. Смирнов, Москва",
        "Чудова якість! — О. Шевченко",
        "Prachtig gedrukt. — P. van der Linden",
        "Mooi! — E. de Groot-Jansen",
        "Baie mooi! — H. du Toit",
        "Excelente qualidade. — Ana Paula dos Reis",
        "Cantik sekali! — Siti Aminah binti Yusof",
        "ممتاز جدا! — ف. الشمري",
        "מושלם! — ד. אברהמי",
        "Świetny kubek! — K. Wiśniewska-Żak",
    ],
)
def test_a_signature_with_initials_or_particles_is_found(text: str) -> None:
    assert _persons(text)


@pytest.mark.parametrize(
    "text",
    [
        "Super! — J. Crew",
        "Great! — E. Coli",
        "Love it. — N.Y. Times",
        "Thank you! — P.S. Love you",
        "Great deal! — A. Lange & Söhne",
        "Spedizione veloce. — Milano, Italia",
        "Good. — Amazon Basics, Seattle",
        "Soft cotton. - Rose Gold",
        "Made in Portugal. - Lisboa Collection",
        "Vol. 2 - Blue Edition",
        "Great print! — Customer, London",
        "fårikål og krumkaker, Karl Johans gate",
        "poster of Thorvald Meyers gate, Oslo",
        "print: Peter Bangs vej, København",
        "àmàlà àti ewédú, Ọ̀nà Awolọwọ",
        "pilau na chapati, Barabara ya Moi",
    ],
)
def test_the_same_shape_without_a_name_is_clean(text: str) -> None:
    assert _persons(text) == []


@pytest.mark.parametrize("text", ["gave til Karl Johansen", "dovana močiutei Ona Petrauskienė"])
def test_a_name_beside_a_street_word_of_another_language_is_found(text: str) -> None:
    assert _persons(text)
