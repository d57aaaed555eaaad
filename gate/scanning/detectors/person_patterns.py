"""The shapes and cue phrases the free-text PERSON rules (person.py) read: a capitalised name, pairs of
them in capitals or lower case, honorifics, strong cues ("gift for", "Kunde:", "portrait of"), engraving
words, relations ("my wife"), "named", and the style references that name an artist, not a customer."""

from __future__ import annotations

import re
import string

from gate.scanning.detectors.base import any_word, cue_before
from gate.scanning.detectors.person_keyed import CAPITALS

# Small letters of the Latin and Greek scripts Europe writes names in (the capitals: person_keyed.py).
UP = CAPITALS
LOW = "a-zß-öø-ÿĀ-žșțά-ώƠ-ư\u1e00-\u1effƏə"
NAME = rf"(?:Mc|Mac|O'|D')?[{UP}][{LOW}]{{1,24}}(?:-[{UP}][{LOW}]{{1,24}})?"
NAME_SHAPE = re.compile(NAME)
# Particles a run of capitalised words goes on over when a word follows them ("Johann Wolfgang von Goethe").
_RUN_PARTICLES = frozenset(
    ("von", "van", "de", "da", "di", "del", "der", "la", "le", "du", "dos", "das", "zu")
)


def in_run(value: str, word: re.Match[str]) -> bool:
    """The word matched after a run of capitalised words goes on with it: a capitalised word, or a particle
    a word follows ("Johann Wolfgang von Goethe", "Oscar de la Renta")."""
    text = word.group().lstrip()
    return text[0].isupper() or (text in _RUN_PARTICLES and value[word.end() : word.end() + 1] == " ")


# Two capitalised words in a row; starts with a character class, so the scan stays in C.
PAIR_START = re.compile(
    rf"[{UP}][{LOW}]{{1,20}}(?:-[{UP}][{LOW}]{{1,20}})?[ \t]{{1,3}}(?=(?:Mc|Mac|O'|D')?[{UP}][{LOW}])"
)
# Two words in capitals, overlapping ("DLA AGNIESZKI NOWAK" is tried as "AGNIESZKI NOWAK" too).
CAPS_PAIRS = re.compile(rf"([{UP}](?<![\w][{UP}])[{UP}]{{1,19}})[ \t]+(?=([{UP}]{{2,25}})(?![\w]))")
CAPS_WORD = re.compile(rf"[{UP}]{{2,25}}")
# ASCII bytes by class for `may_hold_caps_pair`: a capital "A", a space or a tab " ", anything else ".".
_CAPS_CLASSES = bytes(
    ord("A") if 65 <= byte <= 90 else ord(" ") if byte in (9, 32) else ord(".") for byte in range(256)
)


def may_hold_caps_pair(value: str) -> bool:
    """False when `CAPS_PAIRS` finds nothing in `value` for certain: ASCII text (whose only capitals of
    `UP` are A-Z) without a capital before a space or tab and two capitals after one, in one translate and
    two `in` tests (personfast26: the search scans every character at a character class of 28 ranges,
    16 thousand instructions a mixed-case European text: 316 of the 362 ASCII ones asked about have none)."""
    if not value.isascii():
        return True
    classes = value.encode().translate(_CAPS_CLASSES)
    # (find, not `in`: bytes' `in` first tries its operand as an integer, and formats and clears a
    # TypeError before it searches: ~1,800 instructions a test, setupfast26.)
    return classes.find(b"A ") >= 0 and classes.find(b" AA") >= 0


