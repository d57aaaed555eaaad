"""Sign a C2PA manifest into an image: new AI images get `c2pa.created`, changed ones keep their chain.

Offline by construction: no TSA URL, no OCSP, no remote fetches, thumbnails off (they cost 44-105 ms and
can quadruple a small file; a product image needs none).

Determinism: the manifest *label* and *instance id* are derived from the inputs (`with_stable_ids`), so a
retry of the same event names the same manifest. The signed *bytes* still differ on every call: c2pa-rs
puts a fresh random 16-byte salt into every assertion box (claim.rs, DefaultSalt, OS RNG, no setting),
and the claim hashes and the signature cover those salts. Deterministic ECDSA (RFC 6979 through
`Signer.from_callback`) would therefore buy nothing, and a callback signer reserves ~11 KB instead of ~2 KB
of signature space in every file, so the key is handed to c2pa-rs with `Signer.from_info`.
"""

from __future__ import annotations

import functools
import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from typing import Any, Final

import c2pa

from gate.errors import ConfigError, ProvenanceError
from gate.provenance import data_hashed
from gate.provenance._sdk import OFFLINE_SETTINGS, error_kind, make_context, settings_for
from gate.provenance.credentials import SignerConfig, TrustAnchors
from gate.provenance.manifest import (
    COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA,
    PARENT_INGREDIENT_KEY,
    TRAINED_ALGORITHMIC_MEDIA,
    GenerationClaim,
    manifest_definition,
    with_stable_ids,
)
from gate.provenance.trust import TrustConfig, as_trust_config
from gate.provenance.tsa import TimestampRelay, TimestampUnavailable, TsaOptions

_FALLBACK_VERSION: Final = "0.1.0"

_DST = c2pa.C2paDigitalSourceType
_SOURCE_TYPES: Final = {
    TRAINED_ALGORITHMIC_MEDIA: _DST.TRAINED_ALGORITHMIC_MEDIA,
    COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA: _DST.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA,
}


def gate_version() -> str:
    """The installed gate version, for claim_generator_info."""
    try:
        return metadata.version("gate")
    except metadata.PackageNotFoundError:  # running from a source tree
        return _FALLBACK_VERSION


@dataclass(frozen=True, slots=True)
class PreparedSigner:
    """A reusable c2pa Signer and signing Context (both thread-safe); build once per process.

    With `anchors`, the ingredient validation recorded inside a new manifest reflects real trust; without
    them every parent is recorded as untrusted (its own signature is still checked).
    """

    signer: c2pa.Signer
    context: c2pa.Context
    leaf_fingerprint: str
    claim_generator: tuple[tuple[str, str], ...]
    # With a TSA: the relay c2pa-rs asks for time-stamps, and (tsa.on_failure "sign_without") a signer
    # without one plus its offline context, used when the TSA gives none.
    relay: TimestampRelay | None = None
    unstamped: tuple[c2pa.Signer, c2pa.Context] | None = None

    @classmethod
    def create(
        cls,
        config: SignerConfig,
        anchors: TrustConfig | TrustAnchors | None = None,
        tsa: TsaOptions | None = None,
    ) -> PreparedSigner:
        """Hand the checked credential to c2pa-rs and build the signing Context; with `tsa`, every
        signature carries an RFC 3161 time-stamp from it (through a TimestampRelay)."""
        trust = as_trust_config(anchors)
        if not set(config.leaf_ekus) & set(trust.sdk_ekus):
            raise ConfigError(
                "the signer certificate's extended key usages are not among the allowed ones; add its "
                "purpose (dotted OID) to trust.allowed_ekus, or issue it for documentSigning or claimSigning"
            )
        settings = settings_for(
            OFFLINE_SETTINGS, {"builder": {"thumbnail": {"enabled": False}}}, trust.sdk_settings()
        )
        offline = make_context(settings, purpose="signing")
        generator = (("name", "gate"), ("version", gate_version()))
        if tsa is None:
            return cls(_signer(config, None), offline, config.leaf_fingerprint, generator)
        relay = TimestampRelay(tsa)
        # The one host c2pa-rs may reach while signing: the relay, which enforces tsa.allow_hosts itself.
        stamped = make_context(
            settings_for(settings, {"core": {"allowed_network_hosts": [relay.host]}}), purpose="signing"
        )
        unstamped = (_signer(config, None), offline) if tsa.on_failure == "sign_without" else None
        return cls(_signer(config, relay.url), stamped, config.leaf_fingerprint, generator, relay, unstamped)


