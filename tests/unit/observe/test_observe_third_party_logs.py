"""Third-party loggers pass the gate's guard at every level: Pillow's TIFF plugin writes EXIF values at
DEBUG, and a library's warning may format a value into its message."""

from __future__ import annotations

import io
import logging
import multiprocessing
from collections.abc import Iterator

import pytest
from PIL import Image

from gate.demo.images import jpeg_bytes, product_image
from gate.imaging import ImageLimits, probe, read_metadata
from gate.observe.logs import configure_logging

CANARY = "CANARY-7f3a-jane.doe@example.com"


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    pil_level = logging.getLogger("PIL").level
    yield
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
    root.setLevel(level)
    logging.getLogger("PIL").setLevel(pil_level)


def exif_round_trip() -> None:
    """Write and read EXIF with a canary through Pillow's TIFF code (TIFF and JPEG containers)."""
    exif = Image.Exif()
    exif[0x010E] = CANARY  # ImageDescription
    exif[0x013B] = CANARY  # Artist
    for fmt in ("TIFF", "JPEG"):
        buffer = io.BytesIO()
        Image.new("RGB", (8, 8)).save(buffer, fmt, exif=exif)
        buffer.seek(0)
        with Image.open(buffer) as image:
            image.load()
            assert image.getexif()[0x010E] == CANARY  # the value was really read


@pytest.mark.parametrize("level", ["debug", "info", "warning"])
@pytest.mark.parametrize("fmt", ["json", "text"])
def test_pillow_never_writes_exif_values_into_the_log(level: str, fmt: str) -> None:
    stream = io.StringIO()
    configure_logging(level, fmt, stream=stream)  # type: ignore[arg-type]
    exif_round_trip()
    assert CANARY not in stream.getvalue()


def test_third_party_records_are_held_at_warning_and_lose_their_arguments() -> None:
    stream = io.StringIO()
    configure_logging("debug", "json", stream=stream)
    library = logging.getLogger("somelib.parser")
    library.debug("read %s", CANARY)
    library.info("read %s", CANARY)
    library.warning("could not read %s", CANARY)
    logging.getLogger("gate.test").debug("own debug line")
    out = stream.getvalue()
    assert CANARY not in out
    assert "could not read %s" in out  # the template is kept: the warning is not lost
    assert "own debug line" in out  # the gate's own DEBUG lines still appear


def _child(queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """A worker process as the runner starts one: it configures its own logging, then reads EXIF."""
    stream = io.StringIO()
    configure_logging("debug", "json", stream=stream)
    exif_round_trip()
    queue.put(stream.getvalue())


def test_a_spawned_worker_process_holds_pillow_too() -> None:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(queue,))
    process.start()
    out = queue.get(timeout=60)
    process.join(timeout=30)
    assert process.exitcode == 0
    assert CANARY not in out


def test_the_gates_own_image_reading_logs_no_exif_value_at_debug() -> None:
    """probe + read_metadata open the image with Pillow, whose TIFF plugin logs each EXIF value."""
    stream = io.StringIO()
    configure_logging("debug", "json", stream=stream)
    exif = Image.Exif()
    exif[0x013B] = CANARY
    data = jpeg_bytes(product_image(96, 64), exif=exif)
    items = read_metadata(data, probe(data, ImageLimits())).items
    assert any(CANARY in str(item.value) for item in items)  # the value was read
    assert CANARY not in stream.getvalue()
