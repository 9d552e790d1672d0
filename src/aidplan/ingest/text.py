"""Read plans that arrive as text: Markdown tables (as aidplan and other tools print them), and text copied from a
Word table, a web page or a PDF — cells one per line or separated by tabs or |, numbered tasks run together on
one line, a period label glued to its first task, page numbers and repeated headers in between."""

from __future__ import annotations

import html
import re
import unicodedata

from aidplan.errors import AidplanError
from aidplan.ingest.document import Paragraph, SourceDocument, Table
from aidplan.messages import later, tr


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
# GFM's delimiter row of a table written without the outer pipes (时间 | 工作内容 over :---: | ---), as several editors
# write it: at least one pipe between cells of hyphens
_BARE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


_INLINE = re.compile(
    r"""(?P<escaped>\\[\\`*_{}\[\]()#+\-.!|~>])
    |(?P<code>(?P<ticks>`+)(?P<code_text>.+?)(?<!`)(?P=ticks)(?!`))
    |(?P<link>!?\[(?P<link_text>(?:\\.|[^\]\\])*)\]\((?P<url>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+["'][^"']*["'])?\s*\))
    |(?P<autolink><(?P<auto_url>(?:https?|ftp|mailto):[^<>\s]+)>)
    |(?P<comment><!--.*?-->)
    |(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>)
    |(?P<delimiter>\*\*\*|___|\*\*|__|~~|\*|_)""",
    re.VERBOSE | re.DOTALL,
)


def _inline(text: str, links: list[str] | None = None) -> str:
    """A Markdown cell or paragraph as a reader sees it printed: **bold**, __bold__, *italic*, _italic_ and
    ~~struck~~ without their marks, `code` as its text, a [link](url) or an image's ![alt](src) as its text (the
    address appended to `links`: it is not printed), HTML tags (<span>, <font>, <b>…) and comments left out,
    backslash escapes and entities read. aidplan's own Markdown escapes every such character in the plan's
    text (\\* , &lt;), so this never changes a plan it wrote."""
    pieces: list[tuple[str, str, bool, bool]] = []  # (kind, text, can open, can close): "text" or a "mark"
    at = 0
    for found in _INLINE.finditer(text):
        if found.start() > at:
            pieces.append(("text", html.unescape(text[at : found.start()]), False, False))
        at = found.end()
        if found["escaped"]:
            pieces.append(("text", found["escaped"][1], False, False))
        elif found["code"]:
            pieces.append(("text", found["code_text"], False, False))
        elif found["link"]:
            if found["url"] and links is not None:
                links.append(found["url"])
            pieces.append(("text", _inline(found["link_text"], links), False, False))
        elif found["autolink"]:
            pieces.append(("text", found["auto_url"], False, False))
        elif found["comment"] or found["tag"]:
            continue
        else:
            before = text[found.start() - 1] if found.start() else " "
            after = text[found.end()] if found.end() < len(text) else " "
            pieces.append(("mark", found["delimiter"], *_flanking(found["delimiter"], before, after)))
    if at < len(text):
        pieces.append(("text", html.unescape(text[at:]), False, False))
    return "".join(_paired(pieces))


def _punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _flanking(mark: str, before: str, after: str) -> tuple[bool, bool]:
    """Whether a run of * _ or ~ can open and can close emphasis, by CommonMark's flanking rules: an _ between two
    letters or digits (报送资助_2026_汇总表, snake_case, 资__重点__表) is text, a * there is not."""
    left = not after.isspace() and (not _punctuation(after) or before.isspace() or _punctuation(before))
    right = not before.isspace() and (not _punctuation(before) or after.isspace() or _punctuation(after))
    if mark[0] == "_":
        return left and (not right or _punctuation(before)), right and (not left or _punctuation(after))
    return left, right


def _paired(pieces: list[tuple[str, str, bool, bool]]) -> list[str]:
    """The text with the emphasis marks that pair up left out (an opener and the next closer of the same run,
    something between them); the rest as typed."""
    kept = [True] * len(pieces)
    open_marks: list[int] = []
    for index, (kind, value, can_open, can_close) in enumerate(pieces):
        if kind != "mark":
            continue
        opener = next((o for o in reversed(open_marks) if pieces[o][1] == value), None) if can_close else None
        if opener is not None and any(
            pieces[k][0] == "text" and pieces[k][1].strip() for k in range(opener + 1, index)
        ):
            kept[opener] = kept[index] = False
            open_marks = open_marks[: open_marks.index(opener)]
        elif can_open:
            open_marks.append(index)
    return [piece[1] for piece, keep in zip(pieces, kept) if keep]


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
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


def read_markdown(text: str) -> SourceDocument:
    """Headings and paragraphs as paragraphs (a # heading is centred, as a title prints), pipe tables as
    tables whose cells hold one paragraph per <br>; inline markup read as the text it prints (see _inline)."""
    blocks: list = []
    links: list[str] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        bare = (
            not _ROW.match(line)
            and "|" in line
            and index + 1 < len(lines)
            and _BARE_RULE.match(lines[index + 1]) is not None
        )
        if _ROW.match(line) or bare:
            rows: list[list[str]] = []
            while index < len(lines) and (_ROW.match(lines[index]) or (bare and "|" in lines[index])):
                if not _RULE.match(lines[index]):
                    rows.append(
                        [
                            "\n".join(_inline(part, links).strip() for part in _BREAK.split(cell))
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
                Paragraph(_inline(part, links).strip(), right=True)
                for part in _BREAK.split(right[1])
                if _inline(part).strip()
            ]
        elif stripped:
            heading = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", stripped)
            if heading and len(heading[1]) == 1:  # the title, one paragraph a printed line
                blocks += [Paragraph(_inline(part, links).strip(), centred=True) for part in _BREAK.split(heading[2])]
            elif heading:
                blocks.append(Paragraph(_inline(heading[2], links), heading=True))
            else:
                blocks.append(Paragraph(_inline(stripped, links).strip()))
        index += 1
    document = SourceDocument(blocks, "Markdown 文本")
    if links:
        shown = list(dict.fromkeys(links))
        document.notes.append(
            later(
                "{v0} 个链接只读入了显示的文字，网址不在计划里：{v1}",
                v0=len(links),
                v1=tr("、").join(shown[:3]) + (tr(" 等") if len(shown) > 3 else ""),
            )
        )
    return document


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
