"""W227: a deadline a term plan's words put outside its term (festivals, school words, quarters, a month of
6月、9月 the term leaves out); W228: a date in a task's text long before its group."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import DATA

COLUMNS = """columns:
  - {header: 类别, role: group}
  - {header: 工作内容, role: task}
  - {header: 完成时限, role: time}
"""

AUTUMN = (
    """title: 某校2026年秋季学期工作安排
year: 2026
term: {name: 2026年秋季学期, start: 2026-08-31, end: 2027-01-22}
"""
    + COLUMNS
    + """groups:
  - label: 一、资助工作
    tasks:
      - {text: a, deadline: '春节前'}
      - {text: b, deadline: '元旦前'}
      - {text: c, deadline: '端午节前'}
      - {text: d, deadline: '清明节前'}
      - {text: e, deadline: '中秋节前'}
      - {text: f, deadline: '6月、9月'}
      - {text: g, deadline: '春季学期'}
      - {text: h, deadline: '寒假前'}
      - {text: i, deadline: '暑假前'}
      - {text: j, deadline: '第一季度'}
      - {text: k, deadline: '寒假'}
      - {text: l, deadline: '开学前'}
      - {text: m, deadline: '2027年1月15日前'}
      - 8月25日前完成新生资助准备
      - 2027年3月10日前报送春季学期资助计划
"""
)

SPRING = (
    """title: 2026-2027学年第二学期学生资助工作安排
year: 2027
term: {name: 2026-2027学年第二学期, start: 2027-03-01, end: 2027-07-09}
"""
    + COLUMNS
    + """groups:
  - label: 一、资助工作
    tasks:
      - {text: a, deadline: '寒假前'}
      - {text: b, deadline: '暑假前'}
      - {text: c, deadline: '国庆节前'}
      - {text: d, deadline: '春节前'}
      - {text: e, deadline: '清明节前'}
      - {text: f, deadline: '五一前'}
"""
)


def _findings(cli, tmp_path: Path, text: str, *codes: str) -> list[str]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    result = cli("check", "-q", plan)
    return [line.removeprefix(f"{plan}:") for line in result.stdout.splitlines() if any(c in line for c in codes)]


def test_an_autumn_terms_festivals_and_school_words_read_outside_it_are_warned(cli, tmp_path: Path) -> None:
    term = "在学期（2026-08-31 至 2027-01-22）之外；请核对，或直接写明日期"
    assert _findings(cli, tmp_path, AUTUMN, "W227") == [
        f"13:29: warning[W227]: 任务 c1.3 的截止日期“端午节前”读作 2027-06-08，{term}",
        f"14:29: warning[W227]: 任务 c1.4 的截止日期“清明节前”读作 2027-04-04，{term}",
        "16:29: warning[W227]: 任务 c1.6 的截止日期“6月、9月”中的6月不在学期（2026-08-31 至 2027-01-22）之内，"
        "只排了9月的一次；如6月是别的学期的事，请写进那个学期的计划，或直接写明日期",
        f"17:29: warning[W227]: 任务 c1.7 的截止日期“春季学期”读作 2027-02-01 至 2027-07-31，{term}",
        # 暑假前 is the day before the summer holidays: in an autumn term, those before it
        f"19:29: warning[W227]: 任务 c1.9 的截止日期“暑假前”读作 2026-07-03，{term}",
        f"20:29: warning[W227]: 任务 c1.10 的截止日期“第一季度”读作 2026-01-01 至 2026-03-31，{term}",
        f"25:9: warning[W227]: 任务 c1.15 文中的日期“2027年3月10日”读作 2027-03-10，{term}",
    ]
    # not warned: 春节前 (2027-02-05) and 寒假 in the winter holidays after the term, 开学前 and 8月25日前 in the summer
    # holidays before it, 元旦前, 中秋节前 and 寒假前 (the term's last day) inside it


def test_a_spring_terms_other_term_words_are_warned_and_its_holidays_are_not(cli, tmp_path: Path) -> None:
    term = "在学期（2027-03-01 至 2027-07-09）之外；请核对，或直接写明日期"
    assert _findings(cli, tmp_path, SPRING, "W227") == [
        f"11:29: warning[W227]: 任务 c1.1 的截止日期“寒假前”读作 2027-01-29，{term}",
        f"13:29: warning[W227]: 任务 c1.3 的截止日期“国庆节前”读作 2027-09-30，{term}",
    ]


def test_in_english(cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(SPRING, encoding="utf-8")
    english = cli("--lang", "en", "check", "-q", plan).stdout.splitlines()
    assert (
        f"{plan}:13:29: warning[W227]: the deadline “国庆节前” of task c1.3 is read as 2027-09-30, outside the term "
        "(2027-03-01 to 2027-07-09); check it, or write the date out"
    ) in english


def test_a_holiday_group_and_a_week_of_the_term_are_not_warned_twice(cli, tmp_path: Path) -> None:
    plan = """title: 2026年秋季学期德育工作安排
