"""LOCATION: a house or flat word and its number, among an address's other parts, in the languages whose
addresses the street and postcode rules do not read (the addr17 round): Hindi and Marathi ("मकान नंबर
45", "घर क्र. 12"), Bengali ("বাড়ি ১২"), Sinhala ("නො. 12"), Khmer ("ផ្ទះលេខ ១២"), Myanmar ("အမှတ် ၁၂"),
Arabic ("شقة 1203"), Hebrew ("דירה 4"), Swahili ("Nyumba Na. 12"), Armenian ("բն. 5"), Russian and
Ukrainian ("кв. 112"), Kazakh ("15 пәтер"), Uzbek ("45-uy", "12-xonadon"), Mongolian ("45 тоот").

A flat number alone is a product's ("Apartment 12 poster"): the word and its number must stand in a
part of a list of at least two parts (commas of the script between them), as addresses are written.
"""

from __future__ import annotations

import re

from gate.scanning.detectors.base import HAS_DIGIT, PatternRule, Text, any_word
from gate.scanning.normalise import normalise

_BEFORE_NUMBER = (
    "मकान नंबर", "मकान नं.", "मकान न.", "घर नंबर", "घर क्र.", "फ्लैट नंबर", "বাড়ি", "ফ্ল্যাট", "බාඩි", "නො.",
    "ផ្ទះលេខ", "အမှတ်", "شقة", "منزل رقم", "فيلا رقم", "דירה", "nyumba na.", "բն.", "բնակարան", "кв.",
    "квартира", "ቁጥር",
    # (addr19) Nepali ward and house, Kazakh flat before its number, India's "H.No.", Iceland's flat
    "वडा नं.", "वडा", "घर", "пәтер", "h.no.", "h. no.", "íbúð",
)  # fmt: skip
_AFTER_NUMBER = ("пәтер", "тоот", "-uy", "-xonadon", "үй")
# The words as the detectors read them, `normalise`d (it drops the marks of Myanmar and Khmer writing
# and writes some Cyrillic letters as Latin look-alikes), and as written.
_BEFORE = sorted({form for word in _BEFORE_NUMBER for form in (word, normalise(word))}, key=len, reverse=True)
_AFTER = sorted({form for word in _AFTER_NUMBER for form in (word, normalise(word))}, key=len, reverse=True)
_DWELLING = re.compile(
    r"(?i:" + "|".join(map(re.escape, _BEFORE)) + r")\s*\d{1,5}(?!\d)"
    r"|\d(?<![\w.]\d)\d{0,4}(?:\s|-)(?:"
    + "|".join(re.escape(word.lstrip("-")) for word in _AFTER)
    + r")(?!\w)"
)
_SEPARATORS = re.compile("[,\u060c\u3001\u1363\u104a]")
# Or, where a script writes the parts apart by spaces alone (Khmer), another number: a street's, a
# district's ("ផ្ទះលេខ ១២ ផ្លូវ ៥៧").
_KHMER = re.compile("[\u1780-\u17ff]")
_ANOTHER_NUMBER = re.compile(r"\s\S{1,12}\s\d{1,4}(?!\d)")
_NEAR = 40


def _among_parts(match: re.Match[str], text: Text) -> bool:
    """True when a separator of an address's parts stands near the house or flat number."""
    value = text.value
    near = value[max(0, match.start() - _NEAR) : match.end() + _NEAR]
    if _SEPARATORS.search(near) is not None:
        return True
    return _KHMER.search(match.group()) is not None and _ANOTHER_NUMBER.match(value, match.end()) is not None


RULES = (
    PatternRule(
        "location.dwelling",
        _DWELLING,
        _among_parts,
        when=any_word(tuple(word.lower() for word in _BEFORE + _AFTER)),
        requires=HAS_DIGIT,
    ),
)
