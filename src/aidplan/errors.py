"""The one error hierarchy of aidplan; the CLI turns each into a message and an exit code."""

from __future__ import annotations


class AidplanError(Exception):
    """A problem the user can fix; its message is shown as is, without a traceback."""

    exit_code = 1


class UsageError(AidplanError):
    """The command was called wrongly (missing path, unknown format, bad option value)."""

    exit_code = 2


class RenderError(AidplanError):
    """A document could not be produced (a converter is missing or failed)."""


class OutputError(AidplanError):
    """A file could not be written; any earlier file of that name is left as it was."""