# The second word is a look-ahead, so pairs overlap: "für greta baeten" is tried as "greta baeten" too.
LOWER_PAIR = re.compile(rf"([{LOW}](?<![\w][{LOW}])[{LOW}]{{1,19}})[ \t]+(?=([{LOW}]{{2,25}})(?![\w]))")
# Honorifics of European languages, then a capitalised name: "Frau Müller", "Mme Dubois", "Sr. Pérez".
HONORIFIC = re.compile(
    r"(?<![\w.])(?:Herrn?|Frau|Hr\.|Fr\.|Dr\.|Prof\.|M\.|Mme|Mlle|Madame|Monsieur|[Ss]r\.|[Ss]ra\.|[Ss]rta\.|"
    r"[Dd]oña|[Ss]ig\.(?:ra)?|[Ss]ignor[ae]?|[Dd]ott\.(?:ssa)?|[Dd]hr\.|[Mm]evr\.|[Mm]evrouw|[Mm]eneer|[Pp]an|"
    r"[Pp]ani|Mr\.?|Mrs\.?|Ms\.?|"
    r"Miss|Fru|Hr|Herra|Rouva|Bay|Bayan|Bpk\.|[Pp]aní|Dl\.|Dna\.|gđa|κ\.|κα|"
    # Since names14: the Nordic titles as written in the middle of a sentence ("Tak hr. Christiansen",
    # "gave til fru Holm", "fröken Bergqvist"), a Dutch teacher ("juf Verschuuren"), Romanian, Afrikaans,
    # Maltese and Albanian titles, and ranks before a surname ("Sgt. Pettigrew", "Rev. Nwachukwu"; not
    # "Lt." and "Capt.": "Lt. Grey" is a colour, "Capt. Morgan" a rum; nor an hour's "24 hr. Service").
    r"fru|(?<!\d[ \t])hr\.|[Ff]röken|[Ff]rk\.|[Jj]uf|[Dd]oamna|[Dd]oamnei|[Dd]omnul|[Mm]ev\.|"
    r"[Ss]injura|[Ss]injur|[Zz]onja|[Zz]onjën|[Zz]onjës|Sgt\.|Cpl\.|Rev\.)[ \t]+"
    rf"(?P<name>{NAME})"
)
HONORIFIC_WORDS = (
    "herr ", "frau ", "hr.", "fr.", "dr.", "prof.", "m. ", "mme", "mlle", "madame", "monsieur", "sr.", "sra.",
    "srta.", "doña", "sig.", "signor", "dott.", "dhr.", "mevr.", "mevrouw", "meneer", "pan ", "pani ", "mr ",
    "mr.", "mrs", "ms ", "ms.", "miss ", "fru ", "hr ", "herra", "rouva", "bay ", "bayan", "paní", "dl.",
    "dna.", "gđa", "κ.", "κα ", "bpk.", "fru ", "fröken", "frk.", "juf ", "doamn", "domnul", "mev.", "sinjur",
    "zonj", "sgt.", "cpl.", "rev.",
)  # fmt: skip
# Words after which a name is the customer's in the languages of European shops: "gift for", "Kunde:",
# "Porträt von". A capitalised pair after one counts even when the first name is in no list.
STRONG_CUE_BODY = (
    r"(?i:\b(?:gift|presente?|geschenk|cadeau|regalo|prezent|present|gave|lahja|hediye|dárek|cadou|poklon|"
    r"ajándék|kingitus|δώρο)\s*(?:for|für|pour|para|per|voor|dla|till|til|pro|pentru|za|για)?\s*:?|"  # noqa: RUF001
    r"\b(?:customer|kunde|client|cliente|klant|klient|kund|asiakas|müşteri|zákazník|kupac|vevő|πελάτης|"
    r"empfänger|destinataire|destinatario|recipient)\s*:|"
    r"\b(?:portrait|porträt|retrato|ritratto|portret|foto|photo|bild)\s+(?:of|von|de|di|van|du|del|da)\b|"
    # A photographer's credit, as cameras and agencies write it into a photo's comment or caption.
    r"\b(?:photo(?:graphed)?|foto(?:grafiert|grafiado|grafato|grafeerd)?|photographi[ée]e?)\s+"
    r"(?:by|von|par|por|da|door|av)\b|\b(?:photographer|fotograf|photographe|fot[óo]grafo|fotograaf)\s*:|"
    r"\bportret\b|\bwidmung\s+an\b|\bdedicated\s+to\b|"
    # A personalisation field's name label, opening the text or a part of it, words of what it is printed
    # on allowed before its colon or dash: "Name auf dem Brett: ...", "Nombre para la taza: ...", "Baby
    # name - ...". ("Product name:", "file name:" open nothing: a name of a thing.)
    # (`normalise` has written every dash as a hyphen.)
    r"(?:^|(?<=[,;|(\n])|\b(?:first|full|baby|child'?s|kid'?s|given|your)\s)[ \t]*"
    r"(?:name|nombre|nome|naam|namn|navn|prénom|prenom|vorname|imię|imie|jméno)\b"
    r"[^:\n\-]{0,24}?[ \t]*[:\-])"
)
STRONG_CUE = re.compile(STRONG_CUE_BODY + r"\s*$")
# Surnames with a particle, after a strong cue: "klant: Lauren de Roos", "Kunde: Ursula von der Leyen".
PARTICLES = (
    r"(?:de|da|del|della|di|do|dos|das|du|des|la|le|los|las|van|von|der|den|ter|te|zu|af|y|e|bin|binti|al|el|"
    r"dela|delos|ibn|bint|ben|ap|'t|\u2019t)"
)
CUED_PARTICLE_NAME = re.compile(
    STRONG_CUE_BODY + rf"\s*(?P<name>{NAME}(?:\s+{PARTICLES}){{1,3}}\s+{NAME})(?![\w])"
)
# What ends a label word as a regex's `\b` reads it in ASCII text: a space, a tab or punctuation.
_WORD_ENDS = " \t" + string.punctuation.replace("_", "")
_LABEL_WORDS = ("name", "nombre", "nome", "naam", "namn", "navn", "imie")
STRONG_CUE_WORDS = (
    "gift", "present", "geschenk", "cadeau", "regalo", "prezent", "gave", "lahja", "hediye", "dárek", "cadou",
    "poklon", "ajándék", "kingitus", "δώρο", "portr", "customer", "kunde", "client", "klant", "klient",
    "kund", "asiakas", "müşteri", "zákazník", "kupac", "vevő", "πελάτης", "empfänger", "destinat",
    "recipient", "retrato", "ritratto", "foto ", "photo ", "bild ", "fotogra", "photogra", "fotógra",
    "widmung", "dedicated",
    "prénom", "prenom", "vorname", "imię", "jméno",
    # since names17: a personalisation field's name label with the character after it (a substring test:
    # "named", "time", "economy" would make every text with them a cued one, 11% of PERSON's time): every
    # character that ends the word, as STRONG_CUE's `\b` reads it ("Name-Anna Kowalczyk", "Name, bitte:
    # ...", "nombre (en la taza): ...": a space or colon only, until the twenty-sixth session)
    *(word + end for word in _LABEL_WORDS for end in _WORD_ENDS),
)  # fmt: skip
# What is engraved on a product is often a name ("engraving anna kowalska", "Gravur: jan kowalski"), but
# so is a pattern ("engraving Floral Pattern"): a cue only for a lower-case pair whose first word is a
# given name, not for any capitalised pair as the strong cues above.
ENGRAVING_CUE = re.compile(
    r"(?i:\b(?:engrav(?:ing|ed|e)|gravur|gravure|grabado|incisione|grawer(?:unek|ka)?|grava[çc][ãa]o|"
    r"inscription|inscripci[óo]n)\s*(?:with|mit|avec|con|com|z)?\s*:?\s*(?:to|for|für|an|pour|para|per|dla)?\s*$)"
)
ENGRAVING_WORDS = ("engrav", "gravur", "grabado", "incisione", "grawer", "grava", "inscrip")
has_engraving_word = any_word(ENGRAVING_WORDS)
# The "for" of a strong cue and an article are no given name of a lower-case pair after it ("present till
# mamma": "Till" is a German name, "per la festa": "Per" a Swedish one; gender-guesser lists "The").
NOT_FIRST_WORDS = frozenset(
    (
        "for", "für", "fur", "pour", "para", "per", "voor", "dla", "till", "til", "pro", "pentru", "za", "to",
        "the", "a", "an", "my", "our", "your", "der", "die", "das", "la", "le", "el", "il", "lo", "los",
        # ... nor a pronoun or a "for" spelled without its umlaut, as ids write it ("gift-for-her-candles",
        # "geschenk-fuer-papa": read as "Gift For Her Candles").
        "her", "him", "them", "you", "me", "us", "fuer",
        # ... nor a possessive of another language ("gave til min mor": to my mother, read as the Korean
        # given name Min). Not "mi", "ma", "mia", "mina", "mine", "su", "son": given names or surnames
        # of their own ("Mia", "Ma", "Mina", "Mine", "Su", "Son").
        "min", "mit", "mitt", "din", "sin", "mein", "meine", "meinem", "meinen", "meiner",
        "mijn", "mon", "mes", "mój", "moja", "moje", "mio", "meu", "minha",
        # ... nor the words of a message after a name label ("Name tag: Hello My Name Is")
        "hello", "hi", "hey", "happy", "merry", "welcome",
    )
)  # fmt: skip
# Lower-case text is read for names only after one of these.
has_lower_cue_word = any_word(STRONG_CUE_WORDS + ENGRAVING_WORDS)
has_honorific_word = any_word(HONORIFIC_WORDS)
has_strong_cue_word = any_word(STRONG_CUE_WORDS)
# Both lists in one search: most text has neither, and is done with one regex search.
has_person_cue_word = any_word(HONORIFIC_WORDS + STRONG_CUE_WORDS)
RELATION_WORDS = ("my ",)
NAMED_WORDS = ("named", "called", "name is", "i am", "i'm")
has_relation_word = any_word(RELATION_WORDS)
has_named_word = any_word(NAMED_WORDS)
RELATION = re.compile(
    r"(?i:\bmy\s+(?:wife|husband|son|daughter|mother|father|mom|mum|dad|sister|brother|girlfriend|"
    r"boyfriend|fianc[eé]e?|partner|friend|boss|colleague|grandmother|grandfather|grandma|grandpa|"
    rf"aunt|uncle|niece|nephew|cousin|baby|kid|child|neighbou?r)\s+)(?P<name>{NAME})"
)
# Weaker cues: "a style called Boho" is not a person, so the name must be a known given name.
NAMED = re.compile(rf"(?i:\b(?:my\s+name\s+is|i\s+am|i'm|named|called)\s+)(?P<name>{NAME})")
PORTRAIT_CUE = re.compile(
    r"(?i)\b(?:portrait|photo|photograph|picture|image|headshot|selfie|painting|drawing|sketch|"
    r"caricature)\s+of\s+(?:(?:my|our|a|the)\s+\w+\s+)?$"
)
# "by Alphonse Mucha and Greg Rutkowski": a style cue may precede a short list of names.
STYLE_BEFORE = re.compile(
    # ("owned by", "signed by", "sent by" name an owner or a sender, not a style: cues.toml [person_before])
    r"\b(?i:(?<!owned\s)(?<!signed\s)(?<!sent\s)(?<!given\s)(?<!loved\s)by|style\s+of|styled\s+after|"
    r"inspired\s+by|after|artists?|art\s+by)\s+"
    r"(?:[A-Z][\w'\-]*\s*(?:,|and|&)?\s+){0,4}$"
)
# ... or a word after it that names a look borrowed from an artist ("Wes Anderson palette", "Annie Leibovitz
# lighting").
STYLE_AFTER = re.compile(
    r"(?i)(?:'s)?[\s\-]*(?:style|inspired|aesthetic|art\b|painting|artwork|palette|colou?r\s+(?:grad|palette)|"
    r"lighting|cinematography|composition)"
)


