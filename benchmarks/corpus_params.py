"""A seeded, labelled corpus of image-generation parameters (A1111, ComfyUI, diffusers/SDXL, DALL-E).

About a third of the records carry planted personal data; every plant is labelled with its entity type and
the RFC 6901 pointer of the value that holds it. Everything else is a realistic hard negative: versions,
hashes, seeds, SKUs, GTINs, dimensions, colours, timestamps, prices, UUIDs, brand and product words.
Check digits (cards, IBANs, GTINs) come from python-stdnum, so valid numbers look exactly like real ones.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from stdnum import ean, iban, luhn

from gate.scanning import escape_token


@dataclass(frozen=True, slots=True)
class Label:
    """Planted personal data: which entity, at which JSON pointer."""

    entity: str
    pointer: str


@dataclass(frozen=True, slots=True)
class LabelledRecord:
    """One generation-parameter record and its labels (empty for a clean record)."""

    params: dict[str, Any]
    labels: tuple[Label, ...] = field(default=())
    style: str = ""


FIRST = ("Maria", "James", "Anna", "Thomas", "Sofia", "Lukas", "Emma", "Daniel", "Laura", "Ahmed", "Chloe",
         "Marco", "Julia", "Pieter", "Ingrid", "Kenji", "Priya", "Oliver", "Fatima", "Jan")  # fmt: skip
LAST = ("Schmidt", "Miller", "Rossi", "Garcia", "Novak", "Jensen", "Dubois", "Kowalski", "Tanaka", "Patel",
        "Smith", "Fischer", "Silva", "Bakker", "Yilmaz", "Brown")  # fmt: skip
STREETS = ("Maple Street", "Oak Avenue", "Station Road", "Hill Lane", "Park Drive", "Church Street")
CITIES = ("Springfield, IL 62704", "Austin, TX 78701", "Portland, OR 97205", "Denver, CO 80202")
PRODUCTS = ("leather handbag", "running shoe", "ceramic mug", "wool scarf", "desk lamp", "linen shirt",
            "espresso machine", "wristwatch", "backpack", "sunglasses")  # fmt: skip
SCENES = ("on a marble table", "on a white seamless backdrop", "in a sunlit loft", "on a wooden shelf",
          "floating on pastel background", "on a concrete plinth")  # fmt: skip
LOOKS = ("soft studio lighting", "8k, ultra detailed", "product photography, 85mm", "golden hour",
         "rim light, shallow depth of field", "minimalist, high key")  # fmt: skip
COLOURS = ("Rose Gold", "Midnight Blue", "Forest Green", "Sand Beige", "Jet Black", "#A1B2C3", "#0F0F0F")
BRANDS = ("Acme Outdoor", "Nordic Living", "Urban Trail", "Casa Bella")
SAMPLERS = ("DPM++ 2M Karras", "Euler a", "DPM++ SDE Karras", "UniPC", "DDIM")
MODELS = ("sdxl_base_1.0", "juggernautXL_v9", "realisticVision_v5.1", "dreamshaper_8", "sd_xl_refiner_1.0")


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def _gtin(rng: random.Random) -> str:
    body = "40" + "".join(rng.choice("0123456789") for _ in range(10))
    return body + ean.calc_check_digit(body)


def _card(rng: random.Random) -> str:
    body = rng.choice(("4", "51", "37")) + "".join(rng.choice("0123456789") for _ in range(14))
    body = body[:15] if not body.startswith("37") else body[:14]
    number = body + luhn.calc_check_digit(body)
    return " ".join(number[i : i + 4] for i in range(0, len(number), 4))


def _iban(rng: random.Random) -> str:
    bban = "".join(rng.choice("0123456789") for _ in range(18))
    return "DE" + iban.calc_check_digits("DE00" + bban) + bban


def _phone(rng: random.Random) -> str:
    return rng.choice(
        (
            f"+49 30 {rng.randrange(1000000, 9999999)}",
            f"+1 (415) 555-{rng.randrange(1000, 9999)}",
            f"+44 20 7946 {rng.randrange(1000, 9999)}",
            f"+33 6 {rng.randrange(10, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)} "
            f"{rng.randrange(10, 99)}",
        )
    )


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _email(rng: random.Random) -> str:
    domain = rng.choice(("example.com", "mail.example.org", "shop.example.net"))
    return f"{rng.choice(FIRST).lower()}.{rng.choice(LAST).lower()}{rng.randrange(1, 99)}@{domain}"


# entity -> (value maker, phrase embedding the value in a prompt, key for a separate field)
_Plant = tuple[Callable[[random.Random], str], str, str]
PLANTS: dict[str, _Plant] = {
    "EMAIL_ADDRESS": (_email, "like the one {v} ordered", "customer_email"),
    "PHONE_NUMBER": (_phone, "gift note: call {v} on delivery", "contact_phone"),
    "PERSON": (_person, "portrait of {v} holding it", "requested_by"),
    "LOCATION": (
        lambda r: f"{r.randrange(10, 999)} {r.choice(STREETS)}, {r.choice(CITIES)}",
        "delivered to {v}",
        "shipping_address",
    ),
    "CREDIT_CARD": (_card, "paid with card {v}", "payment_card"),
    "IBAN_CODE": (_iban, "refund to {v}", "refund_iban"),
    "IP_ADDRESS": (
        lambda r: f"{r.randrange(11, 223)}.{r.randrange(0, 255)}.{r.randrange(0, 255)}.{r.randrange(1, 254)}",
        "request from {v}",
        "client_ip",
    ),
    "US_SSN": (
        lambda r: f"{r.randrange(100, 665)}-{r.randrange(10, 99)}-{r.randrange(1000, 9999)}",
        "customer ssn {v}",
        "ssn",
    ),
    "DATE_OF_BIRTH": (
        lambda r: f"{r.randrange(1950, 2004)}-{r.randrange(1, 12):02d}-{r.randrange(1, 28):02d}",
        "birthday gift, born {v}",
        "date_of_birth",
    ),
    "CUSTOMER_ID": (lambda r: str(r.randrange(100000, 99999999)), "", "customer_id"),
    "SESSION_TOKEN": (lambda r: f"PHPSESSID={_hex(r, 32)}", "", "session"),
}
# Entity types that only a key can reveal are planted as separate fields only.
_FIELD_ONLY = frozenset({"CUSTOMER_ID", "SESSION_TOKEN"})


def _prompt(rng: random.Random) -> str:
    colour = rng.choice(COLOURS)
    return (
        f"a {colour.lower() if not colour.startswith('#') else colour} {rng.choice(PRODUCTS)} "
        f"{rng.choice(SCENES)}, {rng.choice(LOOKS)}"
    )


def _context(rng: random.Random) -> dict[str, Any]:
    """Product context many pipelines attach: every value here is a hard negative."""
    return {
        "sku": f"SKU-{rng.randrange(10000, 99999)}-{rng.choice(('BLK', 'WHT', 'RED', 'NVY'))}",
        "gtin": _gtin(rng),
        "brand": rng.choice(BRANDS),
        "colour": rng.choice(COLOURS),
        "price": rng.choice((f"€{rng.randrange(9, 499)}.99", f"{rng.randrange(9, 499)}.95 EUR")),
        "dimensions": rng.choice(("30 x 40 x 12 cm", "1024x768", "12.5 x 8 in", "A4")),
        "created_at": f"2026-{rng.randrange(1, 12):02d}-{rng.randrange(1, 28):02d}T"
        f"{rng.randrange(0, 23):02d}:{rng.randrange(0, 59):02d}:00Z",
        "request_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
    }


def _a1111(rng: random.Random) -> dict[str, Any]:
    w, h = rng.choice(((1024, 1024), (832, 1216), (640, 480)))
    return {
        "prompt": _prompt(rng),
        "negative_prompt": "blurry, lowres, watermark, text, deformed",
        "steps": rng.choice((20, 25, 30, 40)),
        "sampler_name": rng.choice(SAMPLERS),
        "cfg_scale": rng.choice((5, 6.5, 7, 7.5)),
        "seed": rng.randrange(0, 2**32),
        "size": f"{w}x{h}",
        "model_hash": _hex(rng, 10),
        "model": rng.choice(MODELS),
        "denoising_strength": rng.choice((0.35, 0.5, 0.75)),
        "version": rng.choice(("v1.6.0", "v1.7.0", "1.9.4", "f2.0.1v1.10.1-previous-1-g1e3c4d5")),
        "lora_hashes": f"detail_tweaker: {_hex(rng, 12)}",
    }


def _comfy(rng: random.Random) -> dict[str, Any]:
    return {
        "3": {
            "class_type": "KSampler",
            "inputs": {
                "seed": rng.randrange(0, 2**48),
                "steps": rng.choice((20, 28, 35)),
                "cfg": rng.choice((4.5, 7.0)),
                "sampler_name": rng.choice(("euler", "dpmpp_2m", "dpmpp_sde")),
                "scheduler": rng.choice(("karras", "normal")),
                "denoise": 1.0,
            },
        },
        "4": {
            "class_type": "CheckpointLoaderSimple",
            "inputs": {"ckpt_name": rng.choice(MODELS) + ".safetensors"},
        },
        "6": {"class_type": "CLIPTextEncode", "inputs": {"text": _prompt(rng)}},
        "7": {"class_type": "CLIPTextEncode", "inputs": {"text": "lowres, bad anatomy, watermark"}},
        "5": {"class_type": "EmptyLatentImage", "inputs": {"width": 1024, "height": 1024, "batch_size": 1}},
        "meta": {"comfyui_version": rng.choice(("0.3.10", "0.2.7")), "workflow_hash": _hex(rng, 64)},
    }


def _diffusers(rng: random.Random) -> dict[str, Any]:
    return {
        "prompt": _prompt(rng),
        "prompt_2": rng.choice(LOOKS),
        "num_inference_steps": rng.choice((25, 30, 50)),
        "guidance_scale": rng.choice((5.0, 7.5)),
        "scheduler": rng.choice(("EulerDiscreteScheduler", "DPMSolverMultistepScheduler")),
        "generator_seed": rng.randrange(0, 2**31),
        "width": 1024,
        "height": 1024,
        "model_id": "stabilityai/stable-diffusion-xl-base-1.0",
        "diffusers_version": rng.choice(("0.27.2", "0.30.0")),
        "torch_dtype": "float16",
    }


def _dalle(rng: random.Random) -> dict[str, Any]:
    return {
        "model": "dall-e-3",
        "prompt": _prompt(rng),
        "revised_prompt": "A photorealistic image of " + _prompt(rng),
        "size": rng.choice(("1024x1024", "1792x1024")),
        "quality": rng.choice(("standard", "hd")),
        "style": rng.choice(("natural", "vivid")),
        "created": rng.randrange(1_700_000_000, 1_800_000_000),
    }


STYLES: dict[str, Callable[[random.Random], dict[str, Any]]] = {
    "a1111": _a1111,
    "comfyui": _comfy,
    "diffusers": _diffusers,
    "dalle": _dalle,
}


def _prompt_pointer(style: str) -> tuple[str, ...]:
    return ("6", "inputs", "text") if style == "comfyui" else ("prompt",)


def _pointer(path: tuple[str, ...]) -> str:
    return "".join("/" + escape_token(token) for token in path)


def _plant(rng: random.Random, style: str, params: dict[str, Any], entity: str) -> Label:
    make, phrase, key = PLANTS[entity]
    value = make(rng)
    if entity not in _FIELD_ONLY and phrase and rng.random() < 0.5:
        path = _prompt_pointer(style)
        holder: dict[str, Any] = params
        for token in path[:-1]:
            holder = holder[token]
        holder[path[-1]] = f"{holder[path[-1]]}, {phrase.format(v=value)}"
        return Label(entity, _pointer(path))
    if style == "comfyui":
        params.setdefault("extra", {})[key] = value
        return Label(entity, _pointer(("extra", key)))
    params[key] = value
    return Label(entity, _pointer((key,)))


def generate_corpus(count: int, *, seed: int = 2026, dirty_share: float = 0.35) -> list[LabelledRecord]:
    """`count` records; about `dirty_share` of them carry one or two planted, labelled entities."""
    rng = random.Random(seed)
    records = []
    styles = list(STYLES)
    entities = list(PLANTS)
    for _ in range(count):
        style = rng.choice(styles)
        params = STYLES[style](rng)
        if rng.random() < 0.5:
            params["product"] = _context(rng)
        labels: list[Label] = []
        if rng.random() < dirty_share:
            for entity in rng.sample(entities, rng.choice((1, 1, 2))):
                label = _plant(rng, style, params, entity)
                if label not in labels:
                    labels.append(label)
        records.append(LabelledRecord(params, tuple(labels), style))
    return records


def resolve(doc: Any, pointer: str) -> Any:
    """The value at an RFC 6901 `pointer` in `doc` (where a label points)."""
    for raw in pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        doc = doc[int(token)] if isinstance(doc, list) else doc[token]
    return doc


def scalar_pointers(value: Any, path: str = "") -> list[str]:
    """Pointers of every non-empty scalar leaf (the values a scanner could flag)."""
    if isinstance(value, dict):
        out: list[str] = []
        for key, child in value.items():
            out.extend(scalar_pointers(child, f"{path}/{escape_token(str(key))}"))
        return out
    if isinstance(value, list | tuple):
        out = []
        for index, child in enumerate(value):
            out.extend(scalar_pointers(child, f"{path}/{index}"))
        return out
    if value is None or value == "" or isinstance(value, bool):
        return []
    return [path]
