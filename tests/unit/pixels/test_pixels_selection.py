"""The pixel check reads the parameters for an input image only when it matters: a truth table over scopes
and events against the reference (`checks_for` with the reading always taken)."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from gate.core.checks.base import CheckContext
from gate.core.checks.input_image import references_input_image
from gate.core.checks.pixels import PixelsCheck
from gate.core.event import Generation
from gate.core.policy import PixelCheck, PixelPolicy, PixelScope

_SCOPES = {
    "any": PixelScope(checks=frozenset(PixelCheck)),
    "banners": PixelScope(checks=frozenset({PixelCheck.TEXT}), source=("banner",)),
    "with-input": PixelScope(checks=frozenset({PixelCheck.FACES}), input_image=True),
    "without-input": PixelScope(checks=frozenset({PixelCheck.TEXT}), input_image=False),
    "synthetic-with-input": PixelScope(checks=frozenset(PixelCheck), synthetic=True, input_image=True),
    "real": PixelScope(checks=frozenset({PixelCheck.FACES}), synthetic=False),
}
_POLICIES = [()] + [
    tuple(_SCOPES[name] for name in names)
    for size in (1, 2)
    for names in itertools.combinations(sorted(_SCOPES), size)
]
_PARAMETERS: list[Any] = [
    None,
    {"prompt": "a red bag"},
    {"init_image": "s3://uploads/7.jpg"},
    {"init_image": "none"},
    {"mode": "img2img"},
    {"nested": [{"ip_adapter_image": "x"}]},
]


@pytest.mark.parametrize("scopes", _POLICIES)
@pytest.mark.parametrize("parameters", _PARAMETERS)
@pytest.mark.parametrize("source", ["banner", "catalogue"])
@pytest.mark.parametrize("synthetic", [True, False, None])
def test_selection_matches_the_reference(
    scopes: tuple[PixelScope, ...], parameters: Any, source: str, synthetic: bool | None
) -> None:
    policy = PixelPolicy(scopes=scopes)
    generation = None if parameters is None else Generation(synthetic=True, parameters=parameters)
    ctx = CheckContext(
        data=b"", declared_media_type=None, source=source, synthetic=synthetic, generation=generation
    )
    input_image = references_input_image(generation)
    want = policy.checks_for(source, synthetic, input_image)
    wanted, read = PixelsCheck(policy).selected(ctx)
    assert wanted == want
    if want:  # the facts and face reasons report the reading: it must be the real one
        assert read == input_image
