# ruff: noqa: RUF001 - Cyrillic account words, on purpose
"""BANK_ACCOUNT: a domestic bank account number, which is not an IBAN, right after an account word.

Most countries outside the IBAN registry pay by domestic numbers (a US routing and account number, a
British sort code and account, an Australian BSB, a Mexican CLABE, an Argentine CBU, a Nigerian NUBAN,
an Indian or a Thai account number), and Poland writes its IBAN without "PL" (the NRB). They have no
shape of their own, so they count only right after an account word of 30 languages ("account no.",
"A/c", "Kontonummer", "numéro de compte", "CLABE", "CBU", "sort code", "BSB", "rachunek", "счёт",
"บัญชี", "số tài khoản", "口座番号", "계좌번호", "رقم الحساب" ...), with a label's "no."/"nr"/"#" or a
colon between, and with 8 to 26 digits (a sort code or BSB: its 6); where a check exists, it must pass
(python-stdnum's CBU, routing number and IBAN; the CLABE's published weights). Since the fourteenth text
round: "Kto.", "conta corrente", "c/c", "cuenta RUT", a French RIB (its key checked), and, with a
branch code written beside it (agência, transit, BLZ, ABI/CAB, IFSC, BSB), an account of 5 digits or more.
"""

from __future__ import annotations

import re
import unicodedata

from stdnum import iban
from stdnum.ar import cbu
from stdnum.cz import bankaccount as cz_bankaccount
from stdnum.es import ccc as es_ccc
from stdnum.no import kontonr as no_kontonr
from stdnum.us import rtn

from gate.scanning.context import NOT_NUMERIC
from gate.scanning.detectors.base import HAS_DIGIT_RUN, PatternDetector, PatternRule, Text, any_word
from gate.scanning.normalise import as_written_and_read

# Account words, as typed and as `normalise` leaves them (Cyrillic look-alikes read Latin: "счёт").
_WORDS = (
    "account", "acct", "a/c", "konto", "kontonummer", "kontonr", "rachunek", "rachunku", "cuenta", "compte",
    "conta", "rekening", "rekeningnummer", "clabe", "cbu", "cvu", "nuban", "sort code", "bsb", "routing",
    "счёт", "счет", "рахунок", "рахунку", "hesap no", "บัญชี", "tài khoản", "akaun", "口座", "账号",
    "帳號", "账户", "계좌", "رقم الحساب", "حساب بنكي", "شماره حساب", "खाता संख्या", "खाता नंबर", "bankszámla",
    "číslo účtu", "kontonummer", "tilinumero", "numero di conto", "conto corrente",
    # (text11) Hungarian, Spanish CCC, Russian settlement accounts, Japanese ordinary and current accounts
    "számlaszám", "ccc", "código cuenta cliente", "р/с", "расчетный счет", "расчётный счёт", "лицевой счет",
    "普通預金", "普通", "当座",
    # (text14) German "Kto.", Brazilian current accounts, a French RIB, Chile's "cuenta RUT"
    "kto", "conta corrente", "c/c", "rib", "relevé d'identité bancaire", "cuenta rut",
    # (numbers20) Indonesian "no. rek" (rekening cut short), Thai "account number" (เลขที่บัญชี)
    "no. rek", "no rek", "nomor rek", "norek", "เลขที่บัญชี", "เลขบัญชี",
)  # fmt: skip
_FORMS = tuple(sorted(as_written_and_read(_WORDS), key=lambda w: (-len(w), w)))
_has_word = any_word(tuple(unicodedata.normalize("NFKC", form) for form in _FORMS))

