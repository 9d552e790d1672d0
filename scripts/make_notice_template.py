"""Build templates/notice.docx: a GB/T 9704-2012 通知 whose 附件 is the plan, as a docxtpl template.

Run `python scripts/make_notice_template.py` after changing it; the output is committed and a test checks
that this script still makes exactly the committed file. Offices start from a copy and edit it in Word/WPS.
Layout (GB/T 9704-2012): A4, 版心 156 × 225 mm, 22 lines of 28.95 pt; 发文机关标志 in red 小标宋 35 mm below
the top of the 版心; 发文字号 centred with the red rule 4 mm under it; title in 二号 小标宋; body 三号 仿宋
indented two characters; 附件说明; 署名 and 成文日期; the 附件 on a new page (label 三号 黑体 flush left on
line 1, title centred on line 3); the 版记 (抄送, 印发机关 and 印发日期 between thick and thin rules).
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from aidplan.render.docx import _add_run, _format, _page_number, _prepare_document, _save, _setup_section
from aidplan.render.style import OFFICIAL

OUT = Path(__file__).resolve().parents[1] / "templates" / "notice.docx"
P = OFFICIAL
LINE = P.body_line_pitch  # 28.95 pt
CHAR = P.body_size  # one 三号 character: 16 pt


def paragraph(document, text: str = "", face: str | None = None, size: float | None = None, align=None, **options):
    par = document.add_paragraph()
    line = options.pop("line", LINE)
    # a line of another size than the grid's pitch keeps off the grid (LibreOffice would give it two grid lines)
    _format(par, align if align is not None else WD_ALIGN_PARAGRAPH.JUSTIFY, line, on_grid=size in (None, CHAR))
    fmt = par.paragraph_format
    if options.pop("indent", False):
        fmt.first_line_indent = Pt(2 * CHAR)
    if "right" in options:
        fmt.right_indent = Pt(options.pop("right"))
    if "left" in options:
        fmt.left_indent = Pt(options.pop("left"))
    if "before" in options:
        fmt.space_before = Pt(options.pop("before"))
    if options.pop("keep", False):
        fmt.keep_with_next = True
    if options.pop("page_break", False):
        fmt.page_break_before = True
    colour = options.pop("colour", None)
    assert not options, options
    if text:
        run = _add_run(par, text, face or P.body_font, size or P.body_size, P)
        if colour:
            run.font.color.rgb = RGBColor.from_string(colour)
    return par


def border(par, edge: str, size: int, colour: str = "000000", space: int = 1) -> None:
    """A paragraph rule (w:pBdr); size in eighths of a point, space in points."""
    ppr = par._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        # CT_PPr: … keepNext, keepLines, pageBreakBefore, framePr, widowControl, numPr, suppressLineNumbers, pBdr …
        later = ("shd", "tabs", "snapToGrid", "spacing", "ind", "jc")
        anchor = next((ppr.find(qn(f"w:{n}")) for n in later if ppr.find(qn(f"w:{n}")) is not None), None)
        if anchor is not None:
            anchor.addprevious(borders)
        else:
            ppr.append(borders)
    line = OxmlElement(f"w:{edge}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size))
    line.set(qn("w:space"), str(space))
    line.set(qn("w:color"), colour)
    borders.append(line)


def imprint(container) -> None:
    """The 版记: 抄送 and 印发 in 四号 仿宋, one character in from both edges, between a thick rule (0.35 mm)
    on top and at the bottom and a thin one (0.25 mm) between them."""
    small = 14.0
    copy = paragraph(
        container, "抄送：市教育局，市财政局。", size=small, align=WD_ALIGN_PARAGRAPH.LEFT, left=small, right=small
    )
    border(copy, "top", 8)
    border(copy, "bottom", 6)
    printed = paragraph(
        container, "{{ org }}\t{{ date }}印发", size=small, align=WD_ALIGN_PARAGRAPH.LEFT, left=small, right=small
    )
    border(printed, "bottom", 8)
    # tab stops count from the margin, not the indent: the date ends one character in from the right edge
    printed.paragraph_format.tab_stops.add_tab_stop(Pt(P.text_width - small), WD_TAB_ALIGNMENT.RIGHT)
    # a blank line between the 版记 and the page number
    paragraph(container, size=small, line=small * 1.2)


def build() -> bytes:
    document = _prepare_document(P, "通知（aidplan 模板）", None, 2026)
    _setup_section(document, P)
    first = document.paragraphs[0] if document.paragraphs else None
    if first is not None:  # python-docx's blank template may start with one empty paragraph
        first._p.getparent().remove(first._p)

    # 版头: 发文机关标志 35 mm below the top of the 版心 (下行文), red 小标宋
    mark_size = 32.0
    paragraph(
        document,
        "{{ org }}文件",
        P.title_font,
        mark_size,
        WD_ALIGN_PARAGRAPH.CENTER,
        line=mark_size * 1.25,
        before=35 * 72 / 25.4 - mark_size * 0.2,
        colour="FF0000",
    )
    paragraph(document)
    paragraph(document)
    number = paragraph(document, "资助〔{{ year }}〕1号", align=WD_ALIGN_PARAGRAPH.CENTER)
    border(number, "bottom", 12, "FF0000", space=11)  # the red rule, 4 mm under the 发文字号
    paragraph(document)  # the title two lines under the red rule (std 7.3.1)
    paragraph(document)
    paragraph(document, "关于印发《{{ plan.title }}》的通知", P.title_font, P.title_size, WD_ALIGN_PARAGRAPH.CENTER)
    paragraph(document)
    paragraph(document, "各县（市、区）学生资助管理中心，各有关学校：")
    paragraph(
        document,
        "现将《{{ plan.title }}》印发给你们，请结合实际，认真抓好落实。全年工作分{{ plan.groups|length }}个时段、"
        "共{{ plan.tasks|length }}项，各时段安排如下：",
        indent=True,
    )
    paragraph(document, "{%p for g in plan.groups %}")
    paragraph(
        document,
        "（{{ g.ordinal }}）{{ g.label }}：{{ g.tasks|length }}项工作"
        "{% if g.deadline %}，{{ g.deadline }}前完成{% endif %}。",
        indent=True,
    )
    paragraph(document, "{%p endfor %}")
    paragraph(document, "执行中遇到的问题，请及时与{{ org }}联系。", indent=True)
    paragraph(document)
    paragraph(document, "附件：{{ plan.title }}", indent=True)  # 附件说明 (std 7.3.4)
    paragraph(document)
    paragraph(document)
    paragraph(document)
    # 署名 and 成文日期 (std 7.3.5.1, with a seal): the date 右空四字, the 署名 over it
    paragraph(document, "{{ org }}", align=WD_ALIGN_PARAGRAPH.RIGHT, right=4 * CHAR)
    paragraph(document, "{{ date }}", align=WD_ALIGN_PARAGRAPH.RIGHT, right=4 * CHAR)

    # 附件 (std 7.3.7): a new page; label flush left on line 1 in 三号 黑体, line 2 empty, title centred on line 3
    paragraph(document, "{{ attachment_label }}", P.label_font, P.label_size, WD_ALIGN_PARAGRAPH.LEFT, page_break=True)
    paragraph(document, keep=True)
    paragraph(
        document,
        "{{ plan.title }}",
        P.title_font,
        P.title_size,
        WD_ALIGN_PARAGRAPH.CENTER,
        line=max(LINE, P.title_size * 1.3),
        keep=True,
    )
    paragraph(document, "{{p plan_table }}", align=WD_ALIGN_PARAGRAPH.LEFT)

    # 版记 (std 7.4): at the foot of the last page, which is an even page (封四). The 附件 ends with a section
    # break to the next even page; that last section holds one empty paragraph and its own footers carry the
    # 版记 above the page number: footers sit at the page foot in Word, WPS and LibreOffice alike.
    section = document.add_section(WD_SECTION.EVEN_PAGE)
    for footer, odd in ((section.footer, True), (section.even_page_footer, False)):
        footer.is_linked_to_previous = False
        keep = footer.paragraphs[0]
        imprint(footer)
        number = footer.add_paragraph()
        _page_number(number, P, odd=odd)
        keep._p.getparent().remove(keep._p)
    return _save(document)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    target.write_bytes(build())
    print(target)
