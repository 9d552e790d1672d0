"""Named families of values that grow (output formats, layouts, statuses): each value set is written once,
here or in the stage that owns it, and the command line's choices are a registry's keys.

A registry is cheap to import: an entry names its implementation as "module:attribute", imported only when
the entry is used, so `aidplan --help` builds its choices without loading any writer.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Iterator, Mapping
from typing import Any

from aidplan.values import frozen


@frozen
class Line:
    """A line a writer gives the command line to print: its style picks the colour on a terminal."""

    text: str
    style: str = ""  # error | warning | overdue | upcoming | done | heading | dim | ""
    err: bool = False  # to standard error (summaries beside a machine-readable output)


@frozen
class Entry:
    name: str
    help: str  # one line for --help and for messages listing the choices
    target: str = ""  # "package.module:attribute" of the implementation, imported on first use
    extension: str = ""  # for formats that write files: the suffix of the file

    def load(self) -> Any:
        module, _, attribute = self.target.partition(":")
        return getattr(importlib.import_module(module), attribute)


class Registry(Mapping[str, Entry]):
    """An ordered family of entries by name."""

    def __init__(self, family: str, *entries: Entry) -> None:
        self.family = family
        self._entries = {entry.name: entry for entry in entries}
        if len(self._entries) != len(entries):
            raise ValueError(f"{family}: an entry name is repeated")

    def __getitem__(self, name: str) -> Entry:
        return self._entries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def load(self, name: str) -> Any:
        return self._entries[name].load()

    def choices(self) -> type[enum.Enum]:
        """The names as a str Enum, for typer's choice options (values are the names, as typed)."""
        return enum.Enum(self.family, {name: name for name in self._entries}, type=str)  # type: ignore[return-value]

    def listing(self) -> str:
        """The names as one would list them in a message: "docx, md, pdf"."""
        return ", ".join(self._entries)
