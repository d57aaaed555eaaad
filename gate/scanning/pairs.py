"""A field written as an object of its name and its value: `{"name": "Geburtsdatum", "value": "12.03.1984"}`.

Shops and tools keep custom fields so: Shopify line-item properties, Magento custom options and EAV
attributes (`attribute_code`), WooCommerce meta data (`key`), GA4 event parameters, HAR cookies and
headers, form builders (`field`/`val`). The name is the value's key, so the value is read under it as it
would be under `{"Geburtsdatum": "12.03.1984"}`; and the name itself is a field's name, not a person's,
so a name-key reading (`{"nombre": "referencia"}`) does not apply to it.
"""

from __future__ import annotations

import re
from typing import Any

# Members that hold the field's value, and members that hold its name, as the tools above write them.
# (text20) The displayed pair first: Etsy's transaction variations (`formatted_name`/`formatted_value`) and
# WooCommerce's line-item meta (`display_key`/`display_value`, beside a `key` that is a plugin's field id).
VALUE_KEYS = (
    "formatted_value", "display_value", "value", "val", "valor", "valeur", "wert", "string_value",
    "field_value",
)  # fmt: skip
LABEL_KEYS = (
    "formatted_name", "display_key", "name", "key", "label", "field", "attribute_code", "nombre", "nom",
    "param", "property",
)  # fmt: skip
# A pair is a small object: the name, the value, and a type, an id or a flag beside them.
MAX_MEMBERS = 5
# A field's name is short, a few words at most ("Date of birth", "_shipping_address_1").
MAX_LABEL_CHARS = 40
_FIELD_NAME = re.compile(r"[^\W\d][\w .\-]{0,39}")


def pair_of(obj: dict[Any, Any]) -> tuple[str, str, str] | None:
    """(name member, value member, the field's name) when `obj` is a name/value pair, else None."""
    if len(obj) > MAX_MEMBERS:
        return None
    for value_key in VALUE_KEYS:
        if value_key in obj:
            break
    else:
        return None
    for label_key in LABEL_KEYS:
        label = obj.get(label_key)
        if type(label) is str and 0 < len(label) <= MAX_LABEL_CHARS and label_key != value_key:
            return label_key, value_key, label
    return None


def names_a_field(label: str) -> bool:
    """True if the pair's name is written as a field's name (`routing_number`, `referencia`, `DNI`), not
    as a person's (`Anna`, `Anna Kowalska`): lower case or an identifier, or all capitals."""
    if _FIELD_NAME.fullmatch(label) is None:
        return False
    return label.islower() or label.isupper() or "_" in label
