"""Text copied out of a Word table, a web page or a PDF, back into a table.

Three shapes arrive: cells that each start a line with a tab (a Word table copied as text: a cell's own lines
follow it), rows of cells separated by tabs or | on one line (a spreadsheet, a web table), and one cell per line
(a web page or a PDF). The damage they carry is repaired here: page numbers (— 2 —) and the header row repeated
on every page are dropped, a period label glued to its first task is split off, and lines wrapped inside a cell
are joined again (tasks run together on one line are split by the recogniser)."""

from __future__ import annotations

import re

from aidplan.errors import AidplanError
from aidplan.ingest.document import Cell, Paragraph, SourceDocument, Table
from aidplan.ingest.recognise import (
    ATTACHMENT,
    NUMBER_PREFIX,
    PAGE_FURNITURE,
    SIGNATURE_DATE,
    _organisation_line,
    role_of,
)
from aidplan.messages import later, tr
from aidplan.plan.periods import PeriodLabelError, parse_period_label

_DEADLINE = re.compile(
    r"^(?:(?:19|20)[0-9]{2}\s*年\s*)?(?:次年)?[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*[日号]\s*(?:前|之前|以前)?$"
    r"|^(?:19|20)[0-9]{2}[-/.][0-9]{1,2}[-/.][0-9]{1,2}$|^(?:每月|每周|每季度?).{0,8}$|^全年$|^长期$"
)
_TITLE_LINE = re.compile(r"^[^。；;，,：:！!？?]{2,40}$")
_WEEK = r"[一二三四五六七八九十百零0-9]+"
_TERM_LABEL = re.compile(rf"第{_WEEK}(?:[-—至~、]{_WEEK})?周|预备周|开学前|开学初|期中|期末")
_LABEL_MAX = 16  # characters: a period label is short


def _header_role(text: str) -> str | None:
    """The role of a line that can be a header cell: short, and naming a column (工作内容, 完成时间)."""
    return role_of(text) if 0 < len(re.sub(r"\s+", "", text)) <= 10 else None


def _header_cell(text: str) -> bool:
    """Whether a cell can be a header: it names a column, and is not a period label or a bare number."""
    squashed = re.sub(r"\s+", "", text)
    return _header_role(text) is not None and not _is_label(text) and not squashed.isdigit()


def _is_label(text: str) -> bool:
    squashed = re.sub(r"\s+", "", text)
    if not squashed or len(squashed) > _LABEL_MAX or NUMBER_PREFIX.match(squashed) or _DEADLINE.match(squashed):
        return False
    if _TERM_LABEL.fullmatch(squashed):
        return True  # a week or a part of the term, read with the plan's term
    try:
        parse_period_label(squashed, 2000)
    except (PeriodLabelError, ValueError):
        return False
    return True


def _glued_label(text: str) -> tuple[str, str] | None:
    """A period label glued to its first task (三月份1.审核汇总…): (label, task)."""
    squashed = text.strip()
    for found in re.finditer(r"(?=(?:[0-9]{1,3}\s*[、.．](?![0-9])|[（(][0-9]{1,3}[)）]|[①-⑳]))", squashed):
        head = squashed[: found.start()].strip()
        if head and _is_label(head):
            return head, squashed[found.start() :].strip()
        if head:
            break
    return None


