"""The twenty-first attacker round on text (text21): attacker_round_text21.json, written before reading the
detectors, in structured formats that carry personal data inside generation parameters and metadata and
that no earlier round used (each record names its format in "shape"): payment QR payloads (EPC069-12
SEPA "BCD" lines, the Swiss QR-bill's "SPC" lines, BezahlCode URIs, UPI deep links, PIX "copia e cola"
EMV codes with their CRC), MECARD and SMSTO/sms: payloads for QR codes on packaging, e-mail headers with
RFC 2047 encoded-words (Q and B), OpenID Connect id_tokens, FHIR R4 Patient and Condition resources,
HL7 v2 PID segments, YAML front matter, jCard, Apple Wallet pass.json, iCalendar ATTENDEE lines,
Markdown tables, semicolon CSV rows and tracking links carrying Meta's unhashed advanced-matching keys.
Forty-seven languages; the phone numbers are valid (phonenumbers), the IBANs pass their checks (stdnum).

What the promise says about a payment QR: an IBAN is an account number whoever holds it, and the gate
cannot tell a shop's account from a person's, so any SEPA QR with a valid IBAN is "found"; the clean
neighbours hold placeholders where the payee and IBAN go, or a merchant's UPI link (a merchant VPA, a
business name and a merchant category code: no account number and no one's name). The other clean
neighbours are the same formats holding a shop's or a product's data only: sale copy in an encoded-word
Subject, a service's access token, a FHIR Medication (a catalogue item, no patient), an event ticket's
pass.json, UTM-only links, a shop's MECARD, a café's guest Wi-Fi, size tables, an HL7 MSH header alone.
A "found" record must yield its expected entity type; a "clean" one no finding at all. What stays open
is a strict xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_text21.json")

_ACCENT = (
    "a condition named with an accent its word list spells without (Portuguese 'lúpus'; 'lupus' is found): "
    "health.py and its word list, helper scanfast23's"
)
_DEVANAGARI_PRODUCT = (
    "Hindi product copy in Devanagari read as a name by the script rule ('सिरेमिक मग सुबह का कोहरा', a "
    "mug's title): person*.py, helpers names21's and scanfast23's"
)

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {"l=C3=BApus": _ACCENT}

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {"सिरेमिक मग सुबह का कोहरा": _DEVANAGARI_PRODUCT}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _FALSE_FLAGS))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_forty_languages() -> None:
    # Forty-seven languages, as written before the detectors were read; every record names its shape.
    assert len(attacker_round.languages(_ROUND)) >= 40
    assert len(_ROUND["found"]) >= 250 and len(_ROUND["clean"]) >= 200
    assert all(record.get("shape") for record in _ROUND["found"] + _ROUND["clean"])
