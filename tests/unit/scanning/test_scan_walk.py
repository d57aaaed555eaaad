"""The walker: JSON pointers, document order, de-duplication, key context, limits and the public API."""

from __future__ import annotations

import base64
import time
from typing import Any
from urllib.parse import quote, quote_plus

import pytest

import gate.scanning
from gate.errors import ScanLimitExceeded
from gate.model import Finding
from gate.scanning import DEFAULT_LIMITS, ScanLimits, escape_token, scan_parameters, scan_text

EMAIL = "jane.doe@example.com"


def pairs(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.entity, f.path) for f in findings]


def test_public_api_is_exactly_all() -> None:
    assert sorted(gate.scanning.__all__) == [
        "DEFAULT_LIMITS",
        "ENTITIES",
        "ScanLimits",
        "escape_token",
        "scan_parameters",
        "scan_text",
        "warm_up",
    ]
    for name in gate.scanning.__all__:
        assert hasattr(gate.scanning, name)


@pytest.mark.parametrize(
    ("token", "escaped"),
    [("a", "a"), ("a/b", "a~1b"), ("a~b", "a~0b"), ("~/", "~0~1"), ("~1", "~01"), ("", "")],
)
def test_escape_token(token: str, escaped: str) -> None:
    assert escape_token(token) == escaped


@pytest.mark.parametrize(
    ("params", "path"),
    [
        (EMAIL, ""),
        ([EMAIL], "/0"),
        ({"a": {"b": [0, {"c": EMAIL}]}}, "/a/b/1/c"),
        ({"a/b": EMAIL}, "/a~1b"),
        ({"m~n": EMAIL}, "/m~0n"),
        ({"~/x": [[EMAIL]]}, "/~0~1x/0/0"),
        ({"": EMAIL}, "/"),
        ({"3": [None, True, EMAIL]}, "/3/2"),
        ({7: EMAIL}, "/7"),
    ],
)
def test_paths_are_rfc6901_pointers(params: Any, path: str) -> None:
    assert pairs(scan_parameters(params)) == [("EMAIL_ADDRESS", path)]


def test_findings_never_hold_the_value() -> None:
    findings = scan_parameters({"prompt": f"mail {EMAIL}", "customer_id": "C-48213"})
    for finding in findings:
        assert "jane" not in repr(finding)
        assert "48213" not in repr(finding)


def test_document_order_across_nesting() -> None:
    params = {
        "z_first": {"inner": {"email": EMAIL}},
        "customer_id": 12,
        "list": [{"phone": "+49 151 23456789"}, "born on 12/03/1985"],
        "a_last": "from client 203.0.113.42",
    }
    assert pairs(scan_parameters(params)) == [
        ("EMAIL_ADDRESS", "/z_first/inner/email"),
        ("CUSTOMER_ID", "/customer_id"),
        ("PHONE_NUMBER", "/list/0/phone"),
        ("DATE_OF_BIRTH", "/list/1"),
        ("IP_ADDRESS", "/a_last"),
    ]


def test_one_finding_per_entity_and_path() -> None:
    text = f"{EMAIL} and {EMAIL.upper()} and " + base64.b64encode(EMAIL.encode()).decode()
    assert pairs(scan_parameters({"x": text})) == [("EMAIL_ADDRESS", "/x")]


def test_several_entities_in_one_value_keep_detector_order() -> None:
    text = f"portrait of Jane Doe, mail {EMAIL}, call +49 151 23456789"
    assert [f.entity for f in scan_parameters({"prompt": text})] == [
        "EMAIL_ADDRESS",
        "PHONE_NUMBER",
        "PERSON",
    ]


def test_deterministic() -> None:
    params = {"b": [EMAIL, {"ssn": "536-22-1234"}], "a": {"gps": "48.8584, 2.2945"}, "cart": [1]}
    first = scan_parameters(params)
    assert all(scan_parameters(params) == first for _ in range(20))
    assert len(first) == 4


