"""Names of image generators whose presence in a Software/CreatorTool field marks an image as AI-made.

Kept as data so adding one is a one-line change. Markers carry our canonical name, never the raw field.
"""

from __future__ import annotations

import re

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
