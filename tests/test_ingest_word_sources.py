"""Word documents as templates and OA systems make them: numbering that a paragraph style inherits (w:basedOn) or
that a list takes from a numbering style (w:numStyleLink), as Word and WPS templates build their list styles; the
numbers are printed, not typed, and must come back in the plan. And a '.doc' that is Word HTML, as OA systems
hand out a 通知 with its plan attached, converted by LibreOffice."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aidplan.commands.ingest import import_file
from aidplan.plan.loading import load_plan
from aidplan.plan.model import normalise_text
from aidplan.render.layout import build_layout, reading_text

from .office_docx import W_NS, C, docx, level, numbering, table


def _import(tmp_path: Path, data: bytes, name: str = "计划.docx"):
    target = tmp_path / "plan.yaml"
    imported = import_file(tmp_path / name, data, target, None, None)
    target.write_text(imported.text, encoding="utf-8")
    loaded = load_plan(target)
    assert loaded.plan is not None, loaded.findings
    return imported, loaded.plan


def _styled(text: str, style: str | None = None, ilvl: int | None = None) -> str:
    """A paragraph of a style (w:pStyle), optionally at a list level of its own (w:numPr with only w:ilvl)."""
    props = f'<w:pStyle w:val="{style}"/>' if style else ""
    if ilvl is not None:
        props += f'<w:numPr><w:ilvl w:val="{ilvl}"/></w:numPr>'
    return f'<w:p><w:pPr>{props}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _style(style_id: str, name: str, kind: str = "paragraph", based_on: str | None = None, num: int | None = None):
    props = f'<w:basedOn w:val="{based_on}"/>' if based_on else ""
    if num is not None:
        props += f'<w:pPr><w:numPr><w:numId w:val="{num}"/></w:numPr></w:pPr>'
    return f'<w:style w:type="{kind}" w:styleId="{style_id}"><w:name w:val="{name}"/>{props}</w:style>'


def _body(style: str) -> str:
    return _styled("某县2026年学生资助工作计划表").replace("<w:pPr>", '<w:pPr><w:jc w:val="center"/>') + table(
        [
            [C([_styled("时间")]), C([_styled("工作内容")])],
            [C([_styled("3月")]), C([_styled("审核春季学期名单", style), _styled("拨付免学费资金", style)])],
            [C([_styled("4月")]), C([_styled("开展政策宣传", style), _styled("做好诚信教育", style)])],
        ],
        2,
    )


def test_numbering_inherited_through_a_styles_based_on_chain_is_printed(tmp_path: Path) -> None:
    """任务列表2 is based on 任务列表, which holds the w:numPr (how a template derives its list styles)."""
    styles = (
        f"<w:styles {W_NS}>"
        + _style("TaskList", "任务列表", num=5)
        + _style("TaskList2", "任务列表2", based_on="TaskList")
        + _style("TaskList3", "任务列表3", based_on="TaskList2")
        + "</w:styles>"
    )
    data = docx(_body("TaskList3"), numbering({3: [level(0, "decimal", "%1.")]}, {5: (3, None)}), styles_xml=styles)
    imported, plan = _import(tmp_path, data)
    assert reading_text(build_layout(plan)) == normalise_text(
        "某县2026年学生资助工作计划表 时间 工作内容"
        " 3月 1.审核春季学期名单 2.拨付免学费资金 4月 3.开展政策宣传 4.做好诚信教育"
    )
    assert "编号样式“1.”，整张表连续编号（numbering_scope: plan）" in imported.guesses


def test_a_list_linked_to_a_numbering_style_takes_its_levels(tmp_path: Path) -> None:
    """Word's list style (定义新的列表样式): the abstract list the paragraphs' w:num points at holds only a
    w:numStyleLink to the numbering style; that style's w:numId names the list with the levels (w:styleLink)."""
    numbering_xml = (
        numbering({10: [level(0, "decimal", "%1、")], 11: []}, {1: (10, None), 2: (11, None)})
        .replace(
            '<w:abstractNum w:abstractNumId="10"><w:multiLevelType w:val="hybridMultilevel"/>',
            '<w:abstractNum w:abstractNumId="10"><w:multiLevelType w:val="multilevel"/>'
            '<w:styleLink w:val="TaskNumbers"/>',
        )
        .replace(
            '<w:abstractNum w:abstractNumId="11"><w:multiLevelType w:val="hybridMultilevel"/>',
            '<w:abstractNum w:abstractNumId="11"><w:multiLevelType w:val="multilevel"/>'
            '<w:numStyleLink w:val="TaskNumbers"/>',
        )
    )
    styles = (
        f"<w:styles {W_NS}>"
        + _style("TaskNumbers", "任务编号", kind="numbering", num=1)
        + _style("Task", "任务", num=2)
        + "</w:styles>"
    )
    _, plan = _import(tmp_path, docx(_body("Task"), numbering_xml, styles_xml=styles))
    assert reading_text(build_layout(plan)) == normalise_text(
        "某县2026年学生资助工作计划表 时间 工作内容"
        " 3月 1、审核春季学期名单 2、拨付免学费资金 4月 3、开展政策宣传 4、做好诚信教育"
    )


