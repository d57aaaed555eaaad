"""Walk a JSON value, give every string its key context, and run the detectors on it.

Values are visited in document order and a finding is recorded at most once per (entity, JSON
pointer). The walk recurses, but checks the depth limit before every step down, and `ScanLimits`
caps `max_depth` far below Python's recursion limit, so hostile nesting ends in `ScanLimitExceeded`,
never `RecursionError`. Detector exceptions are not caught: the caller turns them into an ERROR result.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NoReturn

from gate.model import Finding
from gate.scanning import id_lines, id_parts, key_names, members, memo, pairs, splits
from gate.scanning.application_ids import application_client
from gate.scanning.context import NOT_NUMERIC, POSITIVE_MASK, owner_context, reads_as_number
from gate.scanning.decoding import hidden_variants, may_be_encoded
from gate.scanning.detectors import Text
from gate.scanning.detectors.base import PatternDetector
from gate.scanning.embedded import embedded_json
from gate.scanning.graphs import WIDGETS, graph_node, widget_strings
from gate.scanning.limits import DEFAULT_LIMITS, ScanLimits, exceeded
from gate.scanning.named_ids import named_ids
from gate.scanning.normalise import normalise
from gate.scanning.plans import planned as plan_of
from gate.scanning.query_strings import query_parameters
from gate.scanning.seen import CLEAN, accepts, hold_clean
from gate.scanning.structured import structured_reader
from gate.scanning.tables import delimited_table

# Shorter strings cannot hold any text entity (the shortest, an email, needs "a@b.co"); keyed rules
# still see them.
_MIN_TEXT_CHARS = 5
# ... unless they are not ASCII: a name in Chinese, Japanese or Korean is shorter ("李伟", "김민준").
# JSON inside a string inside a string is read; one more layer down is read as text only.
_MAX_JSON_LAYERS = 2
_JSON_OPENERS = frozenset(("{", "["))
# Integers of 15 or 16 digits, the lengths a card number is read at without a card word (`card`).
_CARD_SIZED_LOW = 10**14
_CARD_SIZED_HIGH = 10**16
# Pointer token for a member whose key holds personal data: "*" and the member's position.
HIDDEN_KEY = "*"


def _names(words: str) -> members.Named:
    """What a key's words name ("anna_kowalska" read "Anna Kowalska"), for `members`."""
    return tuple(
        (f.entity, f"{f.detector}+key") for f in scan_text(words, path="") if key_names.names_someone(f)
    )


def _member(key: str) -> members.Member:
    """What an object member's key decides (`members`)."""
    return members.member(key, _names)


def _pattern_detect(detector: PatternDetector, text: Text) -> str | None:
    return detector.detect(text)


def _detections(value: str, flags: int) -> memo.Detections:
    """What every detector with a chance reports for `value` under `flags`, in plan order (for the
    evaluation's memo: all of them, since which (entity, path) pairs are already found differs per use)."""
    chances = plan_of(value, flags)
    if chances is None:
        return ()
    text, detectors, gates, union = chances
    # No word of any gate: every gated detector is passed over (`plans.planned`).
    closed = union != 0 and not text.cue_bits() & union
    found = []
    for index in range(len(detectors)):
        detector, gate = detectors[index], gates[index]
        if gate and (closed or not text.cue_bits() & gate):
            continue  # `detect` would pass over every rule (`plans.cue_gate`)
        name = (
            detector.detect(text)
            if type(detector) is not PatternDetector
            else _pattern_detect(detector, text)
        )
        if name is not None:
            found.append((detector.entity, name))
    return tuple(found)


