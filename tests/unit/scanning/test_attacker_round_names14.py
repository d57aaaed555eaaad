"""The names14 round (attacker_round_names14.json "found"), written before reading the detectors: names of
real customers where personalisation pipelines and careless integrators write them (gift messages,
engraving text, for/from lines, dedications, order notes, people keys, CSV-like rows, greetings, sign-offs,
thank-you notes to a teacher or boss by title and surname alone, shirts printed in capitals with a number),
in other scripts and their romanisations, with particles, hyphenated and compound surnames, patronymics,
surname first, initials. The clean neighbours are test_catalogue_copy_clean_names14.py's.

Each "found" record must yield PERSON; the misses left open are strict xfails, by class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names14.json")

_SHIRT_NO_CUE = (
    "a surname alone in capitals with a number but no print cue before it ('cricket shirt: ANDERSON-KHAN "
    "45', a key 'print_text', the cue after the name: 'OKONKWO 22 on the back'), without a number ('name "
    "bar: O'SULLIVAN-REYES', 'embroidered MCALLISTER'), or of no list and no telling shape ('YILDIRIM', "
    "'ETXEBERRIA', 'KUZNETSOVA'): a surname alone is a name only after a print cue and before a number"
)
_ROLE_TITLE = (
    "a role or profession before a name (Coach, Chef, Sheriff, maestra, Dipl.-Ing.) or a title after one "
    "(Turkish 'Bey', Hindi 'ji', Korean '선생님', Chinese '老师' after a surname alone): 'Coach', 'Chef' "
    "and 'Maestro' are brands and product words as often ('Coach Tabby bag', 'Chef Works apron')"
)
_PARTICLE_OR_INITIAL = (
    "a name whose surname has a particle the rules do not list after a cue ('Lo Presti', 'bin Saeed "
    "Al-Ghamdi'), an honorific abbreviated to one letter ('D. Conceição'), or initials with spaces after "
    "'for' ('R. J. Pennington')"
)
_NO_CUE = (
    "a full name of the wider list after no cue the rules read ('The Adventures of Imogen and Rafferty', "
    "'met de naam', 'Happy 40th Birthday' with an ordinal inside the greeting, a family's plural 'the "
    "Okonkwo-Brennans'), or given names alone ('Astrid & Chinedu', 'OMA GISELA')"
)
_SCRIPT = (
    "a name in a script or case form without a rule here: Kazakh dative, Armenian genitive before 'համար', "
    "Basque '-entzat', Urdu after 'نام:' (name:), Thai 'คุณ' joined to the name after a product word, Chinese "
    "in Latin capitals on a shirt, Japanese romanised surname first ('Takahashi Kenji')"
)
_OPEN: dict[str, str] = {
    "OKONKWO 22": _SHIRT_NO_CUE,
    "SMITHERS-JONES 9": _SHIRT_NO_CUE,
    "ETXEBERRIA 8": _SHIRT_NO_CUE,
    "KUZNETSOVA 17": _SHIRT_NO_CUE,
    "YILDIRIM 10": _SHIRT_NO_CUE,
    "MCALLISTER": _SHIRT_NO_CUE,
    "ANDERSON-KHAN 45": _SHIRT_NO_CUE,
    "O'SULLIVAN-REYES": _SHIRT_NO_CUE,
    "ST. JOHN-SMYTHE, ALGERNON": "surname first in capitals with a comma, a saint's 'ST.' opening it",
    "1042,Fiona,MacGillivray": "a CSV row without its header: the columns are not named",
    "OKAFOR, Chidinma": (
        "surname first in capitals and a comma under a people key, the given name of the wider list only"
    ),
    "Coach Brannigan": _ROLE_TITLE,
    "Sheriff Jebediah": _ROLE_TITLE,
    "maestra Bonfiglioli": _ROLE_TITLE,
    "최 선생님께": _ROLE_TITLE,
    "李老师": _ROLE_TITLE,
    "Lo Presti": _PARTICLE_OR_INITIAL,
    "bin Saeed Al-Ghamdi": _PARTICLE_OR_INITIAL,
    "D. Conceição": _PARTICLE_OR_INITIAL,
    "R. J. Pennington": _PARTICLE_OR_INITIAL,
    "Imogen and Rafferty": _NO_CUE,
    "Sjoerd Wijnaldum-Hoekstra": _NO_CUE,
    "Happy 40th Birthday": _NO_CUE,
    "Okonkwo-Brennans": _NO_CUE,
    "Astrid & Chinedu": _NO_CUE,
    "OMA GISELA": _NO_CUE,
    "Kendrick Lamar performing": (
        "a public figure's name after 'poster:' with no given name of the shipped list (flagged as any "
        "person's when a cue or the list reads it: README's names11 decision)"
    ),
    "Sir Reginald Featherby": (
        "a full name after 'Sir' (its letters are in 'desire' and 'plaisir': as a prefilter word it cost "
        "PERSON 3 us a European record)"
    ),
    "Szabóné Tóth Ildikó": "a Hungarian married name ('-né') before a surname-first name after a greeting",
    "dr. Horváth-Nagy": "a lower-case 'dr.' before a Hungarian hyphenated surname-first name under a key",
    "Нұрланқызына": _SCRIPT,
    "Անի Պետրոսյանի": _SCRIPT,
    "Goikoetxearentzat": _SCRIPT,
    "عائشہ صدیقی": _SCRIPT,
    "คุณสมชาย": _SCRIPT,
    "ZHANG WEI 9": _SCRIPT,
    "Takahashi Kenji": _SCRIPT,
}

# Neighbours of the classes this round fixed, each a rule with the values either side of it.
_FOUND_BY_CLASS = [
    # a surname printed with a shirt's number after a print cue: a listed surname, a telling shape, a
    # double-barrelled name or a particle
    {"prompt": "football shirt, name on back: WIŚNIEWSKA 4"},
    {"prompt": "Heimtrikot mit Beflockung SCHMIDT-RÜHL 21"},
    {"prompt": "maillot flocage au nom de DA SILVA 5"},
    {"prompt": "hockey jersey with name MCKENZIE, number 88"},
    # the two parts of a name under their labels, in one text, or in a CSV-like text's named columns
    {"note": "last name: Achterberg; first name: Desmond"},
    {"prompt": "Příjmení: Dvořáková, Jméno: Tereza"},
    {"csv": "Vorname,Nachname,Gravur\nKlara,Obermeier,Alles Gute"},
    {"csv": "sku;full name;text\n1021;Ingrid Halvorsen;Gratulerer"},
    # a title of the Nordic, Dutch, Romanian, Afrikaans, Maltese and Albanian shops, or a rank, before a
    # surname alone
    {"prompt": "Takk til fru Haugland for alt"},
    {"prompt": "afscheidscadeau voor juf Hoogendoorn"},
    {"prompt": "cadou pentru doamna Popescu"},
    {"prompt": "Congratulations Sgt. Whitlock"},
    # a sign-off with "from", "Cheers,", a signature, an ex libris, before a given name of the wider list
    {"card": "Love from Marguerite Oyelaran"},
    {"card": "Cheers, Thaddeus Blackwood"},
    {"prompt": "ex libris Hieronymus Vandersloot"},
    {"prompt": "owned by Winifred Cartwright"},  # an owner's "by" is no style's "by"
    # a full name after "Professor"
    {"prompt": "signed copy for Professor Adaeze Nwankwo-Hale"},
]
_CLEAN_BY_CLASS = [
    # a single surname on a replica with no print cue, a word that is no surname after one
    {"prompt": "Brazil home shirt NEYMAR JR 10 replica"},
    {"prompt": "name on back: LEGEND 10"},
    {"prompt": "with name TEAM 23 on the sleeve"},
    # labelled fields without both parts, a CSV whose "name" is a product's
    {"note": "last name: optional"},
    {"csv": "name,price\nBlue Widget,12"},
    {"csv": "first;last\nBig;Sale"},
    # "hr." of hours, a title before a colour's abbreviation
    {"prompt": "24 hr. Service guarantee"},
    {"prompt": "Lt. Grey cushion cover"},
    # a cultivar after its plant word, with or without a quotation mark, and before it
    {"prompt": "clematis 'Madame Julia Correvon'"},
    {"prompt": "Pfingstrose Sarah Bernhardt, rosa"},
    {"prompt": "Cox Orange apple tree"},
    # a street named after a person, with no house number
    {"prompt": "print of Avenida Getúlio Vargas at dusk"},
    {"prompt": "poster Piazza Giuseppe Verdi"},
    # the style's "by" stays a style's
    {"prompt": "in the style of Greg Rutkowski"},
    # typefaces and characters with a title
    {"prompt": "names set in Mr De Haviland"},
    {"prompt": "Mr. Bean mug"},
]
# A given name of the plant words must stay a given name ("Rose Gertrude Jekyll" is no cultivar).
_PLANT_NAME_STAYS_A_NAME = [
    {"prompt": "gift for Rose Hathaway-Clarke"},
    {"prompt": "for Iris Kowalczyk, with love"},
    {"prompt": "Kunde: Rosa Müller"},
]


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", _FOUND_BY_CLASS + _PLANT_NAME_STAYS_A_NAME)
def test_fixed_class_is_found(params: dict[str, Any]) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", _CLEAN_BY_CLASS)
def test_fixed_class_neighbour_stays_clean(params: dict[str, Any]) -> None:
    assert "PERSON" not in {finding.entity for finding in scan_parameters(params)}


def test_round_covers_forty_languages_and_its_size() -> None:
    assert len({record["lang"].split("-")[0] for record in _ROUND["found"]}) >= 40
    assert len(_ROUND["found"]) >= 220
