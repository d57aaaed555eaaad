"""PERSON: a name written as an identifier inside free text, since names15: an e-mail address's local
part without its domain ("message from beatriz.oliveira.santos"), a file's name ("see
ngozi_adeyemi_clarke_face.png"). An @mention is SOCIAL_HANDLE's (social.py), not read here again.

person_joined.py reads such identifiers under the keys that hold them; here they are found in text by a
joint, a "." or "_" between two lower-case letters, and the token around it is read by the same rule (a
given name of the wider list before a surname of telling shape or of the list, or a given name of the
shipped list before another word). Role addresses ("support.team", "no.reply") hold no given name.
"""

from __future__ import annotations

import re

from gate.scanning.detectors.person_joined import joined_name

# A joint: "." or "_" between lower-case letters; found with `str.find`, since a
# regex that looks for the separators scans every character of every text in Python's engine.
_LETTERS = re.compile(r"[a-zà-ÿ]{2}")
_DOT_LETTERS = re.compile(r"\.(?=[a-zà-ÿ]{2})")
_EDGES = "\"'“”‘’«»()[]{}<>,;:!?"  # noqa: RUF001
_MAX_JOINTS = 8


def handle_name(value: str) -> bool:
    """`value` holds an @mention, an address's local part or a file's name that reads as a person's name."""
    if "@" in value:
        return False  # a handle or an e-mail address (its other readings too): not read again here
    if "_" not in value and _DOT_LETTERS.search(value) is None:
        return False  # (most texts: a literal "." first, which the engine finds as `str.find` does)
    read: set[int] = set()
    for joint in _joints(value):
        start = value.rfind(" ", 0, joint) + 1
        if start in read:
            continue  # the same token, read already
        read.add(start)
        end = value.find(" ", joint + 1)
        token = value[start : end if end >= 0 else len(value)].strip(_EDGES).rstrip(".")
        if joined_name(token):
            return True
    return False


def _joints(value: str) -> list[int]:
    """Where a joint stands in `value` (at most `_MAX_JOINTS` of them)."""
    joints: list[int] = []
    for separator in "._":
        at = value.find(separator)
        while at >= 0 and len(joints) < _MAX_JOINTS:
            after = _LETTERS.match(value, at + 1) is not None
            if after and at >= 2 and _LETTERS.match(value, at - 2) is not None:
                joints.append(at)
            at = value.find(separator, at + 1)
    return joints
