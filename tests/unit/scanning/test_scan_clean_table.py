"""The table of strings found clean (`seen.CLEAN`) changes no finding: scans give exactly what they give
without it, in the same order, on both labelled corpora, on hostile generated JSON and across key contexts;
it holds only strings the detectors found nothing in, under the context they were read in; it stays within
its bounds; and a detector that fails leaves nothing behind."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from benchmarks.corpus_locales import generate_locale_corpus
from benchmarks.corpus_params import generate_corpus
from gate.model import Finding
from gate.scanning import scan_parameters, scan_text, seen, walk
from tests.unit.scanning.test_scan_memo import _JSON, _KEYS


@pytest.fixture
def empty_table(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[tuple[str, int], None]]:
    """A table of this test's own, empty at the start."""
    saved = dict(seen.CLEAN)  # the walk holds the table itself: emptied and refilled, not swapped
    seen.CLEAN.clear()
    yield seen.CLEAN
    seen.CLEAN.clear()
    seen.CLEAN.update(saved)


def _without_table(params: Any, context: str | None = None) -> list[Finding]:
    """A scan (`scan_text` when a context is given) that neither reads nor fills the table; the table
    is as before afterwards."""
    saved = dict(seen.CLEAN)
    try:
        with seen.without_clean_table():
            if context is not None:
                return scan_text(params, path="/x", context=context)
            return scan_parameters(params)
    finally:
        seen.CLEAN.update(saved)


def _assert_everything_held_is_clean(table: dict[tuple[str, int], None]) -> None:
    """Every (string, context) in the table, read again by a scan that cannot use the table, is clean."""
    held = list(table)
    for value, flags in held:
        scan = walk._Scan(walk.DEFAULT_LIMITS)
        table.clear()
        scan.text(value, "/x", flags)
        assert scan.findings == [], (value, flags)
    table.update(dict.fromkeys(held))


@pytest.mark.parametrize("corpus", [generate_corpus, generate_locale_corpus])
def test_the_labelled_corpora_are_found_the_same_with_the_table(
    corpus: Any, empty_table: dict[tuple[str, int], None]
) -> None:
    records = [record.params for record in corpus(600)]
    plain = [_without_table(params) for params in records]
    assert sum(map(bool, plain)) > 100  # planted entities: values with findings meet the table too
    assert [scan_parameters(params) for params in records] == plain  # filling the table
    assert empty_table  # clean strings recur in these corpora (sampler names, node types, sizes)
    assert [scan_parameters(params) for params in records] == plain  # reading it
    _assert_everything_held_is_clean(empty_table)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_JSON, _JSON)
def test_findings_are_the_same_with_the_table(first: Any, second: Any) -> None:
    plain = [_without_table(first), _without_table(second), _without_table({"a": first, "b": first})]
    seen.forget_clean()
    # Each value after the other, then again (now from the table), then twice in one scan.
    assert [scan_parameters(first), scan_parameters(second)] == plain[:2]
    assert [scan_parameters(first), scan_parameters(second)] == plain[:2]
    assert scan_parameters({"a": first, "b": first}) == plain[2]


@pytest.mark.parametrize("context", ["", *_KEYS])
def test_a_string_clean_under_one_key_is_read_again_under_another(
    context: str, empty_table: dict[tuple[str, int], None]
) -> None:
    # Digits with no phone word are no phone number under "note", but are one under "phone" (and the
    # negative context of "seed" must not answer for a neutral key either).
    for value in ["0151 23456789", "4111 1111 1111 1111", "Maria Schmidt", "536 22 1234"]:
        assert scan_parameters({"note": value}) == _without_table({"note": value})
        assert scan_parameters({context: value}) == _without_table({context: value})
        assert scan_text(value, path="/x", context=context) == _without_table(value, context)
    assert scan_parameters({"phone": "0151 23456789"})  # found although clean under "note"
    _assert_everything_held_is_clean(empty_table)


def test_strings_with_findings_are_never_held(empty_table: dict[tuple[str, int], None]) -> None:
    params = {
        "prompt": "a red bag, call me on +49 151 23456789",
        "phone": "+49 151 23456789",  # a keyed rule finds it first; the detector is then not asked
        "note": "jane%40example.com",  # found only once decoded
        "sampler": "euler_a",
        "jane.doe@example.com": "a key with personal data",
    }
    assert len(scan_parameters(params)) >= 4
    held = {value for value, _ in empty_table}
    assert "euler_a" in held and "a key with personal data" in held
    assert held.isdisjoint(
        {
            "a red bag, call me on +49 151 23456789",
            "+49 151 23456789",
            "jane%40example.com",
            "jane.doe@example.com",
        }
    )


def test_the_table_stays_within_its_bounds(
    monkeypatch: pytest.MonkeyPatch, empty_table: dict[tuple[str, int], None]
) -> None:
    monkeypatch.setattr(seen, "_MAX_CLEAN", 5)
    for i in range(50):  # a flood of distinct clean strings (hostile or not)
        assert scan_parameters({"prompt": f"a red bag number {i}", "style": f"style-{i}-x"}) == []
        assert len(empty_table) <= 5
    assert ("style-49-x", 0) in empty_table  # emptied and refilled with what is in use, not frozen
    long = "a red bag " * 200  # over _MAX_CLEAN_CHARS
    assert scan_parameters({"prompt": long}) == []
    assert all(value != long for value, _ in empty_table)


def test_a_failing_detector_leaves_nothing_behind(
    monkeypatch: pytest.MonkeyPatch, empty_table: dict[tuple[str, int], None]
) -> None:
    def broken(value: str, flags: int) -> None:
        raise RuntimeError("detector failed")

    monkeypatch.setattr(walk, "plan_of", broken)
    with pytest.raises(RuntimeError):
        scan_parameters({"prompt": "a red bag on a table"})
    with pytest.raises(RuntimeError):
        scan_text("a red bag on a table", path="/x")
    assert not empty_table


def test_forget_clean_empties_the_table(empty_table: dict[tuple[str, int], None]) -> None:
    scan_parameters({"sampler": "euler_a"})
    assert empty_table
    seen.forget_clean()
    assert not empty_table
