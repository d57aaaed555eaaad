"""gate: a streaming policy gate for product images.

The public surface is re-exported here and loaded lazily, so `from gate import scan_parameters` does not
import c2pa or Kafka.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "scan_parameters": "gate.scanning",
    "scan_text": "gate.scanning",
    "ScanLimits": "gate.scanning",
    "Finding": "gate.model",
    "Reason": "gate.model",
    "CheckResult": "gate.model",
    "Status": "gate.model",
    "Verdict": "gate.model",
    "Decision": "gate.core.policy",
    "Policy": "gate.core.policy",
    "Subject": "gate.core.policy",
    "decide": "gate.core.policy",
    "load_policy": "gate.core.policy",
    "Pipeline": "gate.core.pipeline",
    "Evaluation": "gate.core.pipeline",
    "PipelineSpec": "gate.worker.assembly",
    "IngestEvent": "gate.core.event",
    "parse_event": "gate.core.event",
    "GateError": "gate.errors",
    "ConfigError": "gate.errors",
}

__all__ = [
    "CheckResult",
    "ConfigError",
    "Decision",
    "Evaluation",
    "Finding",
    "GateError",
    "IngestEvent",
    "Pipeline",
    "PipelineSpec",
    "Policy",
    "Reason",
    "ScanLimits",
    "Status",
    "Subject",
    "Verdict",
    "__version__",
    "decide",
    "load_policy",
    "parse_event",
    "scan_parameters",
    "scan_text",
]

if TYPE_CHECKING:
    from gate.core.event import IngestEvent, parse_event
    from gate.core.pipeline import Evaluation, Pipeline
    from gate.core.policy import Decision, Policy, Subject, decide, load_policy
    from gate.errors import ConfigError, GateError
    from gate.model import CheckResult, Finding, Reason, Status, Verdict
    from gate.scanning import ScanLimits, scan_parameters, scan_text
    from gate.worker.assembly import PipelineSpec


def __getattr__(name: str) -> Any:
    """Import public names on first use."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'gate' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
