"""The audit record (schemas/audit.schema.json): one per decision of every kind, on the audit topic.

`gate.core.record` builds every decision record; each one calls `audit_record` here with the decision
document it just built and the `AuditSubject` (what the event declared, what the manifest said), so the
audit record is made from the same outcome as the decision and travels with it (`RoutedRecord.audit`).
The committer produces both in one Kafka transaction.

The record holds identifiers, hashes, codes, entity types and JSON pointers: never a value the scanners
looked at. Free text that the producer controls (model names, versions) is kept only when it has the
shape of an identifier, so an e-mail address or a sentence cannot travel into the audit trail.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib import metadata
from typing import Any

AUDIT_SCHEMA_ID = "gate.audit/1"
# An identifier: letters, digits and a little punctuation, no '@', no spaces. Anything else is dropped.
_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+/~-]{0,99}")
_REASON_KEYS = ("code", "check", "entity", "path", "outcome")
# A manifest label's tail is the signer's free choice (it can spell a phone number): only the standard
# URN prefix with its UUID is kept.
_UUID = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"
_MANIFEST_LABEL = re.compile(rf"urn:(?:uuid|c2pa):{_UUID}")


@dataclass(frozen=True, slots=True)
class DeclaredModel:
    """The generator a producer declared (provider, name, version); fields None when not declared."""

    provider: str | None = None
    name: str | None = None
    version: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        """The JSON form: identifiers only (see `identifier`)."""
        return {
            "provider": identifier(self.provider),
            "name": identifier(self.name),
            "version": identifier(self.version),
        }


@dataclass(frozen=True, slots=True)
class Superseded:
    """The decision a new decision replaces (replay, reviewer release, rescan)."""

    decision_id: str
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON form, without the coordinates that are unknown."""
        out: dict[str, Any] = {"decision_id": self.decision_id}
        if self.topic is not None:
            out.update(topic=self.topic, partition=self.partition, offset=self.offset)
        return out


@dataclass(frozen=True, slots=True)
class AuditSubject:
    """What the audit record needs beyond the decision document: the declaration and the manifest."""

    synthetic: bool | None = None
    model: DeclaredModel | None = None
    training_data_sources: tuple[str, ...] = ()
    manifest_label: str | None = None
    signer: str | None = None
    supersedes: Superseded | None = None

    @classmethod
    def from_audit(cls, audit: Mapping[str, Any]) -> AuditSubject:
        """The subject of an earlier audit record (a replacement decision keeps what the original knew)."""
        model = audit.get("model")
        manifest = audit.get("manifest") or {}
        return cls(
            synthetic=audit.get("synthetic"),
            model=DeclaredModel(**model) if isinstance(model, dict) else None,
            training_data_sources=tuple(audit.get("training_data_sources", ())),
            manifest_label=manifest.get("label"),
            signer=manifest.get("signer"),
        )


@cache
def gate_version() -> str:
    """The installed gate's version (read once: the runner imports this module without the signer)."""
    try:
        return metadata.version("gate")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


def decision_id(decision_value: bytes) -> str:
    """The id of a decision: the sha256 of its record's exact bytes (deterministic for input and policy)."""
    return hashlib.sha256(decision_value).hexdigest()


def identifier(value: str | None) -> str | None:
    """`value` when it has the shape of an identifier, else None (free text stays out of the audit)."""
    if value is None or not _IDENTIFIER.fullmatch(value):
        return None
    return value


def manifest_label(label: str | None) -> str | None:
    """The standard part of a manifest label (`urn:c2pa:<uuid>`), or None when it has another shape."""
    found = _MANIFEST_LABEL.match(label or "")
    return found.group(0) if found else None


def audit_record(
    decision: Mapping[str, Any],
    decision_value: bytes,
    subject: AuditSubject,
    *,
    gate_version: str,
    decided_at: datetime | None = None,
) -> dict[str, Any]:
    """The audit record of one decision, from its decision document and bytes and what the event declared."""
    asset = decision.get("asset") or {}
    output = asset.get("output") or {}
    when = decided_at or datetime.now(UTC)
    provenance = decision.get("provenance") or {}
    return {
        "schema": AUDIT_SCHEMA_ID,
        "decision_id": decision_id(decision_value),
        "event_id": decision["event_id"],
        "source": decision.get("source", "unknown"),
        "asset": {
            "sha256": asset.get("sha256"),
            "media_type": asset.get("media_type"),
            "published_sha256": output.get("sha256"),
            # An inline input's output also goes back inline ("data"), with its store location as "store".
            "published_uri": output.get("uri") or output.get("store"),
            **({"published_sidecar": output["sidecar"]} if output.get("sidecar") else {}),
        },
        "synthetic": subject.synthetic,
        "model": subject.model.as_dict() if subject.model is not None else None,
        "training_data_sources": [
            kept for kept in (identifier(name) for name in subject.training_data_sources) if kept
        ],
        "policy": dict(decision["policy"]),
        "verdict": decision["verdict"],
        "reasons": [
            {key: reason[key] for key in _REASON_KEYS if key in reason} for reason in decision["reasons"]
        ],
        "actions": list(decision.get("actions", ())),
        "manifest": {
            "state": provenance.get("state"),
            "ai_generated": provenance.get("ai_generated"),
            "label": manifest_label(subject.manifest_label),
            "signer": subject.signer,
        },
        "gate_version": gate_version,
        "supersedes": subject.supersedes.as_dict() if subject.supersedes is not None else None,
        "decided_at": when.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
    }


def encode_audit(record: Mapping[str, Any]) -> bytes:
    """Canonical JSON bytes of an audit record."""
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
