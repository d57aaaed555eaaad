"""Names that are a thing's name, not a customer's, by the word right around them (since names14):

- a cultivar after its plant ("rose 'Gertrude Jekyll'", "peony Karl Rosenfield", "Apfelbaum Ingrid Marie",
  "rosier Pierre de Ronsard") or before it ("James Grieve apple tree"): growers name roses, peonies, apples
  and potatoes after people, and a nursery's catalogue is full of them;
- a street named after a person ("poster of Rue Victor Hugo", "Avenida Getúlio Vargas print"): the street's
  name, which LOCATION reads when a house number makes it an address.

Read only for a pair another rule already judged a name (person.py `_organisation`), so the cost is that of
the rare candidate, not of every text.
"""

from __future__ import annotations

import re

_PLANTS = frozenset(
    (
        "rose", "roses", "rosier", "rosa", "róża", "růže", "ruža", "rózsa", "peony", "peonies", "pivoine",
        "pfingstrose", "paeonia", "peonía", "peonia", "clematis", "klematis", "clématite", "dahlia", "dahlie",
        "dalia", "tulip", "tulpe", "tulipe", "tulipán", "hosta", "funkie", "hydrangea", "hortensie",
        "hortensia", "lilac", "flieder", "lilas", "camellia", "kamelie", "magnolia", "rhododendron", "azalea",
        "iris", "fuchsia", "daylily", "hemerocallis", "taglilie", "apple", "apples", "apple tree", "apfel",
        "apfelbaum", "äpfel", "pomme", "pommier", "mela", "melo", "manzana", "manzano", "æble", "æbletræ",
        "äpple", "äppelträd", "eple", "epletre", "omena", "omenapuu", "jabłoń", "jabłko", "appel",
        "appelboom", "pear", "pears", "pear tree", "birne", "birnbaum", "poire", "poirier", "pera", "peer",
        "perenboom", "tomato", "tomatoes", "tomate", "tomaten", "potato", "potatoes", "kartoffel",
        "kartoffeln", "aardappel", "aardappelen", "cultivar", "variety", "sorte", "variété", "varietà",
        "variedad", "odmiana", "seeds", "samen", "graines", "semillas", "zaden",
    )
)  # fmt: skip
# A title may open the cultivar's name (rosier "Madame Alfred Carrière", peony "Dr. Alexander Fleming").
_TITLES = frozenset(("madame", "mme", "mrs", "mrs.", "mr", "mr.", "dr", "dr.", "miss", "frau", "comtesse",
                     "duchesse", "président"))  # fmt: skip
# ... or the quotation mark a cultivar is written in.
_QUOTES = "'‘\"„“«"  # noqa: RUF001
# The plant right after the name, in lower case ("James Grieve apple tree", "King Edward potatoes").
_PLANT_AFTER = re.compile(
    r"['’]?[ \t]+(?:apple|apples|pear|pears|rose|roses|peony|peonies|clematis|potato|potatoes|tomato|"  # noqa: RUF001
    r"tomatoes|plum|plums|cherry|cherries)\b"
)
# Plants that are given names too count only in lower case or with a quotation mark ("Rose, Iris and ...").
_GIVEN_PLANTS = frozenset(("rose", "rosa", "iris", "dahlia", "camellia", "magnolia", "azalea", "hortensia"))
_WINDOW = 32
# Street words that stand before a street's name in the languages of European shops (not "place", "via",
# "drive", "largo": verbs and words before a name as often), and the articles after them.
_STREETS = frozenset(
    (
        "calle", "avenida", "avda.", "paseo", "plaza", "carrer", "rue", "avenue", "boulevard", "allée",
        "quai", "viale", "piazza", "piazzale", "corso", "rua", "praça", "alameda", "travessa", "ulica", "ul.",
        "aleja", "strada", "bulevardul", "calea", "aleea", "ulitsa", "prospekt", "bulevar", "bulevard",
        # since names15: squares and streets of Central Europe and South-East Asia ("Plac Jana Pawła II",
        # "náměstí Václava Havla", "đường Nguyễn Huệ", "Jalan Sudirman")
        "plac", "náměstí", "namesti", "námestie", "trg", "tér", "đường", "phố", "jalan", "jl.",
        # since names22: Yoruba, Swahili, Zulu and Indonesian roads ("Ọ̀nà Awolọwọ", "Barabara ya Moi"; the
        # Yoruba tone mark over a dotted letter as `normalise` leaves it: "Ọnà")
        "ọnà", "ọna", "barabara", "mtaa", "umgwaqo", "jln.",
    )
)  # fmt: skip
# "Place" before a square's name only with its capital ("Place Charles de Gaulle"; "place Anna here").
_CAPITAL_STREETS = frozenset(("Place", "Platz", "Largo"))
# How many capitalised words of the name itself may stand between the pair and the plant or street
# ("rose 'Hans Christian Andersen'": the pair "Christian Andersen" is the cultivar's too).
_RUN_BACK = 2
# (since names22) A Scandinavian street after a person's name in the genitive, its street word in lower case
# after it: "Karl Johans gate", "Thorvald Meyers gate", "Peter Bangs vej", "Olav Kyrres plass".
_STREET_AFTER = re.compile(
    r"[ \t]+(?:gate|gata|gatan|gaten|gade|vej|vei|veien|vegen|vägen|plass|plads|torg)\b"
)
_ARTICLES = frozenset(("de", "del", "la", "di", "della", "da", "do", "dos", "das", "du", "des"))


def named_thing(value: str, start: int, end: int) -> bool:
    """The name at `value[start:end]` is a cultivar's or a street's (see the module docstring)."""
    # The words before the name, read with plain string operations (a regex of some 130 words searched
    # over the window cost a microsecond a candidate).
    if value[start:end].split(None, 1)[0].lower() in _STREETS:
        return True  # the street word itself read as a capitalised word ("đường Nguyễn": "Đ" is one)
    words = value[max(0, start - _WINDOW) : start].split()
    if start > _WINDOW:
        words = words[1:]  # (the window may cut the first)
    for _ in range(_RUN_BACK + 1):
        if _named_after(words):
            return True
        if not words or not words[-1].lstrip(_QUOTES)[:1].isupper():
            break
        if words[-1][0] in _QUOTES:  # the name's first word, after its quotation mark
            words[-1] = words[-1][0]
        else:
            words.pop()
    return _PLANT_AFTER.match(value, end) is not None or (
        value[end - 1 : end] == "s" and _STREET_AFTER.match(value, end) is not None
    )


def _named_after(words: list[str]) -> bool:
    """The words before a name end in a plant (with a title or quotation mark) or a street word."""
    words = list(words)
    quoted = False
    if words and words[-1].lstrip(_QUOTES).lower() in _TITLES:
        quoted = words.pop()[0] in _QUOTES  # "clematis 'Madame Julia Correvon'"
    if words and words[-1] in _QUOTES:
        quoted = bool(words.pop())
    if words:
        last = words[-1].strip(_QUOTES)
        quoted = quoted or last != words[-1]
        two = f"{words[-2].lower()} {last.lower()}" if len(words) > 1 else ""
        if two in _PLANTS or (
            last.lower() in _PLANTS and (quoted or last.islower() or last.lower() not in _GIVEN_PLANTS)
        ):
            return True
        street = words[-2] if len(words) > 1 and last.lower() in _ARTICLES else last
        if street.lower() in _STREETS or street in _CAPITAL_STREETS:
            return True
    return False
