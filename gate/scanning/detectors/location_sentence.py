# ruff: noqa: RUF001 - delivery phrases in Greek, Cyrillic and Turkish, on purpose
"""LOCATION: an address inside a sentence of a note or a chat, after a phrase that asks to send
something there or says it is one's address (the addr26 round): "please send it to 4418 maple grove
lane, springfield, il 62704, thanks", "prosím pošlete na lipová 214/9, 280 02 kolín", "mon adresse
c'est 8 RUE VICTOR HUGO 33000 BORDEAUX", "schick es bitte bis freitag an amselweg 7a, 80995 münchen".

People type such a note in lower case, or the address in capitals, and the street rules read the
capitals of names; the lower-case rule (`location_lower`) reads a line of one case again capitalised,
but only around a street word it knows ("lipová", "ilica", "hlavná" have none) and only where the
whole line is of one case. After a delivery phrase the words that follow are where the parcel goes:
this rule reads the stretch after the phrase (to the line's end, at most `_REACH` characters)
capitalised, through the same address rules, so it still takes a street with its number, a postcode
and a town, or a street word: "ship to 50 countries" and "send it to a friend" are no address.

It costs nothing on most text: it runs only where the text holds the first word of a delivery phrase
(`_LEADS`, the cue-word prefilter the plan computes anyway) and a digit among words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gate.scanning import lexicon
from gate.scanning.detectors import location_lower, location_postcode
from gate.scanning.detectors.base import (
    HAS_CAPITALS,
    HAS_DIGIT,
    HAS_DIGIT_WORDS,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)

# A few words between a verb and its preposition: an object, "bitte", "bis freitag" ("schick es bitte
# bis freitag an", "send the print to").
_BETWEEN = r"(?:[\s\-]+[^\s\d,.;:!?\-]{1,12}){0,4}?"
# The delivery phrases, lower case, by language: a verb of sending (a stem with "*") and the
# prepositions after it (a few words may stand between), each phrase ending where the address starts.
_SEND: tuple[tuple[str, str], ...] = (
    ("send* ship* deliver* mail* post forward* courier", "to at"),  # English
    ("schick* send* liefer* versend* verschick*", "an"),  # German
    ("stuur* stur* opstur* verstuur* bezorg* lever*", "naar op aan"),  # Dutch
    ("envo* expédi* livr*", "à au aux chez"),  # French
    ("spedi* invia* invii mand* consegn*", "a al allo in presso"),  # Italian
    ("envía* envia* enví* mánda* manda* entreg* envie* enviem*", "a al en para pra na no em"),  # es, pt, ca
    ("wyśl* wysł* prześl* dostarcz*", "na do pod"),  # Polish
    ("pošl* pošal* doruč*", "na"),  # Czech, Slovak, Slovene, Croatian, Serbian
    ("trimit*", "la pe"),  # Romanian
    ("отправ* пошл* доставьт* надішл* відправ* изпрат* пошаљ* достав*", "на до по_адресу за_адресою"),
    ("στείλ* αποστολ* παράδοσ*", "στην στη στο στον σε"),  # Greek
    ("skicka send lever* sendið sendu saada saatke", "till til á mulle aadressile"),  # Nordic, Estonian
    ("sūt* siųs* pristat*", "uz į"),  # Latvian, Lithuanian
    ("kirim* antar*", "ke"),  # Indonesian
    ("gửi giao", "đến tới"),  # Vietnamese
    ("dërgo* dorëzim", "në"),  # Albanian
    ("seol cuir", "chuig"),  # Irish
    ("ibgħat*", "lil"),  # Maltese
)
# Verbs of sending in scripts without capitals, the address right after them (Hebrew joins its
# preposition to the next word: "שלח לרחוב הנביאים 3"), read by `_caseless_address`.
_SEND_ALONE = (
    "أرسل* ارسل* ابعت* إبعت* وصل* التوصيل الشحن عنواني بفرست* بفرستید ارسال آدرسم "
    "שלח שלחו תשלח* משלוח הכתובת भेज* भेजें पता পাঠা* ঠিকানা அனுப்ப* முகவரி "
    "გამომიგზავნ* გამოგზავნ* გაგზავნ* მისამართი* ուղարկ* հասցե*"
)
# Phrases that say what follows is one's address, or ask for it by a word of their own.
_MINE = (
    "my address is", "our address is", "my new address is", "the address is", "delivery address is",
    "meine adresse ist", "meine adresse lautet", "meine anschrift ist", "meine adresse", "meine anschrift",
    "mijn adres is", "mon adresse c'est", "mon adresse est", "mon adresse", "il mio indirizzo è",
    "mio indirizzo è", "il mio indirizzo", "mi dirección es", "mi domicilio es", "mi dirección",
    "a minha morada é", "minha morada é", "meu endereço é", "meu endereço", "la meva adreça és",
    "nire helbidea", "bidali", "bidal ezazu", "mo sheoladh", "l-indirizz tiegħi huwa", "l-indirizz tiegħi",
    "adresa ime është", "adresa ime", "heimilisfangið mitt er", "mój adres to", "mój adres",
    "moje adresa je", "moja adresa je", "moj naslov je", "moja adresa", "moje adresa", "dostava na",
    "adresa mea este", "adresa mea", "a címem", "címem", "küldjék", "küldd ide", "küldje",
    "мой адрес", "моя адреса", "моят адрес е", "моят адрес", "моја адреса је", "моја адреса",
    "доставка до", "доставка", "η διεύθυνσή μου είναι", "η διεύθυνσή μου", "gönderin", "adresim",
    "göndərin", "ünvanım", "çatdırılma", "min adress är", "min adresse er", "adressen min er",
    "osoitteeni on", "lähettäkää osoitteeseen", "lähetä osoitteeseen", "lähetä", "minu aadress on",
    "mana adrese ir", "mano adresas", "alamat saya adalah", "alamat saya",
    "địa chỉ của tôi là", "giao hàng tới", "giao hàng đến",
)  # fmt: skip


def _words(words: str) -> str:
    """The words (stems end in "*", "_" joins the words of one) as one alternation, longest first,
    each read as `normalise` leaves it."""
    ordered = sorted((word.replace("_", " ") for word in words.split()), key=len, reverse=True)
    return "(?:" + "|".join(lexicon.word_pattern(word) for word in ordered) + ")"


_PREPOSITIONS_ALONE = r"(?:\s+(?:إلى|على|به|من|שלי|है|கு))?"
_TAIL = r"[\s:,]*"
_KEY = 3


def _phrases() -> list[tuple[str, str]]:
    """Every phrase as (its first word or words, as written; its regex)."""
    out = []
    for verbs, after in _SEND:
        prepositions = _words(after)
        out += [(verb, rf"{lexicon.word_pattern(verb)}{_BETWEEN}\s+{prepositions}") for verb in verbs.split()]
    out += [(phrase, lexicon.word_pattern(phrase)) for phrase in _MINE]
    out += [(verb, lexicon.word_pattern(verb) + _PREPOSITIONS_ALONE) for verb in _SEND_ALONE.split()]
    return out


def _by_key() -> dict[str, re.Pattern[str]]:
    """The phrases by the first `_KEY` characters of their readings (lower case, after `normalise`):
    a phrase is tried only where a word starts with its key, and only that key's phrases (longest
    first: "mon adresse c'est" before "mon adresse")."""
    grouped: dict[str, list[str]] = {}
    for written, regex in _phrases():
        for reading in lexicon.readings(written.rstrip("*")):
            grouped.setdefault(reading[:_KEY], []).append(regex)
    return {
        key: re.compile("(?i:" + "|".join(sorted(set(regexes), key=len, reverse=True)) + ")" + _TAIL)
        for key, regexes in grouped.items()
    }


_PHRASES_BY_KEY = _by_key()
# Where a word starts: a letter with none before it.
_WORD_START = re.compile(r"(?<![^\W\d_])[^\W\d_]")


def _longest(phrase: str) -> str:
    return max(phrase.split(), key=len)


# The rule's prefilter, as the text's `cue_view` reads them: the verbs, and the longest word of each
# phrase of `_MINE` (its address noun: "the address is" waits for "address", not for "the").
_LEADS = tuple(
    sorted(
        {
            reading
            for word in " ".join([*(verbs for verbs, _ in _SEND), _SEND_ALONE]).split()
            + [_longest(phrase) for phrase in _MINE]
            for reading in lexicon.readings(word.rstrip("*"))
        }
    )
)
# The address after the phrase without commas between its parts, which the street rules ask for: a
# street's name and its number (a flat or floor after it), a postcode and a town ("plaça del sol 3
# 08012 barcelona", "cankarjeva 15 6000 koper", "husova 8 602 00 brno"), or the number first and a
# state's or region's code before the postcode ("915 w cedar st unit 12 boise id 83702"). The phrase
# before says where the parcel goes; without it these are a product's words and sizes.
_WORD = r"[^\W\d_][\w'’.\-]*"
_POSTCODE = r"(?:\d{3}\s\d{2}|\d{2}-\d{3}|\d{4,5}-\d{3}|\d{3,6}|[^\W\d_]{2}-?\d{4,5})(?!\w)"
_HOUSE = r"\d{1,4}[^\W\d_]?(?:\s?/\s?\d{1,4}[^\W\d_]?)?"
_PARTS = rf"(?:,?\s+(?:{_WORD}\.?\s*\d{{1,3}}[^\W\d_]?|{_WORD})){{0,3}}"
_NO_COMMAS = re.compile(
    rf"(?i:(?:{_WORD}\s+){{1,5}}?(?:(?:no|nr|n|č|br)[.:]?\s*)?{_HOUSE}{_PARTS},?\s+{_POSTCODE}\s+"
    rf"{location_postcode.UNIT}[^\W\d_]{{2}}"
    rf"|\d{{1,5}}[^\W\d_]?\s+(?:{_WORD}\s+){{1,6}}?(?:\d{{1,4}}[^\W\d_]?\s+)?(?:{_WORD}\s+){{1,3}}"
    rf"[^\W\d_]{{2}}\s+\d{{5}}(?!\w))"
)
# How far after the phrase the address is read: an address's line, not a whole message.
_REACH = 100
_MAX_PHRASES = 32
_MIN_LETTERS = 4


def _stretch(value: str, start: int) -> str:
    """The text after `start` to its line's end, at most `_REACH` characters, cut at a space."""
    line_end = value.find("\n", start)
    end = min(len(value) if line_end < 0 else line_end, start + _REACH)
    if end < len(value) and not value[end].isspace():
        space = value.rfind(" ", start, end)
        end = space if space > start else end
    return value[start:end]


