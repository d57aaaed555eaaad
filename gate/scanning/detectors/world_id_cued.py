# ruff: noqa: RUF001 - Greek and Cyrillic acronyms, on purpose
"""NATIONAL_ID: personal and tax numbers of more countries, each read only right after its own name
(the eleventh attacker round): Austrian social-insurance numbers, Finnish tax numbers, British UTRs and
Scottish CHI numbers, Irish PPS numbers, Indonesian NPWPs, Indian Aadhaar VIDs and voter ids (EPIC),
Mauritian NICs, Cuban identity numbers, Belgian BIS numbers, Latvian personal codes, Bulgarian
foreigners' numbers (ЛНЧ), Thai and Vietnamese tax numbers, South African tax numbers, the NITs of
Guatemala, El Salvador and Colombia, the RUCs of Paraguay, Peru and Ecuador, Mozambican NUITs, British
Columbia's personal health numbers, New Zealand IRD numbers, French tax numbers, and Emirates IDs; since the
twelfth round Icelandic kennitölur and Lithuanian personal codes; since the fourteenth Ukrainian
taxpayer numbers (РНОКПП) after their own words, Moldovan IDNPs and Costa Rican cédulas; since the
sixteenth Israeli identity numbers, Pakistani CNICs, Andorran NRTs, Albanian NIPTs, Azerbaijani VÖENs,
Algerian NIFs and Belarusian УНП.

Each is checked by python-stdnum (an Emirates ID: "784", then Luhn, as the ID card prints it), and only
the number written within a few words after its own name counts: an EAN, an order number or a seed
passes a one-digit check often, but is never written after "UTR" or "NUIT". Acronyms that are words
elsewhere ("NIC", "BIS", "VID", "EPIC") count only in capitals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from stdnum import luhn
from stdnum.ad import nrt
from stdnum.al import nipt
from stdnum.at import vnr
from stdnum.az import voen
from stdnum.be import bis
from stdnum.bg import pnf
from stdnum.by import unp
from stdnum.ca import bc_phn
from stdnum.cn import ric
from stdnum.co import nit as co_nit
from stdnum.cr import cpf as cr_cpf
from stdnum.cu import ni as cu_ni
from stdnum.dz import nif as dz_nif
from stdnum.ec import ruc as ec_ruc
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.fi import veronumero
from stdnum.fr import nif as fr_nif
from stdnum.gb import nhs, utr
from stdnum.gr import vat as gr_vat
from stdnum.gt import nit as gt_nit
from stdnum.id import npwp
from stdnum.ie import pps
from stdnum.il import idnr as il_idnr
from stdnum.in_ import epic, gstin, vid
from stdnum.is_ import kennitala
from stdnum.kr import rrn
from stdnum.lt import asmens
from stdnum.lv import pvn
from stdnum.md import idno
from stdnum.mu import nid as mu_nid
from stdnum.mz import nuit
from stdnum.nz import ird
from stdnum.pe import ruc as pe_ruc
from stdnum.pk import cnic
from stdnum.pt import nif as pt_nif
from stdnum.py import ruc as py_ruc
from stdnum.ru import inn
from stdnum.se import personnummer
from stdnum.si import emso
from stdnum.sv import nit as sv_nit
from stdnum.th import tin as th_tin
from stdnum.ua import rntrc
from stdnum.vn import mst
from stdnum.za import tin as za_tin

from gate.scanning.context import NOT_NUMERIC, key_info
from gate.scanning.cue_led import CueLedPattern, phrase_leads
from gate.scanning.detectors import company_number, world_id_kinds
from gate.scanning.detectors.base import (
    HAS_DIGIT,
    HAS_DIGIT_RUN,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)
from gate.scanning.detectors.european_id import stdnum_valid
from gate.scanning.detectors.id_keyed import BUSINESS_WORDS
from gate.scanning.detectors.keyed_rule import KeyedRule, keyset, written_value
from gate.scanning.detectors.world_id import UNSPACED
from gate.scanning.normalise import as_written_and_read


class _EmiratesId:
    """An Emirates ID as python-stdnum's modules are read here: 15 digits, "784" first, Luhn."""

    @staticmethod
    def validate(number: str) -> str:
        compact = "".join(ch for ch in number if ch.isdigit())
        if len(compact) != 15 or not compact.startswith("784") or not luhn.is_valid(compact):
            raise ValueError(number)
        return compact


