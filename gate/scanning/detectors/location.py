"""LOCATION: GPS coordinates and street addresses.

A decimal pair counts as coordinates when both halves are in range and precise (at least four decimals,
or two under a geo key / after a cue such as "gps"), so "7.5, 0.75" (CFG, denoise) does not.
Street addresses need a house number, at least one capitalised name word and a street suffix that is
not followed by another capitalised word ("40 Premium Road Running Shoes" is a product title).
"""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.context import GEO, NOT_NUMERIC
from gate.scanning.cue_led import CueLedPattern
from gate.scanning.detectors import (
    location_business,
    location_dwelling,
    location_east,
    location_keys,
    location_labelled,
    location_landmarks,
    location_latin,
    location_lockers,
    location_lower,
    location_not_streets,
    location_numberless,
    location_postcode,
    location_rural,
    location_sentence,
    location_states,
    location_world,
)
from gate.scanning.detectors.base import (
    HAS_CAPITALS,
    HAS_COMMA,
    HAS_DECIMALS,
    HAS_DEGREE,
    HAS_DIGIT,
    HAS_DIGIT_WORDS,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
    cue_before,
)

_MAX_LAT = 90.0
_MAX_LNG = 180.0
_PRECISE_DECIMALS = 4
# (redimg23) Within a degree of (0, 0) lies only the Gulf of Guinea's open sea: a pair of fractions there
# (a brush's pressure curve "0.413655,0.333333", a ratio, a normalised point) is a place only with a cue.
_OPEN_SEA = 1.0

_PAIR = re.compile(
    r"(?<![\w.\-])(?P<lat>-?\d{1,2}\.(?P<lat_dec>\d{2,10}))\s*[,;/ ]\s*"
    r"(?P<lng>-?\d{1,3}\.(?P<lng_dec>\d{2,10}))(?![\w.])"
)
# A pair whose halves carry their own labels, with whatever between them ("lat 48.8584, lon 2.2945",
# "latitude=48.85&longitude=2.29", "Breite: 48,8584 Länge: 2,2945", "緯度35.6812 経度139.7671"): the
# labels say coordinates, so two decimals are enough, with a decimal point or comma.
_LAT_LABELS = (
    "lat", "latitude", "breite", "breitengrad", "latitud", "latitudine", "breedte", "szerokość",
    "緯度", "纬度", "위도",
)  # fmt: skip
_LAT_WORDS = "|".join(_LAT_LABELS)
_LNG_WORDS = r"lng|lon|long|longitude|länge|längengrad|longitud|longitudine|lengte|długość|経度|经度|경도"
_LABELLED_PAIR = re.compile(
    rf"(?i)(?<![^\W\d_])(?:{_LAT_WORDS})\.?[ \t]*[:=]?[ \t]*"
    r"(?P<lat>[-+]?\d{1,2}[.,](?P<lat_dec>\d{2,10}))"
    rf"[^\d\n]{{0,8}}?(?<![^\W\d_])(?:{_LNG_WORDS})\.?[ \t]*[:=]?[ \t]*"
    r"(?P<lng>[-+]?\d{1,3}[.,](?P<lng_dec>\d{2,10}))(?!\d)"
)
_GEO_CUE = re.compile(
    r"(?i)\b(?:gps|geo|coordinates|coords|lat(?:itude)?|lon(?:gitude)?|located\s+at|location)\b"
)
# The hemispheres as languages mark them: N/S, E/W, "O" (Ost, Oeste, Ouest, Ovest), the Greek initials
# (read as Latin look-alikes after `normalise`), Russian "s. sh." and "v. d." (north, east) in Cyrillic.
_NORTH_SOUTH = r"(?:[NSB]|[\u0441c\u044e]\.?\s?\u0448\.?)"
_EAST_WEST = r"(?:[EWOA\u0394]\b|[\u0432\u0437]\.?\s?\u0434\.?)"
# Degrees, minutes and seconds; or decimal degrees with the degree sign and the hemisphere ("48.8566° N,
# 2.3522° E"), three decimals or more (a street's width, 100 m).
_DMS = re.compile(
    r"\d{1,2}°\s?\d{1,2}['\u2032]\s?(?:\d{1,2}(?:\.\d+)?[\"\u2033]\s?)?" + _NORTH_SOUTH + r"[,\s]{1,3}"
    r"\d{1,3}°\s?\d{1,2}['\u2032]\s?(?:\d{1,2}(?:\.\d+)?[\"\u2033]\s?)?"
    + _EAST_WEST
    + r"|\d{1,2}[.,]\d{3,8}°\s?"
    + _NORTH_SOUTH
    + r"[,;\s]{1,3}\d{1,3}[.,]\d{3,8}°\s?"
    + _EAST_WEST
)
_STREET_SUFFIXES = (
    "Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd", "Lane", "Ln", "Drive", "Dr", "Way",
    "Place", "Pl", "Parkway", "Pkwy", "Terrace", "Square", "Sq", "Highway", "Hwy", "Close", "Crescent",
    "Gardens", "Mews", "Row", "Walk",
    # (addr20) Australian, New Zealand, Irish and Canadian street words and their abbreviations
    "Cres", "Grove", "Ct", "Crt", "Pde", "Cct", "Esplanade",
    # (addr23's lower-case class, read capitalised) the Australian and Canadian court and trail
    "Court", "Trail",
)  # fmt: skip
_STREET_SUFFIX = "(?:" + "|".join(_STREET_SUFFIXES) + ")"
# A text holds one of the suffixes if it holds one of those that contain no other ("St" for "Street"):
# without one, `_STREET` is not searched in text outside ASCII (3-5 us a European prompt, where the engine
# reads two bytes a character; nine in ten with digits and capitals have none). In ASCII text the search,
# which skips ahead to digits, costs less than the two dozen substring tests.
_SUFFIX_NEEDLES = tuple(
    word
    for word in _STREET_SUFFIXES
    if not any(other != word and other in word for other in _STREET_SUFFIXES)
)


