"""Import of every table shape the plan format has, from files built the way offices build them: two header rows
with merged cells, several tables each under its heading (and a workbook of one sheet per term), a table printed
without a header row, category rows merged across the table over their tasks, and a flat list of tasks with no
grouping at all. Each imports to a plan whose printed text is the source's, with its guesses said."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from aidplan.cli import app
from aidplan.commands.ingest import import_file
from aidplan.plan.loading import load_plan
from aidplan.plan.model import normalise_text
from aidplan.render.layout import build_layout, reading_text

from .office_docx import C, docx, paragraph, table


def _import(tmp_path: Path, name: str, data: bytes, year: int | None = None):
    target = tmp_path / "plan.yaml"
    imported = import_file(tmp_path / name, data, target, year, None)
    target.write_text(imported.text, encoding="utf-8")
    loaded = load_plan(target)
    assert loaded.plan is not None, loaded.findings
    return imported, loaded.plan


def _printed(plan) -> str:
    return reading_text(build_layout(plan))


def test_two_header_rows_with_a_header_merged_across_and_a_title_row(tmp_path: Path) -> None:
    """时间, 工作内容 and 备注 merged down over both header rows, 完成情况 merged across 已完成 and 未完成; a title
    row merged across the whole table above them."""
    body = table(
        [
            [C([paragraph("2026年学生资助工作计划表")], span=5)],
            [
                C([paragraph("时间")], merge="restart"),
                C([paragraph("工作内容")], merge="restart"),
                C([paragraph("完成情况")], span=2),
                C([paragraph("备注")], merge="restart"),
            ],
            [
                C(merge="continue"),
                C(merge="continue"),
                C([paragraph("已完成")]),
                C([paragraph("未完成")]),
                C(merge="continue"),
            ],
            [C([paragraph("3月")], merge="restart"), C([paragraph("1、审核春季名单")]), C([paragraph("√")]), C(), C()],
            [
                C(merge="continue"),
                C([paragraph("2、发放春季资金")]),
                C(),
                C([paragraph("√")]),
                C([paragraph("资金另拨")]),
            ],
            [C([paragraph("4月")]), C([paragraph("1、资金自查")]), C(), C(), C()],
        ],
        5,
    )
    imported, plan = _import(tmp_path, "两行表头.docx", docx(body))
    assert [(c.header, c.role) for c in plan.columns] == [
        ("时间", "group"),
        ("工作内容", "task"),
        (["完成情况", "已完成"], "free"),
        (["完成情况", "未完成"], "free"),
        ("备注", "free"),
    ]
    assert _printed(plan) == normalise_text(
        "2026年学生资助工作计划表 时间 工作内容 完成情况 备注 已完成 未完成 3月 1、审核春季名单 √"
        " 2、发放春季资金 √ 资金另拨 4月 1、资金自查"
    )
    assert imported.guesses[2:4] == [
        "表头有两行：上一行跨列合并的表头与下一行的各列写成 header: [上, 下]",
        "表格各列：时间（分组）、工作内容（工作内容）、完成情况／已完成（照印不解读）、完成情况／未完成（照印不解读）、"
        "备注（照印不解读）",
    ]
    assert imported.unplaced == []


def test_two_header_rows_pasted_as_text_repeat_the_merged_header(tmp_path: Path) -> None:
    text = (
        "2021年资助工作落实情况表\n类别\t工作内容\t完成情况\t完成情况\n\t\t已完成\t未完成\n"
        "综合工作\t1.修订实施细则\t√\t\n\t2.开展宣传月活动\t\t推迟至6月\n"
    )
    _, plan = _import(tmp_path, "情况表.txt", text.encode("utf-8"))
    assert [c.texts for c in plan.columns] == [("类别",), ("工作内容",), ("完成情况", "已完成"), ("完成情况", "未完成")]
    assert _printed(plan) == normalise_text(
        "2021年资助工作落实情况表 类别 工作内容 完成情况 已完成 未完成 综合工作 1.修订实施细则 √"
        " 2.开展宣传月活动 推迟至6月"
    )


def test_category_rows_merged_across_the_table_group_their_tasks(tmp_path: Path) -> None:
    """The 工作要点 table: 序号 | 工作内容 | 责任单位 | 完成时间, with 一、资助政策落实 merged across all four columns
    above its tasks."""
    rows = [[C([paragraph(h)]) for h in ("序号", "工作内容", "责任单位", "完成时间")]]
    for category, tasks in (
        ("一、资助政策落实", [("1", "落实学前教育资助政策", "资助中心", "3月底"),
                              ("2", "落实义务教育资助政策", "资助中心", "4月底")]),
        ("二、资助育人", [("3", "开展诚信教育", "各学校", "5月")]),
    ):  # fmt: skip
        rows.append([C([paragraph(category)], span=4)])
        rows += [[C([paragraph(text)]) for text in task] for task in tasks]
    imported, plan = _import(tmp_path, "分类行.docx", docx(paragraph("XX县2026年学生资助工作要点") + table(rows, 4)))
    assert [(c.header, c.role) for c in plan.columns] == [
        ("序号", "number"),
        ("工作内容", "task"),
        ("责任单位", "owner"),
        ("完成时间", "time"),
    ]
    assert plan.groups is not None
    assert [(g.label, [t.text for t in g.tasks]) for g in plan.groups] == [
        ("一、资助政策落实", ["落实学前教育资助政策", "落实义务教育资助政策"]),
        ("二、资助育人", ["开展诚信教育"]),
    ]
    assert [t.deadline.text for g in plan.groups for t in g.tasks] == ["3月底", "4月底", "5月"]  # type: ignore[union-attr]
    said = "跨整行的“一、资助政策落实”“二、资助育人”是类别行：其下各行的任务归入该类别（groups:）"
    assert said in imported.guesses
    assert _printed(plan) == normalise_text(
        "XX县2026年学生资助工作要点 序号 工作内容 责任单位 完成时间 一、资助政策落实 1 落实学前教育资助政策"
        " 资助中心 3月底 2 落实义务教育资助政策 资助中心 4月底 二、资助育人 3 开展诚信教育 各学校 5月"
    )
    assert [f for f in imported.findings if f.severity.value == "error"] == []


def test_a_flat_list_without_any_group_is_imported_as_tasks(in_tmp: Path) -> None:
    text = "XX县2026年学生资助工作要点\n序号\t工作内容\t责任单位\t完成时间\n1\t落实学前教育资助政策\t资助中心\t3月底\n"
    result = CliRunner().invoke(app, ["import", "-", "-o", "flat.yaml"], input=text)
    assert result.exit_code == 0, result.output
    assert "  推测：表格没有分组列，也没有类别行：任务按表格顺序列出（tasks:）\n" in result.output
    loaded = load_plan(Path("flat.yaml"))
    assert loaded.findings == []
    plan = loaded.plan
    assert plan.groups is None and plan.periods is None
    assert [(t.text, t.owner, t.deadline.text) for t in plan.tasks] == [("落实学前教育资助政策", "资助中心", "3月底")]
    assert _printed(plan) == normalise_text(
        "XX县2026年学生资助工作要点 序号 工作内容 责任单位 完成时间 1 落实学前教育资助政策 资助中心 3月底"
    )


def test_several_tables_each_under_its_heading_become_tables(tmp_path: Path) -> None:
    """Two tables, one per term, each under its heading; the note under the second stays with it."""
    header = [C([paragraph("时间")]), C([paragraph("工作内容")]), C([paragraph("完成时限")])]
    body = (
        paragraph("XX区2026年学生资助工作计划", centred=True)
        + paragraph("一、春季学期")
        + table([header, [C([paragraph("3月")]), C([paragraph("审核春季名单")]), C([paragraph("3月31日前")])]], 3)
        + paragraph("二、秋季学期")
        + table([header, [C([paragraph("9月")]), C([paragraph("新生资格认定")]), C([paragraph("9月30日前")])]], 3)
        + paragraph("注：秋季以省厅通知为准。")
    )
    imported, plan = _import(tmp_path, "两表.docx", docx(body))
    assert plan.tables is not None
    assert [(t.heading, [g.label for g in t.groups], t.notes) for t in plan.tables] == [
        ("一、春季学期", ["3月"], []),
        ("二、秋季学期", ["9月"], ["注：秋季以省厅通知为准。"]),
    ]
    assert [c.header for c in plan.tables[1].columns] == ["时间", "工作内容", "完成时限"]  # type: ignore[union-attr]
    assert _printed(plan) == normalise_text(
        "XX区2026年学生资助工作计划 一、春季学期 时间 工作内容 完成时限 3月 审核春季名单 3月31日前"
        " 二、秋季学期 时间 工作内容 完成时限 9月 新生资格认定 9月30日前 注：秋季以省厅通知为准。"
    )
    assert "文档有 2 张表格：写成 tables:，每张有自己的标题和表头（一、春季学期、二、秋季学期）" in imported.guesses
    assert imported.unplaced == []
    assert (imported.periods, imported.tasks) == (2, 2)


def _workbook(sheets: dict[str, list[list[str | None]]], merged: dict[str, list[str]]) -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in merged.get(name, []):
            sheet.merge_cells(cells)
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def test_a_workbook_of_one_sheet_per_term_gives_one_table_per_sheet(tmp_path: Path) -> None:
    header = ["时间", "工作内容", "完成时间"]
    data = _workbook(
        {
            "春季": [["2026年学生资助工作计划（春季）", None, None], header, ["3月", "审核名单", "3月31日"]],
            "秋季": [["2026年学生资助工作计划（秋季）", None, None], header, ["9月", "新生认定", "9月30日"]],
        },
        {"春季": ["A1:C1"], "秋季": ["A1:C1"]},
    )
    imported, plan = _import(tmp_path, "两张表.xlsx", data)
    assert plan.title == "2026年学生资助工作计划"
    assert plan.tables is not None
    assert [(t.heading, [g.label for g in t.groups]) for t in plan.tables] == [
        ("2026年学生资助工作计划（春季）", ["3月"]),
        ("2026年学生资助工作计划（秋季）", ["9月"]),
    ]
    assert imported.guesses[0] == (
        "每张工作表都印着自己的标题：作各表格的标题，计划标题取它们相同的部分“2026年学生资助工作计划”"
    )
    # titles of two years have no part in common: the title is not cut inside the year (was “某县202”)
    two_years = _workbook(
        {
            "2026年": [["某县2026年学生资助工作计划表", None, None], header, ["3月", "审核名单", "3月31日"]],
            "2025年": [["某县2025年学生资助工作计划表", None, None], header, ["9月", "新生认定", "9月30日"]],
        },
        {"2026年": ["A1:C1"], "2025年": ["A1:C1"]},
    )
    imported, plan = _import(tmp_path, "两年.xlsx", two_years)
    assert plan.title == "某县2026年学生资助工作计划表"
    assert imported.guesses[0] == (
        "每张工作表都印着自己的标题：作各表格的标题；它们没有相同的部分，计划标题用第一张的“某县2026年学生资助工作计划表”"
    )
    # sheets without a title row of their own are headed with their names
    data = _workbook(
        {"春季": [header, ["3月", "审核名单", "3月31日"]], "秋季": [header, ["9月", "新生认定", "9月30日"]]}, {}
    )
    imported, plan = _import(tmp_path, "两张表.xlsx", data, year=2026)
    assert plan.tables is not None
    assert [t.heading for t in plan.tables] == ["春季", "秋季"]
    assert "工作表“秋季”的表格以表名作标题" in imported.guesses


def test_a_table_without_a_header_row_is_read_from_its_content(tmp_path: Path) -> None:
    rows = [
        [C([paragraph("假前")]), C([paragraph("1、完成名额预分配")])],
        [C([paragraph("假后")]), C([paragraph("1、完成学生信息变更")])],
    ]
    imported, plan = _import(tmp_path, "提示.docx", docx(paragraph("2021年寒假学生资助工作提示") + table(rows, 2)))
    assert plan.headers is False
    assert [(c.header, c.role) for c in plan.columns] == [("类别", "group"), ("工作内容", "task")]  # type: ignore[union-attr]
    assert _printed(plan) == normalise_text(
        "2021年寒假学生资助工作提示 假前 1、完成名额预分配 假后 1、完成学生信息变更"
    )
    assert imported.guesses[0].startswith("表格没有表头行（headers: false）")


def test_the_term_printed_nowhere_is_given_with_term_start_and_term_end(in_tmp: Path) -> None:
    """Weeks (第一周) need the term's first day, which no table prints: guessed from the title, or given with
    --term-start (and --term-end), which replace the guess; the year is the one the term starts in."""
    text = "学生资助工作周安排\n时间\t工作内容\n第一周\t1、开学资助政策宣传\n第二周\t1、受理申请\n"
    runner = CliRunner()
    result = runner.invoke(
        app, ["import", "-", "-o", "w.yaml", "--term-start", "2021-03-01", "--term-end", "2021年7月9日"], input=text
    )
    assert result.exit_code == 0, result.stdout
    plan = load_plan(Path("w.yaml")).plan
    assert plan is not None and plan.term is not None
    assert (plan.year, str(plan.term.start), str(plan.term.end)) == (2021, "2021-03-01", "2021-07-09")
    assert result.stdout.splitlines()[1:] == [
        "  推测：标题“学生资助工作周安排”取自表格前居中的段",
        "  推测：版式 by-task：每项任务一行，时段单元格跨其任务合并",
        "  推测：编号样式“1、”，每个时段从 1 编起",
        "  推测：学期 2021-03-01 至 2021-07-09 取自 --term-start 和 --term-end",
    ]
    result = runner.invoke(app, ["import", "-", "--term-end", "2021-07-09"], input=text)
    assert (result.exit_code, result.stderr) == (2, "aidplan: --term-end 要和 --term-start 一起给\n")
    result = runner.invoke(app, ["import", "-", "--term-start", "2021-03-01", "--term-end", "2021-02-01"], input=text)
    assert (result.exit_code, result.stderr) == (2, "aidplan: --term-end 2021-02-01 早于 --term-start 2021-03-01\n")


def test_a_table_without_a_header_whose_first_row_names_a_column_is_still_headerless(tmp_path: Path) -> None:
    """二月 | 保教工作：(1)… — the first row reads like 月份 | 工作内容, but 二月 is a period label and the cell is
    long: it is a body row; the cell's 保教工作： and 资助工作： lines above tasks numbered (1) are sub-headings."""
    rows = [
        [C([paragraph("二月")]), C([paragraph("保教工作："), paragraph("(1)做好开学前消毒；"), paragraph("资助工作："),
                                   paragraph("(1)摸排家庭经济困难幼儿情况。")])],
        [C([paragraph("三月")]), C([paragraph("资助工作："), paragraph("(1)完成资助申请和评审；"),
                                   paragraph("(2)公示受助幼儿名单。")])],
    ]  # fmt: skip
    _, plan = _import(tmp_path, "幼儿园.docx", docx(paragraph("花园路幼儿园2026年春季学期工作计划") + table(rows, 2)))
    assert plan.headers is False
    assert plan.numbering == "(1)"
    assert plan.groups is not None
    assert [[(t.heading, t.text) for t in g.tasks] for g in plan.groups] == [
        [("保教工作：", None), (None, "做好开学前消毒；"), ("资助工作：", None), (None, "摸排家庭经济困难幼儿情况。")],
        [("资助工作：", None), (None, "完成资助申请和评审；"), (None, "公示受助幼儿名单。")],
    ]
    assert _printed(plan) == normalise_text(
        "花园路幼儿园2026年春季学期工作计划 二月 保教工作：(1)做好开学前消毒；资助工作：(1)摸排家庭经济困难幼儿情况。"
        " 三月 资助工作：(1)完成资助申请和评审；(2)公示受助幼儿名单。"
    )


