"""Approved models: is the generator a producer declared one the policy lists (provider, name, versions)?

Only runs when the policy has a `models.approved` list. A synthetic image without a declared model gets
`generation.model_missing`; a declared model that no entry approves gets `generation.model_unapproved`.
Reasons point at the declaration (`/generation/model`) and never repeat the declared text.
"""

from __future__ import annotations

from collections.abc import Sequence

from gate.core.checks.base import CheckContext, result, skipped
from gate.core.policy import ApprovedModel
from gate.model import CheckResult, Reason

MODEL_MISSING = "generation.model_missing"
MODEL_UNAPPROVED = "generation.model_unapproved"
_POINTER = "/generation/model"


class ModelCheck:
    """Holds the declared generator to the policy's approved list."""

    name = "generation"
    version = "1"

    def __init__(self, approved: Sequence[ApprovedModel] | None) -> None:
        self.approved = tuple(approved) if approved is not None else None

    def run(self, ctx: CheckContext) -> CheckResult:
        """`generation.model_missing` / `generation.model_unapproved`, or pass."""
        if self.approved is None:
            return skipped(self, "no approved-model list in the policy")
        generation = ctx.generation
        model = generation.model if generation is not None else None
        declared = model is not None and (model.name is not None or model.provider is not None)
        if not declared:
            if ctx.synthetic:
                return result(self, [Reason(code=MODEL_MISSING, check=self.name, path=_POINTER)])
            return skipped(self, "not declared synthetic and no model declared")
        assert model is not None
        if any(entry.approves(model.provider, model.name, model.version) for entry in self.approved):
            return result(self, [])
        return result(self, [Reason(code=MODEL_UNAPPROVED, check=self.name, path=_POINTER)])
