"""Regular expressions compiled when first used, not when their module is imported.

`re` compiles a pattern with its parser written in Python: 1 to 3 million instructions per pattern of the time
grammar (a class of Chinese numerals is costly to compile), about 100 million for all of them, more than a third
of what `aidplan check` spends above the typer floor. Most plans use a few of these forms, so each pattern is
compiled the first time it is matched (and then kept, as a compiled pattern).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any


class LazyPattern:
    """A `re.Pattern` compiled on first use; its matching methods are the compiled pattern's."""

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
        return self._compiled

    def match(self, string: str, *args: int) -> re.Match[str] | None:
        return (self._compiled or self.compiled()).match(string, *args)

    def fullmatch(self, string: str, *args: int) -> re.Match[str] | None:
        return (self._compiled or self.compiled()).fullmatch(string, *args)

    def search(self, string: str, *args: int) -> re.Match[str] | None:
        return (self._compiled or self.compiled()).search(string, *args)

    def finditer(self, string: str, *args: int) -> Iterator[re.Match[str]]:
        return (self._compiled or self.compiled()).finditer(string, *args)

    def findall(self, string: str, *args: int) -> list[Any]:
        return (self._compiled or self.compiled()).findall(string, *args)

    def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str:
        return (self._compiled or self.compiled()).sub(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        return (self._compiled or self.compiled()).split(string, maxsplit)

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """`re.compile(pattern, flags)`, compiled when first used."""
    return LazyPattern(pattern, flags)


def any_of(characters: str) -> str:
    """A pattern for one of `characters`, the same as the class `[...]` of them but cheaper to compile for Chinese
    characters: `re` builds a 65,536-character bitmap, in Python, for a class of characters scattered beyond
    U+00FF (over a million instructions each time one is compiled, and the numerals' class is in most patterns of
    the time grammar), and an alternation of single characters compiles as one such class too. The last one is
    written `x{1}`, which keeps the alternation as it is: a branch per character, compiled in a fraction of that."""
    if len(characters) < 2:
        return re.escape(characters)
    return "(?:" + "|".join(re.escape(ch) for ch in characters[:-1]) + "|" + re.escape(characters[-1]) + "{1})"
