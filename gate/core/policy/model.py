"""The policy as frozen data: rules that map reasons to outcomes and remediations."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from gate.core.policy.generators import ApprovedModel
from gate.core.policy.pixels import PixelPolicy
from gate.model import PolicyRef, Verdict


class Outcome(StrEnum):
    """What a rule says about one reason. Ordered by severity."""

    APPROVE = "approve"
    QUARANTINE = "quarantine"
    REJECT = "reject"

    @property
    def severity(self) -> int:
        """0 approve, 1 quarantine, 2 reject: the verdict is the most severe outcome."""
        return _SEVERITY[self]


_SEVERITY = {Outcome.APPROVE: 0, Outcome.QUARANTINE: 1, Outcome.REJECT: 2}

# The one mapping between a rule's outcome and the verdict it gives (and back, for records made outside
# `decide`): the decision record spells reasons' outcomes with it.
VERDICT_OF_OUTCOME = {
    Outcome.APPROVE: Verdict.APPROVED,
    Outcome.QUARANTINE: Verdict.QUARANTINED,
    Outcome.REJECT: Verdict.REJECTED,
}
_OUTCOME_OF_VERDICT = {verdict: outcome for outcome, verdict in VERDICT_OF_OUTCOME.items()}


def outcome_of_verdict(verdict: Verdict) -> Outcome:
    """The outcome that gives `verdict` (inverse of `VERDICT_OF_OUTCOME`)."""
    return _OUTCOME_OF_VERDICT[verdict]


class Remediation(StrEnum):
    """What the gate may change in an image before approving it."""

    ATTACH_MANIFEST = "attach_manifest"
    STRIP_METADATA = "strip_metadata"


@dataclass(frozen=True, slots=True)
class Match:
    """Conditions of a rule; None means "any". Tuples mean "any of"."""

    code: tuple[str, ...] | None = None
    entity: tuple[str, ...] | None = None
    detail: tuple[str, ...] | None = None
    source: tuple[str, ...] | None = None
    synthetic: bool | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """One policy rule: the first rule matching a reason decides that reason."""

    match: Match
    outcome: Outcome
    remediation: Remediation | None = None
    fallback: Outcome = Outcome.QUARANTINE
    name: str = ""


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds enforced before anything expensive runs."""

    max_bytes: int = 40 * 1024 * 1024
    max_width: int = 16384
    max_height: int = 16384
    max_pixels: int = 100_000_000
    params_max_depth: int = 32
    params_max_nodes: int = 10_000
    # Values one metadata field's JSON may hold (a ComfyUI graph in PNG text or EXIF: ~40 values a node,
    # so 50,000 reads a graph of ~1,200 nodes, ~0.3 s); past it the field is held as unscannable.
    metadata_max_nodes: int = 50_000
    check_timeout_ms: int = 5_000
    # Inflate each PNG's image data, decode each JPEG's scans and WebP's bitstreams, to find bytes hidden
    # after their coded data (gate.imaging.idat, scan_tail, webp_tail): a full decode per image, so off
    # unless the policy asks for it.
    inspect_compressed_streams: bool = False


@dataclass(frozen=True, slots=True)
class Policy:
    """A loaded, validated policy. `ref` (version + sha256 of the file) is stamped on every decision."""

    ref: PolicyRef
    rules: tuple[Rule, ...]
    default_outcome: Outcome = Outcome.QUARANTINE
    allowed_parameter_keys: frozenset[str] = frozenset()
    trust_anchor_files: tuple[Path, ...] = ()
    # Extra certificate purposes (dotted OIDs) and whether anchors replace or add to the C2PA lists
    # (None: not said here; the settings or the default decide).
    trust_allowed_ekus: tuple[str, ...] = ()
    trust_anchors_mode: str | None = None
    limits: Limits = field(default_factory=Limits)
    pixels: PixelPolicy = field(default_factory=PixelPolicy)
    # The generators a synthetic image may come from (`models.approved`); None: no list, no model check.
    approved_models: tuple[ApprovedModel, ...] | None = None
