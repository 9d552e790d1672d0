"""What a check finds: a problem with its file, line, column, severity, stable code and message; and its
printed forms (text summary, JSON, GitHub workflow annotations)."""

from __future__ import annotations

import enum
import json
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


def summary(files: list[Path], findings: list[Finding]) -> str:
    errors = sum(f.severity is Severity.error for f in findings)
    warnings = len(findings) - errors
    return f"检查了 {len(files)} 个文件：{errors} 个错误，{warnings} 个警告"


def as_json(files: list[Path], findings: list[Finding]) -> str:
    errors = sum(f.severity is Severity.error for f in findings)
    payload = {
        "files": [str(path) for path in files],
        "errors": errors,
        "warnings": len(findings) - errors,
        "findings": [
            {
                "path": str(f.path),
                "line": f.line,
                "column": f.column,
                "severity": f.severity.value,
                "code": f.code,
                "message": f.message,
            }
            for f in findings
        ],
    }
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
            f"file={_escape_github(str(f.path), True)},line={f.line},col={f.column},"
            f"title={_escape_github('aidplan ' + f.code, True)}"
        )
        lines.append(f"::{f.severity.value} {props}::{_escape_github(f.message)}")
    return "\n".join(lines)