def test_keys_themselves_are_scanned() -> None:
    assert pairs(scan_parameters({"orders": {EMAIL: 3}})) == [("EMAIL_ADDRESS", "/orders/*0")]


def test_key_context_is_inherited_by_nested_values() -> None:
    # "mobile" makes a national number count below it in any shape; without it, a fixed-line number
    # written with no grouping does not (a grouped one, or an ungrouped mobile number, is read anyway:
    # tests/unit/scanning/test_phone_shapes.py).
    assert pairs(scan_parameters({"mobile": {"primary": "02079460958"}})) == [
        ("PHONE_NUMBER", "/mobile/primary")
    ]
    assert scan_parameters({"misc": {"primary": "02079460958"}}) == []


def test_negative_context_is_not_inherited() -> None:
    # A "version" parent must not switch off IP detection for a nested client_ip.
    params = {"version_info": {"client_ip": "203.0.113.42"}}
    assert pairs(scan_parameters(params)) == [("IP_ADDRESS", "/version_info/client_ip")]


def test_owner_objects_make_name_and_id_personal() -> None:
    params = {
        "customer": {"id": 7, "name": "Maria Schmidt"},
        "loras": [{"id": 3, "name": "detail_tweaker"}],
        "users": [{"id": 9}],
    }
    assert pairs(scan_parameters(params)) == [
        ("CUSTOMER_ID", "/customer/id"),
        ("PERSON", "/customer/name"),
        ("CUSTOMER_ID", "/users/0/id"),
    ]


def test_numbers_elsewhere_are_not_read() -> None:
    # A phone number's digits as a JSON number are read only under a phone key; a card number's 15 or
    # 16 digits wherever the string would be read (test_written_together), but not as a seed.
    assert scan_parameters({"steps": 33612345678, "misc": 4915112345678, "seed": 4111111111111111}) == []
    assert pairs(scan_parameters({"phone": 33612345678})) == [("PHONE_NUMBER", "/phone")]
    assert pairs(scan_parameters({"card": 4111111111111111})) == [("CREDIT_CARD", "/card")]
    assert pairs(scan_parameters({"misc": 4111111111111111})) == [("CREDIT_CARD", "/misc")]


@pytest.mark.parametrize(
    ("params", "found"),
    [
        # Exported through a float column (pandas writes 4111111111111111.0; 4.111111111111111e+15 parses
        # to the same float): read as the integer it spells.
        ({"misc": 4111111111111111.0}, [("CREDIT_CARD", "/misc")]),
        ({"misc": 4.111111111111111e15}, [("CREDIT_CARD", "/misc")]),
        ({"phone": 33612345678.0}, [("PHONE_NUMBER", "/phone")]),
        ({"seed": 4111111111111111.0}, []),
        ({"misc": 1.5e15}, []),  # not a Luhn number
        ({"misc": 4111111111111111.5}, []),  # not integral: not a number that was an integer
        ({"cfg": 7.5, "denoise": 0.35}, []),
    ],
)
def test_integral_floats_are_read_as_their_integers(params: Any, found: list[tuple[str, str]]) -> None:
    assert pairs(scan_parameters(params)) == found


@pytest.mark.parametrize(
    ("encoded", "via"),
    [
        (quote(f"email={EMAIL}", safe=""), "url"),
        (quote_plus(f"send to {EMAIL} now"), "url"),
        (base64.b64encode(EMAIL.encode()).decode(), "base64"),
        (base64.b64encode(EMAIL.encode()).decode().rstrip("="), "base64"),
        # urlsafe alphabet ("_" where standard base64 has "/")
        (base64.urlsafe_b64encode(f"mail?? {EMAIL}".encode()).decode(), "base64"),
        # the "/" becomes "%2F", so only URL-decoding first reveals the base64
        (quote(base64.b64encode(f"mail?? {EMAIL}".encode()).decode(), safe=""), "url+base64"),
        (base64.b64encode(base64.b64encode(EMAIL.encode())).decode(), "base64+base64"),
        ("ref=" + base64.b64encode(f"user {EMAIL}".encode()).decode() + "&x=1", "base64"),
    ],
)
def test_hidden_values_are_decoded(encoded: str, via: str) -> None:
    findings = scan_parameters({"meta": {"ref": encoded}})
    assert pairs(findings) == [("EMAIL_ADDRESS", "/meta/ref")]
    assert findings[0].detector == f"email+{via}"


