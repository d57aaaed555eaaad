"""What the gate may repeat of what an event declared about generation: in a manifest and in the audit.

A model name, version, provider or training-data source is repeated (signed into a manifest, written to
the audit record an inventory is built from) only when the parameters check scanned it and found
nothing in it, and it passes the scanner once more read as an identifier (`signable`). The manifest
(`gate.core.remediate`) and the audit record (`gate.core.record`) both ask here, so the two can never
disagree on what a declaration may say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from gate.core.audit import AuditSubject, DeclaredModel, Superseded
from gate.model import CheckResult, Status

if TYPE_CHECKING:
    from gate.core.event import IngestEvent

#: Where the declaration sits in the pointers the parameters check reports, and that check's name.
GENERATION_POINTER = "/generation"
PARAMETERS_CHECK = "parameters"
PERSONAL_DATA_CODE = "params.personal_data"

_RUN_TOGETHER = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])")

# Values found signable, by type and value: the same few (a sampler, a step count, a guidance scale) come
# with almost every event, and reading one as an identifier costs a dozen scans. Only clean values are
# kept (never one that holds personal data), the answer depends on nothing but the value, and the set is
# bounded: past its size, values are read every time.
_SIGNABLE_SEEN: set[tuple[type, str | int | float]] = set()
_SIGNABLE_SEEN_MAX = 4096


def signable(value: Any) -> bool:
    """Whether a value bound for a manifest passes the scanner once more, read as free text whatever its
    key: under `sampler` or `model` the scanner does not look for names, but a name signed there is
    still published. (The value was normalised and scanned under its key already.) It is read as an
    identifier is (`identifier_findings`): separators as spaces and each word capitalised, since what is
    signed has an identifier's form ("jane-doe", "JOHN_SMITH", "0049-151-23456789")."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return isinstance(value, bool)
    seen = (type(value), value)
    if seen in _SIGNABLE_SEEN:
        return True
    clean = _reads_clean(str(value))
    if clean and len(_SIGNABLE_SEEN) < _SIGNABLE_SEEN_MAX:
        _SIGNABLE_SEEN.add(seen)
    return clean


def _reads_clean(text: str) -> bool:
    """`signable`'s reading of one value's text: no finding as an identifier, nor with its words apart."""
    # Imported here: record.py (which pool workers import) imports this module, and the scanner costs
    # 1.5-2 s of CPU to import where a processor scans nothing.
    from gate.scanning.identifiers import identifier_findings  # noqa: PLC0415

    # Words run together are read apart too ("JaneDoe", "johnSmith1985"): withholding a model name that
    # reads as a name ("AlexNet") costs the manifest a field, signing a person's name cannot be undone.
    apart = _RUN_TOGETHER.sub(" ", text)
    return not identifier_findings(text, path="/") and (
        apart == text or not identifier_findings(apart, path="/")
    )


def within(pointer: str, base: str) -> bool:
    """Whether `pointer` is `base` or below it ("/x/1" is not below "/x/10")."""
    return pointer == base or pointer.startswith(base + "/")


def repeatable(value: str | None, pointer: str, flagged: Iterable[str] | None) -> bool:
    """Whether a declared `value` at `pointer` (under `/generation`) may be repeated: it was scanned
    (`flagged`, the pointers of the scan's findings, is None when it was not), nothing was found at or
    below it, and it reads clean once more."""
    if value is None or flagged is None:
        return False
    return not any(within(path, pointer) for path in flagged) and signable(value)


def flagged_in(results: Sequence[CheckResult] | None) -> frozenset[str] | None:
    """The pointers the parameters check found personal data at, or None when the declared generation
    was not scanned to the end (no evaluation, the check did not run, or it hit the scan limits)."""
    scanned = next((r for r in results or () if r.check == PARAMETERS_CHECK), None)
    if scanned is None:
        return None
    return _flagged(scanned.status.value, [(reason.code, reason.path) for reason in scanned.reasons])


def flagged_in_decision(doc: Mapping[str, Any]) -> frozenset[str] | None:
    """`flagged_in` for a decision record (a reviewer releases what was decided earlier)."""
    status = next(
        (c.get("status") for c in doc.get("checks") or () if c.get("check") == PARAMETERS_CHECK), None
    )
    reasons = [
        (r.get("code"), r.get("path")) for r in doc.get("reasons") or () if r.get("check") == PARAMETERS_CHECK
    ]
    return _flagged(status, reasons)


def _flagged(status: object, reasons: Iterable[tuple[object, object]]) -> frozenset[str] | None:
    if status not in (Status.PASS.value, Status.FAIL.value):
        return None  # skipped, errored or never ran: nothing of the declaration was read
    flagged: set[str] = set()
    for code, path in reasons:
        if code != PERSONAL_DATA_CODE:
            return None  # params.limits: the scan stopped before the end
        if isinstance(path, str):
            flagged.add(path)
    return frozenset(flagged)


