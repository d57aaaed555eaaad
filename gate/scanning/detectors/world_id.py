"""NATIONAL_ID beyond Europe: the personal numbers of the countries shops ship to, by python-stdnum.

`european_id` reads the European states' numbers; this module the others, with the same rule of
evidence: every candidate passes its country's checksum (and date, where the number holds one), and a
format counts without a cue only when its written shape and checks leave almost no random string valid:

- anywhere: a Brazilian CPF written as such ("390.533.447-05"), a Mexican CURP (18 characters with a
  birth date, sex, state and check digit), a Korean resident registration number with its dash
  ("971013-9019902"), a US ITIN with its dashes ("912-90-3456"), a Malaysian MyKad number with its
  dashes ("770305-02-1234");
- after a cue word only (an EAN-13 or an order number passes a one-digit checksum one time in ten):
  Indian Aadhaar and PAN, Canadian SIN, Australian TFN, British NHS number, South African ID, Chinese
  resident identity number, Japanese My Number, Chilean RUT, Israeli Teudat Zehut, Thai ID, Singapore
  NRIC/FIN (`sg_nric`: python-stdnum has no module; its one check letter leaves one SKU of that shape
  in eleven valid, so never without a cue), and the forms above written without their separators.

The country goes into the finding's detector name (`national_id.br_cpf`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from types import ModuleType

from stdnum.ar import cuit
from stdnum.au import tfn
from stdnum.bg import egn
from stdnum.br import cpf
from stdnum.ca import sin
from stdnum.cl import rut
from stdnum.cn import ric
from stdnum.do import cedula
from stdnum.ec import ci as ec_ci
from stdnum.gb import nhs
from stdnum.id import nik
from stdnum.il import idnr as il_idnr
from stdnum.in_ import aadhaar, pan
from stdnum.jp import in_ as jp_in
from stdnum.ke import pin as ke_pin
from stdnum.kr import rrn
from stdnum.mx import curp, rfc
from stdnum.my import nric
from stdnum.pe import cui
from stdnum.pk import cnic
from stdnum.ru import inn
from stdnum.si import emso
from stdnum.th import pin
from stdnum.tr import tckimlik
from stdnum.ua import rntrc
from stdnum.us import itin
from stdnum.ve import rif
from stdnum.za import idnr as za_idnr

from gate.scanning.context import NATIONAL_ID, NOT_NUMERIC, key_fragments
from gate.scanning.detectors import european_id, phone_shapes
from gate.scanning.detectors.base import HAS_CODE_START, HAS_DASH, HAS_DIGIT, HAS_DIGIT_RUN, Text, any_word
from gate.scanning.detectors.european_id import stdnum_valid
from gate.scanning.detectors.keyed_rule import KeyedRule, keyset
from gate.scanning.detectors.sg_nric import NRIC_SHAPE, nric_valid
from gate.scanning.detectors.world_id_more import (
    CUE,
    CUE_ACRONYMS,
    CUE_CAPITALS,
    CUE_WORDS,
    ae_eid_valid,
    cued_shape,
    eg_nid_valid,
    ir_code_valid,
    kw_civil_valid,
    kz_iin_valid,
    sa_id_valid,
    tw_id_valid,
)
from gate.scanning.normalise import as_written_and_read

# Strong shapes, each a whole token: the dashed and dotted ones in one search (they need a dash), the
# CURP in another (it starts with two capitals and two digits: `HAS_CODE_START`).
_DASHED = re.compile(
    r"(?<![\w.\-])(?:(?P<br_cpf>\d{3}\.\d{3}\.\d{3}-\d{2})|(?P<kr_rrn>\d{6}-\d{7})|"
    r"(?P<us_itin>9\d{2}-\d{2}-\d{4})|(?P<my_nric>\d{6}-\d{2}-\d{4}))(?![\w\-]|\.\d)"
)
_CURP = re.compile(r"(?<![\w\-])[A-Z]{4}\d{6}[HMX][A-Z]{5}[0-9A-Z]\d(?![\w\-])")
_DASHED_MODULES: dict[str, ModuleType] = {"br_cpf": cpf, "kr_rrn": rrn, "us_itin": itin, "my_nric": nric}

# Acronyms that are also words elsewhere ("SIN" is Spanish "without", "PAN" a frying pan): capitals only,
# as written and as `normalise` reads them ("ЕГН" is read "EГH").
_ACRONYM_CUES = (
    "PAN", "SIN", "TFN", "NHS", "RUT", "RUN", "NIK", "FIN", "UIN", "IC", "CUIT", "CUIL", "RIF", "JMBG",
    "EMŠO", "EMSO", "EGN", "ЕГН", "ЈМБГ", "KRA", "KTP",
)  # fmt: skip
# Aadhaar and PAN in the scripts of India (Bengali, Tamil, Telugu, Kannada, Gujarati, Gurmukhi,
# Malayalam, Devanagari "पैन").
_INDIC_CUES = "আধার|ஆதார்|ఆధార్|ಆಧಾರ್|આધાર|ਆਧਾਰ|ആധാർ|பான்|పాన్|पैन"
# Cue words: long ones in any case, the acronyms above only in capitals.
_CUE = re.compile(
    unicodedata.normalize(
        "NFKC",
        r"(?i:"
        + CUE
        + r"aadhaa?r|आधार|permanent\s+account\s+number|social\s+insurance\s+number|num[ée]ro\s+d.assurance\s+"
        r"sociale|tax\s+file\s+number|nhs\s+(?:number|no)|south\s+african\s+id|identity\s+number|id\s+number|"
        r"teudat\s+zehut|my\s*number|resident\s+registration|c[ée]dula|rol\s+[úu]nico\s+tributario|"
        r"identity\s+card|national\s+id|mykad|nric|curp|cpf|itin|id-nommer|identiteitsnommer|mazisi|pan\s+card)|"
        # (numbers18) the generic "identification number" and "document number" of other languages
        r"(?i:num[ée]ro\s+d.identifica(?:tion|ci[óo]n|[çc][ãa]o)|n[úu]mero\s+de\s+identifica(?:ci[óo]n|[çc][ãa]o)|"
        r"n[úu]mero\s+do\s+documento|n[úu]mero\s+de\s+documento|numer\s+identyfikacyjny|numer\s+dokumentu|"
        r"номер\s+документа|идентификационный\s+номер|신분증\s*번호)|"
        + CUE_CAPITALS
        + r"\b(?:"
        + "|".join(sorted(as_written_and_read(_ACRONYM_CUES), key=len, reverse=True))
        + r")\b|"
        r"身份证|身份證|身分證|公民身份号码|身份号码|证件号|證件號|マイナンバ|個人番号|주민등록번호|주민번호|תעודת\s*זהות|ת\.ז|"
        r"เลขประจำตัวประชาชน|บัตรประชาชน|" + _INDIC_CUES,
    )
)
# What the cue regex needs, as plain substring tests (most strings have none, and then it is not run):
# the lower-cased view for the words, the text as typed for the acronyms.
_CUE_WORDS = (
    "aadha", "आधार", "account number", "insurance number", "assurance", "file number", "nhs", "african id",
    "identity", "id number", "zehut", "my number", "mynumber", "registration", "cédula", "cedula", "único",
    "unico", "national id", "mykad", "nric", "curp", "cpf", "itin", "pan card", "身份", "公民", "マイナンバ",
    "個人番号",
    "주민", "תעודת", "ת.ז", "เลขประจำตัว", "บัตรประชาชน", "身分證", "id-nommer", "identiteitsnommer", "mazisi",
    *_INDIC_CUES.split("|"),
    # (numbers18)
    "identification", "identificación", "identificacion", "identificação", "identificacao", "documento",
    "identyfikacyjny", "dokumentu", "документа", "идентификационный", "신분증", "身份号码", "证件号",
    "證件號",
)  # fmt: skip
_CUE_ACRONYMS = tuple(sorted(as_written_and_read(_ACRONYM_CUES)))
# Every acronym in one search of literals (cheaper than forty `in` tests).
_ACRONYM = re.compile(
    "|".join(re.escape(word) for word in sorted({*_CUE_ACRONYMS, *CUE_ACRONYMS}, key=lambda w: (-len(w), w)))
)
_has_cue_word = any_word(tuple(unicodedata.normalize("NFKC", word) for word in _CUE_WORDS) + CUE_WORDS)
_CUE_WINDOW = 40


def _may_be_cued(text: Text) -> bool:
    if _has_cue_word(text):
        return True
    value = text.value
    return _ACRONYM.search(value) is not None


# Scripts written without spaces between words (Thai, Myanmar, Khmer, kana, Han, and Hangul, whose
# particles join the word before): a number there touches the word before or after it ("身份证号
# 110105...", "卡号4539...", "番号です"), so only a letter of a spaced script or a digit makes it part of a
# longer token. As look-arounds: no word character but these.
UNSPACED = (
    "\u0e00-\u0e7f\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
)
NOT_AFTER_WORD = rf"(?<![^\W{UNSPACED}])"
NOT_BEFORE_WORD = rf"(?![^\W{UNSPACED}])"
# A candidate after a cue: digits grouped by one separator, or a PAN's, CURP's or RFC's letters and
# digits (in either case: "curp hegl010915hjcrnsa8"; (ids25) an RFC dashed as the SAT prints it,
# "MCCF-851207-AZ5"), a Taiwanese ID, or a RUT's or a Chinese identity number's check character ("K",
# "X": "11010519491231002X").
_CANDIDATE = re.compile(
    rf"(?<![+.\-/]){NOT_AFTER_WORD}"
    r"(?:(?i:[A-Z]{5}\d{4}[A-Z]|[A-Z]{4}\d{6}[A-Z0-9]{8}|[A-Z&Ñ]{4}(-?)\d{6}\1[A-Z0-9]{3})|[AP]\d{9}[A-Z]|"
    r"[VEJPG]-?\d{8}-?\d|[A-Z][12]\d{8}|"
    r"\d(?:[ .\-/]?\d){7,17}(?:-?[\dKkXx])?)"
    rf"(?![\-/]){NOT_BEFORE_WORD}"
)
# Argentina's CUIT/CUIL, Bulgaria's EGN, Ecuador's cédula, Indonesia's NIK, the JMBG of the former
# Yugoslav states (Slovenia's EMŠO: the same number), Venezuela's RIF ("V-12345678-1").
_BY_LENGTH: dict[int, tuple[tuple[str, ModuleType], ...]] = {
    8: (("cl_rut", rut), ("au_tfn", tfn)),
    9: (
        ("ca_sin", sin),
        ("au_tfn", tfn),
        ("il_idnr", il_idnr),
        ("cl_rut", rut),
        ("us_itin", itin),
        ("pe_dni", cui),
    ),
    10: (
        ("gb_nhs", nhs),
        ("in_pan", pan),
        ("ua_rntrc", rntrc),
        ("bg_egn", egn),
        ("ec_ci", ec_ci),
        ("ve_rif", rif),
    ),
    11: (
        ("br_cpf", cpf),
        ("ar_cuit", cuit),
        ("tr_tckimlik", tckimlik),
        ("ke_pin", ke_pin),
        ("do_cedula", cedula),
    ),
    12: (("in_aadhaar", aadhaar), ("jp_in", jp_in), ("my_nric", nric), ("ru_inn", inn)),
    13: (
        ("za_idnr", za_idnr),
        ("kr_rrn", rrn),
        ("th_pin", pin),
        ("yu_jmbg", emso),
        ("pk_cnic", cnic),
        ("mx_rfc", rfc),
    ),
    16: (("id_nik", nik),),
    18: (("cn_ric", ric), ("mx_curp", curp)),
}

# Numbers python-stdnum has no module for, by their published checks (`world_id_more`).
_CHECKED = (
    ("sa_id", sa_id_valid),
    ("ir_code", ir_code_valid),
    ("eg_nid", eg_nid_valid),
    ("ae_eid", ae_eid_valid),
    ("kw_civil", kw_civil_valid),
    ("kz_iin", kz_iin_valid),
    ("tw_id", tw_id_valid),
)


def _cued_between(value: str, start: int, end: int) -> bool:
    return _CUE.search(value, start, end) is not None


class WorldIdDetector:
    """Personal identification numbers of states outside Europe (see the module docstring)."""

    entity = "NATIONAL_ID"
    needs = HAS_DIGIT
    unless = NOT_NUMERIC

    def narrowed(self, facts: int, context: int) -> WorldIdDetector | None:
        """Itself when a candidate can exist: six digits close together, or capitals with digits."""
        return self if facts & (HAS_DIGIT_RUN | HAS_CODE_START) else None

    def detect(self, text: Text) -> str | None:
        """ "national_id.<country>_<kind>", or None; a number typed in lower case after its cue too
        (`european_id.in_capitals`)."""
        found = self._detect(text)
        if (
            found is None
            and _may_be_cued(text)
            and (capitals := european_id.in_capitals(text, _cued_between)) is not None
        ):
            return self._detect(capitals)
        return found

    def _detect(self, text: Text) -> str | None:
        value, facts = text.value, text.facts
        if facts & HAS_DASH:
            for match in _DASHED.finditer(value):
                detail = match.lastgroup or ""
                if stdnum_valid(_DASHED_MODULES[detail], match.group()):
                    return f"national_id.{detail}"
        if facts & HAS_CODE_START:
            for match in _CURP.finditer(value):
                if stdnum_valid(curp, match.group()):
                    return "national_id.mx_curp"
        keyed = bool(text.flags & NATIONAL_ID)  # (an SSN key holds a US number: national_id.py)
        if not keyed and (not _may_be_cued(text) or _CUE.search(value) is None):
            return None
        for match in NRIC_SHAPE.finditer(value):
            if (
                keyed or _CUE.search(value, max(0, match.start() - _CUE_WINDOW), match.start())
            ) and nric_valid(match.group()):
                return "national_id.sg_nric"
        for match in _CANDIDATE.finditer(value):
            if not keyed and _CUE.search(value, max(0, match.start() - _CUE_WINDOW), match.start()) is None:
                continue
            candidate = match.group()
            compact = "".join(ch for ch in candidate if ch.isalnum())
            # (numbers18) a company's register number after its own word ("ОГРН 1027700132195")
            if not keyed and phone_shapes.after_company_register(value, match.start()):
                continue
            for detail, module in _BY_LENGTH.get(len(compact), ()):
                if detail in _LEGAL_PERSONS and _LEGAL_PERSONS[detail](compact):
                    continue
                # (python-stdnum reads a TCKN, and a Chinese number, only without their spaces)
                if stdnum_valid(module, compact if detail == "tr_tckimlik" else candidate) or (
                    " " in candidate and stdnum_valid(module, compact)
                ):
                    return f"national_id.{detail}"
            for detail, check in _CHECKED:
                if check(compact):
                    return f"national_id.{detail}"
        return cued_shape(value) if not keyed else None


# (numbers18) Chile numbers companies and other legal persons from 50,000,000 up ("RUT 76.086.428-5"),
# persons below: a company's RUT in a shop's footer is no one's personal number.
_COMPANY_RUT_FROM = 50_000_000


def _company_rut(compact: str) -> bool:
    return compact[:-1].isdigit() and int(compact[:-1]) >= _COMPANY_RUT_FROM


# (ids25) Likewise the numbers whose first characters say a legal person holds them: Argentina's CUIT
# from 30, 33 or 34 (persons' from 20, 23, 24, 27), Venezuela's RIF from J, G or C (persons' V, E),
# Kenya's KRA PIN from P (persons' A): "Imprenta del Sur S.A., CUIT 30-74014352-9".
_LEGAL_PERSONS: dict[str, Callable[[str], bool]] = {
    "cl_rut": _company_rut,
    "ar_cuit": lambda compact: compact[:2] in ("30", "33", "34"),
    "ve_rif": lambda compact: compact[:1] in ("J", "G", "C"),
    "ke_pin": lambda compact: compact[:1] == "P",
}


DETECTOR: WorldIdDetector = WorldIdDetector()  # typed: mypyc reads it through the import cycle


# Keys that name a personal identification number in the words of countries outside the national-id
# keys of `context` ("id_number" of a South African form, "aadhaar", Ukrainian "РНОКПП", Hebrew "ת.ז.",
# Thai "เลขบัตรประชาชน"): a value there is one when it passes a country's check as written under a
# national-id key (a listed key is not enough: "id_number" also numbers an order).
_ID_KEYS = keyset(
    "id_number id_no identity_number identification_number national_id_number personal_id_number "
    "aadhaar aadhar aadhaar_number aadhaar_no rnokpp ipn teudat_zehut mispar_zehut cedula nik nric mykad "
    "sa_id rsa_id pan pan_no pan_number cuit cuil rut run rol_unico ci cedula_identidad cedula_de_identidad "
    "rif jmbg emso egn id_nommer identiteitsnommer identiteitsnommer no_kp nomor_induk_kependudukan "
    "ktp no_ktp nik_ktp nhs_number nhs_no kra_pin thai_id ic ic_no ic_number emirates_id iqama iqama_no "
    "iqama_number hkid hkid_no cnic cnic_no curp rfc "
    # (numbers19) the numbers' own names and their romanisations as developers write keys: Brazil's CPF,
    # Russia's INN, Canada's SIN, Australia's TFN, New Zealand's IRD, Korea's jumin (deungnok) beonho,
    # Japan's My Number (kojin bangō), China's shenfenzheng (hao), Iran's code melli
    "cpf cpf_number numero_cpf inn inn_number sin sin_number social_insurance_number tfn tax_file_number "
    "ird ird_number jumin jumin_number jumin_beonho jumindeungnok_beonho my_number kojin_bango "
    "shenfenzheng shenfenzheng_hao sfzh code_melli kod_melli codemelli melli_code shomare_melli"
)
_ID_KEY_FRAGMENTS = key_fragments(
    "आधार",
    "рнокпп",
    "іпн",
    "ת.ז",
    "תעודת_זהות",
    "מספר_זהות",
    "บัตรประชาชน",
    "ประจำตัวประชาชน",
    "کد_ملی",
    "شماره_ملی",
    "الرقم_الوطني",
    "رقم_الهوية",
    "јмбг",
    "емшо",
    "егн",
    "주민번호",
    "주민등록번호",
    "证件号码",
    "身份证",
    "身份證",
    "身分證",
    "マイナンバー",
    "個人番号",
)


def valid_id(value: object) -> bool:
    """Whether `value` passes some country's check as read under a national-id key."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return False
    text = Text(str(value), NATIONAL_ID)
    return DETECTOR.detect(text) is not None or european_id.DETECTOR.detect(text) is not None


# (numbers19) Keys that name a tax number or an identity document without saying whose ("tax_id",
# "numero_documento"): a shop's own record (`{"seller": {"tax_id": ...}}`) holds its VAT number there, a
# customer's holds the person's. Under a person's object a value there is theirs when it passes a
# country's check for a person's number (`valid_id`: a company's VAT or register number does not).
_PERSONS_TAX_KEYS = keyset(
    "tax_id tax_number tax_no taxpayer_id tin tin_number numero_documento numero_de_documento nro_documento "
    "num_documento document_number document_no doc_number id_document documento numero_fiscal "
    "codigo_fiscal"
)

KEYED_RULES: tuple[KeyedRule, ...] = (
    KeyedRule("NATIONAL_ID", "national_id.key", _ID_KEYS, valid_id, fragments=_ID_KEY_FRAGMENTS),
    KeyedRule("NATIONAL_ID", "national_id.owners_tax_key", _PERSONS_TAX_KEYS, valid_id, owner_only=True),
)
