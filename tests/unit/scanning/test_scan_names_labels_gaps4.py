"""Names the scanner missed after a customer word: two-syllable Korean names (a surname and one given
syllable) after "고객:" or before "님께"; Arabic labels with the preposition joined ("للعميل:"). With
the two-syllable words that read the same and are no name."""

from __future__ import annotations

import pytest

from tests.unit.scanning.found import entities

FOUND = [
    "고객: 김철",
    "고객님: 박지",
    "고객: 김철 님께 선물",
    "김철님께 선물",
    "박지 씨에게 보내는 카드",
    "هدية للعميل: مشعل القحطاني",
    "للعميلة: نورة السبيعي",
]

CLEAN = [
    "이민 정책 포스터",
    "고객: 여성",
    "고객: 남성 30대",
    "고객: 신규 가입",
    "고객 만족 1위 브랜드",
    "고객님께 감사",
    "선생님께 감사 카드",
    "للعميل 5 نجوم",
]


@pytest.mark.parametrize("text", FOUND)
def test_a_name_after_a_customer_word_is_found(text: str) -> None:
    assert "PERSON" in entities(text)


@pytest.mark.parametrize("text", CLEAN)
def test_words_of_the_same_shape_are_clean(text: str) -> None:
    assert "PERSON" not in entities(text)
