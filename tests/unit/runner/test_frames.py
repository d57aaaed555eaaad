"""The worker pipes' framing: what one end writes, the other reads back whole, however the pipe splits it."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
import threading
from collections.abc import Iterator

import pytest

from gate.runner.frames import (
    OUT_OF_BAND_MIN,
    FrameReader,
    encode_message,
    frame_parts,
    out_of_band,
    write_frames,
    write_message,
)

MESSAGES: list[object] = [
    None,
    ("ready", None),
    ("ok", (3, 7, ("approved", b"k", b"v" * 70_000, (), (), "src", {}, (), b"a"))),
    [(1, i, ("in", 0, i, b"k", bytes(range(256)) * 300, (), None)) for i in range(8)],
    b"",
]
# The same records with their large values marked out of band, as the pool and the workers send them, and
# what the reader gives back for each (the values as bytes again, in place).
BIG = bytes(range(256)) * 300
OUT_OF_BAND: list[tuple[object, object]] = [
    (
        ("ok", (3, 7, ("approved", b"k", out_of_band(b"v" * 70_000), (), (), "src", {}, (), b"a"))),
        ("ok", (3, 7, ("approved", b"k", b"v" * 70_000, (), (), "src", {}, (), b"a"))),
    ),
    (
        [(1, i, ("in", 0, i, b"k", out_of_band(BIG[i:]), (), None)) for i in range(8)],
        [(1, i, ("in", 0, i, b"k", BIG[i:], (), None)) for i in range(8)],
    ),
    (
        [
            (1, 0, ("in", 0, 0, None, out_of_band(None), (), None)),
            (1, 1, ("in", 0, 1, b"", out_of_band(b""), (), 5)),
        ],
        [(1, 0, ("in", 0, 0, None, None, (), None)), (1, 1, ("in", 0, 1, b"", b"", (), 5))],
    ),
    (("ok", (0, 0, out_of_band(b"z" * OUT_OF_BAND_MIN))), ("ok", (0, 0, b"z" * OUT_OF_BAND_MIN))),
]


def _roomy(fd: int) -> None:
    """1 MiB, as the pool sets its pipes: every test message fits without a reader running."""
    fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)


@pytest.fixture
def pipe() -> Iterator[tuple[int, int]]:
    read, write = os.pipe()
    _roomy(write)
    yield read, write
    for fd in (read, write):
        with contextlib.suppress(OSError):
            os.close(fd)


def test_reader_reads_each_frame(pipe: tuple[int, int]) -> None:
    read, write = pipe
    reader = FrameReader(read)
    for message in MESSAGES:
        os.write(write, encode_message(message))
        assert reader.read() == [message]


@pytest.mark.parametrize("cut", [1, 3, 4, 5, 100, 4096])
def test_a_message_split_anywhere_is_returned_once_whole(pipe: tuple[int, int], cut: int) -> None:
    """A message that arrives in pieces is returned when its last piece is read, never before."""
    read, write = pipe
    reader = FrameReader(read)
    frame = encode_message(MESSAGES[2]) + encode_message(MESSAGES[1])
    got: list[object] = []
    for start in range(0, len(frame), cut):
        os.write(write, frame[start : start + cut])
        got += reader.read()
        if start + cut < len(frame) - len(encode_message(MESSAGES[1])):
            assert got == []  # the first message is not complete yet
    assert got == [MESSAGES[2], MESSAGES[1]]


def test_several_messages_in_one_read(pipe: tuple[int, int]) -> None:
    read, write = pipe
    os.write(write, b"".join(encode_message(m) for m in MESSAGES))
    assert FrameReader(read).read() == MESSAGES


def test_a_message_larger_than_one_read() -> None:
    """A 3 MB result crosses a 64 KiB pipe in many reads and comes out once."""
    read, write = os.pipe()  # the default 64 KiB: the writer blocks until the reader makes room
    big = ("ok", (0, 0, b"x" * 3_000_000))
    writer = threading.Thread(target=write_message, args=(write, big))
    writer.start()
    reader = FrameReader(read, read_bytes=65536)
    got: list[object] = []
    while not got:
        got = reader.read()
    writer.join()
    assert got == [big]
    os.close(read)
    os.close(write)


def test_frames_written_together_come_out_in_order_through_a_small_pipe() -> None:
    """A worker's held answers go out in one call; larger than the pipe, the rest follows as it drains."""
    read, write = os.pipe()  # the default 64 KiB: most of the 3 MB waits for the reader
    messages = [*MESSAGES, ("ok", (0, 1, b"y" * 3_000_000)), ("raised", (0, 2, "ValueError"))]
    writer = threading.Thread(target=write_frames, args=(write, [frame_parts(m) for m in messages]))
    writer.start()
    reader = FrameReader(read, read_bytes=65536)
    got: list[object] = []
    while len(got) < len(messages):
        got += reader.read()
    writer.join()
    assert got == messages
    os.close(read)
    os.close(write)


