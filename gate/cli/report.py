"""`gate report`: one self-contained HTML file with charts of the gate's decisions, for an auditor."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gate.cli.inventory import add_period_options, read_period
from gate.cli.run import add_common_options
from gate.errors import ConfigError


def register(sub: Any) -> None:
    """Add the `report` command."""
    report = sub.add_parser(
        "report", help="an HTML report of the decisions in the audit topic (charts, no network needed)"
    )
    add_common_options(report)
    add_period_options(report)
    report.add_argument("--out", type=Path, required=True, metavar="report.html", help="the file to write")
    report.set_defaults(handler=_report)


def _report(args: argparse.Namespace) -> int:
    from gate.compliance.report import render_report, summarise  # noqa: PLC0415

    records, period = read_period(args)
    now = datetime.now(UTC)
    summary = summarise(records, period, now)
    page = render_report(summary, period, now)
    try:
        args.out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write {args.out}: {exc.strerror}; choose another --out") from None
    print(f"{args.out}: {summary['decisions']} decisions, {summary['synthetic']} synthetic images")
    return 0
