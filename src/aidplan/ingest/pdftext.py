"""Text copied out of a PDF of a plan (a viewer's Select-All, `pdftotext`, `pdftotext -layout`), back into a table.

A PDF holds no table, only words at places on the page, and what a copy gives depends on how the viewer orders
them. Two shapes arrive:

- the reading order (a viewer's copy, `pdftotext`): one cell's lines after another, the header repeated on every
  page, the page number (—1—) between. A period label printed in the middle of its rows comes among its tasks,
  or glued before a task line (元月至 季通报表…), and the period's deadline after its tasks;
- the page as laid out (`pdftotext -layout`): one printed line a line, the cells of a row side by side at the
  places of their columns.

Either way a task starts with its printed number, and its wrapped lines follow it. The tasks are put in their
periods by the numbering (a restart, 1、 after 5、, starts the next period), and each label, deadline and owner in
the period or task whose lines it stands among (in -layout text: the rows it is centred on). What cannot be
placed so is refused with its reason; the import never guesses a period for a task."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aidplan.errors import AidplanError
from aidplan.ingest.document import Cell, Paragraph, SourceDocument, Table
from aidplan.ingest.pasted import (
    _DEADLINE,
    _header_role,
    _is_label,
    _is_owner,
    _paragraphs,
    _split_head,
)
from aidplan.ingest.recognise import NUMBER_PREFIX, PAGE_FURNITURE, SIGNATURE_DATE, _organisation_line
from aidplan.messages import later, tr

_WIDE = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》—…"
# a viewer puts a space where a Chinese character meets a digit or a Latin letter (2014 年): no plan prints one
_WIDE_NARROW = re.compile(rf"(?<=[{_WIDE}]) +(?=[0-9A-Za-z%])|(?<=[0-9A-Za-z%]) +(?=[{_WIDE}])")
_GB_PAGE = re.compile(r"^[—－–-]\s*[0-9０-９]{1,3}\s*[—－–-]$")  # the page number as GB/T 9704 prints it
_COLUMN_GAP = re.compile(r"\S(?: ?\S)*")  # -layout text: a cell's words, one space apart at most


class NotPlaced(AidplanError):
    """A PDF's text whose cells cannot all be put in their rows."""


def joined(text: str) -> str:
    """One printed line of a cell, without the spaces the PDF's copy puts between a Chinese character and a digit."""
    return _WIDE_NARROW.sub("", text.strip())


_JUSTIFIED = re.compile(rf"(?<=[{_WIDE}]) +(?=[{_WIDE}])")


def _body(text: str) -> str:
    """A line of a cell without the spaces a justified line of Chinese text gets in a PDF (召 开 全 县 会 议)."""
    return _JUSTIFIED.sub("", joined(text))


def pdf_copy(text: str) -> bool:
    """Whether text was copied out of a PDF: a page break (form feed), a page number line (—2—) with the header
    row printed again after it, or the viewer's spaces around digits in Chinese text (2014 年) on several lines
    and never a digit touching a Chinese character."""
    if "\t" in text:
        return False  # cells set apart by tabs: a copy from Word, a spreadsheet or a web page, never from a PDF
    if "\f" in text:
        return True
    lines = [line.strip() for line in text.splitlines()]
    spaced = sum(1 for line in lines if re.search(rf"[{_WIDE}] [0-9]+ [{_WIDE}]", line))
    tight = sum(1 for line in lines if re.search(rf"[{_WIDE}][0-9]|[0-9][{_WIDE}]", line))
    if spaced >= 2 and tight == 0:
        return True
    return bool(_layout_lines(lines)) and any(_GB_PAGE.match(line) for line in lines)


def printed_pages(text: str) -> bool:
    """Whether the text shows the pages of a PDF: a form feed between them, or a page number (—2—) of its own."""
    return "\f" in text or any(_GB_PAGE.match(line.strip()) for line in text.splitlines())


def _layout_lines(lines: list[str]) -> list[str]:
    """The lines of -layout text that hold cells side by side (two or more runs of three spaces)."""
    return [line for line in lines if len(re.findall(r"\S {3,}\S", line)) >= 1]


@dataclass
class _Token:
    kind: str  # label, piece (part of a label), task, more (a task's next line), deadline, owner
    text: str
    line: int  # the printed line it came from
    place: float = 0  # where it stands: in the reading order its index, in -layout text its line (a cell's middle)
    count: int = 1  # the lines of a cell joined into it
    number: str = ""  # a task's number in a 序号 column


