# ruff: noqa: RUF001 - text of other scripts, on purpose
"""The special categories (detectors/special_category.py), second round: written by the lead before
changing the detector (2026-12-06, sixteenth session), as customers and integrators write them: more
faiths, parties and unions named, the categories in 20 more languages (those health reads by nearness,
and scripts without spaces), criminal convictions and offences (GDPR Art. 10), census words under a
`race` key; and the clean half from catalogue copy whose category words describe a product, a theme or a
public ("Prison Break costume", "Baptist church anniversary banner", "sajadah muslim" for someone).
What stays open is a strict xfail with its class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters

_CATEGORIES = {
    "RELIGIOUS_BELIEF",
    "SEXUAL_ORIENTATION",
    "POLITICAL_OPINION",
    "TRADE_UNION_MEMBERSHIP",
    "CRIMINAL_CONVICTION",
    "ETHNIC_ORIGIN",
}

_PARTY_NAMES = (
    "a union named without a word of its kind after 'joined' ('she joined the Teamsters union'); text18 "
    "closed a party's or a union's name after a member word or compounded ('AfD-Mitglied', 'milite au "
    "Rassemblement national')"
)
_POLITICIANS = "support of a politician by name ('a die-hard Trump supporter')"
_APPOSITION = "a category in apposition, after a comma ('my dad, a lifelong Republican')"
_OPEN = {
    "Teamsters": _PARTY_NAMES,
    "Trump": _POLITICIANS,
    "lifelong Republican": _APPOSITION,
}


def _params(doc: Any) -> Any:
    return doc if isinstance(doc, dict) else {"prompt": "mug", "note": doc}


def _case(doc: Any, *values: Any) -> Any:
    written = str(doc)
    reason = next((why for key, why in _OPEN.items() if key in written), None)
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(doc, *values, marks=marks)


FOUND = [
    ("RELIGIOUS_BELIEF", "my wife is a practising Catholic, please add a small cross"),
    ("RELIGIOUS_BELIEF", "mi marido es testigo de Jehová, nada de símbolos de cumpleaños"),
    ("RELIGIOUS_BELIEF", "mój syn jest ateistą, bez krzyża proszę"),
    ("RELIGIOUS_BELIEF", "mijn vrouw is moslima, graag geen varken op de mok"),
    ("RELIGIOUS_BELIEF", "min mand er jøde, lav en menora"),
    ("RELIGIOUS_BELIEF", "o meu pai é evangélico"),
    ("RELIGIOUS_BELIEF", "mio figlio è diventato buddista l'anno scorso"),
    ("RELIGIOUS_BELIEF", "eşim Alevi, lütfen ona göre bir tasarım"),
    ("RELIGIOUS_BELIEF", "мой муж старообрядец"),
    ("RELIGIOUS_BELIEF", "můj manžel je svědek Jehovův"),
    ("RELIGIOUS_BELIEF", "anyám református"),
    ("RELIGIOUS_BELIEF", "my boss is a Scientologist so keep it neutral"),
    ("RELIGIOUS_BELIEF", "she wears a hijab, show her with one"),
    ("RELIGIOUS_BELIEF", "my brother is a Sikh, include his turban in the avatar"),
    ("SEXUAL_ORIENTATION", "my girlfriend is bisexual and loves rainbows"),
    ("SEXUAL_ORIENTATION", "mein Bruder ist schwul, Regenbogen bitte"),
    ("SEXUAL_ORIENTATION", "ma fille est lesbienne et vient de faire son coming out"),
    ("SEXUAL_ORIENTATION", "mi hijo es gay"),
    ("SEXUAL_ORIENTATION", "moja siostra jest lesbijką"),
    ("SEXUAL_ORIENTATION", "min søster er lesbisk"),
    ("SEXUAL_ORIENTATION", "il mio migliore amico è omosessuale"),
    ("SEXUAL_ORIENTATION", "our daughter came out as asexual last year"),
    ("POLITICAL_OPINION", "my husband is a Labour party member"),
    ("POLITICAL_OPINION", "mein Vater ist AfD-Mitglied"),
    ("POLITICAL_OPINION", "mon oncle milite au Rassemblement national"),
    ("POLITICAL_OPINION", "my dad is a die-hard Trump supporter"),
    ("POLITICAL_OPINION", "mi abuelo era comunista"),
    ("POLITICAL_OPINION", "min far är medlem i Sverigedemokraterna"),
    ("TRADE_UNION_MEMBERSHIP", "my wife is a shop steward for Unite"),
    ("TRADE_UNION_MEMBERSHIP", "mein Mann ist bei ver.di organisiert"),
    ("TRADE_UNION_MEMBERSHIP", "mon père est syndiqué à la CGT"),
    ("TRADE_UNION_MEMBERSHIP", "mi madre está afiliada a Comisiones Obreras"),
    ("TRADE_UNION_MEMBERSHIP", "she joined the Teamsters union last month"),
    ("RELIGIOUS_BELIEF", '{"religion": "Hindu"}'),
    ("SEXUAL_ORIENTATION", {"prompt": "mug", "customer": {"sexual_orientation": "gay"}}),
    ("RELIGIOUS_BELIEF", {"prompt": "mug", "kunde": {"Konfession": "evangelisch"}}),
    ("POLITICAL_OPINION", {"prompt": "mug", "client": {"parti_politique": "LFI"}}),
    ("TRADE_UNION_MEMBERSHIP", {"prompt": "mug", "member": {"union": "UNISON", "union_member": True}}),
    ("ETHNIC_ORIGIN", {"prompt": "mug", "profile": {"ethnicity": "Afro-Caribbean"}}),
    ("ETHNIC_ORIGIN", {"prompt": "mug", "profile": {"race": "Asian"}}),
    ("RELIGIOUS_BELIEF", "ma sœur est catholique pratiquante"),
    ("RELIGIOUS_BELIEF", "min mand er muslim, ingen alkohol på kortet"),
    ("RELIGIOUS_BELIEF", "kona mi er katolikk og vil ha et kors"),
    ("SEXUAL_ORIENTATION", "min søster er lesbisk og gifter seg"),
    ("TRADE_UNION_MEMBERSHIP", "min far er medlem af fagforeningen 3F"),
    ("POLITICAL_OPINION", "min bror är kommunist"),
    ("RELIGIOUS_BELIEF", "min fru är muslim och bär slöja"),
    ("TRADE_UNION_MEMBERSHIP", "min pappa är fackmedlem sedan 1990"),
    ("RELIGIOUS_BELIEF", "můj manžel je muslim, bez alkoholu"),
    ("SEXUAL_ORIENTATION", "moje dcera je lesba a bude se vdávat"),
    ("TRADE_UNION_MEMBERSHIP", "můj otec je člen odborů"),
    ("RELIGIOUS_BELIEF", "feleségem katolikus, keresztet kérek"),
    ("SEXUAL_ORIENTATION", "a fiam homoszexuális"),
    ("RELIGIOUS_BELIEF", "äitini on jehovan todistaja"),
    ("SEXUAL_ORIENTATION", "veljeni on homo ja menee naimisiin"),
    ("TRADE_UNION_MEMBERSHIP", "isä on ammattiliiton jäsen"),
    ("RELIGIOUS_BELIEF", "η γυναίκα μου είναι μουσουλμάνα"),
    ("SEXUAL_ORIENTATION", "ο γιος μου είναι ομοφυλόφιλος"),
    ("RELIGIOUS_BELIEF", "съпругът ми е мюсюлманин"),
    ("SEXUAL_ORIENTATION", "синът ми е гей"),
    ("RELIGIOUS_BELIEF", "мій чоловік мусульманин"),
    ("SEXUAL_ORIENTATION", "мій син гей, весілля"),
    ("TRADE_UNION_MEMBERSHIP", "мій батько член профспілки"),
    ("RELIGIOUS_BELIEF", "moj muž je musliman"),
    ("SEXUAL_ORIENTATION", "moja sestra je lezbijka"),
    ("TRADE_UNION_MEMBERSHIP", "moj otac je član sindikata"),
    ("RELIGIOUS_BELIEF", "soțul meu este musulman"),
    ("SEXUAL_ORIENTATION", "fiul meu este gay"),
    ("TRADE_UNION_MEMBERSHIP", "tatăl meu este membru de sindicat"),
    ("RELIGIOUS_BELIEF", "el meu marit és musulmà"),
    ("SEXUAL_ORIENTATION", "la meva filla és lesbiana"),
    ("RELIGIOUS_BELIEF", "eşim Alevi, lütfen ona göre"),
    ("SEXUAL_ORIENTATION", "oğlum eşcinsel"),
    ("RELIGIOUS_BELIEF", "istri saya mualaf dan muslimah"),
    ("TRADE_UNION_MEMBERSHIP", "suami saya anggota serikat pekerja"),
    ("RELIGIOUS_BELIEF", "אשתי מוסלמית"),
    ("SEXUAL_ORIENTATION", "הבן שלי הומו"),
    ("RELIGIOUS_BELIEF", "मेरी पत्नी मुसलमान है"),
    ("SEXUAL_ORIENTATION", "मेरा भाई समलैंगिक है"),
    ("RELIGIOUS_BELIEF", "vợ tôi theo đạo Công giáo"),
    ("POLITICAL_OPINION", "bố tôi là đảng viên"),
    ("RELIGIOUS_BELIEF", "mume wangu ni muislamu"),
    ("RELIGIOUS_BELIEF", "お客様はイスラム教徒です、アルコールなし"),
    ("RELIGIOUS_BELIEF", "我丈夫是穆斯林"),
    ("SEXUAL_ORIENTATION", "我儿子是同性恋"),
    ("RELIGIOUS_BELIEF", "제 남편은 무슬림이에요"),
    ("POLITICAL_OPINION", "父は共産党員です"),
    ("CRIMINAL_CONVICTION", "card for my brother, he just got out of prison last week"),
    ("CRIMINAL_CONVICTION", "my husband is in prison, a photo of us together for his cell"),
    ("CRIMINAL_CONVICTION", "the customer was convicted of fraud in 2019, do not use his photo"),
    ("CRIMINAL_CONVICTION", "mein Sohn sitzt im Gefängnis, Karte zum Geburtstag"),
    ("CRIMINAL_CONVICTION", "mein Mann ist vorbestraft"),
    ("CRIMINAL_CONVICTION", "mon fils est en prison depuis 2022"),
    ("CRIMINAL_CONVICTION", "mon père a été condamné pour vol"),
    ("CRIMINAL_CONVICTION", "mi hermano salió de la cárcel ayer"),
    ("CRIMINAL_CONVICTION", "mi hijo está preso"),
    ("CRIMINAL_CONVICTION", "mio marito è detenuto a San Vittore"),
    ("CRIMINAL_CONVICTION", "mijn zoon zit in de gevangenis"),
    ("CRIMINAL_CONVICTION", "o meu filho foi preso por tráfico"),
    ("CRIMINAL_CONVICTION", "mój brat wyszedł z więzienia"),
    ("CRIMINAL_CONVICTION", "мой сын сидит в тюрьме"),
    ("CRIMINAL_CONVICTION", "min bror sitter i fängelse"),
    ("CRIMINAL_CONVICTION", "min mand er i fængsel"),
    ("CRIMINAL_CONVICTION", "můj syn je ve vězení"),
    ("CRIMINAL_CONVICTION", "oğlum cezaevinde"),
    ("CRIMINAL_CONVICTION", "suami saya di penjara"),
    ("CRIMINAL_CONVICTION", "我儿子坐过牢"),
    ("CRIMINAL_CONVICTION", {"prompt": "mug", "customer": {"criminal_record": "theft 2018"}}),
    ("POLITICAL_OPINION", "my dad is a member of the Conservative Party"),
    ("POLITICAL_OPINION", "ma mère est membre du Parti socialiste"),
    ("POLITICAL_OPINION", "mi padre es miembro del Partido Popular"),
    ("POLITICAL_OPINION", "mein Opa war Mitglied der Kommunistischen Partei"),
    ("TRADE_UNION_MEMBERSHIP", "my wife is a member of the nurses' trade union"),
    ("TRADE_UNION_MEMBERSHIP", "min mor er medlem av fagforeningen Fellesforbundet"),
    ("POLITICAL_OPINION", "my mom is a Democrat and loves blue"),
    ("POLITICAL_OPINION", "my dad, a lifelong Republican, turns 70"),
    ("RELIGIOUS_BELIEF", "my husband is orthodox and fasts in Lent"),
    ("RELIGIOUS_BELIEF", "my son is a Baptist minister"),
    ("RELIGIOUS_BELIEF", "my mother is Jain, no leather"),
    # a capitalised category after a linking word is the category, not a name ("his name is ..." is)
    ("RELIGIOUS_BELIEF", "My son is Christian, he is 7"),
    ("RELIGIOUS_BELIEF", "meine Tochter ist Christin"),
]


@pytest.mark.parametrize(("doc", "entity"), [_case(doc, entity) for entity, doc in FOUND])
def test_a_category_said_of_a_person_is_found(doc: Any, entity: str) -> None:
    assert entity in {f.entity for f in scan_parameters(_params(doc))}


CLEAN = [
    "Catholic rosary pendant, sterling silver",
    "Eid Mubarak greeting card, gold foil",
    "Pride month rainbow tote bag",
    "union jack cushion cover 45x45",
    "Labour Day sale banner",
    "vintage communist propaganda poster reprint",
    "Buddha statue for the garden, resin",
    "Jewish holiday candles, pack of 44",
    "gay pride flag 90x150 cm",
    "Christian Louboutin style heels",
    "the party bag contains a balloon and stickers",
    "Church's shoes, oxford, size 42",
    "mug for the union meeting, 300 ml",
    "la Vierge Marie, icône orthodoxe en bois",
    "halal certified gummy bears",
    "kosher salt grinder",
    "Republican-era French clock, bronze",
    "Democrat-themed election night party set",
    "Gewerkschaftshaus Postkarte, Berlin 1930",
    "he is straight-edge and vegan",
    "kunden köper en muslimsk bönematta",
    "katolsk rosenkrans i oliventræ, gave til min mor",
    "regnbueflag til pride, 90x150",
    "dárek pro mámu: katolický růženec",
    "meleg pulóver anyunak",
    "ortodoksinen ikoni äidille",
    "εικόνα ορθόδοξη για τη μαμά",
    "подарък за майка ми: православна икона",
    "ікона для моєї мами, православна",
    "poklon za moju mamu: katolička krunica",
    "cadou pentru mama: icoană ortodoxă",
    "hadiah untuk ibu saya: sajadah muslim",
    "मेरी माँ के लिए हिंदू पूजा थाली",
    "mama yangu anapenda zawadi ya Krismasi",
    "お母さんへ、クリスマスのギフト",
    "给妈妈的佛教念珠",
    "엄마를 위한 크리스마스 선물",
    "Pride-kollektion, regnbågsmugg till min syster",
    "fagforeningens logo på kruset",
    "äidille joululahja, kristillinen kortti",
    "Prison Break costume, orange jumpsuit, adult size L",
    "Jailhouse Rock poster, Elvis, 50x70",
    "Alcatraz prison souvenir mug",
    "escape room theme: in prison at midnight, team building",
    "monopoly style 'go to jail' card, custom",
    "Häftlingskostüm für Fasching, gestreift",
    "brevet détenu par Apple, design déposé",
    "costume de prisonnier pour Halloween",
    "my son is on probation at his new job, congrats card",
    "Orange Is the New Black fan mug",
    "bewährte Qualität seit 1920, Gefängnis-Motiv T-Shirt",
    "the convict lake campground sign, vintage",
    "pijama a rayas estilo presidiario para niños",
    "libro: storia del carcere di Alcatraz",
    "game of thrones 'the wall' prisoner poster",
    "my husband is a member of the wedding party, matching ties",
    "she is a member of the student union, tote bag",
    "party supplies for my son's birthday party",
    "members of the party get 10% off this banner",
    "Labour Party conference tote bag 2026",
    "Democratic Republic of Congo flag",
    "Irish Republican history book",
    "orthodox icon of Saint Nicholas for my mother",
    "Baptist church anniversary banner",
    "Lutheran hymnal cover, gold embossing",
    "a Quaker oats style poster",
    "Amish quilt pattern for my grandma",
    "gave til min mand: muslimsk bedetæppe",
    "min mand er glad for sin nye katolske bibel",
    "min fru älskar Pride-muggen",
    "můj manžel je fanoušek komunistické architektury",
    "anyu kedvenc bögréje, zsidó ünnepi motívummal",
    "äiti on kristillinen laulaja",
    "η μαμά μου είναι φαν της ορθόδοξης μουσικής",
    "мій чоловік любить комуністичні плакати",
    "moj muž je kupio katolički kalendar",
    "istri saya suka baju muslim warna hijau",
    "ibu saya ingin mukena muslimah putih",
    "אשתי אוהבת ספלים עם מגן דוד",
    "vợ tôi thích áo dài màu đỏ",
    "mama yangu anapenda kanga za kiislamu",
    "min søster er medlem af en bogklub",
    "my dad is a member of the golf club and the Rotary",
    "my wife is a member of the book club party planning team",
    "my son is in the party mood, balloons please",
    "my husband belongs to the local cycling club",
    "Jesus Christ Superstar musical poster for my mother",
    "my daughter is a huge Queen fan",
    "mi hija es Cristina",
    "my wife is Kristen Bell's biggest fan",
    "my sister is Jude's godmother",
    "my mom works as a prison guard, mug with badge",
    "my brother is a criminal lawyer",
    "my father is a parole officer",
    "mon père est avocat pénaliste",
    "my wife is a Labour MP? no, a nurse; NHS mug",
]


@pytest.mark.parametrize("doc", [_case(doc) for doc in CLEAN])
def test_a_category_word_said_of_nobody_stays_clean(doc: Any) -> None:
    assert not {f.entity for f in scan_parameters(_params(doc))} & _CATEGORIES


@pytest.mark.parametrize(
    "doc",
    [
        {"ip_adapter": {"faceid_embeds": [[0.12, -0.33], [0.98, 0.04]]}},
        {"instantid": {"face_embedding": "base64:AAECAwQ="}},
        {"pulid": {"id_embedding": [0.5, 0.1, -0.2]}},
        {"faceIdEmbeds": [0.1]},
        {"customer": {"voiceprint": "vp_88213"}},
        {"enrolment": {"fingerprint_template": "3f9a8b7c6d5e4f3a"}},
    ],
)
def test_a_biometric_identifier_under_its_key_is_found(doc: Any) -> None:
    assert "BIOMETRIC_DATA" in {f.entity for f in scan_parameters(doc)}


@pytest.mark.parametrize(
    "doc",
    [
        {"certificate": {"fingerprint": "sha256:9f86d081884c7d659a2feaa0c55ad015"}},
        {"faces": [{"face_id": 2, "box": [10, 20, 30, 40]}]},
        {"face_embedding": []},
        {"face_embedding": None},
    ],
)
def test_no_biometric_identifier_where_none_is_given(doc: Any) -> None:
    assert "BIOMETRIC_DATA" not in {f.entity for f in scan_parameters(doc)}
