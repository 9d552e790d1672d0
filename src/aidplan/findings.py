"""What a check finds: a problem with its file, line, column, severity, stable code and message."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path


class Severity(str, enum.Enum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    column: int
    severity: Severity
    code: str  # stable, documented in README: E101 …, W204 …
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity.value}[{self.code}]: {self.message}"


def error(path: Path, position: tuple[int, int], code: str, message: str) -> Finding:
    return Finding(path, position[0], position[1], Severity.error, code, message)


def warning(path: Path, position: tuple[int, int], code: str, message: str) -> Finding:
    return Finding(path, position[0], position[1], Severity.warning, code, message)


def has_errors(findings: list[Finding], strict: bool = False) -> bool:
    """Whether the findings fail a check: any error, or with strict any warning too."""
    return any(f.severity is Severity.error or strict for f in findings)
