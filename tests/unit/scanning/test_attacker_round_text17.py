"""The seventeenth attacker round on text (text17): attacker_round_text17.json, written before reading the
detectors, on personal data in the shapes of tools no earlier round used: Etsy personalisation fields,
Printful and Printify order options, gift messages, WooCommerce `meta_data`, commercetools custom fields,
Salesforce Commerce Cloud `c_` attributes, Shopify Flow, HubSpot and Mailchimp merge fields, Zendesk,
Intercom and Gorgias ticket text pasted into prompts, Google Merchant and Meta catalogue feeds, Amazon
SP-API listings, a Midjourney job, a DALL-E `revised_prompt`, Firefly, BFL Flux, Stability, Runway and
Krea requests, InvokeAI and Fooocus metadata, Photoroom and Claid product-photo calls; strings holding a
vCard, an iCalendar event, RFC 5322 headers, MIME encoded-words, JSON Lines, GraphQL variables, an SQL
INSERT, a syslog line and a stack trace; e-mail addresses whose domain or top-level domain is written in
another script, transliterated ("คอม", Korean "점") or in punycode. Half the found records come again
disguised: a right-to-left embedding or isolate, a zero-width space, a line break inside the value,
Cyrillic look-alikes, combining marks typed on the letters, fullwidth digits, base64 JSON (also inside
JSON Lines), percent-encoding, a MIME encoded-word, quoted-printable, the value written as a key. The clean
neighbours are catalogue copy, lot numbers, versions, OIDs, awareness merchandise, a web address in
punycode, logs and traces, disguised the same way.

The ids, IBANs and cards are valid (python-stdnum, Luhn), the phone numbers valid (phonenumbers). A
"found" record must yield its expected entity type; a "clean" one no finding at all. What stays open is a
strict xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_text17.json")

_ITALIAN_PLATE = (
    "Italy's plate form ('AB 123 CD') after 'targa' alone, which also names a model's badge ('targa GT "
    "500 XL'): no vehicle named in the text"
)

# What the scanner still misses, by a string of the record, and why (the class, not the example). Text18
# closed the condition with no one it is said of, by the time its course began ("atteint d'une sclérose
# en plaques depuis 2019", "hiv-positief sinds 2015": health.course).
_OPEN: dict[str, str] = {
    "targa AB 123 CD": _ITALIAN_PLATE,
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_forty_languages() -> None:
    # Forty-one languages, as written before the detectors were read (rounds 15 and 16 had sixty).
    assert len(attacker_round.languages(_ROUND)) >= 40
    assert len(_ROUND["found"]) >= 250 and len(_ROUND["clean"]) >= 200
