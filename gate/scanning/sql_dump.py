"""SQL dump statements written inside a string: a `mysqldump` or `pg_dump` excerpt pasted into a support
note or a job's metadata (`INSERT INTO customers (name, birth_date) VALUES ('Jana', '1984-03-12');`,
`COPY public.customers (full_name, birth_date) FROM stdin;` and its tab-separated rows).

A column's name names its value as an object's key does, and keyed rules read only what sits under a
key: read as text, '1984-03-12' is a date nobody would flag. So a dump that names its columns is also
walked as a list of rows, each an object of its column names to its values (as `tables` walks a CSV's
rows). mysqldump names them in its INSERT only when asked (`--complete-insert`); by default they stand in
the CREATE TABLE before it, which is read for them. Literals are read as SQL writes them (`''` is a
quote, NULL and `\\N` are nothing); a row whose values do not match its columns is not read. At most
`MAX_ROWS` rows are read.
"""

from __future__ import annotations

import re

MAX_ROWS = 200
MAX_STATEMENTS = 64
_IDENT = r"[`\"\[]?[\w$]{1,64}[`\"\]]?"
_TABLE = rf"(?:{_IDENT}\.)?(?P<table>{_IDENT})"
_CREATE = re.compile(rf"(?i)CREATE\s+(?:TEMPORARY\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?{_TABLE}\s*\(")
_INSERT = re.compile(
    rf"(?i)(?:INSERT|REPLACE)(?:\s+IGNORE)?\s+INTO\s+{_TABLE}\s*(?:\((?P<columns>[^()]{{1,4000}})\))?\s*VALUES\s*"
)
_COPY = re.compile(rf"(?i)COPY\s+{_TABLE}\s*\((?P<columns>[^()]{{1,4000}})\)\s+FROM\s+stdin[^\n]*\n")
_VALUE = re.compile(r"\s*(?:'((?:[^'\\]|''|\\.){0,4000})'|(NULL|[\w.+\-:]{1,64}))\s*(,|\))", re.IGNORECASE)
_ROW_OPENING = re.compile(r"\s*,?\s*\(")
# A column definition's first word when it is no column: keys and constraints of the table.
_NO_COLUMN = frozenset(
    ("primary", "key", "unique", "index", "constraint", "foreign", "check", "fulltext", "spatial")
)
# A statement in any case; a dump's own openings as dumps write them (a prompt may open "Create a ...").
_STATEMENTS = ("INSERT INTO", "INSERT IGNORE", "REPLACE INTO", "COPY ")
_DUMP_OPENINGS = ("CREATE TABLE", "DROP TABLE", "LOCK TABLES", "SET ", "-- ", "/*")


def may_be_sql(text: str) -> bool:
    """Whether `text` opens as a dump's statement or comment (a cheap test before `sql_rows`)."""
    head = text[:13]
    if head.upper().startswith(_STATEMENTS):
        return head[:4].upper() != "COPY" or "stdin" in text
    return head.startswith(_DUMP_OPENINGS)


def _name(word: str) -> str:
    return word.strip().strip('`"[]')


def _definitions(body: str, at: int) -> list[str]:
    """The comma-separated definitions from `at` to the parenthesis that closes the one before it."""
    parts: list[str] = []
    depth, start = 1, at
    for index in range(at, min(len(body), at + 20_000)):
        char = body[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return [*parts, body[start:index]]
        elif char == "," and depth == 1:
            parts.append(body[start:index])
            start = index + 1
    return []  # no closing parenthesis: no table read


def _created_columns(body: str) -> dict[str, list[str]]:
    """Each CREATE TABLE's column names, by table."""
    tables: dict[str, list[str]] = {}
    for match in list(_CREATE.finditer(body))[:MAX_STATEMENTS]:
        words = (definition.split() for definition in _definitions(body, match.end()))
        columns = [_name(first[0]) for first in words if first]
        tables[_name(match.group("table"))] = [name for name in columns if name.lower() not in _NO_COLUMN]
    return tables


def _insert_rows(body: str, at: int, names: list[str], room: int) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    while len(rows) < room:
        opening = _ROW_OPENING.match(body, at)
        if opening is None:
            break
        at, values = opening.end(), []
        while True:
            value = _VALUE.match(body, at)
            if value is None:
                return rows
            at = value.end()
            literal = value.group(1)
            if literal is not None:
                values.append(literal.replace("''", "'").replace("\\'", "'"))
            else:
                values.append("" if value.group(2).upper() == "NULL" else value.group(2))
            if value.group(3) == ")":
                break
        if len(values) == len(names):
            rows.append({name: value for name, value in zip(names, values, strict=True) if value})
    return rows


def _copy_rows(body: str, at: int, names: list[str], room: int) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for line in body[at:].splitlines()[:room]:
        if line == "\\.":
            break
        cells = line.split("\t")
        if len(cells) == len(names):
            rows.append(
                {name: cell for name, cell in zip(names, cells, strict=True) if cell not in ("", "\\N")}
            )
    return rows


def sql_rows(text: str) -> list[dict[str, str]] | None:
    """The rows the dump `text` writes (module docstring); None when it is none or writes no row that
    matches its columns."""
    body = text.strip()
    if not may_be_sql(body):
        return None
    created = _created_columns(body) if "CREATE" in body.upper()[:20_000] else {}
    rows: list[dict[str, str]] = []
    statements = sorted([*_INSERT.finditer(body), *_COPY.finditer(body)], key=lambda match: match.start())
    for statement in statements[:MAX_STATEMENTS]:
        listed = statement.group("columns")
        names = (
            [_name(name) for name in listed.split(",")]
            if listed
            else created.get(_name(statement.group("table")), [])
        )
        if not names:
            continue
        read = _copy_rows if statement.re is _COPY else _insert_rows
        rows += read(body, statement.end(), names, MAX_ROWS - len(rows))
        if len(rows) >= MAX_ROWS:
            break
    return [row for row in rows if row] or None
