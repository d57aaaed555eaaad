"""DATE_OF_BIRTH: a date next to a birth cue ("born on 12/03/1985", "DOB: 1985-03-12"), any date
under a birth key, and any non-empty value of a dob/birthday key."""

from __future__ import annotations

import re
from typing import Any

from gate.scanning.context import DOB
from gate.scanning.detectors.base import (
    HAS_BIRTH_WORD,
    HAS_DIGIT,
    KeyedRule,
    PatternDetector,
    PatternRule,
    keyset,
)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:1[89]|20)\d{2}"
_DATE = (
    rf"(?:\d{{1,2}}[./\-]\d{{1,2}}[./\-](?:{_YEAR}|\d{{2}})|{_YEAR}[./\-]\d{{1,2}}[./\-]\d{{1,2}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}|"
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR})"
)
_CUED_DATE = re.compile(
    rf"(?i)\b(?:born(?:\s+on)?|date\s+of\s+birth|d\.?o\.?b\.?|birth\s*date|birthday(?:\s+is)?)"
    rf"\s*[:\-]?\s*(?:{_DATE}|in\s+{_YEAR}\b)"
)
_ANY_DATE = re.compile(rf"(?i)(?<![\w./\-]){_DATE}(?![\w])")
DETECTOR = PatternDetector(
    entity="DATE_OF_BIRTH",
    # A date can be as short as "1.2.85", without a digit run or a space.
    needs=HAS_DIGIT,
    rules=(
        # Every cue the pattern knows holds one of `BIRTH_WORDS`.
        PatternRule("dob.cue", _CUED_DATE, requires=HAS_BIRTH_WORD),
        PatternRule("dob.birth_key", _ANY_DATE, context=DOB),
    ),
)


def _birth_value(value: Any) -> bool:
    if isinstance(value, str):
        return any(ch.isalnum() for ch in value)
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int | float):
        return value != 0
    return isinstance(value, dict | list) and len(value) > 0


KEYED_RULES = (
    KeyedRule(
        "DATE_OF_BIRTH",
        "dob.key",
        keyset(
            "dob date_of_birth birth_date birthdate birthday bday born birth_day d_o_b customer_dob "
            "user_dob customer_birthday user_birthday"
        ),
        _birth_value,
    ),
)
