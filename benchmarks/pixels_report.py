"""The pixel part's tables for latest.md (and the README's pixel section)."""

from __future__ import annotations

from typing import Any


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _ms(summary: dict[str, Any] | None) -> str:
    if not summary:
        return "-"
    return f"{summary['median']:.0f} [{summary['q1']:.0f}-{summary['q3']:.0f}]"


def pixels_markdown(pixels: dict[str, Any]) -> list[str]:
    """Options compared on the labelled set, cost by size, and the e2e rate."""
    lines = [
        "## 5. Pixel checks (OCR, faces)",
        "",
        f"Labelled set built by benchmarks/pixels_corpus.py; images downscaled to {pixels['max_side']} px "
        "(the policy's max_side) before any model. Text recall: *read* = the planted value appears in what "
        "was read; *found* = the gate's scanner finds the planted entity in it. False positives: negatives "
        "(product copy only, or no face) with any finding.",
        "",
        "| OCR option | positives | read | found | false positives | ms/image |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, m in pixels["text"].items():
        if "missing" in m:
            lines.append(f"| {name} | not measured: {m['missing']} | | | | |")
            continue
        lines.append(
            f"| {name} | {m['positives']} | {_pct(m['read_recall'])} | {_pct(m['entity_recall'])} | "
            f"{_pct(m['false_positive_rate'])} of {m['negatives']} | {_ms(m['ms_per_image'])} |"
        )
    measured = {n: m for n, m in pixels["text"].items() if "missing" not in m}
    if measured:
        axes = sorted({k for m in measured.values() for k in m["entity_recall_by_axis"]})
        lines += ["", "Entity recall by axis of the set:", "", "| axis | " + " | ".join(measured) + " |"]
        lines.append("|---|" + "---:|" * len(measured))
        for axis in axes:
            cells = " | ".join(_pct(m["entity_recall_by_axis"].get(axis)) for m in measured.values())
            lines.append(f"| {axis} | {cells} |")
    lines += [
        "",
        "| face option | positives | recall | false positives | recall by face size | ms/image |",
        "|---|---:|---:|---:|---|---:|",
    ]
    for name, m in pixels["faces"].items():
        sizes = ", ".join(f"{k}: {_pct(v)}" for k, v in m["recall_by_face_size"].items())
        lines.append(
            f"| {name} | {m['positives']} | {_pct(m['recall'])} | {_pct(m['false_positive_rate'])} of "
            f"{m['negatives']} | {sizes} | {_ms(m['ms_per_image'])} |"
        )
    lines += [
        "",
        "Cost of the whole pixel check (decode, downscale, OCR, faces) on a parcel banner, by image size:",
        "",
        "| image | bytes | check ms | of which decode + downscale ms |",
        "|---|---:|---:|---:|",
    ]
    for row in pixels.get("cost", []):
        lines.append(f"| {row['size']} | {row['bytes'] / 1000:.0f} KB | {_ms(row['check_ms'])} | "
                     f"{_ms(row['decode_ms'])} |")  # fmt: skip
    e2e = pixels.get("e2e")
    if e2e:
        off, on = e2e["pixels_off_per_s"]["median"], e2e["pixels_on_quarter_per_s"]["median"]
        lines += [
            "",
            "End to end (embedded broker, 1 gate process, 1 worker, batch 16, "
            f"{e2e['events_per_rep']} events "
            f"a repetition): pixel checks off {off:.1f} events/s; on for a quarter of the events {on:.1f} "
            f"events/s ({on / off:.2f} of the rate without).",
        ]
    lines.append("")
    return lines
