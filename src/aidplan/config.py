"""The project config: aidplan.toml, or [tool.aidplan] in pyproject.toml, found by walking up from the current
folder (as ruff and yamllint do). Problems come back as located findings, like a plan's."""

from __future__ import annotations

import re
import sys
from dataclasses import field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from aidplan.errors import FindingsError
from aidplan.messages import later, localized, tr
from aidplan.patterns import lazy
from aidplan.plan.findings import Finding
from aidplan.plan.model import StyleOverrides
from aidplan.rules.reading import TomlSyntax, UnreadableFile
from aidplan.values import mutable

CONFIG_NAME = "aidplan.toml"
PYPROJECT = "pyproject.toml"


class Settings(BaseModel):
    """Every key the config may set. A new key is one line here; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    plans: list[str] = Field(["plans"], description="Plan files or folders commands use when given none.")
    calendars: list[str] | None = Field(
        None, description="Calendar files (*.calendar.yaml) or folders holding them. Default: beside each plan."
    )
    style: StyleOverrides = Field(default_factory=StyleOverrides, description="Style for all plans; a plan's wins.")
    lang: Literal["zh", "en"] | None = Field(None, description="Language of messages.")
    within: int | None = Field(None, ge=0, description="The default of due --within, in days.")
    docx_template: str | None = Field(
        None,
        min_length=1,
        description="The office's notice template (.docx): render fills it instead of printing the bare table, "
        "and check validates it.",
    )


@mutable
class ProjectConfig:
    """The settings, and the file they came from (None: no config found, all defaults)."""

    path: Path | None = None
    settings: Settings = field(default_factory=Settings)

    @property
    def root(self) -> Path:
        return self.path.parent if self.path is not None else Path()

    def _relative(self, entry: str) -> Path:
        """A path written in the config, as seen from the current folder (the config's folder is its base)."""
        import os

        path = Path(entry)
        if self.path is None or path.is_absolute():
            return path
        try:
            return Path(os.path.relpath(self.root / path))
        except ValueError:  # pragma: no cover - another drive on Windows
            return (self.root / path).resolve()

    def plan_paths(self) -> list[Path]:
        return [self._relative(entry) for entry in self.settings.plans]

    def docx_template(self) -> Path | None:
        return self._relative(self.settings.docx_template) if self.settings.docx_template else None

    def calendar_places(self) -> list[Path] | None:
        if self.settings.calendars is None:
            return None
        return [self._relative(entry) for entry in self.settings.calendars]


class ConfigError(FindingsError):
    """The project config has errors, so nothing was done (a usage error: exit code 2). `lang`: the language
    the config itself asks for (lang = "en"), when it can be read from the broken file, so that the command
    line can state the errors in it."""

    exit_code = 2

    def __init__(self, findings: list[Finding], lang: str | None = None) -> None:
        super().__init__(findings, tr("项目配置 {path} 有错误，没有执行任何操作", path=findings[0].path))
        self.lang = lang


_LANG_LINE = lazy(r"""^\s*lang\s*=\s*["'](zh|en)["']\s*(?:#.*)?$""", re.M)


def declared_language(text: str, section: dict[str, Any] | None = None) -> str | None:
    """The lang a config asks for: its value when the TOML parsed, else a `lang = "en"` line (a syntax error
    elsewhere in the file leaves that line readable)."""
    if section is not None:
        lang = section.get("lang")
        return lang if lang in ("zh", "en") else None
    found = _LANG_LINE.search(text)
    return found.group(1) if found else None


def _load_toml(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib.loads(text)


# tomllib's (and tomli's) problems, in the message language; {what} is the part they quote
_TOML_PROBLEMS = (
    (r"Unclosed array", later("方括号列表没有闭合（缺少“]”），或项与项之间缺少英文逗号“,”")),
    (r"Unclosed inline table", later("花括号表没有闭合（缺少“}”），或项与项之间缺少英文逗号“,”")),
    (r"Unterminated string", later("字符串没有结束（缺少后面的引号）")),
    (r"Invalid value", later('值写得不对：文字要加英文引号（如 "plans"），数字和 true/false 不加')),
    (r"Invalid statement", later("这一行既不是“键 = 值”，也不是 [表名]")),
    (r"Expected '=' after a key in a key/value pair", later("键的后面缺少“=”")),
    (
        r"Expected newline or end of document after a statement",
        later("一行只能写一个“键 = 值”；多余的内容请删去或加 #"),
    ),
    (r"Expected ']' at the end of a table declaration", later("表名的后面缺少“]”")),
    (r"Expected ']]' at the end of an array declaration", later("表数组名的后面缺少“]]”")),
    (r"Invalid initial character for a key part", later("键的写法不对：键只用英文字母、数字、_ 和 -，其他的要加引号")),
    (r"Invalid date or datetime", later("日期或时间写得不对")),
    (r"Invalid hex value", later("\\u 或 \\U 后面的十六进制数写得不对")),
    (r"Escaped character is not a Unicode scalar value", later("转义的字符不是有效的 Unicode 字符")),
    (r"Unescaped '\\' in a string", later("字符串里的“\\”要写成“\\\\”，或改用单引号")),
    (r"Cannot overwrite a value", later("同一个键写了两次")),
    (r"Cannot declare (?P<what>.+) twice", later("{what} 写了两次")),
    (r"Cannot mutate immutable namespace (?P<what>.+)", later("{what} 已经写完，不能再往里加键")),
    (r"Cannot redefine namespace (?P<what>.+)", later("{what} 已经写过，不能重新定义")),
    (r"Duplicate inline table key (?P<what>.+)", later("花括号表里的键 {what} 写了两次")),
    (r"(?:Found invalid|Illegal) character '\\n'", later("字符串没有结束（缺少后面的引号）")),  # a line break in it
    (r"(?:Found invalid|Illegal) character (?P<what>.+)", later("有不允许的字符 {what}")),
    (r"Expected (?P<what>.+)", later("这里应是 {what}")),
)


def _toml_key(quoted: str) -> str:
    """A key as tomllib quotes it ('a', or ('tool', 'aidplan') for a dotted one) as it is written: a, tool.aidplan."""
    parts = re.findall(r"'([^']*)'", quoted)
    return ".".join(parts) if quoted.startswith("(") and parts else quoted


def _toml_problem(problem: str) -> str:
    """tomllib's English problem, said in the message language (an unknown one: a hint to look at the line)."""
    for english, said in _TOML_PROBLEMS:
        found = re.fullmatch(english, problem.strip())
        if found:
            values = {key: _toml_key(value) for key, value in found.groupdict().items()}
            return localized(said).format(**values) if values else localized(said)
    return tr("这一行写法不对，请对照 TOML 的写法（键 = 值，文字加引号）")


def _toml_error(path: Path, exc: Exception) -> Finding:
    """A TOML syntax error at its line and column (tomllib states them in the message)."""
    message = str(exc)
    found = re.search(r"\(at line (\d+), column (\d+)\)", message)
    position = (int(found.group(1)), int(found.group(2))) if found else (1, 1)
    problem = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
    return TomlSyntax.at(path, position, tr("TOML 语法错误：{problem}", problem=_toml_problem(problem)))


# patterns, compiled by `re` when a config is first read (most runs have no config)
_HEADER = r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$"
_KEY = r"""^(\s*)((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*="""
_INLINE_KEY = r"""[{,]\s*([A-Za-z0-9_-]+|"[^"]*")\s*="""


def _split_key(text: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in re.split(r"\.(?=(?:[^\"']*[\"'][^\"']*[\"'])*[^\"']*$)", text))


def key_positions(text: str) -> dict[tuple[str, ...], tuple[int, int]]:
    """Where each key and table stands (line, column), by its full dotted path. tomllib gives no positions,
    so the text is scanned: table headers, `key = value` lines (dotted keys too) and keys of inline tables."""
    positions: dict[tuple[str, ...], tuple[int, int]] = {}
    table: tuple[str, ...] = ()
    in_multiline: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_multiline is not None:
            if line.count(in_multiline) % 2 == 1:
                in_multiline = None
            continue
        header = re.match(_HEADER, line)
        if header:
            table = _split_key(header.group(1))
            positions.setdefault(table, (number, line.index("[") + 1))
            continue
        key = re.match(_KEY, line)
        if not key:
            continue
        full = table + _split_key(key.group(2))
        positions.setdefault(full, (number, len(key.group(1)) + 1))
        rest = line[key.end() :]
        for inner in re.finditer(_INLINE_KEY, rest):
            positions.setdefault(full + (inner.group(1).strip('"'),), (number, key.end() + inner.start(1) + 1))
        for quote in ('"""', "'''"):
            if rest.count(quote) % 2 == 1:
                in_multiline = quote
    return positions


def _section(path: Path, data: dict[str, Any]) -> tuple[dict[str, Any] | None, tuple[str, ...]]:
    if path.name == PYPROJECT:
        tool = data.get("tool")
        section = tool.get("aidplan") if isinstance(tool, dict) else None
        return (section if isinstance(section, dict) else None), ("tool", "aidplan")
    return data, ()


def read_config(path: Path) -> ProjectConfig:
    """Read and validate a config file; raises ConfigError with every problem located."""
    from aidplan.files import InputTooLarge, NotARegularFile
    from aidplan.plan.loading import Document, validation_findings

    try:
        text = _config_text(path)
    except NotARegularFile as exc:
        raise ConfigError(
            [UnreadableFile.at(path, (1, 1), tr("无法读取项目配置：这是{kind}，不是普通文件", kind=exc.kind))]
        ) from None
    except InputTooLarge:
        message = tr(
            "无法读取项目配置：文件过大（最大 {MAX_CONFIG_BYTES} KB）", MAX_CONFIG_BYTES=MAX_CONFIG_BYTES // 1024
        )
        raise ConfigError([UnreadableFile.at(path, (1, 1), message)]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([UnreadableFile.at(path, (1, 1), tr("无法读取项目配置：{exc}", exc=exc))]) from None
    try:
        data = _load_toml(text)
    except ValueError as exc:  # tomllib.TOMLDecodeError is a ValueError
        raise ConfigError([_toml_error(path, exc)], declared_language(text)) from None
    section, prefix = _section(path, data)
    if section is None:
        return ProjectConfig(None)
    positions = {
        key[len(prefix) :]: place for key, place in key_positions(text).items() if key[: len(prefix)] == prefix
    }
    positions.setdefault((), (1, 1))
    document = Document(path, section, values=positions, keys=positions)
    try:
        settings = Settings.model_validate(section)
    except ValidationError as exc:
        raise ConfigError(validation_findings(document, exc, Settings), declared_language(text, section)) from None
    return ProjectConfig(path, settings)


MAX_CONFIG_BYTES = 1024 * 1024


def _config_text(path: Path) -> str:
    """The config's text, read through aidplan.files: a regular file, bounded, never replaced by an output."""
    from aidplan.files import read_input

    return read_input(path, MAX_CONFIG_BYTES, tr("项目配置")).decode("utf-8-sig")


def _declares_aidplan(path: Path) -> bool:
    from aidplan.files import InputTooLarge, NotARegularFile

    try:
        text = _config_text(path)
    except (OSError, UnicodeDecodeError, InputTooLarge, NotARegularFile):
        return False
    return re.search(r"^\s*\[\s*tool\s*\.\s*aidplan\b|^\s*tool\s*\.\s*aidplan\b", text, re.MULTILINE) is not None


def find_config(start: Path | None = None) -> Path | None:
    """The nearest aidplan.toml, or pyproject.toml with a [tool.aidplan] table, in `start` or a folder above."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _declares_aidplan(pyproject):
            return pyproject
    return None


def load_config(start: Path | None = None) -> ProjectConfig:
    """The project config in effect here: found by walking up, or all defaults when there is none."""
    path = find_config(start)
    if path is None:
        return ProjectConfig(None)
    import os

    try:
        shown = Path(os.path.relpath(path))  # messages name it as the user would type it
    except ValueError:  # pragma: no cover - another drive on Windows
        shown = path
    return read_config(shown)
