"""In-place editing of EXIF (TIFF IFD) blocks.

Stripping blanks fields in place instead of rebuilding the block: every other offset stays valid, so
MakerNotes and thumbnails that hold absolute offsets survive, and the block keeps its length.
"""

from __future__ import annotations

import bisect
import struct

from gate.imaging.exif import GPS_IFD_TAG, Entry, Tiff


def strip(block: bytes, kinds: frozenset[str]) -> bytes | None:
    """`block` with every entry of `kinds` removed and its value bytes zeroed; None if none is present.

    With `unread` in `kinds`, tags outside `exif_known` go too, and bytes no IFD accounts for are zeroed.
    """
    tiff = Tiff(block)
    if "json_text" in kinds:  # a text tag holding JSON (`labelled_json`) is a free-text tag in the block
        kinds |= {"free_text"}
    doomed = [entry for entry, kind in tiff.personal() if kind in kinds]
    if "free_text" in kinds:
        doomed.extend(entry for entry, _ in tiff.known_texts())
    hidden: list[tuple[int, int]] = []
    if "unread" in kinds:
        doomed.extend(tiff.unread())
        hidden = tiff.unreferenced()
        thumbnail = tiff.thumbnail()
        if thumbnail is not None and tiff.thumbnail_unread():
            doomed.extend(tiff.thumbnail_unread())
            hidden.append(thumbnail)
    if not doomed and not hidden:
        return None
    out = bytearray(block)
    gone_gps = {_pointed(tiff, entry) for entry in doomed if entry.tag == GPS_IFD_TAG} & tiff.gps_tables
    # A value a writer declared too long can run over a table that stays (a Traveler SX330Z's MakerNote
    # ends inside IFD1): zeroing must leave the table, or the block no longer parses. A value that stays
    # is zeroed where a doomed one overlaps it: a wrong number is no leak, the doomed bytes would be.
    # The TIFF header stays too: a value may claim it (goexif's infinite_loop_exif.jpg has an IFD0 entry
    # of 72 bytes at offset 1), and a block without its header no longer parses at all.
    kept = [(0, 8), *((t, t + 2 + 12 * n + 4) for t, n in tiff.tables.items() if t not in gone_gps)]
    zero = _Zeroer(out, kept)
    for start, end in hidden:  # no table holds these, but for the padding of a short value's field
        out[start:end] = bytes(end - start)
    if gone_gps:
        # Zero every value a GPS table points to, so no coordinate survives as orphan bytes.
        for gps in (e for e in tiff.entries if e.ifd == "gps" and not e.inline):
            zero(gps.value_start, gps.value_start + gps.value_size)
    # ... and the tables themselves, if that is what the pointers aim at: a pointer the lenient thumbnail
    # IFD holds may aim anywhere (IFD0, the thumbnail's bytes, past the end), and only it goes then.
    for table in gone_gps:
        zero(table, table + 2 + 12 * tiff.tables[table] + 4)
    for entry in doomed:
        if entry.tag != GPS_IFD_TAG and not entry.inline:
            zero(entry.value_start, entry.value_start + entry.value_size)
    for table in sorted({entry.table for entry in doomed}):
        _remove_entries(tiff, out, table, {e.tag for e in doomed if e.table == table})
    return bytes(out)


def _pointed(tiff: Tiff, entry: Entry) -> int:
    """The offset an IFD pointer entry aims at, whatever type the writer gave it: the walk reads the value
    field as an offset either way, and a pointer typed as text of 5 bytes or more has it as its own."""
    return tiff.unpack("I", entry.value_start)[0] if entry.inline else entry.value_start


class _Zeroer:
    """Zeroes byte ranges of a block except where a table that stays lies (`kept` ranges)."""

    def __init__(self, out: bytearray, kept: list[tuple[int, int]]) -> None:
        self.out = out
        merged: list[tuple[int, int]] = []
        for start, end in sorted(kept):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self.kept = merged
        self.ends = [end for _, end in merged]

    def __call__(self, start: int, end: int) -> None:
        pos = start
        # Disjoint and sorted, so the first range that could overlap is found by bisection.
        for keep_start, keep_end in self.kept[bisect.bisect_right(self.ends, pos) :]:
            if keep_start >= end:
                break
            if keep_start > pos:
                self.out[pos:keep_start] = bytes(keep_start - pos)
            pos = keep_end
        if pos < end:
            self.out[pos:end] = bytes(end - pos)


def _remove_entries(tiff: Tiff, out: bytearray, table: int, tags: set[int]) -> None:
    """Rewrite one IFD table without `tags`: same place, shorter entry list, zero padding at the end."""
    start, end = table + 2, table + 2 + 12 * tiff.tables[table]
    kept = [out[p : p + 12] for p in range(start, end, 12) if tiff.unpack("H", p)[0] not in tags]
    body = struct.pack(tiff.order + "H", len(kept)) + b"".join(kept) + out[end : end + 4]
    out[table : end + 4] = body + bytes(end + 4 - table - len(body))
