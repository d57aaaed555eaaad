"""`gate backfill PATH`: decide, or send to the gate, every image a Magento media tree already holds.

Thin on purpose: read the settings and options, then `gate.commerce.backfill` walks the tree and hands
each image to the decision core (`--report` alone) or to the ingest topic (`--emit`).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
from pathlib import Path
from typing import Any

from gate.cli.progress import progress_bar
from gate.cli.run import add_common_options, processor_factory, settings_from_args
from gate.errors import ConfigError

_RATE = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*(/s)?\s*")
_SOURCE = re.compile(r"[A-Za-z0-9._-]{1,100}")  # the ingest-event schema's `source`


def register(sub: Any) -> None:
    """Add the `backfill` command."""
    parser = sub.add_parser(
        "backfill",
        help="decide (or emit ingest events for) every image of a Magento catalog/product tree",
        description="Walks pub/media/catalog/product (not cache/ or dot-folders). Without --emit each image "
        "is decided in process; with --emit an ingest event per image goes to the ingest topic. One JSON "
        "line per file or skipped folder goes to --report. Run the same command again to resume: the state "
        "file says what is done. Exit status: 0 done, 1 events not acknowledged, 2 usage or configuration.",
    )
    parser.add_argument("path", type=Path, metavar="PATH", help="the catalog/product folder")
    parser.add_argument(
        "--report", type=Path, required=True, metavar="FILE", help="JSON-lines report (appended)"
    )
    parser.add_argument("--emit", action="store_true", help="send ingest events instead of deciding here")
    parser.add_argument(
        "--state", type=Path, metavar="FILE", help="resume journal (default: the report's name + .state)"
    )
    parser.add_argument("--sku-map", type=Path, metavar="CSV", help="sku,file[,id,media_type] export")
    parser.add_argument("--rate", metavar="N/s", help="at most N images per second (e.g. 50 or 50/s)")
    parser.add_argument(
        "--source", default=None, metavar="NAME", help="the events' source (magento-backfill)"
    )
    parser.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    parser.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    add_common_options(parser)
    parser.set_defaults(handler=_backfill)


def parse_rate(text: str | None) -> float | None:
    """`50`, `50/s` or `2.5/s` as events per second; ConfigError otherwise."""
    if text is None:
        return None
    found = _RATE.fullmatch(text)
    if found is None or float(found.group(1)) <= 0:
        raise ConfigError(f"--rate {text!r} is not a positive number of images per second, e.g. 50/s")
    return float(found.group(1))


def _backfill(args: argparse.Namespace) -> int:
    from gate.assets import AssetFetcher  # noqa: PLC0415 - the decision core loads c2pa
    from gate.commerce.backfill import DEFAULT_SOURCE, Backfill, DecideSink, Journal, RateLimit  # noqa: PLC0415
    from gate.commerce.skumap import read_sku_map  # noqa: PLC0415

    root = args.path.resolve()
    if not root.is_dir():
        raise ConfigError(f"PATH {args.path} is not a folder; pass pub/media/catalog/product")
    rate = parse_rate(args.rate)
    if args.source is not None and not _SOURCE.fullmatch(args.source):
        raise ConfigError("--source must be 1-100 letters, digits, '.', '_' or '-' (it names the producer)")
    settings = settings_from_args(args)
    roots = tuple(Path(r).resolve() for r in settings.fetch.file_roots)
    if roots and not any(root.is_relative_to(r) for r in roots):
        raise ConfigError(
            f"PATH {args.path} is not under fetch.file_roots, so the gate could not read its images; "
            "add it (GATE_FETCH__FILE_ROOTS or fetch.file_roots in the config)"
        )
    skus = read_sku_map(args.sku_map) if args.sku_map is not None else None
    sink: Any
    if args.emit:
        if not roots:
            raise ConfigError("--emit sends file:// events the gate reads under fetch.file_roots; set them")
        if not settings.bootstrap_servers:
            raise ConfigError("--emit needs Kafka: pass --bootstrap-servers or set GATE_BOOTSTRAP_SERVERS")
        from gate.commerce.emit import KafkaSink  # noqa: PLC0415

        sink = KafkaSink(settings.bootstrap_servers, settings.topics.ingest, settings.kafka)
    else:
        factory = processor_factory(settings)  # the policy is read once and pinned, as in `gate run`
        fetch = dataclasses.replace(factory.fetch, file_roots=roots or (root,))
        sink = DecideSink(factory.config.build(), AssetFetcher(fetch))
    state = args.state or args.report.with_name(args.report.name + ".state")
    journal = Journal(state, "emit" if args.emit else "decide")
    try:
        with args.report.open("a", encoding="utf-8") as report:
            backfill = Backfill(
                root,
                sink,
                journal,
                report,
                settings.fetch.max_bytes,
                args.source or DEFAULT_SOURCE,
                skus,
                RateLimit(rate),
            )
            entries = backfill.entries()
            with progress_bar(unit="img", disable=args.no_progress) as progress:
                task = progress.add_task("emitting" if args.emit else "deciding", total=len(entries))
                summary = backfill.run(entries, advance=lambda: progress.advance(task))
    except OSError as exc:
        raise ConfigError(f"cannot write --report {args.report}: {exc.strerror}; check the folder") from None
    finally:
        journal.close()
    _print_summary(args, root, state, summary.as_dict())
    return 1 if summary.failed else 0


def _print_summary(args: argparse.Namespace, root: Path, state: Path, summary: dict[str, Any]) -> None:
    if args.json:
        print(json.dumps({"summary": {"root": str(root), "state": str(state), **summary}}, sort_keys=True))
        return
    verb = "emitted" if args.emit else "decided"
    outcomes = summary["outcomes"]
    print(f"backfill of {args.path}: {summary['files']} file(s), {sum(outcomes.values())} {verb} this run")
    for name, count in outcomes.items():
        print(f"  {name}: {count}")
    for reason, count in summary["skipped"].items():
        print(f"  skipped {reason}: {count}")
    if summary["already_done"]:
        print(f"  already done by an earlier run: {summary['already_done']}")
    if summary["failed"]:
        print(f"  FAILED (not acknowledged, run again to resume): {summary['failed']}")
    mapped = summary.get("sku_map")
    if mapped and mapped["images_without_sku"]:
        print(
            f"  images without a SKU in --sku-map: {mapped['images_without_sku']} (their events and report "
            "lines carry no sku; export the products' media again, or add them to the map)"
        )
    if mapped and mapped["entries_not_found"]:
        print(
            f"  --sku-map entries naming no file of this tree: {mapped['entries_not_found']} "
            "(a stale export, or the map of another media folder)"
        )
    print(f"report: {args.report}   state: {state}")
