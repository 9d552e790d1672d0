"""The 台账 workbook: written by `status -f xlsx`, filled in the way staff do, read back by `progress import`."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .conftest import SEED_PLANS

HUAIBEI_ROWS = {"1.2": 6, "3.2": 10, "4.5": 17, "5.2": 20, "5.3": 21}  # row of each id in the Huaibei sheet


@pytest.fixture
def huaibei(in_tmp: Path) -> Path:
    return Path(shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "2020-huaibei.yaml")).relative_to(in_tmp)


@pytest.fixture
def book(cli, huaibei: Path) -> Path:
    result = cli("status", huaibei, "-f", "xlsx", "-d", "build", "--today", "2020-05-20")
    assert result.exit_code == 0, result.output
    assert result.stdout == "build/2020-huaibei.status.xlsx\n"
    return Path("build/2020-huaibei.status.xlsx")


def fill(path: Path, cells: dict[str, object], sheet: str = "2020-huaibei") -> None:
    """Edit cells as a person would in Excel, and save."""
    workbook = load_workbook(path)
    ws = workbook[sheet]
    for ref, value in cells.items():
        ws[ref] = value
    workbook.save(path)


def row(item: str) -> int:
    return HUAIBEI_ROWS[item]


def test_the_sheet_lists_every_tracked_item_with_its_status(book: Path) -> None:
    ws = load_workbook(book)["2020-huaibei"]
    assert [c.value for c in ws[1]] == [
        "编号",
        "时段",
        "工作任务",
        "责任单位",
        "完成时限",
        "完成情况",
        "日期",
        "填报人",
        "备注",
    ]
    assert ws.max_row == 61  # the header and 60 tracked items (each monthly occurrence on its own)
    assert [c.value for c in ws[row("5.2")]] == [
        "5.2",
        "五月份",
        "发放中职、普通高中学生，幼儿园国家助学金及建档立卡学生资助资金，确保5月25日前完成资金发放；",
        None,
        dt.datetime(2020, 5, 25),
        "未开始",
        None,
        None,
        None,
    ]
    for item, number in HUAIBEI_ROWS.items():
        assert ws.cell(number, 1).value == item
    assert ws["E2"].number_format == "yyyy-mm-dd"


def test_the_sheet_is_ready_for_staff(book: Path) -> None:
    ws = load_workbook(book)["2020-huaibei"]
    # the status is a Chinese drop-down over every item row
    (status_list,) = [v for v in ws.data_validations.dataValidation if v.type == "list"]
    assert status_list.formula1 == '"未开始,进行中,已完成,已取消"'
    assert str(status_list.sqref) == "F2:F61"
    assert status_list.showErrorMessage
    # frozen header, filters over the table
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:I61"
    # overdue rows: a formula on TODAY(), so the colour follows the date the sheet is opened
    rules = [rule for rng in ws.conditional_formatting for rule in rng.rules]
    assert rules[0].formula == ['AND(ISNUMBER($E2),$E2<TODAY(),OR($F2="未开始",$F2="进行中",$F2=""))']
    assert rules[0].dxf.fill.bgColor.rgb.endswith("FFC7CE")
    assert [str(rng.sqref) for rng in ws.conditional_formatting] == ["A2:I61"]
    # A4 landscape, one page wide, the header row on every page
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$1:$1"
    # the plan's cells are locked, what staff fill in is not
    assert ws.protection.sheet
    assert ws.protection.autoFilter is False  # filtering still works on the protected sheet
    assert [ws.cell(2, column).protection.locked for column in range(1, 10)] == [True] * 5 + [False] * 4
    # columns sized for Chinese text: the task column holds 28 characters a line, and rows grow to fit
    assert ws.column_dimensions["C"].width == 56
    assert ws.row_dimensions[2].height == 15 * 2 + 3  # the monthly duty, 100 columns wide, takes two lines


def test_several_plans_share_one_workbook_with_a_summary(cli, in_tmp: Path, huaibei: Path) -> None:
    shutil.copy(SEED_PLANS["2014-yueyang"], in_tmp / "2014-yueyang.yaml")
    result = cli("status", ".", "-f", "xlsx", "-d", "build", "--today", "2014-05-20")
    assert result.exit_code == 0, result.output
    assert result.stdout == "build/status.xlsx\n"
    workbook = load_workbook("build/status.xlsx")
    assert workbook.sheetnames == ["汇总", "2014-yueyang", "2020-huaibei", "aidplan", "aidplan-rows"]
    assert workbook["aidplan"].sheet_state == workbook["aidplan-rows"].sheet_state == "veryHidden"
    exported = [list(r) for r in workbook["aidplan-rows"].iter_rows(values_only=True)]
    assert exported[0] == ["sheet", "id", "status", "date", "by", "note"]
    assert ["2020-huaibei", "5.2", "未开始", None, None, None] in exported
    assert len(exported) == 1 + 60 + len(list(workbook["2014-yueyang"].iter_rows(min_row=2)))
    summary = workbook["汇总"]
    assert [c.value for c in summary[3]][:4] == [
        "淮北市2020年度学生资助工作月计划",
        "2020-huaibei",
        "=COUNTA('2020-huaibei'!$A:$A)-1-COUNTIF('2020-huaibei'!$F:$F,\"已取消\")",
        "=COUNTIF('2020-huaibei'!$F:$F,\"已完成\")",
    ]
    meta = [list(r) for r in workbook["aidplan"].iter_rows(values_only=True)]
    assert meta[0] == ["sheet", "plan", "plan_from_cwd", "title", "fingerprint", "as_of"]
    assert meta[2][:4] == [
        "2020-huaibei",
        "../2020-huaibei.yaml",
        "2020-huaibei.yaml",
        "淮北市2020年度学生资助工作月计划",
    ]
    assert len(meta[2][4]) == 64 and meta[2][4] != meta[1][4]  # a sha256 of each sheet's editable cells


def test_a_filled_in_sheet_lands_and_a_second_import_adds_nothing(cli, book: Path, huaibei: Path) -> None:
    fill(
        book,
        {
            f"F{row('5.2')}": "已完成",
            f"G{row('5.2')}": "2020/5/24",  # typed as text
            f"H{row('5.2')}": "张三",
            f"I{row('5.2')}": "已发放",
            f"F{row('3.2')}": "已完成",
            f"G{row('3.2')}": dt.datetime(2020, 3, 30),  # a real Excel date
            f"F{row('5.3')}": "进行中",
            f"G{row('5.3')}": "2020年5月26日",
            f"I{row('4.5')}": "初稿已交局里审核",  # only a note; no date means the day of the import
        },
    )
    result = cli("progress", "import", book, "--today", "2020-05-27")
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "2020-huaibei.yaml（工作表 2020-huaibei）：4 条记录 → 2020-huaibei.progress.yaml\n"
        "  第 10 行  3.2：已完成（2020-03-30）\n"
        "  第 17 行  4.5：未开始（2020-05-27，初稿已交局里审核）\n"
        "  第 20 行  5.2：已完成（2020-05-24，张三，已发放）\n"
        "  第 21 行  5.3：进行中（2020-05-26）\n"
    )
    progress = Path("2020-huaibei.progress.yaml").read_text("utf-8")
    assert progress.endswith(
        '- task: "3.2"\n  status: done\n  date: 2020-03-30\n  text: "审核汇总2020年春季中职及普通高中学校"\n'
        '- task: "4.5"\n  status: todo\n  date: 2020-05-27\n  note: "初稿已交局里审核"\n'
        '  text: "制定学生资助实施办法。"\n'
        '- task: "5.2"\n  status: done\n  date: 2020-05-24\n  by: "张三"\n  note: "已发放"\n'
        '  text: "发放中职、普通高中学生，幼儿园国家助学金"\n'
        '- task: "5.3"\n  status: doing\n  date: 2020-05-26\n  text: "部署并开展春季学期资助大检查工作；"\n'
    )
    # the records are the plan's progress now
    status = cli("status", huaibei, "--today", "2020-05-27", "-f", "json")
    assert '"done": 2' in status.stdout

    again = cli("progress", "import", book, "--today", "2020-05-28")
    assert again.exit_code == 0, again.output
    assert again.stdout == "2020-huaibei.yaml（工作表 2020-huaibei）：没有新的变化\n"
    assert Path("2020-huaibei.progress.yaml").read_text("utf-8") == progress

    # a new workbook shows what was recorded, and importing it unchanged adds nothing either
    cli("status", huaibei, "-f", "xlsx", "-d", "build", "--today", "2020-05-28")
    ws = load_workbook(book)["2020-huaibei"]
    assert [c.value for c in ws[row("5.2")]][5:] == ["已完成", dt.datetime(2020, 5, 24), "张三", "已发放"]
    assert cli("progress", "import", book, "--today", "2020-05-29").stdout.endswith("没有新的变化\n")


BAD_CELLS = [
    ({"A62": "5.9", "F62": "已完成"}, "A62: 计划里没有编号为“5.9”的任务；是不是 5.6、5.5、5.4？"),
    (
        {"F20": "差不多"},
        "F20: 完成情况“差不多”看不懂；请从下拉列表里选：未开始、进行中、已完成、已取消"
        "（也认得 完成、已办结、√、是 和 未完成、×、否）",
    ),
    (
        {"F20": "已完成", "G20": "2020-13-01"},
        "G20: “2020-13-01”不是日期；请写成 2020-05-20、2020/5/20、2020.5.20、2020年5月20日"
        "或 5月20日、5.20（计划的年份）",
    ),
    (
        {"F20": "已完成", "G20": "下周一"},
        "G20: “下周一”不是日期；请写成 2020-05-20、2020/5/20、2020.5.20、2020年5月20日或 5月20日、5.20（计划的年份）",
    ),
    (
        {"C17": "制定学生资助实施细则。"},
        "C17: 任务内容与计划不同（计划里是“制定学生资助实施办法。”）；台账里不能改任务内容，要改请改计划文件",
    ),
    (
        {"C62": "补充：开展暑期家访", "F62": "已完成"},
        "A62: 这一行没有编号，是新加的行吗？台账只能填写计划里已有的任务；新任务请写进计划文件",
    ),
    ({"A62": "5.2", "F62": "已完成"}, "A62: 编号“5.2”在第 20 行已经出现过；每项任务只填一行"),
]


@pytest.mark.parametrize(("cells", "message"), BAD_CELLS, ids=[m.split(":")[0] for _, m in BAD_CELLS])
def test_each_bad_cell_is_located_and_nothing_is_written(cli, book: Path, cells: dict, message: str) -> None:
    fill(book, {"F10": "已完成", "G10": "2020-03-30", **cells})  # one good row beside the bad one
    result = cli("progress", "import", book, "--today", "2020-05-27")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"build/2020-huaibei.status.xlsx!2020-huaibei!{message}\n"
        "aidplan: build/2020-huaibei.status.xlsx 有 1 处错误，没有写入任何记录；"
        "改正后再导入，或用 --skip-bad 跳过有错的行、导入其余的\n"
    )
    assert not Path("2020-huaibei.progress.yaml").exists()


def test_skip_bad_records_the_good_rows_and_reports_the_others(cli, book: Path) -> None:
    fill(book, {"F10": "已完成", "G10": "2020-03-30", "F20": "差不多"})
    result = cli("progress", "import", book, "--today", "2020-05-27", "--skip-bad")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "build/2020-huaibei.status.xlsx!2020-huaibei!F20: 完成情况“差不多”看不懂；"
        "请从下拉列表里选：未开始、进行中、已完成、已取消（也认得 完成、已办结、√、是 和 未完成、×、否）"
        "（已跳过这一行）\n"
    )
    assert "第 10 行  3.2：已完成（2020-03-30）" in result.stdout
    assert Path("2020-huaibei.progress.yaml").read_text("utf-8").count("- task:") == 1


def test_deleted_rows_are_reported_not_guessed(cli, book: Path) -> None:
    workbook = load_workbook(book)
    workbook["2020-huaibei"].delete_rows(row("5.3"), 2)  # 5.3 and 5.4
    workbook["2020-huaibei"]["F10"] = "已完成"
    workbook.save(book)
    result = cli("progress", "import", book, "--today", "2020-05-27")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "build/2020-huaibei.status.xlsx!2020-huaibei: 台账里没有 5.3、5.4 的行（被删除了？）；这些任务的进度不变\n"
    )
    assert "3.2：已完成（2020-05-27）" in result.stdout


def test_a_date_before_the_record_in_force_would_not_count(cli, book: Path, huaibei: Path) -> None:
    assert cli("done", huaibei, "5.2", "--on", "2020-05-24").exit_code == 0
    assert cli("status", huaibei, "-f", "xlsx", "-d", "build", "--today", "2020-05-25").exit_code == 0
    fill(book, {"F20": "进行中", "G20": "2020-05-20"})
    result = cli("progress", "import", book, "--today", "2020-05-27")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "build/2020-huaibei.status.xlsx!2020-huaibei!G20: 2020-05-20 早于已记录的 2020-05-24（已完成），"
        "这条记录不会生效；请写当天或更晚的日期\n"
    )


def test_the_workbook_finds_its_plan_from_elsewhere_or_is_told(cli, book: Path, in_tmp: Path) -> None:
    fill(book, {"F10": "已完成", "G10": "2020-03-30"})
    moved = in_tmp / "收件箱" / "五月" / "台账.xlsx"
    moved.parent.mkdir(parents=True)
    shutil.move(book, moved)
    # from the folder it was written in, the plan path as given then is found
    assert cli("progress", "import", moved, "--dry-run").stdout.startswith("2020-huaibei.yaml（工作表 2020-huaibei）")
    elsewhere = CliInFolder(cli, moved.parent)
    result = elsewhere("progress", "import", "台账.xlsx")
    assert result.exit_code == 2
    assert result.stderr == (
        "aidplan: 找不到工作表“2020-huaibei”所属的计划：台账记下的是 2020-huaibei.yaml，按台账的位置应在 "
        "../2020-huaibei.yaml；请在写出台账时的目录运行，或用 --plan 指定计划文件\n"
    )
    told = elsewhere("progress", "import", "台账.xlsx", "--plan", "../../2020-huaibei.yaml")
    assert told.exit_code == 0, told.output
    assert "3.2：已完成（2020-03-30）" in told.stdout
    assert Path("2020-huaibei.progress.yaml").read_text("utf-8").count("- task:") == 1


class CliInFolder:
    def __init__(self, cli, folder: Path) -> None:
        self.cli, self.folder = cli, folder

    def __call__(self, *args):
        import os

        old = os.getcwd()
        os.chdir(self.folder)
        try:
            return self.cli(*args)
        finally:
            os.chdir(old)


def test_a_workbook_not_written_by_aidplan_is_refused(cli, in_tmp: Path, huaibei: Path) -> None:
    from openpyxl import Workbook

    Workbook().save("其他.xlsx")
    result = cli("progress", "import", "其他.xlsx")
    assert result.exit_code == 1
    assert result.stderr == (
        "aidplan: 其他.xlsx 不是 aidplan 写出的台账（没有隐藏的“aidplan”工作表）；"
        "请用 aidplan status -f xlsx 生成台账再填写\n"
    )
    Path("坏.xlsx").write_bytes(b"not a zip")
    assert cli("progress", "import", "坏.xlsx").stderr.startswith("aidplan: 无法读取 坏.xlsx：")


def test_a_moved_column_is_refused_at_its_header(cli, book: Path) -> None:
    workbook = load_workbook(book)
    workbook["2020-huaibei"].insert_cols(3)
    workbook.save(book)
    result = cli("progress", "import", book)
    assert result.exit_code == 1
    assert result.stderr == (
        "aidplan: build/2020-huaibei.status.xlsx!2020-huaibei!C1: 表头应为“工作任务”，这里是“”；"
        "请不要移动、删除或插入列\n"
    )


@pytest.mark.slow
def test_the_workbook_prints_on_a4_landscape_with_the_header_on_every_page(cli, book: Path, tmp_path: Path) -> None:
    """Printed by LibreOffice Calc (CI installs libreoffice-calc-nogui): A4 landscape, one page wide, the
    header row and the plan's title on every page, every item once."""
    import os
    import re
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None and not os.environ.get("CI"):
        pytest.skip("LibreOffice not installed")
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(book)],
        capture_output=True, timeout=180, check=False,
    )  # fmt: skip
    pdf = tmp_path / "2020-huaibei.status.pdf"
    if not pdf.exists():
        if os.environ.get("CI"):
            raise AssertionError("CI must print the workbook: install libreoffice-calc-nogui")
        pytest.skip("LibreOffice Calc not installed (libreoffice-calc-nogui)")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.3" in info  # A4, landscape
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True)
    pages = pages.stdout.split("\f")[:-1]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert "淮北市2020年度学生资助工作月计划完成情况（2020年5月20日）" in page
        assert re.search(r"编号\s+时段\s+工作任务\s+责任单位\s+完成时限\s+完成情况\s+日期\s+填报人\s+备注", page)
        assert f"第 {number} 页，共 {len(pages)} 页" in page
    ids = re.findall(r"^\s*(\d+\.\d+(?:@\d+-\d+)?)\s", "\n".join(pages), re.M)
    assert len(ids) == 60 and len(set(ids)) == 60


