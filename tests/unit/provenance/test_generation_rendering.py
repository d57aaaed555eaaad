"""The generation assertion read back is exactly what was signed, or it is reported as unreadable.

c2pa-rs 0.91.3's JSON report mangles arrays of numbers (c2pa-rs#2570) and its crJSON rewrites other things
(icon objects, hash/pad/signature arrays, one schema.org key); see gate/provenance/rendering.py. These are
every JSON shape we know to be changed by either rendering, or to come through both intact.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import c2pa
import pytest

from gate.provenance import (
    GENERATION_INVALID_CODE,
    GenerationClaim,
    PreparedSigner,
    Verifier,
    attach_manifest,
    verify_manifest,
)
from gate.provenance.rendering import mangled, reads_back, repaired, suspect_paths

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
    "base64-looking strings in an array": (["ddim", "heun"], True),  # only object members are mangled
    "a string under hash": ({"url": "x", "hash": "AQID"}, False),  # crJSON adds a pad beside it
    "text in an icon object, nothing suspect": ({"icon": {"url": "x", "note": "made by Jane"}}, True),
    "text in an icon object beside a suspect": ({"icon": {"url": "x", "note": "a b"}, "s": "ddim"}, False),
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


# Shapes neither rendering gives back exactly: reported as unreadable (gate.generationAssertion.invalid).
UNRECOVERABLE: dict[str, Any] = {
    "int array under hash": {"url": "x", "hash": [1, 2, 3]},  # crJSON: "b64'AQID'"
    "int array under pad": {"pad": [0, 0]},
    "int array under signature": {"signature": [1, 2, 3]},
    "suspect string inside an icon": {"icon": {"url": "x", "note": "ddim"}},  # crJSON drops "note"
    "number array inside an icon": {"icon": {"url": "x", "size": [1, 2]}},
    "suspect under a key crJSON renames": {"schema.org.SoftwareApplication.operatingSystem": "Unix"},
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


@pytest.mark.parametrize("shape", sorted(UNRECOVERABLE))
def test_what_cannot_be_read_exactly_is_reported_as_unreadable(
    shape: str, signer: PreparedSigner, verifier: Verifier
) -> None:
    claim = GenerationClaim(
        model_name="m", model_version="1", provider="p", parameters={"v": UNRECOVERABLE[shape]}
    )
    report = verify_manifest(
        attach_manifest(make_image("PNG"), "image/png", signer, claim), "image/png", verifier
    )
    assert report.state == "trusted"
    assert report.generator_assertion is None
    assert GENERATION_INVALID_CODE in report.status_codes


def test_personal_data_in_an_icon_object_is_never_lost(signer: PreparedSigner, verifier: Verifier) -> None:
    """crJSON keeps only url/hash/alg of an icon; the report's copy, which the gate scans, keeps it all."""
    note = "contact jane.doe@example.com"
    parameters = {"style": {"icon": {"identifier": "x", "note": note}}, "size": [1024, 1024], "s": "ddim"}
    claim = GenerationClaim(model_name="m", model_version="1", provider="p", parameters=parameters)
    report = verify_manifest(
        attach_manifest(make_image("PNG"), "image/png", signer, claim), "image/png", verifier
    )
    assert report.generator_assertion is not None
    assert report.generator_assertion["parameters"] == parameters


# c2pa-rs 0.91.3's Reader.json(), as observed for each of these arrays (see SHAPES above for the round trip).
@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ([1, 2, 3], "AQID"),
        ([1024, 1024], "AAA="),
        ([-1, 5], "BQ=="),
        ([7.5, 1.0], ""),
        ([1, 2.5], "AQ=="),
        ([2**40, 3], "AAM="),
        ([0, 255], "AP8="),
        ([], None),
        ([True, 1], None),
        ([None, 1], None),
        ([1, "a"], None),
        ([[1, 2]], None),
        ("AQID", None),
    ],
)
def test_mangled_is_what_the_report_shows(value: Any, shown: str | None) -> None:
    assert mangled(value) == shown


def test_suspects_are_base64_shaped_object_members_only() -> None:
    value = {"a": "ddim", "b": ["ddim", {"c": ""}], "d": "not base64!", "e": {"f": "AAA="}, "g": 5}
    assert suspect_paths(value) == [("a",), ("b", 1, "c"), ("e", "f")]


def test_repair_resolves_each_suspect_or_gives_up() -> None:
    shown = {"size": "AAA=", "sampler": "ddim", "note": "free text"}
    exact = {"size": [1024, 1024], "sampler": "ddim", "note": "(crJSON may differ where nothing is suspect)"}
    assert repaired(shown, lambda: exact, suspect_paths(shown)) == {
        "size": [1024, 1024],
        "sampler": "ddim",
        "note": "free text",
    }
    assert repaired(shown, lambda: {"size": [1, 2], "sampler": "ddim"}, suspect_paths(shown)) is None
    assert repaired(shown, lambda: {"sampler": "ddim"}, suspect_paths(shown)) is None  # missing in crJSON
    assert repaired({"x": "no suspects"}, lambda: pytest.fail("crJSON asked for nothing"), []) == {
        "x": "no suspects"
    }


def test_reads_back_refuses_every_unrecoverable_shape_and_accepts_every_exact_one() -> None:
    """The signing side's filter never lets through what verification cannot read (the tables above); it
    is conservative only about icon objects, which read back exactly as long as nothing in them is suspect."""
    assert not [name for name, value in UNRECOVERABLE.items() if reads_back({"v": value})]
    refused = {name for name, (value, _) in SHAPES.items() if not reads_back({"v": value})}
    assert refused == {"text in an icon object, nothing suspect", "text in an icon object beside a suspect"}
