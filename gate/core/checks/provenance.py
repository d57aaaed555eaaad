"""C2PA provenance: is there a manifest, is it intact, is its signer trusted, does it mark AI content."""

from __future__ import annotations

import functools
import json
import re
from typing import TYPE_CHECKING, Any

from gate.core.checks.base import CheckContext, result, skipped
from gate.core.checks.manifest_fields import identifying_fields
from gate.errors import ImageLimitExceeded, ImageUndecodable, ScanLimitExceeded
from gate.imaging import probe, read_metadata
from gate.imaging.c2pa_store import manifest_store
from gate.model import CheckResult, Reason
from gate.pointers import escape_token
from gate.provenance import (
    GENERATION_INVALID_CODE,
    GENERATION_LABEL,
    MAX_ASSERTION_BYTES,
    REMOTE_ONLY_CODE,
    ProvenanceReport,
    Verifier,
    verify_manifest,
)
from gate.provenance.signatures import certificate_text, signature_parts
from gate.scanning import DEFAULT_LIMITS, ScanLimits, scan_parameters
from gate.scanning.walk import HIDDEN_KEY

if TYPE_CHECKING:
    from gate.imaging.probing import Layout

# A validation state maps to at most one reason; `trusted` needs none.
_STATE_REASON = {
    "absent": "provenance.missing",
    "untrusted": "provenance.untrusted",
    "invalid": "provenance.invalid",
    "unreadable": "provenance.invalid",
}
_ABSENT = ProvenanceReport(state="absent")
# An assertion that passed its shape check is at most MAX_ASSERTION_BYTES of JSON (so at most that many
# values) and its parameters at most 33 levels deep: limits it always fits in, so the gate can re-check
# whatever it signed (parameters just under the event limits, plus the model and gate members).
_ASSERTION_LIMITS = ScanLimits(max_depth=DEFAULT_LIMITS.max_depth + 4, max_nodes=MAX_ASSERTION_BYTES)


