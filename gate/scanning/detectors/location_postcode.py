# ruff: noqa: RUF001 - Cyrillic, Greek and Arabic text, on purpose
"""LOCATION: a street and house number and a postcode with its town, as most countries write the last
lines of an address on one line (the addr17 round and a Faker sweep over its locales):

- the postcode before the town, after the street: "Ilica 25, 10000 Zagreb", "Narva mnt 7-12, 10117
  Tallinn", "Vinohradská 1511/230, 100 00 Praha 10", "Calle Mayor 23, 3º B, 28013 Madrid",
  "Gedimino pr. 9-14, LT-01103 Vilnius", "12 rue des Lilas, 69003 Lyon";
- the town before the postcode: "Rruga e Durrësit 45, Tiranë 1001", "14 Long Street, Gardens, Cape
  Town, 8001", "Jalan Malioboro No. 12, Yogyakarta 55213";
- the postcode first, then the town and the street (Hungary, Russia, Ukraine): "1052 Budapest, Váci utca
  19.", "79008, м. Львів, пл. Ринок, 10".

A postcode alone is a number like any other ("Art.-Nr. 10115", "1060 lm", "2150 pieces"), and a street
name and a number alone is a product line ("Via Roma 1962", "1428 Elm Street horror movie poster"): the
rule asks for both, a house number before the postcode and a capitalised town beside it, and the town is
no unit, count or collection word.
"""

from __future__ import annotations

import re
import unicodedata

from gate.scanning.detectors.base import (
    HAS_CAPITALS,
    HAS_COMMA,
    HAS_DIGIT_WORDS,
    HAS_NON_ASCII,
    PatternRule,
    Text,
)

# Letters as the rules below read them: any letter, and the vowel signs and marks of the scripts that
# write them apart (Devanagari to Sinhala, Thai, Myanmar, Khmer, Arabic harakat), which `\w` leaves out.
_MARKS = (
    "\u0610-\u061a\u064b-\u065f\u0670\u0900-\u0963\u0980-\u09e3\u0a00-\u0ae3\u0b00-\u0be3"
    "\u0c00-\u0ce3\u0d00-\u0de3\u0e31-\u0e4e\u1000-\u103f\u1780-\u17d3"
)
_L = rf"(?:[^\W\d_]|[{_MARKS}])"
# Separators of an address's parts: commas of Latin, Arabic, Chinese, Ethiopic and Myanmar writing.
_SEP = ",\u060c\u3001\uff0c\u1363\u104a"
# A postcode: four to seven digits (three are a count or a price too often; Israel's have seven), the
# Netherlands' four digits and two capitals ("2592 LV", "2592LV"), or the grouped forms of
# Czechia, Slovakia, Sweden and Greece ("100 00", "111 21"), Poland ("00-514"), Portugal and Brazil
# ("1100-053", "01415-000"). Starts with a digit, so the regex engine skips ahead to one; the character
# before is checked by the look-behind. Or one of
# letters and digits, as the UK ("CF10 2BU"), Ireland ("P31 X2Y4"), Canada ("H2J 2L3"), Argentina
# ("C1043AAZ"), Malta ("QRM 1234") and Azerbaijan ("AZ1000") write them.
_POSTCODE = re.compile(
    r"\d(?<![\w.,/]\d)(?:\d{3}\s?[A-Z]{2}(?![A-Za-z])|\d{2}\s\d{2}|\d{3}(?:-\d{3}|\d{1,3}(?:-\d{3})?)?|\d-\d{3})"
    r"(?![\w/]|[.,\-]\d)"
    # the letter forms from their first digit, after one or two capitals (`_letters_start`)
    r"|\d(?<=[A-Z]\d)(?:[A-Z\d]?\s\d[A-Z]{2}|[\dW]\s[A-Z\d]{4}|[A-Z]\s\d[A-Z]\d|\d{3}[A-Z]{3}|\d{3}(?<=AZ\d{4}))(?!\w)"
)
_MAX_LETTERS = 2


def _letters_start(value: str, start: int) -> int:
    """Where a postcode starts whose first digit is at `start`: before the one or two capitals of its
    letter forms ("CF10 2BU", "H2J 2L3"), or -1 when more letters run before them (a word, a code)."""
    first = start
    while first and start - first < _MAX_LETTERS and "A" <= value[first - 1] <= "Z":
        first -= 1
    return -1 if first and value[first - 1].isalnum() else first


