"""Street addresses alone, without a cue: a street word, a name and a house number in the main European
languages (before or after the name), and product lines that share a street's shape."""

from __future__ import annotations

import pytest

from tests.unit.scanning.found import entities

STREETS = [
    "Calle Mayor 40",
    "Corso Como 10",
    "Rue de Rivoli 12",
    "ul. Marszałkowska 10",
    "Via Roma 12",
    "Rua Augusta 25",
    "Avenue des Champs-Élysées 101",
    "Hauptstraße 5",
    "Kalverstraat 92",
    "Drottninggatan 53",
    "Mannerheimintie 5",
    "Strada Lipscani 5",
    # An adjective before a German street word.
    "Berliner Str. 12",
    "Kölner Straße 5",
    "Alte Gasse 3",
    # The street word after the name, as a word of its own.
    "Andrássy út 60",
    "Váci utca 12",
    "Szent István körút 5",
    "Slovenska cesta 5",
    "Brīvības iela 5",
    "Gedimino prospektas 9",
    "İstiklal Caddesi 12",
    "Nevsky Prospekt 28",
    "Tverskaya ulitsa 7",
    "ulitsa Tverskaya 7",
    "send it to Váci utca 12 please",
]

PRODUCT_LINES = [
    "Corso collection 10",
    "Avenue Collection 2",
    "Street Style 3",
    "Via Lattea 3 colori",
    "Piazza Italia shirt 40",
    "Rue 21 store",
    "Place Setting 4",
    "Plaza Hotel 5 stars",
    "Boulevard Collection 2024",
    "Calle 13 album",
    "Classic Cesta 3 pack",
    "Summer Collection 2 utca",
    "Váci utca 2024 collection",
    "Nevsky Prospekt 3 colours",
]


@pytest.mark.parametrize("value", STREETS)
def test_a_street_alone_is_found(value: str) -> None:
    assert "LOCATION" in entities(value)


@pytest.mark.parametrize("value", PRODUCT_LINES)
def test_a_product_line_shaped_like_a_street_stays_clean(value: str) -> None:
    assert "LOCATION" not in entities(value)