class _PersonalInn:
    """A Russian taxpayer number of a person: 12 digits (python-stdnum's `inn` also takes a company's 10)."""

    @staticmethod
    def validate(number: str) -> str:
        compact = "".join(ch for ch in number if ch.isdigit())
        if len(compact) != 12:
            raise ValueError(number)
        return str(inn.validate(compact))


class _ResidentId:
    """China's resident identity number as python-stdnum's `ric` reads it, but for the birth place: its
    table lists today's county codes, and a number issued under a code since merged or renamed is still
    a person's (Faker's numbers use such codes too)."""

    @staticmethod
    def validate(number: str) -> str:
        compact = ric.compact(number.replace("-", ""))  # (ids25) "110101-19701114-3250", as printed
        if len(compact) != 18 or not compact[:17].isdigit():
            raise ValueError(number)
        ric.get_birth_date(compact)
        if compact[-1] != ric.calc_check_digit(compact):
            raise ValueError(number)
        return compact


# (kind, names in any case, acronyms only in capitals, the checks a number after them may pass)
_KINDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[Any, ...]], ...] = (
    ("at_vnr", ("sv-nummer", "sv-nr", "sozialversicherungsnummer", "versicherungsnummer"), (), (vnr,)),
    ("fi_veronumero", ("veronumero",), (), (veronumero,)),
    ("gb_utr", ("unique taxpayer reference",), ("UTR",), (utr,)),
    ("gb_chi", ("community health index", "chi number", "chi no"), ("CHI",), (nhs,)),
    ("ie_pps", ("personal public service", "uimhir psp"), ("PPS", "PPSN", "PSP"), (pps,)),
    ("id_npwp", ("nomor pokok wajib pajak",), ("NPWP",), (npwp,)),
    ("in_vid", ("virtual id",), ("VID",), (vid,)),
    ("in_epic", ("voter id", "voter's id", "voters id", "elector's photo identity card"), ("EPIC",), (epic,)),
    ("mu_nid", ("national identity card number",), ("NIC",), (mu_nid,)),
    ("cu_ni", ("carné de identidad", "carnet de identidad", "número de identidad permanente"), (), (cu_ni,)),
    ("be_bis", ("bis-nummer", "bisnummer", "numéro bis"), ("BIS",), (bis,)),
    ("lv_personas_kods", ("personas kods", "personas koda", "personas kodu"), (), (pvn,)),
    ("bg_pnf", ("личен номер на чужденец",), ("ЛНЧ",), (pnf,)),
    ("th_tin", ("เลขประจำตัวผู้เสียภาษี",), (), (th_tin,)),
    ("vn_mst", ("mã số thuế", "mã số thuế cá nhân"), ("MST",), (mst,)),
    ("za_tin", ("tax number", "tax reference number", "income tax number"), (), (za_tin,)),
    ("nit", ("número de identificación tributaria",), ("NIT",), (gt_nit, sv_nit, co_nit)),
    ("ruc", ("registro único de contribuyente",), ("RUC",), (py_ruc, pe_ruc, ec_ruc)),
    ("mz_nuit", ("número único de identificação tributária",), ("NUIT",), (nuit,)),
    ("ca_bc_phn", ("personal health number",), ("PHN",), (bc_phn,)),
    ("nz_ird", ("ird number",), ("IRD",), (ird,)),
    ("fr_nif", ("numéro fiscal", "numéro fiscal de référence"), ("SPI",), (fr_nif,)),
    ("ae_eid", ("emirates id", "الهوية الإماراتية"), (), (_EmiratesId,)),
    ("is_kennitala", ("kennitala", "kennitölu", "kennitalan", "kt."), (), (kennitala,)),
    ("lt_asmens", ("asmens kodas", "asmens kodą", "asmens kodo"), (), (asmens,)),
    # (text13) Greek tax numbers (ΑΦΜ, every resident has one), and the Yugoslav master citizen number
    # of North Macedonia, Serbia, Bosnia and Montenegro (ЕМБГ, JMBG: Slovenia's EMŠO scheme, one check)
    ("gr_afm", ("αριθμός φορολογικού μητρώου",), ("ΑΦΜ", "Α.Φ.Μ"), (gr_vat,)),
    ("yu_jmbg", ("matični broj građana", "матичен број"), ("ЕМБГ", "JMBG", "ЈМБГ", "EMBG"), (emso,)),
    # (text14) the Ukrainian taxpayer number as its own words name it, the Moldovan IDNP, and the Costa
    # Rican cédula in its dashed form (a check python-stdnum knows for each)
    ("ua_rntrc", ("ідентифікаційний код", "ідентифікаційний номер", "податковий номер"), (), (rntrc,)),
    ("md_idnp", ("cod personal", "codul personal", "număr de identificare"), ("IDNP",), (idno,)),
    ("cr_cedula", ("cédula", "cédula de identidad", "número de cédula"), (), (cr_cpf,)),
    # (text16) the identity and tax numbers of seven more countries after their own names: Israel's
    # identity number (מספר זהות, ת"ז), Pakistan's CNIC (in Urdu too), Andorra's NRT, Albania's NIPT,
    # Azerbaijan's VÖEN, Algeria's NIF and Belarus' УНП
    ("il_idnr", ("מספר זהות", "תעודת זהות", "מס' זהות", 'ת"ז', "ת״ז"), (), (il_idnr,)),
    (
        "pk_cnic",
        ("شناختی کارڈ نمبر", "شناختی کارڈ", "قومی شناختی کارڈ", "computerized national identity card"),
        ("CNIC",),
        (cnic,),
    ),
    ("ad_nrt", ("número de registre tributari",), ("NRT",), (nrt,)),
    ("al_nipt", ("numri i identifikimit për personin e tatueshëm",), ("NIPT",), (nipt,)),
    ("az_voen", ("vergi ödəyicisinin eyniləşdirmə nömrəsi",), ("VÖEN", "VOEN"), (voen,)),
    ("dz_nif", ("numéro d'identification fiscale", "رقم التعريف الجبائي"), ("NIF",), (dz_nif,)),
    ("by_unp", ("учетный номер плательщика", "улікова нумар плацельшчыка"), ("УНП", "UNP"), (unp,)),
    # (lead19) China's resident identity number, Korea's resident registration number and a Russian
    # person's taxpayer number (12 digits; 10 are a company's) after their own names, where a number one
    # typo away from valid counts too (below): Faker's numbers of these three fail their checks
    (
        "cn_ric",
        ("身份证号码", "身份证号", "公民身份号码", "居民身份证", "身份證號碼", "身分證字號"),
        (),
        (_ResidentId,),
    ),
    ("kr_rrn", ("주민등록번호", "주민번호"), (), (rrn,)),
    ("ru_inn", ("идентификационный номер налогоплательщика",), ("ИНН",), (_PersonalInn,)),
    *world_id_kinds.MORE_KINDS,
)

