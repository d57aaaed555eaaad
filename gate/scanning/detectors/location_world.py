# ruff: noqa: RUF001, RUF002 - Arabic, Persian, Thai, Georgian, Cyrillic and Vietnamese text, on purpose
"""LOCATION: street addresses as more countries write them, each by the parts only an address has
together (a street word and a house or building number, a postcode and a town), never by one word:

- Arabic and Persian: a street word ("شارع", "خیابان", "کوچه"), words, then a building or plate word
  and its number ("مبنى ١٢", "پلاک ۱۲"), in any digits;
- Georgian: a name and a street word, then a number ("რუსთაველის გამზირი 12");
- Thai: a house number (with its "/": "123/45") before a road or lane word ("ถนน", "ซอย"), or a
  sub-district ("แขวง", "ตําบล") and a district word after it;
- Vietnamese: a number before "đường"/"phố" and a capitalised name ("Số 12 đường Lê Lợi");
- Indonesian and Malay: "Jl."/"Jalan" and a name, then "No." and a number;
- the Philippines: a block and a lot ("Blk 5 Lot 12");
- Cyrillic: a street abbreviation and a name, then a house word and its number ("вул. Хрещатик, буд. 22");
- Latin America: "C.P." and five digits (Mexico), a state's two capitals and a CEP ("SP, 01310-200");
- Central Europe and Greece: a name and a house number, then a postcode of 3 + 2 digits and a town
  ("Národní 15, 110 00 Praha 1"), or the town before it ("Ερμού 15, Αθήνα 105 63");
- a flat and a street number ("Flat 4B, 12 MG Road");
- Colombia: a street kind and number, then "#" or "No." and the house's two numbers ("Calle 45 # 23-18");
- Albania and Kosovo: "Rruga" and a name, then "Nr." and a number; "Pallati 12, Ap. 5";
- a post-office box and its number, in the words of 20 languages ("PO Box 1234", "Postfach 10 01 23",
  "Boîte postale 52", "Apartado de correos 123", "а/я 15", "私書箱 12", "ص.ب 1234"), not in a product's
  title ("Postbus 51 retro poster");
- forces' mail: "APO AE 09354", "BFPO 38" (addr24).
"""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.branches import GatedBranches
from gate.scanning.detectors.base import HAS_CAPITALS, HAS_DIGIT, HAS_DIGIT_WORDS, PatternRule, Text, any_word
from gate.scanning.normalise import normalise

