"""CREDIT_CARD: Luhn-valid numbers with a plausible issuer prefix (IIN) and length.

Barcodes are the trap: GTIN/EAN check digits and Luhn disagree in general, but a 13- or 14-digit
number can pass both. So without a card context (a card key, or "card"/"visa" nearby) only 15- and
16-digit numbers count, numbers under GTIN/SKU/seed keys never count, and a separator-less number right
after "seed" is a seed.
"""

from __future__ import annotations

import re

from stdnum import ean, luhn

from gate.scanning.context import CARD, NOT_NUMERIC
from gate.scanning.detectors.base import (
    HAS_EIGHT_DIGITS,
    PatternDetector,
    PatternRule,
    Text,
    cue_before,
    cue_near,
)
from gate.scanning.detectors.phone_shapes import after_reference
from gate.scanning.detectors.uuid_token import in_uuid
from gate.scanning.detectors.world_id import NOT_AFTER_WORD, NOT_BEFORE_WORD
from gate.scanning.script_facts import HAS_NON_ALNUM, HAS_NON_UUID

# (lowest prefix, highest prefix, card lengths), per the public IIN ranges of the major schemes.
_IIN_RANGES: tuple[tuple[int, int, frozenset[int]], ...] = (
    (4, 4, frozenset((13, 16, 19))),  # Visa
    (51, 55, frozenset((16,))),  # Mastercard
    (2221, 2720, frozenset((16,))),  # Mastercard 2-series
    (34, 34, frozenset((15,))),  # American Express
    (37, 37, frozenset((15,))),
    (6011, 6011, frozenset((16, 19))),  # Discover
    (644, 649, frozenset((16, 19))),
    (65, 65, frozenset((16, 19))),
    (3528, 3589, frozenset((16, 19))),  # JCB
    (300, 305, frozenset((14, 16, 19))),  # Diners Club
    (36, 36, frozenset((14, 16, 19))),
    (38, 39, frozenset((16, 19))),
    (62, 62, frozenset((16, 17, 18, 19))),  # UnionPay
    (50, 50, frozenset(range(12, 20))),  # Maestro
    (56, 58, frozenset(range(12, 20))),
    (2200, 2204, frozenset((16, 17, 18, 19))),  # Mir (Russia)
    (6037, 6037, frozenset((16,))),  # Shetab (Iran): Melli and other banks' bank cards
    (6104, 6104, frozenset((16,))),
    (6393, 6393, frozenset((16,))),
    (508, 508, frozenset((16,))),  # RuPay (India)
    (607, 608, frozenset((16,))),
    (652, 653, frozenset((16,))),
    (5061, 5061, frozenset((16, 18, 19))),  # Verve (Nigeria)
    (6500, 6500, frozenset((16, 18, 19))),
    (9792, 9792, frozenset((16,))),  # Troy (Turkey)
    (636368, 636368, frozenset((16,))),  # Elo (Brazil)
    (636297, 636297, frozenset((16,))),
    (627780, 627780, frozenset((16,))),
    (509, 509, frozenset((16,))),
    (8600, 8600, frozenset((16,))),  # Uzcard (Uzbekistan)
    (9860, 9860, frozenset((16,))),  # Humo (Uzbekistan)
    # (numbers18) JCB's first, 15-digit ranges, still written by test-data tools (Faker's "JCB 15 digit")
    (1800, 1800, frozenset((15,))),
    (2131, 2131, frozenset((15,))),
)
_LENGTHS_WITHOUT_CONTEXT = frozenset((15, 16))
# (numbers18) Nineteen digits are no GTIN, SSCC (18) or phone number, and Visa, UnionPay and Discover
# issue cards of that length: those schemes' first digits suffice without a card word.
_LONG_WITHOUT_CONTEXT = ("4", "62", "6011", "65")
# ISO/IEC 7812 major industry identifiers of payment cards, and 9: national schemes (Troy 9792, Ukraine's
# ПРОСТІР 9804, Belkart 9112, ArCa 9051), which only a card word beside them tells from other numbers.
# (numbers18) And RuPay's newer ranges 81 and 82, only beside a card word: without one, sixteen digits
# from "82" inside an IBAN's groups passed Luhn ("SE31 8264 2625 1085 3484 9734").
_CARD_FIRST_DIGITS = (*"234569", "81", "82")

