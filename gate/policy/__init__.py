"""The versioned policy: loading, its data model, and the pure `decide` function."""

from gate.policy.decide import DecidedReason, Decision, Subject, decide
from gate.policy.load import default_policy_path, load_policy, parse_policy
from gate.policy.model import Limits, Match, Outcome, Policy, Remediation, Rule
from gate.policy.pixels import PixelCheck, PixelPolicy, PixelScope

__all__ = [
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
