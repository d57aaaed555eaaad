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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal

import c2pa

from gate.errors import ProvenanceError
from gate.provenance._sdk import OFFLINE_SETTINGS, error_kind, make_context, settings_for
from gate.provenance.credentials import TrustAnchors
from gate.provenance.jsonld import canonical_keys
from gate.provenance.manifest import IPTC, check_generation_assertion, is_generation_label
from gate.provenance.rendering import repaired, suspect_paths
from gate.provenance.status import EXPIRED_CODES, by_decisiveness, is_identity, is_trust_only
from gate.provenance.trust import TrustConfig, as_trust_config

State = Literal["absent", "trusted", "untrusted", "invalid", "unreadable"]

# c2pa validation_state -> our state.
_STATES: Final[Mapping[str, State]] = {"Trusted": "trusted", "Valid": "untrusted", "Invalid": "invalid"}

# c2pa error kind -> (state, status code). Spec codes where one fits; "gate.c2pa.*" names the SDK's refusal.
# A manifest that lives only at a URL (remote, "cloud" manifest): the gate never fetches it (see _sdk).
REMOTE_ONLY_CODE: Final = "manifest.inaccessible"
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
    "Remote": ("unreadable", REMOTE_ONLY_CODE),
    "RemoteManifest": ("unreadable", REMOTE_ONLY_CODE),
    "Signature": ("invalid", "claimSignature.mismatch"),
}

# Digital source types that mean "made by AI" for Art. 50, most AI first: when a manifest chain names several,
# ProvenanceReport.digital_source_type reports the earliest of these. Whole images outrank composites with
# generated parts, and trained models outrank plain algorithms. algorithmicMedia and compositeSynthetic
# count because the transparency duty covers synthetic content generally; algorithmicallyEnhanced (minor
# corrections) and dataDrivenMedia (visualised data) do not. The last entry is C2PA's own term for
# non-media model output.
C2PA_SOURCE_TYPES: Final = "http://c2pa.org/digitalsourcetype/"
AI_SOURCE_TYPE_PREFERENCE: Final = (
    IPTC + "trainedAlgorithmicMedia",
    IPTC + "compositeWithTrainedAlgorithmicMedia",
    IPTC + "algorithmicMedia",
    IPTC + "compositeSynthetic",
    C2PA_SOURCE_TYPES + "trainedAlgorithmicData",
)
AI_SOURCE_TYPES: Final = frozenset(AI_SOURCE_TYPE_PREFERENCE)
_AI_RANK: Final = {uri: rank for rank, uri in enumerate(AI_SOURCE_TYPE_PREFERENCE)}
_NOT_AI: Final = len(AI_SOURCE_TYPE_PREFERENCE)
_IPTC_HTTPS: Final = IPTC.replace("http://", "https://", 1)

_ACTIONS_LABEL: Final = re.compile(r"c2pa\.actions(\.v\d+)?(__\d+)?")  # v1 and v2, any instance
# Ingredients whose content ends up in the image. inputTo (e.g. a reference image fed to a model) does not.
_FOLLOWED_RELATIONSHIPS: Final = frozenset({"parentOf", "componentOf"})
_DEFAULT_RELATIONSHIP: Final = "componentOf"  # the C2PA default when an ingredient names none
_MAX_DEPTH: Final = 16  # ingredient generations followed below the active manifest
UNTRUSTED_CODE: Final = "signingCredential.untrusted"
TRUSTED_CODE: Final = "signingCredential.trusted"
_SIGNATURE_VALID: Final = frozenset({"claimSignature.validated", "claimSignature.insideValidity"})
GENERATION_INVALID_CODE: Final = "gate.generationAssertion.invalid"


