"""A vCard written inside a string (a `.vcf` export of a phone's or a CRM's contact, pasted into a job's
parameters), versions 2.1 to 4.0.

vCard 2.1 writes non-ASCII values as QUOTED-PRINTABLE, where `=` and a line break continue a value on
the next line, even inside an e-mail address (`jana.novakova=\\r\\n@seznam.cz`), and `=C3=A1` is "á";
read as text, the break and the escapes hide what the value is. So a vCard is also walked as a list of
objects, one per property, its value decoded (folded lines joined, QUOTED-PRINTABLE undone in the charset
it names) under a name that says what it holds: a structured name or address is joined into one line
(`ADR` as "street, postcode town"). At most `MAX_PROPERTIES` are read.
"""

from __future__ import annotations

import quopri
import re

MAX_PROPERTIES = 500
_NAMES = {
    "N": "name", "FN": "name", "ADR": "address", "LABEL": "address", "TEL": "phone", "EMAIL": "email",
    "BDAY": "birthday", "ANNIVERSARY": "anniversary", "ORG": "organisation", "NICKNAME": "nickname",
    "GEO": "geo", "IMPP": "impp", "URL": "url", "TITLE": "title", "ROLE": "role",
}  # fmt: skip
_PROPERTY = re.compile(
    r"(?:[\w\-]{1,64}\.)?(?P<name>[A-Za-z][\w\-]{0,63})(?P<params>;[^:\n]{0,512})?:(?P<value>.*)"
)
_CHARSET = re.compile(r"(?i)charset=([\w\-]{1,40})")


def may_be_vcard(text: str) -> bool:
    """Whether `text` opens as a vCard (a cheap test before `vcard_properties`)."""
    return text[:11].upper() == "BEGIN:VCARD"


def _logical_lines(body: str) -> list[str]:
    """Lines with folding (a line break then a space) and QUOTED-PRINTABLE soft breaks (`=` at a line's
    end) undone; each logical line's pieces are joined once (joining as they come costs the square)."""
    pieces: list[list[str]] = []
    soft = False  # the current logical line is QUOTED-PRINTABLE and its last piece ended with "="
    for line in re.split(r"\r\n|\r|\n", body)[: MAX_PROPERTIES * 8]:
        if pieces and line[:1] in (" ", "\t"):
            pieces[-1].append(line[1:])
        elif pieces and soft:
            pieces[-1][-1] = pieces[-1][-1][:-1]
            pieces[-1].append(line)
        else:
            pieces.append([line])
        head = pieces[-1][0].split(":", 1)[0]
        soft = line.endswith("=") and "QUOTED-PRINTABLE" in head.upper()
    return ["".join(parts) for parts in pieces]


def _value(name: str, params: str, value: str) -> str:
    if "QUOTED-PRINTABLE" in params.upper():
        charset = _CHARSET.search(params)
        try:
            value = quopri.decodestring(value.encode("utf-8")).decode(
                charset.group(1) if charset else "utf-8"
            )
        except (LookupError, UnicodeError):
            value = quopri.decodestring(value.encode("utf-8")).decode("latin-1")
    if name == "N":  # family; given; additional; prefixes; suffixes
        parts = value.split(";")
        return " ".join(part for part in (*parts[3:4], *parts[1:3], *parts[:1], *parts[4:5]) if part)
    if name == "ADR":  # PO box; extended; street; locality; region; postcode; country
        parts = [part.strip() for part in value.split(";")]
        parts += [""] * (7 - len(parts))
        town = " ".join(part for part in (parts[5], parts[3], parts[4]) if part)
        return ", ".join(part for part in (*parts[:3], town, parts[6]) if part)
    return value.replace(";", " ").strip()


def vcard_properties(text: str) -> list[dict[str, str]] | None:
    """The properties of the vCard(s) `text` holds (module docstring), each as {name: value}; None when
    `text` is no vCard."""
    body = text.strip()
    if not may_be_vcard(body):
        return None
    read: list[dict[str, str]] = []
    for line in _logical_lines(body)[:MAX_PROPERTIES]:
        match = _PROPERTY.fullmatch(line.strip())
        if match is None:
            continue
        name = match.group("name").upper()
        if name in ("BEGIN", "END", "VERSION", "PRODID", "REV", "UID"):
            continue
        value = _value(name, match.group("params") or "", match.group("value"))
        key = _NAMES.get(name, name.lower())
        if name == "ADR" and not "".join(match.group("value").split(";")[:3]).strip():
            key = "region"  # a town or a country alone (a shop's "France") is no one's address
        if value:
            read.append({key: value})
    return read or None
