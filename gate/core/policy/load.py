"""Loading a policy file: YAML, validated by schemas/policy.schema.json, hashed."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from gate.core.policy.decide import FAILURE_PREFIX
from gate.core.policy.generators import ApprovedModel, specifier_problem
from gate.core.policy.model import Limits, Match, Outcome, Policy, Remediation, Rule
from gate.core.policy.pixels import parse_pixel_policy
from gate.errors import ConfigError
from gate.model import PolicyRef
from gate.schemas import POLICY, schema_errors
from gate.yaml_files import StrictYamlError, load_strict

DEFAULT_POLICY_NAME = "default-policy.yaml"


def default_policy_path() -> Path:
    """The policy shipped with the gate (fails closed; see its comments)."""
    return Path(str(resources.files("gate.core.policy").joinpath(DEFAULT_POLICY_NAME)))


def load_policy(path: Path | None = None) -> Policy:
    """Read, validate and hash the policy at `path` (the shipped default when None).

    Raises ConfigError naming the file and what is wrong in it.
    """
    path = path or default_policy_path()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(
            f"cannot read policy file {path}: {exc.strerror}; pass an existing --policy"
        ) from exc
    return parse_policy(raw, origin=path)


def parse_policy(raw: bytes, *, origin: Path) -> Policy:
    """Build a Policy from the bytes of a policy file; `origin` resolves relative trust-anchor paths."""
    try:
        doc = load_strict(raw)
    except StrictYamlError as exc:
        raise ConfigError(f"policy {origin}: {exc}") from None
    except yaml.YAMLError as exc:
        raise ConfigError(
            f"policy {origin} is not valid YAML ({exc.__class__.__name__}); fix its syntax"
        ) from exc
    problems = schema_errors(POLICY, doc)
    if problems:
        raise ConfigError(f"policy {origin} does not match schemas/policy.schema.json: {'; '.join(problems)}")
    ref = PolicyRef(version=str(doc["version"]), sha256=hashlib.sha256(raw).hexdigest())
    manifest = doc.get("manifest", {})
    trust = doc.get("trust", {})
    limits = Limits(**doc.get("limits", {}))
    pixels = parse_pixel_policy(doc.get("pixels", {}))
    if pixels.enabled and pixels.time_budget_ms > limits.check_timeout_ms:
        raise ConfigError(
            f"policy {origin}: pixels.time_budget_ms ({pixels.time_budget_ms}) is longer than "
            f"limits.check_timeout_ms ({limits.check_timeout_ms}), which bounds every check; "
            "lower the budget or raise the timeout"
        )
    approved = _approved_models(doc.get("models"), origin)
    rules = tuple(_rule(item) for item in doc["rules"])
    if approved is not None:
        # After the file's own rules, which may decide these reasons otherwise (per source, say).
        rules += (_model_rule(doc["models"].get("outcome", "quarantine")),)
    return Policy(
        ref=ref,
        rules=rules,
        default_outcome=Outcome(doc.get("default_outcome", "quarantine")),
        allowed_parameter_keys=frozenset(manifest.get("allowed_parameter_keys", ())),
        trust_anchor_files=tuple(origin.parent / name for name in trust.get("anchors", ())),
        trust_allowed_ekus=tuple(trust.get("allowed_ekus", ())),
        trust_anchors_mode=trust.get("anchors_mode"),
        limits=limits,
        pixels=pixels,
        approved_models=approved,
    )


MODEL_CODES = ("generation.model_missing", "generation.model_unapproved")


def _approved_models(section: dict[str, Any] | None, origin: Path) -> tuple[ApprovedModel, ...] | None:
    """The `models.approved` list (None without a `models` section); a bad version range is refused."""
    if section is None:
        return None
    models = []
    for item in section["approved"]:
        versions = tuple(str(v) for v in item.get("versions", ()))
        for entry in versions:
            problem = specifier_problem(entry)
            if problem:
                raise ConfigError(f"policy {origin}: models.approved {item['name']!r}: {problem}")
        models.append(ApprovedModel(provider=item["provider"], name=item["name"], versions=versions))
    return tuple(models)


def _model_rule(outcome: str) -> Rule:
    """The rule a `models` section adds: a missing or unapproved model gets its outcome."""
    return Rule(match=Match(code=MODEL_CODES), outcome=Outcome(outcome), name="models.outcome")


def _rule(item: dict[str, Any]) -> Rule:
    match = item["match"]
    codes = _many(match.get("code")) or ()
    if item["outcome"] == "approve" and any(code.startswith(FAILURE_PREFIX) for code in codes):
        raise ConfigError(
            f"policy rule {item.get('name', '')!r} approves {', '.join(codes)}: a check that failed or timed "
            "out can never approve; use quarantine or reject"
        )
    remediation = item.get("remediation")
    return Rule(
        match=Match(
            code=_many(match.get("code")),
            entity=_many(match.get("entity")),
            detail=_many(match.get("detail")),
            source=_many(match.get("source")),
            synthetic=match.get("synthetic"),
        ),
        outcome=Outcome(item["outcome"]),
        remediation=Remediation(remediation) if remediation else None,
        fallback=Outcome(item.get("fallback", "quarantine")),
        name=str(item.get("name", "")),
    )


def _many(value: str | list[str] | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return (value,) if isinstance(value, str) else tuple(value)
