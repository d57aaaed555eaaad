"""JSON in a free-text field, bare or after a writer's label, read as JSON rather than as prose
(`metadata.block_items` applies `as_json` to every block's free text: EXIF, comments, XMP, IPTC, ICC).

ComfyUI's WebP writer puts each graph in an EXIF text tag as "<key>:<JSON>" (Model "prompt:{...}", Make
"workflow:{...}", then the tags below Make for further keys; save-image-extended "Prompt: {...}"), and
SaveImage+ and Civitai a bare graph in UserComment. Scanned as one string, a graph of a few hundred nodes
(150-500 KB) cost the text scanner about half a second, near the check's timeout, and its coordinates and
seeds ran together into numbers that read as phone and card numbers. Parsed, every key and string of it
is walked as a PNG text chunk's JSON is (`scan_parameters`); the label, when it is not one of the two
ComfyUI writes, is the writer's text and is scanned too.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from gate.imaging import opaque
from gate.imaging.items import MetadataItem
from gate.json_values import keep_every_value

# A label: up to 64 characters that are neither JSON's nor a line break, then a colon and the JSON.
_LABELLED = re.compile(r"\s*([^:{}\[\]\"\r\n]{1,64}?)\s*:\s*(?=[{\[])")
# The labels ComfyUI and its extensions write: nothing of the writer's own to scan.
_KNOWN_LABELS = frozenset({"prompt", "workflow"})


@lru_cache(maxsize=4)  # one field's text is asked for by the payload test, the reader and the strip
def parse(text: str) -> tuple[str, Any] | None:
    """(label, parsed JSON) when `text` is a JSON object or array, alone or after "<label>:" (the label
    is "" for bare JSON); None for anything else, JSON nested too deep for the parser included.

    A key an object repeats keeps every value (`keep_every_value`): the field publishes them all. The
    value is shared between callers (cached): read it, never change it.
    """
    body = text.lstrip()
    label = ""
    if not body.startswith(("{", "[")):
        found = _LABELLED.match(text)
        if found is None:
            return None
        label, body = found.group(1), text[found.end() :]
    try:
        return label, json.loads(body, object_pairs_hook=keep_every_value)
    except (ValueError, RecursionError):
        return None


def holds_payload(text: str) -> bool:
    """`opaque.holds_payload` of the text and, when it is JSON with escapes, of the strings it decodes to:
    a JSON string's escapes ("\\u0001", "\\/") hide a payload's control characters or break its run.

    The decoded strings are read as one text joined by quote marks, which no run of a payload crosses, so
    a graph of thousands of strings costs one pass, as its text does.
    """
    if opaque.holds_payload(text):
        return True
    if "\\" not in text:  # without escapes every string is in the text as written
        return False
    parsed = parse(text)
    return parsed is not None and opaque.holds_payload('"'.join(opaque.strings(parsed[1])))


def as_json(item: MetadataItem) -> list[MetadataItem]:
    """`item` (a free-text field) as a `json_text` item when its text is JSON (`parse`), plus its label
    as free text when the label is the writer's own; `[item]` unchanged otherwise."""
    if item.kind != "free_text" or item.value is None:
        return [item]
    parsed = parse(item.value)
    if parsed is None:
        return [item]
    label, value = parsed
    found = [MetadataItem(item.path, "json_text", item.value, value)]
    if label and label.strip().lower() not in _KNOWN_LABELS:
        found.append(MetadataItem(item.path + "/label", "free_text", label, named_context=False))
    return found