# Markup between the parts: a line break is a separator, any other tag ends the address.
_BREAKS = re.compile(r",?\s*<br\s*/?>", re.IGNORECASE)
_TAGS = re.compile(r"<[^<>]{1,20}>")
# Units and counts after a number: "9 cm", "45 h", "300 ml" are no house number and street.
UNIT: str = (
    r"(?!(?:cm|mm|ml|cl|dl|l|g|kg|h|min|oz|in|ft|lb|m|km|x|pcs|ft|zł|kr|kč|lei|€|\$|units?|pieces|sheets|days"
    r"|مل|سم|ملی|میلی|मिली|मिलि|मि|মিলি|ملم|كغ|جنيه|ريال|تومان|روپے|रु|টাকা)"
    # (not the start of a word: a vowel sign or mark goes on with it, "मिलिंद" is a name; addr19)
    rf"(?![\w{_MARKS}]))"
)
# A house number and what may follow it: a letter, a flat or building after "/" or "-" ("1511/230",
# "7-12", "45/3/12"), a dot (Hungarian "19."); never a year ("Baujahr 2022", "Modell 2024").
_HOUSE = r"(?!(?:19|20)\d\d(?!\d))\d{1,5}[a-hA-H]?(?:\s?[/\-]\s?\d{1,5}[a-zA-Z]?){0,2}\.?(?!\w)"
# Words of a street's name: any letters (with dots of abbreviations, quotes, a joined article: "il-Kbira").
_NAME_WORD = rf"[„“\"«]?{_L}(?:{_L}|['’.\-])*[“”\"»]?"
# The street before the postcode: a name and its house number ("Ilica 25", "Kale Nagusia 12", "ul.
# Marszałkowska 84/92 m. 15") or the number and the name ("12 rue des Lilas", "14 Long Street"), then up
# to three short parts (a flat, a floor, a district: "3º B", "2. th.", "piso 5 depto B", "Gardens").
# The search starts only where a word starts (or at a quote that opens one): a match that starts
# inside a word starts as well one letter earlier, so the leftmost match is the same, and the regex is
# no longer tried from every letter of the window (20 times faster on a prompt; addr19).
_STREET_BEFORE = re.compile(
    rf"(?:(?<!{_L})|(?=[„“\"«]))"
    rf"(?:{_NAME_WORD}[\s\-]+(?:{_NAME_WORD}\s+){{0,4}}(?:(?:Nr|No|nr|no|n|č|br|N°|Nº)[.:]?\s*)?{_HOUSE}"
    rf"(?:\s+{_L}{{1,4}}[.:]?\s*\d{{1,4}})?"
    rf"|(?<![\w.,/\-]){_HOUSE}[{_SEP}]?\s+{UNIT}{_NAME_WORD}(?:[\s\-]+{_NAME_WORD}){{1,5}})"
    rf"(?:[{_SEP}]\s*[^{_SEP}\n<>]{{1,25}}){{0,3}}\s*(?:[{_SEP}]|\n)\s*$"
)
# A town: a capitalised word (or one of a script without capitals), and up to two more.
_TOWN_WORDS = rf"(?:[A-Z][a-z]{{0,3}}\.\s)?[^\W\d_a-z]{_L}{{2,}}(?:[\s\-]{_L}{{2,}}){{0,2}}"
_TOWN = re.compile(rf"\s*\(?(?P<town>{_TOWN_WORDS})")
_TOWN_BEFORE = re.compile(rf"(?P<town>{_TOWN_WORDS})(?:\s\([^()\d\n]{{2,25}}\))?[{_SEP}]?\s+$")
_COUNTRY_PREFIX = re.compile(r"(?:[A-Z]{1,2}-)$")
# Words a number is counted in, or a product line's: after a number they are no town.
_NOT_TOWN_LIST = """
    iban bic swift tel fax upc isbn ean gtin mpn asin
    remaster remastered reissue release tour season anniversary jubilee cup olympics world
    pieces pcs stück stk teile pezzi piezas pièces peças sztuk kusů db kpl st stk. units unidades
    colors colours colores couleurs farben kleuren kolorów lumen lm watt volt edition editions
    édition edición edizione ausgabe collection kollektion colección collezione coleção collectie
    kolekcja kolekce series serie série limited model modell modelo modèle modello version versión
    rpm mah mbps gb tb mb sku art nr ref lot gtin ean id no kb hz khz mhz ghz dpi ppi fps kcal cal
    mg kg ml cl cm mm km pages seiten pages páginas pagine stars sterne rok roku year years jahre
    ans años anni lat let
"""
_NOT_TOWNS = frozenset(_NOT_TOWN_LIST.split())
_WINDOW = 110
_YEAR_DIGITS = 4
_CODE_LETTERS = 4
_NAME_WORDS = 2
# Size, model and collection words: a number after them is no house number.
_ATTRIBUTE_WORD_LIST = """
    talla taglia taille größe grösse gr size sizes tamanho maat rozmiar velikost méret koko storlek
    størrelse serie series série model modell modelo modèle modello edition collection kollektion
    colección collezione version versión art artikel sku ref lot batch charge"""
