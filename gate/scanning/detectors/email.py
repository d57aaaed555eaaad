"""EMAIL_ADDRESS: an address with a real-looking domain; `icon@2x.png` is a file name, not a mailbox, and
`support@shop.example` a company's role mailbox, not a person's (detectors/email_role.py)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gate.scanning.detectors.base import HAS_AT, PatternDetector, PatternRule, Text
from gate.scanning.detectors.email_role import role_mailbox

# Bounded quantifiers keep the worst case linear on hostile input. Letters and digits of any script:
# internationalised addresses ("jöhn@bücher.de", "иван@пример.рф", RFC 6531) are mailboxes too.
# A quoted local part (RFC 5322: "john.doe"@example.com, "jane doe"@example.com) is an address too.
# The vowel signs of Brahmic scripts and Thai are marks, not `\w` ("उदाहरण.भारत", "ตัวอย่าง.ไทย"): a
# letter or digit, or one of those blocks.
_MARKS = "\u0900-\u0dff\u0e00-\u0eff"
_LETTER = rf"(?:[^\W_]|[{_MARKS}])"
_EMAIL = re.compile(
    rf"(?:(?<![\w.%+\-{_MARKS}])[\w.%+\-{_MARKS}]{{1,64}}|\"[^\"\\\r\n@]{{1,64}}\")@"
    rf"(?P<domain>(?:{_LETTER}(?:(?:{_LETTER}|-){{0,61}}{_LETTER})?\.){{1,8}}"
    # (text17) or an internationalised one as DNS carries it (punycode: "xn--p1ai", .рф)
    rf"(?P<tld>(?:[^\W\d_]|[{_MARKS}]){{2,24}}|xn--[a-z0-9]{{2,59}}))"
    rf"(?!{_LETTER}|-)"  # an underscore may follow ("jane@example.com_2"), a letter, digit or "-" not
)
# The most characters a match has before its "@": a local part of 64, or 64 and its quotes.
_BEFORE_AT = 66


class _FromFirstAt:
    """`_EMAIL`, searched from `_BEFORE_AT` characters before the text's first "@": every match holds an
    "@" at most that far after its start, so none starts earlier, and the engine does not try every
    word of a prompt before its address (a look-behind may still read the character before). The same
    matches as `_EMAIL` over the whole text, in the same order."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self._pattern = pattern

    def finditer(self, text: str, /) -> Iterator[re.Match[str]]:
        """The pattern's matches in `text`."""
        at = text.find("@")
        return self._pattern.finditer(text, at - _BEFORE_AT if at > _BEFORE_AT else 0)

    def search(self, text: str, /) -> re.Match[str] | None:
        """The first match of `finditer`, or None."""
        at = text.find("@")
        if at < 0:
            return None
        return self._pattern.search(text, at - _BEFORE_AT if at > _BEFORE_AT else 0)


# Asset names like "logo@2x.png" or "model@v2.safetensors" look like addresses.
_IMAGE_SUFFIXES = ("png", "jpg", "jpeg", "webp", "gif", "svg", "bmp", "tif", "tiff", "heic", "avif", "psd")
_MODEL_SUFFIXES = ("safetensors", "ckpt", "pt", "pth", "bin", "onnx", "gguf", "json", "yaml", "yml", "txt")
_FILE_SUFFIXES = frozenset((*_IMAGE_SUFFIXES, *_MODEL_SUFFIXES, "zip"))
_GENERIC_TLDS = frozenset(("com", "org", "net", "edu", "gov", "info", "biz", "mail", "email", "online", "me"))


# "@2x.png", "@v2.safetensors", "@latest.pt": the label before a file suffix of an asset name.
_ASSET_LABEL = re.compile(
    r"(?i)(?:\d+(?:\.\d+)?x|x\d+|v?\d+(?:[._\-]\d+)*|latest|final|best|last|small|large|hd)"
)


# (text19) A message's id under its header ("Message-ID: <20270312104455.4412@printshop.example>"): a
# generated local part (eight digits or more, or hexadecimal) is no one's mailbox; a person's address
# written there is still read as one.
_ID_HEADER = re.compile(r"(?i)(?:message-id|in-reply-to|references|content-id)\s*:\s*<?\s*$")
_GENERATED = re.compile(r"(?i)(?=(?:[^\d]*\d){8})[\d.\-_$a-f]+|[\da-f]{8,}(?:[.\-][\da-f]+)*")
# (text22) An EDIFACT segment's tag and element separator before the address ("COM+orders@shop.example:EM'"):
# the mailbox starts after the "+" (a plus-address has its tag after the mailbox, not a segment's name).
_SEGMENT_TAG = re.compile(r"[A-Z]{3}\+(?P<local>.+)")


def _personal(match: re.Match[str], text: Text) -> bool:
    """A person's mailbox: a real domain, and no company's role mailbox (detectors/email_role.py)."""
    local = match.group()[: match.start("domain") - match.start() - 1]
    tagged = _SEGMENT_TAG.fullmatch(local)
    if tagged is not None and (match.start() == 0 or text.value[match.start() - 1] in "'\n"):
        local = tagged.group("local")
    if _GENERATED.fullmatch(local) and _ID_HEADER.search(
        text.value, max(0, match.start() - 24), match.start()
    ):
        return False
    return _real_domain(match, text) and not role_mailbox(local, match.group("domain"))


def _real_domain(match: re.Match[str], text: Text) -> bool:
    """A file suffix that is also a country's domain (.pt, .md, .rs, .ai) is a mailbox unless the label
    before it reads like an asset variant ("logo@2x.png", "model@v2.pt")."""
    if match.group("tld").lower() not in _FILE_SUFFIXES:
        return True
    labels = match.group("domain").split(".")
    # An address saved as a file name ("jane.doe@example.com.jpg"): a real domain before the suffix.
    before = labels[-2] if len(labels) >= 3 else ""
    real_tld = before.lower() in _GENERIC_TLDS or (len(before) == 2 and before.isalpha())
    if real_tld and _ASSET_LABEL.fullmatch(before) is None:
        return True
    return len(labels) >= 2 and len(match.group("tld")) == 2 and _ASSET_LABEL.fullmatch(labels[-2]) is None


DETECTOR: PatternDetector = PatternDetector(
    entity="EMAIL_ADDRESS",
    needs=HAS_AT,
    rules=(PatternRule("email", _FromFirstAt(_EMAIL), _personal),),
)
