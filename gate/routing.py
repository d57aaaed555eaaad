"""The contract between the decision core and the streaming runner.

The runner hands the core an `InboundRecord` (bytes and coordinates, nothing Kafka-typed) and gets back a
`RoutedRecord`: which verdict topic, and the exact key, value and headers to produce. A `RecordProcessor`
runs inside a worker process; the runner only moves bytes and never looks inside checks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import pybase64

from gate.model import Reason, Verdict

Headers = tuple[tuple[str, bytes], ...]

DECISION_SCHEMA_ID = "gate.decision/1"
_EVENT_ID = re.compile(r"[A-Za-z0-9._:/-]{1,200}")


@dataclass(frozen=True, slots=True)
class InboundRecord:
    """One consumed record, as plain data (picklable, so it can cross to a worker process)."""

    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    headers: Headers = ()
    timestamp_ms: int | None = None

    def header(self, name: str) -> bytes | None:
        """The last header called `name`, or None."""
        found = None
        for key, value in self.headers:
            if key == name:
                found = value
        return found


@dataclass(frozen=True, slots=True)
class PolicyRef:
    """Which policy decided: stamped on every decision."""

    version: str
    sha256: str


@dataclass(frozen=True, slots=True)
class RoutedRecord:
    """What to produce for one inbound record. `value` is deterministic for the same input and policy."""

    verdict: Verdict
    key: bytes
    value: bytes
    headers: Headers
    reason_codes: tuple[str, ...]
    source: str
    check_seconds: Mapping[str, float] = field(default_factory=dict)
    # Personal-data entity types the reasons name (e.g. "email"), for metrics; never the values.
    entity_types: tuple[str, ...] = ()


class RecordProcessor(Protocol):
    """Turns one inbound record into one routed record. Must not raise: failures become records."""

    def __call__(self, record: InboundRecord) -> RoutedRecord:
        """Evaluate and route one record."""


class ProcessorFactory(Protocol):
    """A picklable recipe that builds a processor once inside each worker process."""

    def build(self) -> RecordProcessor:
        """Load policy, trust anchors and signer, and return a ready processor."""

    @property
    def policy(self) -> PolicyRef:
        """The policy the processors will use (for failure records made outside a worker)."""


def encode_json(value: Mapping[str, Any]) -> bytes:
    """Canonical JSON bytes: sorted keys, no spaces, UTF-8. The same value always gives the same bytes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def route_headers(
    verdict: Verdict, reason_codes: tuple[str, ...], policy: PolicyRef, traceparent: bytes | None
) -> Headers:
    """Headers every output record carries: verdict, reason codes, policy version and trace context."""
    headers: list[tuple[str, bytes]] = [
        ("gate-verdict", verdict.value.encode()),
        ("gate-reasons", ",".join(reason_codes).encode()),
        ("gate-policy-version", policy.version.encode()),
        ("gate-policy-sha256", policy.sha256.encode()),
    ]
    if traceparent:
        headers.append(("traceparent", traceparent))
    return tuple(headers)


def failure_record(
    record: InboundRecord, code: str, policy: PolicyRef, *, verdict: Verdict = Verdict.QUARANTINED
) -> RoutedRecord:
    """A decision made without the core: a worker timed out or crashed, or the value is unparseable.

    The raw value and its coordinates are kept (base64), so nothing is lost and the event can be replayed.
    """
    event_id = fallback_event_id(record)
    reason = Reason(code=code, check="runner")
    decision: dict[str, Any] = {
        "schema": DECISION_SCHEMA_ID,
        "event_id": event_id,
        "source": "unknown",
        "verdict": verdict.value,
        "reasons": [{**reason.as_dict(), "outcome": _outcome_of(verdict)}],
        "actions": [],
        "policy": {"version": policy.version, "sha256": policy.sha256},
        "input": {
            "topic": record.topic,
            "partition": record.partition,
            "offset": record.offset,
            "raw": pybase64.b64encode_as_string(record.value or b""),
        },
    }
    codes = (code,)
    return RoutedRecord(
        verdict=verdict,
        key=event_id.encode(),
        value=encode_json(decision),
        headers=route_headers(verdict, codes, policy, record.header("traceparent")),
        reason_codes=codes,
        source="unknown",
    )


def _outcome_of(verdict: Verdict) -> str:
    return {Verdict.APPROVED: "approve", Verdict.QUARANTINED: "quarantine", Verdict.REJECTED: "reject"}[
        verdict
    ]


def fallback_event_id(record: InboundRecord) -> str:
    """An id for a record whose value cannot be read: the key if it looks like an event id, else coordinates.

    Keys are held to the ingest schema's event-id alphabet, which cannot spell an email address: the id
    appears in logs and in the output key.
    """
    if record.key:
        try:
            text = record.key.decode("utf-8")
        except UnicodeDecodeError:
            text = ""
        if _EVENT_ID.fullmatch(text):
            return text
    return f"{record.topic}/{record.partition}/{record.offset}"