_UP, _LOW = lexicon.UPPER, lexicon.LOWER
_ARABIC = "\u0620-\u064a\u066e-\u06d3\u06cc\u200c"
_THAI = "\u0e01-\u0e4e"
_GEORGIAN = "\u10d0-\u10ff"
_CYRILLIC_STREET = lexicon.pattern(
    ["вул.", "ул.", "просп.", "пров.", "пер.", "бул.", "пр.", "пл.", "ш.", "наб.", "мкр.", "туп."]
)
_CYRILLIC_HOUSE = lexicon.pattern(["будинок", "буд.", "дом", "буд", "д.", "корп."])
# Each branch names the parts it needs; the rules share one `GatedBranches` and one prefilter. With each
# branch go the substrings it cannot match without (one of each group), so a text is searched only with
# the branches it can hold: the alternation tried every branch at every position (50-60 us a prompt).
_ARABIC_STREET = ("شارع", "طريق", "خیابان", "کوچه", "بلوار", "میدان", "جاده")
_GEORGIAN_STREET = ("ქუჩა", "გამზირი", "შესახვევი", "ჩიხი", "მოედანი", "ხეივანი", "ქ.", "გამზ.")
_WORLD_ADDRESS = GatedBranches(
    (
        # Arabic and Persian: street word ... building or plate number
        (
            rf"(?:شارع|طريق|خیابان|کوچه|بلوار|میدان|جاده)\s+[{_ARABIC}\s،,]{{2,40}}?"
            r"(?:مبنى|بناية|عمارة|منزل|فيلا|پلاک|ساختمان|واحد)\s*[:.]?\s*\d{1,5}(?!\d)",
            (_ARABIC_STREET,),
        ),
        # (addr19) Algeria and the Maghreb write the number first: "16 شارع شاوي - عين الحجر", "13 بلدية
        # طحراوي - عنابة"; not after an Arabic word ("أكثر من 100 شارع", more than 100 streets)
        (
            rf"\d(?<![\w.,]\d)(?<![{_ARABIC}]\s\d)\d{{0,4}}\s+(?:شارع|طريق|نهج|زنقة|درب|حي|بلدية)\s+"
            rf"[{_ARABIC}]{{2,}}\s+[{_ARABIC}\-]",
            (("شارع", "طريق", "نهج", "زنقة", "درب", "حي", "بلدية"),),
        ),
        # (addr19) Argentina: a street word and a name, "N°" and the number, then the town's part
        # ("Calle 2 N° 81, Viedma 8500", "Av. Jujuy N° 375, San Salvador de Jujuy")
        (
            rf"\b(?:Calle|Av\.|Avenida|Diagonal)\s[^,\n]{{1,30}}?\sN[°º]\s?\d{{1,5}}"
            rf",\s[{_UP}]",
            (("N°", "Nº"),),
        ),
        # Georgian: name, street word, number
        (
            rf"[{_GEORGIAN}]{{2,30}}\s+(?:ქუჩა|გამზირი|შესახვევი|ჩიხი|მოედანი|ხეივანი|ქ\.|გამზ\.)\s*[,#№N]?\s*\d{{1,4}}(?!\d)",
            (_GEORGIAN_STREET,),
        ),
        # Thai: house number before a road or lane word; a sub-district and a district (their words as
        # `normalise` leaves them: NFKC writes Thai "ำ" as "ํา")
        (r"\d{1,4}(?:/\d{1,4})?\s+(?:ถนน|ถ\.|ซอย|ซ\.|หมู่ที่|หมู่)", (("ถนน", "ถ.", "ซอย", "ซ.", "หมู่"),)),
        (
            rf"(?:แขวง|ตําบล|ต\.)[{_THAI}]{{2,20}}\s+(?:เขต|อําเภอ|อ\.)[{_THAI}]{{2,20}}",
            (("แขวง", "ตําบล", "ต."), ("เขต", "อําเภอ", "อ.")),
        ),
        # Vietnamese: number, street word, capitalised name
        (
            rf"\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}})?\s+(?:đường|Đường|phố|Phố)\s+[{_UP}]",
            (("đường", "Đường", "phố", "Phố"),),
        ),
        # Indonesian and Malay: Jl./Jalan, a name, No. and a number
        (
            rf"(?:Jl|Jln|Jalan|Gg|Gang|Lorong|Lrg)\.?\s+[{_UP}][^,;\n]{{1,40}}?\s+No\.?\s?\d{{1,4}}(?!\d)",
            (("Jl", "Jalan", "Gg", "Gang", "Lorong", "Lrg"), ("No",)),
        ),
        # The Philippines: block and lot
        (r"\b(?:Blk|Block)\.?\s*\d{1,4}\s*,?\s*Lot\.?\s*\d{1,4}(?!\d)", (("Blk", "Block"), ("Lot",))),
        # Cyrillic: street abbreviation, name, house word and number (read through `normalise`, which writes
        # some Cyrillic letters as Latin look-alikes: "вyл.", "6yд."); every abbreviation ends in a dot
        (
            rf"{_CYRILLIC_STREET}\s*[{_UP}][{_LOW}'’\-]+(?:\s+[{_UP}][{_LOW}\-]+)?,?\s+"
            rf"{_CYRILLIC_HOUSE}\s*\d{{1,4}}",
            ((".",),),
        ),
        # Mexico: "C.P." and a postcode; Brazil: a state's capitals and a CEP
        (r"\bC\.\s?P\.\s?\d{5}(?!\d)", (("C.",), ("P.",))),
        (
            r"\b(?:AC|AL|AP|AM|BA|CE|DF|ES|GO|MA|MT|MS|MG|PA|PB|PR|PE|PI|RJ|RN|RS|RO|RR|SC|SP|SE|TO),?\s+"
            r"\d{5}-\d{3}(?!\d)",
            (("-",),),
        ),
        # Name and house number, then a postcode of 3 + 2 digits and a town; or the town, then the postcode
        (
            rf"[{_UP}][{_LOW}]{{2,30}}\s+\d{{1,4}}[a-z]?,\s+\d{{3}}\s\d{{2}}\s+[{_UP}][{_LOW}]{{2,}}",
            ((",",),),
        ),
        (
            rf"[{_UP}][{_LOW}]{{2,30}}\s+\d{{1,4}}[a-z]?,\s+[{_UP}][{_LOW}]{{2,30}}\s+\d{{3}}\s\d{{2}}(?!\d)",
            ((",",),),
        ),
        # A flat or unit, then a street number and a capitalised word
        (rf"\b(?:Flat|Apt\.)\s+\w{{1,5}},\s+\d{{1,5}}\s+[{_UP}]", (("Flat", "Apt."), (",",))),
        # Colombia: a street kind and its number, "#" or "No." and the house's two numbers ("Calle 45 #
        # 23-18", "Cra. 43A #1 Sur-100", "Carrera 7 No. 71-21")
        (
            r"\b(?:(?:Calle|Cl|Carrera|Cra|Kra|Cr|Kr|Transversal|Tv|Diagonal|Dg|Avenida|Av|Ak|Ac)"
            r"\.?\s*\d{1,3}\s?[A-Z]?"
            rf"|(?:Avenida|Av\.|Autopista)\s*[{_UP}][{_LOW}]{{2,20}}(?:\s[{_UP}][{_LOW}]{{2,20}})?)"
            r"(?:\s?[Bb]is)?(?:\s(?:Sur|Este|Norte|Oeste))?\s*(?:#|No\.?|N[°º]\.?|Nro\.?)\s*\d{1,3}\s?[A-Z]?"
            r"(?:\s(?:Sur|Este))?\s?-\s?\d{1,3}(?!\d)",
            (("#", "N"), ("-",)),
        ),
        # Albania and Kosovo: "Rruga"/"Rr." and a name, then "Nr." and the number ("Rr. Myslym Shyri, Nr.
        # 45"), or a building and a flat ("Pallati 12, Ap. 5")
        (
            rf"\b(?:Rruga|Rr\.?|Bulevardi|Blv\.|Sheshi)\s+(?:e\s+)?[{_UP}][^,;\n]{{1,40}}?,?\s+"
            r"(?:Nr|Numri)\.?\s*\d{1,4}",
            (("Rr", "Bulevardi", "Blv.", "Sheshi"), ("Nr", "Numri")),
        ),
        (r"\bPallati\s+\d{1,4}[A-Z]?,?\s+(?:Ap|Apartamenti|Shkalla|Sh)\.?\s*\d{1,4}", (("Pallati",),)),
    )
)
_WORDS = (
    "شارع", "طريق", "خیابان", "کوچه", "بلوار", "میدان", "جاده", "ქუჩა", "გამზირი", "შესახვევი", "ჩიხი",
    "მოედანი", "ხეივანი", "ქ.", "გამზ.", "ถนน", "ถ.", "ซอย", "ซ.", "หมู่", "แขวง", "ตําบล", "ต.", "đường",
    "phố", "jl.",
    "jl ", "jln", "jalan ", "gg.", "gang ", "lorong ", "lrg", "blk", "block ", "c.p.", "c. p.", "flat ",
    "apt.", "calle", "cl ", "cl.", "carrera", "cra", "kra", "cr ", "cr.", "kr ", "kr.", "transversal", "tv ",
    "tv.", "diagonal", "dg ", "dg.", "avenida", "av ", "av.", "ak ", "ak.", "ac ", "ac.", "rruga", "rr ",
    "rr.", "bulevardi", "blv.", "sheshi", "pallati", "autopista", "نهج", "زنقة", "درب", "حي",
    "بلدية",
)  # fmt: skip
# What has no word of its own: a postcode of 3 + 2 digits, a CEP (a regex that starts with a digit, so the
# engine skips ahead to one); and Cyrillic street abbreviations, whose letters may read as Latin ones after
# `normalise` (then `_WORDS` cannot find them): any text with a Cyrillic letter is read.
_WORDLESS = re.compile(r"\d(?:\d{2}\s\d{2}(?!\d)|\d{4}-\d{3}(?!\d))")
_has_word = any_word(_WORDS)


