# ruff: noqa: RUF001 - greetings and names in many scripts, on purpose
"""The names16 round (attacker_round_names16.json), written before reading the detectors: names in
personalised banners, engravings, gift messages, team shirts, wedding invitations, avatar captions, quoted
reviews, CRM fields, a letter's opening and closing ("Hi Marisol,", "Cheers, Ffion"), @mentions and file
names, in 88 languages; its clean side holds products, dishes and breeds named after people, brands,
artists named as a style, characters, feast days, streets, ships, places, greetings to no one ("Dear
Customer", "Hi there") and slugs ("summer-dress-red-xl", "anna-sui-inspired-floral-top.jpg").

Each "found" record must yield PERSON, each "clean" one no finding; what stays open is a strict xfail, by
class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names16.json")

_GREETING_UNREAD = (
    "a greeting with words between it and the name ('Alles Gute zum 50., Hannelore!', 'Happy 30th Birthday "
    "Fenella', 'Merry Christmas Auntie ...', 'Bon rétablissement, tonton ...', 'welcome to the world, ...'), "
    "in a form the lists do not hold (Azerbaijani, Somali, Luxembourgish, Quechua, Maori, Faroese, Gaelic "
    "with 'dhut'), or before a name of no list, alone or as a pair ('Losa Tuiasosopo', 'Wiselande "
    "Jean-Baptiste', 'Maëlys !' with a space before the mark)"
)
_SALUTATION_UNLISTED = (
    "a letter's opening before one given name that is no common name of the lists ('Dear Priyamvada,', "
    "'Hei Eetu,', 'Chère Apolline,', 'Olá Raimunda,', 'Hey Jaxon!'), a vocative ('Droga Jadwigo', 'Milá "
    "Květo', 'Люба Ярино', 'Všechno nejlepší, Bohumilo!') or a pet form ('Zsófi', 'Bori')"
)
_CASELESS_SALUTATION = (
    "one name after a salutation or a 'to' in a script without capitals (Arabic 'عزيزتي', Hebrew 'שלום', "
    "Hindi 'प्यारी', Thai 'ถึง'/'แด่'/'มอบให้', Japanese '大好きな', Korean '사랑하는', Chinese "
    "'致亲爱的'/'祝 ... 女士', Georgian 'ქალბატონო', Myanmar 'ဒေါ်', Amharic, Armenian), or Vietnamese after "
    "'Kính gửi anh', 'Gửi mẹ', 'Tặng bé'"
)
_SIGNED_OR_QUOTED = (
    "a name that signs or is quoted without a closing word: a dash before it ('— Kwame', '- Bronwyn "
    "Tregarthen, Cornwall', '– Waltraud ... aus Kassel'), 'said ...', a role before it "
    "('Best Man - Rhodri', 'Maid of Honour Tallulah', 'World's best dad, Emeka'), a thank-you or welcome "
    "ending in a name of no list "
    "('Thank you for your order, Wanjiku!', 'Welcome back, Oyelaran!'), or inside a quoted engraving "
    "('\"Forever yours, Anselm\"')"
)
_LABELS_AND_COUPLES = (
    "a couple or labelled parts of an invitation or a card whose names are in no list ('Clémence Vautrin et "
    "Yanis Belkacem', 'Iracema & Washington Bezerra', 'bride: ..., groom: ...', 'To: ... From: ...'), a "
    "first/last record under keys of no name ('crm': {'first', 'last'}), a three-word name after "
    "'embroidered' ('Ottilie Rose Pemberton'), a name before a verb ('Ngozi turns 40'), a lower-case name "
    "after 'poster of', a label of a tag ('luggage tag: ...'), a lone given name in capitals ('with name "
    "DESHAWN'), a kinship word before a name of no list ('Grandpa Eustace', 'Canım annem Fatmagül'e')"
)
_SHIRT_UNREAD = (
    "a surname on a shirt with a number in Cyrillic or Turkish capitals after a print cue ('с фамилией "
    "ТРЕТЬЯКОВ 12', 'forma arkası: ÇALHANOĞLU-DEMİR 10'), or a single surname of no shape ('com nome "
    "VASCONCELOS 11')"
)
_IDENTIFIER_UNREAD = (
    "a name joined by hyphens, in capitals or in Cyrillic in a file's name ('jake-morrison-headshot', "
    "'tiago-ferreira-silva', 'selfie-from-ngozi-eze', 'ANNA_KOWALSKA_PASSPORT.JPG', "
    "'паспорт_иванов_сергей'), "
    "an address's local part of three names of which the last has no surname's shape "
    "('fernanda.lima.costa'), and @mentions with no platform word (SOCIAL_HANDLE reads those after one)"
)
_PATRONYMIC = (
    "a patronymic or a clan name: Malay 'bin' after 'Encik' and a given name, Georgian 'გიორგის ძე', "
    "Mongolian 'овогтой' and the genitive 'Бат-Эрдэнийн'"
)
_ENDEARMENT_BETWEEN = (
    "a word of endearment between a 'for' and the name ('Untuk Mama tersayang, Sri Wahyuni', 'Kwa mpendwa "
    "wangu Amani Mwakyusa')"
)
_OPEN: dict[str, str] = {
    "Mama tersayang": _ENDEARMENT_BETWEEN,
    "mpendwa wangu": _ENDEARMENT_BETWEEN,
    "Alles Gute zum 50., Hannelore": _GREETING_UNREAD,
    "Happy 30th Birthday Fenella": _GREETING_UNREAD,
    "Merry Christmas Auntie Rosalind": _GREETING_UNREAD,
    "Bon rétablissement, tonton Gérard": _GREETING_UNREAD,
    "welcome to the world, Araminta": _GREETING_UNREAD,
    "Ad günün mübarək, Günay": _GREETING_UNREAD,
    "Dhalasho wacan, Hodan": _GREETING_UNREAD,
    "Alles Guddes fir däi": _GREETING_UNREAD,
    "Sumaq p'unchawniyki": _GREETING_UNREAD,
    "Rā whānau ki a koe": _GREETING_UNREAD,
    "Tillukku við føðingardegnum": _GREETING_UNREAD,
    "Co-là breith sona dhut": _GREETING_UNREAD,
    "Losa Tuiasosopo": _GREETING_UNREAD,
    "Wiselande Jean-Baptiste": _GREETING_UNREAD,
    "Joyeux anniversaire Maëlys": _GREETING_UNREAD,
    "Dear Priyamvada": _SALUTATION_UNLISTED,
    "Hei Eetu": _SALUTATION_UNLISTED,
    "Chère Apolline": _SALUTATION_UNLISTED,
    "Olá Raimunda": _SALUTATION_UNLISTED,
    "Hey Jaxon": _SALUTATION_UNLISTED,
    "Querida Maripaz": _SALUTATION_UNLISTED,
    "Droga Jadwigo": _SALUTATION_UNLISTED,
    "Milá Květo": _SALUTATION_UNLISTED,
    "Люба Ярино": _SALUTATION_UNLISTED,
    "Bohumilo": _SALUTATION_UNLISTED,
    "Zsófi": _SALUTATION_UNLISTED,
    "Drága Bori": _SALUTATION_UNLISTED,
    "عزيزتي نورة": _CASELESS_SALUTATION,
    "שלום רחל": _CASELESS_SALUTATION,
    "प्यारी अनन्या": _CASELESS_SALUTATION,
    "ถึง น้องมายด์": _CASELESS_SALUTATION,
    "แด่ คุณแม่": _CASELESS_SALUTATION,
    "คุณหมอวิไลวรรณ": _CASELESS_SALUTATION,
    "大好きなゆいちゃんへ": _CASELESS_SALUTATION,
    "사랑하는 지민에게": _CASELESS_SALUTATION,
    "致亲爱的小敏": _CASELESS_SALUTATION,
    "祝王晓燕女士": _CASELESS_SALUTATION,
    "ქალბატონო თამარ": _CASELESS_SALUTATION,
    "ဒေါ်ခင်မာလာ": _CASELESS_SALUTATION,
    "ሄኖክ ተስፋዬ": _CASELESS_SALUTATION,
    "Անահիտ Սարգսյան": _CASELESS_SALUTATION,
    "Kính gửi anh": _CASELESS_SALUTATION,
    "Gửi mẹ Lê Thị Mai": _CASELESS_SALUTATION,
    "Tặng bé Phạm": _CASELESS_SALUTATION,
    "Maid of Honour Tallulah": _SIGNED_OR_QUOTED,
    "best dad, Emeka": _SIGNED_OR_QUOTED,
    "order, Wanjiku": _SIGNED_OR_QUOTED,
    "Welcome back, Oyelaran": _SIGNED_OR_QUOTED,
    "Forever yours, Anselm": _SIGNED_OR_QUOTED,
    "Clémence Vautrin et Yanis": _LABELS_AND_COUPLES,
    "Iracema & Washington": _LABELS_AND_COUPLES,
    "bride: Clementine": _LABELS_AND_COUPLES,
    "To: Beatrix": _LABELS_AND_COUPLES,
    "Quiñones-Barrett": _LABELS_AND_COUPLES,
    "Ottilie Rose Pemberton": _LABELS_AND_COUPLES,
    "Ngozi turns 40": _LABELS_AND_COUPLES,
    "poster of kayleigh": _LABELS_AND_COUPLES,
    "luggage tag: Olamide": _LABELS_AND_COUPLES,
    "with name DESHAWN": _LABELS_AND_COUPLES,
    "Grandpa Eustace": _LABELS_AND_COUPLES,
    "Canım annem": _LABELS_AND_COUPLES,
    "ТРЕТЬЯКОВ 12": _SHIRT_UNREAD,
    "ÇALHANOĞLU-DEMİR": _SHIRT_UNREAD,
    "jake-morrison-headshot": _IDENTIFIER_UNREAD,
    "tiago-ferreira-silva": _IDENTIFIER_UNREAD,
    "selfie-from-ngozi-eze": _IDENTIFIER_UNREAD,
    "ANNA_KOWALSKA_PASSPORT": _IDENTIFIER_UNREAD,
    "паспорт_иванов_сергей": _IDENTIFIER_UNREAD,
    "fernanda.lima.costa": _IDENTIFIER_UNREAD,
    "@priya.venkataraman": _IDENTIFIER_UNREAD,
    "@lucia_fernandez_88": _IDENTIFIER_UNREAD,
    "@KwabenaOwusu": _IDENTIFIER_UNREAD,
    "Faizal bin Hamzah": _PATRONYMIC,
    "გიორგის ძე": _PATRONYMIC,
    "овогтой": _PATRONYMIC,
    "Бат-Эрдэнийн": _PATRONYMIC,
}
_CLEAN_OPEN = {
    "شارع الملك فهد": (
        "a street named after a king in a script without capitals: a title and a name after a street word "
        "('شارع الملك فهد', King Fahd Road), which person_titles.py reads as a titled person"
    ),
}

# Neighbours of the classes this round fixed, each a rule with the values either side of it.
_FOUND_BY_CLASS = [
    # a letter's opening or closing where it opens the text or a line (cues.toml [person_salutation],
    # [person_signoff]): one common given name with a comma, or a pair as after a greeting
    {"prompt": "Hi Kwame, your prints are ready"},
    {"prompt": "Order 55\nDear Ngozi,\nyour proof is attached"},
    {"prompt": "Hallo Anna Schmidt, danke"},
    {"prompt": "Ciao Giulia, grazie mille"},
    {"prompt": "Kind regards,\nMarta"},
    {"prompt": "Un abrazo, Begoña"},
    {"prompt": "Best, Lerato Mokoena | Buyer"},
    {"prompt": "Liebe Grüße, deine Hannah"},
    # one Greek, Cyrillic or Armenian word after a greeting and a comma, or after an opening
    {"prompt": "С днём рождения, Евдокия!"},
    {"prompt": "Дорогая Ксюша, поздравляем!"},
    {"prompt": "Χρόνια πολλά, Σταυρούλα!"},
    # a print cue of German, French, Italian, Dutch and a kit's label
    {"prompt": "Trikot mit Aufdruck MÜLLER-WOHLFAHRT 13"},
    {"prompt": "maillot floqué LEFÈVRE-DIOP 7"},
    {"prompt": "Jersey: O'SULLIVAN 9"},
]
_CLEAN_BY_CLASS = [
    # an opening before no one: a noun of address, a word, a wake word, a song's or a musical's title
    {"prompt": "Dear Customer, your order has shipped"},
    {"prompt": "Dear Santa, I want a bike"},
    {"prompt": "Hey Siri, play music speaker"},
    {"prompt": "Hello Kitty, hello friends"},
    {"prompt": "Hey Jude, poster"},
    {"prompt": "Ciao Bella, gelato shop sign"},
    {"prompt": "Hello Kitty plush toy"},
    {"prompt": "Hello Sunshine mug"},
    {"prompt": "Best Dad Ever t-shirt"},
    # a closing before a team, a word of address, a Cyrillic word of address
    {"prompt": "Cheers, Team"},
    {"prompt": "Regards, Customer Service"},
    {"prompt": "Дорогая Мама, с праздником"},
    {"prompt": "С днём рождения, Мама!"},
    # a print cue before a word
    {"prompt": "Trikot mit Aufdruck LEGENDE 10"},
    {"prompt": "Kit: BOSS 1"},
    # a monarch's style, a Chinese street, a Hindu feast, an explorer's ship
    {"image_name": "queen_anne_side_table.jpg"},
    {"prompt": "解放路路牌"},
    {"prompt": "गांधी जयंती पोस्टर"},
    {"prompt": "Amerigo Vespucci nave scuola"},
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
