"""An address's keys are one list (data/keys.toml [address], [address_line], [postcode], [address_part]),
read by the keyed rules (location_keys.py) and by an address kept as its fields (splits.py): keys of the
languages of other scripts, romanised ("jusho", "dizhi", "juso", "alonwan"), hold an address alone, in an
object with its other parts and as {name, value} fields; a street's key of one word ("odos", "rruga",
"line1") holds one only beside another part; a town and a country alone are no address."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from gate.scanning.detectors import location_keys
from gate.scanning.detectors.keyed import table_keys

_FOUND: list[dict[str, Any]] = [
    {"shipping": {"jusho": "大手町1丁目9番2号 ビル5階"}},
    {"shipping": {"dizhi": "建国路93号院2号楼1801室"}},
    {"shipping": {"juso": "테헤란로 152, 12층"}},
    {"shipping": {"alonwan": "٢٢ شارع التحرير، الدور الثاني"}},
    {"order": {"ktovet": "Herzl 14, Haifa"}},
    {"fields": [{"name": "jusho", "value": "大手町1丁目9番2号"}, {"name": "kuni", "value": "日本"}]},
    {"fields": [{"name": "dizhi", "value": "建国路93号院"}, {"name": "chengshi", "value": "北京市"}]},
    {"shipping": {"odos": "Σταδίου 10", "tk": "105 64", "poli": "Αθήνα"}},
    {"shipping": {"rruga": "Rruga Myslym Shyri 20", "kodi_postar": "1001", "qyteti": "Tiranë"}},
    {"shipping": {"line1": "7 Wattle Grove", "city": "Bendigo", "postcode": "3550"}},
    {"shipping": {"ulice": "Nerudova 12", "psc": "118 00", "obec": "Praha"}},
    {"shipping": {"Straße": "Lindenweg 4", "Ort": "Kassel"}},
]

_CLEAN: list[dict[str, Any]] = [
    # a town and a country alone, under the same languages' keys
    {"collection": {"chengshi": "北京市", "guojia": "中国", "theme": "skyline"}},
    {"collection": {"poli": "Αθήνα", "xora": "Ελλάδα", "theme": "skyline"}},
    {"collection": {"qyteti": "Tiranë", "shteti": "Shqipëri"}},
    # a street's key of one word alone, and a line of something else
    {"product": {"line1": "Happy birthday", "line2": "love from all of us"}},
    {"prompt": "a mug with a fox", "odos": "watercolour"},
    # a size under Italy's postcode key is no postcode
    {"product": {"cap": 500, "unit": "ml"}},
]


@pytest.mark.parametrize("params", _FOUND)
def test_address_under_its_keys_is_found(params: dict[str, Any]) -> None:
    assert "LOCATION" in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", _CLEAN)
def test_parts_alone_are_no_address(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_the_keyed_rules_read_the_table() -> None:
    rules = {rule.name: rule for rule in location_keys.KEYED_RULES}  # (the last address rule: its keys)
    assert table_keys("postcode") <= rules["location.postcode_key"].keys
    assert {"jusho", "dizhi", "juso", "alonwan", "cap"} <= rules["location.address_key"].keys
