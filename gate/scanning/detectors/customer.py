"""CUSTOMER_ID in free text: the number after a customer, member or loyalty-card word ("Kundennr.
4711-0815", "n° client FR-88231", "loyalty ID: LY-2024-887766", "klantnummer 100234556", "会員番号
12345678"). The words are data (`data/cues.toml` `[customer_id]`); the value must hold four digits or
more, so "customer number one" or "member id card mockup" are no identifier. Under a key the same words
say it of the value (`keyed.py`)."""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.context import NOT_NUMERIC
from gate.scanning.detectors.base import HAS_DIGIT, PatternDetector, PatternRule, Text, any_word

_CUES = lexicon.Cues("customer_id")
# The cue, a few separators or a copula, then an identifier: letters and digits in up to four groups.
_CUED = _CUES.then(
    r"[^\w\n]{0,4}(?:(?i:is|ist|est|es|è|é|nr\.?|no\.?|n\.|n°|nº|#|número|numero|number|nummer|numer|номер|số)[^\w\n]{0,3})?"
    r"(?P<id>(?:[A-Za-z]{1,4}[\-/ ]?)?\d[\dA-Za-z]*(?:[\- /.][A-Za-z]*\d[\dA-Za-z]*){0,3}"
    r"(?:-[A-Z]{1,4})?)(?![\w\-])"
)
_MIN_DIGITS = 4
# Every reading of every cue word (accents kept and folded, look-alike letters, CJK as written): one
# bit of the cue-word pass, so the pattern runs only on text that holds one.
_CUE_WORD = any_word(
    tuple(sorted({form for word in lexicon.words("customer_id") for form in lexicon.readings(word)}))
)


_YEAR = re.compile(r"(?:19|20)\d\d")


def _identifier(match: re.Match[str], text: Text) -> bool:
    found = match.group("id")
    # A year alone is a card's edition or a campaign's ("clubcard 2025 design").
    return sum(ch.isdigit() for ch in found) >= _MIN_DIGITS and _YEAR.fullmatch(found) is None


DETECTOR = PatternDetector(
    entity="CUSTOMER_ID",
    needs=HAS_DIGIT,
    rules=(PatternRule("customer_id.cued", _CUED, _identifier, when=_CUE_WORD),),
    unless=NOT_NUMERIC,
)
