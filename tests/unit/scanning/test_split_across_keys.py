"""A value split across an object's keys, a key and its value, or sibling containers (`splits.py`).

Each split was approved before: only a split across an object's string values or an array's strings
was read joined. Findings name the object's pointer, never a key's text.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gate.scanning import scan_parameters
from gate.scanning.detectors.email_role import role_mailbox

EMAIL, PHONE, IBAN, CARD = "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD"

SPLITS: list[tuple[Any, str]] = [
    ({"jane.doe": "@example.com"}, EMAIL),  # key, then value
    ({"jane.doe@": "example.com"}, EMAIL),
    ({"jane": 1, ".doe@exa": 2, "mple.com": 3}, EMAIL),  # keys alone
    ({"jane": None, ".doe@example": True, ".com": False}, EMAIL),
    ({"a": "jane", "b": ".doe@exa", "c": "mple.com"}, EMAIL),  # values (read before too)
    ({"jane.doe": {"@example.com": 1}}, EMAIL),  # key, then a child's key
    ({"a": ["jane.doe"], "b": ["@example.com"]}, EMAIL),  # sibling arrays
    ({"a": {"x": "jane.doe"}, "b": {"y": "@example.com"}}, EMAIL),  # sibling objects
    # Two levels apart, through small containers (`splits.MAX_SPLIT_LEVELS` is 3).
    ({"a": {"x": "jane.doe"}, "b": {"y": {"q": "@example.com"}}}, EMAIL),
    ({"a": {"x": {"p": "jane.doe"}}, "b": {"y": {"q": "@example.com"}}}, EMAIL),
    ({"a": [{"x": "jane.doe"}], "b": [{"y": "@example.com"}]}, EMAIL),
    ({"n1": {"inputs": {"text": "jane.doe"}}, "n2": {"inputs": {"text": "@example.com"}}}, EMAIL),
    ({"a": {"x": "+49"}, "b": {"c": {"y": "151 23456789"}}}, PHONE),
    # Three levels apart (since gaps4).
    ({"a": {"b": {"c": "jane.doe"}}, "x": {"y": {"z": {"w": "@example.com"}}}}, EMAIL),
    (
        {
            "n1": {"inputs": {"meta": {"text": "jane.doe"}}},
            "n2": {"inputs": {"meta": {"text": "@example.com"}}},
        },
        EMAIL,
    ),
    ({"a": [[{"x": "jane.doe"}]], "b": [[{"y": "@example.com"}]]}, EMAIL),
    ({"a": {"b": {"c": "+49"}}, "d": {"e": {"f": {"g": "151 23456789"}}}}, PHONE),
    ({"+49 151": "23456789"}, PHONE),
    ({"+49": {"151": "2345 6789"}}, PHONE),
    ({"DE89 3704": "0044 0532 0130 00"}, IBAN),
    ({"4111 1111": "1111 1111"}, CARD),
]


def _keys(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [k for k in value] + [k for v in value.values() for k in _keys(v)]
    if isinstance(value, list):
        return [k for v in value for k in _keys(v)]
    return []


@pytest.mark.parametrize(("inner", "entity"), SPLITS)
@pytest.mark.parametrize("where", ["root", "nested", "in_array"])
def test_a_value_split_across_keys_is_found(inner: dict[str, Any], entity: str, where: str) -> None:
    doc: Any = inner if where == "root" else {"params": {"extra": inner}} if where == "nested" else [inner]
    findings = scan_parameters(doc)
    assert entity in {f.entity for f in findings}
    # Pointers name containers and positions, never a key's text.
    for finding in findings:
        for key in _keys(inner):
            if len(key) > 1:
                assert key not in finding.path


CLEAN = [
    # A handle under a field's name (the shop's own: under a bare platform key it is a SOCIAL_HANDLE).
    {"shop_instagram": "@acme.shop"},
    {"social": {"shop_instagram": "@acme.shop", "brand_tiktok": "@acme.store"}, "brand": "Acme"},
    {"loras": {"add_detail.safetensors": 0.6, "product_shot_v2.safetensors": 0.8}},
    {"model": "sd_xl_base_1.0", "ext": ".safetensors", "weights": ["+0.5", "+1.2"]},
    {"v1.10.1": {"changes": ".png export"}, "v1.9": {"changes": "+ refiner"}},
    {"3": {"class_type": "KSampler", "inputs": {"seed": 156680208700286, "steps": 30}}, "4": {"x": ".5"}},
    {"Size 42": "EU", "Size 44": "+2 cm"},
    {"sizes": {"1024 x 1024": "square", "768 x 1344": "+portrait"}},
]


@pytest.mark.parametrize("doc", CLEAN)
def test_neighbours_stay_clean(doc: dict[str, Any]) -> None:
    assert scan_parameters(doc) == []


_LOCAL = st.from_regex(r"[a-z]{3,8}\.[a-z]{3,8}", fullmatch=True)


@given(_LOCAL, st.sampled_from(["example.com", "mail.example.org", "shop.example.net"]), st.data())
@settings(max_examples=150, deadline=None)
def test_any_cut_of_an_address_across_keys_is_found(local: str, domain: str, data: st.DataObject) -> None:
    assume(not role_mailbox(local, domain))  # a shop's role mailbox is no one's (`email_role`)
    address = f"{local}@{domain}"
    # Cut the address in two or three at random points; the cuts become keys, or a key and a value.
    points = sorted(data.draw(st.sets(st.integers(1, len(address) - 1), min_size=1, max_size=2)))
    parts = [address[i:j] for i, j in zip([0, *points], [*points, len(address)], strict=True)]
    if not any(p.startswith(("@", ".", "+")) or p.endswith("@") for p in parts):
        return  # a cut with no part at a boundary: not what this reading looks for (see splits.py)
    as_keys = {part: index for index, part in enumerate(parts)}
    findings = scan_parameters({"extra": as_keys})
    assert EMAIL in {f.entity for f in findings}
    # No pointer spells a part below "/extra" (whose own name holds the part "ex" when the cut makes one).
    assert all(part not in f.path.removeprefix("/extra") for f in findings for part in parts if len(part) > 1)


# Four levels apart, or below a container too large to be a part of a split: not read (the bound).
BEYOND_REACH: list[Any] = [
    {"a": {"b": {"c": {"d": {"x": "jane.doe"}}}}, "e": {"f": {"g": {"h": {"y": "@example.com"}}}}},
    {"a": {"x": "jane.doe"}, "b": {"y": {"q": "@example.com", "1": "a", "2": "b", "3": "c", "4": "d"}}},
]


@pytest.mark.parametrize("doc", BEYOND_REACH)
def test_a_split_deeper_than_three_levels_is_not_read(doc: dict[str, Any]) -> None:
    assert scan_parameters(doc) == []


# Clean neighbours two and three levels apart: handles and extensions beside words.
CLEAN_TWO_LEVELS: list[Any] = [
    {"a": {"x": {"q": {"r": "render"}}}, "b": {"y": {"q": {"r": ".png"}}}},
    {"n1": {"inputs": {"meta": {"t": "v1.2"}}}, "n2": {"inputs": {"meta": {"t": "+0.5"}}}},
    {"a": {"x": {"q": "@acme.shop"}}, "b": {"y": {"q": "@acme.store"}}},
    {"file": {"name": {"stem": "render"}}, "meta": {"ext": {"v": ".png"}}},
    {"lora": {"weights": {"w": "+0.5"}}, "cfg": {"scale": {"v": "7.5"}}},
]


@pytest.mark.parametrize("doc", CLEAN_TWO_LEVELS)
def test_neighbours_two_levels_apart_stay_clean(doc: dict[str, Any]) -> None:
    assert scan_parameters(doc) == []


# A name or an address kept as its parts, as CRM and mail systems store them: the parts of a person's
# name under "first"/"last" of a person key, an address's under a local-part key and "domain".
KEPT_AS_PARTS: list[tuple[object, str | None]] = [
    ({"recipient": {"first": "Agnieszka", "last": "Wiśniewska"}}, "PERSON"),
    ({"customer": {"given": "Aoife", "family": "Ní Dhomhnaill"}}, "PERSON"),
    ({"email": {"user": "maria.garcia", "domain": "gmail.com"}}, "EMAIL_ADDRESS"),
    ({"contact": {"local_part": "j.martin", "domain": "orange.fr"}}, "EMAIL_ADDRESS"),
    ({"range": {"first": "A", "last": "Z"}}, None),  # no person above
    ({"pages": {"first": 1, "last": 10}}, None),
    ({"server": {"host": "api.example.com", "user": "svc"}}, None),  # a connection, not an address
    ({"cdn": {"domain": "cdn.shop.com", "account": "prod"}}, None),
    ({"site": {"domain": "shop.example.com"}}, None),
    ({"site": {"domain": "shop example", "user": "anna"}}, None),  # no dotted domain
]


@pytest.mark.parametrize(("params", "entity"), KEPT_AS_PARTS)
def test_a_value_kept_as_its_named_parts(params: dict[str, object], entity: str | None) -> None:
    found = {finding.entity for finding in scan_parameters(params)}
    assert found == ({entity} if entity else set())
