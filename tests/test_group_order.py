"""Order, overlap and gaps of time groups: every pair is compared, not only neighbours; whole-span groups
(全年, 全学期) run beside the others; 寒假 after 一月 in an autumn term meets 一月 only where the dates say so."""

from __future__ import annotations

from pathlib import Path

from .conftest import DATA

AUTUMN = """\
title: 2012年秋季学期学生资助工作安排
year: 2012
term: {{start: 2012-09-03{end}}}
periods:
  - label: 全学期
    tasks: [做好资助政策宣传]
  - label: 九月
    tasks: [开展新生资助工作]
  - label: 十月至十二月
    tasks: [评审国家助学金]
  - label: 一月
    tasks: [完成学期资助工作总结]
  - label: 寒假
{holiday}    tasks: [走访家庭经济困难学生]
"""


def _check(cli, folder: Path, text: str) -> list[str]:
    path = folder / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return cli("check", "-q", "plan.yaml").stdout.splitlines()


def test_an_overlap_with_a_group_further_up_is_found(cli) -> None:
    """1-6月 overlaps 3月份 (its neighbour) and 5月份 (two rows down), which neighbour checks missed: they
    took 3月份 → 5月份 for a gap."""
    result = cli("check", "-q", DATA / "invalid" / "E203-not-neighbours.yaml")
    assert [line.split(": ", 1)[1] for line in result.stdout.splitlines()] == [
        "error[E203]: 第2个时段“3月份”与第1个时段“1-6月”（第4行）重叠（2020-03-01 至 2020-03-31）",
        "error[E203]: 第3个时段“5月份”与第1个时段“1-6月”（第4行）重叠（2020-05-01 至 2020-05-31）",
    ]
    assert result.exit_code == 1


def test_a_group_before_several_earlier_ones_is_reported_once(cli) -> None:
    result = cli("check", "-q", DATA / "invalid" / "E202-before-an-earlier-period.yaml")
    assert [line.split(": ", 1)[1] for line in result.stdout.splitlines()] == [
        "error[E202]: 时段顺序不对：第4个时段“2月份”（2020-02-01 起）排在第1个时段“3月份”（第4行，2020-03-01 起）之后"
    ]


def test_a_whole_year_group_overlaps_no_month(cli, in_tmp: Path) -> None:
    plan = """\
title: 工作计划表
year: 2020
periods:
  - label: 全年
    tasks: [做好资助政策宣传]
  - label: 一月
    tasks: [部署全年工作]
  - label: 二月
    tasks: [审核名单]
  - label: 四月
    tasks: [开展月巡视]
  - label: {last}
    tasks: [全年资助工作总结]
"""
    assert _check(cli, in_tmp, plan.format(last="五月")) == [
        "plan.yaml:10:12: warning[W204]: 第3个时段“二月”（第8行）与第4个时段“四月”之间有空档"
        "（2020-03-01 至 2020-03-31 没有安排）"
    ]  # the whole year does not hide the gap in March either
    # the same dates written out are the whole year too; a half year is not
    assert _check(cli, in_tmp, plan.format(last="五月").replace("label: 全年", "label: 1-12月"))[0].startswith(
        "plan.yaml:10:12: warning[W204]"
    )
    assert _check(cli, in_tmp, plan.format(last="五月").replace("label: 全年", "label: 上半年"))[:2] == [
        "plan.yaml:6:12: error[E203]: 第2个时段“一月”与第1个时段“上半年”（第4行）重叠（2020-01-01 至 2020-01-31）",
        "plan.yaml:8:12: error[E203]: 第3个时段“二月”与第1个时段“上半年”（第4行）重叠（2020-02-01 至 2020-02-29）",
    ]


