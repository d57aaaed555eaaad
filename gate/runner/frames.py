"""Messages on the worker pipes: a pickle behind its length, framed as `multiprocessing.connection` frames it.

Both ends move a record's bytes as few times as they can, because the runner's one thread pays for every copy
and every system call per event (README "Performance"):
- `frame_parts` gives the length header and the pickle apart, so a writer hands both to one `os.writev`
  instead of joining them first (a copy of the whole message) or writing them in two calls (a second
  wake-up of the reader for the header alone).
- `FrameReader` takes whatever the pipe holds in one read and returns every message it completes; a message
  not yet complete waits in its buffer, so a half-written message never blocks the reader. Connection.recv
  reads the header and the body in two calls and copies the body once more through a BytesIO.
"""

from __future__ import annotations

import os
import pickle
import struct
from collections.abc import Sequence
from multiprocessing.reduction import ForkingPickler
from typing import Any

_SHORT = struct.Struct("!i")  # the length; -1 announces a 64-bit length (a message over 2 GiB)
_LONG = struct.Struct("!Q")
READ_BYTES = 1 << 20  # one read takes up to a full pipe (the pool sets 1 MiB pipes)


def frame_parts(obj: object) -> tuple[bytes, memoryview]:
    """`obj` as a frame: the length header and the pickle (a view of the pickle, not a copy).

    `pickle.dumps`, not multiprocessing's ForkingPickler (whose reducers no message needs), which pickles
    into a BytesIO that grows by reallocating: through a one-worker echo pool of 50 KB records the
    runner's CPU per record fell 57-60 -> 49-50 us in batches of 1, 30-34 -> 25 in batches of 8. (Values
    out of band, protocol-5 buffers written from the records' own bytes, cost more there: 60-65 us.)"""
    payload = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    size = len(payload)
    header = _SHORT.pack(size) if size <= 0x7FFFFFFF else _SHORT.pack(-1) + _LONG.pack(size)
    return header, memoryview(payload)


def encode_message(obj: object) -> bytes:
    """`obj` as one frame in one bytes object (for a writer that must keep what it could not write yet)."""
    header, payload = frame_parts(obj)
    return header + payload


def write_message(fd: int, obj: object) -> None:
    """Write `obj` as one frame to a blocking `fd`: one system call for header and pickle together."""
    write_frames(fd, [frame_parts(obj)])


def write_frames(fd: int, frames: Sequence[tuple[bytes, memoryview]]) -> None:
    """Write frames (from `frame_parts`) to a blocking `fd`, in order, in one system call when the pipe
    takes them all (the reader then wakes once for all of them)."""
    parts = [part for frame in frames for part in frame]
    written = os.writev(fd, parts)
    for part in parts:  # a pipe fuller than the frames: the rest as it drains
        if written >= len(part):
            written -= len(part)
            continue
        view = memoryview(part)[written:]
        while view:
            view = view[os.write(fd, view) :]
        written = 0


class FrameReader:
    """Reads frames from a pipe without blocking on a message that is not complete yet.

    Reads go into one buffer kept for the reader's life: `os.read` of a pipe allocates a new object of the
    full size asked for every call (a fresh 1 MiB mapping, page faults, then a shrinking copy), which cost
    four times what Connection.recv did per 90 KB result."""

    def __init__(self, fd: int, read_bytes: int = READ_BYTES) -> None:
        self._fd = fd
        self._buffer = bytearray(read_bytes)
        self._held = 0  # bytes at the start of the buffer: the start of a message not yet complete

    def read(self) -> list[Any]:
        """One read of what the pipe holds (it must be readable, or this blocks); every message it completes.

        Raises EOFError when the writer has closed its end (a message cut short by the writer's death is
        dropped; the ones before it were returned by earlier calls)."""
        if self._held == len(self._buffer):  # a message larger than the buffer: make room for all of it
            self._buffer.extend(bytes(max(len(self._buffer), _frame_size(self._buffer) - self._held)))
        with memoryview(self._buffer) as free:
            got = os.readv(self._fd, (free[self._held :],))
        if not got:
            raise EOFError("the writer closed the pipe")
        end = self._held + got
        with memoryview(self._buffer) as view:
            messages, used = _split(view[:end])
        if used:
            self._buffer[: end - used] = self._buffer[used:end]  # the rest of a message, to the front
        self._held = end - used
        return messages


def _frame_size(buffer: bytearray) -> int:
    """Header and body of the frame at the start of `buffer` (its header must be there)."""
    (size,) = _SHORT.unpack_from(buffer)
    if size == -1:
        (size,) = _LONG.unpack_from(buffer, _SHORT.size)
        return _SHORT.size + _LONG.size + int(size)
    return _SHORT.size + int(size)


def _split(data: memoryview) -> tuple[list[Any], int]:
    """The messages of the whole frames at the start of `data`, and how many bytes they took."""
    messages: list[Any] = []
    at, end = 0, len(data)
    while end - at >= _SHORT.size:
        (size,) = _SHORT.unpack_from(data, at)
        head = _SHORT.size
        if size == -1:
            if end - at < _SHORT.size + _LONG.size:
                break
            (size,) = _LONG.unpack_from(data, at + _SHORT.size)
            head += _LONG.size
        if end - at - head < size:
            break
        messages.append(ForkingPickler.loads(data[at + head : at + head + size]))  # pickle.loads
        at += head + size
    return messages, at
