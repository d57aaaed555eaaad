"""Is the audit trail what the gate wrote? Each audit record checked against its decision record (pure).

An audit record's `decision_id` is the sha256 of its decision record's exact bytes (`gate.core.audit`), and
the gate writes both in one Kafka transaction. So an audit record is verified when a record on a verdict
topic hashes to its `decision_id` and says the same about the same image (event id, asset, verdict, policy,
reasons, actions). Two findings an auditor must see:

- **altered**: the decision record disagrees with the audit record, or two audit records carry one
  `decision_id` with different contents (a redone transaction repeats a record with another `decided_at`
  or `gate_version`, nothing else);
- **unmatched**: no decision record hashes to the `decision_id`: a record the gate did not write, or one
  whose verdict topic no longer keeps it (the quarantine topic's retention is hours to weeks).

This detects changes made on the audit topic alone; whoever can write both topics consistently can forge
both, which only a signature over the records would stop.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# What a redone transaction may change in a repeated audit record: its time and the gate that redid it.
_MAY_DIFFER = frozenset({"decided_at", "gate_version"})
_REASON_KEYS = ("code", "check", "entity", "path", "outcome")  # what an audit record keeps of a reason
# At most this many decision ids per finding in the report (the counts are always complete).
SHOWN = 20


@dataclass(frozen=True, slots=True)
class Integrity:
    """How many audit records match their decision record, and the decision ids of those that do not."""

    checked: int = 0
    verified: int = 0
    altered: tuple[str, ...] = ()
    unmatched: tuple[str, ...] = ()
    conflicts: frozenset[str] = field(default_factory=frozenset)

    def as_dict(self) -> dict[str, Any]:
        """The figures for the report (ids cut to `SHOWN` each; they are hashes, never personal data)."""
        return {
            "checked": self.checked,
            "verified": self.verified,
            "altered": len(self.altered),
            "unmatched": len(self.unmatched),
            "altered_ids": list(self.altered[:SHOWN]),
            "unmatched_ids": list(self.unmatched[:SHOWN]),
        }


def comparable(record: Mapping[str, Any]) -> str:
    """An audit record as compared with a repeat of it: canonical JSON without what a redo may change."""
    return json.dumps({k: v for k, v in record.items() if k not in _MAY_DIFFER}, sort_keys=True)


def decisions_by_id(values: Iterable[bytes | None]) -> dict[str, dict[str, Any]]:
    """The decision records among `values` (verdict-topic record values), by the sha256 of their bytes."""
    found: dict[str, dict[str, Any]] = {}
    for value in values:
        if not value:
            continue
        try:
            doc = json.loads(value)
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(doc, dict) and "verdict" in doc and "event_id" in doc:
            found[hashlib.sha256(value).hexdigest()] = doc
    return found


def _reasons(reasons: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    return [tuple(reason.get(key) for key in _REASON_KEYS) for reason in reasons]


def _agrees(audit: Mapping[str, Any], decision: Mapping[str, Any]) -> bool:
    asset = decision.get("asset") or {}
    output = asset.get("output") or {}
    said = audit.get("asset") or {}
    return (
        audit.get("event_id") == decision.get("event_id")
        and audit.get("verdict") == decision.get("verdict")
        and dict(audit.get("policy") or {}) == dict(decision.get("policy") or {})
        and said.get("sha256") == asset.get("sha256")
        and said.get("published_sha256") == output.get("sha256")
        and _reasons(audit.get("reasons") or ()) == _reasons(decision.get("reasons") or ())
        and list(audit.get("actions") or ()) == list(decision.get("actions") or ())
    )


def verify(
    audits: Iterable[Mapping[str, Any]],
    decisions: Mapping[str, Mapping[str, Any]],
    conflicts: frozenset[str] = frozenset(),
) -> Integrity:
    """Check each audit record (one per `decision_id`) against `decisions` (from `decisions_by_id`);
    `conflicts`: the decision ids two different audit records carry (from the audit reader)."""
    checked = verified = 0
    altered: list[str] = []
    unmatched: list[str] = []
    for audit in audits:
        checked += 1
        key = str(audit.get("decision_id"))
        decision = decisions.get(key)
        if key in conflicts or (decision is not None and not _agrees(audit, decision)):
            altered.append(key)
        elif decision is None:
            unmatched.append(key)
        else:
            verified += 1
    return Integrity(checked, verified, tuple(altered), tuple(unmatched), conflicts)
