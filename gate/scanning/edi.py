"""EDI interchanges written inside a string: an EDIFACT ORDERS or DESADV (`NAD+DP+++Jana Nováková+
Vinohradská 12+Praha++12000+CZ'COM+420601123456:TE'`) or an ANSI X12 850/856 (`N1*ST*Jana Nováková~
PER*IC*Jana*TE*420601123456~`) that a back-office pasted into a job's notes or metadata.

Their elements have no names in the text, only qualifiers the standards define: a COM element with
`:TE` is a telephone number, `PER*..*TE*` one too, `DTM+329` (EDIFACT) and `DMG*D8` (X12) a date of
birth. Read as text, "420601123456:TE" is digits nobody would flag; so an interchange is also walked as
a list of objects, one per segment that carries a party or a contact, each value under the name its
qualifier gives it (as `hl7` walks a message's fields). A party the standards name as a seller,
supplier, carrier or sender is a company: its name and address are read as one line under "party", the
way a footer is (a shop's legal form before its address keeps it clean); a buyer's, a consignee's or a
delivery party's address is read under "address".

An interchange opens with its service segment or a segment tag and its separator; the EDIFACT
separators are those its UNA declares. At most `MAX_SEGMENTS` segments are read; a string that does not
split into segments is read as text only.
"""

from __future__ import annotations

import re

MAX_SEGMENTS = 500
# UNA declares the separators (component, element, decimal, release, reserved, terminator); without it
# they are ":", "+", "?" and "'".
_UNA = re.compile(
    r"UNA(?P<component>.)(?P<element>.).(?P<release>.).(?P<terminator>.)\s*[A-Z]{3}(?P=element)"
)
_EDIFACT_START = re.compile(r"[A-Z]{3}\+")
_X12_START = re.compile(r"(?:ISA|[A-Z][A-Z0-9]{1,2})\*")
_TAG = re.compile(r"[A-Z][A-Z0-9]{1,2}")
# Parties a company plays (UN/EDIFACT 3035, X12 98): seller, supplier, sender, carrier, manufacturer...
_COMPANY_ROLES = frozenset(
    ("SU", "SE", "SF", "CA", "MF", "FW", "VN", "PE", "II", "RE", "SN", "FR", "CR", "SH")
)
# UN/EDIFACT 3155 and X12 365 communication qualifiers.
_CHANNELS = {
    "TE": "phone", "AL": "phone", "AH": "phone", "TL": "phone", "CP": "phone", "HP": "phone", "WP": "phone",
    "BN": "phone", "FX": "fax", "EM": "email", "EX": "phone_extension",
}  # fmt: skip


def may_be_edi(text: str) -> bool:
    """Whether `text` opens as an EDIFACT or X12 interchange (a cheap test before `edi_segments`)."""
    return (
        (_EDIFACT_START.match(text) is not None and "'" in text)
        or _UNA.match(text) is not None
        or (_X12_START.match(text) is not None and "~" in text)
    )


def _edifact_segments(body: str) -> list[list[list[str]]]:
    component, element, release, terminator = ":", "+", "?", "'"
    if (una := _UNA.match(body)) is not None:
        component, element, release, terminator = una.group("component", "element", "release", "terminator")
        body = body[una.start("terminator") + 1 :].lstrip()
    if release not in body:  # nothing released: plain splits (a character loop costs 30x more)
        return [
            [element_text.split(component) for element_text in segment.split(element)]
            for segment in body.split(terminator, MAX_SEGMENTS)[:MAX_SEGMENTS]
            if segment.strip()
        ]
    segments: list[list[list[str]]] = []
    elements: list[list[str]] = []
    parts: list[str] = []
    text: list[str] = []
    escaped = False
    for char in body:
        if escaped:
            text.append(char)
            escaped = False
        elif char == release:
            escaped = True
        elif char in (component, element, terminator):
            parts.append("".join(text))
            text = []
            if char != component:
                elements.append(parts)
                parts = []
            if char == terminator:
                segments.append(elements)
                elements = []
                if len(segments) >= MAX_SEGMENTS:
                    break
        else:
            text.append(char)
    return segments