# Digits grouped by any of the separators people type between card groups ("4111 1111 ...",
# "4111-1111", "4111.1111", "4111/1111", "4111 - 1111"): at most three separator characters between
# neighbours, so a card cannot hide between long runs of punctuation, nor join unrelated numbers far apart.
# Also ":", "|", "~", "*", "+" and middle dots or bullets ("4111•1111•1111•1111"), as people type them.
# (A word of a script written without spaces may touch it: "卡号4539...", world_id.NOT_AFTER_WORD.)
_CANDIDATE = re.compile(
    # "\d" first and the look-behinds after it (`NOT_AFTER_WORD` with the digit): the engine skips to digits.
    # Not the decimals of a number ("0.4539...", "0,4539..."); after a comma that follows a word, yes
    # ("Miles,4539...", a CSV row). `NOT_AFTER_WORD` first: it fails on every digit inside a run, so the
    # other two are not tried there (11% fewer instructions a search on the European corpus's strings).
    rf"\d{NOT_AFTER_WORD[:-1]}\d)(?<!\.\d)(?<!\d,\d)"
    r"(?:[ \-./_:|~*+\u00b7\u2022\u2219\u30fb]{0,3}+\d){11,18}"
    # Not before a decimal point and digits; a comma and digits may follow (a CSV row: "4539...1486,12,27").
    rf"{NOT_BEFORE_WORD}(?!\.\d)"
)
_NOT_DIGITS = re.compile(r"\D")
CARD_CUE = re.compile(
    r"(?i)\b(?:card|credit|debit|visa|mastercard|master\s+card|amex|american\s+express|discover|cc|pan|mir|rupay|"
    r"verve|shetab|troy|elo|uzcard|humo|dankort|unionpay|jcb|carte|karte|tarjeta|cart[ãa]o|kart|kartu|"
    # the card's security code named beside it ("... 07/35 CVV2: 099")
    r"cvv2?|cvc2?|"
    # (numbers18) paying with it, and card words of more languages ("Kreditkarte", "kártya", "простір")
    r"pay(?:ing)?\s+with|paid\s+with|kreditkarte|ec-karte|girocard|k[áa]rtya(?:sz[áa]m)?|prostir|простір|"
    # the card's number as one word: "Kartennummer", "kortnummer", "kaartnummer", "korttinumero"
    r"kartennummer|kartnummer|kortnummer|kaartnummer|korttinumero|karty|karta|carta|"
    r"карта|карты|картка|th[ẻe])\b|"
    # scripts written without spaces touch the digits ("卡号6217..."): no word boundary there
    r"银联|銀聯|银行卡|銀行卡|信用卡|借记卡|卡号|卡號|カード|카드|بطاقة|کارت|कार्ड|บัตร"
)
_SEED_CUE = re.compile(r"(?i)\bseed\b")
# An IBAN's country and check digits, and maybe a group, right before a run of digits.
_IBAN_HEAD = re.compile(r"[A-Z]{2}\d{2}[ \-]?(?:[A-Z0-9]{4}[ \-]?)?$")
_IBAN_HEAD_CHARS = 10
_DIGIT_RUN = re.compile(r"\d+")
_GTIN_LENGTHS = frozenset((8, 12, 13, 14))


def plausible_iin(digits: str) -> bool:
    """True if the issuer prefix and length fit a major card scheme."""
    for low, high, lengths in _IIN_RANGES:
        width = len(str(low))
        if len(digits) in lengths and low <= int(digits[:width]) <= high:
            return True
    return False


def _valid_card(match: re.Match[str], text: Text) -> bool:
    """A card in the candidate: the whole run, or a card written as cards are (one run of digits, or
    groups of four) beside other numbers the run took in: "4539 5787 6362 1486 12/27" (its expiry),
    "Brad Miles 3559952432813211 03/31", "ref 12 4539578763621486". The whole run failed the check there,
    and the card was approved."""
    raw = match.group()
    if in_uuid(text.value, match.start(), match.end()):
        return False
    if _valid_span(raw, match.start(), match.end(), text):
        return True
    groups = [(m.start(), m.end()) for m in _DIGIT_RUN.finditer(raw)]
    if len(groups) < 2:
        return False
    for first, last in _card_groupings([end - start for start, end in groups]):
        start, end = groups[first][0], groups[last][1]
        if not _decimals(raw, start, end) and _valid_span(
            raw[start:end], match.start() + start, match.start() + end, text
        ):
            return True
    return False


