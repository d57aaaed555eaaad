"""Image metadata: location, device identifiers, owners, and personal data in free text."""

from __future__ import annotations

import unicodedata

from gate.core.checks.base import CheckContext, result, skipped
from gate.errors import ImageLimitExceeded, ImageUndecodable, ScanLimitExceeded
from gate.imaging import MetadataItem, read_metadata
from gate.model import CheckResult, Finding, Reason
from gate.scanning import ScanLimits, scan_parameters, scan_text
from gate.scanning.walk import HIDDEN_KEY

# Structured fields whose presence alone is personal data, and which can be removed losslessly.
_STRIPPABLE_ENTITY = {"location": "LOCATION", "device_id": "DEVICE_ID"}
# Structured fields that name a person; removing them is not the default remediation.
_PERSON_KINDS = frozenset({"owner", "person"})


class MetadataCheck:
    """Reads EXIF, XMP, PNG text chunks and JPEG comments without decoding pixels.

    Objects to segments and chunks it cannot read (`metadata.uninspected`).
    """

    name = "metadata"
    version = "1"

    def __init__(self, limits: ScanLimits) -> None:
        self.limits = limits

    def run(self, ctx: CheckContext) -> CheckResult:
        """Object to personal data in metadata and to AI markers on an image not declared synthetic."""
        if ctx.probe is None:
            return skipped(self, "image not decodable")
        try:
            ctx.metadata = read_metadata(ctx.data, ctx.probe)
        except ImageLimitExceeded:
            return result(self, [Reason(code="image.limits", check=self.name, detail="metadata")])
        except ImageUndecodable:
            return result(self, [Reason(code="image.undecodable", check=self.name, detail="metadata")])
        reasons: list[Reason] = []
        for item in ctx.metadata.items:
            reasons.extend(self._item_reasons(item))
        if ctx.metadata.ai_markers and not ctx.synthetic:
            reasons.extend(
                Reason(code="provenance.undeclared_synthetic", check=self.name, detail=marker)
                for marker in ctx.metadata.ai_markers
            )
        facts = {
            "fields": len(ctx.metadata.items),
            "ai_markers": list(ctx.metadata.ai_markers),
            "has_c2pa": ctx.metadata.has_c2pa,
        }
        return result(self, reasons, facts)

    def _item_reasons(self, item: MetadataItem) -> list[Reason]:
        if item.kind == "uninspected":
            # A segment the gate cannot read would be published unseen: no rule approves this (fail closed).
            segment = item.path.split("/")[2]
            return [
                Reason(
                    code="metadata.uninspected", path=_unspelled(item.path), check=self.name, detail=segment
                )
            ]
        if item.kind == "unread":
            # A field the gate does not judge, removed losslessly by the strip remediation; where removal
            # is not possible (a manifest to keep and no signer), the policy's fallback quarantines.
            return [
                Reason(
                    code="metadata.uninspected",
                    path=_unspelled(item.path),
                    check=self.name,
                    detail="strippable",
                )
            ]
        if item.kind in _STRIPPABLE_ENTITY:
            entity = _STRIPPABLE_ENTITY[item.kind]
            return [self._reason(entity, item.path, detail="strippable")]
        if item.kind in _PERSON_KINDS:
            # An owner field of spaces, NULs and punctuation names nobody: cameras write Copyright as spaces
            # or NULs, a tool an Artist of a lone quote mark and spaces (a Canon photo was held). A
            # character that only looks blank (a zero-width space) still counts as content.
            blank = item.value is not None and all(_blank_char(ch) for ch in item.value)
            return [] if blank else [self._reason("PERSON", item.path)]
        if item.value is None:
            return []
        findings = self._scan(item)
        return [self._reason(found.entity, found.path) for found in findings]

    def _scan(self, item: MetadataItem) -> list[Finding]:
        assert item.value is not None
        if item.kind == "json_text" and item.json is not None:  # parsed once, by the reader
            try:
                found = scan_parameters(item.json, limits=self.limits)
            except ScanLimitExceeded:
                return [Finding(entity="UNSCANNABLE", path=item.path, detector="limits")]
            return [Finding(f.entity, item.path + f.path, f.detector) for f in found]
        context = item.path.rsplit("/", 1)[-1] if item.named_context else ""
        try:
            return scan_text(item.value, path=item.path, context=context)
        except ScanLimitExceeded:  # text past the scan limits (an ICC targ tag of 400 KB): not judged
            return [Finding(entity="UNSCANNABLE", path=item.path, detector="limits")]

    def _reason(self, entity: str, path: str, detail: str | None = None) -> Reason:
        return Reason(
            code="metadata.personal_data",
            entity=entity,
            path=_unspelled(path),
            check=self.name,
            detail=detail,
        )


def _unspelled(path: str) -> str:
    """The pointer with any token that is itself personal data (a PNG keyword, an XMP name) masked."""
    tokens = path.split("/")
    masked = [
        token if not token or not scan_text(token, path="", context="") else f"{HIDDEN_KEY}{index}"
        for index, token in enumerate(tokens)
    ]
    return "/".join(masked)


def _blank_char(ch: str) -> bool:
    return ch.isspace() or ch == "\0" or unicodedata.category(ch).startswith("P")