def test_a_week_calendar_with_a_date_column_gives_each_week_its_dates(tmp_path: Path) -> None:
    """周次 | 日期 | 工作内容: the 日期 cell merged over a week's rows is the week's time, not a second level."""
    rows = [[C([paragraph(h)]) for h in ("周次", "日期", "工作内容")]]
    rows += [
        [
            C([paragraph("第一周")], merge="restart"),
            C([paragraph("3.2-3.8")], merge="restart"),
            C([paragraph("报到注册")]),
        ],
        [C(merge="continue"), C(merge="continue"), C([paragraph("开学第一课")])],
        [C([paragraph("第二周")]), C([paragraph("3.9-3.15")]), C([paragraph("制订教学计划")])],
    ]
    _, plan = _import(tmp_path, "行事历.docx", docx(paragraph("城关小学2026年春季学期工作行事历") + table(rows, 3)))
    assert [(c.header, c.role) for c in plan.columns] == [("周次", "group"), ("日期", "time"), ("工作内容", "task")]  # type: ignore[union-attr]
    assert plan.groups is not None
    assert plan.groups[0].time == "3.2-3.8"
    assert _printed(plan) == normalise_text(
        "城关小学2026年春季学期工作行事历 周次 日期 工作内容 第一周 3.2-3.8 报到注册 开学第一课"
        " 第二周 3.9-3.15 制订教学计划"
    )


