# ruff: noqa: RUF001 - many scripts, on purpose
"""The fourth attacker round (gaps4): 136 generation parameters a retailer's pipeline would carry, in 29
languages, written before reading the detectors (names, emails, phones, addresses, national numbers,
customer and loyalty numbers, IBANs, birth dates, handles, health data, tokens, splits), each with the
entity that must be found, or None for a clean neighbour that must stay clean. 84 passed on the code
this round started from."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters

P = "prompt"
CASES: list[tuple[dict[str, Any], str | None]] = [
    # --- listed gaps: social handles
    ({P: "poster for instagram: @jane_doe88"}, "SOCIAL_HANDLE"),
    ({P: "follow @jane_doe88 for more"}, "SOCIAL_HANDLE"),
    ({P: "customer profile instagram.com/jane.doe"}, "SOCIAL_HANDLE"),
    ({P: "see https://x.com/janedoe_88"}, "SOCIAL_HANDLE"),
    ({P: "tiktok.com/@maria.lopez"}, "SOCIAL_HANDLE"),
    ({P: "https://www.facebook.com/profile.php?id=100012345678901"}, "SOCIAL_HANDLE"),
    ({P: "linkedin.com/in/hans-mueller-4711"}, "SOCIAL_HANDLE"),
    ({"instagram": "@jane_doe88"}, "SOCIAL_HANDLE"),
    ({P: "Insta: jane.doe.88"}, "SOCIAL_HANDLE"),
    ({P: "Kundin auf Instagram: @lena.schmidt"}, "SOCIAL_HANDLE"),
    ({P: "mi instagram es @carla_ruiz"}, "SOCIAL_HANDLE"),
    ({P: "t.me/ivan_petrov"}, "SOCIAL_HANDLE"),
    ({P: "in the style of @nike"}, None),
    ({P: "vibe like nike.com campaign"}, None),
    ({"social": "instagram"}, None),
    ({P: "logo for instagram post, 1080x1080"}, None),
    # --- spelled phone numbers
    ({P: "call me on zero seven nine one one one two three four five six"}, "PHONE_NUMBER"),
    ({P: "phone: oh seven nine one one, one two three four five six"}, "PHONE_NUMBER"),
    ({P: "tel: oh-seven-nine-one-one-one-two-three-four-five-six"}, "PHONE_NUMBER"),
    ({P: "Telefon: null eins fünf eins, zwei drei vier fünf sechs sieben acht neun"}, "PHONE_NUMBER"),
    ({P: "téléphone : zéro six douze trente-quatre cinquante-six soixante-dix-huit"}, "PHONE_NUMBER"),
    ({P: "téléphone : zéro six un deux trois quatre cinq six sept huit"}, "PHONE_NUMBER"),
    ({P: "teléfono: seis uno dos tres cuatro cinco seis siete ocho"}, "PHONE_NUMBER"),
    ({P: "call 07911 one two three four five six"}, "PHONE_NUMBER"),
    ({P: "one two three four five six seven eight nine ten, count the apples"}, None),
    ({P: "phone case with zero scratches, one two three colours"}, None),
    # --- health
    ({P: "birthday cake for Jane Doe, customer is diabetic"}, "HEALTH_DATA"),
    ({P: "card for Mr Smith, he is allergic to peanuts"}, "HEALTH_DATA"),
    ({P: "portrait of Maria, she is pregnant, due in March"}, "HEALTH_DATA"),
    ({P: "gift for a customer with diabetes"}, "HEALTH_DATA"),
    ({P: "Kundin ist schwanger, Glückwunschkarte für Anna"}, "HEALTH_DATA"),
    ({P: "carte pour Marie, atteinte d'un cancer du sein"}, "HEALTH_DATA"),
    ({P: "tarjeta para Carlos, diagnosticado con depresión"}, "HEALTH_DATA"),
    ({P: "customer takes insulin daily, design a pouch"}, "HEALTH_DATA"),
    ({P: "diagnosis: HIV positive, customer John"}, "HEALTH_DATA"),
    ({"medical_condition": "asthma"}, "HEALTH_DATA"),
    ({P: "sugar-free cake suitable for diabetics"}, None),
    ({P: "peanut-free label, allergy friendly snacks"}, None),
    ({P: "pregnancy test packaging, pastel colours"}, None),
    ({P: "breast cancer awareness pink ribbon poster"}, None),
    # --- names
    ({P: "ลูกค้า: สมศรี มีสุข"}, "PERSON"),
    ({P: "고객: 김철"}, "PERSON"),
    ({P: "이민 정책 포스터"}, None),
    ({P: "ללקוח: נועה אברהמי"}, "PERSON"),
    ({P: "برای مشتری: کوروش تهرانی‌زاده"}, "PERSON"),
    ({P: "هدية للعميل: مشعل القحطاني"}, "PERSON"),
    # --- national numbers without cue, postcode, tokens, splits
    ({P: "reference 12345674 poster"}, None),
    ({"address": {"postcode": "SW1A 1AA"}}, "LOCATION"),
    ({"shipping_address": {"zip": "10115"}}, "LOCATION"),
    ({P: "Authorization: Bearer abc123XYZ"}, "SESSION_TOKEN"),
    ({P: "api_key=sk-12ab34cd"}, "SESSION_TOKEN"),
    ({"a": {"b": {"c": "jane.doe"}}, "x": {"y": {"z": {"w": "@example.com"}}}}, "EMAIL_ADDRESS"),
    (
        {
            "n1": {"inputs": {"meta": {"text": "jane.doe"}}},
            "n2": {"inputs": {"meta": {"text": "@example.com"}}},
        },
        "EMAIL_ADDRESS",
    ),
    # --- attacker round: real retailer params, many languages
    ({P: "Geschenkbox für Jürgen Weißmüller, Lindenstraße 14, 80331 München"}, "PERSON"),
    ({P: "Lieferadresse: Hauptstr. 5a, 10115 Berlin"}, "LOCATION"),
    ({P: "Kundennr. 4711-0815, Treuekarte 9876543210"}, "CUSTOMER_ID"),
    ({P: "IBAN DE89 3704 0044 0532 0130 00 für die Rückerstattung"}, "IBAN_CODE"),
    ({P: "geb. 03.04.1987, Porträt im Aquarellstil"}, "DATE_OF_BIRTH"),
    ({P: "mug pour Amélie Poulain, née le 3 mars 1990"}, "PERSON"),
    ({P: "livraison: 12 bis avenue des Ternes, 75017 Paris"}, "LOCATION"),
    ({P: "n° client FR-88231, carte fidélité 5012 3344"}, "CUSTOMER_ID"),
    ({P: "tél 06 12 34 56 78 pour la livraison"}, "PHONE_NUMBER"),
    ({P: "taza para Lucía Fernández, calle Alcalá 42, 28014 Madrid"}, "PERSON"),
    ({P: "DNI 12345678Z, retrato estilo anime"}, "NATIONAL_ID"),
    ({P: "número de pedido 55321, cliente: josé garcía"}, "PERSON"),
    ({P: "whatsapp +34 612 34 56 78"}, "PHONE_NUMBER"),
    ({P: "tazza per Giulia Bianchi, via Garibaldi 7, Torino"}, "PERSON"),
    ({P: "codice fiscale RSSMRA85T10A562S"}, "NATIONAL_ID"),
    ({P: "cellulare 347 123 4567"}, "PHONE_NUMBER"),
    ({P: "mok voor Sanne de Vries, Kerkstraat 12, 1017 GL Amsterdam"}, "PERSON"),
    ({P: "klantnummer 100234556"}, "CUSTOMER_ID"),
    ({P: "PESEL 44051401359"}, "NATIONAL_ID"),
    ({P: "tel. kom. 512 345 678"}, "PHONE_NUMBER"),
    ({P: "caneca para João Silva, CPF 390.533.447-05"}, "NATIONAL_ID"),
    ({P: "entregar na Rua Augusta 100, Lisboa"}, "LOCATION"),
    ({P: "кружка для Ивана Петрова, тел. 8 916 123-45-67"}, "PHONE_NUMBER"),
    ({P: "доставка: ул. Тверская, д. 7, кв. 12, Москва"}, "LOCATION"),
    ({P: "подарок для Анны Смирновой"}, "PERSON"),
    ({P: "Ayşe Yılmaz için kupa, cep: 0532 123 45 67"}, "PHONE_NUMBER"),
    ({P: "TC kimlik 10000000146"}, "NATIONAL_ID"),
    ({P: "Πορτρέτο για τη Μαρία Παπαδοπούλου"}, "PERSON"),
    ({P: "τηλ. 691 234 5678"}, "PHONE_NUMBER"),
    ({P: "山田太郎様へのギフト、電話 090-1234-5678"}, "PHONE_NUMBER"),
    ({P: "お届け先：東京都新宿区西新宿2-8-1"}, "LOCATION"),
    ({P: "会員番号 12345678 のお客様"}, "CUSTOMER_ID"),
    ({P: "给王伟的生日贺卡，手机 13812345678"}, "PHONE_NUMBER"),
    ({P: "收货地址：北京市朝阳区建国路88号"}, "LOCATION"),
    ({P: "김민준님께 선물, 연락처 010-1234-5678"}, "PHONE_NUMBER"),
    ({P: "배송지: 서울특별시 강남구 테헤란로 152"}, "LOCATION"),
    ({P: "हैप्पी बर्थडे राहुल शर्मा, मोबाइल 98765 43210"}, "PHONE_NUMBER"),
    ({P: "बटुआ प्रिया वर्मा के लिए"}, "PERSON"),
    ({P: "كوب لـ أحمد محمد، جوال 0501234567"}, "PHONE_NUMBER"),
    ({P: "عنوان التوصيل: شارع الملك فهد 12، الرياض"}, "LOCATION"),
    ({P: "ספל עבור דוד כהן, טלפון 052-1234567"}, "PHONE_NUMBER"),
    ({P: "ly cho Nguyễn Văn An, sđt 0912 345 678"}, "PHONE_NUMBER"),
    ({P: "mug untuk Budi Santoso, HP 0812-3456-7890"}, "PHONE_NUMBER"),
    ({P: "muki kwa Amina Juma, simu 0712 345 678"}, "PHONE_NUMBER"),
    ({P: "mugg till Erik Johansson, personnummer 19811218-9876"}, "PERSON"),
    ({P: "krus til Mette Hansen, CPR 070761-4285"}, "NATIONAL_ID"),
    ({P: "muki Mikko Virtaselle, hetu 131052-308T"}, "NATIONAL_ID"),
    ({P: "bögre Nagy Péternek, tel: +36 30 123 4567"}, "PHONE_NUMBER"),
    ({P: "hrnek pro Janu Novákovou, rodné číslo 7103192745"}, "NATIONAL_ID"),
    ({P: "cană pentru Andrei Popescu, CNP 1800101221144"}, "NATIONAL_ID"),
    ({P: "send to jane.doe(at)gmail(dot)com"}, "EMAIL_ADDRESS"),
    ({P: "email: j o h n . s m i t h @ g m a i l . c o m"}, "EMAIL_ADDRESS"),
    ({P: "mail me at maria punto lopez arroba gmail punto com"}, "EMAIL_ADDRESS"),
    ({P: "E-Mail: anna.schmidt at web dot de"}, "EMAIL_ADDRESS"),
    ({P: "card 4111 1111 1111 1111 exp 12/27"}, "CREDIT_CARD"),
    ({P: "loyalty ID: LY-2024-887766"}, "CUSTOMER_ID"),
    ({"loyalty_number": "887766554433"}, "CUSTOMER_ID"),
    ({"member_id": "M-00923311"}, "CUSTOMER_ID"),
    ({"order": {"customer": {"first_name": "Jane", "last_name": "Doe"}}}, "PERSON"),
    ({"recipient": "Dr. Hans-Peter Müller-Lüdenscheidt"}, "PERSON"),
    ({P: "DOB 1990-07-14 personalised star map"}, "DATE_OF_BIRTH"),
    ({P: "star map for the night she was born: 14 July 1990, Berlin"}, "DATE_OF_BIRTH"),
    ({P: "SSN 536-22-1234"}, "US_SSN"),
    ({P: "ship to 221B Baker Street, London NW1 6XE"}, "LOCATION"),
    ({P: "deliver to 1600 Pennsylvania Ave NW, Washington, DC 20500"}, "LOCATION"),
    ({P: "call (415) 555-0132 after 5pm"}, "PHONE_NUMBER"),
    ({P: "my number is four one five, five five five, zero one three two"}, "PHONE_NUMBER"),
    ({P: "phone: +44 seven nine one one 123456"}, "PHONE_NUMBER"),
    ({P: "IP 192.168.1.23 of the customer"}, "IP_ADDRESS"),
    ({P: "Bestellung von Frau Özdemir, Tel. 0176/12345678"}, "PHONE_NUMBER"),
    ({P: "snapchat: ken_tanaka99"}, "SOCIAL_HANDLE"),
    ({P: "mein TikTok ist @mia.kl"}, "SOCIAL_HANDLE"),
    ({P: "youtube.com/@BobRoss"}, "SOCIAL_HANDLE"),
    ({P: "design like the instagram feed of @zara"}, None),
    ({P: "@2x retina asset"}, None),
    ({P: "css @media screen"}, None),
    ({P: "photo shot @ 85mm"}, None),
    ({P: "cliente celíaco, pastel sin gluten para Pedro"}, "HEALTH_DATA"),
    ({P: "Kunde hat Epilepsie, keine Blitzeffekte, Karte für Tom"}, "HEALTH_DATA"),
    ({P: "клиентка беременна, открытка для Ольги"}, "HEALTH_DATA"),
    ({P: "cliente è diabetico, biglietto per Marco"}, "HEALTH_DATA"),
    ({P: "klant heeft kanker, kaart voor Sanne"}, "HEALTH_DATA"),
    ({P: "お客様は妊娠中です"}, "HEALTH_DATA"),
    ({P: "kubek dla Agnieszki Nowak, ul. Długa 5, Gdańsk"}, "PERSON"),  # found since text5 (case forms)
]


# Still not found (docs/attacker-rounds.md, "Personal data the scanner still approved (gaps4)"): a Thai name
# after a bare "for", a Tamil name of a given name and a father's name with no cue; "QQ" is no allocated NINO
# prefix, and a bare "@handle" after "for" is not read (the decision in "Social-media handles").
NOT_FOUND: list[tuple[dict[str, Any], str]] = [
    ({P: "แก้วสำหรับ สมชาย ใจดี"}, "PERSON"),
    ({P: "முருகன் செல்வராஜ் பிறந்தநாள் அட்டை"}, "PERSON"),
    ({P: "NI number QQ 12 34 56 C"}, "UK_NINO"),
    ({P: "for @lisa.m.art's birthday"}, "SOCIAL_HANDLE"),
]


@pytest.mark.parametrize(("params", "entity"), CASES)
def test_attacker_round(params: dict[str, Any], entity: str | None) -> None:
    found = {f.entity for f in scan_parameters(params)}
    assert entity in found if entity else not found


@pytest.mark.parametrize(("params", "entity"), NOT_FOUND)
def test_known_misses_are_still_missed(params: dict[str, Any], entity: str) -> None:
    """When one of these starts being found, move it to CASES (and the list in docs/attacker-rounds.md)."""
    assert entity not in {f.entity for f in scan_parameters(params)}
