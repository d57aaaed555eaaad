"""The per-record timeline's table: each leg is the difference of two stamps of the same record."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.e2e_timeline import LEGS, report

STEPS = [
    "consumed",
    "closed",
    "submitted",
    "sent",
    "result",
    "taken",
    "commit_start",
    "commit_end",
    "collected",
]


def test_each_leg_is_the_time_between_its_two_stamps(tmp_path: Path) -> None:
    # Record k-i: produced at 10*i s, then each step 1 ms later than the one before, the worker's two
    # stamps between "sent" and "result" (2 ms of evaluation), read 3 ms after the commit ended.
    keys = [f"k-{i}" for i in range(20)]
    stamps: dict[str, dict[str, float]] = {step: {} for step in STEPS}
    produced: dict[bytes, tuple[float, float]] = {}
    lines = []
    for i, key in enumerate(keys):
        t = 10.0 * i
        at = {"consumed": t + 0.001, "closed": t + 0.002, "submitted": t + 0.003, "sent": t + 0.004}
        lines.append(f"{key}\t{t + 0.005}\t{t + 0.007}")
        at.update(result=t + 0.008, taken=t + 0.009, commit_start=t + 0.010, commit_end=t + 0.014)
        at["collected"] = t + 0.015
        for step, value in at.items():
            stamps[step][key] = value
        produced[key.encode()] = (t, t + 0.017)
    transactions = [{"start": 10.0 * i + 0.010, "end": 10.0 * i + 0.014, "records": 1} for i in range(20)]
    (tmp_path / "runner-1.json").write_text(json.dumps({"stamps": stamps, "transactions": transactions}))
    (tmp_path / "worker-2.tsv").write_text("\n".join(lines) + "\n")
    table = report(tmp_path, produced)
    rows = {line.split(" | ")[0].lstrip("| "): line for line in table.splitlines() if line.startswith("| ")}
    expected_ms = {"evaluation": 2.0, "transaction": 4.0, "commit end -> verdict read": 3.0}
    expected_ms["produce -> verdict read"] = 17.0
    for name, ms in expected_ms.items():
        assert rows[name].split(" | ")[1] == f"{ms:.2f}", rows[name]
    assert table.startswith("18 records")  # the first tenth left out
    assert all(name in rows for name, _start, _end in LEGS)
    assert "18 transactions, 1.00 records each, commit thread busy" in table


def test_the_tail_table_shows_the_legs_of_the_slowest_records(tmp_path: Path) -> None:
    # 100 records, each 10 ms end to end; every 50th waits 90 ms more for its commit ("result -> taken").
    stamps: dict[str, dict[str, float]] = {step: {} for step in STEPS}
    produced: dict[bytes, tuple[float, float]] = {}
    lines = []
    for i in range(100):
        key, t = f"k-{i}", 10.0 * i
        held = 0.090 if i % 50 == 49 else 0.0
        at = {"consumed": t + 0.001, "closed": t + 0.002, "submitted": t + 0.003, "sent": t + 0.004}
        at.update(result=t + 0.006, taken=t + 0.007 + held, commit_start=t + 0.008 + held)
        at.update(commit_end=t + 0.009 + held, collected=t + 0.0095 + held)
        lines.append(f"{key}\t{t + 0.0045}\t{t + 0.0055}")
        for step, value in at.items():
            stamps[step][key] = value
        produced[key.encode()] = (t, t + 0.010 + held)
    transactions = [{"start": 10.0 * i + 0.008, "end": 10.0 * i + 0.009, "records": 1} for i in range(100)]
    (tmp_path / "runner-1.json").write_text(json.dumps({"stamps": stamps, "transactions": transactions}))
    (tmp_path / "worker-2.tsv").write_text("\n".join(lines) + "\n")
    table = report(tmp_path, produced)
    tail = table[table.index("the slowest") :]
    assert tail.startswith("the slowest 1 records (from 100 ms)")  # 90 kept, 2% of them: the held one
    rows = {line.split(" | ")[0].lstrip("| "): line.split(" | ") for line in tail.splitlines() if "|" in line}
    assert rows["result -> taken for a commit"][1] == "91.00"
    assert rows["evaluation"][1] == "1.00"
    assert rows["produce -> verdict read"][1] == "100.00"
