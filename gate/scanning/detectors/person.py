"""PERSON: names of people in prompts and under name keys.

Free text: a capitalised "First Last" pair whose first word is in the shipped gazetteer
(data/first_names.txt), or any capitalised name after a strong cue ("my wife Maria", "portrait of ...").
Not a person: brands written like names (data/name_brands.txt), a second word that is a product, colour
or material word ("Rose Gold"), given names that are everyday words unless cued (data/word_names.txt),
and artist-style references ("by Greg Rutkowski", "Van Gogh style"): those name public artists as a
style, not a customer, so they are not the personal data this gate minimises. A public figure's name
otherwise is a person's name ("portrait of Taylor Swift"): who is public is not the gate's to judge, and a
real person's likeness is the risk. Text under model, LoRA, sampler or brand keys is not read for names.
"""

from __future__ import annotations

import re

from gate.scanning.context import NOT_PERSON
from gate.scanning.detectors.base import (
    HAS_CAPITALS,
    HAS_NON_ASCII,
    HAS_SEPARATOR,
    HAS_WORDS,
    Text,
    any_word,
    cue_before,
)
from gate.scanning.detectors.person_and import JoinedNames
from gate.scanning.detectors.person_brands import brand_hides
from gate.scanning.detectors.person_cued import PERSON_CUES, CuedNames
from gate.scanning.detectors.person_fields import labelled_name
from gate.scanning.detectors.person_for import FOR_BODY, for_before
from gate.scanning.detectors.person_greeting import (
    GREETINGS,
    GreetedNames,
    has_greeting,
    has_opening,
    has_signoff_from,
)
from gate.scanning.detectors.person_handles import handle_name
from gate.scanning.detectors.person_indic import IndicNames
from gate.scanning.detectors.person_initials import InitialledNames
from gate.scanning.detectors.person_jersey import jersey_name
from gate.scanning.detectors.person_keyed import MADE_WITH, ORGANISATION
from gate.scanning.detectors.person_lists import (
    fold_name,
    gazetteer,
    in_occasion,
    occasion,
    surnames,
    world_names,
)
from gate.scanning.detectors.person_lone import possessive_name
from gate.scanning.detectors.person_named_things import named_thing
from gate.scanning.detectors.person_other_script import OtherScriptNames
from gate.scanning.detectors.person_patterns import (
    CAPS_PAIRS,
    CAPS_WORD,
    CUED_PARTICLE_NAME,
    GAELIC_NAME,
    HONORIFIC,
    LOW,
    LOWER_PAIR,
    NAME,
    NAME_SHAPE,
    NAMED,
    NOT_FIRST_WORDS,
    PAIR_START,
    PARTICLES,
    PORTRAIT_CUE,
    RELATION,
    UP,
    after_cue,
    has_engraving_word,
    has_gaelic_particle,
    has_honorific_word,
    has_lower_cue_word,
    has_named_word,
    has_person_cue_word,
    has_relation_word,
    has_strong_cue_word,
    in_run,
    lower_cue_before,
    may_hold_caps_pair,
    standalone,
    style_reference,
    word_before,
)
from gate.scanning.detectors.person_reversed import COMMA_CAPITAL, REVERSED, reversed_matches
from gate.scanning.detectors.person_scripts import ScriptNames, romanised_surnames
from gate.scanning.detectors.person_signed import SignedNames, may_be_signed
from gate.scanning.detectors.person_slots import SlotNames
from gate.scanning.detectors.person_title_after import TitledAfter
from gate.scanning.detectors.person_titles import TitledNames, full_name_after_title, has_full_title_word
from gate.scanning.detectors.person_tones import TonedNames
from gate.scanning.detectors.person_unlisted import UnlistedPairs
from gate.scanning.tries import trie_pattern