def _clean(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    lines = text.split("\n")
    return [line for line in lines if not PAGE_FURNITURE.match(line.strip())]


def _paragraphs(lines: list[str]) -> list[Paragraph]:
    return [Paragraph(line.strip()) for line in lines if line.strip()]


# what a web page prints around its article: where it is (首页 > 通知公告), when and by whom it was published, its
# buttons (【打印本页】【关闭窗口】, 【字体：大 中 小】)
_BREADCRUMB = re.compile(r"^(?:首页|当前位置|您的位置|您现在的位置|位置)\s*[：:]?\s*(?:[>＞»›/]|$)")
_BUTTONS = re.compile(r"^(?:【[^】]{1,12}】\s*)+$|^\[[^\]]{1,12}\](?:\s*\[[^\]]{1,12}\])*$")
_PUBLISHED = re.compile(r"^(?:发布时间|发布日期|发布者|来源|作者|浏览次数|点击数|阅读次数|编辑)\s*[：:]")


def _web_furniture(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines of the page, and the page furniture said as left out."""
    kept, left_out = [], []
    for line in lines:
        squashed = line.strip()
        if _PUBLISHED.match(squashed):
            left_out.append(later("网页上的发布信息“{v0}”", v0=squashed))
        elif _BREADCRUMB.match(squashed) or _BUTTONS.match(squashed):
            left_out.append(later("网页上的导航或按钮“{v0}”", v0=squashed))
        else:
            kept.append(line)
    return kept, left_out


def read_pasted(text: str) -> SourceDocument:
    from aidplan.ingest.pdftext import NotPlaced, pdf_copy, printed_pages, read_pdf_copy

    if pdf_copy(text):  # a PDF's text: its labels stand among their tasks (aidplan.ingest.pdftext)
        from aidplan.ingest.published import published_as_paragraphs

        try:
            document = read_pdf_copy(text, [])
        except NotPlaced:
            if printed_pages(text):
                raise
            document = None  # only spaces around digits say PDF (a web page prints them too): read as before
        if document is not None:
            return document
        if printed_pages(text) and not published_as_paragraphs(_clean(text)):
            raise _not_a_table()
    lines, left_out = _web_furniture(_clean(text))
    document = _read_lines(lines)
    document.left_out = left_out + document.left_out
    return document


def _not_a_table() -> AidplanError:
    return AidplanError(
        tr(
            "这是从 PDF 复制的文本，但没有找到表头（时间、工作内容……各占一格），分不清哪些文字是哪一格；没有导入"
            "（以免写出错的计划）。请改用原来的 Word、Excel 文件导入，或从发布的网页复制"
        )
    )


def _read_lines(lines: list[str]) -> SourceDocument:
    tab_led = sum(1 for line in lines if line.startswith("\t"))
    if tab_led >= 3:  # copied from Word: a tab after an automatic number (1.<TAB>审核…) is the number's
        lines = [_LIST_NUMBER_TAB.sub(r"\1\2", line) for line in lines]
    mid_tab = sum(1 for line in lines if "\t" in line.strip())  # a tab between cells: a row on one line
    if tab_led >= 3 and mid_tab < 3:
        return _tab_led(lines)
    separated = [line for line in lines if "\t" in line.rstrip() or line.count("|") >= 2]
    if len(separated) >= 2:  # a header row and one row of tasks at least
        return _separated(lines)
    from aidplan.ingest.published import published_as_paragraphs

    if published_as_paragraphs(lines):  # a 工作要点 as a web page prints it: paragraphs, no table
        return SourceDocument(_split_head(lines, len(lines)), "文本")
    return _one_per_line(lines)


def _split_head(lines: list[str], first_table_line: int) -> list[Paragraph]:
    head = _paragraphs(lines[:first_table_line])
    for index, paragraph in enumerate(head):
        if not ATTACHMENT.match(paragraph.text):
            paragraph.centred = True  # the first line that is not the 附件 label is the title
            for line in head[index + 1 :]:  # and the short lines right under it, a title printed on several
                if not _TITLE_LINE.match(re.sub(r"\s+", "", line.text)) or NUMBER_PREFIX.match(line.text):
                    break
                line.centred = True
            break
    return head


def _tab_led(lines: list[str]) -> SourceDocument:
    """A Word table copied as text: each cell starts a line with a tab; the cell's other lines follow it. Two
    empty lines end a table: the lines after it up to the next table are paragraphs (its notes, the next table's
    heading)."""
    first = next(i for i, line in enumerate(lines) if line.startswith("\t"))
    blocks: list = _split_head(lines, first)
    rest = lines[first:]
    current: list[str] = []
    index = 0
    while index < len(rest):
        line = rest[index]
        if not line.strip() and index + 1 < len(rest) and not rest[index + 1].strip() and current:
            end = index
            while end < len(rest) and not rest[end].strip():
                end += 1
            if end >= len(rest) or not rest[end].startswith("\t"):
                following = end
                while following < len(rest) and not rest[following].startswith("\t"):
                    following += 1
                blocks.append(_tab_table(current))
                blocks += _paragraphs(rest[end:following])
                current = []
                index = following
                continue
        current.append(line)
        index += 1
    if current:
        blocks.append(_tab_table(current))
    return SourceDocument(blocks, "从 Word 表格复制的文本")


# Word copies an automatically numbered paragraph with a tab after its number (1.<TAB>审核…): the number's, not a
# cell's boundary
_LIST_NUMBER_TAB = re.compile(
    r"(^|\t)((?:[0-9]{1,3}[.．、]|[（(][0-9一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|[①-⑳]))\t(?=\S)"
)


def _tab_table(lines: list[str]) -> Table:
    chunks: list[list[str]] = []
    for line in lines:
        if line.startswith("\t"):
            for piece in line[1:].split("\t"):
                chunks.append([piece])
        else:
            chunks[-1].append(line)
    columns = 0
    while (
        columns < len(chunks)
        and _header_cell("".join(chunks[columns]))
        and not NUMBER_PREFIX.match("".join(chunks[columns]))  # 一、综合工作: a category row's cell, not a header
    ):
        columns += 1
        if len(chunks[columns - 1]) > 1 and not chunks[columns - 1][-1].strip():
            break  # the empty line that ends the header row
    end = next((i for i, chunk in enumerate(chunks) if len(chunk) > 1 and not chunk[-1].strip()), None)
    if end is not None and end + 1 > columns and _header_row(["".join(chunk) for chunk in chunks[: end + 1]]):
        columns = end + 1  # 类 | 内容 | 时限: a header no word names beside ones that do, up to the row's end
    columns = max(columns, 2)
    header = chunks[:columns]
    body = chunks[columns:]
    rows = [header] + [body[i : i + columns] for i in range(0, len(body), columns)]
    cells = []
    for r, row in enumerate(rows):
        for c, chunk in enumerate(row):
            if r == 0:
                cells.append(Cell([Paragraph("\n".join(line for line in chunk if line.strip()))], r, c))
            else:
                cells.append(Cell(_paragraphs(chunk) or [Paragraph("")], r, c))
    return _repeated_headers_dropped(Table(cells, len(rows), columns))


def _header_row(cells: list[str]) -> bool:
    """Whether the cells of a row are a header: two name a column (内容, 时限), and every one is short, neither
    numbered nor a period label (类 beside them is a header no word names)."""
    short = all(0 < len(re.sub(r"\s+", "", c)) <= 10 and not NUMBER_PREFIX.match(c.strip()) for c in cells)
    return short and sum(1 for c in cells if _header_cell(c)) >= 2 and not any(_is_label(c) for c in cells)


def _repeated_headers_dropped(table: Table) -> Table:
    """The header row printed again on every page comes back as rows equal to the first: drop them."""
    by_row: dict[int, list[Cell]] = {}
    for cell in table.cells:  # once through the cells: a table of thousands of rows is read in linear time
        by_row.setdefault(cell.row, []).append(cell)
    header = [re.sub(r"\s+", "", c.text) for c in by_row.get(0, [])]
    keep: list[int] = [0]
    for row in range(1, table.rows):
        texts = [re.sub(r"\s+", "", c.text) for c in by_row.get(row, [])]
        if texts != header:
            keep.append(row)
    cells = []
    for new, old in enumerate(keep):
        for cell in by_row.get(old, []):
            cell.row = new
            cells.append(cell)
    return Table(cells, len(keep), table.columns)


def _separated(lines: list[str]) -> SourceDocument:
    """Rows on one line each, cells separated by tabs or |. A heading line (二、第二学期…) right above a header
    row ends the table: the next table starts under it."""
    first = next(i for i, line in enumerate(lines) if _row_line(line))
    blocks: list = _split_head(lines, first)
    rows: list[list[str]] = []
    after: list[str] = []
    kinds: dict[int, set[str]] = {}  # what the cells of each column of the full rows are (_kind)
    widest = 0  # cells in the full rows of the body

    pending: str | None = None  # a category typed alone on its line, waiting for the row it heads

    def flush() -> None:
        if pending is not None:
            rows.append([pending] + [""] * (len(rows[0]) - 1))
        _second_header_placed(rows)
        width = max(len(row) for row in rows)
        table = Table.from_rows([row + [""] * (width - len(row)) for row in rows])
        blocks.append(_repeated_headers_dropped(table))
        blocks.extend(_paragraphs(after))

    rest = lines[first:]
    for index, line in enumerate(rest):
        stripped = line.strip()
        if not stripped:
            continue
        if set(stripped) <= set("|-:+ "):
            continue  # a Markdown rule or a drawn border
        if _row_line(line):
            piped = "|" in stripped and "\t" not in stripped
            # empty cells at the end of a row keep their tabs (a row a spreadsheet copied in full), as far as the
            # header reaches: only a row cut short by a line break inside a cell has fewer cells than the header
            raw = line.rstrip() if not rows else line.rstrip(" \r\n")
            cells = [cell.strip() for cell in (stripped.strip("|").split("|") if piped else raw.split("\t"))]
            while rows and len(cells) > len(rows[0]) and not cells[-1]:
                cells.pop()
            if len(rows) > 1 and len(rows[-1]) >= len(rows[0]) and widest:
                cells = _merged_cells_restored(cells, widest, kinds)
            if pending is not None:
                if cells[0].strip():
                    rows.append([pending] + [""] * (len(rows[0]) - 1))
                else:
                    cells[0] = pending
                pending = None
            if len(rows) > 1 and len(rows[-1]) + len(cells) - 1 <= len(rows[0]) and _continues(rows[-1], cells):
                # a cell broken onto a second line: its rest, then the row's remaining cells
                rows[-1][-1] += "\n" + cells[0]
                rows[-1] += cells[1:]
                continue
            rows.append(cells)
            if len(rows) > 1 and len(cells) >= max(widest, len(rows[0])):
                if len(cells) > widest:  # the body is wider than its header (a header merged across two columns)
                    widest, kinds = len(cells), {}
                for column, cell in enumerate(cells):
                    if cell.strip():
                        kinds.setdefault(column, set()).add(_kind(cell))
        elif rows and len(rows) > 1 and _heading_over_a_header(stripped, rest[index + 1 :], rows[0]):
            flush()  # 二、第二学期 above the next table's header
            blocks.append(Paragraph(stripped))
            rows, after, kinds, widest, pending = [], [], {}, 0, None
        elif len(rows) > 1 and not after and pending is None and _category_alone(stripped, rows):
            pending = stripped  # 四、工作保障 typed alone on its line: the first cell of the row under it
        elif (
            rows
            and not after
            and not stripped.startswith("注")
            and not _signature_below(stripped, rest[index:])
            and not _section_below(stripped, rest[index:])
        ):
            rows[-1][-1] += "\n" + stripped  # a cell's next line
        else:
            after.append(stripped)
    flush()
    return SourceDocument(blocks, "分栏的文本")


def _signature_below(text: str, rest: list[str]) -> bool:
    """Whether a line under the last row starts the 落款: an office above a date (青溪县学生资助管理中心 /
    2026年1月8日), or the date itself, with no row of cells after it."""
    following = [line.strip() for line in rest[1:] if line.strip()]
    if any(_row_line(line) for line in following):
        return False
    squashed = re.sub(r"\s+", "", text)
    if SIGNATURE_DATE.match(squashed):
        return True
    return _organisation_line(text) and bool(following) and bool(SIGNATURE_DATE.match(re.sub(r"\s+", "", following[0])))


_CATEGORY_LABEL = re.compile(r"^(?P<n>[一二三四五六七八九十]+)、[^。；;，,：:！!？?]{1,16}$")


def _category_alone(text: str, rows: list[list[str]]) -> bool:
    """Whether a line without cells is a category of the first column typed alone on its line (四、工作保障 under
    rows whose first cells are 一、落实政策, 二、规范管理): a label numbered after the last one the column holds, not
    a cell's next line."""
    from aidplan.plan.numerals import parse_number

    found = _CATEGORY_LABEL.match(re.sub(r"\s+", "", text))
    if found is None:
        return False
    numbers = [
        parse_number(label["n"])
        for row in rows[1:]
        if row and (label := _CATEGORY_LABEL.match(re.sub(r"\s+", "", row[0])))
    ]
    number = parse_number(found["n"])
    return bool(numbers) and number is not None and all(n is not None and n < number for n in numbers)


def _section_below(text: str, rest: list[str]) -> bool:
    """Whether a line under the last row starts the text after the table: a section heading (四、工作要求) with
    no row of cells after it."""
    return bool(re.match(r"^[一二三四五六七八九十]+、\S", text.strip())) and not any(_row_line(x) for x in rest[1:])


def _second_header_placed(rows: list[list[str]]) -> None:
    """Two header rows copied from a web page without the empty cells before the lower one: 时间 | 序号 | 工作任务 |
    责任单位 | 完成时限 over 牵头单位 | 配合单位, the body one column wider. The lower cells go under the upper header
    they divide (the one whose role is theirs, 责任单位), which is carried over the cells after it, as a spreadsheet
    copies a merged header."""
    if len(rows) < 3:
        return
    top, lower = rows[0], rows[1]
    extra = len(lower) - 1
    body = [len(row) for row in rows[2:]]
    if extra < 1 or not all(_header_cell(cell) for cell in lower) or max(body) != len(top) + extra:
        return
    roles = {_header_role(cell) for cell in lower}
    at = next((c for c, cell in enumerate(top) if _header_role(cell) in roles), None)
    if at is None:
        return
    rows[0] = top[: at + 1] + [""] * extra + top[at + 1 :]
    rows[1] = [""] * at + lower + [""] * (len(top) - at - 1)


def _row_line(line: str) -> bool:
    return "\t" in line.rstrip() or line.strip().count("|") >= 2


def _heading_over_a_header(text: str, following: list[str], header: list[str]) -> bool:
    """Whether a line without cells is a table's heading (一、… （一）…) with a header row right under it: the
    first header's cells again, or cells that all name columns."""
    if not re.match(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", text):
        return False
    line = next((line for line in following if line.strip()), "")
    if not _row_line(line):
        return False
    cells = [c.strip() for c in re.split(r"\t|\|", line.strip().strip("|")) if c.strip()]
    return cells == [h for h in header if h] or (len(cells) >= 2 and all(_header_cell(c) for c in cells))


_DATE_CELL = re.compile(r"^(?=.*[0-9])[0-9０-９.．\-—–~～至年月日号前底初中上下旬（）()]{2,16}$")


def _kind(text: str) -> str:
    """What a cell holds, to tell which column it belongs to: a bare number, a date, a category (一、综合), a
    numbered task, a week, a 旬, a routine (每周一), an office, a period label, or short or long text."""
    squashed = re.sub(r"\s+", "", text)
    if not squashed:
        return "empty"
    if squashed.isdigit():
        return "number"
    if _DATE_CELL.match(squashed):
        return "date"  # 3月27日前, 2.26-3.1
    if _CATEGORY_LABEL.match(squashed):
        return "category"  # 一、综合 under 类, not a task numbered 1、
    if NUMBER_PREFIX.match(squashed):
        return "numbered"  # 2、各班召开… under 工作内容
    if _TERM_LABEL.fullmatch(squashed) or squashed.endswith("周"):
        return "week"  # 第二周 under 周次, not 九月 under 月份
    if squashed.endswith("旬"):
        return "xun"  # 中旬 under 旬
    if re.match(r"^每(?:周|月|季度?|学期|年)", squashed) and len(squashed) <= 8:
        return "routine"  # 每周五 under the 旬 column's 每周一
    if _is_owner(squashed):
        return "office"
    if _is_label(squashed):
        return "label"
    return "long" if len(squashed) > _LABEL_MAX else "short"


def _merged_cells_restored(cells: list[str], width: int, kinds: dict[int, set[str]]) -> list[str]:
    """A web page's table copied as text leaves out the cells a merged cell covers: the rows under a merged 3月
    arrive one cell short, their first cell (序号 2) in the place of the label. Such a row gets its missing
    cells back in front where its cells, so moved, are of the kinds the full rows hold in those columns (a
    number under 序号, a date under 完成时限, an office under 责任单位) better than where they stand."""
    short = width - len(cells)
    if not 0 < short < width or not cells[0].strip():
        return cells
    found = [_kind(cell) for cell in cells]

    def fits(offset: int) -> int:
        return sum(1 for i, kind in enumerate(found) if kind != "empty" and kind in kinds.get(i + offset, set()))

    best = max(range(short + 1), key=lambda offset: (fits(offset), -offset))
    return [""] * best + cells if best else cells


def _continues(row: list[str], cells: list[str]) -> bool:
    """Whether a line of cells goes on with the row above, which lacks cells: its first cell is no period label
    and no number of a row (1, 2…), so it is the rest of the row's last cell broken onto a second line."""
    first = re.sub(r"\s+", "", cells[0])
    category = re.match(
        r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", first
    )  # 二、资金发放: a row of its own
    return bool(first) and bool(row[-1].strip()) and not _is_label(first) and not first.isdigit() and not category


_OWNER = re.compile(
    r"^(?:各.{1,10}|.{0,14}(?:中心|股|科|室|处|局|厅|校|园|院|办|组|部|委|会|队|站|所|老师|主任|书记|校长))$"
)


def _is_owner(text: str) -> bool:
    """A line that reads as a 责任单位 cell: a short name of an office, a unit or a person's post."""
    squashed = re.sub(r"\s+", "", text)
    return bool(_OWNER.match(squashed)) and not re.search(r"[。；;，,：:]", squashed) and not NUMBER_PREFIX.match(text)


def _one_per_line(lines: list[str]) -> SourceDocument:
    """One cell per line, as a web page or a PDF gives a table: the header's cells, then each period label, its
    tasks (numbered, their wrapped lines following) and, where the table has the column, its deadline."""
    items = [line.strip() for line in lines]
    start = next(
        (
            i
            for i, item in enumerate(items)
            if _header_role(item) is not None and not _title_like(i, items) and not re.search(r"[。；;，,：:]", item)
        ),
        None,
    )  # a header cell names a column; 请认真做好资助工作。 is a sentence
    if start is None:
        labels = [i for i, item in enumerate(items) if _is_label(item) or _glued_label(item)]
        if not labels:
            return SourceDocument(_paragraphs(lines), "文本")
        start = labels[0]
        header: list[str] = []
    else:
        header = []
        index = start
        seen: set[str | None] = {None}
        while index < len(items) and (_header_role(items[index]) not in seen or not items[index]):
            if items[index]:
                header.append(items[index])
                seen.add(_header_role(items[index]))
            index += 1
    body_start = start + _header_lines(items, start, header)
    first_body = next((item for item in items[body_start:] if item), "")
    before = start - 1
    while before >= 0 and not items[before]:
        before -= 1
    if (
        header
        and before > 0
        and any(items[:before])  # the title is above it
        and _unnamed_header(items[before])
        and _CATEGORY_LABEL.match(re.sub(r"\s+", "", first_body))
    ):
        header.insert(0, items[before])  # 类 | 内容 | 时限: a header no word names, over categories (一、综合)
        start = before
    cadence = _cadence(items, body_start, header)
    if cadence is not None:  # LibreOffice's Save As Text: every row its cells, an empty line under a merge
        rows, end = cadence
        return SourceDocument(
            [*_split_head(lines, start), Table.from_rows([header, *rows]), *_paragraphs(lines[end:])],
            "每格一行的文本",
        )
    blocks: list = _split_head(lines, start)
    roles = [_header_role(h) for h in header]
    # categories (一、综合) in the first column: a group starts at each; a time after a task is that task's
    categories = (
        bool(header) and roles[0] not in ("tasks",) and bool(_CATEGORY_LABEL.match(re.sub(r"\s+", "", first_body)))
    )
    if categories and roles[0] is None:
        roles[0] = "period"
    groups: list[dict] = []
    after: list[str] = []
    headers_again = [re.sub(r"\s+", "", h) for h in header]
    position = 0
    for item in items[body_start:]:
        if not item:
            continue
        if header and re.sub(r"\s+", "", item) == headers_again[position % len(headers_again)]:
            position += 1
            continue  # the header row printed again on a new page
        position = 0
        squashed = re.sub(r"\s+", "", item)
        glued = None if categories else _glued_label(item)
        opens = (
            _CATEGORY_LABEL.match(squashed)
            if categories
            else _is_label(item) and not (groups and groups[-1]["tasks"] == [] and groups[-1]["label"] == item)
        )
        if opens:
            groups.append(
                {"label": item, "tasks": [], "deadline": "", "owner": "", "deadlines_of": {}, "owners_of": {}}
            )
        elif glued is not None:
            groups.append(
                {
                    "label": glued[0],
                    "tasks": [glued[1]],
                    "deadline": "",
                    "owner": "",
                    "deadlines_of": {},
                    "owners_of": {},
                }
            )
        elif not groups:
            blocks.append(Paragraph(item))
        elif (item.startswith("注") and groups[-1]["tasks"]) or after:
            after.append(item)
        elif (
            "deadline" in roles
            and groups[-1]["tasks"]
            and (_DEADLINE.match(squashed) or (categories and _time_cell(squashed)))
        ):
            groups[-1]["deadline"] = item
            groups[-1]["deadlines_of"][len(groups[-1]["tasks"]) - 1] = item
        elif "owner" in roles and groups[-1]["tasks"] and _is_owner(item) and (categories or not groups[-1]["owner"]):
            groups[-1]["owner"] = item  # the row's 责任单位 cell, after its tasks
            groups[-1]["owners_of"][len(groups[-1]["tasks"]) - 1] = item
        elif NUMBER_PREFIX.match(item) or not groups[-1]["tasks"]:
            groups[-1]["tasks"].append(item)
        else:
            groups[-1]["tasks"][-1] += "\n" + item
    if not header:
        header = ["时间", "工作内容"]
        roles = ["period", "tasks"]
    cells = [Cell([Paragraph(text)], 0, c) for c, text in enumerate(header)]
    row = 1
    by_period = "deadline" in roles  # without a deadline column, a row per task (the period cell merged)
    if categories and any(len(group["deadlines_of"]) > 1 or len(group["owners_of"]) > 1 for group in groups):
        by_period = False  # a time (an office) after each task: the task's own cells, a row per task
    for group in groups:
        values = {"period": group["label"], "deadline": group["deadline"], "owner": group["owner"]}
        if by_period or not group["tasks"]:
            cells += [
                Cell(
                    [Paragraph(t) for t in group["tasks"]]
                    if role == "tasks"
                    else [Paragraph(values.get(role or "", ""))],
                    row,
                    c,
                )
                for c, role in enumerate(roles)
            ]
            row += 1
            continue
        tasks = group["tasks"]
        for c, role in enumerate(roles):
            if role == "tasks":
                cells += [Cell([Paragraph(t)], row + i, c) for i, t in enumerate(tasks)]
            elif role in ("deadline", "owner") and categories and len(own := group[f"{role}s_of"]) == len(tasks):
                cells += [Cell([Paragraph(own[i])], row + i, c) for i in range(len(tasks))]  # one after each task
            else:
                cells.append(Cell([Paragraph(values.get(role or "", ""))], row, c, rowspan=len(tasks)))
        row += len(tasks)
    blocks.append(Table(cells, row, len(header)))
    blocks += _paragraphs(after)
    return SourceDocument(blocks, "每格一行的文本")


def _cadence(items: list[str], body: int, header: list[str]) -> tuple[list[list[str]], int] | None:
    """The rows of a table saved as text one cell a line with every cell written, an empty line for a cell a
    merge covers (LibreOffice's Save As Text): rows of as many lines as the header has cells, told by the 序号
    column counting 1, 2, 3… in each row and a task in every row. None for any other shape."""
    roles = [_header_role(h) for h in header]
    width = len(header)
    if width < 3 or "number" not in roles or "tasks" not in roles:
        return None
    number, task = roles.index("number"), roles.index("tasks")
    rows: list[list[str]] = []
    at = body
    while at + width <= len(items):
        row = items[at : at + width]
        value = re.sub(r"\s+", "", row[number])
        if not value.isdigit() or int(value) != len(rows) + 1 or not row[task] or row[0].startswith("注"):
            break
        rows.append(row)
        at += width
    if len(rows) < 3 or not any(not cell for row in rows for cell in row):
        return None  # no empty cell: the rows are read as they are
    return rows, at


_TIME_CELL = re.compile(
    r"^(?:[0-9]{1,2}月(?:份)?(?:[0-9]{1,2}[日号])?(?:底|末|初|上旬|中旬|下旬)?|年底|年末|年初|年中|上半年|下半年|学期末|"
    r"学期初|每学期末|期末|期中|开学初|年内|全年|长期)(?:前|之前|以前|完成)?$"
)


def _time_cell(squashed: str) -> bool:
    """A short cell that reads as a time under 时限 (3月底, 9月, 年底前, 10月30日前) rather than as text."""
    return bool(_TIME_CELL.match(squashed) or _DATE_CELL.match(squashed))


def _unnamed_header(text: str) -> bool:
    """A header cell no word names (类, 项目类): a word or two, no number, no sentence, no period label."""
    squashed = re.sub(r"\s+", "", text)
    return 0 < len(squashed) <= 4 and not re.search(r"[0-9。；;，,：:、]", squashed) and not _is_label(squashed)


def _title_like(index: int, items: list[str]) -> bool:
    """The first line naming a plan (工作计划, 工作要点), with a header line after it: the title, not a header cell."""
    return (
        not any(items[:index])
        and re.search(r"(计划|要点|安排|方案|计划表|总结)$", items[index]) is not None
        and any(_header_role(item) is not None for item in items[index + 1 : index + 3])
    )


def _header_lines(items: list[str], start: int, header: list[str]) -> int:
    """How many lines (empty ones included) the header takes from `start`."""
    index, seen = start, 0
    while index < len(items) and seen < len(header):
        if items[index]:
            seen += 1
        index += 1
    return index - start
