"""aidplan import on the command line: where the plan goes, what it reports, and what it never does (write over
a file without --force)."""

from __future__ import annotations

from pathlib import Path

from aidplan.plan.loading import load_plan

from .conftest import SEED_PLANS
from .test_ingest_roundtrip import _docx

YUEYANG_REPORT = """\
2014-yueyang.docx → 2014-yueyang.yaml：10 个时段，59 项任务
  推测：附件标注“附件：”取自第一段
  推测：标题“2014年学生资助管理中心工作计划表”取自表格前居中的段
  推测：年份 2014 取自标题
  推测：发文机关（organisation）“岳阳市学生资助管理中心”取自文档属性的作者
  推测：版式 by-task：每项任务一行，时段单元格跨其任务合并
  推测：编号样式“1、”，每个时段从 1 编起
  推测：例行任务“维护和审核全国中职学生信息管理系统中{month}月份资助信息数据”（routine）出现在 7 个时段\
（元月至2月份、4月份、6月份、7月份至8月份、10月份、11月份、12月份）
"""


def test_import_writes_the_plan_beside_the_file_and_lists_every_guess(cli, in_tmp: Path) -> None:
    Path("2014-yueyang.docx").write_bytes(_docx(SEED_PLANS["2014-yueyang"]))
    result = cli("import", "2014-yueyang.docx")
    assert result.exit_code == 0, result.output
    assert result.stdout == YUEYANG_REPORT
    text = Path("2014-yueyang.yaml").read_text(encoding="utf-8")
    assert text.startswith(
        "# 由 aidplan import 从 2014-yueyang.docx（Word 文档）导入；措辞、标点和时段名称照原文。\n"
        "# 导入时的推测（请核对）：\n"
        "#   - 附件标注“附件：”取自第一段\n"
    )
    assert "title: 2014年学生资助管理中心工作计划表\nyear: 2014\norganisation: 岳阳市学生资助管理中心\n" in text
    assert (
        "  - id: routine\n"
        "    text: 维护和审核全国中职学生信息管理系统中{month}月份资助信息数据\n"
        "    placement: listed\n" in text
    )
    imported, original = load_plan(Path("2014-yueyang.yaml")).plan, load_plan(SEED_PLANS["2014-yueyang"]).plan
    assert [p.label for p in imported.periods] == [p.label for p in original.periods]


def test_import_never_writes_over_a_file_without_force(cli, in_tmp: Path) -> None:
    Path("plan.docx").write_bytes(_docx(SEED_PLANS["2020-huaibei"]))
    Path("plan.yaml").write_text("# mine\n", encoding="utf-8")
    result = cli("import", "plan.docx")
    assert result.exit_code == 1
    assert result.stderr == "aidplan: 不会覆盖 plan.yaml：文件已经存在；确实要替换它，请加 --force\n"
    assert Path("plan.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert cli("import", "plan.docx", "--force").exit_code == 0
    assert Path("plan.yaml").read_text(encoding="utf-8").startswith("# 由 aidplan import 从 plan.docx")


def test_import_to_standard_output_prints_the_plan_and_reports_on_stderr(cli, in_tmp: Path) -> None:
    Path("plan.docx").write_bytes(_docx(SEED_PLANS["2020-huaibei"]))
    result = cli("import", "plan.docx", "-o", "-")
    assert result.exit_code == 0
    assert result.stdout.startswith("# 由 aidplan import 从 plan.docx（Word 文档）导入")
    assert "  - id: routine\n" in result.stdout and "    placement: first\n" in result.stdout
    assert result.stderr.startswith("plan.docx → 标准输出：11 个时段，36 项任务\n")
    assert not Path("plan.yaml").exists()


def test_import_reports_check_findings_of_the_plan_it_wrote(cli, in_tmp: Path) -> None:
    Path("plan.docx").write_bytes(_docx(SEED_PLANS["2020-huaibei"]))
    result = cli("import", "plan.docx", "-o", "淮北.yaml")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-3:] == [
        "淮北.yaml:26:15: warning[W220]: 时段“元月至二月份”的完成时间“2月29日”（2020-02-29）是星期六，不是工作日；"
        "前一个工作日是2月28日（星期五）",
        "淮北.yaml:43:15: warning[W220]: 时段“五月份”的完成时间“5月31日”（2020-05-31）是星期日，不是工作日；"
        "前一个工作日是5月29日（星期五）",
        "淮北.yaml:77:15: warning[W220]: 时段“十月份”的完成时间“10月31日”（2020-10-31）是星期六，不是工作日；"
        "前一个工作日是10月30日（星期五）",
    ]
    assert cli("check", "淮北.yaml").stdout == "\n".join(result.stdout.splitlines()[-3:]) + "\n"


def test_import_refuses_what_it_cannot_use(cli, in_tmp: Path) -> None:
    Path("a.docx").write_bytes(b"not a zip")
    result = cli("import", "a.docx")
    assert (result.exit_code, result.stderr) == (1, "aidplan: a.docx 不是 Word .docx 文件（读不出它的内容）\n")
    Path("old.docx").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(100))
    result = cli("import", "old.docx")
    assert result.stderr == (
        "aidplan: old.docx 是旧的二进制格式（.doc/.xls/.wps），只是扩展名写成了新格式；请用原来的扩展名，"
        "或在 Word/WPS/Excel 里另存为 Word .docx\n"
    )
    result = cli("import", "missing.docx")
    assert (result.exit_code, result.stderr) == (2, "aidplan: 找不到文件 missing.docx\n")
    Path("a.txt").write_text("2021年工作计划\n时间\n工作内容\n三月份\n1.做好资助工作\n", encoding="utf-8")
    result = cli("import", "a.txt", "b.txt", "-o", "x.yaml")
    assert (result.exit_code, result.stderr) == (
        2,
        "aidplan: -o/--output 只能用于一个输入文件；多个文件各自写在旁边（NAME.yaml）\n",
    )
    Path("none.txt").write_text("工作计划\n时间\n工作内容\n三月份\n1.做好资助工作\n", encoding="utf-8")
    result = cli("import", "none.txt")
    assert (
        result.stderr
        == "aidplan: 看不出 none.txt 是哪一年的计划（标题和表格里都没有年份）；请加 --year 指定，如 --year 2021\n"
    )
    assert cli("import", "none.txt", "--year", "2021").exit_code == 0
    assert "year: 2021\n" in Path("none.yaml").read_text(encoding="utf-8")


def test_a_workbook_named_docx_is_named_as_a_workbook(cli, in_tmp: Path) -> None:
    import io

    from openpyxl import Workbook

    data = io.BytesIO()
    Workbook().save(data)
    Path("计划.docx").write_bytes(data.getvalue())
    result = cli("import", "计划.docx")
    assert (result.exit_code, result.stderr) == (
        1,
        "aidplan: 计划.docx 是 Excel 工作簿，只是扩展名写成了 .docx；请改回 .xlsx 再导入\n",
    )


def test_the_report_is_in_english_with_lang_en(cli, in_tmp: Path) -> None:
    Path("plan.docx").write_bytes(_docx(SEED_PLANS["2020-huaibei"]))
    result = cli("--lang", "en", "import", "plan.docx")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1:4] == [
        "  guessed: title “淮北市2020年度学生资助工作月计划” taken from the centred paragraph above the table",
        "  guessed: year 2020 taken from the title",
        "  guessed: layout by-period: a row per period, its tasks in one cell",
    ]
    # the plan file is a document: its comments stay Chinese
    assert "#   - 年份 2020 取自标题\n" in Path("plan.yaml").read_text(encoding="utf-8")
