"""The versioned policy: loading, its data model, and the pure `decide` function."""

from gate.core.policy.decide import DecidedReason, Decision, Subject, decide
from gate.core.policy.generators import ApprovedModel, specifier_problem, version_matches
from gate.core.policy.load import default_policy_path, load_policy, parse_policy
from gate.core.policy.model import (
    VERDICT_OF_OUTCOME,
    Limits,
    Match,
    Outcome,
    Policy,
    Remediation,
    Rule,
    outcome_of_verdict,
)
from gate.core.policy.pixels import PixelCheck, PixelPolicy, PixelScope

__all__ = [
    "ApprovedModel",
    "specifier_problem",
    "version_matches",
    "VERDICT_OF_OUTCOME",
    "outcome_of_verdict",
    "DecidedReason",
    "Decision",
    "Limits",
    "Match",
    "Outcome",
    "PixelCheck",
    "PixelPolicy",
    "PixelScope",
    "Policy",
    "Remediation",
    "Rule",
    "Subject",
    "decide",
    "default_policy_path",
    "load_policy",
    "parse_policy",
]