def _signer(config: SignerConfig, tsa_url: str | None) -> c2pa.Signer:
    try:
        return c2pa.Signer.from_info(
            c2pa.C2paSignerInfo(
                config.alg.encode(), config.chain_pem, config.key_pem, tsa_url.encode() if tsa_url else None
            )
        )
    except c2pa.C2paError as exc:
        raise ProvenanceError(f"creating the C2PA signer failed ({error_kind(exc)})") from None


def attach_manifest(
    data: bytes,
    media_type: str,
    signer: PreparedSigner | SignerConfig,
    generation: GenerationClaim,
    *,
    parent: bytes | None = None,
    parent_media_type: str | None = None,
    identity: bytes | None = None,
    digest: bytes | None = None,
    assertion: Mapping[str, Any] | None = None,
) -> bytes:
    """Return `data` with a newly signed C2PA manifest embedded.

    `parent` is the image as it arrived, when it carried a manifest and the gate changed it (e.g. stripped
    GPS): it becomes the `parentOf` ingredient with its whole manifest chain, and the new manifest starts
    with `c2pa.opened`. Without a parent the manifest starts with `c2pa.created`. `identity` (e.g. the
    sha256 of the image as it arrived, from which `data` was derived) names the manifest instead of
    hashing `data` and `parent` again. Either way the actions
    carry the claim's digitalSourceType and then `generation.actions_extra`. `digest`, the SHA-256 of `data`
    if the caller has it, saves hashing it again: JPEG and PNG are signed over that digest and the manifest
    inserted here (see data_hashed); other images, or ones already carrying C2PA segments, go through
    `Builder.sign`. `assertion`, `generation.assertion_data()` if the caller built it (to look at it
    before signing), saves building and checking it again.
    Raises ProvenanceError if c2pa refuses (unsupported format, corrupt input, signer problem).
    """
    prepared = signer if isinstance(signer, PreparedSigner) else PreparedSigner.create(signer)
    definition = manifest_definition(
        generation,
        claim_generator=dict(prepared.claim_generator),
        has_parent=parent is not None,
        assertion=assertion,
    )
    # The signer's certificate is part of the identity: another key, another manifest. A caller that already
    # hashed the input passes `identity` so a large image is not hashed again here.
    material = (identity,) if identity is not None else (data, parent or b"")
    definition = with_stable_ids(
        definition, *material, media_type.encode(), prepared.leaf_fingerprint.encode()
    )
    sign = functools.partial(
        _sign,
        definition=definition,
        data=data,
        media_type=media_type,
        source_type=generation.digital_source_type,
        parent=parent,
        parent_media_type=parent_media_type,
        digest=digest,
    )
    relay = prepared.relay
    if relay is not None:
        relay.failure = None  # workers sign one image at a time: the failure seen is this signature's
    try:
        return sign(prepared.signer, prepared.context)
    except c2pa.C2paError as exc:
        if relay is None or relay.failure is None:
            raise ProvenanceError(f"signing the C2PA manifest failed ({error_kind(exc)})") from None
        if prepared.unstamped is None:
            raise TimestampUnavailable(relay.failure) from None
    try:
        return sign(*prepared.unstamped)  # tsa.on_failure "sign_without": an untimestamped manifest
    except c2pa.C2paError as exc:
        raise ProvenanceError(f"signing the C2PA manifest failed ({error_kind(exc)})") from None


def _sign(
    signer: c2pa.Signer,
    context: c2pa.Context,
    *,
    definition: dict[str, Any],
    data: bytes,
    media_type: str,
    source_type: str | None,
    parent: bytes | None,
    parent_media_type: str | None,
    digest: bytes | None,
) -> bytes:
    slot = data_hashed.manifest_slot(data, media_type) if data_hashed.available() else None
    with c2pa.Builder(definition, context=context) as builder:
        # Intents make c2pa-rs enforce the spec's shape: Create forbids a parent, Edit demands one.
        if parent is None:
            assert source_type is not None  # manifest_definition refuses a new manifest without one
            builder.set_intent(c2pa.C2paBuilderIntent.CREATE, _SOURCE_TYPES[source_type])
        else:
            builder.set_intent(c2pa.C2paBuilderIntent.EDIT)
            ingredient = {"title": "original", "relationship": "parentOf", "label": PARENT_INGREDIENT_KEY}
            builder.add_ingredient(ingredient, parent_media_type or media_type, io.BytesIO(parent))
        if slot is not None:
            digest = digest if digest is not None else hashlib.sha256(data).digest()
            manifest = data_hashed.sign_embeddable(builder, signer, media_type, slot, digest)
            # Joined from views: slicing `data` would copy the image once more before the join copies it.
            image = memoryview(data)
            return b"".join((image[:slot], manifest, image[slot:]))
        out = io.BytesIO()
        builder.sign(signer, media_type, io.BytesIO(data), out)
    return out.getvalue()
