"""Remediations the policy can ask for: strip identifiers losslessly, attach or renew a C2PA manifest."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from gate.core.checks.base import CheckContext
from gate.core.checks.parameters import PARAMETERS_POINTER
from gate.core.declared import names_no_one, repeatable, signable
from gate.core.policy import DecidedReason, Policy, Remediation
from gate.errors import GateError, ImageUndecodable
from gate.imaging import strip_identifiers
from gate.imaging.jpeg import JpegLayout
from gate.imaging.jpeg import walk as walk_jpeg
from gate.imaging.strip import without_manifest
from gate.model import Finding
from gate.provenance import (
    METADATA_EDITED,
    EditAction,
    GenerationClaim,
    PreparedSigner,
    attach_manifest,
    reads_back,
)
from gate.provenance.claim_fields import (
    claim_form_problem,
    model_field_form,
    parameter_value_form,
    training_source_form,
)
from gate.scanning.context import NOT_NUMERIC, key_info
from gate.scanning.detectors.phone import international_without_plus

# Location, device ids, and fields the gate reads past without judging them (publish only what was read).
STRIPPED_KINDS = frozenset({"location", "device_id", "unread"})


class RemediationFailed(GateError):
    """A remediation the policy asked for could not be applied; the event must not be approved."""


def available_remediations(ctx: CheckContext, signer: PreparedSigner | None) -> frozenset[Remediation]:
    """What this gate can do for this image: signing needs a signer, and so does stripping a signed image."""
    can: set[Remediation] = set()
    if signer is not None:
        can.update((Remediation.ATTACH_MANIFEST, Remediation.STRIP_METADATA))
    elif not _has_manifest(ctx):
        can.add(Remediation.STRIP_METADATA)  # nothing to re-sign, so stripping needs no key
    return frozenset(can)


def release_remediations(decided: Sequence[DecidedReason], ctx: CheckContext) -> frozenset[Remediation]:
    """What a reviewer's approval applies before the image is published, whatever the policy's verdict was:
    every remediation the rules named for the reasons found (a person accepts a risk, not unstripped
    location data), and a manifest for a synthetic image that carries none (the AI marking is not a risk a
    person may accept)."""
    wanted = {item.remediation for item in decided if item.remediation is not None}
    if ctx.synthetic and ctx.provenance is None:
        # The manifest check did not finish (it failed or timed out): signing over a manifest it did not
        # see could publish two claims. Fail closed.
        raise RemediationFailed("the manifest check did not complete, so the gate cannot tell what to sign")
    if ctx.synthetic and not _has_manifest(ctx):
        wanted.add(Remediation.ATTACH_MANIFEST)
    return frozenset(wanted)


def apply_remediations(
    remediations: Sequence[Remediation], ctx: CheckContext, policy: Policy, signer: PreparedSigner | None
) -> tuple[bytes, tuple[str, ...]]:
    """Apply `remediations` in order; return the bytes to publish and the actions taken."""
    data = ctx.data
    actions: list[str] = []
    stripped = False
    if Remediation.STRIP_METADATA in remediations:
        if ctx.probe is None:
            raise RemediationFailed("cannot strip metadata of an image that was not probed")
        new = strip_identifiers(data, ctx.probe, STRIPPED_KINDS)
        if new is not data:
            data, stripped = new, True
            actions.append("metadata.stripped")
    had_manifest = _has_manifest(ctx)
    if stripped and had_manifest:
        # The old manifest's hash binding no longer matches: sign anew with the original as parentOf.
        data = _sign(ctx, without_manifest(data), policy, signer, parent=ctx.data, stripped=True)
        actions.append("manifest.renewed")
    if Remediation.ATTACH_MANIFEST in remediations and not had_manifest:
        if not ctx.synthetic:
            raise RemediationFailed("attach_manifest claims AI generation; the event does not declare it")
        data = _sign(ctx, data, policy, signer, parent=None, stripped=stripped)
        actions.append("manifest.attached")
    return data, tuple(actions)


def minimise_parameters(
    parameters: Any, allowed: frozenset[str], findings: Sequence[Finding]
) -> dict[str, Any]:
    """The generation parameters that may enter a manifest: allowed top-level keys with no finding in them,
    whose value c2pa's renderings will give back exactly (`reads_back`), so the gate can re-check it."""
    if not isinstance(parameters, Mapping):
        return {}
    flagged = {_top_key(finding.path) for finding in findings}
    return {
        key: value
        for key, value in parameters.items()
        if key in allowed and key not in flagged and _fits_manifest(key, value)
    }


# (key, value) pairs found fit for a manifest, by key, type and value (a float by its repr, so 0.0 and
# -0.0 are two): the same few pairs (a sampler, a step count, a size) come with almost every event, and
# `_fits_manifest` costs 15-20 us for a handful of them. As `_SIGNABLE_SEEN`: only fit pairs are kept, the
# answer depends on nothing but the pair, and the set is bounded.
_FIT_SEEN: set[tuple[str, type, str | int]] = set()
_FIT_SEEN_MAX = 4096