def _typed_categories() -> bytes:
    """A 工作要点 table as Word makes it when the category rows are typed into the cells instead of merged across:
    一 (or 一、) in the 序号 cell and the category in the 工作内容 cell, the other cells empty; or the category
    alone in its row above numbered tasks."""
    import io

    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    document.add_paragraph("某某县2026年学生资助工作要点").alignment = WD_ALIGN_PARAGRAPH.CENTER
    rows = [
        ("序号", "工作内容", "责任单位", "完成时间"),
        ("一", "资助政策落实", "", ""),
        ("1", "完成春季学期家庭经济困难学生认定", "资助中心", "3月31日前"),
        ("2", "发放春季学期国家助学金", "计财股", "5月29日前"),
        ("二、", "资助育人", "", ""),
        ("3", "开展诚信感恩教育", "各学校", "5月"),
        ("", "资助政策宣传", "", ""),
        ("4", "开展资助政策宣传月活动", "资助中心", "9月"),
    ]
    grid = document.add_table(rows=len(rows), cols=4)
    grid.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def test_category_rows_typed_into_the_cells_group_their_tasks(in_tmp: Path) -> None:
    """一 | 资助政策落实 | | (the ordinal in the 序号 cell, the other cells empty), 二、 | 资助育人 | | and a short
    heading alone in its row over numbered tasks are category rows, not tasks numbered 1 and 2; the plan renders
    the same table text back, each category printed across the table."""
    (in_tmp / "表内标题.docx").write_bytes(_typed_categories())
    result = CliRunner().invoke(app, ["import", "表内标题.docx", "-o", "plan.yaml"])
    assert result.exit_code == 0, result.output
    assert "表内标题.docx → plan.yaml：3 个分组，4 项任务" in result.output
    assert (
        "“一 资助政策落实”“二、资助育人”“资助政策宣传”是写在单元格里的类别行（其他格空着）："
        "其下各行的任务归入该类别（groups:）" in result.output
    )
    written = (in_tmp / "plan.yaml").read_text(encoding="utf-8")
    assert written.split("groups:\n", 1)[1] == (
        "  - label: 一 资助政策落实\n"
        "    tasks:\n"
        "      - text: 完成春季学期家庭经济困难学生认定\n"
        "        owner: 资助中心\n"
        "        deadline: 3月31日前\n"
        "      - text: 发放春季学期国家助学金\n"
        "        owner: 计财股\n"
        "        deadline: 5月29日前\n"
        "  - label: 二、资助育人\n"
        "    tasks:\n"
        "      - text: 开展诚信感恩教育\n"
        "        owner: 各学校\n"
        "        deadline: 5月\n"
        "  - label: 资助政策宣传\n"
        "    tasks:\n"
        "      - text: 开展资助政策宣传月活动\n"
        "        owner: 资助中心\n"
        "        deadline: 9月\n"
    )
    assert "numbering_scope: plan\n" in written
    check = CliRunner().invoke(app, ["check", "plan.yaml"])
    assert check.exit_code == 0, check.output
    assert "W222" not in check.output and "W217" not in check.output
    rendered = CliRunner().invoke(app, ["render", "plan.yaml", "-f", "docx", "-d", "out"])
    assert rendered.exit_code == 0, rendered.output
    from docx import Document

    def table_text(path: Path) -> str:
        cells = {cell._tc: cell.text for row in Document(str(path)).tables[0].rows for cell in row.cells}
        return normalise_text(" ".join(cells.values()))  # a merged cell once

    source = Document(str(in_tmp / "表内标题.docx")).tables[0]
    typed = normalise_text(" ".join(cell.text for row in source.rows for cell in row.cells))
    assert (
        table_text(in_tmp / "out" / "plan.docx")
        == typed
        == normalise_text(
            "序号 工作内容 责任单位 完成时间 一 资助政策落实 1 完成春季学期家庭经济困难学生认定 资助中心 3月31日前"
            " 2 发放春季学期国家助学金 计财股 5月29日前 二、资助育人 3 开展诚信感恩教育 各学校 5月 资助政策宣传"
            " 4 开展资助政策宣传月活动 资助中心 9月"
        )
    )


