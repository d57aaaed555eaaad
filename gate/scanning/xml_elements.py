"""XML written inside a string: a UBL invoice's parties, a cXML order's ShipTo, a SOAP request's body
(`<crm:dateOfBirth>1984-03-12</crm:dateOfBirth>`), pasted into a job's notes or metadata.

An element's name names its text as an object's key names its value, and keyed rules read only what
sits under a key: read as text, "1984-03-12" is a date nobody would flag. So a string that is XML is
also walked as a list of objects, one per element that holds text, its local name (without the
namespace prefix) the key. An element that holds only such elements is read once more with their texts
joined by spaces under its own name: cXML writes a telephone number as `<CountryCode>`,
`<AreaOrCityCode>` and `<Number>` inside one `<TelephoneNumber>`.

Elements are matched by a bounded pattern, never by an XML parser (no entity is expanded, no DTD read);
character references are decoded as text's are, a CDATA section is read as written. Attributes are not
read under their names (`<Phone name="work">` would give "work" a name's key); their values are still
read as the string's text. At most `MAX_ELEMENTS` are read; what lies beyond is
still read as text.
"""

from __future__ import annotations

import html
import re

MAX_ELEMENTS = 2000
_NAME = r"(?:[\w.\-]{1,64}:)?([\w.\-]{1,64})"
# An element's text, or its one CDATA section ("<Note><![CDATA[...]]></Note>"), read as written.
_LEAF = re.compile(
    rf"<{_NAME}(?:\s[^<>]{{0,512}})?>(?:([^<>]{{1,2000}})|<!\[CDATA\[(.{{1,2000}}?)\]\]>)"
    r"</(?:[\w.\-]{1,64}:)?\1\s*>",
    re.DOTALL,
)
_PARENT = re.compile(
    rf"<{_NAME}(?:\s[^<>]{{0,512}})?>((?:\s*<[\w.:\-]{{1,130}}(?:\s[^<>]{{0,512}})?>[^<>]{{0,2000}}"
    r"</[\w.:\-]{1,130}>){2,16})\s*</(?:[\w.\-]{1,64}:)?\1\s*>"
)
_OPENING = re.compile(r"<[\w.:\-]{1,130}[\s>/]")


def may_be_xml(text: str) -> bool:
    """Whether `text` opens as XML (a cheap test before `xml_elements`)."""
    return (text[:1] == "<" and _OPENING.match(text) is not None) or text[:5] == "<?xml"


def xml_elements(text: str) -> list[dict[str, str]] | None:
    """The elements that hold text in the XML `text` is (module docstring), each as {local name: text};
    None when `text` is no XML or holds no such element."""
    body = text.strip()
    if not body.endswith(">") or not may_be_xml(body):
        return None
    read: list[dict[str, str]] = []
    for match in _LEAF.finditer(body):
        text = match.group(2)
        value = (html.unescape(text) if text is not None else match.group(3)).strip()
        if value:
            read.append({match.group(1): value})
            if len(read) >= MAX_ELEMENTS:
                return read
    for match in _PARENT.finditer(body):
        words = (html.unescape(leaf.group(2) or "").strip() for leaf in _LEAF.finditer(match.group(2)))
        read.append({match.group(1): " ".join(word for word in words if word)})
        if len(read) >= MAX_ELEMENTS:
            break
    return read or None
