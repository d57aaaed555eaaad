# ruff: noqa: RUF001 - Cyrillic text, on purpose
"""Names and addresses as records and exports write them: surname first and a comma ("Kowalska, Anna"),
read as the pair "Anna Kowalska" is, and a post-office box with its number; places, colours, brands and
boxes that are products stay clean."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


@pytest.mark.parametrize(
    "prompt",
    [
        "Kowalska, Anna",
        "banner for Kowalska, Anna — VIP",
        "customer list: Müller, Hans; Dubois, Marie",
        "Smith, John (loyalty gold)",
        "etiqueta: García, María",
    ],
)
def test_surname_comma_given_name_is_a_person(prompt: str) -> None:
    assert [f.entity for f in scan_parameters({"prompt": prompt})] == ["PERSON"]


@pytest.mark.parametrize(
    "prompt",
    [
        "Paris, France",
        "Colours: Navy, Ruby, Jade, Olive",
        "Fabric: Cotton, Linen",
        "Sizes: Small, Medium, Large",
        "Rose, Gold and Silver",
        "Nike, Adidas, Puma",
        "Austin, Texas",
        "Charlotte, North Carolina",
        "Victoria, Australia",
        "Santa Monica, California",
        "Style: Boho, Grace",
    ],
)
def test_places_colours_and_brands_written_so_stay_clean(prompt: str) -> None:
    assert scan_parameters({"prompt": prompt}) == []


@pytest.mark.parametrize(
    "prompt",
    [
        "Postfach 10 01 23, 80075 München",
        "P.O. Box 52",
        "Boîte postale 52, 75001 Paris",
        "apartado de correos 123",
        "а/я 15, Москва",
        "私書箱12号",
        "ص.ب 1234 الرياض",
        "Postbus 51, 1000 AB Amsterdam",
    ],
)
def test_a_post_office_box_is_an_address(prompt: str) -> None:
    assert "LOCATION" in {f.entity for f in scan_parameters({"prompt": prompt})}


@pytest.mark.parametrize(
    "prompt", ["gift box 2 pcs", "postbox red metal 30x20", "PO box mockup template", "mailbox 2000 series"]
)
def test_boxes_that_are_products_stay_clean(prompt: str) -> None:
    assert scan_parameters({"prompt": prompt}) == []
