# ruff: noqa: RUF001, RUF003 - Hebrew and Korean dates, on purpose
"""DATE_OF_BIRTH: a date next to a birth cue ("born on 12/03/1985", "DOB: 1985-03-12"), any date
under a birth key, and any non-empty value of a dob/birthday key."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from gate.scanning import lexicon
from gate.scanning.context import DOB, key_fragments
from gate.scanning.detectors import dob_before, dob_written
from gate.scanning.detectors.base import (
    HAS_BIRTH_WORD,
    HAS_DIGIT,
    HAS_NON_ASCII,
    HAS_WORDS,
    Matcher,
    PatternDetector,
    PatternRule,
    any_word,
)
from gate.scanning.detectors.keyed_rule import KeyedRule, keyset
from gate.scanning.normalise import as_written_and_read

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Month names of European languages, for dates written out after a birth cue ("12. März 1985").
_LOCAL_MONTH = (
    r"(?:januar|februar|m[äa]rz|mai|juni|juli|oktober|dezember|janvier|f[ée]vrier|mars|avril|juin|juillet|"
    r"ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|"
    r"dicembre|januari|februari|maart|mei|augustus|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|"
    r"sierpnia|wrze[śs]nia|pa[źz]dziernika|listopada|grudnia|janeiro|fevereiro|mar[çc]o|maio|junho|julho|"
    r"setembro|outubro|novembro|dezembro|"
    # German abbreviations ("12. Mrz. 84", "3. Okt. 1979")
    r"jän|mrz|okt|dez)\.?"
)
# Gregorian years, and those of the calendars written beside it: the Solar Hijri and Hijri (13xx, 14xx)
# and the Thai Buddhist era (25xx): "تاریخ تولد: ۱۳۶۵/۰۴/۱۲", "เกิดวันที่ 12 มีนาคม 2528".
_YEAR = r"(?:1[89]|20|1[34]|25)\d{2}"
# The era written before a year: Thai "พ.ศ." (Buddhist era) and "ค.ศ.", "B.E.", "A.D.".
_ERA = r"(?:(?:พ|ค)\.\s?ศ\.|B\.\s?E\.|A\.\s?D\.)\s?"
# Japanese and Taiwanese era years ("平成2年", "昭和60年", "民國79年"; "元年" is an era's first year).
_ERA_DATE = r"(?:明治|大正|昭和|平成|令和|民國|民国)\s?(?:\d{1,2}|元)\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日"
# Months in Roman numerals, as Central and Eastern Europe write them ("12.III.1984", "1984. III. 12."),
# in capitals only ("i", "v", "x" are words).
_ROMAN_MONTH = r"(?-i:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
# (text18) Dates of the Hijri, Hebrew and Korean Dangi calendars, as birth certificates and forms write
# them beside the Gregorian one: "22 Rabi al-Awwal 1410 AH", "26 Adar 5748", "כ״ו באדר תשמ״ח" (day and
# year in Hebrew letters), "단기 4321년 3월 14일"; and an ISO week date ("1988-W11-1").
_HIJRI_MONTH = (
    r"(?:muharram|safar|rabi['\u2018\u2019\u02bf]?\s?(?:a?l[\s-])?(?:awwal|thani|akhir|ul[\s-]awwal)|rabi['\u2018\u2019\u02bf]?\s?(?:i|ii)|"
    r"jumad[aie]\s?(?:a?l[\s-])?(?:ula|awwal|ukhra|thani|akhir(?:ah)?)|rajab|sha['\u2018\u2019\u02bf]?ban|ramadh?an|shawwal|"
    r"dh?u\s?(?:a?l[\s-])?(?:qa['\u2018\u2019\u02bf]?dah|qi['\u2018\u2019\u02bf]?dah|hijjah))"
)
_HEBREW_MONTH = (
    r"(?:tishrei|tishri|cheshvan|heshvan|marcheshvan|kislev|tevet|shevat|adar(?:\s(?:i|ii|alef|bet))?|nisan|"
    r"iyar|sivan|tammuz|av|elul)"
)
_HEBREW_MONTHS = (
    "תשרי", "חשוון", "חשון", "מרחשוון", "כסלו", "כסלב", "טבת", "שבט", "אדר", "ניסן", "אייר", "סיוון", "סיון",
    "תמוז", "אב", "אלול",
)  # fmt: skip
_HEBREW_MONTH_LETTERS = "(?:" + "|".join(sorted(_HEBREW_MONTHS, key=len, reverse=True)) + r")(?:\s[אב]['׳])?"
_OTHER_CALENDARS = (
    rf"\d{{1,2}}\s+{_HIJRI_MONTH}\s+1[34]\d{{2}}(?:\s*(?:AH|A\.H\.|H)\b)?|"
    rf"\d{{1,2}}\s+{_HEBREW_MONTH}\s+5[67]\d{{2}}|"
    r"단기\s?4[23]\d{2}\s?년\s?\d{1,2}\s?월\s?\d{1,2}\s?일|"
    r"(?:19|20)\d{2}-?W(?:0[1-9]|[1-4]\d|5[0-3])-?[1-7](?!\d)"
)
# A year in two digits, after a month: "12/03/'84", "12. Mrz. 84", "12 de marzo del 84".
_SHORT_YEAR = r"(?:'\d{2}|\d{2})(?!\d)"
_DATE = (
    rf"(?:\d{{1,2}}[./\-]\d{{1,2}}[./\-](?:{_YEAR}|'?\d{{2}})|{_YEAR}[./\-]\d{{1,2}}[./\-]\d{{1,2}}|"
    # "12-MAR-1984", "12/Mar/84": an abbreviated month between dashes or slashes, as forms and logs print it.
    rf"\d{{1,2}}[\-/]{_MONTH}[\-/](?:{_YEAR}|{_SHORT_YEAR})|"
    rf"\d{{1,2}}\.\s?{_ROMAN_MONTH}\.\s?{_YEAR}|\d{{1,2}}[\s\-/]{_ROMAN_MONTH}[\s\-/]{_YEAR}|"
    rf"{_YEAR}\.\s?{_ROMAN_MONTH}\.\s?\d{{1,2}}\.?(?!\d)|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}|"
    rf"{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}|{_OTHER_CALENDARS})"
)
# Month names of every language of data/cues.toml, read through `normalise` ("9 Οκτωβρίου 1950", "3 марта
# 1980"); Hungarian, Latvian and Lithuanian write the year first ("1980. március 3.", "1980. gada 3. martā",
# "1980 m. kovo 3"); Chinese,
# Japanese and Korean with year, month and day signs ("1980年3月3日", "1980년 3월 3일").
_LEXICON_MONTH = lexicon.pattern(lexicon.words("months", "months_case_forms"))
_LOCAL_DATE = (
    # "3 de marzo de 1980", "3 ta' Marzu 1980": a particle may stand on either side of the month.
    # "1er avril 1979": French writes the first of a month as an ordinal.
    # (text20) Catalan elides "de" before a vowel: "23 d'abril de 1973".
    rf"\d{{1,2}}(?:er|re)?\.?\s+(?:(?:de|ta'?)\s+|d['’])?(?:{_LOCAL_MONTH}|{_LEXICON_MONTH}|{_MONTH})\s+"
    rf"(?:(?:de|del)\s+|{_ERA})?(?:{_YEAR}|{_SHORT_YEAR})|"
    # Month first, as Filipino and English-influenced forms write it: "Marso 12, 1984".
    rf"(?:{_LEXICON_MONTH})\s+\d{{1,2}},?\s+{_YEAR}|"
    # Vietnamese: "12 tháng 3 năm 1984" (day, "month" and its number, "year" and its number).
    rf"\d{{1,2}}\s+th[áa]ng\s+\d{{1,2}},?\s+(?:n[ăa]m\s+)?{_YEAR}|"
    rf"\d{{1,2}}\.\s?\d{{1,2}}\.\s?{_YEAR}|"
    rf"{_YEAR}\.?\s+(?:(?:gada|m\.)\s+)?(?:\d{{1,2}}\.\s+{_LEXICON_MONTH}|{_LEXICON_MONTH}\s+\d{{1,2}})\.?(?!\d)|"
    # Hungarian, year first with its dots and spaces: "1978. 12. 04."
    rf"{_YEAR}\.\s\d{{1,2}}\.\s\d{{1,2}}\.(?!\d)|"
    rf"{_YEAR}\s?[年년]\s?\d{{1,2}}\s?[月월]\s?\d{{1,2}}\s?[日일]|{_ERA_DATE}|"
    # Japanese eras by their letters, as forms abbreviate them: "H3.3.14" (Heisei 3), "S63.4.5" (Showa 63).
    r"(?-i:[MTSHR])\d{1,2}[./]\d{1,2}[./]\d{1,2}(?!\d)"
)
# Birth cues of European languages: "geb.", "né le", "nata il", "nacido el", "geboren op", "ur.", "född";
# (text18) their words joined by "_" as keys write them ("data_urodzenia=", "fecha_de_nacimiento=").
_LOCAL_CUE = (
    r"geb\.|geboren(?:[\s_]+(?:am|op))?|geburtsdatum|n[ée]e?[\s_]+le|date[\s_]+(?:de[\s_]+)?naissance|nac(?:ido|ida)[\s_]+el|"
    r"fecha[\s_]+(?:de[\s_]+)?nacimiento|nat[oa][\s_]+il|data[\s_]+(?:di[\s_]+)?nascita|geboortedatum|ur\.|data[\s_]+urodzenia|"
    r"urodzon[ya]|nascid[oa][\s_]+em|data[\s_]+(?:de[\s_]+)?nascimento|f[öø]dd|f[øo]dt|f[öø]delsedatum|f[øo]dselsdato|"
    r"syntynyt|syntym[äa]aika|do[ğg]um[\s_]+tarihi|narozen[a]?|datum[\s_]+narozen[ií]|n[ăa]scut[ăa]?[\s_]+la|"
    r"data[\s_]+na[șs]terii|ro[đd]en[a]?|datum[\s_]+ro[đd]enja|sz[üu]letett|sz[üu]let[ée]si[\s_]+d[áa]tum|"
    r"s[üu]ndinud|s[üu]nniaeg|γεννήθηκε|ημερομηνία[\s_]+γέννησης"
)
# What follows a birth cue: a preposition ("geb. am", "født den", "ur. dnia"; in other languages one
# short word: "γεννήθηκε στις", "родился в", "rugadh ar"), then a date or a year.
_AFTER_CUE = (
    # (Hebrew joins its preposition to the date with a hyphen: "נולדה ב-12 במרץ 1984".)
    # (text18) "=" as a key=value pair writes it ("dob=1990-05-17&sign=taurus", an INI line), and the
    # markup that closes a label ("**DOB:** 12/03/1984", "\\textbf{Date of birth:} 14/03/1988")
    # (text18) and a calendar's name in brackets ("DOB (Persian calendar) 1366/12/24"), a particle joined to
    # the date in Japanese and Korean ("誕生日は令和6年4月2日")
    rf"\s*(?:\([^()\n]{{1,32}}\)\s*)?[:\-=]?\s*(?:[*_}}\]\"']{{1,3}}\s*)?"
    rf"(?:(?:am|le|il|el|op|em|on|den|dnia|la|o|[^\W\d_]{{1,5}})(?:\s+|-(?=\d))|[はがの은는이가]\s?)?"
    rf"(?:{_DATE}|{_LOCAL_DATE}|(?:in|το|в|у|v|w)\s+{_YEAR}\b)"
)
# A date of birth written compact right after its cue, as Nordic and Korean forms print it ("född
# 840312", "생년월일 840312", "DOB 19840312"): a month and a day that exist, nothing between.
_COMPACT = r"(?:19|20)?\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\d.,/])"
_AFTER_CUE = rf"(?:{_AFTER_CUE}|\s*[:\-=]?\s*{_COMPACT})"
_CUED_DATE = re.compile(
    # (text18) its words joined by "_" as a key writes them ("birth_date=", "date_of_birth = ")
    # ... and after a key's "_" ("customer_dob=", "KUNDE_GEBURTSDATUM=")
    # One look-behind before both lists of cues (not one per list): the engine tries every position, and
    # inside a word it stops there (21% fewer instructions a search on the European corpus's strings).
    rf"(?i)(?<![^\W_])(?:born(?:\s+on)?|date[\s_]+of[\s_]+birth|d\.?o\.?b\.?|birth[\s_]*date|birthday(?:\s+is)?|"
    rf"{_LOCAL_CUE})" + _AFTER_CUE
)
# After a noun that names the date of birth itself (data/cues.toml [birth_date]), words
# (up to four) may say whose it is and link it to its date ("data de nascimento do cliente: 09/11/1975",
# "geboortedatum van mijn dochter: 21-06-2015", "дата рождения мужа: 11.08.1974"); no digit and no end
# of a sentence between, and a date with its year in four digits.
_BETWEEN = r"(?:\s+[^\W\d_]{1,14}){1,4}\s*[:\-]?\s*"
_FULL_DATE = (
    rf"(?:\d{{1,2}}[./\-]\d{{1,2}}[./\-]{_YEAR}|{_YEAR}[./\-]\d{{1,2}}[./\-]\d{{1,2}}|"
    rf"\d{{1,2}}\.\s?\d{{1,2}}\.\s?{_YEAR}|"
    rf"\d{{1,2}}\.?\s+(?:de\s+)?(?:{_LOCAL_MONTH}|{_LEXICON_MONTH}|{_MONTH})\s+(?:de\s+)?{_YEAR})(?!\d)"
)
_NOUN_WORDS_DATE = lexicon.Cues("birth_date").then(f"(?i:{_BETWEEN}{_FULL_DATE})")
# (text17) A birthday that a verb says is a date: words (commas too) between the birthday and its verb
# ("my mum's birthday, which we celebrate every spring, is 12 March 1951", "el cumpleaños de mi hijo es
# el 2 de febrero de 2016"), a date with its year; not a party's or a sale's ("the birthday party is on").
_BIRTHDAY_IS = (
    r"(?i:(?P<between>(?:[\s,]+[^\W\d_][\w'\u2019-]{0,15}){0,7}?)[\s,]+"
    r"(?:is|was|ist|war|fällt\s+auf|es|era|cae|è|é|est|tombe|jest|był|je|är|er|on)"
    r"\s+(?:(?:am|der|den|dem|el|il|op|dia|no|le|la|on|the|de|dne|o)\s+)?" + _FULL_DATE + ")"
)
_BIRTHDAY_DATE = lexicon.Cues("birthday").then(_BIRTHDAY_IS)
_NOT_A_BIRTH = re.compile(
    r"(?i)\b(?:party|parties|sale|sales|event|celebration|dinner|feier|party|fête|soirée|fiesta|festa|feest|"
    r"impreza|promo\w*|aktion|angebot|offerta|oferta|offre|kalender|calendar)\b"
)


_PARTY_BEFORE = 16


def _a_birth_date(match: re.Match[str], text: Any) -> bool:
    """A birthday's date, unless a party, a sale or an event stands between them or names the birthday
    ("la fiesta de cumpleaños es el ...")."""
    between = match.groupdict().get("between") or ""
    before = text.value[max(0, match.start() - _PARTY_BEFORE) : match.start()]
    return (
        _NOT_A_BIRTH.search(between) is None
        and _NOT_A_BIRTH.search(before) is None
        and _someones_date(match, text)
    )


# The birth words of data/cues.toml, in every language and script ("γεννήθηκε", "родилась", "生年月日").
_LEXICON_CUED_DATE = lexicon.Cues("birth", "birth_first_person").then(f"(?i:{_AFTER_CUE})")
# (text18) A Hebrew date in letters, without a digit (day, month, year: "כ״ו באדר תשמ״ח"), after its cue.
_HEBREW_LETTERS_DATE = lexicon.Cues("birth", "birth_first_person").then(
    rf"\s*[:\-]?\s*[א-ת]{{1,2}}[\"״׳']?[א-ת]?\s+ב?{_HEBREW_MONTH_LETTERS}\s+ה?[א-ת]{{1,3}}[\"״׳'][א-ת]"
)
# A date of birth in words: after a birth cue, a month's name and then a year in words ("born on the
# twelfth of March, nineteen eighty-four", "nata il dodici marzo millenovecentottantaquattro", "родилась
# двенадцатого марта тысяча девятьсот ..."): the year's first words name the century in each language.
_EN_TENS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety)"
)
_EN_YEAR = (
    rf"nineteen[\s\-]+(?:hundred|o|oh|{_EN_TENS})|"
    rf"two\s+thousand(?:[\s\-]+and)?[\s\-]+(?:one|two|three|four|five|six|seven|eight|nine|{_EN_TENS})"
)
_YEAR_WORDS = _EN_YEAR + "|" + lexicon.pattern(
    (
        "neunzehnhundert*", "zweitausend*", "mil neuf cent*", "mille neuf cent*",
        "deux mille*", "mil novecientos*", "dos mil*", "mil novecentos*", "dois mil*", "millenovecento*",
        "duemila*", "negentien*", "tweeduizend*", "тысяча девятьсот*", "тысячи девятьсот*", "две тысячи*",
        "двухтысячн*", "тисяча дев'ятсот*", "двохтисячн*", "tysiąc dziewięćset*", "dwa tysiące*",
        "nittonhundra*", "tvåtusen*", "nittenhundre*", "nitten hundrede*", "totusind*", "totusen*",
    )
)  # fmt: skip
_IN_WORDS_TAIL = (
    rf"(?i:[^.!?;\n\d]{{0,48}}?(?<!\w)(?:{_MONTH}|{_LOCAL_MONTH}|{_LEXICON_MONTH})(?!\w)"
    rf"[^.!?;\n\d]{{0,16}}?(?:{_YEAR_WORDS}))"
)
_CUED_IN_WORDS = lexicon.Cues("birth", "birth_first_person").then(_IN_WORDS_TAIL)
_ANY_DATE = re.compile(rf"(?i)(?<![\w./\-]){_DATE}(?![\w])")
# A Chinese or Japanese date, then "born" after it ("昭和60年4月1日生まれ", "1985年4月1日出生").
_DATE_THEN_BORN = re.compile(
    rf"(?:{_ERA_DATE}|{_YEAR}\s?年\s?\d{{1,2}}\s?月\s?\d{{1,2}}\s?日)\s?(?:生まれ|生(?![産鮮地活命徒])|出生|に生まれ)|"
    # Korean: "1984년 3월 12일생" (born on).
    rf"{_YEAR}\s?년\s?\d{{1,2}}\s?월\s?\d{{1,2}}\s?일\s?생(?![산활방])"
)


# A date in words has no digit, and the birth-word fact is looked for only with one (`text_facts`): the
# birth words of every language, as a prefilter of their own.
_birth_words = any_word(
    tuple(
        sorted({form.lower() for form in as_written_and_read(lexicon.words("birth", "birth_first_person"))})
    )
)


def _born_after(text: Any) -> bool:
    # "生" and "생" alone are no birth words ("先生", a teacher; "학생", a student; "生産", production): the
    # date right before them is.
    value: str = text.value
    return "生" in value or "생" in value


# An age reached on a date: the date of birth less the years ("she turns 40 on 12 March 2024", "cumple
# 40 años el 12 de marzo", "il aura 37 ans le 4 juillet", "sie wird am 3. Mai 2025 35 Jahre alt").
_AGE_WORDS = r"(?:years?(?:\s+old)?|años|anni|ans|jahre(?:\s+alt)?|jaar|år|vuotta|lat|let|anos)"
_TURNS_ON = re.compile(
    rf"(?i)\b(?:turns?|turning|will\s+turn|cumple|cumplirá|compie|compirà|aura|fête\s+ses|fyller|"
    rf"täyttää|wordt|completa|skończy|kończy)\s+\d{{1,3}}(?:\s+{_AGE_WORDS})?,?\s+"
    rf"(?:on\s+|el\s+|le\s+|il\s+|op\s+|den\s+|em\s+|a\s+|no\s+)?(?:{_DATE}|{_LOCAL_DATE})|"
    rf"\bwird\s+am\s+(?:{_DATE}|{_LOCAL_DATE})\s+\d{{1,3}}\s+jahre?\s+alt"
)
# A shop's or a brand's anniversary is no one's birthday ("our store turns 10 on ...", "la marca cumple 25").
_ORGANISATIONS = (
    r"shop|store|brand|company|business|firm|marca|tienda|empresa|negocio|marque|magasin|boutique|entreprise|"
    r"maison|marchio|negozio|azienda|firma|marke|unternehmen|laden|geschäft|winkel|bedrijf|merk|butik|företag|"
    r"butikken|loja|sklep|marka|firmy"
)
_NOT_A_PERSON = re.compile(rf"(?i)\b(?:we|wir|nous|{_ORGANISATIONS})\b")
_NOT_A_PERSON_WINDOW = 32


def _age_of_a_person(match: re.Match[str], text: Any) -> bool:
    start = match.start()
    return _NOT_A_PERSON.search(text.value, max(0, start - _NOT_A_PERSON_WINDOW), start) is None


# A year alone ("born in 1986"), and the merchandise words that make it everyone's (data/cues.toml
# [birth_year_merchandise]).
_YEAR_AT_END = re.compile(rf"{_YEAR}$")
_MERCHANDISE = re.compile(lexicon.pattern(lexicon.words("birth_year_merchandise")))


# The subject right before a birth cue that is no one: an animal or an organisation ("the dog was born on
# 12 March 2024", "our puppy, born 01.02.2025", "the company was born on 5 May 1920"); not "we" ("we were
# born on ..." are people).
_NOT_BORN_A_PERSON = re.compile(
    r"(?i)\b(?:dog|puppy|pup|cat|kitten|horse|foal|pony|rabbit|pet|hund|welpe|katze|kätzchen|pferd|fohlen|"
    r"chien|chiot|chat|chaton|cheval|poulain|perro|perrito|cachorro|gato|gatito|caballo|potro|cane|cucciolo|"
    r"gatto|gattino|cavallo|puledro|hond|kat|paard|veulen|pies|szczeniak|kot|kociak|koń|źrebak|valp|katt|"
    r"kattunge|häst|føl|hvalp|собака|щенок|кошка|котёнок|котенок|лошадь|жеребёнок|"
    + _ORGANISATIONS
    + r")\b\W{0,3}(?:(?:was|is|were|ist|war|wurde|est|était|a été|fue|es|è|era|è stato|è stata|werd|"
    r"został|została|był|była|родилась|родился|född|født)\s+){0,2}$"
)


def _someones_date(match: re.Match[str], text: Any) -> bool:
    """A date after a birth cue, unless it is a year alone in birthday merchandise ("Vintage 1986, born in
    1986") or the one born is an animal or an organisation ("the dog was born on ...")."""
    start = match.start()
    if _NOT_BORN_A_PERSON.search(text.value, max(0, start - _NOT_A_PERSON_WINDOW), start) is not None:
        return False
    found = match.group()
    year = _YEAR_AT_END.search(found)
    alone = year is not None and not any(ch.isdigit() for ch in found[: year.start()])
    return not alone or _MERCHANDISE.search(text.value) is None


_TURN_WORDS = (
    "turns ", "turning ", "will turn", "cumple", "compie", "compirà", "aura", "fête ses", "fyller",
    "täyttää", "wordt", "completa", "skończy", "kończy", "wird am",
)  # fmt: skip
# Digits of other scripts read as ASCII ones, one for one (so positions stay): "١٤١٠/٠٣/١٢", "१५/०८/१९९०".
_NATIVE_DIGITS = {
    zero + i: str(i)
    for zero in (
        0x660,
        0x6F0,
        0x7C0,
        0x966,
        0x9E6,
        0xA66,
        0xAE6,
        0xB66,
        0xBE6,
        0xC66,
        0xCE6,
        0xD66,
        0xE50,
        0xED0,
        0x1040,
        0x17E0,
    )
    for i in range(10)
}


class _ReadDigits:
    """A matcher that reads the digits of other scripts as ASCII digits before its pattern."""

    def __init__(self, pattern: Matcher) -> None:
        self._pattern = pattern

    def finditer(self, text: str, /) -> Iterator[re.Match[str]]:
        """The pattern's matches in `text` with its digits read as ASCII."""
        return self._pattern.finditer(text if text.isascii() else text.translate(_NATIVE_DIGITS))

    def search(self, text: str, /) -> re.Match[str] | None:
        """The first match of `finditer`, or None."""
        return self._pattern.search(text if text.isascii() else text.translate(_NATIVE_DIGITS))


DETECTOR = PatternDetector(
    entity="DATE_OF_BIRTH",
    # A date can be as short as "1.2.85", without a digit run or a space; one in words has no digit.
    # (text19) a date in Chinese numerals has neither ("出生日期：一九八四年三月三日").
    needs=HAS_DIGIT | HAS_WORDS | HAS_NON_ASCII,
    rules=(
        # Every cue the pattern knows holds one of `BIRTH_WORDS`.
        PatternRule("dob.cue", _CUED_DATE, _someones_date, requires=HAS_BIRTH_WORD),
        PatternRule("dob.cue", _ReadDigits(_LEXICON_CUED_DATE), _someones_date, requires=HAS_BIRTH_WORD),
        PatternRule("dob.cue", _ReadDigits(_NOUN_WORDS_DATE), _someones_date, requires=HAS_BIRTH_WORD),
        PatternRule(
            "dob.birthday_is",
            _ReadDigits(_BIRTHDAY_DATE),
            _a_birth_date,
            when=any_word(
                tuple(sorted({form.lower() for form in as_written_and_read(lexicon.words("birthday"))}))
            ),
            requires=HAS_DIGIT,
        ),
        PatternRule("dob.in_words", _CUED_IN_WORDS, when=_birth_words, requires=HAS_WORDS),
        PatternRule(
            "dob.in_words",
            _HEBREW_LETTERS_DATE,
            when=any_word(tuple(sorted(_HEBREW_MONTHS))),
            requires=HAS_WORDS,
        ),
        PatternRule("dob.cue", _DATE_THEN_BORN, when=_born_after, requires=HAS_NON_ASCII | HAS_DIGIT),
        PatternRule(
            "dob.age_on_date",
            _TURNS_ON,
            _age_of_a_person,
            when=any_word(_TURN_WORDS),
            requires=HAS_WORDS | HAS_DIGIT,
        ),
        PatternRule("dob.birth_key", _ANY_DATE, context=DOB, requires=HAS_DIGIT),
        *dob_written.rules(),
        *dob_before.rules(),
    ),
)


def _birth_value(value: Any) -> bool:
    if isinstance(value, str):
        return any(ch.isalnum() for ch in value)
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int | float):
        return value != 0
    return isinstance(value, dict | list) and len(value) > 0


