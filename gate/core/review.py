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


@dataclass(frozen=True, slots=True)
class ReleasedBytes:
    """What a release to approved publishes in place of the input: the description of the bytes (the
    record's `asset.output`) and the actions that made them (e.g. `manifest.attached`)."""

    output: Mapping[str, Any]
    actions: tuple[str, ...]


def needs_manifest(quarantined: Mapping[str, Any], synthetic: bool | None) -> bool:
    """Whether approving this decision would publish a synthetic image without a trusted manifest.

    `synthetic` is what the original event declared; a manifest that marks the image as AI-made counts too.
    """
    provenance = quarantined.get("provenance") or {}
    marked = bool(synthetic) or bool(provenance.get("ai_generated"))
    return marked and provenance.get("state") != "trusted"


def release_refusal(
    quarantined: Mapping[str, Any], to: Verdict, *, synthetic: bool | None = None, can_sign: bool = False
) -> str | None:
    """Why a reviewer may not release this decision to `to`, or None when they may.

    A person may accept a risk the policy quarantined, not make a broken file valid: approval is refused
    when a reason says the file, the event or its provenance is broken. A rejection is final. A synthetic
    image (`synthetic`: what its event declared) is approved only with a trusted manifest: the gate
    attaches one when it can sign (`can_sign`) and the image carries no manifest of another signer.
    """
    if quarantined.get("verdict") != Verdict.QUARANTINED.value:
        return f"only a quarantined decision can be released, this one is {quarantined.get('verdict')}"
    if to is Verdict.QUARANTINED:
        return "a release goes to approved or rejected"
    if to is not Verdict.APPROVED:
        return None
    codes = [str(r.get("code", "")) for r in quarantined.get("reasons", [])]
    broken = sorted({c for c in codes if c in UNRELEASABLE_CODES or c.startswith("image.")})
    if broken:
        return f"approval refused: {', '.join(broken)} cannot be accepted by a person (fix the file)"
    if not needs_manifest(quarantined, synthetic):
        return None
    state = (quarantined.get("provenance") or {}).get("state")
    if state not in (None, "absent"):
        return (
            f"approval refused: the synthetic image carries a manifest the gate does not trust ({state}), "
            "and the gate does not replace another signer's manifest; trust its signer (gate trust) and "
            "replay it (gate replay --mode reevaluate), or release it to rejected"
        )
    if not can_sign:
        return (
            "approval refused: a synthetic image without a trusted manifest needs one attached (AI marking), "
            "and no signer is configured; set GATE_SIGNER_CHAIN and GATE_SIGNER_KEY (or signer_chain and "
            "signer_key in --config) and release it again"
        )
    return None