CONFLICT_5_2 = (
    "build/2020-huaibei.status.xlsx!2020-huaibei!F20: 这一行在台账里改过，而台账导出之后进度文件里这项任务已记为"
    "“已完成”（2020-05-18，张三）；两边都改了，没有用这一行覆盖它。请核对后用 aidplan done 或 aidplan mark 记录，"
    "或重新生成台账再填"
)


def test_a_row_nobody_touched_does_not_undo_a_backdated_record(cli, book: Path, huaibei: Path) -> None:
    # the workbook shows 2020-05-20; a colleague records 5.2 done with a date before it; staff fill only 5.3
    assert cli("done", huaibei, "5.2", "--on", "2020-05-18", "--by", "张三").exit_code == 0
    fill(book, {"F21": "已完成", "G21": "2020-05-22"})
    result = cli("progress", "import", book, "--today", "2020-05-25")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert result.stdout == (
        "2020-huaibei.yaml（工作表 2020-huaibei）：1 条记录 → 2020-huaibei.progress.yaml\n"
        "  第 21 行  5.3：已完成（2020-05-22）\n"
    )
    progress = Path("2020-huaibei.progress.yaml").read_text("utf-8")
    assert progress.count("- task:") == 2 and "status: todo" not in progress
    assert '- task: "5.2"\n  status: done\n  date: 2020-05-18\n  by: "张三"\n' in progress
    assert '"done": 2' in cli("status", huaibei, "--today", "2020-05-25", "-f", "json").stdout


