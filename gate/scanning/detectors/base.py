"""The two detector shapes: text detectors read one string, keyed rules read a key and its value.

A text detector answers "does this string hold my entity?" and returns the name of the rule that
matched (recorded in `Finding.detector`), or None. Patterns are data: a `PatternDetector` is a list of
rules, each a compiled regex with an optional validate hook (checksums, ranges, context cues). What a
rule cannot match without is data too: the `text_facts` it requires and the key context it applies in,
so the walk skips rules (and whole detectors) without calling them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Final, Protocol

from gate.scanning import cue_words, lexicon
from gate.scanning.context import NOT_NUMERIC
from gate.scanning.script_facts import HAS_NON_ALNUM, HAS_NON_HEX, HAS_NON_UUID, script_facts, shape_facts
from gate.scanning.tries import trie_pattern

_DIGIT = re.compile(r"\d")
# Six digits with at most two separator characters between neighbours: the least any numeric
# identifier here has (a NINO's "12 34 56"), and what most prompts ("8k, 85mm, 1.2") lack.
# Possessive ("{0,2}+"): separators and digits are disjoint, so giving separators back can never
# produce a match, and without backtracking "SKU-70806-NVY" is rejected in a third of the time.
_DIGIT_RUN = re.compile(r"\d(?:[ \t\-./(),]{0,2}+\d){5}")
# The same for ASCII text, where "\d" can only mean 0-9: ASCII mode skips the Unicode digit lookup.
_ASCII_DIGIT_RUN = re.compile(_DIGIT_RUN.pattern, re.ASCII)
_ASCII_DIGITS = b"0123456789"
_RUN_DIGITS = 6
_EIGHT_DIGITS = 8
_IBAN_DIGITS = 12  # "NL91 ABNA 0417 1643 00" has the fewest
# ASCII bytes by class (capital "A", digit "0", else "."): "two capitals, two digits" is one find.
_CLASSES = bytes(
    ord("A") if 65 <= byte <= 90 else ord("0") if 48 <= byte <= 57 else ord(".") for byte in range(256)
)
_SPACE = re.compile(r"\s")
# The top-level domains of the social networks' profile links (detectors/social.py).
_LINK = re.compile(r"(?i)\.(?:com|net|me|tv|app|am|ru|social)/")
# The folder of the home folders, then a separator (detectors/account.py).
_HOME_FOLDER = re.compile(r"(?i)(?:users|home|documents and settings)[\\/]")
_MAX_LOOPED_WORDS = 8
# (text15) and the scripts of Laos, Myanmar and Cambodia, written without case and without spaces
# between words: a sentence there is one "word" ("ម្ដាយខ្ញុំមានជំងឺទឹកនោមផ្អែម", my mother has diabetes).
_CASELESS_LETTER = re.compile(f"[{lexicon.CASELESS}\u0e81-\u0edf\u1000-\u109f\u1780-\u17dd]")


# Cheap facts about a string, as bits. A detector names the facts of which it needs any one
# (`needs`); a detector or a rule also names facts that must all hold (`requires`), because its
# pattern cannot match without them. `Final`, so mypyc reads them as constants (a detector class
# names them as its attributes' defaults).
HAS_AT: Final = 1 << 0
HAS_DIGIT: Final = 1 << 1
HAS_DIGIT_RUN: Final = 1 << 2
HAS_WORDS: Final = 1 << 3  # whitespace, so more than one word: free text
HAS_CAPITALS: Final = 1 << 4  # free text with a capital letter, or text in a script without case (names)
HAS_DOTS: Final = 1 << 5  # three dots (IPv4)
HAS_COLONS: Final = 1 << 6  # two colons (IPv6)
HAS_SEPARATOR: Final = 1 << 7  # "=" or ":" (cookies)
HAS_JWT: Final = 1 << 8
HAS_DIGIT_WORDS: Final = 1 << 9  # digits in free text (street numbers, "born in 1985")
HAS_DEGREE: Final = 1 << 10  # "48°51'N", "北緯35度"
HAS_TOKEN_WORD: Final = 1 << 11  # "bearer" or "token"
# Facts looked for only in strings with a digit (HAS_DIGIT) or a digit run (HAS_DIGIT_RUN): every
# pattern that needs them needs those digits too, and most strings have none.
HAS_UPPER: Final = 1 << 12  # an upper-case letter (with a digit: a NINO)
HAS_DECIMALS: Final = 1 << 13  # two dots and six digits (a coordinate pair: "48.85, 2.29")
HAS_COMMA: Final = 1 << 14  # with a digit: "City, ST 12345"
HAS_PLUS: Final = 1 << 15  # with a digit: "+49 ..."
HAS_DASH: Final = 1 << 16  # with a digit run: "536-22-1234"
# Cue words, as facts: every pattern of the detector that needs one contains one of these words, so
# the detector is called only for the few strings that have one.
HAS_BEHAVIOR_WORD: Final = 1 << 17  # in free text: "viewed", "purchase history", "based on your ..."
HAS_BIRTH_WORD: Final = 1 << 18  # with a digit: "born", "DOB", "birthday"
# More facts of strings with a digit.
# Eight digits or more, however far apart ("0151 - 2345 - 6789", "45 47 97 51").
HAS_EIGHT_DIGITS: Final = 1 << 19
HAS_CODE_START: Final = 1 << 20  # two capitals (or letters, with 12 digits), then two digits: an IBAN's start
HAS_LINK: Final = (
    1 << 21
)  # a host of a few top-level domains before a "/" ("instagram.com/...", "t.me/..."), or "///"
HAS_NON_ASCII: Final = 1 << 22  # a character outside ASCII (the CJK and Hangul address patterns need one)
HAS_HOME_PATH: Final = 1 << 23  # a home folder in a path: "C:\\Users\\...", "/home/...", "/Users/..."
# (scanfast23) With a digit: room for a wallet address, 26 characters or more (a base58 address, or "0x"
# and 40 hex digits), or "c1" of a segwit one's "bc1"/"ltc1" (14 characters at least).
HAS_WALLET_ROOM: Final = 1 << 24
_WALLET_ROOM = 26
# The shapes of a string with a digit (`script_facts.shape_facts`: not a hash, a UUID, a hex word).
_SHAPES: Final = HAS_NON_HEX | HAS_NON_UUID | HAS_NON_ALNUM
BEHAVIOR_WORDS = (
    "view", "brows", "histor", "purchas", "bought", "ordered", "cart", "basket", "wish", "search", "based"
)  # fmt: skip
BIRTH_WORDS = ("born", "birth", "dob", "d.ob", "do.b", "d.o.b")
# Birth cues of other languages; they share no letter, so they are looked for one by one.
LOCAL_BIRTH_WORDS = (
    "geb", "né", "née", "naissance", "nacid", "nacimiento", "nato", "nata ", "nascita", "geboorte",
    "ur.", "urodz", "nascid", "nascimento", "född", "født", "fødsel", "födelse", "syntyn", "syntymä", "doğum",
    "dogum", "narozen", "născut", "nascut", "naşterii", "nașterii", "nasterii", "rođen", "rodjen", "rođenja",
    "született", "születési", "sündinud", "sünniaeg", "γεννήθηκε", "γέννησης", "lahir", "zaliwa",
    "ipinanganak",
)  # fmt: skip


def cue_view(value: str) -> str:
    """`value` as cue words are looked for in it: lower-cased, with every run of whitespace one space
    ("My\twife", "name  is" -> "my wife", "name is") and the letters Python's case-insensitive
    regexes match as ASCII "i" and "s" folded (dotless i, capital I with a dot, long s), as the
    case-insensitive, whitespace-tolerant patterns behind the cue words read the text."""
    if value.isascii():
        lower = value.lower()
        return lower if value.isprintable() and "  " not in lower else " ".join(lower.split())
    # Capital I with a dot first: lower() would make it "i" and a combining dot. (The Kelvin sign
    # lowers to "k" already.) str.replace is fast; a translate table is not, on non-ASCII text.
    lower = value.replace("\u0130", "i").lower()
    if "\u0131" in lower:
        lower = lower.replace("\u0131", "i")
    if "\u017f" in lower:
        lower = lower.replace("\u017f", "s")
    return " ".join(lower.split())


def text_facts(value: str, numeric: bool = True) -> int:
    """The `HAS_*` facts of a string: plain `in`/`count` tests and at most two regex searches.

    `numeric` is False under a key whose digits are not identifiers (`context.NOT_NUMERIC`: seeds,
    hashes, GTINs, timestamps): the facts only numeric detectors read (digit runs, IBAN and phone
    shapes, dotted decimals) are then not looked for, since those detectors do not run there.
    """
    return facts_and_view(value, numeric)[0]


def facts_and_view(value: str, numeric: bool = True) -> tuple[int, str]:
    """`text_facts` and the string's `cue_view`, or "" where the view was not needed for the facts (the
    walk passes both to `Text`, which then makes the view only where it is "")."""
    if value.isalpha():
        if value.isascii():
            # One word of letters ("CLIPTextEncode", "euler"): no digit, space or punctuation to look for.
            return (HAS_JWT if "eyJ" in value else 0), ""
        if _CASELESS_LETTER.search(value) is None:
            # (Chinese or Japanese is written without spaces: "田中太郎様" is a sentence.)
            return HAS_NON_ASCII | script_facts(value) | (HAS_JWT if "eyJ" in value else 0), ""
    ascii_text = value.isascii()
    if ascii_text:
        # Counting digits is one bytes.translate.
        digits = len(value) - len(value.encode("ascii").translate(None, _ASCII_DIGITS))
    else:
        digits = len(_DIGIT.findall(value))
    plain = ascii_text and value.isprintable()
    # Printable ASCII has no letters to fold, and the cue words looked for here are single words, so
    # value.lower() serves; it is the cue_view too unless it holds a double space.
    if plain:
        lower = value.lower()
        upper = lower != value
        view = lower if "  " not in lower else ""
    else:
        lower = view = cue_view(value)
        upper = value.lower() != value
    facts = (HAS_AT if "@" in value else 0) | (0 if ascii_text else HAS_NON_ASCII | script_facts(value))
    # Text with words: its cue words are found in one pass (`cue_words`), which answers the word facts
    # below and, remembered, the cue-word prefilters of the `Text` made next; when `lower` is the text's
    # `cue_view` (plain text without a double space, and all other text), else (-1) the plain tests.
    words = " " in value or (not plain and _SPACE.search(value) is not None)
    cues = cue_words.found(lower) if words and _CUES_REGISTERED and (not plain or "  " not in lower) else -1
    if digits:
        facts |= HAS_DIGIT | (_numeric_facts(value, ascii_text, digits, upper) if numeric else 0)
        facts |= (HAS_COMMA if "," in value else 0) | (
            HAS_WALLET_ROOM if len(value) >= _WALLET_ROOM or "c1" in value or "C1" in value else 0
        )
        # Under a hash key all three shapes are assumed: the numeric detectors that read them do not run
        # there, and looking cost the European corpus more than it saved (hexfast26).
        facts |= shape_facts(value, digits) if ascii_text and numeric else _SHAPES
        # Every English birth word has a "b"; the other languages' cues precede the date with a space, or
        # (text18) with "=" as a key=value pair writes it ("?geburtsdatum=17.05.1990&ref=ig").
        if cues != -1:  # (not `>= 0`: see `Text.cue_bits`)
            english = bool(cues & _BIRTH_BIT)
            local = (" " in lower or "=" in lower) and bool(cues & _LOCAL_BIRTH_BIT)
        else:
            english = "b" in lower and any(word in lower for word in BIRTH_WORDS)
            local = (" " in lower or "=" in lower) and _LOCAL_BIRTH.search(lower) is not None
        if english or local:
            facts |= HAS_BIRTH_WORD
        elif (
            not ascii_text
            # `lower` is its own cue view here, whose cue-word bits are `cues`: the keys' prefilter first.
            and (cues == -1 or _BIRTH_CUES.may_be_found(lower, lower, cues))
            and _BIRTH_CUES.found(lower)
        ):
            # Scripts read through `normalise`, and those without spaces ("生年月日 1980年3月3日").
            facts |= HAS_BIRTH_WORD
    if ":" in value:
        # An IPv6 address can be all hex letters ("dead:beef::cafe"), so this is not a digit fact.
        facts |= HAS_SEPARATOR | (HAS_COLONS if numeric and value.count(":") >= 2 else 0)
    elif "=" in value:
        facts |= HAS_SEPARATOR
    # Words can be split by any whitespace ("user\tviewed"); a plain string (printable ASCII) cannot
    # hold whitespace other than " ".
    if words:
        facts |= _word_facts(lower, upper, digits > 0, cues)
    if not ascii_text and not facts & HAS_CAPITALS and _CASELESS_LETTER.search(value) is not None:
        # Scripts without case (Arabic, Hebrew, CJK) write names without capitals, CJK without spaces.
        facts |= HAS_CAPITALS
    # (also a latitude written in CJK words, "北緯35度": location_codes)
    if "°" in value or (not ascii_text and ("緯" in value or "纬" in value)):
        facts |= HAS_DEGREE
    # (also a what3words address, "///filled.count.soap": location_codes)
    if "/" in value and ("///" in value or _LINK.search(value) is not None):
        facts |= HAS_LINK
    if (
        ("/" in value or "\\" in value)
        and ("users" in lower or "home" in lower or "settings" in lower)
        and _HOME_FOLDER.search(value) is not None
    ):
        facts |= HAS_HOME_PATH
    if "eyJ" in value:
        facts |= HAS_JWT
    return facts, view


def _numeric_facts(value: str, ascii_text: bool, digits: int, upper: bool) -> int:
    """The facts of a string with digits that only the numeric detectors read (see `text_facts`)."""
    facts = 0
    if upper:
        facts |= HAS_UPPER
        # Only ASCII text is classified; elsewhere HAS_CODE_START is assumed, which only costs time.
        # (find: bytes' `in` tries a bytes operand as an integer first, and formats a TypeError.)
        if not ascii_text or value.encode("ascii").translate(_CLASSES).find(b"AA00") >= 0:
            facts |= HAS_CODE_START
    # An IBAN typed in lower or mixed case ("de89 3704 ..."): only with as many digits as the shortest has.
    if not facts & HAS_CODE_START and digits >= _IBAN_DIGITS:
        # At the start of a word only ("sha eb38..." is not one).
        classes = b"." + value.upper().encode("ascii", "replace").translate(_CLASSES)
        if classes.find(b".AA00") >= 0:
            facts |= HAS_CODE_START
    dots = value.count(".")
    if dots >= 2:
        facts |= (HAS_DECIMALS if digits >= _RUN_DIGITS else 0) | (HAS_DOTS if dots >= 3 else 0)
    if "+" in value:
        facts |= HAS_PLUS
    if digits >= _EIGHT_DIGITS:
        facts |= HAS_EIGHT_DIGITS
    # A digit run needs six digits, so its regex (the costliest test here) runs only for those.
    if digits >= _RUN_DIGITS:
        digit_run = _ASCII_DIGIT_RUN if ascii_text else _DIGIT_RUN
        if digit_run.search(value) is not None:
            facts |= HAS_DIGIT_RUN | (HAS_DASH if "-" in value else 0)
    return facts


def _word_facts(lower: str, upper: bool, has_digit: bool, cues: int = -1) -> int:
    """The facts of free text (a string with whitespace), from its `cue_view` (and the `cue_words.found`
    bits of it, when known: `cues` >= 0)."""
    facts = HAS_WORDS | (HAS_CAPITALS if upper else 0) | (HAS_DIGIT_WORDS if has_digit else 0)
    if cues != -1:
        return (
            facts
            | (HAS_TOKEN_WORD if cues & _TOKEN_BIT else 0)
            | (HAS_BEHAVIOR_WORD if cues & _BEHAVIOR_BIT else 0)
        )
    if "bearer" in lower or "token" in lower:
        facts |= HAS_TOKEN_WORD
    for word in BEHAVIOR_WORDS:
        if word in lower:
            return facts | HAS_BEHAVIOR_WORD
    return facts


class Text:
    """One string as the detectors see it: the text, its key context flags, its `cue_view` (`lower`,
    for cue-word prefilters) and its `text_facts`, so most detectors and rules are skipped without
    being called.

    Pass `facts` when they are already known (the walk computes them first, and builds a `Text` only
    for strings some detector has a chance on), and `lower` when the `cue_view` is (`facts_and_view`).
    """

    __slots__ = ("cues", "facts", "flags", "lower", "value")

    def __init__(self, value: str, flags: int, facts: int | None = None, lower: str = "") -> None:
        self.value = value
        self.flags = flags
        self.lower = lower or cue_view(value)
        # The `cue_words.found` bits of `lower`, computed by the first `any_word` prefilter that asks.
        self.cues = -1
        self.facts = text_facts(value, not flags & NOT_NUMERIC) if facts is None else facts

    def cue_bits(self) -> int:
        """The `cue_words.found` bits of `lower`, computed once, by whichever prefilter asks first."""
        found = self.cues
        # `== -1`, not `< 0`: compiled, an order test of a Python long (the bits of more than 62 lists)
        # is a rich comparison; an equality test with a small int is not.
        if found == -1:
            found = self.cues = cue_words.found(self.lower)
        return found


class TextDetector(Protocol):
    """Finds one entity type in free text."""

    @property
    def entity(self) -> str:
        """The entity type (Presidio's name where one exists)."""

    @property
    def needs(self) -> int:
        """`Text.facts` bits of which at least one must be set for this detector to have a chance."""

    @property
    def unless(self) -> int:
        """Key context flags (`context.NOT_NUMERIC`, ...) under which this detector never fires."""

    def narrowed(self, facts: int, context: int) -> TextDetector | None:
        """This detector for strings with exactly these `Text.facts` under key context `context`:
        without the rules that cannot match there, or None when no rule can. Called once per distinct
        (facts, context), not per string."""

    def detect(self, text: Text) -> str | None:
        """The name of the rule that matched, or None."""


class Matcher(Protocol):
    """What a rule searches with: a compiled regex, or a `lexicon.CuedPattern`."""

    def finditer(self, text: str, /) -> Iterator[re.Match[str]]:
        """The matches in `text`, in order."""

    def search(self, text: str, /) -> re.Match[str] | None:
        """The first match `finditer` yields, or None when it yields none."""


Validate = Callable[[re.Match[str], Text], bool]
Prefilter = Callable[[Text], bool]


@dataclass(frozen=True, slots=True)
class PatternRule:
    """A named regex with an optional validate hook; the first valid match wins.

    `requires` are the `Text.facts` bits the pattern cannot match without (all of them); `context`
    the key context flags of which one must hold for the rule to apply (none: any context); `when` is
    a cheap prefilter for what neither can say, checked before the regex.
    """

    name: str
    pattern: Matcher
    validate: Validate | None = None
    when: Prefilter | None = None
    requires: int = 0
    context: int = 0

    def applies(self, facts: int, context: int) -> bool:
        """True if the rule has a chance on a string with these facts under this key context."""
        return self.requires & facts == self.requires and (not self.context or bool(self.context & context))


@dataclass(frozen=True, slots=True)
class PatternDetector:
    """A text detector made of pattern rules, tried in order; the first rule with a valid match wins.

    The detector has a chance when one of its `needs` facts and all of its `requires` facts hold and
    the key context has none of its `unless` flags.
    """

    entity: str
    needs: int
    rules: tuple[PatternRule, ...]
    requires: int = 0
    unless: int = 0

    def narrowed(self, facts: int, context: int) -> PatternDetector | None:
        """See `TextDetector.narrowed`; `needs` and `unless` are the caller's to check."""
        if self.requires & facts != self.requires:
            return None
        rules = tuple(rule for rule in self.rules if rule.applies(facts, context))
        if not rules:
            return None
        return self if len(rules) == len(self.rules) else replace(self, rules=rules)

    def detect(self, text: Text) -> str | None:
        """The name of the first rule with a valid match in `text`, or None."""
        facts, flags = text.facts, text.flags
        if not self.needs & facts or self.requires & facts != self.requires or self.unless & flags:
            return None
        for rule in self.rules:
            # rule.applies(facts, flags), inlined: this runs for every rule of every detector called.
            requires, context = rule.requires, rule.context
            if requires & facts != requires or (context and not context & flags):
                continue
            when = rule.when
            if when is not None:
                if isinstance(when, AnyWord):  # `AnyWord.__call__`, inlined
                    found = text.cues
                    if found == -1:  # (see `Text.cue_bits`)
                        found = text.cues = cue_words.found(text.lower)
                    if not found & when.bit:
                        continue
                elif not when(text):
                    continue
            # One search first: most rules find nothing, and a search that fails costs a third of an
            # iteration over no matches (the scanner and iterator objects are never made).
            pattern, validate = rule.pattern, rule.validate
            # A cued pattern whose cue words' keys the text's cue words do not hold: not searched at all.
            if isinstance(pattern, lexicon.CuedPattern) and not pattern.may_match(
                text.value, text.lower, text.cue_bits()
            ):
                continue
            first = pattern.search(text.value)
            if first is None:
                continue
            if validate is None:
                return rule.name
            if validate(first, text):
                return rule.name
            for match in _after(pattern, text.value, first):
                if validate(match, text):
                    return rule.name
        return None


def _after(pattern: Matcher, value: str, first: re.Match[str]) -> Iterator[re.Match[str]]:
    """The matches `pattern.finditer(value)` yields after its first, `first` (found by a search): for a
    compiled regex, the iteration goes on from where `first` ended, as finditer itself does after a
    match that is not empty, instead of finding `first` again. (A `lexicon.CuedPattern` yields its
    matches in no positional order: it is iterated from the start.)"""
    if isinstance(pattern, re.Pattern) and first.end() > first.start():
        return pattern.finditer(value, first.end())
    matches = pattern.finditer(value)
    next(matches, None)  # `first`: a search finds what finditer yields first
    return matches


# One search: a regex is faster than a loop of `in` tests over this many words (read by `text_facts`).
# With the birth words of data/cues.toml (every language and script, read through `normalise`): their
# ASCII readings in the same trie, but not the short ones ("né" folded is "ne", in "one" and "need").
_MIN_READING = 4
_BIRTH_CUES = lexicon.Cues("birth", "birth_first_person")
_LOCAL_BIRTH_CUES = LOCAL_BIRTH_WORDS + tuple(r for r in _BIRTH_CUES.ascii_readings if len(r) >= _MIN_READING)
_LOCAL_BIRTH = re.compile(trie_pattern(_LOCAL_BIRTH_CUES))
# The word facts' lists, as `cue_words` lists (a word occurs exactly when the substring test finds it):
# `text_facts` reads them from one pass.
_CUES_REGISTERED: Final = cue_words.AVAILABLE and all(_LOCAL_BIRTH_CUES)
_BIRTH_BIT: Final = cue_words.register(BIRTH_WORDS) if _CUES_REGISTERED else 0
_LOCAL_BIRTH_BIT: Final = cue_words.register(_LOCAL_BIRTH_CUES) if _CUES_REGISTERED else 0
_BEHAVIOR_BIT: Final = cue_words.register(BEHAVIOR_WORDS) if _CUES_REGISTERED else 0
_TOKEN_BIT: Final = cue_words.register(("bearer", "token")) if _CUES_REGISTERED else 0


def any_word(words: tuple[str, ...]) -> Prefilter:
    """A prefilter: true if the text's `cue_view` contains one of `words`.

    The list is registered with `cue_words`, whose one pass per text answers every list's prefilter
    (the first to ask computes `Text.cues`); without that package, plain substring tests (for long
    lists one regex search, which is faster than that many `in` tests): `plain_any_word`."""
    if not cue_words.AVAILABLE or not all(words):
        return plain_any_word(words)
    return AnyWord(cue_words.register(words))


class AnyWord:
    """`any_word`'s prefilter when the automaton serves: one bit of `cue_words.found`. A class, not a
    closure, so `PatternDetector.detect` reads the bit itself (compiled, a call to a closure goes
    through Python's call protocol, for every rule with a cue word of every string)."""

    def __init__(self, bit: int) -> None:
        self.bit = bit

    def __call__(self, text: Text) -> bool:
        return bool(text.cue_bits() & self.bit)


def plain_any_word(words: tuple[str, ...]) -> Prefilter:
    """`any_word` read with plain substring tests (for long lists one regex search, which is faster than
    that many `in` tests): what it falls back to, and the reference its tests compare with."""
    if len(words) > _MAX_LOOPED_WORDS:
        search = re.compile(trie_pattern(words)).search

        def check_many(text: Text) -> bool:
            return search(text.lower) is not None

        return check_many

    def check(text: Text) -> bool:
        lower = text.lower
        # A plain loop: on every prompt, and about twice as fast as any() over a generator.
        for word in words:  # noqa: SIM110 - see above
            if word in lower:
                return True
        return False

    return check


def cue_near(cue: re.Pattern[str], text: str, start: int, end: int, window: int = 32) -> bool:
    """True if `cue` occurs within `window` characters before `start` or after `end`."""
    return cue.search(text, max(0, start - window), min(len(text), end + window)) is not None


def cue_before(cue: re.Pattern[str], text: str, start: int, window: int = 32) -> bool:
    """True if `cue` occurs within `window` characters before `start`."""
    return cue.search(text, max(0, start - window), start) is not None
