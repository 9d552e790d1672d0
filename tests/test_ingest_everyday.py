"""Import of the files a new user brought and a reviewer built, made the way offices make them: a 分解表 workbook
with 牵头科室 and 配合单位, a Word table with a cell of two tasks, text pasted from a web page and cell by cell, a
school's week table, titles that name the 学年 and 学期, the paragraphs and the 落款 around the table, and files
that are not what their names say. Each test asserts the plan written and the guesses printed."""

from __future__ import annotations

import io
from pathlib import Path

from aidplan.commands.ingest import import_file
from aidplan.plan.loading import load_plan

from .conftest import DATA, ROOT
from .office_docx import C, docx, paragraph, table


def _import(tmp_path: Path, name: str, data: bytes, **options):
    target = tmp_path / "plan.yaml"
    imported = import_file(tmp_path / name, data, target, options.get("year"), options.get("org"))
    target.write_text(imported.text, encoding="utf-8")
    loaded = load_plan(target)
    assert loaded.plan is not None, loaded.findings
    return imported, loaded


def _workbook(rows: list[list], merges: list[str]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


# --- owners -------------------------------------------------------------------------------------------------------


def test_lead_and_supporting_units_keep_their_own_columns_and_the_note_under_the_table(tmp_path: Path) -> None:
    """A 分解表 as a 市教育局 builds it in Excel: 牵头科室 and 配合单位 side by side, a 注 row under the table."""
    data = _workbook(
        [
            ["附件2"],
            ["XX市教育局2026年学生资助重点工作任务分解表"],
            ["序号", "工作任务", "具体内容", "牵头科室", "配合单位", "完成时限"],
            [1, "资助政策宣传", "制定全年资助宣传方案", "资助中心", "各县区", "2026年3月31日"],
            [2, "资助政策宣传", "开展暑期资助政策宣传", "资助中心", "各县区", "2026年8月31日"],
            [3, "资金发放", "春季学期国家助学金发放", "计财科", "各学校", "2026年6月30日"],
            [4, "资金发放", "秋季学期国家助学金发放", "计财科", "各学校", "2026年12月31日"],
            [5, "绩效评价", "迎接省级资助绩效评价", "资助中心", "", "2026年10月"],
            ["注：各县区于每季度末报送工作进展。"],
        ],
        ["A2:F2", "B4:B5", "B6:B7"],
    )
    imported, loaded = _import(tmp_path, "分解表.xlsx", data)
    plan = loaded.plan
    assert [f.code for f in loaded.findings] == []
    assert [(c.header, c.role, c.key) for c in plan.columns] == [
        ("序号", "number", None),
        ("工作任务", "group", None),
        ("具体内容", "task", None),
        ("牵头科室", "owner", None),
        ("配合单位", "free", "c1"),
        ("完成时限", "time", None),
    ]
    tasks = [t for g in plan.groups for t in g.tasks]
    assert [(t.owner, t.cells.get("c1")) for t in tasks] == [
        ("资助中心", "各县区"),
        ("资助中心", "各县区"),
        ("计财科", "各学校"),
        ("计财科", "各学校"),
        ("资助中心", None),
    ]
    assert plan.notes == ["注：各县区于每季度末报送工作进展。"]
    assert imported.unplaced == []
    assert imported.guesses[3:] == [
        "表格各列：序号（序号）、工作任务（分组）、具体内容（工作内容）、牵头科室（责任单位）、配合单位（照印不解读）、"
        "完成时限（各项任务的时间）",
        "“配合单位”是第二个责任单位列：责任单位（owner:）取“牵头科室”，“配合单位”照原样印在自己的列里（cells:）",
        "序号一列整张表连续编号（numbering_scope: plan）",
        "表格下的 1 段作为注（notes）",
    ]


# --- pasted text --------------------------------------------------------------------------------------------------


def test_a_pasted_list_numbered_past_a_thousand_keeps_its_numbering(tmp_path: Path) -> None:
    lines = ["2026年学生资助工作计划", "时间\t工作内容"]
    for month, school in ((3, "一中"), (4, "二中")):
        lines += [f"{month}月\t1、{school}第1项"] + [f"\t{n}、{school}第{n}项" for n in range(2, 1003)]
    imported, loaded = _import(tmp_path, "长清单.txt", "\n".join(lines).encode("utf-8"))
    plan = loaded.plan
    assert plan.numbering == "1、"
    assert [len(p.tasks) for p in plan.periods] == [1002, 1002]
    assert plan.periods[0].tasks[1001].text == "一中第1002项"
    assert "编号样式“1、”，每个时段从 1 编起" in imported.guesses


def test_years_in_a_task_text_are_not_read_as_its_number(tmp_path: Path) -> None:
    text = "2026年学生资助工作计划\n时间\t工作内容\n3月\t1、审核名单\n\t2025、2026年度资金清算\n"
    _, loaded = _import(tmp_path, "年份.txt", text.encode("utf-8"))
    assert [t.text for t in loaded.plan.periods[0].tasks] == ["1、审核名单", "2025、2026年度资金清算"]


# --- a Word table with a cell of two tasks, the text around it -------------------------------------------------


def _county_plan(two_in_one_cell: bool = True) -> bytes:
    """A 县教育局 plan as Word makes it: 附件1, a centred title, a paragraph before the table, 时间 merged over its
    rows, one cell holding two tasks under one 完成时限, a 全年 row without a number, a 注 and a right-aligned
    落款 under the table."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    document.add_paragraph("附件1")
    document.add_paragraph("某某县教育局2026年学生资助工作计划").alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("为做好2026年学生资助工作，结合我县实际，制定本计划。")
    rows = [
        ("时间", "工作内容", "完成时限", "责任股室"),
        ("1月", "1、撰写2025年度资助工作总结", "1月20日前", "资助中心"),
        ("1月", "2、发放2025年秋季学期国家助学金", "1月31日前", "计财股"),
        ("4月", "1、迎接省级资助绩效评价", "4月底", "资助中心"),
        ("5-6月", "1、办理生源地信用助学贷款续贷\n2、开展诚信教育活动", "6月30日前", "资助中心"),
        ("9月", "1、新生入学绿色通道工作", "9月10日前", "各学校"),
        ("9月", "2、秋季学期资格认定", "9月30日前", "各学校"),
        ("全年", "每月20日前更新全国学生资助管理信息系统数据", "每月20日前", "资助中心"),
    ]
    if not two_in_one_cell:
        rows[4:5] = [
            ("5-6月", "1、办理生源地信用助学贷款续贷", "6月30日前", "资助中心"),
            ("5-6月", "2、开展诚信教育活动", "6月30日前", "资助中心"),
        ]
    grid = document.add_table(rows=len(rows), cols=4)
    grid.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    for first in [r for r in range(1, len(rows) - 1) if rows[r][0] == rows[r + 1][0]]:
        label = grid.cell(first, 0).text
        grid.cell(first, 0).merge(grid.cell(first + 1, 0)).text = label
    document.add_paragraph("注：上级部门临时安排的工作另行通知。")
    document.add_paragraph("某某县教育局").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("2025年12月20日").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def test_a_cell_of_two_tasks_keeps_the_columns_and_gives_both_the_rows_deadline(tmp_path: Path) -> None:
    imported, loaded = _import(tmp_path, "县计划.docx", _county_plan())
    plan = loaded.plan
    assert [(c.header, c.role) for c in plan.columns] == [
        ("时间", "group"),
        ("工作内容", "task"),
        ("完成时限", "time"),
        ("责任股室", "owner"),
    ]
    assert [(g.label, [(t.text, t.deadline.text, t.owner) for t in g.tasks]) for g in plan.groups] == [
        (
            "1月",
            [
                ("撰写2025年度资助工作总结", "1月20日前", "资助中心"),
                ("发放2025年秋季学期国家助学金", "1月31日前", "计财股"),
            ],
        ),
        ("4月", [("迎接省级资助绩效评价", "4月底", "资助中心")]),
        (
            "5-6月",
            [("办理生源地信用助学贷款续贷", "6月30日前", "资助中心"), ("开展诚信教育活动", "6月30日前", "资助中心")],
        ),
        ("9月", [("新生入学绿色通道工作", "9月10日前", "各学校"), ("秋季学期资格认定", "9月30日前", "各学校")]),
        ("全年", [("每月20日前更新全国学生资助管理信息系统数据", "每月20日前", "资助中心")]),
    ]
    assert plan.numbering == "1、"
    # the same file with the two tasks in rows of their own gives the same plan
    again = tmp_path / "b"
    again.mkdir()
    _, loaded_b = _import(again, "县计划b.docx", _county_plan(two_in_one_cell=False))
    assert loaded_b.plan.groups == plan.groups and loaded_b.plan.columns == plan.columns
    assert imported.guesses == [
        "附件标注“附件1”取自第一段",
        "标题“某某县教育局2026年学生资助工作计划”取自表格前居中的段",
        "年份 2026 取自标题",
        "表格前的 1 段作为正文（preamble:）",
        "表格第 5 行一个单元格里有 2 项任务，都取这一行的完成时间“6月30日前”",
        "表格各列：时间（分组）、工作内容（工作内容）、完成时限（各项任务的时间）、责任股室（责任单位）",
        "任务“每月20日前更新全国学生资助管理信息系统数据”原文没有编号；其他任务都按“1、”编号，这一项也编号"
        "（印作“1、每月20日前更新全国学生资助管理信息系统数据”），整张表不因它改成不编号",
        "编号样式“1、”，每个时段从 1 编起",
        "落款（signature:）：某某县教育局，2025年12月20日",
        "发文机关（organisation）“某某县教育局”取自落款",
        "表格下的 1 段作为注（notes）",
    ]
    assert imported.unplaced == []


def test_the_paragraph_before_the_table_and_the_right_aligned_signature_are_document_parts(tmp_path: Path) -> None:
    _, loaded = _import(tmp_path, "县计划.docx", _county_plan())
    plan = loaded.plan
    assert plan.attachment == "附件1"
    assert [block.text for block in plan.preamble] == ["为做好2026年学生资助工作，结合我县实际，制定本计划。"]
    assert plan.notes == ["注：上级部门临时安排的工作另行通知。"]
    assert plan.signature is not None
    assert (plan.signature.organisation, plan.signature.date) == (["某某县教育局"], "2025年12月20日")
    assert plan.closing == []


def test_a_title_on_two_lines_headings_a_closing_and_the_signature_from_markdown(tmp_path: Path) -> None:
    """Markdown as aidplan and other tools print a plan: # title<br>second line, ## headings, the 落款 in a
    right-aligned div."""
    text = (
        "**附件**\n\n# 城关镇中心学校<br>2021年春季学期学生资助工作计划\n\n"
        "为切实做好本学期学生资助工作，制定本计划。\n\n"
        "## 一、指导思想\n\n以立德树人为根本任务。\n\n## 二、工作安排\n\n| 时间 | 工作内容 |\n|:---:|:---|\n"
        "| 3月份 | 1、调整学生资助工作领导小组 |\n| 4月份 | 1、发放春季学期国家助学金 |\n\n"
        "注：政策如有变动，以上级最新文件为准。\n\n"
        "## 三、工作要求\n\n各班主任要高度重视。\n\n"
        '<div align="right">城关镇中心学校<br>2021年2月26日</div>\n'
    )
    imported, loaded = _import(tmp_path, "计划.md", text.encode("utf-8"))
    plan = loaded.plan
    assert plan.title == "城关镇中心学校\n2021年春季学期学生资助工作计划"
    assert [(b.heading, b.text) for b in plan.preamble] == [
        (None, "为切实做好本学期学生资助工作，制定本计划。"),
        ("一、指导思想", None),
        (None, "以立德树人为根本任务。"),
        ("二、工作安排", None),
    ]
    assert plan.notes == ["注：政策如有变动，以上级最新文件为准。"]
    assert [(b.heading, b.text) for b in plan.closing] == [("三、工作要求", None), (None, "各班主任要高度重视。")]
    assert (plan.signature.organisation, plan.signature.date) == (["城关镇中心学校"], "2021年2月26日")
    assert "标题分 2 行“城关镇中心学校／2021年春季学期学生资助工作计划”，取自表格前居中的段" in imported.guesses
    assert "从小标题“三、工作要求”起的 2 段作为结尾正文（closing:）" in imported.guesses
    assert imported.unplaced == []


# --- pasted text ----------------------------------------------------------------------------------------------------

WEB_PAGE = """\
2026年度学生资助工作月计划

时间\t工作内容\t完成时间
一月份\t1.做好寒假期间困难学生慰问工作；2.完成上年度资助统计报表。\t1月25日
二月份\t1.开展春季学期资助政策宣传；
2.组织春季国家助学金申请。\t2月28日
三月份\t1.审核春季学期受助学生名单；\t3月31日
— 2 —
时间\t工作内容\t完成时间
四月份\t1.开展资助工作自查；2.做好次年资助预算编制准备。\t4月30日
注：其他临时性工作按上级要求完成。
"""


def test_a_cell_broken_onto_a_second_line_continues_its_row(tmp_path: Path) -> None:
    imported, loaded = _import(tmp_path, "网页.txt", WEB_PAGE.encode("utf-8"))
    plan = loaded.plan
    assert [(p.label, p.deadline.text, [t.text for t in p.tasks]) for p in plan.periods] == [
        ("一月份", "1月25日", ["做好寒假期间困难学生慰问工作；", "完成上年度资助统计报表。"]),
        ("二月份", "2月28日", ["开展春季学期资助政策宣传；", "组织春季国家助学金申请。"]),
        ("三月份", "3月31日", ["审核春季学期受助学生名单；"]),
        ("四月份", "4月30日", ["开展资助工作自查；", "做好次年资助预算编制准备。"]),
    ]
    assert plan.numbering == "1."
    assert [f.code for f in loaded.findings if f.severity.value == "error"] == []
    assert "编号样式“1.”，每个时段从 1 编起" in imported.guesses


def test_a_spreadsheet_row_with_an_empty_last_cell_is_not_taken_for_a_broken_one(tmp_path: Path) -> None:
    """Tabs of empty cells at a row's end are kept as far as the header reaches: the next row, whose first cell
    is a category and no period, is a row of its own."""
    text = "2026年资助工作要点\n类别\t工作内容\t责任单位\n资助宣传\t制定宣传方案\t\n资金发放\t春季发放\t计财股\n"
    _, loaded = _import(tmp_path, "要点.txt", text.encode("utf-8"))
    assert [(g.label, [(t.text, t.owner) for t in g.tasks]) for g in loaded.plan.groups] == [
        ("资助宣传", [("制定宣传方案", None)]),
        ("资金发放", [("春季发放", "计财股")]),
    ]


def test_cells_one_per_line_keep_the_owner_apart_from_the_task(tmp_path: Path) -> None:
    text = (
        "附件\n2026年学生资助工作计划表\n时间\n工作内容\n责任单位\n1月\n1、完成上年度资助工作总结\n资助中心\n"
        "2月\n1、开展春季资助宣传\n资助中心\n3月\n1、审核春季名单\n2、发放春季资金\n计财股\n"
    )
    imported, loaded = _import(tmp_path, "lines.txt", text.encode("utf-8"))
    plan = loaded.plan
    assert plan.owners is True
    assert [(p.label, [(t.text, t.owner) for t in p.tasks]) for p in plan.periods] == [
        ("1月", [("完成上年度资助工作总结", "资助中心")]),
        ("2月", [("开展春季资助宣传", "资助中心")]),
        ("3月", [("审核春季名单", "计财股"), ("发放春季资金", "计财股")]),
    ]
    assert "责任单位按行对应各项任务" in imported.guesses


def test_one_row_without_a_number_does_not_unnumber_the_plan(tmp_path: Path) -> None:
    text = (
        "2026年学生资助工作计划\n时间\t工作内容\t完成时间\n3月\t1.审核名单；2.发放资金。\t3月31日\n"
        "4月\t1.开展自查。\t4月30日\n全年\t每月20日前更新系统数据\t每月20日前\n"
    )
    imported, loaded = _import(tmp_path, "全年.txt", text.encode("utf-8"))
    plan = loaded.plan
    assert plan.numbering == "1."
    assert [[t.text for t in p.tasks] for p in plan.periods] == [
        ["审核名单；", "发放资金。"],
        ["开展自查。"],
        ["每月20日前更新系统数据"],
    ]
    assert (
        "任务“每月20日前更新系统数据”原文没有编号；其他任务都按“1.”编号，这一项也编号（印作“1.每月20日前更新系统数据”），"
        "整张表不因它改成不编号"
    ) in imported.guesses


# --- terms ------------------------------------------------------------------------------------------------------


def test_a_spring_term_title_gives_the_second_year_and_the_term(tmp_path: Path) -> None:
    text = "2025-2026学年第二学期学生资助工作计划\n时间\t工作内容\n3月\t1、审核名单\n4月\t1、自查\n"
    imported, loaded = _import(tmp_path, "春.txt", text.encode("utf-8"))
    plan = loaded.plan
    assert plan.year == 2026
    assert (plan.term.name, plan.term.start.isoformat()) == ("2025-2026学年第二学期", "2026-03-02")
    assert imported.guesses[1:3] == [
        "年份 2026 取自标题里的学期“2025-2026学年第二学期”：春季学期（第二学期）在 2026 年开学",
        "版式 by-task：每项任务一行，时段单元格跨其任务合并",
    ]
    assert imported.guesses[-2:] == [
        "学期（term:）：标题写了学期“2025-2026学年第二学期”；开学日 2026-03-02（星期一）是推测的（春季学期按 3月的"
        "第一个星期一），表格里没有写：第一周是它所在的那一周，各周的日期都从它算起；请按校历改正 term.start，"
        "或导入时加 --term-start 日期",
        "学期结束日（term.end）2026-07-19（星期日）是推测的，表格里没有写：从开学那一周起满 20 周，计划里不写 "
        "term.end；请按校历补上 term.end，或导入时加 --term-end 日期",
    ]
    assert [f.code for f in loaded.findings] == []


def test_an_autumn_term_title_runs_its_january_into_the_next_year(tmp_path: Path) -> None:
    from aidplan.plan.schedule import schedule

    text = "2025-2026学年第一学期学生资助工作计划\n时间\t工作内容\n9月\t1、审核名单\n10月\t1、发放\n1月\t1、自查\n"
    _, loaded = _import(tmp_path, "秋.txt", text.encode("utf-8"))
    plan = loaded.plan
    assert plan.year == 2025 and plan.term.name == "2025-2026学年第一学期"
    assert [(p.span.start.isoformat(), p.span.end.isoformat()) for p in schedule(plan)] == [
        ("2025-09-01", "2025-09-30"),
        ("2025-10-01", "2025-10-31"),
        ("2026-01-01", "2026-01-31"),
    ]
    assert [f.code for f in loaded.findings if f.severity.value == "error"] == []


def _school_weeks() -> bytes:
    """A 中学's week table (月份 > 周次, merged months) titled by its 秋季学期, built as Word users build it."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    document.add_paragraph("附件")
    document.add_paragraph("XX中学2026年秋季学期学生资助工作安排").alignment = WD_ALIGN_PARAGRAPH.CENTER
    rows = [
        ("序号", "月份", "周次", "工作内容", "责任人"),
        ("1", "九月", "第一周", "开学绿色通道，摸排家庭经济困难新生", "政教处"),
        ("2", "九月", "第三周", "组织家庭经济困难学生认定", "资助办"),
        ("3", "十月", "第七周", "国家助学金名单公示", "资助办"),
    ]
    grid = document.add_table(rows=len(rows), cols=5)
    grid.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    grid.cell(1, 1).merge(grid.cell(2, 1)).text = "九月"
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def test_a_week_table_gets_the_term_its_title_names_and_the_ids_a_term_plan_has(tmp_path: Path) -> None:
    from aidplan.plan.schedule import schedule

    imported, loaded = _import(tmp_path, "中学.docx", _school_weeks())
    plan = loaded.plan
    assert (plan.term.name, plan.term.start.isoformat()) == ("2026年秋季学期", "2026-09-01")
    periods = schedule(plan)
    assert [(p.key, p.span.start.isoformat(), [t.id for t in p.tasks]) for p in periods] == [
        ("9.w1", "2026-08-31", ["9.w1.1"]),
        ("9.w3", "2026-09-14", ["9.w3.2"]),
        ("10.w7", "2026-10-12", ["10.w7.3"]),
    ]
    assert [f.code for f in loaded.findings] == []
    assert imported.guesses[-2].startswith(
        "学期（term:）：标题写了学期“2026年秋季学期”；开学日 2026-09-01（星期二）是推测的（秋季学期按 9月1日）"
    )
    assert imported.guesses[-1].startswith("学期结束日（term.end）2027-01-17（星期日）是推测的")


def test_a_week_table_whose_title_names_no_term_gets_a_guessed_one(tmp_path: Path) -> None:
    text = "某小学学生资助工作安排\n月份\t周次\t工作内容\n九月\t第一周\t1、摸排新生\n十月\t第七周\t1、公示名单\n"
    imported, loaded = _import(tmp_path, "周.txt", text.encode("utf-8"), year=2026)
    plan = loaded.plan
    assert plan.term is not None and plan.term.name is None and plan.term.start.isoformat() == "2026-09-01"
    assert imported.guesses[-2] == (
        "学期（term:）：分组按学期的周次或开学、期末排（第一周、第七周），要有学期才有日期；开学日 2026-09-01（星期二）"
        "是推测的（秋季学期按 9月1日），表格里没有写：第一周是它所在的那一周，各周的日期都从它算起；请按校历改正 "
        "term.start，或导入时加 --term-start 日期"
    )
    assert [f.code for f in loaded.findings] == []


# --- a table that is by-period without a deadline -------------------------------------------------------------------


def test_a_row_per_period_without_a_deadline_column_is_said_to_become_a_row_per_task(tmp_path: Path) -> None:
    text = "2026年学生资助工作计划\n时间\t工作内容\n3月\t1.审核春季名单；2.发放春季资金。\n4月\t1.资金自查。\n"
    imported, loaded = _import(tmp_path, "每月一行.txt", text.encode("utf-8"))
    assert loaded.plan.layout == "by-task"
    assert (
        "版式改成了每项任务一行（by-task）：原表每个时段一行，但按时段一行的版式（by-period）必须有完成时间一列，"
        "这张表没有；任务和文字不变，时段单元格跨其任务合并"
    ) in imported.guesses


# --- files that are not what their names say, or are broken ---------------------------------------------------------


def _rewritten(data: bytes, change) -> bytes:
    """A copy of a zip package with each member passed through change(name, bytes) (None: left out)."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            member = change(name, source.read(name))
            if member is not None:
                target.writestr(name, member)
    return out.getvalue()


def test_broken_and_misnamed_office_files_are_named_without_library_text(cli, in_tmp: Path) -> None:
    word = _county_plan()
    book = _workbook([["时间", "工作内容"], ["3月", "1、审核名单"]], [])
    cases = {
        "截断.docx": _rewritten(word, lambda n, d: d[: len(d) // 2] if n == "word/document.xml" else d),
        "无关系.docx": _rewritten(word, lambda n, d: None if n == "_rels/.rels" else d),
        "截断.xlsx": _rewritten(book, lambda n, d: d[: len(d) // 2] if n.endswith("sheet1.xml") else d),
        "其实是文档.xlsx": word,
        "半个字.txt": b"\xff\xfe\x00",
    }
    for name, data in cases.items():
        Path(name).write_bytes(data)
    expected = {
        "截断.docx": "截断.docx 读不出来：Word .docx 文件的内容不完整或已损坏；"
        "请在 Word 或 WPS 里打开它，另存为 .docx 后再导入",
        "无关系.docx": "无关系.docx 读不出来：Word .docx 文件的内容不完整或已损坏；"
        "请在 Word 或 WPS 里打开它，另存为 .docx 后再导入",
        "截断.xlsx": "截断.xlsx 读不出来：Excel .xlsx 文件的内容不完整或已损坏，或设了打开密码；"
        "请在 Excel 或 WPS 里打开它（去掉密码），另存为 .xlsx 后再导入",
        "其实是文档.xlsx": "其实是文档.xlsx 是 Word 文档，只是扩展名写成了 .xlsx；请改回 .docx 再导入",
        "半个字.txt": "半个字.txt 标明是 UTF-16（Unicode）编码，但内容不完整；请重新另存为 UTF-8 后再导入",
    }
    for name, message in expected.items():
        result = cli("import", name)
        assert (result.exit_code, result.stderr) == (1, f"aidplan: {message}\n"), name
    english = cli("--lang", "en", "import", "截断.docx")
    assert english.exit_code == 1
    assert english.stderr.startswith("aidplan: 截断.docx cannot be read: the Word .docx file is incomplete or damaged")
    assert not list(in_tmp.glob("*.yaml"))


def test_a_docx_whose_cell_spans_millions_of_columns_is_refused_at_once(cli, in_tmp: Path) -> None:
    """A 2 KB .docx with w:gridSpan="5000000" (or w:gridBefore) made the grid millions of columns wide: the import
    ran for minutes and grew past a gigabyte. Word's own limit is 63 columns."""
    rows = [[C([paragraph("时间")]), C([paragraph("工作内容")])], [C([paragraph("3月")]), C([paragraph("审核名单")])]]
    wide = table(rows, 2).replace('<w:gridSpan w:val="2"/>', "")
    Path("跨列.docx").write_bytes(
        docx(wide.replace('<w:tcW w:w="2000" w:type="dxa"/>', '<w:gridSpan w:val="5000000"/>', 1))
    )
    Path("前空.docx").write_bytes(
        docx(wide.replace("<w:tr>", '<w:tr><w:trPr><w:gridBefore w:val="900000"/></w:trPr>', 1))
    )
    for name, columns in (("跨列.docx", 5_000_000), ("前空.docx", 900_000)):
        result = cli("import", name)
        assert (result.exit_code, result.stderr) == (
            1,
            f"aidplan: {name} 里有一张表格宽 {columns} 列（Word 的表格最多 63 列）：不像是一份计划；"
            "请在 Word 或 WPS 里打开它检查表格，另存为 .docx 后再导入\n",
        )
    assert not list(in_tmp.glob("*.yaml"))


def test_a_workbook_with_a_merged_block_of_whole_columns_is_refused_at_once(cli, in_tmp: Path) -> None:
    """A 5 KB .xlsx whose one merged range covers whole columns (C10:XFD1048576, Excel allows it): openpyxl built
    a cell for each of its 17 billion cells (minutes, gigabytes); the range is read from the sheet's XML first."""
    import zipfile

    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["时间", "工作内容"])
    book.active.append(["3月", "1.审核名单"])
    buffer = io.BytesIO()
    book.save(buffer)
    source, target = zipfile.ZipFile(io.BytesIO(buffer.getvalue())), io.BytesIO()
    with zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                merged = b'</sheetData><mergeCells count="1"><mergeCell ref="C10:XFD1048576"/></mergeCells>'
                data = data.replace(b"</sheetData>", merged)
            out.writestr(item, data)
    Path("合并.xlsx").write_bytes(target.getvalue())
    result = cli("import", "合并.xlsx")
    assert (result.exit_code, result.stderr) == (
        1,
        "aidplan: 合并.xlsx 里有一片合并单元格 C10:XFD1048576，共 17177624594 格，不像是一份计划；"
        "请在 Excel 或 WPS 里取消这片合并，另存为 .xlsx 后再导入\n",
    )