def test_an_untouched_row_does_not_undo_a_record_made_after_the_workbook(cli, book: Path, huaibei: Path) -> None:
    assert cli("done", huaibei, "5.2", "--on", "2020-05-24").exit_code == 0
    before = Path("2020-huaibei.progress.yaml").read_text("utf-8")
    result = cli("progress", "import", book, "--today", "2020-05-25")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "2020-huaibei.yaml（工作表 2020-huaibei）：没有新的变化\n"
    assert Path("2020-huaibei.progress.yaml").read_text("utf-8") == before


def test_a_row_changed_on_both_sides_is_a_conflict_and_the_record_stands(cli, book: Path, huaibei: Path) -> None:
    assert cli("done", huaibei, "5.2", "--on", "2020-05-18", "--by", "张三").exit_code == 0
    before = Path("2020-huaibei.progress.yaml").read_text("utf-8")
    fill(book, {"F20": "进行中", "G20": "2020-05-25", "F21": "已完成", "G21": "2020-05-22"})
    result = cli("progress", "import", book, "--today", "2020-05-25")
    assert result.exit_code == 1
    assert result.stderr == (
        CONFLICT_5_2 + "\n"
        "aidplan: build/2020-huaibei.status.xlsx 有 1 处错误，没有写入任何记录；"
        "改正后再导入，或用 --skip-bad 跳过有错的行、导入其余的\n"
    )
    assert Path("2020-huaibei.progress.yaml").read_text("utf-8") == before
    result = cli("progress", "import", book, "--today", "2020-05-25", "--skip-bad")
    assert result.exit_code == 0, result.output
    assert result.stderr == CONFLICT_5_2 + "（已跳过这一行）\n"
    assert result.stdout.endswith("  第 21 行  5.3：已完成（2020-05-22）\n")
    assert "5.2" not in result.stdout
    assert Path("2020-huaibei.progress.yaml").read_text("utf-8").count("- task:") == 2
    # typing what the colleague recorded is no conflict: the row agrees with the record in force
    fill(book, {"F20": "已完成", "G20": "2020-05-18", "H20": "张三"})
    assert cli("progress", "import", book, "--today", "2020-05-25").stdout.endswith("没有新的变化\n")
    # a new workbook starts from the records, and its rows can be changed again
    assert cli("status", huaibei, "-f", "xlsx", "-d", "build", "--today", "2020-05-25").exit_code == 0
    fill(book, {"F20": "进行中", "G20": "2020-05-25", "I20": "返工"})
    assert (
        "  第 20 行  5.2：进行中（2020-05-25，张三，返工）\n"
        in cli("progress", "import", book, "--today", "2020-05-25").stdout
    )


