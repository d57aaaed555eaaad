"""The attacker rounds kept as JSON (`attacker_round_textN.json`, written before reading the detectors):
each "found" record is a whole set of generation parameters that must yield its expected entity type,
each "clean" one no finding at all. A round's test module names the misses it leaves open (strict
xfails, by a string of the record and the class it belongs to) and the values the scanner names by
another type than the round's author did; the cases are built here, the same way for every round."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

Round = dict[str, list[dict[str, Any]]]


def load(name: str) -> Round:
    """The round in `tests/unit/scanning/<name>`."""
    loaded: Round = json.loads((Path(__file__).parent / name).read_text(encoding="utf-8"))
    return loaded


def found_cases(
    round_: Round, open_: dict[str, str], named_otherwise: dict[str, str] | None = None
) -> list[Any]:
    """(params, entity) cases of the "found" records: a strict xfail where a string of `open_` is in the
    record, the entity of `named_otherwise` where one of its strings is."""
    cases = []
    for record in round_["found"]:
        written = json.dumps(record["params"], ensure_ascii=False)
        reason = next((why for value, why in open_.items() if value in written), None)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        named = (entity for value, entity in (named_otherwise or {}).items() if value in written)
        expect = next(named, record["expect"])
        case_id = f"{record['lang']}-{record['expect']}"
        cases.append(pytest.param(record["params"], expect, marks=marks, id=case_id))
    return cases


def clean_cases(round_: Round, open_: dict[str, str] | None = None) -> list[Any]:
    """params cases of the "clean" records: a strict xfail where a string of `open_` is in the record
    (a false flag left open, with its class)."""
    cases = []
    for record in round_["clean"]:
        written = json.dumps(record["params"], ensure_ascii=False)
        reason = next((why for value, why in (open_ or {}).items() if value in written), None)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(record["params"], marks=marks, id=record["lang"]))
    return cases


def languages(round_: Round) -> set[str]:
    """The languages the round's records are written in (without their region)."""
    return {record["lang"].split("-")[0] for record in round_["found"] + round_["clean"]}
