"""Import of plans as offices publish them beyond one plain table: a 工作要点 printed as paragraphs (一、 headings
over numbered items with （责任单位：…，完成时间：…）), a 工作要点分解表 with category rows above a group column
and its 序号 printed by Word's automatic numbering, tables printed without a header row, several tables numbered
differently, and the guesses said in English. Every file is built the way an office builds it (python-docx with
Word's styles and merges, openpyxl, pasted text); each test asserts the written plan, its printed text and the
guesses listed."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from aidplan.cli import app

TYPED_CATEGORIES = (
    "某某县2026年学生资助工作计划\n"
    "序号\t工作内容\t责任单位\t完成时间\n"
    "一\t资助政策落实\t\t\n"
    "1\t完成春季认定\t资助中心\t3月31日前\n"
    "二\t资助育人\t\t\n"
    "2\t开展诚信教育\t各学校\t5月\n"
    "\n"
    "注：各学校每季度末报送进展。\n"
)


def test_guesses_in_english_name_the_roles_in_english_and_count_in_the_plural(in_tmp: Path) -> None:
    """`--lang en`: the columns' roles are said in English (the printed headers stay as printed), counts take the
    singular or plural form, and the summary says groups, not periods, for category groups."""
    (in_tmp / "plan.txt").write_text(TYPED_CATEGORIES, encoding="utf-8")
    result = CliRunner().invoke(app, ["--lang", "en", "import", "plan.txt", "-o", "plan.yaml"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "plan.txt → plan.yaml: 2 groups, 2 tasks",
        "  guessed: title “某某县2026年学生资助工作计划” taken from the centred paragraph above the table",
        "  guessed: year 2026 taken from the title",
        "  guessed: the table's columns: 序号 (No.), 工作内容 (task), 责任单位 (Owner), 完成时间 (each task's time)",
        "  guessed: “一 资助政策落实”, “二 资助育人” typed into the cells (the other cells empty): category rows, the"
        " tasks in the rows below each belong to it (groups:)",
        "  guessed: the number column runs on through the table (numbering_scope: plan)",
        "  guessed: 1 paragraph under the table taken as notes",
    ]
    chinese = CliRunner().invoke(app, ["import", "plan.txt", "-o", "plan.yaml", "--force"])
    assert chinese.output.splitlines()[0] == "plan.txt → plan.yaml：2 个分组，2 项任务"
    assert "  推测：表格各列：序号（序号）、工作内容（工作内容）、责任单位（责任单位）、完成时间（各项任务的时间）" in (
        chinese.output.splitlines()
    )
    assert "  推测：表格下的 1 段作为注（notes）" in chinese.output.splitlines()


def test_a_plural_count_in_english() -> None:
    from aidplan.messages import set_language, tr

    set_language("en")
    try:
        assert tr("表格下的 {v0} 段作为注（notes）", v0=1) == "1 paragraph under the table taken as notes"
        assert tr("表格下的 {v0} 段作为注（notes）", v0=3) == "3 paragraphs under the table taken as notes"
        assert tr("另一张表格（{v0} 行 × {v1} 列）：{v2}", v0=1, v1=4, v2="x") == "another table (1 row × 4 columns): x"
    finally:
        set_language("zh")
    assert tr("表格下的 {v0} 段作为注（notes）", v0=1) == "表格下的 1 段作为注（notes）"
