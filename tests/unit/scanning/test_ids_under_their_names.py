"""A national or tax id under a key, or a name/value pair's name, that is its own name (numbers20:
Shopify's note_attributes `{"name": "cédula", "value": ...}`, `{"NUIT": ...}`): read as after that name in
text, by its check. The same keys with a value that fails the check stay clean."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters


def _pair(name: str, value: str) -> dict[str, Any]:
    return {"order": {"note_attributes": [{"name": name, "value": value}]}}


@pytest.mark.parametrize(
    "params",
    [
        _pair("cédula", "0174370834"),  # Costa Rica
        _pair("carné de identidad", "82060887297"),  # Cuba
        _pair("NIC", "C2411529562935"),  # Mauritius
        _pair("RUC", "64592600"),  # Paraguay
        _pair("NIPT", "L36166887M"),  # Albania
        {"customer": {"VÖEN": "1099887472"}},  # Azerbaijan
        {"customer": {"nuit": "166397529"}},  # Mozambique
        {"kennitala": "1201743399"},  # Iceland
    ],
)
def test_an_id_under_its_own_name_or_a_persons_tax_key_is_found(params: dict[str, Any]) -> None:
    assert "NATIONAL_ID" in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize(
    "params",
    [
        _pair("cédula", "9174370834"),  # no province 9: fails its check
        _pair("RUC", "64592601"),
        _pair("NIPT", "Z36166887M"),
        {"customer": {"nuit": "166397528"}},
        {"vid": "1234567890123456"},  # a video's id, not India's virtual id
    ],
)
def test_the_same_keys_without_a_persons_id_stay_clean(params: dict[str, Any]) -> None:
    assert "NATIONAL_ID" not in {finding.entity for finding in scan_parameters(params)}
