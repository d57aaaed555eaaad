# ruff: noqa: RUF001 - text of other scripts, on purpose
"""The nineteenth attacker round on text (text19): attacker_round_text19.json, written before reading the
detectors, on personal data in shapes no earlier round used: prompts written by agents (OpenAI message
arrays and tool calls whose arguments are JSON in a string, Anthropic tool_use/tool_result blocks, Gemini
functionCall parts, agent steps), ComfyUI and A1111 workflows with customer fields in node titles and
widget values, Figma/Canva/Adobe Express template variables filled in, Braze/Klaviyo/Salesforce Marketing
Cloud/Dynamic Yield output rendered, Printful/Printify/Gelato order sheets, CSV in a string with quoting
and escaped separators, SQL statements, GraphQL variables, protobuf text format, XML/SOAP, e-mail headers,
vCard and iCalendar (ATTENDEE, ORGANIZER, BDAY), MIME encoded-words and quoted-printable, punycode and
Unicode mail domains and local parts, percent-encoding twice, Unicode tag characters and variation
selectors inside values, mathematical and enclosed alphanumerics, superscript digits; special categories
(health, religion, politics, unions, sexual orientation, ethnicity, convictions, biometrics) said of a
customer in fifty languages, often to the customer ('as a diabetic you ...'); dates of birth written in
words in twenty-four languages and with Roman month numerals; ages said with the birthday ('turning 40 on
3 March'); hostile forms (homoglyphs, combining marks, bidi controls, soft hyphens, values as keys, native
digits). The clean neighbours are the same shapes with catalogue data, unfilled placeholders ({{first_name}},
*|FNAME|*, %%=v(@fn)=%%), a shop's role mailboxes, product copy about health, faith and politics in general
('diabetic-friendly cookbook cover', 'Ramadan Kareem banner', 'Pride collection tee'), sale and event dates
in words, a Scotland flag's tag characters, emoji variation selectors and superscript units.

The IBANs are valid (python-stdnum), the phone numbers valid (phonenumbers). A "found" record must yield
its expected entity type; a "clean" one no finding at all. What stays open is a strict xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_text19.json")

_SPECIAL = (
    "a special category said of a customer (third or second person) in a form special_category does not read"
)
_DOB = "a date of birth in number words (day, month, year) or in a Japanese era with kanji numerals"
_AGE = "an age said with the birthday's day and month ('turning 40 on 3 March'): the year follows"
_BIOMETRIC = "a face or voice embedding written as a list of floats after its name"
_EMAIL = "an e-mail address whose local part alone is a MIME encoded-word"
_PERSON = "a name in a delimited order sheet's 'name on mug' column (person*.py, helper names19's)"

# What the scanner still misses, by a string of the record, and why (the class, not the example).
_OPEN: dict[str, str] = {
    "As a diabetic you asked us t": _SPECIAL,
    "Since you're a practising Mu": _SPECIAL,
    "you mentioned you are a paid": _SPECIAL,
    "note from agent: customer se": _SPECIAL,
    "the customer is Romani and a": _SPECIAL,
    "Da Sie Diabetikerin sind, ha": _SPECIAL,
    "Sie sind als Zeuge Jehovas a": _SPECIAL,
    "Comme vous êtes épileptique,": _SPECIAL,
    "vous êtes adhérente de la CG": _SPECIAL,
    "Como eres celíaca, la etique": _SPECIAL,
    "essendo tu celiaca ti abbiam": _SPECIAL,
    "Como você é soropositivo, en": _SPECIAL,
    "ela é filiada ao PSOL e quer": _SPECIAL,
    "Omdat u diabeet bent, hebben": _SPECIAL,
    "je zei dat je homo bent en j": _SPECIAL,
    "Jako cukrzyk prosił pan o na": _SPECIAL,
    "Jako diabetik jste si přál e": _SPECIAL,
    "zákazník je členem odborů KO": _SPECIAL,
    "Ön cukorbeteg, ezért a tortá": _SPECIAL,
    "az ügyfél meleg és a párjána": _SPECIAL,
    "sunteți diabetic, așa că am ": _SPECIAL,
    "клиентът е член на КНСБ и ис": _SPECIAL,
    "Вы как диабетик просили убра": _SPECIAL,
    "клиент ранее судим за кражу,": _SPECIAL,
    "ο πελάτης είναι οροθετικός κ": _SPECIAL,
    "siz Alevi olduğunuz için cem": _SPECIAL,
    "العميل شيعي ويريد اسم الإمام": _SPECIAL,
    "أنت عضو في حزب الوفد لذلك أض": _SPECIAL,
    "العميل مثلي الجنس ويريد هدية": _SPECIAL,
    "العميل محكوم عليه بالسرقة وي": _SPECIAL,
    "العميلة عضو في نقابة المعلمي": _SPECIAL,
    "את לסבית ורצית שתי כלות על ת": _SPECIAL,
    "مشتری بهائی است و نماد نه‌پر": _SPECIAL,
    "आप मुसलमान हैं इसलिए हमने शर": _SPECIAL,
    "bạn theo đạo Công giáo nên c": _SPECIAL,
    "Anda seorang mualaf, jadi ka": _SPECIAL,
    "ang customer ay may diabetes": _SPECIAL,
    "あなたはエホバの証人なので誕生日の絵柄は外しました": _SPECIAL,
    "您是共产党员，所以我们在徽章上加了党徽": _SPECIAL,
    "kunden är medlem i Kommunal ": _SPECIAL,
    "eftersom du är diabetiker to": _SPECIAL,
    "stranka je sladkorna bolnica": _SPECIAL,
    "kupac je dijabetičar, maknit": _SPECIAL,
    "купац је дијабетичар, уклони": _SPECIAL,
    "მომხმარებელს დიაბეტი აქვს, ტ": _SPECIAL,
    "հաճախորդը շաքարախտ ունի, տոր": _SPECIAL,
    "attached is your face embedd": _BIOMETRIC,
    "DOB: March the 3rd nineteen ": _DOB,
    "datum narození: třetího břez": _DOB,
    "syntymäaika: kolmas maalisku": _DOB,
    "születési dátum: ezerkilencs": _DOB,
    "data nașterii: trei martie o": _DOB,
    "doğum tarihi: üç mart bin do": _DOB,
    "ημερομηνία γέννησης: τρεις Μ": _DOB,
    "تاريخ الميلاد: الثالث من مار": _DOB,
    "תאריך לידה: שלושה במרץ אלף ת": _DOB,
    "जन्म तिथि: तीन मार्च उन्नीस ": _DOB,
    "tanggal lahir: tiga Maret se": _DOB,
    "ngày sinh: mùng ba tháng ba ": _DOB,
    "생년월일: 천구백팔십사년 삼월 삼일": _DOB,
    "生年月日：昭和五十九年三月三日": _DOB,
    "出生日期：一九八四年三月三日": _DOB,
    "tarehe ya kuzaliwa: tatu Mac": _DOB,
    "data de naixement: tres de m": _DOB,
    "datum rođenja: treći ožujka ": _DOB,
    "gimimo data: tūkstantis devy": _DOB,
    "she's turning 40 on 3 March,": _AGE,
    "my dad will be 65 on the 12t": _AGE,
    "meine Mutter wird am 14. Jul": _AGE,
    "elle fête ses 30 ans le 2 ma": _AGE,
    "mi hija cumple 18 el 9 de oc": _AGE,
    "mio nonno compie 90 anni il ": _AGE,
    "żona kończy 40 lat 5 maja, p": _AGE,
    "маме исполнится 60 лет 1 сен": _AGE,
    "pappa fyller 50 den 3 juni, ": _AGE,
    "mijn vrouw wordt 45 op 17 no": _AGE,
    "母は6月3日で70歳になります": _AGE,
    "meu pai faz 60 anos no dia 4": _AGE,
    "annem 12 Mayıs'ta 55 yaşına ": _AGE,
    "regel;sku;aantal;naam op mok": _PERSON,
    "From: =?UTF-8?Q?Ren=C3=A9e_D": _EMAIL,
    "tá diaibéiteas ar an gcustai": _SPECIAL,
    "die klant is 'n diabeet, gee": _SPECIAL,
    "купувачот е дијабетичар, без": _SPECIAL,
    "Sie als gläubige Katholikin ": _SPECIAL,
    "vous êtes musulmane pratiqua": _SPECIAL,
    "como eres gay y tu pareja ta": _SPECIAL,
    "sei iscritto al PD da anni, ": _SPECIAL,
    "você é sindicalizado no Sind": _SPECIAL,
    "вы состоите в профсоюзе горн": _SPECIAL,
    "고객님은 민주노총 조합원이시고 로고를 원하셨습니다": _SPECIAL,
    "müşteri CHP üyesi, rozetine ": _SPECIAL,
    "ο πελάτης είναι μέλος του ΚΚ": _SPECIAL,
    "du är muslim, så vi tog bort": _SPECIAL,
    "die Kundin ist Sintiza und w": _SPECIAL,
    "el cliente es de etnia gitan": _SPECIAL,
    "customer is of Kurdish ethni": _SPECIAL,
    "voiceprint enrolled for call": _BIOMETRIC,
}

_PERSON_FLAG = "a product word read as a name (person*.py, helper names19's)"
_MAILBOX_FLAG = "a shop's mailbox or a Message-ID read as a person's e-mail address"

# A clean record flagged, by a string of the record, and why.
_FALSE_FLAGS: dict[str, str] = {
    "Beste opa": _PERSON_FLAG,
    "Primo Maggio": _PERSON_FLAG,
    "Onur Haftası": _PERSON_FLAG,
    "Message-ID: <2027": _MAILBOX_FLAG,
    "mailto:events@mugworks": _MAILBOX_FLAG,
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _FALSE_FLAGS))
def test_clean_record_stays_clean(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_forty_languages() -> None:
    # Sixty-one languages, as written before the detectors were read.
    assert len(attacker_round.languages(_ROUND)) >= 40
    assert len(_ROUND["found"]) >= 250 and len(_ROUND["clean"]) >= 200
