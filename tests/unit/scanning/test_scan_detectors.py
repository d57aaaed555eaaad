"""Truth tables for the detectors: each row is one key/value a generator's parameters could hold."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import ENTITIES, scan_parameters

JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ."
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c"
)

# (entity, key, value): the finding must be exactly (entity, "/" + key).
POSITIVES: list[tuple[str, str, Any]] = [
    ("EMAIL_ADDRESS", "prompt", "send the render to jane.doe@example.com please"),
    ("EMAIL_ADDRESS", "email", "jane.doe+promo@shop.co.uk"),
    ("EMAIL_ADDRESS", "notes", "CONTACT: JANE@EXAMPLE.DE"),
    ("PHONE_NUMBER", "prompt", "call me on +49 151 23456789 tomorrow"),
    ("PHONE_NUMBER", "notes", "UK office +44 20 7946 0958"),
    ("PHONE_NUMBER", "phone", "(650) 253-0000"),
    ("PHONE_NUMBER", "mobile", "07911 123456"),
    ("PHONE_NUMBER", "phone", 4915123456789),
    ("PHONE_NUMBER", "prompt", "tel: 030 901820, ask for the studio"),
    ("CREDIT_CARD", "prompt", "pay with 4111 1111 1111 1111 at checkout"),
    ("CREDIT_CARD", "card_number", "5500-0000-0000-0004"),
    ("CREDIT_CARD", "notes", "378282246310005"),
    ("CREDIT_CARD", "cc", 4111111111111111),
    ("CREDIT_CARD", "payment_card", "4006381333924"),  # EAN-valid too, but the key says card
    ("IBAN_CODE", "prompt", "refund to IBAN DE89 3704 0044 0532 0130 00 thanks"),
    ("IBAN_CODE", "iban", "GB82WEST12345698765432"),
    ("IBAN_CODE", "notes", "NL91ABNA0417164300"),
    ("US_SSN", "prompt", "my ssn is 536-22-1234"),
    ("US_SSN", "ssn", "536221234"),
    ("US_SSN", "notes", "social security number 536 22 1234"),
    ("UK_NINO", "prompt", "NI number AB 12 34 56 C"),
    ("UK_NINO", "nino", "JG103759A"),
    ("NATIONAL_ID", "prompt", "codice fiscale RCCMNL83S18D969H"),
    ("IP_ADDRESS", "client_ip", "203.0.113.42"),
    ("IP_ADDRESS", "prompt", "request came from 198.51.100.7 yesterday"),
    ("IP_ADDRESS", "source", "http://192.0.2.10/upload"),
    ("IP_ADDRESS", "remote_addr", "2001:db8::8a2e:370:7334"),
    ("IP_ADDRESS", "log", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
    ("IP_ADDRESS", "X-Forwarded-For", "198.51.100.7, 10.0.0.1"),
    ("LOCATION", "prompt", "shot on location at 48.8584, 2.2945 at dusk"),
    ("LOCATION", "gps", "48.85,2.29"),
    ("LOCATION", "lat", 48.8584),
    ("LOCATION", "GPSLongitude", "-122.0841"),
    # XMP and JSON-LD (C2PA's stds.exif) keys carry a namespace; XMP writes GPS as "DDD,MM.mmk".
    ("LOCATION", "exif:GPSLatitude", "39,21.102N"),
    ("LOCATION", "exif:GPSLongitude", "74,26,34.42W"),
    ("LOCATION", "exif:GPSLatitude", 39.3517),
    ("LOCATION", "coordinates", [2.2945, 48.8584]),
    ("LOCATION", "shipping_address", "221B Baker Street, London"),
    ("LOCATION", "prompt", "deliver to 1600 Amphitheatre Pkwy, Mountain View, CA 94043"),
    ("LOCATION", "notes", "Hauptstraße 5, Berlin"),
    ("LOCATION", "prompt", "view from 48°51'30\"N 2°17'40\"E"),
    ("LOCATION", "postcode", "SW1A 1AA"),
    ("DATE_OF_BIRTH", "prompt", "a birthday card for Anna, born on 12/03/1985"),
    ("DATE_OF_BIRTH", "bio", "born in 1985 in Lyon"),
    ("DATE_OF_BIRTH", "notes", "DOB: 1985-03-12"),
    ("DATE_OF_BIRTH", "dob", "1985-03-12"),
    ("DATE_OF_BIRTH", "date_of_birth", "12 March 1985"),
    ("DATE_OF_BIRTH", "birthDate", 19850312),
    ("PERSON", "prompt", "portrait of Jane Doe wearing the linen dress"),
    ("PERSON", "prompt", "photo of my wife Maria Schmidt holding the mug"),
    ("PERSON", "prompt", "Hannah Becker smiling in a red coat"),
    ("PERSON", "prompt", "my name is Lukas and I want this shirt"),
    ("PERSON", "prompt", "portrait of Rose Miller in a garden"),
    ("PERSON", "customer_name", "M. Schmidt"),
    ("PERSON", "firstName", "Maria"),
    ("PERSON", "prompt_author", "jdoe"),
    ("SESSION_TOKEN", "headers", "Cookie: PHPSESSID=8f7a6b5c4d3e2f1a0b9c8d7e6f"),
    ("SESSION_TOKEN", "notes", "frontend=a8sd7f6g5h4j3k2l1q0w"),
    ("SESSION_TOKEN", "authorization", "Bearer abcDEF123456ghiJKL789"),
    ("SESSION_TOKEN", "prompt", f"use token {JWT} for the upload"),
    ("SESSION_TOKEN", "meta", JWT),
    ("DEVICE_ID", "prompt", "router 00:1A:2B:3C:4D:5E in the shot"),
    ("DEVICE_ID", "idfa", "6D92078A-8246-4BA4-AE5B-76104861E7DC"),
    ("TRACKING_ID", "gclid", "EAIaIQobChMI3s7x9vG_hAMVJ0FHAR0xYw"),
    ("TRACKING_ID", "landing", "https://shop.example/p?fbclid=IwAR2F4dbP0l7Mn1IawQQGCINEz7PYX"),
    ("SOCIAL_HANDLE", "prompt", "mug for the bride, instagram: @jane_doe88"),
    ("SOCIAL_HANDLE", "instagram", "@jane_doe88"),
    ("USER_ACCOUNT", "image", "C:\\Users\\jmartin\\ComfyUI\\input\\ref.png"),
    ("BANK_ACCOUNT", "note", "refund to sort code 20-00-00, account 55779911"),
    ("VEHICLE_PLATE", "note", "customer's car, reg plate AB12 CDE"),
    ("CRYPTO_WALLET", "note", "tip me: bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
    ("HEALTH_DATA", "prompt", "get well card, the customer has leukemia"),
    ("HEALTH_DATA", "allergies", "peanuts"),
    ("RELIGIOUS_BELIEF", "prompt", "card for my husband, he is Jewish"),
    ("SEXUAL_ORIENTATION", "prompt", "banner for my gay son's wedding"),
    ("POLITICAL_OPINION", "prompt", "mug for my dad, he votes for the Greens"),
    ("TRADE_UNION_MEMBERSHIP", "prompt", "the customer is a union member"),
    ("CRIMINAL_CONVICTION", "prompt", "card for my brother, he just got out of prison"),
    ("ETHNIC_ORIGIN", "ethnicity", "Turkish"),
    ("BIOMETRIC_DATA", "faceid_embeds", [0.12, -0.33, 0.98]),
    ("SESSION_TOKEN", "session_id", "3f9a8b7c6d5e4f3a"),
    ("SESSION_TOKEN", "cookie", "_ga=GA1.2.1234; frontend=9b8c7d6e5f4a3b2c"),
    ("CUSTOMER_ID", "customer_id", 48213),
    ("CUSTOMER_ID", "customerId", "C-48213"),
    ("CUSTOMER_ID", "uid", "u_8842"),
    ("CUSTOMER_ID", "account_id", ["A1", "A2"]),
    ("CUSTOMER_ID", "client_id", "cl-7781"),
    ("BEHAVIORAL_DATA", "cart_items", [{"sku": "MB-24-BLK", "qty": 1}]),
    ("BEHAVIORAL_DATA", "recently_viewed", ["sku-1", "sku-2"]),
    ("BEHAVIORAL_DATA", "browsingHistory", "jackets,boots"),
    ("BEHAVIORAL_DATA", "prompt", "product shot of the jacket the user recently viewed"),
    ("BEHAVIORAL_DATA", "prompt", "based on your browsing history, a cozy sweater"),
    ("BEHAVIORAL_DATA", "prompt", "the three items in the customer's cart on a table"),
    # Words split by tabs, and cues the old word prefilter missed ("order", "shopping", "d.ob").
    ("BEHAVIORAL_DATA", "prompt", "a sweater\tbased on your shopping"),
    ("BEHAVIORAL_DATA", "prompt", "user\tviewed\tthe\tshoes"),
    ("SESSION_TOKEN", "notes", "Bearer\tabcDEF123456ghiJKL789"),
    ("DATE_OF_BIRTH", "notes", "d.ob 12/03/1985"),
    ("LOCATION", "notes", "Flat 2, Springfield, IL 62704"),
    ("LOCATION", "notes", "5 Baker Street, London"),  # a single digit
    # Letters Python's case-insensitive patterns fold, which str.lower() does not; cues split by tabs;
    # dates too short for a digit run.
    ("DATE_OF_BIRTH", "notes", "date of b\u0131rth: 12/03/1985"),
    ("BEHAVIORAL_DATA", "prompt", "user v\u0131ewed the red shoes"),
    ("BEHAVIORAL_DATA", "prompt", "your order hi\u017ftory"),
    ("PERSON", "prompt", "photo of my\twife Zelda"),
    ("PHONE_NUMBER", "notes", "text\tme on 07911 123456"),
    ("DATE_OF_BIRTH", "notes", "DOB:1.2.85"),
    ("DATE_OF_BIRTH", "notes", "born:12/3/85"),
    ("PERSON", "prompt", "my name  is Maria"),  # two spaces
    ("PERSON", "prompt", "photo of my\u00a0wife Zelda"),  # a no-break space
    # Digits farther apart than a digit run allows, or broken up by letters.
    ("LOCATION", "gps", "1.2345;4.5678"),
    ("PHONE_NUMBER", "notes", "+1 650 - 253 - 0000"),
    ("PHONE_NUMBER", "notes", "call me: 0151 - 2345 - 6789"),
    ("IBAN_CODE", "notes", "MT70 MALT 0110 0A12 B45M TLCA ST00 1SX"),
    ("IP_ADDRESS", "note", "dead:beef:cafe:babe:dead:beef:cafe:babe"),  # IPv6 without a digit
]

# (key, value): no finding at all.
NEGATIVES: list[tuple[str, Any]] = [
    # whole degrees locate nobody; a camera's EXIF in XMP/JSON-LD is not personal
    ("exif:GPSLatitude", "39,0N"),
    ("lat", "1,5s"),  # XMP writes the hemisphere in capitals
    ("exif:Make", "Canon"),
    ("exif:Model", "EOS R5"),
    # IPv6's unspecified and loopback addresses name nobody's machine, even after a cue
    ("client_ip", "::"),
    ("remote_addr", "::1"),
    ("note", "sent from jane's desk ::"),
    ("exif:DateTimeOriginal", "2026-01-01T10:00:00"),
    ("xmpMM:DocumentID", "xmp.did:3f5c2b1a-1234-5678"),
    # versions
    ("version", "v1.5.2"),
    ("model", "sdxl-1.0"),
    ("model_version", "2.1.0.4"),
    ("version", "1.2.3.4"),
    ("build", "10.0.19041.1"),
    ("prompt", "rendered with engine v2.1.0.4 on the new cluster"),
    ("prompt", "upscaled 4x with version 1.2.3.4 of the tool"),
    # hashes
    ("model_hash", "a9f3c2d1e0"),
    ("sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("md5", "d41d8cd98f00b204e9800998ecf8427e"),
    ("hash", "4111111111111111"),
    ("notes", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    # seeds
    ("seed", 3482910023),
    ("seed", 18446744073709551615),
    ("noise_seed", 4111111111111111),
    ("parameters", "Steps: 30, Sampler: Euler a, CFG scale: 7, Seed: 4111111111111111, Size: 1024x1024"),
    ("prompt", "seed 4482910023123456789"),
    # SKUs and barcodes
    ("sku", "SKU-123-456-7890"),
    ("prompt", "product SKU-123-456-7890 on white"),
    ("sku", "MB-24-BLK"),
    ("ean", "4006381333924"),
    ("gtin", 4006381333924),
    ("barcode", "4006381333924"),
    ("prompt", "packshot with barcode 4006381333924 visible"),
    ("sku", "536-22-1234"),
    # sizes, colours, times, prices
    ("size", "1024x1024"),
    ("width", 1024),
    ("prompt", "1024x1024 product photo, 3:2 crop"),
    ("color", "#FF5733"),
    ("background", "rgb(255, 87, 51)"),
    ("created_at", "2026-11-26T21:17:59Z"),
    ("timestamp", 1795727879000),
    ("prompt", "shot on 2026-11-26T21:17:59+01:00 for the winter sale"),
    ("price", "19.99"),
    ("price", "EUR 1,299.00"),
    ("prompt", "sale price EUR 1,299.00 was 19.99, 29.99"),
    # sampler, CFG, LoRA, UUID
    ("sampler", "DPM++ 2M Karras"),
    ("sampler_name", "dpmpp_2m_sde_gpu"),
    ("cfg_scale", 7.5),
    ("cfg", "7.5, 0.75"),
    ("prompt", "denoise 0.350, 0.750 and cfg 7.5, 0.75"),
    ("lora", "<lora:add_detail:0.6>"),
    # LoRA names are read with their words apart (`disguises._words`): one named after a person is
    # read as "Emma Watson" is (test_joined_words); these name styles
    ("loras", [{"name": "Detail_Tweaker_XL", "weight": 0.8}]),
    ("loras", [{"name": "Studio_Ghibli_Style", "weight": 0.8}]),
    ("request_id", "123e4567-e89b-12d3-a456-426614174000"),
    ("prompt", "trace 123e4567-e89b-12d3-a456-426614174000"),
    # product words, brands, artist styles
    ("prompt", "Nike Air Max 90 on a concrete floor"),
    ("prompt", "Van Gogh style starry night poster"),
    ("prompt", "Red Dress with Rose Gold buttons"),
    ("prompt", "Ralph Lauren polo shirt, studio light"),
    ("prompt", "Mary Jane shoes in patent leather"),
    ("prompt", "in the style of Greg Rutkowski, artstation"),
    ("prompt", "by Alphonse Mucha and Greg Rutkowski, highly detailed"),
    ("prompt", "Greg Rutkowski style poster of a sneaker"),
    ("prompt", "a dog named Max next to the food bowl"),
    ("prompt", "Air Jordan 1 Retro High, Summer Collection 2026"),
    ("brand", "Tommy Hilfiger"),
    # near misses per detector
    ("image", "logo@2x.png"),
    ("prompt", "emphasis @ 1.2 on the (red dress:1.3)"),
    ("prompt", "increase +15% contrast, product 1234567 in stock"),
    ("prompt", "Pegasus 40 Premium Road Running Shoes"),
    ("prompt", "Size 10 Wide fit, 2 Tone finish"),
    ("prompt", "part 000-12-3456 of the catalogue"),
    ("prompt", "vintage 1985 poster"),
    ("created", "1985-03-12"),
    ("theme", "session=dark_mode"),
    ("prompt", "token merging ratio 0.5"),
    ("tokenizer", "clip-vit-large-patch14"),
    ("customer_id", ""),
    ("customer_id", None),
    ("user_id", 0),
    ("id", 5),
    ("nodes", [{"id": 3, "type": "KSampler"}]),
    ("cart", []),
    ("wishlist", {}),
    ("prompt", "a shopping cart icon on a white background"),
    ("location", "beach at sunset"),
    ("long_side_ratio", 1.5),
    ("prompt", "Earring 2 pack, gold"),
    # checksums and ranges: right shape, wrong number
    ("prompt", "order 4111 1111 1111 1112 shipped"),  # Luhn fails
    ("card_number", "4111111111111112"),
    ("prompt", "ref 9111 1111 1111 1102"),  # Luhn passes, no card scheme starts with 9
    ("prompt", "IBAN DE89 3704 0044 0532 0130 01"),  # mod 97 fails (under a key: iban_keyed)
    ("prompt", "case 666-12-3456 closed"),  # SSN area 666 is never issued
    ("prompt", "code GB 12 34 56 C"),  # NINO prefix GB is not allocated
    ("nino", "QQ123456C"),
    ("phone", "+49 123"),
    ("prompt", "call +1 555 0100"),
    ("client_ip", "999.1.1.1"),
    ("lat", 123.4567),
    ("gps", "95.1234, 200.5678"),
]


@pytest.mark.parametrize(("entity", "key", "value"), POSITIVES)
def test_positive(entity: str, key: str, value: Any) -> None:
    findings = scan_parameters({key: value})
    assert [(f.entity, f.path) for f in findings] == [(entity, "/" + key)]


@pytest.mark.parametrize(("key", "value"), NEGATIVES)
def test_negative(key: str, value: Any) -> None:
    assert scan_parameters({key: value}) == []


def test_every_entity_has_a_positive_row() -> None:
    assert {row[0] for row in POSITIVES} == ENTITIES


def test_findings_name_their_detector() -> None:
    findings = scan_parameters({"card": "4111 1111 1111 1111", "customer_id": 7})
    assert [(f.entity, f.detector) for f in findings] == [
        ("CREDIT_CARD", "card.luhn"),
        ("CUSTOMER_ID", "customer_id.key"),
    ]
