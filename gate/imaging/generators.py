"""Names of image generators whose presence in a Software/CreatorTool field marks an image as AI-made.

Kept as data so adding one is a one-line change. Markers carry our canonical name, never the raw field.
"""

from __future__ import annotations

import json
import re
from typing import Any

_GENERATORS: tuple[tuple[str, str], ...] = (
    ("Adobe Firefly", r"firefly"),
    ("DALL-E", r"dall[\s\-·]?e"),
    ("Midjourney", r"midjourney"),
    ("Stable Diffusion", r"stable[\s\-_]?diffusion|\bsdxl\b"),
    ("ComfyUI", r"comfy\s?ui"),
    ("AUTOMATIC1111", r"automatic1111|\ba1111\b"),
    ("NovelAI", r"novel\s?ai"),
    ("InvokeAI", r"invoke\s?ai"),
    ("Fooocus", r"fooocus"),
    ("Imagen", r"\bimagen\b"),
    ("Ideogram", r"ideogram"),
    ("Leonardo.Ai", r"leonardo\.?ai"),
    ("FLUX", r"\bflux(\.1)?\b"),
    ("ChatGPT", r"chatgpt|gpt-?4o|\bgpt-image"),
)

_COMPILED = tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _GENERATORS)


def known_generator(text: str) -> str | None:
    """Our canonical name of the generator `text` mentions, or None. Only the first 200 chars are read."""
    head = text[:200]
    for name, pattern in _COMPILED:
        if pattern.search(head):
            return name
    return None


def looks_like_a1111(text: str) -> bool:
    """True for AUTOMATIC1111/Forge-style parameter text ("...Steps: 20, Sampler: ...")."""
    return "Steps: " in text and ("Sampler: " in text or "Seed: " in text)


# ComfyUI writes its graphs in EXIF as "prompt:{...}" / "workflow:{...}" (Model, Make, then the tags below
# Make for further keys); save-image-extended as "Prompt: {...}". The label is read, then the JSON.
_LABELLED_JSON = re.compile(r"\s*(?:prompt|workflow)\s*:\s*(?=[{\[])", re.IGNORECASE)
_MAX_PARAMETER_JSON = 4_000_000  # characters: what the metadata budget admits anyway


def parameters_marker(text: str) -> str | None:
    """The kind of generation parameters `text` holds, by their structure, or None:

    - "a1111-parameters": AUTOMATIC1111/Forge text (`looks_like_a1111`);
    - "comfyui-prompt": a ComfyUI API graph (an object of nodes with `class_type` and `inputs`), bare, under
      a "prompt" key (SaveImage+), or after a "prompt:" label (ComfyUI's WebP/EXIF writer; Civitai's
      generator writes the bare graph in UserComment);
    - "comfyui-workflow": a ComfyUI editor graph (`nodes` as a list of typed nodes, and `links`);
    - "swarmui-parameters": SwarmUI's `sui_image_params` object.

    The structure, not a generator's name, decides: writers rename their nodes and keys but keep the graph.
    """
    if looks_like_a1111(text):
        return "a1111-parameters"
    label = _LABELLED_JSON.match(text)
    body = text[label.end() :] if label else text.lstrip()
    if not body.startswith("{") or len(body) > _MAX_PARAMETER_JSON:
        return None
    try:
        parsed = json.loads(body)
    except (ValueError, RecursionError):
        return None
    return json_parameters_marker(parsed)


def json_parameters_marker(parsed: Any) -> str | None:
    """`parameters_marker` for JSON already parsed (a PNG text chunk's)."""
    if not isinstance(parsed, dict):
        return None
    if isinstance(parsed.get("sui_image_params"), dict):
        return "swarmui-parameters"
    if _is_api_graph(parsed) or _is_api_graph(parsed.get("prompt")):
        return "comfyui-prompt"
    if _is_workflow(parsed) or _is_workflow(parsed.get("workflow")):
        return "comfyui-workflow"
    return None


def _is_api_graph(value: Any) -> bool:
    """At least half the values nodes (`class_type` and `inputs`), at least one: Civitai's generator adds
    "extra" and "extraMetadata" beside its nodes (and a "resource-stack" node)."""
    if not isinstance(value, dict) or not value:
        return False
    nodes = sum(
        isinstance(node, dict) and isinstance(node.get("class_type"), str) and "inputs" in node
        for node in value.values()
    )
    return nodes > 0 and 2 * nodes >= len(value)


def _is_workflow(value: Any) -> bool:
    """ComfyUI's editor graph: a list of nodes each with a `type`, beside a `links` list."""
    if not isinstance(value, dict) or not isinstance(value.get("links"), list):
        return False
    nodes = value.get("nodes")
    return (
        isinstance(nodes, list)
        and bool(nodes)
        and all(isinstance(node, dict) and "type" in node for node in nodes)
    )
