"""The printed forms of findings (text summary, JSON, GitHub workflow annotations); a finding itself, and the
catalogue of its codes, is aidplan.rules."""

from __future__ import annotations

from pathlib import Path

from aidplan.files import shown
from aidplan.messages import tr
from aidplan.rules.base import Finding, Severity

__all__ = ["Finding", "Severity", "as_github", "as_json", "as_text", "has_errors", "summary"]


def as_text(f: Finding) -> str:
    """The finding as printed (path:line:col: severity[CODE]: message), with the path printable: a file name
    that is not UTF-8 (a GBK name) or holds a line break would otherwise crash the output or break the line."""
    text, raw = str(f), str(f.path)
    printable = shown(raw)
    return printable + text[len(raw) :] if printable != raw and text.startswith(raw) else text


def has_errors(findings: list[Finding], strict: bool = False) -> bool:
    """Whether the findings fail a check: any error, or with strict any warning too."""
    return any(f.severity is Severity.error or strict for f in findings)


def summary(files: list[Path], findings: list[Finding]) -> str:
    errors = sum(f.severity is Severity.error for f in findings)
    warnings = len(findings) - errors
    return tr(
        "检查了 {count} 个文件：{errors} 个错误，{warnings} 个警告", count=len(files), errors=errors, warnings=warnings
    )


def as_json(files: list[Path], findings: list[Finding]) -> str:
    errors = sum(f.severity is Severity.error for f in findings)
    payload = {
        "files": [shown(path) for path in files],
        "errors": errors,
        "warnings": len(findings) - errors,
        "findings": [
            {
                "path": shown(f.path),
                "line": f.line,
                "column": f.column,
                "severity": f.severity.value,
                "code": f.code,
                "message": f.message,
            }
            for f in findings
        ],
    }
    import json  # only for -f json: not at every start

    return json.dumps(payload, ensure_ascii=False, indent=2)


def _escape_github(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def as_github(findings: list[Finding]) -> str:
    """One ::error/::warning workflow command per finding, so GitHub marks the line in the diff."""
    lines = []
    for f in findings:
        props = (
            f"file={_escape_github(shown(f.path), True)},line={f.line},col={f.column},"
            f"title={_escape_github('aidplan ' + f.code, True)}"
        )
        lines.append(f"::{f.severity.value} {props}::{_escape_github(f.message)}")
    return "\n".join(lines)
