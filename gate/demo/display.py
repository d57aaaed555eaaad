"""The demo's live view: counts per verdict and per reason code, refreshed as decisions arrive."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rich.console import Group
from rich.table import Table
from rich.text import Text

_STYLE = {"approved": "green", "quarantined": "yellow", "rejected": "red"}


@dataclass
class Tally:
    """Decisions seen so far, deduplicated by key (the test broker may deliver aborted records)."""

    expected_total: int
    verdicts: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    by_key: dict[bytes, str] = field(default_factory=dict)

    def add(self, key: bytes, verdict: str, reason_codes: list[str]) -> None:
        """Count one decision record, once per key."""
        if key in self.by_key:
            return
        self.by_key[key] = verdict
        self.verdicts[verdict] += 1
        self.reasons.update(set(reason_codes))

    @property
    def done(self) -> bool:
        """Every produced event has its decision."""
        return len(self.by_key) >= self.expected_total

    def render(self, title: str, footer: str = "") -> Group:
        """Two tables: verdicts, then the most frequent reason codes."""
        verdicts = Table(title=title, expand=False)
        verdicts.add_column("verdict")
        verdicts.add_column("events", justify="right")
        for verdict in ("approved", "quarantined", "rejected"):
            verdicts.add_row(Text(verdict, style=_STYLE[verdict]), str(self.verdicts[verdict]))
        verdicts.add_row(Text("decided", style="bold"), f"{len(self.by_key)} / {self.expected_total}")
        reasons = Table(title="reasons (events carrying each code)", expand=False)
        reasons.add_column("reason code")
        reasons.add_column("events", justify="right")
        for code, count in self.reasons.most_common(12):
            reasons.add_row(code, str(count))
        parts: list[Table | Text] = [verdicts, reasons]
        if footer:
            parts.append(Text(footer, style="dim"))
        return Group(*parts)
