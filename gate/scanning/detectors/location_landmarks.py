"""LOCATION: an address given by its landmarks, as much of South Asia, Latin America and Africa writes
one for the courier (addr24): "flat 3B, behind Sai Baba mandir, opposite Reliance Fresh, Kothrud,
Pune", "frente a la iglesia San Francisco, casa azul, Barrio Abajo, Tegucigalpa", "de la iglesia El
Calvario 2 cuadras al lago, casa esquinera, Managua", "off Allen Avenue, close to Ikeja City Mall,
yellow gate, Ikeja, Lagos".

A landmark phrase alone is a picture's ("the temple near the river", "la casa azul frente a la
iglesia", "a girl in front of the Eiffel Tower, 35mm, 8k"). It counts only as a part of a line of three
or more comma-separated parts, opening its part (or closing it, in the languages whose phrase follows
its landmark: "शिव मंदिर के पास") with a landmark after it (a capitalised name or a landmark's word),
and with another part that names a house with its number or a district ("house 14", "Bairro Centro",
"villa 12"), or a street ("Argwings Kodhek road") where the landmark is named by its kind ("close to
Ikeja City Mall", "behind Total filling station"). A Nicaraguan or Costa Rican direction ("2 cuadras
al lago", "100 metros norte de") is its own landmark and its own evidence.
"""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.detectors.base import HAS_WORDS, PatternRule, Text, any_word

# Phrases before their landmark, lower case as `cue_view` reads them.
_BEFORE = (
    "near", "nr.", "opp.", "opp", "opposite", "behind", "close to", "next to", "beside", "adjacent to",
    "in front of",
    "frente a", "frente al", "enfrente de", "enfrente del", "a la par de", "a la par del", "al lado de",
    "al lado del", "detrás de", "detrás del", "cerca de", "cerca del", "diagonal a", "diagonal al",
    "em frente à", "em frente ao", "em frente a", "ao lado da", "ao lado do", "atrás da", "atrás do",
    "perto da", "perto do", "próximo ao", "próximo à",
    "derrière", "à côté de", "à côté du", "en face de", "en face du", "près de", "près du",
    "karibu na", "mkabala na", "nyuma ya", "baada ya",
    "tapat ng", "malapit sa", "likod ng", "katabi ng",
    "بجوار", "أمام", "خلف", "بالقرب من", "مقابل",
)  # fmt: skip
# Phrases after their landmark (Hindi, Urdu, Bengali).
_AFTER = ("के पास", "के सामने", "के पीछे", "کے قریب", "کے سامنے", "کے پاس", "کے پیچھے", "পাশে", "বিপরীতে")
# A direction that is its own landmark: "2 cuadras al lago", "100 metros norte de la iglesia".
_DIRECTION = re.compile(
    r"(?i)(?<![\w])\d{1,4}\s+(?:cuadras?|metros|varas|km)\s+(?:al|a la|norte|sur|este|oeste)\b"
)
_PHRASE = re.compile(
    r"(?i)(?<![\w])(?:"
    + "|".join(re.escape(phrase) for phrase in sorted(_BEFORE + _AFTER, key=len, reverse=True))
    + r")(?![\w])|"
    + _DIRECTION.pattern.removeprefix("(?i)")
)
# What a courier's landmark is, when its name is not capitalised ("behind the temple", "frente a la
# iglesia", "em frente à padaria").
_LANDMARK_WORDS = frozenset((
    "temple", "mandir", "masjid", "mosque", "church", "chapel", "gurudwara", "school", "college",
    "hospital", "clinic", "bank", "atm", "market", "mall", "station", "petrol", "filling", "pump", "post",
    "office", "hotel", "cinema", "stadium", "park", "bakery", "pharmacy", "iglesia", "capilla", "escuela",
    "colegio", "mercado", "tienda", "pulpería", "pulperia", "gasolinera", "farmacia", "parque", "banco",
    "panadería", "panaderia", "estación", "estacion", "parada", "igreja", "escola", "padaria", "farmácia",
    "posto", "praça", "praca", "église", "eglise", "école", "ecole", "mosquée", "mosquee", "pharmacie",
    "marché", "marche", "boulangerie", "gare", "station-service", "msikiti", "kanisa", "soko", "shule",
    "hospitali", "simbahan", "paaralan", "palengke",
))  # fmt: skip
_ARTICLES = frozenset(("the", "la", "el", "los", "las", "a", "à", "o", "os", "le", "les", "l'", "du", "de"))
# A part that names a house with its number, a district by its name or number, or gives a direction.
_HOUSE_OR_DISTRICT = re.compile(
    r"(?i)(?<![\w])(?:house|h\.\s?no\.?|flat|plot|villa|casa|apt\.?|apartment|block|blk|lot|door|maison"
    r"|nyumba)\s*(?:no\.?|n[º°]|#|:)?\s*\d"
    r"|(?<![\w])(?i:barrio|bairro|colonia|col\.|brgy\.?|barangay|zona|sector|tranche|mohalla|quartier"
    rf"|kebele|mtaa)\s+(?:\d|[{lexicon.UPPER}])"
    r"|" + _DIRECTION.pattern.removeprefix("(?i)")
)
# A street whose word ends its part ("off Allen Avenue", "Kasoa new market road"): enough only beside a
# landmark's word ("close to Ikeja City Mall"; not "cat next to Big Ben, Abbey Road, watercolor").
_STREET_PART = re.compile(
    r"(?i)\w\s+(?:road|rd\.?|street|st\.?|avenue|ave\.?|lane|nagar|colony|layout|calle|rua|avenida)\s*$"
)
_PART_SEPARATORS = re.compile(r"[,،;|]")
_MIN_PARTS = 3
_REACH = 160


