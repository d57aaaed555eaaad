"""`gate incidents ls|show|export|update|close`: the breach incidents (GDPR Art. 33) on the incidents topic,
with the time left to each one's 72-hour deadline, the notification draft for the DPO, and phased updates
(Art. 33(4)) appended as new records under the same id (the topic is append-only)."""

from __future__ import annotations

import argparse
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gate.cli.quarantine import TextPurpose, check_free_text
from gate.cli.review_args import add_reading_options, reader_config_of, reading_settings, when
from gate.errors import ConfigError
from gate.replay.shown import shown_id

MAX_TEXT_CHARS = 2000  # the schema's limit for a note; the other free-text fields share it
_INCIDENT_ADVICE = "describe the breach by categories and counts, never a person's data"
# What each option's free text is for, as a refusal names it.
INCIDENT_TEXT = {
    name: TextPurpose(what, "the incident record", _INCIDENT_ADVICE, f"/incident/{name}")
    for name, what in {
        "nature": "the nature of the breach",
        "measures": "a measure taken",
        "consequences": "a likely consequence",
        "reference": "the authority's reference",
        "note": "the update's note",
    }.items()
}


def register(sub: Any) -> None:
    """Add the `incidents` command and its subcommands."""
    parser = sub.add_parser("incidents", help="breach incidents: time left, takedown list, DPO draft")
    commands = parser.add_subparsers(dest="incidents_command", required=True)
    ls = commands.add_parser("ls", help="every incident, soonest deadline first")
    show = commands.add_parser("show", help="one incident in full")
    export = commands.add_parser("export", help="write the notification draft (JSON and Markdown)")
    update = commands.add_parser(
        "update",
        help="a phased update (Art. 33(4)): change fields, add a note, record the notification",
        description="Free text is scanned for personal data and refused when it holds any (exit 2).",
    )
    close = commands.add_parser(
        "close",
        help="close an incident (after notifying the authority, or with the reason not to in --note)",
    )
    for each in (ls, show, export, update, close):
        add_reading_options(each)
    for each in (ls, show):
        each.add_argument("--json", action="store_true", help="JSON (ls: one object per line)")
    for each in (show, export, update, close):
        each.add_argument("incident_id", metavar="INCIDENT_ID")
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="directory for the draft")
    update.add_argument("--nature", metavar="TEXT", help="Art. 33(3)(a): the nature of the breach, restated")
    update.add_argument("--subjects", type=count, metavar="N", help="approximate number of data subjects")
    update.add_argument("--records", type=count, metavar="N", help="approximate number of records")
    update.add_argument(
        "--consequences",
        action="append",
        default=[],
        metavar="ENTITY=TEXT",
        help="Art. 33(3)(c): likely consequences for one category of data (repeatable)",
    )
    update.add_argument(
        "--measures", action="append", default=[], metavar="TEXT", help="Art. 33(3)(d): a measure taken"
    )
    for each in (update, close):
        each.add_argument("--note", metavar="TEXT", help="what this update says (no personal data)")
        each.add_argument(
            "--notified-at",
            type=notified_at,
            metavar="T",
            help="when the authority was notified: RFC 3339 with its offset (or Z), or an age (2h)",
        )
        each.add_argument("--reference", metavar="REF", help="the authority's reference for the notification")
    ls.set_defaults(handler=_ls)
    show.set_defaults(handler=_show)
    export.set_defaults(handler=_export)
    update.set_defaults(handler=_update, close=False)
    close.set_defaults(handler=_update, close=True, nature=None, subjects=None, records=None)
    close.set_defaults(consequences=[], measures=[])


# The largest integer every JSON reader holds exactly (IEEE 754 doubles: JavaScript, the report's browser,
# many JSON libraries); '--records 99999999999999999999' was written to the legal record as given.
MAX_COUNT = 2**53 - 1


def count(text: str) -> int:
    """`--subjects` / `--records`: a whole number from 1 to MAX_COUNT (0 and below are refused later, with
    the reason, by the incident's own rule)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number (an approximate count)") from None
    if value > MAX_COUNT:
        raise argparse.ArgumentTypeError(
            f"{text!r} is above {MAX_COUNT:,}, more than any reader of the incident record holds exactly; "
            "give the approximate count"
        )
    return value


def notified_at(text: str) -> datetime:
    """`--notified-at`: an age (`2h`) or an ISO 8601 time WITH its offset.

    The time goes into the legal record and decides whether the notification was late (Art. 33(1)); a bare
    clock read as UTC would shift it by the officer's offset, hiding a late notification west of Greenwich.
    """
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        return when(text)  # an age, or the shared "not a time" message
    if parsed.tzinfo is None:
        raise argparse.ArgumentTypeError(
            f"{text!r} has no UTC offset; the notification time goes into the incident record and decides "
            "whether it was late: write it with its offset, e.g. 2026-12-08T09:30:00+01:00 or "
            "2026-12-08T08:30:00Z"
        )
    return parsed


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
                "notified_at": doc.get("notified_at"),
            }
            print(json.dumps(row, sort_keys=True))
        else:
            clock = format_left(left) if doc["status"] == "open" else _stopped(doc)
            print(
                f"{doc['incident_id']}  {doc['status']:<8} deadline {doc['deadline']} ({clock})  "
                f"{doc['records']} image(s)  {', '.join(doc['entities'])}"
            )
    if not incidents and not args.json:
        print("no incidents")
    return 0


def _stopped(doc: dict[str, Any]) -> str:
    """Why a notified or closed incident's clock no longer runs."""
    return f"notified {doc['notified_at']}" if "notified_at" in doc else "closed without notification"