def _street_suffix(text: Text) -> bool:
    value = text.value
    if value.isascii():
        return True
    for needle in _SUFFIX_NEEDLES:  # noqa: SIM110 - a plain loop: faster than any() over a generator
        if needle in value:
            return True
    return False


# Starts with a single "\d" (not "\b", not "\d{1,6}"): only a pattern whose first item is one
# character class lets the regex engine skip ahead to digits. The word boundary is checked after.
_STREET = re.compile(
    r"\d\d{0,5}[A-Za-z]?,?\s+(?:(?:O'|Mc|Mac)?[A-Z][a-z]{1,20}\.?\s+){1,4}"
    + _STREET_SUFFIX
    + r"\b\.?(?!\s+[A-Z][a-z])"
)
# Continental style: the street name ends in a street word and the number follows.
_STRASSE = re.compile(
    r"\b[A-ZÄÖÜ][a-zäöüß]{2,30}(?:straße|strasse|str\.|weg|gasse|platz|allee|damm|ufer)"
    r"\s+\d{1,4}[a-z]?\b"
    # ... or an adjective of a town or a kind before the street word: "Berliner Str. 12", "Alte Gasse 3".
    r"|\b[A-ZÄÖÜ][a-zäöüß]{2,30}(?:er|e|es)\s+(?:Straße|Strasse|Str\.|Allee|Platz|Weg|Gasse|Damm|Ufer|"
    r"Chaussee|Landstraße|Steig)\s+\d{1,4}[a-z]?\b"
)
_STRASSE_WORDS = ("stra", "str.", "weg", "gasse", "platz", "allee", "damm", "ufer")
# Latin, Greek and Cyrillic capitals and small letters (see `lexicon.UPPER`).
_UP = lexicon.UPPER
_LOW = lexicon.LOWER
# The patterns below start with a character class or a literal, never a look-behind, so the regex engine
# can skip ahead to where a match may start; the word boundary is checked after (`_starts_word`).
# Street words of Southern and Eastern Europe, before the name: "Calle Mayor 5", "Via Roma 12", "ul. Długa
# 7", "Rua Augusta 44". The name starts with a capital (after "de", "di", "la"...) and a number follows.
_STREET_WORD = (
    r"(?:Calle|C/|Avda\.?|Av\.|Avenida|Paseo|Plaza|Pasaje|Ronda|Camino|Carrer|Travesía|Rue|rue|Avenue|avenue|"
    r"Boulevard|boulevard|Bd|Chemin|chemin|Allée|allée|Impasse|impasse|Place|place|Quai|quai|Via|Viale|"
    r"Piazza|Piazzale|Corso|Largo|Vicolo|Contrada|Rua|Travessa|Praça|Alameda|Estrada|ul\.|ulica|al\.|aleja|"
    r"os\.|pl\.|plac|Strada|Bulevardul|Calea|Șoseaua|Soseaua|Splaiul|Aleea|Drumul|Intrarea|Piața|Ulica|Odos|"
    # Every word a literal, none a character class: a regex that starts with these skips ahead to
    # their first letters.
    r"Οδός|Πλ\.|Λεωφ\.|Ulitsa|ulitsa|Prospekt|prospekt|Pereulok|pereulok)"
)
# A number followed by a unit or a count is a quantity, not a house number ("Via Veneto 2 piece set").
_NOT_QUANTITY = (
    r"(?!\s*(?:-?\s*(?:pieces?|pcs|pack|set|teilig|tlg|stück|pezzi|piezas|pièces|peças|sztuk|x\b|cm|mm|ml|l\b|"
    r"kg|g\b|%|in\b|inch|oz)))"
)
_ARTICLES = (
    r"(?:(?:de|del|de la|de las|de los|la|las|los|di|della|delle|dei|da|do|dos|das|du|des|le|les)\s+)*"
)
_SOUTHERN = re.compile(
    rf"{_STREET_WORD}\s+{_ARTICLES}[{_UP}][\w'.\-]*(?:\s+(?:{_ARTICLES}[{_UP}][\w'.\-]*|\d+\.)){{0,3}}?,?\s+"
    r"(?:Nr\.\s*)?\d{1,4}[a-zA-Z]?(?!\w)" + _NOT_QUANTITY
)
# French order: the number first ("34, rue Anaïs Étienne", "12 bis avenue Foch").
_NUMBER_FIRST = re.compile(
    rf"\d(?<![\w,.]\d)\d{{0,3}}(?:\s?(?:bis|ter))?,?\s+{_STREET_WORD}\s+{_ARTICLES}[{_UP}][{_LOW}]"
)
_STREET_WORDS = (
    "calle", "c/", "avd", "av.", "avenida", "paseo", "plaza", "pasaje", "ronda", "camino", "carrer", "traves",
    "rue",
    "avenue", "boulevard", "bd ", "chemin", "allée", "impasse", "place", "quai", "via", "piazza", "corso",
    "largo", "vicolo", "contrada", "rua", "praça", "alameda", "estrada", "ul.", "ulica", "al.", "aleja",
    "os.",
    "strada", "bulevardul", "calea", "drumul", "intrarea", "piața", "pl.", "plac", "șoseaua", "soseaua",
    "splaiul", "aleea", "οδός", "πλ.", "λεωφ.", "ulitsa", "prospekt", "pereulok",
)  # fmt: skip
# Street names written as one word with the street word at the end, then a number: Dutch, Nordic,
# Finnish, Hungarian, Turkish ("Keizersgracht 12", "Storgatan 5", "Næsbyholm Allé", "Mannerheimintie 3").
_COMPOUND = re.compile(
    rf"[{_UP}](?<![\w][{_UP}])[{_LOW}\-]{{2,30}}(?:straat|laan|weg|plein|gracht|kade|singel|steeg|dreef|"
    r"gatan|vägen|gata|gränd|torget|gade|vej|vænget|veien|vegen|gate|veg|tunet|plassen|stien|katu|tie|kuja|"
    r"polku|utca|sokak|sokağı|caddesi|bulvarı|ulice|cesta|trg|iela|gatvė|tänav|allé|vegur|stræti|braut|stígur)"  # noqa: RUF001
    r"\s+\d{1,4}[a-zA-Z]?(?!\w)" + _NOT_QUANTITY
)
_COMPOUND_WORDS = (
    "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "steeg", "dreef", "gata",
    "vägen", "gränd", "torget", "gade", "vej", "vænget", "veien", "vegen", "gate", "veg", "tunet", "plassen",
    "stien", "katu", "tie ", "kuja", "polku", "utca", "sokak", "sokağı", "caddesi",  # noqa: RUF001
    "bulvar", "ulice", "cesta",
    "trg", "iela", "gatvė", "tänav", "allé",
    # (addr17) Icelandic street words ("Laugavegur 28, 101 Reykjavík")
    "vegur", "stræti", "braut", "stígur",
)  # fmt: skip
# After a delivery or address cue, capitalised words and a house number are an address in any language.
_ADDRESS_CUE = (
    r"(?i:lieferung\s+an|versand\s+nach|adresse|anschrift|livraison\s+(?:au|à)|à\s+livrer|livrer\s+à|"
    r"enviar\s+(?:a|para)|direcci[óo]n|entrega\s+(?:en|em)|domicilio|spedire\s+a|indirizzo|consegna\s+(?:in|a)|"
    r"bezorgen\s+op|adres|verzenden\s+naar|wysyłka(?:\s+na\s+adres)?|dostawa|morada|leverans\s+till|"
    r"levering\s+til|toimitus\s+osoitteeseen|αποστολή\s+στη\s+διεύθυνση|διεύθυνση|teslimat\s+adresi|"
    r"doručit\s+na\s+adresu|livrare\s+la|dostava\s+na|szállítási\s+cím|tarne\s+aadressile|"
    r"deliver(?:ed)?\s+to|ship(?:ped)?\s+to|address|"
    # a delivery noun and a colon: "Lieferung:", "levering:", "consegna:", "dostawa:", "Delivery:"
    r"(?:lieferung|versand|livraison|env[íi]o|entrega|consegna|spedizione|bezorging|verzending|levering|"
    r"leverans|wysyłka|toimitus|teslimat|doručení|livrare|szállítás|tarne|delivery|shipping)(?=\s*:))"
)
# Street abbreviations written in lower case before the name: "ул. Ленина 5", "вул. Хрещатик 22"; and
# an article joined to it, as Maltese writes one ("Triq il-Kbira 12").
_LOWER_STREET = r"(?:(?:ул|вул|пр|просп|пер|пров|бул|пл|ул|οδ|λεωφ)\.\s*|(?:улица|вулиця|οδός)\s+)"
_AFTER_ADDRESS_CUE = (
    rf"\s*:?\s+(?:\d{{1,5}}[a-zA-Z]?,?\s+)?{_LOWER_STREET}?(?:[{_LOW}]{{1,3}}-)?[{_UP}][\w'.\-]*"
    rf"(?:,?\s+[\w'.\-/]+){{0,5}}?,?\s+\d{{1,4}}[a-zA-Z]?(?!\w)|\s*:?\s+\d{{1,5}}[a-zA-Z]?,?\s+[{_UP}][{_LOW}]"
)
_CUED_ADDRESS = re.compile(_ADDRESS_CUE + f"(?:{_AFTER_ADDRESS_CUE})")
# The street word after one to three capitalised name words, as a word of its own, then a number:
# Hungarian ("Andrássy út 60", "Váci utca 12", "Szent István körút 5"), Slovene and Croatian ("Slovenska
# cesta 5"), Czech, Latvian, Lithuanian, Estonian, Turkish ("İstiklal Caddesi 12") and Russian written
# in Latin letters ("Nevsky Prospekt 28", "Tverskaya ulitsa 7"). Not English ("Baker Street 221",
# "Abbey Road 2"): a name, a street word and a number after it are a product line there more often.
_NAME_THEN_STREET = re.compile(
    rf"[{_UP}](?<![\w][{_UP}])[{_LOW}\-]{{1,30}}(?:\s+[{_UP}][{_LOW}\-]{{1,30}}){{0,2}}\s+"
    r"(?i:út|utca|u\.|g\.|tér|körút|krt\.|köz|fasor|rakpart|ulica|cesta|ulice|třída|nábřeží|iela|gatvė|"
    r"prospektas|tänav|maantee|puiestee|caddesi|cad\.|sokak|sokağı|sk\.|bulvarı|prospekt|ulitsa|pereulok|"  # noqa: RUF001
    r"naberezhnaya|shosse|ploshchad|küçəsi|prospekti)\s+\d{1,4}[a-zA-Z]?(?!\w)" + _NOT_QUANTITY
)
_NAME_THEN_STREET_WORDS = (
    "út ", "utca", "u. ", "g. ", "tér ", "körút", "krt.", "köz ", "fasor", "rakpart", "ulica", "cesta",
    "ulice",
    "třída", "nábřeží", "iela", "gatvė", "prospekt", "tänav", "maantee", "puiestee", "caddesi", "cad.",
    "sokak", "sokağı", "sk.", "bulvarı", "ulitsa", "pereulok", "naberezhnaya", "shosse", "ploshchad",  # noqa: RUF001
    # (addr26) Azerbaijani street and avenue words ("Füzuli küçəsi 8", "Neftçilər prospekti 120")
    "küçəsi", "prospekti",
)  # fmt: skip
# After a delivery cue, a street word and a name need no house number: "livrare la Aleea Voinea",
# "enviar para Largo Camila Andrade, S/N".
# The words every phrase of `_ADDRESS_CUE` starts with, as `cue_led.lead_view` reads them
# (`CueLedPattern`): letters without case variants the regex engine folds otherwise (Greek alpha and
# delta, not sigma or pi).
_ADDRESS_CUE_LEADS = (
    "lieferung", "versand", "adres", "anschrift", "livraison", "à", "livrer", "env", "direcci", "entrega",
    "domicilio", "spedire", "indirizzo", "consegna", "bezorgen", "verzenden", "wysyłka", "dostawa", "morada",
    "leverans", "levering", "toimitus", "\u03b1", "\u03b4", "teslimat", "doruč", "livrare", "dostava",
    "szállítás", "tarne", "deliver", "ship", "address", "spedizione", "bezorging", "verzending",
)  # fmt: skip
_CUED_STREET = CueLedPattern(
    re.compile(_ADDRESS_CUE + rf"\s*:?\s+{_STREET_WORD}\s+{_ARTICLES}[{_UP}][{_LOW}]"), (), _ADDRESS_CUE_LEADS
)
_ADDRESS_CUE_WORDS = (
    "liefer", "versand", "adres", "anschrift", "livr", "enviar", "direcci", "entrega", "domicilio", "spedire",
    "indirizzo", "consegna", "bezorgen", "verzenden", "wysyłka", "dostaw", "morada", "leverans", "levering",
    "toimitus", "αποστολή", "διεύθυνση", "teslimat", "doručit", "livrare", "dostava", "szállítási", "tarne",
    "deliver", "ship", "address", "lieferung", "versand", "envío", "envio", "spedizione", "bezorging",
    "levering", "leverans", "toimitus", "teslimat", "doručení", "szállítás", "tarne", "verzending",
)  # fmt: skip
# The address words of data/cues.toml, in every language and script ("доставка по адресу", "οδός"); in
# scripts without capitals (Hebrew, Arabic, Chinese, Japanese, Korean), a run of their letters and a
# house or block number follow: "住所：東京都港区六本木1-2-3", "כתובת: רחוב הרצל 12".  # noqa: RUF003
_LEXICON_ADDRESS = lexicon.Cues("address").then(
    rf"(?:{_AFTER_ADDRESS_CUE}|\s*:?\s*[{lexicon.CASELESS}][{lexicon.CASELESS}\s\-'.,]{{1,40}}?\d)"
)
_US_STATE_ZIP = re.compile(r",\s*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\b")


