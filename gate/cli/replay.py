"""`gate replay`: decide quarantined events again (or re-inject them) with lineage, resumable by `--job`."""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gate.cli.progress import progress_bar
from gate.cli.review_args import (
    add_filter_options,
    add_reading_options,
    filters_from,
    incident_line,
    per_second,
    read_histories,
    reader_config_of,
    reading_settings,
    whole_number,
)
from gate.errors import ConfigError

BATCH = 32


def register(sub: Any) -> None:
    """Add the `replay` command."""
    parser = sub.add_parser(
        "replay",
        help="decide quarantined events again, or re-inject them, with lineage",
        description="Exit status: 0 all went through, 1 a failure (e.g. an original event is gone), "
        "5 some events refused (loop guard, not in quarantine).",
    )
    add_reading_options(parser)
    add_filter_options(parser)
    parser.add_argument("--event-id", action="append", default=[], metavar="ID", help="replay these events")
    parser.add_argument("--mode", required=True, choices=("reevaluate", "reinject"))
    parser.add_argument("--policy", type=Path, metavar="POLICY.yaml", help="decide with this policy")
    parser.add_argument("--dry-run", action="store_true", help="change nothing; print old -> new")
    parser.add_argument(
        "--rate", type=per_second, default=None, metavar="N", help="at most N events per second"
    )
    parser.add_argument(
        "--max", type=whole_number(1), default=None, metavar="N", help="replay at most N events this run"
    )
    parser.add_argument(
        "--job", default=None, metavar="ID", help="job id: run again with the same id to resume"
    )
    parser.add_argument("--force", action="store_true", help="also replay events not in quarantine")
    parser.add_argument(
        "--max-replays", type=whole_number(1), default=None, metavar="N", help="loop guard (default 3)"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per event, then a summary")
    parser.set_defaults(handler=_replay)


def _replay(args: argparse.Namespace) -> int:
    from gate.replay.job import (  # noqa: PLC0415
        DEFAULT_MAX_REPLAYS,
        ReplayRequest,
        Summary,
        pending,
        resumed_under_another_policy,
        select,
    )

    if args.job is not None and not re.fullmatch(r"[A-Za-z0-9._-]{1,100}", args.job):
        raise ConfigError("--job must be 1 to 100 letters, digits, '.', '-' or '_'")
    if args.rate is not None and args.rate <= 0:
        raise ConfigError("--rate must be above 0 events per second")
    settings = reading_settings(args, **({"policy": args.policy} if args.policy else {}))
    job = args.job or f"job-{uuid.uuid4().hex[:12]}"
    request = ReplayRequest(
        mode=args.mode,
        job=job,
        filters=filters_from(args),
        event_ids=tuple(args.event_id),
        force=args.force,
        max_replays=args.max_replays if args.max_replays is not None else DEFAULT_MAX_REPLAYS,
    )
    histories = read_histories(settings, args, skip_job=job)
    selection = select(histories, request)
    summary = Summary(refused=list(selection.refused))
    runner = _Runner(settings, args, job, summary, histories)
    try:
        if runner.policy is not None and not args.dry_run:
            why = resumed_under_another_policy(histories.of_skipped_job, runner.policy)
            if why:
                raise ConfigError(f"job {job}: {why}")
        committed = runner.committed(selection.chosen)
        todo = list(pending(selection.chosen, committed, summary))
        if args.max is not None:
            summary.left = max(0, len(todo) - args.max)
            todo = todo[: args.max]
        runner.run(todo)
    finally:
        runner.close()
    _print_summary(args, job, summary, runner.opened)
    if summary.failed:
        return 1
    return 0 if summary.ok else 5


class _Runner:
    """Runs the steps: evaluates, prints the diff, and (unless a dry run) writes in transactions."""

    def __init__(
        self, settings: Any, args: argparse.Namespace, job: str, summary: Any, histories: Any
    ) -> None:
        from gate.replay.write import TransactionalWriter, job_group  # noqa: PLC0415

        self.settings, self.args, self.job, self.summary = settings, args, job, summary
        self.histories = histories
        # Incident id -> its current record: read from the topic on first need (most replays open none),
        # read again before a batch records findings, and kept with what this run wrote (all of it, for a
        # dry run, which writes nothing).
        self.incidents: dict[str, dict[str, Any]] | None = None
        self.written: dict[str, dict[str, Any]] = {}
        self.opened: set[str] = set()  # the incidents this run opened (the others it updated)
        self.affected: list[Any] = []  # images of the current batch found to carry personal data
        self.reader = reader_config_of(settings)
        self.writer = None
        if not args.dry_run:
            self.writer = TransactionalWriter(
                settings.bootstrap_servers or "",
                settings.kafka,
                transactional_id=f"gate-replay-{job}",
                group=job_group(job),
                max_message_bytes=settings.max_message_bytes,
            )
        self.processor: Any = None
        self.policy: Any = None  # the PolicyRef a reevaluation decides under
        if args.mode == "reevaluate":
            from gate.cli.run import processor_factory  # noqa: PLC0415

            factory = processor_factory(settings)
            self.policy = factory.policy
            # A dry run publishes nothing anywhere, not even into the content store.
            store = None if args.dry_run else settings.store_dir
            self.processor = dataclasses.replace(factory, tracing=False, store_dir=store).build()

    def committed(self, chosen: list[Any]) -> dict[tuple[str, int], int]:
        """The job's position (empty for a dry run, which commits nothing)."""
        if self.writer is None:
            return {}
        return self.writer.committed(sorted({(d.record.topic, d.record.partition) for d in chosen}))

    def run(self, todo: list[Any]) -> None:
        """Replay `todo` in order, committing output and position every BATCH events."""
        from gate.replay.job import RateLimit  # noqa: PLC0415
        from gate.replay.read import OriginalGone  # noqa: PLC0415

        rate = RateLimit(self.args.rate)
        writes: list[Any] = []
        positions: dict[tuple[str, int], int] = {}
        with progress_bar(unit="ev", disable=self.args.no_progress) as bar:
            task = bar.add_task("replaying", total=len(todo))
            for decision in todo:
                rate.wait()
                try:
                    step = self._step(decision)
                except OriginalGone as exc:
                    self.summary.failed.append((decision.event_id, str(exc)))
                    break  # never skip silently: the position stays before this event
                except Exception as exc:  # the decision itself failed: report it, route nothing
                    why = f"could not be decided again ({type(exc).__name__}); nothing was written for it"
                    self.summary.failed.append((decision.event_id, why))
                    break
                self.summary.transitions[step.transition] += 1
                self._print_step(step)
                writes.extend(step.writes)
                self._note_affected(step)
                r = decision.record
                positions[(r.topic, r.partition)] = r.offset + 1
                if len(writes) >= BATCH:
                    self._commit(writes, positions)
                    writes, positions = [], {}
                bar.advance(task)
            self._commit(writes, positions)
        if self.summary.failed:
            self.summary.left += len(todo) - sum(self.summary.transitions.values()) - len(self.summary.failed)

    def _step(self, decision: Any) -> Any:
        from gate.replay.job import original_of, reevaluate_step, reinject_step  # noqa: PLC0415
        from gate.replay.read import read_one  # noqa: PLC0415

        original = original_of(decision, lambda t, p, o: read_one(self.reader, t, p, o))
        if self.args.mode == "reinject":
            return reinject_step(decision, original, self.job, self.settings.topics.ingest)
        from gate.model import Verdict  # noqa: PLC0415
        from gate.runner.transaction import verdict_topics  # noqa: PLC0415 - the routing `gate run` uses

        topics = verdict_topics(self.settings.topics)
        return reevaluate_step(
            decision,
            original,
            self.job,
            self.processor.reevaluate,
            lambda v: topics[Verdict(v)],
            audit_topic=self.settings.topics.audit,
        )

    def _note_affected(self, step: Any) -> None:
        """Remember the published image this step found personal data in, unless an incident lists it."""
        from gate.replay.breach import affected_by, already_listed  # noqa: PLC0415

        if self.args.mode != "reevaluate":
            return  # a re-injected event is decided by `gate run`, which does not know its history
        image = affected_by(self.histories.by_event.get(step.decision.event_id, []), step)
        if image is None:
            return
        if self.incidents is None:
            self._read_incidents()
        assert self.incidents is not None
        if not already_listed(image, self.incidents.values()):
            self.affected.append(image)

    def _read_incidents(self) -> None:
        """The current record of every incident: the topic's, then this run's where newer (a dry run's
        records are never written, and a record just committed may not be read back yet)."""
        from gate.cli.review_args import read_incidents_quietly  # noqa: PLC0415

        found = read_incidents_quietly(self.settings, self.args)  # the replay's progress bar is showing
        for incident_id, doc in self.written.items():
            if incident_id not in found or int(found[incident_id]["update"]) < int(doc["update"]):
                found[incident_id] = doc
        self.incidents = found

    def _commit(self, writes: list[Any], positions: dict[tuple[str, int], int]) -> None:
        """Write a batch; the record of the job's incident for its affected images goes in the same
        transaction (the job's one incident opened, or its next update)."""
        from gate.cli.review_args import incident_write  # noqa: PLC0415
        from gate.replay.breach import job_incident_record  # noqa: PLC0415
        from gate.replay.rescan import IncidentContext  # noqa: PLC0415

        incident = None
        if self.affected:
            self._read_incidents()  # as it stands now: an update a person made meanwhile is built on
            assert self.incidents is not None
            context = IncidentContext(
                self.job, lambda: datetime.now(UTC), self.settings.incident_contact, command="gate replay"
            )
            incident = job_incident_record(self.incidents.values(), self.affected, context)
        self.affected = []
        if incident is not None:
            writes = [*writes, incident_write(self.settings, incident)]
        if self.writer is not None and (writes or positions):
            self.writer.commit(writes, positions)
        if incident is not None:
            incident_id = str(incident["incident_id"])
            if incident["update"] == 0:
                self.opened.add(incident_id)
            self.written[incident_id] = incident
            assert self.incidents is not None
            self.incidents[incident_id] = incident
            # One entry per incident, in its latest state.
            self.summary.incidents = [
                *(d for d in self.summary.incidents if d["incident_id"] != incident_id),
                incident,
            ]

    def _print_step(self, step: Any) -> None:
        d = step.decision
        # Each code once on both sides (three entities, three reasons of one code), so the diff shows changes.
        before, after = list(dict.fromkeys(d.reason_codes)), list(dict.fromkeys(step.new_reasons))
        if self.args.json:
            print(
                json.dumps(
                    {
                        "event_id": d.event_id,
                        "old": {"verdict": d.verdict, "reasons": before},
                        "new": {"verdict": step.new_verdict, "reasons": after},
                        "dry_run": bool(self.args.dry_run),
                    },
                    sort_keys=True,
                )
            )
        elif self.args.dry_run:
            old, new = ",".join(before) or "-", ",".join(after) or "-"
            print(f"{d.event_id}: {d.verdict} [{old}] -> {step.new_verdict} [{new}]")

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def _print_summary(args: argparse.Namespace, job: str, summary: Any, opened: set[str]) -> None:
    if args.json:
        print(
            json.dumps(
                {"summary": {"job": job, "dry_run": bool(args.dry_run), **summary.as_dict()}}, sort_keys=True
            )
        )
        return
    out = sys.stdout
    verb = "would replay" if args.dry_run else "replayed"
    total = sum(summary.transitions.values())
    print(f"job {job}: {verb} {total} event(s)", file=out)
    for transition, n in sorted(summary.transitions.items()):
        print(f"  {transition}: {n}", file=out)
    if summary.already_done:
        print(f"  already done by an earlier run of this job: {summary.already_done}", file=out)
    if summary.left:
        print(f"  left for a later run (--max, or stopped): {summary.left}", file=out)
    for event_id, why in summary.refused:
        print(f"  refused {event_id}: {why}", file=out)
    for event_id, why in summary.failed:
        print(f"  FAILED {event_id}: {why}", file=out)
    for incident in summary.incidents:
        line = incident_line(incident, dry_run=bool(args.dry_run), opened=incident["incident_id"] in opened)
        print(line, file=out)
