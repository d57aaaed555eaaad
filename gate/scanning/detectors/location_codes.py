"""LOCATION written as a code or a coordinate form `location` does not read (the tenth attacker round):

- an Open Location Code ("plus code", Google Maps' share format): eight characters of its 20-letter
  alphabet, "+", two or three more ("8FVC9G8F+6X"); a shortened code before its town ("9G8F+6X Zürich",
  "código plus 76HC+9F Oaxaca") where the text names a plus code or an address (addr24: without such a
  word four characters, "+" and two are too like a SKU);
- a what3words address, which its makers write after "///" ("///filled.count.soap");
- decimal degrees with the hemisphere after a space and no degree sign ("45.7640 N, 4.8357 E"), four
  decimals at least;
- degrees and decimal minutes as GPS receivers and geocaches write them ("N 47° 22.123' E 008° 32.456'");
- latitude and longitude in Chinese or Japanese words ("北緯35度39分31秒 東経139度44分43秒", "北纬39.9°");
- (text14) a geohash, an MGRS grid reference or UTM coordinates right after their name ("geohash
  u33dc0cpke7v", "MGRS 33UUP 91870 17412", "UTM 32U 356789 5645123"): seven geohash characters place
  a house within 150 m, an eight-digit grid reference within 10 m; without the name they are SKUs.
"""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.context import NOT_NUMERIC
from gate.scanning.detectors.base import (
    HAS_DECIMALS,
    HAS_DEGREE,
    HAS_DIGIT,
    HAS_LINK,
    HAS_PLUS,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)

# The alphabet of the Open Location Code (no vowels, no "0" or "1"): a full code's 8 + 2 or 3 characters.
_PLUS_CODE = re.compile(
    r"[2-9CFGHJMPQRVWX](?<![\w+][2-9CFGHJMPQRVWX])[2-9CFGHJMPQRVWX]{7}\+[2-9CFGHJMPQRVWX]{2,3}(?![\w+])"
)
# A shortened code: four characters, "+", two or three, then the town's capitalised name.
_SHORT_PLUS_CODE = re.compile(
    r"[2-9CFGHJMPQRVWX](?<![\w+][2-9CFGHJMPQRVWX])[2-9CFGHJMPQRVWX]{3}\+[2-9CFGHJMPQRVWX]{2,3}"
    rf",?\s+[{lexicon.UPPER}][{lexicon.LOWER}]{{2,}}"
)
# The words a shortened code needs near it: a plus code's name in the languages that write one, an
# address's or a delivery's (`cue_view`: lower case).
_SHORT_CODE_WORDS = (
    "plus code", "pluscode", "plus-code", "código plus", "codigo plus", "code plus", "plus kód", "plus-kode",
    "address", "adresse", "adres", "dirección", "direccion", "endereço", "indirizzo", "anschrift",
    "deliver", "ship to", "livraison", "livrer", "entrega", "enviar", "lieferung", "consegna",
)  # fmt: skip
_W3W = re.compile(r"/(?<![/\w]/)//(?P<words>[^\W\d_]{2,20}\.[^\W\d_]{2,20}\.[^\W\d_]{2,20})(?![\w.])")
_HEMISPHERES = re.compile(r"\d(?<![\w.]\d)\d?[.,]\d{4,8}\s?[NS]\b[,;\s]{1,3}\d{1,3}[.,]\d{4,8}\s?[EWO]\b")
_DECIMAL_MINUTES = re.compile(
    r"[NS](?<![\w][NS])\s?\d{1,2}°\s?\d{1,2}[.,]\d{2,4}['\u2032]?[,;\s]{1,3}[EWO]\s?\d{1,3}°\s?\d{1,2}[.,]\d{2,4}"
)
_GRID = re.compile(
    r"(?i:\bgeohash)[\s:=]{1,3}[0-9b-hjkmnp-z]{7,12}\b"
    r"|\bMGRS[\s:=]{1,3}\d{1,2}[C-HJ-NP-X]\s?[A-HJ-NP-Z]{2}\s?\d{3,5}\s?\d{3,5}\b"
    r"|\bUTM[\s:=]{1,3}\d{1,2}[C-HJ-NP-X]\s\d{6}(?:[.,]\d+)?\s?m?E?\s\d{7}(?:[.,]\d+)?\b"
)
_CJK_DEGREES = re.compile(r"[北南](?:緯|纬)\s?\d{1,2}(?:[.,]\d+)?\s?(?:度|°)")


def _plus_code(match: re.Match[str], text: Text) -> bool:
    # The first two characters are a latitude and longitude band: the first runs 2-9 and C-F only
    # (90° north lies in band "F"), the second up to "X".
    # A code of digits alone is far likelier two numbers run together ("76594389+49 30 ...", as a
    # joined reading of a customer number and a phone number makes): 4 in 10 of its characters are letters.
    code = match.group()
    return code[0] in "23456789CF" and not code.replace("+", "").isdigit()


_CODE_NAMES = re.compile(r"(?i)(?:sku|ref|art|model|item|part)\.?\s*(?:no\.?|nr\.?|#)?\s*[:#]?\s*$")


def _short_plus_code(match: re.Match[str], text: Text) -> bool:
    """Letters and digits, as a code has them ("2345+67" is a sum; letters alone, "MFRH+CV", only after
    a plus code's name), and no article's number ("SKU 9G8F+6X Blue")."""
    head, _, tail = match.group().partition("+")
    code = head + tail[:2]
    if code.isdigit() or (code.isalpha() and "plus" not in text.value.lower()):
        return False
    return _CODE_NAMES.search(text.value, max(0, match.start() - 16), match.start()) is None


def _has_grid_word(text: Text) -> bool:
    value = text.value  # (plain `in` tests: this runs for every string with a digit)
    return "MGRS" in value or "UTM" in value or "eohash" in value


def _has_w3w(text: Text) -> bool:
    return "///" in text.value


def _has_ring(text: Text) -> bool:
    return "°" in text.value


def _has_cjk_degree(text: Text) -> bool:
    value = text.value
    return "緯" in value or "纬" in value


DETECTOR = PatternDetector(
    entity="LOCATION",
    needs=HAS_PLUS | HAS_DECIMALS | HAS_DEGREE | HAS_LINK | HAS_DIGIT,
    rules=(
        PatternRule("location.plus_code", _PLUS_CODE, _plus_code, requires=HAS_PLUS),
        PatternRule(
            "location.short_plus_code",
            _SHORT_PLUS_CODE,
            _short_plus_code,
            any_word(_SHORT_CODE_WORDS),
            requires=HAS_PLUS,
        ),
        PatternRule("location.what3words", _W3W, None, _has_w3w, requires=HAS_LINK),
        PatternRule("location.hemispheres", _HEMISPHERES, None, requires=HAS_DECIMALS),
        PatternRule("location.decimal_minutes", _DECIMAL_MINUTES, None, _has_ring, requires=HAS_DEGREE),
        PatternRule("location.grid", _GRID, None, _has_grid_word, requires=HAS_DIGIT),
        PatternRule("location.cjk_degrees", _CJK_DEGREES, None, _has_cjk_degree, requires=HAS_DEGREE),
    ),
    unless=NOT_NUMERIC,
)
