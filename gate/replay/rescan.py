"""`gate rescan`: decide approved images again under today's scanner and policy; open an incident for any
that now carry personal data.

A rescan is a replay of approvals: each current approval's original event is read back (inline or from the
ingest topic, as `gate replay` does) and decided through the same entry point and record builder, with
lineage to the approval it supersedes. The images whose new decision is no longer an approval *because of
personal data* were published with it: they make one incident (GDPR Art. 33), written in the same
transaction as their new decisions and audit records.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from gate.core.incident import AffectedImage, open_incident
from gate.core.record import InboundRecord, RoutedRecord
from gate.core.review import ReplayLineage
from gate.replay.history import Filters, Histories, StoredDecision
from gate.replay.job import Step, reevaluate_step


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


@dataclass
class RescanResult:
    """The steps taken, the incident opened (if any), and the events that could not be decided again."""

    steps: list[Step] = field(default_factory=list)
    incident: dict[str, Any] | None = None
    failed: list[tuple[str, str]] = field(default_factory=list)


def rescan(
    chosen: Sequence[StoredDecision],
    original_of: Callable[[StoredDecision], InboundRecord],
    decide: Callable[[InboundRecord, ReplayLineage], RoutedRecord],
    topic_of: Callable[[str], str],
    *,
    job: str,
    audit_topic: str,
    aware_at: Callable[[], datetime],
    contact: str,
) -> RescanResult:
    """Decide each approval in `chosen` again; an incident when personal data is found in any of them.

    A failure stops the rescan at that event (nothing after it is decided, so nothing is skipped silently).
    """
    result = RescanResult()
    for decision in chosen:
        try:
            original = original_of(decision)
            step = reevaluate_step(decision, original, job, decide, topic_of, audit_topic=audit_topic)
        except Exception as exc:  # report, route nothing for it
            result.failed.append((decision.event_id, f"could not be decided again ({type(exc).__name__})"))
            break
        result.steps.append(step)
    affected = [a for a in (affected_image(s) for s in result.steps) if a is not None]
    if affected:
        result.incident = open_incident(
            affected, aware_at=aware_at(), contact=contact, found_by=f"gate rescan (job {job})"
        )
    return result