class _Scan:
    """One scan: counters against the limits, and the findings so far."""

    __slots__ = (
        "chars",
        "findings",
        "json_layers",
        "limits",
        "max_string_chars",
        "max_total_chars",
        "nodes",
        "paths",
        "seen",
    )

    def __init__(self, limits: ScanLimits) -> None:
        self.limits = limits
        # Copied out of `limits`: read for every key and string.
        self.max_string_chars = limits.max_string_chars
        self.max_total_chars = limits.max_total_chars
        self.nodes = 1
        self.chars = 0
        self.findings: list[Finding] = []
        self.seen: set[tuple[str, str]] = set()
        # The pointers in `seen`: a string at any other pointer needs no (entity, pointer) test per
        # detector (scanfast25: a tuple, an attribute and a set lookup each, compiled).
        self.paths: set[str] = set()
        self.json_layers = 0  # how many JSON documents written inside strings this scan is within

    def add(self, entity: str, path: str, detector: str) -> None:
        if (entity, path) not in self.seen:
            self.seen.add((entity, path))
            self.paths.add(path)
            self.findings.append(Finding(entity=entity, path=path, detector=detector))

    def count_chars(self, text: str) -> None:
        size = len(text)
        self.chars += size
        if size > self.max_string_chars or self.chars > self.max_total_chars:
            self.over_limit(size)

    def over_limit(self, size: int) -> NoReturn:
        """Raise the limit a string of `size` characters broke (it has been counted in `chars`)."""
        if size > self.max_string_chars:
            raise exceeded("max_string_chars", self.max_string_chars)
        raise exceeded("max_total_chars", self.max_total_chars)

    def text(self, value: str, path: str, flags: int) -> None:
        """Run the text detectors on `value` as meant (`normalise`) and on what is hidden inside it
        (URL encoding, base64), each normalised too; nothing when `value` was found clean before under
        the same key context."""
        if (value, flags) not in CLEAN:
            self._read(value, flags, path)

    def _read(self, value: str, flags: int, path: str) -> None:
        """`text` for a string not in the table of clean ones; adds it there if it is clean."""
        meant = normalise(value)
        clean = self._detect(meant, flags, path, "")
        if may_be_encoded(meant):  # asked once: `hidden_variants` does not ask again
            for decoded, via in hidden_variants(meant):
                clean = self._detect(normalise(decoded), flags, path, via) and clean
                if decoded.lstrip()[:1] in _JSON_OPENERS:
                    # (text20) a JSON document in base64 (a webhook's forwarded payload): its members
                    # under their keys, as a JSON string's are
                    clean = self._embedded(decoded, flags, path, via=f"{via}+json") and clean
        first = value[:1]
        if first in _JSON_OPENERS or (first.isspace() and value.lstrip()[:1] in _JSON_OPENERS):
            clean = self._embedded(value, flags, path) and clean
        elif (reader := structured_reader(value)) is not None:
            # (text21) a PHP-serialised value (Magento 1 options, WordPress meta), an HL7 v2 message
            clean = self._embedded(value, flags, path, *reader) and clean
        elif "\n" in value:
            # (text18) a delimited table with a header (`tables`): its rows, as objects of its columns
            clean = self._embedded(value, flags, path, delimited_table, "table") and clean
            if (unbroken := id_lines.joined_lines(meant)) is not None:
                clean = self._unbroken(unbroken, flags, path) and clean  # (ids26) an id over two lines
        if "?" in value and "=" in value:
            # (numbers19) a URL's query string: its parameters, as an object of their names (`query_strings`)
            clean = self._embedded(value, flags, path, query_parameters, "query") and clean
        if "=" in value or "://" in value:
            # (ids26) an id after its scheme's name in name=value pairs or a URL's path (`named_ids`)
            clean = self._embedded(value, flags, path, named_ids, "named") and clean
        if clean:
            hold_clean(value, flags)

    def _unbroken(self, unbroken: str, flags: int, path: str) -> bool:
        """(ids26) An id broken over two lines (`id_lines`): the identity numbers the reading without
        the breaks finds, at the string's pointer. True when it finds none."""
        inner = _Scan(self.limits)
        inner.text(unbroken, path, flags)
        found = [finding for finding in inner.findings if finding.entity in id_lines.ID_ENTITIES]
        for finding in found:
            self.add(finding.entity, path, f"{finding.detector}+lines")
        return not found

    def _embedded(
        self, value: str, flags: int, path: str, read: Callable[[str], Any] = embedded_json, via: str = "json"
    ) -> bool:
        """Walk the JSON document `value` holds (`embedded`), if any, with the string's key context; what
        its members hold is reported at the string's pointer. True when there is none or it is clean.
        `read` may read another document (a table's rows: `tables`), `via` names it in the findings."""
        if self.json_layers >= _MAX_JSON_LAYERS:
            return True
        try:
            document = read(value)
        except RecursionError:  # nested past what Python's parser takes: far past max_depth
            raise exceeded("max_depth", self.limits.max_depth) from None
        if document is None:
            return True
        inner = _Scan(self.limits)
        inner.json_layers = self.json_layers + 1
        inner.nodes, inner.chars = self.nodes, self.chars
        inner.value(document, "", flags, flags & POSITIVE_MASK, 0)
        self.nodes, self.chars = inner.nodes, inner.chars
        for finding in inner.findings:
            self.add(finding.entity, path, f"{finding.detector}+{via}")
        return not inner.findings

    def _detect(self, value: str, flags: int, path: str, via: str) -> bool:
        """Run the detectors with a chance on `value` and record what they find at `path`. True when
        every one of them ran and none found anything: `value` is clean under `flags`."""
        if flags & NOT_NUMERIC and not reads_as_number(value):
            # The key says "a number" and the value is text: read it as text (`reads_as_number`).
            flags &= ~NOT_NUMERIC
        remembered = memo.table()
        if remembered is not None:
            detections = remembered.get((value, flags))
            if detections is None:
                detections = _detections(value, flags)
                if len(remembered) < memo.MAX_ENTRIES:
                    remembered[(value, flags)] = detections
            for entity, rule in detections:  # `add` keeps the first per (entity, path), as below
                self.add(entity, path, f"{rule}+{via}" if via else rule)
            return not detections
        chances = plan_of(value, flags)
        if chances is None:
            return True
        text, detectors, gates, union = chances
        # No word of any gate: every gated detector is passed over (`plans.planned`).
        closed = union != 0 and not text.cue_bits() & union
        seen = self.seen
        found_here = path in self.paths
        clean = True
        for index in range(len(detectors)):
            detector, gate = detectors[index], gates[index]
            if found_here and (detector.entity, path) in seen:
                clean = False  # not asked, so not known to be clean
                continue
            if gate and (closed or not text.cue_bits() & gate):
                continue  # asked, in effect: `detect` would pass over every rule (`plans.cue_gate`)
            # A native call for the usual class (compiled, a protocol call is a Python method lookup).
            name = (
                detector.detect(text)
                if type(detector) is not PatternDetector
                else _pattern_detect(detector, text)
            )
            if name is not None:
                clean = False
                found_here = True  # a later detector of the same entity is not asked
                self.add(detector.entity, path, f"{name}+{via}" if via else name)
        return clean

    def value(self, value: Any, path: str, flags: int, inherited: int, depth: int) -> int:
        """Scan one value; `flags` is its key context, `inherited` what its children inherit. Returns how
        many levels below its parent a part of a split value (`splits`) sits, through small containers,
        for the parent to read (0: none; 1: the value is one, or directly holds one; at most
        `splits.MAX_SPLIT_LEVELS`)."""
        if isinstance(value, str):
            self.count_chars(value)
            if len(value) >= _MIN_TEXT_CHARS or not value.isascii():
                self.text(value, path, flags)
            return 1 if splits.is_fragment(value) else 0
        if isinstance(value, dict):
            return self._object(value, path, flags, inherited, depth)
        if isinstance(value, list | tuple):
            self._container(depth, len(value))
            start, held = len(self.findings), 0
            # Elements keep the array's key as context ({"phones": ["+49..."]}).
            for index, child in enumerate(value):
                reach = self.value(child, f"{path}/{index}", flags, inherited, depth + 1)
                # A string is read at the array's level; a container's part one level further down.
                held = max(held, reach if type(child) is str else reach + 1 if reach else 0)
            if len(value) >= 2 and all(type(child) is str for child in value):
                self._joined(value, path, flags, start)
            if len(value) >= 2 and (address := splits.address_in_list(value, pairs.pair_of)) is not None:
                self._joined(address, path, flags, start)  # an address kept as lines or fields (addr23)
            return held if len(value) <= splits.MAX_SIBLING_PARTS and held <= splits.MAX_SPLIT_LEVELS else 0
        if isinstance(value, int | float) and not isinstance(value, bool):
            self.number(value, path, flags)
        elif not isinstance(value, bool) and value is not None:
            raise TypeError(f"generation parameters hold a non-JSON value of type {type(value).__name__}")
        return 0

    def _joined(self, parts: list[str] | tuple[str, ...], path: str, flags: int, start: int) -> None:
        """A value split across an array's strings (["jane.doe", "@", "example.com"], card groups) or an
        object's (`_split_values`) is read joined too; what it holds that no element held is reported under
        the container's pointer."""
        found = {finding.entity for finding in self.findings[start:]}
        joined = _Scan(self.limits)
        # What the container already holds would be dropped below: the joined reading does not ask those
        # detectors at all (`_detect` skips an (entity, pointer) already seen, and does not count the
        # string as clean then), so a phone number beside a prompt is not validated twice.
        joined.seen = {(entity, path) for entity in found}
        joined.paths = {path} if found else set()
        joined.text("".join(parts), path, flags)
        for finding in joined.findings:
            if finding.entity not in found:
                self.add(finding.entity, path, f"{finding.detector}+joined")

    def number(self, value: int | float, path: str, flags: int) -> None:
        """Numbers are read where a key says one may identify someone (a phone or card key), and an
        integer of a card number's 15 or 16 digits anywhere but under a key that says "a number" (a
        seed): as a string, it would be read. Other seeds, sizes and steps are skipped without being
        turned into text."""
        # `int | float`, not `float`: compiled, a `float` parameter turns the int 4111111111111111 into
        # the double whose str() is "4.111111111111111e+15", and the card number would go unread.
        if flags & NOT_NUMERIC:
            return
        if type(value) is float and value.is_integer():
            # A card or phone number exported through a float column (pandas writes 4532015112345670.0,
            # JavaScript may write 4.53201511234567e+15) is read as the integer it spells.
            value = int(value)
        if flags & POSITIVE_MASK or (type(value) is int and _CARD_SIZED_LOW <= value < _CARD_SIZED_HIGH):
            self.text(str(value), path, flags)

    def _key(self, key: str, hidden_path: str, inherited: int, hide: bool) -> str:
        """Scan a key that is not an identifier; return its member's pointer: `hidden_path` (its position,
        "*3") when the key holds personal data or is written as a name (`hide`), else "" (spelled)."""
        # A key can itself be an email or a phone. Then the pointer must not spell it, for the member and
        # everything below it.
        before = len(self.findings)
        self.text(key, hidden_path, inherited)
        return hidden_path if hide or len(self.findings) > before else ""

    def _object(self, obj: dict[Any, Any], path: str, flags: int, inherited: int, depth: int) -> int:
        """Scan an object's members, then its split values (`splits`); returns, as `value` does, how
        many levels below its parent a part of a split value sits (0 unless the object is small)."""
        self._container(depth, len(obj))
        owns, flags, inherited = owner_context(obj, flags, inherited)
        start, fragment, nested = len(self.findings), False, 0
        max_string_chars, max_total_chars = self.max_string_chars, self.max_total_chars
        # This loop runs for every member: the character count is kept in a local (written back
        # before anything that reads or updates it), and count_chars and text are inlined.
        chars = self.chars
        clean_values = CLEAN
        # A name/value pair's value is read under the name it carries (`pairs`).
        pair = pairs.pair_of(obj) if len(obj) <= pairs.MAX_MEMBERS else None
        for position, (raw_key, child) in enumerate(obj.items()):
            key = raw_key if isinstance(raw_key, str) else str(raw_key)
            size = len(key)
            chars += size
            if size > max_string_chars or chars > max_total_chars:
                self.chars = chars
                self.over_limit(size)
            member = members.table.get(key) or _member(key)
            plain, token, positive, own, rules, owner_rules, named, hide = (
                member if pair is None else members.paired(pair, key, member, _names)
            )
            # The member's pointer is spelled only when something needs it (a finding, a string the
            # detectors read, a container): most members are numbers or strings found clean before.
            child_path = ""
            if not plain:
                fragment |= splits.key_is_fragment(key)
                child_path = self._key(key, f"{path}/{HIDDEN_KEY}{position}", inherited, hide)
            elif named:  # an identifier-shaped key that is a name ("anna_kowalska")
                child_path = f"{path}/{HIDDEN_KEY}{position}"
                for entity, detector in named:
                    self.add(entity, child_path, detector)
            for rule in owner_rules if owns else rules:
                # (text21) An application's client id (ComfyUI's websocket, an OAuth client) is no
                # customer's: asked only where the customer-id rule would read one, not of every object.
                if accepts(rule, child) and not (
                    rule.entity == "CUSTOMER_ID" and key == application_client(obj)
                ):
                    child_path = child_path or f"{path}/{token}"
                    self.add(rule.entity, child_path, rule.name)
            child_inherited = inherited | positive
            child_flags = child_inherited | own
            # The exact JSON scalar types are handled here, without a call per member: most members
            # are scalars. Anything else (containers, subclasses, non-JSON values) goes through `value`.
            kind = type(child)
            if kind is str:
                size = len(child)
                # A part of a value split across the object's strings?
                fragment |= size > 0 and (child[0] in splits.FRAGMENT_STARTS or child[-1] == "@")
                chars += size
                if size > max_string_chars or chars > max_total_chars:
                    self.chars = chars
                    self.over_limit(size)
                readable = size >= _MIN_TEXT_CHARS or not child.isascii()
                if readable and (child, child_flags) not in clean_values:
                    self._read(child, child_flags, child_path or f"{path}/{token}")
            elif kind is int or kind is float:
                if not child_flags & NOT_NUMERIC and (  # `number`'s test
                    child_flags & POSITIVE_MASK or _CARD_SIZED_LOW <= child < _CARD_SIZED_HIGH
                ):
                    self.number(child, child_path or f"{path}/{token}", child_flags)
            elif kind is not bool and child is not None:
                read = widget_strings(child) if key == WIDGETS and graph_node(obj) else child
                self.chars = chars
                nested = max(
                    nested,
                    self.value(
                        read, child_path or f"{path}/{token}", child_flags, child_inherited, depth + 1
                    ),
                )
                chars = self.chars
        self.chars = chars
        self._split_values(obj, path, flags, start, own=fragment, nested=nested)
        return splits.reach(len(obj), own=fragment, nested=nested)

    def _split_values(
        self, obj: dict[Any, Any], path: str, flags: int, start: int, *, own: bool, nested: int
    ) -> None:
        """An object's values split over its members (`splits`): its readings joined (`_joined`). Parts of an
        address or a number are short, so a prompt beside them is not read twice; what a reading finds
        is reported under this object's pointer, which spells none of its keys. An e-mail address kept
        as its parts (`splits.address_parts`) is read joined too."""
        if own or nested:
            for parts in splits.readings(obj, own, nested):
                self._joined(parts, path, flags, start)
        fields = splits.address_members(obj) if splits.may_hold_address(obj) else None
        if fields is not None:  # a postal address kept as its fields (addr23)
            self._joined(fields, path, flags, start)
        if "domain" in obj:
            address = splits.address_parts(obj)
            if address is not None:
                self._joined(address, path, flags, start)
        # An id kept as its parts in sibling fields (ids26): most objects' keys were read before and name
        # no scheme (`id_parts.PLAIN_KEYS`), one set test.
        if not id_parts.PLAIN_KEYS.issuperset(obj) and id_parts.may_hold_parts(obj):
            self._id_parts(obj, path)

    def _id_parts(self, obj: dict[Any, Any], path: str) -> None:
        """Report an id split over an object's fields (`id_parts`) under each part's pointer."""
        keys = list(obj)
        for scheme, positions in id_parts.split_ids(obj):
            entity = "US_SSN" if scheme == "ssn" else "NATIONAL_ID"
            for position in positions:
                key = keys[position]
                member = members.table.get(key) or _member(key)
                # The member's pointer as the walk spelled it: hidden where the key is written as a
                # name or held a finding itself ("*3"), else the key (plain or not: "fødselsnummer").
                hidden = f"{path}/{HIDDEN_KEY}{position}"
                self.add(
                    entity,
                    hidden if member[7] or hidden in self.paths else f"{path}/{member[1]}",
                    "id_parts.joined",
                )

    def _container(self, depth: int, size: int) -> None:
        # Checked before stepping down, so the depth of recursion never exceeds max_depth.
        if depth >= self.limits.max_depth:
            raise exceeded("max_depth", self.limits.max_depth)
        self.nodes += size
        if self.nodes > self.limits.max_nodes:
            raise exceeded("max_nodes", self.limits.max_nodes)