# A house, street or block number in a script without capitals: digits not followed by a unit or a
# count word ("٣٠٠ مل", "3 חברים" are no address; the street rules' unit list, `location_postcode`).
_NUMBER = re.compile(r"(?<!\d)\d{1,5}(?!\d|[.,]\d)" + location_postcode.UNIT)
_MIN_WORDS = 2
# Letters of the scripts the street rules read capitalised: Latin (with Vietnamese's), Greek, Cyrillic.
_FIRST_OTHER, _LATIN_EXTENDED, _AFTER_GREEK_EXTENDED = 0x530, 0x1D00, 0x2000


def _other_script(char: str) -> bool:
    code = ord(char)
    return code >= _FIRST_OTHER and not _LATIN_EXTENDED <= code < _AFTER_GREEK_EXTENDED


def _caseless_address(stretch: str) -> bool:
    """True when `stretch`, after a delivery phrase, is written in a script the street rules do not
    read capitalised (Arabic, Persian, Hebrew, Indic, Georgian, Armenian: half of its letters or more,
    as `normalise` reads some of their letters as Latin look-alikes) and holds a house or street number
    among two words or more: the phrase says where the words go."""
    letters = [char for char in stretch if char.isalpha()]
    other = sum(1 for char in letters if _other_script(char))
    if not letters or 2 * other < len(letters):
        return False
    if _NUMBER.search(stretch) is None:
        return False
    return sum(1 for word in stretch.split() if not word[:1].isdigit() and len(word) > 1) >= _MIN_WORDS


