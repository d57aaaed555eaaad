"""National phone numbers without a cue word, read by the shapes people write them in.

Without a key or a word that says "phone", any run of digits parses as some region's number (a German
number can have almost any length), so only the shapes below are read, and each is validated by
`phonenumbers` for the regions that write it so, as a personal kind of number (mobile, fixed line,
VoIP, personal; not toll-free, premium or shared-cost lines, which belong to businesses):

- a trunk "0" and an area code, then a separator: "06 12 34 56 78", "0151 23456789", "030 901820",
  "(020) 7946 0958", "089/12345678", "06-12345678" (9 to 13 digits, every region with a trunk "0");
- no trunk, grouped as the regions that dial without one write their numbers: 3-3-3, 3-2-2-2 or
  2-3-2-2 digits ("612 345 678", "91 123 45 67": Spain, Portugal, Poland, Czechia, Slovakia); 3-3-4 or
  3-7 (Italian and Greek mobiles "333 123 4567", "694 123 4567"); and the North American forms
  "(415) 555-0132", "415-555-0132", "415.555.0132".

- digits without a separator only as a mobile number with its trunk "0" and area code, 10 to 13 digits
  ("0612345678", "07911123456", "015123456789"): valid as a MOBILE number (not a fixed line, whose
  ranges cover most digit strings) of one of the main regions that dial a trunk "0" (see `phone`),
  standing alone (a space,
  punctuation or the text's edge on both sides), and no GTIN (an 12- or 13-digit run with a valid
  GS1 check digit is a barcode, so one German mobile number in ten of those lengths is not read).

Not read this way, so that sizes, prices, dates, versions, seeds, SKUs, EANs and order numbers stay
numbers: digits without a separator that are no trunk-prefixed mobile number (a seed, an EAN),
8-digit numbers ("45 47 97 51": lists of sizes look the same), a run after a letter, "+", ".", ",",
"/", "-", "#" or a time's colon (versions, decimals, SKUs, hex, "10:30"), a date ("05.12.2026"),
groups after a reference word ("order", "SKU", "EAN", "Art.-Nr.") or beside a currency or unit
("1 299 000 EUR", "612 345 678 px"), and nine digits grouped by dots as thousands are ("505.744.541").
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import PhoneNumberType
from stdnum import ean

from gate.scanning import lexicon, word_starts
from gate.scanning.normalise import normalise

# Where to look for a candidate: an area code in parentheses, or a first group of digits, then a
# separator and more groups. The look-behinds sit after the first character, so the regex engine can
# skip ahead to a digit or "(".
# Its first character ("(" or a digit) first, each branch then asks which it was: an alternation of a
# literal and a class left the regex engine no first character to skip ahead to (9% fewer instructions
# a search on the European corpus's strings).
SHAPED = re.compile(
    r"[(\d](?:(?<=\()(?<![\w+]\()\d{2,5}\)[ \t]?|(?<=\d)(?<![\w+.,/\-#]\d)(?<!\d:\d)\d{0,4}[ \t\-./_])"
    r"\d{2,10}(?:[ \t\-./_]\d{2,10}){0,4}(?![^\W_]|[.,/:\-_]\d)"
)
# Digits without a separator: a trunk "0", a digit, then 8 to 11 more; alone, as `SHAPED`'s runs are.
UNGROUPED = re.compile(r"0(?<![\w+.,/\-#:]0)[1-9]\d{8,11}(?![^\W_]|[.,/:\-_][^\W_])")
_GTIN_LENGTHS = (12, 13, 14)
_GROUPS = re.compile(r"\d+")
_AS_SPACE = str.maketrans("\t_", "  ")
_MIN_TRUNK_DIGITS, _MAX_TRUNK_DIGITS = 9, 13
_PERSONAL_TYPES = frozenset(
    (
        PhoneNumberType.MOBILE,
        PhoneNumberType.FIXED_LINE,
        PhoneNumberType.FIXED_LINE_OR_MOBILE,
        PhoneNumberType.PERSONAL_NUMBER,
        PhoneNumberType.VOIP,
    )
)
_SERVICE_TYPES = frozenset(
    (PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST)
)
# Groupings of the regions that dial without a trunk prefix, and the regions to validate them for.
_NINE_DIGIT_REGIONS = ("ES", "PT", "PL", "CZ", "SK")
_TEN_DIGIT_REGIONS = ("IT", "GR")
_NANP_REGIONS = ("US", "CA")
_NANP_SHAPE = (3, 3, 4)
_NO_TRUNK_SHAPES: dict[tuple[int, ...], tuple[str, ...]] = {
    (3, 3, 3): _NINE_DIGIT_REGIONS,
    (3, 2, 2, 2): _NINE_DIGIT_REGIONS,
    (2, 3, 2, 2): _NINE_DIGIT_REGIONS,
    (3, 6): _NINE_DIGIT_REGIONS,
    (2, 3, 4): _NINE_DIGIT_REGIONS,  # Portuguese fixed lines: "21 234 5678"
    (3, 3, 4): _TEN_DIGIT_REGIONS,
    (3, 7): _TEN_DIGIT_REGIONS,
    (2, 4, 4): _TEN_DIGIT_REGIONS,  # Greek fixed lines: "21 2345 6789"
}
# A date is no number: "05.12.2026", "2026-12-05" (a German number can be 8 digits after "0").
_DATE = re.compile(r"\d{1,2}[./\-]\d{1,2}[./\-](?:\d{2}|\d{4})|\d{4}[./\-]\d{1,2}[./\-]\d{1,2}")
# The product or maker word some languages put after a reference word: "cod produs", "kod produktu",
# "šifra proizvoda", "Réf. produit", "Ref. fabricante".
_PRODUCT_WORD = (
    r"(?i:\.?\s(?:produs|produktu|proizvoda|prekės|produit|producto|prodotto|produto|produkt|"
    r"fabricant|fabricante|fabbricante|hersteller|manufacturer|prod\b\.?|" + normalise("προϊόντος") + "))?"
)
# "Nr.", "n°", "№", "номер" after a reference word ("Art.-Nr.", "commande n°"): "°" is no word character,
# so "n°" has no word boundary after it.
_NUMBER_WORD = (
    r"(?i:(?:nr|nro|no|num|number|nummer|num[ée]ro|n[úu]mero|numer|numara\w*|č|broj|br|n|"
    + normalise("номер")
    + r")\b|n[º°]|№)"
)
_AFTER_REFERENCE = _PRODUCT_WORD + r"[\W_]{0,6}" + _NUMBER_WORD + r"?[\W\d_]{0,20}$"
# Words that make the digits right after them the shop's or the maker's, in every language and script,
# as the scanner reads them (data/cues.toml [reference]: "SKU", "Art.-Nr.", "numéro de série", "#",
# "номер заказа", "注文番号", the names cameras give their files: "IMG_0612345678.jpg"), and a company's
# register and tax numbers ([company_register]: "SIREN", "org.nr", "法人番号"). Not "number",
# "Nummer", "numéro", "no." alone: those name a phone number as often ("mon numéro : 06 12 34 56 78").
# With them, the abbreviations of [reference_abbreviation], beside a number word ("Best.-Nr.", "nr kat.").
_ABBREVIATION = lexicon.pattern(lexicon.words("reference_abbreviation"))
_REFERENCE_BEFORE = re.compile(
    "(?:"
    + lexicon.pattern(lexicon.words("reference", "company_register"))
    + f"|{_ABBREVIATION}(?=[\\W_]{{0,6}}{_NUMBER_WORD})|{_NUMBER_WORD}[\\W_]{{0,3}}{_ABBREVIATION})"
    + _AFTER_REFERENCE
)
_REFERENCE_WINDOW = 32
# `_REFERENCE_BEFORE` in parts (`after_reference`): its words led by their keys, its abbreviations with
# the number word they need, and that number word alone (the abbreviations' prefilter: it has no
# look-behind, so where the branches match, it does).
_REFERENCE_LED = lexicon.Cues("reference", "company_register").then(_AFTER_REFERENCE)
_ABBREVIATED_BEFORE = re.compile(
    f"(?:{_ABBREVIATION}(?=[\\W_]{{0,6}}{_NUMBER_WORD})|{_NUMBER_WORD}[\\W_]{{0,3}}{_ABBREVIATION})"
    + _AFTER_REFERENCE
)
_NUMBER_WORD_ONLY = re.compile(_NUMBER_WORD)
# What the words' leads are not found after (`word_starts` splits words at white space and `PUNCT_CHARS`,
# and finds no word after another sign: "n°шифра"), or read otherwise (dotted and dotless i, long s,
# Kelvin), and "#", a reference word that starts no word: where the window holds one, the full regex.
_UNLED = re.compile(
    "[^\\w\\s" + re.escape(word_starts.PUNCT_CHARS.replace("#", "")) + "]|[\u0130\u0131\u017f\u212a]"
)
_MAX_DROPPED_DIGITS = 3
_QUANTITY_AROUND = re.compile(
    r"(?i)^\s?(?:€|\$|£|¥|₽|zł|kč|eur|euro|euros|usd|gbp|chf|pln|czk|sek|nok|dkk|px|pixel|mm|cm|km|"
    r"kg|mg|ml|x\b|\u00d7|%|units|stück|pcs|pezzi|piezas|pièces|peças|sztuk|views|likes|bytes|kb|mb|gb|"
    r"downloads|follower|users|visit|copies|sold|items|people|personen|personnes|personas|persone|osób|"
    r"aufrufe|vues|visualiz|wyświetl|descargas|téléchargements)"
)
_CURRENCY_BEFORE = re.compile(r"(?i)(?:€|\$|£|¥|₽|eur|usd|gbp|chf|pln)\s?$")


def trunk_regions(regions: tuple[str, ...]) -> tuple[str, ...]:
    """Those of `regions` whose national numbers start with a trunk "0" (Italy keeps its "0" in the
    number, so it counts too): the regions a trunk-shaped candidate is validated for."""
    found = []
    for region in regions:
        metadata = phonenumbers.PhoneMetadata.metadata_for_region(region)
        if region == "IT" or (metadata is not None and metadata.national_prefix == "0"):
            found.append(region)
    return tuple(found)


def _personal(candidate: str, regions: tuple[str, ...]) -> bool:
    """Valid in one of `regions`, and a personal kind of number in the first of them where it is valid
    as a personal or a service number. Regions are in order of use: "0800 123 4567" is toll-free in
    Britain and Germany before it is anything elsewhere, "0180 5 123456" a German shared-cost line."""
    candidate = candidate.translate(_AS_SPACE)  # phonenumbers reads neither tabs nor underscores
    for region in regions:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            kind = phonenumbers.number_type(number)
            if kind in _PERSONAL_TYPES or kind in _SERVICE_TYPES:
                return kind in _PERSONAL_TYPES
    return False


def _shaped_number(candidate: str, trunk: tuple[str, ...], whole: bool) -> bool:
    """True if `candidate` (a run of grouped digits, see `SHAPED`) is a national number in one of the
    shapes of the module docstring; `trunk` are the regions to validate trunk-shaped numbers for. A
    number without a trunk "0" counts only as the `whole` run ("100 200 300 400" holds no "200 300 400")."""
    groups = tuple(len(group) for group in _GROUPS.findall(candidate))
    digits = sum(groups)
    if _DATE.fullmatch(candidate) is not None:
        return False
    if candidate.lstrip("(").startswith("0"):
        # "00" is the international prefix (`phone.idd` reads those); an area code has a digit after "0".
        if candidate.lstrip("(").startswith("00") or groups[0] < 2:
            return False
        if not _MIN_TRUNK_DIGITS <= digits <= _MAX_TRUNK_DIGITS:
            return False
        return _personal(candidate, trunk)
    if not whole:
        return False
    separators = set(re.sub(r"[\d()]", "", candidate))
    # North American numbers with their usual punctuation only ("512 768 1024" is a list of sizes).
    nanp = candidate.startswith("(") or separators in ({"-"}, {"."})
    if nanp and groups == (3, 3, 4) and _personal(candidate, _NANP_REGIONS):
        return True
    if separators == {"."} and groups == (3, 3, 3):
        return False  # "505.744.541": a count, as German, Spanish or Italian write thousands
    regions = _NO_TRUNK_SHAPES.get(groups)
    # One kind of separator between the groups, as a number is written ("612 345 678", not "612-345 678").
    return regions is not None and len(separators) == 1 and _personal(candidate, regions)


def reads_as_national_number(text: str, start: int, end: int, trunk: tuple[str, ...]) -> bool:
    """True if `text[start:end]`, a `SHAPED` match, is a national phone number: a shape of the module
    docstring, not a reference or a quantity by the words around it, and valid for a region that
    writes it so (`trunk`: the regions for a trunk "0", see `trunk_regions`).

    A size or a count beside the number does not hide it ("Größe 42 0151 23456789", "... 40 cm"):
    one group of up to three digits at either end is tried without. Longer groups, and more of them,
    are part of the run (the blocks of an IBAN, a card or a grouped national ID hold no phone number)."""
    candidate = text[start:end]
    spans = [match.span() for match in _GROUPS.finditer(candidate)]
    sizes = [finish - begin for begin, finish in spans]
    if sum(sizes) < _MIN_TRUNK_DIGITS:
        return False  # most matches: a SKU, a Pantone code, a date
    last_group = len(spans) - 1
    # The whole run first, then without one short group at either end.
    firsts = [0] + ([1] if last_group >= 2 and sizes[0] <= _MAX_DROPPED_DIGITS else [])
    lasts = [last_group] + ([last_group - 1] if last_group >= 2 and sizes[-1] <= _MAX_DROPPED_DIGITS else [])
    parts = [
        (0 if first == 0 and candidate.startswith("(") else spans[first][0], spans[last][1], first, last)
        for first in firsts
        for last in lasts
        if last > first
        and _may_be_shaped(
            candidate, spans[first][0], tuple(sizes[first : last + 1]), first == 0 and last == last_group
        )
    ]
    if not parts or after_reference(text, start):
        return False
    for begin, finish, first, last in parts:
        if _quantity(text, start + begin, start + finish):
            continue
        if _shaped_number(candidate[begin:finish], trunk, first == 0 and last == last_group):
            return True
    return False


def reads_as_ungrouped_mobile(text: str, start: int, end: int, trunk: tuple[str, ...]) -> bool:
    """True if `text[start:end]`, an `UNGROUPED` match, is a mobile number of one of the `trunk`
    regions, not a reference, a quantity or a GTIN (see the module docstring)."""
    candidate = text[start:end]
    if len(candidate) in _GTIN_LENGTHS and ean.is_valid(candidate):  # python-stdnum: GS1 check digit
        return False
    if after_reference(text, start) or _quantity(text, start, end):
        return False
    for region in trunk:
        try:
            number = phonenumbers.parse(candidate, region)
        except phonenumbers.NumberParseException:
            continue
        if (
            phonenumbers.is_valid_number(number)
            and phonenumbers.number_type(number) == PhoneNumberType.MOBILE
        ):
            return True
    return False


_COMPANY_REGISTER_BEFORE = re.compile(
    "(?:" + lexicon.pattern(lexicon.words("company_register")) + ")" + _AFTER_REFERENCE
)


def after_company_register(text: str, start: int) -> bool:
    """(numbers18) True if a company's register or tax word ("SIREN", "ОГРН", "法人番号": data/cues.toml
    [company_register]) stands right before `start`, only digits and punctuation between."""
    return _COMPANY_REGISTER_BEFORE.search(text, max(0, start - _REFERENCE_WINDOW), start) is not None


def after_reference(text: str, start: int) -> bool:
    """True if a reference word ("order", "GTIN", "SKU", "Art.-Nr.", "#") stands right before `start`,
    with only digits and punctuation between: the digits there are the shop's, not a phone number.

    `_REFERENCE_BEFORE.search(text, window, start)` in its parts, with the same answer (tested): that
    regex tries its 400 words at every position of the window (100-300 us a call); here the words are
    tried only where a word of the window starts with one of their keys (`lexicon.Cues`), and the
    abbreviations only where the window holds a number word they need; the full regex only where the
    window holds a sign the word starts are not read after (`_UNLED`). The window's words are read in
    the window alone (a word glued to the digits, "SKU12345", ends there), with the character before it
    for the words' look-behind."""
    window = max(0, start - _REFERENCE_WINDOW)
    if _UNLED.search(text, window, start) is not None:
        return _REFERENCE_BEFORE.search(text, window, start) is not None
    if (
        _NUMBER_WORD_ONLY.search(text, window, start) is not None
        and _ABBREVIATED_BEFORE.search(text, window, start) is not None
    ):
        return True
    before = max(0, window - 1)
    return _REFERENCE_LED.search(text[before:start], window - before) is not None


