"""The end-of-burst hold measure: a transaction's wait beyond its records and the commit before it."""

from __future__ import annotations

from benchmarks.e2e_burst_holds import commit_wait_ms


def stamps(*transactions: tuple[float, float, list[float]]) -> dict[str, dict[str, float]]:
    """(commit start, collected, results of its records) per transaction of burst 0, in seconds."""
    out: dict[str, dict[str, float]] = {"commit_start": {}, "collected": {}, "result": {}}
    index = 0
    for start, collected, results in transactions:
        for result in results:
            key = f"partial-0-{index}"
            out["commit_start"][key], out["collected"][key], out["result"][key] = start, collected, result
            index += 1
    return out


def test_commits_that_start_when_their_records_are_decided_wait_nothing() -> None:
    burst = stamps((1.010, 1.020, [1.008, 1.010]), (1.020, 1.030, [1.012, 1.015, 1.018]))
    assert commit_wait_ms(burst, 0) == 0


def test_a_commit_waiting_for_the_one_before_is_not_a_hold() -> None:
    # decided at 1.012, but the commit before was collected only at 1.030
    assert commit_wait_ms(stamps((1.010, 1.030, [1.010] * 2), (1.031, 1.040, [1.012] * 3)), 0) == 1.0


def test_a_held_commit_shows_its_hold() -> None:
    assert commit_wait_ms(stamps((1.010, 1.015, [1.010] * 2), (1.040, 1.050, [1.012] * 3)), 0) == 25.0
