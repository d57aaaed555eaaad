# ruff: noqa: RUF001 - names and punctuation in Cyrillic and Armenian, on purpose
"""The names25 round (attacker_round_names25.json), written before reading the detectors: names across
locales in shapes no earlier names round used: commissioning and order-note phrasings ('printed for', 'made
for the order of', 'on behalf of', 'ordered by', 'attn', 'c/o', 'z rąk'), packing-slip fields, photo-book
and calendar captions, pet and luggage tags with a phone, wedding seating charts and place cards,
patronymics (Russian, Icelandic, Arabic ibn/bint), Ethiopian, Tamil and Mongolian conventions, greeting-card
lines; its clean side holds the same shapes with no name: brands with 'for', song titles, places, fonts,
saints' days, historical figures and product lines named after people, 'c/o' in a shop's footer.

Each "found" record must yield PERSON, each "clean" one no finding; what stays open is a strict xfail, by
class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names25.json")

_ORDERED = (
    "a name after an order, commissioning or ownership phrase the rules read, but whose name no list or "
    "shape holds in ASCII letters ('Sent on behalf of Ngozi Eze', 'Bestallt vum Jhemp Hoscheit', 'Dalbaday: "
    "Faadumo Cali Xasan', 'alla c.a. di Ornella Bonaventura': a surname that is also a given name, 'Inorder "
    "ni Maricel Dela Cruz', 'for Ganbaatar Dorj'), after a title no rule reads ('Bi. Zawadi'), an initial "
    "before an unlisted ASCII surname ('With love, R. Penhaligon'), Mongolian patronymics in the genitive "
    "and initials ('Батбаярын Тэмүүлэн', 'Б. Оюунчимэг'), Sinhala, Thai and Ge'ez labels. (Since names25 "
    "the words of an order before a colon, in 40 more languages: 'Commandé par :', 'Pedido por:', "
    "'Objednal:', 'Naročila:', 'Užsakė:', 'Archebwyd gan', 'Eskatzailea:', 'Ordnat minn', 'Porositur nga', "
    "'Замовник:', "
    "'Պատվիրատու՝', 'ஆர்டர் செய்தவர்:'; an owner on a tag, 'on behalf of', 'de la part de', Swedish 'Att:'; "
    "two or three capitalised Cyrillic, Greek or Armenian words after them; a patronymic particle, 'binti', "
    "'ap', between capitalised words.)"
)
_KIN_CAPTION = (
    "a given name after a kinship word in a caption where the word or the name is in a case form or a "
    "script the rule does not read ('vó Cida': a short name no list holds, 'баба Радка', 'bunicii "
    "Floarea', 'γιαγιάς Ευανθίας', 'दादी कमला', 'bà nội Lê Thị Mai', '奶奶李桂兰'), or in a caption with "
    "no age or year ('From the kitchen of Auntie Marguerite', 'Auntie Bernadette and cousin Ciarán', "
    "'Nana & Grandpa Okonjo's'). (Since names25 a kinship word and a given name in text with an age or a "
    "year: 'Grandma Rosa's 80th', 'Oma Irmgard', 'nonna Teresina'; 'Uncle Ben's rice' has none.)"
)
_SEATING = (
    "names on a seating chart or a place card whose names no list holds ('Tewodros Kassahun'), in "
    "Hungarian order ('3. asztal: Kovács Bence'), or after a title no rule reads ('Baroness'). (Since "
    "names25 a table's word in 25 languages is a slot: 'Tafel 6:', 'Miza 1:'.)"
)
_CARD = (
    "a greeting card's dedication in a language or case form no rule reads: Vietnamese 'Thân tặng chị', "
    "Hebrew 'באהבה ל-', Polish diminutives ('Halinki od Zbyszka'), Welsh 'I', Azerbaijani dative "
    "'-ya sevgilərlə', Kazakh '-ға', Mongolian 'Хайрт ...дээ', Georgian '-ს სიყვარულით', Tamil "
    "'அன்புள்ள ...க்கு', Amharic 'ለ፡'"
)
_OPEN: dict[str, str] = {
    "Ngozi Eze": _ORDERED,
    "Jhemp Hoscheit": _ORDERED,
    "Батбаярын Тэмүүлэн": _ORDERED,
    "Б. Оюунчимэг": _ORDERED,
    "දිල්රුක්ෂි ජයසිංහ": _ORDERED,
    "คุณสมหญิง แก้วมณี": _ORDERED,
    "Maricel Dela Cruz": _ORDERED,
    "አበበ ከበደ": _ORDERED,
    "Zawadi Mwakalinga": _ORDERED,
    "Faadumo Cali Xasan": _ORDERED,
    "Ornella Bonaventura": _ORDERED,
    "Ganbaatar Dorj": _ORDERED,
    "R. Penhaligon": _ORDERED,
    "vó Cida": _KIN_CAPTION,
    "баба Радка": _KIN_CAPTION,
    "bunicii Floarea": _KIN_CAPTION,
    "γιαγιάς Ευανθίας": _KIN_CAPTION,
    "दादी कमला": _KIN_CAPTION,
    "bà nội Lê Thị Mai": _KIN_CAPTION,
    "奶奶李桂兰": _KIN_CAPTION,
    "Auntie Marguerite": _KIN_CAPTION,
    "Auntie Bernadette": _KIN_CAPTION,
    "Grandpa Okonjo": _KIN_CAPTION,
    "Kovács Bence": _SEATING,
    "Tewodros Kassahun": _SEATING,
    "Baroness Henrietta": _SEATING,
    "መሰረት ታደሰ": _CARD,
    "chị Trần Ngọc Lan": _CARD,
    "שושנה ברקוביץ": _CARD,
    "Halinki od Zbyszka": _CARD,
    "Gwenllian Pritchard": _CARD,
    "Aynur Həsənovaya": _CARD,
    "Сәуле Жақыпбековаға": _CARD,
    "Сарангэрэлдээ": _CARD,
    "თამარ ჯაფარიძეს": _CARD,
    "வள்ளியம்மைக்கு": _CARD,
}
_CLEAN_OPEN: dict[str, str] = {
    "Royal Horticultural Show": (
        "an event after 'made for the order of' read as a name (title-case words after a commissioning "
        "phrase)"
    ),
    "Santo André": "a city named after a saint read as a given name and a surname ('Santo André')",
    "Александър Невски": "a cathedral named after a historical figure read as a name in Cyrillic",
    "Sráid Uí Chonaill": "an Irish street named after a person ('Sráid Uí Chonaill') read as a name",
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _CLEAN_OPEN))
def test_clean_record_has_no_finding(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_sixty_languages_and_its_size() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 60
    assert len(_ROUND["found"]) >= 200
    assert len(_ROUND["clean"]) >= 200
