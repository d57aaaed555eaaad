# ruff: noqa: RUF001 - labels and names in many scripts, on purpose
"""PERSON in a slot that says a name follows (since names18), even when no list holds the name: a gift
tag's sender and recipient ("from: Auntie Marguerite, to: Cosmo", "od: babcia Halina, dla: Antoś"), a
guest list, a seating or place card, a roster ("Gästeliste: Tisch 2 — Annegret Vollmer, Torsten
Kühnapfel"), a name-only personalisation field ("Prénom à broder : Anouchka"), and the words of an order, a
review or a death notice a person follows ("commandé par Aurélien Castagnède", "Abschied von Gerlinde
Obermüller", "مرحوم غلامرضا حسینی‌پور").

The slots are cues.toml's [person_slot] (a label, then a colon) and [person_slot_by] (the name right
after). What follows is read in items (split at commas, semicolons, "&"), each bounded: one to four words
of a name's shape, after an optional "for" ([person_slot_for], read past) and kinship word or title
([person_slot_kin]), up to punctuation or a word in lower case. One word is a name when it is a given
name of the shipped list (or in a case form: "Pro Vojtěcha"), of the wider list written beyond ASCII, or
after a kinship word ("Oma Irmgard"); more words when the last is a surname by list or shape, or the
words are written beyond ASCII, after a given name or a surname's shape. The wider list alone holds
"price", "london", "ivory", so the clean side stays clean: "Engraving: Best Dad Ever", "Name: Classic
Tote", "from: Mum & Dad", "to: My Little Princess", "bride: Ivory Lace Gown", "ordered by Price Low to
High", "bestellt von Montag bis Freitag". In a script without capitals (Arabic, Hebrew, Brahmic, Thai
...) a list needs two items or more ("guest list: empty template" is two words of one item), a single
slot a kinship word, a cue of [person_slot_by] ("المرحوم") or a listed given name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gate.scanning import lexicon
from gate.scanning.detectors.base import Text, any_word
from gate.scanning.detectors.person_captions import CaptionNames
from gate.scanning.detectors.person_lists import fold_name, occasion
from gate.scanning.detectors.person_scripts import ScriptNames

# (Up to two words may stand between the label and its colon: "Gästeliste Hochzeit:", "place card
# calligraphy:", "annuaire de promo 2026 :".)
_SLOT = lexicon.Cues("person_slot").then(r"(?:[ \t]+[\w'\-]{1,16}){0,2}[ \t]*[:=：][ \t]*")
_BY_CUES = lexicon.Cues("person_slot_by")
# (A colon may follow the words when they head a packing slip's field: "Pedido por: Joaquín Villaseñor",
# "Besteld door: Sjoerd van der Meulen", names25.)
_BY = _BY_CUES.then(r"(?:[ \t]*[:：፡՝])?[ \t]+")
# (Its words are long enough for the `cue_words` prefilter: one bit of the text's cue bits says whether
# one may be in it; the test pins that it has one.)
_BY_BIT = _BY_CUES.word_bit
# The abbreviations that address a letter or a parcel to a person (names20): "c/o", "attn.", "z. Hd.",
# "t.a.v.", "a/c de", "A/A", "alla c.a. di" (too short for the cue-word prefilter: read where the lower-cased
# text holds one of `_ATTN_KEYS`).
_ATTN = re.compile(
    r"(?<![\w/.])(?:c/o|a/c(?:[ \t]+de)?|a/a|attn\.?:?|z\.[ \t]?hd\.?|t\.[ \t]?a\.[ \t]?v\.?"
    r"|(?:alla[ \t]+)?c\.a\.(?:[ \t]+di)?|att:)[ \t]+(?:(?:Herrn|Herr|Frau|Sra\.|Sr\.|Mme|M\.)[ \t]+)?",
    re.IGNORECASE,
)
# (What one of them must hold, looked for in the text's `cue_view` before the regex is run: one bit of
# the shared `cue_words` pass, where nine substring tests of every text cost 0.4% of the European corpus.)
_ATTN_KEYS = ("c/o", "a/c", "a/a", "attn", "hd.", "t.a", "t. a", "c.a.", "att:")
has_attn_key = any_word(_ATTN_KEYS)
# A label's slot ends at a colon: its cue words are looked for in a window before each colon only (many are
# short, "de", "od", "za", so their prefilter by `cue_words` keys is off: too many short keys).
_COLON = re.compile("[:=：]")
_LABEL_WINDOW = 64


def _read_as(section: str) -> frozenset[str]:
    """The words of a cues.toml `section` as normalised text reads them (Cyrillic and Greek letters may
    have become Latin look-alikes), lower case, with and without accents."""
    return frozenset(
        reading.rstrip(".")
        for words in lexicon.table()[section].values()
        for word in words
        for reading in lexicon.readings(word)
    )


_KIN = _read_as("person_slot_kin")
_FOR = _read_as("person_slot_for")
# (Cyrillic's letters beyond Russian's, Kazakh, Mongolian, Tajik, in both cases: names25.)
_UP = lexicon.UPPER + "Ա-Ֆ\u0460-\u052f"
_LOW = lexicon.LOWER + "ա-ֆ\u0300-\u036f\u00b7ʻ\u0460-\u052f"
_CASED = re.compile(
    rf"(?:[{_UP}]\.|(?:Mc|Mac|O['’]|D['’]|d['’])?[{_UP}][{_UP}{_LOW}'’]{{0,24}}(?:-[{_UP}][{_UP}{_LOW}'’]{{0,24}})*)"
)
_CASELESS = re.compile(
    rf"[{lexicon.CASELESS}\u10d0-\u10ff\u1200-\u137c\u1780-\u17d3\u0e81-\u0edf\u1000-\u109f\u200c\u0300-\u036f]+"
)
_PARTICLES = frozenset(
    ("van", "von", "de", "der", "den", "ter", "ten", "da", "di", "do", "dos", "das", "del", "della", "du",
     "des", "la", "le", "ap", "ab", "ferch", "verch", "bin", "binti", "bint", "ibn", "al", "el", "ní", "ó",
     "nic", "mac", "y", "e", "zu", "af", "av", "née", "geb.")
)  # fmt: skip
# What ends a slot's value: a line's end, a bracket, a quotation, a full stop after a word, a colon (the
# next label: "from: Isla, to: Lachlan"), or a dash after a name ("— verified buyer").
_VALUE = re.compile(r"[^\n(\[\"“”«»:：|!?]{1,120}")
# A table's or a position's prefix before the names: "Tisch 2 — ", "2. asztal — ", "#9 ", "table 4: ".
_PREFIX = re.compile(
    r"[ \t]*(?:\d{1,3}\.?[ \t]+[^\W\d_]{1,12}|[^\W\d_]{1,12}[ \t]*#?\d{1,3})[ \t]*[—–\-:][ \t]*"
)
_NUMBER = re.compile(r"#?\d{1,3}\.?")
_SPLIT = re.compile(r"[ \t]*(?:[,;、،/]|[ \t]&[ \t]|[ \t]∞[ \t]|[ \t]\+[ \t]|[ \t][—–][ \t])[ \t]*")
_MAX_WORDS = 4
_ITEMS = 12
# A surname after a "by" cue: four letters or more (accents folded), not ending as an English verb's or
# adverb's form does in a sort order ("Ascending", "Added", "Newest", "Weekly").
_SURNAME_LIKE = re.compile(
    r"[^\W\d_][^\W\d_'’\-]{3,}(?<!ing)(?<!ed)(?<!est)(?<!ly)(?:-[^\W\d_][^\W\d_'’\-]{2,})?"
)
# The particles that join a given name to a father's (or a lineage's) name: a name's evidence between two
# capitalised words ("Nurul Aisyah binti Ismail", "Rhodri ap Iorwerth", names25).
_PATRONYMIC = frozenset(("bin", "binti", "bint", "ibn", "ap", "ab", "ferch", "verch"))
# A letter of a cased script that is not Latin (Cyrillic, Greek, Armenian; normalised text has made some
# of a word's letters Latin look-alikes): no sort order or product line in these scripts capitalises its
# second word ("Замовник: Остап Кравчишин").
_NOT_LATIN = re.compile("[\u0370-\u03ff\u0400-\u052f\u0531-\u058a]")


class SlotNames:
    """Names in a slot that says one follows (see the module docstring)."""

    def __init__(
        self,
        *,
        world: frozenset[str],
        names: frozenset[str],
        not_surnames: frozenset[str],
        surnames: frozenset[str],
        scripts: ScriptNames,
        organisation: Callable[[str, int, int], bool],
        given_form: Callable[[str], bool],
    ) -> None:
        """`world`: given names of many countries, `names` the shipped list's (narrower); `not_surnames`:
        words no name ends with (product words); `surnames`: listed surnames; `organisation(value, start,
        end)`: whether the words at that span are a company's;
        `given_form(word)`: a given name in a case form ("vojtecha", lower case, accents folded)."""
        self._world = world
        self._names = names
        self._not_surnames = not_surnames
        self._surnames = surnames
        self._scripts = scripts
        self._organisation = organisation
        self._given_form = given_form
        self._captions = CaptionNames(
            world=world, not_surnames=not_surnames, surnames=surnames, scripts=scripts
        )

    def find(self, text: Text) -> bool:
        """A name in a slot of `text`."""
        value = text.value
        if ":" in value or "=" in value or "：" in value:
            for colon in _COLON.finditer(value):
                # The label ends at a colon: its words are read in a window before it, not the whole text.
                window = max(0, colon.start() - _LABEL_WINDOW)
                for match in _SLOT.finditer(value, window, colon.end() + 2):
                    if match.end() > colon.start() and self._read(value, match.end(), listed=True):
                        return True
        if has_attn_key(text) and any(
            self._read(value, match.end(), listed=False) for match in _ATTN.finditer(value)
        ):
            return True
        if self._captions.find(text):
            return True
        # (A capital I with a dot is lowered otherwise by the cue view: `lexicon.CuedPattern.may_match`.)
        return bool(text.cue_bits() & _BY_BIT or "\u0130" in value) and any(
            self._read(value, match.end(), listed=False) for match in _BY.finditer(value)
        )

    def _read(self, value: str, start: int, listed: bool) -> bool:
        """The items of the value at `start`: a label's (`listed`: several may follow) or a "by"'s (one)."""
        if (prefix := _PREFIX.match(value, start)) is not None:
            start = prefix.end()
        run = _VALUE.match(value, start)
        if run is None:
            return False
        items = _SPLIT.split(run.group())[:_ITEMS] if listed else _SPLIT.split(run.group())[:1]
        caseless = [item for item in items if _CASELESS.search(item) is not None]
        if caseless:
            return self._caseless(caseless, listed=listed, after_by=not listed)
        pos = start
        spans = []
        for item in items:
            at = value.find(item, pos)
            pos = at + len(item)
            if self._cased(value, item, at, by=not listed):
                return True
            spans.append(at)
        # A list of two people or more says what each item is, as a "by" cue does ("lista e të ftuarve:
        # Drita Hoxha, Arben Krasniqi"): each a given name of the wider list and a surname-like word.
        return (
            listed
            and sum(self._cased(value, item, at, by=True) for item, at in zip(items, spans, strict=True)) > 1
        )

    def _cased(self, value: str, item: str, at: int, by: bool = False) -> bool:
        """`item` (at `value[at:]`) is a name in cased letters: bounded words of a name's shape (`by`:
        after a "by" cue)."""
        words = item.split()
        while words and _NUMBER.fullmatch(words[0]):
            words = words[1:]  # a roster's shirt number: "#9 Keziah Lindqvist"
        kin = False
        while words and _known(words[0], _FOR):
            words = words[1:]  # "Pour Gaspard": read past, no evidence ("Für Immer" is no name)
        while words and _known(words[0], _KIN):
            kin = True
            words = words[1:]
        # The name's words run to the first word in lower case that is no particle ("Review by Emmerich
        # Solberg on 3 May", "Oma Irmgard für Jonte").
        run = []
        for word in words:
            if not word[0].isupper() and word.lower() not in _PARTICLES:
                break
            run.append(word)
        names = [word for word in run if word.lower() not in _PARTICLES]
        if not names or len(names) > _MAX_WORDS or names[0].lower() in _PARTICLES:
            return False
        if not all(_CASED.fullmatch(word.rstrip(".,")) for word in names):
            return False
        folded = [fold_name(word.lower().rstrip(".,")) for word in names]
        if any(word in self._not_surnames or _known(word, _KIN) for word in folded):
            return False
        if occasion().search(item) is not None:
            return False
        first, last = folded[0], folded[-1]
        parts = first.split("-")
        # A given name of the shipped list or in a case form, or of the wider list written beyond ASCII
        # ("Jānis"): the wider list alone holds "price", "london", "ivory". Before more words, the last
        # must be a surname by list or shape, or written beyond ASCII ("Grace Under Pressure" is a
        # title, "Annegret Kühnapfel" a name).
        listed = all(part in self._names or self._given_form(part) for part in parts)
        wider = listed or all(part in self._world for part in parts)
        beyond = not item.isascii()
        if len(folded) == 1:
            named = kin or listed or (wider and beyond)
        else:
            surname = any(
                part in self._surnames or self._scripts.latin_surname(part) for part in last.split("-")
            )
            named = kin or ((wider or surname) and (surname or beyond))
            # After a "by" cue ("commissioned by Rupert Vandersloot", "im Auftrag von Waltraud
            # Eberhardinger"), a given name of the wider list before a word that is none and has no shape
            # of a sort order's ("ordered by Price Ascending", "Date Added").
            named = named or (
                by and wider and last not in self._world and _SURNAME_LIKE.fullmatch(last) is not None
            )
            # A patronymic particle between capitalised words; after a "by" cue, two or three capitalised
            # words of a cased script that is not Latin.
            named = named or any(word.lower() in _PATRONYMIC for word in run[1:-1])
            named = named or (by and len(names) <= 3 and all(_NOT_LATIN.search(w) for w in names))
        if not named:
            return False
        start = at + item.find(names[0])
        return not self._organisation(value, start, at + len(item.rstrip()))

    def _caseless(self, items: list[str], listed: bool, after_by: bool) -> bool:
        """Items in a script without capitals: two of them in a list, or one after a kinship word, a "by"
        cue ("مرحوم", "स्वर्गीय") or as a listed given name."""
        named = []
        for item in items:
            # (An initial's full stop is the name's: Tamil "இரா. கார்த்திகேயன்".)
            words = [word.rstrip(".") for word in item.split()]
            if not all(_CASELESS.fullmatch(word) for word in words):
                continue  # a caseless word beside digits or Latin letters ("बैच 12/03/2026", "330 ml")
            kin = bool(words) and _known(words[0], _KIN)
            words = words[1:] if kin else words
            if not words or len(words) > _MAX_WORDS:
                continue
            if kin or after_by or self._scripts.native_given(words[0]):
                return True
            named.append(words)
        return listed and len(named) > 1


def _known(word: str, words: frozenset[str]) -> bool:
    """`word`, lower-cased, with or without its accents and a full stop, is one of `words`."""
    lower = word.lower().rstrip(".,")
    return lower in words or fold_name(lower) in words