def test_an_old_workbook_without_the_exported_rows_keeps_the_old_rules_with_a_notice(
    cli, book: Path, huaibei: Path
) -> None:
    workbook = load_workbook(book)
    del workbook["aidplan-rows"]  # as written before each row's exported cells were kept
    workbook.save(book)
    assert cli("done", huaibei, "5.2", "--on", "2020-05-18", "--by", "张三").exit_code == 0
    fill(book, {"F21": "已完成", "G21": "2020-05-22"})
    result = cli("progress", "import", book, "--today", "2020-05-25", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        "build/2020-huaibei.status.xlsx: 这份台账是旧版 aidplan 写出的，没有记下导出时每一行的内容，"
        "分不出哪些行没有改过；与已记录的进度不同的行都当作填写导入。请用 aidplan status -f xlsx 重新生成台账再分发\n"
    )
    assert "  第 20 行  5.2：未开始（2020-05-25）\n" in result.stdout  # what it cannot tell from a change
    assert "  第 21 行  5.3：已完成（2020-05-22）\n" in result.stdout
    # a record made after the workbook's day is still caught by the date
    assert cli("done", huaibei, "5.4", "--on", "2020-05-24").exit_code == 0
    result = cli("progress", "import", book, "--today", "2020-05-25")
    assert result.exit_code == 1
    assert "!F22: 这份台账是 2020-05-20 的，之后已记录“已完成”（2020-05-24）" in result.stderr
    assert result.stderr.count("旧版 aidplan") == 1


