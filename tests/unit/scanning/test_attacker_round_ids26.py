"""The twenty-sixth attacker round on identity numbers (ids26): attacker_round_ids26.json, generated
before the rules it opened were read, every id valid by its python-stdnum module, 46 locales, in shapes
no earlier round used: ids in a checkout's {name, value} fields under their label, in a string of
name=value pairs (`customer=Anna;pesel=...;ship=express`), in a URL's query string and in its path
(`/customers/rodne_cislo/460122/4738/orders`), after their label with OCR-like confusions (O for 0, l
for 1, S for 5, B for 8), in a CSV cell of a note under a header naming them, and split over three
camelCase fields named for their parts (`personasKodsPart1`..`Part3`).

The clean neighbours: numbers that pass the same ids' checks labelled as order, invoice and tracking
numbers in each language, in the same shapes (a note, name=value pairs, a URL's path, a CSV note, an
order number split over `order_1`/`order_2` beside a delivery date's fields, invoice and SKU fields).
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_ids26.json")

_OCR = (
    "an id after its label with OCR-like confusions (`PESEL: 88O22OO3Ol8`): no rule reads a letter "
    "inside a digit run as the digit it looks like"
)
_GENERIC_KEY = (
    "an id split over fields named for an identity card without its country (`idCardPart1`..`Part3`): "
    "a generic name gives no scheme to check the join against, and any of fifty checks passes often"
)
_PAIRED_LABEL = (
    "an id in a checkout's {name, value} field under its full German name ('Steuerliche "
    "Identifikationsnummer'): no keyed rule reads that name"
)
_SNAKE_REFERENCE = (
    "a number passing an id's check after a snake_case order key in name=value text (`order_id=...`): "
    "the reference words read `order id`, not `order_id`, and the text rules flag the number"
)

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    '"ocr_text"': _OCR,
    '"idCardPart1"': _GENERIC_KEY,
    "Steuerliche Identifikationsnummer": _PAIRED_LABEL,
}

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    "order_id=03095300889": _SNAKE_REFERENCE,
    "order_id=2880507422661": _SNAKE_REFERENCE,
    "order_id=51030880052": _SNAKE_REFERENCE,
    "order_id=274027593764855": _SNAKE_REFERENCE,
    "order_id=7563466766277": _SNAKE_REFERENCE,
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_id_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _FALSE_FLAGS))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_forty_locales() -> None:
    records = _ROUND["found"] + _ROUND["clean"]
    assert len({record["lang"] for record in records}) >= 40
    assert len(_ROUND["found"]) >= 150 and len(_ROUND["clean"]) >= 150
