"""Keys in the languages of the shops: a customer's number, a shopper's behaviour and a device's identifier
named in German, French, Japanese or Arabic are what they are in English; and keys in scripts written
without spaces (or with prefixed words) say what they hold wherever the word sits in them."""

from __future__ import annotations

from typing import Any

import pytest

from tests.unit.scanning.found import entities

CUSTOMER_IDS = [
    "Kundennummer", "Kunden-ID", "kundenId", "numéro_client", "NumeroClient", "id_cliente", "codice_cliente",
    "klantnummer", "numer_klienta", "kundnummer", "asiakasnumero", "ügyfélszám", "číslo_zákazníka",
    "номер_клиента", "номер_клієнта", "αριθμός_πελάτη", "müşteri_no", "顧客ID", "会員番号", "客户编号",
    "고객번호", "رقم_العميل", "מספר_לקוח", "subscriber_id",
]  # fmt: skip

BEHAVIOUR_KEYS = [
    "Warenkorb", "panier", "carrito", "carrello", "winkelwagen", "koszyk", "varukorg", "ostoskori",
    "корзина", "カート", "购物车", "장바구니", "سجل_التصفح", "היסטוריית_גלישה", "Browserverlauf",
    "historique_achats", "historial_de_navegación", "cronologia_acquisti", "historia_zakupów",
    "история_просмотров", "閲覧履歴", "浏览记录", "zuletzt_angesehen", "Wunschliste", "visited_urls",
]  # fmt: skip

DEVICE_VALUES: list[tuple[str, Any]] = [
    ("deviceId", "3F2504E0-4F89-11D3-9A0C-0305E82C3301"),
    ("idfa", "6D92078A-8246-4BA4-AE5B-76104861E7DC"),
    ("gaid", "38400000-8cf0-11bd-b23e-10b96e40000d"),
    ("android_id", "9774d56d682e549c"),
    ("mac_address", "00:1A:2B:3C:4D:5E"),
    ("MAC", "001A2B3C4D5E"),
    ("imei", 490154203237518),
    ("imei", "49-015420-323751-8"),
    ("Geräte-ID", "a1b2c3d4e5f60718"),
    ("identifiant_appareil", "3F2504E0-4F89-11D3-9A0C-0305E82C3301"),
    ("push_token", "fcm:APA91bHun4MxP5egoKMwt2KZFBaFUH-1RYqx"),
    ("デバイスID", "3F2504E0-4F89-11D3-9A0C-0305E82C3301"),
    ("device_id", ["3F2504E0-4F89-11D3-9A0C-0305E82C3301"]),
]

# Under keys that are no customer's, behaviour's or device's, or with values no identifier has.
CLEAN: list[tuple[str, Any]] = [
    ("mac", "Ruby Woo lipstick"),  # the cosmetics brand
    ("device", "iPhone 15 Pro"),
    ("device_id", ""),
    ("device_id", "unknown"),
    ("imei", "n/a"),
    ("cos", 0.5),  # cosine, not the Romanian "coș"
    ("carro", "rojo"),  # a car, not a cart
    ("product_id", 8812734),
    ("id_produit", "8812734"),
    ("numero_articolo", 8812734),
    ("kundenservice", "Hotline Mo-Fr"),
    ("Farbverlauf", ["rot", "blau"]),  # a colour gradient, not a browser history
    ("historia", "Art déco"),
    ("instance_id", "i-0abc123def4567890"),
    ("request_id", "3F2504E0-4F89-11D3-9A0C-0305E82C3301"),
    ("عنوان", "حذاء رياضي أحمر"),  # a title, not an address
    ("生日主题", "2024-05-01 launch"),  # a birthday theme, not a birth date
    ("商品标题", "生日蛋糕"),
]

SCRIPT_KEYS: list[tuple[str, str, Any]] = [
    ("PHONE_NUMBER", "電話番号", "09012345678"),
    ("PHONE_NUMBER", "携帯電話", "090-1234-5678"),
    ("PHONE_NUMBER", "联系电话", "13812345678"),
    ("PHONE_NUMBER", "전화번호", "010-1234-5678"),
    ("PHONE_NUMBER", "رقم_الهاتف", "0501234567"),
    ("PHONE_NUMBER", "מספר_טלפון", "0521234567"),
    ("DATE_OF_BIRTH", "生年月日", "1985年3月12日"),
    ("DATE_OF_BIRTH", "お客様の生年月日", "1985/03/12"),
    ("DATE_OF_BIRTH", "생년월일", "1985.03.12"),
    ("DATE_OF_BIRTH", "تاريخ_الميلاد", "12/03/1985"),
    ("LOCATION", "住所", "東京都港区六本木1-2-3"),
    ("LOCATION", "收货地址", "北京市朝阳区建国路88号"),
    ("LOCATION", "배송주소", "서울특별시 강남구 테헤란로 123"),
    ("LOCATION", "כתובת", "רחוב הרצל 12, תל אביב"),
]


@pytest.mark.parametrize("key", CUSTOMER_IDS)
def test_customer_numbers_in_any_language(key: str) -> None:
    assert entities(8812734, key) == {"CUSTOMER_ID"}
    assert entities("8812734", key) == {"CUSTOMER_ID"}


@pytest.mark.parametrize("key", BEHAVIOUR_KEYS)
def test_behaviour_keys_in_any_language(key: str) -> None:
    assert "BEHAVIORAL_DATA" in entities(["red dress", "blue shoes"], key)


@pytest.mark.parametrize(("key", "value"), DEVICE_VALUES)
def test_device_identifiers_under_their_keys(key: str, value: Any) -> None:
    assert "DEVICE_ID" in entities(value, key)


@pytest.mark.parametrize(("key", "value"), CLEAN)
def test_neighbours_stay_clean(key: str, value: Any) -> None:
    assert entities(value, key) == set()


@pytest.mark.parametrize(("entity", "key", "value"), SCRIPT_KEYS)
def test_keys_in_scripts_without_spaces(entity: str, key: str, value: Any) -> None:
    assert entity in entities(value, key)
