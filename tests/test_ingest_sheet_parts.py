"""newuser5's plan as an office keeps it: a one-task-a-row Word table with a single 完成时限 cell merged over two of
a month's rows (every other task's deadline was dropped), and the same plan as a workbook or a CSV with the 注 and
the 落款 typed in cells under the table (they became tasks, the plan failed check)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

ROWS = [
    ("1—2月", "1", "撰写2025年度学生资助工作总结", "1月31日前", "资助中心"),
    ("1—2月", "2", "审核汇总春季学期家庭经济困难学生名单", "2月28日前", "资助中心"),
    ("3月", "3", "每月20日前更新维护全国学生资助管理信息系统数据", "每月20日前", "资助中心"),
    ("3月", "4", "开展春季学期家庭经济困难学生认定工作", "3月31日前", "各学校"),
    ("3月", "5", "拨付春季学期生活补助", "3月31日前", "计财股"),
    ("4月", "6", "开展资助政策宣传月活动", "4月30日前", "资助中心"),
]
HEADER = ("时间", "序号", "工作任务", "完成时限", "责任股室")
NOTE = "注：1.各学校要按照完成时限及时报送相关材料；2.上级政策如有调整，以最新文件为准。"


def _deadlines(cli, plan: str) -> list[tuple[str, str, str]]:
    tasks = json.loads(cli("tasks", plan, "-f", "json").stdout)["plans"][0]["tasks"]
    return [(t["id"], t["deadline"] or t["occurrences"][0], t["owner"]) for t in tasks]


def test_one_deadline_cell_merged_over_two_rows_keeps_every_other_tasks_deadline(cli, in_tmp: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("东山县2026年学生资助工作计划")
    table = document.add_table(rows=len(ROWS) + 1, cols=5)
    for c, text in enumerate(HEADER):
        table.cell(0, c).text = text
    for r, row in enumerate(ROWS, 1):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for first, last in ((1, 2), (3, 5)):  # the months merged down
        label = table.cell(first, 0).text
        table.cell(first, 0).merge(table.cell(last, 0)).text = label
    table.cell(4, 3).merge(table.cell(5, 3)).text = "3月31日前"  # one 完成时限 over tasks 4 and 5 only
    document.save("计划.docx")
    result = cli("import", "计划.docx", "-o", "mc.yaml")
    assert result.exit_code == 0, result.output
    assert (
        "  推测：表格各列：时间（分组）、序号（序号）、工作任务（工作内容）、完成时限（各项任务的时间）、"
        "责任股室（责任单位）"
    ) in result.output.splitlines()  # was: 完成时限（分组的完成时间）, 5 of 6 deadlines gone
    assert _deadlines(cli, "mc.yaml") == [
        ("1.1", "2026-01-31", "资助中心"),
        ("1.2", "2026-02-28", "资助中心"),
        ("3.3", "2026-03-20", "资助中心"),  # 每月20日前: monthly, first on 3月20日
        ("3.4", "2026-03-31", "各学校"),
        ("3.5", "2026-03-31", "计财股"),
        ("4.6", "2026-04-30", "资助中心"),
    ]


def _sheet_rows(last_column_only: bool) -> list[list[str | None]]:
    rows: list[list[str | None]] = [["附件1", None, None, None, None], ["东山县2026年学生资助工作计划"] + [None] * 4]
    rows += [list(HEADER)] + [list(row) for row in ROWS] + [[NOTE, None, None, None, None], [None] * 5]
    column = 4 if last_column_only else 2
    for text in ("东山县学生资助管理中心", "2026年1月8日"):
        row: list[str | None] = [None] * 5
        row[column] = text
        rows.append(row)
    return rows


@pytest.mark.parametrize("shape", ["xlsx merged", "xlsx last column", "csv"])
def test_the_note_and_the_signature_typed_under_a_sheets_table_are_notes_and_signature(
    cli, in_tmp: Path, shape: str
) -> None:
    rows = _sheet_rows(shape == "xlsx last column")
    if shape == "csv":  # as Excel saves it: GB18030, CRLF, the empty cells kept
        text = "\r\n".join(",".join(cell or "" for cell in row) for row in rows) + "\r\n"
        Path("计划.csv").write_bytes(text.encode("gb18030"))
        source = "计划.csv"
    else:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        for row in rows:
            sheet.append(row)
        sheet.merge_cells("A2:E2")
        sheet.merge_cells(f"A{len(rows) - 3}:E{len(rows) - 3}")  # the 注 across the table
        if shape == "xlsx merged":
            sheet.merge_cells(f"C{len(rows) - 1}:E{len(rows) - 1}")
            sheet.merge_cells(f"C{len(rows)}:E{len(rows)}")
        data = io.BytesIO()
        book.save(data)
        Path("计划.xlsx").write_bytes(data.getvalue())
        source = "计划.xlsx"
    result = cli("import", source, "-o", "p.yaml")
    assert result.exit_code == 0, result.output  # was: rc 1 (the 落款 as tasks: E205, E206), or 注 a category
    assert result.output.splitlines()[0] == f"{source} → p.yaml：3 个时段，6 项任务"
    text = Path("p.yaml").read_text(encoding="utf-8")
    assert f"notes:\n  - {NOTE}\n\nsignature:\n  organisation: 东山县学生资助管理中心\n  date: 2026年1月8日\n" in text
    assert 'numbering: "1"\nnumbering_scope: plan\n' in text
    assert "  推测：落款（signature:）：东山县学生资助管理中心，2026年1月8日" in result.output.splitlines()


def test_a_word_table_saved_as_text_by_libreoffice_reads_as_the_document(cli, in_tmp: Path) -> None:
    """File › Save As › Text (soffice --convert-to txt): a BOM, one cell a line, every cell written — an empty line
    where a merged 时间 cell covers the row. Was: the 序号 and the offices read as tasks, 春节前 a period."""
    lines = ["\ufeff附件1", "东山县2026年学生资助工作计划", *HEADER]
    for index, row in enumerate(ROWS):
        lines += ["" if index and ROWS[index - 1][0] == row[0] else row[0], *row[1:]]
    lines += [NOTE, "", "东山县学生资助管理中心", "2026年1月8日"]
    Path("计划.txt").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    result = cli("import", "计划.txt", "-o", "lo.yaml")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "计划.txt → lo.yaml：3 个时段，6 项任务"
    assert _deadlines(cli, "lo.yaml") == [
        ("1.1", "2026-01-31", "资助中心"),
        ("1.2", "2026-02-28", "资助中心"),
        ("3.3", "2026-03-20", "资助中心"),
        ("3.4", "2026-03-31", "各学校"),
        ("3.5", "2026-03-31", "计财股"),
        ("4.6", "2026-04-30", "资助中心"),
    ]
    text = Path("lo.yaml").read_text(encoding="utf-8")
    assert f"notes:\n  - {NOTE}\n\nsignature:\n  organisation: 东山县学生资助管理中心\n  date: 2026年1月8日\n" in text


def test_a_word_table_with_automatic_numbers_copied_as_text_keeps_its_cells(cli, in_tmp: Path) -> None:
    """Word copies an automatically numbered paragraph with a tab after its number (`\\t1.\\t审核…`, `2.\\t拨付…`):
    the tab is the number's, not a cell's boundary (was: 10 groups, E110 label 不能为空)."""
    Path("复制.txt").write_text(
        "某县2026年学生资助工作计划表\n\t时间\n\t工作内容\n\t完成时限\n\n"
        "\t3月\n\t1.\t审核春季学期国家助学金名单\n2.\t拨付春季学期免学费补助资金\n\t3月31日前\n\n"
        "\t4月\n\t1.\t开展资助政策宣传月活动\n\t4月30日前\n\n",
        encoding="utf-8",
    )
    result = cli("import", "复制.txt", "-o", "w.yaml")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "复制.txt → w.yaml：2 个时段，3 项任务"
    assert Path("w.yaml").read_text(encoding="utf-8").split("periods:\n", 1)[1] == (
        "  - label: 3月\n"
        "    deadline: 3月31日前\n"
        "    tasks:\n"
        "      - 审核春季学期国家助学金名单\n"
        "      - 拨付春季学期免学费补助资金\n"
        "  - label: 4月\n"
        "    deadline: 4月30日前\n"
        "    tasks:\n"
        "      - 开展资助政策宣传月活动\n"
    )


@pytest.mark.parametrize("folder", [".", "./", "/", ""])
def test_a_folder_given_to_import_is_named_not_a_traceback(cli, in_tmp: Path, folder: str) -> None:
    result = cli("import", folder)
    assert result.exit_code == 2
    expected = {"/": "/ 是目录；请给出要导入的文件，如 /*.docx"}.get(folder, ". 是目录；请给出要导入的文件，如 *.docx")
    assert result.stderr == f"aidplan: {expected}\n"
