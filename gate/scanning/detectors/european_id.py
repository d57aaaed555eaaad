"""NATIONAL_ID: personal identification numbers of European states, validated by python-stdnum.

Every candidate must pass its country's checksum and date rules in python-stdnum, so a random run of
digits fails nearly always. How nearly decides where a number counts:

- strong formats fire anywhere: their structure and check digits leave about one random number in a
  thousand or fewer valid (French NIR, Swiss AHV "756...", Belgian national number, Norwegian
  fødselsnummer, Italian codice fiscale, Spanish DNI/NIE, Finnish HETU, Romanian CNP, and Swedish
  personnummer and Czech rodné číslo when written with their "-" or "/");
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
from types import ModuleType

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
from gate.scanning.detectors.base import HAS_DIGIT, HAS_DIGIT_RUN, HAS_UPPER, Text

# Digits, optionally grouped by one separator (" 56 820 341 765", "756.2140.3579.85", "715915/7038"),
# optionally ending in a letter (DNI "96763552E"). The look-behind keeps phone numbers ("+49...") and
# parts of longer tokens out.
_DIGITS = re.compile(r"\d(?<![\w+.\-/]\d)(?:[ ./\-]?\d){7,14}(?:[ \-]?[A-Z])?(?![\w\-/])")
# Letters and digits: codice fiscale (omocodia letters allowed), NIE, HETU, PPS.
_ALNUM = re.compile(
    r"(?<![\w\-])(?:[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPR-T][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]"
    r"|[XYZ][ \-]?\d{7}[ \-]?[A-Z]|\d{6}[+\-A-FU-Y]\d{3}[0-9A-Y]|\d{7}[A-W][A-IW]?)(?![\w\-])"
)
_CUE = re.compile(
    r"(?i)(?:\b(?:dni|nie|nif|nir|cpr|oib|cnp|bsn|pps|cf|amka|tckn|pesel|hetu|avs|ahv|idnr|svnr|insee)\b|"
    r"steuer|ausweis|identifikationsnummer|sozialversicherung|s[ée]curit[ée]\s+sociale|codice\s+fiscale|"
    r"burgerservice|rijksregister|personnummer|f[øo]dselsnummer|cpr-nummer|henkil[öo]tunnus|isikukood|"
    r"kimlik|rodn[ée]\s+[čc][íi]slo|contribuinte|cart[ãa]o\s+de\s+cidad[ãa]o|documento|identidad|"
    r"adóazonosító|ΑΜΚΑ|national\s+id|id\s+(?:number|no)|personal\s+(?:number|code)|tax\s+id)"  # noqa: RUF001
)

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
# Written with these separators, a Swedish or Czech number is strong (the shape is part of the format).
_STRONG_WHEN_SEPARATED = {"se_personnummer": "-+", "cz_rc": "/"}


def _valid(module: ModuleType, candidate: str) -> bool:
    try:
        module.validate(candidate)
    except (exceptions.ValidationError, ValueError):
        return False
    return True


def _country(candidate: str, checks: tuple[_Check, ...], cued: bool) -> str | None:
    for detail, module, strong_format in checks:
        separators = _STRONG_WHEN_SEPARATED.get(detail)
        strong = strong_format or (separators is not None and any(ch in candidate for ch in separators))
        if (strong or cued) and _valid(module, candidate):
            return detail
    return None


class NationalIdDetector:
    """European personal identification numbers (see the module docstring)."""

    entity = "NATIONAL_ID"
    needs = HAS_DIGIT
    unless = NOT_NUMERIC

    def narrowed(self, facts: int, context: int) -> NationalIdDetector | None:
        """Itself when a candidate can exist: six digits close together, or capitals with digits."""
        return self if facts & (HAS_DIGIT_RUN | HAS_UPPER) else None

    def detect(self, text: Text) -> str | None:
        """ "national_id.<country>_<kind>", or None."""
        value = text.value
        keyed = bool(text.flags & (NATIONAL_ID | SSN))
        if text.facts & HAS_DIGIT_RUN:
            for match in _DIGITS.finditer(value):
                found = self._check_digits(match, value, keyed)
                if found is not None:
                    return found
        if text.facts & HAS_UPPER or text.facts & HAS_DIGIT_RUN:
            for match in _ALNUM.finditer(value):
                cued = keyed or _CUE.search(value, max(0, match.start() - 40), match.start()) is not None
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
        cued = keyed or _CUE.search(value, max(0, match.start() - 40), match.start()) is not None
        detail = _country(candidate, checks, cued)
        return None if detail is None else f"national_id.{detail}"


DETECTOR = NationalIdDetector()
