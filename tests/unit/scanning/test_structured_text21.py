"""Neighbours of the classes text21 closed (found and clean): PHP-serialised values and HL7 v2 messages
read as the objects they hold, a JSON Web Token's claims read under their keys, and an application's
client id (ComfyUI's websocket id, an OAuth client) that is no customer's."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from gate.errors import ScanLimitExceeded
from gate.scanning import scan_parameters
from gate.scanning.hl7 import hl7_message
from gate.scanning.php_serialized import php_value


def _php_string(text: str) -> str:
    return f's:{len(text.encode())}:"{text}";'


def _php_array(pairs: dict[str, str]) -> str:
    body = "".join(_php_string(key) + _php_string(value) for key, value in pairs.items())
    return f"a:{len(pairs)}:{{{body}}}"


def _entities(params: Any) -> set[str]:
    return {finding.entity for finding in scan_parameters(params)}


def _jwt(claims: dict[str, Any]) -> str:
    def part(value: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(value, ensure_ascii=False).encode()).decode().rstrip("=")

    return f"{part({'alg': 'RS256', 'typ': 'JWT'})}.{part(claims)}.c2lnbmF0dXJlLW9mLTY0LWJ5dGVz"


_COMFY_GRAPH = {"3": {"class_type": "KSampler", "inputs": {"seed": 5, "steps": 20}}}


@pytest.mark.parametrize(
    ("params", "entity"),
    [
        # Magento 1 product_options, WooCommerce meta, an object's private property
        (
            {"product_options": _php_array({"label": "Engraving", "email": "ines.sousa@sapo.pt"})},
            "EMAIL_ADDRESS",
        ),
        ({"meta_value": _php_array({"name": "Ana", "billing_phone": "+351 912 345 678"})}, "PHONE_NUMBER"),
        ({"meta": 'O:8:"Customer":1:{s:13:"\x00Customer\x00dob";s:10:"1961-03-14";}'}, "DATE_OF_BIRTH"),
        ({"options": "a:1:{i:0;" + _php_array({"geburtsdatum": "14.03.1961"}) + "}"}, "DATE_OF_BIRTH"),
        # HL7 v2: a date of birth, next of kin's phone, a diagnosis, each under the name its position has
        (
            {"msg": "MSH|^~\\&|A|B|C|D|202612010930||ADT^A04|1|P|2.5\rPID|1||77^^^H^MR||Roe^Ann||19610314|F"},
            "DATE_OF_BIRTH",
        ),
        (
            {"msg": "MSH|^~\\&|A|B|C|D|202612010930||ADT^A04|1|P|2.5\nNK1|1|Roe^Bo|SPO||+44 7911 123456"},
            "PHONE_NUMBER",
        ),
        (
            {"msg": "MSH|^~\\&|A|B|C|D|1||ADT^A08|1|P|2.5\r\nDG1|1||E11.9^^I10|Type 2 diabetes mellitus"},
            "HEALTH_DATA",
        ),
        # An OpenID Connect id_token's claims
        ({"id_token": _jwt({"iss": "https://id.example", "birthdate": "1961-03-14"})}, "DATE_OF_BIRTH"),
        ({"token": _jwt({"iss": "https://id.example", "phone_number": "+33 6 12 34 56 78"})}, "PHONE_NUMBER"),
        # client_id stays a customer's where nothing says it is an application's
        ({"client_id": "C-100482", "prompt": _COMFY_GRAPH}, "CUSTOMER_ID"),
        ({"client_id": "c1d2188214", "prompt": "a lighthouse at dusk"}, "CUSTOMER_ID"),
        ({"client_id": "100482", "name": "Ann Roe"}, "CUSTOMER_ID"),
        ({"customer": {"client_id": "4f1c2b1e8c0d4f7a9b6e2d3c4b5a6f70"}}, "CUSTOMER_ID"),
    ],
)
def test_found_in_structured_text(params: dict[str, Any], entity: str) -> None:
    assert entity in _entities(params)


@pytest.mark.parametrize(
    "params",
    [
        {"product_options": _php_array({"label": "Size", "value": "XL", "sku": "MUG-11"})},
        {"product_options": 'a:1:{s:7:"options";a:0:{}}'},
        {"msg": "MSH|^~\\&|CATALOG|LUMEN|RENDER|LUMEN|202612010930||MFN^M01|CAT1|P|2.5"},
        {"client_id": "4f1c2b1e-8c0d-4f7a-9b6e-2d3c4b5a6f70", "prompt": _COMFY_GRAPH},
        {"client_id": "c1d2188214", "prompt": _COMFY_GRAPH, "extra_data": {"extra_pnginfo": {}}},
        {"claims": {"iss": "https://auth.example", "aud": "api", "client_id": "svc-render", "exp": 1}},
        {"token_request": {"grant_type": "client_credentials", "client_id": "render-worker-7"}},
    ],
)
def test_clean_structured_text_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


@pytest.mark.parametrize(
    "text",
    [
        'a:2:{s:4:"name";s:3:"Ann";}',  # one member fewer than declared
        'a:1:{s:4:"name";s:9:"Ann";}',  # a length a charset conversion broke
        'a:1:{s:4:"name";s:3:"Ann";}trailing',
        "a:999999999:{",
        'O:8:"stdClass":1:{N;s:1:"x";}',  # a key that is no key
        'C:3:"Foo":5:{abcde',
    ],
)
def test_malformed_php_is_read_as_text_only(text: str) -> None:
    assert php_value(text) is None


def test_php_objects_are_read_never_built() -> None:
    # PHP object injection needs a class to be built: the reader gives its properties as a dict.
    read = php_value('O:8:"Customer":2:{s:4:"name";s:3:"Ann";s:7:"\x00*\x00mail";s:1:"x";}')
    assert read == {"name": "Ann", "mail": "x"}


def test_php_nested_past_the_limit_is_refused() -> None:
    deep = "a:1:{i:0;" * 80 + "N;" + "}" * 80
    with pytest.raises(ScanLimitExceeded):
        scan_parameters({"meta": deep})


def test_malformed_php_still_reads_its_text() -> None:
    # Broken lengths: not opened, but the address inside is read as text (fail closed)
    assert "EMAIL_ADDRESS" in _entities({"meta": 'a:1:{s:5:"email";s:2:"ines.sousa@sapo.pt";}'})


def test_hl7_needs_a_header_and_segment_ids() -> None:
    assert hl7_message("PID|1||77||Roe^Ann||19610314") is None
    assert hl7_message("MSH|^~\\&|A\rpid|1") is None
    assert hl7_message("MSH|^~\\&|A|B\rPID|1||77||Roe^Ann~Doe^Ann||196103141200") == [
        {
            "segment": "PID",
            "PID-1": "1",
            "patient_identifier": "77",
            "patient_name": ["Roe Ann", "Doe Ann"],
            "date_of_birth": "19610314",
        }
    ]