@dataclass
class _Group:
    tasks: list[list[str]] = field(default_factory=list)  # each task's lines
    first: float = 0  # the place of its first task
    last: float = 0  # the place of its last task line
    label: str = ""
    deadline: str = ""
    owner: str = ""
    spans: list[tuple[float, float]] = field(default_factory=list)  # each task's first and last place
    numbers: list[str] = field(default_factory=list)  # each task's cell in a 序号 column
    task_deadlines: list[str] = field(default_factory=list)
    task_owners: list[str] = field(default_factory=list)


def read_pdf_copy(text: str, left_out: list[str]) -> SourceDocument | None:
    """The document of a PDF's copied text; None when it holds no table this reader knows (its header)."""
    paged = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line.replace("\f", "") for line in paged]
    items = [joined(line) for line in lines]
    start = next((i for i, item in enumerate(items) if _header_start(item)), None)
    if start is None:
        return None
    # -layout text: the header's cells side by side (a reading order gives them a line each)
    layout = len(_layout_lines(lines)) >= 3 or len(_COLUMN_GAP.findall(lines[start])) >= 2
    header, header_end, columns, block = _header(lines, items, start, layout)
    if len(header) < 2 or "tasks" not in [_header_role(h) for h in header]:
        raise _refuse(tr("没有找到表头（时间、工作内容……各占一格）"))
    above = _unwrapped(lines[:start]) if layout else _rewrapped([joined(line) for line in lines[:start]])
    head = _split_head(above, len(above))
    if layout:
        tokens, after = _layout_tokens(paged[header_end:], header, columns)
    else:
        tokens, after = _table_end(_reading_tokens(block + items[header_end:], header))
        after = _rewrapped(after)
        for index, token in enumerate(tokens):
            token.place = index
    roles = _roles(header)
    groups = _placed(tokens, roles, layout)
    blocks: list = [*head, _table(header, roles, groups), *_paragraphs(after)]
    document = SourceDocument(blocks, tr("从 PDF 复制的文本"))
    document.left_out = left_out
    how = later("按版面排列，如 pdftotext -layout") if layout else later("按阅读顺序")
    document.notes.append(
        later(
            "从 PDF 复制的文本（{how}）：编号从头编起处是下一个时段，{groups} 个时段标签各归入它所在的几行任务",
            how=how,
            groups=len(groups),
        )
    )
    return document


def _header_start(item: str) -> bool:
    cells = re.split(r"\s{2,}", item.strip())
    return (
        any(_header_role(cell) is not None for cell in cells)
        and not re.search(r"[。；;，,：:]", item)
        and bool(item.strip())
        and len(re.sub(r"\s+", "", item)) <= 60
        and not re.search(r"(计划|要点|安排|方案|计划表|总结)$", item.strip())
        and not NUMBER_PREFIX.match(item)  # 三、工作安排: a heading of the text above the table
    )


def _header(
    lines: list[str], items: list[str], start: int, layout: bool
) -> tuple[list[str], int, list[int], list[str]]:
    """The header's cells, the line after it, (in -layout text) where each column starts, and (in the reading
    order) the labels of a label column copied as one block between the header's cells."""
    if layout:
        cells = [(m.start(), m.group()) for m in _COLUMN_GAP.finditer(lines[start])]
        return [joined(c) for _, c in cells], start + 1, [x for x, _ in cells], []
    header: list[str] = []
    block: list[str] = []
    index = start
    seen: set[str | None] = {None}
    while index < len(items) and (
        not items[index] or _is_label(items[index]) or _header_role(items[index]) not in seen
    ):
        if items[index]:
            if _is_label(items[index]) or NUMBER_PREFIX.match(items[index]):
                following = index
                while following < len(items) and (not items[following] or _is_label(items[following])):
                    following += 1
                if (
                    following < len(items)
                    and _header_role(items[following]) not in seen
                    and _header_cell_line(items[following])
                ):
                    block += [item for item in items[index:following] if item]
                    index = following
                    continue
                break
            header.append(items[index])
            seen.add(_header_role(items[index]))
        index += 1
    return header, index, [], block


def _header_cell_line(item: str) -> bool:
    return (
        _header_role(item) is not None
        and len(_squashed(item)) <= 6
        and not _is_label(item)
        and not NUMBER_PREFIX.match(item)
    )