def _joined(elements: list[list[str]], *positions: int) -> str:
    words = (part.strip() for index in positions if index < len(elements) for part in elements[index])
    return " ".join(word for word in words if word)


def _party(role: str, name: str, address: str) -> dict[str, str]:
    if role in _COMPANY_ROLES:
        return {"party": ", ".join(part for part in (name, address) if part)}
    read = {"name": name} if name else {}
    return read | ({"address": address} if address else {})


def _edifact(segments: list[list[list[str]]]) -> list[dict[str, str]]:
    read: list[dict[str, str]] = []
    for elements in segments:
        tag = elements[0][0].strip() if elements and elements[0] else ""
        if tag == "NAD" and len(elements) > 1:
            town = _joined(elements, 8, 6)  # postcode, then city, as an address line writes them
            address = ", ".join(part for part in (_joined(elements, 5), town, _joined(elements, 9)) if part)
            read.append(_party(elements[1][0], _joined(elements, 3, 4), address))
        elif tag == "COM" and len(elements) > 1:
            # a "+" before the country code that the writer did not release splits the number: rejoined
            number, _, qualifier = "+".join(":".join(parts) for parts in elements[1:]).rpartition(":")
            read.append({_CHANNELS.get(qualifier.strip(), "communication"): number})
        elif tag == "CTA" and len(elements) > 2:
            # C056 "department or employee": a desk's name as often as a person's, so no name key
            read.append({"department_or_employee": _joined(elements, 2)})
        elif tag == "DTM" and len(elements) > 1 and elements[1][0] == "329" and len(elements[1]) > 1:
            read.append({"date_of_birth": elements[1][1]})  # 2005 qualifier 329: birth date
    return read


def _x12(body: str) -> list[dict[str, str]]:
    element = body[3] if body.startswith("ISA") and len(body) > 3 else "*"
    read: list[dict[str, str]] = []
    role, street = "", ""
    for segment in re.split(r"~\s*|\n", body)[:MAX_SEGMENTS]:
        fields = segment.strip().split(element)
        tag = fields[0]
        if tag == "N1" and len(fields) > 2:
            role, street = fields[1], ""
            read.append(_party(role, fields[2], ""))
        elif tag == "N3":
            street = ", ".join(field for field in fields[1:] if field)
        elif tag == "N4":
            town = " ".join(field for field in (fields[3:4] + fields[1:3] + fields[4:5]) if field)
            read.append(_party(role, "", ", ".join(part for part in (street, town) if part)))
        elif tag == "PER" and len(fields) > 2:
            contact = {"contact": fields[2]} if fields[2] else {}  # a person or a desk ("Order desk")
            for qualifier, value in zip(fields[3::2], fields[4::2], strict=False):
                contact[_CHANNELS.get(qualifier, "communication")] = value
            read.append(contact)
        elif tag == "DMG" and len(fields) > 2 and fields[1] in ("D8", "RD8"):
            read.append({"date_of_birth": fields[2]})  # DMG02: the person's birth date
    return read


def edi_segments(text: str) -> list[dict[str, str]] | None:
    """The parties, contacts and dates of the interchange `text` is (module docstring), each an object of
    its values under their names; None when `text` is no interchange or names none."""
    body = text.strip()
    if (_EDIFACT_START.match(body) and "'" in body) or _UNA.match(body):
        segments = _edifact_segments(body)
        if not segments or not all(s and s[0] and _TAG.fullmatch(s[0][0].strip()) for s in segments):
            return None
        read = _edifact(segments)
    elif _X12_START.match(body) and "~" in body:
        read = _x12(body)
    else:
        return None
    return [item for item in read if item] or None
