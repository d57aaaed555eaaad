"""The pixel check reads the parameters for an input image only when it matters: a truth table over scopes
and events against the reference (`checks_for` with the reading always taken)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


def _members(value: Any) -> Iterator[tuple[str, Any]]:
    """Every (key, value) of every object in `value`, at most _MAX_NODES nodes visited (the walk as it was
    written before it was inlined)."""
    from gate.core.checks import input_image as module  # noqa: PLC0415

    queue: list[Any] = [value]
    seen = 0
    while queue and seen < module._MAX_NODES:
        node = queue.pop()
        seen += 1
        if isinstance(node, dict):
            for key, child in node.items():
                yield str(key), child
                queue.append(child)
        elif isinstance(node, list):
            queue.extend(node)


def _reference(parameters: Any) -> bool:
    """The reading as it was written before keys were remembered: every key lowered and stripped."""
    from gate.core.checks import input_image as module  # noqa: PLC0415

    for key, value in _members(parameters):
        name = module._SEPARATORS.sub("", key.lower())
        if name in module._IMAGE_KEYS or name.startswith(module._IMAGE_KEY_PREFIXES):
            if module._is_set(value):
                return True
        elif name in module._MODE_KEYS and isinstance(value, str) and module._MODE_WORDS.search(value):
            return True
    return False


_KEY_SPELLINGS = [
    *("init_image", "Init Image", "initImage", "INIT-IMAGE", "ip_adapter_image", "Mode", "task", "TYPE"),
    *("image.url", "\u0130mage", "\u0131mage", "image\ufb01le", "prompt", "seed", "mask "),
]
_VALUES = st.one_of(
    st.sampled_from(["img2img", "Image-to-Image", "txt2img", "none", " OFF ", "", "s3://x.jpg", "inpaint"]),
    st.integers(-1, 1),
    st.booleans(),
    st.none(),
    st.text(max_size=12),
)
_PARAMS: Any = st.recursive(
    _VALUES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(st.sampled_from(_KEY_SPELLINGS), st.text(max_size=70)), inner, max_size=4),
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(_PARAMS)
def test_remembered_keys_read_as_the_reference(parameters: Any) -> None:
    generation = Generation(synthetic=True, parameters=parameters)
    assert references_input_image(generation) == _reference(parameters)
    assert references_input_image(generation) == _reference(parameters)  # now from the key table


def test_a_full_key_table_is_emptied_and_still_reads_right(monkeypatch: pytest.MonkeyPatch) -> None:
    from gate.core.checks import input_image as module  # noqa: PLC0415

    monkeypatch.setattr(module, "_MAX_KINDS", 2)
    parameters = {"a": 1, "b": 2, "c": 3, "Init Image": "s3://x.jpg"}
    assert references_input_image(Generation(synthetic=True, parameters=parameters))
    assert len(module._kinds) <= 2


@pytest.mark.parametrize(
    ("before", "found"), [(0, True), (9_997, True), (9_998, True), (9_999, False), (12_000, False)]
)
def test_the_node_bound_falls_where_the_reference_puts_it(before: int, found: bool) -> None:
    """At most 10,000 nodes are visited (the list, each number, then the object last): an input image
    named just inside the bound is found, just past it missed, as the reference finds or misses it."""
    parameters: Any = [{"init_image": "s3://x.jpg"}, *range(before)]
    nested = {"workflow_nodes": parameters}  # one node more before the object: the bound one earlier
    assert references_input_image(Generation(synthetic=True, parameters=parameters)) is found
    assert _reference(parameters) is found
    assert references_input_image(Generation(synthetic=True, parameters=nested)) == _reference(nested)
    assert references_input_image(Generation(synthetic=True, parameters=nested)) is (before <= 9_997)