# A label's "number" words between a name and its number ("PPS number", "n°", "No.:"; Albanian "NIPT im
# personal", my personal NIPT; (ids25) a sole trader's: "NPWP pribadi", "NIT persona natural").
_GAP = (
    r"[\s.:#\-()]{0,4}(?:(?i:number|no|nr|n[º°]|num|número|numéro|nummer|số|uimhir|im|personal|pribadi|"
    r"persona\s+natural|person\s+fizik)\.?"
    r"[\s.:#\-()]{0,3}){0,2}"
)
# The number: up to three capitals, then digits and capitals in groups split by one space, dot, dash
# or slash ("7865797L", "ABC1158427", "51.645.571.4-290.889", "M120384288975F"); Andorra's NRT opens
# with a letter and a dash ("F-162559-H").
# (numbers19) The capitals may stand apart from the digits ("ZZ 660291 T", a British NINO as printed).
_NUMBER = r"(?P<number>(?:[A-Z]-)?(?:[A-Z]{1,3} ?)?\d[\dA-Z]*(?:[ .\-/][\dA-Z]+){0,6})(?![\w\-])"


_UNSPACED_START = re.compile(rf"[{UNSPACED}]")


def _names(words: tuple[str, ...]) -> str:
    """`words` as `normalise` leaves them (Cyrillic look-alikes read Latin), any spacing between words."""
    forms = sorted(as_written_and_read(words), key=len, reverse=True)
    return "|".join(re.escape(form).replace(r"\ ", r"\s+") for form in forms)


def _cue(names: tuple[str, ...], acronyms: tuple[str, ...]) -> str:
    parts = []
    spaced = tuple(name for name in names if not _UNSPACED_START.match(name))
    if spaced:
        parts.append(rf"(?i:(?<![^\W\d_])(?:{_names(spaced)}))")
    if len(spaced) < len(names):  # a word of a script written without spaces touches the one before it
        parts.append(rf"(?:{_names(tuple(name for name in names if name not in spaced))})")
    if acronyms:
        parts.append(rf"(?<![\w.])(?:{_names(acronyms)})\b")
    return "|".join(parts)


