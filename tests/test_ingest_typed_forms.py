"""What an office's files carry besides the table: a year typed in Chinese numerals or full-width digits, zero-width
characters from a web page, Excel date cells in their own number formats, a UTF-8 text broken off inside a
character, and an --org that is not one printed line."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from .conftest import DATA

TABLE = "时间\t工作内容\n3月\t1.审核名单\n4月\t1.开展自查\n"


@pytest.mark.parametrize(
    ("title", "term"),
    [
        ("某县二〇二六年学生资助工作计划表", None),
        ("某县二○二六年学生资助工作计划表", None),
        ("某县二零二六年学生资助工作计划表", None),
        ("某县２０２６年学生资助工作计划表", None),
        ("二〇二五—二〇二六学年第二学期学生资助工作计划", "二〇二五—二〇二六学年第二学期"),
    ],
)
def test_a_year_typed_in_chinese_numerals_or_full_width_digits_is_the_plans_year(cli, in_tmp, title, term) -> None:
    Path("ty.txt").write_text(f"{title}\n{TABLE}", encoding="utf-8")
    result = cli("import", "ty.txt", "-o", "ty.yaml")
    assert result.exit_code == 0, result.output  # was: 看不出 ty.txt 是哪一年的计划（标题和表格里都没有年份）
    text = Path("ty.yaml").read_text(encoding="utf-8")
    assert f"\ntitle: {title}\nyear: 2026\n" in text  # the title as printed
    if term is None:
        assert "  推测：年份 2026 取自标题" in result.output.splitlines()
    else:
        assert f"  name: {term}\n  start: 2026-03-02\n" in text
        assert (
            f"  推测：年份 2026 取自标题里的学期“{term}”：春季学期（第二学期）在 2026 年开学"
        ) in result.output.splitlines()
    assert "error" not in cli("check", "ty.yaml").output


def test_zero_width_characters_from_a_web_page_are_removed_and_said(cli, in_tmp) -> None:
    """U+200B inside 每月 hid the monthly duty: `tasks` dated it only at its period's end."""
    seed = (DATA / "seeds" / "2020-huaibei.txt").read_text(encoding="utf-8")
    damaged = seed.replace("每月", "每\u200b月").replace("学生", "学\u200b生").replace("资助", "资\u2060助")
    Path("网页.txt").write_text(damaged, encoding="utf-8")
    count = sum(damaged.count(c) for c in "\u200b\u2060")
    result = cli("import", "网页.txt", "-o", "zw.yaml")
    assert result.exit_code == 0, result.output
    assert (
        result.output.splitlines()[1] == f"  推测：删除了 {count} 个看不见的零宽字符（如 U+200B）：它们夹在字词中间，"
        "“每月”“20日前”这样的字词就读不出来"
    )
    text = Path("zw.yaml").read_text(encoding="utf-8")
    assert "\u200b" not in text and "\u2060" not in text
    Path("seed.txt").write_text(seed, encoding="utf-8")
    assert cli("import", "seed.txt", "-o", "seed.yaml").exit_code == 0
    assert cli("tasks", "zw.yaml", "-f", "json").stdout.replace("zw.yaml", "X") == cli(
        "tasks", "seed.yaml", "-f", "json"
    ).stdout.replace("seed.yaml", "X")  # the monthly duty is monthly again: every date as the clean text's


def test_excel_date_cells_are_written_as_the_sheet_shows_them_or_in_a_form_a_plan_reads(cli, in_tmp) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["某县2026年学生资助工作计划表"])
    sheet.append(["月份", "工作任务", "完成时限"])
    sheet.append([dt.date(2026, 3, 1), "审核春季学期国家助学金名单", dt.date(2026, 3, 20)])
    sheet.append([None, "拨付春季学期免学费补助资金", dt.date(2026, 3, 31)])
    sheet.append([dt.date(2026, 4, 1), "开展资助政策宣传月活动", dt.date(2026, 4, 30)])
    sheet.merge_cells("A3:A4")
    sheet["A3"].number_format = 'yyyy"年"m"月"'
    sheet["A5"].number_format = 'm"月"'
    for cell in ("C3", "C4", "C5"):
        sheet[cell].number_format = "mm-dd"
    data = io.BytesIO()
    book.save(data)
    Path("月份.xlsx").write_bytes(data.getvalue())
    result = cli("import", "月份.xlsx", "-o", "dc.yaml")
    assert result.exit_code == 0, result.output  # was: rc 1, 3×E205 for 03-20, and a one-day period 4月1日
    assert "  推测：工作表“Sheet”的 3 个日期格显示为“03-20”这样的写法，计划读不出，写作“3月20日”" in result.output
    assert Path("dc.yaml").read_text(encoding="utf-8").split("groups:\n", 1)[1] == (
        "  - label: 2026年3月\n"
        "    tasks:\n"
        "      - text: 审核春季学期国家助学金名单\n"
        "        deadline: 3月20日\n"
        "      - text: 拨付春季学期免学费补助资金\n"
        "        deadline: 3月31日\n"
        "  - label: 4月\n"
        "    tasks:\n"
        "      - text: 开展资助政策宣传月活动\n"
        "        deadline: 4月30日\n"
    )


