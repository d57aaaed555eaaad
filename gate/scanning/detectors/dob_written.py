# ruff: noqa: RUF001, RUF002, RUF003 - dates of other scripts, on purpose
"""(text19) Dates of birth written out in more ways than detectors/dob.py reads, and an age reached on a
day of a month.

- In words after a birth cue, in the languages dob.py's own rule lacks (data/cues.toml
  [birth_year_words]: "datum narození: třetího března devatenáct set osmdesát čtyři", "doğum tarihi: üç
  mart bin dokuz yüz seksen dört", "تاريخ الميلاد: الثالث من مارس عام ألف وتسعمائة ..."), the year first
  too ("születési dátum: ezerkilencszáznyolcvannégy március harmadika", "생년월일: 천구백팔십사년 삼월
  삼일"), an ordinal's digits between ("DOB: March the 3rd nineteen eighty four").
- In Chinese numerals, or a Japanese era's year in kanji ("出生日期：一九八四年三月三日",
  "生年月日：昭和五十九年三月三日"); in the Ethiopian calendar after an Amharic cue ("የትውልድ ቀን: መጋቢት 5
  ቀን 1980 ዓ.ም.").
- An age reached on a day of a month, said of a person ("she's turning 40 on 3 March", "meine Mutter
  wird am 14. Juli 70", "маме исполнится 60 лет 1 сентября", "母は6月3日で70歳になります"): the year
  follows from the age. A shop's or a brand's anniversary has no person word before it.
"""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.detectors.base import HAS_DIGIT, HAS_WORDS, PatternRule, Text, any_word
from gate.scanning.detectors.said_of import PERSON_WORDS, WORD, cjk_person_before, person_before
from gate.scanning.normalise import as_written_and_read

_STOP = r"[^.!?;\n]"
_MONTHS = lexicon.pattern(lexicon.words("months", "birth_months_more"))
_YEARS = lexicon.pattern(lexicon.words("birth_year_words"))
# A month, then (ordinals' digits allowed between) a year in words; or the year first.
_IN_WORDS = lexicon.Cues("birth", "birth_first_person").then(
    rf"(?:{_STOP}{{0,48}}?{_MONTHS}(?:[^.!?;\n\d]|\d{{1,2}}(?:st|nd|rd|th)\b){{0,24}}?{_YEARS}"
    rf"|[^.!?;\n\d]{{0,16}}?{_YEARS}[^.!?;\n\d]{{0,48}}?{_MONTHS})"
)
_HAN_DIGIT = "[〇零○一二三四五六七八九]"
_HAN_NUMBER = "[一二三四五六七八九十]{1,3}"
_HAN_DATE = lexicon.Cues("birth", "birth_first_person").then(
    rf"{_STOP}{{0,8}}?(?:{_HAN_DIGIT}{{4}}|(?:明治|大正|昭和|平成|令和|民國|民国)\s?(?:{_HAN_NUMBER}|元))\s?年"
    rf"\s?{_HAN_NUMBER}\s?月\s?{_HAN_NUMBER}\s?[日号號]"
)
_ETHIOPIAN_MONTH = "(?:መስከረም|ጥቅምት|ኅዳር|ህዳር|ታኅሣሥ|ታህሳስ|ጥር|የካቲት|መጋቢት|ሚያዝያ|ግንቦት|ሰኔ|ሐምሌ|ሃምሌ|ነሐሴ|ጳጉሜ)"
_ETHIOPIAN_DATE = lexicon.Cues("birth_am").then(
    rf"{_STOP}{{0,8}}?{_ETHIOPIAN_MONTH}\s?\d{{1,2}}\s?(?:ቀን\s?)?(?:19|20)\d{{2}}"
)

