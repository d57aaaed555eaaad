"""NATIONAL_ID: personal identification numbers of European states, validated by python-stdnum.

Every candidate must pass its country's checksum and date rules in python-stdnum, so a random run of
digits fails nearly always. How nearly decides where a number counts:

- strong formats fire anywhere: their structure and check digits leave about one random number in a
  thousand or fewer valid (French NIR, Swiss AHV "756...", Belgian national number, Norwegian
  fødselsnummer, Italian codice fiscale, Spanish DNI/NIE, Finnish HETU, Romanian CNP, and Swedish
  personnummer and Czech rodné číslo when written with their "-" or "/"), except right after a
  reference word with no cue ("EAN 3700123456789" passes the CNP's checks one time in 500);
- weak formats (one check digit, or only a date: German IdNr, Dutch BSN, Polish PESEL, Portuguese NIF,
  Danish CPR, Turkish TCKN, Croatian OIB, Estonian isikukood, Greek AMKA, Lithuanian asmens kodas, Irish
  PPS, the compact Swedish and Czech forms) fire only under a national-id key (`context.NATIONAL_ID`,
  `context.SSN`) or after a cue word ("Steuer-ID", "BSN", "PESEL", "codice fiscale", ...) in any of
  the languages.

The country goes into the finding's detector name (`national_id.de_idnr`), which is the finding's
`detail`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from types import ModuleType
from typing import Any

from stdnum import exceptions
from stdnum.be import nn
from stdnum.ch import ssn as ch_ssn
from stdnum.cz import rc
from stdnum.de import idnr
from stdnum.dk import cpr
from stdnum.ee import ik
from stdnum.es import dni, nie
from stdnum.fi import hetu
from stdnum.fr import nir
from stdnum.gr import amka
from stdnum.hr import oib
from stdnum.ie import pps
from stdnum.it import codicefiscale
from stdnum.lt import asmens
from stdnum.nl import bsn
from stdnum.no import fodselsnummer
from stdnum.pl import pesel
from stdnum.pt import nif as pt_nif
from stdnum.ro import cnp
from stdnum.se import personnummer
from stdnum.tr import tckimlik

from gate.scanning.context import NATIONAL_ID, NOT_NUMERIC, SSN
from gate.scanning.detectors import company_number, phone_shapes
from gate.scanning.detectors.base import HAS_CODE_START, HAS_DIGIT, HAS_DIGIT_RUN, Text
from gate.scanning.tries import trie_pattern

# Digits, optionally grouped by one separator (" 56 820 341 765", "756.2140.3579.85", "715915/7038"),
# optionally ending in a letter (DNI "96763552E"). The look-behind keeps phone numbers ("+49...") and
# parts of longer tokens out.
_DIGITS = re.compile(r"\d(?<![\w+.\-/]\d)(?:[ ./\-]?\d){7,14}(?:[ \-]?[A-Z])?(?![\w\-/])")
# Letters and digits. Each pattern starts with one character class (the look-behind moved after it), so
# the regex engine skips to where a match can start. The codice fiscale holds "two capitals, two digits"
# (`HAS_CODE_START`); NIE ("X2482300W"), HETU ("131052-308T") and PPS ("1234567T") hold a digit run.
_CODICE_FISCALE = re.compile(
    r"[A-Z](?<![\w\-][A-Z])[A-Z]{5}[0-9LMNPQRSTUV]{2}[A-EHLMPR-T][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}"
    r"[A-Z](?![\w\-])"
)
_LETTERED = re.compile(
    r"[XYZ0-9](?<![\w\-][XYZ0-9])(?:(?<=[XYZ])[ \-]?\d{7}[ \-]?[A-Z]|(?<=\d)\d{5}[+\-A-FU-Y]\d{3}[0-9A-Y]|"
    r"(?<=\d)\d{6}[A-W][A-IW]?)(?![\w\-])"
)
_CUE = re.compile(
    r"(?i)(?:\b(?:dni|nie|nif|nir|cpr|oib|cnp|bsn|ppsn?|cf|amka|tckn|pesel|hetu|avs|ahv|idnr|svnr|insee)\b|"
    r"steuer|ausweis|identifikationsnummer|sozialversicherung|s[ée]curit[ée]\s+sociale|codice\s+fiscale|"
    r"burgerservice|rijksregister|personnummer|f[øo]dselsnummer|cpr-nummer|henkil[öo]tunnus|isikukood|"
    r"kimlik|rodn[ée]\s+[čc][íi]slo|contribuinte|cart[ãa]o\s+de\s+cidad[ãa]o|documento|identidad|"
    r"adóazonosító|ΑΜΚΑ|national\s+id|id\s+(?:number|no)|personal\s+(?:number|code)|tax\s+id|"  # noqa: RUF001
    r"cod\.\s?fisc|c\.\s?f\.)"  # (numbers19) the codice fiscale's abbreviations
)

# A part of every match of `_CUE` in ASCII text, lower case: a window of ASCII text without one holds
# no cue. `_CUE` is case-insensitive, so the regex engine tries every branch at every position of the
# window; this literal-led search skips ahead to where a word can start and costs a tenth of that.
_CUE_PARTS = re.compile(
    trie_pattern(
        (
            "dni", "nie", "nif", "nir", "cpr", "oib", "cnp", "bsn", "pps", "cf", "amka", "tckn", "pesel",
            "hetu", "avs", "ahv", "id", "svnr", "insee", "steuer", "ausweis", "sozialversicherung",
            "sociale", "codice", "burgerservice", "rijksregister", "personnummer", "dselsnummer", "tunnus",
            "isikukood", "kimlik", "rodn", "contribuinte", "cart", "documento", "national", "personal",
            "tax", "fisc", "c.f.", "c. f.",
        )
    )
)  # fmt: skip


def cued_between(value: str, start: int, end: int) -> bool:
    """Whether `_CUE` occurs in `value[start:end]`. ASCII text is searched only where a part of a cue
    occurs (`_CUE_PARTS`); other text as it is, since a case-insensitive match also reaches letters
    whose lower case is no ASCII letter (dotless i matches "i", the long s matches "s")."""
    window = value[start:end]
    if window.isascii() and _CUE_PARTS.search(window.lower()) is None:
        return False
    return _CUE.search(value, start, end) is not None


_CUE_WINDOW = 40  # characters before a candidate

# (numbers19) A letter typed in lower case beside a digit: "mi dni es 95827542c", "cod. fisc.
# ttlsnz91e21b427g", "pan card no. bnzpm7778k". The checks read capitals.
# A token of an identity number's length (8-24 characters) with such a letter ("4k", "v2", "h264" are none).
# After a whitespace character (the token at the text's start is matched apart): led by "\s", the regex
# engine skips ahead to whitespace, where a look-behind first ("(?<!\S)") had it stop at every
# character of every text with a digit run (`_lower_tokens`).
_LOWER_FORM = r"(?=(?P<token>\S{8,24})(?!\S))\S*?(?:[a-z]\d|\d[a-z])"
_LOWER_TOKEN = re.compile(r"\s" + _LOWER_FORM)
_LOWER_TOKEN_AT_START = re.compile(_LOWER_FORM)
_MAX_LOWER_TRIED = 3
_HEX_TOKEN = re.compile(r"[0-9a-f]{10,}[,.;:)]?")


def _lower_tokens(value: str) -> Iterator[re.Match[str]]:
    """The tokens with a letter in lower case beside a digit, in order (their `token` group): the one at
    the text's start, then those after whitespace, as `_LOWER_FORM` led by a look-behind for no
    non-space character finds them."""
    first = _LOWER_TOKEN_AT_START.match(value)
    if first is not None:
        yield first
    # (A match ends at a letter or digit of its token, so the whitespace before the next is after it.)
    yield from _LOWER_TOKEN.finditer(value, 0 if first is None else first.end())


def in_capitals(text: Text, cued: Callable[[str, int, int], bool]) -> Text | None:
    """`text` in capitals when it holds a letter in lower case beside a digit with a cue of the caller
    (`cued(value, start, end)`) in the window before it, else None: an identity number typed in lower
    case after its name is that number; without its name a lower-case code ("a1b2c3d4e", a hash) is left
    as it was read. Only text with a space (a name and a number), and its first few such places."""
    value = text.value
    if " " not in value:
        return None
    tried = 0
    for found in _lower_tokens(value):
        start = found.start("token")
        token = found.group("token")
        if _HEX_TOKEN.fullmatch(token) is not None or sum(map(str.isdigit, token)) < 4:
            continue  # a hash's part (lora and model hashes), or too few digits for an id
        if cued(value, max(0, start - _CUE_WINDOW), start):
            capitals = value.upper()
            return Text(capitals, text.flags) if len(capitals) == len(value) else None
        tried += 1
        if tried >= _MAX_LOWER_TRIED:
            return None
    return None
    return None


# (detail, module, strong): tried in order; the first module that accepts the candidate names it.
_Check = tuple[str, ModuleType, bool]
_BY_LENGTH: dict[int, tuple[_Check, ...]] = {
    9: (("es_dni", dni, True), ("nl_bsn", bsn, False), ("pt_nif", pt_nif, False)),
    10: (("se_personnummer", personnummer, False), ("cz_rc", rc, False), ("dk_cpr", cpr, False)),
    11: (
        ("no_fodselsnummer", fodselsnummer, True),
        ("be_nn", nn, True),
        ("pl_pesel", pesel, False),
        ("tr_tckimlik", tckimlik, False),
        ("de_idnr", idnr, False),
        ("ee_ik", ik, False),
        ("lt_asmens", asmens, False),
        ("gr_amka", amka, False),
        ("hr_oib", oib, False),
    ),
    12: (("se_personnummer", personnummer, False),),
    13: (("ch_ssn", ch_ssn, True), ("ro_cnp", cnp, True)),
    15: (("fr_nir", nir, True),),
    16: (("it_codicefiscale", codicefiscale, True),),
}
_ALNUM_CHECKS: tuple[_Check, ...] = (
    ("it_codicefiscale", codicefiscale, True),
    ("es_nie", nie, True),
    ("fi_hetu", hetu, True),
    ("ie_pps", pps, False),
)
# Written in its own shape, a Swedish or Czech number is strong: the birth date in one run, then the
# separator, then the serial ("850709-9805", "19850709-9805", "850709/1234"); not a dated product code
# ("2026-12-05-0001").
_STRONG_WHEN_SEPARATED = {
    "se_personnummer": re.compile(r"(?:\d{6}|\d{8}) ?[-+] ?\d{4}"),
    "cz_rc": re.compile(r"\d{6} ?/ ?\d{3,4}"),
}
# (ids25) Numbers whose series holds companies' numbers too (`company_number`).
_SHARED_SERIES = frozenset(("hr_oib",))
# Spain groups the DNI's digits with dots ("12.345.678-Z"), which python-stdnum does not read.
_DOTTED = frozenset(("es_dni",))


def _month(compact: str, at: int, offsets: tuple[int, ...] = (0,)) -> bool:
    digits = compact[at : at + 2]
    return digits.isdigit() and any(1 <= int(digits) - offset <= 12 for offset in offsets)


# Cheap shape tests before python-stdnum, for the formats tried on every candidate (the strong ones):
# most digit runs fail them, and a stdnum call costs about ten times as much.
_SHAPES: dict[str, Callable[[str], bool]] = {
    "es_dni": lambda c: c[-1].isalpha(),
    "no_fodselsnummer": lambda c: _month(c, 2, (0, 40, 80)),
    "be_nn": lambda c: _month(c, 2, (0, 20, 40)) or c[2:4] in ("00", "20", "40"),
    "ch_ssn": lambda c: c.startswith("756"),
    "ro_cnp": lambda c: c[0] != "0" and _month(c, 3),
    "fr_nir": lambda c: c[0] in "12378" and (_month(c, 3) or int(c[3:5] or 0) >= 20),
    "it_codicefiscale": lambda c: c[:6].isalpha(),
}


def stdnum_valid(module: Any, candidate: str) -> bool:
    """True if python-stdnum's `module` (or any object with its `validate`) accepts `candidate` (its
    checksum, date and format rules).

    A lookup that fails in the check's own tables counts as accepting: python-stdnum's Chinese module
    raised KeyError on a number whose checksum and birth date were right but whose birth place (a code of
    Taiwan's, 71xxxx) its table lists without counties, and the scanner's error held the event as
    `gate.error` instead of naming the number. The checks that run before such a failure are passed. (Any
    other error is a bug, and is raised: the event is held as `gate.error`.)
    """
    try:
        module.validate(candidate)
    except (exceptions.ValidationError, ValueError):
        return False
    except (KeyError, IndexError):
        return True
    return True


def _country(candidate: str, checks: tuple[_Check, ...], cued: bool) -> str | None:
    compact = "".join(ch for ch in candidate if ch.isalnum())
    for detail, module, strong_format in checks:
        own_shape = _STRONG_WHEN_SEPARATED.get(detail)
        in_own_shape = own_shape is not None and own_shape.fullmatch(candidate.strip()) is not None
        strong = strong_format or in_own_shape
        shape = _SHAPES.get(detail)
        if (strong or cued) and (shape is None or shape(compact)):
            written = candidate.replace(".", "") if detail in _DOTTED else candidate
            if stdnum_valid(module, written):
                return detail
    return None


class NationalIdDetector:
    """European personal identification numbers (see the module docstring)."""

    entity = "NATIONAL_ID"
    needs = HAS_DIGIT
    unless = NOT_NUMERIC

    def narrowed(self, facts: int, context: int) -> NationalIdDetector | None:
        """Itself when a candidate can exist: six digits close together, or capitals with digits."""
        return self if facts & (HAS_DIGIT_RUN | HAS_CODE_START) else None

    def detect(self, text: Text) -> str | None:
        """ "national_id.<country>_<kind>", or None; a number typed in lower case after its cue too
        (`in_capitals`)."""
        found = self._detect(text)
        if found is None and (capitals := in_capitals(text, cued_between)) is not None:
            return self._detect(capitals)
        return found

    def _detect(self, text: Text) -> str | None:
        value = text.value
        keyed = bool(text.flags & (NATIONAL_ID | SSN))
        if text.facts & HAS_DIGIT_RUN:
            for match in _DIGITS.finditer(value):
                found = self._check_digits(match, value, keyed)
                if found is not None:
                    return found
        if text.facts & HAS_CODE_START:
            found = self._check_lettered(_CODICE_FISCALE, value, keyed)
            if found is not None:
                return found
        if text.facts & HAS_DIGIT_RUN:
            return self._check_lettered(_LETTERED, value, keyed)
        return None

    def _check_lettered(self, pattern: re.Pattern[str], value: str, keyed: bool) -> str | None:
        for match in pattern.finditer(value):
            cued = keyed or cued_between(value, max(0, match.start() - _CUE_WINDOW), match.start())
            detail = _country(match.group(), _ALNUM_CHECKS, cued)
            if detail is not None:
                return f"national_id.{detail}"
        return None

    def _check_digits(self, match: re.Match[str], value: str, keyed: bool) -> str | None:
        candidate = match.group()
        compact = "".join(ch for ch in candidate if ch.isalnum())
        checks = _BY_LENGTH.get(len(compact))
        if checks is None:
            return None
        cued = keyed or cued_between(value, max(0, match.start() - _CUE_WINDOW), match.start())
        detail = _country(candidate, checks, cued)
        if detail is None or (not cued and phone_shapes.after_reference(value, match.start())):
            return None  # "EAN 3700123456789", "Art.-Nr. ...": the shop's number, whatever it passes
        if (
            detail in _SHARED_SERIES
            and not keyed
            and company_number.companys(value, match.start(), match.end())
        ):
            return None  # (ids25) "Tiskara Horvat d.o.o., OIB ...": the company's
        return f"national_id.{detail}"


DETECTOR: NationalIdDetector = NationalIdDetector()  # typed: mypyc reads it through the import cycle
