"""The decision record (schemas/decision.schema.json): the one module that builds it, its headers and bytes.

Every record the gate produces is made here, by a typed constructor per kind:

- `decided_record`: the core decided an event (checks ran, or the event/asset failed before they could);
- `failure_record`: a worker failed (`gate.error`, `gate.timeout`) or the value could not be handled;
- `oversized_record`: Kafka refused a record as too large, so a compact quarantine replaces it;
- `replayed_record`, `released_record`: seams for quarantine replay and reviewer release.

Each returns a `RoutedRecord`: the verdict, key, headers and exact value bytes to publish. Headers are
written by `route_headers` and read back by `read_headers`, nowhere else. `gate check`, the streaming worker
and every later entry point turn an `EventOutcome` into its record through `decided_record`.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import pybase64

from gate.core.audit import (
    AuditSubject,
    Superseded,
    audit_record,
    decision_id,
    encode_audit,
    gate_version,
)
from gate.core.declared import audit_subject, flagged_in, flagged_in_decision
from gate.core.policy import outcome_of_verdict
from gate.core.review import ReleasedBytes, ReplayLineage, Review, needs_manifest, release_refusal
from gate.model import PolicyRef, Reason, Verdict

if TYPE_CHECKING:  # the runner builds failure records from here without loading the checks
    from gate.core.event import IngestEvent
    from gate.core.flow import EventOutcome

Headers = tuple[tuple[str, bytes], ...]

DECISION_SCHEMA_ID = "gate.decision/1"
OUTPUT_TOO_LARGE = "gate.output_too_large"
RELEASED_BY_REVIEWER = "review.released"
_EVENT_ID = re.compile(r"[A-Za-z0-9._:/-]{1,200}")

VERDICT_HEADER = "gate-verdict"
REASONS_HEADER = "gate-reasons"
POLICY_VERSION_HEADER = "gate-policy-version"
POLICY_SHA256_HEADER = "gate-policy-sha256"
TRACEPARENT_HEADER = "traceparent"
# Origin headers: where the decided event came from, so generic Kafka tools can find and redrive it.
INPUT_TOPIC_HEADER = "gate-input-topic"
INPUT_PARTITION_HEADER = "gate-input-partition"
INPUT_OFFSET_HEADER = "gate-input-offset"
EVENT_ID_HEADER = "gate-event-id"
# Lineage headers on an ingest record re-injected by `gate replay --mode reinject`.
REPLAY_JOB_HEADER = "gate-replay-job"
REPLAY_COUNT_HEADER = "gate-replay-count"
REPLAY_SUPERSEDES_HEADER = "gate-replay-supersedes"


class FailureCode(StrEnum):
    """Why a worker produced no decision: the policy never approves on either."""

    ERROR = "gate.error"  # the worker raised or died
    TIMEOUT = "gate.timeout"  # the worker exceeded the per-event timeout


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
class RoutedRecord:
    """What to produce for one inbound record. `value` is deterministic for the same input and policy."""

    verdict: Verdict
    key: bytes
    value: bytes
    headers: Headers
    reason_codes: tuple[str, ...]
    source: str
    check_seconds: Mapping[str, float] = field(default_factory=dict)
    # Personal-data entity types the reasons name (e.g. "EMAIL_ADDRESS"), for metrics; never the values.
    entity_types: tuple[str, ...] = ()
    # Its audit record (gate.core.audit), produced to the audit topic in the same transaction.
    audit: bytes = b""

    @property
    def document(self) -> dict[str, Any]:
        """The decision record as JSON data (decoded from `value`)."""
        loaded: dict[str, Any] = json.loads(self.value)
        return loaded


@dataclass(frozen=True, slots=True)
class RecordHeaders:
    """The gate's headers read back from a produced record; fields are None when absent or unreadable."""

    verdict: str | None
    reason_codes: tuple[str, ...]
    policy: PolicyRef | None
    traceparent: bytes | None
    event_id: str | None = None
    origin: tuple[str, int, int] | None = None  # input topic, partition, offset


