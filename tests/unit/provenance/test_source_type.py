"""Is the image AI-made? Any AI source type anywhere in the manifest chain says yes, whatever came first."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import c2pa
import pytest

from gate.provenance import GenerationClaim, PreparedSigner, Verifier, attach_manifest, verify_manifest
from gate.provenance.manifest import IPTC

from .conftest import make_image

CAPTURE = IPTC + "digitalCapture"
TRAINED = IPTC + "trainedAlgorithmicMedia"
COMPOSITE = IPTC + "compositeWithTrainedAlgorithmicMedia"
ALGORITHMIC = IPTC + "algorithmicMedia"
ENHANCED = IPTC + "algorithmicallyEnhanced"
TRAINED_DATA = "http://c2pa.org/digitalsourcetype/trainedAlgorithmicData"
TRAINED_HTTPS = TRAINED.replace("http://", "https://", 1)

Ingredient = tuple[str, bytes]  # (relationship, signed image)


def sign_actions(
    signer: PreparedSigner,
    *assertions: Sequence[tuple[str, str | None]],
    ingredients: Sequence[Ingredient] = (),
    color: tuple[int, int, int] = (10, 120, 200),
) -> bytes:
    """A JPEG signed by a third-party tool whose actions assertions hold these (action, digitalSourceType)s.

    Each ingredient is attached with its whole manifest chain and referenced from the first action.
    """
    ids = [f"ingredient-{n}" for n in range(len(ingredients))]
    actions_assertions: list[dict[str, Any]] = []
    for actions in assertions:
        entries: list[dict[str, Any]] = []
        for action, source_type in actions:
            entry: dict[str, Any] = {"action": action}
            if source_type is not None:
                entry["digitalSourceType"] = source_type
            entries.append(entry)
        actions_assertions.append({"label": "c2pa.actions.v2", "data": {"actions": entries}})
    if ids:
        actions_assertions[0]["data"]["actions"][0]["parameters"] = {"ingredientIds": ids}
    definition = {"claim_generator_info": [{"name": "third-party"}], "assertions": actions_assertions}
    with c2pa.Builder(definition, context=signer.context) as builder:
        for label, (relationship, data) in zip(ids, ingredients, strict=True):
            ingredient = {"title": label, "relationship": relationship, "label": label}
            builder.add_ingredient(ingredient, "image/jpeg", io.BytesIO(data))
        out = io.BytesIO()
        builder.sign(signer.signer, "image/jpeg", io.BytesIO(make_image(color=color)), out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("actions", "expected_type", "expected_ai"),
    [
        ([("c2pa.created", CAPTURE)], CAPTURE, False),
        ([("c2pa.created", CAPTURE), ("c2pa.edited", COMPOSITE)], COMPOSITE, True),  # generative fill
        ([("c2pa.created", CAPTURE), ("c2pa.edited", None), ("c2pa.edited", TRAINED)], TRAINED, True),
        ([("c2pa.created", COMPOSITE), ("c2pa.edited", TRAINED)], TRAINED, True),  # most AI wins
        ([("c2pa.created", TRAINED), ("c2pa.edited", COMPOSITE)], TRAINED, True),
        ([("c2pa.created", CAPTURE), ("c2pa.edited", ALGORITHMIC)], ALGORITHMIC, True),
        ([("c2pa.created", CAPTURE), ("c2pa.edited", TRAINED_HTTPS)], TRAINED_HTTPS, True),
        ([("c2pa.created", TRAINED_DATA)], TRAINED_DATA, True),
        ([("c2pa.created", CAPTURE), ("c2pa.edited", ENHANCED)], CAPTURE, False),  # a correction, not AI
    ],
)
def test_any_ai_action_in_the_active_manifest_counts(
    actions: list[tuple[str, str | None]],
    expected_type: str,
    expected_ai: bool,
    untrusted_signer: PreparedSigner,
    verifier: Verifier,
) -> None:
    report = verify_manifest(sign_actions(untrusted_signer, actions), "image/jpeg", verifier)
    assert report.state == "untrusted"
    assert report.digital_source_type == expected_type
    assert report.is_ai_generated is expected_ai


def test_ai_action_in_a_second_actions_assertion_counts(
    untrusted_signer: PreparedSigner, verifier: Verifier
) -> None:
    signed = sign_actions(untrusted_signer, [("c2pa.created", CAPTURE)], [("c2pa.edited", COMPOSITE)])
    report = verify_manifest(signed, "image/jpeg", verifier)
    assert report.is_ai_generated
    assert report.digital_source_type == COMPOSITE


@pytest.fixture
def ai_image(signer: PreparedSigner, claim: GenerationClaim) -> bytes:
    return attach_manifest(make_image(), "image/jpeg", signer, claim)


@pytest.mark.parametrize(
    ("relationship", "action", "expected_ai"),
    [
        ("parentOf", "c2pa.opened", True),
        ("componentOf", "c2pa.created", True),
        ("inputTo", "c2pa.created", False),  # a reference fed to a tool is not part of the pixels
    ],
)
def test_ai_ingredient_under_a_capture_claim(
    relationship: str,
    action: str,
    expected_ai: bool,
    ai_image: bytes,
    untrusted_signer: PreparedSigner,
    verifier: Verifier,
) -> None:
    signed = sign_actions(untrusted_signer, [(action, CAPTURE)], ingredients=[(relationship, ai_image)])
    report = verify_manifest(signed, "image/jpeg", verifier)
    assert report.state == "untrusted"
    assert report.is_ai_generated is expected_ai
    assert report.digital_source_type == (TRAINED if expected_ai else CAPTURE)


def test_ai_grandparent_is_found_through_a_capture_parent(
    ai_image: bytes, untrusted_signer: PreparedSigner, verifier: Verifier
) -> None:
    parent = sign_actions(untrusted_signer, [("c2pa.opened", CAPTURE)], ingredients=[("parentOf", ai_image)])
    child = sign_actions(
        untrusted_signer, [("c2pa.opened", CAPTURE)], ingredients=[("parentOf", parent)], color=(5, 5, 5)
    )
    report = verify_manifest(child, "image/jpeg", verifier)
    assert report.is_ai_generated
    assert report.digital_source_type == TRAINED


def test_capture_ingredient_leaves_a_capture_image_real(
    untrusted_signer: PreparedSigner, verifier: Verifier
) -> None:
    photo = sign_actions(untrusted_signer, [("c2pa.created", CAPTURE)], color=(90, 90, 90))
    signed = sign_actions(untrusted_signer, [("c2pa.opened", CAPTURE)], ingredients=[("parentOf", photo)])
    report = verify_manifest(signed, "image/jpeg", verifier)
    assert report.is_ai_generated is False
    assert report.digital_source_type == CAPTURE
