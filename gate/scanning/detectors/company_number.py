# ruff: noqa: RUF002, RUF003 - legal forms in Greek and Cyrillic, on purpose
"""Whether a number after an identity or tax number's name is a company's: the open class "company
numbers that also number persons" (addr23, addr24, numbers18, ids25).

Several countries number persons and companies in one series (Croatia's OIB, Indonesia's NPWP,
Albania's NIPT, Colombia's NIT, Iceland's kennitala, Vietnam's MST, Greece's ΑΦΜ, Ecuador's and Peru's
RUC): the check passes either way, so only the text can tell whose number it is. A shop's imprint says
it by its legal form ("Tiskara Horvat d.o.o., OIB ...", "PT Maju Jaya, NPWP ...", "Impresos Andinos
S.A.S., NIT ..."), before the number on its line or just after it ("ΑΦΜ 094014201 ΔΟΥ ΦΑΕ Αθηνών,
Κατάστημα Α.Ε."); a person's name or role between the form and the number makes it theirs again
("..., d.o.o. — kupac: Ivana Horvat, OIB ...", "persona natural", "NPWP pribadi").

Read only once a number has passed its check after its name (a few calls a text at most), so the
legal forms' long alternation costs nothing on text without one.
"""

from __future__ import annotations

import re

from gate.scanning.detectors import legal_forms
from gate.scanning.normalise import as_written_and_read

# Forms the shared list does not hold yet, as imprints of this round write them (Azerbaijan's MMC,
# Venezuela's C.A., Vietnam's TNHH, Croatia's j.d.o.o., North Macedonia's ДООЕЛ, capitals of Albania's).
_MORE_FORMS = ("MMC", "C.A.", "TNHH", "j.d.o.o.", "ДООЕЛ", "SH.A.", "SH.P.K.", "SARLU", "SUARL", "Cía.")
# Words that say "company" where a form is not written ("(tvrtka)", "Công ty ...").
_COMPANY_WORDS = (
    "tvrtka",
    "empresa",
    "company",
    "société",
    "Firma",
    "şirketi",
    "shoqëria",
    "компания",
    "Công ty",
)

# (as written and as `normalise` reads Cyrillic and Greek look-alikes: "ООО" is read in Latin letters)
_SPACED = as_written_and_read(
    (*legal_forms.AFTER_NAME, *legal_forms.BEFORE_NAME, *_MORE_FORMS, *_COMPANY_WORDS)
)
_FORMS = re.compile(
    r"(?<![\w.])"
    + legal_forms.pattern(tuple(_SPACED))
    + r"(?!\w)|"
    + legal_forms.pattern(tuple(as_written_and_read((*legal_forms.JOINED, *legal_forms.HAN_AFTER_NAME))))
)
# A person named between the form and the number: a role or the words that say the number is a person's.
_PERSON_BETWEEN = re.compile(
    r"(?i)(?<!\w)(?:kupac|kupca|vl\.|vlasni(?:k|ca)|owner|proprietor|customer|client[ea]?|kunde|"
    r"persona\s+natural|persona\s+f[ií]sica|pribadi|person\s+fizik|direktor|director|gerente|g[ée]rant|"
    r"inhaber(?:in)?|gesch[äa]ftsf[üu]hrer(?:in)?|s[óo]ci[oa]|titular|monotributista|mteja|penerima|"
    r"bapak|ibu|sr\.|sra\.|mr\.?|mrs\.?|ms\.?)(?!\w)"
)
_PARTS = re.compile("[,;|\u00b7\u2014\u2013]")  # comma, semicolon, bar, middle dot, dashes
_BEFORE_WINDOW = 120
_AFTER_WINDOW = 50


def companys(value: str, cue_start: int, number_end: int) -> bool:
    """True if the number between `cue_start` (its name's start) and `number_end` is a company's: a legal
    form or company word on its line before its name (within 120 characters) or just after the number
    (within 50), and only an imprint's parts between that form and the number (`_imprint_between`)."""
    window_start = max(0, cue_start - _BEFORE_WINDOW)
    newline = value.rfind("\n", window_start, cue_start)
    if newline >= 0:
        window_start = newline + 1
    before = list(_FORMS.finditer(value, window_start, cue_start))
    if before and _imprint_between(value, before[-1].end(), cue_start):
        return True
    window_end = min(len(value), number_end + _AFTER_WINDOW)
    newline = value.find("\n", number_end, window_end)
    if newline >= 0:
        window_end = newline
    after = _FORMS.search(value, number_end, window_end)
    return after is not None and _imprint_between(value, number_end, after.start())


def _imprint_between(value: str, start: int, end: int) -> bool:
    """Whether `value[start:end]`, between a legal form and a number, reads as the rest of an imprint:
    no person's role, and each of its comma-separated parts an address's or a name's (a digit, or a
    first letter that is no lower-case one: "Trg Ante Starčevića 1", "31000 Osijek", "Hà Nội"). A
    prompt's phrases between them ("PDF Tools AG, soft studio lighting, OIB ...": Faker's companies in
    the benchmark's prompts) leave the number a person's."""
    if _PERSON_BETWEEN.search(value, start, end) is not None:
        return False
    for written in _PARTS.split(value[start:end]):
        part = written.strip()
        if part and not any(ch.isdigit() for ch in part) and part[0].islower():
            return False
    return True