def encode_json(value: Mapping[str, Any]) -> bytes:
    """Canonical JSON bytes: sorted keys, no spaces, UTF-8. The same value always gives the same bytes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def route_headers(
    verdict: Verdict,
    reason_codes: tuple[str, ...],
    policy: PolicyRef,
    traceparent: bytes | None,
    *,
    event_id: str | None = None,
    origin: Mapping[str, Any] | None = None,
) -> Headers:
    """Headers every output record carries: verdict, reason codes, policy version, trace context and,
    when known, the event id and the input coordinates (`origin`: the record's `input` field)."""
    headers: list[tuple[str, bytes]] = [
        (VERDICT_HEADER, verdict.value.encode()),
        (REASONS_HEADER, ",".join(reason_codes).encode()),
        (POLICY_VERSION_HEADER, policy.version.encode()),
        (POLICY_SHA256_HEADER, policy.sha256.encode()),
    ]
    if event_id:
        headers.append((EVENT_ID_HEADER, event_id.encode()))
    if origin is not None and {"topic", "partition", "offset"} <= origin.keys():
        headers.append((INPUT_TOPIC_HEADER, str(origin["topic"]).encode()))
        headers.append((INPUT_PARTITION_HEADER, str(origin["partition"]).encode()))
        headers.append((INPUT_OFFSET_HEADER, str(origin["offset"]).encode()))
    if traceparent:
        headers.append((TRACEPARENT_HEADER, traceparent))
    return tuple(headers)


def read_headers(headers: Headers) -> RecordHeaders:
    """The inverse of `route_headers` (the last header of each name wins, as in `InboundRecord.header`)."""
    named = dict(headers)
    version, sha256 = _text(named.get(POLICY_VERSION_HEADER)), _text(named.get(POLICY_SHA256_HEADER))
    reasons = _text(named.get(REASONS_HEADER))
    topic = _text(named.get(INPUT_TOPIC_HEADER))
    partition, offset = _text(named.get(INPUT_PARTITION_HEADER)), _text(named.get(INPUT_OFFSET_HEADER))
    origin = None
    if topic and partition.isdigit() and offset.isdigit():
        origin = (topic, int(partition), int(offset))
    return RecordHeaders(
        verdict=_text(named.get(VERDICT_HEADER)) or None,
        reason_codes=tuple(reasons.split(",")) if reasons else (),
        policy=PolicyRef(version, sha256) if version and sha256 else None,
        traceparent=named.get(TRACEPARENT_HEADER) or None,
        event_id=_text(named.get(EVENT_ID_HEADER)) or None,
        origin=origin,
    )


def lineage_headers(lineage: ReplayLineage) -> Headers:
    """Headers a re-injected ingest record carries, so the gate's new decision keeps the lineage."""
    s = lineage.supersedes
    return (
        (REPLAY_JOB_HEADER, lineage.job.encode()),
        (REPLAY_COUNT_HEADER, str(lineage.count).encode()),
        (REPLAY_SUPERSEDES_HEADER, f"{s['topic']}/{s['partition']}/{s['offset']}".encode()),
    )


def read_lineage(record: InboundRecord) -> ReplayLineage | None:
    """The lineage of a re-injected ingest record (the inverse of `lineage_headers`), or None."""
    job, count = _text(record.header(REPLAY_JOB_HEADER)), _text(record.header(REPLAY_COUNT_HEADER))
    # The job id is held to the event-id alphabet (it ends up in records): it cannot spell an address.
    if not _EVENT_ID.fullmatch(job) or not count.isdigit() or not 0 < int(count) < 1_000_000:
        return None
    topic, _, rest = _text(record.header(REPLAY_SUPERSEDES_HEADER)).rpartition("/")
    supersedes: dict[str, Any] = {}
    topic, _, partition = topic.rpartition("/")
    if topic and partition.isdigit() and rest.isdigit():
        supersedes = {"topic": topic, "partition": int(partition), "offset": int(rest)}
    return ReplayLineage(job=job, count=int(count), supersedes=supersedes)


def decided_record(
    outcome: EventOutcome,
    *,
    inbound: InboundRecord | None = None,
    output: Mapping[str, Any] | None = None,
    with_timing: bool = False,
    lineage: ReplayLineage | None = None,
    supersedes: Superseded | None = None,
    sidecar: Mapping[str, Any] | None = None,
) -> RoutedRecord:
    """The record for an event the core decided (`gate check`, the worker, replay, webhook, backfill).

    `inbound` names where the event came from; its raw bytes are kept only when the event could not be
    parsed (otherwise they are in the ingest topic, and copying inline images and prompts into the verdict
    topics would copy personal data with them). `output` describes the published bytes. Without timing
    the value is a pure function of input and policy (deterministic).
    """
    decision = outcome.decision
    doc = _base(decision.verdict, [item.as_dict() for item in decision.reasons], decision.policy)
    doc["event_id"], doc["source"] = outcome.event_id, outcome.source
    evaluation = outcome.evaluation
    check_seconds: dict[str, float] = {}
    if evaluation is not None:
        doc["actions"] = list(evaluation.actions)
        asset: dict[str, Any] = {
            "sha256": evaluation.sha256,
            "media_type": evaluation.media_type,
            "size": outcome.asset_size,
        }
        if output is not None:
            asset["output"] = dict(output)
        doc["asset"] = asset
        doc["checks"] = [
            {"check": r.check, "version": r.version, "status": r.status.value} for r in evaluation.results
        ]
        provenance = next(
            (r.facts for r in evaluation.results if r.check == "provenance" and "state" in r.facts), None
        )
        if provenance is not None:
            doc["provenance"] = {
                "state": provenance["state"],
                "digital_source_type": provenance.get("digital_source_type"),
                "ai_generated": bool(provenance.get("ai_generated")),
                "status_codes": list(provenance.get("status_codes", ())),
            }
        if with_timing:
            doc["timing"] = {
                "total_ms": round(evaluation.elapsed_ms, 3),
                "checks": {r.check: round(r.elapsed_ms, 3) for r in evaluation.results},
            }
        # Asset fetching is reported beside the checks, so dashboards show where an event's time goes.
        check_seconds = {"asset_fetch": outcome.fetch_ms / 1000.0}
        check_seconds.update((r.check, r.elapsed_ms / 1000.0) for r in evaluation.results)
        if evaluation.remediation_ms:
            check_seconds["remediation"] = evaluation.remediation_ms / 1000.0
    if inbound is not None:
        doc["input"] = _input_ref(inbound, raw=outcome.event is None and outcome.keep_raw)
    if sidecar is not None:  # `gate check IMAGE` verified the image against a `.c2pa` sidecar too
        doc["sidecar"] = dict(sidecar)
    if lineage is not None:
        doc["replay"] = lineage.as_dict()
        supersedes = supersedes or lineage.superseded()
    subject = _subject_of(outcome, supersedes)
    return _routed(doc, decision.reason_codes, decision.policy, None, check_seconds, subject=subject)


def failure_record(
    inbound: InboundRecord, code: str, policy: PolicyRef, *, verdict: Verdict = Verdict.QUARANTINED
) -> RoutedRecord:
    """A decision made without the core: a worker timed out or died (`FailureCode`), or the value could
    not be handled. The raw value and its coordinates are kept (base64), so the event can be replayed.
    """
    code = str(code)  # a FailureCode travels on as the plain string it spells
    reason = {**Reason(code=code, check="runner").as_dict(), "outcome": outcome_of_verdict(verdict).value}
    doc = _base(verdict, [reason], policy)
    doc["event_id"] = fallback_event_id(inbound)
    doc["input"] = _input_ref(inbound, raw=True)
    return _routed(doc, (code,), policy, inbound.header(TRACEPARENT_HEADER), subject=AuditSubject())


def oversized_record(inbound: InboundRecord, routed: RoutedRecord, policy: PolicyRef) -> RoutedRecord:
    """A compact quarantine replacing `routed`, which Kafka refused as too large.

    `failure_record` keeps the raw input, which is exactly what can make an output too large, so this one
    keeps only the input's coordinates: the event can still be found and replayed from the ingest topic.
    Keeps `routed`'s key, source, trace context, timings and policy (from its headers; `policy` when they
    are missing).
    """
    written = read_headers(routed.headers)
    stamped = written.policy or policy
    verdict = Verdict.QUARANTINED
    reason = {"code": OUTPUT_TOO_LARGE, "check": "runner", "outcome": outcome_of_verdict(verdict).value}
    doc = _base(verdict, [reason], stamped)
    doc["event_id"] = _text(routed.key) or fallback_event_id(inbound)
    doc["source"] = routed.source
    doc["input"] = _input_ref(inbound, raw=False)
    subject = AuditSubject.from_audit(json.loads(routed.audit)) if routed.audit else AuditSubject()
    return _routed(
        doc,
        (OUTPUT_TOO_LARGE,),
        stamped,
        written.traceparent,
        routed.check_seconds,
        key=routed.key,
        subject=subject,
    )


def replayed_record(
    outcome: EventOutcome,
    *,
    original: InboundRecord,
    lineage: ReplayLineage,
    output: Mapping[str, Any] | None = None,
) -> RoutedRecord:
    """The record for an event decided again by `gate replay --mode reevaluate`.

    Decided exactly like a fresh event (`decided_record`): `input` still names the original ingest
    record, so a later replay finds it again, and `replay` says which job replayed it, how many times the
    event has been replayed and which decision this one supersedes.
    """
    return decided_record(outcome, inbound=original, output=output, lineage=lineage)


def released_record(
    quarantined: Mapping[str, Any],
    *,
    to: Verdict,
    review: Review,
    key: bytes,
    headers: Headers = (),
    earlier_audit: Mapping[str, Any] | None = None,
    event: IngestEvent | None = None,
    published: ReleasedBytes | None = None,
) -> RoutedRecord:
    """A quarantined decision (`quarantined`, its JSON document) released by a reviewer to `to`.

    `event`, the original event read back, gives the release's audit record what the event declared
    (synthetic, model, training data), like every other audit record; without it `earlier_audit`, the
    quarantined decision's audit record, does. `published`: the bytes an approval publishes in place of
    the input (a synthetic image without a trusted manifest gets one attached).

    The original reasons are kept (the audit shows what was overruled), a `review.released` reason says
    why the verdict changed, and `review` records who, when, why and what the gate had decided. The
    policy stays the one that decided. Raises ValueError when `release_refusal` refuses, or when an
    approval would publish a synthetic image without the manifest the gate attached.
    """
    synthetic = event.synthetic if event is not None else None
    refused = release_refusal(quarantined, to, synthetic=synthetic, can_sign=True)
    if refused:
        raise ValueError(refused)
    attached = published is not None and "manifest.attached" in published.actions
    if to is Verdict.APPROVED and needs_manifest(quarantined, synthetic) and not attached:
        raise ValueError("approval refused: the synthetic image needs the manifest the gate attaches")
    policy = PolicyRef(**quarantined["policy"])
    release = {"code": RELEASED_BY_REVIEWER, "check": "reviewer", "outcome": outcome_of_verdict(to).value}
    doc = {**quarantined, **_base(to, [*quarantined["reasons"], release], policy)}
    doc["source"] = quarantined.get("source", "unknown")
    doc["actions"] = list(quarantined.get("actions", []))
    if published is not None:
        doc["actions"] += [a for a in published.actions if a not in doc["actions"]]
        doc["asset"] = {**(quarantined.get("asset") or {}), "output": dict(published.output)}
    doc["review"] = {
        **review.as_dict(),
        "overruled": {"verdict": quarantined["verdict"], "policy": quarantined["policy"]},
    }
    codes = (*[str(r["code"]) for r in quarantined["reasons"]], RELEASED_BY_REVIEWER)
    traceparent = read_headers(headers).traceparent
    # The decision a release overrules is the quarantined record as it stands (canonical JSON bytes).
    supersedes = Superseded(decision_id(encode_json(quarantined)))
    if event is not None:
        subject = audit_subject(event, flagged_in_decision(quarantined), {}, supersedes)
    else:
        earlier = AuditSubject.from_audit(earlier_audit) if earlier_audit else AuditSubject()
        subject = dataclasses.replace(earlier, supersedes=supersedes)
    return _routed(doc, codes, policy, traceparent, key=key, subject=subject)


def fallback_event_id(record: InboundRecord) -> str:
    """An id for a record whose value cannot be read: the key if it looks like an event id, else coordinates.

    Keys are held to the ingest schema's event-id alphabet, which cannot spell an email address, and
    scanned like an event id (a key that spells a name or a number is not used): the id appears in logs
    and in the output key.
    """
    # Imported here, not at the top: the scanner costs 1.5-2 s of CPU to import, which every pool worker
    # would pay even where its processor scans nothing (the runner tests' scripted ones: 6x their time).
    from gate.scanning.identifiers import identifier_findings  # noqa: PLC0415

    if record.key:
        try:
            text = record.key.decode("utf-8")
        except UnicodeDecodeError:
            text = ""
        if _EVENT_ID.fullmatch(text) and not identifier_findings(text, path="/key"):
            return text
    return f"{record.topic}/{record.partition}/{record.offset}"


def _base(verdict: Verdict, reasons: list[dict[str, str]], policy: PolicyRef) -> dict[str, Any]:
    return {
        "schema": DECISION_SCHEMA_ID,
        "source": "unknown",
        "verdict": verdict.value,
        "reasons": reasons,
        "actions": [],
        "policy": {"version": policy.version, "sha256": policy.sha256},
    }


def _input_ref(record: InboundRecord, *, raw: bool) -> dict[str, Any]:
    """Where the event came from, so a reviewer can find and replay it from its topic."""
    ref: dict[str, Any] = {"topic": record.topic, "partition": record.partition, "offset": record.offset}
    if raw:
        ref["raw"] = pybase64.b64encode_as_string(record.value or b"")
    return ref


def _routed(
    doc: dict[str, Any],
    codes: tuple[str, ...],
    policy: PolicyRef,
    traceparent: bytes | None,
    check_seconds: Mapping[str, float] | None = None,
    *,
    key: bytes = b"",
    subject: AuditSubject,
) -> RoutedRecord:
    verdict = Verdict(doc["verdict"])
    value = encode_json(doc)
    return RoutedRecord(
        verdict=verdict,
        key=key or str(doc["event_id"]).encode(),
        value=value,
        headers=route_headers(
            verdict, codes, policy, traceparent, event_id=str(doc["event_id"]), origin=doc.get("input")
        ),
        reason_codes=codes,
        source=str(doc["source"]),
        check_seconds=dict(check_seconds or {}),
        entity_types=tuple(dict.fromkeys(r["entity"] for r in doc["reasons"] if r.get("entity"))),
        audit=encode_audit(audit_record(doc, value, subject, gate_version=gate_version())),
    )


def _subject_of(outcome: EventOutcome, supersedes: Superseded | None) -> AuditSubject:
    """What the event declared and the manifest said, for the audit record."""
    facts: Mapping[str, Any] = {}
    if outcome.evaluation is not None:
        facts = next((r.facts for r in outcome.evaluation.results if r.check == "provenance"), {})
    if outcome.event is None:
        return AuditSubject(
            manifest_label=facts.get("manifest_label"), signer=facts.get("signer"), supersedes=supersedes
        )
    return audit_subject(
        outcome.event,
        flagged_in(outcome.evaluation.results if outcome.evaluation else None),
        facts,
        supersedes,
    )


def _text(value: bytes | None) -> str:
    if not value:
        return ""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return ""
