"""The end of `gate demo`: the inventory totals and the auditor report, read from the audit topic."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from rich.console import Group
from rich.table import Table
from rich.text import Text

from gate.compliance.inventory import Period, inventory, totals
from gate.compliance.reader import read_audit
from gate.compliance.report import render_report, summarise
from gate.errors import GateError


def compliance_summary(bootstrap: str, audit_topic: str, directory: Path) -> Group:
    """Write `report.html` into `directory`; what to show: the inventory totals and a link to the report."""
    try:
        records = read_audit(bootstrap, audit_topic).records
    except GateError as exc:
        return Group(Text(f"could not read the audit topic: {exc}", style="yellow"))
    rows = inventory(records, Period())
    table = Table(
        title=f"inventory: {len(rows)} approved synthetic images ({len(records)} decisions audited)"
    )
    for column in ("provider", "model", "version", "month", "images"):
        table.add_column(column, justify="right" if column == "images" else "left")
    for (provider, name, version, month), count in sorted(totals(rows).items()):
        table.add_row(*map(Text, (provider, name, version, month)), str(count))
    report = directory / "report.html"
    now = datetime.now(UTC)
    report.write_text(render_report(summarise(records, Period(), now), Period(), now), "utf-8")
    return Group(
        table,
        Text(f"auditor report: {report.as_uri()}"),
        Text("(from any broker: gate inventory export, gate report --out report.html)"),
    )
