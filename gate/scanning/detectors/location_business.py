# ruff: noqa: RUF001, RUF002 - legal forms in Cyrillic, Greek, Hebrew, Arabic and Han, on purpose
"""LOCATION: a business's own address is no customer's (the attacker round addr20).

A shop writes its address in a page footer, an imprint or a store locator right after its name and
legal form ("Elbkontor GmbH, Große Elbstraße 145, 22767 Hamburg", "Maple & Co., 900 Robson St",
"ООО Казанские Сувениры · ул. Баумана 20", "(주)해운대굿즈 부산 해운대구 ..."): an address rule's match
that follows a legal form closely, with only an address's parts between them, is the business's, and
no finding.

Only a legal form written as businesses write it counts: after a capitalised name and before a
separator ("Fjordull AS · ", "Loja Bahia Ltda., "), or before the name ("ООО", "PT", "株式会社"). A
region's code before a postcode ("Okotoks AB T1S 1A1"), Ireland's "Co. Clare", a form after the
address ("5000 Aarau AG"), a label or a lower-case phrase between form and address ("PDF Tools AG,
golden hour, deliver to ...") and text in capitals veto nothing: the customer's address stays found.
"""

from __future__ import annotations

import re
from dataclasses import replace

from gate.scanning import lexicon
from gate.scanning.detectors.base import PatternRule, Text, Validate
from gate.scanning.detectors.said_of import alternation
from gate.scanning.normalise import normalise

_UP = lexicon.UPPER
# Written after the company's name.
_AFTER_NAME = (
    "GmbH", "AG", "KG", "OHG", "e.K.", "Ltd", "Ltd.", "Limited", "LLC", "Inc", "Inc.", "inc.", "Corp",
    "Corp.", "PLC", "plc", "Pty", "Pty.", "(Pty)", "LLP", "SARL", "SAS", "SA", "S.A.", "SPRL", "SRL", "BVBA",
    "B.V.", "BV", "N.V.", "NV", "SL", "SLU", "S.L.", "S.L.U.", "S.r.l.", "S.p.A.", "Lda", "Lda.", "Ltda",
    "Ltda.", "S.A.S.", "S.A. de C.V.", "S.R.L.", "sp. z o.o.", "s.r.o.", "a.s.", "Kft.", "Zrt.", "Nyrt.",
    "Bt.", "OÜ", "AS", "ASA", "SIA", "UAB", "ApS", "A/S", "AB", "Oy", "Oyj", "ehf.", "hf.", "d.o.o.", "d.d.",
    "ООД", "ЕООД", "АД", "ΑΕ", "Α.Ε.", "ΕΠΕ", "ΙΚΕ", "A.Ş.", "Ltd. Şti.", "Sdn Bhd", "Sdn. Bhd.", "Bhd",
    "Srl", "Spa", "S.p.a.", "Snc", "Sarl", "Kft", "Zrt", "Pvt Ltd", "Pvt. Ltd.", "Company", "& Co",
    "& Co.", 'בע"מ', "ذ.م.م",
)  # fmt: skip
# Written before the name, or as a word of its own.
_BEFORE_NAME = ("ООО", "ОАО", "ЗАО", "АО", "ТОВ", "ПАТ", "PT", "CV", "Công ty")
# ... and those the name follows without a space.
_JOINED = ("บริษัท", "株式会社", "有限会社", "(株)", "(주)", "주식회사")


def _alternation(forms: tuple[str, ...]) -> str:
    """The forms as written and as the detectors read them (`normalise` writes Cyrillic and Greek
    capitals as their Latin look-alikes: "ООО" as "OOO"), longest first."""
    return alternation({variant for form in forms for variant in (form, normalise(form))})


_HAN = "\u4e00-\u9fff"
# A business's name and form end where a separator follows: "Fjordull AS · ", "Elbkontor GmbH, ". A
# region's code after a town and before its postcode is no form ("Okotoks AB T1S 1A1", "APO AE 09012",
# "Adelaide SA 5000"), nor Ireland's "Co. Clare".
_SEPARATOR_AFTER = r"(?=\s*[,·|–—;(\-])"
_LEGAL_FORM = re.compile(
    rf"[{_UP}][\w&'’.\-]*(?:\s+[\w&'’.()\-]+){{0,4}}?,?\s+(?:{_alternation(_AFTER_NAME)}|Co\.?)"
    + _SEPARATOR_AFTER
    # (the name after the form: its capitalised words, in quotes or not)
    + rf"|(?<![\w])(?:{_alternation(_BEFORE_NAME)})(?:\s+[\"«“]?[{_UP}][\w'.\-]*[\"»”]?){{1,4}}"
    + _SEPARATOR_AFTER
    + rf"|{_alternation(_JOINED)}"
    + rf"|[{_HAN}]{{1,16}}(?:股份有限公司|有限公司|有限責任公司)"
)
# How far before an address's match its business's name may end: the street before a postcode the
# match starts at ("Elbkontor GmbH, Große Elbstraße 145, 22767 Hamburg").
_WINDOW = 64
_LOOK_BACK = 160
# What stands between them is the address's other parts and separators, never a label or a phrase of
# lower-case words ("PDF Tools AG, golden hour, deliver to 77 Eivers Street": a brand in a prompt, then
# the customer's address).
_SEGMENTS = re.compile(r"[,;·|/–—]|\s-\s")
_MAX_PARTS = 4
_PHRASE = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")


def _address_parts(between: str) -> bool:
    """True when `between` holds no label (a colon), no part in lower-case words only and at most
    `_MAX_PARTS` parts (a second legal form, a shop's number, a street, a town: " Ltd · Shop 3, 120 Hay St,
    Perth WA ")."""
    if ":" in between or "\n" in between:
        return False
    parts = [part.strip() for part in _SEGMENTS.split(between) if part.strip()]
    if len(parts) > _MAX_PARTS:
        return False
    return not any(part.islower() and _PHRASE.fullmatch(part) is not None for part in parts)


def of_a_business(match: re.Match[str], text: Text) -> bool:
    """True when a business's name and legal form, starting no later than `match`, end at most
    `_WINDOW` characters before it (or inside it), with only an address's parts between: the address
    is the business's."""
    value, start = text.value, match.start()
    if value.isupper():
        return False  # text in capitals: "AS", "SA", "PT" are words there
    head = match.group()[:24]
    if ":" in head.split("\n", 1)[0] and not any(char.isdigit() for char in head.partition(":")[0]):
        return False  # a label in the match: "Adresse: ...", a customer's
    for form in _LEGAL_FORM.finditer(value, max(0, start - _LOOK_BACK), match.end()):
        if (
            form.start() <= start
            and start - form.end() <= _WINDOW
            and _address_parts(value[form.end() : start])
        ):
            return True
    return False


class _NotABusiness:
    """A rule's validate, and then `not of_a_business`."""

    __slots__ = ("_validate",)

    def __init__(self, validate: Validate | None) -> None:
        self._validate = validate

    def __call__(self, match: re.Match[str], text: Text) -> bool:
        validate = self._validate
        if validate is not None and not validate(match, text):
            return False
        return not of_a_business(match, text)


def customers_only(rule: PatternRule) -> PatternRule:
    """`rule`, its matches that follow a business's name and legal form not counted (`of_a_business`)."""
    return replace(rule, validate=_NotABusiness(rule.validate))