_EUROPEAN_BRANCHES = (
    f"(?P<southern>{_SOUTHERN.pattern})|(?P<number_first>{_NUMBER_FIRST.pattern})|"
    f"(?P<compound>{_COMPOUND.pattern})|(?P<cued>CUED)|(?P<name_then_street>{_NAME_THEN_STREET.pattern})"
)
# The cued branch only where a cue phrase can start, the others searched alone (`CueLedPattern`).
_EUROPEAN = CueLedPattern(
    re.compile(_EUROPEAN_BRANCHES.replace("(?P<cued>CUED)", f"(?P<cued>{_CUED_ADDRESS.pattern})")),
    (_SOUTHERN, _NUMBER_FIRST, _COMPOUND, _NAME_THEN_STREET),
    _ADDRESS_CUE_LEADS,
)


# A street's name is also a product line's ("camiseta Calle Mayor, talla 40", "Via Roma 2024 collection",
# "Rue Royale 40 EDP", "bolso Plaza Mayor 3 colores"): the number after it is then a size, a year, an
# anniversary or a count. A street match is no address when a size or collection word stands inside
# it or right before it, when its number is followed by a count, unit or age word, or when the number
# is a year (no European street is numbered 1900-2099 where a shop would ship).
# Size and collection words, lower case, with and without their accents (a set: looked up per word).
_PRODUCT_WORD_LIST = """
    talla talle taglia taille größe grösse groesse grosse größen gr. size tamanho maat rozmiar velikost
    méret meret mărimea marimea mărime marime koko storlek størrelse storrelse
    colección coleccion collection collezione kollektion coleção colecao collectie kolekcja kolekce
    edición edicion edition édition edizione edição edicao ausgabe editie series serie série
    modelo modèle modele modello modell model línea linea ligne linie line
    limited limitada limitée limitee limitata vintage estilo stile style
    póster poster affiche lámina lamina druck print stampa cartel
    inspired inspirado inspirée inspiree inspiré ispirato ispirata
    setting settings gedeck couvert cubierto coperto
"""
_PRODUCT_WORDS = frozenset(_PRODUCT_WORD_LIST.split())
_WORD_EDGES = " ,;:()\"'«»“”„"
_COUNT_AFTER = re.compile(
    r"(?i)\s*-?\s*(?:a[ñn]os|anni|ans|jahre|jaar|lat|years?|yrs|aniversario|anniversario|anniversaire|"
    r"jubil[äa]um|anivers[áa]rio|stars?|sterne|[ée]toiles|estrellas|stelle|estrelas|gwiazdk\w*|colou?rs?|colores|colori|couleurs|farben|cores|kleuren|kolor[óo]w|"
    r"modelos|modelli|mod[eè]les|tallas|taglie|tailles|sizes|[ei]n\s?1|em\s?1|ml|cl|edp|edt|"
    r"parfum|eau|uds?|unidades|unit[àa]|unit[ée]s|units|st[üu]ck|pzs?|pcs|szt|piezas|pezzi|pi[èe]ces|"
    r"pe[çc]as|pack|set|teilig|tlg|eur|usd|gbp|chf|pln|z[łl]|k[čc]|mm|cm|kg|g|l|in|inch|oz|px"
    # (addr19) Arabic and Persian units: "مج شارع المعز ٣٥٠ مل", a mug of 350 ml
    r"|مل|ملم|سم|كغ|غ|جم|لتر|ملی|میلی|سانتی)(?!\w)"
    # A size ("81 x 182"), a decimal ("66,72 kg"), a code ("13-1497"; "429-502" is a Greek house
    # number), a thousands group ("195 783 €") or a currency sign: not a house number.
    # (A postcode of three and two digits and its town is no thousands group: "Björkvägen 4 852 31
    # Sundsvall", "Lipová 214/9 280 02 Kolín"; addr23.)
    r"|\s?[x\u00d7]\s?\d|[,.]\d|-\d{4}|\s\d{3}(?!\d)(?!\s\d{2}\s+[A-ZÀ-ÞΑ-ΩА-Я])|\s?[€$£¥]"
)
_YEAR_DIGITS = 4
_FIRST_YEAR, _LAST_YEAR = 1800, 2099  # (1800: a history's year, 'Váci utca 1896'; addr19)
_BEFORE_WINDOW = 24


