"""TRACKING_ID (`detectors/tracking.py`, keys.toml [tracking_id]) and wheelchairs said of a person in six
more languages: written as a retailer's pipeline keeps them (the lead's probes of the seventeenth session,
before reading the detectors). An ad click's id (gclid, fbclid, msclkid) follows one person through the
shop; a hashed e-mail kept for audience matching is pseudonymised personal data (Art. 4(5)). Both passed."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters

_SHA256 = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"

FOUND: list[tuple[str, dict[str, Any]]] = [
    ("TRACKING_ID", {"tracking": {"gclid": "EAIaIQobChMI3s7x9vG_hAMVJ0FHAR0xYw"}}),
    ("TRACKING_ID", {"tracking": {"email_sha256": _SHA256}}),
    ("TRACKING_ID", {"audience": {"hashed_email": "b58996c504c5638798eb6b511e6f49af", "match_type": "md5"}}),
    ("TRACKING_ID", {"utm": {"fbclid": "IwAR2F4-dbP0l7Mn1IawQQGCINEz7PYXQvwjNwB_qa2ofrHyiLjcbCRxTDMgk"}}),
    (
        "TRACKING_ID",
        {"click": "https://shop.example/landing?msclkid=7b3c5e5f9d2a1b0c4e6f8a9b1c2d3e4f&utm_source=x"},
    ),
    ("TRACKING_ID", {"landing": "/p/mug-42?utm_source=google&gclid=Cj0KCQiA4NWrBhD-ARIsAFCKwWu8wH3r5"}),
    ("TRACKING_ID", {"cookie": "_fbc=fb.1.1699999999999.IwAR2F4dbP0l7Mn1IawQQGCINEz7PYX"}),
    ("TRACKING_ID", {"link": "https://shop.example/?mc_eid=8f3a91c2d4&mc_cid=abc"}),
    ("TRACKING_ID", {"conversion": {"sha256_phone_number": _SHA256}}),
    ("TRACKING_ID", {"ids": {"uid2_token": "AgAAAAPFR0zA5ogv/yaAPiUsAdZPr9ZvvSjxI1bDYmXBRbCz2yhc=="}}),
    ("TRACKING_ID", {"Kunde": {"gehashte_E-Mail": _SHA256}}),
    ("TRACKING_ID", {"notes": "ttclid=E.C.P.Cs0BZ7nGsV3k2mQ1hXlQ9dA"}),
]

CLEAN: list[dict[str, Any]] = [
    {"url": "https://shop.example/p?gclid=test"},
    {"url": "https://shop.example/p?fbclid=undefined"},
    {"hashed_email": "not provided"},
    {"click_id": "sku-12"},
    {"sha256": _SHA256, "kind": "asset checksum"},
    {"lora_hash": "b58996c504c5638798eb6b511e6f49af", "lora": "film_grain_v2"},
    {"request_id": "6D92078A-8246-4BA4-AE5B-76104861E7DC"},
    {"prompt": "the epik=1 challenge, a poster"},
    {"prompt": "banner: click id badge, 50 mm, pack of 10"},
    {"utm_source": "newsletter", "utm_campaign": "winter-2026", "utm_medium": "email"},
]


@pytest.mark.parametrize(("entity", "doc"), FOUND)
def test_a_click_id_or_a_hashed_contact_is_found(entity: str, doc: dict[str, Any]) -> None:
    assert entity in {f.entity for f in scan_parameters(doc)}


@pytest.mark.parametrize("doc", CLEAN)
def test_its_neighbours_are_clean(doc: dict[str, Any]) -> None:
    assert scan_parameters(doc) == []


def test_the_reason_names_the_key_never_the_value() -> None:
    (finding,) = scan_parameters({"tracking": {"email_sha256": _SHA256}})
    assert finding.path == "/tracking/email_sha256"
    assert _SHA256 not in repr(finding)


WHEELCHAIRS_SAID_OF_SOMEONE = [
    "Kund har diabetes typ 1",  # Swedish "a customer" (only "the customer" was read)
    "Zákazník je na vozíku",
    "Klientka jest na wózku inwalidzkim",
    "Mijn moeder zit in een rolstoel",
    "Min mor sitter i rullstol",
    "Kunden bruker rullestol",
    "Asiakas käyttää pyörätuolia",
    "Az ügyfél kerekesszékes",
]
WHEELCHAIRS_FOR_SALE = [
    "Rullstol i aluminium, hopfällbar, för kund med begränsad rörlighet",
    "Invalidní vozík skládací, nosnost 120 kg",
    "Zákazník nechal zboží na vozíku",  # the customer left the goods on the trolley
    "Wózek inwalidzki składany, aluminium",
    "Dziecko śpi w wózku",  # the child sleeps in the pram
    "Rolstoel van aluminium, opvouwbaar",
    "Kerekesszék, összecsukható",
    "Kørestol til børn, let model",
    "Kund: beställning 4411, leverans fredag",
]


@pytest.mark.parametrize("text", WHEELCHAIRS_SAID_OF_SOMEONE)
def test_a_wheelchair_said_of_a_person_is_health_data(text: str) -> None:
    assert "HEALTH_DATA" in {f.entity for f in scan_parameters({"notes": text})}


@pytest.mark.parametrize("text", WHEELCHAIRS_FOR_SALE)
def test_a_wheelchair_for_sale_is_not(text: str) -> None:
    assert scan_parameters({"notes": text}) == []