@dataclass(frozen=True, slots=True)
class ProvenanceReport:
    """What the manifest says and whether to believe it. Holds no image content and no personal data.

    `is_ai_generated` is True when any action in the active manifest, or in the manifest of any parentOf or
    componentOf ingredient below it, names an AI source type (AI_SOURCE_TYPES): a generative edit of a real
    photo counts. `digital_source_type` is then the most AI one found (AI_SOURCE_TYPE_PREFERENCE order);
    otherwise it is the first source type found, the active manifest's own before its ingredients'.
    """

    state: State
    # Every failure code c2pa-rs reported (active manifest, then ingredients), the one that decides `state`
    # first by the C2PA validation rules (see `status.by_decisiveness`), not in c2pa's logging order.
    status_codes: tuple[str, ...] = ()
    digital_source_type: str | None = None
    is_ai_generated: bool = False
    claim_generator: str | None = None
    signer_issuer: str | None = None
    generator_assertion: Mapping[str, Any] | None = None
    active_label: str | None = None
    # Our assertion in the store's other manifests (ingredients'), by manifest label: they are published
    # with the image too, so they are scanned too.
    other_generation_assertions: tuple[tuple[str, Mapping[str, Any]], ...] = ()
    # Every other assertion c2pa-rs reports, of every manifest in the store, as (manifest label, its
    # position in that manifest's assertions, assertion label, data): actions with their parameters,
    # schema.org and CAWG identity assertions, EXIF, anything a generator added. The marking is published
    # with all of them. (c2pa-rs leaves hash bindings and thumbnails out of its report.)
    other_assertions: tuple[tuple[str, int, str, Any], ...] = ()
    # Every resource the store embeds and its JSON names by reference (a manifest's and an ingredient's
    # thumbnail, a generator's icon, an ingredient's data), as (its declared format, its bytes): files of
    # their own, published inside the manifest. ("", b"") for one c2pa-rs could not hand back.
    resources: tuple[tuple[str, bytes], ...] = ()

    @property
    def identity_code(self) -> str | None:
        """The first CAWG identity-assertion failure (`cawg.*`), if an identity could not be verified."""
        return next((code for code in self.status_codes if is_identity(code)), None)

    @property
    def cause(self) -> str | None:
        """The status code that decides the state: the first (None without failures; a trusted manifest can
        only carry identity codes, which `identity_code` reports)."""
        return self.status_codes[0] if self.status_codes else None


@dataclass(frozen=True, slots=True)
class Verifier:
    """A reusable, thread-safe verification Context: offline, trusting what `trust` says (or nobody)."""

    context: c2pa.Context

    @classmethod
    def create(cls, trust: TrustConfig | TrustAnchors | None) -> Verifier:
        """Build the Context once. Bare anchors are trusted exactly (replace mode, default EKUs); without
        any, every intact manifest reports "untrusted"."""
        settings = as_trust_config(trust).sdk_settings()
        return cls(make_context(settings_for(OFFLINE_SETTINGS, settings), purpose="verification"))


def verify_manifest(
    data: bytes, media_type: str, verifier: Verifier, *, sidecar: bytes | None = None
) -> ProvenanceReport:
    """Verify the embedded manifest of `data`, or `data` against an external manifest store (`sidecar`,
    the bytes of a `.c2pa` file; see `gate.provenance.sidecar`).

    Bad input always yields a report; only an SDK failure that is no verdict raises ProvenanceError.
    """
    try:
        reader = c2pa.Reader.try_create(media_type, io.BytesIO(data), sidecar, verifier.context)
        if reader is None:
            return ProvenanceReport(state="absent")
        with reader:
            text = reader.json()
            store = json.loads(text)
            generations = _generation_assertions(reader, store)
            resources = _resources(reader, store) if may_name_resources(text) else ()
    except c2pa.C2paError as exc:
        kind = error_kind(exc)
        if kind not in _READ_ERRORS:
            raise ProvenanceError(f"reading the C2PA manifest failed ({kind})") from None
        state, code = _READ_ERRORS[kind]
        return ProvenanceReport(state=state, status_codes=(code,))
    return _report(store, generations, resources)


# Bounds on the walk for resource references (a store is at most the image's size, already bounded).
_MAX_NODES: Final = 100_000
_MAX_RESOURCES: Final = 64


_RESOURCE_PREFIX: Final = "self#jumbf="
_IDENTIFIER_KEY: Final = '"identifier"'


def may_name_resources(report: str) -> bool:
    """False only when the report's JSON text cannot name a resource, so `_resources` would walk it all
    and find none: no object has an `identifier` key (unless spelled through a \\u escape, which JSON
    allows for any character), and the text is too short to hold more nodes than the walk's bound (each
    node takes a character at least), past which the walk reports what it did not look at. (`self#jumbf=`
    itself is no sign: every report's validation results give such URLs.) Signed images without
    thumbnails or icons (the gate's own among them) then skip the walk over every node of the store."""
    return len(report) >= _MAX_NODES or _IDENTIFIER_KEY in report or "\\u" in report


