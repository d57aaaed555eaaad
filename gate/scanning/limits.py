"""Bounds on how much of a parameters object the scanner will look at.

Exceeding a bound raises `ScanLimitExceeded` instead of truncating: a value the scanner did not read
cannot be called clean, so the gate fails closed.
"""

from __future__ import annotations

from dataclasses import dataclass

from gate.errors import ScanLimitExceeded

MAX_DEPTH_CEILING = 256


@dataclass(frozen=True, slots=True)
class ScanLimits:
    """How deep, how many and how much text one scan may cover.

    `max_depth` counts nested containers below the root, `max_nodes` counts every value (containers and
    scalars), `max_string_chars` bounds one string (a key or a value) and `max_total_chars` the sum of all
    strings in one scan.
    """

    max_depth: int = 32
    max_nodes: int = 10_000
    max_string_chars: int = 100_000
    max_total_chars: int = 1_000_000

    def __post_init__(self) -> None:
        for name in ("max_depth", "max_nodes", "max_string_chars", "max_total_chars"):
            if getattr(self, name) < 1:
                raise ValueError(f"ScanLimits.{name} must be at least 1")
        # The walker takes one Python frame per level; stay far below the interpreter's recursion limit.
        if self.max_depth > MAX_DEPTH_CEILING:
            raise ValueError(f"ScanLimits.max_depth must be at most {MAX_DEPTH_CEILING}")


DEFAULT_LIMITS = ScanLimits()


def exceeded(limit: str, bound: int) -> ScanLimitExceeded:
    """The error for a broken bound; it names the limit and its value, never the scanned data."""
    return ScanLimitExceeded(f"generation parameters exceed scan limit {limit}={bound}")
