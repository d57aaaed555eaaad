"""The words that say a number is a phone number, for `phone`: the phone cues before it (a pattern,
the words of data/cues.toml, and the word list that lets a text without any skip the cued rules), a
phone number's own name right before it ("phone number:", "Telefonnummer", "símanúmer"), a word that
names a phone and nothing else, a call's phrase ending at it. They know no phone number themselves:
`phone` validates what they point at with `phonenumbers`."""

from __future__ import annotations

import re

from gate.scanning import lexicon
from gate.scanning.context import PHONE
from gate.scanning.detectors import phone_calls
from gate.scanning.detectors.base import Text, any_word, cue_before

# "number" in the languages the phone cues are written in, as the last word of a phone number's name,
# written apart or joined to the phone word ("Telefonnummer", "símanúmer", "telefonszám"), then at most
# a colon, a dash or "is" before the number. The phone word itself is looked for right before it.
NUMBER_NAMED = re.compile(
    r"(?i)(?:number|no\.|nr\.?|nummer|numm?ero|n[úu]mero|n[úu]mer|numurs|numeris|numer|szám|sz\.|"
    r"[čc][íi]slo|broj|numri|номер|нөмірі|нөмөр|nömrəsi|raqami?|numaras\u0131|nambari|numbril|numbrile|"
    r"번호|号码|號碼|番号|رقم|شماره|מספר|nombor|nomor)"
    r"[ \t]*(?:[:=#.\-\u2013\u2014]|is|ist|er|är|est|es|on|je|è|é|ir|yra)?[ \t:]*$"
)
_LAST_WORD = re.compile(r"[^\W\d_][\w.]*$")
# Phone words that are other words too: a ring's or a cell's code, "call 1234567" as a product's line.
_NOT_ONLY_PHONE = frozenset(
    ("ring", "call", "cell", "contact", "reach", "bel", "cep", "ara", "ligar", "ligue")
)
NUMBER_NAMED_CHARS = 24
_PHONE_WORD_CHARS = 16
_CUE = re.compile(
    r"(?i)\b(?:phone|tel|telephone|mobile|cell|call|ring|text\s+me|whatsapp|sms|fax|contact|reach\s+me|"
    r"t[ée]l|telefon\w*|handy\w*|mobil\w*|r[üu]ckruf|rufnummer|portable|rappeler|appeler|m[óo]vil|"
    r"llamar|cellulare|chiamare|telefoon\w*|mobiel|bel|kom[óo]rk\w*|zadzwoni\w*|telem[óo]vel|ligar|"
    r"contacto|contato|celular|fone|whats\w*|telepon|puhelin|puh|κινητό|τηλέφωνο|cep|mobitel|mobiil|tlf|appel\w*|rappel\w*|chiama\w*|llam\w*|"
    r"ligue|bel\w*|ring\w*|zadzwo\w*|soita\w*|"
    # Cyrillic, with the Latin look-alikes the normaliser reads some of its letters as ("тeлeфoн").
    # (Cyrillic ie, o and be written as escapes: \u0435, \u043e, \u0431.)
    r"т[\u0435e]л[\u0435e]ф[\u043eo]н\w*|т[\u0435e]л|м[\u043eo][\u04316]\w*|зв[\u043eo]н\w*)\b"
    # Scripts written without spaces between words: no word boundary to look for.
    r"|電話|携帯|电话|手机|手機|전화|휴대폰|핸드폰|연락처|هاتف|جوال|موبايل|تلفن|טלפון|फ\u093cोन|फोन|मोबाइल|โทร|เบอร์"
    r"|(?i:điện thoại|sđt)"
    # (numbers18) Korean "contact" without its "place" (연락 주세요), Tagalog "call" (tawagan, tumawag)
    r"|연락|(?i:\b(?:paki)?(?:tawagan|tumawag)\b)"
    # (numbers19) Hindi "call" (कॉल करें), Chinese "dial" and "call" (拨打, 致电), a person's own
    # number ("मेरा नंबर", Arabic "رقمي", "my number is"), Brazilian "me liga"
    r"|कॉल|拨打|撥打|致电|致電|मेरा नंबर|رقمي|(?i:\bmy\s+(?:phone\s+)?number\b|\bme\s+liga\b)"
)

