"""The scanner benchmark's speed-up ratio: both tools take turns on the same records."""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks import scanner
from benchmarks.corpus_params import generate_corpus


def test_presidio_and_gate_take_turns_on_the_same_records(monkeypatch: pytest.MonkeyPatch) -> None:
    records = generate_corpus(25, seed=3)
    log: list[tuple[str, int]] = []
    real_gate = scanner.gate_detect

    def gate(params: dict[str, Any]) -> set[tuple[str, str]]:
        log.append(("gate", id(params)))
        return real_gate(params)

    def presidio(params: dict[str, Any]) -> set[tuple[str, str]]:  # a stand-in: only the order counts
        log.append(("presidio", id(params)))
        return {("PERSON", f"/{len(log)}")}

    monkeypatch.setattr(scanner, "gate_detect", gate)
    gate_seconds, presidio_seconds, found = scanner._interleaved(presidio, records, gate_passes=2, chunk=10)

    ids = [id(r.params) for r in records]
    expected: list[tuple[str, int]] = []
    for start in (0, 10, 20):
        part = ids[start : start + 10]
        expected += [("presidio", i) for i in part] + [("gate", i) for i in part] * 2
    assert log == expected
    assert len(found) == len(records)  # Presidio's findings, one set per record, in record order
    presidio_turns = [f"/{n}" for n, (tool, _) in enumerate(log, 1) if tool == "presidio"]
    assert [next(iter(f))[1] for f in found] == presidio_turns
    assert gate_seconds > 0 and presidio_seconds > 0
