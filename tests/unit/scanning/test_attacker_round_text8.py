"""The eighth attacker round on text (text8): attacker_round_text8.json, written before reading the detectors.

Each record is a whole set of generation parameters. A "found" record must yield its expected entity type;
a "clean" one no finding at all. The misses left open are strict xfails with the class they belong to, so
a fix of the class shows up here as an unexpected pass.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from gate.scanning import scan_parameters

_ROUND = json.loads((Path(__file__).parent / "attacker_round_text8.json").read_text(encoding="utf-8"))

# What the scanner still misses, by the record's first string value, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "photo for HIV+ support group member Kwame, warm tones": (
        "a status written as 'HIV+' with the person after it ('member Kwame'): no linking word, no record"
    ),
    "sünnipäevakaart Kadri Tammele": "Estonian names in a local case ('-le' allative) after no cue",
    "Phường Bến Nghé": (
        "a Vietnamese address after 'địa chỉ:' is read as a name (its street is one: 'Nguyễn Huệ'), "
        "not as an address"
    ),
}


def _case(record: dict[str, Any]) -> Any:
    written = json.dumps(record["params"], ensure_ascii=False)
    reason = next((why for value, why in _OPEN.items() if value in written), None)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(
        record["params"], record["expect"], marks=marks, id=f"{record['lang']}-{record['expect']}"
    )


@pytest.mark.parametrize(("params", "entity"), [_case(record) for record in _ROUND["found"]])
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize(
    "params", [pytest.param(record["params"], id=record["lang"]) for record in _ROUND["clean"]]
)
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_thirty_languages() -> None:
    languages = {record["lang"].split("-")[0] for record in _ROUND["found"] + _ROUND["clean"]}
    assert len(languages) >= 30
