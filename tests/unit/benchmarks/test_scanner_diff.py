"""`scanner_diff.compare`: records with equal inputs and different findings fail the check; records
whose inputs differ (a Faker corpus made differently) are left out, not counted as a difference."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from benchmarks.scanner_diff import compare

_PHONE = [("PHONE_NUMBER", "/prompt", "phone.international")]


def _write(path: Path, records: list[tuple[str, list[tuple[str, str, str]]]]) -> Path:
    path.write_bytes(pickle.dumps({"generated": records}))
    return path


def test_equal_findings_pass_and_a_changed_finding_fails(tmp_path: Path) -> None:
    before = _write(tmp_path / "a", [("d1", _PHONE), ("d2", [])])
    assert compare(before, _write(tmp_path / "b", [("d1", _PHONE), ("d2", [])])) == 0
    assert compare(before, _write(tmp_path / "c", [("d1", []), ("d2", [])])) == 1
    assert compare(before, _write(tmp_path / "d", [("d1", _PHONE), ("d2", _PHONE)])) == 1


def test_records_with_other_inputs_are_not_compared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _write(tmp_path / "a", [("d1", _PHONE), ("d2", [])])
    assert compare(before, _write(tmp_path / "b", [("d1", _PHONE), ("other", _PHONE)])) == 0
    assert "1 records compared (1 with other inputs)" in capsys.readouterr().out