_DAY = r"\d{1,2}(?:st|nd|rd|th|er|e|º|\.)?"
_DAY_MONTH = rf"(?:the\s+)?{_DAY}\s+(?:of\s+|de\s+)?{_MONTHS}|{_MONTHS}\s+(?:the\s+)?{_DAY}(?!\d)"
_AGE_WORDS = (
    r"(?:\s+"
    + lexicon.pattern(
        (
            "years old",
            "years",
            "year",
            "años",
            "anni",
            "ans",
            "jahre alt",
            "jahre",
            "jaar",
            "år",
            "vuotta",
            "lat",
            "let",
            "лет",
            "років",
            "anos",
        )
    )
    + ")?"
)
# "turning 40 on 3 March", "wird am 14. Juli 70", "cumple 18 el 9 de octubre", "kończy 40 lat 5 maja".
_TURNING = lexicon.Cues("turning_age").then(
    rf"(?i:\s+(?:\d{{1,3}}{_AGE_WORDS},?\s+(?:on\s+|el\s+|le\s+|il\s+|op\s+|den\s+|em\s+|no\s+dia\s+|am\s+|a\s+)?"
    # the day first where the age follows ("wird am 14. Juli 70"): every branch starts with a digit, so a
    # cue word with none after it fails at once
    rf"(?:{_DAY_MONTH})|{_DAY}\s+{_MONTHS}\s+\d{{1,3}}(?!\d)))"
)
# Turkish and Japanese put the day first: "12 Mayıs'ta 55 yaşına giriyor", "6月3日で70歳になります".
_DAY_FIRST = re.compile(
    rf"(?i){_DAY}\s+{_MONTHS}['’]?(?:t|d)[ae]\s+\d{{1,3}}\s+yaşına"
    r"|\d{1,2}\s?月\s?\d{1,2}\s?日\s?(?:で|に)\s?\d{1,3}\s?歳"
)
_WINDOW = 40
_KIN = re.compile(lexicon.pattern(lexicon.words("turning_persons")))


def _of_a_person(match: re.Match[str], text: Text) -> bool:
    """A person word before the age ("she's", "my dad", "meine Mutter", "маме", "母は"), in the sentence."""
    value, start = text.value, match.start()
    if person_before(value, start) or cjk_person_before(value, start):
        return True
    if _KIN.search(value, max(0, start - _WINDOW), start) is not None:
        return True
    before = WORD.findall(value[max(0, start - _WINDOW) : start].lower())
    return any(word.removesuffix("'s") in PERSON_WORDS for word in before)


# The year's words, the year mark of Han dates: rare in text, where the birth cues are not ("born",
# "geboren" stand in many prompts; the month's alternation after each was most of these rules' cost).
_YEAR_CUES = any_word(
    tuple(sorted({w.strip("*") for w in as_written_and_read(lexicon.words("birth_year_words"))}))
)
# A month's name: the turning cues ("wird", "will be", "faz") stand in many texts, a month in few.
_HAS_MONTH = any_word(
    tuple(sorted({w.lower() for w in as_written_and_read(lexicon.words("months", "birth_months_more"))}))
)
_BIRTH_AM = any_word(tuple(sorted(lexicon.words("birth_am"))))


def rules() -> tuple[PatternRule, ...]:
    """The rules of dates of birth written out, for dob.DETECTOR."""
    return (
        PatternRule("dob.in_words", _IN_WORDS, when=_YEAR_CUES, requires=HAS_WORDS),
        PatternRule("dob.in_words", _HAN_DATE, when=any_word(("年",))),
        PatternRule("dob.cue", _ETHIOPIAN_DATE, when=_BIRTH_AM, requires=HAS_DIGIT),
        PatternRule("dob.age_on_date", _TURNING, _of_a_person, when=_HAS_MONTH, requires=HAS_DIGIT),
        PatternRule(
            "dob.age_on_date",
            _DAY_FIRST,
            _of_a_person,
            when=any_word(("yaşına", "yaşina", "歳")),
            requires=HAS_DIGIT,
        ),
    )
