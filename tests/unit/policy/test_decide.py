"""Truth tables for the shipped default policy and for `decide` itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.core.policy import Outcome, Remediation, Subject, decide, load_policy, parse_policy
from gate.model import CheckResult, Reason, Status, Verdict

DEFAULT = load_policy()
BOTH = frozenset({Remediation.ATTACH_MANIFEST, Remediation.STRIP_METADATA})


def fail(*reasons: Reason, check: str = "c") -> CheckResult:
    return CheckResult(check=check, version="1", status=Status.FAIL, reasons=reasons)


def ok(check: str = "c") -> CheckResult:
    return CheckResult(check=check, version="1", status=Status.PASS)


# (reason, declared synthetic, remediations available) -> (verdict, remediations applied)
DEFAULT_TABLE = [
    (Reason("provenance.invalid", detail="assertion.dataHash.mismatch"), None, BOTH, Verdict.REJECTED, ()),
    (Reason("image.undecodable"), True, BOTH, Verdict.REJECTED, ()),
    (Reason("image.limits"), False, BOTH, Verdict.REJECTED, ()),
    (Reason("event.invalid"), None, BOTH, Verdict.REJECTED, ()),
    (Reason("asset.hash_mismatch"), None, BOTH, Verdict.REJECTED, ()),
    (Reason("asset.media_type_mismatch"), None, BOTH, Verdict.REJECTED, ()),
    (Reason("provenance.untrusted"), True, BOTH, Verdict.QUARANTINED, ()),
    (Reason("provenance.missing"), True, BOTH, Verdict.APPROVED, (Remediation.ATTACH_MANIFEST,)),
    (Reason("provenance.missing"), True, frozenset(), Verdict.QUARANTINED, ()),
    (Reason("provenance.missing"), False, BOTH, Verdict.APPROVED, ()),
    (Reason("provenance.missing"), None, frozenset(), Verdict.APPROVED, ()),
    (
        Reason("metadata.personal_data", entity="LOCATION", path="/exif/GPSInfo", detail="strippable"),
        False,
        BOTH,
        Verdict.APPROVED,
        (Remediation.STRIP_METADATA,),
    ),
    (
        Reason(
            "metadata.personal_data", entity="DEVICE_ID", path="/exif/BodySerialNumber", detail="strippable"
        ),
        False,
        frozenset(),
        Verdict.QUARANTINED,
        (),
    ),
    (
        Reason("metadata.personal_data", entity="EMAIL_ADDRESS", path="/exif/UserComment"),
        False,
        BOTH,
        Verdict.QUARANTINED,
        (),
    ),
    (
        Reason("params.personal_data", entity="EMAIL_ADDRESS", path="/generation/parameters/prompt"),
        True,
        BOTH,
        Verdict.QUARANTINED,
        (),
    ),
    (
        Reason("provenance.undeclared_synthetic", detail="png:a1111-parameters"),
        None,
        BOTH,
        Verdict.QUARANTINED,
        (),
    ),
    (Reason("provenance.personal_data", entity="PERSON"), True, BOTH, Verdict.QUARANTINED, ()),
    (Reason("gate.error", check="metadata"), None, BOTH, Verdict.QUARANTINED, ()),
    (Reason("gate.timeout", check="provenance"), None, BOTH, Verdict.QUARANTINED, ()),
    (Reason("asset.unavailable"), None, BOTH, Verdict.QUARANTINED, ()),
    (Reason("something.nobody_named"), None, BOTH, Verdict.QUARANTINED, ()),
]


@pytest.mark.parametrize(("reason", "synthetic", "available", "verdict", "remediations"), DEFAULT_TABLE)
def test_default_policy_truth_table(reason, synthetic, available, verdict, remediations) -> None:
    decision = decide([ok("integrity"), fail(reason)], DEFAULT, Subject(synthetic=synthetic), available)
    assert decision.verdict is verdict
    assert decision.remediations == remediations
    assert decision.policy == DEFAULT.ref


def test_no_reasons_approves() -> None:
    decision = decide([ok(), ok("other")], DEFAULT)
    assert decision.verdict is Verdict.APPROVED
    assert decision.reasons == ()


def test_error_without_reason_counts_as_gate_error_and_never_approves() -> None:
    broken = CheckResult(check="metadata", version="1", status=Status.ERROR)
    decision = decide([broken], DEFAULT)
    assert decision.verdict is Verdict.QUARANTINED
    assert decision.reason_codes == ("gate.error",)


def test_worst_outcome_wins_and_remediations_dropped_when_not_approved() -> None:
    strip = Reason("metadata.personal_data", entity="LOCATION", path="/exif/GPSInfo", detail="strippable")
    decision = decide([fail(strip), fail(Reason("provenance.invalid"))], DEFAULT, Subject(), BOTH)
    assert decision.verdict is Verdict.REJECTED
    assert decision.remediations == ()
    outcomes = {item.reason.code: item.outcome for item in decision.reasons}
    assert outcomes == {"metadata.personal_data": Outcome.APPROVE, "provenance.invalid": Outcome.REJECT}


def test_strip_is_ordered_before_attach() -> None:
    strip = Reason("metadata.personal_data", entity="LOCATION", path="/exif/GPSInfo", detail="strippable")
    decision = decide(
        [fail(Reason("provenance.missing")), fail(strip)], DEFAULT, Subject(synthetic=True), BOTH
    )
    assert decision.remediations == (Remediation.STRIP_METADATA, Remediation.ATTACH_MANIFEST)


def test_duplicate_reasons_are_reported_once() -> None:
    reason = Reason("provenance.undeclared_synthetic", detail="c2pa")
    decision = decide([fail(reason), fail(reason)], DEFAULT)
    assert len(decision.reasons) == 1


def test_decide_is_pure_same_inputs_same_decision() -> None:
    results = [fail(Reason("params.personal_data", entity="PERSON", path="/generation/parameters/prompt"))]
    assert decide(results, DEFAULT) == decide(results, DEFAULT)


POLICY_WITH_SOURCES = b"""
version: "t-1"
default_outcome: reject
rules:
  - match: {code: provenance.untrusted, source: [partner-a, partner-b]}
    outcome: approve
  - match: {code: provenance.untrusted}
    outcome: quarantine
  - match: {code: params.personal_data, entity: PHONE_NUMBER, synthetic: true}
    outcome: approve