# A possessive or a case ending after an apostrophe ends a name as a space does: "Emily Watson's cake",
# Turkish and Azerbaijani "Mehmet Öztürk'e", "Ayşe Kaya'nin" (only proper nouns take one so).
_SUFFIX_AFTER_APOSTROPHE = re.compile(
    "['\u2019][a-z\u00e7\u011f\u0131\u00f6\u015f\u00fc\u0259]{1,4}(?![\\w'\u2019])"
)


def standalone(value: str, start: int, end: int) -> bool:
    """The pair is not part of longer tokens ("iPhone Case", "Jane2 Doe"); a quotation mark around it is
    no letter ("mug with 'World's Best Dad - Tom Hargreaves'")."""
    before = value[start - 1] if start else " "
    before_ok = not (before.isalnum() or before in "'_") or (before == "'" and quote_at(value, start - 1))
    after_ok = (
        end == len(value)
        or not (value[end].isalnum() or value[end] in "'_")
        or (value[end] == "'" and _SUFFIX_AFTER_APOSTROPHE.match(value, end) is not None)
        or (value[end] == "'" and quote_at(value, end))
    )
    return before_ok and after_ok


def quote_at(value: str, index: int) -> bool:
    """The apostrophe at `index` opens or closes a quotation: no letter on its other side."""
    return (index == 0 or not value[index - 1].isalnum()) or (
        index + 1 == len(value) or not value[index + 1].isalnum()
    )