# A saint's name is a place, a church or a brand: "Santa Maria Novella", "San Pedro", "Saint Laurent".
_SAINTS = frozenset(("santa", "santo", "san", "saint", "sainte", "sankt", "são", "santi"))
_SAINT_BEFORE = re.compile(r"\b(?:Santa|Santo|San|Saint|Sainte|St\.?|Ste\.?|Sankt|São|Sao|Santi)\s+$")
# ... and a name with a particle after it: "kaartje voor Sanne de Vries", "pour Anne de la Tour".
_FOR_PARTICLE_NAME = re.compile(
    FOR_BODY + rf"(?P<name>(?P<first>{NAME})(?:\s+{PARTICLES}){{1,3}}\s+{NAME})(?![\w])"
)
# ... and without a "for" when the given name is one of the shipped list: "Maria das Graças Souza".
# (It starts with a capital, so the regex engine skips ahead to one.)
_PARTICLE_NAME = re.compile(
    rf"(?P<name>(?P<first>[{UP}](?<![\w][{UP}])[{LOW}]{{1,24}}(?:-[{UP}][{LOW}]{{1,24}})?)"
    rf"(?:\s+{PARTICLES}){{1,3}}\s+{NAME})(?![\w])"
)
_has_particle = any_word(tuple(f" {word} " for word in PARTICLES[3:-1].split("|")))
# What the three particle rules' names end with, read from the last particle: a capitalised word after it
# ("de Vries"). One search of the text (it skips ahead to white space) says whether any of their
# whole-text searches (the "for" alternation tried at every position) can match: "taza de cerámica" has a
# particle and no name after it. (Their `(?:\s+PARTICLE){1,3}\s+NAME(?![\w])` ends in this at the last
# particle's white space, so a text without it matches none of them.)
_PARTICLE_THEN_NAME = re.compile(rf"\s{PARTICLES}\s+{NAME}(?![\w])")
# What a reversed name needs, in one search that skips ahead to commas: a capital after one.
_COMMA_CAPITAL = COMMA_CAPITAL
_REVERSED = REVERSED
# The word right before a position, and right after one: the run of capitalised words around a pair.
_WORD_AFTER = re.compile(r"[ \t]+[\w'\-]+")


