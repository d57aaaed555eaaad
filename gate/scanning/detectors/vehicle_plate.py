# ruff: noqa: RUF001, RUF003 - Cyrillic and Turkish plate words, on purpose
"""VEHICLE_PLATE: a registration plate right after its name (personal data: it leads to the keeper).

Plates have no check digit and their shapes are those of SKUs and model numbers ("AB12 CDE", "WA 12345",
"M-AB 1234"), so a plate counts only right after a plate word of 20 languages ("Kennzeichen",
"immatriculation", "reg plate", "licence plate", "placa", "targa", "kenteken", "nr rej.", "госномер",
"plaka", "번호판", "车牌", "ป้ายทะเบียน", "biển số", "پلاک" ...), a colon or "no." between, as one to four
groups of capitals (Latin, Cyrillic, Hangul) and digits with a digit and a letter in them. A plate word
before a product ("license plate wall decor", "Kennzeichen-Aufkleber", "plaque de cuisson 60 cm") is
followed by no such group. A plate of a country's own form that no model code shares ("1234 BCD",
"ABC1D23", "京A·12345") counts after a word that also names a board, and after short words between.
Since the fourteenth text round: plate words of 16 more languages, Thai, Vietnamese and Israeli plate
forms, and any plate shape when the words between name the writer's vehicle ("tablica rejestracyjna
mojego auta WA 12345", "number plate of my car is AB12 CDE").
"""

from __future__ import annotations

import re
import unicodedata

from gate.scanning.context import NOT_NUMERIC
from gate.scanning.detectors.base import (
    HAS_DIGIT_WORDS,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)
from gate.scanning.normalise import as_written_and_read

_WORDS = (
    "kennzeichen", "nummernschild", "autokennzeichen", "immatriculation", "plaque d'immatriculation",
    "reg plate", "registration plate", "registration number", "number plate", "license plate",
    "licence plate",
    "plate number", "plate no", "placa", "matrícula", "matricula", "targa", "kenteken", "nr rej", "nr. rej",
    "numer rejestracyjny", "rejestracja", "госномер", "гос. номер", "госзнак", "номерной знак", "номер авто",
    "номер машины", "plaka", "plakası", "번호판", "차량번호", "车牌", "車牌", "ป้ายทะเบียน", "biển số",
    "لوحة السيارة", "رقم اللوحة", "پلاک خودرو", "SPZ", "rendszám", "registreringsnummer", "rekisterinumero",
    "vehicle no", "vehicle number", "vehicle reg", "registration no", "autonummer", "kontrollschild",
    "targa auto", "placa do carro", "placa del auto", "araç plakası", "車両番号", "ナンバープレート",
    "ナンバー", "车牌号",
    # (text14) plate words of 16 more languages
    "tablica rejestracyjna", "numărul de înmatriculare", "număr de înmatriculare", "nr. de înmatriculare",
    "πινακίδα", "αριθμός κυκλοφορίας", "номерний знак", "номер машини", "nummerplade", "nummerpladen",
    "bilskilt", "bilskiltet", "rego", "ทะเบียนรถ", "biển số xe", "plat nomor", "nomor polisi", "nombor plat",
    "plaka ng", "מספר רכב", "מספר הרכב", "לוחית רישוי", "patente", "placas", "car registration",
    "rendszáma", "kennzeichen", "registreringsskylt", "plaque",
    # (numbers18) the car named in the plate word, and plate words of the Baltic, Balkan and Nordic
    # languages, Slovak, Dutch of Belgium and Hindi
    "car plate", "car plates", "car reg", "car registration number", "regnr", "reg.nr", "reg. nr",
    "skiltnummer", "nummerplaat", "nummerplaten", "EČV", "ŠPZ", "numbrimärk", "numura zīme",
    "valstybinis numeris", "registrska tablica", "registrska številka", "registarska oznaka",
    "registarske tablice", "регистарска таблица", "регистарске таблице", "регистрационен номер",
    "गाड़ी नंबर", "गाड़ी का नंबर",
)  # fmt: skip
_FORMS = tuple(
    sorted(
        {unicodedata.normalize("NFKC", form) for form in as_written_and_read(_WORDS)},
        key=lambda w: (-len(w), w),
    )
)
_has_word = any_word(tuple(form.lower() for form in _FORMS))

