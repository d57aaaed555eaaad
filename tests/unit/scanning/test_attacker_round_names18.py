# ruff: noqa: RUF001 - names, labels and cues in many scripts, on purpose
"""The names18 round (attacker_round_names18.json), written before reading the detectors: names in wedding
guest-list exports, seating and place cards, team rosters and jersey backs, obituaries, school yearbooks,
e-mail signatures pasted into prompts, reviewers in review widgets, 'ordered by' and 'gift from/to' lines,
file names and URLs, all caps and all lower case, transliterated names, particles and patronymics, in 79
languages; its clean side holds the same templates with no name, products, dishes and places named after
people, fictional characters, saints' days, streets, ships, brands, songs, typefaces, grape varieties,
cultivars, breeds, colours and historical artists named as a style ('in the style of Monet' names a
historical figure, no customer; a living artist's name in a style prompt is a person's name, and the round
holds one as found: 'in the style of Kasimira Wendt-Oyelowo, my illustrator friend').

Each "found" record must yield PERSON, each "clean" one no finding; what stays open is a strict xfail, by
class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from gate.scanning.detectors import person_slots
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names18.json")

_SIGNATURE = (
    "a name under an e-mail's closing that the signature rule does not take: three words of which none is "
    "listed or of telling shape ('Atenciosamente,\\nJuscelino Arantes Filho'), or a Vietnamese name of "
    "unlisted words ('Trân trọng,\\nĐỗ Minh Tuấn'). (names19 reads the line after a closing, with or "
    "without its comma, after a '--' line too, and 'signed,')"
)
_EVIDENCE = (
    "a name in a slot person_slots.py reads ('ordered by', a guest list, a place card, a death notice) whose "
    "given name is only in the wider list or in none and whose surname has no listed or telling shape "
    "('Ignatius Feeney', 'Ottilie Marchbanks', 'Odalys', 'Drita Hoxha', 'Jon Arrieta'): the wider list "
    "holds 'price', 'london', 'ivory', so 'ordered by Price Low to High' would be a name; or a slot the rule "
    "does not read (a CSV header 'guest_name', 'LAST=...; FIRST=...', a yearbook's or an obituary's prose, "
    "'weds', a Hungarian name before 'elhunyt', a reviewer before a colon, 'from the desk of')"
)
_PATH = (
    "a name in a URL path or a file name ('/users/jan.novak/', 'portrait-mariage-edwige-lestrade.png', "
    "'IMG_2041_grandma_ottoline_bexley_80th.jpg'): a slug of a given name and a surname joined by '.', '-' "
    "or '_' is read after 'from' or '@' only (person_handles.py)"
)
_CASE = (
    "a name in all lower case without a cue the rules read in lower case ('love from wilhelmina crabtree', "
    "'shipping label name: priyanka raghunathan', romanised Russian patronymics 'yuliya sergeyevna "
    "krasnova'), or in capitals after a label that is no print cue ('ENGRAVE: PERCIVAL THORNBURY-NASH', "
    "'name on the sleeve: LILIBETH'), a surname in Cyrillic, Turkish or Han-labelled capitals on a shirt "
    "('ВОРОНЦОВ-ДАШКОВ 19', 'KARAOĞLU 8', '球衣背后印：ZHAO JUNHAO 7')"
)
_SCRIPT = (
    "a slot's name in a script or form the slot rule does not read: one item of a caseless script after a "
    "list label (Tamil, Telugu, Gurmukhi, Thai: two words of one item are as often 'empty template'), "
    "scripts outside `lexicon.CASELESS` (Sinhala, Khmer, Lao, Myanmar, Ethiopic), Armenian's own colon '՝', "
    "a kinship word joined to the name (Thai 'คุณยาย', Chinese '外婆'), Cyrillic and Greek names in case "
    "forms or of no list ('бабушки Зинаиды', 'Алесь Шыла', 'Απεβίωσε ο Σπυρίδων'), Kazakh and Mongolian lists"
)
_OPEN: dict[str, str] = {
    "Juscelino Arantes Filho": _SIGNATURE,
    "Phòng mua hàng": _SIGNATURE,
    "ligraphy: Ottilie Marchbanks": _EVIDENCE,
    "ote by Tamsin Oyelaran-Beck:": _EVIDENCE,
    "bridesmaid robe: Odalys": _EVIDENCE,
    "uarshie; FIRST=Adwoa; POS=GK": _EVIDENCE,
    "elowo, my illustrator friend": _EVIDENCE,
    "to Succeed — Jaxtyn Albescu": _EVIDENCE,
    "weds Chi. Aniruddh Deshpande": _EVIDENCE,
    "kort: Solveig Tangen Aasland": _EVIDENCE,
    "inningarorð um Þórð Helgason": _EVIDENCE,
    "é Tóth Erzsébet, Szabó Dénes": _EVIDENCE,
    "k, hogy Bodnár Gyula elhunyt": _EVIDENCE,
    "Saadet Kocabıyık'ın cenazesi": _EVIDENCE,
    "Cụ ông Lê Văn Thành từ trần": _EVIDENCE,
    "li Xasan, Axmed Maxamed Nuur": _EVIDENCE,
    "ha Te Whare, Wiremu Tamihana": _EVIDENCE,
    "Tavita Faleolo, Losa Tuilagi": _EVIDENCE,
    "van Wyk, Gerhardus Pretorius": _EVIDENCE,
    "Oyelaran, Temitope": _EVIDENCE,
    "Florentyna & Casimir Wojtasz": _EVIDENCE,
    "Fairhurst), 92, of Harrogate": _EVIDENCE,
    "ekiel Mbatha-Royce, Head Boy": _EVIDENCE,
    "e (Sat), Rufus Abiodun (Sun)": _EVIDENCE,
    "right family to Auntie Ngozi": _EVIDENCE,
    "tmas stocking name: Ignatius": _EVIDENCE,
    "lask: 'to Lachlan from Isla'": _EVIDENCE,
    "rietta, love always, Godfrey": _EVIDENCE,
    "e/users/jan.novak/avatar.jpg": _PATH,
    "-mariage-edwige-lestrade.png": _PATH,
    "retrato_ximena-oyarzun.jpg": _PATH,
    "munione-tommaso-bellandi.png": _PATH,
    "erite.okeke/photo_square.png": _PATH,
    "tomasz-wisniewski-84/reviews": _PATH,
    "dma_ottoline_bexley_80th.jpg": _PATH,
    "s.dieter.brenneke/profil.png": _PATH,
    "elie-thibodeau/commande-1234": _PATH,
    "s/perfil/javier.solano.ruiz/": _PATH,
    "s/ivan.petrov.1987/photo.jpg": _PATH,
    "r/uye/ayse.yilmaz/avatar.png": _PATH,
    "AVE: PERCIVAL THORNBURY-NASH": _CASE,
    "ove from wilhelmina crabtree": _CASE,
    "не формы: ВОРОНЦОВ-ДАШКОВ 19": _CASE,
    "forma arkası: KARAOĞLU 8": _CASE,
    "球衣背后印：ZHAO JUNHAO 7": _CASE,
    "reaves-quist birthday banner": _CASE,
    "name on the sleeve: LILIBETH": _CASE,
    "n ortega-ruiz (Madrid) ★★★★☆": _CASE,
    "t: ABIGAIL-ROSE FENWICK 2026": _CASE,
    "l name: priyanka raghunathan": _CASE,
    "rasnova — надпись на обложке": _CASE,
    "layovych, надпис на футболці": _CASE,
    "Алесь Шыла, Янiна Гарбацэвіч": _SCRIPT,
    "கார்த்திகேயன் சுப்பிரமணியம்": _SCRIPT,
    "ితా: వెంకటేశ్వర రావు పొన్నాల": _SCRIPT,
    "ਿਮਾਨ ਸੂਚੀ: ਗੁਰਪ੍ਰੀਤ ਕੌਰ ਸੰਧੂ": _SCRIPT,
    "ต๊ะ 3 — สมศักดิ์ วงศ์สวัสดิ์": _SCRIPT,
    "իտ Հակոբյան, Տիգրան Սարգսյան": _SCRIPT,
    "Батбаяр Дорж, Сарантуяа Бат": _SCRIPT,
    "න්ගේ ලැයිස්තුව: නිමල් පෙරේරා": _SCRIPT,
    "បញ្ជីភ្ញៀវ: សុខ ចាន់ថា": _SCRIPT,
    "ລາຍຊື່ແຂກ: ສົມພອນ ພົມມະວົງ": _SCRIPT,
    "ဧည့်သည်စာရင်း: ဦးအောင်မြင့်": _SCRIPT,
    "абушки Зинаиды, для: Тимофея": _SCRIPT,
    "赠送人：外婆张桂兰 收礼人：小明": _SCRIPT,
    "ուղարկող՝ տատիկ Սիրանուշ": _SCRIPT,
    "ከ: አያት ዘነበች ለ: ናሆም": _SCRIPT,
    "ผู้ส่ง: คุณยายบุญเรือน": _SCRIPT,
}
_NAMED_IN_SCRIPT = (
    "a fictional figure or a street in Arabic read as a full name (names17's class): Aladdin 'علاء الدين', "
    "King Fahd Road 'شارع الملك فهد'"
)
_CLEAN_OPEN = {
    "علاء الدين": _NAMED_IN_SCRIPT,
    "شارع الملك فهد": _NAMED_IN_SCRIPT,
    "LOST PROPERTY": (
        "two words in capitals after 'for' read as a name: 'LOST' is a given name of the wider list "
        "(person.caps)"
    ),
}

# Neighbours of the classes this round fixed, each a rule with the values either side of it.
_FOUND_BY_CLASS = [
    # a gift tag's sender and recipient, with a kinship word or a listed given name (person_slots.py)
    {"prompt": "gift tag — from: Godmother Albertine, to: Wendeline"},
    {"prompt": "od: dziadek Mieczysław, dla: Franciszek"},
    {"prompt": "van: oma Riek, voor: Sanne"},
    {"prompt": "fra: farmor Ellen, til: Ida"},
    {"prompt": "מאת: סבא משה"},
    # a guest list, a seating card, a roster, with a table's or a shirt's number before the names
    {"prompt": "Gäste: Tisch 5 — Hartmut Zöllner, Ilse Bramstedt"},
    {"prompt": "invitees: Oluwadamilare Bankole & Tuğba Yazıcı"},
    {"prompt": "line-up: #1 Øyvind Bakketun, #7 Casimir Lefebvre-Ndiaye"},
    {"prompt": "liste des invités : Hortense Vasseur, Loïc Tanguy"},
    {"prompt": "قائمة الضيوف: خالد المطيري، منى السبيعي"},
    # the words of an order, a review or a death notice a name follows
    {"prompt": "reviewed by Hortensia Valdés-Mora on 2 June"},
    {"prompt": "zamówił Przemysław Grabowski, proszę o fakturę"},
    {"prompt": "pedido por Begoña Arrieta, envolver"},
    {"prompt": "المرحوم عادل الكندري"},
    # an engraving's or a label's own field, with its "for" read past
    {"prompt": "Gravur: Für Wiebke"},
    {"prompt": "incisione: Per Ludovica e Tommaso"},
    {"prompt": "school uniform labels: Araminta Fitzwilliam"},
    # a surname on the back of a shirt named as such (person_jersey.py)
    {"prompt": "jersey back: OYELARAN-SMITH 4"},
    {"prompt": "dos du maillot : KERBRAT 9"},
    {"prompt": "plecy koszulki: WIŚNIEWSKA 21"},
]
_CLEAN_BY_CLASS = [
    # a slot holding no name: kinship words alone, places, things, titles and feasts
    {"prompt": "from: Mum & Dad, to: Our Little Star"},
    {"prompt": "to: My Little Princess"},
    {"prompt": "from: London, to: New York"},
    {"prompt": "von: München, an: Hamburg"},
    {"prompt": "od: Kraków, dla: Gdańsk"},
    {"prompt": "From: Santa Claus, To: Nice List"},
    {"prompt": "from: Head Office, to: All Stores"},
    {"prompt": "bride: Ivory Lace Gown"},
    {"prompt": "groom: Navy Suit, Slim Fit"},
    {"prompt": "bride: Princess Cut Diamond"},
    {"prompt": "guests: Welcome Sign, Table Numbers"},
    {"prompt": "seating chart: Table 1 — Head Table"},
    {"prompt": "roster: Goalkeeper, Defender, Midfielder, Striker"},
    {"prompt": "ordered by Price Low to High"},
    {"prompt": "reviewed by Trusted Shops"},
    {"prompt": "bestellt von Montag bis Freitag"},
    {"prompt": "Gravur: Für Immer"},
    {"prompt": "Gravure : Pour Toujours"},
    {"prompt": "text: Grace Under Pressure"},
    {"prompt": "engraving: Carpe Diem"},
    {"prompt": "text: Joyeux Noël"},
    {"prompt": "from: Sunny Beach Resort"},
    {"prompt": "قائمة المدعوين: قالب فارغ"},
    {"prompt": "अतिथि सूची: खाली टेम्पलेट"},
    # a surname's place on a shirt holding a role word
    {"prompt": "jersey back: CAPTAIN 23"},
    {"prompt": "rugnummer shirt: AANVOERDER 4"},
    {"prompt": "draktrygg: KAPTEIN 17"},
    {"prompt": "plecy koszulki: KAPITAN 16"},
]


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _CLEAN_OPEN))
def test_clean_record_has_no_finding(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


@pytest.mark.parametrize("params", _FOUND_BY_CLASS)
def test_fixed_class_is_found(params: dict[str, Any]) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", _CLEAN_BY_CLASS)
def test_fixed_class_neighbour_stays_clean(params: dict[str, Any]) -> None:
    assert "PERSON" not in {finding.entity for finding in scan_parameters(params)}


def test_round_covers_sixty_languages_and_its_size() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 60
    assert len(_ROUND["found"]) >= 250
    assert len(_ROUND["clean"]) >= 250


def test_by_cues_keep_their_prefilter() -> None:
    # person_slots.py reads the "by" cues only where the text's cue bits hold one: without a prefilter bit
    # (a short cue word added to [person_slot_by]) no "ordered by ..." would be read at all.
    assert person_slots._BY_BIT
    assert scan_parameters({"prompt": "commandé par Aurélien Castagnède"})