def test_two_header_rows_pasted_from_excel_carry_the_merged_header_into_its_empty_cells(tmp_path: Path) -> None:
    """Excel copies a merged header's text into its first cell only: 责任单位 over 牵头科室 | 配合单位 arrives as
    `责任单位\\t\\t` over `牵头科室\\t配合单位`; the empty top cell continues the header on its left (was E111
    `header: ""` and 牵头科室 配合单位 left out of the plan)."""
    text = (
        "某某县2027年学生资助工作月计划\n"
        "序号\t月份\t工作内容\t责任单位\t\t完成时限\n"
        "\t\t\t牵头科室\t配合单位\t\n"
        "1\t1月\t撰写年度总结\t资助中心\t各学校\t1月20日前\n"
        "2\t\t发放助学金\t计财股\t资助中心\t1月29日前\n"
        "3\t3月\t春季认定\t资助中心\t各学校\t3月31日前\n"
    )
    imported, plan = _import(tmp_path, "paste2h.txt", text.encode("utf-8"))
    assert [(c.header, c.role) for c in plan.columns] == [
        ("序号", "number"),
        ("月份", "group"),
        ("工作内容", "task"),
        (["责任单位", "牵头科室"], "owner"),
        (["责任单位", "配合单位"], "free"),
        ("完成时限", "time"),
    ]
    assert "表头有两行：上一行跨列合并的表头与下一行的各列写成 header: [上, 下]" in imported.guesses
    assert imported.unplaced == []
    assert [f for f in imported.findings if f.severity.value == "error"] == []
    assert [(g.label, [(t.text, t.owner, t.cells) for t in g.tasks]) for g in plan.groups] == [
        ("1月", [("撰写年度总结", "资助中心", {"c1": "各学校"}), ("发放助学金", "计财股", {"c1": "资助中心"})]),
        ("3月", [("春季认定", "资助中心", {"c1": "各学校"})]),
    ]
    assert _printed(plan) == normalise_text(
        "某某县2027年学生资助工作月计划 序号 月份 工作内容 责任单位 完成时限 牵头科室 配合单位"
        " 1 1月 撰写年度总结 资助中心 各学校 1月20日前 2 发放助学金 计财股 资助中心 1月29日前"
        " 3 3月 春季认定 资助中心 各学校 3月31日前"
    )


