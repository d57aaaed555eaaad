# ruff: noqa: RUF001 - text of other scripts, on purpose
"""Neighbours of the classes the numbers18 round closed, found and clean: a 19-digit card without a
card word, JCB's 15-digit ranges, national card schemes after a card word; plates after "car plate",
"license plate" and more plate words; free text of a script without spaces under an order key; a
company's register number after its own word; a sole trader's VAT id whose body is a person's
number; identity numbers after generic words of other languages."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters


def _entities(params: dict[str, object]) -> set[str]:
    return {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # cards: 19 digits of Visa/UnionPay with no card word, JCB 15, national schemes after a card word
        ("pls use 4000000000000000006 04/27", "CREDIT_CARD"),
        ("6212 3456 7890 1234 569", "CREDIT_CARD"),
        ("JCB 15 digit Anthony Burke 180003179740549 05/28", "CREDIT_CARD"),
        ("ПРОСТІР 9804 1234 5678 9014 02/36 CVC2: 322", "CREDIT_CARD"),
        ("Belkart karta 9112 1234 5678 9011", "CREDIT_CARD"),
        ("Kreditkarte: 4993-2400-83883", "CREDIT_CARD"),
        ("RuPay kártyaszám 8171 4414 7216 7693", "CREDIT_CARD"),
        # plates
        ("car plate 822 1BP", "VEHICLE_PLATE"),
        ("car plate DQA-960", "VEHICLE_PLATE"),
        ("car plate 13690 520 03", "VEHICLE_PLATE"),
        ("license plate 4SE1798", "VEHICLE_PLATE"),
        ("my license plate is 7ABC123", "VEHICLE_PLATE"),
        ("номерной знак Е777КХ199", "VEHICLE_PLATE"),
        ("placas ABC-123-D", "VEHICLE_PLATE"),
        ("regnr MLB 84A", "VEHICLE_PLATE"),
        ("nummerplaat 1-ABC-123", "VEHICLE_PLATE"),
        ("registrska tablica LJ AB-123", "VEHICLE_PLATE"),
        # phone words
        ("연락 010-1234-5678", "PHONE_NUMBER"),
        ("Pakitawagan po ako sa 0905 125 0217", "PHONE_NUMBER"),
        # a sole trader's VAT or GST id that is a person's number
        ("Taller · NIF/IVA ES12345678Z", "NATIONAL_ID"),
        ("NIF PT216121809 (empresário em nome individual)", "NATIONAL_ID"),
        ("Enskild firma, momsreg.nr SE710308689301", "NATIONAL_ID"),
        ("Proprietor GSTIN 27UNTPP2486A1Z4", "NATIONAL_ID"),
        # generic identification words of other languages before a number some country's check passes
        ("mi número de identificación es 31932389086", "NATIONAL_ID"),
        ("número do documento: 110101198209063920", "NATIONAL_ID"),
        ("신분증 번호 948365726440", "NATIONAL_ID"),
        ("证件号 110101195809191287", "NATIONAL_ID"),
    ],
)
def test_found(text: str, entity: str) -> None:
    assert entity in _entities({"note": text})


@pytest.mark.parametrize(
    ("params", "entity"),
    [
        # free text in a script without spaces under an order key is text, not the order's number
        ({"order_note": "お届けの際はこちらへお電話ください：090-1237-3497"}, "PHONE_NUMBER"),
        ({"order_note": "收货人身份证号码：310104197202108526"}, "NATIONAL_ID"),
    ],
)
def test_found_under_an_order_key(params: dict[str, object], entity: str) -> None:
    assert entity in _entities(params)


@pytest.mark.parametrize(
    "text",
    [
        # numbers that stay no card
        "seed 4000000000000000006",
        "discord id 1234567890123456789",
        "order 2024031512345678901",
        # plate words before no plate
        "license plate ROUTE 66",
        "license plate frame, chrome, 12 x 6 in",
        "license plate sign 30x15cm",
        "car plate holder 2024",
        "targa GT 500 XL replica badge",
        # a company's register and tax numbers
        "Boutique SAS - SIREN 732 829 320",
        "Loja Lda. NIPC 501 964 843",
        "Butikk AS, org.nr. 974 760 673 MVA",
        "株式会社サンプル 法人番号 1180301018771",
        "ООО «Магазин» ИНН 7707083893 ОГРН 1027700132195",
        "Comercial SpA RUT 76.086.428-5",
        # a company's VAT id
        "Tienda S.L. · CIF ESB12345674",
        "NIF PT501964843",
        "momsreg.nr SE556036079301",
        "GSTIN 27AAPFU0939F1ZV",
        # an order number under an order key, in a script without spaces too
        "注文番号 249-1234567-1234567",
    ],
)
def test_clean(text: str) -> None:
    assert scan_parameters({"footer": text}) == []


def test_a_card_in_an_ibans_groups_is_no_card() -> None:
    assert "CREDIT_CARD" not in _entities({"kund": {"iban": "SE31 8264 2625 1085 3484 9734"}})
