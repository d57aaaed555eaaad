# ruff: noqa: RUF001 - text of other scripts, on purpose
"""Truth tables for the classes the tenth attacker round on text (text10) found open, each with its
clean neighbours: personal numbers of more countries after their cue words (python-stdnum's checks,
the published checks of Saudi, Iranian and Egyptian numbers, the shapes of numbers with no check),
domestic bank accounts, regional card schemes, vehicle plates, coordinates as codes, secret keys,
loyalty numbers, and cue words that `normalise` rewrites (Thai "ำ", the katakana "ー").
"""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters
from gate.scanning.identifiers import identifier_findings


def _entities(text: str) -> set[str]:
    return {finding.entity for finding in scan_parameters({"note": text})}


FOUND: list[tuple[str, str]] = [
    ("เลขประจำตัวประชาชน 1-3629-65417-87-2", "NATIONAL_ID"),  # "ำ" reads "ํา" after NFKC
    ("kad pengenalan 850418087093", "NATIONAL_ID"),
    ("ИНН 778849008833", "NATIONAL_ID"),
    ("РНОКПП 8806505247", "NATIONAL_ID"),
    ("CNIC 35202-9159842-2", "NATIONAL_ID"),
    ("RFC GOMA850612234", "NATIONAL_ID"),
    ("DNI 17001391-9", "NATIONAL_ID"),
    ("T.C. No: 539 295 727 76", "NATIONAL_ID"),
    ("KRA PIN A012345678Z", "NATIONAL_ID"),
    ("رقم الهوية الوطنية 1546661776", "NATIONAL_ID"),
    ("کد ملی: ۰۰۵۱۰۵۷۹۶۴", "NATIONAL_ID"),
    ("الرقم القومي ٢٨٥٠٣١٢١٤٠١٢٣٤", "NATIONAL_ID"),
    ("NIN: 34567812093", "NATIONAL_ID"),
    ("BVN 22123456789", "NATIONAL_ID"),
    ("PhilSys Card Number (PCN): 4578-1290-3365-8821", "NATIONAL_ID"),
    ("SSS number 34-1234567-8", "NATIONAL_ID"),
    ("TIN 123-456-789-000", "NATIONAL_ID"),
    ("Số CCCD: 001190034567", "NATIONAL_ID"),
    ("СНИЛС 112-233-445 95", "NATIONAL_ID"),
    ("rut 24489772-k para la factura", "NATIONAL_ID"),  # lower case, right before its number
    ("routing 005810758 account 4820019933", "BANK_ACCOUNT"),
    ("sort code 20-00-00, account 55779911", "BANK_ACCOUNT"),
    ("BSB 062-000", "BANK_ACCOUNT"),
    ("CLABE 002180664377256786", "BANK_ACCOUNT"),
    ("CBU 6316627373068985753119", "BANK_ACCOUNT"),
    ("A/c No. 50100123456789", "BANK_ACCOUNT"),
    ("konto 76 1393 0955 9729 7926 2243 9332", "BANK_ACCOUNT"),
    ("оплата картой Мир 2200 3307 6661 9345", "CREDIT_CARD"),
    ("شماره کارت ۶۰۳۷-۹۹۱۷-۱۲۳۴-۵۶۷۱", "CREDIT_CARD"),
    ("Kennzeichen M-AB 1234", "VEHICLE_PLATE"),
    ("voiture du client, immatriculation AB-123-CD", "VEHICLE_PLATE"),
    ("госномер А123ВС77", "VEHICLE_PLATE"),
    ("고객 차량 번호판 12가 3456", "VEHICLE_PLATE"),
    ("meet at 8FVC9G8F+6X", "LOCATION"),
    ("her house is ///filled.count.soap", "LOCATION"),
    ("chez elle : 45.7640 N, 4.8357 E", "LOCATION"),
    ("Standort N 47° 22.123' E 008° 32.456'", "LOCATION"),
    ("北緯35度39分31秒 東経139度44分43秒", "LOCATION"),
    ("key sk_live_51HxYz2Abc3Def4Ghi5Jkl6Mno7Pqr8Stu", "SESSION_TOKEN"),
    ("member #88123456", "CUSTOMER_ID"),
    ("Kundenkarte Nr. 9276 0012 3456", "CUSTOMER_ID"),
    ("номер бонусной карты 7000 1234 5678", "CUSTOMER_ID"),
    ("お客様は重度の卵アレルギーがあります", "HEALTH_DATA"),  # "ー" reads "-" after normalise
    ("ลูกค้ากำลังทำเคมีบำบัด", "HEALTH_DATA"),
    ("müşterimiz çölyak hastası", "HEALTH_DATA"),
    ("kartka dla klientki chorej na raka", "HEALTH_DATA"),
    ("tarikh lahir 21 Mac 1992", "DATE_OF_BIRTH"),
    ("né le 1er avril 1979", "DATE_OF_BIRTH"),
    ("sinh ngày 12 tháng 3 năm 1984", "DATE_OF_BIRTH"),
]

