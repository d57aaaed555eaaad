"""`identifying_fields` spells a pointer only for what it finds: held to the walk that spelled every node's.

The reference below is the walk as it was before (a generator building each node's pointer on the way
down); the property test compares the two on random assertions whose keys mix the properties the XMP walk
maps (device ids, owners, GPS) in several prefixes with plain, escaped, positional and colon-only keys,
nested in objects and lists past the depth bound.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from gate.core.checks import manifest_fields
from gate.core.checks.manifest_fields import _PLAIN, _said, identifying_fields
from gate.pointers import escape_token
from gate.scanning.walk import HIDDEN_KEY


def _reference(value: Any, path: str = "", depth: int = 0) -> Iterator[tuple[str, str]]:
    if depth > manifest_fields._MAX_DEPTH:
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield from _reference(item, f"{path}/{index}", depth + 1)
        return
    if not isinstance(value, dict):
        return
    for position, (key, item) in enumerate(value.items()):
        token = (
            escape_token(key) if isinstance(key, str) and _PLAIN.fullmatch(key) else f"{HIDDEN_KEY}{position}"
        )
        kind = manifest_fields._kind(key, position) if isinstance(key, str) else None
        if kind is not None and _said(item):
            entity, token = kind
            yield entity, f"{path}/{token}"
            continue
        yield from _reference(item, f"{path}/{token}", depth + 1)


KEYS = st.sampled_from(
    [
        "exifEX:BodySerialNumber",
        "exifEX:CameraOwnerName",
        "aux:SerialNumber",
        "aux:OwnerName",
        "exif:GPSLatitude",
        "exif:GPSMadeUp",
        "tiff:Artist",
        "dc:creator",
        "photoshop:Author",
        "xmp:CreatorTool",
        "exif:",
        ":SerialNumber",
        "unknown:SerialNumber",
        "a/b",
        "t~ilde",
        "with space",
        "Jane Doe",
        "model",
        "parameters",
        "@context",
        "",
    ]
)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 5), st.sampled_from(["", "  ", "044051002852", "Kwabena"])
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=40,
)


@settings(max_examples=400, deadline=None)
@given(JSON)
def test_the_walk_finds_what_the_spelling_walk_found(data: Any) -> None:
    assert identifying_fields(data) == list(_reference(data))


def test_past_the_depth_bound_nothing_is_read_as_before() -> None:
    for extra in range(-2, 3):  # the property just inside the bound, at it, and past it
        deep: Any = {"exifEX:BodySerialNumber": "044051002852"}
        for n in range(manifest_fields._MAX_DEPTH + extra):
            deep = [1, deep] if n % 2 else {"a/b": deep, "Jane Doe": "x"}
        assert identifying_fields(deep) == list(_reference(deep))
    assert identifying_fields(deep) == []  # past the bound


def test_a_property_found_is_named_by_the_path_to_it() -> None:
    data = {"photo_1": [{"Jane Doe": {"exifEX:BodySerialNumber": "044051002852"}}]}
    found = identifying_fields(data)
    assert found == [("DEVICE_ID", f"/photo_1/0/{HIDDEN_KEY}0/exifEX:BodySerialNumber")]
    assert found == list(_reference(data))
