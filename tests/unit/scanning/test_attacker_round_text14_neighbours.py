"""Truth tables for the classes the fourteenth attacker round on text (text14) found open, each with its
clean neighbours: crypto wallet addresses (and hashes, commit ids, build ids and coin merchandise), plates
after plate words of 16 more languages and with the writer's car named between (and plate holders, frames
and signs), health said in Estonian, Lithuanian, Latvian, Albanian, Azerbaijani, Georgian, Malay, Serbian
and Korean (and awareness products), grid references (and map products), Ukrainian, Moldovan and Costa
Rican ids after their own names, domestic accounts beside a branch code and French RIBs (and prices and
order numbers), and a Japanese toll-free line (and Japanese personal lines).
"""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


def _entities(text: str) -> set[str]:
    return {finding.entity for finding in scan_parameters({"note": text})}


FOUND: list[tuple[str, str]] = [
    ("send to bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "CRYPTO_WALLET"),
    ("BTC: 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "CRYPTO_WALLET"),
    ("pay 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 please", "CRYPTO_WALLET"),
    ("USDT TRC20 TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL", "CRYPTO_WALLET"),
    ("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "CRYPTO_WALLET"),  # EIP-55 casing, no word
    ("mi monedero: 0xde709f2102306220921060314715629080e2fb77", "CRYPTO_WALLET"),
    ("ethereum:0xde709f2102306220921060314715629080e2fb77", "CRYPTO_WALLET"),
    ("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "CRYPTO_WALLET"),
    ("number plate of my car is KX21 ABC", "VEHICLE_PLATE"),
    ("rendszáma: NBC-421", "VEHICLE_PLATE"),
    ("tablica rejestracyjna mojego auta KR 4T218", "VEHICLE_PLATE"),
    ("plat nomor mobil saya D 4821 ABC", "VEHICLE_PLATE"),
    ("nummerplade BK 48 213", "VEHICLE_PLATE"),
    ("ทะเบียนรถ ขก 4821", "VEHICLE_PLATE"),
    ("biển số xe 51F-482.13", "VEHICLE_PLATE"),
    ("מספר רכב 48-213-71", "VEHICLE_PLATE"),
    ("patente del auto KL 482 PX", "VEHICLE_PLATE"),
    ("mu isal on diabeet", "HEALTH_DATA"),
    ("mano tėtis serga vėžiu", "HEALTH_DATA"),
    ("manam tētim ir diabēts", "HEALTH_DATA"),
    ("babai im ka diabet", "HEALTH_DATA"),
    ("atam şəkər xəstəsidir", "HEALTH_DATA"),
    ("მამაჩემს დიაბეტი აქვს", "HEALTH_DATA"),
    ("bapa saya ada penyakit jantung", "HEALTH_DATA"),
    ("moja mama ima Alchajmerovu bolest", "HEALTH_DATA"),
    ("아버지는 폐암 투병 중이에요", "HEALTH_DATA"),
    ("vaimoni äiti sairastaa rintasyöpää", "HEALTH_DATA"),
    ("home geohash: gcpvj0duq", "LOCATION"),
    ("MGRS 18SUJ 23480 06470", "LOCATION"),
    ("UTM 33U 389245 5819625", "LOCATION"),
    ("ідентифікаційний номер 3284500009", "NATIONAL_ID"),
    ("IDNP 2003400123405", "NATIONAL_ID"),
    ("número de cédula 1-0234-0567", "NATIONAL_ID"),
    ("agência 0452 conta 48213-7", "BANK_ACCOUNT"),
    ("transit 00452 institution 003 account 4821307", "BANK_ACCOUNT"),
    ("RIB 30004 00001 00012345678 30", "BANK_ACCOUNT"),
    ("Kto. 4821307512, BLZ 370 400 44", "BANK_ACCOUNT"),
    ("conto corrente n. 000048213075 ABI 03069 CAB 09606", "BANK_ACCOUNT"),
    ("携帯 080-4821-3075 まで", "PHONE_NUMBER"),
]

CLEAN: list[str] = [
    "git 3f2a9c8e7d6b5a4f3e2d1c0b9a8f7e6d5c4b3a29",
    "firmware build 0x52908400098527886e0f7030069857d2e4169ee7",
    "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "Bitcoin logo hoodie, ₿ print, BTC orange",
    "ETH mug, Ξ symbol, 0x00 edition",
    "SKU 1BVBMSEYSTWETQTFN5AU4M4GFG7XJANVN2",  # a base58-looking SKU whose checksum fails
    "Kennzeichenhalter 520 x 110 mm",
    "number plate font keyring, acrylic 6 cm",
    "plaque de porte en laiton 20 x 8 cm",
    "patente de invención 2024 PX-4821",
    "placas de yeso 120 x 60 cm",
    "ทะเบียนรถ กรอบป้าย สแตนเลส",
    "bilskilt-holder i svart, 52 cm",
    "emal tass 350 ml, vähk-motiiv",  # enamel mug with a crab (vähk) motif: no person
    "roosa lint vähi teadlikkuse kuu",
    "krūze ar vēža zīmi, 350 ml",
    "암막 커튼 240cm",
    "UTM grid overlay map poster 50x70 cm",
    "MGRS and UTM explained, poster A2",
    "geohash precision table poster",
    "cod produs 2003400123405",
    "agência de viagens, 12 parcelas de 49,90",
    "transit time 3-5 days, order 48213075",
    "RIB holder wallet, 12 x 9 cm",
    "conto alla rovescia 2026, 24 caselle",
    "フリーダイヤル 0120-482-130",
]


@pytest.mark.parametrize(("text", "entity"), FOUND)
def test_found(text: str, entity: str) -> None:
    assert entity in _entities(text)


@pytest.mark.parametrize("text", CLEAN)
def test_clean(text: str) -> None:
    assert _entities(text) == set()
