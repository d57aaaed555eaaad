# ruff: noqa: RUF001 - names, greetings and cues in many scripts, on purpose
"""The names17 round (attacker_round_names17.json), written before reading the detectors: names in Etsy
personalisation fields, engravings, baby announcements, pets and their owners, memorial plaques, school name
labels, shirts with numbers, book dedications, birthday cakes, reviews quoted into prompts, CRM exports,
chat transcripts and monograms, in 84 languages, and names in another script after an English cue ("gift
for Ηλίας Παπαδόπουλος", "engrave: 山田太郎"); its clean side holds dishes and products named after people
or places, fictional characters, saints' days, streets, ships, brands, songs, typefaces, grape varieties,
plant cultivars, dog breeds, colour names, historical figures and the same templates with no name.

Each "found" record must yield PERSON, each "clean" one no finding; what stays open is a strict xfail, by
class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names17.json")

_FIELD_UNREAD = (
    "a name in an engraving, embroidery or personalisation field that no rule reads: a given name alone "
    "after a label ('First name only: Juniper', 'Prénom à broder : Anouchka', 'with name Barnaby'), a couple "
    "('Theodora & Caspian', 'Ludger ∞ Swantje', 'Ingegerd & Torbjörn', 'Szabó Levente és Kiss Boglárka'), a "
    "name after the field's own 'for' in a case form or with an article ('Pour Gaspard', 'A Ludovica', 'Til "
    "Mikkeline', 'Pro Vojtěcha', 'Για τον Στυλιανό', 'Любимой Ольге', 'Pre Ľubomíra', 'Fir "
    "d'Josiane', 'Mō Aroha', 'Mo Sina', 'i Gwenllian ap Rhys', 'Для Алесі'), after a label with words "
    "between ('text: Marigold Fairweather', 'Grabar en la medalla: ...', 'mit Namen Linus Hartkopf', 'con "
    "nombre bordado: ...', 'met naam Daan ...', 'com o nome Benedita ...', 'με όνομα: Παναγιώτα'), in a "
    "monogram's brackets, a Basque dative ('Goikoetxeari'), or quoted in an engraving ('Drive safe, "
    "Cormac', 'To my Darius, always — Clementine')"
)
_ANNOUNCED = (
    "a name whose given name is in no list after the words of an announcement, a memorial, a pet's owner, a "
    "label or an event ('Welcome baby Atticus Penhaligon', 'Introducing Isadora Quill', 'Léandre est né', "
    "'Chez Margaux et Bastien', 'Max, Luisa Brandt's dog', 'la perrita de Inmaculada Vera', 'Emlékére Kovács "
    "Erzsébet', 'المرحوم سالم العتيبي', 'School uniform labels: Poppy Harrington-Lowe', 'Namensetiketten für "
    "die Kita: Leni ...', 'étiquettes vêtements école : Capucine ...', 'etiquetas para ropa del cole: "
    "Álvaro ...', "
    "'save the date: Saoirse & Benedikt', 'Welcome home, Sergeant ...', 'God bless Aurelio ...', 'Class of "
    "2026, Nakoma Redcloud', 'Signed for Hyacinth', 'Hier heiraten Rieke & Thore', 'Bienvenue Isaure !', "
    "'battesimo: Edoardo Vianello-Ricci', 'To my grandmother, Beatrix Holloway-Quayle')"
)
_GREETING_BETWEEN = (
    "a greeting on a cake or a mug with words between it and the name, or in a form the lists do not hold "
    "('Happy 7th Birthday Ptolemy!', 'Grattis Elvira 10 år', 'İyi ki doğdun Zeynep Sultan!', 'Selamat ulang "
    "tahun Wulandari Putri', 'Imini emnandi yokuzalwa Siphokazi', 'Лучшему папе Геннадию', 'Cea mai bună "
    "bunică, Veronica Stan', 'Bence, a legjobb tesó'), and in Armenian, Kazakh and Mongolian after a comma "
    "('Արմինե Պետրոսյան', 'Айгерім Сәрсенбаева' read by `normalise` with a '6', 'Болормаа Ганбаатар')"
)
_RECORD_UNREAD = (
    "a CRM row or a chat line whose given name is in no list ('Okafor, Chidinma', 'cliente=Fermín Lasarte', "
    "'Cognome Russo, Nome Carmela' with a comma after the surname, 'mevr. A. van der Heijden-Bos', 'Customer "
    "(Bartholomew Ngata)', 'soy Evaristo Montoya', 'it's Tobiah again')"
)
_OWN_SCRIPT_CUE = (
    "a name after a cue of its own language in a script without capitals or in Vietnamese and Indonesian "
    "('اسم ريم الشمري', 'برای نگار رضایی', 'नाम की पट्टी: आरव मल्होत्रा', Myanmar 'မခင်ဇာ', 'khắc tên ...: Trần "
    "Minh Khôi', 'bé Lê Bảo Ngọc', 'Tặng chị Phương Anh', 'grafir nama di tumbler: Dimas Prasetyo', "
    "'祝刘思远生日快乐', 'はるとくん', '사랑하는 민준에게')"
)
_OPEN: dict[str, str] = {
    "text: Marigold Fairweather": _FIELD_UNREAD,
    "First name only: Juniper": _FIELD_UNREAD,
    "Prénom à broder": _FIELD_UNREAD,
    "To my Darius": _FIELD_UNREAD,
    "Ludger ∞ Swantje": _FIELD_UNREAD,
    "Pour Gaspard": _FIELD_UNREAD,
    "Grabar en la medalla": _FIELD_UNREAD,
    "Til Mikkeline": _FIELD_UNREAD,
    "Szabó Levente és Kiss": _FIELD_UNREAD,
    "Για τον Στυλιανό": _FIELD_UNREAD,
    "Любимой Ольге": _FIELD_UNREAD,
    "Amaia Goikoetxeari": _FIELD_UNREAD,
    "H.W. (Hildegard": _FIELD_UNREAD,
    "Для Алесі": _FIELD_UNREAD,
    "Fir d'Josiane": _FIELD_UNREAD,
    "Mō Aroha": _FIELD_UNREAD,
    "Mo Sina": _FIELD_UNREAD,
    "Drive safe, Cormac": _FIELD_UNREAD,
    "with name Barnaby": _FIELD_UNREAD,
    "mit Namen Linus": _FIELD_UNREAD,
    "Candela Ybarra": _FIELD_UNREAD,
    "Daan Wijnbergen": _FIELD_UNREAD,
    "Benedita Lourenço": _FIELD_UNREAD,
    "με όνομα": _FIELD_UNREAD,
    "Welcome baby Atticus": _ANNOUNCED,
    "Introducing Isadora": _ANNOUNCED,
    "Luisa Brandt's dog": _ANNOUNCED,
    "Inmaculada Vera": _ANNOUNCED,
    "Emlékére": _ANNOUNCED,
    "Poppy Harrington-Lowe": _ANNOUNCED,
    "Leni Hoffmeister": _ANNOUNCED,
    "Capucine Marchal": _ANNOUNCED,
    "Saoirse & Benedikt": _ANNOUNCED,
    "Sergeant Delacroix-Mbeki": _ANNOUNCED,
    "Aurelio Mancuso-Quint": _ANNOUNCED,
    "Nakoma Redcloud": _ANNOUNCED,
    "Signed for Hyacinth": _ANNOUNCED,
    "Bienvenue Isaure": _ANNOUNCED,
    "Beatrix Holloway-Quayle": _ANNOUNCED,
    "Happy 7th Birthday Ptolemy": _GREETING_BETWEEN,
    "Grattis Elvira": _GREETING_BETWEEN,
    "Zeynep Sultan": _GREETING_BETWEEN,
    "Wulandari Putri": _GREETING_BETWEEN,
    "Siphokazi Mbeki": _GREETING_BETWEEN,
    "папе Геннадию": _GREETING_BETWEEN,
    "Veronica Stan": _GREETING_BETWEEN,
    "Bence, a legjobb": _GREETING_BETWEEN,
    "Արմինե Պետրոսյան": _GREETING_BETWEEN,
    "Айгерім Сәрсенбаева": _GREETING_BETWEEN,
    "Болормаа Ганбаатар": _GREETING_BETWEEN,
    "Okafor, Chidinma": _RECORD_UNREAD,
    "Fermín Lasarte": _RECORD_UNREAD,
    "Cognome Russo": _RECORD_UNREAD,
    "van der Heijden-Bos": _RECORD_UNREAD,
    "Bartholomew Ngata": _RECORD_UNREAD,
    "Evaristo Montoya": _RECORD_UNREAD,
    "Tobiah again": _RECORD_UNREAD,
    "نگار رضایی": _OWN_SCRIPT_CUE,
    "आरव मल्होत्रा": _OWN_SCRIPT_CUE,
    "မခင်ဇာ": _OWN_SCRIPT_CUE,
    "Trần Minh Khôi": _OWN_SCRIPT_CUE,
    "Lê Bảo Ngọc": _OWN_SCRIPT_CUE,
    "Phương Anh": _OWN_SCRIPT_CUE,
    "Dimas Prasetyo": _OWN_SCRIPT_CUE,
    "刘思远": _OWN_SCRIPT_CUE,
    "はるとくん": _OWN_SCRIPT_CUE,
    "민준에게": _OWN_SCRIPT_CUE,
}
_NAMED_IN_SCRIPT = (
    "a brand, a fictional or a historical figure or a street in a script without capitals, read as a full "
    "name: Aladdin 'علاء الدين', 'شارع محمد الخامس' (Mohammed V Avenue, the class of names16's 'شارع الملك "
    "فهد'), the sportswear brand '李宁', Confucius '孔子'"
)
_CLEAN_OPEN = {
    "علاء الدين": _NAMED_IN_SCRIPT,
    "شارع محمد الخامس": _NAMED_IN_SCRIPT,
    "李宁": _NAMED_IN_SCRIPT,
    "Charles de Gaulle–Étoile": (
        "a station named after a person, joined to its place by a dash: the historical figure's entry "
        "(data/historical_figures.txt) is read as a run of whole words, and 'Gaulle–Étoile' is one"
    ),
    "Goethestraße 12": (
        "a street sign with a house number, which LOCATION (addr17's, not this round's detector) reads as an "
        "address"
    ),
}

# Neighbours of the classes this round fixed, each a rule with the values either side of it.
_FOUND_BY_CLASS = [
    # a name in another script after an English cue (person_other_script.py)
    {"prompt": "gift for Αικατερίνη Ζαχαρίου, happy birthday"},
    {"prompt": "engrave: 佐藤花子"},
    {"prompt": "for Дмитрий, with love"},
    {"prompt": "gift for ماجد الحربي"},
    {"prompt": "engraving for נעמה לוי"},
    {"prompt": "gift for Գայանե Մկրտչյան"},
    {"prompt": "name: ნათია ჯაფარიძე"},
    {"prompt": "gift for 王 小明, thank you"},
    {"prompt": "engrave: 김지우"},
    {"prompt": "gift for ଅନିତା ପଣ୍ଡା"},
    {"prompt": "gift for สุภาพร แก้วมณี"},
    # a name label with words before its colon or dash (person_patterns.py STRONG_CUE_BODY)
    {"personalization": "Name on the cutting board: Hildegunn Aasheim"},
    {"personalisierung": "Name für die Tasse: Jolanda Wüthrich"},
    {"personalizacion": "Nombre en la pulsera - Almudena Rebollo"},
    # a quotation signed after a dash or "by", and a name alone after an em dash (person_greeting.py)
    {"prompt": "poster quote: 'Best shop in town' — Marguerite Okonjo, Leeds"},
    {"prompt": "« Livraison rapide » par Héloïse Dumontier"},
    {"prompt": '"Sehr schön" – Gottlieb Wetzlar aus Graz'},
    {"prompt": "Thank you card\n— Margaret"},
    # a surname on a shirt after a name label or before a number word (person_jersey.py)
    {"prompt": "hockey jersey name: SZCZEPANIK number 44"},
    {"prompt": "camiseta con nombre ECHEVERRÍA, dorsal 3"},
    {"prompt": "maillot nom N'GOLO-BAKAYOKO 6"},
    # a birth announcement's and a memorial's words before a name of the lists (cues.toml [person_before])
    {"prompt": "ha nacido Lucía Serrano"},
    {"prompt": "in ricordo di Giovanni Bianchi"},
]
_CLEAN_BY_CLASS = [
    # an English cue before a word of another script that is no name
    {"prompt": "gift for мамы"},
    {"prompt": "gift for Нового года"},
    {"prompt": "for Москва Сити tour"},
    {"prompt": "gift for 妈妈"},
    {"prompt": "engrave: 永远爱你"},
    {"prompt": "gift for عيد الفطر"},
    {"prompt": "engrave: قلب الأم"},
    {"prompt": "engrave: שנה טובה"},
    {"prompt": "gift for დედას"},
    {"prompt": "gift for 사랑해"},
    # a name label of a thing, and a message after one
    {"prompt": "Product name: Classic Tote Bag"},
    {"prompt": "Font name: Gill Sans"},
    {"prompt": "Name tag: Hello My Name Is"},
    {"prompt": "Name: Summer Dress, Size M"},
    # a quotation signed by no one: a title, a band, a shop's words
    {"prompt": '"Summer Vibes" - Free Shipping'},
    {"prompt": 'song "Hey Jude" by The Beatles'},
    {"prompt": '"Bohemian Rhapsody" - Queen'},
    {"prompt": "— Limited Edition"},
    # a shirt's word in a name's place, or a thing's name before a number
    {"prompt": "jersey with name LEGEND, number 10"},
    {"prompt": "camisa com nome CAPITÃO 10"},
    {"prompt": "font name ARIAL 12"},
    {"prompt": "model name XPS 13"},
    {"prompt": "Produktname: SUMMER 24"},
    # a greeting to a mother or a grandmother in Arabic, Hindi and Kazakh
    {"prompt": "كل عام وأنت بخير يا أمي"},
    {"prompt": "जन्मदिन मुबारक हो माँ"},
    {"prompt": "Туған күніңмен, әже"},
    # a grape, a sherry, a ship and a piece named after a person
    {"prompt": "Pedro Ximénez sherry cask"},
    {"prompt": "Juan Sebastián de Elcano model ship"},
    {"prompt": "Für Elise music box"},
]


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _CLEAN_OPEN))
def test_clean_record_has_no_finding(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


@pytest.mark.parametrize("params", _FOUND_BY_CLASS)
def test_fixed_class_is_found(params: dict[str, Any]) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", _CLEAN_BY_CLASS)
def test_fixed_class_neighbour_stays_clean(params: dict[str, Any]) -> None:
    assert "PERSON" not in {finding.entity for finding in scan_parameters(params)}


def test_round_covers_sixty_languages_and_its_size() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 60
    assert len(_ROUND["found"]) >= 250
    assert len(_ROUND["clean"]) >= 250
