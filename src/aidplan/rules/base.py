"""What a finding is, and what a rule is: the catalogue's entries (one class per code) create findings, so a
code's severity is chosen once, in its entry, and never at the place that detects the problem."""

from __future__ import annotations

import enum
import inspect
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from aidplan.values import frozen

if TYPE_CHECKING:
    from collections.abc import Callable


class Severity(str, enum.Enum):
    error = "error"
    warning = "warning"


@frozen
class Finding:
    path: Path
    line: int
    column: int
    severity: Severity
    code: str  # stable, from the catalogue: E101 …, W204 …
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity.value}[{self.code}]: {self.message}"


def _same(text: str) -> str:
    return text


CATALOGUE: dict[str, type[Rule]] = {}  # code → rule, in the order the rules are defined


class Rule:
    """A finding code: its code, short name and severity; the docstring says what it means and holds a
    failing example, the message and the fix (`aidplan explain CODE` prints it). Its prose is Chinese, each
    paragraph a msgid of aidplan.messages' catalog (the English is in en.po, scripts/catalog.py extracts them);
    the indented example and message blocks are shown as they are in both languages."""

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
    def paragraphs(cls, translate: Callable[[str], str] = _same) -> list[str]:
        """The docstring's paragraphs, each prose paragraph through `translate` (the docstring is Chinese, the
        English is its translation in aidplan.messages' catalog); the indented example plan text and message are
        kept as they are."""
        return [part if part[:1].isspace() else translate(part) for part in prose_split(inspect.getdoc(cls) or "")]

    @classmethod
    def summary(cls, translate: Callable[[str], str] = _same) -> str:
        """The docstring's first paragraph, on one line: what the code means."""
        lines = [line.strip() for line in cls.paragraphs(translate)[0].split("\n")]
        text = lines[0]
        for line in lines[1:]:  # Chinese lines join without a space, English words with one
            text += (" " if text[-1:].isascii() and line[:1].isascii() else "") + line
        return text

    @classmethod
    def explanation(cls, translate: Callable[[str], str] = _same) -> str:
        """What `aidplan explain CODE` prints."""
        body = "\n\n".join(cls.paragraphs(translate))
        return f"{cls.code} {cls.name} ({cls.severity.value})\n\n{body}\n"


def prose_split(doc: str) -> list[str]:
    """A cleaned docstring's paragraphs (split at blank lines; an indented block stays one paragraph even if it
    holds blank lines)."""
    parts: list[str] = []
    for part in doc.split("\n\n"):
        if part[:1].isspace() and parts and parts[-1][:1].isspace():
            parts[-1] += "\n\n" + part
        else:
            parts.append(part)
    return parts