KEYED_RULES = (
    KeyedRule(
        "DATE_OF_BIRTH",
        "dob.key",
        keyset(
            "dob date_of_birth birth_date birthdate birthday bday born birth_day d_o_b customer_dob "
            "user_dob customer_birthday user_birthday geburtsdatum geboren geb geburtstag date_de_naissance "
            "date_naissance naissance ne_le fecha_nacimiento fecha_de_nacimiento nacimiento data_di_nascita "
            "data_nascita nascita data_nascimento data_de_nascimento geboortedatum geboren_op data_urodzenia "
            "urodzony fodelsedatum fodelsedato fodselsdato fodselsdag syntymaaika dogum_tarihi "
            "datum_narozeni "
            # ... and as forms and exports abbreviate them ("fecha_nac", "data_nasc", "geb_datum").
            "fecha_nac fec_nac f_nac fnac fecha_nac_cliente data_nasc dt_nasc dt_nascimento date_naiss "
            "dt_naiss date_de_naiss geb_datum gebdatum geb_dat data_ur data_urodz dat_nar datum_nar "
            "birth_dt dt_birth birthdt dob_date "
            "data_nasterii datum_rodjenja szuletesi_datum sunniaeg ημερομηνια_γεννησης дата_на_раждане "
            "дата_рождения дата_народження датум_рођења datum_narodenia datum_rojstva gimimo_data "
            "dzimsanas_datums data_breithe data_tat_twelid faedingardagur "
            # a date of birth in parts ("dob_day", "birth_year")
            "dob_day dob_month dob_year birth_month birth_year birthyear day_of_birth month_of_birth "
            "year_of_birth"
        ),
        _birth_value,
        # Anywhere in a key of a script without spaces: "お客様の生年月日", "顾客出生日期".
        fragments=key_fragments(
            "生年月日", "出生日期", "出生年月日", "생년월일", "تاريخ_الميلاد", "תאריך_לידה"
        ),
    ),
)
