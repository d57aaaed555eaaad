"""Truth tables for the classes the twelfth attacker round on text (text12) found open, each with its
clean neighbours: passport machine-readable zones, VINs, Hong Kong, Taiwanese, Sri Lankan, Kazakh,
Kuwaiti and Ghanaian ids, ids after cues of other scripts and with short words between, passwords in
prose and in URLs, private keys, account keys, bot tokens, IMEIs after more cues, dotted MACs, cards
after cues of other scripts, dates of birth with more months, and health words of more languages.
"""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters
from gate.scanning.detectors.mrz import check_digit
from gate.scanning.detectors.vin import vin_valid
from gate.scanning.detectors.world_id_more import (
    hkid_valid,
    kw_civil_valid,
    kz_iin_valid,
    lk_nic_valid,
    tw_id_valid,
    uy_ci_valid,
)


def _entities(text: str) -> set[str]:
    return {finding.entity for finding in scan_parameters({"note": text})}


FOUND: list[tuple[str, str]] = [
    (
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
        "NATIONAL_ID",
    ),
    ("I<UTOD231458907<<<<<<<<<<<<<<<7408122F1204159UTO<<<<<<<<<<<6", "NATIONAL_ID"),
    ("VIN 1M8GDM9AXKP042788", "VEHICLE_PLATE"),
    ("Fahrgestellnummer WVWZZZ1JZ3W386752", "VEHICLE_PLATE"),
    ("车架号 LFV2A21KXA3040015", "VEHICLE_PLATE"),
    ("HKID G123456(A)", "NATIONAL_ID"),
    ("身分證字號 A123456789", "NATIONAL_ID"),
    ("NIC 853400937V", "NATIONAL_ID"),
    ("ИИН 840312400126", "NATIONAL_ID"),
    ("الرقم المدني 284031201232", "NATIONAL_ID"),
    ("Ghana Card GHA-718293645-3", "NATIONAL_ID"),
    ("ஆதார் எண் 4921 7384 1050", "NATIONAL_ID"),
    ("ЕГН 7523169263", "NATIONAL_ID"),
    ("NIN ta 39518274610", "NATIONAL_ID"),
    ("DNI 34.185.692 del alumno", "NATIONAL_ID"),
    ("kennitala 120174-3399", "NATIONAL_ID"),
    ("C.I. 1.234.567-2 de la compradora", "NATIONAL_ID"),
    ("senha do wifi da loja: Ipanema@2025", "SESSION_TOKEN"),
    ("密码是 abc12345", "SESSION_TOKEN"),
    ("mysql://shop:Tr0ub4dor@10.0.0.5/orders", "SESSION_TOKEN"),
    ("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA7bq98", "SESSION_TOKEN"),
    ("AccountKey=Zx9K2mPqR7sT4uV8wY1zA3bC5dE6fG7hJ0kL==", "SESSION_TOKEN"),
    ("110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "SESSION_TOKEN"),
    ("IMEI-Nummer 490154203237518", "DEVICE_ID"),
    ("串号 490154203237518", "DEVICE_ID"),
    ("mac a4c3.f047.6b2e", "DEVICE_ID"),
    ("银联卡 6212 2612 0200 1234567", "CREDIT_CARD"),
    ("gebore op 3 Junie 1990", "DATE_OF_BIRTH"),
    ("ipinanganak noong Marso 12, 1984", "DATE_OF_BIRTH"),
    ("onibara naa ni arun itọ suga", "HEALTH_DATA"),
    ("meine Tochter hat Typ-1-Diabetes", "HEALTH_DATA"),
]

CLEAN: list[str] = [
    "OCR-B font sample: P<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",  # no document number, no checks
    "arrow art <<<<< SALE 2024 >>>>>",
    "VIN sticker, blank, 17 character grid",
    "vinyl decal 1HGCM82633A004352 replica, 30 cm",  # a valid VIN, but no VIN word before it
    "VIN 1HGCM82643A004352",  # a North American VIN with a wrong check digit
    "FIN de série, -50 % sur 2024",
    "HKID card holder, clear PVC",
    "NIC card sleeve, 86 x 54 mm, pack of 50",
    "NIN ta 2024",
    "DNI holder, leather, 2 slots",
    "C.I. 1.234.567-3 (a check digit that fails)",
    "password reset screen, 12 characters minimum",
    "senha forte: use 12 caracteres",
    "postgres://localhost:5432/assets",
    "https://cdn.example.com/@acme/img-2024.png",
    "-----BEGIN CERTIFICATE-----",
    "AccountName=acmeimg;EndpointSuffix=core.windows.net",
    "telegram channel t.me/acme, 12,000 followers",
    "IMEI label area, blank, 30 x 10 mm",
    "mac and cheese, 2024.0312.1234 batch",
    "MacBook Pro 14, model A2992, 2024",
    "银联卡套 10个装 86x54mm",
    "Afrikaans poster: gebore en getoë in Kaapstad",
    "diabetes awareness poster, typ-1 und typ-2 erklärt",
    "ostomy supplies catalogue, 2024 edition",
]


@pytest.mark.parametrize(("text", "entity"), FOUND)
def test_found(text: str, entity: str) -> None:
    assert entity in _entities(text)


@pytest.mark.parametrize("text", CLEAN)
def test_clean(text: str) -> None:
    assert _entities(text) == set()


@pytest.mark.parametrize(
    ("check", "number", "valid"),
    [
        (hkid_valid, "G123456(A)", True),
        (hkid_valid, "G123456(3)", False),
        (hkid_valid, "XA104582(A)", True),
        (tw_id_valid, "A123456789", True),
        (tw_id_valid, "A123456788", False),
        (tw_id_valid, "A323456789", False),  # the sex digit is 1 or 2
        (lk_nic_valid, "853400937V", True),
        (lk_nic_valid, "198534000937", True),
        (lk_nic_valid, "859990937V", False),  # day 999 of a year
        (kz_iin_valid, "840312400126", True),
        (kz_iin_valid, "840312400123", False),
        (kz_iin_valid, "841312400126", False),  # month 13
        (kw_civil_valid, "284031201232", True),
        (kw_civil_valid, "284031201234", False),
        (uy_ci_valid, "1.234.567-2", True),
        (uy_ci_valid, "4.512.386-7", False),
        (vin_valid, "1M8GDM9AXKP042788", True),
        (vin_valid, "1M8GDM9A1KP042788", False),
        (vin_valid, "WVWZZZ1JZ3W386752", True),  # no check digit outside North America and China
        (vin_valid, "WVWZZZ1JZ3W38675O", False),  # O is not in a VIN's alphabet
    ],
)
def test_checks(check: object, number: str, valid: bool) -> None:
    assert callable(check)
    assert check(number) is valid


def test_icao_check_digit() -> None:
    # ICAO Doc 9303's own specimen: document number L898902C3, check 6; birth 740812, check 2.
    assert (check_digit("L898902C3"), check_digit("740812"), check_digit("120415")) == ("6", "2", "9")
