"""`gate rescan`: decide approved images again under the current scanner and policy; open an incident
(GDPR Art. 33) for those that now carry personal data, in the same transaction as their new decisions."""

from __future__ import annotations

import argparse
import dataclasses
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gate.cli.review_args import add_reading_options, read_histories, reader_config_of, reading_settings, when


def register(sub: Any) -> None:
    """Add the `rescan` command."""
    parser = sub.add_parser(
        "rescan",
        help="decide approved images again; open an incident when personal data is found in them",
        description="Exit status: 0 done (with or without an incident: see the output), 1 an event could "
        "not be decided again (nothing was written).",
    )
    add_reading_options(parser)
    parser.add_argument(
        "--since", type=when, metavar="T", help="approvals decided at or after T (ISO 8601, 7d)"
    )
    parser.add_argument("--policy", type=Path, metavar="POLICY.yaml", help="decide with this policy")
    parser.add_argument(
        "--dry-run", action="store_true", help="change nothing; print old -> new and the draft"
    )
    parser.add_argument("--job", default=None, metavar="ID", help="job id (default: a new one)")
    parser.add_argument("--json", action="store_true", help="one JSON object per event, then a summary")
    parser.set_defaults(handler=_rescan)


def _rescan(args: argparse.Namespace) -> int:
    from gate.cli.run import processor_factory  # noqa: PLC0415
    from gate.model import Verdict  # noqa: PLC0415
    from gate.replay.history import Filters  # noqa: PLC0415
    from gate.replay.job import original_of  # noqa: PLC0415
    from gate.replay.read import read_one  # noqa: PLC0415
    from gate.replay.rescan import approvals, rescan  # noqa: PLC0415
    from gate.runner.transaction import verdict_topics  # noqa: PLC0415 - the routing `gate run` uses

    settings = reading_settings(args, **({"policy": args.policy} if args.policy else {}))
    job = args.job or f"rescan-{uuid.uuid4().hex[:12]}"
    chosen = approvals(read_histories(settings, args, skip_job=job), Filters(since=args.since))
    factory = processor_factory(settings)
    # A dry run publishes nothing anywhere, not even into the content store.
    processor = dataclasses.replace(
        factory, tracing=False, store_dir=None if args.dry_run else settings.store_dir
    ).build()
    reader = reader_config_of(settings)
    topics = verdict_topics(settings.topics)
    result = rescan(
        chosen,
        lambda d: original_of(d, lambda t, p, o: read_one(reader, t, p, o)),
        processor.reevaluate,
        lambda v: topics[Verdict(v)],
        job=job,
        audit_topic=settings.topics.audit,
        aware_at=lambda: datetime.now(UTC),
        contact=settings.incident_contact,
    )
    if result.failed:
        for event_id, why in result.failed:
            print(f"FAILED {event_id}: {why}; nothing was written (run again once it is fixed)")
        return 1
    if not args.dry_run:
        _write(settings, job, result)
    _print(args, job, result)
    return 0


def _write(settings: Any, job: str, result: Any) -> None:
    """Every new decision, its audit record and the incident, in one transaction."""
    from gate.core.incident import encode  # noqa: PLC0415
    from gate.replay.write import TransactionalWriter  # noqa: PLC0415

    writes = [w for step in result.steps for w in step.writes]
    if result.incident is not None:
        incident_id = str(result.incident["incident_id"]).encode()
        writes.append((settings.topics.incidents, incident_id, encode(result.incident), ()))
    if not writes:
        return
    writer = TransactionalWriter(
        settings.bootstrap_servers or "",
        settings.kafka,
        transactional_id=f"gate-rescan-{job}",
        max_message_bytes=settings.max_message_bytes,
    )
    try:
        writer.commit(writes)
    finally:
        writer.close()


def _print(args: argparse.Namespace, job: str, result: Any) -> None:
    from gate.replay.rescan import personal_data_of  # noqa: PLC0415

    moved: dict[str, int] = {}
    for step in result.steps:
        moved[step.transition] = moved.get(step.transition, 0) + 1
        entities, _ = personal_data_of(step)
        if args.json:
            print(
                json.dumps(
                    {
                        "event_id": step.decision.event_id,
                        "old": step.decision.verdict,
                        "new": step.new_verdict,
                        "reasons": list(step.new_reasons),
                        "entities": sorted(set(entities)),
                        "dry_run": bool(args.dry_run),
                    },
                    sort_keys=True,
                )
            )
        elif step.new_verdict != "approved":
            print(f"{step.decision.event_id}: {step.transition} [{','.join(step.new_reasons)}]")
    incident = result.incident
    if args.json:
        summary = {"job": job, "dry_run": bool(args.dry_run), "transitions": moved, "incident": incident}
        print(json.dumps({"summary": summary}, sort_keys=True))
        return
    verb = "would rescan" if args.dry_run else "rescanned"
    print(f"job {job}: {verb} {len(result.steps)} approved image(s)")
    for transition, n in sorted(moved.items()):
        print(f"  {transition}: {n}")
    if incident is not None:
        opened = "would open" if args.dry_run else "opened"
        print(
            f"incident {incident['incident_id']} {opened}: {incident['records']} published image(s) with "
            f"{', '.join(incident['entities'])}; aware {incident['aware_at']}, "
            f"notify by {incident['deadline']}"
        )
        print("  `gate incidents show` / `gate incidents export` for the takedown list and the DPO draft")
