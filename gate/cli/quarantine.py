"""`gate quarantine ls|stats|show|release`: inspect the quarantine, and release single events by hand."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from gate.cli.review_args import (
    add_filter_options,
    add_reading_options,
    filters_from,
    incident_line,
    incident_write,
    read_histories,
    read_incident_docs,
    reader_config_of,
    reading_settings,
    whole_number,
)
from gate.errors import ConfigError, GateError
from gate.replay.shown import shown_id

MAX_REVIEWER_CHARS, MAX_NOTE_CHARS = 100, 500


def register(sub: Any) -> None:
    """Add the `quarantine` command group."""
    group = sub.add_parser("quarantine", help="inspect quarantined events; release one by hand")
    commands = group.add_subparsers(dest="quarantine_command", required=True)
    ls = commands.add_parser("ls", help="list the events whose current decision is a quarantine")
    add_reading_options(ls)
    add_filter_options(ls)
    ls.add_argument("--limit", type=whole_number(1), default=None, metavar="N", help="at most N rows")
    ls.add_argument("--json", action="store_true", help="one JSON object per line")
    ls.set_defaults(handler=_ls)
    stats = commands.add_parser("stats", help="counts by reason, entity, source and policy version")
    add_reading_options(stats)
    add_filter_options(stats)
    stats.add_argument("--json", action="store_true", help="one JSON object")
    stats.set_defaults(handler=_stats)
    show = commands.add_parser("show", help="one event: its decision, history and original")
    add_reading_options(show)
    show.add_argument("event_id", metavar="EVENT_ID")
    show.add_argument("--json", action="store_true", help="one JSON object")
    show.set_defaults(handler=_show)
    release = commands.add_parser("release", help="write a reviewer's final decision (audited override)")
    add_reading_options(release)
    release.add_argument("event_id", metavar="EVENT_ID")
    release.add_argument("--to", required=True, choices=("approved", "rejected"))
    release.add_argument("--reviewer", required=True, metavar="NAME", help="who decides (no personal data)")
    release.add_argument("--note", required=True, metavar="TEXT", help="why (no personal data)")
    release.set_defaults(handler=_release)


def _ls(args: argparse.Namespace) -> int:
    from gate.replay.history import in_quarantine, quarantined  # noqa: PLC0415

    chosen = filters_from(args)  # refused before the topics are read
    histories = read_histories(reading_settings(args), args)
    matched = in_quarantine(histories, chosen)
    rows = matched[: args.limit]
    _tell_no_match(len(matched), len(quarantined(histories)))
    if args.json:
        if len(rows) < len(matched):  # stdout stays one object per line; the cut is said on stderr
            print(
                f"gate: the oldest {len(rows)} of {len(matched)} event(s) listed (--limit)", file=sys.stderr
            )
        for decision in rows:
            print(json.dumps(decision.summary(), sort_keys=True))
        return 0
    table = Table(title=_ls_title(len(rows), len(matched), len(quarantined(histories))))
    for column in ("event id", "decided at (UTC)", "source", "reasons", "policy"):
        table.add_column(column)
    for d in rows:
        decided = d.decided_at.strftime("%Y-%m-%d %H:%M:%S")
        table.add_row(
            *map(Text, (d.event_id, decided, str(d.doc.get("source", "")), codes(d.reason_codes))),
            Text(d.policy_version),
        )
    Console(width=160).print(table)
    return 0


def _ls_title(shown: int, matched: int, total: int) -> str:
    """How many events the table holds, and of how many: `--limit 2` titled "2 event(s)" read as a
    quarantine of two."""
    title = (
        f"quarantine: {matched} of {total} event(s) match"
        if matched != total
        else f"quarantine: {total} event(s)"
    )
    return f"{title}, the oldest {shown} listed (--limit)" if shown < matched else title


def _tell_no_match(matched: int, total: int) -> None:
    """On stderr, when filters leave nothing of a quarantine that holds events: an empty table read as an
    empty quarantine. The filter values are not echoed (a source or entity typed may be anything)."""
    if matched == 0 and total > 0:
        print(
            f"gate: no quarantined event matches these filters; {total} event(s) are in quarantine "
            "(`gate quarantine stats` lists their reasons, entity types and sources)",
            file=sys.stderr,
        )


def codes(reason_codes: tuple[str, ...]) -> str:
    """Reason codes for a table cell: each once, in order (three entities make three reasons of one code)."""
    return ", ".join(dict.fromkeys(reason_codes))


def _stats(args: argparse.Namespace) -> int:
    from gate.replay.history import in_quarantine, quarantined, stats  # noqa: PLC0415

    chosen = filters_from(args)  # refused before the topics are read
    histories = read_histories(reading_settings(args), args)
    counts = stats(in_quarantine(histories, chosen))
    _tell_no_match(counts["total"]["events"], len(quarantined(histories)))
    if args.json:
        print(json.dumps(counts, sort_keys=True))
        return 0
    console = Console(width=160)
    console.print(f"quarantined events: {counts['total']['events']}")
    for by in ("reason", "entity", "source", "policy"):
        table = Table(title=f"by {by}")
        table.add_column(by)
        table.add_column("events", justify="right")
        for name, n in counts[by].items():
            table.add_row(Text(name), str(n))
        console.print(table)
    return 0


def _show(args: argparse.Namespace) -> int:
    settings = reading_settings(args)
    histories = read_histories(settings, args)
    history = histories.by_event.get(args.event_id)
    if not history:
        raise GateError(
            f"unknown event id {shown_id(args.event_id)}: no verdict topic holds a decision for it"
        )
    current = history[-1]
    original = _original_status(settings, current.doc.get("input") or {})
    if args.json:
        out = {
            "current": current.summary(),
            "history": [d.summary() for d in history],
            "original": original,
        }
        print(json.dumps(out, sort_keys=True))
        return 0
    console = Console(width=160)
    console.print(
        f"[bold]{escape(current.event_id)}[/bold]: {current.verdict} ({escape(codes(current.reason_codes))})"
    )
    console.print(Text(f"original event: {original['where']} ({original['status']})"))
    table = Table(title="history")
    for column in ("decided at (UTC)", "verdict", "reasons", "policy", "record", "replay / review"):
        table.add_column(column)
    for d in history:
        r = d.record
        lineage = d.doc.get("review") or d.doc.get("replay") or {}
        note = f"job {lineage['job']} #{lineage['count']}" if "job" in lineage else ""
        if "reviewer" in lineage:
            note = f"released by {lineage['reviewer']}: {lineage['note']}"
        cells = (
            d.decided_at.strftime("%Y-%m-%d %H:%M:%S"),
            d.verdict,
            codes(d.reason_codes),
            d.policy_version,
            f"{r.topic}/{r.partition}/{r.offset}",
            note,
        )
        table.add_row(*map(Text, cells))
    console.print(table)
    console.print_json(json.dumps(current.doc, sort_keys=True))
    return 0


def _original_status(settings: Any, ref: dict[str, Any]) -> dict[str, Any]:
    from gate.replay.read import OriginalGone, read_one  # noqa: PLC0415

    if not {"topic", "partition", "offset"} <= ref.keys():
        return {"where": "unknown", "status": "the decision names no input record"}
    where = f"{ref['topic']}/{ref['partition']}/{ref['offset']}"
    if "raw" in ref:
        return {"where": where, "status": "kept in the decision record (input.raw)"}
    try:
        read_one(reader_config_of(settings), ref["topic"], int(ref["partition"]), int(ref["offset"]))
    except OriginalGone as exc:
        return {"where": where, "status": f"gone: {exc}"}
    return {"where": where, "status": "available"}


@dataclass(frozen=True, slots=True)
class TextPurpose:
    """What a person's free text is for: the message that refuses it names this, the record it is written
    into and how to write it without personal data; `pointer` is where the scanner reports a finding."""

    what: str  # e.g. "the release note"
    record: str  # e.g. "decision records"
    advice: str
    pointer: str


_REVIEW_ADVICE = "use a reviewer handle and a note without names, addresses or numbers of people"
REVIEWER = TextPurpose("the reviewer handle", "decision records", _REVIEW_ADVICE, "/review/reviewer")
RELEASE_NOTE = TextPurpose("the release note", "decision records", _REVIEW_ADVICE, "/review/note")


def check_free_text(name: str, text: str, limit: int, purpose: TextPurpose) -> str:
    """A person's free text for `--NAME`, stripped; refused (ConfigError naming the option, what the text
    is for and the entity types found, never the value) when empty, longer than `limit` or holding
    personal data, because the record it goes into is kept."""
    from gate.scanning import scan_text  # noqa: PLC0415

    text = text.strip()
    if not text or len(text) > limit:
        raise ConfigError(f"--{name} ({purpose.what}) must be 1 to {limit} characters")
    # Bytes that are not UTF-8 reach argv as lone surrogates: no record can carry them (and a release
    # failed with a UnicodeEncodeError after reading every topic). Control characters have no place either.
    if any("\ud800" <= c <= "\udfff" or (c < " " and c not in "\t\n") or c == "\x7f" for c in text):
        raise ConfigError(
            f"--{name} ({purpose.what}) holds bytes that are not UTF-8 text or control characters; "
            "write it as plain text in a UTF-8 terminal"
        )
    # The option's name read as a key can also excuse a value (under `reference` a phone number reads as
    # a reference number): scanned with and without it, refused on either.
    findings = scan_text(text, path=purpose.pointer, context=name) + scan_text(text, path=purpose.pointer)
    found = sorted({f.entity for f in findings})
    if found:
        raise ConfigError(
            f"--{name} holds personal data ({', '.join(found)}); it is {purpose.what}, written into "
            f"{purpose.record}: {purpose.advice}"
        )
    return text


def _release(args: argparse.Namespace) -> int:
    reviewer = check_free_text("reviewer", args.reviewer, MAX_REVIEWER_CHARS, REVIEWER)
    note = check_free_text("note", args.note, MAX_NOTE_CHARS, RELEASE_NOTE)
    settings = reading_settings(args)
    from gate.replay.write import Fenced, TransactionalWriter  # noqa: PLC0415

    # One transactional id per event, opened BEFORE the history is read: a second reviewer's release of
    # the same event fences this one, and whichever starts later reads the other's committed release (or
    # fences the other's write), so two reviewers at once cannot both release one event.
    with TransactionalWriter(
        settings.bootstrap_servers or "",
        settings.kafka,
        transactional_id=f"gate-release-{args.event_id}",
        max_message_bytes=settings.max_message_bytes,
    ) as writer:
        outcome = _decide_release(settings, args, reviewer, note)
        if isinstance(outcome, int):
            return outcome
        current, to, record, incident, writes = outcome
        try:
            writer.commit(writes)
        except Fenced:
            raise GateError(
                f"release of {shown_id(args.event_id)} not written: another release of this event started "
                f"meanwhile (a second reviewer?); see `gate quarantine show {shown_id(args.event_id)}`, and "
                "release it again if it is still quarantined"
            ) from None
    print(
        f"{args.event_id}: released to {to.value} by {reviewer} "
        f"(was {current.verdict}, policy {current.policy_version})"
    )
    asset = record.document.get("asset") or {}
    if "manifest.attached" in record.document.get("actions", []):
        output = asset.get("output") or {}
        where = output.get("store") or output.get("uri") or "inline (asset.output.data)"
        print(f"  published with the gate's manifest attached: {where}")
    if incident is not None:
        print(incident_line(incident))
    return 0


def _decide_release(settings: Any, args: argparse.Namespace, reviewer: str, note: str) -> Any:
    """What a release writes (current, verdict, record, incident, writes), or the exit status when refused."""
    from gate.core.review import Review  # noqa: PLC0415
    from gate.model import Verdict  # noqa: PLC0415
    from gate.replay.job import original_of  # noqa: PLC0415
    from gate.replay.read import OriginalGone, read_one  # noqa: PLC0415
    from gate.replay.release import ReleaseRefused, check_release, release  # noqa: PLC0415
    from gate.runner.transaction import verdict_topics  # noqa: PLC0415 - the routing `gate run` uses

    histories = read_histories(settings, args)
    current = histories.current(args.event_id)
    if current is None:
        raise GateError(
            f"unknown event id {shown_id(args.event_id)}: no verdict topic holds a decision for it"
        )
    to = Verdict(args.to)
    reader = reader_config_of(settings)
    at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    can_sign = settings.signer_chain is not None and settings.signer_key is not None
    try:
        check_release(current, to)
        # The original event: what it declared goes into the audit record, its bytes into a manifest.
        original = original_of(current, lambda t, p, o: read_one(reader, t, p, o))
        record = release(
            current,
            original,
            to=to,
            review=Review(reviewer=reviewer, note=note, at=at),
            can_sign=can_sign,
            publish=_publisher(settings) if can_sign else None,
        )
    except ReleaseRefused as exc:
        print(f"gate: release of {shown_id(args.event_id)} refused: {exc}", file=sys.stderr)
        return 4
    except OriginalGone as exc:
        raise GateError(
            f"release of {shown_id(args.event_id)} failed: {exc}; a release reads the original event (its "
            "declared model goes into the audit record, its bytes into a manifest), so nothing was written"
        ) from None
    topic = verdict_topics(settings.topics)[to]
    writes = [(topic, record.key, record.value, record.headers)]
    if record.audit:  # the override is a decision like any other: audited in the same transaction
        writes.append((settings.topics.audit, record.key, record.audit, ()))
    incident = _incident(settings, args, histories.by_event[args.event_id], record, reviewer)
    if incident is not None:
        writes.append(incident_write(settings, incident))
    return current, to, record, incident, writes


def _publisher(settings: Any) -> Any:
    """Decides an original again for a release and publishes its bytes (built on first use: a release
    that needs no manifest loads no signer)."""
    built: list[Any] = []

    def publish(original: Any) -> Any:
        if not built:
            from gate.cli.run import processor_factory  # noqa: PLC0415

            built.append(dataclasses.replace(processor_factory(settings), tracing=False).build())
        return built[0].release(original)

    return publish


def _incident(
    settings: Any, args: argparse.Namespace, history: list[Any], record: Any, reviewer: str
) -> dict[str, Any] | None:
    """The incident a release opens: the event was approved (published) before and the release's decision
    names personal data, and no incident lists that approval yet."""
    from gate.replay.breach import affected_by, already_listed, incident_for  # noqa: PLC0415
    from gate.replay.job import Step  # noqa: PLC0415

    step = Step(history[-1], record.verdict.value, record.reason_codes, (("", record.key, record.value, ()),))
    image = affected_by(history, step)
    if image is None or already_listed(image, read_incident_docs(args)):
        return None
    return incident_for(
        [image],
        aware_at=datetime.now(UTC),
        contact=settings.incident_contact,
        found_by=f"a reviewer's release (gate quarantine release by {reviewer})",
    )