_ATTRIBUTE_WORDS = frozenset(_ATTRIBUTE_WORD_LIST.split())
_NUMBER_NAMES = ("nummer", "number", "numéro", "numero", "code", "nr", "no")
_TOWN_SPAN = 60  # a town's name and its parenthesis, before its postcode
_ENDS_PART = frozenset(_SEP + "\n")
_AFTER = 60
# Postcode first (Hungary, Russia, Ukraine, Kazakhstan): the town, then a comma and a street with a
# number within the next words ("1052 Budapest, Váci utca 19.", "79008, м. Львів, пл. Ринок, 10").
_TOWN_THEN_STREET = re.compile(
    r",?\s+(?:[^\W\d_]{1,3}\.\s*)?(?P<town>[^\W\d_a-z][^\W\d_]{2,}(?:[\s\-][^\W\d_]{2,}){0,2}),\s+"
    # the street in the next part or two, its number ending a part (or a floor after it: "19. 2. em.")
    r"(?P<street>(?:[^,\n]{2,30},\s*)?(?:[^,\n]{0,30}?[^\W\d_]\.?\s+)?(?P<number>\d{1,4})[a-hA-H]?\.?)"
    r"(?=\s*(?:,(?!\d)|\n|$)|\s+\d{1,3}\.)"
)
_SIZE = re.compile(r"\d\s?[x×]\s?\d")
# What may stand right before a postcode written first: the start, a line break, a comma, a colon.
_BEFORE_FIRST = frozenset(",:;\n(")


def _year(code: str) -> bool:
    return len(code) == _YEAR_DIGITS and code.isdigit() and code.startswith(("19", "20"))


def _town_word(town: str) -> bool:
    # A town's name starts with a capital, or in a script without capitals ("κινητό 210" is a phone word).
    if town[0].islower() or town.lower().endswith(_NUMBER_NAMES):
        return False  # (nor a number's name: "Chargennummer 240312", "Order number 10442")
    return town.split(maxsplit=1)[0].split("-", 1)[0].lower() not in _NOT_TOWNS


def _street_before(text: str, start: int) -> bool:
    """True when a street and house number end right before `start` (a comma or line break between)."""
    window = text[max(0, start - _WINDOW) : start]
    if "<" in window:
        window = _TAGS.sub(" | ", _BREAKS.sub(",", window))
    prefix = _COUNTRY_PREFIX.search(window)
    if prefix is not None:
        window = window[: prefix.start()]
    # Cheap tests first (this runs for numbers in every prompt): a separator last, a digit before it.
    if window.rstrip(" \t")[-1:] not in _ENDS_PART or not any(ch.isdigit() for ch in window):
        return False
    street = _STREET_BEFORE.search(window)
    return street is not None and _street_named(street.group())


def _street_named(street: str) -> bool:
    """False when what reads as a street and its number is a product's attribute: only lower-case words
    that are no abbreviation before the number ("talla 42", "steps 30"; the words of a sentence before
    a street are passed over: "pošaljite na Ilica 25"), a code in capitals ("ISO 100", "RAL 9010"), or
    a size or collection word among its words ("Größe 38", "Serie 3")."""
    words = street.split()
    while words and words[0][:1].islower() and not words[0].endswith("."):
        words.pop(0)
    if not words or (words[0][:1].isdigit() and sum(word[:1].isalpha() for word in words) < _NAME_WORDS):
        return False  # a number with no name after it ("talla 42"), not a number before its street
    first = words[0].strip('„“"«')
    if first.isascii() and first.isupper() and len(first) <= _CODE_LETTERS:
        return False
    return not any(word.strip(",.:").lower() in _ATTRIBUTE_WORDS for word in words)


def _town_after(after: str, code: str) -> bool:
    if after[:2] == ", " and not _year(code):
        after = after[1:]  # a part of its own: "Cindylei 199, 1012, Ecaussinnes" (not "Vol. 2, 1999, Paris")
    if after[:1] != " " or after[1:2].islower() or after[1:2].isdigit():
        return False  # (cheap tests first: most numbers are followed by no capitalised word)
    town = _TOWN.match(after)
    return town is not None and _town_word(town["town"])


