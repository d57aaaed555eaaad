# ruff: noqa: RUF001, RUF002 - cues in Cyrillic and Turkish, on purpose
"""PERSON printed on a personalised shirt (since names14): after a print cue ("name on back", "Beflockung",
"au nom de", "con nombre", "z nadrukiem", "с надписью", "baskısı"), a surname in capitals and the shirt's
number: "name on back KOWALCZYK, number 7", "Beflockung MÜLLER-WOHLFAHRT 13".

A surname alone is no name anywhere else (single words are not reported: "MESSI 10" in a replica's title
is the player's, and no customer's), but what a shop prints after such a cue is the name the customer
chose. The word must still have a surname's shape: a listed surname, a shape of `latin_surname` (Polish
-ska, Slavic -ová, Scottish Mc ...), a double-barrelled name ("SMITHERS-JONES") or a particle before it
("DI LORENZO", "DOS SANTOS"): "name on back: LEGEND 10", "BOSS 1" stay clean.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gate.scanning.detectors.base import Text, any_word
from gate.scanning.detectors.person_keyed import CAPITALS
from gate.scanning.detectors.person_lists import fold_name

_CUE_WORDS = (
    "name on back", "name on the back", "back print", "name bar", "nameset", "name and number",
    "beflockung", "beflockt", "au nom de", "flocage", "con nombre", "nombre y número", "nome:", "com nome",
    "com o nome", "z nadrukiem", "s menom", "se jménem", "felirattal", "с надписью", "с именем",
    "baskısı", "isimli", "with name", "with the name", "背后印", "背面印", "met naam", "med navn", "med namn",
    "numero e nome",
    # since names16: German, French, Italian, Dutch, Russian and Turkish print words, and a kit's label
    "aufdruck", "floqué", "floquée", "personalizzata", "personalizzato", "bedrukking", "с фамилией",
    "arkası", "jersey:", "team kit:", "kit:",
)  # fmt: skip
has_jersey_cue = any_word(_CUE_WORDS)
_CUE = "|".join(re.escape(word) for word in _CUE_WORDS)
_WORD = rf"(?:Mc|MC|O'|D')?[{CAPITALS}]{{2,20}}(?:-[{CAPITALS}]{{2,20}})?"
_PARTICLE = r"(?:DE|DA|DI|DOS|DAS|DEL|DELLA|VAN|VON|DER|LE|LA|EL|AL|BIN)"
# The cue, up to 24 characters (a colon, "on the back:", "mit"), the name, then its number.
_PRINTED = re.compile(
    rf"(?i:{_CUE})[^\n]{{0,24}}?(?<![\w'])(?P<name>(?:{_PARTICLE}[ \t]+)?{_WORD}(?:[ \t]+{_WORD})?)"
    r"(?P<gap>,?[ \t]+(?i:and[ \t]+)?(?i:number|numéro|numero|número|nummer|numer|no\.?|nr\.?|#)?[ \t]*)"
    r"\d{1,2}(?!\d)"
)


def jersey_name(text: Text, surname: Callable[[str], bool]) -> bool:
    """A surname the shop prints with a shirt's number after a print cue (see the module docstring);
    `surname` says whether a word (lower case, accents folded) has a surname's shape or is listed."""
    if not has_jersey_cue(text):
        return False
    for match in _PRINTED.finditer(text.value):
        name = match.group("name")
        words = name.split()
        if any(not word.isupper() for word in words):
            continue
        if len(words) > 1 and re.fullmatch(_PARTICLE, words[0]):
            return True  # "DI LORENZO-RUSSO", "DOS SANTOS"
        parts = [fold_name(part.lower()) for word in words for part in word.split("-")]
        if "-" in name or any(surname(part) for part in parts):
            return True
    return False
