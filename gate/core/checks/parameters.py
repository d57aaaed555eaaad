"""Data minimisation for what the producer declares about generation: no personal data may ride along.

Everything under the event's `generation` is scanned, not only `parameters`: model name, version and
provider and the training-data sources end up in a signed manifest too.
"""

from __future__ import annotations

from typing import Any

from gate.core.checks.base import CheckContext, result, skipped
from gate.core.declared import GENERATION_POINTER, PARAMETERS_CHECK, PERSONAL_DATA_CODE
from gate.core.event import Generation
from gate.errors import ScanLimitExceeded
from gate.model import CheckResult, Finding, Reason
from gate.scanning import ScanLimits, scan_parameters

PARAMETERS_POINTER = "/generation/parameters"


class ParametersCheck:
    """Scans the declared generation; each finding is a reason naming entity and pointer."""

    name = PARAMETERS_CHECK
    version = "2"

    def __init__(self, limits: ScanLimits) -> None:
        self.limits = limits

    def run(self, ctx: CheckContext) -> CheckResult:
        """Report `params.personal_data` per finding, or `params.limits` when too big to scan."""
        if ctx.generation is None:
            return skipped(self, "no generation declared")
        try:
            found = scan_parameters(declared_generation(ctx.generation), limits=self.limits)
        except ScanLimitExceeded:
            return result(self, [Reason(code="params.limits", path=PARAMETERS_POINTER, check=self.name)])
        findings = tuple(Finding(f.entity, GENERATION_POINTER + f.path, f.detector) for f in found)
        ctx.generation_findings = findings
        reasons = [
            Reason(code=PERSONAL_DATA_CODE, entity=f.entity, path=f.path, check=self.name) for f in findings
        ]
        return result(self, reasons, {"findings": len(reasons)})


def declared_generation(generation: Generation) -> dict[str, Any]:
    """The `generation` object as the event declared it (the shape the pointers refer to)."""
    model = {
        key: value
        for key, value in (
            ("name", generation.model.name),
            ("version", generation.model.version),
            ("provider", generation.model.provider),
        )
        if value is not None
    }
    doc: dict[str, Any] = {"synthetic": generation.synthetic, "model": model}
    if generation.training_data_sources:
        doc["training_data_sources"] = list(generation.training_data_sources)
    if generation.parameters is not None:
        doc["parameters"] = generation.parameters
    return doc