def _squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _reading_tokens(items: list[str], header: list[str]) -> list[_Token]:
    """The cells of the reading order, each line classed: the header printed again and page numbers dropped."""
    again = [_squashed(h) for h in header]
    tokens: list[_Token] = []
    index = 0
    while index < len(items):
        item = items[index]
        if not item or PAGE_FURNITURE.match(item):
            index += 1
            continue
        if _squashed(item) == again[0]:  # the header again on a new page
            following = [x for x in items[index : index + 3 * len(header)] if x]
            if [_squashed(x) for x in following[: len(again)]] == again:
                skipped = 0
                while skipped < len(again):
                    if items[index]:
                        skipped += 1
                    index += 1
                continue
        role = _header_role(item)
        if (
            role is not None
            and role not in {_header_role(h) for h in header}
            and len(_squashed(item)) <= 6
            and not _is_label(_squashed(item))
            and not _DEADLINE.match(_squashed(item))
        ):
            raise _refuse(tr("表头“{cell}”在表格中间才出现（复制的文本按列排列）", cell=item))
        tokens += _classed(item, index, header)
        index += 1
    return tokens


def _classed(item: str, line: int, header: list[str]) -> list[_Token]:
    roles = {_header_role(h) for h in header}
    squashed = _squashed(item)
    if _is_label(squashed):
        return [_Token("label", squashed, line)]
    glued = re.match(rf"^([{_WIDE}0-9]{{1,10}}) (\S.*)$", item)
    if glued and not NUMBER_PREFIX.match(item) and (_is_label(glued[1]) or _label_part(glued[1])):
        return [_Token("piece", glued[1], line), *_classed(glued[2], line, header)]
    found = re.match(r"^(.{1,16}?)(?=[0-9]{1,3}\s*[、.．](?![0-9])|[（(][0-9]{1,3}[)）]|[①-⑳])", item)
    if found and _is_label(_squashed(found[1])):  # 三月份1.审核…: a label glued to its first task
        return [_Token("label", _squashed(found[1]), line), *_classed(item[found.end() :], line, header)]
    if "deadline" in roles and _DEADLINE.match(squashed):
        return [_Token("deadline", squashed, line)]
    if NUMBER_PREFIX.match(item) and not re.match(r"^[一二三四五六七八九十]+、", item):
        return [_Token("task", _body(item), line)]
    if "owner" in roles and _is_owner(squashed) and len(squashed) <= 12:
        return [_Token("owner", squashed, line)]
    return [_Token("more", _body(item), line)]


def _label_part(text: str) -> bool:
    """The first part of a label printed on two lines: 元月至 (二月份), 7 月份至 (8 月份)."""
    return bool(re.fullmatch(r"(?:[元一二三四五六七八九十0-9]{1,3}月份?)?至|第[一二三四五六七八九十0-9]{1,3}", text))


def _role(header: str) -> str | None:
    """A column's role as this reader needs it: 类别 (工作类别) is the label column."""
    return "period" if re.search("类别|分类|类型", header) else _header_role(header)


def _roles(header: list[str]) -> list[str | None]:
    """Each column's role; a time column right of the tasks (时间节点) is each task's deadline."""
    roles = [_role(h) for h in header]
    if "tasks" in roles:
        at = roles.index("tasks")
        roles = [("deadline" if role == "period" and c > at else role) for c, role in enumerate(roles)]
    return roles


