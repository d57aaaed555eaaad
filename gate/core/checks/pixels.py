"""Personal data in the pixels: rendered text read by OCR and scanned, and faces.

Runs only for events a scope of the policy's `pixels` section matches (see gate/policy/pixels.py).
Findings name a region of the image, never what it shows: `pixels.personal_data` with the entity and
`/pixels/text/N` (the Nth line read, top to bottom), `pixels.face` with `/pixels/faces/N` and a
detail saying whether the generation referenced an input image (the policy quarantines those).
Fails closed: a missing package is an ERROR (`pixels.unavailable` naming it), a spent time budget a
`gate.timeout`.
"""

from __future__ import annotations

import time
from typing import Any

from gate.core.checks.base import CheckContext, CheckTimeout, result, skipped
from gate.core.checks.input_image import references_input_image
from gate.core.policy.pixels import PixelCheck, PixelPolicy
from gate.model import CheckResult, Reason, Status
from gate.pixels import (
    PixelsUnavailable,
    TextLine,
    decode_for_pixels,
    find_faces,
    load_face_detector,
    load_text_reader,
    read_text,
    spaced_variant,
)
from gate.scanning import DEFAULT_LIMITS, ScanLimits, scan_text

TEXT_POINTER = "/pixels/text"
FACES_POINTER = "/pixels/faces"
INPUT_IMAGE = "input_image"
NO_INPUT_IMAGE = "no_input_image"


class PixelsCheck:
    """OCR and face detection for the events the policy's pixel scopes select."""

    name = "pixels"
    version = "1"

    def __init__(self, policy: PixelPolicy, limits: ScanLimits = DEFAULT_LIMITS) -> None:
        self.policy = policy
        self.limits = limits
        # Whether any scope's match depends on the input-image reading (most policies have no scope).
        self._scopes_read_input_image = any(scope.input_image is not None for scope in policy.scopes)

    def selected(self, ctx: CheckContext) -> tuple[frozenset[PixelCheck], bool]:
        """The pixel checks the policy's scopes select for this event, and whether its parameters
        reference an input image. The parameters are read for that only when a scope depends on it or
        a check is selected (then the facts and the face reasons report it): `checks_for` gives the
        same answer for either reading when no scope looks at it."""
        input_image = references_input_image(ctx.generation) if self._scopes_read_input_image else None
        wanted = self.policy.checks_for(ctx.source, ctx.synthetic, bool(input_image))
        if wanted and input_image is None:
            input_image = references_input_image(ctx.generation)
        return wanted, bool(input_image)

    def run(self, ctx: CheckContext) -> CheckResult:
        """Report text findings and faces; skipped when no scope selects the event."""
        wanted, input_image = self.selected(ctx)
        if not wanted:
            return skipped(self, "no pixel scope matches this event")
        if ctx.probe is None:
            return skipped(self, "image not decodable")
        try:
            _load_models(wanted)
        except PixelsUnavailable as exc:
            reason = Reason(code="pixels.unavailable", check=self.name, detail=exc.module)
            return CheckResult(self.name, self.version, Status.ERROR, (reason,))
        # The budget starts once the models are loaded: a worker's first image must not pay for that.
        deadline = time.perf_counter() + self.policy.time_budget_ms / 1000.0
        rgb = decode_for_pixels(ctx.data, self.policy.max_side)
        _within(deadline)
        reasons: list[Reason] = []
        facts: dict[str, Any] = {
            "checks": sorted(check.value for check in wanted),
            "input_image": input_image,
            "scaled_to": [int(rgb.shape[1]), int(rgb.shape[0])],
        }
        if PixelCheck.TEXT in wanted:
            lines = read_text(rgb)
            _within(deadline)
            reasons.extend(text_reasons(lines, self.limits))
            facts["text_lines"] = len(lines)
        if PixelCheck.FACES in wanted:
            faces = find_faces(rgb)
            _within(deadline)
            detail = INPUT_IMAGE if input_image else NO_INPUT_IMAGE
            reasons.extend(
                Reason(code="pixels.face", path=f"{FACES_POINTER}/{n}", check=self.name, detail=detail)
                for n in range(len(faces))
            )
            facts["faces"] = len(faces)
        return result(self, reasons, facts)


def text_reasons(lines: list[TextLine], limits: ScanLimits = DEFAULT_LIMITS) -> list[Reason]:
    """Scan each line (and its re-spaced spelling), then adjacent pairs for what a line break split.

    A pair's finding is reported on its first line, and only when neither line holds it alone.
    """
    found: dict[tuple[str, str], None] = {}
    per_line: list[set[str]] = []
    for n, line in enumerate(lines):
        path = f"{TEXT_POINTER}/{n}"
        entities = _entities(line.text, path, limits)
        per_line.append(entities)
        for entity in entities:
            found[(entity, path)] = None
    for n in range(len(lines) - 1):
        path = f"{TEXT_POINTER}/{n}"
        joined = f"{lines[n].text} {lines[n + 1].text}"
        for entity in _entities(joined, path, limits) - per_line[n] - per_line[n + 1]:
            found[(entity, path)] = None
    return [
        Reason(code="pixels.personal_data", entity=entity, path=path, check=PixelsCheck.name)
        for entity, path in found
    ]


def _entities(text: str, path: str, limits: ScanLimits) -> set[str]:
    spellings = [text]
    spaced = spaced_variant(text)
    if spaced is not None:
        spellings.append(spaced)
    return {
        finding.entity for spelling in spellings for finding in scan_text(spelling, path=path, limits=limits)
    }


def _load_models(wanted: frozenset[PixelCheck]) -> None:
    if PixelCheck.TEXT in wanted:
        load_text_reader()
    if PixelCheck.FACES in wanted:
        load_face_detector()


def _within(deadline: float) -> None:
    """Stop between stages once the image's budget is spent (run_check makes it gate.timeout)."""
    if time.perf_counter() > deadline:
        raise CheckTimeout