def test_a_cleared_status_does_not_undo_a_recorded_one(cli, book: Path, huaibei: Path) -> None:
    assert cli("done", huaibei, "5.2", "--on", "2020-05-24").exit_code == 0
    assert cli("status", huaibei, "-f", "xlsx", "-d", "build", "--today", "2020-05-25").exit_code == 0
    assert load_workbook(book)["2020-huaibei"]["F20"].value == "已完成"
    before = Path("2020-huaibei.progress.yaml").read_text("utf-8")
    fill(book, {"F20": None, "F10": "已完成", "G10": "2020-03-30"})  # the cell emptied (Delete key)
    result = cli("progress", "import", book, "--today", "2020-05-27")
    assert result.exit_code == 1
    assert result.stderr == (
        "build/2020-huaibei.status.xlsx!2020-huaibei!F20: 完成情况是空的，而已记录的是“已完成”（2020-05-24）；"
        "请从下拉列表里选一项（要改回未开始请选“未开始”）\n"
        "aidplan: build/2020-huaibei.status.xlsx 有 1 处错误，没有写入任何记录；"
        "改正后再导入，或用 --skip-bad 跳过有错的行、导入其余的\n"
    )
    assert Path("2020-huaibei.progress.yaml").read_text("utf-8") == before


def test_merged_status_cells_are_refused_not_read_as_blank(cli, book: Path, huaibei: Path) -> None:
    workbook = load_workbook(book)
    ws = workbook["2020-huaibei"]
    ws["F19"] = "已完成"  # 5.1@5-28, then merged down over 5.2 and 5.3: Excel shows 已完成 for all three
    ws.merge_cells("F19:F21")
    ws["F10"], ws["G10"] = "已完成", "2020-03-30"
    workbook.save(book)
    result = cli("progress", "import", book, "--today", "2020-05-27")
    assert result.exit_code == 1
    assert result.stderr == (
        "build/2020-huaibei.status.xlsx!2020-huaibei!F19: F19:F21 是合并的单元格；请取消合并，每一行分别填写\n"
        "aidplan: build/2020-huaibei.status.xlsx 有 1 处错误，没有写入任何记录；"
        "改正后再导入，或用 --skip-bad 跳过有错的行、导入其余的\n"
    )
    assert not Path("2020-huaibei.progress.yaml").exists()
    skipped = cli("progress", "import", book, "--today", "2020-05-27", "--skip-bad")
    assert skipped.exit_code == 0, skipped.output
    assert "台账里没有" not in skipped.stderr  # the merged rows are there, only not readable
    assert Path("2020-huaibei.progress.yaml").read_text("utf-8").count("- task:") == 1


