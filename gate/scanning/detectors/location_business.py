# ruff: noqa: RUF001, RUF002, RUF003 - legal forms in Cyrillic, Greek, Hebrew, Arabic and Han, on purpose
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
from gate.scanning.detectors import legal_forms
from gate.scanning.detectors.base import PatternRule, Text, Validate
from gate.scanning.normalise import normalise

_UP = lexicon.UPPER
# The shared legal forms (`legal_forms`), and a shop's forms the name rules do not read as a company's:
# Indonesia's "PT" after the name ("Parahyangan Cetak PT, Jl. Braga 10": "PT" after a name is a
# personal trainer as often), Italy's "Spa" (a spa to the names), "Company" and "& Co".
_AFTER_NAME = (*legal_forms.AFTER_NAME, "PT", "Spa", "Company", "& Co", "& Co.", "MMC", "ՍՊԸ")
# (addr26) Forms the Baltic states, Georgia and Armenia write before the name too ("SIA Tipogrāfija
# Daugava", "UAB Spaustuvė Nemunas", "შპს ქართული ბეჭდვა"): the shared list has them after it only.
_BEFORE_NAME_TOO = ("SIA", "UAB", "შპს", "ՍՊԸ")


def _alternation(forms: tuple[str, ...]) -> str:
    """`legal_forms.pattern` of the forms as written and as the detectors read them (`normalise` writes
    Cyrillic and Greek capitals as their Latin look-alikes: "ООО" as "OOO")."""
    return legal_forms.pattern(tuple({variant for form in forms for variant in (form, normalise(form))}))


_HAN = "\u4e00-\u9fff"
# A business's name and form end where a separator follows: "Fjordull AS · ", "Elbkontor GmbH, ",
# Arabic's comma ("ش.م.م، ٥ شارع"). A region's code after a town and before its postcode is no form
# ("Okotoks AB T1S 1A1", "APO AE 09012", "Adelaide SA 5000"), nor Ireland's "Co. Clare".
_SEPARATOR_AFTER = r"(?=\s*[,،、·|–—;(\-+])"
# A name starts with a capital, or a letter of a script without case ("דפוס השפלה בע\"מ").
_LEGAL_FORM = re.compile(
    rf"[{_UP}{lexicon.CASELESS}][\w&'’.\-]*(?:\s+[\w&'’.()\-\"”»]+){{0,4}}?,?\s+"
    + rf"(?:{_alternation(_AFTER_NAME)}|Co\.?)"
    + _SEPARATOR_AFTER
    # (the name after the form: its capitalised words, in quotes or not)
    + rf"|(?<![\w]){_alternation(legal_forms.BEFORE_NAME)}"
    # (the name in quotes may hold lower-case words: ООО «Невская печать»; addr24)
    + rf"(?:(?:\s+[\"«“]?[{_UP}][\w'.\-]*[\"»”]?){{1,4}}"
    + r"|\s+(?:«[^»\n]{1,40}»|“[^”\n]{1,40}”|\"[^\"\n]{1,40}\"))"
    + _SEPARATOR_AFTER
    + rf"|(?<![\w]){_alternation(_BEFORE_NAME_TOO)}(?:\s+[^\W\d_][\w'.\-]*){{1,4}}"
    + _SEPARATOR_AFTER
    + rf"|{_alternation(legal_forms.JOINED)}"
    + rf"|[{_HAN}]{{1,16}}{legal_forms.pattern(legal_forms.HAN_AFTER_NAME)}"
)
# How far before an address's match its business's name may end: the street before a postcode the
# match starts at ("Elbkontor GmbH, Große Elbstraße 145, 22767 Hamburg").
_WINDOW = 64
_LOOK_BACK = 160
# What stands between them is the address's other parts and separators, never a label or a phrase of
# lower-case words ("PDF Tools AG, golden hour, deliver to 77 Eivers Street": a brand in a prompt, then
# the customer's address).
_SEGMENTS = re.compile(r"[,،、;·|/–—]|\s-\s")
_MAX_PARTS = 4
_NUMBER_LABEL = re.compile(r"(?<![^\W\d_])(?:No|no|Nr|nr|N°|Nº)\s?:(?=\s?\d)")
_PHRASE = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)*")


def _address_parts(between: str) -> bool:
    """True when `between` holds no label (a colon), no part in lower-case words only and at most
    `_MAX_PARTS` parts (a second legal form, a shop's number, a street, a town: " Ltd · Shop 3, 120 Hay St,
    Perth WA ")."""
    if ":" in between:
        between = _NUMBER_LABEL.sub(" ", between)  # (a house number's word: "Sanayi Cad. No: 5"; addr26)
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
    # In text in capitals "AS", "SA", "PT" are words: only a form of a script without case counts there
    # ("苏州印象文化有限公司 ... 代码91320500MA1XXXXX1X" is in capitals to `str.isupper`).
    capitals = value.isupper()
    head = match.group()[:24]
    if ":" in head:
        head = _NUMBER_LABEL.sub(" ", head)
    if ":" in head.split("\n", 1)[0] and not any(char.isdigit() for char in head.partition(":")[0]):
        return False  # a label in the match: "Adresse: ...", a customer's
    for form in _LEGAL_FORM.finditer(value, max(0, start - _LOOK_BACK), match.end()):
        if (
            not (capitals and form.group().isupper())
            and form.start() <= start
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