# Two rules, so that neither runs on most text: the names in any case, after a prefilter of the names
# themselves (phrases, not their common words: "tax number", not "number"); the acronyms only in
# capitals (the pattern is case-sensitive there), after a prefilter of their lower-cased letters.
def _cued_number(cues: Iterable[tuple[str, str]]) -> re.Pattern[str]:
    """A number after one of `cues`, (kind, cue pattern) pairs: the cue's group is named by its kind."""
    return re.compile("(?:" + "|".join(f"(?P<{kind}>{cue})" for kind, cue in cues) + ")" + _GAP + _NUMBER)


# Each tried only where a name or an acronym can start (`CueLedPattern`): as one alternation whose
# branches start with a look-behind, the acronyms were tried at every position of a prompt (50-110 us
# on 120-250 characters; their prefilter passes on "epic", "chic", "basis").
_NAMES_PATTERN = CueLedPattern(
    _cued_number((kind, _cue(names, ())) for kind, names, _, _ in _KINDS if names),
    (),
    phrase_leads(as_written_and_read(name for _, names, _, _ in _KINDS for name in names)),
)


def _acronyms_pattern(kinds: Iterable[tuple[str, tuple[str, ...], tuple[str, ...], Any]]) -> CueLedPattern:
    named = [(kind, acronyms) for kind, _, acronyms, _ in kinds if acronyms]
    return CueLedPattern(
        _cued_number((kind, _cue((), acronyms)) for kind, acronyms in named),
        (),
        phrase_leads(as_written_and_read(word for _, acronyms in named for word in acronyms)),
    )


# (ids25) The acronyms of `world_id_kinds` ("TIN", "PIB", "NID") are letters of everyday words
# ("continue", "Martin"): their rule runs only where one is written in capitals (`in_capitals`).
_OLDER_KINDS = _KINDS[: -len(world_id_kinds.MORE_KINDS)]
_ACRONYMS_PATTERN = _acronyms_pattern(_OLDER_KINDS)
_MORE_ACRONYMS_PATTERN = _acronyms_pattern(world_id_kinds.MORE_KINDS)
_CHECKS: dict[str, tuple[Any, ...]] = {kind: checks for kind, _, _, checks in _KINDS}
_NAME_WORDS = tuple(
    sorted(
        {form.lower() for form in as_written_and_read(name for _, names, _, _ in _KINDS for name in names)}
    )
)
_ACRONYMS = tuple(
    sorted(as_written_and_read(word for _, _, acronyms, _ in _OLDER_KINDS for word in acronyms))
)
_acronym_letters = any_word(tuple(sorted({word.lower() for word in _ACRONYMS})))


def _prefixes(number: str) -> list[str]:
    """The number and each shorter reading of it without its last groups, longest first ("6563278-8
    2024" may be a NIT and a year)."""
    readings = [number]
    for match in reversed(list(re.finditer(r"[ .\-/]", number))):
        readings.append(number[: match.start()])
    return readings


def _one_typo_away(check: Any, reading: str) -> bool:
    """Whether one character of `reading` (or its last two together: Russia's INN ends in two check
    digits) can be changed so that it passes `check`: a number of the right form, length and dates that
    only its check refuses, as a typo, or test data made without the check (Faker's), leaves it."""
    places = [i for i, ch in enumerate(reading) if ch.isalnum()]
    for place in places:
        for ch in "0123456789X" if place == places[-1] else "0123456789":
            if ch != reading[place] and stdnum_valid(check, reading[:place] + ch + reading[place + 1 :]):
                return True
    if len(places) >= 2 and places[-2] == places[-1] - 1:
        last = places[-2]
        return any(stdnum_valid(check, f"{reading[:last]}{n:02d}{reading[last + 2 :]}") for n in range(100))
    return False


def _readings(match: re.Match[str]) -> list[str]:
    """The number after a name and its shorter readings (`_prefixes`), those with six digits or more."""
    return [
        reading for reading in _prefixes(match.group("number")) if sum(ch.isdigit() for ch in reading) >= 6
    ]


