"""Thai address words as `normalise` leaves them: NFKC writes the vowel "ำ" (SARA AM) as "ํา", so a word
written with it in a pattern or a prefilter ("ตำบล" sub-district, "อำเภอ" district) never met normalised
text, and a sub-district and district with a postcode went unread."""

from __future__ import annotations

import unicodedata

import pytest

from gate.scanning import scan_parameters
from gate.scanning.detectors import location_world


def test_the_word_lists_are_in_the_form_normalised_text_has() -> None:
    assert [w for w in location_world._WORDS if unicodedata.normalize("NFKC", w) != w] == []


@pytest.mark.parametrize(
    "text",
    [
        "ตำบลบางพลี อำเภอบางพลี สมุทรปราการ 10540",
        "ที่อยู่จัดส่ง ตำบลคลองตัน อำเภอเมือง 50000",
    ],
)
def test_a_sub_district_and_district_are_an_address(text: str) -> None:
    assert {f.entity for f in scan_parameters({"note": text})} == {"LOCATION"}


def test_the_words_alone_on_a_form_are_not() -> None:
    assert scan_parameters({"note": "ตำบล อำเภอ จังหวัด รหัสไปรษณีย์ (form labels)"}) == []