# "Copyright (C) 2011 by Francesco Riosa", "© 2020 by ...": the holder of a copyright, not a style.
_COPYRIGHT_BY = re.compile(
    r"(?i)(?:copyright|\(c\)|©|urheberrecht|droits d'auteur)[\s\d,\-\u2013()c]{0,16}by\s+\S*$"
)


def style_reference(value: str, start: int, end: int) -> bool:
    """A public artist's name borrowed as a style ("by Greg Rutkowski", "Wes Anderson palette"), unless
    the "by" names a copyright's holder (a camera's or an agency's caption: redimg13)."""
    if _COPYRIGHT_BY.search(value, max(0, start - 40), start + 1) is not None:
        return False
    return cue_before(STYLE_BEFORE, value, start, window=64) or bool(STYLE_AFTER.match(value, end))


# How far back a word before a name is looked for (a brand's run of capitalised words, person.py `_brand`).
_WORD_BEFORE_WINDOW = 30


def word_before(value: str, end: int) -> int | None:
    """Where the word that ends, with spaces or tabs after it, right at `end` starts (within
    `_WORD_BEFORE_WINDOW` characters), or None: what `re.search(r"[\\w'.\\-]+[ \\t]+$")` finds in that
    window, without a regex tried at each of its positions."""
    low = max(0, end - _WORD_BEFORE_WINDOW)
    i = end
    while i > low and value[i - 1] in " \t":
        i -= 1
    if i in (end, low):
        return None
    j = i
    while j > low and (value[j - 1].isalnum() or value[j - 1] in "_'.-"):
        j -= 1
    return None if j == i else j


