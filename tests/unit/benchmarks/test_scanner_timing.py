"""The scanner benchmark's speed-up ratio: the tools take turns, and the sums come out right."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from benchmarks import scanner
from benchmarks.corpus_params import generate_corpus

Found = set[tuple[str, str]]


def test_presidio_and_gate_take_turns_and_their_times_add_up(monkeypatch: pytest.MonkeyPatch) -> None:
    records = generate_corpus(25, seed=3)
    log: list[tuple[str, int]] = []
    real_gate = scanner.gate_detect
    ticks = itertools.count()  # a clock that moves one second per reading

    def gate(params: dict[str, Any]) -> Found:
        log.append(("gate", id(params)))
        return real_gate(params)

    def presidio(params: dict[str, Any]) -> Found:  # a stand-in: only the order counts
        log.append(("presidio", id(params)))
        return {("PERSON", f"/{len(log)}")}

    monkeypatch.setattr(scanner, "gate_detect", gate)
    monkeypatch.setattr(scanner.time, "perf_counter", lambda: float(next(ticks)))
    gate_seconds, presidio_seconds, found = scanner._interleaved(presidio, records, gate_passes=6, chunk=10)

    ids = [id(r.params) for r in records]
    expected: list[tuple[str, int]] = []
    for start in (0, 10, 20):  # 3 turns: Presidio on ten records, then the gate twice over all 25
        expected += [("presidio", i) for i in ids[start : start + 10]] + [("gate", i) for i in ids] * 2
    assert log == expected
    # Every timed block reads the clock twice, so each lasts one second: Presidio 3 blocks; the gate
    # 3 blocks of 2 passes, so half a second per pass.
    assert presidio_seconds == 3.0
    assert gate_seconds == 0.5
    presidio_turns = [f"/{n}" for n, (tool, _) in enumerate(log, 1) if tool == "presidio"]
    assert [next(iter(f))[1] for f in found] == presidio_turns  # one set per record, in record order


def test_the_speed_up_is_presidio_time_over_gate_time_per_repetition(monkeypatch: pytest.MonkeyPatch) -> None:
    records = generate_corpus(30, seed=4)
    times = iter([(0.002, 3.0), (0.001, 3.0), (0.004, 3.0)])

    def interleaved(presidio: Any, sample: Any, gate_passes: int) -> tuple[float, float, list[Found]]:
        gate_seconds, presidio_seconds = next(times)
        return gate_seconds, presidio_seconds, [set() for _ in sample]

    monkeypatch.setattr(scanner, "_interleaved", interleaved)
    out = scanner.run_scanner(records, reps=3, presidio_sample=20, presidio=lambda params: set())
    speedup = out["presidio"]["speedup_gate_over_presidio"]
    assert speedup["median"] == 1500.0  # of 1500, 3000 and 750
    assert out["presidio"]["accuracy"]["recall"] == 0.0  # Presidio's (empty) findings are the ones scored
    assert out["gate_accuracy_on_sample"]["recall"] == 1.0


def test_the_gate_makes_at_least_the_passes_asked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    records = generate_corpus(25, seed=5)
    calls = {"gate": 0}

    def gate(params: dict[str, Any]) -> Found:
        calls["gate"] += 1
        return set()

    monkeypatch.setattr(scanner, "gate_detect", gate)
    scanner._interleaved(lambda params: set(), records, gate_passes=4, chunk=10)
    # 3 turns; 4 passes asked: 2 per turn (rounded up, never down to 1), so 6 whole passes of 25.
    assert calls["gate"] == 6 * 25


def test_every_timed_pass_starts_with_an_empty_table_of_clean_strings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    records = generate_corpus(12, seed=5)
    log: list[str] = []
    real_gate, real_forget = scanner.gate_detect, scanner.forget_clean

    def gate(params: dict[str, Any]) -> Found:
        log.append("scan")
        return real_gate(params)

    def forget() -> None:
        log.append("forget")
        real_forget()

    monkeypatch.setattr(scanner, "gate_detect", gate)
    monkeypatch.setattr(scanner, "forget_clean", forget)
    scanner._timed_passes(scanner.gate_detect, records, passes=3)
    scanner._timed(scanner.gate_detect, records)
    # Three passes, then one more: each begins by emptying the table, so no pass meets a string an
    # earlier pass saw.
    assert log == (["forget"] + ["scan"] * 12) * 4
