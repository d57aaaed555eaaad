"""The evaluation's detection memo gives exactly the findings of a scan without it, in the same order:
on the labelled parameter corpus, on hostile generated JSON (look-alike letters, marks, encodings, keys that
are themselves personal data), when the same strings recur within one scan and across scans, and when the
memo is full."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.corpus_params import generate_corpus
from gate.model import Finding
from gate.scanning import memo, scan_parameters, scan_text
from tests.unit.scanning.test_scan_fast_paths import SAMPLES

# Keys whose context changes what is looked for: positive (phone, name), negative (seed, hash), neutral.
_KEYS = ["prompt", "phone", "name", "author", "seed", "model_hash", "email", "note", "dob", "Tel"]
_KEYS.append("\u03c1hone")  # Greek rho
_HOSTILE = [
    "j\u0430ne.doe@example.com",  # Cyrillic a
    "+49\u00a0151\u200b23456789",  # no-break space, zero-width space
    "Ma\u0301ria Schmidt",  # combining mark
    "\uff4a\uff41\uff4e\uff45@example.com",  # full-width letters
    "jane%40example.com",
    "am9obi5kb2VAZXhhbXBsZS5jb20=",
    "DOB:1.2.85",
    "&#106;ane@example.com",
]
_TEXT = st.one_of(st.sampled_from([*SAMPLES, *_HOSTILE]), st.text(max_size=40))
_JSON: Any = st.recursive(
    st.one_of(_TEXT, st.integers(), st.floats(allow_nan=False), st.booleans(), st.none()),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(_KEYS + _HOSTILE), st.text(max_size=8)), inner, max_size=4),
    ),
    max_leaves=20,
)


def _remembered(*values: Any) -> list[list[Finding]]:
    with memo.remembering():
        return [scan_parameters(value) for value in values]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_JSON, _JSON)
def test_findings_are_the_same_with_the_memo(first: Any, second: Any) -> None:
    plain = [scan_parameters(first), scan_parameters(second), scan_parameters(first)]
    # The same value twice in one scan, and every string again in a later scan of the same evaluation.
    assert _remembered(first, second, first) == plain
    assert _remembered({"a": first, "b": first}) == [scan_parameters({"a": first, "b": first})]


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.sampled_from(["", *_KEYS]))
def test_free_text_is_the_same_with_the_memo(text: str, context: str) -> None:
    plain = scan_text(text, path="/x", context=context)
    with memo.remembering():
        assert scan_text(text, path="/x", context=context) == plain
        assert scan_text(text, path="/y", context=context) == scan_text(text, path="/y", context=context)
    assert memo.table() is None


def test_the_labelled_corpus_is_found_the_same_with_the_memo() -> None:
    records = [record.params for record in generate_corpus(400)]
    plain = [scan_parameters(params) for params in records]
    assert any(plain)  # the corpus carries planted entities, so hits are replayed too
    with memo.remembering():
        assert [scan_parameters(params) for params in records] == plain
        assert [scan_parameters(params) for params in records] == plain  # every string now remembered


def test_a_full_memo_stops_remembering_but_still_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "MAX_ENTRIES", 2)
    values = {
        "a": "call me on +49 151 23456789",
        "b": "jane.doe@example.com",
        "c": "Portrait of Maria Schmidt",
    }
    plain = scan_parameters(values)
    with memo.remembering():
        assert scan_parameters(values) == plain
        table = memo.table()
        assert table is not None and len(table) == 2


def test_the_memo_lives_for_one_block_and_nests() -> None:
    assert memo.table() is None
    with memo.remembering():
        outer = memo.table()
        scan_text("jane.doe@example.com", path="/x")
        with memo.remembering():
            assert memo.table() is outer
        assert outer
    assert memo.table() is None


@pytest.mark.parametrize("text", [*SAMPLES, *_HOSTILE])
def test_one_string_under_every_key_context_is_judged_per_context(text: str) -> None:
    # A digit run is a phone number under "phone" and nothing under "seed": the memo must keep them apart.
    together = {key: text for key in _KEYS}
    apart = [{key: text} for key in _KEYS]
    plain = [scan_parameters(together), *(scan_parameters(value) for value in apart)]
    assert _remembered(together, *apart) == plain
    assert _remembered(*apart, together) == [*plain[1:], plain[0]]


def test_no_table_outlives_the_block_that_made_it_when_blocks_overlap() -> None:
    # Two blocks that overlap without nesting (as threads could): the first ends while the second,
    # which shares its table, is still open; then the second ends. Nothing is left active.
    first, second = memo.remembering(), memo.remembering()
    first.__enter__()
    table = memo.table()
    second.__enter__()
    assert memo.table() is table
    first.__exit__(None, None, None)
    assert memo.table() is None
    second.__exit__(None, None, None)
    assert memo.table() is None
