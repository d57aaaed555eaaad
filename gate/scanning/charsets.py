"""The scanner's regexes, compiled at import with each character class read once.

The cue words of `lexicon` are spelled letter by letter as classes of their forms (a Greek omicron with
its accent is a class of six: both cases, without the accent, and the Latin look-alike), and
the detectors compile about 110,000 such classes at import, fewer than a thousand of them distinct. For
a class holding a character past U+00FF, `re`'s compiler builds a 64 KiB map and slices it into 256
chunks (`re._compiler._optimize_charset`, about 100 us a class): a third of the import's CPU time. That
function is pure (its answer depends on the class and the case-folding functions only), so while the
scanner's modules are imported its answers are kept per class and handed out again: the compiled regexes
are the same, only the work to make them is not repeated.

Fail safe: when this Python's `re` has no such function, or one of another signature, nothing is kept
and every regex compiles as before.
"""

from __future__ import annotations

import importlib
import inspect
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

_EXPECTED = ["charset", "iscased", "fixup", "fixes"]
_lock = threading.Lock()
_depth = [0]
_original: list[Any] = []  # the compiler's own function while `reused_charsets` has replaced it


def _compiler() -> Any | None:
    """`re`'s compiler module, when its `_optimize_charset` is the one this module knows."""
    try:
        module = importlib.import_module("re._compiler")
        function = module._optimize_charset
        if list(inspect.signature(function).parameters) != _EXPECTED:
            return None
    except (ImportError, AttributeError, TypeError, ValueError):
        return None
    return module


def kept(function: Any) -> Any:
    """`function` (`re._compiler._optimize_charset`) with its answers kept per class and folding."""
    answers: dict[tuple[Any, ...], tuple[list[Any], bool, Any]] = {}

    def optimize_charset(
        charset: list[Any], iscased: Any = None, fixup: Any = None, fixes: Any = None
    ) -> tuple[list[Any], bool]:
        try:
            key = (tuple(charset), iscased, fixup, id(fixes))
            answer = answers.get(key)
        except TypeError:  # an unhashable item: not kept
            return function(charset, iscased, fixup, fixes)  # type: ignore[no-any-return]
        # `fixes` (a dict) is keyed by identity and held with the answer, so its id is never reused.
        if answer is None or answer[2] is not fixes:
            out, cased = function(charset, iscased, fixup, fixes)
            answers[key] = (out, cased, fixes)
            return list(out), cased
        out, cased, _ = answer
        # A new list each time, as the function gives: the items are tuples the compiler only reads.
        return list(out), cased

    return optimize_charset


@contextmanager
def reused_charsets() -> Iterator[None]:
    """Within this block, `re.compile` reads each distinct character class once (see the module doc)."""
    module = _compiler()
    if module is None:
        yield
        return
    with _lock:
        if _depth[0] == 0:
            _original[:] = [module._optimize_charset]
            module._optimize_charset = kept(_original[0])
        _depth[0] += 1
    try:
        yield
    finally:
        with _lock:
            _depth[0] -= 1
            if _depth[0] == 0:
                module._optimize_charset = _original.pop()
