"""Frozen value types shared by checks, policy and pipeline. No I/O, no Kafka, no clocks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Any, NamedTuple


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


# A result no check gave facts to shares this one (read-only, so sharing it is safe).
NO_FACTS: Mapping[str, Any] = MappingProxyType({})


class CheckResult(NamedTuple):
    """The one result type every check returns.

    `facts` carries what later stages need to know without re-parsing (e.g. `has_manifest`,
    `strippable` kinds); values in it must be JSON-serialisable and free of personal data.

    Immutable as a named tuple rather than a frozen dataclass: each evaluation builds 14 of them (every
    check's, then `run_check`'s timed copy), and a frozen dataclass sets each field through
    `object.__setattr__`, CPython 3.11's generic call path (an argument tuple built and sliced per field):
    10,700 instructions to build one under callgrind, 4,800 as a named tuple (both positional); `run_check`
    around a check that returns `result(...)` went from 37,700 to 25,000 (keywords), ~0.1 M an evaluation
    of the ~4 M the gate spends beside c2pa and hashing on a small image. Unlike the dataclass it compares
    equal to a plain tuple of the same fields; nothing here compares it with one.
    """

    check: str
    version: str
    status: Status
    reasons: tuple[Reason, ...] = ()
    elapsed_ms: float = 0.0
    facts: Mapping[str, Any] = NO_FACTS