def _layout_tokens(lines: list[str], header: list[str], columns: list[int]) -> tuple[list[_Token], list[str]]:
    """-layout text: on each page the task column starts where most numbered tasks start; what stands left of it is
    the period column, what stands apart right of a task's text the other columns (the nearest header's). A cell of
    several lines in those columns is one cell at the middle of its lines."""
    roles = _roles(header)
    known = ("period", "tasks", "deadline", "owner", "number", "free")
    unknown = [h for h, role in zip(header, roles, strict=True) if role not in known]
    if roles.count("period") > 1:
        unknown.append(header[roles.index("period", roles.index("period") + 1)])
    if unknown or roles.count("tasks") != 1 or roles.count("number") > 1:
        raise _refuse(
            tr("表格有“{columns}”一列，这种列从 PDF 的文字里还分不出来", columns=tr("、").join(unknown or header))
        )
    right = [
        (columns[c] + len(header[c]), role) for c, role in enumerate(roles) if role in ("deadline", "owner", "free")
    ]
    again = [_squashed(h) for h in header]
    lines, after = _layout_end(lines)
    pages: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(lines):
        if line.startswith("\f"):
            pages.append([])
        pages[-1].append((number, line.replace("\f", "")))
    tokens: list[_Token] = []
    for page in pages:
        starts = [len(line) - len(line.lstrip()) for _, line in page if NUMBER_PREFIX.match(line.strip())]
        starts += [m.end() for _, line in page for m in re.finditer(r"(?<=\S) +(?=[0-9]{1,3}[、.．](?![0-9]))", line)]
        if not starts and "number" in roles:  # the numbers in a 序号 column: the tasks start where most text does
            starts = [
                m.start()
                for _, line in page
                for m in re.finditer(r"(?:(?<=  )|(?<=^ ))\S+(?: \S+)*", line)
                if not m.group().isdigit() and m.start() > 0 and not _GB_PAGE.match(line.strip())
            ]
        if not starts:
            continue
        at = max(set(starts), key=starts.count)
        apart = [  # where the cells right of the task column start on this page: after a task's text on its line,
            m.start() for _, line in page for m in re.finditer(r"(?<=\S   )\S", line) if m.start() > at + 3
        ] + [  # or a short cell alone on its line, far right of the column's start
            len(line) - len(line.lstrip())
            for _, line in page
            if len(line) - len(line.lstrip()) > at + 8 and len(line.strip()) <= 8 and not _GB_PAGE.match(line.strip())
        ]
        edge = min(apart) if apart else None
        for number, line in page:
            stripped = line.strip()
            if not stripped or _GB_PAGE.match(stripped) or PAGE_FURNITURE.match(stripped):
                continue
            if [_squashed(c) for c in _COLUMN_GAP.findall(line)] == again:
                continue  # the header again on a new page
            left, begins = _split_at(line, at)
            if left is None:
                raise _refuse(tr("第 {line} 行“{text}”跨过了工作内容一列的边", line=number + 1, text=stripped))
            for part in re.findall(r"\S+(?: \S+)*", left) if "number" in roles else [left] if left.strip() else []:
                label = _squashed(part)
                if "number" in roles and label.isdigit():
                    tokens.append(_Token("number", label, number, number))
                else:
                    tokens.append(_Token("label" if _is_label(label) else "piece", _body(label), number, number))
            found_cells = list(re.finditer(r"\S+(?: \S+)*", line[begins:]))
            if found_cells and edge is not None and begins + found_cells[0].end() > edge + 1:
                # a task's line run up to the next column's text with one space between (…发放 政教处、)
                cut = line.rfind(" ", begins, edge + 2)
                tail = _squashed(line[cut:]).rstrip("、，")
                if cut > begins + found_cells[0].start() and (_is_owner(tail) or _DEADLINE.match(tail)):
                    line = line[:cut] + "   " + line[cut:]
                    found_cells = list(re.finditer(r"\S+(?: \S+)*", line[begins:]))
            for place, found in enumerate(found_cells):
                cell = joined(found.group())
                if place == 0 and begins + found.start() <= at + 3:
                    kind = "task" if NUMBER_PREFIX.match(cell) and "number" not in roles else "more"
                    tokens.append(_Token(kind, _body(cell), number, number))
                elif right:
                    x = begins + found.start() + len(found.group()) / 2
                    role = min(right, key=lambda column: abs(column[0] - x))[1]
                    if role == "free":  # 完成情况, 备注: printed as they are, only when left empty
                        raise _refuse(tr("第 {line} 行“{text}”不在能认出的列里", line=number + 1, text=cell))
                    tokens.append(_Token(role or "", _squashed(cell), number, number))
                else:
                    raise _refuse(tr("第 {line} 行“{text}”不在能认出的列里", line=number + 1, text=cell))
    return _cells_joined(tokens), after


def _split_at(line: str, at: int) -> tuple[str | None, int]:
    """A -layout line split where the task column starts: the text left of it, and where the rest begins. The
    places of Chinese text in -layout lines are a character or two off: the split is the space nearest `at`, or
    after a label standing alone left of it; None when no space is near it."""
    indent = len(line) - len(line.lstrip())
    if indent >= at - 2:
        return "", indent
    near = [m for m in re.finditer(r" +", line) if m.start() > indent and abs(m.end() - at) <= 3]
    if near:
        gap = min(near, key=lambda m: abs(m.end() - at))
        left = line[: gap.start()]
        if left.count("（") + left.count("(") > left.count("）") + left.count(")"):
            return None, 0  # a bracket open at the edge: one text across it (二、第二学期（2027 年…）
        return left, gap.end()
    first = re.match(r" *\S+(?: \S+)*", line)
    if first is not None and first.end() <= at + 1:
        return first.group(), first.end()
    return None, 0


