"""Which detectors a string meets: the plan table, by the string's facts and its key context.

A string's facts (digits, "@", scripts, ...) and its key's context decide which detectors have a chance
(`detectors.detectors_for`); the plan for each (facts, context) pair is computed once per process. With
it go the detectors' cue gates (`cue_gate`): a pattern detector every rule of which waits for a cue word
is not asked about a text holding none of its words.
"""

from __future__ import annotations

from gate.scanning.context import NOT_NUMERIC
from gate.scanning.detectors import CONTEXT_MASK, Text, TextDetector, detectors_for
from gate.scanning.detectors.base import HAS_NON_ASCII, AnyWord, PatternDetector, facts_and_view
from gate.scanning.lexicon import CuedPattern
from gate.scanning.script_facts import HAS_UNSPACED

# Read for every string: a plain dict, because a dict lookup costs a third of an lru_cache call; bounded
# (a full table is emptied and fills again with what is in use), so hostile strings cannot grow memory.
# Threads may race on the table: each entry is a pure function of its key, so a race costs time only.
# Anything that swaps TEXT_DETECTORS must clear `_plans`.
_MAX_PLANS = 4096
# Per plan key: the detectors, their cue gates (per detector, the `cue_words` bits of which the text must
# hold one for it to have a chance: `cue_gate`, 0 where it has no such gate) and the gates' union
# (scanfast25: `cue_words` has more than 62 lists, so the bits are Python longs and each `&` is a long
# operation in the compiled build; most strings hold no word of any gate, 99% of gate tests close, which
# one test of the union says for all of them at once). One entry, so the three cannot fall out of step.
_Plan = tuple[tuple[TextDetector, ...], tuple[int, ...], int]
_plans: dict[int, _Plan] = {}
# A plan's key packs (facts, context) into one int: facts shifted past every CONTEXT_MASK bit.
_PLAN_CONTEXT_BITS = CONTEXT_MASK.bit_length()


def _plan(facts: int, context: int) -> _Plan:
    """`detectors_for`, with its gates and their union, through the plan table."""
    detectors = detectors_for(facts, context)
    if len(_plans) >= _MAX_PLANS:
        _plans.clear()
    gates = tuple(cue_gate(detector, facts) for detector in detectors)
    union = 0
    for gate in gates:
        union |= gate
    plan = (detectors, gates, union)
    _plans[facts << _PLAN_CONTEXT_BITS | context] = plan
    return plan


def cue_gate(detector: TextDetector, facts: int = HAS_NON_ASCII | HAS_UNSPACED) -> int:
    """The `cue_words` bits a text with `facts` must hold one of for `detector` to find anything: for a
    pattern detector every rule of which waits for a cue word, the union of their bits; else 0.
    A rule waits for one when its prefilter is an `AnyWord`, or (scanfast19) when its pattern is a
    `lexicon.CuedPattern` with a `cue_bit` for such text (`facts` with or without HAS_UNSPACED: since
    scanfast23 Latin text with an accent is gated as ASCII is).
    `PatternDetector.detect` passes over each rule whose word the text lacks, so where the text holds
    none of them it returns None: the walk then does not call it (the special categories, most national
    ids, session tokens, health and behaviour in ASCII text are such detectors, asked about most
    prompts). Without `facts`, the gate that holds for any text."""
    if type(detector) is not PatternDetector or not detector.rules:
        return 0
    plain = not facts & HAS_UNSPACED
    gate = 0
    for rule in detector.rules:
        when, pattern = rule.when, rule.pattern
        if isinstance(when, AnyWord):
            gate |= when.bit
        elif isinstance(pattern, CuedPattern) and (bit := pattern.cue_bit(plain)):
            gate |= bit
        else:
            return 0
    return gate


def chances(value: str, flags: int) -> tuple[Text, tuple[TextDetector, ...], tuple[int, ...]] | None:
    """`planned` without the gates' union (for tests and benchmarks)."""
    found = planned(value, flags)
    return None if found is None else found[:3]


def planned(value: str, flags: int) -> tuple[Text, tuple[TextDetector, ...], tuple[int, ...], int] | None:
    """The detectors with a chance on `value` under key context `flags`, their cue gates (`cue_gate`),
    the union of those gates and the `Text` they read; None when none has. Only detectors with a
    chance: none of the facts they need holds for the others (no "@" for email, no digits for cards).
    Most strings leave none, and are done without building a Text."""
    facts, view = facts_and_view(value, not flags & NOT_NUMERIC)
    context = flags & CONTEXT_MASK
    key = facts << _PLAN_CONTEXT_BITS | context
    plan = _plans.get(key)
    if plan is None:
        plan = _plan(facts, context)
    detectors, gates, union = plan
    if not detectors:
        return None
    return Text(value, flags, facts, view), detectors, gates, union