def audit_subject(
    event: IngestEvent,
    flagged: frozenset[str] | None,
    facts: Mapping[str, Any],
    supersedes: Superseded | None,
) -> AuditSubject:
    """The audit subject of a parsed event: what it declared, and what its manifest said (`facts`).

    A declared field enters the audit only as it may enter a manifest (`repeatable`): scanned, clean,
    and clean once more read as an identifier (`flagged`: `flagged_in`, `flagged_in_decision`). An
    inventory lists model names; it must not list a customer's name given as one."""
    generation = event.generation
    model = None
    sources: tuple[str, ...] = ()
    if generation is not None:
        if generation.synthetic:
            declared, under = generation.model, f"{GENERATION_POINTER}/model/"
            model = DeclaredModel(
                declared.provider if repeatable(declared.provider, under + "provider", flagged) else None,
                declared.name if repeatable(declared.name, under + "name", flagged) else None,
                declared.version if repeatable(declared.version, under + "version", flagged) else None,
            )
        sources = tuple(
            source
            for index, source in enumerate(generation.training_data_sources)
            if repeatable(source, f"{GENERATION_POINTER}/training_data_sources/{index}", flagged)
        )
    return AuditSubject(
        synthetic=event.synthetic,
        model=model,
        training_data_sources=sources,
        manifest_label=facts.get("manifest_label"),
        signer=facts.get("signer"),
        supersedes=supersedes,
    )


# Generation parameters a manifest may carry (the policy's `manifest.allowed_parameter_keys`) are short
# identifiers, and a scanner can miss a name written as one ("kowalska_anna", "J. Smith", "Dr Kowalska").
# A sampler or scheduler has a known vocabulary, so a value under those keys is signed only when every
# word of it is a word of samplers and schedulers (A1111, ComfyUI, diffusers, InvokeAI); any other string
# is signed only when no word of it is a given name, an honorific or an initial before a word. Withholding
# a field costs the manifest a field; signing a person's name cannot be undone.
_SAMPLER_KEYS = frozenset({"sampler", "sampler_name", "scheduler", "scheduler_name", "schedule_type"})
_SAMPLER_VOCABULARY = """
    euler a ancestral cfg pp heun heunpp heunpp2 dpm dpmpp dpm2 kdpm kdpm2 sde gpu lms fast adaptive ddpm ddim
    plms pndm lcm tcd ipndm v deis res multistep singlestep gradient estimation er seeds sa solver dpmsolver
    uni pc unipc bh1 bh2 normal karras k exponential polyexponential sgm uniform simple beta linear quadratic
    kl optimal align your steps gits ays automatic auto restart turbo discrete scheduler sampler flow match
    flowmatch edm inverse score ve stochastic iterative cm default ode lu cosine scaled trailing leading m s
"""
_SAMPLER_WORDS = frozenset(_SAMPLER_VOCABULARY.split())
_SAMPLER_NUMBER = re.compile(r"\d{1,2}[ms]?")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_SPLIT = re.compile(r"[^a-z0-9]+")
_HONORIFIC_WORDS = (
    "mr mrs ms miss mx dr prof sir madam frau herr fr hr mme mlle mm sr sra srta sig sigra dott pan pani "
    "heer mevrouw mevr dhr"
)
_HONORIFICS = frozenset(_HONORIFIC_WORDS.split())
_INITIAL_BEFORE_WORD = re.compile(r"(?:^|[\s._\-])[A-Za-z]\.\s?[A-Za-z]{2,}")


def parameter_words(value: str) -> list[str]:
    """The words of an identifier-shaped value, lower-cased: camelCase, "_", "-", "." and spaces split
    ("DPM++ 2M Karras" -> dpm pp 2m karras, "EulerAncestralDiscreteScheduler" -> euler ancestral ...)."""
    spaced = _CAMEL.sub(" ", value.replace("++", " pp "))
    return [word for word in _SPLIT.split(spaced.lower()) if word]


def names_no_one(key: object, value: object) -> bool:
    """Whether a parameter value bound for a manifest can be told apart from a person's name: under a
    sampler or scheduler key, every word a sampler's or scheduler's; elsewhere, no word a given name
    (the name lists the scanner reads after a cue) or an honorific, and no initial before a word."""
    if not isinstance(value, str):
        return True
    from gate.scanning.detectors.person_lists import fold_name  # noqa: PLC0415 - see _reads_clean

    words = parameter_words(value)
    if isinstance(key, str) and key.lower() in _SAMPLER_KEYS:
        return bool(words) and all(w in _SAMPLER_WORDS or _SAMPLER_NUMBER.fullmatch(w) for w in words)
    return _INITIAL_BEFORE_WORD.search(value) is None and not any(
        word in _HONORIFICS or _given_name(fold_name(word)) for word in words
    )


def _given_name(word: str) -> bool:
    """A given name of the shipped list, or of the world's lists when four letters or more (three-letter
    words there are too often something else: "sin", "art")."""
    from gate.scanning.detectors.person_lists import gazetteer, world_names  # noqa: PLC0415

    return word in gazetteer()[0] or (len(word) >= 4 and word in world_names())
