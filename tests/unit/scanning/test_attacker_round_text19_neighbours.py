# ruff: noqa: RUF001 - text of other scripts, on purpose
"""Truth tables for the classes the nineteenth attacker round on text (text19) closed, each with clean
neighbours: a condition or a special category said to the customer in the second person (beside copy
addressed to anyone: a conditional, a question, what the reader will like, a cause's word after it);
special categories in Arabic; person words and conditions of languages the near lists lacked; a
party or a union named after a member word; the customer's own biometric template; dates of birth in
words in more languages, the year first, in Chinese numerals, in a Japanese era in kanji, in the
Ethiopian calendar; an age reached on a day of a month, said of a person (not of a shop, an album or a
dog); a message's generated id and an event's organiser mailbox.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters


def _entities(params: Any) -> set[str]:
    return {finding.entity for finding in scan_parameters(params)}


# -- said to the customer: the second person, or the category first with the second person after it
SAID_TO = [
    ("As you are diabetic we left the cake off the design", "HEALTH_DATA"),
    ("since you are a practising Catholic we added the cross", "RELIGIOUS_BELIEF"),
    ("you told us you are gay and the mug is for your husband", "SEXUAL_ORIENTATION"),
    ("you are a card-carrying member of the Labour Party, so the rose goes on", "POLITICAL_OPINION"),
    ("Da Sie Epileptikerin sind, keine Blitze im Video", "HEALTH_DATA"),
    ("Sie sind Mitglied der IG Metall, deshalb das Logo", "TRADE_UNION_MEMBERSHIP"),
    ("vous êtes enceinte de votre deuxième enfant, voici la carte", "HEALTH_DATA"),
    ("como usted es testigo de Jehová, quitamos la tarta", "RELIGIOUS_BELIEF"),
    ("essendo lei diabetica abbiamo tolto la torta", "HEALTH_DATA"),
    ("você é evangélica, então colocamos um versículo", "RELIGIOUS_BELIEF"),
    ("u bent lid van de FNV, logo op de mok", "TRADE_UNION_MEMBERSHIP"),
    ("jesteś w ciąży, więc kubek z napisem 'mama'", "HEALTH_DATA"),
    ("Вы член профсоюза, логотип на кружке", "TRADE_UNION_MEMBERSHIP"),
    ("siz şeker hastası olduğunuz için pastayı kaldırdık", "HEALTH_DATA"),
    ("du är gravid, så vi lade till en bebis", "HEALTH_DATA"),
    ("Anda seorang penderita diabetes, jadi kami ganti kuenya", "HEALTH_DATA"),
    ("あなたは糖尿病なので、ケーキを果物にしました", "HEALTH_DATA"),
    ("您是基督徒，所以加了十字架", "RELIGIOUS_BELIEF"),
    ("أنت مسيحي لذلك أضفنا الصليب", "RELIGIOUS_BELIEF"),
    ("As a diabetic you asked for no sugar on the label", "HEALTH_DATA"),
    ("As a Jehovah's Witness you asked us to drop the birthday theme", "RELIGIOUS_BELIEF"),
]
ADDRESSED_TO_ANYONE = [
    "If you are diabetic, this cookbook is for you",
    "Are you gluten-free? Try our sourdough",
    "Are you pregnant? Congratulations from all of us",
    "Whether you are vegan or not, our cards say peace",
    "As a diabetic, you'll love this sugar-free cookbook",
    "As a Catholic you know the value of the rosary: our beads are handmade",
    "you are my sunshine, yellow mug",
    "you are loved, you are enough, you are strong",
    "you have our cancer awareness ribbon on the lid",
    "You're a cancer survivor month poster",
    "you are a member of the wedding party, gold name tag",
    "Wenn Sie Diabetiker sind, ist dieses Kochbuch für Sie",
    "Sind Sie schwanger? Unsere Tees sind koffeinfrei",
    "Si vous êtes cœliaque, essayez notre pain",
    "Êtes-vous diabétique ? Découvrez la gamme",
    "Si eres celíaca, esta harina es para ti",
    "Se sei celiaco, prova la nostra pasta",
    "Jeśli jesteś cukrzykiem, ta książka jest dla ciebie",
    "Если вы диабетик, попробуйте наш шоколад",
    "Als u diabeet bent, is dit kookboek voor u",
    "Om du är diabetiker, prova vår choklad",
    "Eğer şeker hastasıysanız bu kitap sizin için",
    "Jika Anda seorang mualaf, buku ini untuk Anda",
    "もしあなたが糖尿病なら、このレシピ本を",
    "如果您是糖尿病患者，请试试我们的无糖巧克力",
    "Sie sind herzlich eingeladen zu unserem Sommerfest",
    "vous êtes formidable, mug pour la fête des mères",
    "You are invited to the Pride parade afterparty",
]


@pytest.mark.parametrize(("text", "entity"), SAID_TO)
def test_said_to_the_customer_is_found(text: str, entity: str) -> None:
    assert entity in _entities({"rendered_body": text})


@pytest.mark.parametrize("text", ADDRESSED_TO_ANYONE)
def test_copy_addressed_to_anyone_stays_clean(text: str) -> None:
    assert _entities({"rendered_body": text}) == set()


# -- Arabic categories with a person near; the same words of a product or a public
ARABIC_FOUND = [
    ("العميل مسيحي قبطي ويريد صليبا على الكوب", "RELIGIOUS_BELIEF"),
    ("زوجي شيعي ونريد اسم الإمام", "RELIGIOUS_BELIEF"),
    ("العميلة عضوة في نقابة الأطباء", "TRADE_UNION_MEMBERSHIP"),
    ("ابني مثلي الجنس والهدية لشريكه", "SEXUAL_ORIENTATION"),
    ("العميل سجين سابق والتسليم إلى مكتب البريد", "CRIMINAL_CONVICTION"),
]
ARABIC_CLEAN = [
    "بطاقة تهنئة بعيد الميلاد المجيد للمسيحيين",
    "ملصق نقابة المعلمين للمؤتمر السنوي",
    "كتاب عن تاريخ الأقباط في مصر",
]


@pytest.mark.parametrize(("text", "entity"), ARABIC_FOUND)
def test_arabic_category_of_a_person_is_found(text: str, entity: str) -> None:
    assert entity in _entities({"ملاحظة": text})


@pytest.mark.parametrize("text", ARABIC_CLEAN)
def test_arabic_category_of_no_one_stays_clean(text: str) -> None:
    assert _entities({"ملاحظة": text}) == set()


# -- person words and conditions the near lists lacked; a party or a union after a member word
NEAR_FOUND = [
    ("kupac je dijabetičar, bez torte", "HEALTH_DATA"),
    ("купац је дијабетичар", "HEALTH_DATA"),
    ("купувачот е дијабетичар", "HEALTH_DATA"),
    ("stranka je sladkorna bolnica", "HEALTH_DATA"),
    ("ο πελάτης είναι οροθετικός", "HEALTH_DATA"),
    ("die klant is 'n diabeet", "HEALTH_DATA"),
    ("հաճախորդը շաքարախտ ունի", "HEALTH_DATA"),
    ("მომხმარებელს დიაბეტი აქვს", "HEALTH_DATA"),
    ("tá diaibéiteas ar an gcustaiméir", "HEALTH_DATA"),
    ("ang customer ay may diabetes", "HEALTH_DATA"),
    ("klient jest cukrzykiem, bez cukru", "HEALTH_DATA"),
    ("ela é filiada ao PSOL", "POLITICAL_OPINION"),
    ("zákazník je členem odborů", "TRADE_UNION_MEMBERSHIP"),
    ("müşteri CHP üyesi", "POLITICAL_OPINION"),
    ("ο πελάτης είναι μέλος του ΚΚΕ", "POLITICAL_OPINION"),
    ("клиент ранее судим за кражу", "CRIMINAL_CONVICTION"),
    ("고객님은 민주노총 조합원이십니다", "TRADE_UNION_MEMBERSHIP"),
]
NEAR_CLEAN = [
    "torta za dijabetičare, bez šećera",
    "torta bez šećera za sve",
    "kakku diabeetikoille sopiva",
    "CHP kongresi afişi, 2027",
    "μέλος του συλλόγου γονέων, κονκάρδα",
    "Vakbond geschiedenis poster, 1920",
]


@pytest.mark.parametrize(("text", "entity"), NEAR_FOUND)
def test_category_of_a_person_is_found(text: str, entity: str) -> None:
    assert entity in _entities({"note": text})


@pytest.mark.parametrize("text", NEAR_CLEAN)
def test_category_of_no_one_stays_clean(text: str) -> None:
    assert _entities({"note": text}) == set()


# -- the customer's own biometric template; a template of no one
@pytest.mark.parametrize(
    "text",
    [
        "attached is your face embedding from the booth: 0.013,-0.227,0.118",
        "Ihr Fingerabdruck-Template für das Schließfach: 3F2A9C41D07E",
        "voiceprint enrolled for caller, speaker embedding saved",
    ],
)
def test_the_customers_biometric_template_is_found(text: str) -> None:
    assert "BIOMETRIC_DATA" in _entities({"note": text})


def test_a_locks_template_count_stays_clean() -> None:
    assert (
        _entities({"note": "smart lock stores 100 fingerprint templates, fingerprint pattern mug"}) == set()
    )


# -- dates of birth written out, and an age reached on a day of a month
DOB_FOUND = [
    "date of birth: the fifth of June, nineteen seventy-one",
    "DOB: June the 5th nineteen seventy one",
    "narozen pátého června devatenáct set sedmdesát jedna",
    "születési dátum: ezerkilencszázhetvenegy június ötödike",
    "doğum tarihi: beş haziran bin dokuz yüz yetmiş bir",
    "出生日期：一九七一年六月五日",
    "生年月日：平成三年六月五日",
    "የትውልድ ቀን: ሰኔ 12 1975",
    "my grandma is turning 90 on the 2nd of May",
    "mein Opa wird am 3. Mai 80",
    "sua madre compie 50 anni il 2 luglio",
    "ma femme aura 40 ans le 12 juin",
    "moja mama kończy 60 lat 12 czerwca",
    "папе исполнится 70 лет 3 мая",
    "babamın 3 Haziran'da 60 yaşına giriyor",
    "母は6月3日で70歳になります",
]
DOB_CLEAN = [
    "the bakery turns 18 on 9 October",
    "our shop will be 10 on the 3rd of June",
    "the album turns 40 on 22 March, vinyl reissue",
    "the dog turns 3 on 12 May",
    "le magasin fête ses 30 ans le 2 mai",
    "Nasza firma kończy 40 lat 5 maja",
    "birthday party in March, two thousand balloons",
    "生年月日を入力してください",
    "wird am 14. Juli geliefert, 70 Stück",
    "Vintage 1984, limited edition of 40",
]


@pytest.mark.parametrize("text", DOB_FOUND)
def test_date_of_birth_written_out_is_found(text: str) -> None:
    assert "DATE_OF_BIRTH" in _entities({"note": text})


@pytest.mark.parametrize("text", DOB_CLEAN)
def test_dates_of_no_ones_birth_stay_clean(text: str) -> None:
    assert _entities({"note": text}) == set()


# -- a message's generated id and an event's organiser are no one's mailbox; a person's address is
@pytest.mark.parametrize(
    "text",
    [
        "Message-ID: <20270312104455.4412@printshop.example>",
        "In-Reply-To: <CAF4a9b3c2d1e0f9@mail.gmail.com>",
        "ORGANIZER;CN=Mugworks:mailto:events@mugworks.example",
    ],
)
def test_ids_and_organisers_stay_clean(text: str) -> None:
    assert _entities({"headers": text}) == set()


@pytest.mark.parametrize(
    "text", ["Message-ID: <anna.smith@gmail.com>", "write to 20270312104455@qq.com", "events.anna@gmail.com"]
)
def test_a_persons_address_is_found(text: str) -> None:
    assert "EMAIL_ADDRESS" in _entities({"headers": text})
