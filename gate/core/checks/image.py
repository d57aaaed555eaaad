"""Image limits and decodability, checked on headers only, before anything expensive."""

from __future__ import annotations

from gate.core.checks.base import CheckContext, result
from gate.errors import ImageLimitExceeded, ImageUndecodable, ImageUnsupported
from gate.imaging import ImageLimits, probe
from gate.model import CheckResult, Reason


class ImageCheck:
    """Probes format and dimensions against the limits; leaves the probe for later checks."""

    name = "image"
    version = "1"

    def __init__(self, limits: ImageLimits) -> None:
        self.limits = limits

    def run(self, ctx: CheckContext) -> CheckResult:
        """Reject what cannot be parsed or breaks a limit; never decodes pixels."""
        try:
            ctx.probe = probe(ctx.data, self.limits)
        except ImageLimitExceeded:
            return result(self, [Reason(code="image.limits", check=self.name)])
        except ImageUnsupported as exc:
            # A sound photo in a format the gate does not publish (an iPhone's HEIC): say which, so the
            # producer converts it, rather than calling it broken.
            return result(self, [Reason(code="image.unsupported", check=self.name, detail=exc.media_type)])
        except ImageUndecodable:
            return result(self, [Reason(code="image.undecodable", check=self.name)])
        found = ctx.probe
        return result(
            self,
            [],
            {"media_type": found.media_type, "width": found.width, "height": found.height},
        )
