"""Twenty-first image round, C2PA manifests: places written from the C2PA 2.x specification before reading
the readers (see `round21_places`, which gathers every case of the round).

schema.org CreativeWork persons beyond `author`, `cawg.identity`-shaped, `cawg.metadata` and
training-mining assertions, C2PA 2.x actions (changes regions, templates, an action's own metadata, a
softwareAgent object), an ingredient's description and informational_URI, an update manifest's
assertions, store thumbnails of other kinds (a WebP with XMP, a PNG with stealth parameters, a JPEG with
IPTC). Manifests are signed with the given signer, which the gate under test trusts.
"""

from __future__ import annotations

import io
import json
from typing import Any

import c2pa

from gate.provenance import PreparedSigner
from gate.provenance.manifest import TRAINED_ALGORITHMIC_MEDIA
from tests.unit.imaging.round15_cases import (
    EMAIL,
    PHONE,
    after_soi,
    base_jpeg,
    base_webp,
    rchunk,
    seg,
    webp_ext,
    xmp_packet,
)
from tests.unit.imaging.round18_places import iim, irb
from tests.unit.imaging.round20_places import stealth_png

_E = EMAIL.decode()
_P = PHONE.decode()
Cases = dict[str, tuple[bytes, bytes]]


# ---- C2PA manifests --------------------------------------------------------------------------------
def _actions(**extra: Any) -> dict[str, Any]:
    created: dict[str, Any] = {"action": "c2pa.created", "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA}
    created.update(extra.pop("created", {}))
    data: dict[str, Any] = {"actions": [created, *extra.pop("more", [])]}
    data.update(extra)
    return {"label": "c2pa.actions.v2", "data": data}


def signed(
    signer: PreparedSigner,
    assertions: list[dict[str, Any]] | None = None,
    *,
    actions: dict[str, Any] | None = None,
    thumbnail: tuple[str, bytes] | None = None,
    ingredient: dict[str, Any] | None = None,
    ingredient_thumbnail: tuple[str, bytes] | None = None,
) -> bytes:
    """A JPEG signed by `signer` with the given assertions, claim thumbnail and ingredient."""
    definition: dict[str, Any] = {
        "claim_generator_info": [{"name": "round21", "version": "1.0"}],
        "assertions": [actions or _actions(), *(assertions or [])],
    }
    if thumbnail:
        definition["thumbnail"] = {"format": thumbnail[0], "identifier": "claim-thumb"}
    with c2pa.Builder(definition, context=signer.context) as builder:
        if thumbnail:
            builder.add_resource("claim-thumb", io.BytesIO(thumbnail[1]))
        if ingredient is not None or ingredient_thumbnail is not None:
            part: dict[str, Any] = {
                "title": "part.jpg",
                "format": "image/jpeg",
                "relationship": "componentOf",
            }
            part.update(ingredient or {})
            if ingredient_thumbnail:
                part["thumbnail"] = {"format": ingredient_thumbnail[0], "identifier": "part-thumb"}
                builder.add_resource("part-thumb", io.BytesIO(ingredient_thumbnail[1]))
            builder.add_ingredient(json.dumps(part), "image/jpeg", io.BytesIO(base_jpeg()))
        out = io.BytesIO()
        builder.sign(signer.signer, "image/jpeg", io.BytesIO(base_jpeg()), out)
    return out.getvalue()


def updated(signer: PreparedSigner, parent: bytes, assertions: list[dict[str, Any]]) -> bytes:
    """An update manifest (intent UPDATE: the parent as its one ingredient) over a signed `parent`."""
    definition: dict[str, Any] = {
        "claim_generator_info": [{"name": "round21-update", "version": "1.0"}],
        "assertions": assertions,
    }
    with c2pa.Builder(definition, context=signer.context) as builder:
        builder.set_intent(c2pa.C2paBuilderIntent.UPDATE)
        out = io.BytesIO()
        builder.sign(signer.signer, "image/jpeg", io.BytesIO(parent), out)
    return out.getvalue()


def creative_work(**fields: Any) -> dict[str, Any]:
    data = {"@context": "https://schema.org", "@type": "CreativeWork", **fields}
    return {"label": "stds.schema-org.CreativeWork", "data": data}


def _jsonld(label: str, data: dict[str, Any]) -> dict[str, Any]:
    context = {
        "dc": "http://purl.org/dc/elements/1.1/",
        "Iptc4xmpCore": "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/",
        "plus": "http://ns.useplus.org/ldf/xmp/1.0/",
    }
    return {"label": label, "data": {"@context": context, **data}}


def webp_with_xmp(text: str) -> bytes:
    packet = xmp_packet(
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>{text}</rdf:li></rdf:Alt></dc:description>"
        "</rdf:Description>"
    )
    return webp_ext([b"BITS", rchunk(b"XMP ", packet)], flags_xmp=True)


def _jpeg_with_iptc(by_line: bytes) -> bytes:
    block = iim(1, 90, b"\x1b%G") + iim(2, 0, b"\0\x04") + iim(2, 80, by_line)
    return after_soi(base_jpeg(), seg(0xED, b"Photoshop 3.0\0" + irb(0x0404, block)))


_RECT = {"type": "rectangle", "unit": "pixel", "origin": {"x": 4, "y": 4}, "width": 8, "height": 8}


def manifest_found(signer: PreparedSigner) -> Cases:
    """Manifests whose own assertions or embedded files carry a person's address or number."""
    person = {"@type": "Person", "name": "Studio desk"}
    cases: dict[str, bytes] = {
        "work_author_email": signed(signer, [creative_work(author=[{**person, "email": _E}])]),
        "work_copyright_holder_phone": signed(
            signer, [creative_work(copyrightHolder={**person, "telephone": _P})]
        ),
        "work_contributor_identifier": signed(
            signer, [creative_work(contributor=[{"@type": "Person", "identifier": _E}])]
        ),
        "work_creator_same_as": signed(
            signer, [creative_work(creator={**person, "sameAs": [f"mailto:{_E}"]})]
        ),
        "work_publisher_contact": signed(
            signer,
            [
                creative_work(
                    publisher={"@type": "Organization", "name": "Shop", "contactPoint": {"email": _E}}
                )
            ],
        ),
        "cawg_identity_shape": signed(
            signer,
            [
                {
                    "label": "cawg.identity",
                    "data": {
                        "signer_payload": {"sig_type": "cawg.identity_claims_aggregation"},
                        "verifiedIdentities": [
                            {"type": "cawg.social_media", "username": _E, "uri": "https://example.net/u/1"}
                        ],
                    },
                }
            ],
        ),
        "cawg_metadata_contact": signed(
            signer,
            [
                _jsonld(
                    "cawg.metadata",
                    {"Iptc4xmpCore:CreatorContactInfo": {"Iptc4xmpCore:CiEmailWork": _E}},
                )
            ],
        ),
        "c2pa_metadata_rights": signed(signer, [_jsonld("c2pa.metadata", {"dc:rights": f"(c) {_E}"})]),
        "action_changes_region": signed(
            signer,
            actions=_actions(
                more=[
                    {
                        "action": "c2pa.edited",
                        "changes": [
                            {
                                "description": f"face of {_E} blurred",
                                "region": [{"type": "spatial", "shape": _RECT}],
                            }
                        ],
                    }
                ]
            ),
        ),
        "action_templates": signed(
            signer, actions=_actions(templates=[{"action": "c2pa.edited", "description": f"for {_E}"}])
        ),
        "action_own_metadata": signed(
            signer,
            actions=_actions(metadata={"reviewRatings": [{"value": 3, "explanation": f"reviewed by {_E}"}]}),
        ),
        "action_agent_object": signed(
            signer,
            actions=_actions(
                created={"softwareAgent": {"name": "Studio", "version": "1", "operating_system": _E}}
            ),
        ),
        "training_constraint": signed(
            signer,
            [
                {
                    "label": "cawg.training-mining",
                    "data": {
                        "entries": {
                            "cawg.ai_training": {"use": "constrained", "constraint_info": f"ask {_E}"}
                        }
                    },
                }
            ],
        ),
        "ingredient_description": signed(signer, ingredient={"description": f"photo sent by {_E}"}),
        "ingredient_informational_uri": signed(signer, ingredient={"informational_URI": f"mailto:{_E}"}),
        "thumb_webp_xmp": signed(signer, ingredient_thumbnail=("image/webp", webp_with_xmp(_E))),
        "thumb_png_stealth": signed(
            signer,
            ingredient_thumbnail=("image/png", stealth_png(f"portrait for {_E}\nSteps: 20, Seed: 1")),
        ),
        "claim_thumb_jpeg_iptc": signed(signer, thumbnail=("image/jpeg", _jpeg_with_iptc(EMAIL))),
        "update_manifest_work": updated(
            signer, signed(signer), [creative_work(author=[{**person, "email": _E}])]
        ),
    }
    # The stealth text is spelled in pixel bits, not bytes: its case holds no needle to look for, and
    # an image publishing it must not be approved at all.
    needles = {"work_copyright_holder_phone": PHONE, "thumb_png_stealth": b""}
    return {name: (data, needles.get(name, EMAIL)) for name, data in cases.items()}


def manifest_clean(signer: PreparedSigner) -> dict[str, bytes]:
    """The same shapes holding nothing personal."""
    return {
        "work_about": signed(signer, [creative_work(about="blue ceramic mug", genre="product photo")]),
        "action_changes_colour": signed(
            signer,
            actions=_actions(
                more=[
                    {
                        "action": "c2pa.color_adjustments",
                        "changes": [
                            {"description": "white balance", "region": [{"type": "spatial", "shape": _RECT}]}
                        ],
                    }
                ]
            ),
        ),
        "training_not_allowed": signed(
            signer,
            [
                {
                    "label": "cawg.training-mining",
                    "data": {"entries": {"cawg.ai_training": {"use": "notAllowed"}}},
                }
            ],
        ),
        "ingredient_described": signed(signer, ingredient={"description": "background plate"}),
        "thumb_plain_webp": signed(signer, ingredient_thumbnail=("image/webp", base_webp())),
        "update_manifest_plain": updated(signer, signed(signer), [creative_work(about="blue ceramic mug")]),
    }
