# ruff: noqa: RUF001 - names and initials in Cyrillic, on purpose
"""The names22 round (attacker_round_names22.json), written before reading the detectors: names across
locales in shapes no earlier names round used: dedications on engraved goods broken over lines, name-day,
wedding and slava invitations, signatures under reviews and testimonials, gift and baby registry exports,
initials before a surname ('J. Kowalska', 'M.ª José'), hyphenated and double surnames, particles in lower
case ('van der', 'de la', 'bin', 'dela'), names transliterated with their diacritics stripped; its clean
side holds the same shapes with no name (a list number, 'verified buyer', a dedication to 'the best
grandma'), product lines, places, fonts, paint colours and dishes named after people.

Each "found" record must yield PERSON, each "clean" one no finding; what stays open is a strict xfail, by
class.
"""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from tests.unit.scanning import attacker_round

_ROUND = attacker_round.load("attacker_round_names22.json")

_SIGNED = (
    "a review's signature after a dash that no rule reads: one initial before an unlisted surname in ASCII "
    "letters ('— J. Whitcombe', '— G. Santarcangelo', '— K. Bakken': an initial and an everyday word, '— "
    "J. Crew', '— E. Coli', have the same shape), a full name whose given name no list holds, in Latin "
    "letters without its diacritics ('— Sukru Gunduz', '— Brais Castro'), in Kazakh or Mongolian Cyrillic "
    "('— Ерлан Жақсыбеков', '— Ганбаатар Дорж'), Armenian, Urdu or a Brahmic script ('— Արամ Գրիգորյան', "
    "'— عمران شیخ', '— వెంకట్ రావు', '— ಮಂಜುನಾಥ್ ಗೌಡ', '— જીગ્નેશ શાહ', '— ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਸੰਧੂ'), or a "
    "signature on the last line with no dash ('je recommande.\\nÉ. Vasseur-Laporte', 'polecam! J. "
    "Kowalska'). (Since names22 initials before a surname with evidence, a listed or shaped surname, a "
    "hyphen, a particle or letters beyond ASCII, sign: '— K. Oberländer', '— P. Dvořáková', '— Н. "
    "Кузнецова', '— M. de Vries-Bakker', '— م. القحطاني'; a town after a comma ends a signature; a full "
    "stop after a word in lower case ends a message; lower-case particles stand between a signature's "
    "words: '— Thiago dos Santos Albuquerque', '— Ahmad Faizal bin Hassan'.)"
)
_LINE = (
    "a name alone on a line of an invitation, a registry export or a dedication, after a label or a line "
    "no rule reads as a cue: couples joined by 'e', '&', 'và', 'na' ('Chiara De Santis e Lorenzo "
    "Dell'Acqua', 'Sanne Verhoeven & Joris ten Brink', 'Phạm Minh Anh và Lê Quốc Bảo', 'Amina Mwakalinga "
    "na Juma Kiprotich'), the celebrant of a name day ('Йорданка Димитрова', 'Līga Ozoliņa', "
    "'Solenizantka: Bożena Mazurkiewicz-Pająk', 'santo de Remedios Caballero Díaz'), a parent of a registry "
    "('mamãe: Luana Bezerra Campos', 'الأم: نورة العتيبي', 'Ouders: Femke de Jong & Bram van den Heuvel'), "
    "a Marathi couple after 'चि. सौ. कां.'"
)
_DEDICATION = (
    "a dedication's first line whose 'for' or 'dear' no rule reads in that language or script, or whose "
    "name is in a case form no list holds: Greeklish 'Gia tin', "
    "Kazakh 'үшін', Armenian 'համար' after the genitive, Urdu 'کے لیے', Sinhala 'ආදරණීය', Burmese "
    "'ချစ်ရသော', Mongolian 'Хайрт' and the dative '-д', Amharic 'ለ-', Zulu 'Ku-', Welsh 'I', Basque "
    "'-entzat', Luxembourgish 'Fir d'', a Polish plural genitive ('od Kasi i Tomka Nowaków'). (Since "
    "names22 Latvian '-ei' and '-ai' agree as a woman's name in the dative: 'Ilzei Bērziņai'.)"
)
_INITIALLED = (
    "initials before a surname after an engraving's label, where the surname is unlisted or has a "
    "particle or an apostrophe ('name: A. J. de la Cruz', 'portachiavi: G. D'Alessandro', 'cincin: R. A. "
    "Kusumawardhani'), in a Russian dative ('А. В. Соколову'), or a Vietnamese name without its marks "
    "('Do Thi Huong')"
)
_OPEN: dict[str, str] = {
    "J. Whitcombe": _SIGNED,
    "G. Santarcangelo": _SIGNED,
    "K. Bakken": _SIGNED,
    "Sukru Gunduz": _SIGNED,
    "Brais Castro": _SIGNED,
    "Ерлан Жақсыбеков": _SIGNED,
    "Ганбаатар Дорж": _SIGNED,
    "Արամ Գրիգորյան": _SIGNED,
    "عمران شیخ": _SIGNED,
    "వెంకట్ రావు": _SIGNED,
    "ಮಂಜುನಾಥ್ ಗೌಡ": _SIGNED,
    "જીગ્નેશ શાહ": _SIGNED,
    "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਸੰਧੂ": _SIGNED,
    "É. Vasseur-Laporte": _SIGNED,
    "polecam! J. Kowalska": _SIGNED,
    "Chiara De Santis": _LINE,
    "Sanne Verhoeven": _LINE,
    "Phạm Minh Anh": _LINE,
    "Amina Mwakalinga": _LINE,
    "Йорданка Димитрова": _LINE,
    "Līga Ozoliņa": _LINE,
    "Bożena Mazurkiewicz-Pająk": _LINE,
    "Remedios Caballero": _LINE,
    "Luana Bezerra Campos": _LINE,
    "نورة العتيبي": _LINE,
    "Femke de Jong": _LINE,
    "अश्विनी देशपांडे": _LINE,
    "Eleni Papageorgiou": _DEDICATION,
    "Әсел Нұрланқызы": _DEDICATION,
    "Անի Հովհաննիսյանի": _DEDICATION,
    "فرح ناز قریشی": _DEDICATION,
    "නිලූකා පෙරේරා": _DEDICATION,
    "ဒေါ်ခင်မာဝင်း": _DEDICATION,
    "Болормаа Батсүхэд": _DEDICATION,
    "ለመሰረት ታደሰ": _DEDICATION,
    "Ku-Nomvula Dlamini": _DEDICATION,
    "Angharad ap Gruffydd": _DEDICATION,
    "Goikoetxearentzat": _DEDICATION,
    "Marie-Thérèse Weber": _DEDICATION,
    "Tomka Nowaków": _DEDICATION,
    "A. J. de la Cruz": _INITIALLED,
    "G. D'Alessandro": _INITIALLED,
    "R. A. Kusumawardhani": _INITIALLED,
    "А. В. Соколову": _INITIALLED,
    "Do Thi Huong": _INITIALLED,
}
_CLEAN_OPEN: dict[str, str] = {
    "Jan Hagel koekje": (
        "a biscuit named after a person ('Jan Hagel') after a Dutch 'een', read as a given name and a surname"
    ),
}


@pytest.mark.parametrize(("params", "entity"), attacker_round.found_cases(_ROUND, _OPEN))
def test_personal_data_is_found(params: dict[str, Any], entity: str) -> None:
    assert entity in {finding.entity for finding in scan_parameters(params)}


@pytest.mark.parametrize("params", attacker_round.clean_cases(_ROUND, _CLEAN_OPEN))
def test_clean_record_has_no_finding(params: dict[str, Any]) -> None:
    assert scan_parameters(params) == []


def test_round_covers_sixty_languages_and_its_size() -> None:
    assert len(attacker_round.languages(_ROUND)) >= 60
    assert len(_ROUND["found"]) >= 200
    assert len(_ROUND["clean"]) >= 200
