"""The gettext catalogs: en.po (kept in the repository, edited by hand) compiled to a .mo.

A wheel carries locale/en/LC_MESSAGES/aidplan.mo, compiled by the build hook (hatch_build.py) from en.po. A
checkout (an editable install made by `uv sync`) has only the .po (the hook compiles nothing into the source
tree, so no stale .mo can shadow an edited one): there the .mo is compiled on first use into the user's cache
folder, named by the .po's size and time, so an edited or pulled en.po is compiled again. Where the cache
cannot be written, the catalog is compiled in memory.

Standard library only: the build hook loads this file by its path, before aidplan is installed.
"""

from __future__ import annotations

import ast
import os
import struct
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DOMAIN = "aidplan"


def po_path(lang: str) -> Path:
    return HERE / f"{lang}.po"


def mo_path(lang: str, root: Path = HERE) -> Path:
    """Where the wheel keeps a compiled catalog (under `root`, the package folder)."""
    return root / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def read_po(text: str) -> dict[str, str]:
    """msgid → msgstr of a .po file's entries (the header's empty msgid included; fuzzy entries left out, as
    msgfmt does). Only what aidplan's catalogs use: msgid/msgstr with continued strings, comments."""
    entries: dict[str, str] = {}
    msgid: list[str] | None = None
    msgstr: list[str] | None = None
    current: list[str] | None = None
    fuzzy = False

    def flush() -> None:
        nonlocal msgid, msgstr, fuzzy
        if msgid is not None and msgstr is not None and not fuzzy:
            entries["".join(msgid)] = "".join(msgstr)
        msgid = msgstr = None
        fuzzy = False

    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            flush()
            continue
        if line.startswith("#"):
            if msgstr is not None:
                flush()
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        if line.startswith("msgid "):
            if msgstr is not None:
                flush()
            msgid, current = [], None
            current = msgid
            line = line[len("msgid ") :]
        elif line.startswith("msgstr "):
            msgstr = []
            current = msgstr
            line = line[len("msgstr ") :]
        if current is None or not line.startswith('"'):
            raise ValueError(f"line {number}: not a .po line: {raw!r}")
        current.append(ast.literal_eval(line))
    flush()
    return entries


def mo_bytes(entries: dict[str, str]) -> bytes:
    """A GNU .mo file of the entries (those with a translation), as msgfmt writes it: sorted, no hash table."""
    items = sorted((k.encode(), v.encode()) for k, v in entries.items() if v)
    count = len(items)
    keys_start = 7 * 4
    values_start = keys_start + count * 8
    data_start = values_start + count * 8
    ids = strs = b""
    key_table: list[int] = []
    value_table: list[int] = []
    for key, _ in items:
        key_table += [len(key), data_start + len(ids)]
        ids += key + b"\0"
    strs_start = data_start + len(ids)
    for _, value in items:
        value_table += [len(value), strs_start + len(strs)]
        strs += value + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, keys_start, values_start, 0, 0)
    return header + struct.pack(f"<{2 * count}I", *key_table) + struct.pack(f"<{2 * count}I", *value_table) + ids + strs


def compile_po(po: Path, mo: Path) -> None:
    """Write `mo` from `po` (through a temporary file in the same folder, then rename)."""
    data = mo_bytes(read_po(po.read_text(encoding="utf-8")))
    mo.parent.mkdir(parents=True, exist_ok=True)
    temporary = mo.with_name(f".{mo.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, mo)


def _cache_folder() -> Path:
    base = (
        os.environ.get("XDG_CACHE_HOME")
        or (os.environ.get("LOCALAPPDATA") if os.name == "nt" else None)
        or Path.home() / ".cache"
    )
    return Path(base) / "aidplan"


def translations(lang: str) -> Any:
    """The gettext translations of `lang`: the shipped .mo, else the .po compiled (cached), else none."""
    import gettext
    import io

    po, shipped = po_path(lang), mo_path(lang)
    try:
        po_stat = po.stat()
    except OSError:
        po_stat = None
    if shipped.is_file():  # an installed wheel (a checkout has no compiled catalog in its source tree)
        with shipped.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    if po_stat is None:
        return gettext.NullTranslations()
    cached = _cache_folder() / f"{lang}-{po_stat.st_size}-{po_stat.st_mtime_ns}.mo"
    try:
        if not cached.is_file():
            compile_po(po, cached)
        with cached.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except OSError:  # no cache folder to write: compile in memory
        return gettext.GNUTranslations(io.BytesIO(mo_bytes(read_po(po.read_text(encoding="utf-8")))))
