"""Decision histories read back from the verdict topics: each event's current decision, filters, stats.

Pure data (no Kafka): `gate.replay.read` reads the records, this module makes sense of them. An event's
decisions are ordered by replay generation (a replay or a release supersedes what it names), then by
record timestamp; the last one is the event's current state. A decision written twice (a batch re-output
after a crash is byte-identical to the first output, and a broker may show both) is one decision: it is
kept once, at its first place, and counted in `duplicates`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from gate.core.record import EVENT_ID_HEADER, InboundRecord

# A record read back from a topic is the same plain data as one the gate consumes.
StoredRecord = InboundRecord


@dataclass(frozen=True, slots=True)
class StoredDecision:
    """A decision record (parsed) and where it is."""

    record: StoredRecord
    doc: Mapping[str, Any]

    @property
    def event_id(self) -> str:
        """The decided event's id."""
        return str(self.doc.get("event_id", ""))

    @property
    def verdict(self) -> str:
        """approved, quarantined or rejected."""
        return str(self.doc.get("verdict", ""))

    @property
    def reason_codes(self) -> tuple[str, ...]:
        """The reason codes, in order."""
        return tuple(str(r.get("code", "")) for r in self.doc.get("reasons", []))

    @property
    def entities(self) -> tuple[str, ...]:
        """The personal-data entity types named by the reasons."""
        return tuple(str(r["entity"]) for r in self.doc.get("reasons", []) if r.get("entity"))

    @property
    def replay_count(self) -> int:
        """How many times the event had been replayed when this decision was made (0: never)."""
        return int((self.doc.get("replay") or {}).get("count", 0))

    @property
    def replay_job(self) -> str | None:
        """The replay job that made this decision, if any."""
        job = (self.doc.get("replay") or {}).get("job")
        return str(job) if job else None

    @property
    def decided_at(self) -> datetime:
        """When the record was written (its Kafka timestamp), UTC."""
        return datetime.fromtimestamp((self.record.timestamp_ms or 0) / 1000.0, tz=UTC)

    @property
    def policy_version(self) -> str:
        """The version of the policy that decided."""
        return str((self.doc.get("policy") or {}).get("version", ""))

    @property
    def where(self) -> dict[str, Any]:
        """Coordinates of this decision record."""
        r = self.record
        return {"topic": r.topic, "partition": r.partition, "offset": r.offset}

    def summary(self) -> dict[str, Any]:
        """What `--json` prints for one decision: the record plus where it is and when it was written."""
        return {**self.doc, "decided_at": self.decided_at.isoformat(), "record": self.where}


@dataclass
class Histories:
    """Every decision read, grouped by event id; `unreadable` counts records that were not decisions,
    `duplicates` the byte-identical copies of a decision that were read more than once."""

    by_event: dict[str, list[StoredDecision]] = field(default_factory=dict)
    unreadable: int = 0
    duplicates: int = 0
    # The decisions `collect(skip_job=...)` left out: what that job wrote before (a resumed job's first part).
    of_skipped_job: list[StoredDecision] = field(default_factory=list)

    def current(self, event_id: str) -> StoredDecision | None:
        """The event's current decision (the last one), or None for an unknown event."""
        found = self.by_event.get(event_id)
        return found[-1] if found else None

    def currents(self) -> list[StoredDecision]:
        """The current decision of every event, oldest first."""
        latest = [h[-1] for h in self.by_event.values() if h]
        return sorted(latest, key=_order)


def collect(records: Iterable[StoredRecord], *, skip_job: str | None = None) -> Histories:
    """Group decision records by event id, ordered (see the module docstring).

    `skip_job` leaves out the decisions made by that replay job, so a resumed job selects exactly what
    it selected the first time.
    """
    histories = Histories()
    for record in records:
        decision = parse_decision(record)
        if decision is None:
            histories.unreadable += 1
            continue
        if skip_job is not None and decision.replay_job == skip_job:
            histories.of_skipped_job.append(decision)
            continue
        histories.by_event.setdefault(decision.event_id, []).append(decision)
    for event_id, decisions in histories.by_event.items():
        decisions.sort(key=_order)
        unique = _first_copies(decisions)
        histories.duplicates += len(decisions) - len(unique)
        histories.by_event[event_id] = unique
    return histories


def _first_copies(decisions: list[StoredDecision]) -> list[StoredDecision]:
    """`decisions` without the later copies of a byte-identical record value (order kept)."""
    seen: set[bytes] = set()
    unique = []
    for decision in decisions:
        value = decision.record.value or b""
        if value not in seen:
            seen.add(value)
            unique.append(decision)
    return unique


def parse_decision(record: StoredRecord) -> StoredDecision | None:
    """The decision in `record`, or None when its value is not a decision record."""
    try:
        doc = json.loads(record.value or b"")
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(doc, dict) or "verdict" not in doc or not isinstance(doc.get("reasons"), list):
        return None
    if not doc.get("event_id"):
        header = dict(record.headers).get(EVENT_ID_HEADER)
        if not header:
            return None
        doc["event_id"] = header.decode("utf-8", "replace")
    return StoredDecision(record, doc)


@dataclass(frozen=True, slots=True)
class Filters:
    """`--reason`, `--entity`, `--source`, `--since`, `--until` (each optional; all must match)."""

    reasons: tuple[str, ...] = ()
    entities: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None

    def match(self, decision: StoredDecision) -> bool:
        """Whether `decision` passes every filter given. A reason filter ending in `*` is a prefix.

        Reason codes and entity types are the gate's own names, matched without regard to case: a reviewer
        typing `--entity email_address` meant EMAIL_ADDRESS, and an empty list for it read as "none"."""
        codes = [c.casefold() for c in decision.reason_codes]
        if self.reasons and not any(_code_matches(c, f.casefold()) for c in codes for f in self.reasons):
            return False
        wanted = {e.casefold() for e in self.entities}
        if wanted and not wanted & {e.casefold() for e in decision.entities}:
            return False
        if self.sources and str(decision.doc.get("source", "")) not in self.sources:
            return False
        if self.since is not None and decision.decided_at < self.since:
            return False
        return self.until is None or decision.decided_at < self.until


def in_quarantine(histories: Histories, filters: Filters) -> list[StoredDecision]:
    """Events whose current decision is a quarantine and matches `filters`, oldest first."""
    return [d for d in quarantined(histories) if filters.match(d)]


def quarantined(histories: Histories) -> list[StoredDecision]:
    """Every event whose current decision is a quarantine, oldest first (no filter)."""
    return [d for d in histories.currents() if d.verdict == "quarantined"]


def stats(decisions: Iterable[StoredDecision]) -> dict[str, dict[str, int]]:
    """Counts by reason, entity, source and policy version (an event with two reasons counts twice)."""
    by: dict[str, Counter[str]] = {k: Counter() for k in ("reason", "entity", "source", "policy")}
    total = 0
    for d in decisions:
        total += 1
        by["reason"].update(set(d.reason_codes))
        by["entity"].update(set(d.entities))
        by["source"][str(d.doc.get("source", "unknown"))] += 1
        by["policy"][d.policy_version] += 1
    return {"total": {"events": total}, **{k: dict(v.most_common()) for k, v in by.items()}}


def _code_matches(code: str, wanted: str) -> bool:
    return code.startswith(wanted[:-1]) if wanted.endswith("*") else code == wanted


def _order(decision: StoredDecision) -> tuple[int, int, str, int, int]:
    generation = decision.replay_count + (1 if decision.doc.get("review") else 0)
    r = decision.record
    return (generation, r.timestamp_ms or 0, r.topic, r.partition, r.offset)