def _cells_joined(tokens: list[_Token]) -> list[_Token]:
    """A deadline or owner cell printed on several lines, one under the other, is one cell at their middle."""
    joined_: list[_Token] = []
    last: dict[str, _Token] = {}
    for token in tokens:
        previous = last.get(token.kind)
        if (
            token.kind in ("deadline", "owner")
            and previous is not None
            and token.line - previous.line <= 2  # a line of another column can stand between (a centred cell)
            and _wrapped(previous.text, token.text, token.kind)
        ):
            previous.text += token.text
            previous.place = (previous.place * previous.count + token.line) / (previous.count + 1)
            previous.count += 1
            previous.line = token.line
            continue
        if token.kind in ("deadline", "owner"):
            last[token.kind] = token
        joined_.append(token)
    return joined_


def _wrapped(above: str, below: str, kind: str) -> bool:
    """Whether two lines one under the other are one cell: 2027 年 / 1 月 29 日, 市学生资助管 / 理中心, 学生处、 /
    各年级组; not 长期 / 持续推进 or 资助中心 / 各学校 (a cell each)."""
    if kind == "deadline":
        return not _DEADLINE.match(above) and bool(_DEADLINE.match(above + below))
    return above.endswith(("、", "，", "（")) or not _is_owner(above)


def _layout_end(lines: list[str]) -> tuple[list[str], list[str]]:
    """-layout text: the table's lines, and the lines under it (the 注 and on, the 落款 at the end)."""
    for index, line in enumerate(lines):
        following = next((x for x in lines[index + 1 :] if x.strip()), "")
        if (
            index
            and re.match(r"^ {0,2}[一二三四五六七八九十]+、\S", line)
            and not re.search(r"\S {3,}\S", following)
            and not _GB_PAGE.match(following.strip())
        ):  # 四、工作要求 under the table: the text after it
            return lines[:index], _unwrapped(lines[index:])
        if line.strip().startswith("注") and index:
            return lines[:index], _unwrapped([x for x in lines[index:] if not _GB_PAGE.match(x.strip())])
    end = len(lines)
    while end and (not lines[end - 1].strip() or _GB_PAGE.match(lines[end - 1].strip())):
        end -= 1
    tail = end
    if tail and SIGNATURE_DATE.match(_squashed(lines[tail - 1])):
        tail -= 1
        while tail and _organisation_line(lines[tail - 1].strip()) and lines[tail - 1].startswith("   "):
            tail -= 1
        return lines[:tail], [joined(x) for x in lines[tail:end]]
    return lines[:end], []


def _table_end(tokens: list[_Token]) -> tuple[list[_Token], list[str]]:
    """The lines under the table: the 注 and what follows it, the 落款 (an office above a date) at the end."""
    for index, token in enumerate(tokens):
        if token.kind in ("more", "owner") and token.text.startswith("注") and index > 0:
            return tokens[:index], [t.text for t in tokens[index:]]
    end = len(tokens)
    if end >= 2 and SIGNATURE_DATE.match(_squashed(tokens[-1].text)):
        end -= 1
        while end > 0 and tokens[end - 1].kind in ("more", "owner") and _organisation_line(tokens[end - 1].text):
            end -= 1
    return tokens[:end], [t.text for t in tokens[end:]]


def _refuse(reason: str) -> NotPlaced:
    return NotPlaced(
        tr(
            "这是从 PDF 复制的文本，但{reason}，分不清哪些任务属于哪个时段；没有导入（以免写出错的计划）。"
            "请改用原来的 Word、Excel 文件导入，或从发布的网页复制",
            reason=reason,
        )
    )


