"""A phone number after its own name, and a card number spelled out in words (the lead's probes of the
eighteenth session, written before reading the detectors).

- Eight digits were read as a phone number only right after a phone word (within 12 characters), so
  the way most people label one, "phone number: 2612 3456", "Telefonnummer: 45 47 97 51", "tālruņa
  numurs 2612 3456" (Danish, Norwegian, Latvian, Estonian, Singaporean numbers have eight digits), was
  approved; Iceland's seven-digit numbers never counted ("símanúmer 661 2345", "sími 661 2345").
- A card number dictated in words, as a support call's transcript writes it ("card number: four five
  three nine, one four eight eight ..."), was approved where the same phone number in words was found.

Clean neighbours: a phone accessory's model number, an order number, a ring's code, counting words after
"card", a Luhn-invalid spelled number.
"""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

_NAMED_PHONES = [
    ("en", "phone number: 2612 3456 for the engraving"),
    ("en", "my phone number is 9123 4567, print it on the card"),
    ("da", "mit telefonnummer er 45 47 97 51"),
    ("no", "telefonnummer: 412 34 567 på plakaten"),
    ("lv", "tālruņa numurs 2612 3456 uz krūzes"),
    ("et", "telefoninumber 5123 4567 kaanele"),
    ("is", "símanúmer: 661 2345 á bolinn"),
    ("is", "sími 661 2345"),
    ("hu", "telefonszám: 20 123 4567"),
    ("de", "Tel. Nr. 2612 3456 auf das Schild"),
    ("lt", "telefono numeris: 612 34567"),
]

_SPELLED_CARDS = [
    (
        "en",
        "Agent: go ahead. Caller: card number is four five three nine, one four eight eight, zero three "
        "four three, six four six seven",
    ),
    ("en", "my visa is four one one one one one one one one one one one one one one one"),
    (
        "de",
        "Kartennummer vier fünf drei neun eins vier acht acht null drei vier drei sechs vier sechs sieben",
    ),
    (
        "fr",
        "numéro de carte quatre cinq trois neuf un quatre huit huit zéro trois quatre trois six "
        "quatre six sept",
    ),
    (
        "es",
        "número de tarjeta cuatro cinco tres nueve uno cuatro ocho ocho cero tres cuatro tres seis "
        "cuatro seis siete",
    ),
    (
        "it",
        "numero della carta quattro cinque tre nove uno quattro otto otto zero tre quattro tre sei "
        "quattro sei sette",
    ),
    ("da", "kortnummer fire fem tre ni en fire otte otte nul tre fire tre seks fire seks syv"),
    ("en", "card: 4539 one four eight eight 0343 six four six seven"),
]

_CLEAN = [
    ("de", "Telefonhülle 1234 5678, schwarz"),
    ("en", "phone case model number 12345678"),
    ("en", "phone case model no. 1234567, matte"),
    ("en", "order number 2612 3456 on the packing slip"),
    ("en", "Ring 1234567 silver, size 7"),
    ("en", "phone stand 1234567 aluminium"),
    ("en", "gift card: one two three four five six seven eight nine ten"),
    ("en", "greeting card with four one one one flowers"),
    ("en", "credit card sized four piece puzzle"),
    ("en", "card game for two three four players, ages eight and up"),
    ("en", "card number four one one one one one one one one one one one one one one two"),  # Luhn fails
    ("es", "carta de vinos: tres cuatro cinco copas"),
]


def _ids(cases: list[tuple[str, str]]) -> list[str]:
    return [f"{lang}-{index}" for index, (lang, _) in enumerate(cases)]


@pytest.mark.parametrize(("lang", "prompt"), _NAMED_PHONES, ids=_ids(_NAMED_PHONES))
def test_a_number_after_its_own_name_is_a_phone(lang: str, prompt: str) -> None:
    assert {f.entity for f in scan_parameters({"prompt": prompt})} == {"PHONE_NUMBER"}


@pytest.mark.parametrize(("lang", "prompt"), _SPELLED_CARDS, ids=_ids(_SPELLED_CARDS))
def test_a_card_spelled_in_words_is_found(lang: str, prompt: str) -> None:
    assert "CREDIT_CARD" in {f.entity for f in scan_parameters({"transcript": prompt})}


@pytest.mark.parametrize(("lang", "prompt"), _CLEAN, ids=_ids(_CLEAN))
def test_neighbours_stay_clean(lang: str, prompt: str) -> None:
    assert scan_parameters({"prompt": prompt}) == []


@pytest.mark.parametrize("params", [{"ppsn": "6433435F"}, {"customer": {"PPSN": "6433435F"}}])
def test_an_irish_pps_number_under_its_abbreviation_is_an_id(params: dict[str, object]) -> None:
    # "PPSN" is how Irish forms name the Personal Public Service Number ("pps" was read, "ppsn" not).
    assert {f.entity for f in scan_parameters(params)} == {"NATIONAL_ID"}
