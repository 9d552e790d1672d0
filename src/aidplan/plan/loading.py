"""Read a plan file safely, keeping every value's line and column, and validate it into a Plan."""

from __future__ import annotations

import bisect
import functools
import re
import shlex
import types
import typing
from dataclasses import field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from aidplan.messages import later, localized, tr
from aidplan.patterns import lazy
from aidplan.plan.findings import Finding
from aidplan.plan.model import COLUMN_FORMS, TABLE_SHAPE, Plan
from aidplan.rules.base import Rule
from aidplan.rules.reading import (
    AnchorOrAlias,
    BinaryFile,
    ControlCharacter,
    DuplicateKey,
    FileTooLarge,
    NotOneDocument,
    NotUtf8,
    SchemaError,
    TableShape,
    TooDeep,
    UnreadableFile,
    YamlSyntax,
)
from aidplan.values import mutable

MAX_BYTES = 2 * 1024 * 1024
# characters XML 1.0 (and so DOCX) cannot carry: C0 controls but tab and line breaks, surrogates, U+FFFE/F
# (two classes, the second written {1} so that re does not join them: one class of them all costs a 65,536-character
# bitmap built in Python to compile)
UNPRINTABLE = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f]|[\ud800-\udfff\ufffe\uffff]{1}")
MAX_DEPTH = 32

try:  # the C loader is ~6× faster; PyYAML wheels ship it, but a source build may lack libyaml
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Location = tuple[Any, ...]
Position = tuple[int, int]


@mutable
class Document:
    """A YAML file read into plain values, with the position of every value and every key."""

    path: Path
    data: Any
    values: dict[Location, Position] = field(default_factory=dict)
    keys: dict[Location, Position] = field(default_factory=dict)
    text: str = ""  # the text it was read from
    sources: dict[Location, str] = field(default_factory=dict)  # as written, for values read as numbers etc.

    def position(self, location: Location, key: bool = False) -> Position:
        """Where the value at `location` stands (or its key), else its nearest enclosing value."""
        if key and location in self.keys:
            return self.keys[location]
        for end in range(len(location), -1, -1):
            if location[:end] in self.values:
                return self.values[location[:end]]
        return (1, 1)


@mutable
class LoadedPlan:
    """A plan file's outcome: the validated plan (None when it has errors) and what was found."""

    path: Path
    plan: Plan | None
    document: Document | None
    findings: list[Finding]


class LoadFailure(Exception):
    def __init__(self, finding: Finding) -> None:
        super().__init__(finding.message)
        self.finding = finding


def _position_of_offset(raw: bytes, offset: int) -> Position:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[line_start:offset].decode("utf-8", "replace")) + 1


STDIN = Path("-")  # a plan given as "-" is read from standard input


@functools.cache
def _stdin_bytes(limit: int) -> bytes:
    """Standard input, read once however many times the file is asked for (check reads a plan twice)."""
    import sys

    from aidplan.files import InputTooLarge

    raw = sys.stdin.buffer.read(limit + 1)
    if len(raw) > limit:
        raise InputTooLarge(len(raw))
    return raw


def _utf16_without_bom(raw: bytes) -> str | None:
    """ "UTF-16LE"/"UTF-16BE" when text without a BOM has a NUL in every other byte (ASCII and CJK saved by
    an editor as "Unicode") and decodes as such without control characters; else None (binary junk)."""
    for name, zeros in (("UTF-16LE", raw[1::2]), ("UTF-16BE", raw[0::2])):
        if len(raw) >= 2 and len(raw) % 2 == 0 and zeros.count(0) >= len(zeros) // 4:
            try:
                text = raw.decode(name.lower().replace("utf-16", "utf-16-"))
            except UnicodeDecodeError:
                continue
            if not UNPRINTABLE.search(text):
                return name
    return None


