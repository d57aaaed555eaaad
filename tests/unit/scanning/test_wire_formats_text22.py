"""Neighbours of the classes text22 closed (found and clean): exports and wire formats read as the
objects they hold (`gate/scanning/structured.py`): EDIFACT and X12 segments under their qualifiers' names,
XML elements under their local names, Protocol Buffers text format, ZPL and DPL label programs as their
printed lines, vCards with QUOTED-PRINTABLE undone, formulas that join text, SQL INSERT and COPY rows
under their columns, and a CSV export behind a byte-order mark. Each reader answers None for text that
is not one whole document of its format, which is then read as text only."""

from __future__ import annotations

from typing import Any

import pytest

from gate.scanning import scan_parameters
from gate.scanning.edi import edi_segments
from gate.scanning.formulas import formula_text
from gate.scanning.log_payloads import inner_objects
from gate.scanning.printer_code import printed_lines
from gate.scanning.proto_text import proto_message
from gate.scanning.sql_dump import sql_rows
from gate.scanning.vcard import vcard_properties
from gate.scanning.xml_elements import xml_elements


def _entities(params: Any) -> set[str]:
    return {finding.entity for finding in scan_parameters(params)}


FOUND = [
    # EDIFACT: UNA's own separators, a released "+", a birth date (DTM 329), a mobile (AL), e-mail
    (
        "UNA|*.? !UNH*1*IFTMIN|NAD*CN***Jana Nováková*Vinohradská 12*Praha**12000*CZ!COM*420601123456|AL!",
        "PHONE_NUMBER",
    ),
    ("UNH+1+INVOIC:D:96A:UN'NAD+IV+++Tomasz Zieliński'DTM+329:19790214:102'", "DATE_OF_BIRTH"),
    ("UNH+1+ORDERS:D:01B:UN'CTA+OC+:Ines Sousa'COM+?+351912345678:TE'", "PHONE_NUMBER"),
    ("UNH+1+ORDERS:D:01B:UN'NAD+BY+++Maja Lindqvist+Storgatan 12+Umeå++903 26+SE'", "LOCATION"),
    # X12: ISA's element separator, a home phone (HP), a demographic segment's birth date
    ("ISA*00*          *00*~N1*BT*Carlos Mendoza~PER*IC*Carlos*HP*5215512345678~", "PHONE_NUMBER"),
    ("ST*834*0001~NM1*IL*1*Okafor*Chidi~DMG*D8*19850712*M~SE*3*0001~", "DATE_OF_BIRTH"),
    ("ST*850*0001~N1*ST*Ana Pérez~N3*Calle Mayor 7, 2º~N4*Madrid**28013*ES~", "LOCATION"),
    # XML: a Google Merchant-style feed's contact, a SOAP birth date with a prefix, an attribute-laden leaf
    (
        "<soap:Envelope><soap:Body><m:SetProfile><m:birthDate>1979-02-14</m:birthDate></m:SetProfile></soap:Body></soap:Envelope>",
        "DATE_OF_BIRTH",
    ),
    ('<Customer><Phone type="mobile">0151 23456789</Phone><Country>DE</Country></Customer>', "PHONE_NUMBER"),
    ("<Contact><Email>kasia.nowak&#64;wp.pl</Email></Contact>", "EMAIL_ADDRESS"),
    ("<Customer><Geburtsdatum><![CDATA[12.03.1984]]></Geburtsdatum></Customer>", "DATE_OF_BIRTH"),
    (
        "<Phone><TelephoneNumber><CountryCode>48</CountryCode><AreaOrCityCode>601</AreaOrCityCode><Number>234567</Number></TelephoneNumber></Phone>",
        "PHONE_NUMBER",
    ),
    # protobuf text format: nested lists, a UTF-8 octal escape, a Date message in angle brackets
    ('order {\n  recipients [{ name: "Kai" phone: "+49 151 23456789" }]\n}', "PHONE_NUMBER"),
    ("person <\n  dob < year: 1990 month: 7 day: 1 >\n>", "DATE_OF_BIRTH"),
    ('contact { email: "j\\303\\274rgen.m\\100web.de" }', "EMAIL_ADDRESS"),
    # label programs: ZPL with ^FV, DPL records
    (
        "^XA^FO20,20^FVErik Sørensen^FS^FO20,60^FVNørregade 14^FS^FO20,100^FV1165 København K^FS^XZ",
        "LOCATION",
    ),
    ("\x02L\nD11\n1911A1000300020jana.novakova@seznam.cz\nE\n", "EMAIL_ADDRESS"),
    # vCard: 3.0 folded lines, 2.1 QUOTED-PRINTABLE in Latin-1, a birthday
    ("BEGIN:VCARD\r\nVERSION:3.0\r\nTEL;TYPE=CELL:+33 6 12 34 5\r\n 6 78\r\nEND:VCARD", "PHONE_NUMBER"),
    (
        "BEGIN:VCARD\nVERSION:2.1\nADR;HOME;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:"
        ";;M=FChlenweg 3;Graz;;8010;AT\nEND:VCARD",
        "LOCATION",
    ),
    ("BEGIN:VCARD\nVERSION:4.0\nBDAY:1983-04-05\nEND:VCARD", "DATE_OF_BIRTH"),
    # formulas that join text: "&", a localised CONCATENATE
    ('="lena.berg"&"@"&"telia.com"', "EMAIL_ADDRESS"),
    ('=VERKETTEN("+43 ";"664 ";"1234567")', "PHONE_NUMBER"),
    # SQL: REPLACE INTO, NULLs, a COPY with \\N, a quote written twice
    ("REPLACE INTO members (id, dob, note) VALUES (7, '1981-10-02', NULL);", "DATE_OF_BIRTH"),
    ("INSERT INTO patients (id, diagnosis_note) VALUES (3, 'I have epilepsy');", "HEALTH_DATA"),
    ("COPY crm.contacts (mobile, note) FROM stdin;\n+351 912 345 678\t\\N\n\\.\n", "PHONE_NUMBER"),
    # mysqldump's default INSERT names no columns: they stand in the CREATE TABLE before it
    (
        "-- MySQL dump 10.13\nCREATE TABLE `customers` (\n  `id` int(11) NOT NULL,\n  `birth_date` date,\n"
        "  `price` decimal(10,2),\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n"
        "INSERT INTO `customers` VALUES (1,'1979-02-14',2.50),(2,NULL,NULL);",
        "DATE_OF_BIRTH",
    ),
    # a log line's JSON payload after its prefix, a second object after a first
    ('2024-03-12 10:15:32 INFO checkout payload={"dob": "1984-03-12", "sku": "MUG-0042"}', "DATE_OF_BIRTH"),
    ('consumer dead-letter {"id": 7} retry {"telefon": "030 12345678"}', "PHONE_NUMBER"),
    # a CSV export behind a byte-order mark
    ("\ufeffname,date_of_birth\r\nOkafor Chidi,1985-07-12\r\n", "DATE_OF_BIRTH"),
]