def _house_number(span: str) -> str:
    """The digits a street match ends with ("40" of "Calle Mayor 40", "12" of "Via Roma 12b."), or ""."""
    tail = span.rstrip(". \t")
    if tail[-1:].isalpha():
        tail = tail[:-1]
    end = len(tail)
    while end and tail[end - 1].isdigit():
        end -= 1
    return tail[end:]


# Lower-case words a house number may follow ("Calle Mayor número 5", "Via Roma n. 12", "ул. Ленина, д. 5").
_NUMBER_WORD_LIST = """número numero núm núm. nº n° no no. n n. nr nr. nro nro. num num. civico bis ter
    д д. дом буд буд. č č. čp č.p. br br. hsz hsz."""
_NUMBER_WORDS = frozenset(_NUMBER_WORD_LIST.split())
_ARTICLE_WORD_LIST = "de del la las los di della delle dei da do dos das du des le les"
_ARTICLE_WORDS = frozenset(_ARTICLE_WORD_LIST.split())


def _not_a_street_name(word: str, span: str) -> bool:
    """A word in a phrase between a street's name and its number that says the number is something
    else: digits, a lower-case word that is no number word or article ("Calle Mayor, steps 30"), or a
    code in capitals in text that is not written in capitals ("Calle Mayor, RAL 9010")."""
    if not word or word.lower() in _NUMBER_WORDS:
        return False
    if not word.rstrip(".").isalpha():
        return True
    if word.islower():
        return word not in _ARTICLE_WORDS
    return word.isupper() and len(word) > 1 and not span.isupper()


