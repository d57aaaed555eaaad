"""SQL dump statements written inside a string: a `mysqldump` or `pg_dump` excerpt pasted into a support
note or a job's metadata (`INSERT INTO customers (name, birth_date) VALUES ('Jana', '1984-03-12');`,
`COPY public.customers (full_name, birth_date) FROM stdin;` and its tab-separated rows).

A column's name names its value as an object's key does, and keyed rules read only what sits under a
key: read as text, '1984-03-12' is a date nobody would flag. So a dump that names its columns is also
walked as a list of rows, each an object of its column names to its values (as `tables` walks a CSV's
rows). Literals are read as SQL writes them (`''` is a quote, NULL and `\\N` are nothing); a row whose
values do not match its columns is not read. At most `MAX_ROWS` rows are read.
"""

from __future__ import annotations

import re

MAX_ROWS = 200
_IDENT = r"[`\"\[]?[\w$]{1,64}[`\"\]]?"
_INSERT = re.compile(
    rf"(?is)\s*(?:INSERT|REPLACE)(?:\s+IGNORE)?\s+INTO\s+{_IDENT}(?:\.{_IDENT})?\s*\(([^()]{{1,4000}})\)\s*VALUES\s*"
)
_COPY = re.compile(rf"(?i)\s*COPY\s+{_IDENT}(?:\.{_IDENT})?\s*\(([^()]{{1,4000}})\)\s+FROM\s+stdin[^\n]*\n")
_VALUE = re.compile(r"\s*(?:'((?:[^'\\]|''|\\.){0,4000})'|(NULL|[\w.+\-:]{1,64}))\s*(,|\))", re.IGNORECASE)


def may_be_sql(text: str) -> bool:
    """Whether `text` opens as an INSERT or COPY statement (a cheap test before `sql_rows`)."""
    head = text[:7].upper()
    return head.startswith(("INSERT ", "REPLACE", "COPY "))


def _columns(listed: str) -> list[str]:
    return [name.strip().strip('`"[]') for name in listed.split(",")]


def _insert_rows(body: str, match: re.Match[str]) -> list[dict[str, str]]:
    names = _columns(match.group(1))
    rows: list[dict[str, str]] = []
    at = match.end()
    while len(rows) < MAX_ROWS:
        opening = re.compile(r"\s*,?\s*\(").match(body, at)
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


def _copy_rows(body: str, match: re.Match[str]) -> list[dict[str, str]]:
    names = _columns(match.group(1))
    rows: list[dict[str, str]] = []
    for line in body[match.end() :].splitlines()[:MAX_ROWS]:
        if line == "\\.":
            break
        cells = line.split("\t")
        if len(cells) == len(names):
            rows.append(
                {name: cell for name, cell in zip(names, cells, strict=True) if cell not in ("", "\\N")}
            )
    return rows


def sql_rows(text: str) -> list[dict[str, str]] | None:
    """The rows the INSERT or COPY statement `text` writes (module docstring); None when it is none or
    writes no row that matches its columns."""
    body = text.strip()
    if not may_be_sql(body):
        return None
    if (insert := _INSERT.match(body)) is not None:
        rows = _insert_rows(body, insert)
    elif (copy := _COPY.match(body)) is not None:
        rows = _copy_rows(body, copy)
    else:
        return None
    return [row for row in rows if row] or None
