"""Realistic generation parameters that hold no personal data must produce no findings at all.

Each record imitates what a real tool emits (A1111, ComfyUI, SDXL pipelines, DALL-E, Firefly,
Midjourney, Leonardo, InvokeAI, Fooocus) for product imagery, with the usual seeds, hashes, versions,
UUIDs, timestamps, prices, barcodes and brand words that naive detectors mistake for personal data.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters

A1111_PARAMETERS = (
    "professional product photo of a leather handbag on a marble table, soft light, 85mm, "
    "(masterpiece:1.2), best quality\nNegative prompt: blurry, lowres, watermark\n"
    "Steps: 30, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 3482910023, Size: 1024x1024, "
    "Model hash: 31e35c80fc, Model: sd_xl_base_1.0, Denoising strength: 0.35, Clip skip: 2, "
    'Hires upscale: 1.5, Hires upscaler: 4x-UltraSharp, Lora hashes: "add_detail: 7c6bad76eb54", '
    "Version: v1.10.1"
)

CLEAN_RECORDS: list[dict[str, Any]] = [
    {
        "prompt": "professional product photo of a leather handbag on a marble table, soft natural "
        "light, shallow depth of field, 85mm lens, (masterpiece:1.2), Rose Gold hardware, 8k",
        "negative_prompt": "blurry, lowres, watermark, text, logo, deformed, jpeg artifacts",
        "seed": 3482910023,
        "steps": 30,
        "cfg_scale": 7.0,
        "sampler": "DPM++ 2M Karras",
        "model": "sd_xl_base_1.0.safetensors",
        "model_hash": "31e35c80fc",
        "width": 1024,
        "height": 1024,
        "loras": [{"name": "add_detail", "weight": 0.6}, {"name": "product_shot_v2", "weight": 0.8}],
    },
    {"parameters": A1111_PARAMETERS},
    {
        "prompt": "Nike Air Max 90 sneaker floating above a concrete floor, dramatic rim light, "
        "studio backdrop, ultra detailed, commercial photography",
        "negative_prompt": "(worst quality:1.4), (low quality:1.4), extra laces",
        "seed": 18446744073709551615,
        "subseed": 4111111111111111,
        "subseed_strength": 0.0,
        "sampler_name": "Euler a",
        "scheduler": "Automatic",
        "override_settings": {"sd_model_checkpoint": "juggernautXL_v9Rundiffusionphoto2.safetensors"},
        "sd_vae": "sdxl_vae.safetensors",
        "enable_hr": True,
        "hr_scale": 1.5,
        "denoising_strength": 0.45,
    },
    {
        "3": {
            "class_type": "KSampler",
            "inputs": {
                "seed": 156680208700286,
                "steps": 20,
                "cfg": 8,
                "sampler_name": "dpmpp_2m_sde_gpu",
                "scheduler": "karras",
                "denoise": 1,
                "model": ["4", 0],
                "positive": ["6", 0],
                "negative": ["7", 0],
                "latent_image": ["5", 0],
            },
        },
        "4": {"class_type": "CheckpointLoaderSimple", "inputs": {"ckpt_name": "v1-5-pruned-emaonly.ckpt"}},
        "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 512, "height": 512, "batch_size": 1}},
        "6": {
            "class_type": "CLIPTextEncode",
            "inputs": {
                "text": "a ceramic Coffee Mug with a Van Gogh style starry night print",
                "clip": ["4", 1],
            },
        },
        "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "text, watermark", "clip": ["4", 1]}},
    },
    {
        "last_node_id": 9,
        "last_link_id": 9,
        "nodes": [
            {"id": 3, "type": "KSampler", "pos": [863, 186], "size": {"0": 315, "1": 262}, "order": 4},
            {"id": 9, "type": "SaveImage", "pos": [1451, 189], "widgets_values": ["ComfyUI"]},
        ],
        "links": [[1, 4, 0, 3, 0, "MODEL"], [9, 8, 0, 9, 0, "IMAGE"]],
        "extra": {"ds": {"scale": 0.8264, "offset": [143.2817, 105.5722]}},
        "version": 0.4,
    },
    {
        "model": "dall-e-3",
        "prompt": "A minimalist flat lay of a Red Dress, gold hoop earrings and a straw hat on linen",
        "revised_prompt": "A minimalist flat lay photograph showing a vibrant red dress neatly arranged "
        "beside gold hoop earrings and a woven straw hat on a beige linen background.",
        "size": "1792x1024",
        "quality": "hd",
        "style": "natural",
        "n": 1,
        "created": 1795727879,
    },
    {
        "contentClass": "photo",
        "prompt": "Ralph Lauren style polo shirt on a wooden hanger, Summer Collection 2026",
        "size": {"width": 2048, "height": 2048},
        "visualIntensity": 6,
        "styles": {"presets": ["golden_hour", "product_photo"], "strength": 60},
        "seeds": [94823, 11872],
        "modelVersion": "image3",
        "jobId": "urn:aaid:sc:US:8b9f3c2e-1d4a-4b7e-9c2f-0e1d2c3b4a59",
        "c2pa": {"claim_generator": "Adobe_Firefly/3.0 c2pa-rs/0.28.4"},
    },
    {
        "prompt": "Mary Jane shoes in patent leather, product packshot, white seamless --ar 4:5 "
        "--v 6.1 --style raw --s 250 --seed 2847502983",
        "job_id": "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b",
        "version": "6.1",
        "aspect_ratio": "4:5",
        "stylize": 250,
    },
    {
        "sku": "MB-24-BLK",
        "gtin": "4006381333924",
        "ean": 4006381333931,
        "product_title": "Pegasus 40 Premium Road Running Shoes",
        "price": "EUR 1,299.00",
        "sale_price": 19.99,
        "currency": "EUR",
        "prompt": "Pegasus 40 Premium Road Running Shoes on wet asphalt, motion blur background",
        "colors": ["#FF5733", "rgb(255, 87, 51)", "hsl(11, 100%, 60%)"],
    },
    {
        "generation_id": "123e4567-e89b-12d3-a456-426614174000",
        "created_at": "2026-11-26T21:17:59Z",
        "updated_at": "2026-11-26T21:18:03.412+01:00",
        "timestamp_ms": 1795727879000,
        "duration_ms": 4120,
        "pipeline": {"name": "StableDiffusionXLPipeline", "diffusers_version": "0.31.0"},
        "torch_version": "2.5.1+cu124",
        "cuda": "12.4",
        "build": "10.0.19041.1",
        "engine": "2.1.0.4",
    },
    {
        "prompt": "Tommy Hilfiger jacket on a mannequin, in the style of Greg Rutkowski, artstation",
        "negative_prompt": "nsfw, lowres, bad anatomy",
        "guidance_scale": 5.5,
        "num_inference_steps": 28,
        "generator_seed": 987654321012,
        "scheduler": "DPMSolverMultistepScheduler",
        "use_karras_sigmas": True,
        # (A LoRA named after a person is her likeness, "<lora:Emma_Watson_v2:0.8>": test_joined_words.)
        "lora": "<lora:art_nouveau_poster_v2:0.8>",
    },
    {
        "prompt": "by Alphonse Mucha and Greg Rutkowski, art nouveau perfume bottle, ornate, gold leaf",
        "sampler": "DDIM",
        "eta": 0.0,
        "clip_skip": 2,
        "model_hash": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "vae_hash": "d41d8cd98f00b204e9800998ecf8427e",
        "tiling": False,
    },
    {
        "positive_prompt": "Air Jordan 1 Retro High on a basketball court at golden hour",
        "negative_prompt": "",
        "performance": "Speed",
        "aspect_ratios": "1152\u00d7896",
        "styles": ["Fooocus V2", "Fooocus Photograph", "Fooocus Negative"],
        "base_model": "juggernautXL_v8Rundiffusion.safetensors",
        "refiner_model": "None",
        "refiner_switch": 0.5,
        "sharpness": 2,
        "guidance_scale": 4,
        "adm_guidance": "(1.5, 0.8, 0.3)",
        "loras": [["sd_xl_offset_example-lora_1.0.safetensors", 0.1]],
        "version": "Fooocus v2.5.5",
    },
    {
        "modelId": "aa77f04e-3eec-4034-9c07-d0f619684628",
        "prompt": "Scandinavian oak dining chair, top view, soft shadows, catalogue photo",
        "num_images": 4,
        "width": 1232,
        "height": 928,
        "alchemy": True,
        "photoReal": False,
        "presetStyle": "PRODUCT",
        "init_strength": 0.55,
        "generationId": "0f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0",
    },
    {
        "metadata_version": "3.0.0",
        "app_version": "4.2.9",
        "generation_mode": "sdxl_txt2img",
        "positive_prompt": "Grace Kelly bag in croc leather on a vanity table",
        "negative_prompt": "low quality",
        "width": 1024,
        "height": 1024,
        "seed": 2093812771,
        "rand_device": "cpu",
        "cfg_scale": 6,
        "cfg_rescale_multiplier": 0,
        "steps": 35,
        "scheduler": "euler_a",
        "model": {
            "key": "e2d9e3a1-93b0-41a5-a0e3-0c5e0a1b9f77",
            "hash": "blake3:8f1e2d3c4b5a",
            "name": "SDXL 1.0",
        },
    },
    {
        "prompt": "Earring 2 pack, gold, on a velvet jewellery box, macro",
        "negative_prompt": "fingers, hands",
        "strength": 0.75,
        "controlnet": [{"module": "canny", "model": "control_v11p_sd15_canny [d14c016b]", "weight": 1.0}],
        "image_cfg_scale": 1.5,
        "s_noise": 1.003,
        "token_merging_ratio": 0.3,
        "tokenizer": "clip-vit-large-patch14",
    },
    {
        "prompt": "a shopping cart icon, flat vector, e-commerce banner, Black Friday sale 50% off",
        "negative_prompt": "photo, realistic",
        "theme": "session=dark_mode",
        "locale": "en-US",
        "timezone": "Europe/Berlin",
        "location": "studio",
        "background": "#FFFFFF",
    },
    {
        "prompt": "Hermes style silk scarf with a map pattern of Paris, 48 arrondissement style grid",
        "dimensions": "3000x3000",
        "dpi": 300,
        "print_size_cm": [30.5, 30.5],
        "icc_profile": "sRGB IEC61966-2.1",
        "colour_space": "sRGB",
    },
    {
        "prompt": "iPhone 15 Pro case mockup, Titanium Blue, lying on a desk next to a MacBook Air",
        "negative_prompt": "fingerprints",
        "seed": -1,
        "steps": 25,
        "sampler": "LCM",
        "lcm_lora": "lcm-lora-sdxl",
        "cfg_scale": 1.5,
        "upscale": {"model": "RealESRGAN_x4plus", "factor": 2},
    },
    {
        "prompt": "Christmas gift box with a Rose Gold ribbon, bokeh lights, Winter Edition",
        "wildcards": ["__colors__", "__materials__"],
        "dynamic_prompts": {"enabled": True, "combinatorial": False, "max_generations": 4},
        "batch": {"count": 4, "size": 1},
        "adetailer": [{"ad_model": "face_yolov8n.pt", "ad_confidence": 0.3}],
        "regional_prompter": {"mode": "Matrix", "ratios": "1,1;2,1"},
    },
    {
        "prompt": "Jean Jacket with embroidered patches on a clothes rack, Sunday Market vibe",
        "ip_adapter": {"model": "ip-adapter-plus_sdxl_vit-h.safetensors", "weight": 0.6},
        "hires_fix": {"upscaler": "Latent", "steps": 15, "denoise": 0.5},
        "refiner": {"checkpoint": "sd_xl_refiner_1.0.safetensors", "switch_at": 0.8},
        "noise_seed": 4111111111111111,
    },
    {
        "inputs": "a watercolor illustration of a teapot, muted palette",
        "parameters": {"guidance_scale": 7.5, "num_inference_steps": 50, "negative_prompt": "photo"},
        "options": {"use_cache": False, "wait_for_model": True},
        "x-request-id": "req_8f2a9c1b7d3e4f50",
    },
]


def test_corpus_is_big_enough() -> None:
    assert len(CLEAN_RECORDS) >= 20


@pytest.mark.parametrize("record", CLEAN_RECORDS, ids=[f"record{i}" for i in range(len(CLEAN_RECORDS))])
def test_clean_record_has_no_findings(record: dict[str, Any]) -> None:
    assert scan_parameters(record) == []


def test_corpus_turns_dirty_with_one_personal_value() -> None:
    # The same records are not clean by construction: one personal value is found in each.
    for record in CLEAN_RECORDS:
        dirty = {**record, "contact": "jane.doe@example.com"}
        assert [f.path for f in scan_parameters(dirty)] == ["/contact"]