def read_text(path: Path, max_bytes: int = MAX_BYTES, role: str = later("计划")) -> str:
    """The file's text: UTF-8 with or without BOM; any other encoding, binary, oversize or a file that is not
    a regular file (a FIFO, /dev/zero) is refused."""
    from aidplan.files import InputTooLarge, NotARegularFile, os_reason, read_input

    try:
        raw = _stdin_bytes(max_bytes) if path == STDIN else read_input(path, max_bytes, localized(role))
    except InputTooLarge as exc:
        limit = f"{max_bytes // 1024 // 1024} MB"
        size = f"{exc.size / 1024 / 1024:.1f} MB" if exc.size > max_bytes + 1 else tr("超过 {limit}", limit=limit)
        raise LoadFailure(
            FileTooLarge.at(path, (1, 1), tr("文件过大（{size}），计划文件最大 {limit}", size=size, limit=limit))
        ) from None
    except NotARegularFile as exc:
        message = tr("无法读取文件：这是{kind}，不是普通文件；计划和进度文件应是普通的文本文件", kind=exc.kind)
        raise LoadFailure(UnreadableFile.at(path, (1, 1), message)) from None
    except OSError as exc:
        raise LoadFailure(UnreadableFile.at(path, (1, 1), tr("无法读取文件：{value}", value=os_reason(exc)))) from None
    for bom, name in (
        (b"\xff\xfe\x00\x00", "UTF-32"),
        (b"\x00\x00\xfe\xff", "UTF-32"),
        (b"\xff\xfe", "UTF-16"),
        (b"\xfe\xff", "UTF-16"),
    ):
        if raw.startswith(bom):
            raise LoadFailure(
                NotUtf8.at(
                    path, (1, 1), tr("文件是 {name} 编码；请另存为 UTF-8（记事本“另存为”→ 编码选 UTF-8）", name=name)
                )
            )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw and (name := _utf16_without_bom(raw)):
        raise LoadFailure(
            NotUtf8.at(
                path,
                (1, 1),
                tr("文件是 {name} 编码（没有 BOM）；请另存为 UTF-8（记事本“另存为”→ 编码选 UTF-8）", name=name),
            )
        )
    if raw[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0") or raw[:5] == b"{\\rtf":
        # a Word, Excel or WPS document (zip or OLE container) or RTF: the office's plan before import
        raise LoadFailure(
            BinaryFile.at(
                path,
                (1, 1),
                tr(
                    "这是 Word、Excel 或 WPS 文档，不是计划文件（YAML）；"
                    "请先把它转成计划：aidplan import {quote} -o 计划.yaml",
                    quote=shlex.quote(str(path)),
                ),
            )
        )
    if b"\x00" in raw:
        raise LoadFailure(
            BinaryFile.at(
                path,
                _position_of_offset(raw, raw.index(b"\x00")),
                tr("这不是文本文件（含有 NUL 字节）；计划应是 UTF-8 编码的 YAML 文本"),
            )
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        position = _position_of_offset(raw, exc.start)
        if exc.end == len(raw) and exc.reason == "unexpected end of data":
            raise LoadFailure(
                NotUtf8.at(
                    path,
                    position,
                    tr("文件在一个汉字的中间结束，像是没有写完或没有下载完整；请重新保存或获取完整文件"),
                )
            ) from None
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            message = tr(
                "文件不是 UTF-8 文本（第 {start} 个字节 0x{raw:02x} 无法解码）；计划应是 UTF-8 编码的 YAML 文本",
                start=exc.start + 1,
                raw=raw[exc.start],
            )
        else:
            message = tr(
                "文件不是 UTF-8 编码，看起来是 GBK/GB18030（Windows 记事本、WPS 常用）；请另存为 "
                "UTF-8，或运行：iconv -f GB18030 -t UTF-8 {quote} > 新文件.yaml",
                quote=shlex.quote(str(path)),
            )
        raise LoadFailure(NotUtf8.at(path, position, message)) from None


_CORE = "tag:yaml.org,2002:"
_TAG_NAMES = {
    "bool": later("布尔值（true 或 false）"),
    "int": later("整数"),
    "float": later("数字"),
    "timestamp": later("日期（如 2020-03-01）"),
    "null": later("空值（null 或 ~）"),
}


def _check_explicit_tag(path: Path, position: Position, tag: str, text: str, resolver: Any) -> None:
    """A value written with an explicit tag (`!!bool maybe`, `!!int ""`, `!!binary …`) must be what its tag says:
    the YAML library would crash on it, or (for !!binary) hand back bytes that no text rule sees."""
    short = "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag
    if tag == _CORE + "binary":
        raise LoadFailure(
            SchemaError.at(path, position, tr("不支持 !!binary（二进制）值；计划里只能写文字，请把内容直接写出来"))
        )
    kind = tag[len(_CORE) :] if tag.startswith(_CORE) else None
    if kind in _TAG_NAMES and resolver.resolve(yaml.ScalarNode, text, (True, False)) != tag:
        raise LoadFailure(
            SchemaError.at(
                path,
                position,
                tr(
                    "标签 {short} 的值“{text}”不是{TAG_NAMES}；请改正，或去掉标签 {short}",
                    short=short,
                    text=text,
                    TAG_NAMES=localized(_TAG_NAMES[kind]),
                ),
            )
        )


_YAML_ONLY_BREAKS = lazy("[\x85\u2028\u2029]|\r(?!\n)")


def _mark_position(mark: Any, text: str | None = None) -> Position:
    """(line, column) as an editor shows them. YAML also breaks lines at U+0085, U+2028 and U+2029, which
    editors show inside a line: in a text holding them, the position is counted again from the mark's
    character index, with only \\n (and \\r) ending lines."""
    if mark is None:
        return (1, 1)
    if text is None:  # the caller passes the text only when it holds such breaks
        return (mark.line + 1, mark.column + 1)
    index = min(mark.index, len(text))
    starts = _line_starts(text)
    line = bisect.bisect_right(starts, index)
    return line, index - starts[line - 1] + 1


@functools.lru_cache(maxsize=4)
def _line_starts(text: str) -> list[int]:
    """The index where each line starts (lines end at \\n, \\r\\n or \\r)."""
    return [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", text)]


class _Frame:
    """A mapping or sequence being filled while the events stream past."""

    __slots__ = ("container", "key", "key_position", "location")

    def __init__(self, container: dict | list, location: Location) -> None:
        self.container = container
        self.location = location
        self.key: Any = None  # a mapping's key waiting for its value
        self.key_position: Position | None = None


def _build(path: Path, text: str) -> Document:
    """Values with positions straight from the parser's events, in one pass and without recursion.

    Anchors, aliases, nesting deeper than MAX_DEPTH and a second document are refused as they stream
    past, before anything they would expand to is built.
    """
    resolver = yaml.resolver.Resolver()
    constructor = yaml.constructor.SafeConstructor()
    values: dict[Location, Position] = {}
    keys: dict[Location, Position] = {}
    sources: dict[Location, str] = {}
    stack: list[_Frame] = []
    root: Any = None
    documents = 0

    def place(value: Any, position: Position) -> Location | None:
        """Put a value into its parent; returns its location, or None when it is a mapping's key."""
        nonlocal root
        if not stack:
            root = value
            values[()] = position
            return ()
        frame = stack[-1]
        if isinstance(frame.container, list):
            location = frame.location + (len(frame.container),)
            frame.container.append(value)
        elif frame.key_position is None:  # this value is a key
            if isinstance(value, (dict, list)):
                raise LoadFailure(YamlSyntax.at(path, position, tr("键必须是简单文本，不能是列表或映射")))
            key = value if isinstance(value, (str, int, bool, float, date)) else str(value)
            if key in frame.container:
                first = keys[frame.location + (key,)]
                raise LoadFailure(
                    DuplicateKey.at(
                        path, position, tr("重复的键“{key}”（第一次出现在第 {first} 行）", key=key, first=first[0])
                    )
                )
            frame.key, frame.key_position = key, position
            keys[frame.location + (key,)] = position
            return None
        else:
            location = frame.location + (frame.key,)
            frame.container[frame.key] = value
            frame.key_position = None
        values[location] = position
        return location

    odd_breaks = text if _YAML_ONLY_BREAKS.search(text) else None  # editors count lines differently: see _mark_position
    for event in yaml.parse(text, Loader=_Loader):
        position = _mark_position(event.start_mark, odd_breaks)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise LoadFailure(
                AnchorOrAlias.at(
                    path, position, tr("计划文件不支持 YAML 锚点和别名（&名称 / *名称）；请把内容直接写出来")
                )
            )
        if isinstance(event, yaml.ScalarEvent):
            tag = (
                event.tag
                if event.tag not in (None, "!")
                else resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
            )
            if event.tag not in (None, "!"):
                _check_explicit_tag(path, position, tag, event.value, resolver)
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
            try:
                value = constructor.construct_object(node)
            except (ValueError, OverflowError):
                # a scalar shaped like a date or number that is none (2020-05-32): keep the text, so the
                # schema reports it at its own line and column
                value = event.value
            if isinstance(value, str) and (bad := UNPRINTABLE.search(value)):
                # a YAML escape ("\\x07", "\\u0000") gets past the reader; Word documents cannot hold these
                raise LoadFailure(
                    ControlCharacter.at(
                        path,
                        position,
                        tr(
                            "含有不允许的控制字符 U+{ord:04X}（来自转义写法）；Word 文档无法保存这种字符，请删除它",
                            ord=ord(bad.group()),
                        ),
                    )
                )
            location = place(value, position)
            if location is not None and not isinstance(value, str):
                sources[location] = event.value
        elif isinstance(event, yaml.CollectionStartEvent):
            if len(stack) >= MAX_DEPTH:
                raise LoadFailure(
                    TooDeep.at(
                        path, position, tr("嵌套超过 {MAX_DEPTH} 层；计划文件不需要这么深的结构", MAX_DEPTH=MAX_DEPTH)
                    )
                )
            container: dict | list = {} if isinstance(event, yaml.MappingStartEvent) else []
            location = place(container, position)
            stack.append(_Frame(container, location if location is not None else ()))
        elif isinstance(event, yaml.CollectionEndEvent):
            stack.pop()
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise LoadFailure(
                    NotOneDocument.at(path, position, tr("一个文件只能写一个计划（发现了第二个 YAML 文档“---”）"))
                )
    return Document(path, root, values, keys, text, sources)  # root is None for an empty file: the caller decides


def read_document(path: Path, max_bytes: int = MAX_BYTES, role: str = later("计划")) -> Document:
    """Read one YAML file into values with positions; raises LoadFailure with a located finding."""
    return parse_document(path, read_text(path, max_bytes, role))


def parse_document(path: Path, text: str) -> Document:
    """YAML text (of `path`, for messages) into values with positions; raises LoadFailure."""
    try:
        return _build(path, text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or tr("无法解析")
        if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
            problem = "found a tab character that violates indentation"
        raise LoadFailure(
            YamlSyntax.at(
                path,
                _mark_position(mark, text if _YAML_ONLY_BREAKS.search(text) else None),
                tr("YAML 语法错误：{translate_yaml_problem}", translate_yaml_problem=_translate_yaml_problem(problem)),
            )
        ) from None
    except yaml.reader.ReaderError as exc:
        # libyaml reports a byte offset into the UTF-8 text, the pure-Python reader a character offset
        offset = exc.position if _Loader is not yaml.SafeLoader else len(text[: exc.position].encode("utf-8"))
        line, column = _position_of_offset(text.encode("utf-8"), offset)
        message = tr(
            "含有不允许的控制字符 U+{character:04X}；请删除它（常见于从网页或 Word 复制的文字）",
            character=exc.character,
        )
        raise LoadFailure(ControlCharacter.at(path, (line, column), message)) from None
    except (yaml.YAMLError, ValueError, OverflowError) as exc:  # a malformed date or number in a scalar
        raise LoadFailure(YamlSyntax.at(path, (1, 1), tr("YAML 内容无法读取：{exc}", exc=exc))) from None


# Every problem libyaml (and PyYAML's constructor) can report, in the words a plan's author needs. Matched by
# prefix; anything else (a future libyaml) is shown as it comes.
_YAML_PROBLEMS = {
    "mapping values are not allowed": later("此处不能有“: ”（文本里的冒号请用全角“：”，或给整段文字加引号）"),
    "could not find expected ':'": later("缺少“: ”（键和值之间要用英文冒号加空格）"),
    "found unexpected ':'": later("此处不能有“:”（文本里的冒号请用全角“：”，或给整段文字加引号）"),
    "found character that cannot start any token": later("这个字符不能作为值的开头（以 @、`、% 等开头的文字请加引号）"),
    "found unexpected end of stream": later("文件意外结束（引号或括号没有闭合？）"),
    "did not find expected ',' or ']'": later("方括号列表没有闭合（缺少“]”），或项与项之间缺少英文逗号“,”"),
    "did not find expected ',' or '}'": later("花括号映射没有闭合（缺少“}”），或项与项之间缺少英文逗号“,”"),
    "did not find expected key": later("缩进不对，或缺少“- ”"),
    "did not find expected '-' indicator": later("缩进不对：列表的每一项应以同样缩进的“- ”开头"),
    "did not find expected node content": later("此处缺少值（列表项或键后面没有内容？以 [ { 开头的文字请加引号）"),
    "did not find expected <document start>": later("文件的结构不对：顶层映射（或“...”）之后还有内容；请检查缩进"),
    "did not find expected <stream-start>": later("文件的开头无法读取"),
    "block sequence entries are not allowed": later("此处不能开始“- ”列表（缩进不对？）"),
    "mapping keys are not allowed": later("此处不能写键（缩进不对？）"),
    "found a tab character that violates indentation": later("缩进里有制表符（Tab）；YAML 只能用空格缩进"),
    "found a tab character where an indentation space is expected": later("缩进里有制表符（Tab）；YAML 只能用空格缩进"),
    "found unacceptable character": later("含有不允许的控制字符"),
    "control characters are not allowed": later("含有不允许的控制字符"),
    "found undefined tag handle": later("未定义的标签（以 ! 开头的文字请加引号）"),
    "did not find expected tag URI": later("标签写得不对（以 ! 开头的文字请加引号）"),
    "did not find URI escaped octet": later("标签写得不对（以 ! 开头的文字请加引号）"),
    "did not find expected '!'": later("标签写得不对（以 ! 开头的文字请加引号）"),
    "could not determine a constructor for the tag 'tag:yaml.org,2002:merge'": later(
        "不支持合并键“<<”；请把内容直接写出来"
    ),
    "could not determine a constructor for the tag": later("不认识的标签（以 ! 开头的文字请加引号）"),
    "did not find expected alphabetic or numeric character": later("& 或 * 后面缺少名称（以 & * 开头的文字请加引号）"),
    "found undefined alias": later("计划文件不支持 YAML 别名（*名称）；请把内容直接写出来"),
    "found duplicate anchor": later("计划文件不支持 YAML 锚点（&名称）；请把内容直接写出来"),
    "found unknown escape character": later("双引号里有不认识的转义（反斜杠 \\ 请写成 \\\\，或改用单引号）"),
    "did not find expected hexdecimal number": later("双引号里的 \\x、\\u 转义后面应是十六进制数字"),
    "found invalid Unicode character escape code": later("双引号里的 \\u 转义不是有效的字符"),
    "found unexpected document indicator": later("引号中的文字里有一行以“---”或“...”开头；请缩进这一行"),
    "did not find expected comment or line break": later("此处之后应换行（多余的内容？文字里的“ #”会被当作注释）"),
    "did not find expected whitespace or line break": later("此处之后应有空格或换行"),
    "did not find expected whitespace": later("此处之后应有空格"),
    "did not find the expected '>'": later("标签 !<…> 缺少“>”"),
    "found an indentation indicator equal to 0": later("“|”或“>”后面的缩进数字不能是 0"),
    "found incompatible YAML document": later("只支持 YAML 1.x 文件（%YAML 指令的版本不对）"),
    "found duplicate %YAML directive": later("%YAML 指令重复"),
    "found duplicate %TAG directive": later("%TAG 指令重复"),
    "found unknown directive name": later("不认识的 % 指令（以 % 开头的文字请加引号）"),
    "could not find expected directive name": later("% 后面缺少指令名（以 % 开头的文字请加引号）"),
    "found unexpected non-alphabetical character": later("% 指令名里有不允许的字符（以 % 开头的文字请加引号）"),
    "did not find expected digit or '.' character": later("%YAML 指令的版本号写得不对"),
    "did not find expected version number": later("%YAML 指令缺少版本号"),
    "found extremely long version number": later("%YAML 指令的版本号过长"),
    "found an incorrect leading UTF-8 octet": later("文件不是有效的 UTF-8 文本"),
    "found an incorrect trailing UTF-8 octet": later("文件不是有效的 UTF-8 文本"),
    "found unhashable key": later("键必须是简单文本，不能是列表或映射"),
    "found another document": later("一个文件只能写一个计划（发现了第二个 YAML 文档“---”）"),
    "expected a single document in the stream": later("一个文件只能写一个计划（发现了第二个 YAML 文档“---”）"),
}


def _translate_yaml_problem(problem: str) -> str:
    for english, chinese in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return localized(chinese)
    return problem


def _describe(value: Any) -> str:
    if value is None:
        return tr("空值")
    if isinstance(value, bool):
        return tr("布尔值 {lower}", lower=str(value).lower())
    if isinstance(value, int):
        return tr("整数 {value}", value=value)
    if isinstance(value, float):
        return tr("数字 {value}", value=value)
    if isinstance(value, date):
        return tr("日期 {value}", value=value.isoformat())
    if isinstance(value, dict):
        return tr("映射（key: value）")
    if isinstance(value, list):
        return tr("列表")
    text = str(value)
    return f"“{text if len(text) <= 40 else text[:40] + '…'}”"


def _unwrap(annotation: Any) -> Any:
    """The model class inside Optional[...], list[...] or Annotated[...], if any."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType, list):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if found is not None:
                return found
        return None
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _model_at(location: Location, root: type[BaseModel] = Plan) -> type[BaseModel] | None:
    model: type[BaseModel] | None = root
    for part in location:
        if isinstance(part, int) or model is None:
            continue
        info = model.model_fields.get(part)
        model = _unwrap(info.annotation) if info is not None else None
    return model


def unknown_key_message(name: str, allowed: list[str]) -> str:
    """未知的键“dead_line”；是不是“deadline”？ — the nearest key when one is close, else the keys allowed."""
    import difflib

    nearest = difflib.get_close_matches(name.lower(), allowed, n=1, cutoff=0.6)
    if nearest:
        return tr("未知的键“{name}”；是不是“{nearest}”？", name=name, nearest=nearest[0])
    return tr("未知的键“{name}”", name=name) + (
        tr("；此处可用的键：{allowed}", allowed=tr("、").join(allowed)) if allowed else ""
    )


def _name(location: Location) -> str:
    """How a message names a value: its key, or for a list item the list's key and the item's number."""
    if not location:
        return "plan"
    if isinstance(location[-1], int):
        parent = next((str(part) for part in reversed(location) if isinstance(part, str)), tr("列表"))
        return tr("{parent}的第 {location} 项", parent=parent, location=location[-1] + 1)
    return str(location[-1])


def _message(err: dict[str, Any], root: type[BaseModel] = Plan, source: str | None = None) -> str:
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    location = tuple(err["loc"])
    name = _name(location)
    if kind == "missing":
        return tr("缺少必填项“{name}”", name=ctx.get("field", name))
    if kind == TABLE_SHAPE:
        return str(ctx.get("message", err["msg"]))
    if kind == "extra_forbidden":
        model = _model_at(location[:-1], root)
        return unknown_key_message(name, list(model.model_fields) if model is not None else [])
    if kind == "string_type":
        hint = (
            tr('（数字样子的文字请加引号，如 "{value}"）', value=source if source is not None else value)
            if isinstance(value, (int, float)) and not isinstance(value, bool)
            else ""
        )
        return tr("“{name}”应为文本，实际是{describe}{hint}", name=name, describe=_describe(value), hint=hint)
    if kind == "string_or_list_type":  # header: 123
        hint = (
            tr('（数字样子的文字请加引号，如 "{value}"）', value=source if source is not None else value)
            if isinstance(value, (int, float)) and not isinstance(value, bool)
            else ""
        )
        return tr(
            "“{name}”应为文本，或文字的列表（每项以“- ”开头），实际是{describe}{hint}",
            name=name,
            describe=_describe(value),
            hint=hint,
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return tr("“{name}”应为整数，实际是{describe}", name=name, describe=_describe(value))
    if kind in ("float_type", "float_parsing"):
        return tr("“{name}”应为数字，实际是{describe}", name=name, describe=_describe(value))
    if kind in ("bool_type", "bool_parsing"):
        return tr("“{name}”应为 true 或 false，实际是{describe}", name=name, describe=_describe(value))
    if kind.startswith("date"):
        return tr("“{name}”应为日期（如 2020-03-01），实际是{describe}", name=name, describe=_describe(value))
    if kind == "literal_error":
        choices = tr("、").join(tr("“{c}”", c=c) for c in re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        hint = tr('（带点的值请加引号，如 "1."）') if isinstance(value, float) else ""
        return tr(
            "“{name}”的值不可用：{describe}；可选：{choices}{hint}",
            name=name,
            describe=_describe(value),
            choices=choices,
            hint=hint,
        )
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return tr("“{name}”应为映射（key: value），实际是{describe}", name=name, describe=_describe(value))
    if kind == "list_type":
        return tr("“{name}”应为列表（每项以“- ”开头），实际是{describe}", name=name, describe=_describe(value))
    if kind == "too_short":
        return tr("“{name}”至少要有 {get} 项", name=name, get=ctx.get("min_length", 1))
    if kind == "string_too_short":
        return tr("“{name}”不能为空", name=name)
    if kind == "string_pattern_mismatch":
        return tr(
            "“{name}”的值{describe}格式不对：只能用字母、数字和 . _ -，以字母或数字开头，最长 32 个字符",
            name=name,
            describe=_describe(value),
        )
    if kind in ("greater_than_equal", "greater_than"):
        return tr(
            "“{name}”应不小于 {get}，实际是{describe}",
            name=name,
            get=ctx.get("ge", ctx.get("gt")),
            describe=_describe(value),
        )
    if kind in ("less_than_equal", "less_than"):
        return tr(
            "“{name}”应不大于 {get}，实际是{describe}",
            name=name,
            get=ctx.get("le", ctx.get("lt")),
            describe=_describe(value),
        )
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return tr("“{name}”：{err}", name=name, err=err["msg"])


# the tag pydantic puts in a location for each member of a union it tried: `header: str | list[str]` fails as
# (…, "header", "str") and (…, "header", "list[str]")
_UNION_MEMBER = lazy(r"^(?:str|int|float|bool|\w+\[.*\]|function-\w+\[.*\])$")


def _union_member(part: object) -> bool:
    """Whether a location part is a union member's tag (str, list[str], a model's class name), not a key."""
    if not isinstance(part, str):
        return False
    if _UNION_MEMBER.match(part):
        return True
    from aidplan.plan import model

    found = getattr(model, part, None) if part[:1].isupper() else None
    return isinstance(found, type) and issubclass(found, BaseModel)


def _one_per_value(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The errors with union members' tags taken out of their locations, one per value: a value that fits no
    member of a union (header: 123 is neither a text nor a list of texts) is one mistake, said once; where one
    member got further into the value ([完成情况, 1]: its second item), only its errors are kept."""
    kept: list[dict[str, Any]] = []
    tried: list[tuple[tuple, dict[str, Any]]] = []
    for err in errors:
        loc = tuple(err["loc"])
        at = next((i for i, part in enumerate(loc) if _union_member(part)), None)
        if at is None:
            kept.append(err)
            continue
        err["loc"] = tuple(part for part in loc if not _union_member(part))
        tried.append((loc[:at], err))
    deeper = {union for union, err in tried if len(err["loc"]) > len(union)}
    seen: dict[tuple, dict[str, Any]] = {}
    for union, err in tried:
        if union in deeper and len(err["loc"]) == len(union):
            continue
        first = seen.get(err["loc"])
        if first is None:
            seen[err["loc"]] = err
            kept.append(err)
        elif {first["type"], err["type"]} == {"string_type", "list_type"}:
            first["type"] = "string_or_list_type"
    return kept


def validation_findings(
    document: Document, exc: ValidationError, root: type[BaseModel] = Plan, rule: type[Rule] = SchemaError
) -> list[Finding]:
    """One located finding per pydantic error (one per value for a union), in file order."""
    findings = []
    errors = exc.errors(include_url=False)
    for err in errors:
        loc = err["loc"]  # without the form of `columns:` (listed or mapping) that pydantic puts in
        err["loc"] = tuple(
            part for i, part in enumerate(loc) if not (part in COLUMN_FORMS and i > 0 and loc[i - 1] == "columns")
        )
    for err in _one_per_value(errors):
        location = tuple(err["loc"])
        if err["type"] == "missing":
            position = document.position(location[:-1])
        elif err["type"] == TABLE_SHAPE and (key := (err.get("ctx") or {}).get("at")):
            position = document.position((*location, key), key=True)  # the key that makes the shape wrong: tasks
        else:
            position = document.position(location, key=err["type"] == "extra_forbidden")
        source = document.sources.get(tuple(err["loc"]))
        if err["type"] == TABLE_SHAPE:
            findings.append(TableShape.at(document.path, position, _message(err, root, source)))
            continue
        findings.append(rule.at(document.path, position, _message(err, root, source)))
    return sorted(findings, key=lambda f: (f.line, f.column))


def load_plan(path: Path) -> LoadedPlan:
    """Read, scan, compose and validate a plan file; every problem comes back as a finding."""
    try:
        document = read_document(path)
    except LoadFailure as failure:
        return LoadedPlan(path, None, None, [failure.finding])
    if document.data is None:
        return LoadedPlan(
            path,
            None,
            document,
            [NotOneDocument.at(path, (1, 1), tr("文件是空的；计划至少要有 title、year 和 periods"))],
        )
    if not isinstance(document.data, dict):
        finding = NotOneDocument.at(
            path,
            (1, 1),
            tr(
                "计划文件的顶层应为映射（title: …、year: …、periods: …），实际是{describe}",
                describe=_describe(document.data),
            ),
        )
        return LoadedPlan(path, None, document, [finding])
    try:
        plan = Plan.model_validate(document.data)
    except ValidationError as exc:
        return LoadedPlan(path, None, document, validation_findings(document, exc))
    if shape := table_findings(plan, document):
        return LoadedPlan(path, None, document, shape)
    return LoadedPlan(path, plan, document, [])


def table_findings(plan: Plan, document: Document) -> list[Finding]:
    """E111 for groups and cells that the columns of their table cannot print: a group deeper than the table's
    group columns, a free cell whose key no column has."""
    findings: list[Finding] = []
    path = document.path
    tables = (
        [(("tables", t), table.columns, table.groups, table.tasks) for t, table in enumerate(plan.tables)]
        if plan.tables is not None
        else [((), plan.columns, plan.periods if plan.periods is not None else plan.groups or [], plan.tasks)]
    )
    key = "groups" if plan.tables is not None or plan.groups is not None else "periods"
    rows_across = (
        [(("tables", t), table.columns) for t, table in enumerate(plan.tables) if table.category_rows]
        if plan.tables is not None
        else [((), plan.columns)]
        if plan.category_rows
        else []
    )
    for prefix, columns in rows_across:
        if not isinstance(columns, list):
            findings.append(
                TableShape.at(
                    path,
                    document.position((*prefix, "category_rows")),
                    tr(
                        "category_rows 要按所印的顺序列出各列（columns 写成列表，如 [{header: 序号, role: number}, "
                        "{header: 重点任务, role: group}, {header: 具体内容, role: task}]）："
                        "用映射写的 columns 没有分组列可放在类别行之下"
                    ),
                )
            )
    for prefix, columns, groups, flat in tables:
        listed = isinstance(columns, list)
        if flat is not None:
            findings += _flat_findings(document, prefix, columns, flat)
            groups = []
        levels = sum(1 for column in columns if column.role == "group") if listed else 1
        keys = [column.key for column in columns if column.key] if listed else []

        def cells(where: tuple, written: dict[str, str], keys: list[str] = keys) -> None:
            for name in written:
                if name not in keys:
                    known = tr("、").join(keys) if keys else tr("（表格没有 role: free 的列）")
                    findings.append(
                        TableShape.at(
                            path,
                            document.position((*where, "cells", name), key=True),
                            tr(
                                "cells 的键“{name}”不是任何自由列的 key；这张表的自由列 key：{known}",
                                name=name,
                                known=known,
                            ),
                        )
                    )

        def walk(where: tuple, items: list, depth: int, levels: int = levels) -> None:
            for g, group in enumerate(items):
                at = (*where, g)
                if depth > levels and not listed:  # listed columns print deeper groups as heading rows
                    findings.append(
                        TableShape.at(
                            path,
                            document.position((*at, "label")),
                            tr(
                                "分组“{label}”在第 {depth} 层，但用映射写的 columns 只有一个分组层；"
                                "请把 columns 写成列表（每层分组一列 role: group，或不写分组列、把分组名印成标题行）",
                                label=group.label,
                                depth=depth,
                            ),
                        )
                    )
                cells(at, group.cells)
                for k, task in enumerate(group.tasks):
                    cells((*at, "tasks", k), task.cells)
                walk((*at, "groups"), group.groups, depth + 1)

        walk((*prefix, "groups") if prefix else (key,), groups, 1)
    return sorted(findings, key=lambda f: (f.line, f.column))


def _flat_findings(document: Document, prefix: tuple, columns: object, tasks: list) -> list[Finding]:
    """E111 for a table with no grouping (`tasks:`) whose columns expect groups, and for free cells of its tasks
    that no column prints."""
    path = document.path
    if not isinstance(columns, list):
        return [
            TableShape.at(
                path,
                document.position((*prefix, "tasks"), key=True),
                tr(
                    "不分组的表（tasks）要按所印的顺序列出各列，如 columns: [{header: 序号, role: number}, "
                    "{header: 工作内容, role: task}, {header: 时间, role: time}]"
                ),
            )
        ]
    findings = [
        TableShape.at(
            path,
            document.position((*prefix, "columns", c, "role")),
            tr(
                "“{header}”一列是分组列（role: group），但这张表不分组（tasks）：分组的表把任务写在 groups 的各组下，"
                "不分组的表不要分组列",
                header=column.texts[0],
            ),
        )
        for c, column in enumerate(columns)
        if column.role == "group"
    ]
    keys = [column.key for column in columns if column.key]
    for k, task in enumerate(tasks):
        for name in task.cells:
            if name not in keys:
                known = tr("、").join(keys) if keys else tr("（表格没有 role: free 的列）")
                findings.append(
                    TableShape.at(
                        path,
                        document.position((*prefix, "tasks", k, "cells", name), key=True),
                        tr(
                            "cells 的键“{name}”不是任何自由列的 key；这张表的自由列 key：{known}",
                            name=name,
                            known=known,
                        ),
                    )
                )
    return findings
