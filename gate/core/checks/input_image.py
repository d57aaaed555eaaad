"""Does a generation reference an input image (img2img, inpainting, IP-Adapter, face swap, a photo)?

A face in an image made from an input image is likely a real person's likeness; one made from text
alone is not. Decided from the declared parameters only: a key that names an input image with a
value that is set, or a mode key whose value names such a workflow. Keys are compared without case
and separators, so `init_image`, `initImage` and `Init Image` are one key.
"""

from __future__ import annotations

import re
from typing import Any

from gate.core.event import Generation

# Keys that hold an input image, a mask over one, or an adapter fed with one.
_IMAGE_KEYS = frozenset(
    {
        "image", "images", "initimage", "initimages", "inputimage", "inputimages", "sourceimage",
        "sourceimages", "referenceimage", "referenceimages", "refimage", "refimages", "referencephoto",
        "photo", "inputphoto", "sourcephoto", "faceimage", "faceimages", "sourceface", "targetface",
        "subjectimage", "mask", "maskimage", "inpaintimage", "inpaintmask", "controlimage", "imageprompt",
        "imageurl", "imageuri", "initimageurl", "imageb64", "imagebase64",
    }
)  # fmt: skip
# Key prefixes of adapters and workflows that take an image (ip_adapter_image, faceswap_source...).
_IMAGE_KEY_PREFIXES = ("ipadapter", "faceswap", "faceid", "instantid", "photomaker", "pulid", "img2img",
                       "image2image", "inpaint", "outpaint", "reactor", "roop")  # fmt: skip
# Keys whose value names the workflow.
_MODE_KEYS = frozenset({"mode", "task", "pipeline", "workflow", "operation", "type", "generationtype"})
_MODE_WORDS = re.compile(
    r"img2img|image[-_ ]?to[-_ ]?image|image2image|inpaint|outpaint|ip[-_ ]?adapter|face[-_ ]?swap|"
    r"faceid|instantid|photomaker|pulid|reference[-_ ]?only|variation",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(r"[\s_\-.]+")
_MAX_NODES = 10_000


_IMAGE, _MODE, _OTHER = "image", "mode", "other"
# What a key is, per distinct key: a dict read per member instead of a lower() and a regex substitution.
# Bounded like the scanner's key table: short keys only, emptied when full.
_kinds: dict[str, str] = {}
_MAX_KINDS = 4096
_CACHED_KEY_CHARS = 64


def _kind(key: str) -> str:
    name = _SEPARATORS.sub("", key.lower())
    if name in _IMAGE_KEYS or name.startswith(_IMAGE_KEY_PREFIXES):
        kind = _IMAGE
    elif name in _MODE_KEYS:
        kind = _MODE
    else:
        kind = _OTHER
    if len(key) <= _CACHED_KEY_CHARS:
        if len(_kinds) >= _MAX_KINDS:
            _kinds.clear()
        _kinds[key] = kind
    return kind


def references_input_image(generation: Generation | None) -> bool:
    """True when the declared parameters reference an input image (see the module docstring)."""
    if generation is None or generation.parameters is None:
        return False
    # Every (key, value) of every object in the parameters, at most _MAX_NODES nodes visited. Walked
    # here rather than by a generator: this runs for every event the pixel scopes might select.
    queue: list[Any] = [generation.parameters]
    seen = 0
    while queue and seen < _MAX_NODES:
        node = queue.pop()
        seen += 1
        if isinstance(node, dict):
            for key, child in node.items():
                name = key if type(key) is str else str(key)
                kind = _kinds.get(name)
                if kind is None:
                    kind = _kind(name)
                if kind is _IMAGE:
                    if _is_set(child):
                        return True
                elif kind is _MODE and isinstance(child, str) and _MODE_WORDS.search(child):
                    return True
                queue.append(child)
        elif isinstance(node, list):
            queue.extend(node)
    return False


def _is_set(value: Any) -> bool:
    """A value that points at something: not null, false, zero, empty or a "none" placeholder."""
    if isinstance(value, str):
        return value.strip().lower() not in ("", "none", "null", "false", "off", "no")
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    return bool(value)
