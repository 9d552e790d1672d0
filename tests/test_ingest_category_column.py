"""A 类 | 内容 | 时限 table (a column under a header no word names, its categories standing over several rows) reads
the same in every shape an office has it in: Word (merged down), text copied from Word, a web page's table copied
one cell a line or as rows without the cells a merge covers, tab- or |-separated rows with the label on its first
row only or printed again on each, CSV, and XLSX merged or not. And a category typed alone on its line inside a
pasted category table heads the rows under it (was: glued onto the owner of the row above)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aidplan.commands.ingest import import_file
from aidplan.plan.loading import load_plan

TITLE = "某中心2026年工作计划"
ROWS = [
    ("一、综合", "1、报送资助数据", "3月底"),
    ("一、综合", "2、开展资助宣传", "9月"),
    ("二、资金", "3、发放助学金", "年底前"),
]


def _text(rows: list[tuple[str, ...]]) -> str:
    return "".join("\t".join(row) + "\n" for row in rows)


def _first_only() -> list[tuple[str, str, str]]:
    return [(label if i == 0 or label != ROWS[i - 1][0] else "", task, when) for i, (label, task, when) in
            enumerate(ROWS)]  # fmt: skip


def _xlsx(merged: bool) -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append([TITLE])
    sheet.append(["类", "内容", "时限"])
    for row in _first_only() if merged else ROWS:
        sheet.append([cell or None for cell in row])
    if merged:
        sheet.merge_cells("A3:A4")
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


SHAPES = {
    "web page, one cell a line": (
        "txt",
        f"{TITLE}\n类\n内容\n时限\n" + "".join(f"{c}\n" for row in _first_only() for c in row if c),
    ),
    "tab rows, the label on its first row": ("txt", f"{TITLE}\n类\t内容\t时限\n" + _text(_first_only())),
    "tab rows copied from a web page (no covered cell)": (
        "txt",
        f"{TITLE}\n类\t内容\t时限\n" + "".join("\t".join(c for c in row if c) + "\n" for row in _first_only()),
    ),
    "tab rows, the label on every row": ("txt", f"{TITLE}\n类\t内容\t时限\n" + _text(ROWS)),
    "markdown, the label on its first row": (
        "md",
        f"# {TITLE}\n\n| 类 | 内容 | 时限 |\n|---|---|---|\n"
        + "".join(f"| {' | '.join(r)} |\n" for r in _first_only()),
    ),
    "markdown, the label on every row": (
        "md",
        f"# {TITLE}\n\n| 类 | 内容 | 时限 |\n|---|---|---|\n" + "".join(f"| {' | '.join(r)} |\n" for r in ROWS),
    ),
    "csv, the label on its first row": ("csv", "类,内容,时限\n" + "".join(",".join(r) + "\n" for r in _first_only())),
    "csv, the label on every row": ("csv", "类,内容,时限\n" + "".join(",".join(r) + "\n" for r in ROWS)),
    "xlsx, merged down": ("xlsx", None),
    "xlsx, the label on every row": ("xlsx", None),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_category_column_under_an_unnamed_header_reads_the_same_in_every_shape(tmp_path: Path, shape: str) -> None:
    suffix, text = SHAPES[shape]
    data = _xlsx(merged="merged" in shape) if suffix == "xlsx" else text.encode("utf-8")  # type: ignore[union-attr]
    target = tmp_path / "plan.yaml"
    imported = import_file(tmp_path / f"plan.{suffix}", data, target, 2026, None)
    target.write_text(imported.text, encoding="utf-8")
    plan = load_plan(target).plan
    assert plan is not None
    assert "表格各列：类（分组）、内容（工作内容）、时限（各项任务的时间）" in imported.guesses, imported.guesses
    assert [(c.header, c.role) for c in plan.columns] == [("类", "group"), ("内容", "task"), ("时限", "time")]
    assert [(g.label, [(t.text, t.deadline.text) for t in g.tasks]) for g in plan.groups] == [
        ("一、综合", [("报送资助数据", "3月底"), ("开展资助宣传", "9月")]),
        ("二、资金", [("发放助学金", "年底前")]),
    ]
    assert imported.unplaced == []


def test_a_web_page_copied_one_cell_a_line_keeps_each_tasks_time_and_owner(in_tmp: Path, cli) -> None:
    (in_tmp / "web.txt").write_text(
        f"{TITLE}\n类\n内容\n时限\n责任单位\n一、综合\n1、报送资助数据\n3月底\n资助中心\n2、开展资助宣传\n9月\n各学校\n"
        "二、资金\n3、发放助学金\n6月30日前\n计财股\n",
        encoding="utf-8",
    )
    result = cli("import", "web.txt", "-o", "web.yaml")
    assert result.exit_code == 0, result.output
    text = (in_tmp / "web.yaml").read_text(encoding="utf-8")
    assert text.split("groups:\n", 1)[1] == (
        "  - label: 一、综合\n"
        "    tasks:\n"
        "      - text: 报送资助数据\n"
        "        deadline: 3月底\n"
        "        owner: 资助中心\n"
        "      - text: 开展资助宣传\n"
        "        deadline: 9月\n"
        "        owner: 各学校\n"
        "  - label: 二、资金\n"
        "    tasks:\n"
        "      - text: 发放助学金\n"
        "        deadline: 6月30日前\n"
        "        owner: 计财股\n"
    )


def test_a_category_typed_alone_on_its_line_heads_the_rows_under_it(in_tmp: Path, cli) -> None:
    """review4 (cat4.txt): `四、工作保障` alone on its line inside a pasted 工作类别 table, its rows copied without
    the first cell: a category over them, the owner above it kept (was: owner “计财股四、工作保障”, 四's tasks in
    二、规范管理, numbered 1 and 2 again with W217)."""
    (in_tmp / "cat4.txt").write_text(
        "某县2026年学生资助工作要点\n"
        "工作类别\t工作任务\t完成时限\t责任股室\n"
        "一、落实政策\t（1）落实学前资助\t全年\t资助中心\n"
        "（2）做好认定\t10月30日前\t资助中心\n"
        "二、规范管理\t（1）拨付资金\t6月30日前\t计财股\n"
        "四、工作保障\n"
        "（1）加强队伍建设\t12月31日前\t人事股\n"
        "（2）加强经费保障\t12月31日前\t计财股\n",
        encoding="utf-8",
    )
    result = cli("import", "cat4.txt", "-o", "cat4.yaml")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "cat4.txt → cat4.yaml：3 个分组，5 项任务"
    assert "W217" not in result.output
    text = (in_tmp / "cat4.yaml").read_text(encoding="utf-8")
    assert text.split("groups:\n", 1)[1] == (
        "  - label: 一、落实政策\n"
        "    tasks:\n"
        "      - text: 落实学前资助\n"
        "        deadline: 全年\n"
        "        owner: 资助中心\n"
        "      - text: 做好认定\n"
        "        deadline: 10月30日前\n"
        "        owner: 资助中心\n"
        "  - label: 二、规范管理\n"
        "    tasks:\n"
        "      - text: 拨付资金\n"
        "        deadline: 6月30日前\n"
        "        owner: 计财股\n"
        "  - label: 四、工作保障\n"
        "    tasks:\n"
        "      - text: 加强队伍建设\n"
        "        deadline: 12月31日前\n"
        "        owner: 人事股\n"
        "      - text: 加强经费保障\n"
        "        deadline: 12月31日前\n"
        "        owner: 计财股\n"
    )


def test_a_cells_next_line_numbered_like_an_earlier_category_stays_in_its_cell(in_tmp: Path, cli) -> None:
    """A line 一、… between rows that does not continue the column's categories (its last is 二、) is the cell's next
    line (the row's last cell goes on), as before: only a category numbered after the last one heads rows."""
    (in_tmp / "c.txt").write_text(
        "某县2026年学生资助工作要点\n"
        "工作类别\t工作任务\t完成时限\t责任股室\n"
        "一、落实政策\t（1）落实学前资助\t全年\t资助中心\n"
        "二、规范管理\t（1）拨付资金，分两步：\t6月30日前\t计财股\n"
        "一、先拨付春季资金\n"
        "（2）做好资金监管\t12月31日前\t计财股\n",
        encoding="utf-8",
    )
    result = cli("import", "c.txt", "-o", "c.yaml")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "c.txt → c.yaml：2 个分组，3 项任务"
    assert "        owner: 计财股一、先拨付春季资金\n" in (in_tmp / "c.yaml").read_text(
        encoding="utf-8"
    )  # the last cell
