"""`gate inventory export`: every approved synthetic image, from the audit topic, with totals."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gate.cli.review_args import seconds
from gate.cli.run import add_common_options, settings_from_args
from gate.errors import ConfigError


def register(sub: Any) -> None:
    """Add the `inventory` command group."""
    inventory = sub.add_parser(
        "inventory", help="the inventory of published AI images (from the audit topic)"
    )
    inventory_sub = inventory.add_subparsers(dest="inventory_command", required=True)
    export = inventory_sub.add_parser(
        "export",
        help="every approved synthetic image (latest decision per asset), with totals by model and month",
    )
    add_common_options(export)
    add_period_options(export)
    export.add_argument("--format", choices=("csv", "json"), default="csv", help="json: one object per line")
    export.add_argument("--out", type=Path, metavar="FILE", help="write here instead of standard output")
    export.set_defaults(handler=_export)


def add_period_options(parser: argparse.ArgumentParser) -> None:
    """--since, --until and --timeout, shared with `gate report`."""
    parser.add_argument(
        "--since", metavar="T", help="from this date, RFC 3339 time (UTC) or age (7d, 2h ago), inclusive"
    )
    parser.add_argument(
        "--until",
        metavar="T",
        help="up to this RFC 3339 time, the end of this date (UTC) or an age (1d ago), inclusive",
    )
    parser.add_argument(
        "--timeout",
        type=seconds,
        default=60.0,
        help="seconds to reach the end of the audit topic (default 60)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")


def check_out(out: Path | None) -> None:
    """Refuse an --out that cannot be written before reading the audit topic (a minute, on a large one)."""
    if out is None:
        return
    folder = out.parent
    if out.is_dir():
        raise ConfigError(f"--out {out} is a directory; name a file in it")
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise ConfigError(
            f"cannot write --out {out}: {folder} is not a writable directory; create it or choose another"
        )


def read_period(args: argparse.Namespace) -> tuple[list[dict[str, Any]], Any, frozenset[str]]:
    """The audit records (read with a progress bar on standard error unless --no-progress), the period the
    options name (ages counted back from one moment, so `--since 7d --until 1d` is a 6-day window), and
    the decision ids that audit records with different contents carry (told on standard error)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn  # noqa: PLC0415

    from gate.compliance.inventory import Period, parse_time  # noqa: PLC0415
    from gate.compliance.reader import read_audit  # noqa: PLC0415

    now = datetime.now(UTC)
    period = Period(
        since=parse_time(args.since, option="--since", now=now) if args.since else None,
        until=parse_time(args.until, option="--until", end_of_day=True, now=now) if args.until else None,
    )
    if period.since and period.until and period.since > period.until:
        raise ConfigError("--since is after --until; swap them")
    settings = settings_from_args(args)
    if not settings.bootstrap_servers:
        raise ConfigError("no Kafka brokers: set --bootstrap-servers or GATE_BOOTSTRAP_SERVERS")
    columns = (TextColumn("reading {task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=_stderr(), transient=True, disable=args.no_progress) as progress:
        task = progress.add_task(settings.topics.audit, total=None)
        read = read_audit(
            settings.bootstrap_servers,
            settings.topics.audit,
            client_config=settings.kafka,
            progress=lambda read, expected: progress.update(task, completed=read, total=expected),
            timeout_s=args.timeout,
        )
    if read.unreadable:
        _stderr().print(
            f"[yellow]{read.unreadable} records in {settings.topics.audit} are not audit records and were "
            "left out[/]: is topics.audit the gate's audit topic?"
        )
    if read.conflicts:
        _stderr().print(
            f"[red]{len(read.conflicts)} decision id(s) in {settings.topics.audit} are carried by audit "
            "records with different contents[/]: something other than the gate wrote to the audit topic; "
            "`gate report` lists them"
        )
    return read.records, period, read.conflicts


def _export(args: argparse.Namespace) -> int:
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    from gate.compliance.inventory import as_csv, as_json_lines, inventory, totals  # noqa: PLC0415

    check_out(args.out)
    records, period, _ = read_period(args)
    rows = inventory(records, period)
    text = as_json_lines(rows) if args.format == "json" else as_csv(rows)
    if args.out is None:
        sys.stdout.write(text)
    else:
        try:
            args.out.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot write {args.out}: {exc.strerror}; choose another --out") from None
    table = Table(title=f"{len(rows)} approved synthetic images ({len(records)} decisions read)")
    for column in ("provider", "model", "version", "month", "images"):
        table.add_column(column, justify="right" if column == "images" else "left")
    for (provider, name, version, month), count in sorted(totals(rows).items()):
        # Producer-declared names: Text, so `[turbo]` is shown, not read as rich markup.
        table.add_row(*map(Text, (provider, name, version, month)), str(count))
    _stderr().print(table)
    return 0


def _stderr() -> Any:
    from rich.console import Console  # noqa: PLC0415

    return Console(stderr=True)