def _not_a_product_line(match: re.Match[str], text: Text) -> bool:
    """False when the street of `match` is a product line's name by the words around its number (see
    `_PRODUCT_WORDS`); True otherwise. Set lookups and one anchored match: this runs for every street
    match, and the European corpus has one in every seventh record."""
    span = match.group()
    number = _house_number(span)
    if not number:
        return True  # a number-first or cued form: the words after the street word are read as they are
    if len(number) == _YEAR_DIGITS and _FIRST_YEAR <= int(number) <= _LAST_YEAR:
        return False
    words = span[: -len(number)].split() if span.endswith(number) else span.rsplit(number, 1)[0].split()
    lower = span.lower()
    if any(word.strip(_WORD_EDGES) in _PRODUCT_WORDS for word in lower.split()):
        return False
    # After a comma, a new phrase: only name words may stand there before the number ("Calle de
    # Alcalá, 42", "Strada Lipscani, nr. 18"; not "Calle Mayor, steps 30", "..., RAL 9010", "...,
    # Bestellnr. 29918181 677"). Without a comma, a lower-case word is the street word of languages
    # that write it after the name ("Vregova ulica 53", "Pécsi utca 147.").
    phrase = " ".join(words).partition(",")[2].split()
    if any(_not_a_street_name(word.strip(_WORD_EDGES), span) for word in phrase):
        return False
    start = match.start()
    # Right before the street word, in the same phrase ("colección Calle Mayor 40", "modèle « Rue
    # Royale » 40"; not "Calvin Klein style, Calle Mayor 40").
    before = text.value[max(0, start - _BEFORE_WINDOW) : start]
    if before[-1:].isspace() or before[-1:] in _WORD_EDGES:
        words = before.lower().rstrip(" \"'«“„").split()
        if words and words[-1] in _PRODUCT_WORDS:
            return False
    # (after the whole number: a cued match ends at its first digit, "شارع المعز ٣" of "٣٥٠ مل"; addr19)
    end, value = match.end(), text.value
    while end < len(value) and value[end].isdigit():
        end += 1
    return _COUNT_AFTER.match(value, end) is None


