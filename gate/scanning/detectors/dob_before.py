"""(text21) A date of birth written before its birth word, as languages that put the verb last write it:
Basque "1978ko maiatzaren 9an jaio nintzen", Turkish "9 Nisan 1978'de doğdum", Hungarian "1978. május
9-én születtem", Korean "1978년 5월 9일에 태어났어요", German "ich bin am 9. Mai 1978 in Bremen geboren",
Hindi "9 मई 1978 को पैदा हुई". The cues read after a date (`data/cues.toml` [birth_after_date]) let the
rule run only on text that holds one of them.

A date here is a year (1900 to 2099) and a day or a month number within a few words, in any order, with
a month's name or a case ending between them, and at most a place's name or a postposition ("tarihinde",
"in Bremen") between it and the birth word. A year alone ("born 1978" is `dob.py`'s) is no date.
"""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.detectors.base import HAS_DIGIT, PatternRule, any_word

_WORDS = lexicon.words("birth_after_date")
_VERB = lexicon.pattern(_WORDS)
# Two or three numbers, one of them a year, separated by at most 16 characters that are no digit and no
# sentence's end each (a month's name and case endings: "ko maiatzaren ", ". május ", "년 "), then at most
# 24 such characters (a postposition, "in Bremen") before the birth word.
_BETWEEN = r"[^\d\n!?;:,]{0,16}?"
_DATE_THEN_BORN = re.compile(
    rf"(?<!\d)(?P<date>\d{{1,4}}(?:{_BETWEEN}\d{{1,4}}){{1,2}})(?!\d)[^\d\n!?;:]{{0,24}}?(?:{_VERB})"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_NUMBER = re.compile(r"\d+")
# A month's name at the start of a word, in any case ending ("maiatzaren", "9-én" after "május"); German
# and Dutch months are not in [months], whose words are those the other rules did not know.
_MONTH = re.compile(
    r"(?i)(?<!\w)(?:"
    + lexicon.pattern(
        sorted({f"{word}*" for word in lexicon.words("months", "months_case_forms")}, key=len, reverse=True)
    )
    + r"|jan(?:uar|uari|ner)|feb(?:ruar|ruari)|märz|maart|mai|mei|juni|juli|august(?:us)?|september|"
    r"o[ck]tober|november|de[cz]ember)"
)
_DAY_MONTH_YEAR = 3


def _a_date(match: re.Match[str], text: object) -> bool:
    # One year and a day: with a month's number ("1978년 5월 9일", "09.05.1978") or a month's name
    # ("9 Nisan 1978"); numbers of another kind ("11 oz 2024") make it no date.
    date = match.group("date")
    numbers = _NUMBER.findall(date)
    years = [number for number in numbers if _YEAR.fullmatch(number)]
    small = [number for number in numbers if len(number) <= 2 and 1 <= int(number) <= 31]
    if len(years) != 1 or not small or len(numbers) != len(years) + len(small):
        return False
    return len(numbers) == _DAY_MONTH_YEAR or _MONTH.search(date) is not None


def rules() -> tuple[PatternRule, ...]:
    """The rule of this module, for `dob.py`'s detector."""
    return (
        PatternRule(
            "dob.date_before_birth_word",
            _DATE_THEN_BORN,
            _a_date,
            when=any_word(tuple(sorted({word.lower() for word in _WORDS}))),
            requires=HAS_DIGIT,
        ),
    )
