"""Approved models: the policy's list, the check that holds declarations to it, and the verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest

from gate.core.checks.base import CheckContext
from gate.core.checks.generation import MODEL_MISSING, MODEL_UNAPPROVED, ModelCheck
from gate.core.event import Generation, ModelInfo
from gate.core.policy import ApprovedModel, Subject, decide, parse_policy, version_matches
from gate.errors import ConfigError
from gate.model import CheckResult, Reason, Status, Verdict

POLICY = b"""
version: "t-models"
rules:
  - name: mark-synthetic
    match: {code: provenance.missing}
    outcome: approve
models:
  approved:
    - {provider: stability.ai, name: sdxl-base, versions: [">=1.0,<2"]}
    - {provider: acme, name: imagegen, versions: ["2024-05-13", "2024-06-01"]}
    - {provider: acme, name: anyversion}
"""
APPROVED = parse_policy(POLICY, origin=Path("policy.yaml")).approved_models


def _run(
    synthetic: bool | None, model: ModelInfo | None, approved: object = APPROVED
) -> tuple[Status, list[str]]:
    generation = None if synthetic is None else Generation(synthetic=synthetic, model=model or ModelInfo())
    ctx = CheckContext(data=b"", declared_media_type=None, synthetic=synthetic, generation=generation)
    outcome = ModelCheck(approved).run(ctx)  # type: ignore[arg-type]
    for reason in outcome.reasons:
        assert reason.path == "/generation/model" and reason.detail is None  # never the declared text
    return outcome.status, [r.code for r in outcome.reasons]


@pytest.mark.parametrize(
    ("synthetic", "model", "status", "codes"),
    [
        (True, ModelInfo("sdxl-base", "1.0", "stability.ai"), Status.PASS, []),
        (True, ModelInfo("SDXL-Base", "1.9.3", "Stability.AI"), Status.PASS, []),  # names ignore case
        (True, ModelInfo("sdxl-base", "2.0", "stability.ai"), Status.FAIL, [MODEL_UNAPPROVED]),
        (True, ModelInfo("sdxl-base", "0.9", "stability.ai"), Status.FAIL, [MODEL_UNAPPROVED]),
        (True, ModelInfo("sdxl-base", "1.5rc1", "stability.ai"), Status.PASS, []),  # pre-release in range
        (True, ModelInfo("sdxl-base", "v1-final", "stability.ai"), Status.FAIL, [MODEL_UNAPPROVED]),
        (True, ModelInfo("sdxl-base", None, "stability.ai"), Status.FAIL, [MODEL_UNAPPROVED]),
        (True, ModelInfo("sdxl-base", "1.0", None), Status.FAIL, [MODEL_UNAPPROVED]),
        (True, ModelInfo("sdxl-base", "1.0", "other"), Status.FAIL, [MODEL_UNAPPROVED]),
        (True, ModelInfo("imagegen", "2024-05-13", "acme"), Status.PASS, []),
        (True, ModelInfo("imagegen", "2024-05-14", "acme"), Status.FAIL, [MODEL_UNAPPROVED]),
        (True, ModelInfo("anyversion", None, "acme"), Status.PASS, []),
        (True, ModelInfo("anyversion", "99", "acme"), Status.PASS, []),
        (True, ModelInfo("unknown", "1.0", "acme"), Status.FAIL, [MODEL_UNAPPROVED]),
        (True, None, Status.FAIL, [MODEL_MISSING]),
        (True, ModelInfo(None, "1.0", None), Status.FAIL, [MODEL_MISSING]),  # a version alone names nothing
        (False, None, Status.SKIPPED, []),
        (None, None, Status.SKIPPED, []),
        (False, ModelInfo("unknown", "1", "acme"), Status.FAIL, [MODEL_UNAPPROVED]),  # declared: held to it
    ],
)
def test_truth_table(
    synthetic: bool | None, model: ModelInfo | None, status: Status, codes: list[str]
) -> None:
    assert _run(synthetic, model) == (status, codes)


def test_without_a_list_nothing_is_checked() -> None:
    assert _run(True, None, approved=None)[0] is Status.SKIPPED
    assert parse_policy(POLICY.split(b"models:")[0], origin=Path("p.yaml")).approved_models is None


@pytest.mark.parametrize(
    ("version", "entry", "matches"),
    [
        ("1.0", ">=1.0,<2", True),
        ("2.0", ">=1.0,<2", False),
        ("1.2.3", "~=1.2", True),
        ("1.4", "==1.*", True),
        ("2024-05-13", "2024-05-13", True),
        ("2024-05-13 ", "2024-05-13", False),
        ("not a version", ">=1", False),
        ("1.0", "!=1.0", False),
    ],
)
def test_version_entries(version: str, entry: str, matches: bool) -> None:
    assert version_matches(version, entry) is matches


def _verdict(policy_text: bytes, code: str) -> Verdict:
    policy = parse_policy(policy_text, origin=Path("p.yaml"))
    failed = CheckResult("generation", "1", Status.FAIL, (Reason(code, check="generation"),))
    return decide([failed], policy, Subject(source="s", synthetic=True)).verdict


@pytest.mark.parametrize("code", [MODEL_MISSING, MODEL_UNAPPROVED])
def test_the_default_outcome_is_quarantine_and_the_file_can_say_reject_or_decide_first(code: str) -> None:
    assert _verdict(POLICY, code) is Verdict.QUARANTINED
    assert _verdict(POLICY + b"  outcome: reject\n", code) is Verdict.REJECTED
    # An earlier rule of the file decides first (e.g. a source that may use any model).
    first = POLICY.replace(
        b"rules:\n", b"rules:\n  - {match: {code: " + code.encode() + b"}, outcome: approve}\n"
    )
    assert _verdict(first, code) is Verdict.APPROVED
    # With default_outcome reject, the models section still says quarantine.
    assert _verdict(b"default_outcome: reject\n" + POLICY, code) is Verdict.QUARANTINED


def test_a_bad_version_range_is_refused_when_the_policy_loads() -> None:
    bad = POLICY.replace(b'">=1.0,<2"', b'">=1.0,<<2"')
    with pytest.raises(ConfigError, match="PEP 440"):
        parse_policy(bad, origin=Path("p.yaml"))


def test_the_approved_list_is_typed() -> None:
    assert APPROVED is not None
    assert APPROVED[0] == ApprovedModel("stability.ai", "sdxl-base", (">=1.0,<2",))