def test_a_zip_bomb_is_refused_before_it_is_unpacked(cli, book: Path, in_tmp: Path) -> None:
    import zipfile

    bomb = in_tmp / "bomb.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr("xl/padding.xml", b" " * (100 * 1024 * 1024))  # 100 MB of blanks, 100 KB packed
    assert bomb.stat().st_size < 1024 * 1024
    result = cli("progress", "import", bomb, "--today", "2020-05-27")
    assert result.exit_code == 1
    assert result.stderr == (
        f"aidplan: 无法读取 {bomb}：解压后有 100 MB，台账工作簿最多 64 MB；这不像 aidplan 写出的台账\n"
    )


def test_an_old_xls_or_a_password_protected_book_gets_a_plain_answer(cli, in_tmp: Path) -> None:
    old = in_tmp / "台账.xlsx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))  # the header of an OLE compound file
    result = cli("progress", "import", old)
    assert result.exit_code == 1
    assert result.stderr == (
        f"aidplan: 无法读取 {old}：这是旧的 .xls 格式，或是加了密码的工作簿；"
        "请在 Excel/WPS 里去掉密码、“另存为 .xlsx”后再导入\n"
    )
    junk = in_tmp / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    assert cli("progress", "import", junk).stderr == (
        f"aidplan: 无法读取 {junk}：文件内容不是 .xlsx 工作簿（损坏了，或只是改了扩展名）\n"
    )


def test_a_plan_path_in_the_hidden_sheet_that_is_not_a_plan_is_not_read(cli, book: Path) -> None:
    workbook = load_workbook(book)
    workbook["aidplan"]["B2"] = "../../../../../../../../etc/passwd"
    workbook["aidplan"]["C2"] = "/etc/passwd"
    workbook.save(book)
    result = cli("progress", "import", book, "--today", "2020-05-27")
    assert result.exit_code == 2
    assert result.stderr == (
        "aidplan: 工作表“2020-huaibei”记下的计划“../../../../../../../../etc/passwd”不是 .yaml 计划文件，"
        "不会读取它；请用 --plan 指定计划文件\n"
    )
    assert "root:" not in result.stdout + result.stderr


def test_dates_in_the_future_or_long_before_the_plan_are_refused(cli, book: Path) -> None:
    workbook = load_workbook(book)
    ws = workbook["2020-huaibei"]
    ws["F20"], ws["G20"] = "已完成", dt.datetime(9999, 12, 31)
    ws["F21"], ws["G21"] = "已完成", "2030-05-21"
    ws["F10"], ws["G10"] = "已完成", "1899-12-31"
    ws["F17"], ws["G17"] = "已完成", 99999999  # a serial number past 9999, in a date-formatted cell
    ws["G17"].number_format = "yyyy-mm-dd"
    workbook.save(book)
    result = cli("progress", "import", book, "--today", "2020-05-27")
    assert result.exit_code == 1
    where = "build/2020-huaibei.status.xlsx!2020-huaibei!"
    assert result.stderr == (
        f"{where}G10: 1899-12-31 远早于 2020 年的计划；请检查年份\n"
        f"{where}G17: “#VALUE!”不是日期；请写成 2020-05-20、2020/5/20、2020.5.20、2020年5月20日"
        "或 5月20日、5.20（计划的年份）\n"
        f"{where}G20: 9999-12-31 晚于今天（2020-05-27）；请写完成或开始的那一天\n"
        f"{where}G21: 2030-05-21 晚于今天（2020-05-27）；请写完成或开始的那一天\n"
        "aidplan: build/2020-huaibei.status.xlsx 有 4 处错误，没有写入任何记录；"
        "改正后再导入，或用 --skip-bad 跳过有错的行、导入其余的\n"
    )
    assert not Path("2020-huaibei.progress.yaml").exists()


