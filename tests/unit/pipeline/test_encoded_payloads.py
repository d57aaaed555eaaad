"""A compressed or encoded payload in a PNG text chunk is unread: the chunk goes, the image is published.

redimg11 found two real exports published with the author's document inside, unread: an Excalidraw PNG
(its scene as zlib bytes in a JSON string) and draw.io's `mxfile` (base64 of deflated, URL-encoded XML;
compressed by default in its older versions). The scanner decodes base64 only to text, so what these hold
(every label typed into the drawing) was never scanned.
"""

from __future__ import annotations

import base64
import gzip
import json
import urllib.parse
import zlib

import pytest
from PIL import Image

from gate.core.pipeline import Pipeline
from gate.imaging.opaque import holds_payload
from gate.model import Verdict
from tests.unit.imaging.images import chunk, jpeg_bytes, webp_bytes, with_app13_iptc, xmp_packet
from tests.unit.pipeline.test_unseen_containers import png_with

SECRET = "Ship to Jane Doe, jane.doe@example.com, +44 20 7946 0958"


def _deflate_raw(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _drawio(inner: str, *, quoted: bool) -> str:
    """draw.io's PNG text: an mxfile whose diagram is base64 of raw deflate of the URL-encoded model."""
    diagram = _b64(_deflate_raw(urllib.parse.quote(inner, safe="").encode()))
    mxfile = (
        '<mxfile host="app.diagrams.net" compressed="true">'
        f'<diagram id="a1" name="Page-1">{diagram}</diagram></mxfile>'
    )
    return urllib.parse.quote(mxfile) if quoted else mxfile


def _excalidraw(scene: str) -> str:
    """Excalidraw's PNG text: JSON whose "encoded" is the zlib-compressed scene as a byte string."""
    encoded = zlib.compress(scene.encode()).decode("latin-1")
    return json.dumps({"version": "1", "encoding": "bstring", "compressed": True, "encoded": encoded})


MODEL = f'<mxGraphModel><root><mxCell id="2" value="{SECRET}" vertex="1"/></root></mxGraphModel>'
# text -> whether it holds a payload
TRUTH: dict[str, tuple[str, bool]] = {
    "words": ("a leather handbag on a marble table, soft studio lighting", False),
    "a sha256 in hex": ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", False),
    "ComfyUI class names": ("CLIPTextEncodeSDXLRefiner CheckpointLoaderSimple KSamplerAdvanced", False),
    "a long German word": ("Rindfleischetikettierungsueberwachungsaufgabenuebertragungsgesetz", False),
    "a seed and a model hash": ("Seed: 3482910023, Model hash: a9f3c2d1e0, Size: 1024x768", False),
    "base64 of text (the scanner reads it)": (_b64(SECRET.encode()), False),
    "base64 of zlib": (_b64(zlib.compress(SECRET.encode())), True),
    "base64 of gzip": (_b64(gzip.compress(SECRET.encode(), mtime=0)), True),
    "base64 of raw deflate": (_b64(_deflate_raw(SECRET.encode())), True),
    "hex of zlib": (zlib.compress(SECRET.encode()).hex(), True),
    "zlib bytes as Latin-1": (zlib.compress(SECRET.encode()).decode("latin-1"), True),
    "a run of 256 base64 characters": ("data " + "QUJD" * 64, True),
    "base64 wrapped at 76 characters": ("\n".join(["QUJDRE" * 12 + "QUJD"] * 5), True),
    "draw.io, compressed": (_drawio(MODEL, quoted=False), True),
    "draw.io, compressed and URL-encoded": (_drawio(MODEL, quoted=True), True),
    "draw.io, plain and URL-encoded": (urllib.parse.quote(MODEL), False),
    "tab, line feed and carriage return": ("one\ttwo\r\nthree", False),
    "an ISO 2022 escape (IPTC's UTF-8 designation)": ("\x1b%G", False),
}


@pytest.mark.parametrize("case", sorted(TRUTH))
def test_a_payload_is_told_from_text(case: str) -> None:
    text, payload = TRUTH[case]
    assert holds_payload(text) is payload


def test_many_short_runs_cost_one_pass() -> None:
    """1 MB of 255-character runs (the worst case of a run-by-run search) and of distinct short runs."""
    assert not holds_payload(("a" * 255 + " ") * 4000)
    assert not holds_payload(" ".join(f"{n:016d}" for n in range(4000)))


CHUNKS: dict[str, bytes] = {
    "draw.io mxfile": chunk(b"tEXt", b"mxfile\x00" + _drawio(MODEL, quoted=True).encode()),
    "excalidraw scene": chunk(
        b"tEXt", b"application/vnd.excalidraw+json\x00" + _excalidraw(f'{{"text": "{SECRET}"}}').encode()
    ),
    "zTXt comment of base64 zlib": chunk(
        b"zTXt", b"Comment\x00\x00" + zlib.compress(_b64(zlib.compress(SECRET.encode())).encode())
    ),
}


@pytest.mark.parametrize("case", sorted(CHUNKS))
def test_a_chunk_holding_a_payload_is_removed_and_the_image_published(gate: Pipeline, case: str) -> None:
    data = png_with(CHUNKS[case])
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    assert "metadata.uninspected" in evaluation.decision.reason_codes
    assert evaluation.output is not None and CHUNKS[case] not in evaluation.output
    assert len(evaluation.output) == len(data) - len(CHUNKS[case])


def test_a_plain_drawing_is_still_scanned(gate: Pipeline) -> None:
    data = png_with(chunk(b"tEXt", b"mxfile\x00" + urllib.parse.quote(MODEL).encode()))
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.QUARANTINED
    assert "metadata.personal_data" in evaluation.decision.reason_codes


PAYLOAD = _b64(zlib.compress(SECRET.encode()))


def _exif(tag: int) -> Image.Exif:
    exif = Image.Exif()
    exif[tag] = PAYLOAD
    return exif


def _description(text: str) -> bytes:
    return xmp_packet(
        f"<dc:description><rdf:Alt><rdf:li xml:lang='x-default'>{text}</rdf:li></rdf:Alt></dc:description>"
    )


# The same payload in the other carriers of free text: the field goes, the image is published.
CARRIERS: dict[str, bytes] = {
    "jpeg COM": jpeg_bytes(comment=PAYLOAD.encode(), icc=False),
    "exif ImageDescription": jpeg_bytes(exif=_exif(0x010E), icc=False),
    "exif Software": jpeg_bytes(exif=_exif(0x0131), icc=False),
    "webp exif ImageDescription": webp_bytes(exif=_exif(0x010E)),
    "xmp dc:description": jpeg_bytes(xmp=_description(PAYLOAD), icc=False),
    "iptc caption": with_app13_iptc(jpeg_bytes(icc=False), {120: PAYLOAD.encode()}),
    "xmp CreatorTool": jpeg_bytes(
        xmp=xmp_packet(attributes=f'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="{PAYLOAD}"'),
        icc=False,
    ),
}


@pytest.mark.parametrize("case", sorted(CARRIERS))
def test_a_payload_in_any_text_field_is_removed(gate: Pipeline, case: str) -> None:
    evaluation = gate.evaluate(CARRIERS[case], synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    assert "metadata.uninspected" in evaluation.decision.reason_codes
    assert evaluation.output is not None and PAYLOAD.encode() not in evaluation.output
    again = gate.evaluate(evaluation.output, synthetic=False)
    assert not [code for code in again.decision.reason_codes if code.startswith("metadata.")]


def test_a_description_of_words_stays(gate: Pipeline) -> None:
    data = jpeg_bytes(xmp=_description("A red sneaker on white"), icc=False)
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED
    assert evaluation.output is None


FBMD = b"FBMD01000aa10d0000c34e000063d20000d4f70000391a0100b6470200926503008d6f03004d870300"


@pytest.mark.parametrize(
    ("instructions", "removed"),
    [(FBMD, True), (b"Embargoed until 1 May", False), (b"FBMD is Facebook's marker", False)],
)
def test_a_facebook_upload_id_is_removed_like_an_image_id(
    gate: Pipeline, instructions: bytes, removed: bool
) -> None:
    """Facebook writes the id of an upload into IPTC SpecialInstructions (zune-image's weird_components.jpg
    carries one): it ties the copy to the upload and its account."""
    data = with_app13_iptc(jpeg_bytes(icc=False), {40: instructions})
    evaluation = gate.evaluate(data, synthetic=False)
    assert evaluation.verdict is Verdict.APPROVED, evaluation.decision.reason_codes
    published = evaluation.output if evaluation.output is not None else data
    assert (instructions not in published) is removed