def test_a_csv_with_a_nul_byte_or_a_huge_cell_gets_a_plain_answer(cli, in_tmp: Path) -> None:
    Path("零.csv").write_bytes("2026年计划\n时间,工作内容\n3月,1、审核\x00名单\n".encode())
    result = cli("import", "零.csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1] == "  推测：删除了 1 个看不见的控制字符（如 U+0000）：计划里不能有它们"
    assert "- 审核名单\n" in Path("零.yaml").read_text(encoding="utf-8")
    Path("大.csv").write_text('时间,工作内容\n3月,"' + "长" * 140_000 + '"\n', encoding="utf-8")
    result = cli("import", "大.csv", "--year", "2026")
    assert (result.exit_code, result.stderr) == (
        1,
        "aidplan: 大.csv 里有一个单元格超过 128 KB，不像是一份计划；请检查文件\n",
    )


def test_a_table_of_weeks_only_takes_its_season_from_the_title(tmp_path: Path) -> None:
    text = "2026年春季资助工作周安排\n周次\t工作内容\n第一周\t1、摸排\n第二周\t1、公示\n"
    _, loaded = _import(tmp_path, "春周.txt", text.encode("utf-8"))
    assert loaded.plan.term.start.isoformat() == "2026-03-02"
    _, loaded = _import(tmp_path, "秋周.txt", text.replace("春季", "").encode("utf-8"))
    assert loaded.plan.term.start.isoformat() == "2026-09-01"


def test_the_signature_under_pasted_text_is_read_without_alignment(tmp_path: Path) -> None:
    text = (
        "2026年学生资助工作计划\n时间\t工作内容\t完成时间\n3月\t1.审核名单。\t3月31日\n4月\t1.开展自查。\t4月30日\n"
        "注：各校按月报送进展。\n某某县学生资助管理中心\n2026年1月5日\n"
    )
    imported, loaded = _import(tmp_path, "落款.txt", text.encode("utf-8"))
    plan = loaded.plan
    assert plan.notes == ["注：各校按月报送进展。"]
    assert (plan.signature.organisation, plan.signature.date) == (["某某县学生资助管理中心"], "2026年1月5日")
    assert "落款（signature:）：某某县学生资助管理中心，2026年1月5日" in imported.guesses


def test_columns_a_row_per_period_has_no_place_for_are_listed_not_dropped(tmp_path: Path) -> None:
    text = (
        "2026年学生资助工作计划\n时间\t工作内容\t完成时间\t牵头单位\t配合单位\t备注\n"
        "3月\t1、审核名单；2、发放资金。\t3月31日\t资助中心\t各学校\t重点\n4月\t1、自查；2、整改。\t4月30日\t资助中心\t各县区\t\n"
    )
    imported, loaded = _import(tmp_path, "按月.txt", text.encode("utf-8"))
    assert loaded.plan.layout == "by-period"
    assert [t.owner for p in loaded.plan.periods for t in p.tasks] == ["资助中心"] * 4
    assert imported.unplaced == [
        "“配合单位”一列没有读入（这种表格的版式里没有它的位置）：各学校｜各县区",
        "“备注”一列没有读入（这种表格的版式里没有它的位置）：重点",
    ]


def test_a_group_merged_again_after_a_page_break_stays_one_group_and_week_21_ends_the_term(tmp_path: Path) -> None:
    """Word prints a month merged over its weeks; where a page breaks inside the month the merge starts again
    with the month repeated. The 休业式 printed in 第二十一周 is the term's last day; without it, a 第二十一周 runs
    the guessed term past its default 20 weeks, to that week's Sunday."""
    from docx import Document

    document = Document()
    document.add_paragraph("2025—2026学年第一学期德育工作安排")
    rows = [
        ("月份", "周次", "主要活动"),
        ("十月", "第六周", "国庆主题教育"),
        ("十月", "第七周", "秋季运动会"),
        ("十月", "第八周", "期中复习动员"),
        ("一月", "第二十一周", "1月23日休业式"),
    ]
    grid = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    grid.cell(1, 0).merge(grid.cell(2, 0)).text = "十月"  # rows 1-2 on one page, row 3 on the next
    data = io.BytesIO()
    document.save(data)
    imported, loaded = _import(tmp_path, "德育.docx", data.getvalue())
    plan = loaded.plan
    assert [(g.label, [w.label for w in g.groups]) for g in plan.groups] == [
        ("十月", ["第六周", "第七周", "第八周"]),
        ("一月", ["第二十一周"]),
    ]
    assert (plan.term.start.isoformat(), plan.term.end.isoformat()) == ("2025-09-01", "2026-01-23")
    assert "学期结束日（term.end）2026-01-23（星期五）取自“1月23日休业式”，请按校历核对" in imported.guesses
    assert [f.code for f in loaded.findings] == []
    grid.cell(4, 2).text = "期末质量检测"
    data = io.BytesIO()
    document.save(data)
    (tmp_path / "b").mkdir()
    imported, loaded = _import(tmp_path / "b", "德育.docx", data.getvalue())
    assert (loaded.plan.term.start.isoformat(), loaded.plan.term.end.isoformat()) == ("2025-09-01", "2026-01-25")
    assert "表格排到第 21 周：学期结束日（term.end）写作那一周的星期日 2026-01-25" in imported.guesses
    assert [f.code for f in loaded.findings] == []


def test_a_year_given_against_the_titles_term_keeps_the_season_but_not_the_name(tmp_path: Path) -> None:
    text = "2025-2026学年第二学期学生资助工作计划\n时间\t工作内容\n3月\t1、审核名单\n4月\t1、自查\n"
    imported, loaded = _import(tmp_path, "春.txt", text.encode("utf-8"), year=2027)
    plan = loaded.plan
    assert plan.year == 2027
    assert (plan.term.name, plan.term.start.isoformat()) == (None, "2027-03-01")
    assert imported.guesses[1] == (
        "标题里的学期“2025-2026学年第二学期”在 2026 年开学，按 --year 用 2027 年：term 不写学期名称，请核对"
    )
    assert [f.code for f in loaded.findings] == []


REMOVED = "  推测：删除了 {} 个看不见的零宽字符（如 U+200B）：它们夹在字词中间，“每月”“20日前”这样的字词就读不出来"


def test_zero_width_characters_and_character_references_from_a_web_page_are_removed_and_said(cli, in_tmp) -> None:
    """A web page (or a WeChat article) puts U+200B inside words and its source &nbsp; before cells: the import
    reads the plan the page shows (每月20日前 is the monthly deadline again) and says what it removed; the same for
    Markdown and a Word document."""
    seed = (DATA / "seeds" / "2020-huaibei.txt").read_text(encoding="utf-8")
    Path("干净.txt").write_text(seed, encoding="utf-8")
    damaged = seed.replace("每月", "每\u200b月").replace("学生", "学\u200c生\u00ad")
    Path("零宽.txt").write_text(damaged, encoding="utf-8")
    Path("源码.txt").write_text(seed.replace("\t", "&nbsp;&nbsp;"), encoding="utf-8")
    assert cli("import", "干净.txt").exit_code == 0
    clean = Path("干净.yaml").read_text(encoding="utf-8").split("\ntitle:", 1)[1]
    said = {
        "零宽.txt": REMOVED.format(seed.count("每月") + 2 * seed.count("学生")),
        "源码.txt": f"  推测：把网页源码里的 {2 * seed.count(chr(9))} 个字符引用（如 &nbsp;）换成了它们代表的字符",
    }
    for name, line in said.items():
        result = cli("import", name)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.splitlines()[1] == line
        assert Path(name).with_suffix(".yaml").read_text(encoding="utf-8").split("\ntitle:", 1)[1] == clean
    tasks = cli("tasks", "零宽.yaml", "-f", "json")
    assert '"deadline_source": "monthly"' in tasks.stdout  # the monthly deadline, read again
    assert '"occurrences": [\n            "2020-01-20",\n            "2020-01-28",' in tasks.stdout
    assert cli("render", str(ROOT / "plans" / "2020-huaibei.yaml"), "-f", "md", "-o", "原.md").exit_code == 0
    markdown = Path("原.md").read_text(encoding="utf-8")
    Path("零宽.md").write_text(markdown.replace("每月", "每\u200b月"), encoding="utf-8")
    rows = [[C([paragraph("时间")]), C([paragraph("工作内容")])]]
    rows.append([C([paragraph("三月份")]), C([paragraph("每\u200b月20日前报送数据")])])
    Path("零宽.docx").write_bytes(docx(paragraph("某县2026年学生资助工作计划", centred=True) + table(rows, 2)))
    for name, count in (("零宽.md", markdown.count("每月")), ("零宽.docx", 1)):
        result = cli("import", name, "-o", name + ".yaml")
        assert result.exit_code == 0, result.stderr
        assert REMOVED.format(count) in result.stdout.splitlines()
        assert "\u200b" not in Path(name + ".yaml").read_text(encoding="utf-8")


def test_a_plan_with_a_zero_width_character_inside_a_word_gets_w231(cli, in_tmp) -> None:
    Path("计划.yaml").write_text(
        "title: 某县2026年学生资助工作计划\nyear: 2026\nperiods:\n  - label: 3月份\n    tasks:\n"
        "      - 每\u200b月20日前更新维护学生资助系统数据\n",
        encoding="utf-8",
    )
    result = cli("check", "计划.yaml")
    assert result.stdout.splitlines()[0] == (
        "计划.yaml:6:9: warning[W231]: 文字里有 1 个看不见的字符（第一个是 U+200B，在“每”之后）：它把字词隔开，"
        "“每月”“20日前”这样的写法就读不出来；请删除它（aidplan import 导入时会自动删除）"
    )
