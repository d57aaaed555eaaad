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
    "a name after an order, commissioning or ownership phrase that no rule reads in its language: 'ordered "
    "by' as a verb or a label ('Commandé par :', 'Pedido por:', 'Besteld door:', 'Objednal:', 'Naročila:', "
    "'Замовник:', 'Užsakė:', 'Bestilt af', 'Archebwyd gan', 'Eskatzailea:', 'Ordnat minn', 'Porositur "
    "nga', 'Imeagizwa na', 'Bestel deur', 'Ditempah oleh', 'Inorder ni', 'Захиалагч:', 'შემკვეთი:', "
    "'Պատվիրատու՝', 'آرڈر کنندہ:', Brahmic, Thai, Khmer, Burmese and Ge'ez labels), 'on behalf of', 'im "
    "Namen von', 'de la part de', 'de parte de', 'da parte di', 'alla c.a. di', 'Att:', an owner on a tag "
    "('Eigentum von', 'ma maîtresse :', 'mi dueño:'), an initial before an unlisted ASCII surname ('With "
    "love, R. Penhaligon') or a full name no list holds after 'for' ('Ganbaatar Dorj')"
)
_KIN_CAPTION = (
    "a given name after a kinship word in a photo-book or calendar caption ('Grandma Rosa's 80th', 'Oma "
    "Irmgard', 'Mamie Josette', 'abuela Pilar', 'nonna Teresina', 'vó Cida', 'Babička Vlasta', 'baka "
    "Ankica', 'баба Радка', 'bunicii Floarea', 'γιαγιάς Ευανθίας', 'दादी कमला', 'bà nội Lê Thị Mai', "
    "'奶奶李桂兰', 'Uncle Teodor', 'Auntie Marguerite', 'Grandpa Okonjo')"
)
_FAMILY = (
    "a family's surname on a calendar or photo-book title ('Familie Schneider 2026', 'Rodzina "
    "Wiśniewskich', 'Rodina Kováčovcov', 'Родина Ковальчуків', 'The Pemberton-Hayes Family Calendar')"
)
_SEATING = (
    "names on a wedding seating chart or place card after 'Table N' in a language no rule reads ('Tafel 6:', "
    "'Miza 1:', '3. asztal:'), or whose names no list holds ('Tewodros Kassahun'), or after a title no "
    "rule reads ('Baroness')"
)
_CARD = (
    "a greeting card's dedication in a language or case form no rule reads: Vietnamese 'Thân tặng chị', "
    "Hebrew 'באהבה ל-', Polish diminutives ('Halinki od Zbyszka'), Welsh 'I', Azerbaijani dative "
    "'-ya sevgilərlə', Kazakh '-ға', Mongolian 'Хайрт ...дээ', Georgian '-ს სიყვარულით', Tamil "
    "'அன்புள்ள ...க்கு', Amharic 'ለ፡'"
)
_OPEN: dict[str, str] = {
    "Ngozi Eze": _ORDERED,
    "Lennart Quasthoff": _ORDERED,
    "Thibault Lemarchand": _ORDERED,
    "Clémence Vautrin": _ORDERED,
    "Joaquín Villaseñor": _ORDERED,
    "Ezequiel Barrientos": _ORDERED,
    "Sjoerd van der Meulen": _ORDERED,
    "Ľubomír Hrušovský": _ORDERED,
    "Mojca Zupančič": _ORDERED,
    "Благица Стојановска": _ORDERED,
    "Остап Кравчишин": _ORDERED,
    "Алеся Багдановіч": _ORDERED,
    "Gintarė Žemaitytė": _ORDERED,
    "Mette Frederiksen-Holm": _ORDERED,
    "Rhodri ap Iorwerth": _ORDERED,
    "Ainhoa Etxeberria": _ORDERED,
    "Montserrat Puigdemont": _ORDERED,
    "Ġorġ Camilleri": _ORDERED,
    "Jhemp Hoscheit": _ORDERED,
    "Blerina Hoxha": _ORDERED,
    "Айгерім Сейітқызы": _ORDERED,
    "Фарангис Раҳимова": _ORDERED,
    "Батбаярын Тэмүүлэн": _ORDERED,
    "Б. Оюунчимэг": _ORDERED,
    "ნინო ბერიძე": _ORDERED,
    "Արմեն Պետրոսյան": _ORDERED,
    "عائشہ صدیقی": _ORDERED,
    "இரா. கார்த்திகேயன்": _ORDERED,
    "లక్ష్మీ ప్రసన్న": _ORDERED,
    "അനിത രാജൻ": _ORDERED,
    "હેતલ પટેલ": _ORDERED,
    "ਹਰਪ੍ਰੀਤ ਕੌਰ": _ORDERED,
    "දිල්රුක්ෂි ජයසිංහ": _ORDERED,
    "คุณสมหญิง แก้วมณี": _ORDERED,
    "Nurul Aisyah binti": _ORDERED,
    "Maricel Dela Cruz": _ORDERED,
    "សុខ ចាន់ថា": _ORDERED,
    "ဒေါ်ခင်မြင့်": _ORDERED,
    "አበበ ከበደ": _ORDERED,
    "Zawadi Mwakalinga": _ORDERED,
    "Faadumo Cali Xasan": _ORDERED,
    "Marietjie van der Merwe": _ORDERED,
    "Hartmut Ziegenbalg": _ORDERED,
    "Ornella Bonaventura": _ORDERED,
    "Kerstin Åberg": _ORDERED,
    "Bérangère Lacombe": _ORDERED,
    "Maximiliano Echeverría": _ORDERED,
    "Raffaella Castiglioni": _ORDERED,
    "Ganbaatar Dorj": _ORDERED,
    "R. Penhaligon": _ORDERED,
    "Grandma Rosa": _KIN_CAPTION,
    "Uncle Teodor": _KIN_CAPTION,
    "Oma Irmgard": _KIN_CAPTION,
    "Mamie Josette": _KIN_CAPTION,
    "abuela Pilar": _KIN_CAPTION,
    "nonna Teresina": _KIN_CAPTION,
    "vó Cida": _KIN_CAPTION,
    "Oma Truus": _KIN_CAPTION,
    "Babička Vlasta": _KIN_CAPTION,
    "baka Ankica": _KIN_CAPTION,
    "баба Радка": _KIN_CAPTION,
    "bunicii Floarea": _KIN_CAPTION,
    "γιαγιάς Ευανθίας": _KIN_CAPTION,
    "दादी कमला": _KIN_CAPTION,
    "bà nội Lê Thị Mai": _KIN_CAPTION,
    "奶奶李桂兰": _KIN_CAPTION,
    "Auntie Marguerite": _KIN_CAPTION,
    "Auntie Bernadette": _KIN_CAPTION,
    "Grandpa Okonjo": _KIN_CAPTION,
    "Pemberton-Hayes Family": _FAMILY,
    "Familie Schneider": _FAMILY,
    "Rodzina Wiśniewskich": _FAMILY,
    "Rodina Kováčovcov": _FAMILY,
    "Родина Ковальчуків": _FAMILY,
    "Femke Bosma": _SEATING,
    "Jure Kovačič": _SEATING,
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
    "প্রিয় দাদুর জন্য": "'dear grandfather' in Bengali read as a name (a kinship word in a caseless script)",
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