def _placed(tokens: list[_Token], roles: list[str | None], layout: bool) -> list[_Group]:
    """The tasks in their groups (a numbering restart starts the next), each label, deadline and owner in the group
    or task whose lines it stands among."""
    groups: list[_Group] = []
    previous = 0
    if "number" in roles:
        tokens = _numbered_by_column(tokens)
    for token in tokens:
        if token.kind == "task":
            number = _number(token.number or token.text)
            if not groups or number <= previous:
                groups.append(_Group(first=token.place))
            groups[-1].tasks.append([token.text])
            groups[-1].numbers.append(token.number)
            groups[-1].spans.append((token.place, token.place))
            groups[-1].last = token.place
            previous = number
        elif token.kind == "more":
            if not groups:
                raise _refuse(tr("第一项编号的任务前有“{text}”", text=token.text))
            groups[-1].tasks[-1].append(token.text)
            groups[-1].last = token.place
            groups[-1].spans[-1] = (groups[-1].spans[-1][0], token.place)
    if not groups:
        raise _refuse(tr("表格里没有编号的任务（1、 2、 …）"))
    _lines_checked(groups)
    if "period" not in roles:  # a table of tasks alone (序号 | 工作内容 | 时间 | 责任股室)
        if any(t.kind in ("label", "piece") for t in tokens) or len(groups) > 1:
            raise _refuse(tr("表格没有时间一列，编号却从头编起了 {count} 次", count=len(groups)))
        for kind in ("deadline", "owner"):
            if kind in roles:
                _cells_placed(tokens, groups, kind)
        return groups
    labels = _labels(tokens, layout)
    first_task = min(g.first for g in groups)
    if not layout and len(labels) == len(groups) > 1 and all(place < first_task for _, place in labels):
        for group, (text, _) in zip(groups, labels, strict=True):  # the label column copied as one block
            group.label = text
        for kind in ("deadline", "owner"):
            if kind in roles:
                _cells_placed(tokens, groups, kind)
        return groups
    broken = [text for text, _ in labels if not (_is_label(text) or (layout and len(text) <= 30))]
    if broken:
        raise _refuse(tr("“{text}”不是能读懂的时段标签", text=broken[0]))
    if layout:
        groups = _centred(groups, labels)
    for group, found in zip(groups, _assigned(labels, [(g.first, g.last) for g in groups]), strict=True):
        distinct = list(dict.fromkeys(found))  # a period across a page break prints its label on both pages
        if len(distinct) != 1:
            raise _refuse(
                tr(
                    "按编号分出的一组任务（从“{task}”起）旁边有 {count} 个时段标签",
                    task=group.tasks[0][0],
                    count=len(distinct),
                )
                if distinct
                else tr("按编号分出的一组任务（从“{task}”起）旁边没有时段标签", task=group.tasks[0][0])
            )
        group.label = distinct[0]
    for kind in ("deadline", "owner"):
        if kind in roles:
            _cells_placed(tokens, groups, kind)
    return groups


def _labels(tokens: list[_Token], layout: bool) -> list[tuple[str, float]]:
    """The labels with their places; a label printed on two lines (元月至 / 二月份; in -layout text any lines one
    under the other in the label column) is joined, and stands at the middle of its lines."""
    labels: list[tuple[str, list[float], int]] = []  # text, places, last printed line
    for token in tokens:
        if token.kind not in ("label", "piece"):
            continue
        if labels and (
            (layout and token.line - labels[-1][2] == 1 and not (_is_label(labels[-1][0]) and _is_label(token.text)))
            or (not _is_label(labels[-1][0]) and token.line - labels[-1][2] <= 2)
        ):
            text, places, _ = labels[-1]
            labels[-1] = (text + token.text, [*places, token.place], token.line)
        else:
            labels.append((token.text, [token.place], token.line))
    return [(text, sum(places) / len(places)) for text, places, _ in labels]


def _assigned(found: list[tuple[str, float]], spans: list[tuple[float, float]]) -> list[list[str]]:
    """Cells put with the group (or task) whose lines they stand among; one between two goes to the one before if
    that has none yet (a deadline after its tasks), else to the one after (a label above its tasks)."""
    placed: list[list[str]] = [[] for _ in spans]
    between: list[tuple[str, int]] = []
    for text, index in found:
        inside = next((n for n, (first, last) in enumerate(spans) if first <= index <= last), None)
        if inside is not None:
            placed[inside].append(text)
        else:
            between.append((text, sum(1 for first, _ in spans if first < index)))  # the group after: its number
    for text, after in between:
        before = after - 1
        if after >= len(spans) or (before >= 0 and (not placed[before] or text in placed[before])):
            placed[before].append(text)
        else:
            placed[after].append(text)
    return placed


