"""Tables with no grouping at all (`tasks:` instead of `groups:`): a numbered list of tasks, each dated by its
own time cell — checked, listed, tracked, exported and rendered as printed, on real flat plans."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from aidplan.plan.loading import load_plan
from aidplan.plan.schedule import schedule
from aidplan.render.pages import plan_pages, table_layout
from aidplan.render.style import profile_for

from .conftest import DATA
from .docx_reading import NS, part, reading_order

BUREAU = DATA / "corpus" / "2026-03-bureau-monthly.yaml"
POINTS = DATA / "tables" / "flat-key-points.yaml"


def _copy(path: Path, tmp_path: Path) -> Path:
    target = tmp_path / path.name
    shutil.copy(path, target)
    return target


def _write(tmp_path: Path, text: str, name: str = "flat.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ids_are_the_printed_numbers_and_explicit_ids_win(tmp_path: Path) -> None:
    loaded = load_plan(BUREAU)
    assert loaded.findings == []
    items = schedule(loaded.plan)
    assert [task.id for item in items for task in item.tasks] == [str(n) for n in range(1, 12)]
    plan = _write(
        tmp_path,
        "title: 工作安排\nyear: 2026\ncolumns: [{header: 工作内容, role: task}, {header: 时间, role: time}]\n"
        "tasks:\n  - {text: 甲, deadline: 3月2日}\n  - {text: 乙, deadline: 3月3日, id: apply}\n"
        "  - {text: 丙, deadline: 3月4日}\n",
    )
    items = schedule(load_plan(plan).plan)
    assert [task.id for task in items[0].tasks] == ["1", "apply", "3"]


def test_several_tables_prefix_the_ids_of_a_flat_one_by_its_table(tmp_path: Path) -> None:
    plan = _write(
        tmp_path,
        """title: 2026年学生资助工作安排
year: 2026
tables:
  - heading: 一、春季学期
    columns: [{header: 时间, role: group}, {header: 工作内容, role: task}]
    groups:
      - {label: 3月, tasks: [审核春季学期国家助学金名单]}
  - heading: 二、秋季学期
    columns: [{header: 序号, role: number}, {header: 工作内容, role: task}, {header: 完成时间, role: time}]
    tasks:
      - {text: 开通绿色通道, deadline: 9月1日—9月7日}
      - {text: 发放秋季学期国家助学金, deadline: 11月底}
""",
    )
    loaded = load_plan(plan)
    assert loaded.findings == []
    assert [task.id for item in schedule(loaded.plan) for task in item.tasks] == ["3.1", "t2.1", "t2.2"]


def test_check_is_clean_and_an_undated_task_is_warned_at_the_task(cli, tmp_path: Path) -> None:
    result = cli("check", POINTS)
    assert (result.exit_code, result.stdout) == (0, "")
    plan = _write(
        tmp_path,
        """title: 2026年全县学生资助工作要点
year: 2026
columns: [{header: 序号, role: number}, {header: 工作内容, role: task}, {header: 完成时间, role: time}]
tasks:
  - {text: 落实学前教育政府助学金政策, deadline: 3月底}
  - 撰写年度学生资助工作总结
