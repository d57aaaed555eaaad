"""Names as records and exports write them, surname first and a comma ("Kowalska, Anna"), are read as
the pair "Anna Kowalska" is; places, colours and brands written "X, Y" stay clean."""

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