# A street named after a person ("rue Isaac Muller", "Alameda de Roberta López", "Intrarea Teodor Stoica")
# or a house number before the name ("11634 Benedict Brooks"): an address's words, for the rules that read
# a pair by its surname alone.
STREET_BEFORE = re.compile(
    r"(?:(?i:\b(?:calle|avda\.?|avenida|paseo|plaza|pasaje|ronda|camino|carrer|travesía|glorieta|"
    r"urbanización|acceso|rue|avenue|boulevard|bd|chemin|allée|impasse|place|quai|via|viale|piazza|"
    r"piazzale|corso|largo|vicolo|contrada|rua|travessa|praça|alameda|estrada|ul\.|ulica|al\.|aleja|"
    r"os\.|pl\.|plac|strada|bulevardul|calea|șoseaua|soseaua|splaiul|aleea|drumul|intrarea|piața|"
    r"ulitsa|prospekt|pereulok|street|road|lane|drive|straße|strasse|allee|οδός)\s+"
    r"(?:(?:de|del|de la|de las|de los|la|las|los|di|della|da|do|dos|das|du|des|le|les)\s+)*)|\d[ \t]+)$"
)
_STREET_WINDOW = 24


def street_before(value: str, start: int) -> bool:
    """A street word (and its articles) or a house number ends right at `start`."""
    return STREET_BEFORE.search(value, max(0, start - _STREET_WINDOW), start) is not None


