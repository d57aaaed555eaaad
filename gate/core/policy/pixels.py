"""Which events get the pixel checks (OCR, faces): the policy's `pixels` section as frozen data.

Off unless a scope matches: a plain product shot costs nothing. A scope matches on the event's source,
its synthetic flag, and whether its generation parameters reference an input image.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class PixelCheck(StrEnum):
    """What the pixel check can look for."""

    TEXT = "text"
    FACES = "faces"


@dataclass(frozen=True, slots=True)
class PixelScope:
    """Events this scope turns pixel checks on for; None means "any"."""

    checks: frozenset[PixelCheck]
    source: tuple[str, ...] | None = None
    synthetic: bool | None = None
    input_image: bool | None = None
    name: str = ""

    def matches(self, source: str, synthetic: bool | None, input_image: bool) -> bool:
        """Whether an event with these facts is in this scope."""
        if self.source is not None and source not in self.source:
            return False
        if self.synthetic is not None and self.synthetic != bool(synthetic):
            return False
        return self.input_image is None or self.input_image == input_image


@dataclass(frozen=True, slots=True)
class PixelPolicy:
    """The `pixels` section: scopes, the downscale bound and the time budget per image."""

    scopes: tuple[PixelScope, ...] = ()
    max_side: int = 1280
    time_budget_ms: int = 3000

    def checks_for(self, source: str, synthetic: bool | None, input_image: bool) -> frozenset[PixelCheck]:
        """The union of the checks of every scope the event is in (empty: pixels are not read)."""
        wanted: set[PixelCheck] = set()
        for scope in self.scopes:
            if scope.matches(source, synthetic, input_image):
                wanted |= scope.checks
        return frozenset(wanted)

    @property
    def enabled(self) -> bool:
        """Whether any event at all can get a pixel check."""
        return any(scope.checks for scope in self.scopes)


def parse_pixel_policy(doc: Mapping[str, Any]) -> PixelPolicy:
    """Build a PixelPolicy from the already schema-validated `pixels` section (or {})."""
    defaults = PixelPolicy()
    return PixelPolicy(
        scopes=tuple(_scope(item) for item in doc.get("scopes", ())),
        max_side=int(doc.get("max_side", defaults.max_side)),
        time_budget_ms=int(doc.get("time_budget_ms", defaults.time_budget_ms)),
    )


def _scope(item: Mapping[str, Any]) -> PixelScope:
    source = item.get("source")
    return PixelScope(
        checks=frozenset(PixelCheck(check) for check in item["checks"]),
        source=None if source is None else ((source,) if isinstance(source, str) else tuple(source)),
        synthetic=item.get("synthetic"),
        input_image=item.get("input_image"),
        name=str(item.get("name", "")),
    )
