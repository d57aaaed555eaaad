"""Street names used as product-line names (`gate/scanning/detectors/location.py`, `_not_a_product_line`).

A clean Spanish product prompt with "Calle Mayor ... 40" was quarantined as an address. The class: a
street word and a name, then a number that is a size, a year, an anniversary or a count, or a size or
collection word around them. Each clean case failed before; each address must still be found.
"""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

LOCATION = "LOCATION"


def locations(text: str) -> list[str]:
    return [f.detector for f in scan_parameters({"prompt": text}) if f.entity == LOCATION]


PRODUCT_LINES = [
    "camiseta Calle Mayor, talla 40, fondo blanco",
    "bolso Calle Mayor talla 40",
    "camiseta colección Calle Mayor 40 aniversario, fondo blanco",
    "zapatos Calle Mayor Edición 40",
    "Calle Mayor Collection 40 Años",
    "Calle Mayor 40 años de estilo",
    "póster vintage Calle Mayor 1940, estilo retro",
    "colección Calle Mayor 40",
    "bolso Plaza Mayor 3 colores",
    "mochila Avenida Diagonal 2 en 1",
    "borsa Via Roma 2024 collection",
    "abito Via Condotti taglia 42",
    "collezione Via Montenapoleone 50 anni",
    "parfum Rue Royale 40 EDP",
    "sac Rue Saint-Honoré taille 38",
    "édition Place Vendôme 12",
    "ligne Boulevard Haussmann 150 ans",
    "T-Shirt Rua Augusta tamanho 42",
    "coleção Rua Augusta 40 anos",
    "koszulka ulica Piotrkowska rozmiar 40",
    "rochie Strada Lipscani mărimea 38, Kollektion Calea Victoriei 2025",
    "Kollektion Alameda Santos 40",
    "sneaker Calle Ocho 2 in 1 edition",
    "camiseta Calle Mayor, 66,72 kg",  # a decimal
    "bolso Plaza Mayor, 195 783 €",  # thousands and a currency
    "borsa Via Roma 45 EUR",
    "camiseta Calle Mayor, RAL 9010",  # a code after the name's phrase
    "camiseta Calle Mayor, steps 30, cfg 7.5",
    "camiseta Calle Mayor, 81 x 182 x 92 cm",
    "camiseta Calle Mayor, 3 pack",
    "camiseta Calle Mayor, Pantone 13-1497 TCX",
    "camiseta Calle Mayor, Bestellnr. 29918181 677",
]


@pytest.mark.parametrize("text", PRODUCT_LINES)
def test_a_street_name_as_a_product_line_is_no_address(text: str) -> None:
    assert locations(text) == []


ADDRESSES = [
    "Calle Mayor 40",
    "enviar a Calle Mayor 40, 28013 Madrid",
    "dirección: Calle Mayor 40",
    "camiseta talla 40, enviar a Calle de Alcalá 42, 28014 Madrid",
    "Calvin Klein style, Calle Mayor 40",
    "Via Roma 12, 00184 Roma",
    "consegna a Via Montenapoleone 8",
    "Rue de Rivoli 40, 75001 Paris",
    "34, rue Anaïs Étienne",
    "Rua Augusta 44, Lisboa",
    "ul. Długa 7, Gdańsk",
    "Strada Lipscani 18, București",
    "Hauptstraße 5, Berlin",
    "Keizersgracht 221",
    "Storgatan 5",
    "Calle Mayor 140",
    "Via Appia Nuova 1245",
    "Calle Mayor número 5",
    "dostava na Vregova ulica 53",  # the street word after the name, in lower case
    "szállítási cím: Pécsi utca 147., H-7119 Nádasd",
    "Rua do Ouro, 12",
    "адрес: ул. Ленина, д. 5",
    "αποστολή στη διεύθυνση Αγγελάκη 569-515, 01696 Ναύπλιο",
]


@pytest.mark.parametrize("text", ADDRESSES)
def test_an_address_is_still_found(text: str) -> None:
    assert locations(text)