CLEAN: list[str] = [
    "NIN 123 pack",  # too short for a NIN
    "EAN 22123456789 on the label",  # a BVN's shape after another word
    "tin can 330 ml, 12 pack, SKU TIN-330-12",
    "SSS size tee, 100% cotton",
    "RFC 2119 keywords poster",
    "funda para DNI 8,5 x 5,4 cm",
    "CCCD 2024 collection",
    "stuck in a rut, 24489772-k",  # "rut" in lower case is a cue only right before its number
    "ИНН и КПП организации: бланк",
    "account settings icon set, 24 px",
    "discount code 12345678",
    "compte à rebours 2024",
    "account 2024 plan, 3 users",
    "placa de vídeo RTX 4060 8GB",
    "placa mãe ASUS B550M",
    "targa premio in ottone 2024, incisione ORO",
    "novelty license plate sign ROUTE 66",
    "Kennzeichen-Aufkleber GATE 2024",
    "matrícula 2024 curso A1",
    "C++ book cover, 2nd edition",
    "PANTONE 2200 C swatch card",
    "model 6037 9917 1234 5670",  # not Luhn-valid
    "path a///b/c",
    "gps watch 47 mm",
    "sk_live_ is the prefix of a Stripe key",
    "member benefits 2025 brochure",
    "お客様アンケート用紙、A4",
]


@pytest.mark.parametrize(("text", "entity"), FOUND)
def test_found(text: str, entity: str) -> None:
    assert entity in _entities(text)


@pytest.mark.parametrize("text", CLEAN)
def test_clean_neighbour(text: str) -> None:
    assert _entities(text) == set()


# Read as personal data though they are not: no rule tells them apart without a list of places or a
# reading of the product line.
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "t-shirt print: coordinates of Mount Everest 27°59′17″N 86°55′31″E",
            marks=pytest.mark.xfail(
                strict=True, reason="a landmark's coordinates read as anyone's (no gazetteer)"
            ),
        ),
        "футболка, розмір L, артикул 0671234567",
        # (text13) a router's own address on its network names no one
        "server rack diagram, 10.0.0.1 gateway placeholder",
    ],
)
def test_debatable_neighbour_stays_clean(text: str) -> None:
    assert _entities(text) == set()


@pytest.mark.parametrize(
    ("event_id", "found"),
    [
        ("order-0612345678", True),  # a French mobile behind a reference word
        ("order_07911123456", True),
        ("order-12345", False),
        ("evt-2024-06-01-000123", False),
        ("order-20240612345", False),
        ("sku-4006381333931", False),
    ],
)
def test_event_id_digit_groups_read_alone(event_id: str, found: bool) -> None:
    assert bool(identifier_findings(event_id, path="/event_id")) is found