def test_hidden_card_and_phone() -> None:
    params = {
        "a": base64.b64encode(b"card 4111 1111 1111 1111").decode(),
        "b": quote_plus("call +49 151 23456789"),
    }
    assert pairs(scan_parameters(params)) == [("CREDIT_CARD", "/a"), ("PHONE_NUMBER", "/b")]


def test_decoding_is_bounded_to_three_layers() -> None:
    four = EMAIL.encode()
    for _ in range(4):
        four = base64.b64encode(four)
    assert scan_parameters({"x": four.decode()}) == []


@pytest.mark.parametrize(
    "value",
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",  # hex: not base64 text
        "dGhpcyBpcyBmaW5l",  # base64 of "this is fine": decodes, holds nothing
        "c2VlZCAzNDgyOTEwMDIz",  # "seed 3482910023"
        "AAECAwQFBgcICQoLDA0ODw",  # binary bytes
        "juggernautXL_v9Rundiffusionphoto2",
    ],
)
def test_decoding_does_not_invent_findings(value: str) -> None:
    assert scan_parameters({"x": value}) == []


def test_scan_text_uses_field_name_as_context() -> None:
    assert pairs(scan_text("contact jane.doe@example.com", path="/exif/UserComment")) == [
        ("EMAIL_ADDRESS", "/exif/UserComment")
    ]
    assert pairs(scan_text("02079460958", path="/png/tEXt/phone", context="phone")) == [
        ("PHONE_NUMBER", "/png/tEXt/phone")
    ]
    assert scan_text("02079460958", path="/png/tEXt/comment", context="comment") == []
    assert pairs(scan_text("Maria", path="/xmp/Author", context="Author")) == [("PERSON", "/xmp/Author")]
    assert scan_text("Steps: 30, Seed: 4111111111111111", path="/png/parameters", context="parameters") == []


def test_default_limits() -> None:
    expected = ScanLimits(max_depth=32, max_nodes=10_000, max_string_chars=100_000, max_total_chars=1_000_000)
    assert expected == DEFAULT_LIMITS


def _nested(depth: int) -> Any:
    value: Any = EMAIL
    for i in range(depth):
        value = [value] if i % 2 else {"k": value}
    return value


def test_deep_nesting_raises_limit_not_recursion_error() -> None:
    with pytest.raises(ScanLimitExceeded, match="max_depth"):
        scan_parameters(_nested(10_000))


def test_depth_limit_boundary() -> None:
    limits = ScanLimits(max_depth=5)
    assert len(scan_parameters(_nested(5), limits=limits)) == 1
    with pytest.raises(ScanLimitExceeded, match="max_depth"):
        scan_parameters(_nested(6), limits=limits)


def test_node_limit() -> None:
    with pytest.raises(ScanLimitExceeded, match="max_nodes"):
        scan_parameters(list(range(20_000)))
    with pytest.raises(ScanLimitExceeded, match="max_nodes"):
        scan_parameters({"a": [{"b": 1}] * 6_000})
    assert scan_parameters(list(range(9_999))) == []


