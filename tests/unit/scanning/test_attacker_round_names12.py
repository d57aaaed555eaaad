"""The names12 round (attacker_round_names12.json "found"), written before reading the detectors:
personal names in generation parameters in the languages earlier rounds covered thinly (Turkish,
Persian, Hebrew, Amharic, Swahili, Yoruba, Igbo, Hausa, Vietnamese, Indonesian, Malay, Filipino, Thai,
Korean, Japanese kana and kanji, Chinese with and without honorifics, Hindi, Bengali, Tamil, Telugu,
Polish, Czech, Hungarian and Baltic case forms, Greek, Georgian, Armenian, Arabic kunya and nisba,
Spanish double surnames, Portuguese and Dutch particles, Irish Ó/Ní/Mac), after the cues of each
language, in capitals and lower case, as email local parts, event ids, file names and EXIF, XMP and
IPTC fields. The clean neighbours are test_catalogue_copy_clean_names12.py's.

Each "found" record must yield PERSON; the misses left open are strict xfails, by class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from gate.scanning.detectors.person_local_part import local_part_name
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names12.json")

_LOWER_IDENTIFIER = (
    "a lower-case name in an event id, a source path or a file name with no cue word: identifiers of "
    "lower-case words pay no second reading (disguises._words, scanfast's), for cost"
)
_OF_OCCASION = (
    "a name after an 'of' of an occasion or an elder's title with no 'for' (Swahili 'kadi ya harusi ya', "
    "'picha ya Mzee'; Malay 'kad jemputan perkahwinan'; Amharic 'ሙሽሮች፡', bride and groom)"
)
_GIVEN_WORD = "a given name that is also a word (Grace, Jade) before a surname of no list, with no 'for'"
_OPEN: dict[str, str] = {
    "jennifer-whitaker-mug": _LOWER_IDENTIFIER,
    "shop/orders/ayumi-tanaka": _LOWER_IDENTIFIER,
    "ao-dai-do_nguyen-thi-lan": _LOWER_IDENTIFIER,
    "Rehema Achieng na Salim": _OF_OCCASION,
    "picha ya Mzee Abdallah": _OF_OCCASION,
    "perkahwinan Nurul Aisyah binti": _OF_OCCASION,
    "ሙሽሮች፡ ብርሃኑ": _OF_OCCASION,
    "ለአልማዝ ተሾመ": (
        "a name joined to its 'for' in a script that writes no space there (Amharic 'ለ'): the word cannot "
        "be told from a noun with the same prefix"
    ),
    "fun Fọláṣadé Ọdúnsì": "Yoruba 'fún' (for) written without its tone mark is the English word 'fun'",
    "chị Lê Thu Hà": (
        "a Vietnamese kinship title between 'cho' and a name (chị, anh): they make names of places too "
        "('cho anh Sài Gòn')"
    ),
    "Krzysztofie Nowaku": (
        "a Polish vocative after a greeting ('-ie', '-u'): greetings read names in the nominative"
    ),
    "Joanny i Piotra Zielińskich": (
        "a surname in the genitive plural shared by two given names (Polish '-ich')"
    ),
    "Lucie Černá": (
        "a surname that is also an everyday adjective (Czech 'Černá', black) under EXIF 'Artist', a key "
        "generation tools use for styles"
    ),
    "Grace Okoye": _GIVEN_WORD,
    "Jade Whitfield": _GIVEN_WORD,
}

# Neighbours of the classes this round fixed, each a rule with the values either side of it.
_FOUND_BY_CLASS = [
    # "for" and "gift for" of Hausa, Igbo, Yoruba and Swahili
    {"prompt": "katin godiya ga Aminu Sani"},
    {"prompt": "akwụkwọ ozi maka Chiamaka Obi"},
    {"prompt": "ẹ̀bùn fún Bukola Adewale"},
    {"prompt": "fulana kwa ajili ya Halima Mwakasege"},
    # the Irish greeting with its lenition and "to you"
    {"prompt": "Lá breithe shona duit, Niamh Ní Cheallaigh!"},
    # traditional Chinese "for"
    {"prompt": "送給陳美華的禮物"},
    # Japanese given names and surnames in Latin letters
    {"photographer": "Minato Sakurai"},
    {"creator": "Sota Kobayashi"},
    # Dutch "van 't"
    {"prompt": "cadeau voor Joost van 't Veld"},
    # an Ethiopic full stop ends a greeted name
    {"prompt": "መልካም ልደት ሰላማዊት ታደሰ።"},
    # an email's local part under an address key (person_local_part.py)
    {"contact": "maria.gonzalez"},
    {"reply_to": "kwame_mensah1990"},
    # a Japanese full name in kana, a Korean name before "님을"
    {"prompt": "こばやし はると くんへ"},
    {"prompt": "이서준님을 위한 케이크"},
    # Lithuanian women's surnames in the dative, Vietnamese surnames before "Văn"/"Thị"
    {"prompt": "dovana Rasai Petrauskaitei"},
    {"prompt": "Huỳnh Văn Nam mặc áo dài"},
    {"Copyright": "© Tran Thi Lan 2024"},
]
_CLEAN_BY_CLASS = [
    # a greeting that ends its sentence, and the supplies and colours after one
    {"prompt": "عيد ميلاد سعيد! كعكة وشموع"},
    {"prompt": "تولدت مبارک، کیک شکلاتی"},
    {"prompt": "გილოცავ დაბადების დღეს! ტორტი და სანთლები"},
    {"prompt": "መልካም ልደት የፊኛ ስብስብ"},
    {"prompt": "สุขสันต์วันเกิด ชุดลูกโป่งวันเกิด"},
    # deities sold as idols, and the respectful "ji"
    {"prompt": "हनुमान जी की पीतल मूर्ति"},
    {"prompt": "விநாயகர் பித்தளை சிலை"},
    # brands and fiction written like names
    {"prompt": "정관장 홍삼 선물세트"},
    {"prompt": "Sherlock Holmes deerstalker hat"},
    {"caption": "cà phê Phúc Long, túi quà"},
    {"prompt": "poster: Ik Ga Naar Amsterdam, rood"},
    # mailboxes of a team or a function, kana loanwords, "the customer", a word before a given name
    {"contact": "sales.team"},
    {"notify": "ops-alerts"},
    {"prompt": "ミラノ・コレクション"},
    {"prompt": "고객님을 위한 선물"},
    {"prompt": "candle for la luna"},
    {"prompt": "Le Van Rental, 12 seats"},
]


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", _FOUND_BY_CLASS)
def test_fixed_class_is_found(params: dict[str, Any]) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", _CLEAN_BY_CLASS)
def test_fixed_class_neighbour_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_thirty_languages_and_its_size() -> None:
    assert len({record["lang"].split("-")[0] for record in _ROUND["found"]}) >= 30
    assert len(_ROUND["found"]) >= 200


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("john.smith", True),
        ("Priya.Raman84", True),
        ("kwame_mensah1990", True),
        ("ayse-kaya", True),
        ("sales.team", False),  # a team's mailbox
        ("mark.sales", False),
        ("info.desk", False),
        ("john", False),  # one word: a login as often as a name
        ("john.smith@example.com", False),  # a whole address is the email detector's
        ("john.smith.extra.words", False),
        ("grace.period", False),  # a given name that is also a word
        (42, False),
    ],
)
def test_local_part_truth_table(value: object, expected: bool) -> None:
    assert local_part_name(value) is expected
