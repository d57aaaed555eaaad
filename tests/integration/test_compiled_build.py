"""The compiled build (the wheel's mypyc modules) finds and decides exactly what the pure build does.

The wheel is built the way it ships (compiled_wheel.py: `pip wheel .` through hatch_build.py, with gcc -O1
for -O3), started in the background when this file is collected, so the test mostly finds it built. Then
one child interpreter per build (compiled_differential.py) scans both labelled corpora, hostile generated
JSON and text, and evaluates images with clean and personal-data generations through the whole pipeline;
the two JSON documents must be equal byte for byte.
mypyc changes semantics where Python code relies on what it does not support (class attributes of a dict
subclass, non-Final constants as class defaults): such a change shows here as a difference or a crash, not
in production.

Needs gcc (`make gcc` installs it): without it the test fails, it never skips.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import compiled_wheel
import pytest

from benchmarks.corpus_images import signed_copy, sized_image
from benchmarks.corpus_locales import generate_locale_corpus
from benchmarks.corpus_params import generate_corpus
from gate.demo.images import camera_exif, jpeg_bytes, png_bytes, product_image
from gate.provenance import SignerConfig, create_dev_pki

ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("compiled_differential.py")
RECORDS_PER_CORPUS = 2500
# Building takes about a minute on two idle cores; 4 minutes have been seen on a shared, loaded machine
# beside the other test worker, close to the suite's 300 s default.
pytestmark = pytest.mark.timeout(900)


@pytest.fixture(scope="module")
def compiled_site() -> Path:
    """A directory holding the unpacked compiled wheel (put first on PYTHONPATH to import it)."""
    if shutil.which("gcc") is None:
        pytest.fail("gcc is not installed: `make gcc` (or apt-get install gcc) installs mypyc's C compiler")
    return compiled_wheel.build()  # waits for the background build, or builds


def _hostile(rng: random.Random, depth: int = 0) -> Any:
    """JSON a producer could send: nesting, long and odd strings, personal data in keys and values."""
    fullwidth_card = " ".join(["\uff14\uff11\uff11\uff11"] + ["\uff11" * 4] * 3)  # "4111 1111 ..." full width
    pieces = [
        "jane.doe@example.com", "+49 151 23456789", "DE89 3704 0044 0532 0130 00", "Maria Schmidt",
        fullwidth_card, "j\u200bane@exa\u00admple.com", "jane[at]example(dot)com",
        "Musterstra\u00dfe 12, 10115 Berlin", "born 1985-03-14", "192.168.10.24", "\uff2a\uff41\uff4e\uff45",
        "\u039a\u0399\u039d\u0397\u03a4\u039f 6912345678", "0151\u202f2345\u00a06789",
        "&#106;ane&#64;example.com", "sdxl-base 1.0", "seed 3482910023", "DPM++ 2M Karras",
        "a leather handbag", "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432",
        "\U000e0041\U000e0042", "",
    ]  # fmt: skip
    roll = rng.random()
    if depth < 6 and roll < 0.1:  # numbers where a key says they may identify someone, and where not
        keys = ["card", "phone", "lat", "lng", "latitude", "dob", "birth_year", "iban", "seed", "steps"]
        numbers = [4111111111111111, 4915123456789, 48.8566, -2.2945, 1985, 19850314, 7, 0.5, 10**20]
        return {rng.choice(keys): rng.choice(numbers) for _ in range(rng.randint(1, 4))}
    if depth < 6 and roll < 0.25:
        return {rng.choice([*pieces, "phone", "customer", "note"]) + str(i): _hostile(rng, depth + 1)
                for i in range(rng.randint(0, 5))}  # fmt: skip
    if depth < 6 and roll < 0.4:
        return [_hostile(rng, depth + 1) for _ in range(rng.randint(0, 5))]
    if roll < 0.5:
        return rng.choice([0, -1, 3482910023, 2.5, True, None, 10**30])
    return " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 4))) * rng.choice([1, 1, 1, 40])


def _images(directory: Path, signer: SignerConfig) -> None:
    directory.mkdir()
    for fmt, media_type in (("jpeg", "image/jpeg"), ("png", "image/png")):
        plain = sized_image(fmt, 50_000, 7)
        (directory / f"plain.{fmt}").write_bytes(plain)
        (directory / f"signed.{fmt}").write_bytes(signed_copy(plain, media_type, signer))
    picture = product_image(320, 240, seed=3)
    (directory / "camera.jpeg").write_bytes(
        jpeg_bytes(picture, exif=camera_exif(artist=True), comment="call Maria on +49 151 23456789")
    )
    (directory / "text.png").write_bytes(
        png_bytes(picture, text={"parameters": "a handbag\nSteps: 30", "Comment": "jane.doe@example.com"})
    )


def _inputs(directory: Path) -> Path:
    rng = random.Random(12)
    records = [r.params for r in generate_corpus(RECORDS_PER_CORPUS)]
    records += [r.params for r in generate_locale_corpus(RECORDS_PER_CORPUS)]
    records += [_hostile(rng) for _ in range(500)]
    texts = [[str(_hostile(rng, depth=6)), rng.choice(["", "note", "phone", "UserComment", "model"])]
             for _ in range(500)]  # fmt: skip
    generations = [None, records[0], *[r for r in records[:400] if json.dumps(r).count("@") > 0][:3]]
    generations += [records[RECORDS_PER_CORPUS + 5], records[-1]]
    (directory / "records.json").write_text(json.dumps(records))
    (directory / "texts.json").write_text(json.dumps(texts))
    (directory / "generations.json").write_text(json.dumps(generations))
    pki = create_dev_pki(directory / "pki")
    (directory / "pki.json").write_text(
        json.dumps({k: str(getattr(pki, k)) for k in ("root_ca", "signer_chain", "signer_key")})
    )
    _images(directory / "images", SignerConfig.from_files(pki.signer_chain, pki.signer_key))
    return directory


def _run(inputs: Path, site: Path | None) -> dict[str, Any]:
    """The child's document; `site` first on the path for the compiled build, else the venv's (pure) gate.
    With -P neither the script's directory nor the working directory comes before it."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if site is not None:
        env["PYTHONPATH"] = str(site)
    done = subprocess.run(
        [sys.executable, "-P", str(CHILD), str(inputs)],
        capture_output=True, text=True, env=env, cwd=inputs, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    document: dict[str, Any] = json.loads(done.stdout)
    return document


def test_the_compiled_wheel_finds_and_decides_what_the_pure_build_does(
    compiled_site: Path, tmp_path: Path
) -> None:
    inputs = _inputs(tmp_path)
    pure = _run(inputs, None)
    compiled = _run(inputs, compiled_site)
    assert (pure.pop("build"), compiled.pop("build")) == ("pure", "compiled")
    # The documents hold findings in plenty and decisions of more than one kind: a comparison of two
    # empty or uniform documents would prove nothing.
    found = sum(len(f) for f in pure["scans"]["params"])
    assert found > 1000, found
    assert {d[1] for d in pure["decisions"]} >= {"approved", "quarantined"}
    for part in ("params", "params_tight", "texts"):
        for index, (want, got) in enumerate(zip(pure["scans"][part], compiled["scans"][part], strict=True)):
            assert got == want, f"{part}[{index}]: compiled {got} != pure {want}"
    assert compiled["decisions"] == pure["decisions"]
    assert json.dumps(compiled, sort_keys=True) == json.dumps(pure, sort_keys=True)


def test_the_editable_install_is_pure_and_leaves_no_extension_module_in_the_tree() -> None:
    import gate.scanning.walk  # noqa: PLC0415

    assert gate.scanning.walk.__file__ is not None
    assert gate.scanning.walk.__file__.endswith(".py"), gate.scanning.walk.__file__
    stray = [p for p in (ROOT / "gate").rglob("*") if p.suffix in (".so", ".pyd", ".c")]
    assert stray == [], f"compiled files in the source tree shadow the edited source: {stray}"


def test_the_pure_switch_builds_a_platform_independent_wheel_without_extension_modules(
    tmp_path: Path,
) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "-w", str(tmp_path), str(ROOT)],
        check=True, env={**os.environ, compiled_wheel.mypyc_build().PURE_SWITCH: "1"},
    )  # fmt: skip
    (wheel,) = tmp_path.glob("gate-*.whl")
    assert wheel.name.endswith("-py3-none-any.whl"), wheel.name
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "gate/scanning/walk.py" in names
    assert [n for n in names if n.endswith((".so", ".pyd"))] == []


def test_spawned_worker_processes_import_the_compiled_build_too(compiled_site: Path) -> None:
    # The worker pool forks its processes from a forkserver that preloaded the worker's modules (and falls
    # back to "spawn"); either way they must run the same build as their parent.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(compiled_site), str(ROOT)])}
    done = subprocess.run(
        [sys.executable, "-P", "-m", "benchmarks.build"],
        capture_output=True, text=True, env=env, cwd=compiled_site, timeout=120, check=True,
    )  # fmt: skip
    report = json.loads(done.stdout)
    kinds = {report[name]["kind"] for name in ("process", "spawned", "forkserver")}
    assert kinds == {"compiled"}, report
