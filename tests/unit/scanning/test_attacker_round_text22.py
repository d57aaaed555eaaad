"""The twenty-second attacker round on text (text22): attacker_round_text22.json, written before reading
the detectors, in the exports and wire formats that commerce back-offices, print shops and support tools
paste into generation parameters and metadata text, none of which an earlier round used (each record
names its format in "shape"): SQL dumps (INSERT ... VALUES, PostgreSQL COPY blocks), EDIFACT (NAD, CTA,
COM) and ANSI X12 (N1/N3/N4/PER), UBL invoices, cXML and SOAP, label printer code (ZPL `^FD...^FS`, EPL2,
Datamax DPL), web server access logs and application log lines (query strings, `user=` fields,
X-Forwarded-For), WhatsApp, Zendesk and Intercom exports, e-mail replies with the quoted attribution line
and Outlook's header block in the reader's language, mbox `From ` lines, LDIF (base64 values too), vCard
2.1 with QUOTED-PRINTABLE, GraphQL, protobuf text format, INI/TOML, spreadsheet formulas and semicolon CSV
with a byte-order mark. Forty-eight languages; the phone numbers are valid mobile numbers (phonenumbers).

What the promise says of a back-office's own data, as the clean neighbours hold it: a product's title,
SKU, GTIN/EAN and price, a shop's or a carrier's name with its legal form and the address after it (an
invoice's supplier party, a label's return block), a party named only by its GLN (a company's location
number, no person's), a shop's role mailbox (`orders@`, `noreply@`, `support@` at the shop's domain), a
loopback address in a health check's log line, render settings and seeds. A customer's name, address,
phone, e-mail, birth date or health, and a visitor's public IP address, are found in every format.
A "found" record must yield its expected entity type; a "clean" one no finding at all. What stays open
is a strict xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_text22.json")

_DEVANAGARI_PRODUCT = (
    "Hindi product copy in Devanagari read as a name by the script rule ('सिरेमिक मग सुबह की धुंध', a mug's "
    "title; text21's open class): person*.py, helpers names22's and scanfast24's"
)
_PRODUCT_IN_NOTE = (
    "a product's title alone in a free-text field (a vCard NOTE, read under 'note') taken for a lone name: "
    "person_lone.py, helper names22's"
)

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {}

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    "सिरेमिक मग सुबह की धुंध": _DEVANAGARI_PRODUCT,
    "Keramikbolli Morgun=C3=BEoka": _PRODUCT_IN_NOTE,
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
