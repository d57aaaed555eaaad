"""A manifest store carries more than assertions: its title (often a file name), its claim generator and
its ingredients' titles are published with the image too, so they are scanned like assertions.

Real C2PA signing with the dev PKI (c2pa-python's Builder), read back by the gate.
"""

from __future__ import annotations

import io
import json
from typing import Any

import c2pa
import pytest

from gate.core.pipeline import Pipeline
from gate.demo.images import jpeg_bytes, product_image
from gate.model import Verdict
from gate.provenance import DevPki, PreparedSigner, SignerConfig
from gate.provenance.manifest import TRAINED_ALGORITHMIC_MEDIA

ACTIONS = {
    "label": "c2pa.actions.v2",
    "data": {"actions": [{"action": "c2pa.created", "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA}]},
}


def photo(seed: int) -> bytes:
    return jpeg_bytes(product_image(160, 120, seed=seed))


def signed(pki: DevPki, *, title: str | None = None, generator: str = "partner-generator",
           ingredient_title: str | None = None) -> bytes:  # fmt: skip
    definition: dict[str, Any] = {"claim_generator_info": [{"name": generator}], "assertions": [ACTIONS]}
    if title is not None:
        definition["title"] = title
    signer = PreparedSigner.create(SignerConfig.from_files(pki.signer_chain, pki.signer_key))
    with c2pa.Builder(definition, context=signer.context) as builder:
        if ingredient_title is not None:
            ingredient = {"title": ingredient_title, "relationship": "componentOf"}
            builder.add_ingredient(json.dumps(ingredient), "image/jpeg", io.BytesIO(photo(7)))
        out = io.BytesIO()
        builder.sign(signer.signer, "image/jpeg", io.BytesIO(photo(3)), out)
    return out.getvalue()


@pytest.mark.parametrize(
    "fields",
    [
        {"title": "jane.doe@example.com.jpg"},
        {"title": "portrait of Jane Doe +49 151 23456789.jpg"},
        {"ingredient_title": "jane.doe@example.com.png"},
        {"ingredient_title": "call +49 151 23456789"},
        {"generator": "jane.doe@example.com"},
    ],
    ids=["title-email", "title-phone", "ingredient-email", "ingredient-phone", "generator-email"],
)
def test_personal_data_in_a_manifest_field_is_found(
    gate: Pipeline, pki: DevPki, fields: dict[str, str]
) -> None:
    evaluation = gate.evaluate(signed(pki, **fields), synthetic=True)
    assert evaluation.verdict is Verdict.QUARANTINED
    found = [r.reason for r in evaluation.decision.reasons if r.reason.code == "provenance.personal_data"]
    assert found
    assert all((r.path or "").startswith("/manifest/") for r in found)
    assert all("example.com" not in (r.path or "") for r in found)


def test_ordinary_file_names_and_generators_stay_clean(gate: Pipeline, pki: DevPki) -> None:
    data = signed(pki, title="IMG_0042.jpg", generator="Studio Gen", ingredient_title="background-v2.png")
    evaluation = gate.evaluate(data, synthetic=True)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reasons
