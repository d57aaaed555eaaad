"""The versioned policy: loading, its data model, and the pure `decide` function."""

from gate.core.policy.decide import DecidedReason, Decision, Subject, decide
from gate.core.policy.load import default_policy_path, load_policy, parse_policy
from gate.core.policy.model import Limits, Match, Outcome, Policy, Remediation, Rule

__all__ = [
    "DecidedReason",
    "Decision",
    "Limits",
    "Match",
    "Outcome",
    "Policy",
    "Remediation",
    "Rule",
    "Subject",
    "decide",
    "default_policy_path",
    "load_policy",
    "parse_policy",
]