CLEAN = [
    "UNH+1+ORDERS:D:96A:UN'BGM+220+PO4471+9'LIN+1++4006381333931:EN'QTY+21:12'UNT+5+1'",
    "UNH+1+INVOIC:D:96A:UN'NAD+SU+4012345000009::9'COM+orders@lumen-prints.example:EM'",
    "ST*850*0001~PO1*1*48*EA*12.90**UP*400638133393~PID*F****Stoneware mug~SE*4*0001~",
    "<rss><channel><item><g:id>MUG-0042</g:id><g:title>Stoneware mug Harbour Mist</g:title>"
    "<g:gtin>4006381333931</g:gtin><g:price>12.90 EUR</g:price></item></channel></rss>",
    '<ItemIn quantity="2"><ItemDetail><UnitPrice><Money currency="EUR">9.90</Money></UnitPrice>'
    '<Description xml:lang="en">Canvas tote</Description></ItemDetail></ItemIn>',
    "<lora:detail-tweaker:0.8> a mug on a wooden table, soft light",
    'render_settings { width: 1024 height: 1024 seed: 123456789 sampler: "dpmpp_2m" }',
    "product { release_date { year: 2026 month: 3 day: 12 } }",
    "^XA^FO40,40^A0N,30,30^FDStoneware mug^FS^FO40,90^BCN,80^FD400638133393^FS^XZ",
    "\x02L\nD11\n1911A1000300020MUG-0042 12.90 EUR\nE\n",
    "BEGIN:VCARD\r\nVERSION:3.0\r\nORG:Lumen Prints GmbH\r\nEMAIL:info@lumen-prints.example\r\nEND:VCARD",
    "BEGIN:VCARD\nORG:Atelier Céramique\nADR;TYPE=work:;;;Lyon;;;France\nEND:VCARD",
    '=CONCATENATE("MUG-";"0042";"-";"BLUE")',
    '=HYPERLINK("https://lumen-prints.example/p/mug";"Mug")',
    "INSERT INTO products (sku, title, price) VALUES ('MUG-0042', 'Stoneware mug', 12.90);",
    "COPY public.stock (sku, warehouse, qty) FROM stdin;\nMUG-0042\tWH-02\t48\n\\.\n",
    "\ufeffsku;title;price\r\nMUG-0042;Stoneware mug;12,90\r\n",
    "Customers often ask: INSERT a note here about the glaze",
    "CREATE TABLE products (sku text, title text, price numeric(10,2));\n"
    "INSERT INTO products VALUES ('MUG-0042', 'Stoneware mug', 12.90);",
    "Create a watercolour mug (blue) on a table",
    '2024-03-12 10:15:32 INFO render done {"job": "r-4711", "seed": 1234567890123, "steps": 30}',
    'the prompt said {"mug"} and {"broken": 1 without an end',
]


