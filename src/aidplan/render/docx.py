"""Write the official 附件 table as DOCX (GB/T 9704 page, fonts, header repeat, merged period cells)."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from aidplan.render.layout import TableLayout
from aidplan.render.measure import RowHeights, cell_text, header_text
from aidplan.render.parts import Block, DocumentParts, signature_indents
from aidplan.render.style import Profile
from aidplan.render.widths import balanced_lines

EMU_PER_POINT = 12700
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries' timestamp: same input, same bytes
_ALIGN = {
    "period": WD_ALIGN_PARAGRAPH.CENTER,
    "deadline": WD_ALIGN_PARAGRAPH.CENTER,
    "owner": WD_ALIGN_PARAGRAPH.CENTER,
    "tasks": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "status": WD_ALIGN_PARAGRAPH.LEFT,
    "group": WD_ALIGN_PARAGRAPH.CENTER,
    "task": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "number": WD_ALIGN_PARAGRAPH.CENTER,
    "time": WD_ALIGN_PARAGRAPH.CENTER,
    "free": WD_ALIGN_PARAGRAPH.CENTER,
}


def _set_fonts(rpr, face: str, latin: str | None) -> None:
    """Name the face for East Asian and Latin text alike, so Word and WPS never fall back to a theme font."""
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), latin or face)
    fonts.set(qn("w:hAnsi"), latin or face)
    fonts.set(qn("w:eastAsia"), face)
    fonts.set(qn("w:cs"), face)
    fonts.set(qn("w:hint"), "eastAsia")  # “ ” — … drawn with the Chinese face (MS-OI29500 §2.1.88)


def _add_run(paragraph: Paragraph, text: str, face: str, size: float, profile: Profile):
    run = paragraph.add_run(text)
    run.font.size = Pt(size)
    _set_fonts(run._r.get_or_add_rPr(), face, profile.latin_font)
    return run


def _format(paragraph: Paragraph, align, line: float, keep_next: bool = False, on_grid: bool = True) -> None:
    """Exact line spacing, no space around; off the document grid where the spacing is not the grid's
    (LibreOffice otherwise snaps every line in a table cell up to the 28.95 pt body pitch)."""
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(0)
    if keep_next:
        fmt.keep_with_next = True
    if not on_grid:
        snap = OxmlElement("w:snapToGrid")
        snap.set(qn("w:val"), "0")
        paragraph._p.get_or_add_pPr().find(qn("w:spacing")).addprevious(snap)  # CT_PPr: …snapToGrid, spacing…


CORE_PROPERTY_LIMIT = 255  # python-docx (and the OPC core properties it writes) allow at most 255 characters


def _core(text: str) -> str:
    """A document property value: the text, shortened with … to the 255 characters a property may hold."""
    return text if len(text) <= CORE_PROPERTY_LIMIT else text[: CORE_PROPERTY_LIMIT - 1] + "…"


def _prepare_document(profile: Profile, title: str, author: str | None, year: int):
    document = Document()
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, profile.body_font, profile.latin_font)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")  # Latin words and numbers break like Latin text, never inside
    lang.set(qn("w:eastAsia"), "zh-CN")
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is not None:
        spacing = ppr_default.find(qn("w:pPr")).find(qn("w:spacing"))
        if spacing is not None:
            spacing.set(qn("w:after"), "0")
            spacing.set(qn("w:line"), "240")
            spacing.set(qn("w:lineRule"), "auto")
    normal = document.styles["Normal"]
    normal.font.size = Pt(profile.body_size)
    _set_fonts(normal.element.get_or_add_rPr(), profile.body_font, profile.latin_font)
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")
    for compat in settings.iter(qn("w:compatSetting")):
        if compat.get(qn("w:name")) == "compatibilityMode":
            compat.set(qn("w:val"), "15")
    document.settings.odd_and_even_pages_header_footer = True
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype.endswith("/thumbnail"):  # the template's preview of a blank page
            del package.rels[rel_id]

    fixed = datetime(year, 1, 1)
    props = document.core_properties
    props.title, props.author, props.last_modified_by = _core(title), _core(author or ""), _core(author or "")
    props.created = props.modified = props.last_printed = fixed
    props.revision, props.comments, props.keywords, props.subject = 1, "", "", ""
    return document


def _setup_section(document, profile: Profile) -> None:
    section = document.sections[0]
    width, height = profile.paper
    section.orientation = WD_ORIENT.LANDSCAPE if profile.orientation == "landscape" else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(width), Mm(height)
    margins = profile.margins
    section.top_margin, section.bottom_margin = Mm(margins.top), Mm(margins.bottom)
    section.left_margin, section.right_margin = Mm(margins.left), Mm(margins.right)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(profile.footer_edge)
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(profile.body_line_pitch * 20)))
    if profile.page_number_start != 1:
        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), str(profile.page_number_start))
        sect_pr.find(qn("w:cols")).addprevious(numbering)
    _page_number(section.footer.paragraphs[0], profile, odd=True)
    _page_number(section.even_page_footer.paragraphs[0], profile, odd=False)


def _field(paragraph: Paragraph, instruction: str, cached: str, profile: Profile) -> None:
    def char(kind: str):
        run = _add_run(paragraph, "", profile.page_number_font, profile.page_number_size, profile)
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)

    char("begin")
    run = _add_run(paragraph, "", profile.page_number_font, profile.page_number_size, profile)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    char("separate")
    _add_run(paragraph, cached, profile.page_number_font, profile.page_number_size, profile)
    char("end")


def _page_number(paragraph: Paragraph, profile: Profile, odd: bool) -> None:
    """— 1 —: 4号 宋体, odd pages right and even pages left, one character in from the edge (std 7.5)."""
    _format(
        paragraph,
        WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT,
        profile.page_number_size * 1.2,
        on_grid=False,
    )
    fmt = paragraph.paragraph_format
    if odd:
        fmt.right_indent = Pt(profile.page_number_indent)
    else:
        fmt.left_indent = Pt(profile.page_number_indent)
    _add_run(paragraph, "— ", profile.page_number_font, profile.page_number_size, profile)
    _field(paragraph, "PAGE", str(profile.page_number_start), profile)
    _add_run(paragraph, " —", profile.page_number_font, profile.page_number_size, profile)


def _add_row(table, widths: list[Twips], header: bool) -> list[_Cell]:
    """A new last row with its cells, each as wide as its column.

    Not python-docx's table.add_row() and row.cells: the first looks up the table grid and the second
    walks the merged cells above, each taking time in proportion to the rows already there, which made a
    period of 100,000 tasks take minutes. Here each row costs the same however long the table is."""
    tr = table._tbl.add_tr()
    tr_pr = tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))  # CT_TrPr order: cantSplit, trHeight, tblHeader
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))
    cells = []
    for width in widths:
        tc = tr.add_tc()
        tc.width = width
        cells.append(_Cell(tc, table))
    return cells


# the line breaks aidplan writes into a cell to lay its text out (2027年 / 1月29日, 市教育局 / 计划财务科) carry
# w:clear="none" (a no-op for the break itself), so that import reads the cell's text as one line
LAYOUT_BREAK = "none"


def _fill(cell: _Cell, paragraphs: tuple[str, ...], face: str, align, profile: Profile, keep_next: bool) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    first = cell.paragraphs[0]
    for index, text in enumerate(paragraphs):
        paragraph = first if index == 0 else cell.add_paragraph()
        _format(paragraph, align, profile.cell_leading, keep_next, on_grid=False)
        if text:
            run = _add_run(paragraph, text, face, profile.cell_size, profile)
            for line_break in run._r.findall(qn("w:br")):  # a break of the layout, not of the text
                line_break.set(qn("w:clear"), LAYOUT_BREAK)
            if profile.cell_char_spacing:
                spacing = OxmlElement("w:spacing")  # CT_RPr order: … w, spacing, … sz: before the size
                spacing.set(qn("w:val"), str(round(profile.cell_char_spacing * 20)))
                run._r.rPr.find(qn("w:sz")).addprevious(spacing)


def _table(document, layout: TableLayout, widths: list[float], profile: Profile) -> None:
    roles = [column.role for column in layout.columns]
    table = document.add_table(rows=0, cols=len(roles))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    total = sum(round(w * 20) for w in widths)
    tbl_pr = table._tbl.tblPr
    tbl_w = tbl_pr.find(qn("w:tblW"))
    tbl_w.set(qn("w:type"), "dxa")
    tbl_w.set(qn("w:w"), str(total))
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), str(profile.border_size))
        line.set(qn("w:space"), "0")
        line.set(qn("w:color"), "000000")
        borders.append(line)
    # CT_TblPr order: … tblW, jc, tblCellSpacing, tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook
    tbl_layout = tbl_pr.find(qn("w:tblLayout"))
    tbl_layout.addprevious(borders)
    margins = OxmlElement("w:tblCellMar")
    for edge, value in (
        ("top", profile.cell_padding_vertical),
        ("left", profile.cell_padding),
        ("bottom", profile.cell_padding_vertical),
        ("right", profile.cell_padding),
    ):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), str(round(value * 20)))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_layout.addnext(margins)
    for column, width in zip(table.columns, widths):
        column.width = Twips(round(width * 20))  # LibreOffice reads gridCol; Word reads tcW (set per cell)

    twips = [Twips(round(width * 20)) for width in widths]
    if not layout.general:
        header = _add_row(table, twips, header=True)
        for cell, column, width in zip(header, layout.columns, widths):
            text = header_text(column.header, width, profile)
            _fill(cell, (text,), profile.header_font, WD_ALIGN_PARAGRAPH.CENTER, profile, keep_next=False)
    else:
        _header_rows(table, layout, twips, profile)
    rows = layout.rows
    heights = RowHeights(widths, profile, task=next(i for i, role in enumerate(roles) if role in ("task", "tasks")))
    for number, row in enumerate(rows):
        added = _add_row(table, twips, header=False)
        below = rows[number + 1].cells if layout.general and number + 1 < len(rows) else None
        for column, (cell, spec, role) in enumerate(zip(added, row.cells, roles)):
            if spec.covered:  # taken by the heading cell to its left
                cell._tc.getparent().remove(cell._tc)
                continue
            if spec.span > 1:  # a group's heading row: one cell across the columns it spans
                cell._tc.width = Twips(sum(twips[column : column + spec.span]))
                cell._tc.grid_span = spec.span
                _fill(cell, spec.paragraphs, profile.body_font, WD_ALIGN_PARAGRAPH.LEFT, profile, row.keep_with_next)
                continue
            if spec.continues:
                cell._tc.vMerge = "continue"
                _format(cell.paragraphs[0], _ALIGN[role], profile.cell_leading, row.keep_with_next, on_grid=False)
                continue
            if (role == "period" and layout.kind == "by-task" and not layout.general) or (
                below is not None and below[column].continues
            ):
                cell._tc.vMerge = "restart"
            texts = (
                spec.paragraphs
                if role in ("task", "tasks")
                else tuple(cell_text(t, widths[column], profile) for t in spec.paragraphs)
            )
            _fill(cell, texts, profile.body_font, _ALIGN[role], profile, row.keep_with_next)
        paired = [column for column, spec in enumerate(row.cells) if spec.pairs and not spec.continues]
        if paired:
            _level(added, row.cells, paired, heights, widths, profile)


def _level(added: list[_Cell], cells, paired: list[int], heights, widths, profile: Profile) -> None:
    """Each owner (and each task's own deadline) level with its task: after each of them and after the task,
    space for the lines the tallest of them takes more (every cell then holds as many lines, so their centred
    text lines up too)."""
    tallest = heights.paired_heights(cells, paired)
    task_paragraphs = added[1].paragraphs
    for column in paired:
        lines = heights.paired_lines(cells[1], cells[column], widths[1], widths[column])
        own = added[column].paragraphs
        for number, (_, own_lines) in enumerate(lines):
            if tallest[number] > own_lines:
                own[number].paragraph_format.space_after = Pt((tallest[number] - own_lines) * profile.cell_leading)
    lines = heights.paired_lines(cells[1], cells[paired[0]], widths[1], widths[paired[0]])
    at = 0
    for number, ((task_lines, _), count) in enumerate(zip(lines, cells[paired[0]].pairs)):
        at += count
        if tallest[number] > task_lines:
            task_paragraphs[at - 1].paragraph_format.space_after = Pt(
                (tallest[number] - task_lines) * profile.cell_leading
            )


def _header_rows(table, layout: TableLayout, twips: list[Twips], profile: Profile) -> None:
    """The header rows of a table of listed columns: none, one, or two with cells merged across (gridSpan)
    and down (vMerge); every header row repeats on each page."""
    grid = layout.header_grid()
    for r, cells in enumerate(grid):
        added = _add_row(table, twips, header=True)
        for cell, spec in zip(added, cells):
            if spec is None:
                continue
            if spec.continues:
                cell._tc.vMerge = "continue"
                _format(cell.paragraphs[0], WD_ALIGN_PARAGRAPH.CENTER, profile.cell_leading, on_grid=False)
                continue
            if r + 1 < len(grid) and (below := grid[r + 1][added.index(cell)]) is not None and below.continues:
                cell._tc.vMerge = "restart"
            index = added.index(cell)
            text = header_text(spec.text, sum(twips[index : index + spec.span]) / EMU_PER_POINT, profile)
            _fill(cell, (text,), profile.header_font, WD_ALIGN_PARAGRAPH.CENTER, profile, keep_next=False)
        for cell, spec in reversed(list(zip(added, cells))):  # merged across: one cell as wide as those it spans
            if spec is not None and spec.span > 1:
                index = added.index(cell)
                cell._tc.width = Twips(sum(twips[index : index + spec.span]))
                cell._tc.grid_span = spec.span
            elif spec is None:
                cell._tc.getparent().remove(cell._tc)


class _Paragraphs:
    """Hands out the document's paragraphs in order: the empty one a new document starts with, then new ones."""

    def __init__(self, document) -> None:
        self.document = document
        self.first: Paragraph | None = document.paragraphs[0] if document.paragraphs else None

    def __call__(self) -> Paragraph:
        if self.first is not None:
            paragraph, self.first = self.first, None
            return paragraph
        return self.document.add_paragraph()


def _blank(next_paragraph: _Paragraphs, profile: Profile) -> None:
    _format(next_paragraph(), WD_ALIGN_PARAGRAPH.LEFT, profile.body_line_pitch)


def _blocks(next_paragraph: _Paragraphs, blocks: tuple[Block, ...], profile: Profile) -> None:
    """Body paragraphs and section headings in 3号, on the body's line pitch, each indented 2 字; headings in
    the face of their level (std 7.3.3)."""
    for block in blocks:
        paragraph = next_paragraph()
        align = WD_ALIGN_PARAGRAPH.JUSTIFY if block.level is None else WD_ALIGN_PARAGRAPH.LEFT
        _format(paragraph, align, profile.body_line_pitch, keep_next=block.level is not None)
        paragraph.paragraph_format.first_line_indent = Pt(2 * profile.body_size)
        face = profile.body_font if block.level is None else profile.heading_fonts[block.level - 1]
        _add_run(paragraph, block.text, face, profile.body_size, profile)


def _keep_last_with_next(document) -> None:
    """Keep what the body ends with (a paragraph, or a table's last row) on the page of what follows."""
    body = document.element.body
    last = next((child for child in reversed(body) if child.tag in (qn("w:p"), qn("w:tbl"))), None)
    if last is None:
        return
    paragraphs = [last] if last.tag == qn("w:p") else last.findall(qn("w:tr"))[-1].iter(qn("w:p"))
    for element in paragraphs:
        Paragraph(element, document._body).paragraph_format.keep_with_next = True


def _after(next_paragraph: _Paragraphs, parts: DocumentParts, profile: Profile) -> None:
    """The closing paragraphs, then the 落款: one blank line, the name(s) and the date, right-aligned with the
    indents of std 7.3.5.2."""
    _blocks(next_paragraph, parts.after, profile)
    if not parts.signed:
        return
    _keep_last_with_next(next_paragraph.document)  # the 落款 never stands alone on a page (std 7.3.5)
    _blank(next_paragraph, profile)
    next_paragraph.document.paragraphs[-1].paragraph_format.keep_with_next = True
    name_indent, date_indent = signature_indents(parts, profile.body_size, profile.body_font)
    lines = [(line, name_indent) for line in parts.signature] + ([(parts.date, date_indent)] if parts.date else [])
    for index, (text, indent) in enumerate(lines):
        paragraph = next_paragraph()
        _format(paragraph, WD_ALIGN_PARAGRAPH.RIGHT, profile.body_line_pitch, keep_next=index < len(lines) - 1)
        paragraph.paragraph_format.right_indent = Pt(round(indent, 2))
        _add_run(paragraph, text, profile.body_font, profile.body_size, profile)


def _author(organisation: str | None, layout: TableLayout) -> str | None:
    """The document's author property: the issuing office (`organisation:`), else the first office of the 落款
    (the one import then reads back as the plan's organisation)."""
    return organisation or (layout.document.signature[0] if layout.document.signature else None)


def render_docx(layout: TableLayout, profile: Profile, widths: list[float], author: str | None, year: int) -> bytes:
    """The attachment as DOCX bytes; the same layout and profile always give the same bytes."""
    document = _prepare_document(profile, layout.title, _author(author, layout), year)
    _setup_section(document, profile)
    next_paragraph = _Paragraphs(document)
    if layout.attachment:
        # std 7.3.7: label flush left on line 1 (3号 黑体), line 2 empty, title centred on line 3
        label = next_paragraph()
        _format(label, WD_ALIGN_PARAGRAPH.LEFT, profile.body_line_pitch)
        _add_run(label, layout.attachment, profile.label_font, profile.label_size, profile)
        _blank(next_paragraph, profile)
    for line in layout.title_lines:
        # off the grid: the 22 pt face is taller than one grid line, and LibreOffice would give it two
        title = next_paragraph()
        _format(title, WD_ALIGN_PARAGRAPH.CENTER, profile.title_pitch, keep_next=True, on_grid=False)
        lines = balanced_lines(line, profile.text_width, profile.title_size, profile.title_font)
        _add_run(title, "\n".join(lines), profile.title_font, profile.title_size, profile)  # even lines
    if layout.document.before:
        if layout.title_lines:
            _blank(next_paragraph, profile)  # one blank line under the title, as above a document's text
        _blocks(next_paragraph, layout.document.before, profile)
    _tables(document, next_paragraph, layout, widths, profile)
    _after(next_paragraph, layout.document, profile)
    return _save(document)


def _table_block(document, spacer: Paragraph, layout: TableLayout, widths: list[float], profile: Profile) -> None:
    """The table under its title: a small spacer line kept with it, the table, and the notes (注) kept
    with its last row."""
    _format(spacer, WD_ALIGN_PARAGRAPH.LEFT, profile.cell_leading, keep_next=True, on_grid=False)
    _table(document, layout, widths, profile)
    for note in layout.notes:
        paragraph = document.add_paragraph()
        _format(paragraph, WD_ALIGN_PARAGRAPH.LEFT, profile.cell_leading, on_grid=False)
        _add_run(paragraph, note, profile.body_font, profile.cell_size, profile)
    if layout.notes and layout.rows:  # keep the 注 with the last row
        last = document.tables[-1].rows[-1]
        for cell in last.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def table_document(layout: TableLayout, profile: Profile, widths: list[float], author: str | None, year: int) -> bytes:
    """The plan without its label and title as a DOCX of its own, with every layout rule of the attachment:
    what a notice template receives as its sub-document — a blank line and the preamble (as under the
    attachment's title), the table block (spacer, table, notes), the closing paragraphs and the 落款."""
    document = _prepare_document(profile, layout.title, _author(author, layout), year)
    _setup_section(document, profile)
    next_paragraph = _Paragraphs(document)
    if layout.document.before:
        _blank(next_paragraph, profile)  # one blank line between the template's title and the preamble
        _blocks(next_paragraph, layout.document.before, profile)
    _tables(document, next_paragraph, layout, widths, profile)
    _after(next_paragraph, layout.document, profile)
    return _save(document)


def _tables(document, next_paragraph: _Paragraphs, layout: TableLayout, widths: list[float], profile: Profile) -> None:
    """Every table of the layout in printed order, each under its heading (黑体, indented 2 字) if it has one."""
    for number, part in enumerate(layout.parts):
        if part.heading:
            heading = next_paragraph()
            _format(heading, WD_ALIGN_PARAGRAPH.LEFT, profile.body_line_pitch, keep_next=True)
            heading.paragraph_format.first_line_indent = Pt(profile.body_size * 2)
            _add_run(heading, part.heading, profile.label_font, profile.body_size, profile)
        part_widths = list(part.widths) if number > 0 and part.widths is not None else widths
        _table_block(document, next_paragraph(), part, part_widths, profile)


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return _fix_zip_times(buffer.getvalue())


def _fix_zip_times(data: bytes) -> bytes:
    """Rewrite the package with fixed entry times, so renders of the same plan are byte-identical."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
