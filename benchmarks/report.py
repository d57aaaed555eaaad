"""Turn the results dict into latest.md (tables) and PNG plots."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from benchmarks import e2e_report
from benchmarks.scanner_locales import report_lines as locale_report_lines


def _s(summary: dict[str, Any] | None, digits: int = 1, scale: float = 1.0) -> str:
    if not summary:
        return "-"
    m, q1, q3 = (summary[k] * scale for k in ("median", "q1", "q3"))
    return f"{m:.{digits}f} [{q1:.{digits}f}-{q3:.{digits}f}]"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _build_line(build: dict[str, Any] | None) -> str:
    if not build:
        return "Build of gate: not recorded."
    kind = {"compiled": "the mypyc-compiled wheel", "pure": "pure Python"}.get(build["kind"], build["kind"])
    probe = ", ".join(f"`{name}` from `{Path(file).name}`" for name, file in build["modules"].items())
    return f"Build of gate measured: **{kind}** (`{build['package']}`; {probe})."


def markdown(results: dict[str, Any]) -> str:
    """The tables of latest.md (also pasted into the README's Performance section)."""
    lines = [
        f"# Benchmark results ({results['mode']})",
        "",
        f"Commit `{(results['git'].get('commit') or 'unknown')[:12]}`"
        f"{' (dirty tree)' if results['git'].get('dirty') else ''}, {results['machine']['cpu']}, "
        f"{results['machine']['cores']} cores, Python {results['machine']['python']}, "
        f"c2pa-python {results['versions'].get('c2pa-python')}. Figures: median [IQR] over repetitions; "
        "ratios are taken per repetition (measured back to back) and then summarised.",
        "",
        _build_line(results.get("build")),
        "",
    ]
    core = results.get("core")
    if core:
        lines += [
            "## 1. Decision core vs bare c2pa-python (images/s, in-process)",
            "",
            f"Bare = {core['bare_definition']}. "
            "Gate = `Pipeline.evaluate`, all checks, default policy; every "
            "image approved (signed: verified; unsigned synthetic: verified + signed). For JPEG and PNG the "
            "gate signs over the SHA-256 it has already computed (c2pa-rs's data-hashed flow, the manifest "
            "inserted by the gate), where `Builder.sign` hashes and copies the image again inside c2pa-rs: "
            "gate/bare counts that saving, gate/floor compares the gate with the same c2pa work.",
            "",
            f"Floor = {core['floor_definition']}: the least any gate that hashes its input must do.",
            "",
            "| case | size | gate img/s | bare c2pa img/s | SHA-256 img/s | gate/bare time | floor/bare | "
            "gate/floor |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for c in core["cases"]:
            lines.append(
                f"| {c['case']} | {c['mean_bytes'] / 1000:.0f} KB | {_s(c['gate_images_per_s'])} | "
                f"{_s(c['bare_images_per_s'])} | {_s(c['sha256_images_per_s'], 0)} | "
                f"{_s(c['ratio_gate_over_bare'], 2)} | {_s(c.get('ratio_floor_over_bare'), 2)} | "
                f"{_s(c.get('ratio_gate_over_floor'), 2)} |"
            )
        o = core["overall_ratio_gate_over_bare"]
        lines += [
            "",
            f"Whole corpus: gate/bare = **{_s(o, 3)}** (target <= {core['target_ratio']}: "
            f"**{'met' if core['target_met'] else 'not met'}**).",
        ]
        floor = core.get("overall_ratio_floor_over_bare")
        if floor:
            above = _s(core["overall_ratio_gate_over_floor"], 3)
            if core["target_reachable"]:
                room = core["target_ratio"] - floor["median"]  # in units of the bare time
                verdict = (
                    "hashing each image and the c2pa calls no gate can skip leave "
                    f"{100 * room:.1f}% of the bare c2pa time for everything else (structure walk, "
                    "metadata, personal-data scans, policy)"
                )
            else:
                verdict = "the target is **out of reach for any gate that hashes each image**"
            lines.append(
                f"Floor/bare = **{_s(floor, 3)}**: {verdict}. The gate's own cost above the floor: "
                f"gate/floor = **{above}**."
            )
        lines.append("")
    scanner = results.get("scanner")
    if scanner:
        lines += ["## 2. Parameter scanner vs Presidio", ""]
        g = scanner["gate_accuracy"]
        lines += [
            f"Corpus: {scanner['records']} generated records, {scanner['labelled_records']} with "
            f"{scanner['labels']} planted entities. "
            f"`scan_parameters`: {_s(scanner['gate_records_per_s'], 0)} records/s "
            f"({_s(scanner.get('gate_records_per_cpu_s'), 0)} per second of CPU time), "
            f"recall {_pct(g['recall'])}, FP rate {_pct(g['fp_rate_per_value'])} of unlabelled values. "
            "The scanner's table of strings found clean is emptied before every timed pass; with it off "
            f"(every string read as new): {_s(scanner.get('gate_records_per_s_without_table'), 0)} "
            "records/s.",
            "",
        ]
        presidio = scanner.get("presidio")
        if presidio is None:
            lines += [f"**Presidio not measured: {scanner.get('presidio_missing')}**", ""]
        else:
            gs = scanner["gate_accuracy_on_sample"]
            gc, pc = scanner["gate_accuracy_on_sample_common_entities"], presidio["accuracy_common_entities"]
            pa = presidio["accuracy"]
            lines += [
                f"On the same first {scanner['presidio_sample']} records (Presidio is slow, so its sample is "
                "bounded):",
                "",
                "| | records/s | recall (all labels) | recall (types both detect) | FP rate per value | "
                "clean records with a finding |",
                "|---|---:|---:|---:|---:|---:|",
                f"| gate `scan_parameters` | {_s(scanner['gate_records_per_s'], 0)} | {_pct(gs['recall'])} | "
                f"{_pct(gc['recall'])} | {_pct(gs['fp_rate_per_value'])} | "
                f"{_pct(gs['fp_rate_per_clean_record'])} |",
                f"| Presidio + spaCy sm | {_s(presidio['records_per_s'], 1)} | {_pct(pa['recall'])} | "
                f"{_pct(pc['recall'])} | {_pct(pa['fp_rate_per_value'])} | "
                f"{_pct(pa['fp_rate_per_clean_record'])} |",
                "",
                "Speed-up gate/Presidio on the same records: "
                f"**{_s(presidio['speedup_gate_over_presidio'], 0)}x** "
                f"(target >= {scanner['target']['speedup']:.0f}x: "
                f"{'met' if scanner['target']['speedup_met'] else 'not met'}); higher recall: "
                f"{'yes' if scanner['target']['higher_recall'] else 'no'}; fewer false positives: "
                f"{'yes' if scanner['target']['fewer_false_positives'] else 'no'}. With the table of clean "
                f"strings off: {_s(presidio.get('speedup_without_table'), 0)}x.",
                "",
            ]
        if scanner.get("locales"):
            lines += locale_report_lines(scanner["locales"])
    e2e = results.get("e2e")
    if e2e:
        lines += e2e_report.markdown_lines(e2e)
    memory = results.get("memory")
    if memory:
        lines += [
            "## 4. Memory of a gate process",
            "",
            "| events | runner RSS MiB | forkserver RSS MiB | worker RSS MiB | total RSS MiB "
            "| total PSS MiB |",
            "|---:|---:|---:|---:|---:|---:|",
        ]
        for events, s in memory["checkpoints"].items():
            lines.append(
                f"| {int(events):,} | {s['runner_kib'] / 1024:.0f} | "
                f"{s.get('forkserver_kib', 0) / 1024:.0f} | "
                f"{sum(s['workers_kib']) / 1024:.0f} | {s['total_kib'] / 1024:.0f} | "
                f"{s.get('pss_kib', 0) / 1024:.0f} |"
            )
        lines += [
            "",
            "Every process of the gate counted (runner, forkserver, workers, resource tracker); PSS counts a "
            "page the forked processes share once. Growth from the first to the last checkpoint: "
            f"{_pct(memory['growth_first_to_last_checkpoint'])} (RSS), "
            f"{_pct(memory.get('pss_growth_first_to_last_checkpoint'))} (PSS).",
            "",
        ]
    if results.get("pixels"):
        from benchmarks.pixels_report import pixels_markdown  # noqa: PLC0415

        lines += pixels_markdown(results["pixels"])
    lines += [f"Total benchmark time: {results['elapsed_s']:.0f} s.", ""]
    return "\n".join(lines)


def plots(results: dict[str, Any], out_dir: Path) -> list[str]:
    """PNG plots next to latest.json; returns their file names (empty without matplotlib)."""
    try:
        import matplotlib  # noqa: PLC0415 - optional benchmark dependency

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt  # noqa: PLC0415
    except ImportError:
        return []
    written = []
    core = results.get("core")
    if core:
        fig, ax = plt.subplots(figsize=(10, 4.5))
        cases = core["cases"]
        x = range(len(cases))
        series = [
            (key, label)
            for key, label in (
                ("gate_images_per_s", "gate"),
                ("floor_images_per_s", "floor (SHA-256 + unavoidable c2pa work)"),
                ("bare_images_per_s", "bare c2pa"),
            )
            if key in cases[0]
        ]
        width = 0.8 / len(series)
        for n, (key, label) in enumerate(series):
            offset = (n - (len(series) - 1) / 2) * width
            med = [c[key]["median"] for c in cases]
            err = [
                [c[key]["median"] - c[key]["q1"] for c in cases],
                [c[key]["q3"] - c[key]["median"] for c in cases],
            ]
            ax.bar([i + offset for i in x], med, width=width, yerr=err, label=label)
        ax.set_xticks(list(x), [c["case"] for c in cases], rotation=45, ha="right")
        ax.set_ylabel("images / s")
        ax.set_yscale("log")
        ax.set_title("Decision core vs bare c2pa-python")
        ax.legend()
        fig.tight_layout()
        fig.savefig(out_dir / "core-throughput.png", dpi=110)
        plt.close(fig)
        written.append("core-throughput.png")
    e2e = results.get("e2e")
    if e2e:
        written.append(e2e_report.plot(e2e, out_dir))
    memory = results.get("memory")
    if memory:
        fig, ax = plt.subplots(figsize=(7, 4))
        samples = [s for s in memory["samples"] if s["events"] > 0]
        events = [s["events"] for s in samples]
        ax.plot(events, [s["runner_kib"] / 1024 for s in samples], marker=".", label="runner")
        ax.plot(events, [sum(s["workers_kib"]) / 1024 for s in samples], marker=".", label="worker")
        ax.plot(events, [s["total_kib"] / 1024 for s in samples], marker=".", label="total")
        ax.set_xlabel("events decided")
        ax.set_ylabel("RSS (MiB)")
        ax.set_ylim(bottom=0)
        ax.set_title("Gate process memory")
        ax.legend()
        fig.tight_layout()
        fig.savefig(out_dir / "memory.png", dpi=110)
        plt.close(fig)
        written.append("memory.png")
    return written
