# ruff: noqa: RUF001, RUF002 - cues in Cyrillic and Turkish, on purpose
"""PERSON printed on a personalised shirt (since names14): after a print cue ("name on back", "Beflockung",
"au nom de", "con nombre", "z nadrukiem", "с надписью", "baskısı"), a surname in capitals and the shirt's
number: "name on back KOWALCZYK, number 7", "Beflockung MÜLLER-WOHLFAHRT 13".

A surname alone is no name anywhere else (single words are not reported: "MESSI 10" in a replica's title
is the player's, and no customer's), but what a shop prints after such a cue is the name the customer
chose. The word must still have a surname's shape: a listed surname, a shape of `latin_surname` (Polish
-ska, Slavic -ová, Scottish Mc ...), a double-barrelled name ("SMITHERS-JONES") or a particle before it
("DI LORENZO", "DOS SANTOS"): "name on back: LEGEND 10", "BOSS 1" stay clean.

Since names21 the key of a shirt's print is such a cue too (`{"dres": "ЈОКИЋ-ПЕТРОВИЋ 15"}`, `{"fanela":
"ΚΑΡΑΓΙΑΝΝΙΔΗΣ 7"}`, `{"futbolka": "ВОРОБЬЁВ 10, для сына Артёма"}`): `shirt_print` reads its value as
the text after "jersey:", Greek and Cyrillic capitals by a surname's ending of their script that no
country, club or city of the same shape ends with ("СРБИЈА 15", "ΕΛΛΑΣ 7", "ДИНАМО КИЇВ 5" stay clean).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from gate.scanning.context import fold_accents
from gate.scanning.detectors.base import Text, any_word
from gate.scanning.detectors.person_keyed import CAPITALS
from gate.scanning.detectors.person_lists import fold_name, names_scripts, surnames, world_names
from gate.scanning.detectors.person_scripts import ScriptNames, romanised_surnames

_SHORT_LABELS = ("name", "nombre", "nome", "nom", "naam", "navn", "namn", "isim", "soyisim")
_CUE_WORDS = (
    "name on back", "name on the back", "back print", "name bar", "nameset", "name and number",
    "beflockung", "beflockt", "au nom de", "flocage", "con nombre", "nombre y número", "nome:", "com nome",
    "com o nome", "z nadrukiem", "s menom", "se jménem", "felirattal", "с надписью", "с именем",
    "baskısı", "isimli", "with name", "with the name", "背后印", "背面印", "met naam", "med navn", "med namn",
    "numero e nome",
    # since names16: German, French, Italian, Dutch, Russian and Turkish print words, and a kit's label
    "aufdruck", "floqué", "floquée", "personalizzata", "personalizzato", "bedrukking", "с фамилией",
    "arkası", "jersey:", "team kit:", "kit:",
    # since names17: a name label on a shirt ("name KOWALCHUK, number 19", "nome: MAGALHÃES, número 23")
    "name", "nombre", "nome", "nom", "naam", "navn", "namn", "printed with", "trikotdruck", "фамилия",
    "soyisim", "isim",
    # since names18: the back of a shirt named as such ("jersey back: VANTERPOOL 23", "Trikotrücken:
    # SCHWEINSTEIGERT 31", "dos du maillot : LEBRETON-DIALLO 14", "plecy koszulki: ...", "mezhátra: ...")
    "jersey back", "back of jersey", "back of the jersey", "jumper back", "shirt back", "trikotrücken",
    "rückenaufdruck", "dos du maillot", "maillot :", "maillot:", "espalda de la camiseta", "retro maglia",
    "costas da camisa", "rugnummer shirt", "rugopdruk", "draktrygg", "tröjrygg", "plecy koszulki",
    "на спине", "на спині", "mezhátra", "mez hátára", "forma arkası", "punggung jersey", "nama punggung",
    "jersey:", "jersey :",
)  # fmt: skip
# The prefilter's forms of the name labels: with the space or colon after them ("nom" alone is in
# "economy", "name" in "named").
_PREFILTER = tuple(word for word in _CUE_WORDS if word not in _SHORT_LABELS) + tuple(
    word + end for word in _SHORT_LABELS for end in (" ", ":")
)
# Those that name what is printed as a name: with one right before the word (a colon between), or a number
# word after it ("ADEYEMI, number 7"), the word needs no surname's shape ("nombre IRIARTE y dorsal 8").
_NAME_CUES = frozenset(
    ("name", "nombre", "nome", "nom", "naam", "navn", "namn", "фамилия", "soyisim", "isim", "com nome",
     "com o nome", "con nombre", "with name", "with the name", "met naam", "med navn", "med namn",
     "jersey back", "back of jersey", "back of the jersey", "jumper back", "shirt back", "trikotrücken",
     "rückenaufdruck", "dos du maillot", "maillot :", "maillot:", "espalda de la camiseta", "retro maglia",
     "costas da camisa", "rugnummer shirt", "rugopdruk", "draktrygg", "tröjrygg", "plecy koszulki",
     "на спине", "на спині", "mezhátra", "mez hátára", "forma arkası", "punggung jersey", "nama punggung",
     "jersey:", "jersey :")
)  # fmt: skip
# ... and not after a thing's name: "font name ARIAL 12", "model name XPS 13".
_THING_BEFORE = re.compile(
    r"(?i:\b(?:product|font|model|team|file|brand|colou?r|shop|store|user|pet|street|song|club|variant|"
    r"domain|company|dog|cat|ship|boat|game|app|wifi|network|device|style)[ \t]*)$"
)
_NUMBER_WORD = re.compile(r"(?i:number|numéro|numero|número|nummer|numer|dorsal|rugnummer|numara|номер)")
# ... unless it is a word a shop prints in a name's place.
_NOT_PRINTED_NAMES = frozenset(
    fold_name(word)
    for word in (
        "legend", "legende", "boss", "king", "queen", "captain", "champion", "hero", "mvp", "goat", "papa",
        "mama", "dad", "daddy", "mum", "mom", "team", "coach", "name", "player", "number", "your", "custom",
        "nombre", "nome", "naam", "leyenda", "leggenda", "capitano", "capitão", "capitán", "capitaine",
        "kapitän", "капитан", "легенда",
        # a shirt's role words in the languages of names18's back cues ("rugnummer shirt: AANVOERDER 4")
        "aanvoerder", "kaptein", "kapten", "kapitan", "kaptan", "kapitány", "capitana", "kapitein", "mvp",
        "goalie", "keeper", "torwart", "portero", "portiere", "goleiro", "bramkarz", "vratar", "kaleci",
        "kapteeni", "anfører", "капітан", "tim", "star", "bomber", "crack", "idol", "ídolo",
    )
)  # fmt: skip
has_jersey_cue = any_word(_PREFILTER)
_CUE = "|".join(re.escape(word) for word in _CUE_WORDS)
# (Cyrillic capitals too, some read as Latin look-alikes by `normalise`: "ТРЕТЬЯКОВ 12".)
_CAPITALS = CAPITALS + "\u0400-\u042f\u0391-\u03a9\u0402-\u040f\u0490-\u04fe"
_WORD = rf"(?:Mc|MC|[{_CAPITALS}]['’])?[{_CAPITALS}]{{2,20}}(?:[-'’][{_CAPITALS}]{{1,20}}){{0,2}}"
_PARTICLE = r"(?:DE|DA|DI|DOS|DAS|DEL|DELLA|VAN|VON|DER|LE|LA|EL|AL|BIN)"
# The cue, up to 24 characters (a colon, "on the back:", "mit"), the name, then its number.
_PRINTED = re.compile(
    rf"(?P<cue>(?i:\b(?:{_CUE})))[^\n]{{0,24}}?"
    rf"(?<![\w'])(?P<name>(?:{_PARTICLE}[ \t]+)?{_WORD}(?:[ \t]+{_WORD})?)"
    r"(?P<gap>,?[ \t]+(?i:(?:and|y|e|et|und|en|i|ve|и)[ \t]+)?"
    r"(?i:number|numéro|numero|número|nummer|numer|dorsal|rugnummer|numara|номер|no\.?|nr\.?|#)?[ \t]*)"
    r"\d{1,2}(?!\d)"
)


def jersey_name(text: Text, surname: Callable[[str], bool]) -> bool:
    """A surname the shop prints with a shirt's number after a print cue (see the module docstring);
    `surname` says whether a word (lower case, accents folded) has a surname's shape or is listed."""
    if not has_jersey_cue(text):
        return False
    return _printed(text.value, surname)


