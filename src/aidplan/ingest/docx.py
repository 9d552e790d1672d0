"""Read a Word .docx into the neutral document: body paragraphs and tables in reading order, merged cells
(gridSpan, vMerge), soft line breaks, Word's automatic numbers (w:numPr) printed as Word prints them, tables in
text boxes and tables nested in a layout table, and the page facts that shape the print."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from aidplan.ingest.document import Block, Cell, Paragraph, SourceDocument, Table
from aidplan.messages import later
from aidplan.plan.kinds import FONT_SIZES
from aidplan.plan.numerals import chinese_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_OLE_OBJECT = "{urn:schemas-microsoft-com:office:office}OLEObject"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


MAX_COLUMNS = 63  # Word's own limit for a table: a span past it is no plan's (w:gridSpan="5000000" would hang)


class TableTooWide(Exception):
    """A table whose cells span more grid columns than Word can hold."""

    def __init__(self, columns: int) -> None:
        super().__init__(columns)
        self.columns = columns


def _within(element, *tags: str) -> Iterator:
    """The children of `element` with one of `tags`, also those a content control (w:sdt) or a custom XML
    element wraps: a form's rows and cells (a 填报 template wraps each row in one) are the table's as well."""
    wanted = {_q(tag) for tag in tags}
    for child in element:
        if child.tag in wanted:
            yield child
        elif child.tag == _q("w:sdt"):
            content = child.find(_q("w:sdtContent"))
            if content is not None:
                yield from _within(content, *tags)
        elif child.tag == _q("w:customXml"):
            yield from _within(child, *tags)


def _q(name: str) -> str:
    prefix, _, local = name.partition(":")
    return f"{{{W if prefix == 'w' else MC}}}{local}"


def _val(element, name: str = "w:val") -> str | None:
    return None if element is None else element.get(_q(name))


# ---------------------------------------------------------------------------------------------------------------
# Automatic numbering: numbering.xml's abstract lists, their levels, and the counters Word keeps while printing


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."


@dataclass
class _List:
    abstract: str
    levels: dict[int, _Level]
    overrides: dict[int, int] = field(default_factory=dict)  # level → startOverride
    replaced: set[int] = field(default_factory=set)  # levels the w:num defines itself (lvlOverride/lvl)


_ENCLOSED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "ideographTraditional", "chineseLegalSimplified"}


def _roman(number: int) -> str:
    out = []
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):  # fmt: skip
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def format_counter(number: int, fmt: str) -> str:
    """A counter as Word prints it in the level's numFmt."""
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= number <= len(_ENCLOSED):
        return _ENCLOSED[number - 1]
    if fmt in _CHINESE_FORMATS and 0 < number < 100:
        return chinese_number(number)
    if fmt == "decimalFullWidth":
        return str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(number) if fmt == "lowerRoman" else _roman(number).upper()
    if fmt == "none":
        return ""
    return str(number)


