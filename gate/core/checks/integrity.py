"""Asset integrity: the bytes are what the event says they are (sha256, media type)."""

from __future__ import annotations

import hashlib
import hmac

from gate.core.checks.base import CheckContext, result
from gate.imaging import sniff_media_type
from gate.model import CheckResult, Reason


class IntegrityCheck:
    """Compares the declared sha256 and media type with the bytes; records the real sha256."""

    name = "integrity"
    version = "1"

    def run(self, ctx: CheckContext) -> CheckResult:
        """Hash the bytes, sniff their type, and object to any mismatch with the declaration."""
        ctx.sha256 = ctx.sha256 or hashlib.sha256(ctx.data).hexdigest()
        reasons: list[Reason] = []
        declared = (ctx.declared_sha256 or "").lower()
        if declared and not hmac.compare_digest(declared, ctx.sha256):
            reasons.append(Reason(code="asset.hash_mismatch", path="/asset/sha256", check=self.name))
        sniffed = sniff_media_type(ctx.data)
        if ctx.declared_media_type and sniffed and sniffed != ctx.declared_media_type:
            reasons.append(
                Reason(
                    code="asset.media_type_mismatch",
                    path="/asset/media_type",
                    check=self.name,
                    detail=sniffed,
                )
            )
        return result(self, reasons, {"sha256": ctx.sha256, "sniffed_media_type": sniffed})