WEEK_WORK = {
    1: "开学资助政策宣传",
    2: "家庭经济困难学生认定申请",
    4: "认定结果公示",
    18: "寒假家访",
    20: "学期资助工作总结",
}


def _school_weeks() -> list[tuple[str, str, str, str]]:
    """A school's 行事历 as offices type it: 周次 | 日期 | 工作内容 | 责任人, one row a week, Monday to Friday
    from 8.31, the weeks with nothing planned left blank."""
    import datetime as dt

    from aidplan.plan.numerals import chinese_number

    rows = []
    for week in range(1, 21):
        start = dt.date(2026, 8, 31) + dt.timedelta(weeks=week - 1)
        end = start + dt.timedelta(days=4)
        work = WEEK_WORK.get(week, "")
        rows.append(
            (
                f"第{chinese_number(week)}周",
                f"{start.month}.{start.day}-{end.month}.{end.day}",
                work,
                "资助专干" if work else "",
            )
        )
    return rows


def test_a_week_calendar_of_one_row_a_week_keeps_its_blank_weeks_and_its_first_day(tmp_path: Path) -> None:
    """One row a week, no merged cells: 日期 is each week's time (not a second group level, not a task's deadline),
    a week left blank is a group printed without tasks (not “没能放进计划”), and the first day of term is the one
    week 1 prints (8.31), not a guess."""
    rows = [[C([paragraph(h)]) for h in ("周次", "日期", "工作内容", "责任人")]]
    rows += [[C([paragraph(text)]) for text in row] for row in _school_weeks()]
    title = "某某县第一中学2026-2027学年第一学期学生资助工作行事历"
    imported, plan = _import(tmp_path, "行事历.docx", docx(paragraph(title, centred=True) + table(rows, 4)))
    assert imported.unplaced == []
    assert [f.code for f in imported.findings] == []
    assert "表格各列：周次（分组）、日期（各组的时间）、工作内容（工作内容）、责任人（责任单位）" in imported.guesses
    assert (
        "学期（term:）：标题写了学期“2026-2027学年第一学期”；开学日 2026-08-31（星期一）取自第一周印的日期“8.31-9.4”，"
        "各周的日期都从它算起，请按校历核对"
    ) in imported.guesses
    assert plan.term is not None and plan.term.start.isoformat() == "2026-08-31"
    assert plan.groups is not None and len(plan.groups) == 20
    assert [(g.label, g.time, len(g.tasks)) for g in plan.groups[2:5]] == [
        ("第三周", "9.14-9.18", 0),
        ("第四周", "9.21-9.25", 1),
        ("第五周", "9.28-10.2", 0),
    ]
    assert "    tasks: []\n" in imported.text
    assert _printed(plan) == normalise_text(
        " ".join([title, "周次 日期 工作内容 责任人", *(" ".join(t for t in row if t) for row in _school_weeks())])
    )


def test_a_week_calendar_pasted_as_text_reads_the_same(tmp_path: Path) -> None:
    """The same 行事历 copied out of Word as text (a cell a line, each starting with a tab) gives the same plan."""
    lines = ["某某县第一中学2026-2027学年第一学期学生资助工作行事历"]
    for row in [("周次", "日期", "工作内容", "责任人"), *_school_weeks()]:
        lines += [f"\t{cell}" for cell in row] + [""]
    imported, plan = _import(tmp_path, "行事历.txt", "\n".join(lines).encode("utf-8"))
    assert imported.unplaced == []
    assert plan.term is not None and plan.term.start.isoformat() == "2026-08-31"
    assert plan.groups is not None
    assert [(g.label, g.time, [t.text for t in g.tasks]) for g in plan.groups[16:18]] == [
        ("第十七周", "12.21-12.25", []),
        ("第十八周", "12.28-1.1", ["寒假家访"]),
    ]