# A particle between two capitalised words is an Irish name wherever it stands ("do Shíle Ní
# Bhriain", "Seán Ó Briain"): "Mac" is left out ("Apple Mac Pro").
# (Read only in text beyond ASCII: the particles with an accent, or the names around "Nic", "Mhic".)
GAELIC_NAME = re.compile(
    rf"[{UP}][{LOW}]{{1,20}}[ \t]+(?:Ní|Nic|Ó|Uí|Mhic)[ \t]+[{UP}][{LOW}]{{2,20}}(?![\w])"
)
# (One bit of the shared `cue_words` pass, in lower case: a superset of the capitalised particles.)
has_gaelic_particle = any_word((" ní ", " nic ", " ó ", " uí ", " mhic "))


# How far before a pair its strong cue or engraving word is looked for.
_CUE_WINDOW = 40
# A part of every word of `STRONG_CUE`'s alternatives, as `cue_fold` reads it: every match holds one in
# the characters it consumes, so a window without any holds no match (personfast26: 43 of 46 windows of
# the European corpus, each a search of the alternation at 40 positions, 158 thousand instructions).
# ASCII letters where the word has them ("dárek": "rek", "müşteri": "teri"); of the Greek words the letters
# a case-insensitive regex reads as no other ("δώρο": "δώ", not its rho, which also matches U+03F1).
_STRONG_CUE_PARTS = (
    "gift", "present", "geschenk", "cadeau", "regalo", "prezent", "gave", "lahja", "hediye", "rek", "cadou",
    "poklon", "aj", "kingitus", "δώ", "customer", "kund", "client", "klant", "klient", "asiakas", "teri",
    "kazn", "kupac", "vev", "λάτη", "empf", "destinat", "recipient", "portr", "retrato", "ritratto", "fot",
    "photo", "bild", "widmung", "dedicated", "nam", "nom", "naam", "navn", "imi", "jm",
)  # fmt: skip
# ... and of `ENGRAVING_CUE`'s ("gravur", "grava[çc][ãa]o", "inscripci[óo]n").
_ENGRAVING_PARTS = ("grav", "grabado", "incisione", "grawer", "inscri")


def cue_fold(window: str) -> str:
    """`window` lower-cased as a case-insensitive regex reads its letters: one character for one (the
    capital I with a dot as "i", not "i" and a combining dot), dotless i and long s as "i" and "s" (the
    letters beyond the Kelvin sign it reads as an ASCII one; the tests check every character)."""
    if window.isascii():
        return window.lower()
    return window.replace("\u0130", "i").lower().replace("\u0131", "i").replace("\u017f", "s")


def _holds_part(folded: str, parts: tuple[str, ...]) -> bool:
    for part in parts:  # noqa: SIM110 - a plain loop: compiled, no generator object per call
        if part in folded:
            return True
    return False


def lower_cue_before(value: str, start: int) -> bool:
    """A strong cue or an engraving word right before a lower-case pair."""
    window = max(0, start - _CUE_WINDOW)
    folded = cue_fold(value[window:start])
    return (
        _holds_part(folded, _STRONG_CUE_PARTS) and STRONG_CUE.search(value, window, start) is not None
    ) or (_holds_part(folded, _ENGRAVING_PARTS) and ENGRAVING_CUE.search(value, window, start) is not None)


def after_cue(value: str, start: int) -> bool:
    """A strong cue within 40 characters before `start` (a window holding none of its words' parts holds
    none: `_STRONG_CUE_PARTS`)."""
    window = max(0, start - _CUE_WINDOW)
    return (
        _holds_part(cue_fold(value[window:start]), _STRONG_CUE_PARTS)
        and STRONG_CUE.search(value, window, start) is not None
    )
