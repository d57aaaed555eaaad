"""`gate backfill`: decide (or send to the gate) every image a Magento media tree already holds.

Each image becomes the ingest event the gate would have received had it been there from the start: a
`file://` URI under the configured roots, its sha256, media type and size, and the product's SKU from an
optional map. The event id is derived from the path relative to the tree and the content's sha256, so
the same file always gives the same event, and a changed file a new one.

Two sinks share one walk. `DecideSink` decides in process through the decision core's one entry point
(`gate.core.flow.evaluate_event_bytes`, the policy pinned in a `LoadedConfig`) and the one record builder
(`gate.core.record.decided_record`). `gate.commerce.emit.KafkaSink` sends the events to the ingest topic.
Both are resumable through a `Journal`: a JSON-lines file of what is done, appended once an item is
decided or its event acknowledged by the broker, and read back by the next run.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, TextIO

from gate.assets import AssetFetcher
from gate.commerce.media_tree import MediaImage, Skipped, inspect, walk
from gate.commerce.skumap import SkuMap, normalise_file
from gate.core.flow import evaluate_event_bytes
from gate.core.pipeline import Pipeline
from gate.core.record import decided_record, encode_json
from gate.errors import ConfigError

DEFAULT_SOURCE = "magento-backfill"
EVENT_ID_PREFIX = "backfill:"


def event_id_for(relative: str, sha256: str) -> str:
    """Stable event id from the path in the tree and the content; the path itself never appears in it
    (file names may name people, and event ids are logged)."""
    # fsencode: a file name that is not UTF-8 (kept by Python as surrogates) hashes as its raw bytes.
    digest = hashlib.sha256(os.fsencode(relative) + b"\0" + sha256.encode()).hexdigest()
    return EVENT_ID_PREFIX + digest[:40]


def ingest_event(image: MediaImage, *, source: str, skus: SkuMap | None) -> dict[str, Any]:
    """The ingest event for one image (valid against ingest-event.schema.json)."""
    occurred = datetime.fromtimestamp(image.mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    event: dict[str, Any] = {
        "event_id": event_id_for(image.relative, image.sha256),
        "occurred_at": occurred,  # the file's modification time: when it entered the gallery
        "source": source,
        "asset": {
            "uri": image.resolved.as_uri(),
            "sha256": image.sha256,
            "media_type": image.media_type,
            "size": image.size,
        },
    }
    entry = skus.lookup(image.relative) if skus is not None else None
    if entry is not None:
        event["context"] = {"sku": entry.sku}
        if entry.entry_id is not None:
            event["context"]["media_entry_id"] = entry.entry_id
    return event


class Journal:
    """What earlier runs finished, by key; appended (and flushed) as items finish, so a kill loses at
    most the items in flight. Keys are event ids, or `skip:` and a hash of the path for skipped items."""

    def __init__(self, path: Path, mode: str) -> None:
        self.path, self.mode = path, mode
        self.done: set[str] = set()
        for entry in _journal_entries(path):
            if entry["mode"] == mode:
                self.done.add(str(entry["key"]))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._handle: TextIO = path.open("a", encoding="utf-8")
            if self._handle.tell() and not path.read_bytes().endswith(b"\n"):
                self._handle.write("\n")  # end a line a kill cut short, so the next entry is whole
        except OSError as exc:
            raise ConfigError(
                f"cannot write the state file {path}: {exc.strerror}; pass --state a file you can write"
            ) from None

    def record(self, key: str) -> None:
        """Mark `key` done."""
        self.done.add(key)
        self._handle.write(json.dumps({"mode": self.mode, "key": key}) + "\n")
        self._handle.flush()

    def close(self) -> None:
        """Close the file."""
        self._handle.close()


def _journal_entries(path: Path) -> list[dict[str, Any]]:
    """The entries of the journal at `path` (none when there is no file yet).

    A file that is not a journal (an image, the report, a CSV given as --state by mistake) is refused
    rather than appended to: nothing the user gave is altered. A line that is not JSON is what a kill
    leaves (cut short, or with the next run's entry after it), so it is passed over, as long as the file
    also holds journal entries.
    """
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise ConfigError(f"cannot read the state file {path}: {exc.strerror}; pass --state a file") from None
    except UnicodeDecodeError:
        raise _not_a_journal(path, "it is not UTF-8 text") from None
    entries, cut = [], 0
    for line in text.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            cut += 1
            continue
        if not (isinstance(entry, dict) and set(entry) == {"mode", "key"}):
            raise _not_a_journal(path, "a line of it is JSON but no entry of a backfill state file")
        entries.append(entry)
    if cut and not entries:
        raise _not_a_journal(path, "no line of it is an entry of a backfill state file")
    return entries


def _not_a_journal(path: Path, why: str) -> ConfigError:
    return ConfigError(
        f"--state {path} is not a backfill state file ({why}); it was left as it is: pass the state file "
        "an earlier run of this backfill wrote (by default the report's name + .state), or a new path"
    )


def skip_key(skipped: Skipped) -> str:
    """Journal key of a skipped path (a hash: the journal holds no file names)."""
    name = os.fsencode(skipped.relative) + b"\0" + skipped.reason.encode()
    return "skip:" + hashlib.sha256(name).hexdigest()[:40]


class Sink(Protocol):
    """Where the images of a backfill go; `finished` is called for each item once it is safely done."""

    def submit(
        self, image: MediaImage, event: dict[str, Any], finished: Callable[[dict[str, Any]], None]
    ) -> None:
        """Take one image and its event; call `finished(report_line)` when it is done."""

    def drain(self) -> None:
        """Wait until every submitted item is finished (or has failed)."""


@dataclass
class DecideSink:
    """Decides each event in process, exactly as a gate worker would, and reports the decision."""

    pipeline: Pipeline
    fetcher: AssetFetcher

    def submit(
        self, image: MediaImage, event: dict[str, Any], finished: Callable[[dict[str, Any]], None]
    ) -> None:
        """Decide now; the report line carries the decision record."""
        outcome = evaluate_event_bytes(
            encode_json(event), self.pipeline, self.fetcher, fallback_id=event["event_id"]
        )
        document = decided_record(outcome).document
        finished({"status": "decided", "verdict": document["verdict"], "decision": document})

    def drain(self) -> None:
        """Nothing in flight: every decision is made in `submit`."""


@dataclass
class Summary:
    """Counts a person reads at the end: by verdict (or emitted), skipped by reason, done before."""

    files: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    already_done: int = 0
    failed: int = 0
    # With --sku-map: images of the tree the map does not name, and map entries naming no file of the tree
    # (a stale export, or another root); None without a map. Neither stops the run; both are told.
    without_sku: int | None = None
    map_entries_not_found: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The summary as JSON."""
        found = {
            "files": self.files,
            "outcomes": dict(sorted(self.outcomes.items())),
            "skipped": dict(sorted(self.skipped.items())),
            "already_done": self.already_done,
            "failed": self.failed,
        }
        if self.without_sku is not None:
            found["sku_map"] = {
                "images_without_sku": self.without_sku,
                "entries_not_found": self.map_entries_not_found or 0,
            }
        return found


class RateLimit:
    """At most `per_second` items per second on average (None: no cap)."""

    def __init__(
        self,
        per_second: float | None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.per_second, self._clock, self._sleep = per_second, clock, sleep
        self._started: float | None = None
        self._count = 0

    def wait(self) -> None:
        """Block until one more item fits under the cap."""
        if self.per_second is None:
            return
        now = self._clock()
        if self._started is None:
            self._started = now
        due = self._started + self._count / self.per_second
        if due > now:
            self._sleep(due - now)
        self._count += 1


@dataclass
class Backfill:
    """One walk of a media tree into a sink, reported line by line and journalled for resuming."""

    root: Path
    sink: Sink
    journal: Journal
    report: TextIO
    max_bytes: int
    source: str = DEFAULT_SOURCE
    skus: SkuMap | None = None
    rate: RateLimit = field(default_factory=lambda: RateLimit(None))
    summary: Summary = field(default_factory=Summary)

    def entries(self) -> list[Path | Skipped]:
        """Everything the walk finds, listed first so progress has a total."""
        return list(walk(self.root))

    def run(self, entries: list[Path | Skipped], advance: Callable[[], None] = lambda: None) -> Summary:
        """Process every entry; returns the summary (also kept on `self.summary`)."""
        seen: set[str] = set()
        if self.skus is not None:
            self.summary.without_sku = self.summary.without_sku or 0
        for entry in entries:
            self._one(entry, seen)
            advance()
        self.sink.drain()
        if self.skus is not None:
            self.summary.map_entries_not_found = len(set(self.skus.entries) - seen)
        return self.summary

    def _one(self, entry: Path | Skipped, seen: set[str]) -> None:
        item = entry if isinstance(entry, Skipped) else inspect(self.root, entry, self.max_bytes)
        seen.add(normalise_file(item.relative))
        if not isinstance(entry, Skipped):
            self.summary.files += 1
        if isinstance(item, Skipped):
            key = skip_key(item)
            if key in self.journal.done:
                self.summary.already_done += 1
                return
            self._write({"path": item.relative, "status": "skipped", "reason": item.reason, "why": item.why})
            self.summary.skipped[item.reason] += 1
            self.journal.record(key)
            return
        if self.skus is not None and self.skus.lookup(item.relative) is None:
            self.summary.without_sku = (self.summary.without_sku or 0) + 1  # (set to 0 by `run`)
        event = ingest_event(item, source=self.source, skus=self.skus)
        event_id = event["event_id"]
        if event_id in self.journal.done:
            self.summary.already_done += 1
            return
        self.rate.wait()
        head: dict[str, Any] = {"path": item.relative, "event_id": event_id, "sha256": item.sha256}
        if "context" in event:
            head["sku"] = event["context"]["sku"]
        self.sink.submit(item, event, lambda line: self._finished(event_id, head, line))

    def _finished(self, event_id: str, head: dict[str, Any], line: dict[str, Any]) -> None:
        self._write({**head, **line})
        if line["status"] == "failed":
            self.summary.failed += 1
            return
        self.summary.outcomes[line.get("verdict", line["status"])] += 1
        self.journal.record(event_id)

    def _write(self, line: dict[str, Any]) -> None:
        self.report.write(json.dumps(line, sort_keys=True) + "\n")
        self.report.flush()


def iter_report(path: Path) -> Iterator[dict[str, Any]]:
    """The lines of a backfill report (for tests and tools)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        yield json.loads(line)