""",
    )
    result = cli("check", plan)
    assert result.exit_code == 0
    assert result.stdout == (
        f"{plan}:6:5: warning[W222]: 任务 2“撰写年度学生资助工作总结”没有日期：这张表不分组，任务也没有时间、截止日期或"
        "文中日期，due、status、export 都不会列出它；请给任务写 deadline:（如“5月31日前”），即它的时间一格\n"
    )


def test_tasks_lists_ids_dates_and_sources_without_a_group_column(cli) -> None:
    result = cli("tasks", POINTS)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1].split() == ["编号", "序号", "起止", "起止来源", "截止", "截止来源", "责任单位", "任务"]
    assert lines[2].split() == [
        *["1", "1", "2026-03-21", "至", "2026-03-31", "任务时间", "2026-03-31", "任务截止“3月底”", "资助中心"],
        "落实学前教育政府助学金政策，做到应助尽助",
    ]
    assert lines[7].split()[:8] == [
        *["6", "6", "2026-01-01", "至", "2026-12-31", "任务时间", "2026-12-31", "任务截止“全年”"],
    ]


def test_due_lists_by_number_and_date_with_no_group_column(cli) -> None:
    result = cli("due", BUREAU, "--today", "2026-03-09", "--within", "3")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[2:] == [
        f"平江县教育局2026年3月份工作安排（{BUREAU}）",
        " 已逾期（1）",
        "  1  2026-03-06  已逾期3天     全县中小学春季开学工作专项督导检查（责任单位：督导室、基础教育股）",
        " 即将到期（2）",
        "  3  2026-03-10  还有1天       召开2026年全县教育工作会议（责任单位：办公室）",
        "  4  2026-03-12  还有3天       组织中小学生开展植树护绿实践活动（责任单位：德育股）",
    ]
    items = json.loads(cli("due", BUREAU, "--today", "2026-03-09", "--within", "3", "-f", "json").stdout)["items"]
    assert [(item["id"], item["period"], item["deadline"]) for item in items] == [
        ("1", "", "2026-03-06"),
        ("3", "", "2026-03-10"),
        ("4", "", "2026-03-12"),
    ]


def test_done_mark_and_status_count_per_owner_with_no_period_breakdown(cli, tmp_path: Path) -> None:
    plan = _copy(BUREAU, tmp_path)
    assert cli("done", plan, "1", "--on", "2026-03-05").exit_code == 0
    assert cli("mark", plan, "3", "--status", "doing", "--on", "2026-03-09").exit_code == 0
    result = cli("status", plan, "--today", "2026-03-09")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[2] == f"平江县教育局2026年3月份工作安排（{plan}）：完成 1/11（9%）"
    assert "按时段" not in result.stdout
    assert lines[3:6] == [" 按责任单位", "  督导室            1/1（100%）", "  基础教育股        1/2（50%）"]
    report = json.loads(cli("status", plan, "--today", "2026-03-09", "-f", "json").stdout)
    assert report["plans"][0]["periods"] == []
    markdown = cli("status", plan, "--today", "2026-03-09", "-f", "md").stdout
    assert "| 时段 |" not in markdown
    assert "| 督导室 | 1 | 1 | 100% | 0 |" in markdown


def test_export_csv_and_ics_give_each_task_its_own_date(cli) -> None:
    result = cli("export", POINTS, "-f", "csv", "-o", "-")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert [(row["编号"], row["时段"], row["截止日期"], row["截止依据"]) for row in rows] == [
        ("1", "", "2026-03-31", "任务截止"),
        ("2", "", "2026-04-30", "任务截止"),
        ("3", "", "2026-05-31", "任务截止"),
        ("4", "", "2026-09-30", "任务截止"),
        ("5", "", "2026-11-30", "任务截止"),
        ("6", "", "2026-12-31", "任务截止"),
    ]
    calendar = cli("export", POINTS, "-f", "ics", "-o", "-").stdout
    assert re.findall(r"SUMMARY:(.*)\r?\n", calendar)[:2] == [
        "[1] 落实学前教育政府助学金政策，做到应助尽助",
        "[2] 完成春季学期各学段资助资金发放",
    ]
    assert "时段" not in calendar.replace("\r\n ", "")  # unfolded: a flat plan has no group to name
    assert re.findall(r"CATEGORIES:(.*)\r?\n", calendar)[0] == "2026年全县学生资助工作要点"
    assert re.findall(r"DTSTART;VALUE=DATE:(\d+)", calendar) == [
        "20260331", "20260430", "20260531", "20260930", "20261130", "20261231",
    ]  # fmt: skip


def test_docx_prints_the_list_as_printed_with_no_group_column_or_row(cli, tmp_path: Path) -> None:
    out = tmp_path / "points.docx"
    assert cli("render", POINTS, "-o", out).exit_code == 0
    data = out.read_bytes()
    assert reading_order(data) == [
        "2026年全县学生资助工作要点",
        "",
        *["序号", "工作内容", "责任单位", "完成时间", "备注"],
        *["1", "落实学前教育政府助学金政策，做到应助尽助", "资助中心", "3月底", ""],
        *["2", "完成春季学期各学段资助资金发放", "资助中心、计财股", "4月底", ""],
        *["3", "开展“诚信校园行”主题教育活动", "各学校", "5月", "与团县委联合开展"],
        *["4", "办理生源地信用助学贷款", "资助中心", "8月20日—9月30日", ""],
        *["5", "开展资助育人典型案例征集评选", "各学校", "11月", ""],
        *["6", "更新维护全国学生资助管理信息系统数据", "资助中心", "全年", "每月20日前更新"],
    ]
    body = part(data, "word/document.xml")
    assert body.xpath("//w:vMerge | //w:gridSpan", namespaces=NS) == []  # nothing merged, no heading row
    # no row is kept with the next: a page may end after any task
    assert body.xpath("//w:tbl//w:keepNext", namespaces=NS) == []


def test_numbers_in_the_text_where_the_plan_has_no_number_column(cli, tmp_path: Path) -> None:
    plan = _write(
        tmp_path,
        """title: 2026年4月工作安排
