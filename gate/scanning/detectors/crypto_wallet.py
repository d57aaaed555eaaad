"""CRYPTO_WALLET: a cryptocurrency address (the fourteenth attacker round on text).

A wallet address is pseudonymous, not anonymous: the public ledger links every payment to it, and an
exchange that knows its owner (KYC) names them, so an address written as someone's ("tip me: bc1q...",
"meine Wallet-Adresse: 0x...") is personal data in the sense of GDPR Recital 26 (the EDPB's guidelines
02/2025 on blockchain say the same of public keys and addresses). A gate that stops an IBAN stops it too.

- Bitcoin and Litecoin segwit addresses (`bc1...`, `ltc1...`): their bech32/bech32m checksum (BIP 173,
  BIP 350) anywhere, since a 30-bit checksum is no accident;
- base58check addresses of Bitcoin (`1...`, `3...`), Litecoin, Dogecoin and TRON (`T...`): their
  double-SHA-256 checksum and version byte, anywhere;
- Ethereum (and EVM) addresses, `0x` and 40 hex digits: mixed case (the EIP-55 checksum casing, which
  hashes and firmware ids never have), after `ethereum:`, or after a wallet word of the round's
  languages; a lower-case one without them is as likely a hash or a build id and stays clean.

The two codecs are a dozen lines each and the standard library's hashlib is all they need.
"""

from __future__ import annotations

import hashlib
import re

from gate.scanning.detectors.base import (
    HAS_DIGIT,
    HAS_WALLET_ROOM,
    PatternDetector,
    PatternRule,
    Text,
    any_word,
)
from gate.scanning.script_facts import HAS_NON_HEX, HAS_NON_UUID

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {ch: i for i, ch in enumerate(_B58)}
# Version bytes of pay-to-key and pay-to-script addresses: Bitcoin 0x00/0x05, Litecoin 0x30/0x32,
# Dogecoin 0x1e/0x16, TRON 0x41.
_VERSIONS = frozenset({0x00, 0x05, 0x30, 0x32, 0x1E, 0x16, 0x41})
_BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_BECH32_CONSTANTS = (1, 0x2BC830A3)  # bech32 (BIP 173), bech32m (BIP 350)

_SEGWIT = re.compile(r"\b(?:bc|ltc)1[02-9ac-hj-np-z]{11,71}\b|\b(?:BC|LTC)1[02-9AC-HJ-NP-Z]{11,71}\b")
# `\b[13LMDT][1-9A-HJ-NP-Za-km-z]{25,34}\b`, written to start with its class (the word boundary after it,
# as a look-behind), so the regex engine skips ahead to those six characters instead of trying every
# position of every hash and file name; possessive, since a shorter run is followed by a base58 character,
# where the boundary fails too (1.6 -> 0.5 us a search on a 64-digit hash).
_BASE58 = re.compile(r"[13LMDT](?<!\w[13LMDT])[1-9A-HJ-NP-Za-km-z]{25,34}+\b")
_EVM = re.compile(r"\b0x[0-9a-fA-F]{40}\b")
# A wallet word (or a coin's name) shortly before a lower-case address; the languages of the round.
_WALLET_WORDS = re.compile(
    r"(?:wallet|ethereum|\beth\b|\busdt\b|erc-?20|bep-?20|metamask|portefeuille|billetera|monedero|"
    r"cartera|carteira|portafoglio|portfel|кошел[её]к|гаманець|cüzdan|\bví\b|钱包|錢包|ウォレット|지갑|"
    r"محفظة|ארנק|बटुआ|วอลเล็ต|dompet|"
    # (text17) a payee's: "pay to 0x...", "send it to", "tip me", "donate to"
    r"\bpay(?:ment)?\s+to|\bsend\s+(?:it\s+|eth\s+)?to|\btips?\s+(?:me|to)|\bdonat(?:e|ions?)\s+to)[^\n]{0,40}$",
    re.IGNORECASE,
)


def _bech32_valid(address: str) -> bool:
    address = address.lower()
    hrp, _, data = address.rpartition("1")
    values = [_BECH32.find(ch) for ch in data]
    if not hrp or len(values) < 7 or min(values) < 0:
        return False
    check = 1
    for value in [ord(ch) >> 5 for ch in hrp] + [0] + [ord(ch) & 31 for ch in hrp] + values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for bit, generator in enumerate((0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)):
            if top >> bit & 1:
                check ^= generator
    return check in _BECH32_CONSTANTS


