"""An identity number broken over two lines of a note after its label (`id_lines`, ids26)."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters
from gate.scanning.id_lines import joined_lines

FOUND = [
    "DNI 7456\n8958",
    "PESEL 880220\n03018",
    "KRA PIN A5466\n09027Z",
    "RFC QIHB-57\n1107-YD7",
    "Kennitala: 180192-\n0939",
    "CPR-nr. 121297 \r\n 2301",
]


@pytest.mark.parametrize("note", FOUND)
def test_an_id_broken_over_two_lines_is_found(note: str) -> None:
    found = scan_parameters({"note": note, "prompt": "mug"})
    assert "NATIONAL_ID" in {finding.entity for finding in found}


CLEAN = [
    "Bestellnummer 880220\n03018",  # a PESEL-valid join after an order's label
    "qty 2\n3 mugs",
    "Size 38\n40 cm wide",
    "PESEL 880220\n03019",  # fails its check
    "line one\nline two",
]


@pytest.mark.parametrize("note", CLEAN)
def test_other_breaks_add_nothing(note: str) -> None:
    assert scan_parameters({"note": note, "prompt": "mug"}) == []


def test_only_breaks_inside_a_number_are_taken_out() -> None:
    assert joined_lines("DNI 7456\n8958\nGracias") == "DNI 74568958\nGracias"
    assert joined_lines("no break") is None
    assert joined_lines("words\nwords") is None
