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
    DeclaredModel,
    Superseded,
    audit_record,
    decision_id,
    encode_audit,
    gate_version,
)
from gate.core.policy import outcome_of_verdict
from gate.model import PolicyRef, Reason, Verdict

if TYPE_CHECKING:  # the runner builds failure records from here without loading the checks
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
    audit: bytes = (
        b""  # its audit record (gate.core.audit), produced to the audit topic in the same transaction
    )

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


def encode_json(value: Mapping[str, Any]) -> bytes:
    """Canonical JSON bytes: sorted keys, no spaces, UTF-8. The same value always gives the same bytes."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def route_headers(
    verdict: Verdict, reason_codes: tuple[str, ...], policy: PolicyRef, traceparent: bytes | None
) -> Headers:
    """Headers every output record carries: verdict, reason codes, policy version and trace context."""
    headers: list[tuple[str, bytes]] = [
        (VERDICT_HEADER, verdict.value.encode()),
        (REASONS_HEADER, ",".join(reason_codes).encode()),
        (POLICY_VERSION_HEADER, policy.version.encode()),
        (POLICY_SHA256_HEADER, policy.sha256.encode()),
    ]
    if traceparent:
        headers.append((TRACEPARENT_HEADER, traceparent))
    return tuple(headers)


def read_headers(headers: Headers) -> RecordHeaders:
    """The inverse of `route_headers` (the last header of each name wins, as in `InboundRecord.header`)."""
    named = dict(headers)
    version, sha256 = _text(named.get(POLICY_VERSION_HEADER)), _text(named.get(POLICY_SHA256_HEADER))
    reasons = _text(named.get(REASONS_HEADER))
    return RecordHeaders(
        verdict=_text(named.get(VERDICT_HEADER)) or None,
        reason_codes=tuple(reasons.split(",")) if reasons else (),
        policy=PolicyRef(version, sha256) if version and sha256 else None,
        traceparent=named.get(TRACEPARENT_HEADER) or None,
    )


def decided_record(
    outcome: EventOutcome,
    *,
    inbound: InboundRecord | None = None,
    output: Mapping[str, Any] | None = None,
    with_timing: bool = False,
    supersedes: Superseded | None = None,
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
        doc["input"] = _input_ref(inbound, raw=outcome.event is None)
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


def replayed_record(outcome: EventOutcome, *, replayed_from: InboundRecord) -> RoutedRecord:
    """The record for an event decided again from the quarantine topic (the seam for quarantine replay).

    Decided exactly like a fresh event by the current policy; `input` names the quarantined record it was
    replayed from, so the audit trail links the two decisions.
    """
    superseded = Superseded(
        decision_id(replayed_from.value or b""),
        replayed_from.topic,
        replayed_from.partition,
        replayed_from.offset,
    )
    return decided_record(outcome, inbound=replayed_from, supersedes=superseded)


def released_record(quarantined: RoutedRecord, *, reviewer_policy: PolicyRef | None = None) -> RoutedRecord:
    """A quarantined decision released by a reviewer (the seam for reviewer release).

    The original reasons are kept (the audit shows what was overruled) and a `review.released` reason says
    why the verdict is now approved. The policy stays the one that decided unless `reviewer_policy` says
    otherwise. Only a quarantined record can be released: a rejection is final.
    """
    if quarantined.verdict is not Verdict.QUARANTINED:
        raise ValueError(f"only a quarantined record can be released, not a {quarantined.verdict.value} one")
    original = quarantined.document
    policy = reviewer_policy or PolicyRef(**original["policy"])
    verdict = Verdict.APPROVED
    release = {
        "code": RELEASED_BY_REVIEWER,
        "check": "reviewer",
        "outcome": outcome_of_verdict(verdict).value,
    }
    doc = {**original, **_base(verdict, [*original["reasons"], release], policy)}
    doc["source"], doc["actions"] = original.get("source", "unknown"), original["actions"]
    codes = (*quarantined.reason_codes, RELEASED_BY_REVIEWER)
    traceparent = read_headers(quarantined.headers).traceparent
    earlier = AuditSubject.from_audit(json.loads(quarantined.audit)) if quarantined.audit else AuditSubject()
    subject = dataclasses.replace(earlier, supersedes=Superseded(decision_id(quarantined.value)))
    return _routed(
        doc, codes, policy, traceparent, quarantined.check_seconds, key=quarantined.key, subject=subject
    )


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
        headers=route_headers(verdict, codes, policy, traceparent),
        reason_codes=codes,
        source=str(doc["source"]),
        check_seconds=dict(check_seconds or {}),
        audit=encode_audit(audit_record(doc, value, subject, gate_version=gate_version())),
    )


def _subject_of(outcome: EventOutcome, supersedes: Superseded | None) -> AuditSubject:
    """What the event declared and the manifest said, for the audit record."""
    generation = outcome.event.generation if outcome.event is not None else None
    model = None
    if generation is not None and generation.synthetic:
        declared = generation.model
        model = DeclaredModel(declared.provider, declared.name, declared.version)
    facts: Mapping[str, Any] = {}
    if outcome.evaluation is not None:
        facts = next((r.facts for r in outcome.evaluation.results if r.check == "provenance"), {})
    return AuditSubject(
        synthetic=outcome.event.synthetic if outcome.event is not None else None,
        model=model,
        training_data_sources=generation.training_data_sources if generation is not None else (),
        manifest_label=facts.get("manifest_label"),
        signer=facts.get("signer"),
        supersedes=supersedes,
    )


def _text(value: bytes | None) -> str:
    if not value:
        return ""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return ""