# Groups as a card is printed: `4-4-4-4`, `4-4-4-4-3`, American Express's `4-6-5`, Diners' `4-6-4`.
_PRINTED = ((4, 4, 4, 4, 3), (4, 4, 4, 4), (4, 6, 5), (4, 6, 4))


def _card_groupings(sizes: list[int]) -> list[tuple[int, int]]:
    """(first, last) group of each part of a run of digit groups written as a card is: one group of
    12-19 digits, or groups as `_PRINTED` (longest first), the whole run left out."""
    found = [(i, i) for i, size in enumerate(sizes) if 12 <= size <= 19]
    for i in range(len(sizes)):
        for printed in _PRINTED:
            if tuple(sizes[i : i + len(printed)]) == printed:
                found.append((i, i + len(printed) - 1))
    return [(first, last) for first, last in found if (first, last) != (0, len(sizes) - 1)]


def _decimals(raw: str, start: int, end: int) -> bool:
    """Whether raw[start:end] is a number's decimals or has decimals after it ("0.4539...", "...1486.50"),
    as `_CANDIDATE`'s look-arounds say for a whole run."""
    before, after = raw[max(0, start - 2) : start], raw[end : end + 2]
    return (
        before.endswith(".")
        or (len(before) == 2 and before[0].isdigit() and before[1] == ",")
        or (len(after) == 2 and after[0] == "." and after[1].isdigit())
    )


def _valid_span(raw: str, start: int, end: int, text: Text) -> bool:
    """Whether raw (text.value[start:end]) is a card number."""
    digits = _NOT_DIGITS.sub("", raw)
    if not luhn.is_valid(digits):
        return False
    if text.flags & CARD or cue_near(CARD_CUE, text.value, start, end):
        # Named a card: any issuer of the banking and retail industries (ISO/IEC 7812's first digit 2-6),
        # not only the ranges above: a bank's own range (Iran's 6063, Maestro UK's 6762), test data
        # made with a scheme's first digits only (Faker's JCB "3518...").
        return plausible_iin(digits) or (digits.startswith(_CARD_FIRST_DIGITS) and 12 <= len(digits) <= 19)
    if not plausible_iin(digits):
        return False
    if len(digits) == 19 and digits.startswith(_LONG_WITHOUT_CONTEXT):
        # not the groups of an IBAN ("SE78 4510 6710 1950 5885 4591" holds a Luhn-valid 4-4-4-4-3)
        if _IBAN_HEAD.search(text.value, max(0, start - _IBAN_HEAD_CHARS), start):
            return False
        return not (raw.isdigit() and cue_before(_SEED_CUE, text.value, start, window=16))
    if len(digits) not in _LENGTHS_WITHOUT_CONTEXT or ean.is_valid(digits):
        return False
    if _shop_number_and_more(raw, text, start):
        return False
    return not (raw.isdigit() and cue_before(_SEED_CUE, text.value, start, window=16))


def _shop_number_and_more(raw: str, text: Text, start: int) -> bool:
    """A valid GTIN after a reference word, joined with the number after it: "GTIN 4646255049096 - 250
    ml" (a card's groups are never 13 digits and 3; one of ten such joins passes Luhn)."""
    first = _DIGIT_RUN.match(raw)
    return (
        first is not None
        and first.end() < len(raw)
        and len(first.group()) in _GTIN_LENGTHS
        and ean.is_valid(first.group())
        and after_reference(text.value, start)
    )


DETECTOR: PatternDetector = PatternDetector(  # typed: mypyc reads it through the import cycle
    entity="CREDIT_CARD",
    # Nine digits anywhere, not a digit run: the run allows two separator characters, cards three.
    needs=HAS_EIGHT_DIGITS,
    # (hexfast26) `_valid_card` rejects a number in a UUID with a hex letter, and `_CANDIDATE` wants no
    # letter or digit around one: a UUID alone, or one word of hex digits (a hash), is not asked.
    requires=HAS_NON_UUID | HAS_NON_ALNUM,
    rules=(PatternRule("card.luhn", _CANDIDATE, _valid_card),),
    unless=NOT_NUMERIC,
)
