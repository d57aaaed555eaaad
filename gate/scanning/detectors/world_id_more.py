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


# Cue words of the numbers above (and of their neighbours in `world_id`), as `normalise` leaves text.
CUE_WORDS = tuple(
    unicodedata.normalize("NFKC", word)
    for word in (
        "الرقم القومي", "الهوية", "الإقامة", "الاقامة", "iqama", "کد ملی", "کدملی", "شماره ملی", "philsys",
        "identification number", "pengenalan", "căn cước", "cccd", "cmnd", "chứng minh", "snils", "снилс",
        "инн", "рнокпп", "іпн", "cnic", "شناختی", "kra pin", "t.c.", "bank verification", "rut ", "rut:",
    )
)  # fmt: skip
CUE = (
    r"الرقم\s+القومي|الهوية|الإقامة|الاقامة|iqama|کد\s*ملی|شماره\s+ملی|philsys|identification\s+number|"
    r"kad\s+pengenalan|căn\s+cước|chứng\s+minh|kra\s+pin|bank\s+verification|"
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
)
CUE_ACRONYMS = (*sorted(as_written_and_read(_ACRONYMS)), "T.C.")
CUE_CAPITALS = r"\b(?:" + "|".join(re.escape(word) for word in CUE_ACRONYMS[:-1]) + r")\b|\bT\.\s?C\.|"

# Numbers without a check digit: the shape right after its own cue (a label's "No.", "number", a colon
# or a bracketed acronym between them), as one regex per kind.
_GAP = r"[\s:#.()\-]{0,4}(?:(?:no|n[oº°]|number|num|nr|số|ay|ko)\.?[\s:#]{0,3}|\([A-Z]{2,4}\)[\s:]{0,3}){0,2}"
_PHILSYS = r"\d{4}[ \-]?\d{4}[ \-]?\d{4}[ \-]?\d{4}"
_VN_CUE = r"(?-i:\bCCCD\b|\bCMND\b)|căn\s+cước(?:\s+công\s+dân)?|chứng\s+minh\s+nhân\s+dân"
_SNILS_CUE = r"(?-i:\bSNILS\b|\bСНИЛС\b|\b" + normalise("СНИЛС") + r"\b)"
_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile("(?:" + cue + ")" + _GAP + shape + r"(?![\w\-])", re.IGNORECASE))
    for kind, cue, shape in (
        ("ng_nin", r"(?-i:\bNIN\b)|identification\s+number", r"\d{11}"),
        ("ng_bvn", r"(?-i:\bBVN\b)|bank\s+verification\s+number", r"22\d{9}"),
        ("ph_philsys", r"philsys(?:\s+card)?(?:\s+number)?|(?-i:\bPCN\b|\bPSN\b)", _PHILSYS),
        ("ph_sss", r"(?-i:\bSSS\b)(?:\s+number)?", r"\d{2}-\d{7}-\d"),
        ("ph_tin", r"(?-i:\bTIN\b)(?:\s+ng\s+\w+)?", r"\d{3}-\d{3}-\d{3}(?:-\d{3,5})?"),
        ("vn_cccd", _VN_CUE, r"0[0-9]{2}[0-3][0-9]{8}"),
        ("ru_snils", _SNILS_CUE, r"\d{3}-\d{3}-\d{3}[ \-]\d{2}"),
    )
)


def cued_shape(value: str) -> str | None:
    """The kind of a number without a check digit written right after its own cue in `value`, or None."""
    for kind, pattern in _SHAPES:
        if pattern.search(value) is not None:
            return kind
    return None
