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
