# ruff: noqa: RUF001 - Cyrillic titles, on purpose
"""Names of people beyond Europe's 30 locales: recall and false positives of the PERSON detector by locale.

Each labelled record is one prompt carrying a name made by Faker in that locale (in the locale's script
and order: "Сазонов Арсений Дмитриевич", "木村 陽一", "김민준"), in a sentence of its language after a
cue ("gift for", "customer:"), after a bare "for" or postposition ("для", "için"), or with no cue.
Clean records are prompts of the same languages without a name: products, places, brands, holidays
(`corpus_names_world_text`). Faker only makes the names to find; the detector's lists come from
elsewhere (gender-guesser, data/*.txt), so the corpus measures, it does not teach.

Run: `python -m benchmarks.corpus_names_world [records per locale]` prints the table per locale.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from typing import Any

from faker import Faker

from benchmarks.corpus_names_world_text import SENTENCES
from benchmarks.corpus_params import Label, LabelledRecord

# Faker locale -> language of `SENTENCES`. Whether a locale's names are read surname first is Faker's.
WORLD_LOCALES: dict[str, str] = {
    "ru_RU": "ru",
    "uk_UA": "uk",
    "bg_BG": "bg",
    "el_GR": "el",
    "tr_TR": "tr",
    "az_AZ": "az",
    "ar_SA": "ar",
    "ar_AA": "ar",
    "he_IL": "he",
    "fa_IR": "fa",
    "ja_JP": "ja",
    "zh_CN": "zh",
    "zh_TW": "zh",
    "ko_KR": "ko",
    "vi_VN": "vi",
    "id_ID": "id",
    "pt_BR": "pt",
    "es_MX": "es",
    "en_IN": "en",
    "en_NG": "en",
    "hi_IN": "hi",
    "th_TH": "th",
}
KINDS = ("cued", "bare", "plain")
_SURNAME_FIRST = ("ja", "zh", "ko")
# Titles Faker puts before some names ("Г-н", "Prof.", "drg."): a name with one is another class.
_TITLED = ("г-", "prof", "dr", "drg", "ir.", "hj", "sr.", "sra.", "lic", "ing", "mtro", "السيد", "الأستاذ")


def _name(fake: Faker, rng: random.Random, locale: str) -> str:
    """A name as people of `locale` write it: Faker's full name (its order, sometimes with a
    patronymic), or given name and surname; in Chinese, Japanese and Korean surname first, with or
    without a space."""
    for _ in range(20):
        if locale.startswith(_SURNAME_FIRST):
            space = " " if rng.random() < 0.5 else ""
            name = f"{fake.last_name()}{space}{fake.first_name()}"
        else:
            name = str(fake.name()) if rng.random() < 0.5 else f"{fake.first_name()} {fake.last_name()}"
        if not name.lower().startswith(_TITLED) and "," not in name:
            break
    return name


def generate_world_names(per_locale: int = 60, *, seed: int = 2026) -> list[LabelledRecord]:
    """`per_locale` labelled records and as many clean ones for each locale of `WORLD_LOCALES`;
    `style` is "<locale>/<kind>" (kind: cued, bare, plain, clean)."""
    rng = random.Random(seed)
    records: list[LabelledRecord] = []
    for index, (locale, language) in enumerate(WORLD_LOCALES.items()):
        fake = Faker(locale)
        fake.seed_instance(seed * 1000 + index)
        sentences = SENTENCES[language]
        for i in range(per_locale):
            kind = KINDS[i % len(KINDS)]
            template = rng.choice(getattr(sentences, kind))
            prompt = template.format(n=_name(fake, rng, locale))
            if rng.random() < 0.4:
                prompt = f"{rng.choice(sentences.clean)}, {prompt}"
            records.append(
                LabelledRecord({"prompt": prompt}, (Label("PERSON", "/prompt"),), f"{locale}/{kind}")
            )
        for _ in range(per_locale):
            clean = rng.choice(sentences.clean)
            if rng.random() < 0.5:
                clean = f"{clean}, {rng.choice(sentences.clean)}"
            records.append(LabelledRecord({"prompt": clean}, (), f"{locale}/clean"))
    return records


def measure(records: Sequence[LabelledRecord]) -> dict[str, dict[str, Any]]:
    """Per locale: recall of PERSON on labelled records (all, and per kind of cue) and the share of
    clean records with any finding."""
    from gate.scanning import scan_parameters  # noqa: PLC0415 - the benchmark imports the gate late

    rows: dict[str, dict[str, Any]] = {}
    for record in records:
        locale, kind = record.style.split("/")
        row = rows.setdefault(
            locale, {"found": 0, "labels": 0, "fp": 0, "clean": 0} | {k: [0, 0] for k in KINDS}
        )
        findings = scan_parameters(record.params)
        if record.labels:
            hit = any(f.entity == "PERSON" for f in findings)
            row["labels"] += 1
            row["found"] += hit
            row[kind][0] += hit
            row[kind][1] += 1
        else:
            row["clean"] += 1
            row["fp"] += bool(findings)
    return rows


def report(rows: dict[str, dict[str, Any]]) -> list[str]:
    """A markdown table of `measure`'s rows, with the totals."""
    lines = [
        "| locale | recall | cued | bare | no cue | clean records with a finding |",
        "|---|---:|---:|---:|---:|---:|",
    ]

    def pct(part: int, whole: int) -> str:
        return f"{100 * part / whole:.0f}%" if whole else "n/a"

    total: dict[str, Any] = {"found": 0, "labels": 0, "fp": 0, "clean": 0} | {k: [0, 0] for k in KINDS}
    for locale, row in rows.items():
        kinds = " | ".join(pct(*row[k]) for k in KINDS)
        lines.append(
            f"| {locale} | {pct(row['found'], row['labels'])} | {kinds} | {pct(row['fp'], row['clean'])} |"
        )
        for key in ("found", "labels", "fp", "clean"):
            total[key] += row[key]
        for k in KINDS:
            total[k] = [total[k][0] + row[k][0], total[k][1] + row[k][1]]
    kinds = " | ".join(pct(*total[k]) for k in KINDS)
    lines.append(
        f"| all | {pct(total['found'], total['labels'])} | {kinds} | {pct(total['fp'], total['clean'])} |"
    )
    return lines


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    print("\n".join(report(measure(generate_world_names(count)))))
