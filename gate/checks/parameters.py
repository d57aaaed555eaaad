"""Data minimisation for generation parameters: no personal data may ride along with the image."""

from __future__ import annotations

from gate.checks.base import CheckContext, result, skipped
from gate.errors import ScanLimitExceeded
from gate.model import CheckResult, Reason
from gate.scanning import ScanLimits, scan_parameters

PARAMETERS_POINTER = "/generation/parameters"


class ParametersCheck:
    """Scans the event's generation parameters; each finding is a reason naming entity and pointer."""

    name = "parameters"
    version = "1"

    def __init__(self, limits: ScanLimits) -> None:
        self.limits = limits

    def run(self, ctx: CheckContext) -> CheckResult:
        """Report `params.personal_data` per finding, or `params.limits` when too big to scan."""
        if ctx.generation is None or ctx.generation.parameters is None:
            return skipped(self, "no generation parameters")
        try:
            findings = scan_parameters(ctx.generation.parameters, limits=self.limits)
        except ScanLimitExceeded:
            return result(self, [Reason(code="params.limits", path=PARAMETERS_POINTER, check=self.name)])
        ctx.extra["parameter_findings"] = findings
        reasons = [
            Reason(
                code="params.personal_data",
                entity=finding.entity,
                path=PARAMETERS_POINTER + finding.path,
                check=self.name,
            )
            for finding in findings
        ]
        return result(self, reasons, {"findings": len(reasons)})
