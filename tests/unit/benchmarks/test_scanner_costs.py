"""`scanner_costs`: the cost map switches the detectors back on, and names the keys and detectors that
cost time (a map that lost them, or left the scanner without detectors, would mislead the next change)."""

from __future__ import annotations

from benchmarks.scanner_costs import by_detector, by_key, phases, set_up
from gate.scanning import scan_parameters

_RECORDS = [
    {"prompt": "a red mug on a table", "contact": {"email": "jane.doe@example.com"}},
    {"prompt": "a blue mug, call +49 30 901820 for delivery", "seed": 42},
]


def test_phases_leave_the_detectors_on() -> None:
    measured = dict(phases(_RECORDS, seconds=0.01))
    assert measured["full pass (as the benchmark times it)"] > 0
    assert len(measured) == 5
    found = {(f.entity, f.path) for f in scan_parameters(_RECORDS[1])}
    assert ("PHONE_NUMBER", "/prompt") in found


def test_by_key_counts_strings_with_a_finding() -> None:
    rows = {key: (strings, with_finding) for key, _, strings, with_finding in by_key(_RECORDS, repeat=1)}
    assert rows["prompt"] == (2, 1)
    assert rows["email"] == (1, 1)
    assert "seed" not in rows  # numbers are not strings the detectors read


def test_by_detector_names_the_detectors_asked() -> None:
    names = {name for name, _, _ in by_detector(_RECORDS, passes=1)}
    assert {"PHONE_NUMBER", "EMAIL_ADDRESS"} <= names


def test_set_up_times_every_stage_and_the_detectors() -> None:
    rows = dict(set_up(_RECORDS, passes=1))
    assert len(rows) == 4
    assert all(micros >= 0 for micros in rows.values())
    # The records hold an address and a number: the detectors have work, so their stage costs time.
    assert rows["every detector of each plan"] > 0