class ProvenanceCheck:
    """Verifies an existing manifest against the trust anchors and compares its AI marking with the event.

    Runs after the metadata check, whose walk can rule a manifest out without calling c2pa.
    """

    name = "provenance"
    version = "1"

    def __init__(self, verifier: Verifier) -> None:
        self.verifier = verifier

    def run(self, ctx: CheckContext) -> CheckResult:
        """Map the manifest's validation state and AI marking to reasons."""
        if ctx.probe is None:
            return skipped(self, "image not decodable")
        if ctx.metadata is not None and ctx.metadata.manifest_ruled_out:
            # The metadata check read every segment: no manifest store, no reference to one. c2pa would
            # parse the whole file to say the same (up to ~1 ms for 3 MB), so it is not asked.
            report = _ABSENT
        else:
            report = verify_manifest(ctx.data, ctx.probe.media_type, self.verifier)
        ctx.provenance = report
        reasons: list[Reason] = []
        code = _STATE_REASON.get(report.state)
        if code is not None:
            # The detail is the code that decides the state (a tampered file never reads "untrusted");
            # every code is in the decision's provenance section.
            # An unreadable store is "manifest.unreadable", except one that lives only at a URL the gate
            # never fetches (a remote or cloud manifest): nothing is known to be broken, so it is named.
            detail = report.cause
            if report.state == "unreadable" and detail != REMOTE_ONLY_CODE:
                detail = "manifest.unreadable"
            reasons.append(Reason(code=code, check=self.name, detail=detail))
        signature_reasons: list[Reason] = []
        if report.state in ("trusted", "untrusted"):
            if report.identity_code is not None:
                # A named party's credential that could not be checked: its own reason, for the policy.
                reasons.append(
                    Reason(
                        code="provenance.identity_unverified", check=self.name, detail=report.identity_code
                    )
                )
            reasons.extend(self._marking(report, ctx.synthetic))
            reasons.extend(self._personal_data(report))
            reasons.extend(_resource_reasons(report.resources, self.name))
            layout = ctx.probe.layout_for(ctx.data)
            signature_reasons = _signature_reasons(ctx.data, ctx.probe.media_type, layout, report, self.name)
            reasons.extend(signature_reasons)
            if GENERATION_INVALID_CODE in report.status_codes:
                # Something under our label that cannot be read exactly cannot be scanned: never approved.
                reasons.append(
                    Reason(code="provenance.generation_invalid", check=self.name, path="/manifest/generation")
                )
        facts = {
            "state": report.state,
            "digital_source_type": report.digital_source_type,
            "ai_generated": report.is_ai_generated,
            "status_codes": list(report.status_codes),
            # For the audit record: the manifest's label, and its signer only when the trust anchors
            # vouch for it (an organisation's certificate, not a name anyone can put in a certificate),
            # and never when a certificate of the store names a person (the anchors vouch for the issuer).
            "manifest_label": report.active_label,
            "signer": report.signer_issuer if report.state == "trusted" and not signature_reasons else None,
        }
        return result(self, reasons, facts)

    def _marking(self, report: ProvenanceReport, synthetic: bool | None) -> list[Reason]:
        if report.is_ai_generated and not synthetic:
            return [Reason(code="provenance.undeclared_synthetic", check=self.name, detail="c2pa")]
        if synthetic and not report.is_ai_generated:
            return [Reason(code="provenance.ai_marking_missing", check=self.name)]
        return []

    def _personal_data(self, report: ProvenanceReport) -> list[Reason]:
        """Art. 50 marking must not carry personal data: scan every assertion of every manifest in the
        store, since all of them are published with the image. Our generation assertion is at
        /manifest/generation (an ingredient's at /manifest/ingredient/<its manifest label>/generation);
        any other at /manifest/assertion/<label> (/manifest/ingredient/<manifest label>/assertion/<label>).
        An assertion too large to scan is `provenance.assertion_limits`: what was not read is not passed."""
        found: list[tuple[str, Any]] = []
        if report.generator_assertion:
            found.append(("/manifest/generation", dict(report.generator_assertion)))
        manifests = {label: index for index, label in enumerate(dict.fromkeys(_manifest_labels(report)))}
        for label, data in report.other_generation_assertions:
            found.append(
                (f"/manifest/ingredient/{_label_token(label, manifests[label])}/generation", dict(data))
            )
        for manifest_label, position, label, data in report.other_assertions:
            token = _label_token(label, position)
            if manifest_label == report.active_label:
                found.append((f"/manifest/assertion/{token}", data))
            else:
                ingredient = _label_token(manifest_label, manifests[manifest_label])
                found.append((f"/manifest/ingredient/{ingredient}/assertion/{token}", data))
        reasons = []
        for base, data in found:
            try:
                findings = scan_parameters(data, limits=_ASSERTION_LIMITS)
            except ScanLimitExceeded:
                reasons.append(Reason(code="provenance.assertion_limits", check=self.name, path=base))
                continue
            # A camera's serial or its owner by the property's name, as the XMP walk reads it
            # (`manifest_fields`): the scanner reads a bare serial number as nothing.
            found_at = {(f.entity, base + f.path) for f in findings}
            found_at.update((entity, base + path) for entity, path in identifying_fields(data))
            reasons.extend(
                Reason(code="provenance.personal_data", entity=entity, path=path, check=self.name)
                for entity, path in found_at
            )
        # c2pa-rs renders JSON objects in no fixed order: sorted, the same image gives the same reasons
        # (and a redo the same decision record).
        return sorted(reasons, key=lambda r: (r.path or "", r.entity or "", r.code))


_IMAGE_FORMATS = frozenset({"image/jpeg", "image/png", "image/webp"})


def _resource_reasons(resources: tuple[tuple[str, bytes], ...], check: str) -> list[Reason]:
    """A resource embedded in the store (a thumbnail, a generator's icon, an ingredient's data) is a file
    of its own, published inside the signed manifest. An image is read with the image reader: one that
    carries metadata of any kind (EXIF with GPS, XMP, a comment, PNG text) or that the gate cannot read,
    and any resource that is no image it reads, cannot be stripped without breaking the signature, so it
    is `metadata.uninspected` (/manifest/resource/N). Thumbnails c2pa-rs makes are re-encoded pixels with
    no metadata; 89 of the 92 in c2pa-org's public test files have none either, and the other 3 only zero
    bytes between two segments."""
    reasons: list[Reason] = []
    for index, (fmt, data) in enumerate(resources):
        clean = False
        if fmt in _IMAGE_FORMATS:
            try:
                found = read_metadata(data, probe(data))
                # Zero bytes between two segments (as Truepic's thumbnails have) carry nothing.
                held = [item for item in found.items if not item.path.startswith("/jpeg/gap/")]
                clean = not held and not found.has_c2pa
            except (ImageUndecodable, ImageLimitExceeded):
                clean = False
        if not clean:
            reasons.append(
                Reason(code="metadata.uninspected", check=check, path=f"/manifest/resource/{index}")
            )
    return reasons


