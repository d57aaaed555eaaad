"""A key can be personal data (a map of customers keyed by name): an identifier-shaped key is read with
its words apart ("anna_kowalska" reads "Anna Kowalska"), and a key shaped like a name the scanner does not
know is never spelled in a pointer (`*N`, its position, as for a key that is an email)."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters


@pytest.mark.parametrize(
    ("params", "found"),
    [
        ({"anna_kowalska": "vip"}, [("PERSON", "/*0")]),
        ({"AnnaKowalska": 1}, [("PERSON", "/*0")]),
        ({"anna.kowalska": "vip"}, [("PERSON", "/*0")]),
        ({"customers": {"maria_garcia": {"tier": "gold"}}}, [("PERSON", "/customers/*0")]),
        # below a key that is a name, the pointer names its position, not the key
        ({"anna_kowalska": {"email": "x.y@gmail.com"}}, [("PERSON", "/*0"), ("EMAIL_ADDRESS", "/*0/email")]),
    ],
)
def test_an_identifier_shaped_key_that_is_a_name_is_found(params: Any, found: list[tuple[str, str]]) -> None:
    assert [(f.entity, f.path) for f in scan_parameters(params)] == found


@pytest.mark.parametrize(
    "params",
    [
        {"Jean Martin": {"phone": "+33612345678"}},
        {"orders": {"Kowalska, Anna": ["+48 512 345 678"]}},
    ],
)
def test_a_key_shaped_like_a_name_is_not_spelled_in_a_pointer(params: Any) -> None:
    found = scan_parameters(params)
    assert found
    for finding in found:
        assert "Martin" not in finding.path and "Kowalska" not in finding.path


@pytest.mark.parametrize(
    "params",
    [
        {"negative_prompt": "blurry", "cfg_scale": 7, "clip_skip": 2, "hires_fix": True},
        {"ckpt_name": "sdxl.safetensors", "lora_name": "detail", "strength_model": 0.8, "class_type": "X"},
        {
            "denoising_strength": 0.4,
            "sampler_name": "euler",
            "face_restoration": "none",
            "model_hash": "ab12",
        },
        {"upscale_method": "nearest", "batch_size": 1, "ip_adapter": "plus", "control_net": "openpose"},
        {"hugo_boss_style": 1, "tom_ford_look": 2},
    ],
)
def test_the_keys_of_generation_tools_stay_clean(params: Any) -> None:
    assert scan_parameters(params) == []


def test_a_key_with_spaces_keeps_its_name_where_it_names_no_one() -> None:
    assert [f.path for f in scan_parameters({"Model hash": {"email": "x.y@gmail.com"}})] == [
        "/Model hash/email"
    ]