@pytest.mark.parametrize(("text", "entity"), FOUND)
def test_wire_format_value_is_found(text: str, entity: str) -> None:
    assert entity in _entities({"job_notes": text})


@pytest.mark.parametrize("text", CLEAN)
def test_wire_format_of_products_stays_clean(text: str) -> None:
    assert scan_parameters({"job_notes": text}) == []


@pytest.mark.parametrize(
    ("reader", "text"),
    [
        (edi_segments, "UNH+1'not a segment here'"),
        (edi_segments, "N1*ST"),
        (xml_elements, "<b>bold</i>"),
        (xml_elements, "<lora:x:0.8> a mug"),
        (proto_message, 'product { sku: "MUG-0042" '),
        (proto_message, "model { unbalanced } }"),
        (printed_lines, "^XA^XZ"),
        (vcard_properties, "BEGIN:VCALENDAR\nEND:VCALENDAR"),
        (formula_text, '=SUM(A1:A3)&""'),
        (sql_rows, "INSERT INTO t (a, b) VALUES (1);"),
        (sql_rows, "COPY t FROM '/tmp/x.csv'"),
        (sql_rows, "CREATE TABLE t (a int, b int;\nINSERT INTO t VALUES (1, 2);"),
        (inner_objects, 'a log line {"unclosed": 1'),
        (inner_objects, 'a set {"a", "b"} is no object'),
    ],
)
def test_text_that_is_no_whole_document_is_read_as_text_only(reader: Any, text: str) -> None:
    assert reader(text) is None


def test_edifact_reads_a_company_party_as_one_line_and_a_delivery_party_by_its_parts() -> None:
    read = edi_segments(
        "NAD+SU+++Lumen Prints GmbH+Hauptstraße 5+Berlin++10115+DE'NAD+DP+++Jana+Ulice 1+Praha++12000+CZ'"
    )
    assert read == [
        {"party": "Lumen Prints GmbH, Hauptstraße 5, 10115 Berlin, DE"},
        {"name": "Jana", "address": "Ulice 1, 12000 Praha, CZ"},
    ]


def test_protobuf_reads_a_date_message_as_its_date_and_escapes_as_utf8() -> None:
    message = proto_message('c { name: "M\\303\\274ller" birth_date { year: 1984 month: 3 day: 12 } }')
    assert message == {"c": {"name": "Müller", "birth_date": "1984-03-12"}}


def test_vcard_joins_a_quoted_printable_soft_break() -> None:
    card = "BEGIN:VCARD\r\nVERSION:2.1\r\nEMAIL;ENCODING=QUOTED-PRINTABLE:jana=\r\n@seznam.cz\r\nEND:VCARD"
    assert vcard_properties(card) == [{"email": "jana@seznam.cz"}]


def test_a_protobuf_dump_past_its_token_limit_is_read_as_text_only() -> None:
    assert proto_message("a {" + " b: 1" * 5000 + " }") is None
    assert proto_message("a {" + " b: 1" * 50 + " }") == {"a": {"b": [1] * 50}}
