"""Write a recognised plan as YAML in the house style of plans/*.yaml: comments at the top saying where it came
from, every guess made and what found no place; keys in the order people read them; strings plain where YAML
reads them back as the same text, double-quoted otherwise."""

from __future__ import annotations

import datetime as dt
import json
import re

import yaml

from aidplan.ingest.recognise import Recognised

# libyaml's loader where PyYAML has it: a plan has thousands of scalars, each read back once
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CHINESE = re.compile(r"[\u4e00-\u9fff][\u3000-\u303f\u4e00-\u9fff\uff01-\uff5e0-9A-Za-z]*")
_PLAIN_START = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`]")


def scalar(value: object) -> str:
    """A YAML scalar that reads back as exactly `value`."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if _CHINESE.fullmatch(text):
        return text  # YAML resolves no type from a Chinese first character: plain, without reading it back
    plain = text and _PLAIN_START.match(text) and text == text.strip() and "\n" not in text
    if plain and ": " not in text and " #" not in text and not text.endswith(":"):
        try:
            if yaml.load(f"k: {text}", Loader=_LOADER) == {"k": text}:
                return text
        except yaml.YAMLError:
            pass
    return json.dumps(text, ensure_ascii=False)


def _mapping(data: dict, indent: int, first_prefix: str | None = None) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for number, (key, value) in enumerate(data.items()):
        prefix = first_prefix if number == 0 and first_prefix is not None else pad
        if isinstance(value, (dict, list)) and not value:
            lines.append(f"{prefix}{key}: {'{}' if isinstance(value, dict) else '[]'}")
        elif isinstance(value, dict):
            lines.append(f"{prefix}{key}:")
            lines += _mapping(value, indent + 2)
        elif isinstance(value, list):
            lines.append(f"{prefix}{key}:")
            lines += _sequence(value, indent + 2)
        else:
            lines.append(f"{prefix}{key}: {scalar(value)}")
    return lines


def _sequence(items: list, indent: int) -> list[str]:
    lines: list[str] = []
    pad = " " * indent
    for item in items:
        if isinstance(item, dict):
            lines += _mapping(item, indent + 2, first_prefix=f"{pad}- ")
        else:
            lines.append(f"{pad}- {scalar(item)}")
    return lines


def _comment(text: str, indent: str = "# ") -> list[str]:
    return [f"{indent}{line}".rstrip() for line in text.splitlines() or [""]]


TOP_KEYS = (
    "title",
    "year",
    "term",
    "organisation",
    "attachment",
    "term",
    "layout",
    "numbering",
    "numbering_scope",
    "columns",
    "headers",
    "category_rows",
    "owners",
)


def plan_yaml(recognised: Recognised, source: str, kind: str) -> str:
    """The plan file's text."""
    data = recognised.data
    lines = [f"# 由 aidplan import 从 {source}（{kind}）导入；措辞、标点和时段名称照原文。"]
    if recognised.guesses:
        lines.append("# 导入时的推测（请核对）：")
        for guess in recognised.guesses:
            lines += _comment(f"  - {guess}")
    if recognised.unplaced:
        lines.append("# 没能放进计划的内容（原文保留在这里，请手工处理）：")
        for item in recognised.unplaced:
            lines += _comment(f"  - {item}")
    top = {key: data[key] for key in TOP_KEYS if key in data}
    lines += _mapping(top, 0)
    for key in (
        "preamble",
        "recurring",
        "periods",
        "groups",
        "tables",
        "tasks",
        "notes",
        "closing",
        "signature",
        "style",
    ):
        if key in data:
            lines.append("")
            lines += _mapping({key: data[key]}, 0)
    return "\n".join(lines) + "\n"
