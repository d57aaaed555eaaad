"""The generation assertion read back is exactly what was signed, whichever c2pa rendering it came from.

c2pa-rs 0.91.3's JSON report mangles arrays of numbers (c2pa-rs#2570); the verifier takes the report's copy
only when no string in it could be such a mangling, and asks crJSON otherwise. These cases are every JSON
shape we know to be mangled, or to come through intact, in that version.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import c2pa
import pytest

from gate.provenance import GenerationClaim, PreparedSigner, Verifier, attach_manifest, verify_manifest

from .conftest import make_image

# name: (value, whether the report's copy can be taken as it is)
SHAPES: dict[str, tuple[Any, bool]] = {
    "small ints": ([1, 2, 3], False),
    "ints above a byte": ([1024, 1024], False),
    "negative int array": ([-1, 5], False),
    "float array": ([7.5, 1.0], False),  # the report renders this as ""
    "mixed number array": ([1, 2.5], False),
    "nested in an object": ({"x": [1, 2]}, False),
    "inside an array of objects": ([{"a": [1.5]}], False),
    "long int array": (list(range(300)), False),
    "a base64-looking string": ("ddim", False),  # intact, but cannot be told apart: crJSON decides
    "empty string": ("", False),
    "mixed array": ([1, "a"], True),
    "bool array": ([True, False], True),
    "string array": (["a-b", "c d"], True),
    "empty array": ([], True),
    "nested arrays": ([[1, 2], [3]], True),
    "null in array": ([None, 1], True),
    "empty object": ({}, True),
    "int": (5, True),
    "large int": (2**53 + 1, True),
    "negative large int": (-(2**40), True),
    "float": (0.1, True),
    "tiny float": (1e-300, True),
    "unicode and escapes": ('Zoë ☃ "q" \\ \n', True),
    "odd keys": ({"é/~": 1, "": 2}, True),
    "sampler name": ("DPM++ 2M Karras", True),
}


@pytest.fixture
def crjson_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original: Callable[[c2pa.Reader], str] = c2pa.Reader.crjson

    def counted(reader: c2pa.Reader) -> str:
        calls.append(1)
        return original(reader)

    monkeypatch.setattr(c2pa.Reader, "crjson", counted)
    return calls


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_assertion_read_back_is_the_one_signed(
    shape: str, signer: PreparedSigner, verifier: Verifier, crjson_calls: list[int]
) -> None:
    value, report_copy_is_exact = SHAPES[shape]
    parameters = {"v": value}
    claim = GenerationClaim(model_name="m-1", model_version="v-2", provider="p.ai", parameters=parameters)
    signed = attach_manifest(make_image("PNG"), "image/png", signer, claim)
    report = verify_manifest(signed, "image/png", verifier)
    assert report.state == "trusted"
    assert report.generator_assertion is not None
    assert report.generator_assertion["parameters"] == parameters
    assert report.generator_assertion["model"] == {"name": "m-1", "version": "v-2", "provider": "p.ai"}
    assert bool(crjson_calls) is not report_copy_is_exact


def test_a_manifest_without_our_assertion_needs_no_second_rendering(
    signer: PreparedSigner, verifier: Verifier, crjson_calls: list[int]
) -> None:
    with c2pa.Builder(
        {"claim_generator_info": [{"name": "other", "version": "1"}], "assertions": []},
        context=signer.context,
    ) as builder:
        builder.set_intent(c2pa.C2paBuilderIntent.CREATE, c2pa.C2paDigitalSourceType.DIGITAL_CAPTURE)
        out = io.BytesIO()
        builder.sign(signer.signer, "image/png", io.BytesIO(make_image("PNG")), out)
    report = verify_manifest(out.getvalue(), "image/png", verifier)
    assert report.state == "trusted"
    assert report.generator_assertion is None
    assert crjson_calls == []