def test_end_of_pipe_raises_eof_and_drops_a_message_cut_short(pipe: tuple[int, int]) -> None:
    read, write = pipe
    reader = FrameReader(read)
    os.write(write, encode_message(MESSAGES[1]) + encode_message(MESSAGES[2])[:1000])
    assert reader.read() == [MESSAGES[1]]
    os.close(write)
    with pytest.raises(EOFError):
        reader.read()


def test_frames_hold_pickles() -> None:
    header, payload = frame_parts(MESSAGES[3])
    assert int.from_bytes(header[:4], "big") == len(header) - 4 + len(payload)
    assert pickle.loads(payload) == MESSAGES[3]
    assert encode_message(MESSAGES[3]) == header + bytes(payload)


@pytest.mark.parametrize(("sent", "read"), OUT_OF_BAND)
def test_large_values_cross_out_of_band_and_come_back_as_bytes(
    pipe: tuple[int, int], sent: object, read: object
) -> None:
    fd_read, fd_write = pipe
    reader = FrameReader(fd_read)
    os.write(fd_write, encode_message(MESSAGES[1]))
    write_message(fd_write, sent)
    os.write(fd_write, encode_message(MESSAGES[2]))
    got = reader.read()
    assert got == [MESSAGES[1], read, MESSAGES[2]]
    assert _bytes_in(got[1]) == _bytes_in(read)  # bytes, not views of the reader's buffer


def test_an_out_of_band_value_is_written_from_its_own_bytes() -> None:
    """Not copied into the pickle: the frame's last part is a view of the value itself."""
    value = b"v" * 70_000
    parts = frame_parts(("ok", (0, 0, out_of_band(value))))
    assert len(parts) == 3
    assert isinstance(parts[2], memoryview) and parts[2].obj is value
    assert len(parts[1]) < 200  # the pickle names the buffer, it does not hold it
    assert out_of_band(b"v" * (OUT_OF_BAND_MIN - 1)) == b"v" * (OUT_OF_BAND_MIN - 1)  # small: in band


def test_out_of_band_frames_split_anywhere_and_larger_than_the_pipe() -> None:
    """Chunks of records with values out of band, through a 64 KiB pipe read 64 KiB at a time."""
    read, write = os.pipe()
    messages = [sent for sent, _ in OUT_OF_BAND] + [("ok", (0, 1, out_of_band(b"y" * 3_000_000)))]
    writer = threading.Thread(target=write_frames, args=(write, [frame_parts(m) for m in messages]))
    writer.start()
    reader = FrameReader(read, read_bytes=65536)
    got: list[object] = []
    while len(got) < len(messages):
        got += reader.read()
    writer.join()
    assert got == [read_ for _, read_ in OUT_OF_BAND] + [("ok", (0, 1, b"y" * 3_000_000))]
    os.close(read)
    os.close(write)


def _bytes_in(value: object) -> list[type]:
    """The types of every bytes-like leaf of a message."""
    if isinstance(value, tuple | list):
        return [t for item in value for t in _bytes_in(item)]
    return [type(value)] if isinstance(value, bytes | bytearray | memoryview) else []