def test_a_plan_named_twice_gets_one_sheet(cli, in_tmp: Path, huaibei: Path) -> None:
    shutil.copy(SEED_PLANS["2014-yueyang"], in_tmp / "2014-yueyang.yaml")
    result = cli("status", ".", huaibei, "./2020-huaibei.yaml", "-f", "xlsx", "-d", "build", "--today", "2014-05-20")
    assert result.exit_code == 0, result.output
    workbook = load_workbook("build/status.xlsx")
    assert workbook.sheetnames == ["汇总", "2014-yueyang", "2020-huaibei", "aidplan", "aidplan-rows"]
    assert [r[0] for r in workbook["aidplan"].iter_rows(min_row=2, values_only=True)] == [
        "2014-yueyang",
        "2020-huaibei",
    ]


REFUSED = (
    "aidplan: 没有覆盖 build/2020-huaibei.status.xlsx：里面有填写后尚未导入的内容。"
    "请先运行 aidplan progress import build/2020-huaibei.status.xlsx 导入，或加 --force 放弃其中的填写、重新生成\n"
)


def status_xlsx_again(cli, huaibei: Path, *extra: str):
    return cli("status", huaibei, "-f", "xlsx", "-d", "build", "--today", "2020-05-21", *extra)


def test_writing_again_keeps_a_workbook_staff_filled_in_but_did_not_import(cli, book: Path, huaibei: Path) -> None:
    fill(book, {f"F{row('5.2')}": "已完成"})
    filled = book.read_bytes()
    result = status_xlsx_again(cli, huaibei)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == REFUSED
    assert book.read_bytes() == filled


def test_a_workbook_nobody_filled_in_is_only_out_of_date_and_is_rewritten(cli, book: Path, huaibei: Path) -> None:
    written = book.read_bytes()
    assert cli("done", huaibei, "5.2", "--on", "2020-05-21").exit_code == 0  # now the sheet is stale
    result = status_xlsx_again(cli, huaibei)
    assert result.exit_code == 0, result.output
    assert book.read_bytes() != written
    assert load_workbook(book)["2020-huaibei"][f"F{row('5.2')}"].value == "已完成"


def test_force_discards_what_staff_filled_in(cli, book: Path, huaibei: Path) -> None:
    fill(book, {f"F{row('5.2')}": "已完成", f"I{row('1.2')}": "已上报"})
    result = status_xlsx_again(cli, huaibei, "--force")
    assert result.exit_code == 0, result.output
    ws = load_workbook(book)["2020-huaibei"]
    assert ws[f"F{row('5.2')}"].value == "未开始"
    assert ws[f"I{row('1.2')}"].value is None


def test_after_the_import_the_workbook_is_rewritten(cli, book: Path, huaibei: Path) -> None:
    fill(book, {f"F{row('5.2')}": "已完成"})  # no date: the import records its own day
    assert cli("progress", "import", book, "--today", "2020-05-21").exit_code == 0
    result = status_xlsx_again(cli, huaibei)
    assert result.exit_code == 0, result.output
    ws = load_workbook(book)["2020-huaibei"]
    assert ws[f"F{row('5.2')}"].value == "已完成"
    assert ws[f"G{row('5.2')}"].value == dt.datetime(2020, 5, 21)


def test_a_workbook_without_a_fingerprint_or_not_readable_is_not_written_over(cli, book: Path, huaibei: Path) -> None:
    workbook = load_workbook(book)
    workbook["aidplan"].delete_cols(5, 2)  # as written before the fingerprint and the day were kept
    workbook.save(book)
    old = book.read_bytes()
    result = status_xlsx_again(cli, huaibei)
    assert result.exit_code == 1
    assert result.stderr == (
        "aidplan: 没有覆盖 build/2020-huaibei.status.xlsx：它是旧版 aidplan 写出的，不能确认其中没有尚未导入的填写。"
        "请先运行 aidplan progress import build/2020-huaibei.status.xlsx 导入，或加 --force 放弃其中的填写、重新生成\n"
    )
    assert book.read_bytes() == old
    book.write_bytes(b"not a workbook")
    result = status_xlsx_again(cli, huaibei)
    assert result.exit_code == 1
    assert result.stderr == (
        "aidplan: 没有覆盖 build/2020-huaibei.status.xlsx：无法读取它，不能确认其中没有尚未导入的填写"
        "（无法读取 build/2020-huaibei.status.xlsx：文件内容不是 .xlsx 工作簿（损坏了，或只是改了扩展名））。"
        "请先运行 aidplan progress import build/2020-huaibei.status.xlsx 导入，或加 --force 放弃其中的填写、重新生成\n"
    )
    assert book.read_bytes() == b"not a workbook"
    assert status_xlsx_again(cli, huaibei, "--force").exit_code == 0
    assert load_workbook(book)["aidplan"]["E1"].value == "fingerprint"


