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
