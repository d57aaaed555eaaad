"""Truth table of values whose words are joined by "_" or "-" (file names, LoRA and output names, slugs),
which the scanner read as one word: every detector's boundary treats "_" as a letter, and a name in
a slug has no spaces. The probe of the tenth session found these approved; `disguises._words` reads
them with the words apart. Each row says which entity the value holds, or None for a clean neighbour
that must stay clean."""

from __future__ import annotations

import pytest

from gate.scanning.disguises import disguise_hints, disguised_readings
from tests.unit.scanning.found import entities

JOINED: list[tuple[str, str | None]] = [
    # numbers after, before or between "_"
    ("tel_0612345678", "PHONE_NUMBER"),
    ("customer_+4915112345678_v2", "PHONE_NUMBER"),
    ("lora_+33 6 12 34 56 78", "PHONE_NUMBER"),
    ("0612345678_final.png", "PHONE_NUMBER"),
    ("render_for_4111111111111111.png", "CREDIT_CARD"),
    ("4111111111111111_thumb.jpg", "CREDIT_CARD"),
    ("ssn_123-45-6789", "US_SSN"),
    ("lat_48.8584_lon_2.2945", "LOCATION"),
    # names in file names and slugs, in several languages
    ("portrait_of_jane_doe.png", "PERSON"),
    ("PORTRAIT_OF_JANE_DOE.PNG", "PERSON"),
    ("banner_for_Anna_Kowalska_birthday.png", "PERSON"),
    ("IMG_20240312_John_Smith.jpg", "PERSON"),
    ("Emma_Watson_v2", "PERSON"),  # a LoRA of a person's likeness, as "Emma Watson v2" is read
    ("portrait-of-Maria-Garcia-Lopez.png", "PERSON"),
    ("thank-you-card-for-Sophie-Martin", "PERSON"),
    ("gift_for_Müller_Hans_München", "PERSON"),
    ("tarjeta_para_María_García", "PERSON"),
    ("открытка_для_Ольги_Петровой", "PERSON"),
    # clean neighbours: model, sampler and checkpoint names, ids, SKUs, dates, compound words
    ("sd_xl_base_1.0_0.9vae.safetensors", None),
    ("dpmpp_2m_sde_gpu", None),
    ("juggernautXL_v9.safetensors", None),
    ("stabilityai/stable-diffusion-xl-base-1.0", None),
    ("madebyollin_sdxl-vae-fp16-fix", None),
    ("KSampler_Advanced_SDXL_Refiner", None),
    ("IMG_20240312_143022.jpg", None),
    ("IMG_0612345678.jpg", None),  # a camera's file number, not a phone number
    ("PXL_20241201_0612345678.jpg", None),
    ("DSC_0012345678.NEF", None),
    ("batch_2024_12_06_0001", None),
    ("order_100000123", None),
    ("EAN_4006381333931", None),
    ("SKU-12345-RED-XL", None),
    ("123e4567-e89b-12d3-a456-426614174000", None),
    ("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", None),
    ("mid-century-modern-walnut-sideboard", None),
    ("anti-aging-cream-for-dry-skin", None),
    ("Jean-Paul-Gaultier-inspired_dress", None),
    ("a t-shirt in navy-blue, studio-lit", None),
    ("iphone_15_pro_max_case_black", None),
    ("prod_image_1200x1200_white_bg", None),
]


@pytest.mark.parametrize(("value", "entity"), JOINED)
def test_words_joined_by_underscores_or_hyphens_are_read_apart(value: str, entity: str | None) -> None:
    found = entities(value, key="output")
    assert found == ({entity} if entity else set())


@pytest.mark.parametrize(
    ("value", "reading"),
    [
        ("tel_0612345678", "tel 0612345678"),
        ("user_dob_1985-03-12", "user dob 1985-03-12"),  # no slug: the date keeps its hyphens
        ("for-Sophie-Martin-1985-03-12", "for Sophie Martin 1985-03-12"),
    ],
)
def test_the_reading_keeps_the_length_and_the_numbers(value: str, reading: str) -> None:
    words = [read for read, how in disguised_readings(value) if how == "words"]
    assert words == [reading]
    assert len(words[0]) == len(value)


@pytest.mark.parametrize(
    "value", ["sd_xl_base_1.0", "dreamshaper_8.safetensors", "SKU-37791-RED", "stable-diffusion-xl-base-1.0"]
)
def test_lower_case_identifiers_pay_no_reading(value: str) -> None:
    assert not [how for _, how in disguised_readings(value) if how == "words"]
    assert disguise_hints(value) == 0
