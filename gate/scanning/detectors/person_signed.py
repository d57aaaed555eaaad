# ruff: noqa: RUF001, RUF002 - dashes, names and connectors in many scripts, on purpose
"""PERSON signed after a dash at the end of a message (since names20): "Happy birthday! - Ana Souza",
"Congrats on the new job — Priyanka", "Herzlichen Glückwunsch zur Hochzeit — Jens & Birte", a mug's
"Beste Oma der Welt – Ilse Kohlhaas'", "お誕生日おめでとう！ — 佐々木 美咲".

The signature is what follows the last dash of the text (or of a quotation in it), up to the end: one to
four items joined by "&" or "and" in several languages, each a name's shape. What stands before the dash
must read as a message: a sentence's end ("!", "?", "."), a word in lower case, or a script without
capitals; a product's copy in Title Case ("Leather Wallet - Midnight Navy") says nothing of a person.
An item of one word is a given name of the wider list that is no everyday word ("- Priyanka", not "—
Amber & Sandalwood", "- Anonymous", "— The Team"); of more words it is a full name as person_lone reads a
lone value ("- Ana Souza", not "- Ocean Blue", "— Customer Service"), lower-case particles between its
words ("— Thiago dos Santos", "— Ahmad Faizal bin Hassan"). Since names22 a review's signature may be
initials before a surname ("— J. Whitcombe", "— M. de Vries-Bakker", "— Н. Кузнецова", "— م. القحطاني")
and end with the reviewer's town after a comma ("— J. Whitcombe, Leeds"). A brand or a historical figure
(data/name_brands.txt, data/historical_figures.txt: "Just do it - Nike", "— Albert Einstein") signs
no customer's message, and a software's node or button ("- Save Image") is no given name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from anyascii import anyascii

from gate.scanning.detectors.base import Text
from gate.scanning.detectors.person_greeting import has_greeting, has_signoff_from
from gate.scanning.detectors.person_lists import fold_name, occasion, surnames
from gate.scanning.detectors.person_lone import lone_name
from gate.scanning.detectors.person_owner import PARTICLES, cased_script
from gate.scanning.detectors.person_patterns import NOT_FIRST_WORDS
from gate.scanning.detectors.person_scripts import ScriptNames

# A dash that signs: after a space, a sentence's end or a bracket, and before the signature (a hyphen
# inside a word, "Pemberton-Oyelaran", signs nothing). "——" is how Chinese writes it.
_DASH = re.compile(r"(?:(?<=\s)|(?<=[!?.…)」！？。]))(?:--?|[—–―]{1,2})[ \t]*(?=[^\W\d_])")
# What closes a quotation the signature ends (the prompt's own words may follow it: "... - Saoirse' on
# the back"), and what may trail the signature at the end of the text.
_QUOTE_END = re.compile(r"[\"'”’»」』]")
_TRAIL = " \t\n.!?…♥❤️😊🎉🎂"
# Items of a signature, and what joins them: "Jens & Birte", "Rowan and Elspeth", "Noémie et Karim".
_JOIN = re.compile(r"[ \t]+(?:&|\+|and|und|et|y|e|en|og|och|ja|és|și|i|и|και|ve|dan|na|at)[ \t]+")
# Words of a message that no greeting list holds, and the kinship and role words a mug or a shirt prints
# before its owner's name ("World's best grandpa — ...", "Najlepsza babcia — ...").
MESSAGE_WORDS = frozenset(
    (
        "congrats", "congratulations", "thanks", "thank", "thinking", "miss", "love", "proud", "welcome",
        "merci", "danke", "gracias", "obrigado", "obrigada", "grazie", "bedankt", "tack", "takk", "tak",
        "kiitos", "dziękuję", "dziekuje", "děkuji", "köszönöm", "mulțumesc", "teşekkürler", "спасибо",
        "дякую", "ευχαριστώ", "tillykke", "gratulerer", "grattis", "onnea", "glückwunsch", "gluckwunsch",
        "felicidades", "felicitaciones", "parabéns", "parabens", "auguri", "gefeliciteerd", "gratulacje",
        "gratulujeme", "gratulálok", "felicitări", "tebrikler", "поздравляю", "вітаю", "best", "beste",
        "bester", "meilleure", "meilleur", "mejor", "melhor", "migliore", "najlepsza", "najlepszy",
        "nejlepší", "legjobb", "en", "iyi", "лучший", "лучшая", "найкращий", "найкраща", "mom", "mum",
        "dad", "grandma", "grandpa", "nana", "papa", "mama", "oma", "opa", "babcia", "dziadek", "babička",
        "bride", "groom", "chef", "teacher", "coach", "boss", "wife", "husband", "sister", "brother",
        "auntie", "aunt", "uncle", "nonna", "nonno", "abuela", "abuelo", "avó", "avô", "mamie", "papi",
        "papy", "mormor", "farmor", "mummo", "anneanne", "babaanne", "бабушка", "дедушка", "папа",
        "мама", "churrasqueiro", "barbecuekoning", "profe", "maîtresse", "maestra", "maestro",
    )
)  # fmt: skip
_MAX_CHARS = 60
_MAX_ITEMS = 4
_MAX_WORDS = 4
_MIN_GIVEN = 3
# A message before the dash: a sentence's end (a product's copy has none: "Camisa de lino - Azul Marino").
_SENTENCE_END = re.compile(r"[!?¡¿！？。]")
_WORD = re.compile(r"[^\W\d_]+")
# A full stop that ends a sentence: after a word of three letters or more (since names22).
_FULL_STOP = re.compile(r"(?<![\w.])([^\W\d_]{3,})\.\s*$")
# The same read backwards from a dash (`_Message._full_stop`): white space, the stop, the word reversed,
# then no letter, digit nor dot.
_FULL_STOP_BACK = re.compile(r"\s*\.([^\W\d_]{3,})(?![\w.])")
# Initials before a surname, as a review widget signs: "J.", "J.R.", "M.ª" (one letter of any script).
_INITIALS = re.compile(r"(?:[^\W\d_]\.[ªº]?){1,3}")
# A surname word after them: letters, maybe joined by a hyphen or an apostrophe ("Vasseur-Laporte").
_SURNAME_WORD = re.compile(r"[^\W\d_]{2,}(?:['’-][^\W\d_]{2,})*")
_MAX_SURNAME_WORDS = 2
# The reviewer's town after a comma at the end: one to three capitalised words ("— J. Whitcombe, Leeds").
_TOWN = re.compile(r",[ \t]*(?:[^\W\d_][\w'’-]*(?:[ \t]+|$)){1,3}$")


class _Message:
    """Whether the text before a dash reads as a message: a sentence's end, a greeting, a closing or an
    occasion, or a kinship or role word a mug or a shirt prints before a name ("Congrats on the new job",
    "Con todo mi cariño", "Merry Christmas from all of us", "Beste Oma der Welt", "Team Bride"). A
    product's copy before a dash is none of these ("Linen shirt - Ocean Blue", "Kemeja linen - Biru
    Samudra").

    Asked for the dashes of one text in order, it reads each stretch of the text once: what holds before
    one dash holds before every later one (a dash starts after a space or a sentence's end, so no word
    runs across it), and only the new stretch is read, where a text of thousands of quoted signatures was
    read whole at each dash (quadratic: a 90,000-character prompt took minutes). The full stop is read
    back from the dash, over its last word only."""

    def __init__(self, text: Text) -> None:
        self._text = text
        self._value = text.value
        self._read_to = 0  # the text before it is read: `_found` says whether it held a message's word
        self._found = False
        self._said: bool | None = None  # the text holds a greeting or a closing (asked once)
        self._reversed: str | None = None

    def before(self, end: int) -> bool:
        """The text before `end` (a dash's start; asked with `end` never decreasing) reads as a message."""
        if self._found or self._read(end) or self._full_stop(end):
            return True
        if self._said is None:
            self._said = has_greeting(self._text) or has_signoff_from(self._text)
        return self._said

    def _read(self, end: int) -> bool:
        """Read `value[_read_to:end]` for a sentence's end, an occasion or a message word."""
        value, start = self._value, self._read_to
        if end <= start:
            return False
        self._read_to = end
        # No occasion runs across the dash at `start` (a hyphen in one, "saint-valentin", follows a letter,
        # a signing dash a space or a sentence's end), so none found now began in the stretch read before.
        self._found = (
            _SENTENCE_END.search(value, start, end) is not None
            or occasion().search(value, start, end) is not None
            or any(word.lower() in MESSAGE_WORDS for word in _WORD.findall(value, start, end))
        )
        return self._found

    def _full_stop(self, end: int) -> bool:
        """The text before `end` ends with a full stop after a word of three letters or more that is not
        capitalised (`_FULL_STOP`: "... the print is gorgeous. — J. Whitcombe", not "Vol." nor "Co."),
        read backwards from `end` over the last word only."""
        value = self._value
        if self._reversed is None:
            self._reversed = value[::-1]
        stop = _FULL_STOP_BACK.match(self._reversed, len(value) - end)
        return stop is not None and not stop.group(1)[-1].isupper()


def may_be_signed(value: str) -> bool:
    """A dash that may sign is in `value` (the cheap test before `SignedNames.find`)."""
    return "—" in value or "–" in value or " -" in value or "―" in value


class SignedNames:
    """Names signed after a dash at the end of a message (see the module docstring)."""

    def __init__(
        self,
        world: frozenset[str],
        word_names: frozenset[str],
        not_surnames: frozenset[str],
        scripts: ScriptNames,
        organisation: Callable[[str, int, int], bool],
    ) -> None:
        """`world`: given names of many countries; `word_names`, `not_surnames`: everyday words that are
        no given name alone, nor a name's last word; `organisation(value, start, end)`: a company, a
        brand or a historical figure at that span."""
        self._world = world
        self._word_names = word_names
        self._not_surnames = not_surnames
        self._scripts = scripts
        self._surnames = surnames()
        self._organisation = organisation

    def find(self, text: Text) -> bool:
        """A name signed after a dash at the end of `text`'s message (or of a quotation in it)."""
        value = text.value
        message = _Message(text)
        for dash in _DASH.finditer(value):
            start = dash.end()
            signature = value[start : start + _MAX_CHARS + 1]
            if (quote := _QUOTE_END.search(signature)) is not None:
                signature = signature[: quote.start()]
            elif start + len(signature) < len(value):
                continue  # longer than a signature: the text goes on
            signature = signature.rstrip(_TRAIL)
            if (town := _TOWN.search(signature)) is not None and town.start() > 0:
                signature = signature[: town.start()].rstrip()  # "J. Whitcombe, Leeds"
            if not signature or not message.before(dash.start()):
                continue
            if self._signature(signature) and not self._organisation(value, start, start + len(signature)):
                return True
        return False

    def _signature(self, signature: str) -> bool:
        """Each item of `signature` is a name (see the module docstring)."""
        items = _JOIN.split(signature)
        if len(items) > _MAX_ITEMS:
            return False
        return all(self._item(item.strip()) for item in items)

    def _item(self, item: str) -> bool:
        words = item.split()
        if not words or len(words) > _MAX_WORDS or any(ch.isdigit() for ch in item):
            return False
        if _INITIALS.fullmatch(words[0]) is not None:
            return self._initialled(words)
        if not cased_script(words[0][0]):
            # One word read through its Latin letters says too little ("टीम", team, reads "tim").
            return any(self._scripts.native_given(word) for word in words) or (
                len(words) > 1 and any(self._given(word) for word in words)
            )
        # Particles in lower case between the words ("Thiago dos Santos", "Ahmad Faizal bin Hassan").
        if not all(
            word[0].isupper() or (0 < at < len(words) - 1 and word in PARTICLES)
            for at, word in enumerate(words)
        ):
            return False
        if len(words) > 1:
            return lone_name(item)
        word = fold_name(item.lower())
        return (
            len(word) >= _MIN_GIVEN
            and word not in NOT_FIRST_WORDS
            and word not in self._word_names
            and word not in self._not_surnames
            and self._given(item)
        )

    def _initialled(self, words: list[str]) -> bool:
        """Initials, then a surname of one or two words, maybe after lower-case particles ("J. Whitcombe",
        "M. de Vries-Bakker", "J. du Plessis", "Н. Кузнецова", "م. القحطاني"): each surname word of the
        initials' script, capitalised where it has capitals, and no everyday word ("— P.S. Love you")."""
        initials = [word for word in words if _INITIALS.fullmatch(word) is not None]
        rest = words[len(initials) :]
        while rest and rest[0] in PARTICLES:
            rest = rest[1:]
        if words[: len(initials)] != initials or not 0 < len(rest) <= _MAX_SURNAME_WORDS:
            return False
        cased = cased_script(words[0][0])
        if cased and len(initials) + len(rest) == 1 + 1 and not self._surname_evidence(rest[0], words):
            return False  # "— J. Crew", "— E. Coli": one initial and an everyday word
        for word in rest:
            if _SURNAME_WORD.fullmatch(word) is None or cased_script(word[0]) != cased:
                return False
            folded = fold_name(word.lower())
            if (cased and not word[0].isupper()) or folded in NOT_FIRST_WORDS or folded in self._not_surnames:
                return False
            if folded in self._word_names:
                return False
        return True

    def _surname_evidence(self, word: str, words: list[str]) -> bool:
        """One initial and one word (in a script with capitals) sign only where the word is a listed
        surname, has a surname's shape ("Dvořáková", "Кузнецова", "Kowalska"), is hyphenated
        ("Vasseur-Laporte") or follows a particle ("J. du Plessis"), or holds letters beyond ASCII
        ("Oberländer", "Kjær") that an everyday English word or brand after an initial has none of."""
        folded = fold_name(anyascii(word).lower())
        return (
            len(words) > 2  # a particle between
            or "-" in word
            or not word.isascii()
            or folded in self._surnames
            or self._scripts.latin_surname(folded)
        )

    def _given(self, word: str) -> bool:
        """`word` (in any script) is a given name of the wider list, each part of a double one too."""
        parts = fold_name(anyascii(word).lower().replace("'", "")).split("-")
        return all(part in self._world for part in parts)
