# ruff: noqa: RUF001 - Cyrillic, Turkic and CJK text, on purpose
"""Names whose given name is in no list, read by a surname's shape after a bare "for" or "portrait of"
(Cyrillic, Greek, Azerbaijani, Turkish, South Asian in Latin letters), by Arabic "son of"/"family of",
and Chinese after a word before a name with a space; with their clean neighbours."""

from __future__ import annotations

import pytest

from tests.unit.scanning.found import entities

NAMES = [
    "тениска за Гълъбица Куртажова",
    "Портрет на Мариотка Младенов в рокля",
    "снимка на Ламбо Римпопов в парка",
    "футболка для Златослава Бодурова",
    "hədiyyə: Yasin Nurşərəf",
    "Xudayar Əfəndizadə üçün hədiyyə",
    "Müzəffər Xəlilov üçün hədiyyə",
    "Dilcan Yusifoğlu için doğum günü kartı",
    "mug for Harish Menon",
    "Anamika Bajaj in a red saree",
    "هدية إلى خلف آل خضير",
    "كوب لفالح آل صفوان",
    "سالم بن راشد",
    "给赵 秀芳的马克杯",
    "送给杨 淑兰的礼物",
]

CLEAN = [
    "Портрет на Стара Загора",
    "тениска за Стара Загора",
    "снимка на Рилски Манастир през зимата",
    "подарък за Коледа",
    "mug for Coffee Lovers",
    "gift for Diwali, diyas and lights",
    "Taj Mahal at sunrise, watercolour",
    "Royal Enfield motorbike, vintage poster",
    "Novruz bayramı üçün səbət",
    "İstanbul Boğazı gece, neon",
    "مع آل البيت",
    "كريم الترطيب للبشرة الجافة",
    "黄金项链，奢华风格",
    "给 妈妈的礼物",
]


@pytest.mark.parametrize("value", NAMES)
def test_the_name_is_found(value: str) -> None:
    assert "PERSON" in entities(value)


@pytest.mark.parametrize("value", CLEAN)
def test_the_neighbour_stays_clean(value: str) -> None:
    assert entities(value) == set()
