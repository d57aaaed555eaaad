# ruff: noqa: RUF001 - names, dashes and cues in many scripts, on purpose
"""The names20 round (attacker_round_names20.json), written before reading the detectors: a full name alone
as the value of a free-text field (a note, a comment, a memo, a card's second line, in each language's
own key), a name signed after a dash at the end of a message, a name after a commissioning or addressing
phrase ("commissioned by", "im Auftrag von", "a nombre de", "z. Hd.", "c/o", "名義"), a name after a comma
at the end of a note in scripts without capitals, mugs and aprons with a role and a name, door signs,
ex libris; its clean side holds brand slogans, quotes signed by historical figures, product copy after a
dash, ComfyUI node names, the same messages signed by a team, the same phrases with no name after them,
free-text fields holding catalogue copy, and Arabic given names that are everyday adjectives in product
copy ("سعر عادل", "تصميم جميل").

Each "found" record must yield PERSON, each "clean" one no finding; what stays open is a strict xfail, by
class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from gate.scanning.context import key_info
from gate.scanning.detectors import person_lone
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names20.json")

_LONE_UNLISTED = (
    "a full name alone in a free-text field whose words no list knows ('Wanderley Bittencourt', Cyrillic "
    "'Цветелина Андонова'), or in a script without capitals read through its Latin letters (Japanese, "
    "Korean, Thai, Georgian, Persian with a ZWNJ): a note's key says less than an engraving's, so "
    "person_lone.free_text_name reads caseless scripts only by a listed Arabic or Hebrew given name"
)
_SIGNED_UNLISTED = (
    "a name signed after a dash whose given name no list knows or is written in Cyrillic or Greek "
    "letters the normaliser reads as Latin look-alikes ('— Ксения', '— Δέσποινα Καραγιάννη', '— Айгерім "
    "Нұрланқызы', '- Ligaya Dimaculangan'), or two given names joined by '&' of which one is "
    "unlisted ('—Tallulah & Brennan'). (Since names22 particles in lower case stand between a signature's "
    "words: '- Marietjie van Tonder'.)"
)
_COMMA_CASELESS = (
    "a name at the end of a greeting after a comma in a script without capitals or a list of its given "
    "names (Hebrew with a hyphenated surname, Chinese '张伟和刘芳', Armenian, Amharic, Myanmar, Lao)"
)
_COMMISSION_OTHER = (
    "a name after an ordering phrase the rules do not read: a colon after 'ordered by', 'a/c de' before "
    "an unlisted name, Hungarian 'megrendelésére' after the name, Vietnamese 'đơn đặt hàng của', an "
    "apron's role and colon ('Churrasqueiro oficial: Gilmar Peixoto')"
)
_TEMPLATE = (
    "a name in a template no rule reads: a PNG 'parameters' text whose prompt line ends at a newline, a "
    "doormat's family name and given names after a dash, a letterbox plate's 'famille' with two given "
    "names, 'please write ... on the box'"
)
_OPEN: dict[str, str] = {
    "Wanderley Bittencourt": _LONE_UNLISTED,
    "Цветелина Андонова": _LONE_UNLISTED,
    "渡部 真由美": _LONE_UNLISTED,
    "남궁 서연": _LONE_UNLISTED,
    "نگار صالحی": _LONE_UNLISTED,
    "วิภาวรรณ ศรีสุข": _LONE_UNLISTED,
    "ნინო ქავთარაძე": _LONE_UNLISTED,
    "—Tallulah & Brennan": _SIGNED_UNLISTED,
    "мама! — Ксения": _SIGNED_UNLISTED,
    "Δέσποινα Καραγιάννη": _SIGNED_UNLISTED,
    "Ligaya Dimaculangan": _SIGNED_UNLISTED,
    "Айгерім Нұрланқызы": _SIGNED_UNLISTED,
    "Сарангэрэл Батболд": _SIGNED_UNLISTED,
    "ordered by: Clementine Ayodele": _COMMISSION_OTHER,
    "a/c de Lindalva Queiroz": _COMMISSION_OTHER,
    "Koltai Erzsébet megrendelésére": _COMMISSION_OTHER,
    "đơn đặt hàng của Phạm Minh Khoa": _COMMISSION_OTHER,
    "Churrasqueiro oficial: Gilmar Peixoto": _COMMISSION_OTHER,
    "שירה בן-דוד": _COMMA_CASELESS,
    "张伟和刘芳": _COMMA_CASELESS,
    "Լիլիթ Հովհաննիսյան": _COMMA_CASELESS,
    "ሐና ተስፋዬ": _COMMA_CASELESS,
    "ခင်သီတာ": _COMMA_CASELESS,
    "ບົວລະພາ": _COMMA_CASELESS,
    "Ottoline Berrisford\\nNegative": _TEMPLATE,
    "2015 — Rowan & Elspeth": _TEMPLATE,
    "Noémie et Karim": _TEMPLATE,
    "Lavinia Castellanos-Whyte on the box": _TEMPLATE,
}
_ARABIC_ADJECTIVE = (
    "an Arabic given name that is also an adjective or a noun, before a word joined by 'و' (and) or after "
    "'ب' (with): 'سعر عادل وجودة عالية' (fair price and high quality), 'بعبير نور الصباح' (with the scent "
    "of morning light). Moving such names to the word-like list loses real names with unlisted surnames "
    "('عادل فصيل', 'رائد الشايع' in the world-names corpus); a quality's noun after one is read "
    "('عادل السعر')"
)
_CLEAN_OPEN = {
    "Xanh Đại Dương": (
        "Vietnamese product copy after a dash ('Xanh Đại Dương', ocean blue) read as a given name and a "
        "surname: 'Đại' and 'Dương' are both, and no list holds Vietnamese colour words"
    ),
    "سعر عادل وجودة": _ARABIC_ADJECTIVE,
    "بعبير نور الصباح": _ARABIC_ADJECTIVE,
    "Lenvászon ing": "Hungarian 'cím' (title, also address) read as an address key (location.py's)",
    "t.a.v. de administratie": "text under an 'adres' key read as an address (location.py's)",
}

# Neighbours of the classes this round fixed, each a rule with the values either side of it.
_FOUND_BY_CLASS = [
    # a full name alone in a free-text field (person_lone.free_text_name)
    {"remarks": "Gwendolyn Achterberg"},
    {"line_3": "Osvaldo Quintanilla"},
    {"kommentar": "Henrike Sauerbrey"},
    {"commento": "Benedetta Lombardini"},
    {"ملاحظات": "فاطمة الزهراني"},
    # a name signed after a dash at the end of a message (person_signed.py)
    {"message": "Miss you loads! – Henrike"},
    {"card": "Feliz Natal e um ótimo ano novo! — Graziela Bittencourt"},
    {"prompt": "mug that says 'Best Teacher Ever - Mrs Oyelaran'"},
    {"text": "Danke für alles! -- Jörg & Ulrike"},
    {"message": "شكراً على كل شيء — سلمى الحربي"},
    # a name after a commissioning or addressing phrase (person_slots.py)
    {"prompt": "wall art prepared for Ottilie Brennan-Moss"},
    {"label": "c/o Jonathan Abernethy"},
    {"label": "z. Hd. Frau Annegret Vollmer"},
    {"prompt": "cuadro hecho para Ximena Arrieta"},
    {"prompt": "póster a nombre de Leonor Sanabria"},
    {"prompt": "ritratto realizzato per Ottavio Cantarella"},
    # a list of two people or more, each a wider-list given name and a surname-like word (person_slots.py)
    {"prompt": "guest list: Bogdan Muresan, Teodora Dragomirescu"},
    {"prompt": "Gästeliste: Tisch 4 — Wiebke Harmsen, Folkert Ubbens"},
    # an everyday Arabic adjective before a nisba is a name
    {"prompt": "هدية إلى عادل الشمري"},
]
_CLEAN_BY_CLASS = [
    # free-text fields with copy, instructions, greetings
    {"remarks": "Gift Wrap"},
    {"line_3": "Merry Christmas"},
    {"kommentar": "Frohe Ostern"},
    {"note": "Ruby Red"},
    {"ملاحظات": "تغليف هدية"},
    # dashes before no person
    {"message": "Happy holidays! — Your Friends At Acme"},
    {"prompt": "poster: 'Stay hungry, stay foolish' — Steve Jobs"},
    {"title": "Cotton Hoodie - Heather Grey"},
    {"note": "VAE Decode -> Preview Image"},
    {"message": "Thanks for your order! - Customer Care"},
    # commissioning phrases before no name
    {"prompt": "wall art prepared for Mother's Day"},
    {"label": "c/o Front Desk"},
    {"prompt": "ordered by Price Ascending"},
    {"prompt": "cuadro hecho para la cocina"},
    # lists of things, not people
    {"prompt": "guest list: Table Linen, Chair Covers"},
    {"prompt": "seating chart: Ivory Lace, Rose Gold"},
    # Arabic adjectives before nouns
    {"description": "حسن الجودة وسعر عادل"},
    {"description": "جميل الشكل وخفيف الوزن"},
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


def test_round_covers_fifty_languages_and_its_size() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 50
    assert len(_ROUND["found"]) >= 200
    assert len(_ROUND["clean"]) >= 200


def test_free_text_keys_are_read_by_their_words() -> None:
    # A line's number is no word of its key; a free-text field of a kind ("note_type") is no free text.
    rule = person_lone.KEYED_RULES[1]
    assert rule.matches(key_info("line2"))
    assert rule.matches(key_info("giftMessage"))
    assert rule.matches(key_info("備考"))
    assert not rule.matches(key_info("note_type"))
    assert not rule.matches(key_info("product_name"))
