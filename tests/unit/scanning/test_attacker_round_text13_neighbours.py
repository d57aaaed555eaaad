# ruff: noqa: RUF001 - text of other scripts, on purpose
"""Truth tables for the classes the thirteenth attacker round on text (text13) found open, each with its
clean neighbours: plates of more countries (and boards, plaques and model codes after the same words),
health said in more languages (and causes and products), birth words of 17 more languages (and birth-year
merchandise), phone words of Indic scripts and Mongolian, Greek tax numbers and Yugoslav master citizen
numbers, Icelandic "kt.", IPv4-mapped IPv6 and Cyrillic IP words (and a router's own address), and the
secrets of PyPI, Shopify, Mailgun, Discord and Rails (and file names and words of the same shape).
"""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


def _entities(text: str) -> set[str]:
    return {finding.entity for finding in scan_parameters({"note": text})}


FOUND: list[tuple[str, str]] = [
    ("matrícula del coche 4821 KLM", "VEHICLE_PLATE"),
    ("placa do meu carro BRA2E19", "VEHICLE_PLATE"),
    ("immatriculation GH-482-KL", "VEHICLE_PLATE"),
    ("vehicle number KA 05 MN 4821", "VEHICLE_PLATE"),
    ("车牌号 沪B·8K2M5", "VEHICLE_PLATE"),
    ("ナンバープレート 横浜 500 さ 48-21", "VEHICLE_PLATE"),
    ("Kontrollschild BE 482193", "VEHICLE_PLATE"),
    ("il mio papà è sieropositivo", "HEALTH_DATA"),
    ("mon père est atteint de la maladie de Parkinson", "HEALTH_DATA"),
    ("mijn vader heeft een beroerte gehad", "HEALTH_DATA"),
    ("у матери рассеянный склероз", "HEALTH_DATA"),
    ("我爸爸有心脏病", "HEALTH_DATA"),
    ("el meu pare té diabetis i càncer", "HEALTH_DATA"),
    ("soția mea are cancer", "HEALTH_DATA"),
    ("dyddiad geni 3/7/1991", "DATE_OF_BIRTH"),
    ("data de naixement 03/07/1991", "DATE_OF_BIRTH"),
    ("i lindur më 3 korrik 1991", "DATE_OF_BIRTH"),
    ("туған күні 03.07.1991", "DATE_OF_BIRTH"),
    ("ಫೋನ್ 98450 12345", "PHONE_NUMBER"),
    ("മൊബൈൽ 94470 12345", "PHONE_NUMBER"),
    ("Α.Φ.Μ. 094259216", "NATIONAL_ID"),
    ("JMBG 1203984450003", "NATIONAL_ID"),
    ("kt. 120384-2019", "NATIONAL_ID"),
    ("client ::ffff:95.173.136.70", "IP_ADDRESS"),
    ("мой адрес 95.173.136.70", "IP_ADDRESS"),
    ("pypi-AgEIcHlwaS5vcmcCJDFhMmIzYzRkLTVlNmYtN2E4Yi05YzBkLTFlMmYzYTRiNWM2ZAACKlsz", "SESSION_TOKEN"),
    ("shpss_0123456789abcdef0123456789abcdef", "SESSION_TOKEN"),
    ("MTk4NjIyNDgzNDcxOTI1MjQ4.Gx7kPq.aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "SESSION_TOKEN"),
    ("Cookie: _session_id=3f2a9c8e7d6b5a4f3e2d1c0b9a8f7e6d", "SESSION_TOKEN"),
]

CLEAN: list[str] = [
    "targa premio 2024",
    "targa GT 500 XL",
    "targa in ottone personalizzata, 30 x 15 cm",
    "plaka 20 W 220",
    "placa base ASUS B550M",
    "placa de vídeo RTX 4060",
    "matrícula 2025 abierta",
    "ナンバー 12 のマグカップ",
    "车牌框 不锈钢 52x11cm",
    "poster del mare, ha colori vivaci",
    "la mare nostrum, il mare ha un cuore",
    "tote bag per la lotta contro l'HIV, 38 x 42 cm",
    "高血压患者适用的血压计",  # a product for people with high blood pressure: no one named
    "samarreta Nascut el 1984 vintage",
    "gebuer 1984 T-Shirt",
    "ganed 1984 tee",
    "ಫೋನ್ ಕವರ್ 2024 ಮಾದರಿ",
    "ΑΦΜ εταιρείας: βλ. τιμολόγιο",
    "JMBG polje, 13 cifara",
    "router admin page 192.168.1.1",
    "default gateway 10.0.0.1",
    "ModelPortraitStudioLight01.export.final_version_for_print_A4_300dpi",
    "key-value store, 32 characters",
    "shpat_ tokens explained",
    "pypi-upload action, v1.8.11",
    "_session_id cookie documentation",
]


@pytest.mark.parametrize(("text", "entity"), FOUND)
def test_found(text: str, entity: str) -> None:
    assert entity in _entities(text)


@pytest.mark.parametrize("text", CLEAN)
def test_clean(text: str) -> None:
    assert _entities(text) == set()
