"""The classes numbers19 closed, each with neighbours found and clean: a URL's query string read as an
object of its parameters, phone keys of other languages, a person's tax and document keys, numbers'
own names as keys, a call's phrase after the number or before it with its small words, a number typed
in lower case after its name, South Asian free text under a key that says order, plates of digits
with their vehicle named and of other scripts, social security codes of letters and digits, accounts
under an IBAN's key."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from gate.scanning.query_strings import MAX_PARAMETERS, query_parameters


def _entities(params: dict[str, Any]) -> set[str]:
    return {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize(
    ("params", "entity"),
    [
        # a URL's query string: the parameter's name is a key
        ({"link": "https://form.example/kyc?egn=9302274097&step=2"}, "NATIONAL_ID"),
        ({"link": "https://x.example/a?b=1&rodne_cislo=8105093018"}, "NATIONAL_ID"),
        ({"link": "see https://x.example/cb?mobile=0612345678 today"}, "PHONE_NUMBER"),
        ({"link": "https://x.example/u?customer_id=A-10442"}, "CUSTOMER_ID"),
        # phone keys of other languages
        ({"customer": {"cellphone": "0905 126 6850"}}, "PHONE_NUMBER"),
        ({"customer": {"handphone": "8121 4119"}}, "PHONE_NUMBER"),
        ({"contact": {"fono": "(2) 2123 4752"}}, "PHONE_NUMBER"),
        ({"customer": {"celular": "11 96128-6748"}}, "PHONE_NUMBER"),
        ({"customer": {"मोबाइल_नंबर": "081234 69387"}}, "PHONE_NUMBER"),
        ({"customer": {"เบอร์โทรศัพท์": "081 234 5678"}}, "PHONE_NUMBER"),
        # a person's tax and document keys, numbers' own names as keys
        ({"customer": {"tax_id": "17162159041"}}, "NATIONAL_ID"),
        ({"buyer": {"numero_documento": "77626535626"}}, "NATIONAL_ID"),
        ({"customer": {"cpf": "86134838527"}}, "NATIONAL_ID"),
        ({"customer": {"jumin": "9109132938245"}}, "NATIONAL_ID"),
        ({"customer": {"svnr": "6816240477"}}, "NATIONAL_ID"),
        ({"customer": {"personas_kods": "21055715058"}}, "NATIONAL_ID"),
        # a call's phrase after the number, or before it with its small words
        ({"note": "배송 전에 010-2001-7834로 연락 주세요"}, "PHONE_NUMBER"),
        ({"note": "配達前に090-1237-2424までお電話ください"}, "PHONE_NUMBER"),
        ({"note": "لطفا با 0912 346 3326 تماس بگیرید"}, "PHONE_NUMBER"),
        ({"note": "मुझे 081234 38352 पर फ़ोन करें"}, "PHONE_NUMBER"),
        ({"note": "Ring til mig på 34 47 57 08 før levering"}, "PHONE_NUMBER"),
        ({"note": "Piezvaniet man uz 21 211 018"}, "PHONE_NUMBER"),
        ({"note": "Me liga no (11) 96124-0134"}, "PHONE_NUMBER"),
        ({"note": "送货前请拨打131 2347 2886"}, "PHONE_NUMBER"),
        # a number typed in lower case after its name
        ({"note": "mi dni es 95827542c"}, "NATIONAL_ID"),
        ({"note": "NIE x1234567l"}, "NATIONAL_ID"),
        ({"note": "hetu 131052-308t"}, "NATIONAL_ID"),
        ({"note": "4k v2 h264, dni 95827542c"}, "NATIONAL_ID"),
        # South Asian free text under a key that says order
        ({"order_note": "फ़ोन:\n081234 38352"}, "PHONE_NUMBER"),
        # plates of digits only with the vehicle named, and plates of other scripts and prints
        ({"prompt": "my car with license plate 46-5134 outside"}, "VEHICLE_PLATE"),
        ({"prompt": "my car with license plate 0386 outside"}, "VEHICLE_PLATE"),
        ({"prompt": "our van, licence plate 60614 343 14"}, "VEHICLE_PLATE"),
        ({"prompt": "my car with license plate ق ر ح ٠٨٤٢"}, "VEHICLE_PLATE"),
        ({"prompt": "my car with license plate রাজশাহী-ঠ ৯০-১৩১২"}, "VEHICLE_PLATE"),
        ({"prompt": "my car with license plate 鲁A-98973"}, "VEHICLE_PLATE"),
        ({"prompt": "my car with license plate 横浜 083 か ・・・0"}, "VEHICLE_PLATE"),
        ({"prompt": "my car with license plate 8 วข 6597"}, "VEHICLE_PLATE"),
        # a social security number of letters and digits, stated or under its key; accounts under "iban"
        ({"prompt": "my social security number is D41GFZY"}, "NATIONAL_ID"),
        ({"prompt": "her social security number is ZZ 660291 T"}, "NATIONAL_ID"),
        ({"payment": {"iban": "TH401686602910"}}, "IBAN_CODE"),
        ({"payment": {"iban": "123-4-56789-0"}}, "BANK_ACCOUNT"),
    ],
)
def test_found(params: dict[str, Any], entity: str) -> None:
    assert entity in _entities(params)


@pytest.mark.parametrize(
    "params",
    [
        {"link": "https://shop.example/search?q=mug+350ml&page=2&sort=price"},
        {"link": "https://shop.example/p/4006381333931?utm_source=news&utm_campaign=2024-11"},
        {"link": "https://x.example/o?order=302-1234567-1234567&qty=2"},
        {"link": "https://x.example/img?w=1200&h=800&seed=1234567890"},
        {"seller": {"tax_id": "17162159041"}},
        {"customer": {"tax_id": "B12345674"}},
        {"customer": {"document_number": "ORD-2024-000123"}},
        {"cel_shading": "12345678"},
        {"product": {"fono": "Fono speaker 2000"}},
        {"product": {"cellular": "LTE 4G"}},
        {"note": "주문번호 2024-0101-1234로 연락 주세요"},
        {"note": "모델 SM-1234-5678로 연락"},
        {"note": "注文番号 1234-5678-9012までご連絡ください"},
        {"note": "订单号 2024 0101 1234 联系客服"},
        {"note": "Art. no 0612345678 phone case"},
        {"note": "Telefonhülle für 1234 5678"},
        {"note": "sku 95827542c"},
        {"note": "x1234567l"},
        {"note": "render 4k 1080p seed 12345678z"},
        {"order_note": "ऑर्डर 1234567890"},
        {"prompt": "my car with license plate 2024 outside"},
        {"prompt": "vintage license plate sign 12345"},
        {"prompt": "license plate frame for my car, 12345"},
        {"prompt": "car license plate holder 2024"},
        {"prompt": "his national insurance number is in the drawer, room 4B"},
        {"customer": {"ssn": "REDACTED"}},
        {"customer": {"ssn": "N/A"}},
        {"payment": {"iban": "0000 0000 0000"}},
        {"payment": {"iban_status": "verified 2024"}},
    ],
)
def test_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_query_parameters_read_names_and_bound_their_count() -> None:
    assert query_parameters("no query here") is None
    assert query_parameters("a=b without a question mark") is None
    assert query_parameters("https://x.example/p?tel=%2B4915123456789&x=1") == {
        "tel": "+4915123456789",
        "x": "1",
    }
    many = "https://x.example/?" + "&".join(f"k{i}=v" for i in range(MAX_PARAMETERS * 3))
    assert len(query_parameters(many) or {}) == MAX_PARAMETERS