def test_a_style_that_sets_its_list_to_none_ends_the_inherited_numbering(tmp_path: Path) -> None:
    styles = (
        f"<w:styles {W_NS}>"
        + _style("TaskList", "任务列表", num=5)
        + _style("Plain", "正文任务", based_on="TaskList", num=0)
        + "</w:styles>"
    )
    data = docx(_body("Plain"), numbering({3: [level(0, "decimal", "%1.")]}, {5: (3, None)}), styles_xml=styles)
    _, plan = _import(tmp_path, data)
    assert reading_text(build_layout(plan)) == normalise_text(
        "某县2026年学生资助工作计划表 时间 工作内容 3月 审核春季学期名单 拨付免学费资金 4月 开展政策宣传 做好诚信教育"
    )


# --- a '.doc' that is Word HTML, as OA systems hand out the 通知 with its 附件 -------------------------------------

OA_HTML = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">'
    '<head><meta charset="utf-8"><meta name=ProgId content=Word.Document></head><body>\n'
    '<p style="text-align:center"><b>关于印发《某县2026年学生资助工作计划》的通知</b></p>\n'
    "<p>各中小学、幼儿园：</p>\n"
    "<p>　　现将《某县2026年学生资助工作计划》印发给你们，请认真抓好落实。</p>\n"
    "<p>附件1</p>\n"
    '<p style="text-align:center"><b>某县2026年学生资助工作计划</b></p>\n'
    '<table border="1" cellspacing="0"><tr><td>时间</td><td>工作任务</td><td>完成时限</td></tr>\n'
    '<tr><td rowspan="2">3月</td><td>审核春季学期国家助学金名单</td><td>3月20日前</td></tr>\n'
    "<tr><td>拨付春季学期免学费补助资金</td><td>3月31日前</td></tr>\n"
    "<tr><td>4月</td><td>开展资助政策宣传月活动</td><td>4月30日前</td></tr></table>\n"
    '<p style="text-align:right">某县学生资助管理中心</p><p style="text-align:right">2026年1月8日</p>\n'
    "<p>抄送：县政府办公室。</p><p>某县教育局办公室　　　　2026年1月10日印发</p>\n"
    "</body></html>\n"
)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (installed in CI)")
def test_a_word_html_doc_from_an_oa_system_is_read_from_its_attachment_label_to_the_colophon(tmp_path: Path) -> None:
    imported, plan = _import(tmp_path, OA_HTML.encode("utf-8"), "附件.doc")
    assert imported.kind == "doc 文档（经 LibreOffice 转换）"
    assert plan.attachment == "附件1" and plan.title == "某县2026年学生资助工作计划"
    assert imported.guesses[0] == "附件标注“附件1”取自标题上方的一段"
    assert imported.unplaced == [
        "附件前的一段“关于印发《某县2026年学生资助工作计划》的通知”（印发通知的正文，不属于计划）",
        "附件前的一段“各中小学、幼儿园：”（印发通知的正文，不属于计划）",
        "附件前的一段“现将《某县2026年学生资助工作计划》印发给你们，请认真抓好落实。”（印发通知的正文，不属于计划）",
        "通知的版记“抄送：县政府办公室。”（不属于计划）",
        "通知的版记“某县教育局办公室　　　　2026年1月10日印发”（不属于计划）",
    ]  # and no 表格字号 2 磅: LibreOffice gives the table's empty runs a size of 2 pt
    assert "cell_font_size" not in imported.text
    assert reading_text(build_layout(plan)) == normalise_text(
        "附件1 某县2026年学生资助工作计划 时间 工作任务 完成时限 3月 审核春季学期国家助学金名单 3月20日前"
        " 拨付春季学期免学费补助资金 3月31日前 4月 开展资助政策宣传月活动 4月30日前 某县学生资助管理中心 2026年1月8日"
    )


