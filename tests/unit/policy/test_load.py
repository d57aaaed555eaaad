"""Loading policies: schema validation, hashing, clear errors."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from gate.core.policy import default_policy_path, load_policy
from gate.errors import ConfigError


def test_default_policy_is_stamped_with_its_file_hash() -> None:
    policy = load_policy()
    assert policy.ref.version == "2026.12.2"
    assert policy.ref.sha256 == hashlib.sha256(default_policy_path().read_bytes()).hexdigest()
    assert "seed" in policy.allowed_parameter_keys
    assert "prompt" not in policy.allowed_parameter_keys


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("version: x\nrules: []\n", "/rules"),
        ("rules:\n  - match: {code: a.b}\n    outcome: approve\n", "version"),
        ("version: x\nrules:\n  - match: {code: a.b}\n    outcome: maybe\n", "/rules/0/outcome"),
        ("version: x\nrules:\n  - match: {code: NotDotted}\n    outcome: approve\n", "/rules/0/match/code"),
        (
            "version: x\nrules:\n  - match: {code: a.b}\n    outcome: approve\n    remediation: paint\n",
            "remediation",
        ),
        ("version: [unclosed\n", "not valid YAML"),
        # YAML reads an unquoted date as a date, which JSON has no type for: the error says where.
        (
            "version: 2026-11-27\nrules:\n  - match: {code: a.b}\n    outcome: approve\n",
            "/version: is not a JSON",
        ),
        (
            "version: x\ndefault_outcome: approve\nrules:\n  - match: {code: a.b}\n    outcome: approve\n",
            "default_outcome",
        ),
    ],
)
def test_invalid_policies_are_refused_with_where(tmp_path: Path, text: str, fragment: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_policy(path)
    assert fragment in str(info.value)
    assert str(path) in str(info.value)


def test_an_integer_too_long_to_print_is_refused_as_a_config_error(tmp_path: Path) -> None:
    # YAML's hex literals skip Python's 4300-digit limit, which repr (in error messages) enforces.
    path = tmp_path / "p.yaml"
    huge = "0x1" + "0" * 3600
    rules = "rules:\n  - match: {code: a.b}\n    outcome: approve\n"
    path.write_text(f"version: x\nlimits: {{params_max_depth: {huge}}}\n{rules}")
    with pytest.raises(ConfigError, match="/limits/params_max_depth"):
        load_policy(path)


def test_missing_policy_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="--policy"):
        load_policy(tmp_path / "nope.yaml")


def test_policy_that_fails_open_by_default_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "version: x\ndefault_outcome: approve\nrules:\n  - match: {code: a.b}\n    outcome: reject\n"
    )
    with pytest.raises(ConfigError):
        load_policy(path)


def test_a_rule_approving_gate_failures_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(
        "version: x\nrules:\n  - name: yolo\n    match: {code: [gate.timeout]}\n    outcome: approve\n"
    )
    with pytest.raises(ConfigError, match="can never approve"):
        load_policy(path)