def _valid_european(match: re.Match[str], text: Text) -> bool:
    if match.group("southern") is not None:
        return _starts_word(match, text) and _not_a_product_line(match, text)
    if match.group("compound") is not None:
        return location_not_streets.compound_street(match) and _not_a_product_line(match, text)
    if match.group("name_then_street") is not None:
        return _starts_word(match, text) and _not_a_product_line(match, text)
    return _not_a_product_line(match, text)


def _starts_word(match: re.Match[str], text: Text) -> bool:
    start = match.start()
    return start == 0 or not text.value[start - 1].isalnum()


def _valid_pair(match: re.Match[str], text: Text) -> bool:
    if text.flags & NOT_NUMERIC:
        return False
    lat, lng = float(match.group("lat")), float(match.group("lng"))
    if abs(lat) > _MAX_LAT or abs(lng) > _MAX_LNG or (lat == 0 and lng == 0):
        return False
    cued = bool(text.flags & GEO) or cue_before(_GEO_CUE, text.value, match.start())
    if abs(lat) <= _OPEN_SEA and abs(lng) <= _OPEN_SEA:
        return cued
    precise = min(len(match.group("lat_dec")), len(match.group("lng_dec"))) >= _PRECISE_DECIMALS
    return precise or cued


def _valid_labelled(match: re.Match[str], text: Text) -> bool:
    lat = float(match.group("lat").replace(",", "."))
    lng = float(match.group("lng").replace(",", "."))
    return abs(lat) <= _MAX_LAT and abs(lng) <= _MAX_LNG and not (lat == 0 and lng == 0)


