"""`gate incidents ls|show|export`: the breach incidents (GDPR Art. 33) on the incidents topic, with the time
left to each one's 72-hour deadline, and the notification draft for the DPO."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gate.cli.review_args import add_reading_options, reader_config_of, reading_settings
from gate.errors import ConfigError


def register(sub: Any) -> None:
    """Add the `incidents` command and its subcommands."""
    parser = sub.add_parser("incidents", help="breach incidents: time left, takedown list, DPO draft")
    commands = parser.add_subparsers(dest="incidents_command", required=True)
    ls = commands.add_parser("ls", help="every incident, soonest deadline first")
    show = commands.add_parser("show", help="one incident in full")
    export = commands.add_parser("export", help="write the notification draft (JSON and Markdown)")
    for each in (ls, show, export):
        add_reading_options(each)
    for each in (ls, show):
        each.add_argument("--json", action="store_true", help="JSON (ls: one object per line)")
    for each in (show, export):
        each.add_argument("incident_id", metavar="INCIDENT_ID")
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="directory for the draft")
    ls.set_defaults(handler=_ls)
    show.set_defaults(handler=_show)
    export.set_defaults(handler=_export)


def read_incidents(args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    """The current record of every incident on the incidents topic."""
    from gate.core.incident import current_incidents  # noqa: PLC0415
    from gate.replay.read import read_topics  # noqa: PLC0415 - keep `gate --help` free of librdkafka

    settings = reading_settings(args)
    records = read_topics(
        reader_config_of(settings),
        [settings.topics.incidents],
        idle_s=args.idle_seconds,
        progress=not args.no_progress,
    )
    found, _ = current_incidents(r.value for r in records)
    return found


def _ls(args: argparse.Namespace) -> int:
    from gate.core.incident import format_left, time_left  # noqa: PLC0415

    now = datetime.now(UTC)
    incidents = sorted(read_incidents(args).values(), key=lambda d: str(d["deadline"]))
    for doc in incidents:
        left = time_left(doc, now)
        if args.json:
            row = {
                "incident_id": doc["incident_id"],
                "status": doc["status"],
                "aware_at": doc["aware_at"],
                "deadline": doc["deadline"],
                "seconds_left": int(left.total_seconds()),
                "entities": doc["entities"],
                "records": doc["records"],
                "takedown": [{"sha256": t["sha256"], "location": t["location"]} for t in doc["takedown"]],
                "update": doc["update"],
            }
            print(json.dumps(row, sort_keys=True))
        else:
            print(
                f"{doc['incident_id']}  {doc['status']:<8} deadline {doc['deadline']} ({format_left(left)})  "
                f"{doc['records']} image(s)  {', '.join(doc['entities'])}"
            )
    if not incidents and not args.json:
        print("no incidents")
    return 0


def _one(args: argparse.Namespace) -> dict[str, Any]:
    found = read_incidents(args).get(args.incident_id)
    if found is None:
        raise ConfigError(
            f"no incident {args.incident_id!r} on the incidents topic (see `gate incidents ls`)"
        )
    return found


def _show(args: argparse.Namespace) -> int:
    from gate.core.incident import markdown  # noqa: PLC0415

    doc = _one(args)
    print(json.dumps(doc, indent=2, sort_keys=True) if args.json else markdown(doc, datetime.now(UTC)))
    return 0


def _export(args: argparse.Namespace) -> int:
    from gate.core.incident import markdown  # noqa: PLC0415

    doc = _one(args)
    args.out.mkdir(parents=True, exist_ok=True)
    base = args.out / str(doc["incident_id"])
    base.with_suffix(".json").write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")
    base.with_suffix(".md").write_text(markdown(doc, datetime.now(UTC)))
    print(f"wrote {base.with_suffix('.json')} and {base.with_suffix('.md')}")
    return 0
