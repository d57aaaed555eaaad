"""Quarantine review and replay: read decision histories, re-decide or re-inject, release by a person."""
