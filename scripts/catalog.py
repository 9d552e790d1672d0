"""Keep the English catalog (src/aidplan/messages/en.po) in step with the messages in the code.

    python scripts/catalog.py          # add the new msgids (msgstr empty, to translate), drop the stale ones

Every message is written in Chinese in the code as `tr("…")` or `later("…")` (aidplan.messages); the Chinese
text is the msgid. So is each prose paragraph of a finding code's docstring in src/aidplan/rules (what
`aidplan explain` prints, through `tr_text`). tests/test_messages.py fails while a msgid has no English or the
catalog has one the code no longer uses, and names them. Entries are sorted by msgid, so that messages added on
two branches rarely meet in the same lines.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "aidplan"
PO = SRC / "messages" / "en.po"
MARKERS = ("tr", "later")
HEADER = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Project-Id-Version: aidplan\\n"\n'
    '"Language: en\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
)


def extract(src: Path = SRC) -> dict[str, list[str]]:
    """msgid → where it is used (path:line), for every tr("…")/later("…") whose first argument is a literal."""
    found: dict[str, list[str]] = {}
    for path in sorted(src.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                where = f"{path.relative_to(src.parent.parent)}:{node.lineno}"
                found.setdefault(node.args[0].value, []).append(where)
            elif isinstance(node, ast.ClassDef) and path.parent.name == "rules" and _is_rule(node):
                for paragraph in _prose(ast.get_docstring(node) or ""):
                    found.setdefault(paragraph, []).append(f"{path.relative_to(src.parent.parent)}:{node.lineno}")
    return found


def _is_rule(node: ast.ClassDef) -> bool:
    """A finding code's class in src/aidplan/rules: it sets `code`."""
    return any(
        isinstance(item, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "code" for t in item.targets)
        for item in node.body
    )


def _prose(doc: str) -> list[str]:
    """A rule docstring's paragraphs that `aidplan explain` translates (Rule.paragraphs): all but the indented
    example plan text and message."""
    return [part for part in doc.split("\n\n") if part and not part[:1].isspace()]


def unmarked_calls(src: Path = SRC) -> list[str]:
    """tr(…)/later(…) whose msgid is not a literal: no catalog can hold it (path:line)."""
    problems = []
    for path in sorted(src.rglob("*.py")):
        if path.parent.name == "messages":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            marked = isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS
            if marked and not (
                node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
            ):
                problems.append(f"{path.relative_to(src.parent.parent)}:{node.lineno}")
    return problems


def _quote(text: str) -> str:
    """A .po string: one line per line of the text, escaped as C strings are."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    if len(parts) == 1:
        return f'"{parts[0]}"'
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


def write_po(entries: dict[str, str], path: Path = PO) -> None:
    body = [HEADER]
    for msgid in sorted(entries):
        body.append(f"msgid {_quote(msgid)}\nmsgstr {_quote(entries[msgid])}\n")
    path.write_text("\n".join(body), encoding="utf-8")


def read_catalog(path: Path = PO) -> dict[str, str]:
    import importlib.util

    # the runtime's own reader (standard library only), loaded by its path: aidplan need not be installed
    spec = importlib.util.spec_from_file_location("_aidplan_catalog", SRC / "messages" / "catalog.py")
    runtime = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(runtime)  # type: ignore[union-attr]
    entries = runtime.read_po(path.read_text(encoding="utf-8")) if path.exists() else {}
    entries.pop("", None)
    return entries


def main() -> int:
    used = extract()
    known = read_catalog()
    added = sorted(set(used) - set(known))
    stale = sorted(set(known) - set(used))
    write_po({msgid: known.get(msgid, "") for msgid in used})
    for msgid in added:
        print(f"new, to translate: {msgid!r} ({used[msgid][0]})")
    for msgid in stale:
        print(f"dropped, no longer used: {msgid!r}")
    untranslated = [msgid for msgid in used if not known.get(msgid)]
    print(f"{len(used)} messages, {len(untranslated)} without English")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