"""


@pytest.mark.parametrize(
    ("reason", "subject", "verdict", "rule"),
    [
        (Reason("provenance.untrusted"), Subject(source="partner-a"), Verdict.APPROVED, "rules[0]"),
        (Reason("provenance.untrusted"), Subject(source="partner-c"), Verdict.QUARANTINED, "rules[1]"),
        (
            Reason("params.personal_data", entity="PHONE_NUMBER"),
            Subject(synthetic=True),
            Verdict.APPROVED,
            "rules[2]",
        ),
        (
            Reason("params.personal_data", entity="PHONE_NUMBER"),
            Subject(synthetic=None),
            Verdict.REJECTED,
            "default_outcome",
        ),
        (
            Reason("params.personal_data", entity="EMAIL_ADDRESS"),
            Subject(synthetic=True),
            Verdict.REJECTED,
            "default_outcome",
        ),
    ],
)
def test_rules_match_on_source_entity_and_synthetic(reason, subject, verdict, rule) -> None:
    policy = parse_policy(POLICY_WITH_SOURCES, origin=Path("inline.yaml"))
    decision = decide([fail(reason)], policy, subject)
    assert decision.verdict is verdict
    assert decision.reasons[0].rule == rule


def test_a_broad_approving_rule_never_approves_a_failed_check() -> None:
    policy = parse_policy(
        b'version: "t-2"\nrules:\n  - match: {source: partner-a}\n    outcome: approve\n',
        origin=Path("p.yaml"),
    )
    broken = CheckResult(check="provenance", version="1", status=Status.ERROR)
    timed_out = fail(Reason("gate.timeout", check="metadata"))
    decision = decide([broken, timed_out, fail(Reason("provenance.untrusted"))], policy, Subject("partner-a"))
    assert decision.verdict is Verdict.QUARANTINED
    outcomes = {item.reason.code: (item.outcome, item.rule) for item in decision.reasons}
    assert outcomes["gate.timeout"] == (Outcome.QUARANTINE, "rules[0].fail_closed")
    assert outcomes["gate.error"] == (Outcome.QUARANTINE, "rules[0].fail_closed")
    assert outcomes["provenance.untrusted"] == (Outcome.APPROVE, "rules[0]")
