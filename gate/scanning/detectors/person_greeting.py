# ruff: noqa: RUF001, RUF003 - names and greetings in many scripts, on purpose
"""PERSON greeted by name: a birthday banner, a card or a mug is written to someone, and the words right
after a greeting are that person ("Happy birthday Kwame Mensah!", "Joyeux anniversaire Quentin !",
"Boldog születésnapot, Kovács Eszter!", "Get well soon, Grandpa Harold Whitaker", "শুভ জন্মদিন রাকিব
হাসান"); and a name after a Nguni noun-class prefix ("isipho sikaSipho Ndlovu", "kuThandiwe Dlamini").

The greetings are data/cues.toml's `[person_greeting]` (50-odd languages), with "dear", kinship words and
vocative particles between (`[person_address]`). After one, in a cased script, two or three capitalised
words are a name when one of the first two is a given name of the wider list (either order: Hungarian
writes the surname first) or the last has a surname's telling shape, or, in Greek, Cyrillic or Armenian,
when the name ends the sentence; one word alone is a name when it is such a given name and ends the
sentence ("Χρόνια πολλά Γιώργο!" is left: a vocative form). In a script without capitals, two or three
words that end the sentence. Occasions ("Feliz Navidad"), brands and companies are no names.

Since names16, a letter's opening or closing where it opens the text or a line (`[person_salutation]`,
`[person_signoff]`: "Hi Marisol, your order has shipped", "Lieber Hans-Jürgen,", "Cheers, Ffion"): two or
three words after one are read as after a greeting; one word alone is a common given name (in Greek,
Cyrillic and Armenian any word that is no word of address) with a comma after an opening, or ending the
line after a closing's comma. "Dear Customer,", "Hi there!", "Hey Siri,", "Hello Kitty plush" stay clean.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from anyascii import anyascii

from gate.scanning import lexicon
from gate.scanning.detectors.base import any_word
from gate.scanning.detectors.person_indic import IndicNames
from gate.scanning.detectors.person_lists import (
    common_names,
    fold_name,
    names_scripts,
    names_scripts_set,
    occasion,
    party_supplies,
    surnames,
)
from gate.scanning.detectors.person_patterns import NOT_FIRST_WORDS
from gate.scanning.detectors.person_scripts import ScriptNames
from gate.scanning.normalise import normalise

# Cased letters of the scripts a greeting is read in: Latin (with Vietnamese and Yoruba letters and the
# combining marks NFKC leaves on "ọ̀"), Greek, Cyrillic, Armenian.
_UP = lexicon.UPPER + "\u0460-\u04ff\u1e00-\u1efe\u0531-\u0556"
_LOW = lexicon.LOWER + "\u0460-\u04ff\u1e01-\u1eff\u0300-\u036f\u0561-\u0587"
# A Gaelic patronymic prefix may be joined to the capital after it ("NicDhòmhnaill", "MacLeòid").
_WORD = rf"(?:Mac|Mc|Nic)?[{_UP}][{_LOW}]{{1,24}}(?:['’\-][{_UP}]?[{_LOW}]{{1,24}})?"
_PARTICLE = r"(?:de|da|del|di|do|dos|du|van|von|der|den|ter|la|le|bin|binti|ní|nic|ó|ap|dela|al|el)"
# ... and scripts without capitals, Sorani "ە", Georgian, Ethiopic, Khmer, Lao and Myanmar among them
# ("ნინო ბერიძე", "ለአበበ በቀለ", "សុខ ចាន់ថា": letters with the vowel signs written on them). After a first letter,
# also the Latin "o" and "y" `normalise` makes of some of their signs (the Kannada, Telugu, Malayalam and
# Sinhala anusvara, Myanmar "ဝ", Georgian "ყ" are confusable with them: "ಮಂಜುನಾಥ" reads "ಮoಜುನಾಥ").
# (Ethiopic syllables and marks only: its word space, comma and full stop "፡፣።" end a word.)
_SCRIPTS = rf"{lexicon.CASELESS}\u06d5\u10d0-\u10ff\u1200-\u135f\u1780-\u17dd\u0e81-\u0edf\u1000-\u109f"
_CASELESS = rf"[{_SCRIPTS}][{_SCRIPTS}oy]{{1,19}}"
# Where the name must stop for a word alone (or a name of a script the lists do not know) to count: the
# end of the text, or a mark that ends the sentence or the greeting.
_END = r"(?=[ \t]*(?:[!.,?;:)\"'”»،۔।።፣]|$))"
_BETWEEN = (
    r"[ \t]*[,!:;\-–—،]?[ \t]*(?:" + lexicon.pattern(lexicon.words("person_address")) + r"[ \t,]+){0,2}"
)
GREETINGS = lexicon.Cues("person_greeting")
# Whether a text can hold a greeting at all, from the one pass of `cue_words` every prefilter shares: the
# greetings as normalised, lower-cased text reads them (Greek and Cyrillic letters as Latin look-alikes too).
has_greeting = any_word(tuple(sorted({form for word in GREETINGS.spaced for form in lexicon.readings(word)})))
# Words of address and endearment, which are no name on their own after a greeting.
# (Greek and Cyrillic ones also as `normalise` may read them: "Мама" is "Maмa".)
_ADDRESS_WORDS = frozenset(
    form for word in lexicon.words("person_address") for form in lexicon.readings(word) | {word}
)
# ... and the words of other cues, which start no name either ("کارت تبریک برای مهندسها": for engineers).
_CUE_WORDS = frozenset(lexicon.words("person_for_bare", "person_for", "person_greeting"))
# ... and the words of the greetings themselves: after a shorter greeting that begins a longer one
# ("გილოცავ" of "გილოცავ დაბადების დღეს"), the rest of the longer one is no name.
_GREETING_WORDS = frozenset(
    word for greeting in _CUE_WORDS for form in lexicon.readings(greeting) for word in form.split()
)
# A party supply may carry a one-letter prefix or be written into a compound in these scripts ("የኬክ", of
# a cake; Thai "ป้ายตกแต่งเค้ก", a cake decoration sign): a first word that holds one starts no name (a
# later one may be the supply the name is printed on). Short ones are looked for only after such a
# prefix (a name may hold two letters of one).
_SUPPLY_INSIDE = 3
_GREETED = GREETINGS.then(
    _BETWEEN
    + rf"(?P<name>{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_WORD}){{0,2}})(?![\w])(?P<end>{_END})?"
)
# In a script without capitals the words after a greeting are read by their shape alone, so a greeting
# that ends its sentence ("عيد ميلاد سعيد! بالونات ذهبية": golden balloons) greets no one by name.
_BETWEEN_CASELESS = _BETWEEN.replace("[,!:;", "[,:;", 1)
_GREETED_CASELESS = GREETINGS.then(
    _BETWEEN_CASELESS + rf"(?P<name>{_CASELESS}(?:[ \t]+{_CASELESS}){{1,2}}){_END}"
)
# A Nguni (Zulu, Xhosa, Ndebele, Swati) noun-class prefix written onto a name: "sikaSipho", "kuThandiwe",
# "nguLindiwe". A small letter right before a capital inside a word is rare otherwise ("iPhone" has one
# letter before it, and no second capitalised word), so the prefix and a whole pair are asked for.
_NGUNI_PREFIXES = frozenset(
    ("sika", "lika", "kuka", "yika", "zika", "bika", "wuka", "nguka", "ku", "ka", "ngu", "kwa", "no", "na")
)
_LONGEST_PREFIX = 5
# The openings and closings of a letter (cues.toml [person_salutation], [person_signoff]), read only where
# they open the text or a line: "Hi Marisol, ...", "Lieber Hans-Jürgen,", "Cheers, Ffion".
_OPENS = r"(?:^|(?<=\n))[ \t\"'“«]*"
_NAMES = rf"(?P<name>{_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}{_WORD}){{0,2}})(?![\w])"
_SALUTED = re.compile(
    _OPENS + lexicon.pattern(lexicon.words("person_salutation")) + _BETWEEN + _NAMES + rf"(?P<end>{_END})?"
)
# ... a closing's comma, and the name ends its line (a role may follow it: "Best, Tomoko Reid | Buyer").
_SIGNED = re.compile(
    _OPENS
    + lexicon.pattern(lexicon.words("person_signoff"))
    # (its comma, or the line's end: an e-mail's signature puts the name on the next line, maybe after
    # a "--" line: "Mit freundlichen Grüßen\nReinhold Ackermann-Sieg", "Thanks,\n--\nHollis Weatherby")
    + r"[ \t]*(?:,[ \t\n]*|\n[ \t]*)(?:--[ \t]*\n[ \t]*)?(?:"
    + lexicon.pattern(lexicon.words("person_address"))
    + r"[ \t]+){0,2}"
    + _NAMES
    + r"(?P<end>[ \t]*(?:[|\-–—][^\n]*)?(?:\n|$))"
)
# ... a closing joined to its name by "from" ("To Alberto, love from Ismael", "Alles Liebe von Jonas",
# "Bisous de Léa"; cues.toml [person_signoff_from]), opening the text, a line or a sentence, the name
# ending its line or sentence: a gift card's sender (Faker's locales: 4 of 333 were found).
_SIGNED_FROM = re.compile(
    r"(?:^|(?<=\n)|(?<=[,.!?;]))[ \t\"'“«]*"
    + lexicon.pattern(lexicon.words("person_signoff_from"))
    + r"[ \t]+(?i:from|von|de|da|di|van|fra|från|od)[ \t]+(?:"
    + lexicon.pattern(lexicon.words("person_address"))
    + r"[ \t]+){0,2}"
    + _NAMES
    + r"(?P<end>[ \t]*[!.]*[ \t]*(?:\n|$))"
)
# ... found by the shared one pass over the text: every closing of [person_signoff_from] holds one of these.
has_signoff_from = any_word(
    ("love", "hugs", "kisses", "xoxo", "wishes", "liebe", "grüße", "grusse", "küsschen", "bisous", "bises",
     "amour", "affectueusement", "cariño", "carino", "amor", "besos", "beso", "abrazo", "abrazos",
     "affetto", "amore", "baci", "bacio", "abbraccio", "liefs", "groetjes", "kusjes", "beijos",
     "beijinhos", "carinho", "abraço", "abraco", "kram", "kramar", "kärlek", "karlek", "hilsen", "knus",
     "buziaki", "ściskam", "sciskam", "miłością", "miloscia")
)  # fmt: skip
# Given names that are places as often, read as a place after "love from" ("Love from Paris" is a tote
# bag's print, "Bisous de Florence" a postcard's).
_PLACES_TOO = frozenset(
    ("paris", "florence", "sydney", "austin", "victoria", "charlotte", "georgia", "madison", "lourdes",
     "adelaide", "india", "jordan", "london", "vienna", "savannah", "brooklyn", "dallas", "phoenix",
     "orlando", "chelsea", "kingston", "hudson", "israel", "china", "lima", "roma", "siena", "verona",
     "valencia", "sofia", "alexandria", "regina", "santiago", "jackson", "houston", "denver",
     "aspen", "cairo", "berlin", "milano", "sevilla", "mercedes", "dolores", "trinidad", "asia", "africa",
     "america", "europa", "bali", "capri", "marbella", "ibiza", "kenya", "carolina", "virginia", "nevada",
     "montana", "dakota", "cheyenne", "sierra", "brittany", "normandie", "provence", "lorraine")
)  # fmt: skip
# ... a name that signs a quotation (a review, a testimonial): a closing quote, then a dash or "by",
# "said", "par" ..., then the name ending its clause, or a place after it ("\"Super!\" – Waltraud
# Zimmerschied aus Kassel", "« Parfait ! » par Clotilde Vasseur"); or a dash opening the text or a line
# before a name alone ("— Kwame"; `normalise` writes every dash as a hyphen, and a hyphen opening a line is
# a list's bullet too: "- Victoria Sponge" is no signature).
_QUOTED = re.compile(
    r"(?:[\"”»“'’][ \t]*(?:[—–\-][ \t]*|(?i:by|von|par|por|di|door|av|said|says|sagt|dit|dice|disse)[ \t]+)"
    r"|(?P<dash>(?:^|(?<=\n))[ \t]*[—–\-][ \t]*))"
    + _NAMES
    + r"(?P<end>(?=[ \t]*(?:[,.;|(\n!]|$)|[ \t]+(?:aus|from|de|of|in|z|iz)[ \t]))?"
)
# (A quick test first: a closing quote, then a dash or a short word, is rare; an apostrophe is not.)
_QUOTE_THEN = re.compile(r"[\"”»“'’][ \t]*(?:-|[A-Za-z]{2,5}[ \t])")
# A name of a script without capitals after an opening of a Latin one ("Dear অদৃতা দেব, thank you") or after
# a closing and "from" ("To سراج, love from قائد"): the words, up to three, end at a comma or the sentence
# (Faker's locales: 267 and 229 of 333 were found before).
_CASELESS_NAMES = rf"(?P<name>{_CASELESS}(?:[ \t]+{_CASELESS}){{0,2}})(?=[ \t]*(?:[!.,?;،۔।።፣\n]|$))"
# ... which are no kinship word, customer or recipient ("Dear ग्राहक", "love from माँ"), nor a word a title
# or a cue stands before in these scripts.
_CASELESS_NOT_NAMES = (
    frozenset(lexicon.words("person_label"))
    | names_scripts_set("titles_not_names", "stop")
    | names_scripts_set("titles_not_names", "gift_kin")
    | names_scripts_set("other_script", "not_first")
)
# Georgian and Ethiopic: their letters read in Latin ones as the name lists spell names.
_SPELLED_IN_LATIN = re.compile(r"[\u10a0-\u10ff\u1200-\u137f]")
_BRAHMIC = re.compile(r"[\u0900-\u0dff]")
_CASELESS_SALUTED = re.compile(
    _OPENS + lexicon.pattern(lexicon.words("person_salutation")) + r"[ \t]+" + _CASELESS_NAMES
)
# (A closing after a sentence or a greeting only, as a gift card's "To ..., love from ..." has it: "love from
# القاهرة" opening a postcard's print is a city's.)
_CASELESS_SIGNED_FROM = re.compile(
    r"(?<=[,.!?;])[ \t\"'“«]*"
    + lexicon.pattern(lexicon.words("person_signoff_from"))
    + r"[ \t]+(?i:from|von|de|da|di|van|fra|från|od)[ \t]+"
    + _CASELESS_NAMES
)
# The first words a salutation or a closing can open a line with: a cheap test before the patterns.
# (Greek and Cyrillic in every reading `normalise` may leave: "Дорогая" may read "Дopoгaя".)
_OPENING_WORDS = frozenset(
    form.split()[0]
    for word in lexicon.words("person_salutation", "person_signoff")
    for form in lexicon.readings(word)
)
# ... found by the shared one pass over the text before any of this is asked (most texts hold none).
has_opening = any_word(tuple(sorted(_OPENING_WORDS)))
# ... though one- and two-letter ones ("i", "s", "hi", "me") are in nearly every text, so the line's first
# word is compared too: its first three letters (the word, when shorter) against these, before a regex
# reads the word (`_may_open`).
_OPENING_HEADS = frozenset(word[:3] for word in _OPENING_WORDS)
# (A Brahmic word's vowel signs and viramas are marks, no letters: "प्रिय".)
_FIRST_WORD = re.compile(r"[ \t\"'“«]*([^\W\d_](?:[^\W\d_]|[\u0900-\u0dff])*)")
# Wake words of voice assistants and Santa, greeted in product copy as no one ("Hey Siri,", "Dear Santa,").
_NOT_SALUTED = frozenset(("siri", "alexa", "cortana", "bixby", "santa", "kitty"))
_WORD_BEFORE = re.compile(r"(?<![^\W\d_])[a-z]{2,5}$")
_NON_LATIN, _NON_LATIN_END = "\u0370", "\u058f"  # Greek, Cyrillic and Armenian letters
# Given names of Greek and Cyrillic that are words too ("Вера", "Надежда", "Любовь"), as `normalise` leaves
# them: no name alone.
_WORD_GIVEN = frozenset(
    normalise(word.title()).lower()
    for script in ("cyrillic", "greek")
    for word in names_scripts()["word_given"][script]
)


def _supply(word: str) -> bool:
    """`word` is a party supply of data/party_supplies.txt, one after a one-letter prefix, or holds one of
    three letters or more."""
    supplies = party_supplies()
    return (
        word in supplies
        or word[1:] in supplies
        or any(len(item) >= _SUPPLY_INSIDE and item in word for item in supplies)
    )


def _may_open(line: str) -> bool:
    """False when `line`'s first word (`_FIRST_WORD`) is certainly no opening word: a line that starts with
    an ASCII letter has a first word whose first three letters (all of it, when shorter) are the line's
    own, and ASCII lower-cases letter by letter. Anything else is left to the regex (True)."""
    head = line[:3]
    if not head.isascii() or not head[:1].isalpha():
        return True
    if not head.isalpha():
        head = head[:2] if head[:2].isalpha() else head[:1]
    return head.lower() in _OPENING_HEADS


def _opens(value: str) -> bool:
    """`value` or one of its lines starts with a word that may open a salutation or a closing (the first
    word read by an anchored match: a search for line starts cost PERSON a tenth of its time; scanfast24:
    its first letters compared first, `_may_open`, 4,200 -> ~400 instructions a one-line text)."""
    if "\n" not in value:
        if not _may_open(value):
            return False
        first = _FIRST_WORD.match(value)
        return first is not None and first.group(1).lower() in _OPENING_WORDS
    for line in value.split("\n"):
        if (
            _may_open(line)
            and (first := _FIRST_WORD.match(line)) is not None
            and first.group(1).lower() in _OPENING_WORDS
        ):
            return True
    return False


class GreetedNames:
    """A name after a greeting or a Nguni prefix (see the module docstring)."""

    def __init__(
        self,
        world: frozenset[str],
        not_surnames: frozenset[str],
        scripts: ScriptNames,
        organisation: Callable[[str, int, int], bool],
    ) -> None:
        """`world`: given names; `not_surnames`: words no name ends with; `organisation(value, start,
        end)`: whether the name at that span belongs to a company or brand."""
        self._world = world
        self._surnames = surnames()
        self._not_surnames = not_surnames
        self._scripts = scripts
        self._organisation = organisation
        self._indic = IndicNames(world)

    def find(self, value: str) -> bool:
        """A greeted name in `value` (a greeting is known to be in it, or `value` has a camel joint)."""
        for match in _GREETED.finditer(value):
            if self._greeted(value, match):
                return True
        if not value.isascii():
            for match in _GREETED_CASELESS.finditer(value):
                name = match.group("name")
                words = name.split()
                if (
                    words[0] not in _CUE_WORDS
                    and not all(word in _ADDRESS_WORDS for word in words)  # "يا أمي": to my mother
                    and _GREETING_WORDS.isdisjoint(words)
                    and party_supplies().isdisjoint(words)
                    and not _supply(words[0])
                    and occasion().search(name) is None
                ):
                    return True
        return False

    def saluted(self, value: str) -> bool:
        """A name after a letter's opening or before its closing's end ("Hi Marisol, ...", "Dear
        Oluwadamilare,", "Bises, Solène"), where either opens the text or a line. One word alone is a
        common given name (both parts of a double one; in Greek, Cyrillic and Armenian any word) with a
        comma after an opening, or ending the line after a closing."""
        if not _opens(value):
            return False
        return any(
            self._named(value, match, single_end)
            for pattern, single_end in ((_SALUTED, ","), (_SIGNED, ""))
            for match in pattern.finditer(value)
        ) or (not value.isascii() and self._caseless_named(_CASELESS_SALUTED, value))

    def signed_from(self, value: str) -> bool:
        """A gift card's sender after a closing and "from" ("..., love from Ismael"); one word is a common
        given name that is not a place as often ("Love from Paris")."""
        return any(self._named(value, match, "", _PLACES_TOO) for match in _SIGNED_FROM.finditer(value)) or (
            not value.isascii() and self._caseless_named(_CASELESS_SIGNED_FROM, value, listed=False)
        )

    def _named(
        self, value: str, match: re.Match[str], single_end: str, not_alone: frozenset[str] = frozenset()
    ) -> bool:
        """The words an opening or a closing matched are a name: several as greeted names are, one word
        a common given name (`_alone`, with `single_end` after it) that is none of `not_alone`."""
        if len(match.group("name").split()) > 1:
            return self._greeted(value, match)
        return (
            fold_name(match.group("name").lower()) not in not_alone
            and self._alone(value, match, single_end)
            and not self._excluded(value, match)
        )

    def _caseless_named(self, pattern: re.Pattern[str], value: str, listed: bool = True) -> bool:
        """`pattern` (an opening or a closing before a name of a script without capitals) holds a name:
        words that are no word of address, greeting, party supply or occasion ("Dear ग्राहक" greets a
        customer); one word, where `listed`, a given name as `_caseless_given` can tell ("ძვირფასო ნინო",
        not "ძვირფასო მეგობარო": friend). A gift card's "To ..., love from ..." needs no list: its sender
        is someone, and the words of kinship are left out."""
        for match in pattern.finditer(value):
            name = match.group("name")
            words = name.split()
            if (
                _CASELESS_NOT_NAMES.isdisjoint(words)
                and _ADDRESS_WORDS.isdisjoint(words)
                and _GREETING_WORDS.isdisjoint(words)
                and party_supplies().isdisjoint(words)
                and not _supply(words[0])
                and occasion().search(name) is None
                and (len(words) > 1 or not listed or self._caseless_given(name))
            ):
                return True
        return False

    def _caseless_given(self, word: str) -> bool:
        """One word of a script without capitals is a given name where its letters can be compared with
        the lists': Georgian and Ethiopic read in Latin letters, a Brahmic script by its spelling key
        (`IndicNames.given`); other scripts' words are taken as they are."""
        if _SPELLED_IN_LATIN.match(word):
            return fold_name(anyascii(word).lower()) in self._world
        if _BRAHMIC.match(word):
            return self._indic.given(word)
        return True

    def quoted(self, value: str) -> bool:
        """A name that signs a quotation ("\"Best candle ever!\" — Tamsin Okonkwo, verified buyer"): two or
        three capitalised words, a common given name first or a surname's shape last; or one common given
        name."""
        if not (_QUOTE_THEN.search(value) or value.lstrip().startswith("-") or "\n-" in value):
            return False
        for match in _QUOTED.finditer(value):
            words = match.group("name").split()
            if (
                match.group("end") is None
                or words[0].lower() in NOT_FIRST_WORDS  # "\"Hey Jude\" by The Beatles"
                or (match.group("dash") is not None and len(words) > 1)
            ):
                continue
            first, last = fold_name(words[0].lower()), fold_name(words[-1].lower())
            named = (
                first in common_names() or self._surname(last)  # ("free" is a rare given name)
                if len(words) > 1
                else self._alone(value, match, "")
            )
            if named and not self._excluded(value, match):
                return True
        return False

    @staticmethod
    def _alone(value: str, match: re.Match[str], after: str) -> bool:
        """The one word of `match` is a common given name with `after` right after it (or anything, when
        `after` is empty: a closing's pattern has read the end of its line)."""
        name = match.group("name")
        word = fold_name(name.lower())
        if word in _NOT_SALUTED or (after and not value.startswith(after, match.end("name"))):
            return False
        # Greek, Cyrillic, Armenian: no list of their names here, and a capital after "Дорогая" is one.
        return all(part in common_names() for part in word.split("-")) or (
            any(_NON_LATIN <= ch <= _NON_LATIN_END for ch in name) and word not in _WORD_GIVEN
        )

    def prefixed(self, value: str, start: int, end: int) -> bool:
        """A Nguni prefix is written onto the capitalised pair at `value[start:end]` ("sikaSipho Ndlovu"),
        which stands alone otherwise (asked only of pairs glued to a word before them)."""
        prefix = _WORD_BEFORE.search(value, max(0, start - _LONGEST_PREFIX - 1), start)
        return (
            prefix is not None
            and prefix.group() in _NGUNI_PREFIXES
            and (end == len(value) or not value[end].isalnum())
            and not self._organisation(value, start, end)
        )

    def _surname(self, word: str) -> bool:
        return word in self._surnames or self._scripts.latin_surname(word)

    def _excluded(self, value: str, match: re.Match[str]) -> bool:
        """The words greeted are an occasion, a brand or words of address, or end with no surname."""
        name = match.group("name")
        words = [word for word in name.split() if not re.fullmatch(_PARTICLE, word)]
        return (
            occasion().search(name) is not None
            or words[-1].lower() in self._not_surnames
            or words[0].lower() in NOT_FIRST_WORDS  # "Best regards,\nThe Marketing Team"
            or self._organisation(value, match.start("name"), match.end("name"))
            # "Happy Birthday Love!", "Joyeux anniversaire Maman !"
            or all(word.lower() in _ADDRESS_WORDS for word in words)
        )

    def _greeted(self, value: str, match: re.Match[str]) -> bool:
        if self._excluded(value, match):
            return False
        name = match.group("name")
        words = [word for word in name.split() if not re.fullmatch(_PARTICLE, word)]
        ends = match.group("end") is not None
        folded = [fold_name(word.lower()) for word in words]
        if len(words) == 1:
            # A comma between greets someone by name ("¡Feliz cumpleaños, Ximena!", "С днём рождения,
            # Евдокия!"): then a given name of the wider list, or in Greek, Cyrillic or Armenian (no list
            # of their names here) any word that is no word of address, ends the sentence.
            parts = folded[0].split("-")
            if not ends:
                return False
            if all(part in common_names() for part in parts):
                return True
            addressed = "," in value[match.start() : match.start("name")]
            return addressed and (
                all(part in self._world for part in parts)
                or (
                    any(_NON_LATIN <= ch <= _NON_LATIN_END for ch in name)
                    and fold_name(name.lower()) not in _WORD_GIVEN
                )
            )
        # Given name first, or surname first and then the given name ("Kovács Eszter"): "Hello Kitty",
        # "Little Man" have a given name of the list only second, after no surname.
        if folded[0] in self._world or self._surname(folded[-1]):
            return True
        if folded[1] in self._world and self._surname(folded[0]):
            return True
        # Greek, Cyrillic, Armenian: no list of their given names here, so the sentence must end.
        # (`normalise` may have read some of their letters as Latin look-alikes: "Γiώpyo Niκoλάou".)
        return ends and any(_NON_LATIN <= ch <= _NON_LATIN_END for ch in name)
