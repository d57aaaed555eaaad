"""A shop's role mailbox (`support@shop.example`, `noreply@shop.example`) is not personal data; a person's
mailbox is. The rule and its reasons are in data/mailboxes.toml: every word of the local part a role
word, and a domain that is neither a free-mail provider's nor a person's name ("info@anna-kowalska.pl")."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache
from importlib import resources

from gate.scanning.detectors.person_lists import fold_name, surnames, world_names
from gate.scanning.detectors.person_local_part import local_part_name

_WORD = re.compile(r"[^._+\-\d]+")
# Second-level labels under a country's domain ("yahoo.com.ar", "outlook.co.jp", "abc.ne.jp").
_SECOND_LEVEL = frozenset(("co", "com", "net", "org", "ne", "or", "ac", "gob", "gov", "edu", "mil"))


@cache
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    text = resources.files("gate.scanning").joinpath("data", "mailboxes.toml").read_text(encoding="utf-8")
    table = tomllib.loads(text)
    return frozenset(table["role"]["words"]), frozenset(table["free_mail"]["labels"])


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def role_mailbox(local: str, domain: str) -> bool:
    """`local@domain` is a company's role mailbox: each word of `local` a role word, and `domain` no
    free-mail provider's and no given name with a surname (data/mailboxes.toml says why)."""
    roles, free = _lists()
    words = _WORD.findall(_fold(local.strip('"')))
    if not words or not all(word in roles for word in words):
        return False
    labels = _fold(domain).split(".")[:-1]
    if labels and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    if any(label in free for label in labels):
        return False
    return not any(_names_someone(label) for label in labels)


def _names_someone(label: str) -> bool:
    """A domain label that names a person: a given name and a surname ("anna-kowalska"), or a surname
    among its words ("müller-bäckerei", also as punycode "xn--mller-kva"): a sole trader's or a family
    business's domain reaches that person."""
    if label.startswith("xn--"):
        try:
            label = label.encode("ascii").decode("idna")
        except UnicodeError:
            return True  # an undecodable label: fail closed, the address stays personal
    if local_part_name(label):
        return True
    words = [fold_name(word) for word in label.split("-") if len(word) > 2]
    return any(word in surnames() or word in world_names() for word in words)
