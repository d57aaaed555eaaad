"""LOCATION under address and postcode keys: a postcode alone, as a string, a number or in a list, with
the neighbours a postcode key can hold that are no place."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters

CASES: list[tuple[dict[str, Any], bool]] = [
    ({"address": {"postcode": "SW1A 1AA"}}, True),
    ({"shipping_address": {"zip": "10115"}}, True),
    ({"shipping_address": {"zip": 10115}}, True),
    ({"zip": 10115}, True),
    ({"plz": 80331}, True),
    ({"code_postal": 75017}, True),
    ({"customer": {"postcode": "1017 GL"}}, True),
    ({"address": ["10115"]}, True),
    ({"ship_to": "SW1A 1AA"}, True),
    ({"deliver_to": "80331 München"}, True),
    ({"zip": True}, False),
    ({"zip": 0}, False),
    ({"zip": 12}, False),
    ({"zip": []}, False),
    ({"postcode": ""}, False),
]


@pytest.mark.parametrize(("params", "found"), CASES)
def test_a_postcode_alone_under_its_key(params: dict[str, Any], found: bool) -> None:
    assert ("LOCATION" in {f.entity for f in scan_parameters(params)}) is found
