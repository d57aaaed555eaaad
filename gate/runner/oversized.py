"""The record the runner produces instead of one Kafka refused for its size.

`gate.routing.failure_record` keeps the raw input (base64), which is exactly what made the output too
large, so this one keeps only the input's coordinates: the event can still be found and replayed from the
ingest topic.
"""

from __future__ import annotations

from typing import Any

from confluent_kafka import KafkaError

from gate.model import Verdict
from gate.runner.contract import (
    DECISION_SCHEMA_ID,
    InboundRecord,
    PolicyRef,
    RoutedRecord,
    encode_json,
    fallback_event_id,
    route_headers,
)

OUTPUT_TOO_LARGE = "gate.output_too_large"
# Errors caused by one record itself: producing the others and committing is still right.
PER_RECORD_CODES = frozenset({KafkaError.MSG_SIZE_TOO_LARGE, KafkaError.INVALID_RECORD})


def oversized_record(inbound: InboundRecord, routed: RoutedRecord, policy: PolicyRef) -> RoutedRecord:
    """A compact quarantine decision replacing `routed`, which Kafka would not take.

    Keeps `routed`'s key, source, trace context and policy (from its headers; `policy` when they are
    missing), and the input's coordinates without its bytes.
    """
    headers = dict(routed.headers)
    policy = PolicyRef(
        version=_text(headers.get("gate-policy-version")) or policy.version,
        sha256=_text(headers.get("gate-policy-sha256")) or policy.sha256,
    )
    event_id = _text(routed.key) or fallback_event_id(inbound)
    decision: dict[str, Any] = {
        "schema": DECISION_SCHEMA_ID,
        "event_id": event_id,
        "source": routed.source,
        "verdict": Verdict.QUARANTINED.value,
        "reasons": [{"code": OUTPUT_TOO_LARGE, "check": "runner", "outcome": "quarantine"}],
        "actions": [],
        "policy": {"version": policy.version, "sha256": policy.sha256},
        "input": {"topic": inbound.topic, "partition": inbound.partition, "offset": inbound.offset},
    }
    codes = (OUTPUT_TOO_LARGE,)
    return RoutedRecord(
        verdict=Verdict.QUARANTINED,
        key=routed.key or event_id.encode(),
        value=encode_json(decision),
        headers=route_headers(Verdict.QUARANTINED, codes, policy, headers.get("traceparent")),
        reason_codes=codes,
        source=routed.source,
        check_seconds=routed.check_seconds,
    )


def _text(value: bytes | None) -> str:
    if not value:
        return ""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return ""