year: 2026
term: {start: 2026-08-31, end: 2027-01-22}
periods:
  - label: 第二十一周
    tasks: [1月23日休业式]
  - label: 寒假
    span: {start: 2027-01-23, end: 2027-02-28}
    tasks: [春节前走访慰问困难学生, 2月20日前完成寒假社会实践]
"""
    found = _findings(cli, tmp_path, plan, "W224", "W227")
    assert [line.split(": ")[1] for line in found] == ["warning[W224]"]


def test_a_date_in_text_long_before_its_group(cli, tmp_path: Path) -> None:
    plan = """title: 某县2026年学生资助工作计划
year: 2026
periods:
  - label: 11—12月
    tasks:
      - 按2026年2月27日印发的通知要求整理档案
      - 2026年3月5日前报送总结
      - 3月5日前报送总结
      - 6月5日前报送总结
      - 2026年9月30日前完成秋季学期资助资金发放
"""
    assert _findings(cli, tmp_path, plan, "W225", "W228") == [
        "7:9: warning[W228]: 任务 11.2 文中的日期“2026年3月5日”（2026-03-05）早于时段“11—12月”的开始（2026-11-01）"
        "8 个月；如是别处的日期不必理会，如是本时段的截止日期，请改正年份或月份",
        # no year and within three months after the group: next year's, W225 (not W228 as well)
        "8:9: warning[W225]: 任务 11.3 文中的日期“3月5日”没有写年份，早于时段“11—12月”的开始，按次年读作 2027-03-05；"
        "如指次年，写成“次年3月5日”可免此警告，如指别的年份请写明年份",
        "9:9: warning[W228]: 任务 11.4 文中的日期“6月5日”（2026-06-05）早于时段“11—12月”的开始（2026-11-01）"
        "5 个月；如是别处的日期不必理会，如是本时段的截止日期，请改正年份或月份",
    ]  # 9月30日 is a month before the group: not far


def test_the_repositorys_plans_get_only_the_true_new_warning(cli) -> None:
    """Every plan in tests/data that is not a fixture of a finding: one W227, the sampler's 春季学期 in an autumn
    term (a task planned for the next term, due at its end); no W228."""
    plans = sorted(
        p
        for p in DATA.rglob("*.yaml")
        if "invalid" not in str(p) and not p.name.endswith((".progress.yaml", ".calendar.yaml"))
    )
    found = []
    for plan in plans:
        found += [line for line in cli("check", "-q", plan).stdout.splitlines() if "W227" in line or "W228" in line]
    assert [line.split(": warning")[0].removeprefix(f"{DATA}/") for line in found] == [
        "forms/autumn-term-forms.yaml:20:35"
    ]


def test_a_month_printed_after_an_autumn_terms_january_is_warned(cli, tmp_path: Path) -> None:
    """review4: 八月 after 一月 was dated August of the next year with only a gap (W204) said."""
    plan = """title: 2026年秋季学期工作安排
year: 2026
term: {name: 2026年秋季学期, start: 2026-08-31, end: 2027-01-22}
periods:
  - label: 七月至八月
    tasks: [暑期家访]
  - label: 十月
    tasks: [国庆安全]
  - label: 一月
    tasks: [期末]
  - label: 八月
    tasks: [暑期]
"""
    assert _findings(cli, tmp_path, plan, "W227") == [
        "11:12: warning[W227]: 时段“八月”读作 2027-08-01 至 2027-08-31，在学期（2026-08-31 至 2027-01-22）之外；"
        "请核对时段的顺序或写明年份（如“2026年8月”）"
    ]  # 七月至八月 before the term: its summer holidays


def test_dates_in_the_text_of_a_term_plans_category_are_read_near_the_term(cli, tmp_path: Path) -> None:
    """As its deadlines are: 春节前 and 1月15日 in an autumn term's category were read in year: (2026-02-16,
    2026-01-15, before the term) while `deadline: 春节前` gave 2027-02-05."""
    plan = (
        """title: 某校2026年秋季学期工作安排
year: 2026
term: {name: 2026年秋季学期, start: 2026-08-31, end: 2027-01-22}
"""
        + COLUMNS
        + """groups:
  - label: 一、资助工作
    tasks:
      - 春节前完成困难学生走访慰问
      - 1月15日前完成资助资金清算
      - 12月18日前报送统计表
      - 端午节前开展资助宣传
"""
    )
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    rows = json.loads(cli("tasks", "-f", "json", tmp_path / "plan.yaml").stdout)["plans"][0]["tasks"]
    assert [row["deadline"] for row in rows] == ["2027-02-05", "2027-01-15", "2026-12-18", "2027-06-08"]
    assert _findings(cli, tmp_path, plan, "W225", "W227") == [
        "14:9: warning[W227]: 任务 c1.4 文中的日期“端午节前”读作 2027-06-08，在学期（2026-08-31 至 2027-01-22）之外；"
        "请核对，或直接写明日期"
    ]
