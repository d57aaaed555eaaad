"""EMAIL_ADDRESS: an address with a real-looking domain; `icon@2x.png` is a file name, not a mailbox."""

from __future__ import annotations

import re

from gate.scanning.detectors.base import HAS_AT, PatternDetector, PatternRule, Text

# Bounded quantifiers keep the worst case linear on hostile input.
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]{1,64}@"
    r"(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.){1,8}(?P<tld>[A-Za-z]{2,24}))"
    r"(?![A-Za-z0-9\-])"
)
# Asset names like "logo@2x.png" or "model@v2.safetensors" look like addresses.
_IMAGE_SUFFIXES = ("png", "jpg", "jpeg", "webp", "gif", "svg", "bmp", "tif", "tiff", "heic", "avif", "psd")
_MODEL_SUFFIXES = ("safetensors", "ckpt", "pt", "pth", "bin", "onnx", "gguf", "json", "yaml", "yml", "txt")
_FILE_SUFFIXES = frozenset((*_IMAGE_SUFFIXES, *_MODEL_SUFFIXES, "zip"))


def _real_domain(match: re.Match[str], text: Text) -> bool:
    return match.group("tld").lower() not in _FILE_SUFFIXES


DETECTOR = PatternDetector(
    entity="EMAIL_ADDRESS",
    needs=HAS_AT,
    rules=(PatternRule("email", _EMAIL, _real_domain),),
)