year: 2026
numbering: "1."
columns: [{header: 工作内容, role: task}, {header: 完成时限, role: time}]
tasks:
  - {text: 召开全县学生资助工作会议, deadline: 4月10日}
  - {text: 报送第一季度资助资金执行情况, deadline: 4月15日前}
""",
    )
    result = cli("render", plan, "-f", "md", "-o", "-")
    assert result.stdout.splitlines()[2:] == [
        "| 工作内容 | 完成时限 |",
        "|:---|:---:|",
        "| 1.召开全县学生资助工作会议 | 4月10日 |",
        "| 2.报送第一季度资助资金执行情况 | 4月15日前 |",
    ]


def test_markdown_and_html_print_one_row_per_task(cli, tmp_path: Path) -> None:
    markdown = cli("render", BUREAU, "-f", "md", "-o", "-").stdout
    assert markdown.splitlines()[2:6] == [
        "| 序号 | 工作内容 | 时间 | 责任股室 |",
        "|:---:|:---|:---:|:---:|",
        "| 1 | 全县中小学春季开学工作专项督导检查 | 3月2日—3月6日 | 督导室、基础教育股 |",
        "| 2 | 开展“学雷锋”志愿服务月活动 | 3月 | 德育股 |",
    ]
    html = tmp_path / "bureau.html"
    assert cli("render", BUREAU, "-o", html).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert "rowspan" not in page and "colspan" not in page
    assert len(re.findall(r"<tr>\s*<td class=\"number\">", page)) == 11
    assert re.findall(r"<th scope=\"col\">([^<]*)</th>", page) == ["序号", "工作内容", "时间", "责任股室"]


def _long_plan(tmp_path: Path) -> Path:
    tasks = "".join(
        f"  - {{text: 第{n}项工作：按照上级部署做好本项学生资助工作的组织实施和督促检查, "
        f"deadline: {(n - 1) % 12 + 1}月{n % 28 + 1}日, owner: 资助中心}}\n"
        for n in range(1, 61)
    )
    return _write(
        tmp_path,
        'title: 2026年学生资助工作任务清单\nyear: 2026\nnumbering: "1"\ncolumns:\n  - {header: 序号, role: number}\n'
        "  - {header: 工作内容, role: task}\n  - {header: 完成时间, role: time}\n"
        f"  - {{header: 责任单位, role: owner}}\ntasks:\n{tasks}",
        "long.yaml",
    )


def test_a_long_flat_table_breaks_between_rows_and_fills_its_pages(tmp_path: Path) -> None:
    plan = load_plan(_long_plan(tmp_path)).plan
    profile = profile_for(plan)
    layout, widths = table_layout(plan, profile)
    assert len(layout.rows) == 60
    assert not any(row.keep_with_next for row in layout.rows)
    pages = plan_pages(layout, profile, widths)
    assert pages.page_count >= 3
    # a page ends only where the next row does not fit on it: no block of rows is carried over whole
    starts = pages.starts()
    for page, start in enumerate(starts[1:]):
        room = pages.geometry.first if page == 0 else pages.geometry.other
        assert pages.used[page] + pages.heights[start] > room


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None, reason="no LibreOffice")
def test_every_page_of_a_long_flat_table_starts_with_the_header_row(cli, tmp_path: Path) -> None:
    out = tmp_path / "long.docx"
    assert cli("render", _long_plan(tmp_path), "-o", out).exit_code == 0
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp_path, out],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", tmp_path / "long.pdf", "-"], check=True, capture_output=True, text=True
    ).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    assert len(pages) >= 3
    for page in pages:
        lines = [line.split() for line in page.splitlines() if line.strip()]
        header = next(k for k, words in enumerate(lines) if words[:1] == ["序号"])
        assert lines[header] == ["序号", "工作内容", "完成时间", "责任单位"]
        assert header <= 1  # under the title on page 1, first on every other page
    numbers = [int(n) for n in re.findall(r"第 ?(\d+) ?项工作", text)]
    assert numbers == list(range(1, 61))  # every task once, in order, none lost at a page end


def test_a_terminal_shows_due_without_a_group_column(tmp_path: Path) -> None:
    from .test_terminal import in_terminal

    shown = in_terminal(["due", str(BUREAU), "--today", "2026-03-09", "--within", "3"], columns=100, NO_COLOR="1")
    header = next(line for line in shown.splitlines() if "编号" in line)
    assert header.split() == ["编号", "截止", "剩余", "任务", "责任单位"]
    assert any(line.split()[:3] == ["3", "2026-03-10", "还有1天"] for line in shown.splitlines())


def test_the_workbook_filled_in_is_recorded_and_ids_follow_an_inserted_task(cli, tmp_path: Path) -> None:
    import datetime as dt

    from openpyxl import load_workbook

    plan = _copy(BUREAU, tmp_path)
    book = tmp_path / "台账.xlsx"
    assert cli("status", plan, "--today", "2026-03-09", "-o", book).exit_code == 0
    workbook = load_workbook(book)
    sheet = workbook[plan.stem]
    assert [cell.value for cell in sheet[3]][:3] == ["2", None, "开展“学雷锋”志愿服务月活动"]
    sheet["F3"], sheet["G3"], sheet["H3"] = "已完成", dt.date(2026, 3, 8), "张三"
    workbook.save(book)
    result = cli("progress", "import", book)
    assert result.exit_code == 0, result.output
    assert "  第 3 行  2：已完成（2026-03-08，张三）" in result.output.splitlines()
    # a task inserted at the top: every number moves down one, and reid moves the record with its task
    text = plan.read_text(encoding="utf-8").replace(
        "tasks:\n", "tasks:\n  - {text: 召开全县教育系统春季开学工作部署会, deadline: 2月27日, owner: 办公室}\n"
    )
    plan.write_text(text, encoding="utf-8")
    result = cli("progress", "reid", plan)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "2 → 3"
    status = json.loads(cli("status", plan, "--today", "2026-03-09", "-f", "json").stdout)["plans"][0]
    assert (status["done"], status["total"]) == (1, 12)


def test_the_ledger_docx_has_no_period_column(cli, tmp_path: Path) -> None:
    out = tmp_path / "台账.docx"
    assert cli("status", BUREAU, "--today", "2026-03-09", "-o", out).exit_code == 0
    texts = reading_order(out.read_bytes())
    assert texts[:9] == [
        "平江县教育局2026年3月份工作安排完成情况",
        "",
        *["工作内容", "完成时限", "完成情况"],
        *["1　全县中小学春季开学工作专项督导检查", "3月6日", "逾期未完成"],
        "2　开展“学雷锋”志愿服务月活动",
    ]
