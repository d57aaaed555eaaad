"""The decision document (schemas/decision.schema.json) built from an Evaluation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from gate.core.pipeline import Evaluation
from gate.core.policy import Decision
from gate.runner.contract import DECISION_SCHEMA_ID


def decision_document(
    evaluation: Evaluation,
    *,
    event_id: str,
    source: str,
    size: int,
    output: Mapping[str, Any] | None = None,
    input_ref: Mapping[str, Any] | None = None,
    with_timing: bool = False,
) -> dict[str, Any]:
    """The JSON decision. Without timing it is a pure function of input and policy (deterministic)."""
    doc = _base(evaluation.decision, event_id, source)
    doc["actions"] = list(evaluation.actions)
    asset: dict[str, Any] = {"sha256": evaluation.sha256, "media_type": evaluation.media_type, "size": size}
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
        }
    if input_ref is not None:
        doc["input"] = dict(input_ref)
    if with_timing:
        doc["timing"] = {
            "total_ms": round(evaluation.elapsed_ms, 3),
            "checks": {r.check: round(r.elapsed_ms, 3) for r in evaluation.results},
        }
    return doc


def unevaluated_document(
    decision: Decision, *, event_id: str, source: str, input_ref: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """A decision made before any check could run (invalid event, asset unavailable)."""
    doc = _base(decision, event_id, source)
    doc["actions"] = []
    if input_ref is not None:
        doc["input"] = dict(input_ref)
    return doc


def _base(decision: Decision, event_id: str, source: str) -> dict[str, Any]:
    return {
        "schema": DECISION_SCHEMA_ID,
        "event_id": event_id,
        "source": source,
        "verdict": decision.verdict.value,
        "reasons": [item.as_dict() for item in decision.reasons],
        "policy": {"version": decision.policy.version, "sha256": decision.policy.sha256},
    }
