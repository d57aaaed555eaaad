"""`decide(results, policy)`: the pure heart of the gate. No clock, no network, no environment."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gate.core.policy.model import VERDICT_OF_OUTCOME, Match, Outcome, Policy, Remediation, Rule
from gate.model import CheckResult, PolicyRef, Reason, Status, Verdict

FAILURE_PREFIX = "gate."  # gate.error, gate.timeout: the gate itself could not judge
# Strip first, then sign: a manifest must bind the bytes that are published.
_REMEDIATION_ORDER = (Remediation.STRIP_METADATA, Remediation.ATTACH_MANIFEST)


@dataclass(frozen=True, slots=True)
class Subject:
    """What the event declares about itself, as far as rules may condition on it."""

    source: str = "unknown"
    synthetic: bool | None = None  # None: the event did not say


@dataclass(frozen=True, slots=True)
class DecidedReason:
    """A reason with the outcome the policy gave it and the rule that did."""

    reason: Reason
    outcome: Outcome
    rule: str
    remediation: Remediation | None = None

    def as_dict(self) -> dict[str, str]:
        """JSON form for decision records."""
        out = self.reason.as_dict()
        out["outcome"] = self.outcome.value
        out["rule"] = self.rule
        if self.remediation is not None:
            out["remediation"] = self.remediation.value
        return out


@dataclass(frozen=True, slots=True)
class Decision:
    """The verdict, every reason with its outcome, and the remediations to apply before publishing."""

    verdict: Verdict
    reasons: tuple[DecidedReason, ...]
    remediations: tuple[Remediation, ...]
    policy: PolicyRef

    @property
    def reason_codes(self) -> tuple[str, ...]:
        """Distinct reason codes in order of first appearance."""
        return tuple(dict.fromkeys(item.reason.code for item in self.reasons))


def decide(
    results: Sequence[CheckResult],
    policy: Policy,
    subject: Subject = Subject(),  # frozen, so a shared default is safe
    available: Iterable[Remediation] = (),
) -> Decision:
    """Apply `policy` to the reasons in `results`.

    A check that ended in ERROR without a reason of its own counts as `gate.error`: a failing check can
    never approve. `available` lists the remediations this gate can perform (e.g. no signer, no
    attach_manifest); a rule whose remediation is unavailable yields its fallback outcome instead.
    """
    reasons = _reasons(results)
    if not reasons:  # nothing to decide: approved as it is (what the general path gives, in fewer steps)
        return Decision(verdict=Verdict.APPROVED, reasons=(), remediations=(), policy=policy.ref)
    can_do = frozenset(available)
    decided = tuple(_decide_one(reason, policy, subject, can_do) for reason in reasons)
    worst = max((item.outcome for item in decided), key=lambda o: o.severity, default=Outcome.APPROVE)
    verdict = VERDICT_OF_OUTCOME[worst]
    wanted = {item.remediation for item in decided if item.remediation is not None}
    remediations = tuple(r for r in _REMEDIATION_ORDER if r in wanted) if verdict is Verdict.APPROVED else ()
    return Decision(verdict=verdict, reasons=decided, remediations=remediations, policy=policy.ref)


def _reasons(results: Sequence[CheckResult]) -> list[Reason]:
    reasons: list[Reason] = []
    seen: set[Reason] = set()
    for result in results:
        if not result.reasons and result.status is not Status.ERROR:
            continue  # most checks pass
        own = list(result.reasons)
        if result.status is Status.ERROR and not any(r.code.startswith(FAILURE_PREFIX) for r in own):
            own.append(Reason(code="gate.error", check=result.check))
        for reason in own:
            if reason not in seen:
                seen.add(reason)
                reasons.append(reason)
    return reasons


def _decide_one(
    reason: Reason, policy: Policy, subject: Subject, can_do: frozenset[Remediation]
) -> DecidedReason:
    code = reason.code
    for index, rule in enumerate(policy.rules):
        match = rule.match
        if match.code is not None and code not in match.code:
            continue  # most rules name other codes: told apart here, before a call
        if _matches(match, reason, subject):
            name = rule.name or f"rules[{index}]"
            return _fail_closed(_apply(rule, reason, name, can_do))
    return DecidedReason(reason=reason, outcome=policy.default_outcome, rule="default_outcome")


def _fail_closed(decided: DecidedReason) -> DecidedReason:
    """A check that failed or timed out (`gate.*`) is never approved, whatever a broad rule says."""
    if decided.reason.code.startswith(FAILURE_PREFIX) and decided.outcome is Outcome.APPROVE:
        return DecidedReason(decided.reason, Outcome.QUARANTINE, f"{decided.rule}.fail_closed")
    return decided


def _apply(rule: Rule, reason: Reason, name: str, can_do: frozenset[Remediation]) -> DecidedReason:
    if rule.remediation is None:
        return DecidedReason(reason=reason, outcome=rule.outcome, rule=name)
    if rule.remediation in can_do:
        return DecidedReason(reason=reason, outcome=rule.outcome, rule=name, remediation=rule.remediation)
    return DecidedReason(reason=reason, outcome=rule.fallback, rule=f"{name}.fallback")


def _matches(match: Match, reason: Reason, subject: Subject) -> bool:
    if match.code is not None and reason.code not in match.code:
        return False
    if match.entity is not None and reason.entity not in match.entity:
        return False
    if match.detail is not None and reason.detail not in match.detail:
        return False
    if match.source is not None and subject.source not in match.source:
        return False
    return match.synthetic is None or match.synthetic == bool(subject.synthetic)