def _town_before(value: str, start: int, after: str) -> bool:
    before = value[max(0, start - _WINDOW) : start]
    last = before.rstrip(" \t,\u060c")[-1:]
    # (a town's last character: a letter, a vowel sign of Indic writing, its parenthesis "(Québec)")
    ends_town = last == ")" or (last != "" and unicodedata.category(last)[0] in "LM")
    if not before[-1:].isspace() or not ends_town or after[:1].isalnum():
        return False
    if after.lstrip(" ")[:1].isdigit():
        return False
    code = value[start:].split(maxsplit=1)[0].rstrip(",.;)")
    if _year(code):
        return False  # a year after a word ("Brazil 1970", "Jahrgang 1976"), not a postcode after a town
    town = _TOWN_BEFORE.search(before, max(0, len(before) - _TOWN_SPAN))
    if town is not None and town["town"].isupper() and town["town"].isascii():
        return False  # a code's name in capitals ("RAL 5002", "MOQ 250", "DIN 933")
    return town is not None and _town_word(town["town"]) and _street_before(value, start - len(town.group()))


def _postcode_address(match: re.Match[str], text: Text) -> bool:
    """True when the postcode of `match` stands between a street with its number and a town, after a
    town that follows such a street, or first before a town and a street."""
    value, start, end = text.value, match.start(), match.end()
    if start and "A" <= value[start - 1] <= "Z":
        start = _letters_start(value, start)
        if start < 0:
            return False
    after = value[end : end + _AFTER]
    if _town_after(after, match.group()) and _street_before(value, start):
        return True
    if _town_before(value, start, after):
        return True
    if not value[start].isdigit() or (start and value[:start].rstrip(" ")[-1:] not in _BEFORE_FIRST):
        return False  # a postcode written first is of digits, and starts a part
    first = _TOWN_THEN_STREET.match(after)
    if first is None or not _town_word(first["town"]):
        return False
    # The street after the town: named as `_street_named` asks, its number no year, no size ("512 x 1536").
    street, number = first["street"], first["number"]
    year = len(number) == _YEAR_DIGITS and number.startswith(("19", "20"))
    return not year and _SIZE.search(street) is None and _street_named(street)


# India's PIN after the town, a house number and a name in the part before ("233 चौगुले, परभणी 583847",
# "51 வஞ்சிக்கொடி சத்தியலிங்கம், குண்டூர்-938965"): six digits, joined by a hyphen or a space, in the
# scripts of India (Devanagari to Malayalam), where a name of one word after the number is a street's.
_INDIC = "\u0900-\u0d7f"
_INDIAN_PIN = re.compile(
    rf"\d{{1,5}}(?:/\d{{1,5}})?\s[{_INDIC}]{{2,}}(?:\s[{_INDIC}]{{2,}}){{0,3}},\s"
    rf"[{_INDIC}]{{2,}}(?:\s[{_INDIC}]{{2,}}){{0,4}}[\s\-][1-9]\d{{5}}(?!\d)"
)
_INDIC_LETTER = re.compile(f"[{_INDIC}]")


def _indic(text: Text) -> bool:
    return _INDIC_LETTER.search(text.value) is not None


# The separators of other scripts, for text outside ASCII without a comma.
_OTHER_SEPARATORS = re.compile(f"[{_SEP[1:]}]")


def _has_parts(text: Text) -> bool:
    """The rule's prefilter: every form it reads has a separator of an address's parts (a comma of any
    script, a line break, a `<br>`) between the street and the postcode or after the town, so text
    without one (most prompts with numbers: "50 x 70 cm", "steps 30") is not searched (addr19)."""
    if text.facts & HAS_COMMA:
        return True
    value = text.value
    if "\n" in value or "<" in value:
        return True
    return bool(text.facts & HAS_NON_ASCII) and _OTHER_SEPARATORS.search(value) is not None


# A town needs a capital (or a letter of a script without case): `HAS_CAPITALS`.
RULES = (
    PatternRule(
        "location.postcode_town",
        _POSTCODE,
        _postcode_address,
        when=_has_parts,
        requires=HAS_DIGIT_WORDS | HAS_CAPITALS,
    ),
    PatternRule(
        "location.indian_pin", _INDIAN_PIN, when=_indic, requires=HAS_DIGIT_WORDS | HAS_COMMA | HAS_NON_ASCII
    ),
)
