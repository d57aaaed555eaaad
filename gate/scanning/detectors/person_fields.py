# ruff: noqa: RUF001 - labels in Turkish, Greek and Cyrillic, on purpose
"""PERSON in a row of labelled fields written into one text (since names14), as an export, a form or an
integrator's template writes a name in two parts: "Nazwisko: Wiśniewska; Imię: Zofia", "Cognome: Esposito |
Nome: Gennaro", "last name=Okafor, first name=Chidinma".

Each part alone is a single word, which is no name by design; a surname label with a capitalised word
after it and a given-name label with one after it, in the same text, are a person's two names. So are the
two columns of a CSV-like text whose header names them ("order_id;first;last\n88213;Desmond;Achterberg",
"Nachname;Vorname;Text\nHuber;Xaver;..."), or a name column holding two capitalised words.
"""

from __future__ import annotations

import re

from gate.scanning.detectors.base import Text, any_word
from gate.scanning.detectors.person_keyed import CAPITALS
from gate.scanning.detectors.person_lists import fold_name

_SURNAME_LABELS = (
    "surname", "last name", "last_name", "lastname", "family name", "nachname", "familienname",
    "nom de famille", "apellidos", "apellido", "cognome", "achternaam", "nazwisko", "příjmení",
    "priezvisko", "vezetéknév", "efternamn", "etternavn", "efternavn", "sukunimi", "soyadı", "soyad",
    "sobrenome", "apelido", "prezime", "priimek", "pavardė", "uzvārds", "perekonnanimi", "nume de familie",
    "επώνυμο", "фамилия", "прізвище",
)  # fmt: skip
_GIVEN_LABELS = (
    "first name", "first_name", "firstname", "given name", "forename", "vorname", "prénom", "prenom",
    "nombre", "nome", "voornaam", "imię", "imie", "jméno", "meno", "keresztnév", "utónév", "förnamn",
    "fornavn", "etunimi", "adı", "ad", "ime", "vardas", "vārds", "eesnimi", "prenume", "όνομα", "имя",
    "ім'я",
)  # fmt: skip
has_surname_label = any_word(_SURNAME_LABELS)
_LETTERS = rf"[{CAPITALS}][^\W\d_]{{1,24}}"
_VALUE = rf"[ \t]*[:=][ \t]*(?P<value>{_LETTERS}(?:[ \t\-]{_LETTERS})?)(?![\w])"


def _labels(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_SURNAME = re.compile(rf"(?<![\w])(?i:{_labels(_SURNAME_LABELS)}){_VALUE}")
_GIVEN = re.compile(rf"(?<![\w])(?i:{_labels(_GIVEN_LABELS)}){_VALUE}")


# A CSV header's names of the two parts, and of a whole name (not "name" alone: a product's, as often).
_GIVEN_COLUMNS = frozenset((*_GIVEN_LABELS, "first", "given"))
_SURNAME_COLUMNS = frozenset((*_SURNAME_LABELS, "last", "nom", "family"))
_NAME_COLUMNS = frozenset(
    ("full name", "full_name", "fullname", "customer", "recipient", "kunde", "empfänger", "client",
     "cliente", "klant", "destinataire", "destinatario", "nom complet", "nombre completo", "nome completo")
)  # fmt: skip
_DELIMITERS = ",;|\t"
_ROWS = 50
_WORD = re.compile(_LETTERS)
_FULL = re.compile(rf"{_LETTERS}(?:[ \t]+{_LETTERS}){{1,3}}")


def csv_name(value: str, given_names: frozenset[str]) -> bool:
    """A CSV-like `value` whose header names a given-name and a surname column (or a name column) and a
    row below it with capitalised words in them, the given name one of `given_names` (lower case, accents
    folded: "first;last" may head other columns than a name's)."""
    header, _, rows = value.partition("\n")
    delimiter = max(_DELIMITERS, key=header.count)
    if header.count(delimiter) == 0:
        return False
    columns = [column.strip().strip('"').lower() for column in header.split(delimiter)]
    given = [i for i, column in enumerate(columns) if column in _GIVEN_COLUMNS]
    surname = [i for i, column in enumerate(columns) if column in _SURNAME_COLUMNS]
    whole = [i for i, column in enumerate(columns) if column in _NAME_COLUMNS]
    if not ((given and surname) or whole):
        return False
    for row in rows.splitlines()[:_ROWS]:
        fields = [field.strip().strip('"') for field in row.split(delimiter)]
        if given and surname and max(given[0], surname[0]) < len(fields):
            first, last = fields[given[0]], fields[surname[0]]
            if _WORD.fullmatch(first) and _WORD.fullmatch(last) and fold_name(first.lower()) in given_names:
                return True
        if any(i < len(fields) and _FULL.fullmatch(fields[i]) for i in whole):
            return True
    return False


def labelled_name(text: Text, given_names: frozenset[str]) -> bool:
    """A surname label and a given-name label, each with a capitalised word after it, in `text`; or a
    CSV-like text with a name in it (`csv_name`)."""
    value = text.value
    if "\n" in value and csv_name(value, given_names):
        return True
    if not has_surname_label(text):
        return False
    return _SURNAME.search(value) is not None and _GIVEN.search(value) is not None
