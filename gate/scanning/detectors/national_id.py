"""US_SSN (python-stdnum `us.ssn`) and UK_NINO.

A dashed SSN ("536-22-1234") counts anywhere; spaced or bare nine digits need an SSN key or cue.
python-stdnum 2.2 has no UK National Insurance module, so the NINO rules are HMRC's published ones:
two prefix letters (not D, F, I, Q, U, V; second not O; not the unallocated pairs), six digits, A-D.
"""

from __future__ import annotations

import re

from stdnum.us import ssn

from gate.scanning.context import NATIONAL_ID, NOT_NUMERIC, SSN
from gate.scanning.detectors.base import (
    HAS_DASH,
    HAS_DIGIT_RUN,
    HAS_UPPER,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
    cue_before,
)

# Each starts with "\d" and looks behind it (not a look-behind first): only a pattern whose first item is a
# character class lets the regex engine skip ahead to digits instead of trying every position of a prompt.
_SSN_DASHED = re.compile(r"\d(?<![\w\-]\d)\d{2}-\d{2}-\d{4}(?![\w\-])")
_SSN_LOOSE = re.compile(r"\d(?<![\w\-]\d)\d{2}([ \-]?)\d{2}\1\d{4}(?![\w\-])")
_SSN_CUE = re.compile(r"(?i)\b(?:ssn|social\s+security(?:\s+number)?|ss#)")
# A word every `_SSN_CUE` holds, in a text's `cue_view` (lower-cased, the long s and the dotless i
# folded): without one, and outside an SSN key, `_valid_loose_ssn` accepts nothing, so its regex is not
# run (it was the fourth costliest of the European corpus's pattern searches, on every string with a
# digit run).
_SSN_WORDS = ("ssn", "social", "ss#")

# Its first letter first and the look-behind after it (inside the group), so the engine skips ahead to
# a prefix letter: 61% fewer instructions a search than with the look-behind first.
_NINO = re.compile(
    r"(?P<prefix>[A-CEGHJ-PR-TW-Z](?<![A-Za-z0-9][A-CEGHJ-PR-TW-Z])[A-CEGHJ-NPR-TW-Z])"
    r" ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])"
)
_NINO_UNALLOCATED = frozenset(("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"))
_NINO_CUE = re.compile(r"(?i)\b(?:nino|ni\s+(?:number|no\.?)|national\s+insurance)")


def _valid_ssn(match: re.Match[str], text: Text) -> bool:
    return bool(ssn.is_valid(match.group().replace(" ", "")))


def _valid_loose_ssn(match: re.Match[str], text: Text) -> bool:
    # Under an SSN key or right after "SSN", nine digits are written as someone's SSN even when the SSA
    # never issued them ("987-65-4321", "219-09-9999": the numbers test data and samples use).
    if not (text.flags & SSN or cue_before(_SSN_CUE, text.value, match.start())):
        return False
    return _valid_ssn(match, text) or len(set(match.group().replace(" ", "").replace("-", ""))) > 1


def _valid_nino(match: re.Match[str], text: Text) -> bool:
    # HMRC never allocates "ZZ" (its examples' prefix) and a few others; after "NI number" or under a
    # national-id key one is still written as someone's number.
    if match.group("prefix") not in _NINO_UNALLOCATED:
        return True
    return bool(text.flags & (SSN | NATIONAL_ID)) or cue_before(_NINO_CUE, text.value, match.start())


US_SSN = PatternDetector(
    entity="US_SSN",
    needs=HAS_DIGIT_RUN,
    rules=(
        PatternRule("us_ssn.dashed", _SSN_DASHED, _valid_ssn, requires=HAS_DASH),
        # Under an SSN key, or after its cue (the same rule: both find what it found alone).
        PatternRule("us_ssn.context", _SSN_LOOSE, _valid_loose_ssn, context=SSN),
        PatternRule("us_ssn.context", _SSN_LOOSE, _valid_loose_ssn, when=any_word(_SSN_WORDS)),
    ),
    unless=NOT_NUMERIC,
)

UK_NINO = PatternDetector(
    entity="UK_NINO",
    needs=HAS_DIGIT_RUN,
    rules=(PatternRule("uk_nino", _NINO, _valid_nino),),
    requires=HAS_UPPER,
    unless=NOT_NUMERIC,
)
