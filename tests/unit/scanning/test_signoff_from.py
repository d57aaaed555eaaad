"""A gift card's sender after a closing joined by "from" (`person_greeting._SIGNED_FROM`, cues.toml
[person_signoff_from]): Faker's given names of every locale in "To X, love from Y" were found 4 times in
333 (`benchmarks/faker_sweep.py`, kind name_to_from). Places that are given names too ("Love from Paris",
a tote bag's print), words of address and companies stay clean."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

FOUND = [
    "To Alberto, love from Ismael",
    "Love, Ismael",
    "love from Ismael",
    "With love from Ismael Ortega",
    "Dear Alberto,\nhappy birthday!\nLove, Ismael",
    "To Chloé, alles Liebe von Jonas",
    "Bisous de Léa !",
    "Con cariño de Mercedes Ruiz",
    "To Γενοβέφα, love from Αγαμέμνων",
    "Happy birthday!\nLots of love from Priya",
    "Buon compleanno! Baci da Giulia",
    "Gefeliciteerd! Liefs van Sanne",
]
CLEAN = [
    "To Paris, with love",
    "To the moon and back, love from Mum",
    "Love from Paris",
    "Love from Paris collection tote",
    "Bisous de Florence postcard",
    "love from grandma and grandpa",
    "With love from the team at Acme",
    "Hugs from Santa",
    "Saludos de Madrid",
    "Love from London, cotton tote bag",
    "mug: love from Sydney",
    "Love from Italy",
    "made with love from organic cotton",
    "Baci da Roma, ceramic tile",
]


@pytest.mark.parametrize("text", FOUND)
def test_the_sender_is_found(text: str) -> None:
    assert "PERSON" in {f.entity for f in scan_parameters({"gift_message": text})}


@pytest.mark.parametrize("text", CLEAN)
def test_places_and_words_of_address_stay_clean(text: str) -> None:
    assert scan_parameters({"gift_message": text}) == []
