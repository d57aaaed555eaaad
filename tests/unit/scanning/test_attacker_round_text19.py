# ruff: noqa: RUF001 - text of other scripts, on purpose
"""The nineteenth attacker round on text (text19): attacker_round_text19.json, written before reading the
detectors, on personal data in shapes no earlier round used: prompts written by agents (OpenAI message
arrays and tool calls whose arguments are JSON in a string, Anthropic tool_use/tool_result blocks, Gemini
functionCall parts, agent steps), ComfyUI and A1111 workflows with customer fields in node titles and
widget values, Figma/Canva/Adobe Express template variables filled in, Braze/Klaviyo/Salesforce Marketing
Cloud/Dynamic Yield output rendered, Printful/Printify/Gelato order sheets, CSV in a string with quoting
and escaped separators, SQL statements, GraphQL variables, protobuf text format, XML/SOAP, e-mail headers,
vCard and iCalendar (ATTENDEE, ORGANIZER, BDAY), MIME encoded-words and quoted-printable, punycode and
Unicode mail domains and local parts, percent-encoding twice, Unicode tag characters and variation
selectors inside values, mathematical and enclosed alphanumerics, superscript digits; special categories
(health, religion, politics, unions, sexual orientation, ethnicity, convictions, biometrics) said of a
customer in fifty languages, often to the customer ('as a diabetic you ...'); dates of birth written in
words in twenty-four languages and with Roman month numerals; ages said with the birthday ('turning 40 on
3 March'); hostile forms (homoglyphs, combining marks, bidi controls, soft hyphens, values as keys, native
digits). The clean neighbours are the same shapes with catalogue data, unfilled placeholders ({{first_name}},
*|FNAME|*, %%=v(@fn)=%%), a shop's role mailboxes, product copy about health, faith and politics in general
('diabetic-friendly cookbook cover', 'Ramadan Kareem banner', 'Pride collection tee'), sale and event dates
in words, a Scotland flag's tag characters, emoji variation selectors and superscript units.

The IBANs are valid (python-stdnum), the phone numbers valid (phonenumbers). A "found" record must yield
its expected entity type; a "clean" one no finding at all. What stays open is a strict xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_text19.json")

_CRIMINAL_TERM = (
    "a prison term said with its length, not the phrase 'served time' ('served three years for burglary')"
)
_ETHNIC = (
    "an ethnic origin said of a customer in text ('the customer is Romani', 'de etnia gitana', 'of Kurdish "
    "ethnicity'): ETHNIC_ORIGIN is read under its keys only"
)
_HU_GAY = "Hungarian 'meleg' (gay, and warm) right after a person ('az ügyfél meleg')"
_UNION_NAME = "a union named by an everyday word without its kind ('medlem i Kommunal')"
_EMAIL = "an e-mail address whose local part alone is a MIME encoded-word"
_PERSON = "a name in a delimited order sheet's 'name on mug' column (person*.py, helper names19's)"

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "customer served three years for burglary": _CRIMINAL_TERM,
    "the customer is Romani": _ETHNIC,
    "die Kundin ist Sintiza": _ETHNIC,
    "el cliente es de etnia gitana": _ETHNIC,
    "customer is of Kurdish ethnicity": _ETHNIC,
    "az ügyfél meleg": _HU_GAY,
    "kunden är medlem i Kommunal": _UNION_NAME,
    "=?UTF-8?B?cmVuZWUuZHVib2lz?=@laposte.net": _EMAIL,
    "Anneke van der Berg": _PERSON,
}

_PERSON_FLAG = "a product word read as a name (person*.py, helper names19's)"

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    "Beste opa": _PERSON_FLAG,
    "Primo Maggio": _PERSON_FLAG,
    "Onur Haftası": _PERSON_FLAG,
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _FALSE_FLAGS))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_forty_languages() -> None:
    # Sixty-one languages, as written before the detectors were read.
    assert len(attacker_round.languages(_ROUND)) >= 40
    assert len(_ROUND["found"]) >= 250 and len(_ROUND["clean"]) >= 200
