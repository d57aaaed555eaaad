"""The provenance check cuts the manifest store out of the image with the probe's walk of the same bytes
(`manifest_store(..., layout)`): the store is the one a fresh walk finds, for every format the gate signs,
and the signature parts read from it are the same."""

from __future__ import annotations

import pytest

from gate.imaging import probe
from gate.imaging.c2pa_store import manifest_store
from gate.provenance import GenerationClaim, PreparedSigner, attach_manifest
from gate.provenance.signatures import signature_parts

from .conftest import MEDIA_TYPES, make_image


@pytest.mark.parametrize("fmt", sorted(MEDIA_TYPES))
def test_the_store_cut_with_the_probes_walk_is_the_store_a_fresh_walk_finds(
    fmt: str, signer: PreparedSigner, claim: GenerationClaim
) -> None:
    media_type = MEDIA_TYPES[fmt]
    signed = attach_manifest(make_image(fmt, size=300), media_type, signer, claim)
    layout = probe(signed).layout_for(signed)
    assert layout is not None
    walked_again = manifest_store(signed, media_type)
    assert walked_again is not None
    assert manifest_store(signed, media_type, layout) == walked_again
    parts = signature_parts(walked_again)
    assert parts and all(part.certificates and not part.unread for part in parts)


@pytest.mark.parametrize("fmt", sorted(MEDIA_TYPES))
def test_an_unsigned_image_has_no_store_either_way(fmt: str) -> None:
    data = make_image(fmt)
    media_type = MEDIA_TYPES[fmt]
    assert manifest_store(data, media_type) is None
    assert manifest_store(data, media_type, probe(data).layout_for(data)) is None