class Numbering:
    """The numbers Word prints for numbered paragraphs, counted in document order as Word counts them: lists that
    share an abstract definition continue each other unless a w:num restarts a level (startOverride)."""

    def __init__(self, numbering_element) -> None:
        self.lists: dict[str, _List] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.style_links: dict[str, str] = {}  # abstract id → the numbering style whose list it is (numStyleLink)
        if numbering_element is None:
            return
        abstracts: dict[str, dict[int, _Level]] = {}
        for abstract in numbering_element.findall(_q("w:abstractNum")):
            abstract_id = abstract.get(_q("w:abstractNumId"))
            abstracts[abstract_id] = self._levels(abstract)
            link = _val(abstract.find(_q("w:numStyleLink")))
            if link:
                self.style_links[abstract_id] = link
        for num in numbering_element.findall(_q("w:num")):
            abstract_id = _val(num.find(_q("w:abstractNumId"))) or ""
            levels = dict(abstracts.get(abstract_id, {}))
            overrides = {}
            replaced_levels: set[int] = set()
            for override in num.findall(_q("w:lvlOverride")):
                level = int(override.get(_q("w:ilvl"), "0"))
                start = override.find(_q("w:startOverride"))
                if start is not None:
                    overrides[level] = int(_val(start) or "1")
                replaced = override.find(_q("w:lvl"))
                if replaced is not None:
                    levels.update(self._levels_of([replaced]))
                    replaced_levels.add(level)
            self.lists[num.get(_q("w:numId"))] = _List(abstract_id, levels, overrides, replaced_levels)

    def link_styles(self, style_numbers: dict[str, tuple[str, int]]) -> None:
        """A list whose abstract definition only points at a numbering style (w:numStyleLink, how Word keeps a
        list style such as 1 / 1.1 / 1.1.1) takes its levels, and its counters, from the list that style names."""
        for num_id, found in list(self.lists.items()):
            style = self.style_links.get(found.abstract)
            target = self.lists.get(style_numbers.get(style, ("",))[0]) if style else None
            if target is not None and target is not found and target.abstract not in self.style_links:
                levels = {**target.levels, **{k: v for k, v in found.levels.items() if k in found.replaced}}
                self.lists[num_id] = _List(target.abstract, levels, found.overrides, found.replaced)

    def _levels(self, abstract) -> dict[int, _Level]:
        return self._levels_of(abstract.findall(_q("w:lvl")))

    @staticmethod
    def _levels_of(elements) -> dict[int, _Level]:
        levels = {}
        for lvl in elements:
            start = lvl.find(_q("w:start"))
            fmt = lvl.find(_q("w:numFmt"))
            text = lvl.find(_q("w:lvlText"))
            levels[int(lvl.get(_q("w:ilvl"), "0"))] = _Level(
                int(_val(start) or "1") if start is not None else 1,
                _val(fmt) or "decimal" if fmt is not None else "decimal",
                _val(text) or "" if text is not None else "%1.",
            )
        return levels

    def number(self, num_id: str, level: int) -> str | None:
        """The printed number of the next paragraph of list `num_id` at `level`, counting it."""
        found = self.lists.get(num_id)
        if found is None or num_id == "0":
            return None
        counters = self.counters.setdefault(found.abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for overridden, start in found.overrides.items():  # this list restarts there
                counters[overridden] = start - 1
                for deeper in [k for k in counters if k > overridden]:
                    del counters[deeper]
        spec = found.levels.get(level, _Level())
        counters[level] = counters.get(level, spec.start - 1) + 1
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        if spec.fmt == "bullet":
            return spec.text
        text = spec.text
        for shown in range(level, -1, -1):
            value = counters.get(shown, found.levels.get(shown, _Level()).start)
            fmt = found.levels.get(shown, _Level()).fmt
            text = text.replace(f"%{shown + 1}", format_counter(value, fmt))
        return text


def _style_numbers(styles) -> dict[str, tuple[str, int]]:
    """The list (w:numId) and level each paragraph or numbering style numbers its paragraphs with, followed
    along w:basedOn as Word does: a template's 任务列表2 based on 任务列表, which has the w:numPr, is numbered
    by it; the list and the level are inherited each on its own, and a style's w:numId 0 ends the numbering."""
    own: dict[str, tuple[str | None, str | None]] = {}
    based_on: dict[str, str] = {}
    for style in styles.findall(_q("w:style")):
        style_id = style.get(_q("w:styleId"))
        if not style_id:
            continue
        num_pr = style.find(f"{_q('w:pPr')}/{_q('w:numPr')}")
        if num_pr is not None:
            own[style_id] = (_val(num_pr.find(_q("w:numId"))), _val(num_pr.find(_q("w:ilvl"))))
        parent = _val(style.find(_q("w:basedOn")))
        if parent:
            based_on[style_id] = parent
    numbers: dict[str, tuple[str, int]] = {}
    for style_id in set(own) | set(based_on):
        num_id = level = None
        seen: set[str] = set()
        current: str | None = style_id
        while current is not None and current not in seen and (num_id is None or level is None):
            seen.add(current)
            found_id, found_level = own.get(current, (None, None))
            num_id = num_id if num_id is not None else found_id
            level = level if level is not None else found_level
            current = based_on.get(current)
        if num_id and num_id != "0":
            numbers[style_id] = (num_id, int(level or 0))
    return numbers


# ---------------------------------------------------------------------------------------------------------------
# The body


class _Reader:
    def __init__(self, document) -> None:
        self.document = document
        numbering = None
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        self.numbering = Numbering(numbering)
        self.notes: list[str] = []
        self.style_numbers = _style_numbers(document.styles.element)
        self.numbering.link_styles(self.style_numbers)

    def blocks(self, container) -> Iterator[Block]:
        for child in container:
            tag = child.tag
            if tag == _q("w:p"):
                yield self.paragraph(child)
                for box in self._text_boxes(child):
                    yield from self.blocks(box)
                yield from self._embedded_sheets(child)
            elif tag == _q("w:tbl"):
                yield from self._unwrapped(self.table(child))
            elif tag in (_q("w:sdt"), _q("w:customXml")):
                content = child.find(_q("w:sdtContent")) if tag == _q("w:sdt") else child
                if content is not None:
                    yield from self.blocks(content)

    def _embedded_sheets(self, paragraph) -> Iterator[Block]:
        """The table of an Excel sheet pasted into the document as an object (选择性粘贴 → Microsoft Excel 工作表
        对象): Word shows a picture of it and keeps the workbook in word/embeddings; the workbook is read."""
        from aidplan.errors import AidplanError
        from aidplan.ingest.sheets import read_xlsx
        from aidplan.messages import tr

        for ole in paragraph.iter(_OLE_OBJECT):
            if not (ole.get("ProgID") or "").startswith("Excel.Sheet"):
                continue
            part = self.document.part.related_parts.get(ole.get(_R_ID))
            blob = getattr(part, "blob", b"")
            if not blob.startswith(b"PK"):
                continue  # an Excel 97-2003 object (an OLE compound file) is not read here
            try:
                sheet = read_xlsx(blob, tr("嵌入的 Excel 工作表"))
            except AidplanError:
                continue
            self.notes.append(later("表格取自文档里嵌入的 Excel 工作表（Word 里显示的是它的图片）"))
            yield from sheet.blocks

    def _unwrapped(self, table: Table) -> Iterator[Block]:
        """A table of one cell is a frame around its content (a layout table holding the real table): its
        paragraphs and tables take its place."""
        if len(table.cells) == 1 and table.cells[0].tables:
            cell = table.cells[0]
            yield from cell.paragraphs
            for nested in cell.tables:
                yield from self._unwrapped(nested)
        else:
            yield table

    def _text_boxes(self, paragraph) -> Iterator:
        """The contents of text boxes anchored in a paragraph, each once (a DrawingML box and its VML fallback
        hold the same text)."""
        for box in paragraph.iter(_q("w:txbxContent")):
            if any(ancestor.tag == _q("mc:Fallback") for ancestor in box.iterancestors()):
                continue
            if any(ancestor.tag == _q("w:txbxContent") for ancestor in box.iterancestors()):
                continue
            yield box

    def paragraph(self, p) -> Paragraph:
        parts: list[str] = []
        self._text(p, parts)
        ppr = p.find(_q("w:pPr"))
        number = None
        num_pr = ppr.find(_q("w:numPr")) if ppr is not None else None
        style_id = _val(ppr.find(_q("w:pStyle"))) if ppr is not None else None
        if num_pr is not None and num_pr.find(_q("w:numId")) is not None:
            level = int(_val(num_pr.find(_q("w:ilvl"))) or 0)
            number = self.numbering.number(_val(num_pr.find(_q("w:numId"))) or "0", level)
        elif style_id in self.style_numbers:
            num_id, level = self.style_numbers[style_id]
            own_level = _val(num_pr.find(_q("w:ilvl"))) if num_pr is not None else None  # the style's list, a level
            number = self.numbering.number(num_id, int(own_level) if own_level else level)
        jc = _val(ppr.find(_q("w:jc"))) if ppr is not None else None
        return Paragraph("".join(parts), number or None, centred=jc == "center", right=jc in ("right", "end"))

    def _text(self, element, parts: list[str]) -> None:
        """The printed text under `element`; text boxes are blocks of their own, and a field's code is not text."""
        for child in element:
            tag = child.tag
            if tag in (_q("w:txbxContent"), _q("mc:Fallback"), _q("w:pPr"), _q("w:rPr")):
                continue
            if tag == _q("w:t"):
                parts.append(child.text or "")
            elif tag == _q("w:tab"):
                parts.append("\t")
            elif tag in (_q("w:br"), _q("w:cr")):
                # a break aidplan wrote to lay a cell out (w:clear="none", see render/docx.py) is not in the text
                if _val(child, "w:type") in (None, "textWrapping") and _val(child, "w:clear") != "none":
                    parts.append("\n")
            elif tag == _q("w:noBreakHyphen"):
                parts.append("-")
            else:
                self._text(child, parts)

    def table(self, tbl) -> Table:
        cells: list[Cell] = []
        open_merges: dict[int, Cell] = {}  # grid column → the cell a vMerge continues
        columns = 0
        rows = list(_within(tbl, "w:tr"))
        for r, tr in enumerate(rows):
            column = 0
            tr_pr = tr.find(_q("w:trPr"))
            if tr_pr is not None and tr_pr.find(_q("w:gridBefore")) is not None:
                column += max(0, int(_val(tr_pr.find(_q("w:gridBefore"))) or 0))
                if column > MAX_COLUMNS:
                    raise TableTooWide(column)
            for tc in _within(tr, "w:tc"):
                tc_pr = tc.find(_q("w:tcPr"))
                span = 1
                merge = None
                if tc_pr is not None and tc_pr.find(_q("w:gridSpan")) is not None:
                    span = max(1, int(_val(tc_pr.find(_q("w:gridSpan"))) or 1))
                if column + span > MAX_COLUMNS:
                    raise TableTooWide(column + span)
                if tc_pr is not None:
                    v_merge = tc_pr.find(_q("w:vMerge"))
                    if v_merge is not None:
                        merge = _val(v_merge) or "continue"
                if merge == "continue" and column in open_merges:
                    above = open_merges[column]
                    above.rowspan = r - above.row + 1
                else:
                    paragraphs, nested = [], []
                    for child in _within(tc, "w:p", "w:tbl"):
                        if child.tag == _q("w:p"):
                            paragraphs.append(self.paragraph(child))
                            for box in self._text_boxes(child):
                                for block in self.blocks(box):
                                    (paragraphs if isinstance(block, Paragraph) else nested).append(block)
                        elif child.tag == _q("w:tbl"):
                            nested.extend(b for b in self._unwrapped(self.table(child)))
                    flat = [b for b in nested if isinstance(b, Paragraph)]
                    cell = Cell(paragraphs + flat, r, column, 1, span, [b for b in nested if isinstance(b, Table)])
                    cells.append(cell)
                    for c in range(column, column + span):
                        if merge == "restart":
                            open_merges[c] = cell
                        else:
                            open_merges.pop(c, None)
                column += span
            columns = max(columns, column)
        return Table(cells, len(rows), columns)


# ---------------------------------------------------------------------------------------------------------------
# Page and font facts that change the printed table (what aidplan's style: can say)


def _style(document, tables) -> dict[str, object]:
    style: dict[str, object] = {}
    sect = document.sections[-1]._sectPr if document.sections else None
    if sect is not None:
        size = sect.find(_q("w:pgSz"))
        if size is not None:
            wide = int(size.get(_q("w:w"), "0") or 0) > int(size.get(_q("w:h"), "0") or 0)
            if _val(size, "w:orient") == "landscape" or wide:
                style["orientation"] = "landscape"
        start = sect.find(_q("w:pgNumType"))
        if start is not None and start.get(_q("w:start")):
            style["page_number_start"] = int(start.get(_q("w:start")))
    sizes: dict[int, int] = {}
    spacings: dict[int, int] = {}
    for tbl in tables:
        for row_index, tr in enumerate(_within(tbl, "w:tr")):
            if row_index == 0:
                continue  # the header row may be set apart
            for p in tr.iter(_q("w:p")):
                spacing = p.find(f"{_q('w:pPr')}/{_q('w:spacing')}")
                if spacing is not None and _val(spacing, "w:lineRule") == "exact" and _val(spacing, "w:line"):
                    line = int(_val(spacing, "w:line") or 0)
                    spacings[line] = spacings.get(line, 0) + 1
                for sz in p.iter(_q("w:sz")):
                    run = sz.getparent().getparent()
                    if sz.getparent().tag != _q("w:rPr") or run.tag != _q("w:r"):
                        continue
                    # weighed by the characters it prints: an empty run's size (LibreOffice writes w:sz 4 on the
                    # empty runs of a table it converted from HTML) prints nothing; nor is a size under 5 pt a
                    # table's type (no office prints a plan in it)
                    printed = sum(len(t.text or "") for t in run.iter(_q("w:t")))
                    half = int(_val(sz) or 0) if (_val(sz) or "").isdigit() else 0
                    if printed and half >= 10:
                        sizes[half] = sizes.get(half, 0) + printed
    if sizes:
        half = max(sizes, key=lambda k: sizes[k])
        names = [name for name, points in FONT_SIZES.items() if points * 2 == half]
        if names:
            style["cell_size_name"] = names[0]
        style["cell_size"] = half / 2
    if spacings:
        style["cell_line_spacing"] = max(spacings, key=lambda k: spacings[k]) / 20
    return style


def read_docx(data: bytes) -> SourceDocument:
    """The neutral document of a .docx file's bytes."""
    from docx import Document

    document = Document(io.BytesIO(data))
    reader = _Reader(document)
    body = document.element.body
    blocks = list(reader.blocks(body))
    author = document.core_properties.author or None
    read = SourceDocument(blocks, "Word 文档", author, _style(document, list(body.iter(_q("w:tbl")))))
    read.notes.extend(dict.fromkeys(reader.notes))
    return read
