"""Truth table: which declared generations reference an input image."""

from __future__ import annotations

from typing import Any

import pytest

from gate.core.checks.input_image import references_input_image
from gate.core.event import Generation


@pytest.mark.parametrize(
    ("parameters", "expected"),
    [
        # img2img, inpainting, adapters, face swap, reference photos: yes
        ({"prompt": "a mug", "init_image": "s3://in/1.png", "strength": 0.6}, True),
        ({"initImage": "https://cdn.example/p.jpg"}, True),
        ({"Init Image": "blob:1"}, True),
        ({"prompt": "x", "mask_image": "mask.png", "image": "in.png"}, True),
        ({"ip_adapter_image": "face.jpg", "ip_adapter_scale": 0.7}, True),
        ({"ipadapter": {"weight": 0.8, "image": "ref.jpg"}}, True),
        ({"faceswap": {"source": "customer.jpg"}}, True),
        ({"reference_photo": "upload-77.jpg"}, True),
        ({"mode": "img2img", "denoising_strength": 0.4}, True),
        ({"task": "Inpainting"}, True),
        ({"pipeline": "StableDiffusionImg2ImgPipeline"}, True),
        ({"workflow": "face-swap"}, True),
        ({"nodes": [{"class": "LoadImage"}, {"inputs": {"image": "upload.png"}}]}, True),
        # text to image, empty or switched-off inputs: no
        ({"prompt": "a leather handbag", "steps": 30, "denoising_strength": 0.5}, False),
        ({"prompt": "x", "init_image": None}, False),
        ({"prompt": "x", "init_image": ""}, False),
        ({"prompt": "x", "ip_adapter_image": "none"}, False),
        ({"prompt": "x", "mask": False}, False),
        ({"mode": "txt2img"}, False),
        ({"prompt": "an image of a photo frame on a desk"}, False),
        ({"image_width": 1024, "image_height": 768}, False),
        ({"style": "photo"}, False),
        ("a bare prompt string", False),
        ([{"prompt": "a"}, {"steps": 20}], False),
    ],
)
def test_references_input_image(parameters: Any, expected: bool) -> None:
    generation = Generation(synthetic=True, parameters=parameters)
    assert references_input_image(generation) is expected


def test_no_generation_or_no_parameters_is_no_reference() -> None:
    assert references_input_image(None) is False
    assert references_input_image(Generation(synthetic=True)) is False
