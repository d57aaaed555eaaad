"""PERSON as the whole value of a field a shop fills with what a customer typed: an engraving, an
embroidery, a personalisation, a note or a field of the customer's or the recipient's own
(`{"engraving": "Kenneth Guerrero"}`, `{"customer_note": "Megan Sandoval"}`, `{"gravur": "Henrike
Sauerbrey"}`, `{"custom_text": "دانية حمامي"}`).

The key is read by its words (`customer_note`, `gift_recipient`, `engraving_line_1`), so it says less than
a name key does: the same fields hold catalogue copy ("Ocean Breeze", "Classic Tote", "Forever Yours",
"Best Teacher Ever"). The value must be a full name alone (person_owner.full_name's shape: two to five
capitalised words, no digit, no symbol, no company) and show it by a given name: in Latin, Greek or
Cyrillic letters no word an everyday word the lists know (data/word_names.txt, data/not_surnames.txt:
"Rose Gold", "Grace Blue") and one word a given name of the wider list or, in Latin letters, a surname of
telling shape; in a script without capitals, one word a given name as its letters read in Latin ones. A
key of a product, a font, a collection or a brand (`context.NOT_PERSON`) is never read here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from anyascii import anyascii

from gate.scanning.context import NOT_PERSON, KeyInfo, key_info
from gate.scanning.detectors.keyed_rule import KeyedRule, keyset
from gate.scanning.detectors.person_jersey import SHIRT_KEY_WORDS, SHIRT_KEYS, shirt_print
from gate.scanning.detectors.person_lists import (
    fold_name,
    gazetteer,
    names_scripts_set,
    occasion,
    world_names,
)
from gate.scanning.detectors.person_owner import PARTICLES, cased_script, full_name
from gate.scanning.detectors.person_patterns import NOT_FIRST_WORDS
from gate.scanning.detectors.person_scripts import ScriptNames

# The words of a key that make its value something a customer wrote or is: who they are or whom it is
# for, and the personalisation a shop engraves, embroiders or prints (accents folded, as keys are read).
_KEY_WORDS = frozenset(
    (
        # who
        "customer", "customers", "client", "buyer", "purchaser", "recipient", "recipients", "addressee",
        "consignee", "honoree", "kunde", "kundin", "empfaenger", "empfanger", "cliente", "clienta", "klant",
        "destinataire", "destinatario", "ontvanger", "odbiorca", "mottagare", "modtager", "mottaker",
        "vastaanottaja", "alici", "klient", "zakaznik", "kupac",
        # what is made for them
        "engraving", "engrave", "engraved", "gravur", "gravure", "grabado", "incisione", "gravacao",
        "gravacão", "gravering", "gravyr", "kaiverrus", "grawer", "grawerunek", "rytina", "gravirovanie",
        "graveering", "gravirozas", "gravura", "embroidery", "embroidered", "stickerei", "broderie",
        "bordado", "ricamo", "borduursel", "haft", "monogram", "monogramm", "inscription", "inschrift",
        "iscrizione", "inscripcion", "personalization", "personalisation", "personalized", "personalised",
        "personalisierung", "personnalisation", "personalizacion", "personalizzazione", "personalizacao",
        "personalizace", "personalizacja", "personalisering", "custom", "customization", "customisation",
        "dedication", "widmung", "dedicace", "dedicatoria", "dedica", "ukiran", "khac", "kazima",
    )
)  # fmt: skip
# ... and the free-text fields of an order or a card, where a customer writes a name alone as often as a
# sentence ("note", "line2", "備考", "ملاحظة"; names20): the words as written, normalised as keys are.
_FREE_TEXT_WORDS = (
    "note", "notes", "comment", "comments", "remark", "remarks", "memo", "message", "msg", "instructions",
    "instruction", "text", "line", "annotation", "bemerkung", "bemerkungen", "hinweis", "notiz",
    "nachricht", "kommentar", "zeile", "anmerkung", "commentaire", "remarque", "ligne", "texte",
    "observation", "observations", "nota", "notas", "comentario", "comentarios", "linea", "observacion",
    "observaciones", "mensaje", "texto", "observacao", "observacoes", "obs", "mensagem", "linha", "commento",
    "riga", "messaggio", "testo", "osservazioni", "opmerking", "opmerkingen", "regel", "bericht", "notitie",
    "tekst", "meddelande", "rad", "anteckning", "merknad", "melding", "besked", "linje", "bemaerkning",
    "viesti", "huomautus", "kommentti", "rivi", "teksti", "uwagi", "uwaga", "komentarz", "wiadomosc",
    "linia", "notatka", "poznamka", "zprava", "komentar", "radek", "sprava", "riadok", "megjegyzes",
    "uzenet", "szoveg", "mentiuni", "observatii", "mesaj", "comentariu", "napomena", "poruka", "redak",
    "opomba", "sporocilo", "vrstica", "pastaba", "pastabos", "zinute", "komentaras", "piezime", "komentars",
    "markus", "kommentaar", "sonum", "yorum", "metin", "satir", "notlar", "бележка", "коментар",
    "съобщение", "примечание", "комментарий", "сообщение", "строка", "текст", "заметка", "примітка",
    "повідомлення", "рядок", "σχόλιο", "σημείωση", "μήνυμα", "κείμενο", "備考", "メモ", "コメント",
    "メッセージ", "备注", "備註", "留言", "附言", "메모", "비고", "메시지", "요청사항", "ملاحظة", "ملاحظات",
    "تعليق", "رسالة", "הערה", "הערות", "הודעה", "یادداشت", "پیام", "टिप्पणी", "संदेश", "หมายเหตุ",
    "ข้อความ", "catatan", "pesan", "komentar", "შენიშვნა", "კომენტარი", "նշում", "ujumbe", "maoni",
    "mensahe", "paalala", "komento",
)  # fmt: skip
# Whole keys of several words that say the same ("ghi_chu", Vietnamese "note"; "special_instructions").
_FREE_TEXT_KEYS = ("ghi_chu", "ghichu", "loi_nhan", "tin_nhan", "loi_chuc", "special_instructions")
# ... unless another word makes the key a kind of customer or a property of one: {"customer_segment": "Gen
# Z"}, {"customer_tier": "Gold Member"}, {"client_city": "Santa Rosa"}.
_KIND_WORDS = frozenset(
    (
        "segment", "type", "group", "tier", "category", "class", "status", "level", "rating", "tag", "tags",
        "source", "channel", "language", "locale", "country", "city", "region", "state", "since", "font",
        "color", "colour", "size", "style", "position", "placement", "location", "price", "fee", "count",
    )
)  # fmt: skip
# Whole keys of the same kind that are no word of the list above.
_KEYS = frozenset(("name_on_card", "name_line", "name_text", "print_name", "name_to_print"))
# A line's number is no word of its key ("line2", "zeile_2", "riga2").
_LINE_NUMBER = re.compile(r"(?<=[^\W\d_])\d{1,2}$")
_MAX_CHARS = 60
_MIN_WORDS = 2
_MIN_LETTERS = 2


@dataclass(frozen=True, slots=True)
class WordKeyedRule(KeyedRule):
    """A keyed rule whose keys are read by their words (`words`), on keys that name no product."""

    words: frozenset[str] = field(default_factory=frozenset)

    def matches(self, key: KeyInfo) -> bool:
        """True if the key holds one of `words` (or is one of `keys`) and is no product's or brand's."""
        if key.flags & NOT_PERSON:
            return False
        if key.norm in self.keys or key.local in self.keys:
            return True
        return any(
            not self.words.isdisjoint(words) and _KIND_WORDS.isdisjoint(words)
            for words in (
                [_LINE_NUMBER.sub("", word) for word in key.norm.split("_")],
                [_LINE_NUMBER.sub("", word) for word in key.local.split("_")],
            )
        )


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], ScriptNames]:
    _, word_names, _, not_surnames = gazetteer()
    return world_names(), word_names, not_surnames, ScriptNames(world_names())


@cache
def _kin_caseless() -> frozenset[str]:
    """Kinship words of the scripts without capitals and "dear" in the Brahmic ones ("प्रिय" reads Priya):
    no word of a name alone on a line."""
    return names_scripts_set("titles_not_names", "gift_kin")


def _given(word: str, world: frozenset[str]) -> bool:
    """`word` (as written) is a given name of the wider list, each part of a double one too."""
    parts = fold_name(anyascii(word).lower().replace("'", "")).split("-")
    return all(part in world for part in parts)


def lone_name(value: object) -> bool:
    """`value` is a full name alone, shown by a given name (see the module docstring)."""
    if not isinstance(value, str) or len(value) > _MAX_CHARS or not full_name(value):
        return False
    world, word_names, not_surnames, scripts = _lists()
    words = [word for word in value.replace(",", " ").split() if word.lower() not in PARTICLES]
    if any(len(word) < _MIN_LETTERS for word in words):
        return False  # "Gen Z", "Plan B": a name's initial is written with its full stop
    folded = [fold_name(word.lower()) for word in words]
    if folded[0] in NOT_FIRST_WORDS or any(word in word_names or word in not_surnames for word in folded):
        return False  # "Per Sempre", "Grace Kelly Blue", "Ruby Red", "Jade Lotus"
    if not _kin_caseless().isdisjoint(words):
        return False  # "પ્રિય મમ્મી માટે", "प्रिय आमा", "ለምወዳት እናቴ": dear mother (names25)
    if occasion().search(value) is not None:
        return False  # a line of a card: "Feliz Navidad", "Buon Natale"
    # ... or, in Latin letters, a surname's telling shape ("Əkbərzadə", "Nwachukwu", "Geirröðsson").
    # ... or, in Arabic or Hebrew letters, a listed given name of theirs ("أريج الخازن").
    return any(_given(word, world) or scripts.native_given(word) for word in words) or any(
        scripts.latin_surname(fold_name(anyascii(word).lower())) for word in words if all(map(_latin, word))
    )


def free_text_name(value: object) -> bool:
    """`value`, under a free-text field (a note, a message, a line of a card), is a full name alone:
    `lone_name`, in a script with capitals or with a listed Arabic or Hebrew given name. (Such a field
    says less than an engraving's: a caseless text read through its Latin letters is too often a word,
    Korean "이사오" a Japanese "Isao".)"""
    if not lone_name(value):
        return False
    assert isinstance(value, str)
    return cased_script(value.lstrip()[0]) or any(_lists()[3].native_given(word) for word in value.split())


KEYED_RULES: tuple[KeyedRule, ...] = (
    WordKeyedRule("PERSON", "person.lone_name", _KEYS, lone_name, words=_KEY_WORDS),
    WordKeyedRule(
        "PERSON",
        "person.lone_name",
        frozenset(_FREE_TEXT_KEYS),
        free_text_name,
        words=frozenset(key_info(word).norm for word in _FREE_TEXT_WORDS),
    ),
    # a shirt's print under its key (since names21: person_jersey.py)
    WordKeyedRule(
        "PERSON",
        "person.jersey",
        keyset(" ".join(SHIRT_KEYS)),
        shirt_print,
        words=frozenset(key_info(word).norm for word in SHIRT_KEY_WORDS),
    ),
)


# An occasion after a possessive, as party supplies and cakes are ordered for one person: "Kenneth
# Guerrero's birthday banner", "Ruben Villanueva's quinceañera", "Tristan Holloway's bar mitzvah".
_OCCASION_AFTER = re.compile(
    r"(?:'s|’s|'|’)[ \t]+(?:(?:\d{1,3}(?:st|nd|rd|th)|first|big|surprise|little|sweet|milestone)[ \t]+)?"  # noqa: RUF001
    r"(?i:birthday|b-?day|bday|retirement|baby[ \t]shower|bridal[ \t]shower|wedding|graduation|anniversary|"
    r"christening|baptism|naming[ \t]ceremony|bar[ \t]mitzvah|bat[ \t]mitzvah|quincea[ñn]era|communion|"
    r"confirmation|engagement|housewarming|farewell|leaving[ \t]party|gender[ \t]reveal|"
    r"sweet[ \t]sixteen|hen[ \t]party|hen[ \t]do|stag[ \t]party|bachelorette|bachelor[ \t]party|memorial|"
    r"funeral|celebration[ \t]of[ \t]life|party)(?![\w])"
)
_IPA = 0x0250
_LATIN_ADDITIONAL = (0x1E00, 0x1EFF)
_RUN_MARKS = frozenset(".-'’")  # noqa: RUF001


def _latin(ch: str) -> bool:
    """`ch` is a Latin letter (with its accents, Vietnamese's too)."""
    code = ord(ch)
    return code < _IPA or _LATIN_ADDITIONAL[0] <= code <= _LATIN_ADDITIONAL[1]


def _run_word(word: str) -> bool:
    """`word` may be part of a name before a possessive: letters (and a Brahmic script's vowel signs),
    capitalised in a script with capitals, or a particle ("de", "van")."""
    if word in PARTICLES:
        return True
    if not word[0].isalpha() or not all(
        ch.isalpha() or ch in _RUN_MARKS or unicodedata.category(ch)[0] == "M" for ch in word
    ):
        return False
    return word[0].isupper() or not cased_script(word[0])


_MAX_RUN = 5


def possessive_name(value: str) -> bool:
    """A full name with a possessive and an occasion after it ("Kenneth Guerrero's birthday banner"):
    the words before the "'s" read as `person_owner.full_name` reads a value (a licensed character,
    "Mickey Mouse's birthday", is a brand of data/name_brands.txt there); in Latin letters one of them
    a given name of the wider list or a surname of telling shape, none an everyday word."""
    for match in _OCCASION_AFTER.finditer(value):
        words = value[: match.start()].split()
        run: list[str] = []
        while words and len(run) < _MAX_RUN and _run_word(words[-1]):
            run.insert(0, words.pop())
        while run and run[0].lower() in PARTICLES:
            run.pop(0)
        if len(run) < _MIN_WORDS:
            continue
        name = " ".join(run)
        if all(_latin(ch) for ch in name if ch.isalpha()):
            if lone_name(name):
                return True
        elif full_name(name):
            return True  # a script without capitals, or Greek, Cyrillic, Armenian: the cue says enough
    return False
