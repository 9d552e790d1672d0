"""Import of files made the way offices make them: Word and WPS documents with automatic numbering, merged cells,
soft breaks, text boxes and frame tables; an Excel sheet with merged cells; a CSV saved in GB18030; text pasted
from a web page and from a PDF with their usual damage; a .doc converted by LibreOffice. Each imports to a plan
whose printed text is the source's (reading order, white space ignored), with the guesses it made listed."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from aidplan.commands.ingest import import_file
from aidplan.plan.loading import load_plan
from aidplan.plan.model import normalise_text
from aidplan.render.layout import build_layout, reading_text

from .office_docx import C, docx, level, numbering, paragraph, table, text_box


def _import(tmp_path: Path, name: str, data: bytes, **options):
    target = tmp_path / "plan.yaml"
    imported = import_file(tmp_path / name, data, target, options.get("year"), options.get("org"))
    target.write_text(imported.text, encoding="utf-8")
    loaded = load_plan(target)
    assert loaded.plan is not None, loaded.findings
    return imported, loaded.plan


def _printed(plan) -> str:
    return reading_text(build_layout(plan))


# --- Word ------------------------------------------------------------------------------------------------------

WORD_NUMBERING = numbering(
    {1: [level(0, "decimal", "%1、")]},
    {1: (1, None), 2: (1, 1)},  # the second period's list restarts at 1 (Word: 重新开始编号)
)
WORD_BODY = (
    paragraph("附件1")
    + paragraph("某县2021年学生资助工作计划表", centred=True)
    + table(
        [
            [C([paragraph("时  间")]), C([paragraph("工作内容")]), C([paragraph("责任股室")])],
            [
                C([paragraph("1-2月")], merge="restart"),
                C([paragraph("印发2021年资助工作要点", num=1)]),
                C([paragraph("办公室")]),
            ],
            [C(merge="continue"), C([paragraph("发放2020年秋季学期\n国家助学金", num=1)]), C([paragraph("资助股")])],
            [
                C([paragraph("3月")], merge="restart"),
                C([paragraph("审核春季学期受助学生名单", num=2)]),
                C([paragraph("资助股")]),
            ],
            [C(merge="continue"), C([paragraph("开展资助政策宣传", num=2)]), C([paragraph("宣传股")])],
            [C([paragraph("注：各股室每月25日前报送进展。")], span=3)],
        ],
        3,
    )
)
WORD_TEXT = (
    "附件1 某县2021年学生资助工作计划表 时间 工作内容 责任股室 1-2月 1、印发2021年资助工作要点 办公室"
    " 2、发放2020年秋季学期国家助学金 资助股 3月 1、审核春季学期受助学生名单 资助股 2、开展资助政策宣传 宣传股"
    " 注：各股室每月25日前报送进展。"
)


def test_word_table_with_automatic_numbers_merged_cells_and_soft_breaks(tmp_path: Path) -> None:
    imported, plan = _import(tmp_path, "计划.docx", docx(WORD_BODY, WORD_NUMBERING))
    assert _printed(plan) == normalise_text(WORD_TEXT)
    assert imported.guesses == [
        "附件标注“附件1”取自第一段",
        "标题“某县2021年学生资助工作计划表”取自表格前居中的段",
        "年份 2021 取自标题",
        "版式 by-task：每项任务一行，时段单元格跨其任务合并",
        "编号样式“1、”，每个时段从 1 编起",
        "责任单位按行对应各项任务",
        "表格下的 1 段作为注（notes）",
    ]
    assert imported.unplaced == []
    assert [t.owner for p in plan.periods for t in p.tasks] == ["办公室", "资助股", "资助股", "宣传股"]


def test_wps_period_rows_with_numbers_restarting_in_each_cell_and_a_deadline_column(tmp_path: Path) -> None:
    """WPS writes a new w:num for each cell's list; the numbers here are （1）, and one cell types its numbers by
    hand with soft breaks between them."""
    nums = numbering({7: [level(0, "decimal", "（%1）")]}, {10: (7, None), 11: (7, 1)})
    body = paragraph("2022年度资助工作月计划", centred=True) + table(
        [
            [C([paragraph("月份")]), C([paragraph("主要工作")]), C([paragraph("完成时限")])],
            [
                C([paragraph("三月")]),
                C([paragraph("核对春季学籍数据", num=10), paragraph("开展政策宣传月活动", num=10)]),
                C([paragraph("3月31日")]),
            ],
            [C([paragraph("四月")]), C([paragraph("完成资金发放", num=11)]), C([paragraph("4月30日")])],
            [
                C([paragraph("五月")]),
                C([paragraph("（1）开展资助大检查\n（2）做好诚信教育")]),
                C([paragraph("5月31日")]),
            ],
        ],
        3,
    )
    imported, plan = _import(tmp_path, "月计划.docx", docx(body, nums, author="淮北市学生资助管理中心"))
    assert _printed(plan) == normalise_text(
        "2022年度资助工作月计划 月份 主要工作 完成时限 三月 （1）核对春季学籍数据 （2）开展政策宣传月活动 3月31日"
        " 四月 （1）完成资金发放 4月30日 五月 （1）开展资助大检查 （2）做好诚信教育 5月31日"
    )
    assert plan.layout == "by-period" and plan.numbering == "（1）" and plan.organisation == "淮北市学生资助管理中心"
    assert [p.deadline.text for p in plan.periods] == ["3月31日", "4月30日", "5月31日"]
    assert imported.guesses == [
        "标题“2022年度资助工作月计划”取自表格前居中的段",
        "年份 2022 取自标题",
        "发文机关（organisation）“淮北市学生资助管理中心”取自文档属性的作者",
        "版式 by-period：每个时段一行，任务排在同一单元格里",
        "编号样式“（1）”，每个时段从 1 编起",
        "“完成时限”一列是各时段的完成时间",
    ]


def test_table_in_a_text_box_and_in_a_frame_table_with_chinese_and_circled_numbers(tmp_path: Path) -> None:
    """The title and table sit in a text box (DrawingML, with the VML fallback Word adds: read once), the table
    inside a one-cell frame table; the tasks are numbered 一、 by Word and ① in another period."""
    nums = numbering(
        {1: [level(0, "chineseCounting", "%1、")], 2: [level(0, "decimalEnclosedCircle", "%1")]},
        {1: (1, None), 2: (2, None)},
    )
    inner = table(
        [
            [C([paragraph("时间")]), C([paragraph("工作任务")])],
            [C([paragraph("九月")]), C([paragraph("召开资助工作会", num=1), paragraph("部署认定工作", num=1)])],
            [C([paragraph("十月")]), C([paragraph("公示受助名单", num=2), paragraph("发放国家助学金", num=2)])],
        ],
        2,
    )
    frame = table([[C([paragraph("2023年秋季学期资助工作安排", centred=True), inner])]], 1)
    imported, plan = _import(tmp_path, "安排.docx", docx(text_box(frame), nums))
    assert _printed(plan) == normalise_text(
        "2023年秋季学期资助工作安排 时间 工作任务 九月 一、召开资助工作会 二、部署认定工作"
        " 十月 ①公示受助名单 ②发放国家助学金"
    )
    assert imported.guesses[-3] == "有的任务没有编号，或编号样式不统一：编号原样留在任务文字里（numbering: none）"
    assert imported.guesses[-1] == (
        "学期结束日（term.end）2024-01-14（星期日）是推测的，表格里没有写：从开学那一周起满 20 周，计划里不写 "
        "term.end；请按校历补上 term.end，或导入时加 --term-end 日期"
    )
    assert plan.term is not None and (plan.term.name, plan.term.start.isoformat()) == ("2023年秋季学期", "2023-09-01")


def test_several_tables_and_text_around_them_are_kept_not_dropped(tmp_path: Path) -> None:
    body = (
        paragraph("2021年工作计划", centred=True)
        + paragraph("为做好全年资助工作，特制定本计划。")
        + table(
            [
                [C([paragraph("时间")]), C([paragraph("工作内容")])],
                [C([paragraph("三月")]), C([paragraph("1.发放助学金")])],
            ],
            2,
        )
        + table(
            [[C([paragraph("联系人")]), C([paragraph("电话")])], [C([paragraph("张三")]), C([paragraph("1234567")])]], 2
        )
    )
    imported, plan = _import(tmp_path, "a.docx", docx(body))
    assert imported.unplaced == ["另一张表格（2 行 × 2 列）：联系人｜电话｜张三｜1234567"]
    assert [block.text for block in plan.preamble] == ["为做好全年资助工作，特制定本计划。"]
    assert (
        "# 没能放进计划的内容（原文保留在这里，请手工处理）：\n"
        "#   - 另一张表格（2 行 × 2 列）：联系人｜电话｜张三｜1234567\n" in imported.text
    )


# --- Excel and CSV ---------------------------------------------------------------------------------------------


def test_excel_sheet_with_a_title_row_and_merged_period_cells(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["2021年学生资助工作计划表", None, None])
    sheet.merge_cells("A1:C1")
    sheet.append(["时间", "工作内容", "责任单位"])
    for row in (
        ("3月份", "1、审核春季学期国家助学金名单", "资助股"),
        (None, "2、开展资助政策宣传月活动", "宣传股"),
        ("4月份", "1、发放春季学期国家助学金", "资助股"),
        (None, "2、组织资助工作人员业务培训", "办公室"),
    ):
        sheet.append(list(row))
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("A5:A6")
    sheet.append(["注：各股室按月报送进展。", None, None])
    sheet.merge_cells("A7:C7")
    data = io.BytesIO()
    book.save(data)
    imported, plan = _import(tmp_path, "计划.xlsx", data.getvalue())
    assert _printed(plan) == normalise_text(
        "2021年学生资助工作计划表 时间 工作内容 责任单位 3月份 1、审核春季学期国家助学金名单 资助股"
        " 2、开展资助政策宣传月活动 宣传股 4月份 1、发放春季学期国家助学金 资助股 2、组织资助工作人员业务培训 办公室"
        " 注：各股室按月报送进展。"
    )
    assert imported.guesses[0] == "标题“2021年学生资助工作计划表”取自表格第 1 行"
    assert imported.kind == "Excel 工作表"


def test_csv_in_gb18030_with_the_period_written_once(tmp_path: Path) -> None:
    text = (
        "2024年资助工作计划,,\n时间,工作内容,完成时间\n一月,1.做好寒假走访,1月31日\n,2.发放春节慰问金,\n"
        "二月,1.核对学籍,2月29日\n"
    )
    imported, plan = _import(tmp_path, "计划.csv", text.encode("gb18030"))
    assert _printed(plan) == normalise_text(text.replace(",", ""))
    assert [(c.header, c.role) for c in plan.columns] == [("时间", "group"), ("工作内容", "task"), ("完成时间", "time")]
    assert [(g.label, [(t.text, t.deadline.text if t.deadline else None) for t in g.tasks]) for g in plan.groups] == [
        ("一月", [("做好寒假走访", "1月31日"), ("发放春节慰问金", None)]),
        ("二月", [("核对学籍", "2月29日")]),
    ]
    assert imported.guesses[2:4] == [
        "表格各列：时间（分组）、工作内容（工作内容）、完成时间（各项任务的时间）",
        "编号样式“1.”，每个时段从 1 编起",
    ]
    assert imported.kind == "CSV 表格"


# --- pasted text -----------------------------------------------------------------------------------------------

WEB_PASTE = """\
附件
淮北市2020年度学生资助工作月计划
时 序
主要工作项目内容
完成工作时间
元月至二月份1.每月20日前更新维护学生资助管理及建档立卡信息系统数据，28日前上报当月月点评季通报表及相关报表；
2.撰写上年度资助工作总结及本年度年工作计划；3.谋划本年度工作。
2月29日
三月份
1.每月20日前更新维护学生资助管理及建档立卡信息系统数据，28日前上报当月月点评季通报表及相关报表；
2.审核汇总2020年春季中职及普通高中学校、幼儿园国家助学金、免学费名单及需
拨付资金；
— 2 —
时 序
主要工作项目内容
完成工作时间
3.做好职业技能教育资助资金的发放工作。
3月31日
注：一并做好其他工作。
"""


def test_text_pasted_from_a_web_page_with_its_damage(tmp_path: Path) -> None:
    """A label glued to its first task, tasks run together on a line, a task wrapped over two lines, a page
    number and the header row repeated at the page break."""
    imported, plan = _import(tmp_path, "paste.txt", WEB_PASTE.encode("utf-8"))
    published = WEB_PASTE.replace("— 2 —", "").replace("时 序\n主要工作项目内容\n完成工作时间\n3.", "3.")
    assert _printed(plan) == normalise_text(published)
    assert plan.layout == "by-period" and plan.attachment == "附件"
    assert [len(p.tasks) for p in plan.periods] == [2, 2]  # the first task of each is the recurring one
    assert plan.recurring[0].placement == "first"
    assert imported.guesses == [
        "附件标注“附件”取自第一段",
        "标题“淮北市2020年度学生资助工作月计划”取自表格前居中的段",
        "年份 2020 取自标题",
        "版式 by-period：每个时段一行，任务排在同一单元格里",
        "编号样式“1.”，每个时段从 1 编起",
        "“完成工作时间”一列是各时段的完成时间",
        "例行任务“每月20日前更新维护学生资助管理及建档立卡信息系统数据，28日前上报当月月点评季通报表及相关报表；”"
        "（routine）出现在 2 个时段（元月至二月份、三月份），每个时段排第一",
        "表格下的 1 段作为注（notes）",
    ]


def test_standard_input_is_read_as_text(in_tmp: Path) -> None:
    from typer.testing import CliRunner

    from aidplan.cli import app

    result = CliRunner().invoke(app, ["import", "-"], input=WEB_PASTE)
    assert result.exit_code == 0
    assert result.stdout.startswith("# 由 aidplan import 从 标准输入（每格一行的文本）导入")
    assert result.stderr.startswith("标准输入 → 标准输出：2 个时段，4 项任务\n")
    assert list(in_tmp.iterdir()) == []


# --- LibreOffice -----------------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (installed in CI)")
def test_old_word_doc_is_converted_by_libreoffice(tmp_path: Path) -> None:
    import subprocess

    from .conftest import SEED_PLANS
    from .test_ingest_roundtrip import _docx

    source = tmp_path / "source.docx"
    source.write_bytes(_docx(SEED_PLANS["2020-huaibei"]))
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "doc",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    imported, plan = _import(tmp_path, "source.doc", (tmp_path / "source.doc").read_bytes())
    assert imported.kind == "doc 文档（经 LibreOffice 转换）"
    assert _printed(plan) == _printed(load_plan(SEED_PLANS["2020-huaibei"]).plan)
    assert plan.recurring[0].placement == "first" and plan.layout == "by-period"


def test_a_missing_libreoffice_is_named_with_the_package(cli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr("aidplan.render.pdf.known_places", lambda: ())
    Path("旧计划.wps").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(600))
    result = cli("import", "旧计划.wps")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "aidplan: 读取 .doc、.wps、.rtf 和 .odt 文件需要 LibreOffice，但没有找到 soffice；请安装。"
        "Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui"
    )
    assert not Path("旧计划.yaml").exists()


def test_rows_of_tab_separated_cells_with_category_groups(tmp_path: Path) -> None:
    """A table copied from a spreadsheet: one row a line, cells separated by tabs, the first cell left empty
    below a group's first row; the groups are categories (一、综合工作), not times."""
    text = (
        "2021年资助工作要点\n项目\t工作内容\n一、综合工作\t1.修订资助工作实施细则\n\t2.开展资助政策宣传\n"
        "二、国家助学金\t1.组织家庭经济困难学生认定\n"
    )
    imported, plan = _import(tmp_path, "要点.txt", text.encode("utf-8"))
    assert _printed(plan) == normalise_text(text)
    assert [(c.header, c.role) for c in plan.columns] == [("项目", "group"), ("工作内容", "task")]
    assert imported.guesses == [
        "标题“2021年资助工作要点”取自表格前居中的段",
        "年份 2021 取自标题",
        "编号样式“1.”，每个时段从 1 编起",
        "“一、综合工作”“二、国家助学金”不是时间，按类别分组（groups:，其任务按各自的完成时间跟踪）",
    ]
    # the table prints no time at all: each task is said to have no date (W222), nothing else
    assert [(f.code, f.line) for f in imported.findings] == [("W222", 19), ("W222", 20), ("W222", 23)]
