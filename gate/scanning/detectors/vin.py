# ruff: noqa: RUF001 - Cyrillic and CJK vehicle words, on purpose
"""VEHICLE_PLATE: a vehicle identification number (ISO 3779 VIN) after its name or under its key; like a
plate, it leads to the keeper.

A VIN is 17 capitals and digits without I, O and Q. Where its ninth character is the check digit
(vehicles made for North America and China: a first character 1-5, L), the check is verified (ISO 3779
weights, "X" for 10); elsewhere the check position holds any character, so the name before it is the
evidence: "VIN", "FIN", "NIV", "chassis number", "Fahrgestellnummer", "numéro de série", "bastidor",
"telaio", "şasi", "номер кузова", "车架号", "車台番号", "차대번호"... A model or a part number is never
17 characters of that alphabet right after such a name.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from gate.scanning.context import NOT_NUMERIC
from gate.scanning.detectors.base import HAS_DIGIT, HAS_UPPER, PatternDetector, PatternRule, Text, any_word
from gate.scanning.detectors.keyed_rule import KeyedRule, keyset
from gate.scanning.normalise import as_written_and_read

_WORDS = (
    "vin", "vehicle identification number", "chassis number", "chassis no", "chassisnummer",
    "fahrgestellnummer", "fahrzeug-identifizierungsnummer", "fahrzeugidentifikationsnummer", "fin",
    "numéro de série du véhicule", "numéro vin", "niv", "número de bastidor", "bastidor", "número de chasis",
    "chasis", "chassi", "numero di telaio", "telaio", "şasi no", "şasi numarası", "numer vin", "номер кузова",
    "vin-код", "vin код", "车架号", "車架號", "車台番号", "차대번호",
)  # fmt: skip
_FORMS = tuple(
    sorted(
        {unicodedata.normalize("NFKC", form) for form in as_written_and_read(_WORDS)},
        key=lambda w: (-len(w), w),
    )
)
# (the three-letter acronyms only in capitals: `_may_be_cued`; "vin" is French wine, "fin" an end)
_has_word = any_word(tuple(form.lower() for form in _FORMS if len(form) > 3 or not form.isascii()))
_VIN = r"[A-HJ-NPR-Z0-9]{17}"
_CUED = re.compile(
    rf"(?i:(?<![^\W\d_])(?:{'|'.join(re.escape(form) for form in _FORMS)}))\.?"
    rf"(?:\s+(?i:no|nr|n°|number|nummer|numéro|número))?[\s.:#№]{{0,3}}(?P<vin>{_VIN})(?![\w\-])"
)
_VALUES = {**{str(d): d for d in range(10)}, **dict(zip("ABCDEFGH", range(1, 9), strict=True))}
_VALUES |= {**dict(zip("JKLMN", range(1, 6), strict=True)), "P": 7, "R": 9}
_VALUES |= dict(zip("STUVWXYZ", range(2, 10), strict=True))
_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin_valid(vin: str) -> bool:
    """A VIN's alphabet and length, with a letter and a digit, and its check digit where the ninth
    character is one (a first character 1-5 or L)."""
    vin = vin.upper()
    if re.fullmatch(_VIN, vin) is None or vin.isdigit() or vin.isalpha():
        return False
    if vin[0] not in "12345L":
        return True
    remainder = sum(_VALUES[ch] * weight for ch, weight in zip(vin, _WEIGHTS, strict=True)) % 11
    return vin[8] == ("X" if remainder == 10 else str(remainder))


def _cued(match: re.Match[str], text: Text) -> bool:
    return vin_valid(match.group("vin"))


def _may_be_cued(text: Text) -> bool:
    value = text.value
    return "VIN" in value or "FIN" in value or "NIV" in value or _has_word(text)


def _keyed_vin(value: Any) -> bool:
    return isinstance(value, str) and vin_valid(value.strip())


DETECTOR = PatternDetector(
    entity="VEHICLE_PLATE",
    needs=HAS_DIGIT,
    # (a VIN has capitals: the facts rule out most strings before any test of the text)
    requires=HAS_UPPER,
    rules=(PatternRule("vehicle_plate.vin", _CUED, _cued, when=_may_be_cued),),
    unless=NOT_NUMERIC,
)

KEYED_RULES: tuple[KeyedRule, ...] = (
    KeyedRule(
        "VEHICLE_PLATE",
        "vehicle_plate.vin_key",
        keyset("vin vin_number vin_no vehicle_identification_number chassis_number chassis_no fin niv"),
        _keyed_vin,
        fragments=("车架号", "車架號", "車台番号", "차대번호"),
    ),
)