_CUE = "|".join(re.escape(form) for form in _FORMS)
_UNSPACED = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"  # (numbers20) Thai too
# The word (a look-behind keeps "discount" and "miscount" out), a label's "number" word or sign, then the
# digits: groups of digits joined by one space or dash, or a sort code or BSB.
_CUED = re.compile(
    # (a label's "no" is a word of its own: in "konto NO07 8372 ..." it starts a Norwegian IBAN)
    # (no look-behind before a word of a script written without spaces: "工商银行账号 6222 ...")
    rf"(?i)(?<![^\W\d_{_UNSPACED}])(?:{_CUE})(?:\s*(?:no|nr|number|num|n[º°o]?|번호|番号|号码|號碼)\b\.?|\s*เลขที่)?"
    # (numbers20) the bank's name between, one capitalised word ("akaun Maybank 1122 ...", "no. rek BCA")
    r"(?:[ \t]+(?!(?i:order|invoice|ref|item|sku|id|page|type|plan|level|tier|code)\b)"
    # (three letters at least and a space after: an IBAN's country code "DE" before "89 3704 ..." is none)
    r"(?-i:[A-Z][A-Za-z&]{2,15})(?=[ \t:]))?"
    r"[\s.:#№°º\-]{0,4}(?:CCC\s+)?"
    # digits in groups joined by one space, dash or (Norway) dot, and a Czech account's "/" bank code
    r"(?P<number>\d(?:[ \-.]?\d){5,29})(?P<bank>/\d{4})?(?![\w\-/.,]\d|[\w%])"
)
_CLABE_WEIGHTS = ((3, 7, 1) * 6)[:17]


def _clabe_valid(digits: str) -> bool:
    """A Mexican CLABE: 18 digits, the last a weighted (3, 7, 1) mod-10 check of the others."""
    total = sum((int(d) * w) % 10 for d, w in zip(digits[:17], _CLABE_WEIGHTS, strict=True)) % 10
    return int(digits[17]) == (10 - total) % 10


def _account(match: re.Match[str], text: Text) -> bool:
    number = match.group("number")
    digits = number.replace(" ", "").replace("-", "").replace(".", "")
    cue = match.group().lower()
    if match.group("bank"):  # a Czech account: [prefix-]number/bank code
        return cz_bankaccount.is_valid(number + match.group("bank"))
    if "." in number:  # dotted: a Norwegian account number only ("1971.59.85031"), not a date
        return no_kontonr.is_valid(number)
    if "ccc" in cue or "cuenta cliente" in cue:
        return es_ccc.is_valid(digits)
    if any(word in cue for word in _SEVEN_DIGIT_CUES):  # Japanese accounts have 7 digits
        return len(digits) >= _JAPANESE_ACCOUNT
    if "clabe" in cue:
        return len(digits) == 18 and _clabe_valid(digits)
    if "cbu" in cue or "cvu" in cue:
        return cbu.is_valid(digits)
    if "routing" in cue:
        return rtn.is_valid(digits)
    if "sort code" in cue or "bsb" in cue:
        return re.fullmatch(r"\d{2}-\d{2}-\d{2}|\d{3}-\d{3}", number) is not None
    if len(digits) == 26:  # a Polish NRB: the IBAN without its "PL"
        return iban.is_valid("PL" + digits)
    if "rib" in cue and len(digits) == _RIB_DIGITS:
        return _rib_valid(digits)
    # (text14) a branch code written beside the account (agência, transit, BLZ, ABI/CAB, IFSC, BSB): the
    # two together name an account, and the account alone may be as short as Brazil's and Canada's
    shortest = _SHORTEST_BESIDE_BRANCH if _BRANCH.search(text.value) else 8
    return shortest <= len(digits) <= _LONGEST


# A French RIB: bank (5), branch (5), account (11), key (2): 97 - (89 bank + 15 branch + 3 account) mod 97.
_RIB_DIGITS = 23


def _rib_valid(digits: str) -> bool:
    bank, branch, account, key = int(digits[:5]), int(digits[5:10]), int(digits[10:21]), int(digits[21:])
    return key == 97 - (89 * bank + 15 * branch + 3 * account) % 97


_BRANCH = re.compile(
    r"(?i)\b(?:ag[êe]ncia|ag\.|transit|BLZ|ABI|CAB|IFSC|BSB|sort code|routing|branch code)\s*:?\s*\d"
)
_SHORTEST_BESIDE_BRANCH = 5


# A Hungarian account is three groups of eight digits; a Japanese one seven digits after its kind.
_LONGEST = 24
_SEVEN_DIGIT_CUES = ("普通", "当座", "口座")
_JAPANESE_ACCOUNT = 7


DETECTOR = PatternDetector(
    entity="BANK_ACCOUNT",
    needs=HAS_DIGIT_RUN,
    rules=(PatternRule("bank_account.cued", _CUED, _account, when=_has_word),),
    unless=NOT_NUMERIC,
)