def _may_be_shaped(candidate: str, first_digit: int, groups: tuple[int, ...], whole: bool) -> bool:
    """The cheap part of `_shaped_number`: the digits' count and grouping alone allow a shape."""
    if candidate[first_digit] == "0":
        return (
            groups[0] >= 2
            and candidate[first_digit + 1] != "0"
            and _MIN_TRUNK_DIGITS <= sum(groups) <= _MAX_TRUNK_DIGITS
        )
    return whole and (groups in _NO_TRUNK_SHAPES or groups == _NANP_SHAPE)


def _quantity(text: str, start: int, end: int) -> bool:
    """A number beside a currency or unit ("1 299 000 EUR", "€ 612 345 678", "612 345 678 px")."""
    after = text[end : end + 8]
    before = text[max(0, start - 5) : start]
    return _QUANTITY_AROUND.match(after) is not None or _CURRENCY_BEFORE.search(before) is not None


# Brazil writes a mobile as its two-digit area code in parentheses and nine digits from "9", hyphened
# after the fifth: "(11) 98765-4321". Not one of the shapes above (no trunk "0", a 2-5-4 grouping), and
# strong enough alone: parentheses, a leading 9 and one hyphen at that place are no count, size or code.
BRAZILIAN_MOBILE = re.compile(r"\((?<![\w(]\()[1-9][1-9]\)[ \t]?9\d{4}-\d{4}(?![\d\-])")


def reads_as_brazilian_mobile(text: str, start: int, end: int) -> bool:
    """True if `text[start:end]`, a `BRAZILIAN_MOBILE` match, is a valid Brazilian mobile number by
    `phonenumbers` and no reference or quantity by the words around it."""
    if after_reference(text, start) or _quantity(text, start, end):
        return False
    try:
        number = phonenumbers.parse(text[start:end], "BR")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.is_valid_number(number) and phonenumbers.number_type(number) == PhoneNumberType.MOBILE
