"""The progress bar of long CLI jobs (`gate rescan`): done/total, percent, events per second and ETA, on
standard error, gone when the job ends."""

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
    """Events per second so far."""

    def render(self, task: Task) -> Text:
        """The rate, or nothing before the first event."""
        return Text(f"{task.speed:.1f} ev/s" if task.speed else "")


def job_progress(*, disable: bool) -> Progress:
    """A bar with count, percent, rate and time remaining (`disable`: show nothing)."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        RateColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        disable=disable,
    )
