"""DEVICE_ID in free text: a device's or an app install's identifier (GDPR Recital 30, online identifiers).

- A MAC address ("00:1A:2B:3C:4D:5E", "00-1A-2B-3C-4D-5E") anywhere: six hex pairs joined by one
  separator have no other use in generation parameters (six pairs of decimal digits, a timecode as
  often, only after "MAC"). Validated by python-stdnum (`mac`); the all-zero and broadcast addresses
  are no one's.
- An IMEI (15 digits, Luhn; python-stdnum `imei`) only after its cue word ("IMEI", "串号"): a random
  15-digit run passes Luhn one time in ten. A MAC in Cisco's dotted form only after "MAC".
- An advertising or device ID (a UUID, or 16 to 64 hex digits) only after a device cue word ("IDFA",
  "GAID", "advertising ID", "device ID", "Geräte-ID", "identifiant de l'appareil", ...): a UUID alone is
  a request or model ID as often as anything.
"""

from __future__ import annotations

import re

from stdnum import imei, mac

from gate.scanning import lexicon
from gate.scanning.context import NOT_NUMERIC
from gate.scanning.detectors.base import (
    HAS_COLONS,
    HAS_DIGIT,
    HAS_DIGIT_RUN,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)
from gate.scanning.script_facts import HAS_NON_HEX

_MAC = re.compile(r"(?<![\w:.\-])[0-9A-Fa-f]{2}([:\-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\w:.\-])")
_MAC_SEPARATORS = 5
_NOBODY = frozenset(("00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff"))

# "IMEI", or the Chinese "串号" (a phone's serial: its IMEI), then a label's "number" words or up to four
# short words ("IMEI-Nummer", "IMEI de mi móvil es", "IMEI码"), then 15 or 16 digits.
_IMEI = re.compile(
    r"(?i)(?:\bimei|串号|串號)(?:[\s\-]*(?:number|nummer|numéro|número|numero|no\.?|nr\.?|#|n°|1|2|码|碼|号|號))?"
    r"(?:\s+[^\W\d_]{1,6}){0,4}\s*[:=#]?\s*(?P<id>\d(?:[ \-]?\d){14,15})(?!\d)"
)
# A MAC address in Cisco's dotted form ("a4c3.f047.6b2e"), after "MAC" only: three groups of four hex
# digits are a version or a hash's piece as often.
_DOTTED_MAC = re.compile(
    r"(?i)\bmac\b[^\n]{0,24}?(?<![\w.])(?P<id>[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})(?![\w.])"
)

# The device cue words of data/cues.toml ("IDFA", "device ID", "Geräte-ID", "идентификатор устройства"), then
# a UUID or a long hex identifier.
_CUED_ID = lexicon.Cues("device").then(
    r"[^\w\n]{0,6}(?:(?:is|ist|est|es|è|é|:)\s*)?"
    r"(?P<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-fA-F]{16,64})"
    r"(?![\w\-])"
)


def _valid_mac(match: re.Match[str], text: Text) -> bool:
    found = match.group().lower().replace("-", ":")
    if found in _NOBODY or not mac.is_valid(found):
        return False
    # Six pairs of decimal digits are as often a timecode or a date ("00:12:34:56:78:90"): only after
    # a MAC's own cue word.
    return any(ch in "abcdef" for ch in found) or "mac" in text.lower


def _valid_dotted_mac(match: re.Match[str], text: Text) -> bool:
    found = match.group("id").replace(".", "")
    pairs = ":".join(found[i : i + 2] for i in range(0, 12, 2))
    return mac.is_valid(pairs) and any(ch.isdigit() for ch in found) and any(ch.isalpha() for ch in found)


def _valid_imei(match: re.Match[str], text: Text) -> bool:
    return bool(imei.is_valid(match.group("id")))


def _identifier_digits(match: re.Match[str], text: Text) -> bool:
    found = match.group("id")
    # Zeros are the "limit ad tracking" IDFA (00000000-0000-...): no one's.
    return any(ch.isdigit() for ch in found) and any(ch not in "0-" for ch in found)


def _has_dashes(text: Text) -> bool:
    return text.value.count("-") >= _MAC_SEPARATORS


DETECTOR = PatternDetector(
    entity="DEVICE_ID",
    needs=HAS_DIGIT,
    rules=(
        # Colons: two or more make `HAS_COLONS`; dashes are counted (five).
        PatternRule("device_id.mac", _MAC, _valid_mac, requires=HAS_COLONS),
        PatternRule("device_id.mac", _MAC, _valid_mac, when=_has_dashes),
        PatternRule(
            "device_id.imei",
            _IMEI,
            _valid_imei,
            when=any_word(("imei", "串号", "串號")),
            requires=HAS_DIGIT_RUN | HAS_NON_HEX,
        ),
        # (hexfast26) These need a word ("IMEI", "MAC", a device cue: each holds a character other than
        # a hex digit or "-", tested), so a hash or a UUID alone is not asked; a dashed MAC can be one.
        PatternRule(
            "device_id.mac", _DOTTED_MAC, _valid_dotted_mac, when=any_word(("mac",)), requires=HAS_NON_HEX
        ),
        # (The cued pattern looks its cue words up itself: no prefilter.)
        PatternRule("device_id.cued", _CUED_ID, _identifier_digits, requires=HAS_NON_HEX),
    ),
    unless=NOT_NUMERIC,
)
