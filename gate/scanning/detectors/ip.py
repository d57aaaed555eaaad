"""IP_ADDRESS (v4 and v6), validated by `ipaddress`.

Four dotted numbers are as often a version ("2.1.0.4") as an address. An IPv4 address therefore counts
only under an IP-ish key (ip, addr, host, client, remote, forwarded) or with a cue just before it in
free text ("ip", "host", "from", "://", ...), never under a version/build key, and never right after
"v"/"version"; bare, only in a log line's own shapes (the Common Log Format, "from" after a timestamp and
a level). IPv6 needs no cue when it has at least four groups: nothing else looks like that, nor
like an IPv4-mapped address ("::ffff:81.2.69.160"). A home router's own address (192.168.1.1) is the
same on every router of its model, and names no one.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Final

from gate.scanning.context import IP, NOT_NUMERIC
from gate.scanning.detectors.base import HAS_COLONS, HAS_DOTS, PatternDetector, PatternRule, Text, cue_before
from gate.scanning.normalise import as_written_and_read

# Its first digit first and the look-behind after it, so the regex engine skips ahead to digits.
_V4 = re.compile(r"\d(?<![\w.\-]\d)\d{0,2}\.(?:\d{1,3}\.){2}\d{1,3}(?![\w\-]|\.\w)")
# (text13) with an IPv4 address as its last 32 bits ("::ffff:81.2.69.160", an IPv4-mapped address).
_V6 = re.compile(
    r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}(?![\w.])|[0-9A-Fa-f]{0,4}(?![\w:]))"
)
_CUE = re.compile(
    r"(?i)(?:\b(?:ip|ipv4|ipv6|address|addr|host|hostname|client|server|remote|from|forwarded|origin|"
    r"peer|connect(?:ed|ion)?|login|logged|source|src|dst)\b|://|@|"
    # (lead19) a field's name written into text as a key: the word joined to another by "_", "-" or
    # camel case ("client_ip=", "REMOTE_ADDR", "x-real-ip:", "ipAddress=", "srcIp"), or after a word of
    # a script written without spaces ("真实IP")
    r"[_\-](?:ip|ipv4|ipv6|addr|address)\b|\b(?:ip|addr)[_\-]|(?-i:[a-z](?:IP|Ip|Addr|Address)\b|\bip(?=[A-Z]))|"
    r"(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])ip\b|"
    # (text11) "IP" joined to a word of a script written without spaces ("IP地址", "IPアドレス"), and
    # "address" in other languages
    r"\bip(?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])|地址|位址|アドレス|주소|adresse|direcci[oó]n|"
    r"endere[cç]o|indirizzo|아이피|"
    # (text13) Cyrillic words as `normalise` reads them too ("адрес" is read "aдpec"): both forms
    + "|".join(sorted(as_written_and_read(("адрес", "айпи")), key=len, reverse=True))
    + r")"
)
# An address with its port ("83.142.17.209:8443") is a machine's, cue or none.
_PORT = re.compile(r":\d{2,5}(?!\d)")
_VERSION_CUE = re.compile(r"(?i)(?:\bv|\bversion|\bver|\bbuild|\brelease|\bfirmware)\W{0,3}$")
_MIN_BARE_V6_GROUPS = 4
# The deprecated IPv4-compatible addresses (::/96) of 0.0.0.0/8, IPv4's "this network": ::/104 routes to no
# machine, so "::9" (a Krita icon's palette bytes, after an "@") names no one.
_THIS_NETWORK_END: Final = 1 << 24
# A home router's own address on its network (192.168.0.1, 10.0.0.138 is not one): the same on every
# router of a model and printed on its label ("admin page 192.168.1.1"), so it names no one.
_GATEWAY_HOSTS = frozenset((1, 254))


# (text17) The addresses a server is told to listen on, the same on every machine; not the rest of the
# loopback range, which generated data (and an attacker) may hand out as anyone's.
_EVERY_MACHINES = frozenset((ipaddress.IPv4Address("0.0.0.0"), ipaddress.IPv4Address("127.0.0.1")))  # noqa: S104


def _has_cue(match: re.Match[str], text: Text) -> bool:
    return bool(text.flags & IP) or cue_before(_CUE, text.value, match.start())


def _valid_v4(match: re.Match[str], text: Text) -> bool:
    try:
        address = ipaddress.IPv4Address(match.group())
    except ValueError:
        return False
    if address.is_private and address.packed[-1] in _GATEWAY_HOSTS and address.packed[-2] in (0, 1):
        return False
    if address in _EVERY_MACHINES and not text.flags & IP:
        return False  # (text17) "bind 0.0.0.0:8080", "127.0.0.1:7860" in free text: a server's setting
    before = text.value[max(0, match.start() - 12) : match.start()]
    if _VERSION_CUE.search(before):
        return False
    return _has_cue(match, text) or _PORT.match(text.value, match.end()) is not None


# (text16) A bare IPv4 address in a log line, where nothing else stands so: first in a line of the Common
# or Combined Log Format ("94.130.12.45 - - [30/Nov/2026:14:02:11 +0000] "GET ..."), or after the "from"
# of another language in a line that opens with a timestamp and a level ("2026-11-30T14:02:11Z INFO
# Anfrage von 88.198.12.34"), unless another dotted number follows as an upgrade's target ("von 2.1.0.4
# auf 2.1.0.5"). Not the short "de", "da", "z" of other languages: they say "of" as often as "from".
# (text17) The same line sent through syslog, after its header ("Dec  7 05:12:01 web-1 nginx: "), its date
# then maybe dropped: the request in quotes follows the two fields.
_SYSLOG_HEADER = r"(?:[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \S{1,64} \S{1,64}: )"
_CLF = re.compile(
    r"(?:^|(?<=\n))" + _SYSLOG_HEADER + r"?(?P<ip>(?:\d{1,3}\.){3}\d{1,3}) \S{1,64} \S{1,64} "
    r"(?:\[\d{1,2}/[A-Za-z]{3}/\d{4}:\d{2}:\d{2}:\d{2}|\"(?:GET|POST|PUT|HEAD|DELETE|PATCH|OPTIONS) )"
)
_FROM_WORDS = ("von", "desde", "depuis", "dal", "van", "vanaf", "från", "fra", "от", "із")
_LOG_FROM = re.compile(
    r"(?im)^[ \t]*\[?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}[^\s\]]{0,16}\]?[ \t]+\[?"
    r"(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|NOTICE|CRITICAL)\]?[ \t][^\n]{0,160}?(?<!\w)(?:"
    + "|".join(sorted(as_written_and_read(_FROM_WORDS), key=len, reverse=True))
    + r")[ \t]+(?P<ip>(?:\d{1,3}\.){3}\d{1,3})(?![\w\-]|\.\w)(?![^\n]{0,12}?(?:\d+\.){2,}\d)"
)


def _log_address(match: re.Match[str], text: Text) -> bool:
    try:
        address = ipaddress.IPv4Address(match.group("ip"))
    except ValueError:
        return False
    return not (address.is_private and address.packed[-1] in _GATEWAY_HOSTS and address.packed[-2] in (0, 1))


def _log_line(text: Text) -> bool:
    return "[" in text.value or ":" in text.value


def _valid_v6(match: re.Match[str], text: Text) -> bool:
    candidate = match.group()
    try:
        address = ipaddress.IPv6Address(candidate)
    except ValueError:
        return False
    if address.is_unspecified or address.is_loopback:
        return False  # "::" and "::1" name no machine of anyone's (a "::" in text is punctuation)
    if address.ipv4_mapped is not None:
        return True  # "::ffff:" before an IPv4 address: nothing else is written so
    if int(address) < _THIS_NETWORK_END and "." not in candidate:
        return False  # (redimg23) "::9", "::1:2": IPv4-compatible 0.x.y.z, "this network", no machine's
    groups = sum(1 for part in candidate.split(":") if part)
    return groups >= _MIN_BARE_V6_GROUPS or _has_cue(match, text)


DETECTOR = PatternDetector(
    entity="IP_ADDRESS",
    needs=HAS_DOTS | HAS_COLONS,
    rules=(
        PatternRule("ip.v4", _V4, _valid_v4, requires=HAS_DOTS),
        PatternRule("ip.v6", _V6, _valid_v6, requires=HAS_COLONS),
        PatternRule("ip.log_line", _CLF, _log_address, when=_log_line, requires=HAS_DOTS),
        PatternRule("ip.log_line", _LOG_FROM, _log_address, when=_log_line, requires=HAS_DOTS),
    ),
    unless=NOT_NUMERIC,
)