def _printed(value: str, surname: Callable[[str], bool], *, named_ok: bool = True) -> bool:
    """A surname after a print cue of `value` and a shirt's number; with `named_ok`, also any word a name
    cue or a number word points at."""
    for match in _PRINTED.finditer(value):
        name = match.group("name")
        words = name.split()
        if any(not word.isupper() for word in words):
            continue
        if len(words) > 1 and re.fullmatch(_PARTICLE, words[0]):
            return True  # "DI LORENZO-RUSSO", "DOS SANTOS"
        parts = [fold_name(part.lower()) for word in words for part in word.split("-")]
        if "-" in name or any(surname(part) for part in parts):
            return True
        if not named_ok:
            continue
        named = (
            match.group("cue").lower() in _NAME_CUES
            and not value[match.end("cue") : match.start("name")].strip(" \t:")
            and _THING_BEFORE.search(value, max(0, match.start() - 12), match.start()) is None
        )
        if (named or _NUMBER_WORD.search(match.group("gap"))) and _NOT_PRINTED_NAMES.isdisjoint(parts):
            return True
    return False


# Keys of a shirt's print in the languages of shops, read by their words as person_lone's free-text keys
# are ("jersey_back", "dres"), and whole keys of several words ("shirt_print", Vietnamese "ao_dau").
SHIRT_KEY_WORDS = frozenset(
    (
        "jersey", "nameset", "kit", "trikot", "trikotdruck", "maillot", "flocage", "camiseta", "maglia",
        "camisola", "koszulka", "dres", "drakt", "trøje", "tröja", "treyja", "paita", "mez", "forma",
        "fanela", "φανέλα", "φανελα", "futbolka", "футболка", "майка", "форма", "дрес", "qamis", "قميص",
        "חולצה", "chultza", "球衣", "ユニフォーム", "유니폼", "jezi",
    )
)  # fmt: skip
SHIRT_KEYS = frozenset(("shirt_back", "shirt_print", "back_print", "ao_dau", "áo_đấu", "baju_bola"))
_MAX_PRINT_CHARS = 60
# Surname endings of Greek and Cyrillic capitals that no country, club or city written on a shirt ends with
# in the same letters (not "-ак", "-ин", "-ів": "СПАРТАК", "ДИНАМО КИЇВ"), with Kazakh patronymics.
_CYRILLIC_ENDINGS = (
    "ов", "ова", "ев", "ева", "ёв", "ёва", "ский", "ская", "цкий", "цкая", "енко", "чук", "юк", "ович",
    "евич", "ич", "ић", "ишин", "дзе", "швили", "ян", "ұлы", "қызы", "улы", "кызы", "ски", "ска",
)  # fmt: skip


@cache
def _endings() -> tuple[str, ...]:
    greek = names_scripts()["strong_surname_endings"]["greek"]
    return tuple({fold_accents(ending) for ending in (*_CYRILLIC_ENDINGS, *greek)})


@cache
def _listed() -> tuple[frozenset[str], ScriptNames]:
    return surnames() | romanised_surnames(), ScriptNames(world_names())


def _surname(word: str) -> bool:
    """`word` (lower case, accents folded) is a listed surname, of a Latin surname's shape, or of a Greek
    or Cyrillic surname's ending."""
    listed, scripts = _listed()
    if word.isascii() or all(ch < "\u0250" for ch in word):
        return word in listed or scripts.latin_surname(word)
    return len(word) >= 4 and word.endswith(_endings())


def shirt_print(value: Any) -> bool:
    """`value`, under a key of a shirt's print, is a surname in capitals and the shirt's number (see the
    module docstring)."""
    if not isinstance(value, str) or len(value) > _MAX_PRINT_CHARS:
        return False
    # A key is no name cue: "LONDON 17", "REAL MADRID 7" under it are a club's or a city's print.
    return _printed("jersey: " + value.strip(), _surname, named_ok=False)