_ADDRESS_RULES = (
    PatternRule(
        "location.street",
        _STREET,
        location_not_streets.street_of_an_address(_starts_word),
        when=_street_suffix,
        requires=HAS_CAPITALS | HAS_DIGIT_WORDS,
    ),
    PatternRule(
        "location.strasse",
        _STRASSE,
        when=any_word(_STRASSE_WORDS),
        requires=HAS_CAPITALS | HAS_DIGIT_WORDS,
    ),
    PatternRule("location.us_zip", _US_STATE_ZIP, requires=HAS_COMMA | HAS_CAPITALS),
    # European street forms: one prefilter and one regex for the four patterns above.
    PatternRule(
        "location.street_europe",
        _EUROPEAN,
        _valid_european,
        when=any_word(_STREET_WORDS + _COMPOUND_WORDS + _ADDRESS_CUE_WORDS + _NAME_THEN_STREET_WORDS),
        requires=HAS_CAPITALS | HAS_DIGIT_WORDS,
    ),
    # (The cued pattern looks its cue words up itself: no prefilter.)
    PatternRule(
        "location.cued_address", _LEXICON_ADDRESS, _not_a_product_line, requires=HAS_CAPITALS | HAS_DIGIT
    ),
    PatternRule(
        "location.cued_street", _CUED_STREET, when=any_word(_ADDRESS_CUE_WORDS), requires=HAS_CAPITALS
    ),
    # Japanese, Chinese, Korean and Turkish address forms.
    *location_east.RULES,
    # ... and those of more countries (Arabic, Persian, Thai, Vietnamese, Indonesian, Latin American ...).
    *location_world.RULES,
    # ... and a street with its number, a postcode and a town, in any language (addr17).
    *location_postcode.RULES,
    # ... and a state's code and postcode after the town, US forces' addresses (addr19).
    *location_states.RULES,
    # ... and addresses without a house number, by the words of two parts (addr19).
    *location_numberless.RULES,
    # ... and Asian addresses written in Latin letters (addr19).
    *location_latin.RULES,
    # ... and any address after its label, by its shape (addr17).
    *location_labelled.RULES,
    # ... and a house or flat word and its number among an address's parts (addr17).
    *location_dwelling.RULES,
    # ... and rural addresses: farms, villages and their districts, a road's kilometre (addr20, addr24).
    *location_rural.RULES,
    # ... and directions by landmarks, beside a house's, a street's or a district's part (addr24).
    *location_landmarks.RULES,
    # ... and parcel lockers and pick-up points by their network's word and code (addr24).
    *location_lockers.RULES,
)

