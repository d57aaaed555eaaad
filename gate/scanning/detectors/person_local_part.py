"""PERSON in an email address kept without its domain: `{"contact": "john.smith"}`, `{"notify":
"priya.raman84"}`, `{"reply_to": "Ayse.Kaya1987"}`. Shops and pipelines keep the local part of a
customer's address (the domain cut off, or stored apart), and `given.surname` with a year or a number
after it is how people name their mailboxes; without the "@" the email detector has nothing to read.

Read only under a key for an address or a contact, and only when the part before the separator is a
given name of the wider list (gender-guesser's and the shipped lists) and the part after it no role
word: `{"contact": "sales.team"}`, `{"email": "info.desk"}`, `{"notify": "ops-alerts"}` stay clean.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from gate.scanning.detectors.keyed_rule import KeyedRule, keyset
from gate.scanning.detectors.person_lists import fold_name, gazetteer, world_names

# A given name, a dot, underscore or hyphen, a surname, and at most a year or a short number.
_LOCAL_PART = re.compile(r"([^\W\d_]{2,20})[._\-]([^\W\d_]{2,30})[._\-]?\d{0,4}")
# Words a team or a function names its mailbox with; after a given name they make no surname
# ("mark.sales" is a mailbox of marketing sales as often as a person's).
_ROLE_WORDS = frozenset(
    (
        "team", "sales", "support", "info", "admin", "office", "shop", "store", "orders", "order",
        "service", "services", "desk", "help", "helpdesk", "contact", "marketing", "press", "media",
        "billing", "accounts", "noreply", "reply", "mail", "news", "newsletter", "studio", "design",
        "photo", "alerts", "alert", "ops", "dev", "test", "qa", "bot", "robot", "system", "notify",
        "notifications", "webmaster", "hr", "jobs", "careers", "legal", "privacy", "security", "it",
        "hello", "hi", "mobile", "app", "web", "online", "global", "group", "all", "staff", "crew",
    )
)  # fmt: skip
_LONGEST = 60  # no mailbox name is longer; a longer value is text, not a local part
_ADDRESS_KEYS = (
    "email e_mail mail email_address mail_address contact contact_email customer_email notify "
    "notify_email notification_email reply_to replyto cc bcc sender recipient_email buyer_email "
    "user_email account_email login_email"
)


@cache
def _given() -> frozenset[str]:
    return world_names()


def local_part_name(value: Any) -> bool:
    """`value` is an email's local part that spells a given name and a surname (module docstring)."""
    if not isinstance(value, str) or len(value) > _LONGEST:
        return False
    match = _LOCAL_PART.fullmatch(value.strip())
    if match is None:
        return False
    first, last = fold_name(match.group(1).lower()), match.group(2).lower()
    return (
        first in _given()
        and last not in _ROLE_WORDS
        and fold_name(last) not in _ROLE_WORDS
        and last not in gazetteer()[3]  # everyday words no surname is
    )


KEYED_RULES: tuple[KeyedRule, ...] = (
    KeyedRule("PERSON", "person.local_part", keyset(_ADDRESS_KEYS), local_part_name),
)
