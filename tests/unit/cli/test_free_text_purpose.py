"""A person's free text is refused with a message that names the option, what the text is for and the
record it goes into, with advice for that record; never the value. One truth table for every purpose."""

from __future__ import annotations

import pytest

from gate.cli.incidents import INCIDENT_TEXT, MAX_TEXT_CHARS
from gate.cli.quarantine import (
    MAX_NOTE_CHARS,
    MAX_REVIEWER_CHARS,
    RELEASE_NOTE,
    REVIEWER,
    TextPurpose,
    check_free_text,
)
from gate.errors import ConfigError

EMAIL, PHONE = "jane.roe@example.org", "+49 30 901820"
REVIEW_ADVICE = "use a reviewer handle and a note without names, addresses or numbers of people"
INCIDENT_ADVICE = "describe the breach by categories and counts, never a person's data"

DECISIONS, INCIDENT = "decision records", "the incident record"
# (option, purpose, limit, what the refusal says the text is, the record it says the text goes into)
PURPOSES = [
    ("reviewer", REVIEWER, MAX_REVIEWER_CHARS, "the reviewer handle", DECISIONS),
    ("note", RELEASE_NOTE, MAX_NOTE_CHARS, "the release note", DECISIONS),
    ("nature", INCIDENT_TEXT["nature"], MAX_TEXT_CHARS, "the nature of the breach", INCIDENT),
    ("measures", INCIDENT_TEXT["measures"], MAX_TEXT_CHARS, "a measure taken", INCIDENT),
    ("consequences", INCIDENT_TEXT["consequences"], MAX_TEXT_CHARS, "a likely consequence", INCIDENT),
    ("reference", INCIDENT_TEXT["reference"], MAX_TEXT_CHARS, "the authority's reference", INCIDENT),
    ("note", INCIDENT_TEXT["note"], MAX_TEXT_CHARS, "the update's note", INCIDENT),
]

# (text, entity types the refusal names; None: accepted as it is, stripped)
TEXTS = [
    ("checked by hand, risk accepted per ticket OPS-1234", None),
    ("  CDN cache purged for 8 images  ", None),
    (f"the customer wrote from {EMAIL}", "EMAIL_ADDRESS"),
    (f"call {PHONE} about it", "PHONE_NUMBER"),
    (f"{EMAIL} or {PHONE}", "EMAIL_ADDRESS, PHONE_NUMBER"),
]


@pytest.mark.parametrize(("name", "purpose", "limit", "what", "record"), PURPOSES)
@pytest.mark.parametrize(("text", "entities"), TEXTS)
def test_the_refusal_names_what_the_text_is_for(
    name: str, purpose: TextPurpose, limit: int, what: str, record: str, text: str, entities: str | None
) -> None:
    if entities is None:
        assert check_free_text(name, text, limit, purpose) == text.strip()
        return
    with pytest.raises(ConfigError) as refused:
        check_free_text(name, text, limit, purpose)
    advice = REVIEW_ADVICE if record == DECISIONS else INCIDENT_ADVICE
    expected = f"--{name} holds personal data ({entities}); it is {what}, written into {record}: {advice}"
    assert str(refused.value) == expected
    assert EMAIL not in str(refused.value) and "901820" not in str(refused.value)


@pytest.mark.parametrize(("name", "purpose", "limit", "what", "record"), PURPOSES)
@pytest.mark.parametrize("text", ["", "   ", "x"])
def test_empty_or_too_long_text_names_the_option_its_purpose_and_the_limit(
    name: str, purpose: TextPurpose, limit: int, what: str, record: str, text: str
) -> None:
    text = text * (limit + 1) if text == "x" else text
    with pytest.raises(ConfigError) as refused:
        check_free_text(name, text, limit, purpose)
    assert str(refused.value) == f"--{name} ({what}) must be 1 to {limit} characters"


@pytest.mark.parametrize(("name", "purpose", "limit", "what", "record"), PURPOSES)
def test_text_at_the_limit_is_accepted(
    name: str, purpose: TextPurpose, limit: int, what: str, record: str
) -> None:
    assert check_free_text(name, "x" * limit, limit, purpose) == "x" * limit
