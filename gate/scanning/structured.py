"""Documents written inside a string in formats other than JSON, which the walk reads as the objects they
hold (as `embedded` reads JSON in a string): PHP-serialised arrays and objects (`php_serialized`), HL7
v2 messages (`hl7`), and the exports and wire formats back-offices paste (text22): EDIFACT and X12
interchanges (`edi`), XML such as UBL, cXML and SOAP (`xml_elements`), Protocol Buffers text format
(`proto_text`), ZPL and DPL label programs (`printer_code`), vCards (`vcard`), spreadsheet formulas that
join text (`formulas`), SQL INSERT and COPY statements (`sql_dump`) and JSON objects after other text,
as log lines carry their payloads (`log_payloads`). Each reader answers None for
text that is not one well-formed document, which is then read as text only (fail closed: a format the
gate cannot parse is still read as text)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gate.scanning.edi import edi_segments, may_be_edi
from gate.scanning.formulas import formula_text, may_be_formula
from gate.scanning.hl7 import hl7_message, may_be_hl7
from gate.scanning.log_payloads import inner_objects, may_hold_objects
from gate.scanning.php_serialized import may_be_php, php_value
from gate.scanning.printer_code import may_be_printer_code, printed_lines
from gate.scanning.proto_text import may_be_proto_text, proto_message
from gate.scanning.sql_dump import may_be_sql, sql_rows
from gate.scanning.vcard import may_be_vcard, vcard_properties
from gate.scanning.xml_elements import may_be_xml, xml_elements

Reader = Callable[[str], Any]
# The characters a document of each format may open with: most strings are decided on their first one.
_LABEL_OPENERS = frozenset("^~\x02")
_SQL_OPENERS = frozenset("IRCDLS-/icdlrs")
# A text-format message ends with its closing brace (or angle bracket), whitespace after it allowed.
_PROTO_CLOSERS = frozenset("}> \t\r\n")


def structured_reader(text: str) -> tuple[Reader, str] | None:
    """The reader of the document `text` opens as, with the name findings give it, or None (most strings:
    decided on their first characters)."""
    first = text[:1]
    if first in ("a", "O") and may_be_php(text):
        return php_value, "php"
    if first == "M" and may_be_hl7(text):
        return hl7_message, "hl7"
    if first == "<" and may_be_xml(text):
        return xml_elements, "xml"
    if first == "=" and may_be_formula(text):
        return formula_text, "formula"
    if first in _LABEL_OPENERS and may_be_printer_code(text):
        return printed_lines, "label"
    if first in _SQL_OPENERS and may_be_sql(text):
        return sql_rows, "sql"
    if first.isupper():
        # a segment tag and its separator (EDIFACT "NAD+", X12 "N1*"), or UNA: two slices, no regex
        if (text[3:4] == "+" or "*" in text[1:4] or text[:3] == "UNA") and may_be_edi(text):
            return edi_segments, "edi"
        if first == "B" and may_be_vcard(text):
            return vcard_properties, "vcard"
    if text[-1:] in _PROTO_CLOSERS and first.isalpha() and may_be_proto_text(text):
        return proto_message, "proto"
    if may_hold_objects(text):
        return inner_objects, "json"
    return None
