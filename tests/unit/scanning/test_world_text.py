"""Free text beyond English and Europe: behavioural data in the shops' languages, device identifiers, and
the personal numbers of states outside Europe (python-stdnum validates every one)."""

from __future__ import annotations

import pytest

from tests.unit.scanning.found import entities

BEHAVIOUR = [
    "basado en tu historial de navegación, zapatos rojos",
    "basierend auf Ihrem Browserverlauf: rote Schuhe",
    "Produkte, die Sie zuletzt angesehen haben",
    "d'après votre historique de navigation, des chaussures",
    "articles consultés récemment par le client",
    "in base alla tua cronologia di navigazione",
    "na podstawie historii przeglądania",
    "baseado no histórico de compras do cliente",
    "op basis van je browsegeschiedenis",
    "на основе вашей истории просмотров",
    "на основі історії переглядів",
    "με βάση το ιστορικό περιήγησης",
    "tarama geçmişinize göre",
    "根据您的浏览记录推荐",
    "閲覧履歴に基づいて",
    "구매 내역 기반 추천",
    "بناءً على سجل التصفح",
    "לפי היסטוריית הגלישה שלך",
    "based on your browsing history",
]

NOT_BEHAVIOUR = [
    "Farbverlauf von rot nach blau",
    "fruits in a basket, Obst im Korb, фрукты в корзине, owoce w koszyku",
    "la historia de la navegación española en el siglo XVI",
    "a history book on a wooden table",
    "Piknik sepetindeki meyveler",
    "carrello della spesa in metallo cromato",  # a product: a chrome shopping trolley
]

DEVICE = [
    "mac 00:1A:2B:3C:4D:5E",
    "router 00-1a-2b-3c-4d-5e on the desk",
    "MAC 00:12:34:56:78:90",
    "device id 3F2504E0-4F89-11D3-9A0C-0305E82C3301",
    "IDFA: 6D92078A-8246-4BA4-AE5B-76104861E7DC",
    "GAID is 38400000-8cf0-11bd-b23e-10b96e40000d",
    "Geräte-ID 3f2504e04f8911d39a0c0305e82c3301",
    "identifiant de l'appareil : 3F2504E0-4F89-11D3-9A0C-0305E82C3301",
    "идентификатор устройства 3F2504E0-4F89-11D3-9A0C-0305E82C3301",
    "IMEI 490154203237518",
    "imei: 49-015420-323751-8",
]

NOT_DEVICE = [
    "request id 3F2504E0-4F89-11D3-9A0C-0305E82C3301",
    "model hash 3f2504e04f8911d39a0c0305e82c3301",
    "timecode 00:12:34:56:78:90",
    "IDFA 00000000-0000-0000-0000-000000000000",  # "limit ad tracking": no one's
    "IMEI 490154203237519",  # fails Luhn
    "broadcast ff:ff:ff:ff:ff:ff",
    "ratio 16:9, 4:3 and 1:1",
]

WORLD_IDS = [
    "CPF 390.533.447-05",
    "cliente 390.533.447-05 em São Paulo",
    "cpf 39053344705",
    "CURP BOXW310820HNERXN09",
    "주민등록번호 971013-9019902",
    "ITIN 912-90-3456",
    "Aadhaar 2345 6789 0124",
    "आधार 2345 6789 0124",
    "PAN ACUPA7085R",
    "SIN 046 454 286",
    "NHS number 943 476 5919",
    "South African ID 7503305044089",
    "身份证 360426199101010071",
    "マイナンバー 1234 5678 9018",
    "RUT 12.531.909-2",
    "תעודת זהות 039337423",
    "TFN 123 456 782",
    "MyKad 770305-02-1234",
]

NOT_WORLD_IDS = [
    "EAN 7503305044089 barcode",
    "sin azúcar 123456782",  # Spanish "without", not a SIN
    "frying pan ACUPA7085R",
    "order 360426199101010071",
    "CPF 390.533.447-06",  # wrong check digits
    "size 1234-567890-123",
    "Aadhaar 1234 5678 9012",  # an Aadhaar never starts with 0 or 1
]


# Phone cues of languages beyond Europe's (data/cues.toml [phone]).
PHONES = [
    "nomor HP 081234567890",
    "no. hp: 0812-3456-7890",
    "தொலைபேசி 98765 43210",
    "ఫోన్ 98765 43210",
    "موبائل 0300 1234567",
    "Viber: 0671234567",
]


@pytest.mark.parametrize("text", PHONES)
def test_phone_cues_beyond_europe(text: str) -> None:
    assert "PHONE_NUMBER" in entities(text)


@pytest.mark.parametrize("text", BEHAVIOUR)
def test_behaviour_in_the_shops_languages(text: str) -> None:
    assert "BEHAVIORAL_DATA" in entities(text)


@pytest.mark.parametrize("text", NOT_BEHAVIOUR)
def test_baskets_and_histories_that_are_no_ones(text: str) -> None:
    assert "BEHAVIORAL_DATA" not in entities(text)


@pytest.mark.parametrize("text", DEVICE)
def test_device_identifiers_in_text(text: str) -> None:
    assert "DEVICE_ID" in entities(text)


@pytest.mark.parametrize("text", NOT_DEVICE)
def test_identifiers_that_are_no_devices(text: str) -> None:
    assert "DEVICE_ID" not in entities(text)


@pytest.mark.parametrize("text", WORLD_IDS)
def test_personal_numbers_beyond_europe(text: str) -> None:
    assert "NATIONAL_ID" in entities(text)


@pytest.mark.parametrize("text", NOT_WORLD_IDS)
def test_numbers_that_are_no_ids(text: str) -> None:
    assert "NATIONAL_ID" not in entities(text)