def _signature_reasons(
    data: bytes, media_type: str, layout: Layout | None, report: ProvenanceReport, check: str
) -> list[Reason]:
    """What each manifest's signature publishes beside its claim (`gate.provenance.signatures`): text in
    its certificates' names that the scanner finds is `provenance.personal_data`, and unsigned bytes it
    does not read (padding that is not zeros, a header C2PA does not define) are `metadata.uninspected`:
    neither can be removed without breaking the signature. The active manifest's at
    /manifest/signature/..., an ingredient's at /manifest/ingredient/<its label>/signature/..."""
    store = manifest_store(data, media_type, layout)
    if store is None:
        return []
    others = {label: index for index, label in enumerate(dict.fromkeys(_manifest_labels(report)))}
    reasons: list[Reason] = []
    for position, parts in enumerate(signature_parts(store)):
        if parts.manifest_label in (report.active_label, ""):  # "": a store that does not parse
            base = "/manifest/signature"
        else:
            where = others.get(parts.manifest_label, len(others) + position)
            base = f"/manifest/ingredient/{_label_token(parts.manifest_label, where)}/signature"
        reasons.extend(
            Reason(code="metadata.uninspected", check=check, path=f"{base}/{part}") for part in parts.unread
        )
        for index, der in enumerate(parts.ders):
            try:
                findings = _certificate_findings(der)
            except ScanLimitExceeded:
                reasons.append(Reason(code="provenance.assertion_limits", check=check, path=base))
                continue
            reasons.extend(
                Reason(
                    code="provenance.personal_data",
                    entity=entity,
                    path=f"{base}/certificate/{index}{path}",
                    check=check,
                )
                for entity, path in findings
            )
    return sorted(set(reasons), key=lambda r: (r.path or "", r.entity or "", r.code))


@functools.lru_cache(maxsize=256)
def _certificate_findings(der: bytes) -> tuple[tuple[str, str], ...]:
    """(entity, pointer) of what the scanner finds in the names a DER certificate publishes, cached by
    its bytes, which alone decide them: a partner signs every image with the same few certificates, so
    a repeat signer costs a lookup (keyed by the names' JSON instead, the key cost ~8 us an image).
    The names are scanned as their sorted JSON reads back, the order they were always scanned in."""
    text = certificate_text(der)
    if text is None:  # `signature_parts` keeps only the bytes of certificates that parse
        raise ValueError("a certificate that does not parse has no findings")
    names = json.loads(json.dumps(text, sort_keys=True))
    return tuple((f.entity, f.path) for f in scan_parameters(names, limits=_ASSERTION_LIMITS))


def _manifest_labels(report: ProvenanceReport) -> list[str]:
    """The labels of the store's other manifests, in the order their assertions were reported."""
    return [label for label, _ in report.other_generation_assertions] + [
        manifest_label for manifest_label, _, _, _ in report.other_assertions
    ]


# Labels spelled in a pointer: the standard's own (C2PA, CAWG, schema.org via stds.), with a version and
# an instance suffix, ours, and a manifest's bare URN. A signer chooses every other label, and the tail
# of a manifest label, freely ("com.jane.doe", "c2pa.4915123456789"): those are named by position.
_PLAIN_LABEL = re.compile(
    r"(?:c2pa\.(?:actions|ingredient|metadata|soft-binding|cloud-data|asset-ref|asset-type|embedded-data"
    r"|icon|time-stamp|certificate-status|training-mining|depthmap\.GDepth"
    r"|hash\.(?:data|boxes|bmff|collection\.data)|thumbnail\.(?:claim|ingredient)\.[a-z0-9]{2,5})"
    r"|cawg\.(?:identity|metadata|training-mining|ica)"
    r"|stds\.(?:schema-org\.(?:CreativeWork|ClaimReview)|iptc(?:\.photo-metadata)?|exif|metadata)"
    rf"|{re.escape(GENERATION_LABEL)})(?:\.v\d{{1,2}})?(?:__\d{{1,4}})?"
    r"|urn:(?:c2pa|uuid):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)


def _label_token(label: str, position: int) -> str:
    """A label as a pointer token when it is one of the standard's, else `*N` (N its position)."""
    if _PLAIN_LABEL.fullmatch(label):
        return escape_token(label)
    return f"{HIDDEN_KEY}{position}"
