"""What a finding is, and what a rule is: the catalogue's entries (one class per code) create findings, so a
code's severity is chosen once, in its entry, and never at the place that detects the problem."""

from __future__ import annotations

import enum
import inspect
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar


class Severity(str, enum.Enum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    column: int
    severity: Severity
    code: str  # stable, from the catalogue: E101 …, W204 …
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity.value}[{self.code}]: {self.message}"


CATALOGUE: dict[str, type[Rule]] = {}  # code → rule, in the order the rules are defined


class Rule:
    """A finding code: its code, short name and severity; the docstring says what it means and holds a
    failing example, the message and the fix (`aidplan explain CODE` prints it)."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        if cls.code in CATALOGUE:
            raise ValueError(f"finding code {cls.code} is defined twice")
        if cls.code[0] != cls.severity.value[0].upper():
            raise ValueError(f"{cls.code}: the code's letter does not match its severity {cls.severity.value}")
        CATALOGUE[cls.code] = cls

    @classmethod
    def at(cls, path: Path, position: tuple[int, int], message: str) -> Finding:
        """A finding of this rule in `path` at (line, column)."""
        return Finding(path, position[0], position[1], cls.severity, cls.code, message)

    @classmethod
    def summary(cls) -> str:
        """The docstring's first paragraph, on one line: what the code means."""
        return " ".join(inspect.getdoc(cls).split("\n\n")[0].split())  # type: ignore[union-attr]

    @classmethod
    def explanation(cls) -> str:
        """What `aidplan explain CODE` prints."""
        return f"{cls.code} {cls.name} ({cls.severity.value})\n\n{inspect.getdoc(cls)}\n"
