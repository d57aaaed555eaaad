# ruff: noqa: RUF001 - lockers named in Cyrillic, Japanese and Chinese, on purpose
"""LOCATION: a parcel locker or pick-up point with its code (addr24): "InPost paczkomat GDA08M Gdańsk",
"Relais Colis C71234, Pressing du Centre", "Omniva pakiautomaat ..., Endla 45", "Zásilkovna Z-BOX
Praha 4 Chodov, Roztylská 2321/19", "ヤマト運輸 ...センター留め (センターコード 031241)", "7-ELEVEN 取貨
門市店號 182736".
The network's word and the point's code or number are where the customer collects the parcel, as their
own address is.

The word alone is a product's or a shipping option's ("brelok w kształcie paczkomatu InPost, 12 szt.",
"mug Mondial Relay collector, 330 ml", "InPost Paczkomat 24/7"): a code counts only with three digits or
more, or letters and digits (a point's id), and never before a unit or a count.
"""

from __future__ import annotations

import re

from gate.scanning.detectors.base import HAS_DIGIT, PatternRule, Text, any_word
from gate.scanning.normalise import normalise

# The networks' and points' words, as the detectors read them (`normalise`: "センター" as "センタ-").
_LOCKER_WORDS = tuple(
    normalise(word).lower()
    for word in (
        "packstation", "postfiliale", "paketshop", "paczkomat", "inpost", "pakiautomaat", "pakomāts",
        "paštomatas", "pakettiautomaatti", "pakketpunt", "z-box", "zásilkovna", "packeta", "foxpost",
        "relais colis", "point relais", "mondial relay", "punto pack", "поштомат", "постамат", "пункт выдачи",
        "відділення", "センター留め", "センターコード", "店舗番号", "門市店號", "店號", "取件码", "驿站",
    )
)  # fmt: skip
# (No word boundary before a word of a script without spaces: "渋谷宮益坂センター留め".)
_LOCKER = re.compile(
    r"(?i)(?<![^\W\u3000-\u9fff])(?:"
    + "|".join(re.escape(word) for word in sorted(_LOCKER_WORDS, key=len, reverse=True))
    + r")"
)
# A point's code after its word, on the same line and within a few words; or the street and house number
# where it stands ("Endla 45", "Roztylská 2321/19").
_CODE = re.compile(r"(?<![\w\-/])(?=[\w\-/]*\d)[^\W_][\w\-/]{2,11}(?![\w/])")
_STREET_NUMBER = re.compile(
    r",\s+[^\W\d_]{3,30}(?:\s[^\W\d_]{1,30}\.?){0,2}\s\d{1,4}[a-zA-Z]?(?:/\d{1,4})?(?!\w)"
)
_WINDOW = 48
_MIN_DIGITS = 3
_MIN_MIXED = 5
# A unit or a count after a number: the number is a quantity, not a point's code.
_QUANTITY_AFTER = re.compile(
    r"(?i)\s*(?:ml|cl|l|cm|mm|m|kg|g|szt\.?|pcs|pieces?|stück|st\.?|ks|db|x\b|×|%|compartments?|fächer|"
    r"przegród|個|件|個入|円|€|\$|zł|kč)(?![^\W\d_])"
)
_FIRST_YEAR, _LAST_YEAR = 1950, 2099
# DHL delivers to a Packstation or a branch only with the customer's Postnummer: without it the station's
# number is DHL's public site (text18: "Lieferung an die Packstation ist ok? - ja, Packstation 105 geht").
_DHL_WORDS = frozenset(("packstation", "postfiliale"))
_CUSTOMER_NUMBER = re.compile(r"(?i)post\s?(?:nummer|nr)|kunden\s?(?:nummer|nr)")


def _point_code(match: re.Match[str], text: Text) -> bool:
    """True when a point's code follows the network's word of `match` on its line (see the module)."""
    value = text.value
    if match.group().lower() in _DHL_WORDS and _CUSTOMER_NUMBER.search(value) is None:
        return False  # "ja, Packstation 105 geht": DHL's public site, no one's parcel without a Postnummer
    window = value[match.end() : match.end() + _WINDOW].split("\n", 1)[0]
    for code in _CODE.finditer(window):
        token = code.group()
        digits = sum(char.isdigit() for char in token)
        letters = sum(char.isalpha() for char in token)
        if digits < _MIN_DIGITS and not (letters and len(token) >= _MIN_MIXED):
            continue
        if "/" in token and digits < _MIN_DIGITS + 1:
            continue  # "24/7"
        if token.isdigit() and len(token) == 4 and _FIRST_YEAR <= int(token) <= _LAST_YEAR:
            continue  # a year: "Packstation 2024 edition"
        if _QUANTITY_AFTER.match(window, code.end()) is not None:
            continue
        return True
    return _STREET_NUMBER.search(window) is not None and _QUANTITY_AFTER.match(window, len(window)) is None


RULES = (
    PatternRule(
        "location.pick_up_point", _LOCKER, _point_code, when=any_word(_LOCKER_WORDS), requires=HAS_DIGIT
    ),
)
