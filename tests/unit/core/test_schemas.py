"""`schema_errors`: valid or not, and a description that names where and which rule, never a value."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from gate.schemas import INGEST_EVENT, POLICY, schema_errors

SECRET = "jane.doe@example.com"


def _event(**overrides: Any) -> dict[str, Any]:
    event: dict[str, Any] = {
        "event_id": "e-1",
        "occurred_at": "2026-11-27T10:00:00Z",
        "source": "studio",
        "asset": {"data": "AAAA", "media_type": "image/png"},
    }
    return event | overrides


def _policy(rules: list[dict[str, Any]]) -> dict[str, Any]:
    return {"version": "x", "rules": rules}


def test_a_key_the_schema_does_not_define_is_not_spelled_in_the_pointer() -> None:
    # Context keys are free-form, so one can be an email address; the pointer shows "*" instead.
    assert schema_errors(INGEST_EVENT, _event(context={SECRET: {"nested": 1}})) == [
        "/context/*: does not satisfy 'type'"
    ]


def test_errors_are_ordered_by_pointer_with_indices_as_numbers() -> None:
    good = {"match": {"code": "a.b"}, "outcome": "approve"}
    bad = {"match": {"code": "a.b"}, "outcome": "maybe"}
    rules = [bad if i in (2, 3, 4, 10, 11) else good for i in range(12)]
    assert [e.split(":")[0] for e in schema_errors(POLICY, _policy(rules))] == [
        "/rules/2/outcome",
        "/rules/3/outcome",
        "/rules/4/outcome",
        "/rules/10/outcome",
        "/rules/11/outcome",
    ]


def test_many_errors_are_described_by_the_first_few() -> None:
    event = _event(generation={"synthetic": True, "training_data_sources": [1] * 200_000})
    errors = schema_errors(INGEST_EVENT, event)
    assert errors[0] == "/generation/training_data_sources: does not satisfy 'maxItems'"
    assert len(errors) == 5


def test_what_only_json_refuses_is_described_too() -> None:
    # Python's json.loads reads NaN; JSON has no such number, so a typed context value cannot hold it.
    assert schema_errors(INGEST_EVENT, _event(context={"store": float("nan")})) == [
        "/context/store: does not satisfy 'type'"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "version: x\nrules: &loop\n  - *loop\n",
        "version: x\nrules:\n  - match: {code: a.b}\n    outcome: approve\ndescription: &a [*a]\n",
        "x: &a [*a]\nversion: 2026-11-27\nrules:\n  - match: {code: a.b}\n    outcome: approve\n",
        "version: &v [2026-11-27, *v]\nrules:\n  - match: {code: a.b}\n    outcome: approve\n",
    ],
)
def test_a_yaml_alias_cycle_is_described_not_a_crash(text: str) -> None:
    errors = schema_errors(POLICY, yaml.safe_load(text))
    assert errors and all(isinstance(e, str) and e.startswith("/") for e in errors)


def test_values_json_cannot_hold_are_located() -> None:
    doc = yaml.safe_load("version: 2026-11-27\nrules:\n  - match: {code: a.b}\n    outcome: approve\n")
    assert schema_errors(POLICY, doc) == ["/version: is not a JSON value (quote dates; no binary or sets)"]
    lone_surrogate_key = _event(context={"\ud800": "x"})
    assert schema_errors(INGEST_EVENT, lone_surrogate_key) == [
        "/context: has a key that is not a JSON string"
    ]


def test_no_description_quotes_a_value() -> None:
    events = [
        _event(event_id=SECRET),
        _event(source=SECRET + "\n"),
        _event(asset={"uri": SECRET, "media_type": "image/png"}),
        _event(context={"sku": {"owner": SECRET}}),
        _event(**{SECRET: SECRET}),
        _event(generation={"synthetic": SECRET}),
    ]
    for event in events:
        errors = schema_errors(INGEST_EVENT, event)
        assert errors and not any(SECRET in e or "jane" in e for e in errors), errors


def test_the_walk_that_locates_a_non_json_value_survives_a_cycle_on_its_way() -> None:
    text = "version: x\nrules:\n  - match: {code: [&c [*c], 2026-11-27]}\n    outcome: approve\n"
    assert schema_errors(POLICY, yaml.safe_load(text)) == [
        "/rules/0/match/code/0/0: refers to itself (a YAML alias cycle)"
    ]


def test_locating_a_non_json_value_gives_up_after_a_bounded_walk() -> None:
    # The lone surrogate sits after five million values: the walk stops early (one iterator per open
    # container, nothing copied) and says what it can.
    parameters = {"x": [1] * 5_000_000}
    event = _event(generation={"synthetic": True, "parameters": parameters}, context={"\ud800": "x"})
    assert schema_errors(INGEST_EVENT, event) == ["/: holds a value that cannot be validated as JSON"]