def test_the_dates_and_words_staff_type_are_read(cli, book: Path, huaibei: Path) -> None:
    """Dates as the command line takes them (3月30日 in the plan's year, 2020.3.30, full-width digits) and the
    words staff type for done (完成, 已办结, √, 是) and not done (未完成, ×, 否: an open task stays as it was)."""
    assert cli("mark", huaibei, "5.3", "--status", "doing", "--on", "2020-05-20").exit_code == 0
    assert cli("done", huaibei, "4.5", "--on", "2020-05-19").exit_code == 0
    assert cli("status", huaibei, "-f", "xlsx", "-d", "build", "--today", "2020-05-20").exit_code == 0  # shows them
    fill(
        book,
        {
            f"F{row('3.2')}": "完成",
            f"G{row('3.2')}": "3月30日",
            f"F{row('5.2')}": "√",
            f"G{row('5.2')}": "2020.5.24",
            f"F{row('1.2')}": "已办结",
            f"G{row('1.2')}": "２月２８号",
            f"F{row('5.3')}": "未完成",  # was 进行中: still 进行中, only the note is new
            f"G{row('5.3')}": None,  # the date cleared: the day of the import
            f"I{row('5.3')}": "等待学校报送",
            f"F{row('4.5')}": "×",  # was 已完成: open again, as 未开始
            f"G{row('4.5')}": "5/26",
        },
    )
    result = cli("progress", "import", book, "--today", "2020-05-27")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "2020-huaibei.yaml（工作表 2020-huaibei）：5 条记录 → 2020-huaibei.progress.yaml\n"
        "  第 6 行  1.2：已完成（2020-02-28）\n"
        "  第 10 行  3.2：已完成（2020-03-30）\n"
        "  第 17 行  4.5：未开始（2020-05-26）\n"
        "  第 20 行  5.2：已完成（2020-05-24）\n"
        "  第 21 行  5.3：进行中（2020-05-27，等待学校报送）\n"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("3月30日", dt.date(2020, 3, 30)),
        ("3月30号", dt.date(2020, 3, 30)),
        ("3/30", dt.date(2020, 3, 30)),
        ("2026.3.30", dt.date(2026, 3, 30)),
        ("２０２６年３月３０日", dt.date(2026, 3, 30)),
        (dt.datetime(2026, 3, 30, 0, 0), dt.date(2026, 3, 30)),
        ("2月30日", None),
        ("3.30", dt.date(2020, 3, 30)),  # typed into a text cell
        (3.3, None),  # 3.30 typed into a number cell: a number, not a date
        ("13.30", None),
        ("下周一", None),
    ],
)
def test_sheet_dates(value: object, expected: dt.date | None) -> None:
    from aidplan.track.workbook import parse_sheet_date

    assert parse_sheet_date(value, 2020) == expected


def test_a_month_and_day_needs_the_plans_year() -> None:
    from aidplan.track.workbook import parse_sheet_date

    assert parse_sheet_date("3月30日") is None


def test_a_bad_status_and_date_in_english(cli, book: Path) -> None:
    fill(book, {"F20": "差不多", "F21": "完成", "G21": "5月35日"})
    result = cli("--lang", "en", "progress", "import", book, "--today", "2020-05-27")
    where = "build/2020-huaibei.status.xlsx!2020-huaibei!"
    assert result.exit_code == 1
    assert result.stderr.splitlines()[:2] == [
        f"{where}F20: the status “差不多” cannot be read; choose from the drop-down list: "  # its words, as printed
        "未开始, 进行中, 已完成, 已取消 (完成, 已办结, √, 是 and 未完成, ×, 否 are read too)",
        f"{where}G21: “5月35日” is not a date; write 2020-05-20, 2020/5/20, 2020.5.20, 2020年5月20日 or 5月20日, 5.20 "
        "(in the plan's year)",
    ]


def test_today_without_a_year_falls_in_the_year_of_the_workbooks_plans(cli, book: Path) -> None:
    """--today 5月27日 is read in the year of the plans the workbook's sheets belong to, not of the config's
    default plans/ (there is none here)."""
    fill(book, {"F10": "已完成"})
    result = cli("progress", "import", book, "--today", "5月27日", "--dry-run")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "  第 10 行  3.2：已完成（2020-05-27）\n" in result.stdout
