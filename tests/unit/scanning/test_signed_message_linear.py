# ruff: noqa: RUF001 - dashes and full-width marks on purpose
"""person_signed's message test reads a text once (`_Message`), where it read the whole text before every
dash (a prompt of thousands of quoted signatures took minutes): it answers what the whole-text reading
answered, for every dash of generated texts, and a hostile text of 90,000 characters is read in bounded
work."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gate.scanning.detectors import person_lists, person_signed
from gate.scanning.detectors.base import Text
from gate.scanning.detectors.person_greeting import has_greeting, has_signoff_from
from gate.scanning.detectors.person_lists import occasion
from gate.scanning.normalise import normalise


def _whole_text_reading(text: Text, before: str) -> bool:
    """The reading before `_Message`: every test on the whole text before the dash."""
    if person_signed._SENTENCE_END.search(before) is not None:
        return True
    if (stop := person_signed._FULL_STOP.search(before)) is not None and not stop.group(1)[0].isupper():
        return True
    if has_greeting(text) or has_signoff_from(text) or occasion().search(before) is not None:
        return True
    return any(word.lower() in person_signed.MESSAGE_WORDS for word in person_signed._WORD.findall(before))


# Pieces that say nothing of a message, dashes, and what makes the text before a dash a message: a text is
# mostly the first two with at most two of the last, so each dash's answer can go either way.
_PLAIN = [
    " ", "  ", "\n", ". ", ") ", "Vol. ", "Co. ", "gorgeous. ", "ABC. ", "a1b. ", "x_y. ", "“", "”", '"', "'",
    "Linen shirt ", "Ocean Blue ", "glove ", "besteck ", "Pemberton-Oyelaran ", "2024 ", "é", "ß", "İ",
    "\u00a0", "Kemeja linen ", "Biru Samudra ", "Merry ", "Mères ", "—J. Smith", "— Anna", "— ", "- ", "– ",
    "-- ", "Anna",
]  # fmt: skip
_MESSAGE = [
    "! ", "? ", "… ", "。", "！", "Merry Christmas ", "Muttertag ", "Fête des Mères ", "Нового Года ",
    "Dzień Matki ", "love ", "beste ", "Oma ", "thanks ", "Dear Ana, ", "Love, ", "cool. ",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@example(["Hi! Ocean ", "— Anna", " Blue ", "— Anna"], [])  # a message before the first dash holds later
@example(["Ocean ", "Vol. ", "— Anna"], [])  # "Vol." ends no sentence
@example(["Ocean ", "gorgeous. ", "— Anna", " x ", "— Anna"], [])  # the full stop is the last word's only
@example(["Linen shirt ", "Merry ", "— Anna", "Christmas ", "— Anna"], [])  # no occasion across a dash
@given(
    st.lists(st.sampled_from(_PLAIN), min_size=1, max_size=16),
    st.lists(st.tuples(st.integers(0, 16), st.sampled_from(_MESSAGE)), max_size=2),
)
def test_the_message_read_once_answers_as_the_whole_text_before_each_dash(
    pieces: list[str], inserted: list[tuple[int, str]]
) -> None:
    for at, piece in inserted:
        pieces.insert(at, piece)
    value = normalise("".join(pieces))
    text = Text(value, 0)
    message = person_signed._Message(text)
    for dash in person_signed._DASH.finditer(value):
        assert message.before(dash.start()) == _whole_text_reading(text, value[: dash.start()]), (
            value,
            dash.start(),
        )


def test_the_backward_full_stop_is_the_forward_one_at_the_end_of_the_text() -> None:
    for before in ["the print is gorgeous. ", "Vol. ", "Co.\n", "1abc. ", "x.abc. ", "über.  ", "ab. ", "a"]:
        forward = person_signed._FULL_STOP.search(before)
        backward = person_signed._FULL_STOP_BACK.match(before[::-1])
        assert (forward is None) == (backward is None), before
        if forward is not None and backward is not None:
            assert forward.group(1) == backward.group(1)[::-1]


def test_no_occasion_runs_across_a_signing_dash() -> None:
    """`_Message` reads each stretch from a dash on: no occasion may hold a dash that follows a space or a
    sentence's end (where `_DASH` starts), so none begins in one stretch and ends in the next."""
    words = person_lists._read_words("occasions.txt")
    assert words
    for word in words:
        for at, ch in enumerate(word):
            if ch in "-\u2010\u2011\u2012\u2013\u2014\u2015":
                assert at > 0 and word[at - 1].isalpha(), word


def test_a_hostile_text_of_quoted_signatures_is_read_in_bounded_work() -> None:
    """Each dash's stretch is read once: a text 8 times longer costs about 8 times more, not 64 (counted
    in characters read, not timed)."""
    read: list[int] = []

    class Counting(person_signed._Message):
        def _read(self, end: int) -> bool:
            read.append(end - self._read_to)
            return super()._read(end)

    for repeats in (500, 4000):
        read.clear()
        value = normalise("'x — Anna' " * repeats)
        message = Counting(Text(value, 0))
        for dash in person_signed._DASH.finditer(value):
            message.before(dash.start())
        assert sum(read) <= len(value)