def _valid(match: re.Match[str], text: object) -> bool:
    kind = next(name for name, group in match.groupdict().items() if group is not None and name != "number")
    if (
        isinstance(text, Text)
        and kind in world_id_kinds.SHARED_SERIES
        and company_number.companys(text.value, match.start(), match.end())
    ):
        return False  # (ids25) "Tiskara d.o.o., OIB ...": a company's number where persons' share its series
    checks = _CHECKS[kind]
    readings = _readings(match)
    if any(stdnum_valid(check, reading) for reading in readings for check in checks):
        return True
    # After the number's own name, a number one typo away from valid is still that number.
    return any(_one_typo_away(check, reading) for reading in readings[:1] for check in checks)


# (lead19) A generic name ("my ID number is", "customer's identity number:", "national ID") before a number
# that passes one of the checks above: the Latvian, Austrian ... numbers were read only after their own
# names. `world_id` reads the numbers of its own checks after the same words. An order's, a product's or
# a parcel's "ID number" numbers a thing.
_GENERIC = re.compile(
    r"(?i:(?<![^\W\d_])(?P<generic>(?:id|identity|identification)\s+(?:number|no\.?|nr\.?)|"
    r"national\s+id|personal\s+(?:id|number|identification\s+number)))"
    + _GAP
    + r"(?:(?i:is|was)\s+)?"
    + _NUMBER
)
_THING_BEFORE = re.compile(
    r"(?i)\b(?:order|product|item|article|tracking|transaction|shipment|parcel|package|invoice|sku|batch|job|"
    r"request|session|device|model|asset|event|file|image|ticket|case|payment|account)\W{0,2}$"
)
_has_generic = any_word(("id number", "id no", "id nr", "identity number", "identification number",
                         "national id", "personal id", "personal number"))  # fmt: skip


def _generic_valid(match: re.Match[str], text: Text) -> bool:
    if _THING_BEFORE.search(text.value, max(0, match.start() - 16), match.start()) is not None:
        return False
    # any kind's check this module reads
    return any(
        stdnum_valid(check, reading)
        for reading in _readings(match)
        for checks in _CHECKS.values()
        for check in checks
    )


# (lead20) A person's social security or insurance number stated as theirs ("my social security number is
# 4817301201", "her national insurance number: ZZ445260T"): whatever its check says, the writer says whose
# number it is; Faker's numbers of 29 locales failed every check and were approved (faker_sweep ssn_text).
# Eight digits or more (or letters and digits, eight in all), not one digit repeated ("000-00-0000" is a
# form's placeholder).
_STATED = re.compile(
    r"(?i:(?<![^\W\d_])(?:my|his|her|their|our|customer['’]s|client['’]s|patient['’]s|employee['’]s)\s+"
    r"(?:social\s+security|social\s+insurance|national\s+insurance|ss|si|ni)\s+(?:number|no\.?|#))"
    + r"[\s.:#\-()]{0,4}(?:(?i:is|was)\s+)?"
    + _NUMBER
)
_MIN_STATED_DIGITS = 8
_MIN_STATED_MIXED = 7
_has_stated = any_word(
    (
        "social security",
        "social insurance",
        "national insurance",
        "ss number",
        "ss no",
        "si number",
        "ni number",
    )
)


def _stated(match: re.Match[str], text: Text) -> bool:
    number = match.group("number")
    digits = [ch for ch in number if ch.isdigit()]
    letters = sum(ch.isalpha() for ch in number)
    # (letters and six digits: a British NINO's form, "ZZ445260T")
    # (numbers19: seven, letters and digits mixed: Azerbaijan's FİN "D41GFZY")
    enough = len(digits) >= _MIN_STATED_DIGITS or (letters and len(digits) + letters >= _MIN_STATED_MIXED)
    return enough and len(set(digits)) > 1


# (numbers18) A sole trader's VAT or GST id is a person's number when its body is one: Spain's NIF of a
# person (DNI, NIE) behind "ES", Sweden's personnummer and "01" behind "SE", Portugal's NIF of a person
# (first digit 1-3) behind "PT", and an Indian GSTIN whose PAN is a person's (fourth letter "P"). A
# company's (a CIF "B12345674", an organisationsnummer, a NIPC from 5, a firm's PAN) is not personal data.
_VAT_ID = re.compile(
    r"(?<![\w\-])(?:(?P<es>ES[ \-]?[XYZ\d]\d{7}[A-Z])|(?P<se>SE[ \-]?\d{6}[\-]?\d{4}01)"
    r"|(?P<pt>PT[ \-]?[123]\d{8})|(?P<gstin>\d{2}[A-Z]{3}P[A-Z]\d{4}[A-Z][1-9A-Z]Z[\dA-Z]))(?![\w\-])"
)
# (substrings of the text's cue view: no "ust", "cif", "gst" that "customer", "specific" hold)
_VAT_WORDS = (
    "vat", "iva", "nif", "moms", "gstin", "ust-id", "ustid", "contribuinte", "tax id", "btw",
)  # fmt: skip


