"""The twentieth attacker round on numbers and identifiers across locales (numbers20):
attacker_round_numbers20.json, written before reading the detectors and generated with python-stdnum's
and phonenumbers' own checks (every phone, national id, card and IBAN in it is valid), in shapes
numbers18 and numbers19 did not use: numbers in the shapes of real order and payment payloads (Stripe
`billing_details.phone` and `card.number`, Shopify `customer.phone` and `note_attributes` name/value
pairs, Magento `billing_address.telephone`, PayPal `payer.phone.phone_number.national_number` and
`payer.tax_info`); the digits of other scripts in every rule (Arabic-Indic, Persian, Devanagari,
Bengali, Thai, Gujarati, Telugu, Kannada, Malayalam, Tamil, Khmer, Lao, Myanmar, Gurmukhi, full-width);
phones and cards with some digits spelled in words; phones with an extension or a pause ('ext.',
'доб.', '内線', ',,123', ';123'); national and tax ids of countries no round used (Costa Rica, Cuba, the
Dominican Republic, Ecuador, Kenya, Mauritius, Peru, Venezuela, Guatemala, Paraguay, Albania,
Azerbaijan, Mozambique, El Salvador, Ghana); IBANs in other digits, grouped with their country code
apart, under a refund's key.

Decided here: coordinates are no clean neighbour when they are a place's `lat`/`lng` (a person's
whereabouts, location.py's); the clean records hold an image crop's coordinates and a map poster's
rounded ones instead.

The clean neighbours: GTIN-13, UPC and ISBN with their check digits, ISSN, order numbers in the
language of every locale (in its digits too), tracking numbers of seven carriers, invoice numbers,
Unix timestamps in seconds and milliseconds, version strings, commit hashes, dimensions, seeds, the ids
and amounts of Stripe payment intents, Shopify orders, PayPal purchase units and Magento items.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_numbers20.json")

_PAYPAL_TAX_INFO = (
    "a payer's tax id in PayPal's shape, payer.tax_info {'tax_id', 'tax_id_type'}: 'payer' is no owner "
    "word of the key context (context.py) and the tax key sits an object deeper, its kind in a sibling"
)
_BUYERS_TAX_ID = (
    "a buyer's tax_id (Stripe billing_details) of a format no rule knows: a customer's tax_id may be a "
    "company's (numbers19 decided {'customer': {'tax_id': 'B12345674'}}, a CIF, clean)"
)
_UNKNOWN_TIN_TEXT = (
    "Ghana's TIN ('P00' and eight digits) as a {name, value} pair's name 'TIN' (ids25 reads it after 'TIN' "
    "in text; 'tin' is no key of its own: a can, a tin of paint)"
)
_NATIONAL_NUMBER_ALONE = (
    "a seven-digit phone as PayPal's phone_number.national_number, its country in another branch"
)

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    '"tax_id_type"': _PAYPAL_TAX_INFO,
    '"tax_id": "0121607896"': _BUYERS_TAX_ID,
    '"tax_id": "87021841234"': _BUYERS_TAX_ID,
    '"tax_id": "D260465091765F"': _BUYERS_TAX_ID,
    '"tax_id": "93371039"': _BUYERS_TAX_ID,
    '"tax_id": "11225246"': _BUYERS_TAX_ID,
    '"tax_id": "M50360862D"': _BUYERS_TAX_ID,
    '"tax_id": "03971808621831"': _BUYERS_TAX_ID,
    '"tax_id": "P0001476300"': _BUYERS_TAX_ID,
    '"name": "TIN"': _UNKNOWN_TIN_TEXT,
    '"national_number": "6110478"': _NATIONAL_NUMBER_ALONE,
}

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_number_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _FALSE_FLAGS))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_forty_languages() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 40
    assert len(_ROUND["found"]) >= 250 and len(_ROUND["clean"]) >= 200
