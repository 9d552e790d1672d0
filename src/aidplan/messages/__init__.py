"""Every message aidplan shows, in the user's language: Chinese (the default) or English.

The messages are written in Chinese in the code, and the Chinese text is the msgid: `tr("没有找到计划文件")`
is the message itself in Chinese, and its English comes from the gettext catalog en.po beside this module
(compiled to a .mo: in the wheel at build time, in a checkout on first use into a cache, see catalog.py).
Chinese therefore costs nothing at start-up: no catalog is read unless English is chosen.

The language, strongest first: `--lang`, the project config's `lang`, then the environment (LANGUAGE,
LC_ALL, LC_MESSAGES, LANG: `en_*` is English, anything else Chinese). The plan's own text is never
translated: values put into a message (`{label}`) are inserted as they are.

A leaf package: it imports nothing else of aidplan, so every layer may use it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any

__all__ = [
    "LANGUAGES",
    "Later",
    "language",
    "language_from_environment",
    "later",
    "localized",
    "set_language",
    "tr",
    "tr_text",
]

LANGUAGES = ("zh", "en")
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order

_STATE: dict[str, Any] = {"lang": "zh", "catalog": None}


def tr(msgid: str, /, **values: Any) -> str:
    """The message in the current language, with `values` put into its {placeholders} (str.format). A translation
    says a count's plural as a placeholder with the singular and plural forms for its format spec, `#` standing
    for the number: "{v0:# paragraph|# paragraphs} under the table" (Chinese has no plural forms)."""
    catalog = _STATE["catalog"]
    if catalog is None:
        return msgid.format(**values) if values else msgid
    text = catalog.gettext(msgid)
    return _plural_formatter().format(text, **values) if values else text


def _plural_formatter() -> Any:
    formatter = _STATE.get("plural")
    if formatter is None:
        import string

        class Plural(string.Formatter):
            def format_field(self, value: Any, format_spec: str) -> Any:
                if "|" in format_spec and isinstance(value, int):
                    one, many = format_spec.split("|", 1)
                    return (one if value == 1 else many).replace("#", str(value))
                return super().format_field(value, format_spec)

        formatter = _STATE["plural"] = Plural()
    return formatter


def tr_text(msgid: str, /) -> str:
    """A msgid written outside a tr() call in the current language, as it is (no placeholders filled): the
    paragraphs of the finding catalogue's docstrings (src/aidplan/rules), which scripts/catalog.py extracts."""
    catalog = _STATE["catalog"]
    return catalog.gettext(msgid) if catalog is not None else msgid


def language() -> str:
    """The language messages are localized in now: "zh" or "en"."""
    return _STATE["lang"]


def set_language(lang: str) -> None:
    """Show every message from now on in `lang` ("zh" or "en")."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    if lang == _STATE["lang"]:
        return
    if lang == "zh":
        _STATE.update(lang="zh", catalog=None)
        return
    from aidplan.messages.catalog import translations

    _STATE.update(lang=lang, catalog=translations(lang))


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language the locale variables ask for: the first one set decides, as gettext reads them; `en_US.UTF-8`,
    `en` and `en_GB:zh_CN` are English, everything else (zh_CN, C, POSIX, unset) Chinese."""
    environ = os.environ if environ is None else environ
    for name in ENVIRONMENT:
        value = environ.get(name, "")
        if value:
            first = value.split(":")[0].strip().lower()
            return "en" if first == "en" or first.startswith(("en_", "en.", "en@", "en-")) else "zh"
    return "zh"


# --- messages made before the language is known (help texts built when the command line is defined) -------------

_LATER: dict[str, Later] = {}  # the Chinese text → its Later, to find it again after click copied the text


class Later(str):
    """A message fixed where it is defined (its Chinese text is the str's value, what it shows by default) and
    localized in the language in force where it is localized: `localized(text)`."""

    render: Callable[[], str]

    def __new__(cls, render: Callable[[], str]) -> Later:
        current, _STATE["catalog"] = _STATE["catalog"], None  # its value is the Chinese text, whatever is in force
        try:
            self = super().__new__(cls, render())
        finally:
            _STATE["catalog"] = current
        self.render = render
        _LATER[str(self)] = self
        _LATER.setdefault(_cleaned(str(self)), self)
        return self


def later(msgid: str, /, **values: Any) -> Later:
    """`tr(msgid, **values)` when it is localized; a value that is itself a Later is localized in the same language."""
    return Later(lambda: tr(msgid, **{name: localized(value) for name, value in values.items()}))


def localized(text: Any) -> Any:
    """A Later (or the text a Later made, as click keeps it) in the current language; anything else as it is."""
    if isinstance(text, Later):
        return text.render()
    if isinstance(text, str) and _STATE["catalog"] is not None:
        found = _LATER.get(text) or _LATER.get(_cleaned(text))
        if found is not None:
            return found.render()
    return text


def _cleaned(text: str) -> str:
    import inspect

    return inspect.cleandoc(text)
