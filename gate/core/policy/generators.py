"""Approved generators as the policy lists them (`models.approved`), and how a declared version matches."""

from __future__ import annotations

from dataclasses import dataclass

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version

_OPERATORS = ("<", ">", "=", "!", "~")


@dataclass(frozen=True, slots=True)
class ApprovedModel:
    """One approved generator. `versions` empty: any version; otherwise any of the entries, each an exact
    version string ("2024-05-13") or a PEP 440 range (">=1.0,<2")."""

    provider: str
    name: str
    versions: tuple[str, ...] = ()

    def approves(self, provider: str | None, name: str | None, version: str | None) -> bool:
        """Whether the declared provider, name and version fall under this entry (names ignore case)."""
        if provider is None or name is None:
            return False
        if provider.casefold() != self.provider.casefold() or name.casefold() != self.name.casefold():
            return False
        if not self.versions:
            return True
        return version is not None and any(version_matches(version, entry) for entry in self.versions)


def version_matches(version: str, entry: str) -> bool:
    """`version` against one entry: a range when the entry starts with an operator, else the exact text.

    A version that is not PEP 440 never falls in a range (fail closed: unapproved).
    """
    if not entry.startswith(_OPERATORS):
        return version == entry
    try:
        return Version(version) in SpecifierSet(entry, prereleases=True)
    except (InvalidSpecifier, InvalidVersion):
        return False


def specifier_problem(entry: str) -> str | None:
    """Why a policy's version entry is unusable (None when it is fine); checked when the policy loads."""
    if not entry.startswith(_OPERATORS):
        return None
    try:
        SpecifierSet(entry)
    except InvalidSpecifier:
        return f"{entry!r} is not a PEP 440 version range (e.g. '>=1.0,<2')"
    return None
