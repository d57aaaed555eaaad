"""Frozen value types shared by checks, policy and pipeline. No I/O, no Kafka, no clocks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Verdict(StrEnum):
    """Where an event is routed. Exactly one per event."""

    APPROVED = "approved"
    QUARANTINED = "quarantined"
    REJECTED = "rejected"


class Status(StrEnum):
    """How a check ended. ERROR covers exceptions and timeouts: the policy never approves on it."""

    PASS = "pass"  # noqa: S105 - a status, not a password; ran, nothing to report
    FAIL = "fail"  # ran, produced reasons
    ERROR = "error"  # raised or timed out: fail closed
    SKIPPED = "skipped"  # not applicable (e.g. no parameters to scan)


@dataclass(frozen=True, slots=True)
class PolicyRef:
    """Which policy decided: its version and the sha256 of its file's bytes, stamped on every decision."""

    version: str
    sha256: str


@dataclass(frozen=True, slots=True)
class Finding:
    """A piece of personal data found in a JSON value or a metadata field.

    `path` is an RFC 6901 JSON pointer to the value that holds it; the value itself is never kept.
    """

    entity: str
    path: str
    detector: str = ""


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a check objected. `code` is dotted like c2pa's status codes (e.g. `params.personal_data`).

    `detail` is a short machine-readable qualifier (a c2pa status code, a limit name) and never a value
    taken from the event or the image.
    """

    code: str
    entity: str | None = None
    path: str | None = None
    check: str | None = None
    detail: str | None = None

    def as_dict(self) -> dict[str, str]:
        """The JSON form used in decisions: only the fields that are set."""
        out = {"code": self.code}
        for key in ("entity", "path", "check", "detail"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The one result type every check returns.

    `facts` carries what later stages need to know without re-parsing (e.g. `has_manifest`,
    `strippable` kinds); values in it must be JSON-serialisable and free of personal data.
    """

    check: str
    version: str
    status: Status
    reasons: tuple[Reason, ...] = ()
    elapsed_ms: float = 0.0
    facts: Mapping[str, Any] = field(default_factory=dict)
