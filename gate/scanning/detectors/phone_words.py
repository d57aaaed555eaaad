"""PHONE_NUMBER spelled out in words, or in words and digits, after a phone cue or under a phone key:
"call me on zero seven nine one one, one two three four five six", "tel: oh-seven-nine ...", "Telefon:
null eins fünf eins ...", "téléphone : zéro six douze trente-quatre ...", "teléfono: seis uno dos ...",
"07911 one two three four five six", "double seven", "plus four four ...".

The words are read as digits (French and Spanish tens as two: "trente-quatre" 34, "soixante-dix-huit"
78, "treinta y cuatro" 34), and the digits must make a number `phonenumbers` finds valid in one of the
regions the phone detector tries after a cue. Without a cue, words that count are no phone number ("one
two three four five six seven eight nine ten" on a counting poster), so none is read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from gate.scanning import lexicon
from gate.scanning.context import PHONE
from gate.scanning.detectors import phone
from gate.scanning.detectors.base import (
    HAS_NON_ASCII,
    HAS_WORDS,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)

# The digit words of the languages whose phone cues the scanner reads, as `normalise` leaves them
# (accents kept: "fünf", "zéro"; both spellings where people drop them).
_UNITS: dict[str, int] = {}
for _digit, _words in enumerate(
    (
        "zero oh o nought nil null nul nulle zéro cero zero sifir ноль нуль noll",
        "one eins un une uno una um uma een één jeden jedna bir один одна ett en",
        "two zwei zwo deux dos due dois duas twee dwa iki два två to",
        "three drei trois tres tre três drie trzy üç uc три",
        "four vier quatre cuatro quattro quatro cztery dört dort четыре fyra fire",
        "five fünf funf fuenf cinq cinco cinque vijf pięć piec beş bes пять fem",
        "six sechs seis sei meia zes sześć szesc alti шесть sex seks",
        "seven sieben sept siete sette sete zeven siedem yedi семь sju syv",
        "eight acht huit ocho otto oito osiem sekiz восемь åtta atta åtte otte",
        "nine neun neuf nueve nove negen dziewięć dziewiec dokuz девять nio ni",
    )
):
    for _word in _words.split():
        # As written and as it reads in normalised text ("восемь" may read "вoceмь").
        for _form in lexicon.readings(_word) | {_word}:
            _UNITS.setdefault(_form, _digit)
# (text11) Indonesian and Malay, Swahili, Tagalog, Czech and Slovak, Hungarian, Romanian, Finnish,
# Vietnamese, Greek, Ukrainian, Bulgarian and Serbian, Hebrew, Arabic, Persian, Hindi.
for _digit, _words in enumerate(
    (
        "nol kosong sifuri sero nula nulla không μηδέν μηδεν нула אפס صفر صفر शून्य",
        "satu moja isa jeden unu yksi một ένα ενα един једен אחת אחד واحد یک एक",
        "dua mbili dalawa dva kettő ketto két doi kaksi hai "
        "δύο δυο дві две два שתיים שניים اثنان اثنين دو दो",
        "tiga tatu tatlo tři tri három harom trei kolme ba τρία τρια три שלוש ثلاثة سه तीन",
        "empat nne apat čtyři ctyri štyri négy negy patru neljä "
        "nelja bốn τέσσερα чотири четири ארבע أربعة اربعة چهار चार",
        "lima tano pět pet päť öt cinci viisi năm πέντε πεντε п'ять пет חמש خمسة پنج पांच पाँच",
        "enam sita anim šest sest šesť hat șase sase kuusi sáu έξι εξι шість шест שש ستة شش छह छः",
        "tujuh saba pito sedm sedem hét het șapte sapte seitsemän "
        "seitseman bảy επτά εφτά сім седем שבע سبعة هفت सात",
        "delapan lapan nane walo osm osem nyolc opt kahdeksan tám οκτώ οχτώ вісім осем שמונה ثمانية هشت आठ",
        "sembilan tisa siyam devět devet deväť kilenc nouă noua "
        "yhdeksän chín εννέα εννιά дев'ять девет תשע تسعة نه नौ",
    )
):
    for _word in _words.split():
        # As written and as it reads in normalised text ("восемь" may read "вoceмь").
        for _form in lexicon.readings(_word) | {_word}:
            _UNITS.setdefault(_form, _digit)
# Digit words of scripts written without spaces between them (Thai, and Japanese in katakana as numbers
# are read aloud: "ゼロキューゼロ"), as `normalise` leaves them (its katakana long mark is "-": "キュ-").
_UNSPACED_UNITS: dict[str, int] = {
    word: digit
    for digit, words in enumerate(
        (
            "ศูนย์ ゼロ レイ マル", "หนึ่ง イチ", "สอง ニ- ニ", "สาม サン", "สี่ ヨン",
            "ห้า ゴ- ゴ", "หก ロク", "เจ็ด ナナ シチ", "แปด ハチ", "เก้า キュ- キュウ ク",
        )
    )
    for word in words.split()
}  # fmt: skip
_UNITS.update(_UNSPACED_UNITS)
_HAS_UNSPACED_UNITS = re.compile("|".join(map(re.escape, sorted(_UNSPACED_UNITS, key=len, reverse=True))))
# Tens and teens, read as two digits (French and Spanish say phone numbers in pairs).
_TENS: dict[str, int] = {
    "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciséis": 16,
    "dieciseis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
}  # fmt: skip
# Numerals written as characters, one a digit, in a run ("一三八 一二三四", Sino-Korean "공일공 일이삼사";
# "幺" is how Chinese says 1 in numbers, the financial "壹贰叁" too): a run of them is a group of digits.
_CHAR_DIGITS: dict[str, int] = {
    char: digit
    for digit, chars in enumerate(
        (
            "\u3007零洞공영", "一幺壹일", "二两贰貳이", "三叁參삼", "四肆사",
            "五伍오", "六陆陸육륙", "七柒칠", "八捌팔", "九玖구",
        )
    )
    for char in chars
}  # fmt: skip
_CHARS = "".join(_CHAR_DIGITS)
_LOWEST_CHAR_DIGIT = min(_CHARS)
_HAS_CHAR_DIGITS = re.compile(f"[{_CHARS}]{{3}}")
_PLUS = ("+", "plus")
_QUATRE = "quatre"
_TENS.update({form: value for word, value in list(_TENS.items()) for form in lexicon.readings(word)})
_REPEAT = {"double": 2, "triple": 3, "doppel": 2, "doppio": 2, "doble": 2}
_JOINERS = frozenset(("y", "et"))
_PAIRED_TENS = (60, 80)  # soixante-dix, quatre-vingt-dix
_TWENTY = 20
# Words in the filler between the cue and the number ("me on", "number is", "ist", ":").
_MAX_FILLER = 4
_MIN_DIGITS, _MAX_DIGITS = 8, 15
# Counting, not a number ("one two three four five six seven eight nine ten").
_COUNTS = ("0123456", "1234567", "9876543")
# Numerals written as characters are tokens of their own ("は三", and U+3007 is read "O" by `normalise`).
_TOKENS = re.compile(rf"\+|\d+|[{_CHARS}]+|(?:{_HAS_UNSPACED_UNITS.pattern})|[^\W\d_{_CHARS}]+")

_CUES = lexicon.Cues("phone", "phone_spelled")
# A cue is a whole word ("phone", not "phoney"), except in scripts written without spaces ("電話〇九〇...").
_CUE = _CUES.then(r"(?:(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])|(?![^\W\d_]))")
# A spelled number of eight digits or more has a digit word of four letters or more in all but rare
# cases ("one two six ..."): the shorter ones ("one", "two", "tre", "dos") are inside too many words.
_MIN_PREFILTER_CHARS = 4
_SPELLED = any_word(tuple(sorted(word for word in _UNITS if len(word) >= _MIN_PREFILTER_CHARS)))
_PHONE_WORD = any_word(_CUES.ascii_readings)


def _may_be_spelled(text: Text) -> bool:
    """A digit word and a phone cue (one pass over the text answers both; cue words of other scripts
    have no ASCII reading, so text that is not ASCII is left to the cue pattern)."""
    return _SPELLED(text) and (_PHONE_WORD(text) or not text.value.isascii())


def _may_hold_char_digits(text: Text) -> bool:
    # Every such numeral is at U+0E00 (Thai) or above: most non-ASCII text (accents) is done with one max().
    value = text.value
    highest = max(value)
    if highest >= _LOWEST_CHAR_DIGIT and _HAS_CHAR_DIGITS.search(value) is not None:
        return True
    return highest >= _THAI and _HAS_UNSPACED_UNITS.search(value) is not None


_THAI = "\u0e00"


def _read(tokens: list[str]) -> tuple[str, int]:
    """The digits the leading number words and digit groups of `tokens` say, and how many words."""
    digits: list[str] = []
    words = repeat = 0
    index = 0
    while index < len(tokens):
        token = tokens[index].lower()
        if token.isdigit():
            digits.append(token * max(repeat, 1))
        elif _char_digits(token):
            digits.append("".join(str(_CHAR_DIGITS[char]) for char in token))
            words += 1
        elif token in _REPEAT:
            repeat = _REPEAT[token]
            index += 1
            continue
        elif token in _TENS:
            value = _TENS[token]
            index, value = _tens(tokens, index, value)
            digits.append(f"{value:02d}")
            words += 1
        elif token in _UNITS and not (token == _QUATRE and _next(tokens, index) in ("vingt", "vingts")):
            digits.append(str(_UNITS[token]) * max(repeat, 1))
            words += 1
        elif token == _QUATRE:  # quatre-vingt(s): 80, and what follows it
            index, value = _tens(tokens, index + 1, 80)
            digits.append(f"{value:02d}")
            words += 1
        elif token in _PLUS and not digits:
            digits.append("+")
        else:
            break
        repeat = 0
        index += 1
    return "".join(digits), words


def spelled_digits(text: str) -> str:
    """The digits that the number words and digit groups at the start of `text` say ("four five three
    nine, one four ..." -> "4539 14..." without spaces; "" when it starts with none), as a phone
    number is read: the same words, tens and repeats ("double seven")."""
    tokens = [part for part in _TOKENS.findall(text) if part != "-"]
    return _read(tokens)[0].lstrip("+")


def _char_digits(token: str) -> bool:
    return all(char in _CHAR_DIGITS for char in token)


def _next(tokens: list[str], index: int) -> str:
    return tokens[index + 1].lower() if index + 1 < len(tokens) else ""


def _tens(tokens: list[str], index: int, value: int) -> tuple[int, int]:
    """A tens word at `index` (already read as `value`) and the teen or unit after it ("trente-quatre",
    "soixante-dix-huit", "quatre-vingt-douze", "treinta y cuatro"): the index of the last token read,
    and the number."""
    following = _next(tokens, index)
    if following in _JOINERS:
        index += 1
        following = _next(tokens, index)
    if value in _PAIRED_TENS and following in _TENS and _TENS[following] < _TWENTY:
        index += 1
        value += _TENS[following]
        following = _next(tokens, index)  # "soixante-dix-huit": 60 + 10 + 8
    if value % 10 == 0 and following in _UNITS and _UNITS[following] > 0:
        return index + 1, value + _UNITS[following]
    return index, value


def _spelled_number(match: re.Match[str], text: Text) -> bool:
    tail = text.value[match.end() : match.end() + 240]
    return _number_in(_TOKENS.findall(tail))


def _number_in(tokens: list[str]) -> bool:
    """Whether a number word or digit group among the first few `tokens` starts a valid phone number."""
    tokens = [part for part in tokens if part != "-"]
    for start in range(min(_MAX_FILLER + 1, len(tokens))):
        first = tokens[start].lower()
        if not (
            first in _UNITS or first in _TENS or first in _REPEAT or first.isdigit() or first in _PLUS
        ) and (not _char_digits(first)):
            continue
        digits, words = _read(tokens[start:])
        number = digits.lstrip("+")
        if not words or not _MIN_DIGITS <= len(number) <= _MAX_DIGITS or number.startswith(_COUNTS):
            return False
        return phone.valid_after_cue("+" + number if digits.startswith("+") else number)
    return False


def _keyed(match: re.Match[str], text: Text) -> bool:
    return _number_in(_TOKENS.findall(text.value))


_WHOLE = re.compile(r"(?s).+")

SPELLED_RULES = (
    PatternRule("phone.spelled", _CUE, _spelled_number, when=_may_be_spelled, requires=HAS_WORDS),
    PatternRule("phone.spelled", _WHOLE, _keyed, when=_SPELLED, requires=HAS_WORDS, context=PHONE),
    # Numerals written as characters, in text that needs no space between words (Chinese, Japanese).
    PatternRule("phone.spelled", _CUE, _spelled_number, when=_may_hold_char_digits, requires=HAS_NON_ASCII),
    PatternRule(
        "phone.spelled", _WHOLE, _keyed, when=_may_hold_char_digits, requires=HAS_NON_ASCII, context=PHONE
    ),
)


def with_spelled(digits: PatternDetector) -> PatternDetector:
    """The phone detector `digits` with the rules for spelled numbers: it also runs on free text with no
    digit, where only these rules apply (every digit rule requires a digit fact)."""
    return replace(digits, needs=digits.needs | HAS_WORDS | HAS_NON_ASCII, rules=digits.rules + SPELLED_RULES)