_CUSTOMERS_ONLY = tuple(location_business.customers_only(rule) for rule in _ADDRESS_RULES)

DETECTOR = PatternDetector(
    entity="LOCATION",
    # Each rule requires what it needs; "1.2345;4.5678" has neither a digit run nor a space. Only the
    # cued street ("livrare la Aleea Voinea") does without a digit.
    needs=HAS_DIGIT | HAS_CAPITALS,
    rules=(
        # `requires` names what each pattern cannot match without: two decimals for coordinates, an
        # upper-case letter and whitespace for street and city names (HAS_CAPITALS is HAS_WORDS with one).
        PatternRule("location.coordinates", _PAIR, _valid_pair, requires=HAS_DECIMALS),
        PatternRule(
            "location.labelled_coordinates", _LABELLED_PAIR, _valid_labelled, when=any_word(_LAT_LABELS)
        ),
        PatternRule("location.dms", _DMS, requires=HAS_DEGREE),
        # The address rules: an address right after a business's name and legal form is the business's
        # own, no customer's (a shop's footer: `location_business`).
        *(location_business.customers_only(rule) for rule in _ADDRESS_RULES),
        # ... and read again with capitals where a stretch of text has none, or only capitals (addr23).
        location_lower.rule(_CUSTOMERS_ONLY),
        # ... and read again capitalised after a delivery phrase in a sentence (addr26).
        location_sentence.rule(_CUSTOMERS_ONLY),
    ),
)

KEYED_RULES = location_keys.KEYED_RULES