def _sized_table(empty_size: int, text_size: int | None) -> bytes:
    """A table whose cells hold text runs of `text_size` half-points and, as LibreOffice writes them, an empty run
    of `empty_size` in each empty paragraph."""

    def cell(text: str) -> C:
        size = f'<w:rPr><w:sz w:val="{text_size}"/></w:rPr>' if text_size else ""
        runs = f"<w:r>{size}<w:t>{text}</w:t></w:r>" if text else ""
        empty = f'<w:p><w:r><w:rPr><w:sz w:val="{empty_size}"/></w:rPr></w:r></w:p>'
        return C([f"<w:p>{runs}</w:p>", empty, empty])

    rows = [[cell("时间"), cell("工作内容")], [cell("3月"), cell("审核名单")], [cell("4月"), cell("开展宣传")]]
    return docx(_styled("某县2026年学生资助工作计划表") + table(rows, 2))


def test_the_size_of_empty_runs_is_not_the_tables_font_size(tmp_path: Path) -> None:
    imported, _ = _import(tmp_path, _sized_table(4, None))
    assert not any("字号" in item for item in imported.unplaced + imported.guesses)
    imported, _ = _import(tmp_path, _sized_table(4, 24))
    assert "表格字号 小四（12 磅）取自单元格的文字" in imported.guesses
    assert not any("字号" in item for item in imported.unplaced)


def test_an_excel_sheet_pasted_into_word_as_an_object_is_read_from_its_workbook(tmp_path: Path) -> None:
    """选择性粘贴 → Microsoft Excel 工作表对象: Word shows a picture and keeps the workbook in word/embeddings."""
    import io
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    for row in (["时间", "工作任务", "完成时限"], ["3月", "审核春季学期国家助学金名单", "3月20日前"],
                ["4月", "开展资助政策宣传月活动", "4月30日前"]):  # fmt: skip
        book.active.append(row)
    workbook = io.BytesIO()
    book.save(workbook)
    ole = (
        '<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" Type="Embed" '
        'ProgID="Excel.Sheet.12" r:id="rIdEmb"/></w:object></w:r></w:p>'
    )
    data = docx(_styled("某县2026年学生资助工作计划表").replace("<w:pPr>", '<w:pPr><w:jc w:val="center"/>') + ole)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as package:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                part = part.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdEmb" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/package" Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/></Relationships>',
                )
            if info.filename == "[Content_Types].xml":
                part = part.replace(
                    b"</Types>",
                    b'<Default Extension="xlsx" '
                    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/></Types>',
                )
            package.writestr(info, part)
        package.writestr("word/embeddings/Microsoft_Excel_Worksheet.xlsx", workbook.getvalue())
    imported, plan = _import(tmp_path, out.getvalue())
    assert imported.guesses[0] == "表格取自文档里嵌入的 Excel 工作表（Word 里显示的是它的图片）"
    assert reading_text(build_layout(plan)) == normalise_text(
        "某县2026年学生资助工作计划表 时间 工作任务 完成时限 3月 审核春季学期国家助学金名单 3月20日前"
        " 4月 开展资助政策宣传月活动 4月30日前"
    )
