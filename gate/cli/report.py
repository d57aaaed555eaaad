"""`gate report`: one self-contained HTML file with charts of the gate's decisions, for an auditor."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gate.cli.inventory import add_period_options, check_out, read_period
from gate.cli.run import add_common_options, settings_from_args
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
    from gate.compliance.inventory import decided_at  # noqa: PLC0415
    from gate.compliance.report import render_report, summarise  # noqa: PLC0415

    check_out(args.out)
    records, period, conflicts = read_period(args)
    incidents = _incidents(args)
    now = datetime.now(UTC)
    summary = summarise(records, period, now, incidents)
    summary["integrity"] = _integrity(args, [r for r in records if period.contains(decided_at(r))], conflicts)
    page = render_report(summary, period, now)
    try:
        args.out.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write {args.out}: {exc.strerror}; choose another --out") from None
    print(
        f"{args.out}: {summary['decisions']} decisions, {summary['synthetic']} synthetic images, "
        f"{len(summary['incidents']['open'])} open incident(s)"
    )
    found = summary["integrity"]
    if found["altered"] or found["unmatched"]:
        print(
            f"audit trail: {found['altered']} record(s) disagree with their decision record or with another "
            f"audit record (altered), {found['unmatched']} have no decision record on the verdict topics "
            "(not written by the gate, or past the verdict topic's retention); the report lists their "
            "decision ids",
            file=sys.stderr,
        )
    return 0


def _integrity(args: argparse.Namespace, records: list[dict[str, Any]], conflicts: frozenset[str]) -> Any:
    """Each audit record of the period checked against its decision record on the verdict topics."""
    from gate.cli.review_args import reader_config_of  # noqa: PLC0415
    from gate.compliance.integrity import decisions_by_id, verify  # noqa: PLC0415
    from gate.replay.read import read_topics  # noqa: PLC0415

    settings = settings_from_args(args)
    topics = [settings.topics.approved, settings.topics.quarantine, settings.topics.rejected]
    read = read_topics(reader_config_of(settings), topics, idle_s=1.0, progress=False)
    return verify(records, decisions_by_id(r.value for r in read), conflicts).as_dict()


def _incidents(args: argparse.Namespace) -> list[dict[str, Any]]:
    """The current state of every incident. A missing or unreadable incidents topic stops the report: a
    page that says "no open incident" because it could not look would mislead the auditor."""
    from gate.cli.review_args import reader_config_of  # noqa: PLC0415
    from gate.core.incident import current_incidents  # noqa: PLC0415
    from gate.replay.read import read_topics  # noqa: PLC0415

    settings = settings_from_args(args)
    records = read_topics(reader_config_of(settings), [settings.topics.incidents], idle_s=1.0, progress=False)
    found, unreadable = current_incidents(r.value for r in records)
    if unreadable:
        print(
            f"{unreadable} record(s) in {settings.topics.incidents} are not incidents and were left out: "
            "is topics.incidents the gate's incidents topic?",
            file=sys.stderr,
        )
    return list(found.values())
