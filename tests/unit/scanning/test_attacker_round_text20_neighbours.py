"""Truth tables for the classes the twentieth attacker round on text (text20) closed, each with clean
neighbours: the writer's own condition in the languages the first-person readings lacked (a subject and
its verb, "to me", a linking word between, the subject after the condition where the language puts it
last), conditions the lists lacked; the writer's own date of birth ("I was born" forms, Catalan's elided
"d'", Estonian's adessive months); the writer's faith, orientation or union (a membership after a verb
that carries the writer, "as a ... , I", the copula last, the writer in CJK). The clean neighbours use
the same words of products, causes and places: "as a Christian gift", "Alevi cemevi", "World Kidney Day",
"vaig néixer a Barcelona", "membre de la chorale", a pregnancy T-shirt.
"""

from __future__ import annotations

import pytest

from gate.scanning import scan_parameters

FOUND = [
    ("jeg er blind efter en blodprop, skriv med store bogstaver", "HEALTH_DATA"),
    ("jag har diabetes typ 2, inga godis i paketet", "HEALTH_DATA"),
    ("I am suffering from kidney failure, please deliver after dialysis", "HEALTH_DATA"),
    ("ich leide an Multipler Sklerose, bitte große Schrift", "HEALTH_DATA"),
    ("sou doente renal, entreguem à tarde", "HEALTH_DATA"),
    ("sono in dialisi il martedì, consegnate di mercoledì", "HEALTH_DATA"),
    ("man ir vēzis, lūdzu bez ziediem", "HEALTH_DATA"),
    ("mul on diabeet, palun ilma kommideta", "HEALTH_DATA"),
    ("aš sergu epilepsija, be mirksinčių šviesų", "HEALTH_DATA"),
    ("ég er ólétt, engin áfengismynd á kortinu", "HEALTH_DATA"),
    ("ek het kanker en wil 'n sagte kleur", "HEALTH_DATA"),
    ("saya pengidap kanker, mohon tanpa bunga", "HEALTH_DATA"),
    ("buntis ako, walang alak sa disenyo", "HEALTH_DATA"),
    ("haurdun nago, ez jarri ardorik", "HEALTH_DATA"),
    ("tá ailse orm, dathanna boga le do thoil", "HEALTH_DATA"),
    ("আমার ক্যান্সার আছে, ফুল দেবেন না", "HEALTH_DATA"),
    ("எனக்கு புற்றுநோய் உள்ளது", "HEALTH_DATA"),
    ("我有肺癌,请不要打电话", "HEALTH_DATA"),
    ("私は2型糖尿病です", "HEALTH_DATA"),
    ("я вагітна, без алкоголю на малюнку", "HEALTH_DATA"),
    ("γεννήθηκα στις 3 Μαρτίου 1969", "DATE_OF_BIRTH"),
    ("נולדתי ב-14 ביולי 1990", "DATE_OF_BIRTH"),
    ("vaig néixer el 2 d'octubre de 1981", "DATE_OF_BIRTH"),
    ("rugadh mé ar an 12 Bealtaine 1975", "DATE_OF_BIRTH"),
    ("saya lahir pada tanggal 5 Mei 1990", "DATE_OF_BIRTH"),
    ("urodziłam się 14 lutego 1987", "DATE_OF_BIRTH"),
    ("sündisin 3. märtsil 1979", "DATE_OF_BIRTH"),
    ("As a devout Catholic, I want the rosary on the mug", "RELIGIOUS_BELIEF"),
    ("Müslüman olduğum için şarap kadehi istemiyorum", "RELIGIOUS_BELIEF"),
    ("református lelkész vagyok", "RELIGIOUS_BELIEF"),
    ("我是基督徒,请加一个十字架", "RELIGIOUS_BELIEF"),
    ("jestem członkiem związku zawodowego Solidarność", "TRADE_UNION_MEMBERSHIP"),
    ("je suis membre de la FTQ depuis 1998", "TRADE_UNION_MEMBERSHIP"),
    ("jsem v odborech a chci jejich logo", "TRADE_UNION_MEMBERSHIP"),
    ("olen ortodoksi ja haluan ikonin", "RELIGIOUS_BELIEF"),
    ("tôi là người đồng tính, quà cho bạn trai", "SEXUAL_ORIENTATION"),
]
CLEAN = [
    "perfect as a Christian gift for the whole family",
    "sold as a Muslim prayer mat, our best seller",
    "Alevi cemevi için duvar takvimi",
    "evangélikus templom akvarell, A3 poszter",
    "穆斯林餐厅菜单海报",
    "我是糖尿病协会的志愿者海报模板",
    "saya mau pesan mug putih ukuran besar",
    "poster Hari Kanker Sedunia, pita ungu",
    "jeg er glad for kruset, tak",
    "olen tyytyväinen tilaukseen",
    "membre de la chorale, t-shirt bleu",
    "World Kidney Day poster, kidney failure awareness",
    "lahir baru: kartu ucapan bayi, warna pastel",
    "vaig néixer a Barcelona: samarreta amb l'skyline",
    "sale ends 23 d'abril, Sant Jordi roses",
    "ortodoxă icoană pictată pe lemn, 20 cm",
    "haurdun dauden emakumeentzako kamiseta",
    "tá an mug bán ar díol",
    "বিশ্ব ক্যান্সার দিবসের পোস্টার",
    "கர்ப்பிணி பெண்களுக்கான டி-ஷர்ட்",
    "diabetes awareness mug, blue circle",
]


@pytest.mark.parametrize(("text", "entity"), FOUND)
def test_said_by_the_writer_is_found(text: str, entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters({"customer_note": text})}


@pytest.mark.parametrize("text", CLEAN)
def test_product_and_cause_copy_stays_clean(text: str) -> None:
    assert scan_parameters({"customer_note": text}) == []
