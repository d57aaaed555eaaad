# ruff: noqa: RUF001, RUF002 - document names in Turkish, Greek, Cyrillic, Arabic, Hebrew and CJK, on purpose
"""NATIONAL_ID from identity documents: passport, driving-licence and identity-card numbers after their
name ("passport no. C01X00T47", "Reisepass: C01X00T47", "permis de conduire n° 12AB34567", "护照号码
E12345678") or under a key that names the document (`passport_number`, `driver_license`).

These numbers have no checksum a reader can test (a passport's check digits live in its machine-readable
zone, not beside the number), so the rule of evidence is the document's name right before the number, or
the key: a token of 6 to 16 letters and digits, with at least two digits, written straight after the
name and its "number" word ("no.", "Nr.", "n°", "número", "番号", "#", ":"). "passport photo 35x45 mm",
"passport holder PH-2024", "ID card printer" and a licence key's `apache-2.0` or `CC-BY-4.0` are not
numbers of a document: the words between the name and the token are only the "number" words, a size
(`35x45`) is not a document number, and a token needs two digits.

A document number identifies its holder (GDPR Art. 4(1)); it is reported as a national identification
number, with the kind of document in the detector name (`id_document.passport`).
"""

from __future__ import annotations

import re
from typing import Any

from gate.scanning.context import NATIONAL_ID, NOT_NUMERIC, key_info
from gate.scanning.detectors import world_id
from gate.scanning.detectors.base import HAS_DIGIT, PatternDetector, PatternRule, any_word
from gate.scanning.detectors.keyed_rule import KeyedRule, keyset
from gate.scanning.normalise import normalise

# Names of the documents, lower-cased (the cue view), by kind.
_PASSPORT = (
    "passport", "passeport", "pasaporte", "passaporto", "passaporte", "reisepass", "paspoort", "paszport",
    "pasaport", "passnummer", "passnr", "cestovní pas", "cestovního pasu", "útlevél", "passi", "паспорт",
    "διαβατήριο", "διαβατηρίου", "جواز السفر", "جواز سفر", "דרכון", "护照", "護照", "パスポート", "여권",
    "hộ chiếu", "หนังสือเดินทาง", "paspor", "paszportu", "旅券", "여권번호",
    "पासपोर्ट",  # (numbers20) Hindi
)  # fmt: skip
_LICENCE = (
    "driver's license", "drivers license", "driver license", "driver's licence", "drivers licence",
    "driver licence", "driving licence", "driving license", "driving licence no", "führerschein",
    "fuhrerschein", "permis de conduire", "licencia de conducir", "carnet de conducir", "permiso de conducir",
    "patente di guida", "rijbewijs", "prawo jazdy", "carta de condução", "carta de conducao",
    "carteira de motorista", "carteira nacional de habilitação", "ehliyet", "körkort", "kørekort",
    "førerkort", "ajokortti", "řidičský průkaz", "водительское удостоверение", "водійське посвідчення",
    "رخصة القيادة", "רישיון נהיגה", "驾驶证", "駕駛執照", "運転免許", "運転免許証", "운전면허",
    # (numbers20) a licence's number by its initials ("DL no. S530-4127-8891", India's "DL No MH14 ...";
    # "dl" alone is a decilitre; Brazil's "CNH" is also CNH Industrial, whose part numbers have 8 digits)
    "dl no", "dl number", "dl #",
)  # fmt: skip
_ID_CARD = (
    "id card", "id-card", "identity card", "personalausweis", "ausweisnummer", "carte d'identité",
    "carte d identité", "carte nationale d'identité", "carta d'identità", "carta di identità",
    "documento de identidad", "documento nacional de identidad", "dowód osobisty", "dowodu osobistego",
    "identiteitskaart", "id-kaart", "bilhete de identidade", "cartão de cidadão", "občanský průkaz",
    "személyi igazolvány", "henkilökortti", "kimlik kartı", "удостоверение личности",
    "посвідчення особи", "بطاقة الهوية", "תעודת זהות מספר", "身分證", "身分証",
    "лична карта", "личната карта",  # (numbers20) Bulgarian
)  # fmt: skip

# The "number" words that may stand between a document's name and its number.
_NUMBER_WORDS = (
    "no", "nr", "n", "n°", "nº", "num", "number", "nummer", "numéro", "numero", "número", "numer", "numara",
    "numarası", "číslo", "szám", "nro", "номер", "№", "αριθμός", "رقم", "מספר", "番号", "号码", "號碼", "号",
    "번호", "số", "เลขที่", "is", "字號", "字号", "संख्या", "नंबर",
)  # fmt: skip
# Health insurance cards: their numbers name the insured person as an identity card's do.
_HEALTH_CARD = (
    "krankenversichertennummer", "versichertennummer", "krankenversicherungsnummer", "medicare card",
    "medicare number", "medicare mbi", "medicare beneficiary identifier", "health card", "health card number",
    "health insurance card", "health insurance number", "ehic", "tarjeta sanitaria", "tessera sanitaria",
    "cartão de utente", "carte vitale", "zorgpas", "健康保険証", "保険証", "被保険者番号", "医保卡", "社保卡",
    "건강보험증", "полис омс", "полис медицинского страхования",
    # (numbers20) the Dutch and Polish numbers' own names, Medicare's "ID"
    "zorgverzekeringsnummer", "numer ubezpieczenia zdrowotnego", "ubezpieczenia zdrowotnego", "medicare id",
)  # fmt: skip
_KINDS = (
    ("passport", _PASSPORT),
    ("driving_licence", _LICENCE),
    ("id_card", _ID_CARD),
    ("health_insurance", _HEALTH_CARD),
)


