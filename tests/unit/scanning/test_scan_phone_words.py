# ruff: noqa: RUF001 - Cyrillic digit words, on purpose
"""PHONE_NUMBER spelled out in words (or words and digits) after a phone cue or under a phone key, in
English, German, French, Spanish, Italian, Dutch, Portuguese, Polish, Turkish and Russian; with the
clean neighbours (counting, sizes and quantities after a phone word, too few digits, no cue)."""

from __future__ import annotations

import pytest

from tests.unit.scanning.found import entities

FOUND = [
    "call me on zero seven nine one one one two three four five six",
    "phone: oh seven nine one one, one two three four five six",
    "tel: oh-seven-nine-one-one-one-two-three-four-five-six",
    "my number is four one five, five five five, zero one three two",
    "the phone number is two zero seven, nine four six, zero nine five eight",
    "call me on double seven nine one one one two three four five",
    "call 07911 one two three four five six",
    "mobile: 0151 two three four five six seven eight nine",
    "Telefon: null eins fünf eins, zwei drei vier fünf sechs sieben acht neun",
    "Handynummer null eins fünf eins zwei drei vier fünf sechs sieben acht neun",
    "ruf an: null eins sieben sechs, eins zwei drei vier fünf sechs sieben acht",
    "téléphone : zéro six un deux trois quatre cinq six sept huit",
    "numéro : zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit",
    "portable zéro six quatre-vingt-douze trente-quatre cinquante-six dix-huit",
    "teléfono: seis uno dos tres cuatro cinco seis siete ocho",
    "WhatsApp: seis doce treinta y cuatro cincuenta y seis setenta y ocho",
    "cellulare tre quattro sette uno due tre quattro cinque sei sette",
    "bel me op nul zes een twee drie vier vijf zes zeven acht",
    "telemóvel nove um dois três quatro cinco seis sete oito",
    "телефон: восемь девять один шесть один два три четыре пять шесть семь",
    "ТЕЛЕФОН: ВОСЕМЬ ДЕВЯТЬ ОДИН ШЕСТЬ ОДИН ДВА ТРИ ЧЕТЫРЕ ПЯТЬ ШЕСТЬ СЕМЬ",
    "telefon: pięć jeden dwa trzy cztery pięć sześć siedem osiem",
    "telefon: s\u0131f\u0131r beş üç iki bir iki üç dört beş alt\u0131 yedi",  # dotless i
]

CLEAN = [
    "phone case with zero scratches, one two three colours",
    "call of duty poster, one two three four five six seven eight nine ten",
    "number one two three four five six seven eight nine ten",
    "countdown phone wallpaper: nine eight seven six five four three two one",
    "mobile game: three two one go, five four three two one",
    "ring size seven, eight stones, nine carat, one two three",
    "Telefon mit drei Kameras, zwei SIM, acht Kerne, vier Farben, sechs Zoll, eins",
    "phone: quatre-vingt-douze",
    "tel one two three",
    "zero seven nine one one one two three four five six",  # no cue: words, not a number
    "téléphone portable avec deux caméras et quatre couleurs",
    "número uno en ventas, dos colores, tres tallas",
    "телефон с тремя камерами, два цвета, восемь ядер",
]


@pytest.mark.parametrize("text", FOUND)
def test_a_spelled_number_after_a_cue_is_found(text: str) -> None:
    assert "PHONE_NUMBER" in entities(text)


@pytest.mark.parametrize("text", CLEAN)
def test_words_that_count_are_no_phone_number(text: str) -> None:
    assert "PHONE_NUMBER" not in entities(text)


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("zero seven nine one one one two three four five six", True),
        ("null eins fünf eins zwei drei vier fünf sechs sieben", True),
        ("seven colours", False),
        ("one two three four five six seven eight nine", False),
    ],
)
def test_under_a_phone_key_no_cue_is_needed(value: str, found: bool) -> None:
    assert ("PHONE_NUMBER" in entities(value, key="phone")) is found