def _fits_manifest(key: Any, value: Any) -> bool:
    """Whether one generation parameter may enter a manifest as it is (whatever the policy allows and the
    scan found): a known form, clean read as free text, no phone number under a key that does not say
    "a number", and read back exactly."""
    memo: tuple[str, type, str | int] | None = None
    kind = type(value)
    if type(key) is str and (kind is str or kind is int or kind is float):
        memo = (key, kind, repr(value) if kind is float else value)
        if memo in _FIT_SEEN:
            return True
    fit = (
        parameter_value_form(value)
        and names_no_one(key, value)
        and signable(value)
        and not _phone_number_under(key, value)
        and reads_back({key: value})
    )
    if fit and memo is not None and len(_FIT_SEEN) < _FIT_SEEN_MAX:
        _FIT_SEEN.add(memo)
    return fit


def _phone_number_under(key: Any, value: Any) -> bool:
    """A number that is a valid international phone number with "+" before it (447911123456), under a
    key that does not say "a number" (a seed, steps, a size): under `sampler` or `scheduler` it is a
    phone number, and a manifest is published. (Under `seed` it is a seed: the key says so.)"""
    return (
        isinstance(key, str) and not key_info(key).flags & NOT_NUMERIC and international_without_plus(value)
    )


def _top_key(pointer: str) -> str:
    first = pointer.split("/", 2)[1] if pointer.startswith("/") else pointer
    return first.replace("~1", "/").replace("~0", "~")


def _has_manifest(ctx: CheckContext) -> bool:
    return ctx.provenance is not None and ctx.provenance.state != "absent"


def _sign(
    ctx: CheckContext,
    data: bytes,
    policy: Policy,
    signer: PreparedSigner | None,
    *,
    parent: bytes | None,
    stripped: bool,
) -> bytes:
    if signer is None or ctx.probe is None:
        raise RemediationFailed("signing was required but no signer is configured")
    edits = (EditAction(METADATA_EDITED, {"org.gate.removed": sorted(STRIPPED_KINDS)}),) if stripped else ()
    claim = _claim(ctx, policy, edits)
    assertion = None
    if claim.is_synthetic is not None:
        # The last look before signing: every field in a known form (`_claim` drops the others). The
        # assertion looked at is the one signed: built and shape-checked once.
        assertion = claim.assertion_data()
        problem = claim_form_problem(assertion)
        if problem is not None:
            raise RemediationFailed(f"generation assertion: {problem}; the gate signs only known forms")
    # The bytes signed are a deterministic function of the input, whose hash the integrity check has.
    identity = bytes.fromhex(ctx.sha256) + (b"renew" if parent is not None else b"") if ctx.sha256 else None
    # Unchanged bytes are the ones the integrity check hashed: signing reuses that digest (stripped bytes are
    # hashed again inside attach_manifest).
    digest = bytes.fromhex(ctx.sha256) if ctx.sha256 and data is ctx.data else None
    signed = attach_manifest(
        data,
        ctx.probe.media_type,
        signer,
        claim,
        parent=parent,
        identity=identity,
        digest=digest,
        assertion=assertion,
    )
    _check_pictures(ctx, signed)
    return signed


def _check_pictures(ctx: CheckContext, signed: bytes) -> None:
    """Refuse a signed multi-picture JPEG whose MPF index no longer matches where its pictures are.

    The manifest goes in before the index (see `manifest_slot`), so offsets stay right; c2pa's own
    insertion, used when an old manifest is replaced, may put it after the index instead.
    """
    layout = ctx.probe.layout_for(ctx.data) if ctx.probe is not None else None
    if not isinstance(layout, JpegLayout) or len(layout.images) < 2:
        return
    try:
        walked = walk_jpeg(signed)
    except ImageUndecodable as exc:
        raise RemediationFailed("signing moved the pictures of a multi-picture JPEG") from exc
    if len(walked.images) != len(layout.images):
        raise RemediationFailed("signing lost pictures of a multi-picture JPEG")


def _claim(ctx: CheckContext, policy: Policy, edits: tuple[EditAction, ...]) -> GenerationClaim:
    """What the manifest will say: declared fields only where the scanner found nothing in them."""
    generation = ctx.generation
    if generation is not None and ctx.generation_findings is None:
        # The declaration was not (fully) scanned, e.g. it hit the scan limits: nothing of it may be signed.
        raise RemediationFailed("the declared generation was not scanned; it cannot enter a manifest")
    findings = ctx.generation_findings or ()
    flagged = {finding.path for finding in findings}

    def declared(field: str, value: str | None) -> str:
        if value is None:
            return "undeclared"
        if not model_field_form(value) or not repeatable(value, f"/generation/model/{field}", flagged):
            return "withheld"
        return value

    model = generation.model if generation else None
    sources = generation.training_data_sources if generation else ()
    parameter_findings = [
        Finding(f.entity, f.path.removeprefix(PARAMETERS_POINTER), f.detector)
        for f in findings
        if f.path.startswith(PARAMETERS_POINTER + "/")
    ]
    return GenerationClaim(
        model_name=declared("name", model.name if model else None),
        model_version=declared("version", model.version if model else None),
        provider=declared("provider", model.provider if model else None),
        training_data_sources=tuple(
            source
            for index, source in enumerate(sources)
            if training_source_form(source)
            and repeatable(source, f"/generation/training_data_sources/{index}", flagged)
        ),
        parameters=minimise_parameters(
            generation.parameters if generation else None, policy.allowed_parameter_keys, parameter_findings
        ),
        actions_extra=edits,
        # A real photograph re-signed after stripping makes no AI claim at all.
        is_synthetic=True if ctx.synthetic else None,
        policy_version=policy.ref.version,
    )
