"""`person_costs`: the map of PERSON's cost asks PERSON what the walk asks it, keeps its answers, and times
every sub-rule (a map that lost strings or rules would mislead the next change)."""

from __future__ import annotations

from benchmarks.person_costs import asked, by_sub_rule, per_call, sub_rules

_RECORDS = [
    {"prompt": "gift for my wife Maria Garcia", "style": "taza de cerámica"},
    {"prompt": "Forest Green mug, Rose Gold rim", "seed": 42},
]


def test_asked_keeps_each_answer() -> None:
    items = asked(_RECORDS)
    answers = {value: found for value, _, _, _, found in items}
    assert answers["gift for my wife Maria Garcia"] is not None
    assert answers["Forest Green mug, Rose Gold rim"] is None


def test_every_sub_rule_is_timed_and_calls_are_split_by_finding() -> None:
    items = asked(_RECORDS)
    clean, found = per_call(items, passes=1)
    assert clean > 0
    assert found > 0
    rows = dict(by_sub_rule(items, records=len(_RECORDS), passes=1))
    assert set(rows) == set(sub_rules())
    assert all(micros >= 0 for micros in rows.values())