def _base58check_valid(address: str) -> bool:
    number = 0
    for ch in address:
        number = number * 58 + _B58_INDEX[ch]
    body = number.to_bytes(25, "big") if number.bit_length() <= 200 else b""
    if len(body) != 25 or len(address) - len(address.lstrip("1")) != len(body) - len(body.lstrip(b"\0")):
        return False
    payload, checksum = body[:21], body[21:]
    digest = hashlib.sha256(hashlib.sha256(payload).digest()).digest()
    return digest[:4] == checksum and payload[0] in _VERSIONS


def _segwit(match: re.Match[str], text: Text) -> bool:
    return _bech32_valid(match.group())


def _base58(match: re.Match[str], text: Text) -> bool:
    return _base58check_valid(match.group())


def _evm(match: re.Match[str], text: Text) -> bool:
    digits = match.group()[2:]
    if digits.lower() != digits and digits.upper() != digits:
        return True  # EIP-55 casing
    before = text.value[: match.start()]
    return before.endswith("ethereum:") or _WALLET_WORDS.search(before) is not None


# Prefilters: plain `in` and `len` tests, so that the strings with digits every catalogue has (SKUs, sizes,
# prices) cost no regex search here.
def _has_segwit(text: Text) -> bool:
    value = text.value
    return "bc1" in value or "BC1" in value or "ltc1" in value or "LTC1" in value


_SHORTEST_BASE58 = 26
# A base58 address is searched for in a short value (a field of its own, a note), or in longer text (a
# prompt) only beside a coin or wallet word: the search over every long prompt cost most of this detector.
_LONGEST_BARE = 100
_COIN_WORDS = any_word(
    (
        "btc", "bitcoin", "ltc", "litecoin", "doge", "usdt", "trc20", "tron", "wallet", "crypto", "krypto",
        "billetera", "carteira", "portefeuille", "portafoglio", "portfel", "cüzdan", "кошел", "钱包", "錢包",
        "ウォレット", "지갑", "محفظة", "ví ", "dompet", "tip me", "send to", "pay to",
    )
)  # fmt: skip


_LONGEST_BASE58 = 35


def _long_enough(text: Text) -> bool:
    value = text.value
    size = len(value)
    if size > _LONGEST_BASE58 and value.isalnum():
        # (scanfast19) One word of letters and digits (a hex hash, a model's hash) has no word boundary
        # inside, so an address in it would be all of it: longer than any (`_BASE58`).
        return False
    if not text.facts & HAS_NON_HEX and not _part_fits(value):
        return False
    return size >= _SHORTEST_BASE58 and (size <= _LONGEST_BARE or _COIN_WORDS(text))


def _part_fits(value: str) -> bool:
    """(hexfast26) In text of hex digits and "-" only (a UUID, dashed hashes), `_BASE58` can match only a
    whole part between dashes (within one, no word boundary; "-" is one), so only a part of an address's
    length: a UUID's parts (8-4-4-4-12) are too short, and the regex is not run."""
    return any(_SHORTEST_BASE58 <= len(part) <= _LONGEST_BASE58 for part in value.split("-"))


def _has_0x(text: Text) -> bool:
    return "0x" in text.value


DETECTOR: PatternDetector = PatternDetector(
    entity="CRYPTO_WALLET",
    needs=HAS_DIGIT,
    # (scanfast23) Asked of every string with a digit before, and on a European record's 2.5 such strings
    # 0.8 us; half of them are shorter than any address and hold no "bc1" or "ltc1" (`HAS_WALLET_ROOM`).
    # (hexfast26) Nor of a UUID alone: its parts (8-4-4-4-12) are shorter than any address, and a word
    # boundary ends each (`_part_fits`).
    requires=HAS_WALLET_ROOM | HAS_NON_UUID,
    rules=(
        PatternRule("crypto_wallet.segwit", _SEGWIT, _segwit, _has_segwit),
        PatternRule("crypto_wallet.base58check", _BASE58, _base58, _long_enough),
        # ("0x": never in a hash or a UUID)
        PatternRule("crypto_wallet.evm", _EVM, _evm, _has_0x, requires=HAS_NON_HEX),
    ),
)