def _may_hold(text: Text) -> bool:
    return _has_word(text) or (not text.value.isascii() and _CYRILLIC_LETTER.search(text.value) is not None)


def _postcode(text: Text) -> bool:
    return _WORDLESS.search(text.value) is not None


_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")

# A post-office box: its name (as the detectors see it, `normalise`d: Cyrillic look-alikes are Latin
# letters there), then its number, digits grouped by spaces at most ("Postfach 10 01 23").
_POSTBOX_WORDS = tuple(
    normalise(word).lower()
    for word in (
        "po box", "p.o. box", "p. o. box", "p.o.box", "post office box", "postfach", "boîte postale",
        "boite postale", "apartado de correos", "apartado postal", "casilla de correo", "casella postale",
        "caixa postal", "postbus", "postboks", "postbox", "skrytka pocztowa", "postilokero",
        "poštovní schránka", "poštanski pretinac", "ταχυδρομική θυρίδα", "а/я", "абонентский ящик",
        "абонентська скринька",
        "私書箱", "邮政信箱", "사서함", "ص.ب", "صندوق بريد", "صندوق پستی", "posta kutusu",
        # (addr19) Chile, Iceland, Russian in Latin letters, Australia
        "casilla", "pósthólf", "a/ya", "locked bag",
        # (addr24) Serbian in both scripts, Armenian, South Africa's private bag, Canada's "C.P." with
        # its post office ("C.P. 2214, succ. Terminus": without "succ." a C.P. is Italy's or Mexico's
        # postcode, or anything's code)
        "поштански фах", "poštanski fah", "փոստարկղ", "private bag",
        # (addr17) Kenya and Tanzania's Swahili box, "S.L.P. 12345-00100" (its postcode after the dash)
        "s.l.p.",
    )
)  # fmt: skip
# Taiwan and China number the box before its word ("台北郵政 12-345 號信箱").
_BOX_AFTER_NUMBER = ("號信箱", "号信箱")
_POSTBOX = re.compile(
    r"(?<![\w])(?i:"
    + "|".join(
        re.escape(word).replace(r"\ ", r"\s*") for word in sorted(set(_POSTBOX_WORDS), key=len, reverse=True)
    )
    + r")\s*(?i:n[o°º]\.?|nr\.?|#|:)?\s*X?\d{1,6}(?:\s\d{2,3}){0,2}(?!\d)"
    + r"|(?<![\w.])C\.\s?P\.\s?\d{1,6},?\s+(?i:succ\.|succursale|stn\b|station\b)"
    + r"|\d(?<!\d\d)\d{0,5}(?:-\d{1,6})?\s?[號号]信箱"
    # West and Central Africa's "BP 15230, Dakar-Fann": a town and nothing after it but the line's end
    # or a comma (a postcode after it is `location_states`' form; "BP 120, Pulse 80" is a blood pressure)
    + r"|(?<![\w.])B\.?\s?P\.?\s\d{2,6},?\s+[A-ZÀ-Ý][a-zà-ÿ]{2,}(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?=\s*(?:$|[,.\n]))"
)
# A box word and a number in a product's title ("Locked Bag 19: a thriller poster", "Postbus 51 retro
# poster"): a word of these after the number, in the same phrase, says the box is a title's.
_TITLE_WORDS = frozenset((
    "poster", "print", "prints", "retro", "vintage", "thriller", "novel", "roman", "film", "movie", "album",
    "book", "edition", "collection", "sticker", "decal", "mug", "tote", "shirt", "t-shirt", "series",
    "season", "episode", "tome", "volume", "vol.", "remix",
))  # fmt: skip
_PHRASE_END = re.compile(r"[,;\n()]")