def _alternatives(words: tuple[str, ...]) -> str:
    """`words` as the detectors see them (`normalise`: Cyrillic and Greek look-alikes are Latin letters
    there, a katakana long mark is "-"), longest first, any spacing between their words."""
    seen = sorted({normalise(word) for word in words}, key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"[\s_\-]+").replace("'", "['’ ]?") for word in seen)


def _named(names: tuple[str, ...]) -> re.Pattern[str]:
    """The document's name (not inside a longer Latin word), up to three "number" words and punctuation,
    then the number: capitals and digits, in groups split by a space or a dash (a licence's last group
    may be one digit: "F255-921-50-094-0"; (numbers20) so may the first, in a number of up to seven groups:
    a carte Vitale's "1 85 05 78 006 084 36", Korea's "1-2345678901"). Scripts written without
    spaces put the number straight after the name ("护照号码E12345678")."""
    return re.compile(
        rf"(?i)(?<![a-zà-öø-ÿ])(?:{_alternatives(names)})s?[\s.:#\-]*"
        rf"(?:(?:{_alternatives(_NUMBER_WORDS)})[\s.:#\-]*){{0,3}}"
        r"(?P<number>(?-i:[A-Z0-9]{2,}(?:[ \-][A-Z0-9]+){0,4}|[A-Z0-9]+(?:[ \-][A-Z0-9]+){1,6}))(?![\w\-])"
    )


# A size, a year range, a version or a resolution is not a document's number.
_NOT_A_NUMBER = re.compile(r"(?i)\d+(?:[.,]\d+)?\s*[x×]\s*\d+\w*|\d{4}-\d{2,4}|v?\d+(?:\.\d+)+")


_LONGEST = 16
_LONGEST_HEALTH_CARD = 20  # (numbers20) an Italian or a European health card's number has 20


def document_number(token: str, longest: int = _LONGEST) -> bool:
    """Whether `token` has a document number's form: 6 to `longest` letters and digits once spaces and
    dashes are taken out, two digits at least, not a size or a year range."""
    compact = token.replace(" ", "").replace("-", "")
    return (
        6 <= len(compact) <= longest
        and compact.isalnum()
        and compact.isascii()
        and sum(ch.isdigit() for ch in compact) >= 2
        and _NOT_A_NUMBER.fullmatch(token) is None
    )


def _words(names: tuple[str, ...]) -> tuple[str, ...]:
    """The prefilter's words: each name's longest word ("license" of "driver's license", so that
    "driver’s license" with a typographic apostrophe still gets to the pattern)."""
    return tuple(sorted({max(re.split(r"[\s']", normalise(name)), key=len).lower() for name in names}))


def _valid(match: re.Match[str], text: Any) -> bool:
    return document_number(match.group("number"))


def _valid_health_card(match: re.Match[str], text: Any) -> bool:
    return document_number(match.group("number"), _LONGEST_HEALTH_CARD)


DETECTOR: PatternDetector = PatternDetector(
    entity="NATIONAL_ID",
    needs=HAS_DIGIT,
    unless=NOT_NUMERIC,
    rules=tuple(
        PatternRule(
            f"id_document.{kind}",
            _named(names),
            _valid_health_card if kind == "health_insurance" else _valid,
            when=any_word(_words(names)),
            requires=HAS_DIGIT,
        )
        for kind, names in _KINDS
    ),
)


# Keys that name a document's number: the value is one when it has a document number's form.
_NAMED_KEYS = keyset(
    "passport passport_no passport_nr passport_number passport_num passport_id passportnumber reisepass "
    "reisepassnummer passnummer pass_nr numero_passeport numero_pasaporte numero_passaporto paszport "
    "driver_license drivers_license driver_licence drivers_licence driving_licence driving_license "
    "driver_license_number drivers_license_number driving_licence_number dl_number fuehrerschein "
    "fuehrerscheinnummer fuhrerschein permis_de_conduire rijbewijs rijbewijsnummer prawo_jazdy "
    "id_card id_card_number idcard idcard_number identity_card identity_card_number personalausweis "
    "personalausweisnummer ausweisnummer carte_identite numero_carte_identite dowod_osobisty"
)
# Keys that also say "a national number" (`Personalausweis`, `Ausweisnummer`): a number that passes a
# country's check there is named by it (`national_id.de_idnr`, read by the text detectors under such
# a key); a document's number that passes none is this rule's.
_NATIONAL_KEYS = frozenset(key for key in _NAMED_KEYS if key_info(key).flags & NATIONAL_ID)
_KEYS = _NAMED_KEYS - _NATIONAL_KEYS


def _keyed_number(value: object) -> bool:
    return isinstance(value, str) and document_number(value.strip())


def _unchecked_number(value: object) -> bool:
    return _keyed_number(value) and not world_id.valid_id(value)


KEYED_RULES: tuple[KeyedRule, ...] = (
    KeyedRule("NATIONAL_ID", "id_document.key", _KEYS, _keyed_number),
    KeyedRule("NATIONAL_ID", "id_document.key", _NATIONAL_KEYS, _unchecked_number),
)