def test_string_limits() -> None:
    with pytest.raises(ScanLimitExceeded, match="max_string_chars"):
        scan_parameters({"prompt": "a" * 100_001})
    with pytest.raises(ScanLimitExceeded, match="max_string_chars"):
        scan_parameters({"k" * 100_001: 1})
    with pytest.raises(ScanLimitExceeded, match="max_total_chars"):
        scan_parameters(["x" * 90_000] * 12)
    # Members of objects are counted inline by the walk: values and keys alike.
    with pytest.raises(ScanLimitExceeded, match="max_total_chars"):
        scan_parameters({f"k{i}": "x" * 90_000 for i in range(12)})
    with pytest.raises(ScanLimitExceeded, match="max_total_chars"):
        scan_parameters({f"{i}" + "k" * 90_000: 1 for i in range(12)})
    with pytest.raises(ScanLimitExceeded, match="max_string_chars"):
        scan_text("a" * 100_001, path="/x")


@pytest.mark.parametrize(
    "make",
    [
        # The text is split between members before, inside and after nested containers, so each part
        # of the count (this object's members, a child's, what follows the child) is needed to pass.
        lambda text: {"a": text, "b": {"c": text}, "d": text},
        lambda text: {"a": {"b": text, "c": [text]}, "d": text},
        lambda text: [{"a": text}, {"b": {"c": text}}, text],
        lambda text: {"a": text, "b": text, "c": {"d": text}},
    ],
)
def test_characters_are_counted_across_nested_containers(make: Any) -> None:
    limits = ScanLimits(max_total_chars=2_999)
    with pytest.raises(ScanLimitExceeded, match="max_total_chars"):
        scan_parameters(make("x" * 1_000), limits=limits)
    scan_parameters(make("x" * 990), limits=limits)  # the same shape fits, keys included


def test_limit_messages_never_carry_values() -> None:
    with pytest.raises(ScanLimitExceeded) as caught:
        scan_parameters({"prompt": EMAIL * 10_000})
    assert "jane" not in str(caught.value)


def test_cycles_end_in_a_limit() -> None:
    loop: dict[str, Any] = {}
    loop["self"] = loop
    with pytest.raises(ScanLimitExceeded):
        scan_parameters(loop)


@pytest.mark.parametrize("bad", [{1, 2}, b"bytes", object()])
def test_non_json_values_fail_closed(bad: Any) -> None:
    with pytest.raises(TypeError):
        scan_parameters({"x": bad})


