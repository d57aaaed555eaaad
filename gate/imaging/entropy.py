"""Where a JPEG scan's entropy-coded data ends: the first 0xFF not followed by stuffing (0x00) or RST0-7.

The walk skips every scan this way, so it reads the whole file once. A regex does it at about 3.5 GB/s
(its first-byte loop stops at every 0xFF, one byte in 256 of coded data): 0.87 ms of a 3 MB photo, the
largest cost of the structural walk. numpy compares whole windows at once, about twice as fast on large
files (0.45 ms for 3 MB, measured 2026-12-05; finding the 0xFF bytes first with `flatnonzero` and
looking only at the byte after each measured no faster after a c2pa call). The first 64 KiB of a scan
are searched by the regex: a progressive JPEG's short scans cost what they did, and so does a small
image, where the regex is faster (measured right after a c2pa call, as in the pipeline: 8 against 24 us
for 16 KiB of scan data, 17 against 28 us for 48 KiB, about even at 150 KiB). Then windows of
64 KiB, growing to 1 MiB, which bounds the temporaries (a few bytes per byte of window) whatever the
file. Each window is read first for its first 0xFF followed by anything but stuffing, a rare pair in
coded data (two array passes; 0.45 -> 0.19 ms for a 3 MB photo); only when that pair is a restart
marker is the window, and the rest of the scan, read the full way (seven passes), so an image with a
restart interval costs what it did. `first_marker_regex` is the reference the tests hold this to, and
the search used where numpy is not installed (it is a default dependency; the core keeps running
without it, as without the pixel packages).
"""

from __future__ import annotations

import re

try:
    import numpy as np

    _HAVE_NUMPY = True
except ImportError:  # tested in a subprocess that blocks numpy (tests/unit/pixels/test_pixels_optional.py)
    _HAVE_NUMPY = False

# The first 64 KiB after a scan's start are searched by the regex: short scans (a progressive JPEG's,
# up to MAX_SCANS of them) and small images cost a regex search, not numpy's per-call overhead.
_REGEX_SPAN = 1 << 16
_FIRST_WINDOW = 1 << 16
_LAST_WINDOW = 1 << 20
_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7]")


def first_marker(data: bytes, pos: int) -> int:
    """The offset of the first 0xFF at or after `pos` that the next byte does not make stuffing (0x00)
    or a restart marker (0xD0-0xD7); -1 when there is none (a 0xFF in the last byte has no next byte)."""
    n = len(data)
    if not _HAVE_NUMPY:
        return first_marker_regex(data, pos)
    end = min(n, pos + _REGEX_SPAN + 1)
    found = first_marker_regex(data, pos, end)
    if found >= 0 or end == n:
        return found
    pos = end - 1
    window = _FIRST_WINDOW
    restarts = False  # set once a window's first candidate was a restart marker
    while pos < n - 1:
        end = min(n, pos + window + 1)  # one byte more: the byte after the window's last 0xFF
        quick = None if restarts else _first_rare(data, pos, end)
        if quick is None:
            restarts = True
            quick = _first_in(data, pos, end)
        if quick >= 0:
            return quick
        pos = end - 1
        window = min(window * 2, _LAST_WINDOW)
    return -1


def _first_rare(data: bytes, start: int, end: int) -> int | None:
    """`_first_in` in two passes instead of seven, for scans without restart markers: a 0xFF followed
    by anything but stuffing is rare in coded data (markers, restarts, fill), so the first one is found
    with one argmax, and is the answer unless it is a restart marker: then None, and the caller reads the
    window (and the rest of the scan) the full way. 0.45 -> 0.19 ms for a 3 MB photo; an image with a
    restart interval pays one such pass over its first 64 KiB window in vain."""
    coded = np.frombuffer(data, dtype=np.uint8, count=end - start, offset=start)  # a view: no copy
    after = coded[1:]
    rare = coded[:-1] == 0xFF
    np.logical_and(rare, after, out=rare)  # `after` as truth values: nonzero; in place, no third array
    index = int(rare.argmax())  # stops at the first True
    if not rare[index]:
        return -1
    return None if 0xD0 <= after[index] <= 0xD7 else start + index


def _first_in(data: bytes, start: int, end: int) -> int:
    coded = np.frombuffer(data, dtype=np.uint8, count=end - start, offset=start)  # a view: no copy
    fill = coded[:-1] == 0xFF
    if not fill.any():
        return -1
    after = coded[1:]
    marker = fill & (after != 0) & ((after & 0xF8) != 0xD0)
    index = int(marker.argmax())
    return start + index if marker[index] else -1


def first_marker_regex(data: bytes, pos: int, end: int | None = None) -> int:
    """The same answer as `first_marker` for `data[:end]`, by a regex search (the reference)."""
    match = _MARKER.search(data, pos, len(data) if end is None else end)
    return -1 if match is None else match.start()