def _one(args: argparse.Namespace) -> dict[str, Any]:
    if not re.fullmatch(r"[A-Za-z0-9._-]{1,80}", args.incident_id):
        raise ConfigError("not an incident id (letters, digits, '.', '-', '_'); see `gate incidents ls`")
    found = read_incidents(args).get(args.incident_id)
    if found is None:
        raise ConfigError(
            f"no incident {shown_id(args.incident_id)} on the incidents topic (see `gate incidents ls`)"
        )
    return found


def _update(args: argparse.Namespace) -> int:
    """Append the next record of an incident: the changes (checked), the note, the status."""
    from gate.core.incident import IncidentChanges, UpdateRefused, encode, phased_update  # noqa: PLC0415
    from gate.replay.write import TransactionalWriter  # noqa: PLC0415

    changes = IncidentChanges(
        nature=_text("nature", args.nature),
        subjects=args.subjects,
        records=args.records,
        consequences=dict(_consequence(text) for text in args.consequences),
        measures=tuple(_text("measures", m) or "" for m in args.measures),
        notified_at=args.notified_at,
        reference=_text("reference", args.reference),
    )
    note = _text("note", args.note)
    current = _one(args)
    try:
        doc = phased_update(
            current,
            at=datetime.now(UTC),
            note=note,
            status="closed" if args.close else None,
            changes=changes,
        )
    except UpdateRefused as exc:
        raise ConfigError(str(exc)) from None
    settings = reading_settings(args)
    with TransactionalWriter(
        settings.bootstrap_servers or "",
        settings.kafka,
        transactional_id=f"gate-incident-{doc['incident_id']}",
        max_message_bytes=settings.max_message_bytes,
    ) as writer:
        writer.commit([(settings.topics.incidents, str(doc["incident_id"]).encode(), encode(doc), ())])
    entry = doc["updates"][-1]
    print(
        f"incident {doc['incident_id']} update {doc['update']}: {doc['status']}"
        f" ({', '.join(entry['changed']) or 'note only'})"
    )
    return 0


def _text(name: str, text: str | None) -> str | None:
    """A person's free text for the incident, refused when it holds personal data (as a reviewer's note)."""
    if text is None:
        return None
    return check_free_text(name, text, MAX_TEXT_CHARS, INCIDENT_TEXT[name])


def _consequence(text: str) -> tuple[str, str]:
    entity, sep, what = text.partition("=")
    if not sep or not re.fullmatch(r"[A-Z_]+", entity.strip()) or not what.strip():
        # The value is not echoed: it may be what a person should not have typed here.
        raise ConfigError("--consequences takes ENTITY=TEXT, e.g. EMAIL_ADDRESS=phishing attempts")
    return entity.strip(), _text("consequences", what) or ""


def _show(args: argparse.Namespace) -> int:
    from gate.core.incident_draft import markdown  # noqa: PLC0415

    doc = _one(args)
    print(json.dumps(doc, indent=2, sort_keys=True) if args.json else markdown(doc, datetime.now(UTC)))
    return 0


def _export(args: argparse.Namespace) -> int:
    from gate.core.incident_draft import markdown  # noqa: PLC0415

    _writable_folder(args.out)  # before reading the topic: a bad --out must not cost the read
    doc = _one(args)
    base = args.out / str(doc["incident_id"])
    try:
        base.with_suffix(".json").write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n", "utf-8")
        base.with_suffix(".md").write_text(markdown(doc, datetime.now(UTC)), "utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot write the draft into --out {args.out}: {exc.strerror}") from None
    print(f"wrote {base.with_suffix('.json')} and {base.with_suffix('.md')}")
    return 0


def _writable_folder(out: Path) -> None:
    """Make the --out folder (with its parents) or say why it cannot be one."""
    if out.exists() and not out.is_dir():
        raise ConfigError(f"--out {out} is a file; the draft is two files: give a folder for them")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"cannot create --out {out}: {exc.strerror}; choose a folder you can write"
        ) from None