_CUE = "|".join(re.escape(form) for form in _FORMS)
_GROUP = r"[A-Z0-9가-힣А-ЯЁІЇЄΑΒΕΖΗΙΚΜΝΟΡΤΥΧ]{1,8}"
# A Chinese plate opens with its province's character ("京A·12345"), a Japanese one with its office's
# name and a kana ("品川 300 あ 12-34"): a first group of those forms, besides the Latin ones.
_CN_FIRST = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
# (numbers19) the dots a Japanese plate prints for a number's missing digits ("横浜 083 か ・・・0")
_JP_PLATE = r"[\u4e00-\u9fff]{1,4}\s?\d{1,3}\s?[\u3041-\u3096]\s?(?:\d{1,2}-\d{2}|[・·]{0,3}\d{1,4})"
# A word's first letter that is lower case in a script with case (not a capital of a plate, not Thai, CJK,
# Arabic or Bengali).
_CASED_LOWER = r"[^\W\d_A-ZА-ЯЁІЇЄΑ-Ωก-ฮ\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0600-\u06ff\u0980-\u09ff]"
# (text14) Thai, Vietnamese and Israeli plates, whose forms `_GROUP` does not read.
_TEXT14_PLATES = r"[ก-ฮ]{1,2}\s?\d{1,4}|\d{2}[A-Z]\d?-\d{3}\.\d{2}|\d{2,3}-\d{2,3}-\d{2,3}"
# (numbers19) Thailand's with its leading digit and three consonants ("1 รฎ 0025", "ฆฏฒ 0"), Saudi
# Arabia's letters apart and digits ("ق ر ح 0842"), Bangladesh's district, letter and digits
# ("রাজশাহী-ঠ 90-1312")
_NUMBERS19_PLATES = (
    r"\d\s?[ก-ฮ]{1,3}\s?\d{1,4}|[ก-ฮ]{3}\s?\d{1,4}|(?:[\u0621-\u064a]\s){1,3}\d{1,4}"
    r"|[\u0980-\u09ff]{2,12}-[\u0980-\u09ff]{1,2}\s\d{2}-\d{4}"
)
# (numbers18) Russia's plate with its region in one group ("Е777КХ199"), longer than `_GROUP` reads.
_RU_PLATE = r"[АВЕКМНОРСТУХABEKMHOPCTYX]\d{3}[АВЕКМНОРСТУХABEKMHOPCTYX]{2}\s?\d{2,3}"
# (text17) The vehicle itself, as a noun in any case ("meines Autos", "my van").
_VEHICLE_NOUN = (
    r"autos?|wagens?|fahrzeugs?|pkw|lkw|cars?|car's|van|vans|truck|motorbike|bike|camper|coche|carro|"
    r"voiture|macchina|auta|samochodu|bil(?:en|s)?|araba(?:m(?:ın)?)?"
)
_CUED = re.compile(
    rf"(?i:(?<![^\W\d_])(?P<cue>{_CUE})\.?)(?:\s+(?i:no|nr|n°|number))?"
    # (text13) up to three short words in lower case between ("matrícula del coche", "placa do meu carro");
    # (text14) or up to four words of a script with case, not capitals ("моєї машини", "του αυτοκινήτου")
    # (text17) or, in any case, words that end with the writer's vehicle and maybe a verb ("Kennzeichen
    # meines Autos:", "Kennzeichen von meinem Auto lautet"): German writes its nouns capitalised
    rf"(?P<between>(?:\s+[^\W\d_][\w'’]{{0,11}}){{0,3}}?\s+(?i:{_VEHICLE_NOUN})(?:\s+[a-zà-ÿ]{{2,8}})?(?=[\s:])"
    rf"|(?:\s+[a-zà-ÿ]{{1,6}}){{1,3}}(?=\s)|(?:\s+{_CASED_LOWER}[\w'’]{{0,11}}){{1,4}}(?=\s))?"
    rf"[\s.:#№]{{0,3}}"
    rf"(?P<plate>{_JP_PLATE}|{_NUMBERS19_PLATES}|{_TEXT14_PLATES}|{_RU_PLATE}"
    rf"|(?:[{_CN_FIRST}][A-Z][·・ \-]?[A-Z0-9]{{5,6}})"
    rf"|{_GROUP}(?:[ \-·]{_GROUP}){{0,3}})"
    rf"(?![\w\-])"
)
# Plates of forms a country issues now that no model or board code shares (Spain "1234 BCD", Brazil's
# Mercosur "ABC1D23", France "AB-123-CD", Portugal "AA-00-AA", India "MH 12 AB 1234", China, Japan):
# after a word that also names a board ("placa RTX 4060", "targa 2024 A") these count without a vehicle
# named beside them. Italy's "AB 123 CD" and Turkey's "34 ABC 123" are left out: "targa GT 500 XL",
# "plaka 20 W 220" are a model's and a hotplate's.
_NATIONAL_FORM = re.compile(
    r"\d{4}[ -]?[BCDFGHJKLMNPRSTVWXYZ]{3}|[A-Z]{3}-?\d[A-Z]\d{2}|[A-Z]{2}-\d{3}-[A-Z]{2}"
    r"|\d{2}-[A-Z]{2}-\d{2}|[A-Z]{2}-\d{2}-[A-Z]{2}|[A-Z]{2} ?\d{1,2} ?[A-Z]{1,3} ?\d{4}"
    rf"|[{_CN_FIRST}][A-Z][·・ \-]?[A-Z0-9]{{5,6}}|{_JP_PLATE}|{_NUMBERS19_PLATES}"
    # (text14) Israel's digits-only plates, Thailand's consonants and digits, Vietnam's province and series
    r"|\d{2}-\d{3}-\d{2}|\d{3}-\d{2}-\d{3}|[ก-ฮ]{1,2}\s?\d{1,4}|\d{2}[A-Z]\d?-\d{3}\.\d{2}"
    # (numbers18) Russia's, and Mexico's "ABC-123-D"
    rf"|{_RU_PLATE}|[A-Z]{{3}}-\d{{3}}-[A-Z]"
)


