"""The one statement of what each step of an evaluation leaves for later ones, and so of their order.

Checks share one `CheckContext`: a step may read only the facts (named fields of the context) that a step
before it provides. `Pipeline` refuses an order that breaks this, so a reordering fails every test at once
instead of quietly skipping a check (the metadata check without a probe) or signing unscanned text.
"""

from __future__ import annotations

from collections.abc import Sequence

# check name -> CheckContext fields it fills in
PROVIDES: dict[str, frozenset[str]] = {
    "integrity": frozenset({"sha256"}),
    "image": frozenset({"probe"}),
    "parameters": frozenset({"generation_findings"}),
    "metadata": frozenset({"metadata"}),
    "provenance": frozenset({"provenance"}),
}

# step name -> CheckContext fields it reads (remediation runs after every check)
NEEDS: dict[str, frozenset[str]] = {
    "metadata": frozenset({"probe"}),
    # Reads the metadata to skip a manifest search the metadata already ruled out.
    "provenance": frozenset({"probe", "metadata"}),
    "remediation": frozenset({"sha256", "probe", "generation_findings", "provenance"}),
}

REMEDIATION = "remediation"


def order_problems(check_names: Sequence[str]) -> list[str]:
    """What breaks when the checks run in this order and remediation after them (empty: nothing)."""
    problems: list[str] = []
    known: set[str] = set()
    for name in (*check_names, REMEDIATION):
        missing = NEEDS.get(name, frozenset()) - known
        if missing:
            problems.append(f"{name} needs {', '.join(sorted(missing))} from an earlier check")
        known |= PROVIDES.get(name, frozenset())
    return problems