def test_a_label_that_cannot_be_dated_is_imported_as_a_category_and_said(tmp_path: Path) -> None:
    """迎检周 names a week no one can date, and its span: is printed nowhere: written as a category (the plan
    loads, its tasks dated by their own deadlines), with the guess naming it and how to give it dates."""
    from aidplan.render.docx import render_docx
    from aidplan.render.pages import table_layout
    from aidplan.render.style import profile_for

    from .conftest import DATA

    source = load_plan(DATA / "rollover" / "2020-school.yaml").plan
    assert source is not None
    profile = profile_for(source)
    table_part, widths = table_layout(source, profile)
    data = render_docx(table_part, profile, widths, source.organisation, source.year)
    imported, plan = _import(tmp_path, "school.docx", data)
    assert "“迎检周”读不出日期：按类别写入（kind: category）；若是时段，请删去 kind 并补 span:" in imported.guesses
    assert "  - label: 迎检周\n    kind: category\n" in imported.text
    assert [f.code for f in imported.findings if f.severity.value == "error"] == []
    assert plan.organisation == "某中学学生资助工作领导小组"  # the document's author, a 领导小组


def test_a_blank_week_under_a_merged_month_is_kept(tmp_path: Path) -> None:
    """月份 | 周次 | 日期 | 工作内容 with 九月 merged down: a week left blank under it is a group of its own."""
    rows = [[C([paragraph(h)]) for h in ("月份", "周次", "日期", "工作内容")]]
    rows += [
        [C([paragraph("九月")], merge="restart"), C([paragraph("第一周")]), C([paragraph("8.31-9.4")]),
         C([paragraph("开学资助政策宣传")])],
        [C(merge="continue"), C([paragraph("第二周")]), C([paragraph("9.7-9.11")]), C()],
        [C(merge="continue"), C([paragraph("第三周")]), C([paragraph("9.14-9.18")]), C([paragraph("班级民主评议")])],
    ]  # fmt: skip
    title = "某中学2026-2027学年第一学期学生资助工作行事历"
    imported, plan = _import(tmp_path, "行事历.docx", docx(paragraph(title, centred=True) + table(rows, 4)))
    assert imported.unplaced == []
    assert plan.groups is not None
    assert [(g.label, g.time, len(g.tasks)) for g in plan.groups[0].groups] == [
        ("第一周", "8.31-9.4", 1),
        ("第二周", "9.7-9.11", 0),
        ("第三周", "9.14-9.18", 1),
    ]


def test_the_first_day_of_term_is_read_from_week_ones_label(tmp_path: Path) -> None:
    """第一周（8.31-9.4） prints its dates in its label: the first day of term is 8.31, not a guessed 9.1."""
    text = "某中学2026-2027学年第一学期行事历\n周次\t工作内容\n第一周（8.31-9.4）\t开学宣传\n"
    text += "第二周（9.7-9.11）\t认定申请\n"
    imported, plan = _import(tmp_path, "行事历.txt", text.encode("utf-8"))
    assert plan.term is not None and plan.term.start.isoformat() == "2026-08-31"
    assert (
        "学期（term:）：标题写了学期“2026-2027学年第一学期”；开学日 2026-08-31（星期一）取自第一周印的日期“8.31-9.4”，"
        "各周的日期都从它算起，请按校历核对"
    ) in imported.guesses


def test_a_column_under_a_header_no_word_names_merged_down_over_its_tasks_groups_them(tmp_path: Path) -> None:
    """类 | 内容 | 时限 with 一、综合 merged down over every task: 类 names no role, yet its label stands over the
    rows as a group's does, so it is the group column, even with one group; in Word and in text copied from it."""
    rows = [[C([paragraph(h)]) for h in ("类", "内容", "时限")]]
    tasks = [("1、报送资助数据", "3月底"), ("2、开展资助宣传", "9月"), ("3、总结资助工作", "年底前")]
    for index, (text, when) in enumerate(tasks):
        label = C([paragraph("一、综合" if index == 0 else "")], merge="restart" if index == 0 else "continue")
        rows.append([label, C([paragraph(text)]), C([paragraph(when)])])
    word = docx(paragraph("某中心2026年工作计划", centred=True) + table(rows, 3))
    copied = "某中心2026年工作计划\n\t类\n\t内容\n\t时限\n\n" + "".join(
        f"\t{'一、综合' if i == 0 else ''}\n\t{text}\n\t{when}\n\n" for i, (text, when) in enumerate(tasks)
    )
    for name, data in (("类.docx", word), ("类.txt", copied.encode("utf-8"))):
        imported, plan = _import(tmp_path, name, data)
        assert [(c.header, c.role) for c in plan.columns] == [("类", "group"), ("内容", "task"), ("时限", "time")]
        assert plan.groups is not None
        assert [(g.label, [t.text for t in g.tasks]) for g in plan.groups] == [
            ("一、综合", ["报送资助数据", "开展资助宣传", "总结资助工作"])
        ]
        assert "表格各列：类（分组）、内容（工作内容）、时限（各项任务的时间）" in imported.guesses
        assert _printed(plan) == normalise_text(
            "某中心2026年工作计划 类 内容 时限 一、综合 1、报送资助数据 3月底 2、开展资助宣传 9月"
            " 3、总结资助工作 年底前"
        )