# Words that also name a board, a plaque, an award or an enrolment ("placa RTX 4060", "plaque de
# cuisson", "targa premio", "matrícula 2024", a novelty "license plate ROUTE 66"): a plate only when a
# vehicle is named in the same text.
_AMBIGUOUS = frozenset(
    (
        "placa",
        "plaque",
        "targa",
        "plaka",
        "matrícula",
        "matricula",
        "registration number",
        "license plate",
        "licence plate",
        "patente",
        "placas",
    )
)
_VEHICLE = re.compile(
    r"(?i)\b(?:car|vehicle|van|truck|motorbike|auto|coche|carro|veh[íi]culo|voiture|v[ée]hicule|moto|"
    r"macchina|veicolo|araba|ara[çc]|otomobil|camion|caminh[ãa]o)\b"
)
# Plate words that name the vehicle themselves ("bilskilt", a car's plate): words may follow them too.
_CAR_WORDS = frozenset(
    ("bilskilt", "bilskiltet", "car registration", "autokennzeichen", "ทะเบียนรถ", "biển số xe",
     "номер машини", "номер машины", "номер авто", "targa auto", "placa do carro", "placa del auto",
     "araç plakası", "car plate", "car plates", "car reg", "car registration number")
)  # fmt: skip
_YEAR = re.compile(r"19\d\d|20\d\d")
# (numbers18) The writer's own plate ("my license plate is 7ABC123", "our licence plate"): a vehicle's.
_OWN_BEFORE = re.compile(r"(?i)(?:\bmy|\bour|\bhis|\bher|\btheir)\s+$")
# A plate of a form people write after "license plate" alone: one to three groups of capitals and
# digits, two digits at least, no group a word ("ROUTE 66" on a novelty sign) or a size ("12x6").
_BARE_PLATE = re.compile(r"(?=(?:\D*\d){2})(?:[A-Z0-9]{1,7}(?:[ \-][A-Z0-9]{1,7}){0,2})")
_WORDLIKE = re.compile(r"(?<![A-Z0-9])[A-Z]{4,}(?![A-Z0-9])|\d\s*[xX×]\s*\d")
# (text14) The writer's own vehicle named between the plate word and the plate ("number plate of my car
# is", "tablica rejestracyjna mojego auta", "plat nomor mobil saya"): any plate shape then, as a vehicle
# named beside an ambiguous word already allows; words between with no vehicle still need a national form.
_OWN_VEHICLE_WORDS = (
    "car", "car's", "car’s", "ute", "ute's", "auto", "auta", "autó", "autom", "autóm", "autot", "coche",
    "carro", "voiture", "mașina", "mașinii", "masina", "masinii", "αυτοκινήτου", "αυτοκίνητο", "αμαξιού",
    "машина", "машины", "машини", "машиной", "автомобиля", "автомобіля", "bil", "bils", "bilen", "mobil",
    "kereta", "kotse", "xe",
    # (text17) vans, trucks and German nouns in their cases ("meines Autos", "unseres Wagens")
    "van", "truck", "motorbike", "bike", "camper", "autos", "wagen", "wagens", "fahrzeug", "fahrzeugs",
    "pkw", "lkw", "samochodu",
    # "number plate is ...", "rendszáma ... ist": a linking verb between says the plate follows
    "is", "est", "ist", "es", "är", "er",
)  # fmt: skip
_OWN_VEHICLE = re.compile(
    r"(?i)(?<!\w)(?:"
    + "|".join(
        re.escape(form)
        for form in sorted(set(as_written_and_read(_OWN_VEHICLE_WORDS)), key=len, reverse=True)
    )
    + r")(?!\w)"
)


