"""Calendar files: next year's official arrangement typed in from the notice, checked, and used by every command."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from .conftest import DATA

CASES = sorted((DATA / "invalid-calendars").glob("*.calendar.yaml"))
YEAR_2027 = DATA / "calendar-2027"


@pytest.mark.parametrize("case", CASES, ids=[p.name.split(".")[0] for p in CASES])
def test_each_calendar_problem_has_its_exact_message_and_location(cli, case: Path) -> None:
    expected_file = case.with_name(case.name.replace(".yaml", ".expected"))
    expected = [f"{case}:{line}" for line in expected_file.read_text(encoding="utf-8").splitlines()]
    result = cli("check", "--quiet", case)
    assert result.stdout.splitlines() == expected
    assert result.exit_code == 1


@pytest.fixture
def year_2027(in_tmp: Path) -> Path:
    shutil.copytree(YEAR_2027, in_tmp / "plans")
    return in_tmp / "plans"


def test_check_warns_on_a_2027_holiday_from_the_calendar_file(cli, year_2027: Path) -> None:
    result = cli("check", "plans")
    assert result.stdout.splitlines() == [
        "plans/plan.yaml:9:15: warning[W220]: 时段“六月份”的完成时间“6月9日”（2027-06-09）是端午节，不是工作日；"
        "前一个工作日是6月8日（星期二）"
    ]  # 2027-06-09 is a Wednesday: only the calendar file makes it a day off; no W221 for 2027 either
    assert result.stderr == "检查了 2 个文件：0 个错误，1 个警告\n"  # the plan and the calendar file


def test_due_counts_a_2027_make_up_saturday_as_a_working_day(cli, year_2027: Path) -> None:
    result = cli("due", "plans/plan.yaml", "--today", "2027-02-19", "--working-days", "--within", "5")
    assert result.exit_code == 0
    assert result.stderr == ""  # the file covers 2027: no "holiday data missing" notice
    # Friday 19 → Saturday 20 (春节调休上班) and Monday 22: two working days, not one
    assert "  1.1  2027-02-22  还有2个工作日     元月至5月份   报送寒假慰问情况" in result.stdout.splitlines()
    data = json.loads(cli("due", "plans/plan.yaml", "--today", "2027-02-19", "-f", "json").stdout)
    assert (data["items"][0]["working_days_left"], data["holiday_data_missing"]) == (2, [])


def test_calendar_command_shows_holidays_and_make_up_days_with_their_source(cli, year_2027: Path) -> None:
    result = cli("calendar", "2027")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "2027年的放假和调休上班（来自 plans/2027.calendar.yaml）"
    assert "  2027-06-09  星期三  端午节  plans/2027.calendar.yaml:9:25" in lines
    assert (
        lines[lines.index("调休上班（4 天）") + 1]
        == "  2027-02-20  星期六  春节调休上班    plans/2027.calendar.yaml:13:12"
    )
    assert lines[2] == "放假（29 天）"
    data = json.loads(cli("calendar", "2027", "--format", "json").stdout)
    assert (len(data["days_off"]), len(data["workdays"])) == (29, 4)


def test_calendar_command_names_the_library_for_a_year_it_has(cli, in_tmp: Path) -> None:
    result = cli("calendar", "2026")
    version = re.search(r"chinesecalendar [0-9.]+", result.stdout).group()
    assert result.stdout.splitlines()[0] == f"2026年的放假和调休上班（来自 {version}）"
    assert f"  2026-02-14  星期六  春节调休上班    {version}" in result.stdout.splitlines()


def test_a_year_without_data_says_exactly_how_to_add_it(cli, in_tmp: Path) -> None:
    (in_tmp / "plans").mkdir()
    result = cli("calendar", "2031")
    assert result.exit_code == 1
    version = re.search(r"chinesecalendar [0-9.]+", result.stderr).group()
    assert result.stderr == (
        f"aidplan: 没有 2031 年的官方安排：已安装的 {version} 只有 2004–2026 年的数据，"
        "plans 里也没有 2031 年的日历文件。\n"
        "国务院办公厅公布《关于2031年部分节假日安排的通知》后，新建 plans/2031.calendar.yaml，"
        "照通知写入放假和调休上班日期：\n"
        "\n"
        "# plans/2031.calendar.yaml\n"
        "year: 2031\n"
        "source: 国务院办公厅关于2031年部分节假日安排的通知\n"
        "holidays:\n"
        "  - {name: 元旦, dates: [2031-01-01]}\n"
        "  - {name: 春节, start: 2031-MM-DD, end: 2031-MM-DD}\n"
        "workdays:                       # 调休上班的星期六、星期日\n"
        "  - {date: 2031-MM-DD, name: 春节}\n"
        "\n"
        "然后运行 aidplan check plans/2031.calendar.yaml 检查它；计划和 due、status、export 会自动使用它\n"
    )


def test_the_plans_own_days_win_over_the_calendar_file(cli, year_2027: Path) -> None:
    plan = year_2027 / "plan.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8").replace("periods:", "calendar:\n  workdays: [2027-06-09]\nperiods:"),
        encoding="utf-8",
    )
    result = cli("check", "-q", "plans")
    assert (result.exit_code, result.stdout) == (0, "")


def test_a_broken_calendar_file_stops_the_plans_that_use_it(cli, year_2027: Path) -> None:
    shutil.copy(DATA / "invalid-calendars" / "E402-workday-not-weekend.calendar.yaml", year_2027 / "2027.calendar.yaml")
    due = cli("due", "plans/plan.yaml", "--today", "2027-02-19")
    assert due.exit_code == 1
    assert due.stderr.splitlines() == [
        "plans/2027.calendar.yaml:3:12: error[E402]: 调休上班日 2027-02-19 是星期五，本来就是工作日；"
        "workdays 只写调休上班的星期六、星期日",
        "aidplan: 1 个计划有错误，无法列出到期任务",
    ]
    check = cli("check", "-q", "plans")  # listed once, though the plan uses the file too
    assert check.stdout.count("E402") == 1


def test_a_configured_calendars_folder_not_made_yet_is_the_one_named_and_then_used(cli, in_tmp: Path) -> None:
    """README's aidplan.toml names calendars = ["calendars"] before the folder exists: the messages name the
    file to create inside it (not beside the plans), and once created there it is used."""
    (in_tmp / "aidplan.toml").write_text('calendars = ["calendars"]\n', encoding="utf-8")
    (in_tmp / "plans").mkdir()
    shutil.copy(YEAR_2027 / "plan.yaml", in_tmp / "plans" / "plan.yaml")
    result = cli("calendar", "2027")
    assert result.exit_code == 1
    first, second = result.stderr.splitlines()[:2]
    assert first.endswith("calendars（还不存在） 里也没有 2027 年的日历文件。")
    assert second.startswith(
        "国务院办公厅公布《关于2027年部分节假日安排的通知》后，新建 calendars/2027.calendar.yaml，"
    )
    check = cli("check", "plans/plan.yaml")
    assert (
        "把放假和调休上班日期写进 calendars/2027.calendar.yaml（运行 aidplan calendar 2027 显示格式）" in check.stdout
    )
    (in_tmp / "calendars").mkdir()
    shutil.copy(YEAR_2027 / "2027.calendar.yaml", in_tmp / "calendars" / "2027.calendar.yaml")
    assert (
        cli("calendar", "2027").stdout.splitlines()[0] == "2027年的放假和调休上班（来自 calendars/2027.calendar.yaml）"
    )
    assert "W221" not in cli("check", "plans/plan.yaml").stdout
