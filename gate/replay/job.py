"""`gate replay`: select quarantined decisions, decide them again (or re-inject them), route with lineage.

Selection is made from the decision histories as they were before this job (its own decisions are left
out), so a resumed job selects the same events. The job walks its selection in topic/partition/offset
order and commits its position (`gate.replay.write`) with each batch of output, in one transaction.
"""

from __future__ import annotations

import base64
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from gate.core.audit import decision_id
from gate.core.record import Headers, InboundRecord, RoutedRecord, lineage_headers
from gate.core.review import ReplayLineage
from gate.errors import GateError
from gate.model import PolicyRef
from gate.replay.history import Filters, Histories, StoredDecision
from gate.replay.shown import shown_id

Mode = Literal["reevaluate", "reinject"]
DEFAULT_MAX_REPLAYS = 3


class UnknownEvent(GateError):
    """An `--event-id` that no verdict topic holds."""


@dataclass(frozen=True, slots=True)
class ReplayRequest:
    """What `gate replay` was asked to do."""

    mode: Mode
    job: str
    filters: Filters = field(default_factory=Filters)
    event_ids: tuple[str, ...] = ()
    force: bool = False
    max_replays: int = DEFAULT_MAX_REPLAYS
    max_events: int | None = None


@dataclass
class Selection:
    """The decisions to replay (in position order) and the events refused, each with why."""

    chosen: list[StoredDecision] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def select(histories: Histories, request: ReplayRequest) -> Selection:
    """The current decisions to replay. Raises UnknownEvent for an `--event-id` no topic holds."""
    selection = Selection()
    if request.event_ids:
        unknown = [e for e in request.event_ids if histories.current(e) is None]
        if unknown:
            raise UnknownEvent(
                f"unknown event id(s): {', '.join(shown_id(e) for e in unknown)} (no verdict topic holds a "
                "decision for them; check the id and --config)"
            )
        candidates = [histories.current(e) for e in dict.fromkeys(request.event_ids)]
    else:
        candidates = [d for d in histories.currents() if request.filters.match(d)]
    for decision in candidates:
        assert decision is not None
        if decision.verdict != "quarantined" and not request.force:
            if request.event_ids:
                selection.refused.append(
                    (decision.event_id, f"not in quarantine ({decision.verdict}); use --force to replay it")
                )
            continue
        if decision.replay_count >= request.max_replays:
            selection.refused.append(
                (
                    decision.event_id,
                    f"loop guard: already replayed {decision.replay_count} times "
                    f"(limit {request.max_replays}, --max-replays)",
                )
            )
            continue
        selection.chosen.append(decision)
    selection.chosen.sort(key=lambda d: (d.record.topic, d.record.partition, d.record.offset))
    return selection


def lineage_of(decision: StoredDecision, job: str) -> ReplayLineage:
    """The lineage a replay of `decision` carries."""
    return ReplayLineage(
        job=job,
        count=decision.replay_count + 1,
        supersedes={**decision.where, "verdict": decision.verdict, "policy": dict(decision.doc["policy"])},
        decision_id=decision_id(decision.record.value or b""),
    )


def original_of(
    decision: StoredDecision, read_one: Callable[[str, int, int], InboundRecord]
) -> InboundRecord:
    """The original ingest record a decision points at: kept inline (`input.raw`) or read from its topic."""
    ref = decision.doc.get("input") or {}
    if not {"topic", "partition", "offset"} <= ref.keys():
        raise GateError(f"{decision.event_id}: the decision names no input record, nothing to replay")
    if "raw" in ref:
        raw = base64.b64decode(ref["raw"])
        key = decision.event_id.encode()
        return InboundRecord(ref["topic"], ref["partition"], ref["offset"], key, raw)
    return read_one(ref["topic"], int(ref["partition"]), int(ref["offset"]))


