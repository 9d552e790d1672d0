"""The one error hierarchy of aidplan; the CLI turns each into a message and an exit code."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only for the annotation: errors stays a leaf
    from aidplan.rules.base import Finding


class AidplanError(Exception):
    """A problem the user can fix; its message is shown as is, without a traceback."""

    exit_code = 1


class UsageError(AidplanError):
    """The command was called wrongly (missing path, unknown format, bad option value)."""

    exit_code = 2


class FindingsError(AidplanError):
    """Plans or progress files have problems, so the command did nothing; the CLI prints the findings
    (each as path:line:col: severity[CODE]: message) before the message."""

    def __init__(self, findings: Sequence[Finding], message: str) -> None:
        super().__init__(message)
        self.findings = list(findings)


class RenderError(AidplanError):
    """A document could not be produced (a converter is missing or failed)."""


class OutputError(AidplanError):
    """A file could not be written; any earlier file of that name is left as it was."""
