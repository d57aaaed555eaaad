"""CUSTOMER_ID in free text: the number after a customer, member or loyalty-card word ("Kundennr.
4711-0815", "n° client FR-88231", "loyalty ID: LY-2024-887766", "klantnummer 100234556", "会員番号
12345678"), and a long number after a loyalty programme's own name ("PAYBACK Karte 3083 1234 5678 90",
"Flying Blue 2048 1375 96"). The words are data (`data/cues.toml` `[customer_id]`,
`[loyalty_programme]`); the value must hold four digits or more, so "customer number one" or "member
id card mockup" are no identifier. Under a key the same words say it of the value (`keyed.py`)."""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.context import NOT_NUMERIC
from gate.scanning.detectors.base import HAS_DIGIT, PatternDetector, PatternRule, Text, any_word

_CUES = lexicon.Cues("customer_id")
# The cue, a few separators or a copula, then an identifier: letters and digits in up to four groups.
_AFTER_CUE = (
    # ... a shop's name may stand between a card word and its number ("carte fidélité Carrefour n° ...")
    r"[^\w\n]{0,4}(?:[A-Z][\w&'\-]{1,20}[^\w\n]{1,3})?(?:(?i:is|ist|est|es|è|é|nr\.?|no\.?|n\.|n°|nº|#|número|numero|number|nummer|numer|номер|số)[^\w\n]{0,3})?"
    r"(?P<id>(?:[A-Za-z]{1,4}[\-/ ]?)?\d[\dA-Za-z]*(?:[\- /.][A-Za-z]*\d[\dA-Za-z]*){0,3}"
    r"(?:-[A-Z]{1,4})?)(?![\w\-])"
)
_CUED = _CUES.then(_AFTER_CUE)
# (text18) The cue as a key writes it, inside a string ("member_id=LC-0048812937": [customer_id_keys]).
_KEY_CUES = lexicon.Cues("customer_id_keys")
_KEY_CUED = _KEY_CUES.then(_AFTER_CUE)
_KEY_WORD = any_word(
    tuple(sorted({form for word in lexicon.words("customer_id_keys") for form in lexicon.readings(word)}))
)
_MIN_DIGITS = 4
# A loyalty programme's own name ([loyalty_programme]), at most three card, number or linking words, then
# a number of eight digits or more in groups: programmes' numbers are long, their names are brands that
# product copy names with short numbers ("Payback 10x points", "Avios 2025 edition").
_PROGRAMMES = lexicon.Cues("loyalty_programme")
_PROGRAMME_NUMBER = _PROGRAMMES.then(
    r"(?i:(?:[\s:#\-]+(?:card|karte|carte|tarjeta|carta|kaart|kort|karta|cartão|number|nummer|numéro|número|"
    r"numero|no\.?|nr\.?|n°|nº|service\w{0,16}|\w{0,12}nummer|member(?:ship)?|id|is|ist|est|es|è)){0,3})"
    r"[\s:#\-]+(?P<id>\d{2,6}(?:[ \-]?\d{2,6}){1,6})(?![\w\-])"
)
_PROGRAMME_WORD = any_word(
    tuple(sorted({form for word in lexicon.words("loyalty_programme") for form in lexicon.readings(word)}))
)
_PROGRAMME_DIGITS = 8
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


def _programme_number(match: re.Match[str], text: Text) -> bool:
    found = match.group("id")
    # Years in a row are a calendar's or a season's ("Flying Blue 2024 2025 calendar").
    years = all(_YEAR.fullmatch(group) for group in re.split(r"[ \-]", found))
    return sum(ch.isdigit() for ch in found) >= _PROGRAMME_DIGITS and not years


DETECTOR = PatternDetector(
    entity="CUSTOMER_ID",
    needs=HAS_DIGIT,
    rules=(
        PatternRule("customer_id.cued", _CUED, _identifier, when=_CUE_WORD),
        PatternRule("customer_id.cued", _KEY_CUED, _identifier, when=_KEY_WORD),
        PatternRule("customer_id.programme", _PROGRAMME_NUMBER, _programme_number, when=_PROGRAMME_WORD),
    ),
    unless=NOT_NUMERIC,
)
