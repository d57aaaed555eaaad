"""PERSON in a name written as an identifier: a LoRA, embedding or file named after someone
(`anna_kowalska_v1.safetensors`, `lora_jan_novak_face`, `renders/mariaGonzalez_portrait.png`).

People train a LoRA on a customer's face and name it after her; pipelines name outputs after the
order's customer. Such names are joined by "_", "-", "." or camel case, in lower case, so the free-text
rules (capitalised pairs, cues) never see them, and model and LoRA keys are not read for names at all.
Read only under the keys that hold such names (a model, a LoRA, a file, an output prefix), the value is
split into its words, and a person is two of them in a row that read as a name: a given name of the
wider list before a word with a surname's telling shape ("anna kowalska", "maria gonzalez"), or a given
name of the shipped list (data/first_names.txt, the names that are nothing else) before another word of
three letters or more that is no everyday word of such names ("giulia bianchi", "jan novak").
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from typing import Any

from gate.scanning.detectors.keyed_rule import KeyedRule, keyset
from gate.scanning.detectors.person_keyed import is_organisation
from gate.scanning.detectors.person_lists import fold_name, gazetteer, surnames, world_names
from gate.scanning.detectors.person_scripts import ScriptNames

_MAX_CHARS = 200
_MAX_ITEMS = 16
_MIN_SURNAME = 3
# Words that follow a given name in model and file names without being a surname: what the file shows
# or is ("anna_style", "emma_face_v2", "lily_portrait_final"), and the words of training tools.
_NOT_SURNAMES = frozenset(
    (
        "style", "face", "faces", "portrait", "portraits", "photo", "photos", "final", "lora", "loha", "lokr",
        "model", "base", "body", "hair", "eyes", "outfit", "dress", "look", "cosplay", "character", "char",
        "person", "woman", "man", "girl", "boy", "lady", "real", "realistic", "anime", "art", "sdxl", "pony",
        "flux", "epoch", "step", "steps", "last", "best", "test", "new", "old", "edit", "crop", "mask",
        "render", "output", "input", "image", "img", "pic", "ref", "reference", "preview", "thumb", "full",
        "half", "upper", "close", "closeup", "headshot", "selfie", "shot", "trigger", "token", "concept",
        "embedding", "safetensors", "ckpt", "png", "jpg", "jpeg", "webp", "and", "the", "with", "for",
    )
)  # fmt: skip
# A saint's name is a place's ("san_francisco_skyline.jpg", "santa_cruz_beach.png").
_SAINTS = frozenset(
    ("san", "santa", "santo", "saint", "sainte", "st", "ste", "sankt", "sao", "santi", "sint")
)
# ... and a monarch's style of furniture or a recipe ("queen_anne_side_table.jpg", "king_louis_chair").
_ROYAL = frozenset(("queen", "king", "prince", "princess", "emperor", "empress", "tsar", "pope", "lord"))
_EXTENSION = re.compile(r"\.(?:safetensors|ckpt|pt|pth|bin|png|jpe?g|webp|gif|tiff?|json)$", re.IGNORECASE)
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")
_SPLIT = re.compile(r"[\W_\d]+")
# An identifier or a path: word characters and the separators of names, paths and prompt tags
# ("<lora:anna_kowalska_v1:0.7>"); an e-mail address ("@") is the e-mail detector's.
_IDENTIFIER = re.compile(r"[\w.\-/\\:<>]+")


@cache
def _readers() -> tuple[frozenset[str], frozenset[str], frozenset[str], ScriptNames]:
    names, word_names, _, not_surnames = gazetteer()
    world = world_names()
    return names, world, not_surnames | word_names, ScriptNames(world)


def words_of(identifier: str) -> list[str]:
    """The words of an identifier or a file's name, lower case, accents folded: "renders/mariaGonzalez_
    portrait_01.png" -> ["maria", "gonzalez", "portrait"]."""
    base = _EXTENSION.sub("", identifier.replace("\\", "/").rsplit("/", 1)[-1])
    return [fold_name(word.lower()) for word in _SPLIT.split(_CAMEL.sub("_", base)) if word]


def joined_name(identifier: str) -> bool:
    """`identifier` (one token, no spaces) holds a person's name (see the module docstring)."""
    if len(identifier) > _MAX_CHARS or _IDENTIFIER.fullmatch(identifier) is None:
        return False
    names, world, not_names, scripts = _readers()
    words = words_of(identifier)
    for before, (first, second) in zip(["", *words], pairwise(words), strict=False):
        if len(second) < _MIN_SURNAME or second in _NOT_SURNAMES or second in not_names:
            continue
        if first in _NOT_SURNAMES or first in _SAINTS or before in _SAINTS or before in _ROYAL:
            continue  # a tool's word is no given name ("<lora:Ghibli_style>": "Lora" is one elsewhere)
        shaped = first in world and scripts.latin_surname(second)
        listed = second in surnames() and (first in world or first in not_names)  # "jean_martin"
        if shaped or listed or first in names:
            # ... unless the words are a brand named after its founder ("jean_paul_gaultier_dress").
            return not is_organisation(" ".join(words))
    return False


def _held(value: Any) -> bool:
    if isinstance(value, str):
        return joined_name(value)
    if isinstance(value, list | tuple) and len(value) <= _MAX_ITEMS:
        return any(isinstance(item, str) and joined_name(item) for item in value)
    return False


# Keys that hold the name of a model, a LoRA, a reference image or an output file, as ComfyUI, a1111
# and scripts write them.
_KEYS = keyset(
    "lora loras lora_name lora_names lora_model lycoris embedding embeddings embedding_name "
    "textual_inversion hypernetwork ckpt ckpt_name checkpoint checkpoint_name model model_name file "
    "filename file_name files output_filename out_filename dateiname nom_fichier nom_de_fichier "
    "nombre_archivo nombre_de_archivo nome_file nome_arquivo bestandsnaam nazwa_pliku filnamn filnavn "
    "tiedostonimi fajlnev nazev_souboru "
    "output output_file output_path output_name out_file save_path filename_prefix save_prefix "
    "image image_path image_name input_image init_image reference ref_image reference_image face "
    "face_image face_ref source_image target_image mask_image"
)

KEYED_RULES: tuple[KeyedRule, ...] = (KeyedRule("PERSON", "person.joined_name", _KEYS, _held),)
