"""Full names in scripts other than Latin, without a cue, and the clean text around them.

Truth tables per script: each name is written as people write it in a prompt (in the cases a sentence
puts it in, surname first where the language does so), with no cue at all or after a bare "for" or
postposition; each clean neighbour is the kind of text that shares the name's shape (a town, a saint,
a brand, a holiday, an everyday word that is also a given name, a product in the same script).
"""

# ruff: noqa: RUF001, RUF003 - Greek, Cyrillic and other scripts, on purpose
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gate.scanning import scan_parameters
from gate.scanning.detectors.person import DETECTOR
from gate.scanning.normalise import normalise

NAMES = {
    "cyrillic": [
        "Портрет Ивана Петрова в костюме",
        "Сазонов Арсений Дмитриевич на фоне моря",
        "Никита Феликсович Кошелев, студийный свет",
        "Ганна Колесниченко у вишиванці",
        "футболка для Марии Ивановой",
        "кружка для Сергей Закусило",
        "Олена Шевчук на тлі Карпат",
        "снимка на Георги Димитров на плажа",
        "ИВАН ПЕТРОВ В КОСТЮМЕ".title(),
    ],
    "greek": [
        "Γιώργος Παπαδόπουλος στην παραλία",
        "Πορτρέτο της Μαρίας Παπαδοπούλου",
        "Νίκος Κωνσταντινίδης με κοστούμι",
        "κάρτα για Σταύρος Νικολάου",
        "φωτογραφία Ελένη Γεωργίου στο πάρκο",
        "μπλούζα για τον Δημήτρη Οικονόμου",
    ],
    "arabic": [
        "محمد العلي في الحديقة",
        "صورة أحمد محمود بفستان",
        "كوب لمحمد الراشد",
        "عبد الرحمن الشمري",
        "فاطمة الزهراني بفستان أحمر",
        "نور بنت خالد",
    ],
    "persian": ["علی رضایی در باغ", "پرتره مریم احمدی", "لیوان برای سارا محمدی"],
    "hebrew": ["יוסי כהן על חוף הים", "דיוקן של רחל לוי", "ספל בשביל דניאל מזרחי", "תמר כהן בשמלה אדומה"],
    "chinese": [
        "王小明的肖像",
        "送给李伟的礼物",
        "张 秀英，红色连衣裙",
        "陈静女士",
        "歐陽娜娜的照片",
        "李伟",
    ],
    "japanese": [
        "田中太郎",
        "田中太郎の肖像画",
        "木村 陽一、赤いドレス",
        "佐藤花子様へのプレゼント",
        "鈴木一郎さんへ",
    ],
    "korean": [
        "김민준 초상화",
        "이서연님께 드리는 선물",
        "박 지현에게 머그컵",
        "최수진, 빨간 드레스",
        "김민준",
    ],
    "turkish": ["Ayşe Yılmaz için hediye", "Mehmet Demir için doğum günü kartı", "Elnur Əliyev üçün hədiyyə"],
    "vietnamese": ["cốc cho Thị Lan Nguyễn", "quà tặng cho Bảo Trần"],
    "latin, a surname's shape": [
        "Ximena González in a red dress",
        "Priya Chatterjee, studio light",
        "Mateus Oliveira na praia",
        "Olga Kowalska w sukience",
        "Liam McCarthy, portrait",
        "Darius Petrović, studio light",
    ],
    "lower case after a label": ["customer: li wei", "recipient: kim minjun", "Kunde: maria garcia"],
}