def _cells_placed(tokens: list[_Token], groups: list[_Group], kind: str) -> None:
    """The deadlines (or owners) of the table: one a group (a by-period table), or one a task."""
    found = [(t.text, t.place) for t in tokens if t.kind == kind]
    if not found:
        return
    spans = [span for group in groups for span in group.spans]
    by_task = _assigned(found, spans)
    if len(found) == len(spans) and all(len(values) == 1 for values in by_task):
        values = iter(by_task)  # a cell left empty is no cell in the copy: refused below
        for group in groups:
            for _ in group.tasks:
                getattr(group, f"task_{kind}s").append("".join(next(values)))
        return
    by_group = _assigned(found, [(g.first, g.last) for g in groups])
    if all(len(set(values)) == 1 for values in by_group):
        for group, values in zip(groups, by_group, strict=True):
            setattr(group, kind, values[0])
        return
    what = tr("完成时间") if kind == "deadline" else tr("责任单位")
    tasks = sum(len(g.tasks) for g in groups)
    raise _refuse(
        tr(
            "{what}一列有 {found} 格，对不上 {groups} 个时段或 {tasks} 项任务",
            what=what,
            found=len(found),
            groups=len(groups),
            tasks=tasks,
        )
    )


def _table(header: list[str], roles: list[str | None], groups: list[_Group]) -> Table:
    cells = [Cell([Paragraph(text)], 0, c) for c, text in enumerate(header)]
    row = 1
    per_task = any(g.task_deadlines or g.task_owners for g in groups)
    by_period = "deadline" in roles and not per_task
    for group in groups:
        tasks = ["".join(lines) for lines in group.tasks]
        values = {"period": group.label, "deadline": group.deadline, "owner": group.owner}
        if by_period:
            cells += [
                Cell(
                    [Paragraph(t) for t in tasks] if role == "tasks" else [Paragraph(values.get(role or "", ""))],
                    row,
                    c,
                )
                for c, role in enumerate(roles)
            ]
            row += 1
            continue
        for c, role in enumerate(roles):
            if role == "tasks":
                cells += [Cell([Paragraph(t)], row + i, c) for i, t in enumerate(tasks)]
            elif role == "deadline" and group.task_deadlines:
                cells += [Cell([Paragraph(t)], row + i, c) for i, t in enumerate(group.task_deadlines)]
            elif role == "number":
                cells += [Cell([Paragraph(t)], row + i, c) for i, t in enumerate(group.numbers)]
            elif role == "free":
                cells += [Cell([Paragraph("")], row + i, c) for i in range(len(tasks))]
            elif role == "owner" and group.task_owners:
                cells += [Cell([Paragraph(t)], row + i, c) for i, t in enumerate(group.task_owners)]
            else:
                cells.append(Cell([Paragraph(values.get(role or "", ""))], row, c, rowspan=len(tasks)))
        row += len(tasks)
    return Table(cells, row, len(header))


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    found = NUMBER_PREFIX.match(text)
    assert found is not None
    for key in ("d", "b"):
        if found[key]:
            return int(found[key])
    from aidplan.plan.numerals import parse_number

    return parse_number(found["cb"] or found["cn"] or "") or "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".find(text.strip()[0]) + 1


def _width(text: str) -> float:
    return sum(0.5 if ord(char) < 0x2000 else 1 for char in text)  # “” and — are as wide as a character


def _lines_checked(groups: list[_Group]) -> None:
    """A task's lines wrap at the column's width: a short line before its last one is a line the copy took out of
    its place (a run of Latin letters or a line of another cell)."""
    lines = [line for group in groups for task in group.tasks for line in task]
    full = max(_width(line) for line in lines)
    for group in groups:
        for task in group.tasks:
            short = [line for line in task[:-1] if _width(line) < full * 0.6]
            if short:
                raise _refuse(
                    tr(
                        "任务“{task}”里的一行“{line}”比这一列的宽度短得多（复制时文字的次序乱了）",
                        task=task[0],
                        line=short[0],
                    )
                )


def _centred(groups: list[_Group], labels: list[tuple[str, float]]) -> list[_Group]:
    """-layout text, numbering that runs on through several periods: a group's tasks split into one run a label
    beside them, each label at the middle of its run's lines (a merged cell centres its text). One way to split
    must fit clearly best; when none or several do, the text is refused."""
    found = _assigned(labels, [(g.first, g.last) for g in groups])
    places = iter(place for _, place in labels)
    result: list[_Group] = []
    for group, texts in zip(groups, found, strict=True):
        mine = [next(places) for _ in texts]
        if len(set(texts)) <= 1:
            result.append(group)
            continue
        spans = group.spans
        ends = _runs(spans, mine)
        if ends is None:
            raise _refuse(
                tr(
                    "编号在 {count} 个时段里连续编下去（从“{task}”起），按时段标签所在的行分不出唯一的一种分法",
                    count=len(texts),
                    task=group.tasks[0][0],
                )
            )
        for first, end in ends:
            result.append(
                _Group(
                    tasks=group.tasks[first:end],
                    first=spans[first][0],
                    last=spans[end - 1][1],
                    spans=spans[first:end],
                )
            )
    return result


