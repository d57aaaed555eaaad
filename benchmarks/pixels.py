"""Part 5: the pixel checks. Options compared on the labelled set, cost by image size, and the e2e rate.

text     recall (planted value read; planted entity found by the gate's scanner) and false positives
         (negatives with any finding) for RapidOCR (PP-OCRv4 ONNX, shipped in its wheel) and
         Tesseract (Debian's tesseract-ocr with its English model), with ms per image.
faces    recall and false positives of OpenCV's Haar frontal-face cascades (default, alt2) and
         scikit-image's LBP cascade, with ms per image.
cost     the whole pixel check (decode, downscale to the policy's max_side, OCR, faces) by image size.
e2e      events/s through the embedded broker with pixel checks off, and on for a quarter of the events
         (their parameters reference an input image, which the default policy reads whatever the source).
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.pixels_corpus import FaceCase, TextCase, face_cases, text_cases
from benchmarks.stats import summarize
from gate.core.checks.base import CheckContext, run_check
from gate.core.checks.pixels import PixelsCheck, text_reasons
from gate.core.policy import PixelCheck, PixelPolicy, PixelScope, load_policy
from gate.demo.images import jpeg_bytes, parcel_banner
from gate.imaging import probe
from gate.pixels import TextLine, decode_for_pixels, find_faces, read_text

MAX_SIDE = load_policy().pixels.max_side
COST_SIZES = ((640, 360), (1280, 720), (1920, 1080), (4000, 2250))
INPUT_IMAGE_PARAMETERS = {"init_image": "s3://uploads/reference-0001.png", "strength": 0.55}

Reader = Callable[[Any], list[TextLine]]
Detector = Callable[[Any], int]


def _tesseract(rgb: Any) -> list[TextLine]:
    import io  # noqa: PLC0415

    from PIL import Image  # noqa: PLC0415

    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, "PNG")
    run = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", "eng", "--psm", "11"],
        input=buffer.getvalue(), capture_output=True, check=True, timeout=60,
    )  # fmt: skip
    text = run.stdout.decode("utf-8", "replace")
    return [TextLine((0, 0, 0, 0), line, 1.0) for line in text.splitlines() if line.strip()]


def text_readers() -> dict[str, Reader | str]:
    """Each OCR option, or why it is missing here."""
    readers: dict[str, Reader | str] = {"rapidocr (PP-OCRv4, chosen)": read_text}
    readers["tesseract 5 (Debian)"] = (
        _tesseract if shutil.which("tesseract") else "tesseract-ocr not installed"
    )
    return readers


def _haar(name: str, *, equalise: bool = False) -> Detector:
    """A cascade from OpenCV's wheel with the gate's settings (gate/pixels/faces.py)."""
    import cv2  # noqa: PLC0415

    from gate.pixels import faces  # noqa: PLC0415

    detector = cv2.CascadeClassifier(str(Path(cv2.data.haarcascades) / name))

    def detect(rgb: Any) -> int:
        gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
        if equalise:
            gray = cv2.equalizeHist(gray)
        smallest = max(faces.MIN_FACE_PX, int(min(gray.shape[:2]) * faces.MIN_FACE_SHARE))
        found = detector.detectMultiScale(
            gray, faces.SCALE_STEP, faces.MIN_NEIGHBOURS, minSize=(smallest, smallest)
        )
        return len(found)

    return detect


def _lbp_skimage() -> Detector:
    from skimage import data  # noqa: PLC0415
    from skimage.color import rgb2gray  # noqa: PLC0415
    from skimage.feature import Cascade  # noqa: PLC0415

    cascade = Cascade(data.lbp_frontal_face_cascade_filename())

    def detect(rgb: Any) -> int:
        gray = rgb2gray(rgb)
        smallest = max(20, min(gray.shape[:2]) // 24)
        found = cascade.detect_multi_scale(
            gray, scale_factor=1.2, step_ratio=1, min_size=(smallest, smallest), max_size=gray.shape[:2],
            min_neighbor_number=4,
        )  # fmt: skip
        return len(found)

    return detect


def face_detectors() -> dict[str, Detector]:
    """Each face option: all ship their weights in a wheel."""
    return {
        "opencv haar alt2 (chosen)": lambda rgb: len(find_faces(rgb)),
        "opencv haar alt2, equalised": _haar("haarcascade_frontalface_alt2.xml", equalise=True),
        "opencv haar default": _haar("haarcascade_frontalface_default.xml"),
        "scikit-image lbp": _lbp_skimage(),
    }


def _squeeze(text: str) -> str:
    return "".join(text.lower().split())


def measure_text(cases: Sequence[TextCase], reader: Reader) -> dict[str, Any]:
    """Recall and false positives of one OCR option, overall and per axis of the set."""
    times: list[float] = []
    hits: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # axis=value -> [found, total]
    read = found = positives = false_positives = negatives = 0
    for case in cases:
        rgb = decode_for_pixels(case.data, MAX_SIDE)
        start = time.perf_counter()
        lines = reader(rgb)
        times.append((time.perf_counter() - start) * 1000.0)
        entities = {r.entity for r in text_reasons(lines)}
        if case.entity is None:
            negatives += 1
            false_positives += bool(entities)
            continue
        positives += 1
        read += _squeeze(case.planted or "") in _squeeze(" ".join(line.text for line in lines))
        hit = case.entity in entities
        found += hit
        for axis, value in case.axes.items():
            hits[f"{axis}={value}"][0] += hit
            hits[f"{axis}={value}"][1] += 1
    return {
        "positives": positives,
        "negatives": negatives,
        "read_recall": read / positives if positives else None,
        "entity_recall": found / positives if positives else None,
        "false_positive_rate": false_positives / negatives if negatives else None,
        "ms_per_image": summarize(times).as_dict(),
        "entity_recall_by_axis": {k: v[0] / v[1] for k, v in sorted(hits.items())},
    }


def measure_faces(cases: Sequence[FaceCase], detector: Detector) -> dict[str, Any]:
    """Recall (images with a face where one was found) and false positives (faces found where none is)."""
    times: list[float] = []
    by_size: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    tp = positives = fp = negatives = 0
    for case in cases:
        rgb = decode_for_pixels(case.data, MAX_SIDE)
        start = time.perf_counter()
        count = detector(rgb)
        times.append((time.perf_counter() - start) * 1000.0)
        if case.faces:
            positives += 1
            tp += count > 0
            size = case.name.rsplit("-", 1)[-1] if case.name.startswith("lfw") else "photo"
            by_size[size][0] += count > 0
            by_size[size][1] += 1
        else:
            negatives += 1
            fp += count > 0
    return {
        "positives": positives,
        "negatives": negatives,
        "recall": tp / positives,
        "false_positive_rate": fp / negatives,
        "recall_by_face_size": {k: v[0] / v[1] for k, v in sorted(by_size.items())},
        "ms_per_image": summarize(times).as_dict(),
    }


def measure_cost(reps: int) -> list[dict[str, Any]]:
    """The whole pixel check per image size (a parcel banner, so OCR has lines to read)."""
    check = PixelsCheck(PixelPolicy(scopes=(PixelScope(checks=frozenset(PixelCheck)),), max_side=MAX_SIDE))
    rows = []
    for width, height in COST_SIZES:
        data = jpeg_bytes(parcel_banner(width, height, seed=width))
        ctx = CheckContext(data=data, declared_media_type="image/jpeg", probe=probe(data))
        run_check(check, ctx)  # models loaded, caches warm
        times, decode = [], []
        for _ in range(reps):
            outcome = run_check(check, ctx)
            times.append(outcome.elapsed_ms)
            start = time.perf_counter()
            decode_for_pixels(data, MAX_SIDE)
            decode.append((time.perf_counter() - start) * 1000.0)
        rows.append({
            "size": f"{width}x{height}", "bytes": len(data), "status": outcome.status.value,
            "findings": len(outcome.reasons), "check_ms": summarize(times).as_dict(),
            "decode_ms": summarize(decode).as_dict(),
        })  # fmt: skip
    return rows


def run_pixels(*, text_every: int, reps: int, log: Callable[[str], None]) -> dict[str, Any]:
    """Options on the labelled set, then the cost by size."""
    log("pixels: building the labelled set")
    texts, faces = text_cases(every=text_every), face_cases()
    out: dict[str, Any] = {"max_side": MAX_SIDE, "text": {}, "faces": {}}
    for name, reader in text_readers().items():
        log(f"pixels: text with {name}")
        out["text"][name] = {"missing": reader} if isinstance(reader, str) else measure_text(texts, reader)
    for name, detector in face_detectors().items():
        log(f"pixels: faces with {name}")
        out["faces"][name] = measure_faces(faces, detector)
    log("pixels: cost of the whole check by image size")
    out["cost"] = measure_cost(reps)
    return out


def run_pixels_e2e(
    bootstrap: str, pki: Any, payloads: Sequence[Any], *, events: int, reps: int, log_dir: Path
) -> dict[str, Any]:
    """Events/s with pixel checks off, then on for every fourth event; one gate process, batch 16."""
    from benchmarks.e2e import Payload, run_config  # noqa: PLC0415

    # Every fourth event carries a parcel banner and parameters that reference an input image.
    banner = jpeg_bytes(parcel_banner(1280, 720, label=("Order 1187", "Handle with care"), seed=3))
    quarter = [*payloads[:3], Payload(banner, "image/jpeg", INPUT_IMAGE_PARAMETERS)]
    plain = [*payloads[:3], Payload(banner, "image/jpeg")]
    runs = {}
    for name, mix in (("pixels_off", plain), ("pixels_on_quarter", quarter)):
        runs[name] = run_config(
            bootstrap, pki, mix, processes=1, batch=16, events=events, reps=reps, latency_s=0.0,
            log_dir=log_dir,
        )  # fmt: skip
    off, on = runs["pixels_off"]["rates"], runs["pixels_on_quarter"]["rates"]
    return {
        "events_per_rep": events,
        "pixels_off_per_s": summarize(off).as_dict(),
        "pixels_on_quarter_per_s": summarize(on).as_dict(),
        "ms_per_event_on": runs["pixels_on_quarter"]["ms_per_event"],
        "verdicts_on": runs["pixels_on_quarter"]["verdict_topics"],
    }