def _not_a_title(match: re.Match[str], text: Text) -> bool:
    """False when the words after the box's number, up to the phrase's end, name a product's title."""
    rest = text.value[match.end() : match.end() + 48]
    end = _PHRASE_END.search(rest)
    words = (rest[: end.start()] if end else rest).lower().replace(":", " ").split()
    return not any(word in _TITLE_WORDS for word in words)


# Forces' mail ("APO AE 09354", "FPO AP 96616-2876", "BFPO 38"): the post office's name and number
# are a serving person's address without a street or a comma (the states' rule wants one).
_FORCES = re.compile(r"(?<![\w])(?:[ADF]PO\s(?:AA|AE|AP)\s\d{5}(?:-\d{4})?|BFPO\s?\d{1,4})(?!\d)")

RULES = (
    PatternRule(
        "location.postbox",
        _POSTBOX,
        _not_a_title,
        when=any_word((*_POSTBOX_WORDS, "c.p.", "c. p.", "bp ", "b.p.", *_BOX_AFTER_NUMBER)),
        requires=HAS_DIGIT,
    ),
    PatternRule(
        "location.forces_mail", _FORCES, when=any_word(("apo ", "fpo ", "dpo ", "bfpo")), requires=HAS_DIGIT
    ),
    PatternRule("location.address_world", _WORLD_ADDRESS, when=_may_hold, requires=HAS_DIGIT_WORDS),
    # The postcode forms need a digit run and a capitalised word (`HAS_DIGIT_WORDS`: digits among words).
    PatternRule(
        "location.address_world", _WORLD_ADDRESS, when=_postcode, requires=HAS_CAPITALS | HAS_DIGIT_WORDS
    ),
)
