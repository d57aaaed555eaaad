"""CREDIT_CARD spelled out in words after a card word: "card number: four five three nine, one four
eight eight ...", as a caller dictates it and a speech-to-text transcript of a support call writes it
("Kartennummer vier fünf drei neun ...", "numéro de carte quatre cinq ...").

The words are read as the phone detector reads a spelled number (`phone_words.spelled_digits`: the same
digit words of some forty languages, tens, "double"), and the digits must be a card by the same tests as
a card written in digits: Luhn-valid, with an issuer prefix and length of a major scheme
(`card.plausible_iin`). Only after a card word: counting words alone are no card.
"""

from __future__ import annotations

import re

from stdnum import luhn

from gate.scanning.context import NOT_NUMERIC
from gate.scanning.detectors.base import HAS_WORDS, PatternDetector, PatternRule, Text, any_word
from gate.scanning.detectors.card import CARD_CUE, plausible_iin
from gate.scanning.detectors.phone_words import spelled_digits

# Between the card word and the first digit word: "number", "is", a colon ("card number is four ...").
_FILLER = re.compile(
    r"(?i)(?:[\W_]|(?:number|nummer|num[ée]ro|n[úu]mero|numer|no|nr|is|ist|est|es|è|é|de|la|du)(?!\w))*"
)
_TAIL_CHARS = 400
_MIN_DIGITS, _MAX_DIGITS = 13, 19
# A card word (the card detector's, as plain words for the one-pass cue search) and a digit word.
_CARD_WORD = any_word(
    (
        "card", "credit", "debit", "visa", "mastercard", "amex", "american express", "karte", "carte",
        "tarjeta", "cartão", "cartao", "kart", "kort", "kaart", "karta", "karty", "carta", "карта",
        "карты", "картка",
    )
)  # fmt: skip


def _spelled_card(match: re.Match[str], text: Text) -> bool:
    value = text.value
    filler = _FILLER.match(value, match.end())
    start = filler.end() if filler is not None else match.end()
    digits = spelled_digits(value[start : start + _TAIL_CHARS])
    return _MIN_DIGITS <= len(digits) <= _MAX_DIGITS and luhn.is_valid(digits) and plausible_iin(digits)


DETECTOR: PatternDetector = PatternDetector(
    entity="CREDIT_CARD",
    needs=HAS_WORDS,
    rules=(PatternRule("card.spelled", CARD_CUE, _spelled_card, when=_CARD_WORD, requires=HAS_WORDS),),
    unless=NOT_NUMERIC,
)
