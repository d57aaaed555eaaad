"""Documents written inside a string in formats other than JSON, which the walk reads as the objects they
hold (as `embedded` reads JSON in a string): PHP-serialised arrays and objects (`php_serialized`) and HL7
v2 messages (`hl7`). Each reader answers None for text that is not one well-formed document, which is
then read as text only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gate.scanning.hl7 import hl7_message, may_be_hl7
from gate.scanning.php_serialized import may_be_php, php_value

Reader = Callable[[str], Any]


def structured_reader(text: str) -> tuple[Reader, str] | None:
    """The reader of the document `text` opens as, with the name findings give it, or None (most strings:
    decided on their first characters)."""
    first = text[:1]
    if first in ("a", "O") and may_be_php(text):
        return php_value, "php"
    if first == "M" and may_be_hl7(text):
        return hl7_message, "hl7"
    return None
