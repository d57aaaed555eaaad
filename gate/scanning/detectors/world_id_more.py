# ruff: noqa: RUF001 - Cyrillic cue words, on purpose
"""More personal numbers for `world_id`, read only after their cue word (the tenth attacker round):

- numbers python-stdnum has no module for, checked by their published rules: the Saudi national ID and
  iqama (10 digits, 1 or 2 first, Luhn by python-stdnum), the Iranian national code (کد ملی: a mod-11
  check digit), the Egyptian national ID (الرقم القومي: century digit, birth date, governorate code);
- numbers with no check at all, only in their own shape right after their own name: the Nigerian NIN
  and BVN, the Philippine PhilSys number, SSS number and TIN, the Vietnamese citizen id (CCCD, whose
  first digits are a province code and a century digit), the Russian SNILS (its grouping is unlike any
  other number's).

An EAN, an order number or a seed passes none of these without the cue right before it.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable

from stdnum import luhn

from gate.scanning.normalise import as_written_and_read, normalise

# Egypt's governorate codes (digits 8-9 of the national ID): 01-04 cities, 11-19 Lower Egypt, 21-35
# Upper Egypt and frontier governorates, 88 born abroad.
_EG_GOVERNORATES = frozenset({1, 2, 3, 4, *range(11, 20), *range(21, 36), 88})


def sa_id_valid(number: str) -> bool:
    """A Saudi national ID (1...) or iqama (2...): 10 digits, Luhn."""
    return len(number) == 10 and number.isdigit() and number[0] in "12" and luhn.is_valid(number)


def ir_code_valid(number: str) -> bool:
    """An Iranian national code: 10 digits, the last a mod-11 check of the first nine (not all one digit)."""
    if len(number) != 10 or not number.isdigit() or len(set(number)) == 1:
        return False
    total = sum(int(number[i]) * (10 - i) for i in range(9)) % 11
    return int(number[9]) == (total if total < 2 else 11 - total)


def eg_nid_valid(number: str) -> bool:
    """An Egyptian national ID: 14 digits, a century digit (2: 1900s, 3: 2000s), a real birth date and
    a governorate code."""
    if len(number) != 14 or not number.isdigit() or number[0] not in "23":
        return False
    year = (1900 if number[0] == "2" else 2000) + int(number[1:3])
    try:
        datetime.date(year, int(number[3:5]), int(number[5:7]))
    except ValueError:
        return False
    return int(number[7:9]) in _EG_GOVERNORATES


def ae_eid_valid(number: str) -> bool:
    """An Emirates ID: 15 digits, "784" first, Luhn (as the card prints it)."""
    return len(number) == 15 and number.isdigit() and number.startswith("784") and luhn.is_valid(number)


def kw_civil_valid(number: str) -> bool:
    """A Kuwaiti civil ID: 12 digits, a century digit (2: 1900s, 3: 2000s), a birth date, a mod-11 check."""
    if len(number) != 12 or not number.isdigit() or number[0] not in "23":
        return False
    try:
        datetime.date(1800 + 100 * int(number[0]) + int(number[1:3]), int(number[3:5]), int(number[5:7]))
    except ValueError:
        return False
    total = sum(
        int(digit) * weight
        for digit, weight in zip(number[:11], (2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2), strict=True)
    )
    return int(number[11]) == 11 - total % 11


def kz_iin_valid(number: str) -> bool:
    """A Kazakh IIN (ЖСН/ИИН): 12 digits, a birth date, a century-and-sex digit, a mod-11 check of two
    weight rounds (a first result of 10 is weighed again; a second 10 is no number)."""
    if len(number) != 12 or not number.isdigit() or number[6] not in "123456":
        return False
    try:
        datetime.date(
            1800 + 100 * ((int(number[6]) - 1) // 2) + int(number[:2]), int(number[2:4]), int(number[4:6])
        )
    except ValueError:
        return False
    digits = [int(digit) for digit in number]
    check = sum(digit * weight for digit, weight in zip(digits[:11], range(1, 12), strict=True)) % 11
    if check == 10:
        check = (
            sum(
                digit * weight
                for digit, weight in zip(digits[:11], (3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2), strict=True)
            )
            % 11
        )
    return check != 10 and check == digits[11]


def uy_ci_valid(number: str) -> bool:
    """A Uruguayan cédula de identidad: six or seven digits and a check digit (weights 2987634, mod 10)."""
    digits = [int(ch) for ch in number if ch.isdigit()]
    if not 7 <= len(digits) <= 8:
        return False
    body = [0] * (8 - len(digits)) + digits[:-1]
    total = sum(digit * weight for digit, weight in zip(body, (2, 9, 8, 7, 6, 3, 4), strict=True))
    return (10 - total % 10) % 10 == digits[-1]


_TW_LETTERS = {letter: code for code, letter in enumerate("ABCDEFGHJKLMNPQRSTUVXYWZIO", start=10)}


def tw_id_valid(number: str) -> bool:
    """A Taiwanese national ID: a capital (the place of first registration), 1 or 2 (sex), eight
    digits, the last a check of all."""
    if len(number) != 10 or number[0] not in _TW_LETTERS or number[1] not in "12" or not number[1:].isdigit():
        return False
    code = _TW_LETTERS[number[0]]
    digits = [code // 10, code % 10] + [int(digit) for digit in number[1:]]
    return sum(d * w for d, w in zip(digits, (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1), strict=True)) % 10 == 0


# Cue words of the numbers above (and of their neighbours in `world_id`), as `normalise` leaves text.
CUE_WORDS = tuple(
    unicodedata.normalize("NFKC", word)
    for word in (
        "الرقم القومي", "الهوية", "الإقامة", "الاقامة", "iqama", "کد ملی", "کدملی", "شماره ملی", "philsys",
        "identification number", "pengenalan", "căn cước", "cccd", "cmnd", "chứng minh", "snils", "снилс",
        "инн", "рнокпп", "іпн", "cnic", "شناختی", "kra pin", "t.c.", "bank verification", "rut ", "rut:",
        "bvn", "ජාතික", "தேசிய", "ciudadan", "c.i.", "cédula de identidad", "الرقم المدني", "البطاقة المدنية",
        "civil id",
    )
)  # fmt: skip
CUE = (
    r"الرقم\s+القومي|الهوية|الإقامة|الاقامة|iqama|کد\s*ملی|شماره\s+ملی|philsys|identification\s+number|"
    r"kad\s+pengenalan|căn\s+cước|chứng\s+minh|kra\s+pin|bank\s+verification|\bbvn\b|"
    r"ජාතික\s+හැඳුනුම්පත්|தேசிய\s+அடையாள|c[ée]dula\s+de\s+ciudadan[íi]a|الرقم\s+المدني|البطاقة\s+المدنية|"
    r"civil\s+id|(?-i:\bC\.\s?I\.)|c[ée]dula\s+de\s+identidad|"
    # "rut" in lower case is an English word ("in a rut"): a cue only right before its number (the end
    # of the text searched is the candidate's start when `world_id` looks behind one)
    r"\brut[\s:.#]{1,3}(?:$|(?=\d))|"
)
# Acronyms in capitals, also as `normalise` leaves them (Cyrillic capitals that look Latin read Latin:
# "ИНН" is "ИHH" there).
_ACRONYMS = (
    "NIN",
    "BVN",
    "PCN",
    "PSN",
    "SSS",
    "TIN",
    "CCCD",
    "CMND",
    "SNILS",
    "СНИЛС",
    "ИНН",
    "РНОКПП",
    "ІПН",
    "CNIC",
    "DNI",
    "RFC",
    "HKID",
    "NIC",
    "GHA",
    "ЖСН",
    "ИИН",
)
CUE_ACRONYMS = (*sorted(as_written_and_read(_ACRONYMS)), "T.C.")
CUE_CAPITALS = r"\b(?:" + "|".join(re.escape(word) for word in CUE_ACRONYMS[:-1]) + r")\b|\bT\.\s?C\.|"


def hkid_valid(number: str) -> bool:
    """A Hong Kong identity card number: one or two capitals, six digits, a mod-11 check (0-9 or A),
    the check often in brackets ("K382915(4)")."""
    compact = "".join(ch for ch in number if ch.isalnum())
    letters = compact[:-7]
    if not 1 <= len(letters) <= 2 or not letters.isalpha() or not compact[-7:-1].isdigit():
        return False
    values = [36] * (2 - len(letters)) + [ord(ch) - 55 for ch in letters] + [int(ch) for ch in compact[-7:-1]]
    check = (
        11 - sum(value * weight for value, weight in zip(values, range(9, 1, -1), strict=True)) % 11
    ) % 11
    return compact[-1] == ("A" if check == 10 else str(check))


def lk_nic_valid(number: str) -> bool:
    """A Sri Lankan NIC: the old 9 digits and V or X, or the new 12 digits, each with a birth year and a
    day of the year (500 added for women)."""
    if len(number) == 10 and number[:9].isdigit() and number[9] in "VX":
        day = int(number[2:5])
    elif len(number) == 12 and number.isdigit() and number[:2] in ("19", "20"):
        day = int(number[4:7])
    else:
        return False
    return 1 <= day % 500 <= 366


# Numbers written right after their own cue (a label's "No.", "number", a colon, a bracketed acronym or
# one or two short words between them: "NIN ta", "(NIN) mi ni", "CCCD của khách"), as one regex per kind,
# with the check of the kind where it has one: the shape alone where it has none.
_GAP = (
    r"[\s:#.()\-]{0,4}(?:(?:no|n[oº°]|number|num|nr|số|ay|ko)\.?[\s:#]{0,3}|\([A-Z]{2,4}\)[\s:]{0,3}){0,2}"
    r"(?:[^\W\d_]{1,5}[\s:]{1,2}){0,2}"
)
_PHILSYS = r"\d{4}[ \-]?\d{4}[ \-]?\d{4}[ \-]?\d{4}"
_VN_CUE = r"(?-i:\bCCCD\b|\bCMND\b)|căn\s+cước(?:\s+công\s+dân)?|chứng\s+minh\s+nhân\s+dân"
_SNILS_CUE = r"(?-i:\bSNILS\b|\bСНИЛС\b|\b" + normalise("СНИЛС") + r"\b)"
_HK_CUE = r"(?-i:\bHKID\b)|身份證|身份证|identity\s+card"
_LK_CUE = r"(?-i:\bNIC\b)|ජාතික\s+හැඳුනුම්පත්|தேசிய\s+அடையாள\s+அட்டை"
_UY_CUE = r"(?-i:\bC\.\s?I\.)|c[ée]dula(?:\s+de\s+identidad)?"
_CO_CUE = r"c[ée]dula\s+de\s+ciudadan[íi]a|(?-i:\bC\.C\.)"
_SHAPES: tuple[tuple[str, re.Pattern[str], Callable[[str], bool] | None], ...] = tuple(
    (
        kind,
        re.compile("(?:" + cue + ")" + _GAP + "(?P<number>" + shape + r")(?![\w\-])", re.IGNORECASE),
        check,
    )
    for kind, cue, shape, check in (
        ("ng_nin", r"(?-i:\bNIN\b)|identification\s+number", r"\d{11}", None),
        ("ng_bvn", r"(?-i:\bBVN\b)|\bbvn\b|bank\s+verification\s+number", r"22\d{9}", None),
        ("ph_philsys", r"philsys(?:\s+card)?(?:\s+number)?|(?-i:\bPCN\b|\bPSN\b)", _PHILSYS, None),
        ("ph_sss", r"(?-i:\bSSS\b)(?:\s+number)?", r"\d{2}-\d{7}-\d", None),
        ("ph_tin", r"(?-i:\bTIN\b)(?:\s+ng\s+\w+)?", r"\d{3}-\d{3}-\d{3}(?:-\d{3,5})?", None),
        ("vn_cccd", _VN_CUE, r"0[0-9]{2}[0-3][0-9]{8}", None),
        ("ru_snils", _SNILS_CUE, r"\d{3}-\d{3}-\d{3}[ \-]\d{2}", None),
        ("hk_hkid", _HK_CUE, r"(?-i:[A-Z]{1,2}\d{6}\s?(?:\([0-9A]\)|[0-9A]))", hkid_valid),
        ("lk_nic", _LK_CUE, r"\d{9}[VvXx]|(?:19|20)\d{10}", lambda number: lk_nic_valid(number.upper())),
        ("co_cc", _CO_CUE, r"\d{1,3}(?:\.\d{3}){2,3}|\d{6,10}", None),
        ("uy_ci", _UY_CUE, r"\d\.?\d{3}\.?\d{3}-?\d|\d{3}\.?\d{3}-?\d", uy_ci_valid),
        # Argentina's and Peru's DNI (no check digit; Spain's has its letter: `european_id`)
        ("dni", r"(?-i:\bDNI\b)", r"\d{1,2}\.\d{3}\.\d{3}|\d{7,8}", None),
    )
)
# A Ghana card's number carries its own cue: "GHA-", nine digits, a check digit.
GHANA_CARD = re.compile(r"(?<![\w\-])GHA-\d{9}-\d(?![\w\-])")


def cued_shape(value: str) -> str | None:
    """The kind of a number written right after its own cue in `value` (passing its check where it has
    one), or None."""
    for kind, pattern, check in _SHAPES:
        for match in pattern.finditer(value):
            if check is None or check(match.group("number")):
                return kind
    return "gh_card" if "GHA-" in value and GHANA_CARD.search(value) else None
