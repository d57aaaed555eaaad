"""Brands named after their founders are labels in product copy ("Thomas Sabo charm bracelet", "Daniel
Wellington watch", "Laura Mercier setting powder"); a common double given name is never listed as one,
since a brand inside a run of capitalised words hides the whole run ("Marie-Claire Dubois", "Mary Kay
Smith" stay names). Written by the lead from brand names in product copy (2026-12-06)."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


def _people(text: str) -> list[str]:
    return [f.detector for f in scan_parameters({"prompt": text}) if f.entity == "PERSON"]


@pytest.mark.parametrize(
    "text",
    [
        "Thomas Sabo charm bracelet, sterling silver",
        "Daniel Wellington Classic watch, 36 mm",
        "Laura Mercier Translucent Loose Setting Powder",
        "Maria Galland Crème Hydratante 50 ml",
        "Ole Henriksen Truth Serum, 30 ml",
        "Peter Thomas Roth Water Drench cream",
        "Elizabeth Arden Green Tea eau de parfum",
        "Ella Baché Crème Magistrale",
    ],
)
def test_an_eponymous_brand_is_a_label(text: str) -> None:
    assert _people(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "portrait of Marie-Claire Dubois in a linen dress",
        "portrait of Mary Kay Smith holding the mug",
        "photo of Marie Claire Laurent, bride",
    ],
)
def test_a_double_given_name_is_never_hidden_as_a_brand(text: str) -> None:
    assert _people(text) != []
