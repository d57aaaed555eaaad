# ruff: noqa: RUF001, RUF002 - Turkish titles, on purpose
"""The names15 round (attacker_round_names15.json "found"), written before reading the detectors: names of
real-looking customers after a role or occupation ("Coach", "Chef", "Ustaz", "avvocato"), with a title
after them ("Bey", "Hanım", "ji", "-san", "-ssi"), on shirts without a print cue, after greetings of 60-odd
languages, in patronymic and matronymic forms, romanised with tone marks, with particles, and written as
identifiers in text (an e-mail address's local part, a file's name, an @mention). The clean neighbours
are test_catalogue_copy_clean_names15.py's.

Each "found" record must yield PERSON; the misses left open are strict xfails, by class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names15.json")

_ROLE_UNLISTED = (
    "a role or title before a name whose given name is in no list here ('Ustaz Faizal Hamdan', 'Cikgu "
    "Norhayati Ismail', 'Ate Marites Dimaculangan'), before a given name alone ('Nurse Oyinkansola'), "
    "after the list's cue as a capitalised title ('placa: Doctora ...', 'Lic. ...'), in a case form "
    "('лікарю Богдані Ковальчук'), or after the name in Hungarian ('Szabó tanárnő')"
)
_SCRIPT_TITLE = (
    "a role or title in a script without capitals, before or after the name: Chinese '医生'/'教授' after a "
    "full name, Hindi 'जी', Bengali '-দা', Tamil 'அவர்களுக்கு', Urdu 'ڈاکٹر', Bengali 'মোঃ', Telugu, "
    "Kannada, Thai 'คุณหมอ', Armenian 'բժիշկ', Georgian 'ექიმ'"
)
_SHIRT_NO_CUE = (
    "a surname alone in capitals with a number and no print cue ('custom away kit, back reads "
    "ABERNATHY-OSEI 14', 'Trikot WENDELSTEIN 19'): a player's 'MESSI 10' on a replica has the same shape"
)
_GREETING_UNLISTED = (
    "a name after a greeting whose given name is in no list here (Occitan, Corsican, Papiamento, "
    "Lingala, Gaelic 'Catrìona NicLeòid', Maori 'Aroha Te Whetū'), or a greeting of Tibetan, Myanmar, "
    "Tigrinya with its word space '፡', Mongolian Cyrillic with a hyphen, or a thank-you with a title "
    "('Mèsi anpil Manmzèl ...')"
)
_PATRONYMIC = (
    "a patronymic or matronymic form: Ukrainian vocative 'Оксано Василівно', Malay 'binti' after a given "
    "name of no list, Kazakh '-қызына', Azerbaijani 'oğlu' after the surname, Mongolian genitive, "
    "Amharic, Hebrew 'בן', Welsh 'ap' after a bare 'i', Georgian 'ძე'"
)
_TONES = (
    "pinyin with acute and grave tone marks only ('Liú Mèngqí': French and Italian marks too), and "
    "Cantonese with tone numbers ('Cheung4 Ka1-ming4')"
)
_PARTICLES = (
    "a particle the rules do not read in that place: 'ter' in a double name, 'von und zu', Arabic 'al-'/"
    "'El-' in lower case or with a hyphen, Tuareg 'Ag', 'FitzGerald', Afrikaans 'du Toit-Venter'"
)
_IDENTIFIER_UNLISTED = (
    "a name written as an identifier whose given name or surname is in no list here ('oyinkansola.adebayo', "
    "'itziar.goikoetxea', 'joaquim_albuquerque'), begins with an initial "
    "('k.abernathy-osei'), is joined by hyphens ('ritratto-giuseppina-dalessandro'), or holds a particle "
    "('maarten_van_der_wijngaart')"
)
_MENTION = (
    "an @mention with no platform word before it ('Danke an @lena_obermeier', 'merci @claire.dubreuil'): "
    "a handle is SOCIAL_HANDLE's, which reads it after a platform word or key ('tag @anna.kowalska'), and "
    "PERSON leaves handles to it ('instagram: @jane_doe88' is reported once)"
)
_OPEN: dict[str, str] = {
    "@OluwaseunAdeyemi": _MENTION,
    "@lena_obermeier": _MENTION,
    "@claire.dubreuil": _MENTION,
    "@zeynep.yildirimoglu": _MENTION,
    "@joaquim.albuquerque": _MENTION,
    "@nurul.hidayati": _MENTION,
    "Nurse Oyinkansola": _ROLE_UNLISTED,
    "Doctora Maribel": _ROLE_UNLISTED,
    "Богдані Ковальчук": _ROLE_UNLISTED,
    "Ustaz Faizal": _ROLE_UNLISTED,
    "Cikgu Norhayati": _ROLE_UNLISTED,
    "Pak Bambang": _ROLE_UNLISTED,
    "Ate Marites": _ROLE_UNLISTED,
    "thầy Phạm": _ROLE_UNLISTED,
    "Lic. Florencia": _ROLE_UNLISTED,
    "Szabó tanárnő": _ROLE_UNLISTED,
    "Jiwoo-ssi": _ROLE_UNLISTED,
    "王建华医生": _SCRIPT_TITLE,
    "गुप्ता जी": _SCRIPT_TITLE,
    "রাকিবদা": _SCRIPT_TITLE,
    "முருகேசன் அவர்களுக்கு": _SCRIPT_TITLE,
    "ڈاکٹر عائشہ": _SCRIPT_TITLE,
    "মোঃ রফিকুল": _SCRIPT_TITLE,
    "డాక్టర్ శ్రీనివాస": _SCRIPT_TITLE,
    "ಡಾ. ಮಂಜುನಾಥ": _SCRIPT_TITLE,
    "张国华教授": _SCRIPT_TITLE,
    "คุณหมอวิภาวดี": _SCRIPT_TITLE,
    "բժիշկ Լիլիթ": _SCRIPT_TITLE,
    "ექიმ თამარ": _SCRIPT_TITLE,
    "ABERNATHY-OSEI 14": _SHIRT_NO_CUE,
    "NDLOVU-PRETORIUS": _SHIRT_NO_CUE,
    "WENDELSTEIN 19": _SHIRT_NO_CUE,
    "VASSEUR-MARÉCHAL 3": _SHIRT_NO_CUE,
    "VAN DER HOEVEN 11": _SHIRT_NO_CUE,
    "WIECZORKIEWICZ 13": _SHIRT_NO_CUE,
    "DE ANGELIS-FERRANTE": _SHIRT_NO_CUE,
    "LINDQVIST-BERG": _SHIRT_NO_CUE,
    "Catrìona NicLeòid": _GREETING_UNLISTED,
    "Peire Vidal": _GREETING_UNLISTED,
    "Ghjuvanni Santoni": _GREETING_UNLISTED,
    "Бат-Эрдэнэ": _GREETING_UNLISTED,
    "བསོད་ནམས": _GREETING_UNLISTED,
    "မောင်မောင်ဝင်း": _GREETING_UNLISTED,
    "Aroha Te Whetū": _GREETING_UNLISTED,
    "Mbuyi Kabongo": _GREETING_UNLISTED,
    "ሃብቶም": _GREETING_UNLISTED,
    "Shurendy Martina": _GREETING_UNLISTED,
    "Zamenhof-Kowalczyk": _GREETING_UNLISTED,
    "Wiseline Pierre-Louis": _GREETING_UNLISTED,
    "Оксано Василівно": _PATRONYMIC,
    "Nur Aisyah binti": _PATRONYMIC,
    "Серікқызына": _PATRONYMIC,
    "Vaqif oğlu": _PATRONYMIC,
    "Батбаярын": _PATRONYMIC,
    "ለአበበ ተሰማ": _PATRONYMIC,
    "שמעון בן אברהם": _PATRONYMIC,
    "Rhodri ap Gruffydd": _PATRONYMIC,
    "ნიკოლოზის ძე": _PATRONYMIC,
    "Liú Mèngqí": _TONES,
    "Cheung4": _TONES,
    "Rosalie ter Horst": _PARTICLES,
    "von und zu Ebersberg": _PARTICLES,
    "Khalid al-Qahtani": _PARTICLES,
    "Leila El-Amrani": _PARTICLES,
    "Intalla Ag Alghabass": _PARTICLES,
    "Orla FitzGerald": _PARTICLES,
    "du Toit-Venter": _PARTICLES,
    "oyinkansola.adebayo": _IDENTIFIER_UNLISTED,
    "itziar.goikoetxea": _IDENTIFIER_UNLISTED,
    "k.abernathy-osei": _IDENTIFIER_UNLISTED,
    "maarten.vanderwijngaart": _IDENTIFIER_UNLISTED,
    "foto-itziar-goikoetxea": _IDENTIFIER_UNLISTED,
    "retrato_joaquim_albuquerque": _IDENTIFIER_UNLISTED,
    "pasfoto_maarten_van_der_wijngaart": _IDENTIFIER_UNLISTED,
    "ritratto-giuseppina-dalessandro": _IDENTIFIER_UNLISTED,
}

# Neighbours of the classes this round fixed, each a rule with the values either side of it.
_FOUND_BY_CLASS = [
    # a role or occupation before a given name of the wider list and a surname (cues.toml [person_role])
    {"prompt": "retirement card for Coach Marguerite Okonjo"},
    {"prompt": "apron: Chef Tomasz Wieczorkiewicz"},
    {"prompt": "thank you Officer Priyanka Raghunathan"},
    {"prompt": "placa para el profe Aitor Goikoetxea"},
    {"prompt": "targa per l'avvocato Beatrice Scarpellini"},
    # a title after a given name or a listed surname ([person_title_after_name], person_title_after.py)
    {"prompt": "hediye: Emine Hanım'a teşekkürler"},
    {"prompt": "Yusuf Bey için kahve takımı"},
    {"prompt": "Kobayashi-san, otsukaresama"},
    {"prompt": "Priya-ji ke liye rakhi"},
    # romanised Chinese and Japanese with a macron or caron (person_tones.py)
    {"prompt": "gift for Zhào Xiǎolíng"},
    {"prompt": "name seal Kōda Yūta"},
    # an address's local part or a file's name in text (person_handles.py)
    {"prompt": "order placed by joanna_kowalczyk"},
    {"prompt": "sent by michael.oyelaran-brooks"},
    {"prompt": "use ana_lucia_ferreira_portrait.jpg as the face"},
]
_CLEAN_BY_CLASS = [
    # a role word before a product's name, a bag's line before its shape (not_surnames.txt)
    {"prompt": "Coach Tabby Shoulder Bag 26"},
    {"prompt": "Coach Willis Tote in black"},
    {"prompt": "Captain Morgan Spiced Rum"},
    {"prompt": "Doctor Who Sonic Screwdriver"},
    # a title after a mountain, a god, a word of address
    {"prompt": "Fuji-san woodblock print"},
    {"prompt": "Kami-sama shrine charm"},
    {"prompt": "Hanuman ji idol, brass"},
    # a tea's three words, a city with its macrons
    {"prompt": "Dà Hóng Páo tea"},
    {"prompt": "Tōkyō Tower keyring"},
    # a role address, a saint's city in a file's name, a handle (SOCIAL_HANDLE's, not reported twice)
    {"prompt": "support.team replies within 24h"},
    {"prompt": "mug, instagram: @jane_doe88"},
    {"prompt": "santa_cruz_beach_sunset.jpg"},
]


# A handle after a platform word is SOCIAL_HANDLE's.
_NAMED_OTHERWISE = {"@anna.kowalska": "SOCIAL_HANDLE"}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN, _NAMED_OTHERWISE))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", _FOUND_BY_CLASS)
def test_fixed_class_is_found(params: dict[str, Any]) -> None:
    assert "PERSON" in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", _CLEAN_BY_CLASS)
def test_fixed_class_neighbour_stays_clean(params: dict[str, Any]) -> None:
    assert "PERSON" not in {finding.entity for finding in scan_parameters(params)}


def test_round_covers_sixty_languages_and_its_size() -> None:
    assert len({record["lang"].split("-")[0] for record in _ROUND["found"]}) >= 60
    assert len(_ROUND["found"]) >= 250