@pytest.mark.parametrize("kwargs", [{"max_depth": 0}, {"max_nodes": -1}, {"max_depth": 10_000}])
def test_limits_validate(kwargs: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        ScanLimits(**kwargs)


def test_hostile_strings_stay_fast() -> None:
    hostile = [
        "a" * 99_000 + "@",
        "1 " * 49_000,
        "A" * 99_000,
        ("Jane " * 19_000),
        "=" * 99_000,
        "%41" * 33_000,
        "1." * 49_000,
    ]
    # CPU time of this process, not wall time: a regex gone quadratic takes minutes of it, while a loaded
    # machine (1 s of CPU here has taken 2 s of wall beside other work) stretches only the wall clock.
    start = time.process_time()
    for value in hostile:
        scan_parameters({"x": value}, limits=ScanLimits(max_total_chars=200_000))
    assert time.process_time() - start < 5.0


def test_a_key_that_is_personal_data_is_not_spelled_in_any_pointer() -> None:
    params = {
        "seed": 1,
        "anna.schmidt@example.com": "x",
        "n": {"+49 151 23456789": {"note": "call Jane Doe"}},
    }
    findings = scan_parameters(params)
    paths = [f.path for f in findings]
    assert ("EMAIL_ADDRESS", "/*1") in [(f.entity, f.path) for f in findings]
    assert ("PHONE_NUMBER", "/n/*0") in [(f.entity, f.path) for f in findings]
    assert all("schmidt" not in p and "151" not in p for p in paths)


def test_identifier_shaped_keys_with_digit_runs_are_scanned_too() -> None:
    findings = scan_parameters({"style": {"DE89370400440532013000": "x", "ref-4111-1111-1111-1111": 1}})
    assert [(f.entity, f.path) for f in findings] == [
        ("IBAN_CODE", "/style/*0"),
        ("CREDIT_CARD", "/style/*1"),
    ]


def test_plans_for_one_context_are_not_reused_for_another(monkeypatch: pytest.MonkeyPatch) -> None:
    from gate.scanning import plans  # noqa: PLC0415 - the private table under test

    # Key context is part of a plan's key: a plan made under a birth key must not answer for "note".
    monkeypatch.setattr(plans, "_plans", {})  # empty, so the first plan is made here, not by other tests
    assert scan_parameters({"birth": "hello world"}) == []
    assert scan_parameters({"note": "mail jane@example.com"}) == [
        Finding(entity="EMAIL_ADDRESS", path="/note", detector="email")
    ]


def test_full_tables_are_emptied_and_results_stay_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    from gate.scanning import members, plans  # noqa: PLC0415 - the private tables under test

    params = {
        f"key{i}": value
        for i, value in enumerate(
            [
                "jane@example.com",
                "call +49 151 23456789",
                "4111 1111 1111 1111",
                "a red bag",
                "DOB: 1985-03-12",
                "Maria Schmidt",
                "user recently viewed",
                "host 192.168.0.12",
                "48.8584, 2.2945",
                "CLIPTextEncode",
            ]
        )
    }
    expected = scan_parameters(params)
    monkeypatch.setattr(plans, "_MAX_PLANS", 3)
    monkeypatch.setattr(members, "_MAX_MEMBERS", 4)
    monkeypatch.setattr(plans, "_plans", {})
    monkeypatch.setattr(members, "table", {})
    for _ in range(3):
        assert scan_parameters(params) == expected
        assert len(plans._plans) <= 3
        assert len(members.table) <= 4
        # Emptied and refilled, not frozen: what was used last is in the tables.
        assert "key9" in members.table
    scan_parameters({"another": "jane@example.com"})
    assert "another" in members.table
    assert any(
        detectors and detectors[0].entity == "EMAIL_ADDRESS" for detectors, _, _ in plans._plans.values()
    )


def _found(params: Any) -> list[tuple[str, str]]:
    return [(f.entity, f.path) for f in scan_parameters(params)]


@pytest.mark.parametrize("kind", ["Organization", "http://schema.org/Corporation", ["Organization", "Brand"]])
def test_a_json_ld_node_that_is_not_a_person_is_not_read_as_one(kind: Any) -> None:
    # schema.org's own example: an organisation as a CreativeWork's author (C2PA writes such assertions).
    author = {"@type": kind, "name": "Acme Studios", "@id": "https://acme.example/"}
    assert _found({"author": [author]}) == []
    # What a text detector finds is still found inside it.
    assert _found({"author": [author | {"email": "jane.doe@example.com"}]}) == [
        ("EMAIL_ADDRESS", "/author/0/email")
    ]


@pytest.mark.parametrize(
    "kind", ["Person", "https://schema.org/Person", ["Person", "Organization"], "Patient", ["Thing"], "", 5]
)
def test_a_person_node_or_an_unclear_type_is_still_read_as_a_person(kind: Any) -> None:
    assert _found({"author": [{"@type": kind, "name": "Jane Doe"}]}) == [("PERSON", "/author/0/name")]


@pytest.mark.parametrize(
    "params",
    [
        {"lora:lat": 0.7},
        {"lora:long": 0.8},
        {"model:author": "Stability AI"},
        {"server:address": "127.0.0.1:8188"},
    ],
)
def test_only_xmp_and_json_ld_prefixes_are_read_as_namespaces(params: Any) -> None:
    # In generation parameters a prefix means something: "lora:lat" is a LoRA's weight.
    assert [f.entity for f in scan_parameters(params)] in ([], ["IP_ADDRESS"])
