"""Read and verify an image's C2PA manifest into a ProvenanceReport. Offline, and total on bad input.

States:
  absent      no manifest at all
  trusted     intact and signed by a certificate that chains to our trust anchors
  untrusted   intact, but the signer is not ours (c2pa: "Valid" + signingCredential.untrusted)
  invalid     tampered: a hash or signature no longer matches (c2pa: "Invalid")
  unreadable  a manifest store that cannot be parsed, a remote-only manifest, or an unsupported format
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

import c2pa

from gate.errors import ProvenanceError
from gate.provenance._sdk import OFFLINE_SETTINGS, error_kind, make_context, settings_for
from gate.provenance.credentials import TrustAnchors
from gate.provenance.manifest import IPTC, check_generation_assertion, is_generation_label

State = Literal["absent", "trusted", "untrusted", "invalid", "unreadable"]

# c2pa validation_state -> our state.
_STATES: Final[Mapping[str, State]] = {"Trusted": "trusted", "Valid": "untrusted", "Invalid": "invalid"}

# c2pa error kind -> (state, status code). Spec codes where one fits; "gate.c2pa.*" names the SDK's refusal.
# Kinds not listed here (pointer misuse, missing files) are bugs, not verdicts: they raise ProvenanceError.
_READ_ERRORS: Final[Mapping[str, tuple[State, str]]] = {
    "NotSupported": ("unreadable", "gate.c2pa.notSupported"),
    "Other": ("unreadable", "gate.c2pa.unparseable"),
    "Decoding": ("unreadable", "gate.c2pa.decoding"),
    "Encoding": ("unreadable", "gate.c2pa.encoding"),
    "Verify": ("unreadable", "gate.c2pa.verify"),
    "Io": ("unreadable", "gate.c2pa.io"),
    "Json": ("unreadable", "gate.c2pa.json"),
    "Manifest": ("unreadable", "gate.c2pa.manifest"),
    "Assertion": ("unreadable", "gate.c2pa.assertion"),
    "AssertionNotFound": ("unreadable", "gate.c2pa.assertionNotFound"),
    "Remote": ("unreadable", "manifest.inaccessible"),
    "RemoteManifest": ("unreadable", "manifest.inaccessible"),
    "Signature": ("invalid", "claimSignature.mismatch"),
}

# IPTC digital source types that mean "made by AI" for Art. 50; algorithmicMedia (no training) is included
# because the transparency duty covers synthetic content generally.
AI_SOURCE_TYPES: Final = frozenset(
    {
        "trainedAlgorithmicMedia",
        "compositeWithTrainedAlgorithmicMedia",
        "algorithmicMedia",
        "compositeSynthetic",
    }
)
_ACTIONS_LABEL: Final = re.compile(r"c2pa\.actions(\.v\d+)?(__\d+)?")
_MAX_CHAIN: Final = 16  # parents followed when the active manifest itself names no source type
UNTRUSTED_CODE: Final = "signingCredential.untrusted"
GENERATION_INVALID_CODE: Final = "gate.generationAssertion.invalid"


@dataclass(frozen=True, slots=True)
class ProvenanceReport:
    """What the manifest says and whether to believe it. Holds no image content and no personal data."""

    state: State
    status_codes: tuple[str, ...] = ()
    digital_source_type: str | None = None
    is_ai_generated: bool = False
    claim_generator: str | None = None
    signer_issuer: str | None = None
    generator_assertion: Mapping[str, Any] | None = None
    active_label: str | None = None


@dataclass(frozen=True, slots=True)
class Verifier:
    """A reusable, thread-safe verification Context: offline, trusting exactly `anchors` (or nobody)."""

    context: c2pa.Context

    @classmethod
    def create(cls, anchors: TrustAnchors | None) -> Verifier:
        """Build the Context once; without anchors every intact manifest reports "untrusted"."""
        trust = {"trust": {"trust_anchors": anchors.pem}} if anchors is not None else {}
        return cls(make_context(settings_for(OFFLINE_SETTINGS, trust), purpose="verification"))


def verify_manifest(data: bytes, media_type: str, verifier: Verifier) -> ProvenanceReport:
    """Verify the embedded manifest of `data`.

    Bad input always yields a report; only an SDK failure that is no verdict raises ProvenanceError.
    """
    try:
        reader = c2pa.Reader.try_create(media_type, io.BytesIO(data), None, verifier.context)
        if reader is None:
            return ProvenanceReport(state="absent")
        with reader:
            store = json.loads(reader.json())
            generation = _generation_assertion(reader, store)
    except c2pa.C2paError as exc:
        kind = error_kind(exc)
        if kind not in _READ_ERRORS:
            raise ProvenanceError(f"reading the C2PA manifest failed ({kind})") from None
        state, code = _READ_ERRORS[kind]
        return ProvenanceReport(state=state, status_codes=(code,))
    return _report(store, generation)


def _report(store: Mapping[str, Any], generation: object) -> ProvenanceReport:
    manifests = store.get("manifests") or {}
    label = store.get("active_manifest")
    active = manifests.get(label) if isinstance(label, str) else None
    codes = _failure_codes(store.get("validation_results") or {})
    state = _STATES.get(store.get("validation_state") or "")
    if state is None or not isinstance(active, Mapping):
        return ProvenanceReport(state="unreadable", status_codes=(*codes, "gate.c2pa.noActiveManifest"))
    if state == "untrusted" and UNTRUSTED_CODE not in codes:
        codes = (*codes, UNTRUSTED_CODE)  # e.g. no anchors configured: intact, but nobody vouches for it
    source_type = _chain_source_type(active, manifests)
    if generation is _MALFORMED:
        codes, generation = (*codes, GENERATION_INVALID_CODE), None
    return ProvenanceReport(
        state=state,
        status_codes=codes,
        digital_source_type=source_type,
        is_ai_generated=source_type is not None and _is_ai(source_type),
        claim_generator=_claim_generator(active),
        signer_issuer=_issuer(active),
        generator_assertion=generation if isinstance(generation, Mapping) else None,
        active_label=label,
    )


def _failure_codes(results: Mapping[str, Any]) -> tuple[str, ...]:
    found: list[str] = []
    sections = [results.get("activeManifest") or {}]
    sections += [d.get("validationDeltas") or {} for d in results.get("ingredientDeltas") or []]
    for section in sections:
        for entry in section.get("failure") or []:
            code = entry.get("code")
            if isinstance(code, str) and code not in found:
                found.append(code)
    return tuple(found)


def _source_type(manifest: Mapping[str, Any]) -> str | None:
    for assertion in manifest.get("assertions") or []:
        if not _ACTIONS_LABEL.fullmatch(str(assertion.get("label", ""))):
            continue
        for action in (assertion.get("data") or {}).get("actions") or []:
            value = action.get("digitalSourceType")
            if isinstance(value, str) and value:
                return value
    return None


def _chain_source_type(active: Mapping[str, Any], manifests: Mapping[str, Any]) -> str | None:
    """The active manifest's source type, else the nearest parentOf ancestor's (bounded walk)."""
    manifest: Mapping[str, Any] | None = active
    for _ in range(_MAX_CHAIN):
        if manifest is None:
            return None
        found = _source_type(manifest)
        if found is not None:
            return found
        parents = [i for i in manifest.get("ingredients") or [] if i.get("relationship") == "parentOf"]
        next_label = parents[0].get("active_manifest") if parents else None
        manifest = manifests.get(next_label) if isinstance(next_label, str) else None
    return None


def _is_ai(source_type: str) -> bool:
    # Accept the https spelling too; the term is what matters.
    for prefix in (IPTC, IPTC.replace("http://", "https://", 1)):
        if source_type.startswith(prefix):
            return source_type.removeprefix(prefix) in AI_SOURCE_TYPES
    return False


_MALFORMED: Final = object()


def _generation_assertion(reader: c2pa.Reader, store: Mapping[str, Any]) -> object:
    """Our assertion from the active manifest: its data, None if absent, or _MALFORMED.

    Read from crJSON, not reader.json(): in c2pa-rs 0.91.3 the legacy JSON report renders an array of
    integers as base64 bytes truncated mod 256 ([1024, 1024] -> "AAA="), although the stored CBOR is right
    (contentauth/c2pa-rs#2570, fix pending in #2611). crJSON decodes the CBOR directly.
    """
    label = store.get("active_manifest")
    active = (store.get("manifests") or {}).get(label) or {}
    if not any(is_generation_label(str(a.get("label", ""))) for a in active.get("assertions") or []):
        return None  # the common case for foreign files: skip the second rendering
    for manifest in json.loads(reader.crjson()).get("manifests") or []:
        if manifest.get("label") != label:
            continue
        for key, data in (manifest.get("assertions") or {}).items():
            if is_generation_label(key):
                try:
                    check_generation_assertion(data)
                except ProvenanceError:
                    return _MALFORMED
                return data
    return _MALFORMED  # listed in the report but not found in crJSON: do not trust either rendering


def _claim_generator(active: Mapping[str, Any]) -> str | None:
    infos = active.get("claim_generator_info") or []
    if infos and isinstance(infos[0], Mapping) and isinstance(infos[0].get("name"), str):
        version = infos[0].get("version")
        return f"{infos[0]['name']}/{version}" if isinstance(version, str) else infos[0]["name"]
    legacy = active.get("claim_generator")  # claims v1
    return legacy if isinstance(legacy, str) else None


def _issuer(active: Mapping[str, Any]) -> str | None:
    # Only the issuing CA's organisation: the signer's common name can be a person's name.
    issuer = (active.get("signature_info") or {}).get("issuer")
    return issuer if isinstance(issuer, str) else None
