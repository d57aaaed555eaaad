"""The fifteenth attacker round on text (text15): attacker_round_text15.json, written before reading the
detectors, on personal data as real tools and shops' pipelines write it into generation parameters:
ComfyUI API graphs and workflows (`widgets_values`), A1111 infotext, Midjourney jobs, DALL-E's
`revised_prompt`, Firefly requests, Magento and Shopify custom options, InvokeAI and Fooocus metadata,
NovelAI's PNG comment, support-chat transcripts; fields kept as name/value pairs (Shopify properties,
Magento attributes, WooCommerce meta, GA4 event params, HAR cookies and headers), OpenRTB bid requests;
keycap, circled and mathematical digits, pictographs between words, text reversed under a right-to-left
override, numbers split across keys and arrays; e-mail obfuscations of more languages, delivery
addresses of 45 countries, dates of birth in the Hebrew, Chinese lunar, Ethiopian and Nepali calendars
and with Roman-numeral months, ids and tax numbers of 17 more countries, loyalty programmes, framework
session cookies, IMEIs, VINs, MRZs, and health, sexual orientation and religion said in 40 more
languages; in 80 languages. The clean neighbours are catalogue copy in the same tools' parameters and
product options in the same name/value shapes, in 80 languages.

A "found" record must yield its expected entity type; a "clean" one no finding at all. What stays open
is a strict xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_text15.json")

_EMAIL_WORDS = (
    "'at' and 'dot' in words of Slovene ('afna'), Lithuanian ('eta'), Latvian ('et') and Basque ('abildua')"
)
_SPLIT = (
    "a value split across keys or array items with no fragment mark at a boundary (no '@', '+' or '.'): "
    "an address's local part and domain, a country code and a number, an IBAN over seven keys, a card over "
    "first6/middle/last4, a MAC over six items, a DNI's number and letter, an address as an array"
)
_EMOJI_DIGITS = "pictographs between a phone number's digit groups ('347 🌸 123 🌸 4567')"
_ADDRESS = (
    "address forms `location` does not read: a Saudi short national address, an Indian flat and cross, a "
    "Bulgarian housing estate's block, an Armenian street word, a Japanese chōme in Latin letters"
)
_DOB_CALENDAR = "a birth date in the Hebrew or the Chinese lunar calendar"
_DOB_FORM = (
    "a birthday cake as a birth date's only cue, the date before it ('🎂 12.03.1984 🎂 that's my birthday')"
)
_DOB_NUMBER = "a birth date under its key as a Unix timestamp (seconds or ms) or an Excel serial day"
_IBAN_FORMS = "an IBAN written in pairs of digits (read as a phone), or right after an Arabic label"
_REVERSED = "a card number reversed under a right-to-left override (the override is dropped, not undone)"
_IFA = "an advertising id under OpenRTB's 'ifa' key"
_COOKIE = (
    "a pair whose name is a cookie's name with a per-site hash (Drupal's SSESS + the site's hash): keys "
    "are read whole"
)
_ROUTING = (
    "a US routing number under its own key (here a pair's name): routing numbers are read after words only"
)
_MRZ_FR = "the old French identity card's two 36-character MRZ lines"
_VIN_DE = "a VIN after its German name (FIN, Fahrzeug-Identifizierungsnummer)"
_SPECIAL = (
    "special categories in forms `special_category` does not read: swingers, German 'bi', Hebrew 'religious "
    "Jew' after 'I', Hindi 'Sikh'"
)
_BIOMETRIC = "a biometric template (voiceprint, fingerprint template) written in text (round 14's class)"
_TL_MOBILE = "a Philippine mobile written nationally after a Tagalog cue (round 10's class)"

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "afna gmail": _EMAIL_WORDS,
    "eta gmail": _EMAIL_WORDS,
    "et inbox": _EMAIL_WORDS,
    "abildua gmail": _EMAIL_WORDS,
    "email_lokaal": _SPLIT,
    '"cc": "+44"': _SPLIT,
    '"iban_1"': _SPLIT,
    '"first6"': _SPLIT,
    '"mac": ["3c"': _SPLIT,
    '"letra": "Z"': _SPLIT,
    '"lieferung": ["Hauptstraße"': _SPLIT,
    "347 🌸 123": _EMOJI_DIGITS,
    "i-text mo ako sa 0917": _TL_MOBILE,
    "农历1984": _DOB_CALENDAR,
    "🎂 12.03.1984": _DOB_FORM,
    "dob_epoch": _DOB_NUMBER,
    "birthdate_ms": _DOB_NUMBER,
    "geburtsdatum_excel": _DOB_NUMBER,
    "PL 61 10 90": _IBAN_FORMS,
    "رقم الآيبان": _IBAN_FORMS,
    "card \u202e5325": _REVERSED,
    '"ifa"': _IFA,
    '\\"ifa\\"': _IFA,
    "SSESS4f9b1c2d3e": _COOKIE,
    "routing_number": _ROUTING,
    "IDFRADURAND": _MRZ_FR,
    "FIN meines Autos": _VIN_DE,
    "swingers": _SPECIAL,
    "Freund ist bi": _SPECIAL,
    "voiceprint template": _BIOMETRIC,
}

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    "12 Oak Street collection": "a product line named as a street address with its house number",
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _FALSE_FLAGS))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_sixty_languages() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 60
    assert len(_ROUND["found"]) >= 350 and len(_ROUND["clean"]) >= 200