# ... and the words of data/cues.toml in every language and script ("κινητό", "позвоните", "ruf ... an").
_CUES = lexicon.Cues("phone")


def cued(text: Text, start: int, window: int = 32) -> bool:
    return cue_before(_CUE, text.value, start, window) or _CUES.before(text.value, start, window)


def phone_word_before(text: Text, start: int) -> bool:
    """The word right before `start` (a colon, a dash or a line break between; or a call's preposition:
    "hringið í 611 4268") is a phone word that means nothing else."""
    start = phone_calls.past_call_words(text.value, start)
    word = _word_before(text, start, " \t\r\n:.-")
    return (
        word is not None
        and word.group().lower().rstrip(".") not in _NOT_ONLY_PHONE
        and _cued_word(text, word)
    )


def called(text: Text, start: int) -> bool:
    """A call's phrase ends right before `start`: a phone cue, then only the words of
    `phone_calls.CALL_WORDS` ("Ring til mig på", "me liga no": Portuguese "no" is no reference's "No.")."""
    past = phone_calls.past_call_words(text.value, start)
    return past != start and cued(text, past, window=12)


def named_number(text: Text, match: re.Match[str]) -> bool:
    """A phone number's name ends right before `match`: a phone word, then, written apart or joined to
    it, a word for "number", then at most a colon or "is" ("phone number: 2612 3456", "tālruņa numurs",
    "símanúmer", "telefonszám"). A phone word further off ("Telefonhülle 1234 5678", "phone case model
    number 12345678") is not enough."""
    value, start = text.value, match.start()
    named = NUMBER_NAMED.search(value, max(0, start - NUMBER_NAMED_CHARS), start)
    if named is None:
        return False
    # The phone word is the word right before "number", or the start of the word "number" ends.
    word = _word_before(text, named.start(), " \t-.")
    return word is not None and _cued_word(text, word)


def _word_before(text: Text, start: int, between: str) -> re.Match[str] | None:
    """The word that ends right before `start`, past any of the characters `between`."""
    end = len(text.value[:start].rstrip(between))
    return _LAST_WORD.search(text.value, max(0, end - _PHONE_WORD_CHARS), end)


def _cued_word(text: Text, word: re.Match[str]) -> bool:
    """`word` (a match in `text`) holds a phone cue."""
    return cued(text, word.end(), window=word.end() - word.start())


_CUE_WORDS = (
    "phone",
    "tel",
    "mobile",
    "cell",
    "call",
    "ring",
    "text me",
    "whatsapp",
    "sms",
    "fax",
    "contact",
    "reach",
    "tél",
    "handy",
    "mobil",
    "rückruf",
    "rufnummer",
    "portable",
    "appeler",
    "rappeler",
    "móvil",
    "movil",
    "llamar",
    "cellulare",
    "chiamare",
    "mobiel",
    "bel ",
    "komórk",
    "zadzwoni",
    "telemóvel",
    "telemovel",
    "ligar",
    "puhelin",
    "κινητό",
    "τηλέφωνο",
    "cep ",
    "puh",
    "tlf",
    "appel",
    "chiam",
    "llam",
    "ligue",
    "soita",
    "contato",
    "celular",
    "fone",
    "whats",
    "telepon",
    "تلفن",
    "טלפון",
    "điện thoại",
    "sđt",
    "тел",
    "тeл",
    "моб",
    "мo6",
    "звон",
    "звoн",
    "電話",
    "携帯",
    "电话",
    "手机",
    "手機",
    "전화",
    "휴대폰",
    "핸드폰",
    "연락처",
    "هاتف",
    "جوال",
    "موبايل",
    "फोन",
    "फ\u093cोन",  # "फ़ोन" as NFKC writes it: its nukta is a mark of its own
    "मोबाइल",
    "โทร",
    "เบอร์",
    "연락",
    "tawagan",  # "pakitawagan" too
    "tumawag",
    *phone_calls.CUE_WORDS,  # (numbers19)
)
has_cue_word = any_word(_CUE_WORDS)


def may_be_national(text: Text) -> bool:
    if text.flags & PHONE or has_cue_word(text):
        return True
    # (`text.cues` is known once `has_cue_word` asked; -1, every bit, where it is not)
    return _CUES.may_be_found(text.value, text.lower, text.cues) and _CUES.found(text.value)
