"""The decoders' gate (`decoding.may_be_encoded`), asked once per string by the walk: where it says no,
the decoders would have read nothing. Free text (words separated by spaces) is asked only whether it holds
a base64 token's run of 16 alphabet characters or a disguise's hint (scanfast19); text that holds an
encoded value beside words must still be read."""

from __future__ import annotations

import base64

from hypothesis import given, settings
from hypothesis import strategies as st

from gate.scanning import decoding, scan_parameters

_SECRETS = ("jane.doe@example.com", "+49 151 23456789", "DE89 3704 0044 0532 0130 00", "Maria Garcia")
_ENCODED = [
    *(base64.b64encode(s.encode()).decode() for s in _SECRETS),
    *(base64.urlsafe_b64encode(s.encode()).decode().rstrip("=") for s in _SECRETS),
    *(base64.b32encode(s.encode()).decode() for s in _SECRETS),
    *(base64.b85encode(s.encode()).decode() for s in _SECRETS),
    *(s.encode().hex() for s in _SECRETS),
    "jane%40example.com",
    "jane\\u0040example.com",
    "jane-at-example-dot-com",
    "jane (at) example.com",
    "Caf=C3=A9 jane=40example.com",
    "6a616e65406578616d706c652e636f6d",
]
_WORDS = (
    "portrait", "of", "a", "woman", "ultra-high-resolution", "photorealistic", "masterpiece,", "Golden",
    "Hour", "8k", "bokeh", "(best quality:1.2)", "Straße", "красивый", "美しい", "at", "dot", "#1",
)  # fmt: skip
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_ENCODED),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_ ", max_size=24),
    st.text(max_size=8),
)


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=12).map(" ".join))
def test_where_the_gate_says_no_nothing_is_decoded(value: str) -> None:
    if not decoding.may_be_encoded(value):
        assert decoding._decode_once(value) == []
        assert decoding.hidden_variants(value) == []


def test_encoded_values_alone_and_inside_prompts_are_still_read() -> None:
    read = 0
    for encoded in _ENCODED:
        for value in (encoded, f"a portrait of a woman, {encoded}, golden hour", f"send it to {encoded} now"):
            # What the decoders read without the gate, they read with it (base32 and base85 are read
            # as whole values only, and base85 from 20 characters, with the gate or without).
            if decoding._decode_once(value):
                assert decoding.may_be_encoded(value) and decoding.decoded_variants(value), value
                read += 1
    assert read >= 48  # not vacuous: base64 in both alphabets, hex, URL, escapes, disguises


def test_a_prompt_without_a_token_or_a_hint_is_not_decoded() -> None:
    prompt = "A beautiful portrait of a woman in a garden, soft light, golden hour, masterpiece"
    assert not decoding.may_be_encoded(prompt)
    assert decoding.decoded_variants(prompt) == []
    assert scan_parameters({"prompt": prompt}) == []


# (setupfast26) `_may_hold_token` searches the translated bytes with `find` (a bytes operand of `in` is first
# read as an integer, a TypeError raised and cleared per call): the same answer as the substring test, which
# is the regex's (`_B64_TOKEN`) necessary condition.
def _plain_may_hold_token(text: str) -> bool:
    classes = text.encode("utf-8", "surrogatepass").translate(decoding._B64_CLASSES)
    return decoding._B64_RUN in classes


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ABCabc0129+/_-= .,é\ud800", max_size=40))
def test_token_run_test_answers_as_the_substring_test_and_the_regex(value: str) -> None:
    assert decoding._may_hold_token(value) == _plain_may_hold_token(value)
    if decoding._B64_TOKEN.search(value) is not None:
        assert decoding._may_hold_token(value)


def test_token_run_truth_table() -> None:
    for value, holds in (
        ("", False),
        ("a" * 15, False),
        ("a" * 16, True),
        ("Sozialversicherungsnummer", True),
        ("portrait of a woman, golden hour", False),
        ("x " + "Ab1+/_-" * 3, True),
        ("Ab1+/_-Ab1 +/_-Ab1", False),
        ("é" * 20, False),
    ):
        assert decoding._may_hold_token(value) is holds, value
        assert _plain_may_hold_token(value) is holds, value
