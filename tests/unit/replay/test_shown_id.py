"""An unknown event or incident id is repeated in the error only when it holds no personal data: ids are
made by producers, some from a customer's e-mail address or phone number, and `quarantine show`, `release`,
`replay --event-id` and `incidents show` printed them back in clear."""

from __future__ import annotations

import pytest

from gate.replay.history import Histories
from gate.replay.job import ReplayRequest, UnknownEvent, select
from gate.replay.shown import shown_id

PLAIN = ["sku-4711-4", "local:3cb3a6e5e6f6eaaa", "inc-20261205-45c8398d", "magento-backfill:a1b2c3", ""]
PERSONAL = {
    "maria.garcia@example.com": "EMAIL_ADDRESS",
    "order-for-jan.kowalski@firma.pl-7": "EMAIL_ADDRESS",
    "callback +49 30 12345678": "PHONE",
    "refund DE89 3704 0044 0532 0130 00": "IBAN",
    # read as the gate reads an event's own id (scanning/identifiers.py): separators as spaces
    "anna.kowalska": "PERSON",
    "jane-doe_2026": "PERSON",
    "0049-170-1234567": "PHONE",
}


@pytest.mark.parametrize("value", PLAIN)
def test_a_plain_id_is_shown_quoted(value: str) -> None:
    assert shown_id(value) == repr(value)


@pytest.mark.parametrize(("value", "entity"), PERSONAL.items())
def test_an_id_with_personal_data_is_not_shown(value: str, entity: str) -> None:
    text = shown_id(value)
    assert entity in text and "not shown" in text
    for part in value.replace("@", " ").replace(".", " ").split():
        if len(part) > 3:
            assert part not in text


def test_replay_of_unknown_ids_names_the_plain_one_and_hides_the_other() -> None:
    request = ReplayRequest(mode="reevaluate", job="j1", event_ids=("sku-1", "maria.garcia@example.com"))
    with pytest.raises(UnknownEvent) as raised:
        select(Histories(), request)
    message = str(raised.value)
    assert "'sku-1'" in message and "EMAIL_ADDRESS" in message
    assert "garcia" not in message and "example.com" not in message
