"""A rich progress bar with count, percentage, rate and ETA on stderr, for long-running commands."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class RateColumn(ProgressColumn):
    """Items per second so far."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        """The rate, or nothing before the first item."""
        return Text(f"{task.speed:.1f} {self.unit}/s" if task.speed else "")


def progress_bar(*, unit: str, disable: bool) -> Progress:
    """Description, bar, done/total, percentage, rate and time remaining (transient: gone when done)."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        RateColumn(unit),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=disable,
    )