CLEAN = {
    "cyrillic": [
        "Красное платье на манекене, студийный свет",
        "Москва Сити ночью, неоновые огни",
        "подарок для Нового Года, ёлочные игрушки",
        "Кружка для Кофе, белая керамика",
        "Санкт Петербург, Невский проспект, акварель",
        "Красная Площадь зимой, открытка",
        "Детская Одежда для Девочек, хлопок",
        "Ростов Великий, золотые купола",
        "Город Иваново, акварель",
        "Вера Надежда Любовь, икона",
        "Святой Николай, икона",
        "Стара Загора, акварел",
        "Рилски Манастир през зимата",
        "Київ вночі, вогні Хрещатика",
    ],
    "greek": [
        "Νέα Υόρκη τη νύχτα, νέον",
        "Άγιος Νικόλαος, ακουαρέλα",
        "Μεγάλη Βρετανία, χάρτης",
        "δώρο για Χριστούγεννα, στολίδια",
        "Ελαιόλαδο Κρήτης, ετικέτα",
        "Ακρόπολη Αθηνών στο ηλιοβασίλεμα",
        "Λευκό Φόρεμα, φως στούντιο",
        "Θωμόπουλος Mode SRL",
    ],
    "arabic": [
        "كريم الترطيب للبشرة الجافة",
        "مكة المكرمة، لوحة مائية",
        "عطر العود الفاخر، زجاجة ذهبية",
        "هدية عيد الأم، ورود",
        "برج خليفة في الليل",
        "نور الشمس على البحر",
    ],
    "persian": ["برج میلاد در شب", "آبی آسمانی، رنگ روغن", "فرش دستباف ایرانی، طرح اصفهان"],
    "hebrew": ["אור רך, צילום מוצר", "ים המלח בשקיעה", "תל אביב בלילה, ניאון", "מתנה ליום האם, פרחים"],
    "chinese": [
        "高质量，高清，产品摄影",
        "黄金项链，奢华风格",
        "王府井夜景，霓虹灯",
        "李宁运动鞋，白色",
        "张家界山水画",
        "白色陶瓷马克杯",
        "周大福黄金手镯",
        "马克杯",
        "黄金，奢华风格",
        "高雅，白色",
        "白云，蓝天",
        "江南水乡",
    ],
    "japanese": ["山田町の風景、水彩画", "木村屋のパン、パッケージ", "中村橋駅の看板", "高品質、高解像度"],
    "korean": [
        "이미지 고화질, 제품 사진",
        "강아지 인형, 부드러운 털",
        "장난감 자동차, 파란색",
        "서울 야경, 네온",
    ],
    "turkish": ["Anneler Günü için hediye kutusu", "Yılbaşı için süsler", "Kapadokya Balonları, gün doğumu"],
    "vietnamese": ["quà tặng cho Ngày của Mẹ", "Vịnh Hạ Long, màu nước", "Hà Nội về đêm, đèn neon"],
    "lower case after a label": [
        "customer: returning visitor",
        "ratio 16:9, soft light",
        "gift for christmas tree",
    ],
}


def _persons(text: str) -> bool:
    return any(finding.entity == "PERSON" for finding in scan_parameters({"prompt": text}))


@pytest.mark.parametrize(("script", "text"), [(s, t) for s, texts in NAMES.items() for t in texts])
def test_a_full_name_is_found_without_a_cue(script: str, text: str) -> None:
    assert _persons(text), f"{script}: {text!r}"


@pytest.mark.parametrize(("script", "text"), [(s, t) for s, texts in CLEAN.items() for t in texts])
def test_clean_text_of_the_same_shape_is_no_name(script: str, text: str) -> None:
    assert scan_parameters({"prompt": text}) == [], f"{script}: {text!r}"


@pytest.mark.parametrize(
    "text",
    ["Γιώργος Παπαδόπουλος", "Иван Петров", "ΓΙΏΡΓΟΣ ΠΑΠΑΔΌΠΟΥΛΟΣ".title(), "Іван Петренко"],
)
def test_look_alike_letters_are_read_back_in_their_script(text: str) -> None:
    # `normalise` turns "ρ", "о", "І" into Latin look-alikes; the name must be read all the same.
    assert normalise(text) != text
    assert _persons(text)


@pytest.mark.parametrize(
    "text",
    ["Портрет Ивана Петрова", "محمد العلي", "יוסי כהן", "田中太郎の肖像画", "김민준 초상화", "王小明的肖像"],
)
def test_names_under_model_and_brand_keys_are_not_read(text: str) -> None:
    # The key context decides first: text under model/brand keys is not read for names at all.
    assert not any(f.entity == "PERSON" for f in scan_parameters({"model": text}))


# Strings of one script's letters with no name's shape: product words, single words, lower case.
_CYRILLIC_LOWER = st.text(alphabet="абвгдежзиклмнопрстуфхцчшщэюя ", min_size=1, max_size=40)
_HANGUL_TWO = st.text(alphabet=[chr(c) for c in range(0xAC00, 0xAC00 + 400)], min_size=1, max_size=2)


@settings(max_examples=200, deadline=None)
@given(_CYRILLIC_LOWER)
def test_cyrillic_without_a_capital_is_never_a_name(text: str) -> None:
    assert DETECTOR._scripts.find(normalise(text)) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(_HANGUL_TWO, min_size=1, max_size=5))
def test_hangul_words_of_one_or_two_syllables_are_never_a_name(words: list[str]) -> None:
    assert DETECTOR._scripts.find(" ".join(words)) is None


@pytest.mark.parametrize(
    "text",
    [
        "سافرت ليلى إلى القاهرة لحضور المعرض",  # Layla travelled to Cairo (إلى, folded as إلی)
        "كانت ليلى على الشاطئ طوال اليوم",  # على after a given name
        "قال خالد إن الطقس جميل",  # إن after a given name
        "وصل أحمد بعد الظهر",  # بعد (after)
        "جلس محمد بين الأصدقاء",  # بين (between)
    ],
)
def test_an_arabic_given_name_before_a_function_word_is_no_full_name(text: str) -> None:
    assert scan_parameters({"description": text}) == []


@pytest.mark.parametrize("text", ["تصميم خاص باسم ليلى الهاشمي", "صورة سالم بن راشد مع العائلة"])
def test_an_arabic_full_name_in_prose_is_still_found(text: str) -> None:
    assert {finding.entity for finding in scan_parameters({"description": text})} == {"PERSON"}