class PersonDetector:
    """Names of people in free text (see the module docstring for what is deliberately left out)."""

    entity = "PERSON"
    # Text in lower case throughout is read too when it has a colon, for a name after a label
    # ("customer: li wei"), or words (a strong cue or an engraving word, one search of `Text.lower`,
    # comes first: "gift for maria gonzalez").
    needs = HAS_CAPITALS | HAS_SEPARATOR | HAS_WORDS
    unless = NOT_PERSON

    def __init__(self) -> None:
        self._names, self._word_names, self._brands, self._not_surnames = gazetteer()
        self._world = world_names()
        self._surnames = surnames()
        # A brand or a historical figure anywhere in a phrase, in one search of a trie (some 600 phrases:
        # as a plain alternation each position tried every one of them).
        self._brand_in = re.compile(trie_pattern(self._brands, whole=True))
        self._given_or_word = self._names | self._word_names  # "Jean" is also a word (jeans), still a name
        self._scripts = ScriptNames(self._world)
        self._other_script = OtherScriptNames(self._scripts, self._world)
        self._cued = CuedNames(self._world, self._not_surnames, self._scripts, self._organisation)
        self._indic = IndicNames(self._world)
        self._romanised = romanised_surnames()
        self._unlisted = UnlistedPairs(
            self._world, self._word_names, self._surnames, self._romanised, self._scripts
        )
        self._titled = TitledNames()
        self._titled_after = TitledAfter(self._world, self._organisation)
        self._toned = TonedNames(self._world)
        self._greeted = GreetedNames(self._world, self._not_surnames, self._scripts, self._organisation)
        self._joined = JoinedNames(self._world, self._word_names, self._not_surnames, self._organisation)
        self._slots = SlotNames(
            world=self._world,
            names=self._names,
            not_surnames=self._not_surnames,
            surnames=self._surnames,
            scripts=self._scripts,
            organisation=self._organisation,
            given_form=self._unlisted.given,
        )
        self._signatures = SignedNames(
            self._world, self._word_names, self._not_surnames, self._scripts, self._organisation
        )
        self._initialled = InitialledNames(
            self._world, self._word_names, self._not_surnames, self._scripts.latin_surname, self._organisation
        )

    def narrowed(self, facts: int, context: int) -> PersonDetector:
        """Itself: every cue needs a capitalised word, which `needs` already says."""
        return self

    def detect(self, text: Text) -> str | None:
        """ "person.cue" or "person.name", or None."""
        value = text.value
        # Fast path: prompts are often all lower case, and names need a capital letter.
        if text.flags & NOT_PERSON:
            return None
        if handle_name(value):  # "@lena_obermeier", "from beatriz.oliveira": either case
            return "person.joined_name"
        if not text.facts & HAS_CAPITALS:
            return self._uncapitalised(text)
        if has_relation_word(text):
            for match in RELATION.finditer(value):
                if match.group("name").lower() not in self._not_surnames:
                    return "person.cue"
        if has_named_word(text):
            for match in NAMED.finditer(value):
                name = match.group("name").lower()
                if name in self._world:  # "a dog named Max": word-like names are often pets
                    return "person.cue"
        maybe_cued = has_person_cue_word(text)
        if maybe_cued and has_honorific_word(text):
            for match in HONORIFIC.finditer(value):
                name = match.group("name")
                if name.lower() not in self._not_surnames and not self._organisation(
                    value, match.start("name"), match.end()
                ):
                    return "person.honorific"
        if has_full_title_word(text) and (
            (span := full_name_after_title(text, self._not_surnames)) is not None
            and not self._organisation(value, *span)
        ):
            return "person.honorific"
        cued = maybe_cued and has_strong_cue_word(text)
        # (What the costly whole-text searches below need.)
        has_particle = _has_particle(text) and _PARTICLE_THEN_NAME.search(value) is not None
        if cued and has_particle:
            for match in CUED_PARTICLE_NAME.finditer(value):
                if occasion().search(match.group("name")) is None and not self._organisation(
                    value, match.start("name"), match.end("name")
                ):
                    return "person.cue"
        if has_particle:
            for match in _FOR_PARTICLE_NAME.finditer(value):
                first = fold_name(match.group("first").lower())
                if (
                    # a double given name too: "für Klaus-Peter von Hohenberg"
                    all(part in self._world for part in first.split("-"))
                    and occasion().search(match.group("name")) is None
                    and not self._organisation(value, match.start("name"), match.end("name"))
                ):
                    return "person.name"
            for match in _PARTICLE_NAME.finditer(value):
                first = fold_name(match.group("first").lower())
                if (
                    # ... or of the wider list after a kinship word ("zoon van Noor de Vries-Bakker")
                    (first in self._names or (first in self._world and for_before(value, match.start())))
                    and _SAINT_BEFORE.search(value, max(0, match.start() - 8), match.start()) is None
                    and occasion().search(match.group("name")) is None
                    and not self._organisation(value, match.start("name"), match.end("name"))
                ):
                    return "person.name"
        if self._joined.found(value):
            return "person.name"
        found = self._caps_or_lower(text, cued or has_engraving_word(text))
        if found is not None:
            return found
        if self._initialled.find(value):
            return "person.name"
        if (found := self._printed_or_labelled(text)) is not None:
            return found
        if ("'" in value or "\u2019" in value) and possessive_name(value):  # "Kenneth Guerrero's birthday"
            return "person.possessive"
        if self._slots.find(text):
            return "person.slot"
        if PERSON_CUES.may_be_found(value, text.lower, text.cue_bits()) and PERSON_CUES.found(value):
            found = self._cued.find(value)
            if found is not None:
                return found
        if (
            (self._greeting(text) and self._greeted.find(value))
            or (has_opening(text) and self._greeted.saluted(value))
            or (has_signoff_from(text) and self._greeted.signed_from(value))
            or self._greeted.quoted(value)
        ):
            return "person.greeting"
        if not value.isascii() and (
            ((span := self._scripts.find(value)) is not None and not self._organisation(value, *span))
            or ((span := self._indic.find(value)) is not None and not self._organisation(value, *span))
            or self._titled.find(value)
            or self._other_script.find(text) is not None
            or ((span := self._toned.find(value)) is not None and not self._organisation(value, *span))
        ):
            return "person.script"
        # Greek and Cyrillic in capitals ("ДЛЯ ОЛЬГИ ПЕТРОВОЙ"): the same rules on the words capitalised.
        if (
            not value.isascii()
            and (titled := self._scripts.capitalised(value)) is not None
            and (
                (PERSON_CUES.found(titled) and self._cued.find(titled) is not None)
                or (
                    (span := self._scripts.find(titled)) is not None and not self._organisation(titled, *span)
                )
            )
        ):
            return "person.caps"
        if (
            text.facts & HAS_NON_ASCII
            and has_gaelic_particle(text)
            and any(
                not self._organisation(value, match.start(), match.end())
                for match in GAELIC_NAME.finditer(value)
            )
        ):
            return "person.name"
        if ", " in value and _COMMA_CAPITAL.search(value) is not None and self._reversed(value):
            return "person.name"
        pos = 0
        while (pair := PAIR_START.search(value, pos)) is not None:
            # Overlapping pairs: "Photo Jane Doe" is tried as "Photo Jane", then as "Jane Doe".
            pos = pair.end()
            first_end = pair.start() + len(pair.group().rstrip())
            last = NAME_SHAPE.match(value, pos)
            if last is None:
                continue
            if not standalone(value, pair.start(), last.end()):
                # ... unless a Nguni prefix is written onto it ("isipho sikaSipho Ndlovu").
                if self._greeted.prefixed(value, pair.start(), last.end()):
                    return "person.greeting"
                continue
            if self._is_name(value, pair.start(), first_end, last, cued) and not in_occasion(
                value, pair.start(), last.end()
            ):
                return "person.name"
        return None

    def _uncapitalised(self, text: Text) -> str | None:
        """A name in text without a capital letter."""
        value = text.value
        # Georgian and Ethiopic have no capitals and are not among `lexicon.CASELESS`: an honorific.
        if not value.isascii() and self._titled.find(value):
            return "person.honorific"
        if not value.isascii() and self._greeting(text) and self._greeted.find(value):
            return "person.greeting"
        if not value.isascii() and self._other_script.find(text) is not None:
            return "person.script"
        if not value.isascii() and self._slots.find(text):
            return "person.slot"
        if not value.isascii() and "'" in value and possessive_name(value):  # "მირიან ჯოხაძე's birthday"
            return "person.possessive"
        if not value.isascii() and has_opening(text) and self._greeted.saluted(value):  # "ძვირფასო ნინო,"
            return "person.greeting"
        if not value.isascii() and may_be_signed(value) and self._signatures.find(text):  # "… — 林雨桐"
            return "person.signed"
        if has_lower_cue_word(text) and (found := self._caps_or_lower(text, cued=True)) is not None:
            return found
        return "person.cue" if self._initialled.find_lower(value) else None

    @staticmethod
    def _greeting(text: Text) -> bool:
        """A greeting may be in the text: one of the shared prefilter's words, or (in scripts written
        without spaces, which it does not hold) one of the lexicon's."""
        return has_greeting(text) or (
            not text.value.isascii() and any(word in text.value for word in GREETINGS.unspaced)
        )

    def _reversed(self, value: str) -> bool:
        """ "Surname, Given name" as records and exports write names ("Kowalska, Anna"): read as the pair
        "Anna Kowalska" is, with a given name of the shipped list."""
        for match in reversed_matches(value):
            first = match.group("first")
            pair = f"{first} {match.group('last')}"
            if (
                (fold_name(first.lower()) in self._names or self._listed_surname(first, match.group("last")))
                and (last_word := NAME_SHAPE.match(pair, len(first) + 1)) is not None
                and self._is_name(pair, 0, len(first), last_word, False)
                and not self._organisation(value, match.start(), match.end())
                and not in_occasion(value, match.start(), match.end())
            ):
                return True
        return False

    def _printed_or_labelled(self, text: Text) -> str | None:
        """A surname printed on a shirt with its number, a name's two parts under their labels, a name
        with a title after it ("Mustafa Bey", "Tanaka-san"), a name signed after a dash."""
        if jersey_name(text, self._surname_shaped):
            return "person.caps"
        if self._titled_after.find(text):
            return "person.honorific"
        if may_be_signed(text.value) and self._signatures.find(text):  # "Happy birthday! - Ana Souza"
            return "person.signed"

        return "person.label" if labelled_name(text, self._world) else None

    def _surname_shaped(self, word: str) -> bool:
        """`word` (lower case, accents folded) is a listed surname or has a surname's shape."""
        return word in self._surnames or self._scripts.latin_surname(word)

    def _listed_surname(self, first: str, last: str) -> bool:
        """`last` is a listed surname and each part of `first` a given name ("Dupont, Jean-Pierre")."""
        parts = fold_name(first.lower()).split("-")
        return fold_name(last.lower()) in self._surnames and all(
            part in self._world or part in self._word_names for part in parts
        )

    def _caps_or_lower(self, text: Text, cued: bool) -> str | None:
        """ALL-CAPS pairs whose first word is a given name ("MARIA GARCIA"), and lower-case ones after a
        strong cue ("gift for maria garcia")."""
        value = text.value
        if not value.islower() and may_hold_caps_pair(value):
            capitals = False
            # Overlapping pairs, as in mixed case: "FOR JAMES AND PRIYA HOLLOWAY" is tried as "AND PRIYA",
            # then as "PRIYA HOLLOWAY".
            for match in CAPS_PAIRS.finditer(value):
                last_word = CAPS_WORD.match(value, match.start(2))
                if last_word is None:
                    continue
                capitals = True
                first, last = fold_name(match.group(1).lower()), match.group(2).lower()
                if (
                    (first in self._names or (cued and after_cue(value, match.start())))
                    and first not in NOT_FIRST_WORDS  # "PREZENT DLA MAMY": the cue's "for" is no name
                    and last not in self._not_surnames
                    and not self._organisation(value, match.start(), last_word.end())
                ):
                    return "person.caps"
            # A given name or a surname in a case form, spelled in capitals ("DLA AGNIESZKI NOWAK",
            # "PREZENT JANOWI NOWAKOWI"): the rules of a capitalised pair, on the words as they are. (Only
            # where the loop above saw a pair: the overlapping pairs are where its pairs are.)
            for match in CAPS_PAIRS.finditer(value) if capitals else ():
                first, last = match.group(1).lower(), match.group(2).lower()
                last_word = CAPS_WORD.match(value, match.start(2))
                if (
                    last_word is not None
                    and last not in self._not_surnames
                    and first not in NOT_FIRST_WORDS
                    and self._unlisted.given_and_surname(
                        value, match.start(), first, last_word, fold_name(first) in self._world
                    )
                    and not self._organisation(value, match.start(), last_word.end())
                ):
                    return "person.caps"
        if cued:
            for match in LOWER_PAIR.finditer(value):
                first, last = fold_name(match.group(1)), match.group(2)
                # "li wei", "kim minjun": a romanised East Asian surname first, then a given name.
                if (
                    (first in self._world or (first in self._romanised and fold_name(last) in self._world))
                    and first not in self._word_names
                    and first not in NOT_FIRST_WORDS
                    and last not in self._not_surnames
                    and lower_cue_before(value, match.start())
                    and not self._brand(value, match.start(), match.end(2))
                ):
                    return "person.cue"
        return None

    def _brand(self, value: str, start: int, end: int) -> bool:
        """The words around `value[start:end]` (the run of capitalised words it is part of) hold a brand."""
        run_start, run_end = start, end
        while (before := word_before(value, run_start)) is not None and value[before].isupper():
            run_start = before
        while (after := _WORD_AFTER.match(value, run_end)) and in_run(value, after):
            run_end = after.end()
        run_end += 2 if value.startswith(("'s", "\u2019s"), run_end) else 0  # "Jack Daniel's", "Mrs. Meyer's"
        run = value[run_start:run_end]
        return brand_hides(run, self._brands, self._brand_in, self._given_or_word, self._surnames)

    def _organisation(self, value: str, start: int, end: int) -> bool:
        return (
            ORGANISATION.match(value[end : end + 40]) is not None
            or MADE_WITH.search(value[max(0, start - 24) : start]) is not None
            or self._brand(value, start, end)
            or named_thing(value, start, end)  # a cultivar or a street named after a person
        )

    def _is_name(self, value: str, start: int, first_end: int, last_word: re.Match[str], cued: bool) -> bool:
        lower_first, lower_last = value[start:first_end].lower(), last_word.group().lower()
        if lower_last in self._not_surnames:
            return False
        known_first = lower_first in self._names or fold_name(lower_first) in self._names
        strong = cued and after_cue(value, start)
        wider = lower_first in self._world or fold_name(lower_first) in self._world
        if not (known_first or strong):
            known_first = self._unlisted.given_and_surname(value, start, lower_first, last_word, wider)
        # Set lookups first: most capitalised pairs ("Acme Outdoor") fail them, and need no regex.
        if not (strong or known_first or lower_first in self._word_names or lower_last in self._names):
            return False
        if self._organisation(value, start, last_word.end()):  # companies, brands, "Made with ..."
            return False
        if strong:
            return lower_first not in NOT_FIRST_WORDS  # "Gift For Her Candles" names no one
        if lower_first in _SAINTS or _SAINT_BEFORE.search(value, max(0, start - 8), start) is not None:
            return False
        if style_reference(value, start, last_word.end()):
            return False
        return known_first or cue_before(PORTRAIT_CUE, value, start, window=40)


DETECTOR: PersonDetector = PersonDetector()