def _landmark_after(part: str) -> bool:
    """A capitalised name, a letter of a script without case or a landmark's word among the first three
    words of `part` (articles aside)."""
    words = [word.strip(".,()") for word in part.split()[:4]]
    for word in words:
        if not word or word.lower() in _ARTICLES:
            continue
        first = word[0]
        caseless = first.isalpha() and first.lower() == first.upper()
        return first.isupper() or caseless or word.lower() in _LANDMARK_WORDS
    return False


def _directions(match: re.Match[str], text: Text) -> bool:
    """True when the landmark phrase of `match` opens (or, after its landmark, closes) a part of a line of
    three parts or more, and another part names a house, a street or a district."""
    value = text.value
    start, end = match.start(), match.end()
    # The line around the phrase, at most `_REACH` characters either side: a long text's many phrases
    # each read a bounded stretch, never the whole line again (hostile lengths stay linear).
    line_start = max(value.rfind("\n", max(0, start - _REACH), start) + 1, start - _REACH)
    line_end = value.find("\n", end, end + _REACH)
    line = value[line_start : min(len(value), end + _REACH) if line_end < 0 else line_end]
    parts = _PART_SEPARATORS.split(line)
    if len(parts) < _MIN_PARTS:
        return False
    offset, index = start - line_start, 0
    position = 0
    for index, part in enumerate(parts):  # noqa: B007 - the part the phrase is in
        if position + len(part) >= offset:
            break
        position += len(part) + 1
    part = parts[index]
    before, after = part[: offset - position], part[offset - position + (end - start) :]
    phrase = match.group().lower()
    if phrase in _AFTER:
        own = not after.strip(" .")
    elif phrase[:1].isdigit():
        return True  # a direction: "2 cuadras al lago"
    else:
        # (after a label: "delivery address: behind Total filling station, ...")
        own = not before.strip(" .").rpartition(":")[2].strip() and _landmark_after(after)
    if not own:
        return False
    others = [other for number, other in enumerate(parts) if number != index]
    if any(_HOUSE_OR_DISTRICT.search(other) for other in others):
        return True
    named = any(word.strip(".,()").lower() in _LANDMARK_WORDS for word in after.split()[:6])
    return named and any(_STREET_PART.search(other.strip(" .")) for other in others)


RULES = (
    PatternRule(
        "location.landmarks",
        _PHRASE,
        _directions,
        when=any_word((*_BEFORE, *_AFTER, "cuadra", "metros", "varas")),
        requires=HAS_WORDS,
    ),
)