def scan_parameters(obj: Any, *, limits: ScanLimits = DEFAULT_LIMITS) -> list[Finding]:
    """Find personal data in an image generator's parameters (any JSON value).

    Returns findings in document order, at most one per (entity, JSON pointer); a finding names the
    entity type and the RFC 6901 pointer of the value holding it, never the value. A key that itself
    holds personal data is not spelled in pointers: its token becomes `*N`, N its position in the object.
    Raises `ScanLimitExceeded` when the value is too deep or too large to scan within `limits`, and
    `TypeError` for values JSON cannot hold.
    """
    scan = _Scan(limits)
    scan.value(obj, "", 0, 0, 0)
    return scan.findings


def scan_text(
    text: str, *, path: str, context: str = "", limits: ScanLimits = DEFAULT_LIMITS
) -> list[Finding]:
    """Find personal data in one free-text value, such as an EXIF UserComment or a PNG tEXt chunk.

    `path` is reported in every finding; `context` is the field name, read like a JSON key
    (e.g. "UserComment", "phone"). Raises `ScanLimitExceeded` for text over `limits.max_string_chars`.
    """
    scan = _Scan(limits)
    scan.count_chars(text)
    flags = 0
    if context:
        _, _, positive, own, rules, _, _, _ = _member(context)
        for rule in rules:
            if accepts(rule, text):
                scan.add(rule.entity, path, rule.name)
        flags = positive | own
    if len(text) >= _MIN_TEXT_CHARS or not text.isascii():
        scan.text(text, path, flags)
    return scan.findings
