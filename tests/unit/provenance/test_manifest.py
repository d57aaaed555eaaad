"""The manifest definition and the generation assertion's shape: pure, no c2pa."""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gate.errors import ProvenanceError
from gate.provenance import GENERATION_LABEL, METADATA_EDITED, EditAction, GenerationClaim
from gate.provenance.manifest import (
    COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA,
    TRAINED_ALGORITHMIC_MEDIA,
    check_generation_assertion,
    is_generation_label,
    manifest_definition,
    v4_uuid,
    with_stable_ids,
)

GENERATOR = {"name": "gate", "version": "0.1.0"}


def test_assertion_has_exactly_the_documented_shape(claim: GenerationClaim) -> None:
    assert claim.assertion_data() == {
        "model": {"name": "product-diffusion", "version": "2.1", "provider": "example-ai"},
        "training_data_sources": ["licensed-stock-2024"],
        "parameters": {"steps": 30, "guidance": 7.5, "sampler": "ddim", "size": [1024, 1024]},
        "gate": {"policy_version": "2025-01"},
    }


def test_policy_version_is_optional() -> None:
    assert GenerationClaim("m", "1", "p").assertion_data()["gate"] == {}


GOOD: dict[str, Any] = {
    "model": {"name": "m", "version": "1", "provider": "p"},
    "training_data_sources": [],
    "parameters": {},
    "gate": {},
}


@pytest.mark.parametrize(
    "bad",
    [
        {**GOOD, "prompt": "a photo of Jane Doe"},
        {k: v for k, v in GOOD.items() if k != "gate"},
        {**GOOD, "model": {**GOOD["model"], "user": "jane@example.com"}},
        {**GOOD, "model": {"name": "m", "version": "1"}},
        {**GOOD, "model": {"name": "", "version": "1", "provider": "p"}},
        {**GOOD, "gate": {"operator": "jane"}},
        {**GOOD, "training_data_sources": "not-a-list"},
        {**GOOD, "parameters": ["not", "an", "object"]},
        {**GOOD, "parameters": {"x": float("nan")}},
        "not an object",
    ],
)
def test_anything_off_the_shape_is_refused_without_echoing_values(bad: Any) -> None:
    with pytest.raises(ProvenanceError) as info:
        check_generation_assertion(bad)
    for value in ("Jane", "jane", "not-a-list"):
        assert value not in str(info.value)


def test_parameters_must_be_json() -> None:
    with pytest.raises(ProvenanceError, match="not JSON"):
        GenerationClaim("m", "1", "p", parameters={"seeds": {1, 2}}).assertion_data()


def test_oversized_assertion_is_refused() -> None:
    with pytest.raises(ProvenanceError, match="limit"):
        GenerationClaim("m", "1", "p", parameters={"blob": "x" * 70_000}).assertion_data()


def test_edit_actions_are_limited_to_known_c2pa_actions() -> None:
    assert EditAction(METADATA_EDITED, {"org.gate.removed": ["gps"]}).as_dict() == {
        "action": "c2pa.edited.metadata",
        "parameters": {"org.gate.removed": ["gps"]},
    }
    with pytest.raises(ProvenanceError, match="not one the gate may claim"):
        EditAction("c2pa.created")


def test_new_image_starts_with_created_and_ai_source_type(claim: GenerationClaim) -> None:
    definition = manifest_definition(claim, claim_generator=GENERATOR, has_parent=False)
    actions = definition["assertions"][0]["data"]["actions"]
    assert actions == [{"action": "c2pa.created", "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA}]
    assert definition["assertions"][1]["label"] == GENERATION_LABEL
    assert definition["claim_generator_info"] == [GENERATOR]


def test_changed_image_opens_the_parent_then_lists_the_edits() -> None:
    claim = GenerationClaim("m", "1", "p", actions_extra=(EditAction(METADATA_EDITED),), is_synthetic=False)
    actions = manifest_definition(claim, claim_generator=GENERATOR, has_parent=True)["assertions"][0]["data"][
        "actions"
    ]
    assert [a["action"] for a in actions] == ["c2pa.opened", METADATA_EDITED]
    assert actions[0]["digitalSourceType"] == COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA
    assert actions[0]["parameters"]["ingredientIds"]


def test_stable_ids_are_v4_shaped_and_follow_the_inputs(claim: GenerationClaim) -> None:
    definition = manifest_definition(claim, claim_generator=GENERATOR, has_parent=False)
    one = with_stable_ids(definition, b"image")
    assert one == with_stable_ids(definition, b"image")
    assert one["label"] != with_stable_ids(definition, b"other image")["label"]
    assert uuid.UUID(one["label"].removeprefix("urn:c2pa:")).version == 4
    assert one["instance_id"].startswith("xmp:iid:")


@pytest.mark.parametrize(
    ("label", "ours"),
    [
        (GENERATION_LABEL, True),
        (GENERATION_LABEL + ".v2", True),
        (GENERATION_LABEL + "__1", True),
        (GENERATION_LABEL + "x", False),
        ("c2pa.actions.v2", False),
    ],
)
def test_generation_label_matching(label: str, ours: bool) -> None:
    assert is_generation_label(label) is ours


@given(st.binary(min_size=16, max_size=16))
def test_v4_uuid_spells_what_the_uuid_module_spells(raw: bytes) -> None:
    assert v4_uuid(raw) == str(uuid.UUID(bytes=raw, version=4))


@pytest.mark.parametrize("material", [(b"",), (b"a" * 32, b"image/jpeg", b"fingerprint"), (b"\xff" * 64,)])
def test_stable_ids_are_the_ones_earlier_versions_gave(
    claim: GenerationClaim, material: tuple[bytes, ...]
) -> None:
    # A retry after an upgrade must name the same manifest: the ids as the first implementation derived them.
    definition = manifest_definition(claim, claim_generator=GENERATOR, has_parent=False)
    digest = hashlib.sha256(json.dumps(definition, sort_keys=True, separators=(",", ":")).encode())
    for part in material:
        digest.update(hashlib.sha256(part).digest())
    raw = digest.digest()
    named = with_stable_ids(definition, *material)
    assert named["label"] == f"urn:c2pa:{uuid.UUID(bytes=raw[:16], version=4)}"
    assert named["instance_id"] == f"xmp:iid:{uuid.UUID(bytes=raw[16:32], version=4)}"
    assert {k: v for k, v in named.items() if k not in ("label", "instance_id")} == definition
