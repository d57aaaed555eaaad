"""The worker pipes' framing: what one end writes, the other reads back whole, however the pipe splits it."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pickle
import threading
from collections.abc import Iterator
from multiprocessing.connection import Pipe

import pytest

from gate.runner.frames import FrameReader, encode_message, frame_parts, write_frames, write_message

MESSAGES: list[object] = [
    None,
    ("ready", None),
    ("ok", (3, 7, ("approved", b"k", b"v" * 70_000, (), (), "src", {}, (), b"a"))),
    [(1, i, ("in", 0, i, b"k", bytes(range(256)) * 300, (), None)) for i in range(8)],
    b"",
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


def test_frame_is_what_connection_recv_reads() -> None:
    """Same bytes as Connection.send: a worker or pool still on Connection reads what these write."""
    a, b = Pipe(duplex=False)
    _roomy(b.fileno())
    for message in MESSAGES:
        header, payload = frame_parts(message)
        assert int.from_bytes(header, "big") == len(payload)
        write_message(b.fileno(), message)
        assert a.recv() == message
    a.close()
    b.close()


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
    assert pickle.loads(payload) == MESSAGES[3]
    assert encode_message(MESSAGES[3]) == header + bytes(payload)
