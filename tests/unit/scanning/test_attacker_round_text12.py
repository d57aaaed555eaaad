# ruff: noqa: RUF001 - text of other scripts, on purpose
"""The twelfth attacker round on text (text12): attacker_round_text12.json, written before reading the
detectors, on personal data other than names where earlier rounds were thin: identity and tax numbers
of Africa (Nigeria, Kenya, South Africa, Ghana, Egypt, Morocco, Ethiopia...), Latin America (CURP, RFC,
CPF with and without punctuation, RUT, CUIT, DNI, cédulas), Asia (Aadhaar, PAN, NIK, PhilSys, CCCD, Thai
ID, MyKad, RRN, My Number, Chinese ids with X, Hong Kong, Macau and Taiwan ids) and the Gulf (Emirates
ID, iqama, civil ids), European numbers in local prose; addresses written the local way; phones in local
formats and in Arabic-Indic, Persian, Devanagari, Bengali, Thai and Myanmar digits; internationalised
and quoted e-mail addresses; IPv6, MAC (also dotted), IMEI, ICCID and advertising ids; VINs; passport
machine-readable zones; coordinates in DMS, geohash, plus codes and what3words; dates of birth and
health statements in 30 languages; session cookies, JWTs and secret keys of more vendors, passwords in
prose and in URLs, private keys; accounts and regional cards; browsing history. Each sits in realistic
generation parameters (nested objects, arrays, prompts, negative prompts, LoRA names, alt text, XMP).

A "found" record must yield its expected entity type (or, where listed, the type the scanner names the
same value by); a "clean" one (SKUs, EAN/GTIN/ISBN, model numbers, sizes, prices, dates of manufacture,
colour codes, hashes, versions, seeds, shops' towns, "for diabetics" claims, id-card holders and blank
forms) no finding at all. What stays open is a strict xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters, scan_text
from gate.scanning.identifiers import identifier_findings
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_text12.json")

_UNCHECKED = (
    "identity numbers with no published check and no module in python-stdnum (Kenyan, Moroccan, Senegalese, "
    "Ethiopian, Ugandan, Tanzanian, Rwandan, Guatemalan, Costa Rican, Macanese, Bangladeshi, "
    "Mongolian, Uzbek, Bahraini, Omani ids) after a cue word of their own language"
)
# (numbers19: a bare 'tin' under a person's object is read by the person's tax keys)
_SPLIT = "a number and its cue in two sibling values (array items, 'tipo_doc'/'numero_doc')"
_LOWER_VERB = "an acronym cue in lower case with a verb between it and the number ('mi dni es', 'mi rfc es')"
_STREETS = (
    "addresses of Arabic, Brazilian, Argentine, Chilean, Indian forms (location detectors are scanfast11's)"
)
_PHONES = (
    "national mobile forms the phone rules do not read after their key or cue (phone*.py are scanfast11's)"
)
_GEO = "geohashes and EXIF/XMP GPS rationals as text (location_codes is scanfast11's)"
# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "kitambulisho 28471936": _UNCHECKED,
    "BE782341": _UNCHECKED,
    "BK284716": _UNCHECKED,
    "1 751 1985 01234": _UNCHECKED,
    "6140 7298 3315 5082": _UNCHECKED,
    "19840312-14125-00001-22": _UNCHECKED,
    "1 1984 8 0123456 0 12": _UNCHECKED,
    "1-0847-0023": _UNCHECKED,
    "1234567(8)": _UNCHECKED,
    "1987654321": _UNCHECKED,
    "УБ84031245": _UNCHECKED,
    "31203841234567": _UNCHECKED,
    "CPR 840312345": _UNCHECKED,
    "رقم البطاقة المدنية 12345678": _UNCHECKED,
    '"customer_id_number"': "an id number under 'customer_id_number' (a customer number's key as often)",
    "mi rfc es": _LOWER_VERB,
    "mi dni es": _LOWER_VERB,
    "rut sin puntos": "a lower-case 'rut' with words between it and the number",
    '"tipo_doc"': _SPLIT,
    '"can_cuoc_cong_dan"': "a number without a check under its own key (a key alone is not evidence enough)",
    "CNPJ do MEI": "a company's number (CNPJ) named as a sole trader's: company numbers are no personal data",
    '["02250815672", "faktura"]': "a PESEL alone in an array, with no cue or key",
    "فيلا 23": _STREETS,
    "Los Leones 1450": _STREETS,
    "21 9 8877-6655": _PHONES,
    "11 15-4387-2210": _PHONES,
    "0917 123 4567": _PHONES,
    "090-1234-5678": _PHONES,
    "iPhone serial F2LXK3QJHG7F": "a phone's serial number after 'serial' (product serials share the shape)",
    "u33dc0cpp4jq": _GEO,
    "52/1 31/1 1234/100": _GEO,
    "oṣu kẹta": "a date with an ordinal month word (Yoruba 'oṣu kẹta', the third month)",
    "рассеянный склероз": "a condition three words after the person, past a verb ('у мамы диагностировали')",
}

# Values found, under another type than the one the round's author named: the record is not approved.
_NAMED_OTHERWISE: dict[str, str] = {
    "银行卡号": "CREDIT_CARD",  # a bank card's number is a card's number
    "नागरिकता प्रमाणपत्र": "PHONE_NUMBER",  # a Nepali citizenship number read as a Nepali phone number
    "CEP 01310100": "PHONE_NUMBER",  # a Brazilian postcode of eight digits read as a phone number
}

# Clean records the scanner still flags, and why.
_CLEAN_OPEN: dict[str, str] = {
    "name@company.com": "a template's placeholder address ('name@company.com') is read as an address",
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN, _NAMED_OTHERWISE))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _CLEAN_OPEN))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_forty_languages() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 40
    assert len(_ROUND["found"]) >= 300 and len(_ROUND["clean"]) >= 150


_BEHIND_SEPARATOR = "a value behind an id's separator that its own rule bounds by a word boundary"


# Event ids and sources that spell this round's data, and the usual ids beside them.
@pytest.mark.parametrize(
    ("event_id", "entity"),
    [
        ("evt-CURP-GOMR840312MDFNRS09", "NATIONAL_ID"),
        ("order/CPF-529.982.247-25", "NATIONAL_ID"),
        ("src:aadhaar-492173841050", "NATIONAL_ID"),
        ("evt-A073829155NGA8809173F3105227<<<<<<<<<<<<<<00", "NATIONAL_ID"),
        ("src-2001:db8:85a3::8a2e:370:7334", "IP_ADDRESS"),
        ("evt.张伟@例子.中国", "EMAIL_ADDRESS"),
        ("src-+2348031234567", "PHONE_NUMBER"),
        pytest.param(
            "evt-784-1988-7654321-0",
            "NATIONAL_ID",
            marks=pytest.mark.xfail(strict=True, reason=_BEHIND_SEPARATOR),
        ),
        pytest.param(
            "evt_VIN_1HGCM82690A004352",
            "VEHICLE_PLATE",
            marks=pytest.mark.xfail(strict=True, reason=_BEHIND_SEPARATOR),
        ),
        pytest.param(
            "evt-3C:22:FB:7A:19:E4",
            "DEVICE_ID",
            marks=pytest.mark.xfail(strict=True, reason=_BEHIND_SEPARATOR),
        ),
        ("render-2026-12-06-000124", None),
        ("evt-4006381333931", None),
        ("sku-MUG-350-WHT-01", None),
        ("batch-7c9e6679-7425-40de-944b-e07cc4e4a6d0", None),
        ("isbn-978-3-16-148410-0", None),
    ],
)
def test_event_id(event_id: str, entity: str | None) -> None:
    found = {finding.entity for finding in identifier_findings(event_id, path="/event_id")}
    assert (entity in found) if entity else not found


# Metadata text (EXIF, XMP, PNG text) read under its field's name.
@pytest.mark.parametrize(
    ("field", "text", "entity"),
    [
        ("Artist", "CURP GOMR840312MDFNRS09", "NATIONAL_ID"),
        ("UserComment", "身份证 11010519900715105X", "NATIONAL_ID"),
        ("ImageDescription", "mi mamá tiene diabetes tipo 2 e insuficiencia renal", "HEALTH_DATA"),
        ("XPComment", "VIN 1HGCM82690A004352", "VEHICLE_PLATE"),
        ("DocumentName", "パスワードは sakura2024! です", "SESSION_TOKEN"),
        ("HostComputer", "mac address a4c3.f047.6b2e", "DEVICE_ID"),
        (
            "UserComment",
            "P<NGAOKAFOR<<CHIAMAKA<NGOZI<<<<<<<<<<<<<<<<<\nA073829155NGA8809173F3105227<<<<<<<<<<<<<<00",
            "NATIONAL_ID",
        ),
        ("ImageDescription", "gebore op 12 Maart 1984", "DATE_OF_BIRTH"),
        ("Software", "Capture One 23 Pro 16.3.2.24", None),
        ("Copyright", "© 2026 Loja Paulista Ltda., CNPJ no rodapé", None),
        ("LensModel", "EF-S18-55mm f/3.5-5.6 IS STM", None),
        ("ImageUniqueID", "0d2f3c5e8a7b4c1d9e6f0a1b2c3d4e5f", None),
        ("BodySerialNumber", "032024001827", None),
    ],
)
def test_metadata_text(field: str, text: str, entity: str | None) -> None:
    found = {finding.entity for finding in scan_text(text, path=f"/exif/{field}", context=field)}
    assert (entity in found) if entity else not found