def test_a_utf8_text_broken_off_inside_a_character_is_named_as_such(cli, in_tmp) -> None:
    seed = (DATA / "seeds" / "2020-huaibei.txt").read_bytes()
    Path("cut.txt").write_bytes(seed.rstrip()[:-2])  # the last character's last two bytes lost
    result = cli("import", "cut.txt", "-o", "c.yaml")
    assert result.exit_code == 1
    lines = seed.rstrip()[:-2].count(b"\n") + 1
    assert result.stderr == (
        f"aidplan: cut.txt 是 UTF-8 文本，但第 {lines} 行有不成字的字节（文件在一个字的中间断了）；请重新复制或下载"
        "完整的文件后再导入\n"
    )
    Path("bad.txt").write_bytes(seed.replace("学生".encode(), b"\xff", 1))
    line = seed[: seed.index("学生".encode())].count(b"\n") + 1
    assert f"bad.txt 是 UTF-8 文本，但第 {line} 行有不成字的字节；" in cli("import", "bad.txt").stderr


@pytest.mark.parametrize("org", ["资助中心\n恶意", "", " "])
def test_org_is_one_printed_line_as_for_new(cli, in_tmp, org: str) -> None:
    Path("p.txt").write_text(f"某县2026年学生资助工作计划\n{TABLE}", encoding="utf-8")
    result = cli("import", "p.txt", "-o", "p.yaml", "--org", org)
    assert result.exit_code == 2
    assert "--org 不能为空，也不能含换行或控制字符" in result.stderr
    assert not Path("p.yaml").exists()


def _table_docx(path: Path, rows: list[tuple[str, ...]]) -> None:
    """A Word table whose cells wrap with Shift+Enter where a line in the source is broken."""
    from docx import Document

    document = Document()
    document.add_paragraph("某县2026年学生资助工作计划")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            paragraph = table.cell(r, c).paragraphs[0]
            for index, line in enumerate(text.split("\n")):
                if index:
                    paragraph.add_run().add_break()  # a soft line break
                paragraph.add_run(line)
    document.save(str(path))


def test_a_row_numbered_once_holds_one_task_though_its_text_wraps(cli, in_tmp) -> None:
    """review5 09:41: 做好寒假慰问<Shift+Enter>困难学生工作 in the row of 序号 1 was two tasks, and so every printed
    number was dropped (numbering: none)."""
    _table_docx(
        in_tmp / "序号.docx",
        [
            ("序号", "时间", "工作内容", "完成时限"),
            ("1", "1月", "做好寒假慰问\n困难学生工作", "1月31日前"),
            ("2", "3月", "审核春季学期国家助学金名单", "3月31日前"),
            ("3", "3月", "拨付春季学期免学费补助资金", "3月31日前"),
        ],
    )
    result = cli("import", "序号.docx", "-o", "x.yaml")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "序号.docx → x.yaml：2 个时段，3 项任务"
    text = Path("x.yaml").read_text(encoding="utf-8")
    assert 'numbering: "1"\nnumbering_scope: plan\n' in text
    assert "      - text: 做好寒假慰问困难学生工作\n        deadline: 1月31日前\n" in text


def test_cells_that_wrap_a_bracket_and_an_office_list_are_one_task_and_one_owner(cli, in_tmp) -> None:
    """review5 10:46: 生源地信用助学贷款预申请<br>（含续贷） | 资助中心、<br>各高中 | 5月<br>31日前 was two tasks with
    the owners 资助中心、 (a dangling 、) and 各高中."""
    _table_docx(
        in_tmp / "换行.docx",
        [
            ("时间", "工作内容", "责任单位", "完成时限"),
            ("4月", "开展资助政策宣传月活动", "各学校", "4月30日前"),
            ("5月", "生源地信用助学贷款预申请\n（含续贷）", "资助中心、\n各高中", "5月\n31日前"),
        ],
    )
    result = cli("import", "换行.docx", "-o", "y.yaml")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "换行.docx → y.yaml：2 个时段，2 项任务"
    text = Path("y.yaml").read_text(encoding="utf-8")
    assert "生源地信用助学贷款预申请（含续贷）" in text and "owner: 资助中心、各高中" in text
    assert "（含续贷）\n" not in text.replace("预申请（含续贷）\n", "")