def _plate(match: re.Match[str], text: Text) -> bool:
    cue = match.group("cue").lower()
    plate = match.group("plate")
    if _NATIONAL_FORM.fullmatch(plate):
        return True
    between = match.group("between")
    # words between and no vehicle named (by them or by the plate word): a national form only
    if between and cue not in _CAR_WORDS and _OWN_VEHICLE.search(between) is None:
        return False
    if cue == "ナンバー":  # "number" as well: only a Japanese plate's own form after it
        return False
    if cue in _AMBIGUOUS and _VEHICLE.search(text.value) is None and not _bare_plate(match, text):
        return False
    compact = re.sub(r"[ \-·]", "", plate)
    has_digit = any(ch.isdigit() for ch in compact)
    has_letter = any(ch.isalpha() for ch in compact)
    if compact.isdigit() and cue in _CAR_WORDS:
        # (numbers18) the Gulf's, Israel's and Algeria's plates are digits only ("car plate 13690 520 03"):
        # after a word that names the car, five digits or more
        return 5 <= len(compact) <= 11
    if compact.isdigit() and _VEHICLE.search(text.value) is not None:
        # (numbers19) ... and after any plate word with the vehicle named in the text ("my car with
        # license plate 46-5134"); four digits too, but not a year ("license plate 2024" on a sign)
        return 5 <= len(compact) <= 11 or (len(compact) == 4 and _YEAR.fullmatch(compact) is None)
    return 4 <= len(compact) <= 10 and has_digit and has_letter


def _bare_plate(match: re.Match[str], text: Text) -> bool:
    """(numbers18) A plate after "license plate" with no vehicle named: the writer's own ("my license
    plate is 7ABC123"), or a plate's form with no word or size in it right after the words
    ("license plate 4SE1798", "licence plate KJT-4821"; not "license plate ROUTE 66")."""
    cue = match.group("cue").lower()
    if cue not in ("license plate", "licence plate"):
        return False
    plate = match.group("plate")
    if _OWN_BEFORE.search(text.value, 0, match.start()):
        return True
    return (
        not match.group("between")
        and _BARE_PLATE.fullmatch(plate) is not None
        and _WORDLIKE.search(plate) is None
    )


DETECTOR = PatternDetector(
    entity="VEHICLE_PLATE",
    # A plate word, a space and a plate with a digit: capitals too, but for plates of digits only after a
    # word that names the car (numbers18); the rule waits for a plate word (`cue_gate`).
    needs=HAS_DIGIT_WORDS,
    rules=(PatternRule("vehicle_plate.cued", _CUED, _plate, when=_has_word),),
    unless=NOT_NUMERIC,
)