def _unwrapped(lines: list[str]) -> list[str]:
    """-layout text around the table: a paragraph's lines joined again. A line starting at the margin goes on the
    paragraph above when that one starts indented (its first line) and its last line is as wide as the text."""
    widest = max((_width(line.strip()) for line in lines), default=0)
    paragraphs: list[str] = []
    indent: int | None = None  # the open paragraph's first-line indent
    last = ""
    for line in lines:
        text = line.replace("\f", "").rstrip()
        if not text.strip() or _GB_PAGE.match(text.strip()):
            indent = None
            continue
        margin = len(text) - len(text.lstrip())
        full = _width(last) >= widest - 3 and not last.endswith(("。", "：", "；"))
        if indent is not None and indent <= 4 and margin == 0 and full and (indent or paragraphs[-1].startswith("注")):
            paragraphs[-1] += joined(text)
        else:
            paragraphs.append(joined(text))
            indent = margin
        last = text.strip()
    return paragraphs


def _runs(spans: list[tuple[float, float]], middles: list[float]) -> list[tuple[int, int]] | None:
    """Tasks (their lines) split into one run a middle (a label, a number), each within a line of its run's middle:
    the split whose middles stand nearest, when every other split is worse by a line or more; else None."""
    count = len(middles)
    # best[label][end]: the two cheapest splits of spans[:end] among the first `label` middles, (cost, runs)
    best: list[list[list[tuple[float, tuple[tuple[int, int], ...]]]]] = [
        [[] for _ in range(len(spans) + 1)] for _ in range(count + 1)
    ]
    best[0][0] = [(0.0, ())]
    for label in range(1, count + 1):
        for end in range(1, len(spans) + 1):
            found = []
            for first in range(end):
                for cost, runs in best[label - 1][first]:
                    off = abs((spans[first][0] + spans[end - 1][1]) / 2 - middles[label - 1])
                    if off <= 1:
                        found.append((cost + off, (*runs, (first, end))))
            best[label][end] = sorted(found)[:2]
    splits = best[count][len(spans)]
    if not splits or (len(splits) > 1 and splits[1][0] - splits[0][0] < 1):
        return None
    return list(splits[0][1])


def _numbered_by_column(tokens: list[_Token]) -> list[_Token]:
    """-layout text with a 序号 column: the task column's lines divided into tasks, each number at the middle of its
    task's lines (a cell centres its text), as labels divide runs of tasks."""
    lines = [t for t in tokens if t.kind == "more"]
    numbers = [t for t in tokens if t.kind == "number"]
    if not numbers or not lines:
        raise _refuse(tr("表格里没有编号的任务（1、 2、 …）"))
    runs = _runs([(t.place, t.place) for t in lines], [t.place for t in numbers])
    if runs is None:
        raise _refuse(tr("序号一列的 {count} 个编号分不出各项任务从哪一行起", count=len(numbers)))
    first = {id(lines[start]): (numbers[n].text, end) for n, (start, end) in enumerate(runs)}
    result: list[_Token] = []
    for token in tokens:
        if token.kind == "number":
            continue
        if token.kind == "more" and id(token) in first:
            token.kind, token.number = "task", first[id(token)][0]
        result.append(token)
    return result


def _rewrapped(lines: list[str]) -> list[str]:
    """Text in the reading order around the table: a line as wide as the page's text (a paragraph's line, 22
    characters or more) goes on with the line after it, unless it ends a sentence or the next starts a heading
    or the 落款's date."""
    texts = [line.strip() for line in lines if line.strip() and not _GB_PAGE.match(line.strip())]
    widest = max((_width(text) for text in texts), default=0)
    joined_: list[str] = []
    wraps = False
    for text in texts:
        if wraps and not NUMBER_PREFIX.match(text) and not SIGNATURE_DATE.match(_squashed(text)):
            joined_[-1] += text
        else:
            joined_.append(text)
        wraps = widest >= 22 and _width(text) >= widest - 1.5 and not text.endswith(("。", "：", "；", ":", ";"))
    return joined_