def _resources(reader: c2pa.Reader, store: Mapping[str, Any]) -> tuple[tuple[str, bytes], ...]:
    """Every in-store resource the manifests name (an object with a `format` and a `self#jumbf=`
    `identifier`), once each, with its bytes: c2pa-rs reports where they are, not what they hold. Past
    the walk's bounds, one ("", b"") stands for what was not looked at."""
    found: dict[str, tuple[str, bytes]] = {}
    pending: list[object] = [store.get("manifests")]
    nodes = 0
    while pending and nodes < _MAX_NODES and len(found) <= _MAX_RESOURCES:
        node = pending.pop()
        nodes += 1
        if isinstance(node, list):
            pending.extend(node)
        elif isinstance(node, dict):
            identifier, fmt = node.get("identifier"), node.get("format")
            if (
                isinstance(identifier, str)
                and isinstance(fmt, str)
                and identifier.startswith(_RESOURCE_PREFIX)
                and identifier not in found
            ):
                found[identifier] = (fmt, _resource(reader, identifier))
            pending.extend(node.values())
    # In identifier order, not the walk's (which follows c2pa-rs's order of keys): /manifest/resource/N
    # names the same resource in every process.
    resources = [found[identifier] for identifier in sorted(found)]
    return (*resources, ("", b"")) if pending else tuple(resources)


def _resource(reader: c2pa.Reader, identifier: str) -> bytes:
    out = io.BytesIO()
    try:
        reader.resource_to_stream(identifier, out)
    except c2pa.C2paError:
        return b""  # named but not handed back: read by nobody here, so not vouched for
    return out.getvalue()


def _report(
    store: Mapping[str, Any], generations: Mapping[str, object], resources: tuple[tuple[str, bytes], ...] = ()
) -> ProvenanceReport:
    manifests = store.get("manifests") or {}
    # c2pa-rs renders the store's map of manifests in an order of its own per process (a hash map): by
    # label, the ingredients' pointers (`*N`) and so a redo's decision record are the same every time.
    manifests = dict(sorted(manifests.items())) if isinstance(manifests, dict) else {}
    label = store.get("active_manifest")
    active = manifests.get(label) if isinstance(label, str) else None
    results = store.get("validation_results") or {}
    codes = _failure_codes(results)
    succeeded = frozenset(_codes((results.get("activeManifest") or {}).get("success")))
    state = _state(store.get("validation_state"), codes, succeeded)
    if state is None or not isinstance(label, str) or not isinstance(active, dict):
        return ProvenanceReport(state="unreadable", status_codes=(*codes, "gate.c2pa.noActiveManifest"))
    if state == "untrusted" and not codes:
        codes = (*codes, UNTRUSTED_CODE)  # e.g. no anchors configured: intact, but nobody vouches for it
    source_type = _most_ai(_chain_source_types(label, manifests))
    if any(found is _MALFORMED for found in generations.values()):
        codes = (*codes, GENERATION_INVALID_CODE)
    generation = generations.get(label)
    others = tuple(
        (other, found)
        for other, found in sorted(generations.items())
        if other != label and isinstance(found, dict)
    )
    return ProvenanceReport(
        state=state,
        status_codes=codes,
        digital_source_type=source_type,
        is_ai_generated=source_type is not None and _ai_rank(source_type) < _NOT_AI,
        claim_generator=_claim_generator(active),
        signer_issuer=_issuer(active),
        generator_assertion=generation if isinstance(generation, dict) else None,
        active_label=label,
        other_generation_assertions=others,
        other_assertions=_other_assertions(manifests),
        resources=resources,
    )


def _other_assertions(manifests: Mapping[str, Any]) -> tuple[tuple[str, int, str, Any], ...]:
    found = []
    for manifest_label, manifest in manifests.items():
        if not isinstance(manifest, dict):
            continue
        for position, assertion in enumerate(_mappings(manifest.get("assertions"))):
            label, data = str(assertion.get("label", "")), assertion.get("data")
            if is_generation_label(label):
                continue  # ours is read exactly and scanned on its own
            if data is not None:  # JSON-LD keys by their namespace, not the signer's prefix (`jsonld`)
                found.append((str(manifest_label), position, label, canonical_keys(data)))
        # Published with the store too, and chosen by its writer: the manifest's title (often a file
        # name: "jane.doe@example.com.jpg"), its claim generator, and every ingredient's text fields.
        described = _described(manifest)
        if described:
            position = len(_mappings(manifest.get("assertions")))
            found.append((str(manifest_label), position, _DESCRIBED_LABEL, described))
    return tuple(found)


# The pseudo-assertion `_described` fills (a label no writer uses, so its pointer token is "*N").
_DESCRIBED_LABEL: Final = "gate.manifest-fields"


