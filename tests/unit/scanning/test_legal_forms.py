# ruff: noqa: RUF001 - footers and addresses in Cyrillic, Hebrew, Arabic and Han, quoted whole
"""One list of legal forms (`detectors/legal_forms.py`), read by the shops' addresses and the names: a
shop's footer after a legal form the business rule did not know (addr23) is the shop's, in the scripts
without case too; a customer's address beside a brand, under a label or in capitals is still found; a
name followed by a form is a company's."""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters
from gate.scanning.detectors.person_keyed import is_organisation

_SHOPS_FOOTERS = (
    "Genève Papeterie Sàrl · rue du Rhône 12, 1204 Genève",
    "Kraków Druk Sp. z o.o. · ul. Długa 5, 31-147 Kraków",
    "Gdańsk Papier sp. z o. o., ul. Mariacka 4, 80-833 Gdańsk",
    "Maseru Print (Edms) Bpk, Kerkstraat 4, Paarl 7646",
    "Siop Teifi Cyf · 3 Heol y Bont, Aberteifi SA43 1HT",
    "Luxlait Print S.à r.l. · 12 rue de la Gare, L-1611 Luxembourg",
    "Shkodra Print sh.p.k., Rruga Kolë Idromeno 5, Shkodër 4001",
    "Maipo Tejidos SpA, Av. Providencia 1200, Providencia, Santiago",
    "Київ Друк ТОВ, вул. Хрещатик 22, 01001 Київ",
    "Jogja Kriya PT, Jl. Malioboro No. 52, Yogyakarta 55271",
    "دار النيل للنشر ش.م.م، ١٢ شارع التحرير، القاهرة",
    'סטודיו ירושלים בע"מ, רחוב יפו 97, ירושלים',
    "杭州西湖印刷有限公司 杭州市西湖区文三路10号",
    "苏州印象文化有限公司 苏州市观前街10号 代码91320500MA1XXXXX1X",
    # EDIFACT's '+' between a party's parts (a NAD segment's name, street, city, postcode)
    "NAD+SU+4012345000009::9++Lumen Prints Ltd+Hauptstraße 5+Berlin++10115+DE'",
)

_CUSTOMERS_ADDRESSES = (
    # a brand with a legal form, then a phrase and the customer's address
    "PDF Tools Sàrl, golden hour, deliver to 5 rue du Midi, 1003 Lausanne",
    "Canon SpA lens, send to Via Roma 12, 20121 Milano",
    # a label between the form and the address
    "Druk Sp. z o.o. zamówienie, adres: ul. Długa 5, 31-147 Kraków",
    # the same address with no form before it
    "Liefern an: Große Elbstraße 145, 22767 Hamburg",
    "عنوان التوصيل: ١٤ شارع النصر، المنصورة ٣٥٥١١",
    "שלחו ל רחוב יעקב 2, רחובות",
    "送到 杭州市西湖区文三路10号",
    # a label's lines in capitals: "SP. Z O.O." may be words there
    "ROZTOCZE DRUK SP. Z O.O., RYNEK WIELKI 3, 22-400 ZAMOŚĆ",
    # '+' between a party's parts with no legal form before them: a person's delivery party
    "NAD+DP+++Jonas Keller+Hauptstraße 5+Berlin++10115+DE'",
)


@pytest.mark.parametrize("footer", _SHOPS_FOOTERS)
def test_shops_footer_is_no_customers_address(footer: str) -> None:
    assert scan_parameters({"page": {"footer": footer}}) == []


@pytest.mark.parametrize("text", _CUSTOMERS_ADDRESSES)
def test_customers_address_is_found(text: str) -> None:
    assert "LOCATION" in {finding.entity for finding in scan_parameters({"prompt": text})}


@pytest.mark.parametrize(
    ("value", "organisation"),
    [
        ("Boland Drukkers (Edms) Bpk", True),
        ("Sauerdall Print S.à r.l.", True),
        ("Roztocze Druk Sp. z o.o.", True),
        ("Kowalski sp. z o. o.", True),
        ("Argraffwyr Tywi Cyf", True),
        ("Koch II KG", True),
        ("Anna Kowalska", False),
        ("Dafydd ap Gruffydd", False),
        ("Spa Day for Sarah Jones", False),
    ],
)
def test_a_name_with_a_legal_form_is_a_company(value: str, organisation: bool) -> None:
    assert is_organisation(value) is organisation


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        # a shop's register number after its own word (data/cues.toml [company_register]) is the shop's
        ("Meuse & Fil SRL, 8 place d'Armes, 5000 Namur, BCE 0712.345.678", set()),
        ("Durmekunst BV, Markt 4, 9160 Lokeren, KBO 0712.345.679", set()),
        ("Alföld Nyomda Kft., Kossuth tér 1, 6000 Kecskemét, Cg. 03-09-123456", set()),
        # ... and a phone number beside it is still a phone number
        ("Meuse & Fil SRL, 5000 Namur, BCE 0712.345.678, tél. 081 22 33 44", {"PHONE_NUMBER"}),
        ("Alföld Nyomda Kft., Cg. 03-09-123456, telefon: 06 30 123 4567", {"PHONE_NUMBER"}),
        ("Rome was founded in 753 BCE, call me on 0612345678", {"PHONE_NUMBER"}),
    ],
)
def test_company_register_number_is_the_shops(text: str, entities: set[str]) -> None:
    assert {finding.entity for finding in scan_parameters({"page": {"footer": text}})} == entities
