"""The keyed rules' table (`seen._accepted`: what a rule answered for a string under its key) changes no
finding: the same findings with it and without it, on values met again under the same and under other
keys; each rule's answer is its own; it holds only short strings, stays within its bounds and is
emptied with the table of clean strings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from gate.model import Finding
from gate.scanning import scan_parameters, seen


@pytest.fixture
def empty_tables(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[tuple[int, str], bool]]:
    """This test's own keyed table (and clean table), empty at the start."""
    table: dict[tuple[int, str], bool] = {}
    monkeypatch.setattr(seen, "_accepted", table)
    saved = dict(seen.CLEAN)  # the walk holds the clean table itself: emptied and refilled, not swapped
    seen.CLEAN.clear()
    yield table
    seen.CLEAN.clear()
    seen.CLEAN.update(saved)


def _fresh(params: Any) -> list[Finding]:
    with seen.without_clean_table():
        return scan_parameters(params)


# Keyed values as pipelines repeat them: model and LoRA names (one a person's), authors, recipients.
_RECORDS: list[dict[str, Any]] = [
    {"model": "realisticVision_v5.1", "lora": "anna_kowalska_v1.safetensors", "author": "Jean Paul Gaultier"},
    {"model": "realisticVision_v5.1", "lora": "detail_tweaker", "author": "Maria Gonzalez"},
    {"customer": "Guðrún Sigurðardóttir", "recipient": {"name": "Kofi Mensah"}, "model": "dall-e-3"},
    {"customer": "Returning Customer", "author": "PDF Tools AG", "lora": "anna_kowalska_v1.safetensors"},
    {"first_name": "Anna", "model": "Anna Kowalska", "image": "renders/mariaGonzalez_portrait.png"},
]


def test_findings_are_the_same_with_the_table(empty_tables: dict[tuple[int, str], bool]) -> None:
    expected = [_fresh(record) for record in _RECORDS]
    assert any(expected), "the records must hold keyed findings for this test to mean anything"
    for _ in range(2):  # the second round answers from the table
        assert [scan_parameters(record) for record in _RECORDS] == expected
    assert empty_tables, "the table was never used"


def test_each_rule_answers_for_itself(empty_tables: dict[tuple[int, str], bool]) -> None:
    # "Anna Kowalska" is no identifier (person.joined_name says no under "model"), but it is a name
    # under a name key: the first answer must not be replayed for the other rule.
    assert [f.entity for f in scan_parameters({"model": "Anna Kowalska"})] == []
    assert [f.detector for f in scan_parameters({"first_name": "Anna Kowalska"})] == ["person.name_key"]
    assert [f.detector for f in scan_parameters({"model": "anna_kowalska_v1"})] == ["person.joined_name"]


def test_long_strings_are_not_held(empty_tables: dict[tuple[int, str], bool]) -> None:
    long_name = "Anna " + "Maria " * (seen._MAX_CLEAN_CHARS // 6) + "Kowalska"
    scan_parameters({"first_name": long_name})
    assert all(len(value) <= seen._MAX_CLEAN_CHARS for _, value in empty_tables)
    assert not any(value == long_name for _, value in empty_tables)


def test_the_table_stays_within_its_bounds(
    empty_tables: dict[tuple[int, str], bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(seen, "_MAX_ACCEPTED", 8)
    for index in range(40):
        assert scan_parameters({"first_name": f"Anna{index} Kowalska"})
        assert len(empty_tables) <= 8


def test_forget_clean_empties_it(empty_tables: dict[tuple[int, str], bool]) -> None:
    scan_parameters(_RECORDS[0])
    assert empty_tables
    seen.forget_clean()
    assert not empty_tables