def _personal_vat(match: re.Match[str], text: Text) -> bool:
    body = re.sub(r"[ \-]", "", match.group())
    if match.group("es"):
        return stdnum_valid(es_dni, body[2:]) or stdnum_valid(es_nie, body[2:])
    if match.group("se"):
        return stdnum_valid(personnummer, body[2:12])
    if match.group("pt"):
        return stdnum_valid(pt_nif, body[2:])
    return stdnum_valid(gstin, body)


DETECTOR: PatternDetector = PatternDetector(
    entity="NATIONAL_ID",
    needs=HAS_DIGIT,
    unless=NOT_NUMERIC,
    rules=(
        PatternRule(
            "national_id.own_cue", _NAMES_PATTERN, _valid, when=any_word(_NAME_WORDS), requires=HAS_DIGIT_RUN
        ),
        PatternRule(
            "national_id.own_cue", _ACRONYMS_PATTERN, _valid, when=_acronym_letters, requires=HAS_DIGIT_RUN
        ),
        PatternRule(
            "national_id.own_cue",
            _MORE_ACRONYMS_PATTERN,
            _valid,
            when=world_id_kinds.in_capitals,
            requires=HAS_DIGIT_RUN,
        ),
        PatternRule(
            "national_id.generic_cue", _GENERIC, _generic_valid, when=_has_generic, requires=HAS_DIGIT_RUN
        ),
        # (numbers19: a digit, not a run of them: "D41GFZY")
        PatternRule("national_id.stated", _STATED, _stated, when=_has_stated, requires=HAS_DIGIT),
        PatternRule(
            "national_id.sole_trader_vat",
            _VAT_ID,
            _personal_vat,
            when=any_word(_VAT_WORDS),
            requires=HAS_DIGIT,
        ),
    ),
)


# (numbers19) Keys that name one of the numbers above by its own name as developers write keys
# (`{"customer": {"svnr": ...}}`, "personas_kods", "nit"): a value there is that number when it passes
# the kind's check, as after the name in text.
_KEYS_OF_KINDS: dict[str, frozenset[str]] = {
    "at_vnr": keyset("svnr sv_nummer sv_nr sozialversicherungsnummer versicherungsnummer"),
    "lv_personas_kods": keyset("personas_kods personas_koda personaskods"),
    "nit": keyset("nit nit_number numero_nit"),
    "nz_ird": keyset("ird ird_number ird_no"),
    "gb_utr": keyset("utr utr_number"),
    "vn_mst": keyset("mst ma_so_thue"),
}


def _passes(kind: str) -> Any:
    """Whether a value passes one of the checks of `kind` (`_CHECKS`), as written under its key."""

    def accepts(value: object) -> bool:
        if isinstance(value, bool) or not isinstance(value, str | int):
            return False
        written = written_value(value)
        return any(stdnum_valid(check, written) for check in _CHECKS[kind])

    return accepts


# (numbers20) ... and every kind under its own names and acronyms as a key or a name/value pair's name
# (Shopify's note_attributes `{"name": "cédula", "value": ...}`, `{"NUIT": ...}`, `{"VÖEN": ...}`), as
# normalised keys ("carne_de_identidad"), but for acronyms that name other things in code ("vid" a
# video, "epic" a story, "bis", "chi", "spi", "psp") and names holding a business's word ("tax number").
_NOT_KEYS = frozenset(("vid", "epic", "bis", "chi", "spi", "psp", *world_id_kinds.NOT_KEYS))


def _own_keys(names: Iterable[str]) -> frozenset[str]:
    normalised = {key_info(name).norm for name in names}
    return keyset(
        " ".join(
            key
            for key in normalised
            if key and key not in _NOT_KEYS and not set(key.split("_")) & BUSINESS_WORDS
        )
    )


KEYED_RULES: tuple[KeyedRule, ...] = tuple(
    KeyedRule(
        "NATIONAL_ID",
        f"national_id.{kind}_key",
        _KEYS_OF_KINDS.get(kind, frozenset()) | _own_keys((*names, *acronyms)),
        _passes(kind),
    )
    for kind, names, acronyms, _ in _KINDS
)
