"""The exceptions factdiff raises; only the CLI turns them into messages and exit codes.

    FactdiffError
     +-- InputError        an input could not be read or decoded (names the file and why)
     +-- ConfigError       an option or setting has a value factdiff cannot use

A discrepancy between articles is data, never an exception.
"""

from __future__ import annotations


class FactdiffError(Exception):
    """Base class of every error factdiff raises on purpose."""


class InputError(FactdiffError):
    """An input file could not be read: `path` names it, `reason` says why."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"cannot read {path}: {reason}")
        self.path = path
        self.reason = reason


class ConfigError(FactdiffError):
    """A setting has a value factdiff cannot use."""
