"""Japanese given names in kana, Korean names with a two-syllable surname, and lower-case Latin names
after a cue without a colon; each with its clean neighbours."""

from __future__ import annotations

import pytest

from tests.unit.scanning.found import entities

NAMES = [
    # A common surname, then a given name in hiragana or katakana (alone, or before a particle or title).
    "佐藤 さくら",
    "佐藤さくらの写真",
    "鈴木ハルカ様へ",
    "山田ゆうき",
    "高橋 ひろし",
    # A two-syllable Korean surname and two given-name syllables.
    "남궁민수",
    "황보지은님께",
    "선우정아",
    "독고영재에게",
    # Lower case, after a strong cue or an engraving word, no colon.
    "gift for maria gonzalez",
    "present for john smith",
    "regalo para maría gonzález",
    "engraving anna kowalska",
    "engraving: jan kowalski",
    "gravur anna schmidt",
    "grawer anna nowak",
]

CLEAN = [
    "田中はきれい",
    "山田さんへのプレゼント",
    "佐藤さんの写真",
    "木村屋のパン",
    "山田町のさくら",
    "제갈공명",
    "서문작성",
    "동방신기",
    "사공의 노래",
    "engraving floral pattern",
    "engraving art deco style",
    "engraved with love",
    "gift for art lovers",
    "gift for mom and dad",
    "gift for rose gold lovers",
    "present for max the dog",
    "gravure noir et blanc",
]


@pytest.mark.parametrize("value", NAMES)
def test_the_name_is_found(value: str) -> None:
    assert "PERSON" in entities(value)


@pytest.mark.parametrize("value", CLEAN)
def test_the_neighbour_stays_clean(value: str) -> None:
    assert entities(value) == set()
