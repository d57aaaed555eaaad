# ruff: noqa: RUF001 - names, greetings and honorifics in many scripts, on purpose
"""The names11 round (attacker_round_names11.json "found"), written before reading the detectors:
personal names in generation parameters in 70 languages and scripts not weighted to earlier rounds
(Ethiopic, Brahmic and Southeast Asian scripts, the Caucasus, Central Asia, Celtic and Polynesian
languages, Africa), in the shapes pipelines write them: prompts and negative prompts, captions, author
and XMP creator fields, IPTC keywords, titles, particles, reversed order, initials, file names, URL
slugs, LoRA and embedding names. A celebrity's name in a prompt counts as a person's name
("portrait of Taylor Swift holding our perfume bottle"): it is one in a generation parameter, whoever
the person is. The clean neighbours are test_catalogue_copy_clean_names11.py's.

Each "found" record must yield PERSON; the misses left open are strict xfails, by class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names11.json")

_UNSPACED_OR_JOINED = (
    "a name joined to its 'for' or honorific in a script that writes no space there (Tigrinya 'ን', "
    "Burmese 'ဦး', 'ဒေါ်'): the word cannot be told from a noun with the same prefix"
)
_CENTRAL_ASIAN_CYRILLIC = (
    "Mongolian, Kazakh and Uzbek Cyrillic in a case form ('-д зориулсан', '-қа арналған', '-га'): their "
    "letters beyond Russian's (ә, қ, ө) are no cased letters of the name patterns, and `normalise` reads "
    "'б' as '6'"
)
_CASE_ENDING = "a surname in a case ending that says 'for' itself (Basque dative '-ri', Armenian genitive)"
_ARABIC_SCRIPT_FOR = (
    "a 'for' of Pashto, Shahmukhi Punjabi or Levantine Arabic ('لپاره', 'لئی', 'مشان') around a name "
    "of no shipped list"
)
_LOWER_IDENTIFIER = (
    "a lower-case name in a file name, slug, LoRA or embedding name with no cue word: identifiers of "
    "lower-case words pay no second reading (disguises._words, scanfast's), for cost"
)
_OPEN: dict[str, str] = {
    "ንሰናይት ገብረሂወት": _UNSPACED_OR_JOINED,
    "ንሳባ ሃይለ": _UNSPACED_OR_JOINED,
    "ဒေါ်ခင်မြင့်ကြည်": _UNSPACED_OR_JOINED,
    "ဦးအောင်ကျော်မိုး": _UNSPACED_OR_JOINED,
    "Батбаярын Болормаа": _CENTRAL_ASIAN_CYRILLIC,
    "Б.Сарангэрэлд": _CENTRAL_ASIAN_CYRILLIC,
    "Сәрсенбаевқа": _CENTRAL_ASIAN_CYRILLIC,
    "Шерзод Исмоиловга": _CENTRAL_ASIAN_CYRILLIC,
    "Mikel Agirreri": _CASE_ENDING,
    "Արամ Պետրոսյանի համար": _CASE_ENDING,
    "Անի Հակոբյան": (
        "an Armenian greeting: `normalise` reads Armenian letters as Latin look-alikes, so the greeting "
        "and the name no longer read as Armenian words"
    ),
    "شینواري لپاره": _ARABIC_SCRIPT_FOR,
    "سندھو لئی": _ARABIC_SCRIPT_FOR,
    "مشان ريم خوري": _ARABIC_SCRIPT_FOR,
    "রুমানা আক্তারের": "a Bengali surname in the genitive ('-er') before 'জন্য': no genitive is folded",
    "xaaskayga Sahra": "'my wife' in Somali: relation words are read in European languages only",
    "no Leilani Kaʻaihue": "Hawaiian 'no' (for) is an English word, and the ʻokina no letter of a pattern",
    "mo Tavita Leota": "Samoan 'mo' (for) is a word and an abbreviation elsewhere ('lanu mo le Aiga Samoa')",
    "Aroha Te Whata": "a Māori given name that is also a word (aroha, love) before a surname with 'Te'",
    "lika-Luthando Mbeki": "a Nguni prefix joined by a hyphen to names of no list",
    "祝张伟新婚快乐": "a Chinese name between 祝 and a wish (新婚快乐), with no honorific after it",
    "Maëlys Le Goff": "a name after 'de' (of): 'faire-part de naissance de ...' has no 'for'",
    "banner_olusegun_adebayo": _LOWER_IDENTIFIER,
    "chidinma_okafor": _LOWER_IDENTIFIER,
    "mariana-esposito-face": _LOWER_IDENTIFIER,
    "banner for Quentin": (
        "a lone given name after a bare 'for': cities, countries and words share given names "
        "('for Florence', 'for Jordan', 'for India'); under a people key it is read ({'for': 'Quentin'})"
    ),
    "Grandma Ekaterina": "a name after a kinship word inside quoted text with no greeting before it",
    "Oberholster": "a surname alone in an IPTC keyword: one capitalised word of no list",
    "Evan + Yulith": (
        "two given names joined by '+' alone in a keyword ('Dolce & Gabbana', 'Tom & Jerry' share the shape)"
    ),
}

# Neighbours of the classes this round fixed, each a rule with the values either side of it.
_FOUND_BY_CLASS = [
    # greetings of 30 more languages, in cased and caseless scripts
    {"prompt": "Baie geluk, Riaan van der Merwe! ballonne"},
    {"prompt": "Bòn fèt, Wideline Pierre-Louis!"},
    {"prompt": "Manuia lou aso fanau, Sione Tuilagi!"},
    {"prompt": "ಹುಟ್ಟುಹಬ್ಬದ ಶುಭಾಶಯಗಳು, ಮಂಜುನಾಥ ಗೌಡ!"},
    {"prompt": "سالگرہ مبارک، عائشہ صدیقی!"},
    {"prompt": "Co-là-breith sona dhut, Mòrag NicDhòmhnaill!"},
    # Khmer and Lao honorifics after a "for"
    {"prompt": "បដាសម្រាប់ លោក ហេង សំណាង"},
    {"prompt": "ປ້າຍສຳລັບ ທ້າວ ສົມສັກ ພົມມະຈັນ"},
    # "for" of more languages, spaced ones too, and a surname first after one
    {"prompt": "banner għal Marija Borg"},
    {"prompt": "boodhka dukaanka, loogu talagalay Faadumo Xasan Nuur"},
    {"prompt": "sary ho an'i Andriamanantena Fanja"},
    {"prompt": "portrait card for Omar ibn Khalid al-Harbi"},
    # people keys of metadata and personalisation forms
    {"creator": "ተስፋይ ገብረሚካኤል"},
    {"player_name": "Siosaia Fifita"},
    {"celebrity": "Jenna Marbles"},
]
_CLEAN_BY_CLASS = [
    {"prompt": "ਵਿਸਾਖੀ ਦੀਆਂ ਵਧਾਈਆਂ, ਪੀਲਾ ਰੰਗ"},  # "congratulations on Vaisakhi": the wish ends the phrase
    {"prompt": "عید مبارک ہو، چاند اور ستارے، سنہری"},  # "Eid Mubarak", then moon and stars
    {"prompt": "Happy Birthday Little Man! blue balloons"},
    {"prompt": "ផែនទីពិភពលោក ពណ៌ ខៀវ"},  # a world map: "លោក" inside a word
    {"prompt": "ທ່ານ ສາມາດ ສັ່ງຊື້ ໄດ້"},  # "you can order": "ທ່ານ" as a pronoun at the start
    {"prompt": "ນາງ ງາມ ຫຼາຍ"},  # "she is very beautiful"
    {"prompt": "banner għal il-Milied, aħmar u deheb"},  # for Christmas
    {"prompt": "दीपक और कमल के साथ दिवाली कार्ड"},  # "and" is no name
    {"prompt": "white blouse with Peter Pan collar"},
    {"artist": "Studio Ghibli"},
    {"creator": "Adobe Firefly"},
    # party supplies a greeting is printed on ("Happy Birthday" cake topper, banner), and their themes
    {"prompt": "শুভ জন্মদিন কেক টপার"},
    {"prompt": "ಹುಟ್ಟುಹಬ್ಬದ ಶುಭಾಶಯಗಳು ಕೇಕ್ ಟಾಪರ್"},
    {"prompt": "سالگرہ مبارک کیک ٹاپر"},
    {"prompt": "រីករាយថ្ងៃកំណើត នំខេក ពណ៌ផ្កាឈូក"},
    {"prompt": "Happy Birthday Mickey Mouse balloons"},
    {"prompt": "Feliz cumpleaños Bob Esponja, piñata"},
    {"prompt": "Happy Birthday Paw Patrol party kit"},
    {"prompt": "lanu mo le Aiga Samoa, ie lavalava"},  # colours for the Samoan family
    {"player_name": "Home Team"},
    {"player_name": "Player 1"},
    {"artist": "Alphonse Mucha", "style": "art nouveau"},  # an artist as a style, as generation tools name it
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


def test_round_covers_forty_languages_and_its_size() -> None:
    assert len({record["lang"].split("-")[0] for record in _ROUND["found"]}) >= 40
    assert len(_ROUND["found"]) >= 150
