# ruff: noqa: RUF001 - text of other scripts, on purpose
"""Identity numbers after their names that their checks refuse, and valid numbers after a generic "ID
number" (the lead's Faker sweep, nineteenth session). Faker is what test data is made with, and its
Chinese, Korean and Russian numbers fail their check digits: `身份证号 220300198010300220`,
`주민등록번호 880201-1646434`, `ИНН 117791098627` were approved. A number written right after its own name
is that number, typed wrong or made up for a test: now it counts when its form, length and dates are
right and only its check digit is not. And a number that passes a country's check counts after the
generic "my ID number is" (Latvian, Austrian numbers were read only after their own names); an
order's, a product's or a tracking "ID number" is not a person's."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

FOUND = [
    "身份证号 220300198010300220",
    "身份证号码：110105194912310021",
    "公民身份号码 22030019801030022X",
    "주민등록번호 880201-1646434",
    "주민번호: 9806241431120",
    "ИНН 117791098627",
    "ИНН: 755107114706",
    "Sozialversicherungsnummer 9546200471",
    "personas kods 140970-12735",
    "kennitala 120174-3398",
    "my ID number is 140970-12734",
    # python-stdnum's Chinese module raised KeyError on a Taiwanese birth-place code (71xxxx) whose checksum
    # and date were right: the scanner's error held the event as gate.error instead of naming the number
    "身份证号 710105194912310021",
    "identity number 710105194912310021",
    "my ID number is 9546200478",
    "customer's identity number: 140224-22747",
]
CLEAN = [
    "身份证号 2203001980",
    "身份证号 220300198013450220",
    "주민등록번호 880231-1646434",
    "ИНН 1234",
    "ИНН 7707083893 (ООО Ромашка)",
    "Sozialversicherungsnummer 12",
    "order ID number 9546200478",
    "product ID number 140970-12734",
    "tracking ID number 880201-1646434",
    "ID number 2026-12-07",
    "my ID number is on the card",
]


@pytest.mark.parametrize("text", FOUND)
def test_an_id_after_its_name_or_a_generic_id_cue_is_found(text: str) -> None:
    assert "NATIONAL_ID" in {f.entity for f in scan_parameters({"note": text})}


@pytest.mark.parametrize("text", CLEAN)
def test_what_is_not_a_persons_number_stays_clean(text: str) -> None:
    assert "NATIONAL_ID" not in {f.entity for f in scan_parameters({"note": text})}
