"""Arguments and topic reading shared by `gate quarantine` and `gate replay`."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from gate.cli.run import add_common_options, settings_from_args
from gate.compliance.inventory import age
from gate.errors import ConfigError
from gate.settings import GateSettings

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least `minimum` (a negative `--limit` sliced off rows)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least {minimum}")
        return value

    return parse


def seconds(text: str) -> float:
    """An argparse type: a finite number of seconds above 0."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above 0, e.g. 2 or 0.5")
    return value


MIN_RATE = 0.001  # events per second: one every 1,000 s; a slower cap is a stopped job, not a rate


def per_second(text: str) -> float:
    """An argparse type for `--rate`: a finite number of events per second, at least MIN_RATE. 'nan' passed
    the old `<= 0` check and capped nothing; '1e-300' slept past the platform's clock (an OverflowError
    traceback)."""
    try:
        value = float(text.strip().removesuffix("/s"))
    except ValueError:
        value = float("nan")
    if not MIN_RATE <= value < float("inf"):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a rate from {MIN_RATE} to a finite number of events per second, e.g. 50 or 0.5"
        )
    return value


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    """--config, --bootstrap-servers and how long a quiet topic counts as read to its end."""
    add_common_options(parser)
    parser.add_argument(
        "--idle-seconds",
        type=seconds,
        default=2.0,
        help="a topic is read to its end when no record arrives for this long (default 2)",
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """--reason, --entity, --source, --since, --until."""
    parser.add_argument("--reason", action="append", default=[], metavar="CODE", help="reason code (prefix*)")
    parser.add_argument(
        "--entity", action="append", default=[], metavar="TYPE", help="entity type, e.g. EMAIL_ADDRESS"
    )
    parser.add_argument("--source", action="append", default=[], metavar="S", help="event source")
    parser.add_argument(
        "--since", type=when, metavar="T", help="decided at or after T (ISO 8601, or 2h, 7d ago)"
    )
    parser.add_argument(
        "--until",
        type=until,
        metavar="T",
        help="decided before T (ISO 8601, or 2h, 7d ago); a date: to its end",
    )


def filters_from(args: argparse.Namespace) -> Any:
    """The history filters the arguments describe."""
    from gate.replay.history import Filters  # noqa: PLC0415

    if args.since is not None and args.until is not None and args.since >= args.until:
        raise ConfigError("--since is not before --until, so nothing could match; swap them")
    return Filters(
        reasons=tuple(args.reason),
        entities=tuple(args.entity),
        sources=tuple(args.source),
        since=args.since,
        until=args.until,
    )


def when(text: str) -> datetime:
    """A point in time: ISO 8601 (UTC when no zone is given) or an age such as 30m, 2h, 7d."""
    back = age(text)
    if back is not None:
        return datetime.now(UTC) - back
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a time: {text!r} (use ISO 8601 such as 2026-12-05T10:00:00Z, or an age: 2h, 7d, 2w)"
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def until(text: str) -> datetime:
    """`--until`: as `when`, but a bare date (`2026-12-06`) means the end of that day, as in `gate report`:
    "up to the 6th" includes the 6th (read as its midnight, it left out every decision of that day)."""
    moment = when(text)
    if _DATE.fullmatch(text.strip()):
        moment += timedelta(days=1)
    return moment


def reading_settings(args: argparse.Namespace, **extra: Any) -> GateSettings:
    """The settings (with `extra` overrides), refusing to go on without brokers."""
    settings = settings_from_args(args, **extra)
    if not settings.bootstrap_servers:
        raise ConfigError("no Kafka brokers: set --bootstrap-servers, GATE_BOOTSTRAP_SERVERS or --config")
    return settings


def read_histories(settings: GateSettings, args: argparse.Namespace, *, skip_job: str | None = None) -> Any:
    """Every decision of the three verdict topics, grouped by event (see gate.replay.history)."""
    from gate.replay.history import collect  # noqa: PLC0415 - keep `gate --help` free of librdkafka
    from gate.replay.read import read_topics  # noqa: PLC0415

    topics = [settings.topics.quarantine, settings.topics.approved, settings.topics.rejected]
    records = read_topics(
        reader_config_of(settings), topics, idle_s=args.idle_seconds, progress=not args.no_progress
    )
    return collect(records, skip_job=skip_job)


def reader_config_of(settings: GateSettings) -> dict[str, Any]:
    """The reader's consumer settings."""
    from gate.replay.read import reader_config  # noqa: PLC0415

    return reader_config(settings.bootstrap_servers or "", settings.kafka, settings.max_message_bytes)


def read_incident_docs(args: argparse.Namespace) -> list[dict[str, Any]]:
    """The current record of every incident on the incidents topic (to open none twice)."""
    from gate.cli.incidents import read_incidents  # noqa: PLC0415 - the reader `gate incidents` uses

    return list(read_incidents(args).values())


def read_incidents_quietly(settings: GateSettings, args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    """The current record of every incident on the incidents topic, read without a progress bar and
    briefly (at most 1 s idle): for a job that reads its incident between batches while its own bar shows."""
    from gate.core.incident import current_incidents  # noqa: PLC0415
    from gate.replay.read import read_topics  # noqa: PLC0415

    records = read_topics(
        reader_config_of(settings),
        [settings.topics.incidents],
        idle_s=min(args.idle_seconds, 1.0),
        progress=False,
    )
    found, _ = current_incidents(r.value for r in records)
    return found


def incident_write(settings: GateSettings, incident: dict[str, Any]) -> tuple[str, bytes, bytes, tuple[()]]:
    """The incidents-topic record of `incident` (keyed by its id), for the transaction of its decisions."""
    from gate.core.incident import encode  # noqa: PLC0415

    return (settings.topics.incidents, str(incident["incident_id"]).encode(), encode(incident), ())


def incident_line(incident: dict[str, Any], *, dry_run: bool = False, opened: bool = True) -> str:
    """One line about an incident opened or updated (or that a dry run would open or update), in its latest
    state; never a personal-data value."""
    if opened:
        verb = "would open" if dry_run else "opened"
    else:
        verb = f"{'would update' if dry_run else 'updated'} (update {incident['update']})"
    return (
        f"incident {incident['incident_id']} {verb}: {incident['records']} published image(s) with "
        f"{', '.join(incident['entities'])}; aware {incident['aware_at']}, notify by {incident['deadline']} "
        "(`gate incidents show` / `gate incidents export`)"
    )
