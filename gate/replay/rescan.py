"""`gate rescan`: decide approved images again under today's scanner and policy; open an incident for any
that now carry personal data.

A rescan is a replay of approvals: each current approval's original event is read back (inline or from the
ingest topic, as `gate replay` does) and decided through the same entry point and record builder, with
lineage to the approval it supersedes. It goes in batches: each batch's new decisions, their audit records,
the incident record (if the batch found personal data) and the job's position are one transaction, so a job
killed at any point and run again with the same `--job` neither repeats nor skips an image.

One incident per job: the first batch that finds personal data in a published image opens it (awareness
is that moment: the 72-hour clock starts when the gate knew); every later batch that finds more appends a
phased update (Art. 33(4)) to the same incident, adding its images to the takedown list. A resumed job
reads its incident back (`job` in the document) and goes on with it; images are merged by event id, so an
image already listed is never listed twice.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from gate.core.incident import AffectedImage, add_images, open_incident
from gate.core.record import InboundRecord, RoutedRecord
from gate.core.review import ReplayLineage
from gate.errors import GateError
from gate.replay.history import Filters, Histories, StoredDecision
from gate.replay.job import Step, reevaluate_step

DEFAULT_BATCH = 32


def rescan_group(job: str) -> str:
    """The consumer group that holds a rescan job's position (on the approved topic)."""
    return f"gate-rescan-{job}"


def approvals(histories: Histories, filters: Filters) -> list[StoredDecision]:
    """The events whose current decision is an approval and matches `filters`, in position order."""
    chosen = [d for d in histories.currents() if d.verdict == "approved" and filters.match(d)]
    return sorted(chosen, key=lambda d: (d.record.topic, d.record.partition, d.record.offset))


def personal_data_of(step: Step) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The entity types and places (JSON pointers) the step's new decision names (never values)."""
    doc = json.loads(step.writes[0][2])
    reasons = [r for r in doc.get("reasons", []) if r.get("entity")]
    return tuple(str(r["entity"]) for r in reasons), tuple(str(r.get("path", "")) for r in reasons)


def affected_image(step: Step) -> AffectedImage | None:
    """The published image the step found personal data in, or None (still approved, or another reason)."""
    if step.new_verdict == "approved":
        return None
    entities, pointers = personal_data_of(step)
    if not entities:
        return None
    asset = step.decision.doc.get("asset") or {}
    output = asset.get("output") or {}
    return AffectedImage(
        event_id=step.decision.event_id,
        # What was published: the gate's output when it changed the image, else the input as it came.
        sha256=str(output.get("sha256") or asset.get("sha256")),
        location=output.get("store") or output.get("uri"),
        entities=entities,
        pointers=tuple(p for p in pointers if p),
        approval={**step.decision.where, "policy": dict(step.decision.doc.get("policy") or {})},
        new_verdict=step.new_verdict,
    )


def batches(todo: Sequence[StoredDecision], size: int) -> Iterator[Sequence[StoredDecision]]:
    """`todo` in consecutive batches of at most `size` (at least 1)."""
    size = max(1, size)
    for start in range(0, len(todo), size):
        yield todo[start : start + size]


@dataclass(frozen=True, slots=True)
class IncidentContext:
    """What an incident record needs besides the findings: the job (and the command that runs it), the
    clock and the contact point."""

    job: str
    aware_at: Callable[[], datetime]
    contact: str
    command: str = "gate rescan"

    @property
    def found_by(self) -> str:
        """How the incident names its finder."""
        return f"{self.command} (job {self.job})"


def incident_for(
    current: dict[str, Any] | None, affected: Sequence[AffectedImage], context: IncidentContext
) -> dict[str, Any] | None:
    """The incident record a batch of a job (`gate rescan`, `gate replay`) writes: a new incident when the
    job has none that takes findings, else the next update of the job's incident with the images it does
    not list yet; None when nothing is new."""
    if not affected:
        return None
    if current is None or current.get("status") == "closed":
        return open_incident(
            affected,
            aware_at=context.aware_at(),
            contact=context.contact,
            found_by=context.found_by,
            job=context.job,
        )
    return add_images(current, affected, at=context.aware_at(), found_by=context.found_by)


@dataclass
class BatchOutcome:
    """One batch: the steps taken, its position, its incident record, and the event it stopped at."""

    steps: list[Step] = field(default_factory=list)
    positions: dict[tuple[str, int], int] = field(default_factory=dict)
    incident: dict[str, Any] | None = None
    failed: tuple[str, str] | None = None

    @property
    def writes(self) -> list[tuple[str, bytes, bytes, Any]]:
        """The decisions and audit records of the batch (the incident record is written by the caller)."""
        return [w for step in self.steps for w in step.writes]


def rescan_batch(
    batch: Sequence[StoredDecision],
    original_of: Callable[[StoredDecision], InboundRecord],
    decide: Callable[[InboundRecord, ReplayLineage], RoutedRecord],
    topic_of: Callable[[str], str],
    *,
    audit_topic: str,
    incident: Callable[[], dict[str, Any] | None],
    context: IncidentContext,
    before_each: Callable[[], None] = lambda: None,
) -> BatchOutcome:
    """Decide each approval of `batch` again; the incident record when personal data is found.

    `incident` gives the job's incident as it stands (asked only when the batch found personal data, so
    an update made meanwhile by a person is built on). A failure stops the batch at that event: the
    position covers only the events before it, so nothing after it is skipped silently.
    """
    outcome = BatchOutcome()
    for decision in batch:
        before_each()
        try:
            original = original_of(decision)
            step = reevaluate_step(decision, original, context.job, decide, topic_of, audit_topic=audit_topic)
        except GateError as exc:  # its message names what and where, never a value
            outcome.failed = (decision.event_id, str(exc))
            break
        except Exception as exc:  # report, route nothing for it
            outcome.failed = (decision.event_id, f"could not be decided again ({type(exc).__name__})")
            break
        outcome.steps.append(step)
        r = decision.record
        outcome.positions[(r.topic, r.partition)] = r.offset + 1
    affected = [a for a in (affected_image(s) for s in outcome.steps) if a is not None]
    if affected:
        outcome.incident = incident_for(incident(), affected, context)
    return outcome
