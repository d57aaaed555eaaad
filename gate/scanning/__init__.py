"""The generation-parameter scanner: finds personal data in what an image generator was asked to do.

    findings = scan_parameters(params)        # any JSON value
    findings = scan_text(comment, path="/exif/UserComment", context="UserComment")

Each `Finding` names an entity type (Presidio's names where one exists) and the RFC 6901 pointer of the
value that holds it, never the value itself.
"""

from __future__ import annotations

from gate.pointers import escape_token
from gate.scanning.charsets import reused_charsets

# The detectors compile their regexes at import, each character class read once (`charsets`); the cue-word
# patterns when first searched, or all at once by `warm_up` (a long-running process, at its start).
with reused_charsets():
    from gate.scanning.detectors import ENTITIES
    from gate.scanning.lexicon import warm_up
    from gate.scanning.limits import DEFAULT_LIMITS, ScanLimits
    from gate.scanning.walk import scan_parameters, scan_text

__all__ = [
    "DEFAULT_LIMITS",
    "ENTITIES",
    "ScanLimits",
    "escape_token",
    "scan_parameters",
    "scan_text",
    "warm_up",
]
