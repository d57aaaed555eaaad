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
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names12.json")

_LOCAL_PART = (
    "an email's local part without its domain under a contact or notify key ('john.smith', "
    "'priya.raman84'): no detector reads a dotted pair of names without the '@'"
)
_LOWER_IDENTIFIER = (
    "a lower-case name in an event id, a source path or a file name with no cue word: identifiers of "
    "lower-case words pay no second reading (disguises._words, scanfast's), for cost"
)
_KANA_FULL_NAME = (
    "a Japanese full name written all in kana, the surname too ('たなか ゆうこ さんへ', "
    "'ナカムラ・ケンジくん'): kana given names are read only after a surname in Han characters"
)
_OF_OCCASION = (
    "a name after an 'of' of an occasion or an elder's title with no 'for' (Swahili 'kadi ya harusi ya', "
    "'picha ya Mzee'; Malay 'kad jemputan perkahwinan'; Amharic 'ሙሽሮች፡', bride and groom)"
)
_GIVEN_WORD = "a given name that is also a word (Grace, Jade) before a surname of no list, with no 'for'"
_OPEN: dict[str, str] = {
    "ayse.kaya1987": _LOCAL_PART,
    "john.smith": _LOCAL_PART,
    "priya.raman84": _LOCAL_PART,
    "mehmet.ozturk_kupa": _LOWER_IDENTIFIER,
    "jennifer-whitaker-mug": _LOWER_IDENTIFIER,
    "shop/orders/ayumi-tanaka": _LOWER_IDENTIFIER,
    "ao-dai-do_nguyen-thi-lan": _LOWER_IDENTIFIER,
    "たなか ゆうこ さんへ": _KANA_FULL_NAME,
    "ナカムラ・ケンジくん": _KANA_FULL_NAME,
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
    "Võ Thị Ngọc Ánh": (
        "a Vietnamese name read by its middle name 'Thị' after a surname the romanised list lacks (Võ), "
        "after 'của' (of) and no 'for'"
    ),
    "김민준님을 위한": (
        "a Korean name joined to the honorific 님 before '을 위한' (for): '고객님' (the customer) has the "
        "same shape"
    ),
    "Krzysztofie Nowaku": (
        "a Polish vocative after a greeting ('-ie', '-u'): greetings read names in the nominative"
    ),
    "Joanny i Piotra Zielińskich": (
        "a surname in the genitive plural shared by two given names (Polish '-ich')"
    ),
    "Rūtai Kazlauskienei": (
        "a Lithuanian married woman's surname in the dative ('-ienei') with no 'for': the case-form "
        "table has no '-ienė' surname forms"
    ),
    "Lucie Černá": (
        "a surname that is also an everyday adjective (Czech 'Černá', black) under EXIF 'Artist', a key "
        "generation tools use for styles"
    ),
    "Nguyen Van An": (
        "a name of no list under EXIF 'Artist' and 'Copyright' (Vietnamese without its accents): "
        "'artist' names a style in generation tools, and a copyright holds companies as often"
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