_CUE_LED = frozenset(("location.cued_address", "location.cued_street", "location.labelled_address"))


class _AfterPhrase:
    """The matcher: the delivery phrases of a text; a match is the phrase's, the rule's validate
    (`read`) reads the stretch after it."""

    __slots__ = ("_inner",)

    def __init__(self, rules: tuple[PatternRule, ...]) -> None:
        # Not the rules led by a cue or a label of their own: the phrase is this rule's cue, and words
        # after it, capitalised, read as another ("envoyer à 3 Amis").
        rules = tuple(rule for rule in rules if rule.name not in _CUE_LED)
        self._inner = PatternDetector(entity="LOCATION", needs=HAS_DIGIT | HAS_CAPITALS, rules=rules)

    def finditer(self, text: str, /) -> Iterator[re.Match[str]]:
        """The delivery phrases in `text`: at each word's start, the phrases of its key
        (`_PHRASES_BY_KEY`), anchored there. One regex of all phrases, searched, tried every phrase at
        every position: 1.4 ms a prompt of 270 characters."""
        # (Turkish capital I with a dot lowers to two characters: an "i" keeps the offsets)
        lower = text.replace("\u0130", "I").lower()
        if len(lower) != len(text):
            lower = text  # (another capital whose small letter is longer: keys of capitals not found)
        by_key = _PHRASES_BY_KEY
        read: set[str] = set()
        for start in _WORD_START.finditer(lower):
            at = start.start()
            phrases = by_key.get(lower[at : at + _KEY])
            if phrases is not None:
                found = phrases.match(text, at)
                if found is None:
                    continue
                # A stretch read once is not read again, and a text's first `_MAX_PHRASES` are read:
                # a phrase repeated to the length limit cost a second a text (hostile_lengths).
                stretch = _stretch(text, found.end())
                if stretch in read:
                    continue
                if len(read) == _MAX_PHRASES:
                    return
                read.add(stretch)
                yield found

    def search(self, text: str, /) -> re.Match[str] | None:
        """The first delivery phrase in `text`."""
        return next(self.finditer(text), None)

    def read(self, match: re.Match[str], text: Text) -> bool:
        """True when the stretch after the phrase of `match`, capitalised as `location_lower` does,
        holds an address the inner rules find."""
        stretch = _stretch(text.value, match.end())
        if not any(char.isdigit() for char in stretch):
            return False
        if sum(char.isalpha() for char in stretch) < _MIN_LETTERS:
            return False
        if _NO_COMMAS.match(stretch) is not None or _caseless_address(stretch):
            return True
        inner = self._inner
        for reading in (
            location_lower.capitalised(stretch),
            location_lower.capitalised(stretch, to_street=True),
        ):
            if reading != stretch and inner.detect(Text(reading, text.flags)) is not None:
                return True
        return False


def rule(address_rules: tuple[PatternRule, ...]) -> PatternRule:
    """The reading of `address_rules` after a delivery phrase: run where a phrase's first word and a
    digit among words stand in the text."""
    matcher = _AfterPhrase(address_rules)
    return PatternRule(
        "location.after_delivery_phrase",
        matcher,
        matcher.read,
        when=any_word(_LEADS),
        requires=HAS_DIGIT_WORDS,
    )
