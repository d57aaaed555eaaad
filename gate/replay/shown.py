"""An identifier a user typed, as an error message may show it: never with personal data in clear."""

from __future__ import annotations


def shown_id(value: str) -> str:
    """`value` quoted, or what it holds when the scanner finds personal data in it.

    Event ids are made by producers, some from an e-mail address or a customer's name; an error that
    repeats an unknown id would put that value on a terminal, in a CI log or a ticket.
    """
    # (the scanner loads only when an id is shown; ids are read as the gate reads an event's own id,
    # separators as spaces: "jane-doe" as "Jane Doe")
    from gate.scanning.identifiers import identifier_findings  # noqa: PLC0415

    found = sorted({finding.entity for finding in identifier_findings(value, path="/event_id")})
    if found:
        return f"(an id holding personal data: {', '.join(found)}; not shown)"
    return repr(value)
