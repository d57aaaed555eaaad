# ruff: noqa: RUF001 - Cyrillic, Arabic and fullwidth text, on purpose
"""The sixth attacker round on text (text6): truth tables of the classes it closed, each with clean
neighbours that must stay clean (product names, zodiac signs, generic copy for a group of people).

Health said of one person in Arabic, after a possessive ("her chemotherapy"), as a Russian or Polish
singular after "for" ("для беременной", not the plural "для беременных"), and in Japanese as "the
person with" ("糖尿病の方へ"); addresses of Japan, China, Korea and Turkey; a Brazilian mobile in its
own shape ("(11) 98765-4321") without a phone word."""

from __future__ import annotations

import pytest

from tests.unit.scanning.found import entities

HEALTH: list[tuple[str, bool]] = [
    ("بطاقة لزوجتي الحامل", True),  # for my pregnant wife
    ("هدية لأمي المصابة بالسرطان", True),  # for my mother who has cancer
    ("العميلة تعاني من السكري", True),  # the customer suffers from diabetes
    ("صديقي مصاب بالاكتئاب", True),  # my friend has depression
    ("وسادة الحمل المريحة", False),  # pregnancy pillow
    ("كوب برج السرطان", False),  # Cancer zodiac mug
    ("منتجات خالية من السكر لمرضى السكري", False),  # sugar-free products for diabetics
    ("card wishing strength through her chemotherapy", True),
    ("mug for his dialysis days", True),
    ("get well gift during my chemo", True),
    ("Karte für ihre Chemotherapie", True),
    ("her pregnancy announcement card", False),
    ("her Cancer season horoscope mug", False),
    ("chemo-free mineral sunscreen", False),
    ("подарок для беременной жены", True),
    ("подушка для беременной", True),
    ("подушка для больной спины", False),  # for a sore back
    ("حامل هاتف لزوجي", False),  # a phone holder for my husband
    ("kubek dla ciężarnej siostry", True),
    ("подушка для беременных", False),  # plural: a product for pregnant women
    ("витамины для беременных и кормящих", False),
    ("poduszka dla ciężarnych", False),
    ("糖尿病の方へのギフト", True),
    ("妊娠中の方へ", True),
    ("がんの方へ贈るメッセージ", True),
    ("糖尿病の方にも安心なお菓子", False),  # generic: "also safe for people with diabetes"
    ("妊婦向けクッション", False),
    ("糖質オフのお菓子", False),
]

ADDRESSES: list[tuple[str, bool]] = [
    ("〒106-0032 東京都港区六本木1-2-3", True),
    ("お届け 大阪府大阪市北区梅田3丁目1番地", True),
    ("神奈川県横浜市中区山下町5-1", True),
    ("〒530-0001", True),
    ("北京市朝阳区建国路88号", True),
    ("上海市浦东新区世纪大道100号", True),
    ("广东省深圳市南山区科技园路8号", True),
    ("서울특별시 강남구 테헤란로 123", True),
    ("부산광역시 해운대구 우동 1408", True),
    ("경기도 성남시 분당구 판교역로 235", True),
    ("Atatürk Cad. No: 12 Daire 5, Kadıköy/İstanbul", True),
    ("Bağdat Caddesi No:45 Kadıköy", True),
    ("Moda Mah. Şair Nefi Sok. No: 7", True),
    ("Tokyo Street T-shirt size 3", False),
    ("Route 66 jacket", False),
    ("東京限定 2024年モデル", False),
    ("上海滩 88号香水", False),
    ("北京烤鸭 3号套餐", False),
    ("서울 스타일 후드티 2개", False),
    ("강남 스타일 123 티셔츠", False),
    ("Atatürk portresi No. 5 poster", False),
    ("Cadde koleksiyonu No: 3", False),
    ("第88号モデル", False),
    ("城市系列3号", False),  # "city series no. 3": a unit's character, but no street word
    ("京都限定 抹茶 3個入り", False),
]

PHONES: list[tuple[str, bool]] = [
    ("(11) 98765-4321", True),
    ("entregar para Ana, (21) 99876-5432", True),
    ("(11) 3456-7890 fixo", False),  # a fixed line without a phone word: not this shape
    ("(12) 12345-6789", False),  # not a mobile range
    ("ref (11) 98765-4321", False),
    ("size (10) 12345-6789", False),
]


@pytest.mark.parametrize(("text", "found"), HEALTH)
def test_health_said_of_one_person(text: str, found: bool) -> None:
    assert ("HEALTH_DATA" in entities(text)) is found


@pytest.mark.parametrize(("text", "found"), ADDRESSES)
def test_addresses_of_east_asia_and_turkey(text: str, found: bool) -> None:
    assert ("LOCATION" in entities(text)) is found


@pytest.mark.parametrize(("text", "found"), PHONES)
def test_brazilian_mobile_shape(text: str, found: bool) -> None:
    assert ("PHONE_NUMBER" in entities(text)) is found
