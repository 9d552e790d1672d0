"""Read plans that arrive as text: Markdown tables (as aidplan and other tools print them), and text copied from a
Word table, a web page or a PDF — cells one per line or separated by tabs or |, numbered tasks run together on
one line, a period label glued to its first task, page numbers and repeated headers in between."""

from __future__ import annotations

import html
import re

from aidplan.errors import AidplanError
from aidplan.ingest.document import Paragraph, SourceDocument, Table
from aidplan.messages import tr


def decode(data: bytes, name: str) -> str:
    """Text in UTF-8 (with or without a BOM), UTF-16 with a BOM, or GB18030 (which covers GBK and GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise AidplanError(
                tr("{name} 标明是 UTF-16（Unicode）编码，但内容不完整；请重新另存为 UTF-8 后再导入", name=name)
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        broken = exc
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    line = data[: broken.start].count(b"\n") + 1
    try:
        data[broken.end :].decode("utf-8")
        one_place = True
    except UnicodeDecodeError:
        one_place = False
    if one_place or len(data) - broken.start <= 3:
        # mostly UTF-8, broken in one place (the end of a download broken off, a byte-limited copy)
        raise AidplanError(
            tr(
                "{name} 是 UTF-8 文本，但第 {line} 行有不成字的字节{end}；请重新复制或下载完整的文件后再导入",
                name=name,
                line=line,
                end=tr("（文件在一个字的中间断了）") if len(data) - broken.start <= 3 else "",
            )
        ) from None
    raise AidplanError(
        tr("{name} 既不是 UTF-8 也不是 GB18030（GBK）编码的文本；请另存为 UTF-8 后再导入", name=name)
    ) from None


# ---------------------------------------------------------------------------------------------------------------
# Markdown

_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~>])")


def _unescape(text: str) -> str:
    return html.unescape(_ESCAPED.sub(r"\1", text))


def _cells(line: str) -> list[str]:
    inner = _ROW.match(line)[1]  # type: ignore[index]
    cells, current, escaped = [], "", False
    for char in inner:
        if escaped:
            current += "\\" + char
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            cells.append(current)
            current = ""
        else:
            current += char
    cells.append(current)
    return cells


def _strip_emphasis(text: str) -> str:
    found = re.fullmatch(r"\s*(\*\*|__)(.+)\1\s*", text)
    return found[2] if found else text


def read_markdown(text: str) -> SourceDocument:
    """Headings and paragraphs as paragraphs (a # heading is centred, as a title prints), pipe tables as
    tables whose cells hold one paragraph per <br>."""
    blocks: list = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if _ROW.match(line):
            rows: list[list[str]] = []
            while index < len(lines) and _ROW.match(lines[index]):
                if not _RULE.match(lines[index]):
                    rows.append(
                        [
                            "\n".join(_unescape(part.strip()) for part in re.split(r"<br\s*/?>", cell))
                            for cell in _cells(lines[index])
                        ]
                    )
                index += 1
            blocks.append(Table.from_rows(rows))
            continue
        stripped = line.strip()
        right = re.fullmatch(r"<div\s+align=[\"']?right[\"']?\s*>(.*)</div>", stripped, re.IGNORECASE)
        if right:  # the 落款 as aidplan prints it: one line a <br>
            blocks += [
                Paragraph(_unescape(part.strip()), right=True) for part in _BREAK.split(right[1]) if part.strip()
            ]
        elif stripped:
            heading = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", stripped)
            if heading and len(heading[1]) == 1:  # the title, one paragraph a printed line
                blocks += [Paragraph(_unescape(part.strip()), centred=True) for part in _BREAK.split(heading[2])]
            elif heading:
                blocks.append(Paragraph(_unescape(heading[2]), heading=True))
            else:
                blocks.append(Paragraph(_unescape(_strip_emphasis(stripped))))
        index += 1
    return SourceDocument(blocks, "Markdown 文本")


# ---------------------------------------------------------------------------------------------------------------
# Plain text

# a character reference as a web page's source holds it: &nbsp; &amp; &#12288; &#x3000;
_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|middot|mdash|hellip);"
                     r"|&#[0-9]{2,7};|&#[xX][0-9a-fA-F]{2,6};")  # fmt: skip


def without_entities(text: str) -> tuple[str, str | None]:
    """Text copied from a web page's source (or an editor that shows it) with its character references
    (&nbsp;&nbsp;时 序) as the characters they stand for, and what the import says of it; other text unchanged."""
    found = _ENTITY.findall(text)
    if not found:
        return text, None
    from aidplan.messages import later

    said = later("把网页源码里的 {v0} 个字符引用（如 {v1}）换成了它们代表的字符", v0=len(found), v1=found[0])
    return _ENTITY.sub(lambda m: html.unescape(m[0]), text), said


def read_text(text: str) -> SourceDocument:
    """Text as copied from a Word table, a web page or a PDF; see aidplan.ingest.pasted."""
    from aidplan.ingest.pasted import read_pasted

    return read_pasted(text)
