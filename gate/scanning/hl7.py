"""An HL7 version 2 message written inside a string: a clinic's ADT or order message pasted into a prompt
or carried in a field (`MSH|^~\\&|...` then `PID|1||4471^^^CLINIC^MR||Pfefferkorn^Jörg||19650412|...`).

Its fields have no names in the text, only positions that the standard names: PID-5 is the patient's
name, PID-7 the date of birth, PID-11 the address, DG1-4 a diagnosis. Read as text, "19650412" is a
number nobody would flag; so a message is also walked as a list of segments, each an object of its
fields under their standard names (the ones below; any other field under "PID-9"), as `embedded` walks
JSON in a string. Components ("^") are joined by spaces and repetitions ("~") become a list.

A message starts with its MSH header; the separators are the ones it declares. At most `MAX_SEGMENTS`
segments and `MAX_FIELDS` fields of each are read; what lies beyond is still read as text.
"""

from __future__ import annotations

import re
from typing import Any

MAX_SEGMENTS = 500
MAX_FIELDS = 64
_SEGMENT_BREAK = re.compile(r"\r\n|\r|\n")
_SEGMENT_ID = re.compile(r"[A-Z][A-Z0-9]{2}")
_TIMESTAMP = re.compile(r"(\d{8})\d{0,10}(?:\.\d{1,4})?(?:[+\-]\d{4})?")
# Field names of the segments that carry a person (HL7 v2.5 chapters 3 and 6), by position.
_NAMES: dict[str, dict[int, str]] = {
    "PID": {
        2: "patient_id",
        3: "patient_identifier",
        4: "alternate_patient_id",
        5: "patient_name",
        6: "mother_maiden_name",
        7: "date_of_birth",
        9: "patient_alias",
        10: "race",
        11: "patient_address",
        13: "phone_home",
        14: "phone_business",
        16: "marital_status",
        17: "religion",
        18: "patient_account_number",
        19: "ssn",
        20: "drivers_license_number",
        22: "ethnic_group",
        23: "birth_place",
        26: "citizenship",
        29: "patient_death_date",
    },
    "NK1": {
        2: "next_of_kin_name",
        3: "relationship",
        4: "next_of_kin_address",
        5: "next_of_kin_phone",
        6: "business_phone",
        16: "next_of_kin_date_of_birth",
    },
    "GT1": {
        3: "guarantor_name",
        5: "guarantor_address",
        6: "guarantor_phone",
        8: "guarantor_date_of_birth",
        12: "guarantor_ssn",
    },
    "IN1": {
        16: "insured_name",
        18: "insured_date_of_birth",
        19: "insured_address",
        36: "insurance_policy_number",
    },
    # a coded and a written diagnosis, an allergen and its reaction: one name, read as a list
    "DG1": {3: "diagnosis", 4: "diagnosis"},
    "AL1": {3: "allergy", 5: "allergy"},
    "PV1": {7: "attending_doctor", 8: "referring_doctor"},
}
_DATES = frozenset(
    (
        "date_of_birth",
        "next_of_kin_date_of_birth",
        "guarantor_date_of_birth",
        "insured_date_of_birth",
        "patient_death_date",
    )
)


def may_be_hl7(text: str) -> bool:
    """Whether `text` opens as an HL7 v2 message (its MSH header), a cheap test before `hl7_message`."""
    return (
        text[:4] == "MSH" + text[3:4]
        and len(text) > 8
        and not text[3:4].isalnum()
        and not text[3:4].isspace()
    )


def _field(value: str, name: str, component: str, repetition: str) -> Any:
    readings = []
    for repeated in value.split(repetition):
        parts = [part for part in repeated.split(component) if part]
        text = " ".join(parts)
        if name in _DATES and (stamp := _TIMESTAMP.fullmatch(text)) is not None:
            text = stamp.group(1)  # a timestamp's date: its time says nothing more of a birth
        if text:
            readings.append(text)
    return readings[0] if len(readings) == 1 else readings


def hl7_message(text: str) -> list[dict[str, Any]] | None:
    """The segments of the HL7 v2 message `text` is (module docstring), each an object of its fields under
    their names with its type under "segment"; None when `text` is no such message."""
    body = text.strip()
    if not may_be_hl7(body):
        return None
    separator = body[3]
    encoding = body[4:8]
    if len(encoding) < 4 or separator in encoding:
        return None
    component, repetition = encoding[0], encoding[1]
    segments: list[dict[str, Any]] = []
    for line in _SEGMENT_BREAK.split(body)[:MAX_SEGMENTS]:
        fields = line.split(separator)
        kind = fields[0]
        if not line or _SEGMENT_ID.fullmatch(kind) is None:
            return None  # not one message: read as text only
        if kind == "MSH":
            continue  # the systems that sent it and the message's type: no one's
        names = _NAMES.get(kind, {})
        segment: dict[str, Any] = {"segment": kind}
        for position, value in enumerate(fields[1:MAX_FIELDS], start=1):
            if value:
                name = names.get(position, f"{kind}-{position}")
                read = _field(value, name, component, repetition)
                segment[name] = [segment[name], read] if name in segment else read
        segments.append(segment)
    return segments or None
