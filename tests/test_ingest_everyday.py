"""Import of the files a new user brought and a reviewer built, made the way offices make them: a 分解表 workbook
with 牵头科室 and 配合单位, a Word table with a cell of two tasks, text pasted from a web page and cell by cell, a
school's week table, titles that name the 学年 and 学期, the paragraphs and the 落款 around the table, and files
that are not what their names say. Each test asserts the plan written and the guesses printed."""

from __future__ import annotations

import io
from pathlib import Path

from aidplan.commands.ingest import import_file
from aidplan.plan.loading import load_plan


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