def test_a_column_under_a_header_no_word_names_with_a_cell_on_every_row_is_printed_as_it_is(tmp_path: Path) -> None:
    """亮点 | 内容 | 时限 with a different 亮点 on each row, or a name merged down that is neither a category nor a
    time: the column is printed as it is (free), not read as groups."""
    every = [[C([paragraph(h)]) for h in ("亮点", "内容", "时限")]]
    every += [[C([paragraph(a)]), C([paragraph(b)]), C([paragraph(c)])] for a, b, c in
              (("一、宣传", "1、开展资助宣传", "9月"), ("二、数据", "2、报送资助数据", "3月底"))]  # fmt: skip
    named = [[C([paragraph(h)]) for h in ("联系人", "内容", "时限")]]
    pairs = (("1、开展资助宣传", "9月"), ("2、报送资助数据", "3月底"))
    named += [[C([paragraph("张老师" if i == 0 else "")], merge="restart" if i == 0 else "continue"),
               C([paragraph(b)]), C([paragraph(c)])] for i, (b, c) in enumerate(pairs)]  # fmt: skip
    for name, rows, header in (("亮点.docx", every, "亮点"), ("联系人.docx", named, "联系人")):
        _, plan = _import(tmp_path, name, docx(paragraph("某中心2026年工作计划", centred=True) + table(rows, 3)))
        assert [(c.header, c.role) for c in plan.columns] == [(header, "free"), ("内容", "task"), ("时限", "time")]
        assert plan.groups is None


def test_a_table_cut_in_two_with_its_header_repeated_reads_as_the_one_table(tmp_path: Path) -> None:
    """The same table split in two (an empty paragraph between, the header row again: what a page break or a paste
    leaves; or without it: Word's 拆分表格): read as the one table, with every printed column (序号, 完成时限,
    责任股室) kept."""
    header = [C([paragraph(h)]) for h in ("时间", "序号", "工作任务", "完成时限", "责任股室")]
    body = []
    for month, tasks in (("1月", [("1", "制定年度计划", "1月31日前")]),
                         ("2月", [("2", "发放春季资金", "2月28日前"), ("3", "开展认定", "2月20日前")]),
                         ("3月", [("4", "迎接绩效评价", "3月31日前")])):  # fmt: skip
        for index, (number, text, when) in enumerate(tasks):
            merge = None if len(tasks) == 1 else "restart" if index == 0 else "continue"
            period = C([paragraph(month if index == 0 else "")], merge=merge)
            body.append([period, C([paragraph(number)]), C([paragraph(text)]), C([paragraph(when)]),
                         C([paragraph("资助股")])])  # fmt: skip
    title = paragraph("东山县2026年学生资助工作计划", centred=True)
    whole = docx(title + table([header, *body], 5))
    cut = docx(title + table([header, *body[:2]], 5) + paragraph("") + table([header, *body[2:]], 5))
    split = docx(title + table([header, *body[:2]], 5) + paragraph("") + table(body[2:], 5))  # 拆分表格: no header
    one, _ = _import(tmp_path, "一张.docx", whole)
    two, plan = _import(tmp_path, "两张.docx", cut)
    assert "后面一张表格的表头与第一张相同，按同一张表格的续表读入（3 行）" in two.guesses
    assert two.text.split("\ntitle:", 1)[1] == one.text.split("\ntitle:", 1)[1]
    bare, _ = _import(tmp_path, "拆分.docx", split)
    assert "紧接着的一张表格没有表头、列数相同，按同一张表格的续表读入（2 行）" in bare.guesses
    assert bare.text.split("\ntitle:", 1)[1] == one.text.split("\ntitle:", 1)[1]
    assert bare.unplaced == []
    assert [(c.header, c.role) for c in plan.columns] == [
        ("时间", "group"), ("序号", "number"), ("工作任务", "task"), ("完成时限", "time"), ("责任股室", "owner")
    ]  # fmt: skip
    assert two.unplaced == []


def test_a_deadline_cell_of_one_date_a_task_gives_each_task_its_own(tmp_path: Path) -> None:
    """A row per quarter whose 完成时限 cell prints one date a line beside its tasks (soft breaks, or a paragraph
    each): each task's own deadline, printed back beside it; a quarter with one date keeps it for the quarter."""
    header = [C([paragraph(h)]) for h in ("时间", "工作内容", "完成时限")]
    dates = ("1月31日前", "3月20日前", "3月31日前")
    for name, cell in (("软回车.docx", [paragraph("\n".join(dates))]), ("段落.docx", [paragraph(d) for d in dates])):
        rows = [
            header,
            [
                C([paragraph("第一季度")]),
                C([paragraph("1、制定年度计划；\n2、发放春季资金；\n3、开展认定。")]),
                C(cell),
            ],
            [
                C([paragraph("第二季度")]),
                C([paragraph("1、迎接绩效评价；\n2、开展宣传月活动。")]),
                C([paragraph("6月30日前")]),
            ],
        ]
        imported, plan = _import(
            tmp_path, name, docx(paragraph("东山县2026年学生资助工作季度安排", centred=True) + table(rows, 3))
        )
        assert plan.periods is not None
        first, second = plan.periods
        assert first.deadline is None
        assert [(t.text, t.deadline.text) for t in first.tasks] == [  # type: ignore[union-attr]
            ("制定年度计划；", "1月31日前"), ("发放春季资金；", "3月20日前"), ("开展认定。", "3月31日前")
        ]  # fmt: skip
        assert second.deadline is not None and second.deadline.text == "6月30日前"
        assert (
            "“第一季度”的完成时间一行一个，与任务一一对应：写作各任务的 deadline:，印在各自任务旁" in imported.guesses
        )
        assert _printed(plan) == normalise_text(
            "东山县2026年学生资助工作季度安排 时间 工作内容 完成时限 第一季度 1、制定年度计划； 2、发放春季资金；"
            " 3、开展认定。 1月31日前 3月20日前 3月31日前 第二季度 1、迎接绩效评价； 2、开展宣传月活动。 6月30日前"
        )
    # one date wrapped in a narrow column (5月 / 31日前) beside two tasks is the period's, as printed
    tasks = C([paragraph("1、受理贷款预申请；\n2、开展宣传。")])
    rows = [header, [C([paragraph("五月份")]), tasks, C([paragraph("5月\n31日前")])]]
    _, plan = _import(
        tmp_path, "折行.docx", docx(paragraph("东山县2026年学生资助工作安排", centred=True) + table(rows, 3))
    )
    assert plan.periods is not None and plan.periods[0].deadline is not None
    assert plan.periods[0].deadline.text == "5月31日前"
    assert [t.deadline for t in plan.periods[0].tasks] == [None, None]


