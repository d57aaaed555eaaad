"""Incidents opened by `gate replay` and by a reviewer's release, as `gate rescan` opens them.

When an event's history holds an approval (so its image was published) and a new decision finds personal
data in it, that image is affected: `gate.replay.rescan.affected_image` says so, for the approval the new
decision supersedes. An approval that an incident already lists for takedown (e.g. a rescan found it
first) opens no second one. The caller writes the incident in the same transaction as the new decisions.

A replay job keeps one incident, as a rescan job does (`job_incident_record`): its first batch with
affected images opens it, later batches (and a resumed run of the same job, which finds the incident by its
`job`) add their images to it as phased updates. A release is one decision: `incident_for` opens its own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from gate.core.incident import AffectedImage, incident_of_job, open_incident
from gate.replay.history import StoredDecision
from gate.replay.job import Step
from gate.replay.rescan import IncidentContext, affected_image
from gate.replay.rescan import incident_for as next_job_incident

_WHERE = ("topic", "partition", "offset")


def last_approval(history: Sequence[StoredDecision]) -> StoredDecision | None:
    """The latest approval in an event's history (ordered oldest first), or None."""
    return next((d for d in reversed(history) if d.verdict == "approved"), None)


def affected_by(history: Sequence[StoredDecision], step: Step) -> AffectedImage | None:
    """The published image `step`'s new decision found personal data in, or None: no approval in the
    event's history, the new decision approves, or it names no personal data."""
    approval = last_approval(history)
    if approval is None:
        return None
    # The step seen as superseding the approval: what was published is the approval's output.
    return affected_image(dataclasses.replace(step, decision=approval))


def already_listed(image: AffectedImage, incidents: Iterable[Mapping[str, Any]]) -> bool:
    """Whether an incident already lists this image's approval for takedown."""
    where = tuple(image.approval.get(k) for k in _WHERE)
    return any(
        item.get("event_id") == image.event_id
        and tuple((item.get("supersedes") or {}).get(k) for k in _WHERE) == where
        for doc in incidents
        for item in doc.get("takedown", ())
    )


def incident_for(
    affected: Sequence[AffectedImage], *, aware_at: datetime, contact: str, found_by: str
) -> dict[str, Any] | None:
    """One new incident for the affected images of a release, or None when there are none."""
    if not affected:
        return None
    return open_incident(affected, aware_at=aware_at, contact=contact, found_by=found_by)


def job_incident_record(
    incidents: Iterable[Mapping[str, Any]], affected: Sequence[AffectedImage], context: IncidentContext
) -> dict[str, Any] | None:
    """The incident record a batch of replay job `context.job` writes for its `affected` images: the next
    update of the job's incident among `incidents` (the current record of each, as the incidents topic
    holds them) with the images it does not list yet, or a new incident when the job has none that takes
    findings; None when there is nothing new to record."""
    return next_job_incident(incident_of_job(incidents, context.job), affected, context)