def _described(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """A manifest's own text fields and its ingredients', as one JSON value to scan: its title, claim
    generator, instance id and label (the writer chooses all four, the label's tail too) and the labels
    of its assertions (pointers spell a label only when it is the standard's; its text is scanned here)."""
    fields: dict[str, Any] = {
        key: manifest[key]
        for key in ("title", "claim_generator", "instance_id", "label")
        if isinstance(manifest.get(key), str)
    }
    labels = [a["label"] for a in _mappings(manifest.get("assertions")) if isinstance(a.get("label"), str)]
    if labels:
        fields["assertion_labels"] = labels
    for key in ("claim_generator_info", "ingredients"):
        texts = [_strings(item) for item in _mappings(manifest.get(key))]
        if any(texts):
            fields[key] = texts
    return fields


# Fields of an ingredient that c2pa-rs fills with its own findings or with references into the store,
# not the writer's words: left out of the scan (the assertions they point to are reported on their own).
_TECHNICAL_FIELDS: Final = frozenset(
    {"validation_status", "validation_results", "thumbnail", "data", "manifest_data", "hash"}
)


def _strings(item: Mapping[str, Any]) -> dict[str, Any]:
    """An ingredient's or generator's fields: every string, and every nested value (an ingredient's
    `metadata`, a generator's own objects), which its writer chose as freely."""
    return {
        key: value
        for key, value in item.items()
        if isinstance(value, str) or (isinstance(value, (dict, list)) and key not in _TECHNICAL_FIELDS)
    }


def _failure_codes(results: Mapping[str, Any]) -> tuple[str, ...]:
    """Every failure code, the one that decides the state first (see `status`)."""
    active = _codes((results.get("activeManifest") or {}).get("failure"))
    ingredients = [
        code
        for delta in _mappings(results.get("ingredientDeltas"))
        for code in _codes((delta.get("validationDeltas") or {}).get("failure"))
    ]
    return by_decisiveness(active, ingredients)


def _codes(entries: object) -> list[str]:
    return [e["code"] for e in _mappings(entries) if isinstance(e.get("code"), str)]


def _state(validation_state: object, codes: tuple[str, ...], succeeded: frozenset[str]) -> State | None:
    """c2pa's state, corrected where c2pa-rs 0.91 is stricter than the C2PA rules:

    - an intact manifest whose signer has merely expired (and no trusted time-stamp proves it signed in
      time) is untrusted, not tampered: nothing in it was changed;
    - a CAWG identity assertion that cannot be verified (its credential unknown, unresolvable offline, or
      its own signature broken) says nothing about the C2PA manifest around it (c2pa-rs#1922 and later
      c2pa-rs tolerate these codes): the manifest keeps its own state, and the identity is reported apart.
    """
    state = _STATES.get(validation_state) if isinstance(validation_state, str) else None
    if state != "invalid" or not codes:
        return state
    deciding = [code for code in codes if not is_trust_only(code)]
    if deciding and all(code in EXPIRED_CODES for code in deciding):
        return "untrusted"
    if not deciding and succeeded >= _SIGNATURE_VALID:
        trusted = TRUSTED_CODE in succeeded and not any(not is_identity(code) for code in codes)
        return "trusted" if trusted else "untrusted"
    return state


def _chain_source_types(label: str, manifests: Mapping[str, Any]) -> list[str]:
    """Every digitalSourceType in the chain, breadth-first: the active manifest's, then its ingredients'.

    Follows parentOf and componentOf ingredients to _MAX_DEPTH generations, visiting each manifest once.
    An ingredient whose manifest failed validation still counts: an AI claim is never ignored.
    """
    found: list[str] = []
    seen = {label}
    level = [manifests[label]]
    for _ in range(_MAX_DEPTH + 1):  # the active manifest, then up to _MAX_DEPTH generations below it
        below: list[Mapping[str, Any]] = []
        for manifest in level:
            found.extend(_action_source_types(manifest))
            for ingredient in _mappings(manifest.get("ingredients")):
                relationship = ingredient.get("relationship", _DEFAULT_RELATIONSHIP)
                child_label = ingredient.get("active_manifest")
                if relationship not in _FOLLOWED_RELATIONSHIPS or not isinstance(child_label, str):
                    continue
                child = manifests.get(child_label)
                if isinstance(child, dict) and child_label not in seen:
                    seen.add(child_label)
                    below.append(child)
        level = below
    return found


def _action_source_types(manifest: Mapping[str, Any]) -> list[str]:
    """The source types named by every action (and action template) in every actions assertion."""
    found: list[str] = []
    for assertion in _mappings(manifest.get("assertions")):
        data = assertion.get("data")
        if not _ACTIONS_LABEL.fullmatch(str(assertion.get("label", ""))) or not isinstance(data, dict):
            continue
        # A template's source type applies to the actions it describes, so it is a claim like any other.
        for entry in (*_mappings(data.get("actions")), *_mappings(data.get("templates"))):
            value = entry.get("digitalSourceType")
            if isinstance(value, str) and value:
                found.append(value)
    return found


def _mappings(value: object) -> list[Mapping[str, Any]]:
    # The store is parsed JSON: its objects are dicts (isinstance against Mapping, an ABC, costs several
    # times as much, and this runs for every object of every manifest).
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _most_ai(source_types: list[str]) -> str | None:
    """The most AI source type found (AI_SOURCE_TYPE_PREFERENCE); without one, the nearest, as written."""
    return min(source_types, key=_ai_rank, default=None)  # min keeps the first of equal ranks


def _ai_rank(source_type: str) -> int:
    # Accept the https spelling too; the term is what matters.
    if source_type.startswith(_IPTC_HTTPS):
        source_type = IPTC + source_type.removeprefix(_IPTC_HTTPS)
    return _AI_RANK.get(source_type, _NOT_AI)


_MALFORMED: Final = object()


def _generation_assertions(reader: c2pa.Reader, store: Mapping[str, Any]) -> dict[str, object]:
    """Our assertion in every manifest of the store, by manifest label, exactly as signed: its data, or
    _MALFORMED (not our shape, more than one, or not recoverable exactly from c2pa's renderings; see
    `rendering`). Manifests without one are left out.

    crJSON, a second rendering of the whole store (0.1-0.2 ms), is asked at most once, and only when a
    report copy holds a string that may be a mangled number array.
    """
    rendered: list[dict[str, Any]] = []

    def crjson_manifests() -> dict[str, Any]:
        if not rendered:
            manifests = json.loads(reader.crjson()).get("manifests") or []
            rendered.append({str(m.get("label")): m for m in manifests if isinstance(m, dict)})
        return rendered[0]

    found: dict[str, object] = {}
    for label, manifest in (store.get("manifests") or {}).items():
        if isinstance(manifest, dict):
            generation = _generation_in(str(label), manifest, crjson_manifests)
            if generation is not None:
                found[str(label)] = generation
    return found


def _generation_in(label: str, manifest: Mapping[str, Any], crjson: Callable[[], dict[str, Any]]) -> object:
    assertions = [a for a in manifest.get("assertions") or [] if isinstance(a, dict)]
    found = [a for a in assertions if is_generation_label(str(a.get("label", "")))]
    if not found:
        return None  # the common case for foreign files
    if len(found) > 1:
        return _MALFORMED  # the gate writes one; which of several would be "ours" is anyone's guess
    assertion_label, data = str(found[0].get("label")), found[0].get("data")
    # Checked first: that bounds the depth of what is walked below. A mangling only shortens arrays of
    # numbers into strings, which cannot turn an assertion of the wrong shape into a right one.
    if _checked(data) is _MALFORMED:
        return _MALFORMED

    def exact() -> Any:
        return ((crjson().get(label) or {}).get("assertions") or {}).get(assertion_label)

    suspects = suspect_paths(data)
    if not suspects:
        return data  # already checked, and exactly as signed
    result = repaired(data, exact, suspects)
    return _MALFORMED if result is None else _checked(result)


def _checked(data: Any) -> object:
    try:
        check_generation_assertion(data)
    except ProvenanceError:
        return _MALFORMED
    return data


def _claim_generator(active: Mapping[str, Any]) -> str | None:
    infos = active.get("claim_generator_info") or []
    if infos and isinstance(infos[0], dict) and isinstance(infos[0].get("name"), str):
        version = infos[0].get("version")
        return f"{infos[0]['name']}/{version}" if isinstance(version, str) else infos[0]["name"]
    legacy = active.get("claim_generator")  # claims v1
    return legacy if isinstance(legacy, str) else None


def _issuer(active: Mapping[str, Any]) -> str | None:
    # Only the issuing CA's organisation: the signer's common name can be a person's name.
    issuer = (active.get("signature_info") or {}).get("issuer")
    return issuer if isinstance(issuer, str) else None