def test_a_body_cell_merged_across_columns_is_its_first_columns_only(tmp_path: Path) -> None:
    """A task merged across the 完成时限 column, a date merged across the 责任单位 column: each read in its first
    column, the others left empty, and said (the task was its own deadline, E205; the date a 责任单位)."""
    rows = [
        [C([paragraph(h)]) for h in ("时间", "工作内容", "完成时限", "责任单位")],
        [C([paragraph("3月")], merge="restart"), C([paragraph("审核名单")]), C([paragraph("3月20日前")]),
         C([paragraph("资助中心")])],
        [C(merge="continue"), C([paragraph("全年持续开展资助政策宣传")], span=2), C([paragraph("各学校")])],
        [C([paragraph("4月")]), C([paragraph("开展宣传月活动")]), C([paragraph("4月30日前")], span=2)],
    ]  # fmt: skip
    imported, plan = _import(
        tmp_path, "跨列.docx", docx(paragraph("某县2026年学生资助工作计划表", centred=True) + table(rows, 4))
    )
    assert plan.groups is not None
    assert [(t.text, t.deadline.text if t.deadline else None, t.owner) for g in plan.groups for t in g.tasks] == [
        ("审核名单", "3月20日前", "资助中心"),
        ("全年持续开展资助政策宣传", None, "各学校"),
        ("开展宣传月活动", "4月30日前", None),
    ]
    assert imported.guesses[2:4] == [
        "表格第 3 行的“全年持续开展资助政策宣传”跨“工作内容”“完成时限”合并：按它的第一列“工作内容”读入，其余列留空",
        "表格第 4 行的“4月30日前”跨“完成时限”“责任单位”合并：按它的第一列“完成时限”读入，其余列留空",
    ]


def test_a_short_last_row_of_a_week_stays_its_task(tmp_path: Path) -> None:
    """A week's last row holding one short text (9月26日举行校运动会) above the next week's first row (第三周 |
    9.14-9.18 | …): it is the week's task, not a category heading over the next row's date read as a task number
    9. — which dropped the week's date and its other tasks."""
    text = (
        "# 某中学2026年秋季学期行事历\n\n| 周次 | 日期 | 工作内容 |\n|:---:|:---:|:---|\n"
        "| 第一周 | 8.31-9.4 | 9月1日开学典礼 |\n"
        "| 第二周 | 9月7日—11日 | 教师节表彰（9.10）；9月10日（星期四）前交申请表 |\n"
        "|  |  | 9月8日召开资助工作部署会 |\n|  |  | 9月26日举行校运动会 |\n"
        "| 第三周 | 9.14-9.18 | 家庭经济困难学生认定培训 |\n"
    )
    imported, plan = _import(tmp_path, "行事历.md", text.encode("utf-8"))
    assert plan.groups is not None
    second = plan.groups[1]
    assert (second.label, second.time, [t.text for t in second.tasks]) == (
        "第二周",
        "9月7日—11日",
        ["教师节表彰（9.10）；9月10日（星期四）前交申请表", "9月8日召开资助工作部署会", "9月26日举行校运动会"],
    )
    assert imported.unplaced == []


def test_rows_cells_and_paragraphs_inside_content_controls_are_read(tmp_path: Path) -> None:
    """A form template wraps rows, cells or a cell's paragraphs in content controls (w:sdt): they are the table's
    rows, cells and text, not skipped (the rows inside were dropped without a word)."""
    import re

    def control(xml: str) -> str:
        return f'<w:sdt><w:sdtPr><w:id w:val="1"/></w:sdtPr><w:sdtContent>{xml}</w:sdtContent></w:sdt>'

    rows = [[C([paragraph("时间")]), C([paragraph("工作内容")])]]
    rows += [[C([paragraph(month)]), C([paragraph(task)])] for month, task in
             (("三月", "1.审核名单"), ("四月", "1.发放资金"), ("五月", "1.开展宣传"))]  # fmt: skip
    plain = table(rows, 2)
    header_end = plain.index("</w:tr>") + len("</w:tr>")
    body_rows = re.sub(r"<w:tr>.*?</w:tr>", lambda m: control(m[0]), plain[header_end:])
    shapes = {
        "行.docx": plain[:header_end] + body_rows,
        "格.docx": re.sub(r"<w:tc>.*?</w:tc>", lambda m: control(m[0]), plain),
        "段.docx": re.sub(r"(<w:tc><w:tcPr>.*?</w:tcPr>)(.*?)(</w:tc>)", lambda m: m[1] + control(m[2]) + m[3], plain),
    }
    title = paragraph("某县2026年学生资助工作计划", centred=True)
    for name, body in shapes.items():
        assert body.count("<w:sdt>") >= 3, name
        _, plan = _import(tmp_path, name, docx(title + body))
        assert plan.periods is not None, name
        assert [(p.label, [t.text for t in p.tasks]) for p in plan.periods] == [
            ("三月", ["审核名单"]), ("四月", ["发放资金"]), ("五月", ["开展宣传"])
        ], name  # fmt: skip