def test_winter_break_after_january_in_an_autumn_term(cli, in_tmp: Path) -> None:
    """The term ends on 20 January 2013 (week 20's Sunday): 一月 of the term ends there, 寒假 starts the next
    day. A 寒假 whose written dates reach into the term does overlap 一月, where the dates say so."""
    assert _check(cli, in_tmp, AUTUMN.format(end="", holiday="")) == []
    assert _check(cli, in_tmp, AUTUMN.format(end=", end: 2013-01-25", holiday="")) == []
    written = "    span: {start: 2013-01-14, end: 2013-02-20}\n"
    assert _check(cli, in_tmp, AUTUMN.format(end="", holiday=written)) == [
        "plan.yaml:13:12: error[E203]: 第5个时段“寒假”与第4个时段“一月”（第11行）重叠（2013-01-14 至 2013-01-20）"
    ]


def test_a_group_after_everything_above_but_not_its_neighbour_is_in_order(cli, in_tmp: Path) -> None:
    """Weeks of a term beside 全学期: the whole term is not compared, the weeks follow each other."""
    plan = """\
title: 2021年春季学期德育工作安排
year: 2021
term: {start: 2021-03-01}
periods:
  - label: 全学期
    tasks: [开展文明校园创建]
  - label: 第一周
    tasks: [开学典礼]
  - label: 第二周
    tasks: [主题班会]
  - label: 第四周
    tasks: [学雷锋志愿服务]
"""
    assert _check(cli, in_tmp, plan) == [
        "plan.yaml:11:12: warning[W204]: 第3个时段“第二周”（第9行）与第4个时段“第四周”之间有空档"
        "（2021-03-15 至 2021-03-21 没有安排）"
    ]


def test_a_gap_of_days_between_weeks_and_months_of_a_term_is_none(cli, in_tmp: Path) -> None:
    """The term starts on Monday 31 August: 开学前 ends on Sunday 30 August, 九月 starts on 1 September; the
    one day between is where weeks and months do not align, not a gap. A month left out still is."""
    plan = """\
title: 2026年秋季学期安全工作计划
year: 2026
term: {start: 2026-08-31, end: 2027-01-22}
periods:
  - label: 开学前
    tasks: [开展校舍安全排查]
  - label: 九月
    tasks: [开展开学安全教育]
  - label: 十一月
    tasks: [开展消防演练]
"""
    assert _check(cli, in_tmp, plan) == [
        "plan.yaml:9:12: warning[W204]: 第2个时段“九月”（第7行）与第3个时段“十一月”之间有空档"
        "（2026-10-01 至 2026-10-31 没有安排）"
    ]


NESTED = """\
title: 2021年春季学期德育工作安排
year: 2021
columns:
  - {{header: 月份, role: group}}
  - {{header: 周次, role: group}}
  - {{header: 工作内容, role: task}}
numbering: none
groups:
  - label: {first}
    groups:
      - label: {week1}
        tasks: [开学典礼]
      - label: {week2}
        tasks: [学雷锋志愿服务]
  - label: {second}
    groups:
      - label: {week3}
        tasks: [清明节主题班会]
  - label: 综合工作
    tasks: [6月30日前做好德育档案整理]
"""


def test_groups_holding_groups_are_compared_among_themselves(cli, in_tmp: Path) -> None:
    """月份 > 周次: the months among themselves, the weeks of one month among themselves; 综合工作 beside
    them is a category, never compared."""
    march = {"first": "三月", "week1": "3月1日-3月7日", "week2": "3月8日-3月14日"}
    april = {"second": "四月", "week3": "4月1日-4月7日"}
    assert _check(cli, in_tmp, NESTED.format(**march, **april)) == []
    swapped = {"first": "四月", "week1": "4月1日-4月7日", "week2": "4月8日-4月14日", "second": "三月"}
    assert _check(cli, in_tmp, NESTED.format(**swapped, week3="3月1日-3月7日")) == [
        "plan.yaml:15:12: error[E202]: 时段顺序不对：第2个时段“三月”（2021-03-01 起）排在第1个时段“四月”（第9行，"
        "2021-04-01 起）之后"
    ]
    overlapping = {**march, "week2": "3月5日-3月10日"}
    assert _check(cli, in_tmp, NESTED.format(**overlapping, **april)) == [
        "plan.yaml:13:16: error[E203]: 第2个时段“3月5日-3月10日”与第1个时段“3月1日-3月7日”（第11行）重叠"
        "（2021-03-05 至 2021-03-07）"
    ]
