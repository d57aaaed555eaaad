"""The twentieth attacker round on text (text20): attacker_round_text20.json, written before reading the
detectors, in the payload shapes of public APIs and SDKs as their documentation writes them (each record
names its source in "shape"): Shopify order line_items[].properties and note_attributes ({name, value}),
the Admin GraphQL orderCreate variables, WooCommerce order meta_data and line-item meta_data ({id, key,
value, display_key, display_value}), Magento 2 order items' custom options and Magento 1's PHP-serialized
product_options, Etsy receipt transactions' variations ({formatted_name, formatted_value}), Printful items'
options and gift, Printify line_items' metadata, Gelato items' metadata ({key, value}), Stripe PaymentIntent
metadata and the form-urlencoded body of POST /v1/payment_intents (metadata[...] keys), Klaviyo's JSON:API
events, Braze /users/track, Segment track calls, a Zapier raw hook's form body, a Make webhook's payload as
base64 JSON, OpenAI tool-call arguments encoded twice, Anthropic tool_use input, Replicate and fal.ai
prediction inputs, ComfyUI's /prompt API JSON, Canva autofill data and Figma variables. The personal data
is where a customer puts it, in forty-eight languages: a name to print, a phone number for the courier, an
e-mail address for the proof, an address, the writer's own health ("I'm coeliac", "je suis atteinte de
sclérose en plaques", "man ir cukura diabēts", "may diabetes ako"), the writer's own date of birth
("γεννήθηκα στις ...", "vaig néixer el 23 d'abril de 1973"), and the writer's faith, orientation or union
("as a practising Sikh I'd ...", "Alevi olduğum için", "sono iscritta alla CGIL", "我是穆斯林"). Hostile forms
are mixed in: a value split over two {name, value} lines, the value typed as a key, base64 JSON in a
string, JSON encoded twice, percent-encoded form bodies. The clean neighbours are the same shapes with
catalogue data: product titles, option names and values, SKUs and order numbers, unfilled placeholders,
and copy about health causes ("World Diabetes Day poster", "Pink Ribbon campaign").

The phone numbers are valid (phonenumbers). A "found" record must yield its expected entity type; a
"clean" one no finding at all. What stays open is a strict xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_text20.json")

_PERSON = (
    "a name where no person rule reads it (person*.py, helper names20's): under a displayed pair's label "
    "('Name on certificate'), in Urdu script under 'Name to print', under a checkout plugin's field id "
    "('_billing_wooccm11'), after its label inside a prompt ('engraving_name: ...')"
)
_SIBLING = "a value whose name stands in a sibling array (Figma variableModeValues[].value, variables[].name)"
_SPLIT = "a phone number split over two {name, value} lines of one field ('+47 412' / '34 567'; phone*.py)"
_ME = "ME (myalgic encephalomyelitis) by its two capitals, which read as English 'me' in lower case"
_HI_WRITER = (
    "Hindi's first person 'मैं' before a faith: its vowel signs are optional in the match, and 'म' starts "
    "'मधुमेह' and 'मग', so it is no person word"
)

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "Hildegard Brünnich": _PERSON,
    "عائشہ صدیقی": _PERSON,
    "Itziar Etxeberria Goikoetxea": _PERSON,
    "engraving_name: Montserrat Puig i Serra": _PERSON,
    "สมศรี วงศ์สวัสดิ์": _PERSON,
    "Anneloes de Vries-Bakker": _SIBLING,
    '"+47 412"': _SPLIT,
    '"+886 912"': _SPLIT,
    "jeg har ME": _ME,
    "मैं जैन हूँ": _HI_WRITER,
}

_PERSON_FLAG = "a product word read as a name (person*.py, helper names20's)"

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    "Pembe Kurdele": _PERSON_FLAG,
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _FALSE_FLAGS))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_forty_languages() -> None:
    # Forty-eight languages, as written before the detectors were read; every record names its shape.
    assert len(attacker_round.languages(_ROUND)) >= 40
    assert len(_ROUND["found"]) >= 250 and len(_ROUND["clean"]) >= 200
    assert all(record.get("shape") for record in _ROUND["found"] + _ROUND["clean"])
