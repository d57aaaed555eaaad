"""`gate rescan`: decide approved images again under the current scanner and policy; open an incident
(GDPR Art. 33) for those that now carry personal data. Batched and resumable by `--job` (see
`gate.replay.rescan`)."""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gate.cli.review_args import (
    add_reading_options,
    per_second,
    read_histories,
    reader_config_of,
    reading_settings,
    when,
)
from gate.errors import ConfigError


def register(sub: Any) -> None:
    """Add the `rescan` command."""
    parser = sub.add_parser(
        "rescan",
        help="decide approved images again; open an incident when personal data is found in them",
        description="Exit status: 0 done (with or without an incident: see the output), 1 an event could "
        "not be decided again (the batches before it are written; run again with the same --job to resume).",
    )
    add_reading_options(parser)
    parser.add_argument(
        "--since", type=when, metavar="T", help="approvals decided at or after T (ISO 8601, 7d)"
    )
    parser.add_argument("--policy", type=Path, metavar="POLICY.yaml", help="decide with this policy")
    parser.add_argument(
        "--dry-run", action="store_true", help="change nothing; print old -> new and the draft"
    )
    parser.add_argument(
        "--job", default=None, metavar="ID", help="job id: run again with the same id to resume"
    )
    parser.add_argument(
        "--batch", type=int, default=None, metavar="N", help="images per transaction (default 32)"
    )
    parser.add_argument(
        "--rate", type=per_second, default=None, metavar="N", help="at most N images per second"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per event, then a summary")
    parser.set_defaults(handler=_rescan)


def _rescan(args: argparse.Namespace) -> int:
    from gate.replay.history import Filters  # noqa: PLC0415
    from gate.replay.job import Summary, pending, resumed_under_another_policy  # noqa: PLC0415
    from gate.replay.rescan import approvals  # noqa: PLC0415

    if args.job is not None and not re.fullmatch(r"[A-Za-z0-9._-]{1,100}", args.job):
        raise ConfigError("--job must be 1 to 100 letters, digits, '.', '-' or '_'")
    if args.batch is not None and args.batch < 1:
        raise ConfigError("--batch must be at least 1 image per transaction")
    if args.rate is not None and args.rate <= 0:
        raise ConfigError("--rate must be above 0 images per second")
    settings = reading_settings(args, **({"policy": args.policy} if args.policy else {}))
    job = args.job or f"rescan-{uuid.uuid4().hex[:12]}"
    # Chosen from the histories as they were before this job, so a resumed job chooses the same images.
    histories = read_histories(settings, args, skip_job=job)
    chosen = approvals(histories, Filters(since=args.since))
    summary = Summary()
    run = _Run(settings, args, job, summary)
    try:
        why = resumed_under_another_policy(histories.of_skipped_job, run.policy)
        if why and not args.dry_run:
            raise ConfigError(f"job {job}: {why}")
        todo = list(pending(chosen, run.committed(chosen), summary))
        run.run(todo)
    finally:
        run.close()
    _print_summary(args, job, summary, run)
    return 1 if summary.failed else 0


class _Run:
    """The job: decides batch by batch, prints, and (unless a dry run) writes each batch in a transaction."""

    def __init__(self, settings: Any, args: argparse.Namespace, job: str, summary: Any) -> None:
        from gate.cli.run import processor_factory  # noqa: PLC0415
        from gate.replay.rescan import rescan_group  # noqa: PLC0415
        from gate.replay.write import TransactionalWriter  # noqa: PLC0415

        self.settings, self.args, self.job, self.summary = settings, args, job, summary
        self.reader = reader_config_of(settings)
        self.writer: Any = None
        if not args.dry_run:
            self.writer = TransactionalWriter(
                settings.bootstrap_servers or "",
                settings.kafka,
                transactional_id=f"gate-rescan-{job}",
                group=rescan_group(job),
                max_message_bytes=settings.max_message_bytes,
            )
        # A dry run publishes nothing anywhere, not even into the content store.
        store = None if args.dry_run else settings.store_dir
        factory = processor_factory(settings)
        self.policy = factory.policy
        self.processor = dataclasses.replace(factory, tracing=False, store_dir=store).build()
        self.incident: dict[str, Any] | None = None  # the job's incident as this run last wrote or read it
        self.opened = False
        self.incident_writes = 0

    def committed(self, chosen: list[Any]) -> dict[tuple[str, int], int]:
        """The job's position (empty for a dry run, which commits nothing)."""
        if self.writer is None:
            return {}
        found: dict[tuple[str, int], int] = self.writer.committed(
            sorted({(d.record.topic, d.record.partition) for d in chosen})
        )
        return found

    def job_incident(self) -> dict[str, Any] | None:
        """The job's incident as the incidents topic holds it now (a dry run: as this run built it)."""
        if self.writer is None:
            return self.incident
        from gate.cli.review_args import read_incidents_quietly  # noqa: PLC0415
        from gate.core.incident import incident_of_job  # noqa: PLC0415

        return incident_of_job(read_incidents_quietly(self.settings, self.args).values(), self.job)

    def run(self, todo: list[Any]) -> None:
        """Rescan `todo` in batches; stop at the first event that cannot be decided again."""
        from gate.cli.progress import progress_bar  # noqa: PLC0415
        from gate.model import Verdict  # noqa: PLC0415
        from gate.replay.job import RateLimit, original_of  # noqa: PLC0415
        from gate.replay.read import read_one  # noqa: PLC0415
        from gate.replay.rescan import DEFAULT_BATCH, IncidentContext, batches, rescan_batch  # noqa: PLC0415
        from gate.runner.transaction import verdict_topics  # noqa: PLC0415 - the routing `gate run` uses

        topics = verdict_topics(self.settings.topics)
        context = IncidentContext(self.job, lambda: datetime.now(UTC), self.settings.incident_contact)
        rate = RateLimit(self.args.rate)
        done = 0
        with progress_bar(unit="img", disable=self.args.no_progress) as bar:
            task = bar.add_task("rescanning", total=len(todo))
            for batch in batches(todo, self.args.batch or DEFAULT_BATCH):
                outcome = rescan_batch(
                    batch,
                    lambda d: original_of(d, lambda t, p, o: read_one(self.reader, t, p, o)),
                    self.processor.reevaluate,
                    lambda v: topics[Verdict(v)],
                    audit_topic=self.settings.topics.audit,
                    incident=self.job_incident,
                    context=context,
                    before_each=rate.wait,
                )
                self._commit(outcome)
                for step in outcome.steps:
                    self.summary.transitions[step.transition] += 1
                    self._print_step(step)
                done += len(outcome.steps)
                bar.update(task, completed=done)
                if outcome.failed is not None:
                    self.summary.failed.append(outcome.failed)
                    self.summary.left = len(todo) - done - 1
                    break

    def _commit(self, outcome: Any) -> None:
        """The batch's decisions, audit records, incident record and position: one transaction."""
        from gate.core.incident import encode  # noqa: PLC0415

        writes = outcome.writes
        if outcome.incident is not None:
            self.opened = self.opened or outcome.incident["update"] == 0
            self.incident_writes += 1
            self.incident = outcome.incident
            incident_id = str(outcome.incident["incident_id"]).encode()
            writes.append((self.settings.topics.incidents, incident_id, encode(outcome.incident), ()))
        if self.writer is not None and (writes or outcome.positions):
            self.writer.commit(writes, outcome.positions)

    def _print_step(self, step: Any) -> None:
        from gate.replay.rescan import personal_data_of  # noqa: PLC0415

        if self.args.json:
            entities, _ = personal_data_of(step)
            row = {
                "event_id": step.decision.event_id,
                "old": step.decision.verdict,
                "new": step.new_verdict,
                "reasons": list(step.new_reasons),
                "entities": sorted(set(entities)),
                "dry_run": bool(self.args.dry_run),
            }
            print(json.dumps(row, sort_keys=True), flush=True)
        elif step.new_verdict != "approved":
            print(f"{step.decision.event_id}: {step.transition} [{','.join(step.new_reasons)}]", flush=True)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def _print_summary(args: argparse.Namespace, job: str, summary: Any, run: _Run) -> None:
    incident = run.incident if run.incident_writes else None
    if args.json:
        doc = {"job": job, "dry_run": bool(args.dry_run), **summary.as_dict(), "incident": incident}
        doc["rescanned"] = doc.pop("replayed")
        doc.pop("refused")  # a rescan refuses nothing; its one incident is `incident`, not a list
        doc.pop("incidents", None)
        print(json.dumps({"summary": doc}, sort_keys=True))
        return
    verb = "would rescan" if args.dry_run else "rescanned"
    print(f"job {job}: {verb} {sum(summary.transitions.values())} approved image(s)")
    for transition, n in sorted(summary.transitions.items()):
        print(f"  {transition}: {n}")
    if summary.already_done:
        print(f"  already done by an earlier run of this job: {summary.already_done}")
    for event_id, why in summary.failed:
        print(f"  FAILED {event_id}: {why}")
        print(f"  {summary.left} image(s) left: fix it, then run again with --job {job} to resume")
    if incident is not None:
        if args.dry_run:
            verb = "would open"
        else:
            verb = "opened" if run.opened else f"updated (update {incident['update']})"
        print(
            f"incident {incident['incident_id']} {verb}: {incident['records']} published image(s) with "
            f"{', '.join(incident['entities'])}; aware {incident['aware_at']}, "
            f"notify by {incident['deadline']}"
        )
        print("  `gate incidents show` / `gate incidents export` for the takedown list and the DPO draft")
