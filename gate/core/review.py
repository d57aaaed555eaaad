"""Replays and reviewer releases: the lineage a replayed decision carries, who released a decision, and
what a person may not release. The records themselves are built by `gate.core.record`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gate.core.audit import Superseded
from gate.model import Verdict

# A person may not approve what is broken rather than risky (plus every `image.*` code).
UNRELEASABLE_CODES = frozenset({"provenance.invalid", "event.invalid", "asset.hash_mismatch"})


@dataclass(frozen=True, slots=True)
class ReplayLineage:
    """Where a replayed decision comes from: the job, the event's replay count, what it supersedes."""

    job: str
    count: int
    supersedes: Mapping[str, Any]  # topic, partition, offset, verdict and policy of the earlier decision
    # The sha256 of the earlier decision record's bytes, for the audit trail ("" when not known, e.g. a
    # lineage read back from a re-injected record's headers).
    decision_id: str = ""

    def as_dict(self) -> dict[str, Any]:
        """The `replay` field of the decision record."""
        return {"job": self.job, "count": self.count, "supersedes": dict(self.supersedes)}

    def superseded(self) -> Superseded | None:
        """The earlier decision as the audit record names it, when its id is known."""
        if not self.decision_id:
            return None
        where = self.supersedes
        return Superseded(self.decision_id, where.get("topic"), where.get("partition"), where.get("offset"))


@dataclass(frozen=True, slots=True)
class Review:
    """Who released a decision, when (RFC 3339 UTC) and why; free text already scanned for personal data."""

    reviewer: str
    note: str
    at: str

    def as_dict(self) -> dict[str, str]:
        """The reviewer part of the record's `review` field."""
        return {"reviewer": self.reviewer, "note": self.note, "at": self.at}


def release_refusal(quarantined: Mapping[str, Any], to: Verdict) -> str | None:
    """Why a reviewer may not release this decision to `to`, or None when they may.

    A person may accept a risk the policy quarantined, not make a broken file valid: approval is refused
    when a reason says the file, the event or its provenance is broken. A rejection is final.
    """
    if quarantined.get("verdict") != Verdict.QUARANTINED.value:
        return f"only a quarantined decision can be released, this one is {quarantined.get('verdict')}"
    if to is Verdict.QUARANTINED:
        return "a release goes to approved or rejected"
    if to is Verdict.APPROVED:
        codes = [str(r.get("code", "")) for r in quarantined.get("reasons", [])]
        broken = sorted({c for c in codes if c in UNRELEASABLE_CODES or c.startswith("image.")})
        if broken:
            return f"approval refused: {', '.join(broken)} cannot be accepted by a person (fix the file)"
        provenance = quarantined.get("provenance") or {}
        output = (quarantined.get("asset") or {}).get("output")
        if provenance.get("ai_generated") and provenance.get("state") != "trusted" and not output:
            return (
                "approval refused: a synthetic image without a trusted manifest needs one attached; "
                "replay it with a signer configured (gate replay --mode reevaluate) instead"
            )
    return None
