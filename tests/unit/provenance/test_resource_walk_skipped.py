"""`verify_manifest` skips the walk for resources only where it would find none: held to the walk.

`may_name_resources` reads the report's JSON text; where it says no, `_resources` over the parsed store
must give () (nothing named, nothing left unread). Random stores mix resource references (in plain and
escaped spellings, in keys and values, in objects without a format) with other strings; the texts are
written as c2pa-rs writes them (no escapes but the required ones) and with every non-ASCII character
escaped.
"""

from __future__ import annotations

import io
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from gate.provenance import verify
from gate.provenance.verify import _MAX_NODES, _resources, may_name_resources


class _Reader:
    """Hands back a few bytes for any identifier (the walk asks only for those it finds)."""

    def resource_to_stream(self, identifier: str, out: io.BytesIO) -> None:
        out.write(b"resource")


STRINGS = st.sampled_from(
    [
        "self#jumbf=/c2pa/urn:c2pa:1/c2pa.assertions/c2pa.thumbnail.claim.jpeg",
        "self#jumbf=c2pa.assertions/c2pa.icon",
        "self#jumbf=Ã©",
        "jumbf=/c2pa",
        "image/jpeg",
        "Zoë",
        "c2pa.actions.v2",
        "",
    ]
)
KEYS = st.sampled_from(
    ["identifier", "format", "thumbnail", "data", "self#jumbf=x", "label", "Identifier", "é"]
)
JSON = st.recursive(
    st.one_of(st.none(), st.integers(0, 3), STRINGS),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(JSON, st.booleans())
def test_a_report_that_cannot_name_a_resource_holds_none(manifests: Any, ascii_only: bool) -> None:
    validation = {"success": [{"url": "self#jumbf=/c2pa/urn:c2pa:1/c2pa.signature"}]}  # as in every report
    store = {"active_manifest": "urn:c2pa:1", "manifests": manifests, "validation_results": validation}
    text = json.dumps(store, ensure_ascii=ascii_only)
    walked = _resources(_Reader(), json.loads(text))  # type: ignore[arg-type]
    if not may_name_resources(text):
        assert walked == ()


def test_a_resource_spelled_through_escapes_is_still_walked_for() -> None:
    identifier = "self#jumbf=/c2pa/urn:c2pa:1/c2pa.assertions/c2pa.thumbnail.claim.jpeg"
    key = "".join(f"\\u{ord(ch):04x}" for ch in "identifier")
    text = '{"manifests": {"urn:c2pa:1": {"thumbnail": {"format": "image/jpeg", "%s": "%s"}}}}'
    text %= (key, identifier)
    assert verify._IDENTIFIER_KEY not in text
    assert may_name_resources(text)
    assert _resources(_Reader(), json.loads(text)) == (("image/jpeg", b"resource"),)  # type: ignore[arg-type]


def test_a_report_of_the_gates_own_manifest_is_not_walked() -> None:
    manifests = {"urn:c2pa:1": {"assertions": [{"label": "c2pa.actions.v2", "data": {"actions": []}}]}}
    validation = {"success": [{"url": "self#jumbf=/c2pa/urn:c2pa:1/c2pa.signature"}]}
    assert not may_name_resources(json.dumps({"manifests": manifests, "validation_results": validation}))


def test_a_report_past_the_walks_bound_is_walked() -> None:
    manifests = {"urn:c2pa:1": {"assertions": [0] * _MAX_NODES}}
    text = json.dumps({"manifests": manifests})
    assert may_name_resources(text)
    assert _resources(_Reader(), json.loads(text)) == (("", b""),)  # type: ignore[arg-type]