@dataclass(frozen=True, slots=True)
class Step:
    """One replayed event: what it was, what it becomes, and the record(s) to write."""

    decision: StoredDecision
    new_verdict: str
    new_reasons: tuple[str, ...]
    writes: tuple[tuple[str, bytes, bytes, Headers], ...]

    @property
    def transition(self) -> str:
        """`old -> new` verdicts."""
        return f"{self.decision.verdict} -> {self.new_verdict}"


def reevaluate_step(
    decision: StoredDecision,
    original: InboundRecord,
    job: str,
    decide: Callable[[InboundRecord, ReplayLineage], RoutedRecord],
    topic_of: Callable[[str], str],
    *,
    audit_topic: str | None = None,
) -> Step:
    """Decide `original` again with lineage; the record goes to its verdict's topic and, like every
    decision, its audit record to `audit_topic` in the same transaction."""
    routed = decide(original, lineage_of(decision, job))
    writes = [(topic_of(routed.verdict.value), routed.key, routed.value, routed.headers)]
    if audit_topic is not None and routed.audit:
        writes.append((audit_topic, routed.key, routed.audit, ()))
    return Step(decision, routed.verdict.value, routed.reason_codes, tuple(writes))


def reinject_step(decision: StoredDecision, original: InboundRecord, job: str, ingest: str) -> Step:
    """The original ingest record, key, value and headers intact, plus lineage headers."""
    headers = original.headers + lineage_headers(lineage_of(decision, job))
    write = (ingest, original.key or b"", original.value or b"", headers)
    return Step(decision, "reinjected", (), (write,))


@dataclass
class Summary:
    """What a run did: counts by transition, events already done by an earlier run, refusals, failures."""

    transitions: Counter[str] = field(default_factory=Counter)
    already_done: int = 0
    left: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    # Incidents opened (or, in a dry run, that would open) for published images found to carry personal data.
    incidents: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """All went through: nothing refused, nothing failed."""
        return not self.refused and not self.failed

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON data."""
        return {
            "transitions": dict(self.transitions),
            "replayed": sum(self.transitions.values()),
            "already_done": self.already_done,
            "left": self.left,
            "refused": [{"event_id": e, "why": w} for e, w in self.refused],
            "failed": [{"event_id": e, "why": w} for e, w in self.failed],
            "incidents": list(self.incidents),
        }


def pending(
    chosen: Sequence[StoredDecision], committed: dict[tuple[str, int], int], summary: Summary
) -> Iterator[StoredDecision]:
    """The chosen decisions not yet covered by the job's committed position."""
    for decision in chosen:
        r = decision.record
        if r.offset < committed.get((r.topic, r.partition), -1):
            summary.already_done += 1
            continue
        yield decision


class RateLimit:
    """At most `per_second` events per second (None: unbounded)."""

    def __init__(self, per_second: float | None) -> None:
        self._interval = 1.0 / per_second if per_second else 0.0
        self._next = time.monotonic()

    def wait(self) -> None:
        """Sleep until the next event may go."""
        if not self._interval:
            return
        now = time.monotonic()
        if now < self._next:
            time.sleep(self._next - now)
        self._next = max(now, self._next) + self._interval


def resumed_under_another_policy(written: Iterable[StoredDecision], policy: PolicyRef) -> str | None:
    """Why a resumed `--mode reevaluate` job may not go on under `policy` (None: it may).

    `written` are the decisions the job made before it stopped. A job is one decision run: resumed under
    another policy (a file edited between the kill and the restart, another --policy) its first part and its
    rest were decided by different rules under one job id, and nothing said so.
    """
    earlier = {
        (str(d.doc.get("policy", {}).get("version", "")), str(d.doc.get("policy", {}).get("sha256", "")))
        for d in written
    }
    others = sorted(
        f"{version} (sha256 {sha256[:12]})" for version, sha256 in earlier if sha256 != policy.sha256
    )
    if not others:
        return None
    return (
        f"this job decided events under policy {', '.join(others)} before it stopped; this run would "
        f"decide the rest under {policy.version} (sha256 {policy.sha256[:12]}): resume it with the policy "
        "it started with, or give a new --job to decide under this one"
    )
