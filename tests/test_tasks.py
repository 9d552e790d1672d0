"""`aidplan tasks`: every task with its id, printed number, group, dates and where each date comes from."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from aidplan.plan.model import Plan
from aidplan.plan.schedule import schedule

from .conftest import PLANS

SPRING = """\
title: 2021年春季学期德育工作安排
year: 2021
owners: true
term: {name: 2020-2021学年第二学期, start: 2021-03-01}
periods:
  - label: 全学期
    tasks:
      - text: 每周一升旗仪式
        deadline: 每周一
        owner: 政教处
  - label: 预备周
    tasks: [制定班级德育计划]
  - label: 第一周
    tasks:
      - text: 开学典礼
        owner: 政教处、团委
  - label: 第二周（3月8日-3月14日）
    tasks:
      - 3月12日前完成植树节活动
      - text: 主题班会
        deadline: 3月12日
  - label: 第三周
    deadline: 3月19日
    tasks: [学雷锋志愿服务]
  - label: 日常工作
    span: {start: 2021-03-22, end: 2021-07-04}
    tasks: [每月20日前上报德育工作简报]
  - label: 期末
    tasks:
      - text: 完成学生综合素质评价
        deadline: 期末
        owner: 各班主任
"""


def _lines(result) -> list[str]:
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


def test_yueyang(cli) -> None:
    assert _lines(cli("tasks", PLANS / "2014-yueyang.yaml"))[:3] == [
        f"2014年学生资助管理中心工作计划表（{PLANS / '2014-yueyang.yaml'}）：59 项任务",
        "  编号  序号  时段          起止                      起止来源  截止        截止来源  责任单位  任务",
        "  1.1   1、   元月至2月份   2014-01-01 至 2014-02-28  时段名称  2014-02-28  时段结束  —         "
        "印发2014年度资助管理中心工作要点",
    ]


def test_huaibei(cli) -> None:
    lines = _lines(cli("tasks", PLANS / "2020-huaibei.yaml"))
    assert lines[0] == f"淮北市2020年度学生资助工作月计划（{PLANS / '2020-huaibei.yaml'}）：47 项任务"
    assert [line for line in lines if line.startswith(("  1.1 ", "  1.2 ", "  5.2 ", "  9.4 "))] == [
        "  1.1   1.    元月至二月份  2020-01-01 至 2020-02-29  时段名称  2020-01-20 起 4 次  每月"
        "例行“每月20日、28日”  —"
        "         每月20日前更新维护学生资助管理及建档立卡信息系统数据，28日前上报当月月点评季通报表及相关报表；",
        "  1.2   2.    元月至二月份  2020-01-01 至 2020-02-29  时段名称  2020-02-29          时段"
        "完成时间“2月29日”     —"
        "         撰写上年度资助工作总结及本年度年工作计划；",
        "  5.2   2.    五月份        2020-05-01 至 2020-05-31  时段名称  2020-05-25          文中"
        "日期“5月25日”         —"
        "         发放中职、普通高中学生，幼儿园国家助学金及建档立卡学生资助资金，确保5月25日前完成资金发放；",
        "  9.4   4.    九月份        2020-09-01 至 2020-09-30  时段名称  2020-09-24          文中"
        "日期“9月24日”         —"
        "         秋季建档立卡贫困家庭学生发放工作9月24日前完成；",
    ]


def test_a_term_plan_by_weeks(cli, in_tmp: Path) -> None:
    """Weeks of the term, a week with its dates printed, a weekly and a monthly rule, a written span, the
    term's 期末 as a deadline, owners as written."""
    (in_tmp / "plan.yaml").write_text(SPRING, encoding="utf-8")
    assert _lines(cli("tasks", "plan.yaml")) == [
        "2021年春季学期德育工作安排（plan.yaml）：8 项任务",
        "  编号   序号  时段                      起止                      起止来源  截止                 截止来源"
        "               责任单位      任务",
        "  3.1    1、   全学期                    2021-03-01 至 2021-07-18  学期      2021-03-01 "
        "起 20 次  每周例行“每周一”"
        "       政教处        每周一升旗仪式",
        "  w0.1   1、   预备周                    2021-02-22 至 2021-02-28  学期      2021-02-28           时段结束"
        "               —             制定班级德育计划",
        "  w1.1   1、   第一周                    2021-03-01 至 2021-03-07  学期      2021-03-07           时段结束"
        "               政教处、团委  开学典礼",
        "  w2.1   1、   第二周（3月8日-3月14日）  2021-03-08 至 2021-03-14  时段名称  2021-03-12  "
        "         文中日期“3月12日”"
        "      —             3月12日前完成植树节活动",
        "  w2.2   2、   第二周（3月8日-3月14日）  2021-03-08 至 2021-03-14  时段名称  2021-03-12  "
        "         任务截止“3月12日”"
        "      —             主题班会",
        "  w3.1   1、   第三周                    2021-03-15 至 2021-03-21  学期      2021-03-19  "
        "         时段完成时间“3月19日”"
        "  —             学雷锋志愿服务",
        "  3-2.1  1、   日常工作                  2021-03-22 至 2021-07-04  span      2021-04-20 "
        "起 3 次   每月例行“每月20日”"
        "     —             每月20日前上报德育工作简报",
        "  7.1    1、   期末                      2021-07-05 至 2021-07-18  学期      2021-07-18  "
        "         任务截止“期末”"
        "         各班主任      完成学生综合素质评价",
    ]
    payload = json.loads(cli("tasks", "plan.yaml", "-f", "json").stdout)
    (plan,) = payload["plans"]
    assert (plan["plan"], plan["title"]) == ("plan.yaml", "2021年春季学期德育工作安排")
    weekly, *_, daily, last = plan["tasks"]
    assert weekly["occurrences"][:3] == ["2021-03-01", "2021-03-08", "2021-03-15"] and len(weekly["occurrences"]) == 20
    assert daily == {
        "id": "3-2.1",
        "number": "1、",
        "group": "日常工作",
        "text": "每月20日前上报德育工作简报",
        "owner": None,
        "start": "2021-03-22",
        "end": "2021-07-04",
        "span_source": "span",
        "deadline": None,
        "deadline_source": "monthly",
        "deadline_text": "每月20日",
        "occurrences": ["2021-04-20", "2021-05-20", "2021-06-20"],  # 3月20日 is before the group starts
    }
    assert (last["deadline"], last["deadline_source"], last["deadline_text"], last["owner"]) == (
        "2021-07-18",
        "task",
        "期末",
        "各班主任",
    )


def test_csv_to_a_file_for_excel(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(SPRING.replace("开学典礼", "=开学典礼"), encoding="utf-8")
    out = _lines(cli("tasks", "plan.yaml", "-f", "csv"))
    assert out[0] == "计划,编号,序号,时段,任务,责任单位,开始,结束,起止来源,截止,截止来源,各次截止"
    assert out[3] == "plan.yaml,w1.1,1、,第一周,'=开学典礼,政教处、团委,2021-03-01,2021-03-07,学期,2021-03-07,时段结束,"
    assert _lines(cli("tasks", "plan.yaml", "-f", "csv", "-o", "tasks.csv")) == ["tasks.csv"]
    data = (in_tmp / "tasks.csv").read_bytes()
    assert data.startswith("\ufeff计划,编号".encode())
    assert data.decode("utf-8-sig").splitlines() == out
    refused = cli("tasks", "plan.yaml", "-o", "plan.yaml")
    assert refused.exit_code == 2 and "plan.yaml" in refused.stderr
    assert (in_tmp / "plan.yaml").read_text(encoding="utf-8").startswith("title: 2021年春季学期")


def test_a_plan_with_errors_is_refused(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(SPRING.replace("label: 预备周", "label: 迎检阶段"), encoding="utf-8")
    result = cli("tasks", "plan.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "aidplan: 1 个计划有错误，无法列出任务"


def test_written_ids_win_and_default_ids_yield(cli, in_tmp: Path) -> None:
    """A task's written id 3.2 takes the id the second task would get by default, which becomes 3.2-2; a
    group's written id 4 takes April's default key, which becomes 4-2. Two written ids alike stay E212."""
    (in_tmp / "plan.yaml").write_text(
        "title: 计划\nyear: 2020\nperiods:\n  - label: 3月上旬\n    tasks:\n      - {text: 甲, id: '3.2'}\n"
        "      - 乙\n      - 丙\n  - label: 3月11日-3月31日\n    tasks: [丁]\n  - label: 四月份\n    tasks: [戊]\n"
        "  - label: 五月份\n    id: '4'\n    tasks: [己]\n",
        encoding="utf-8",
    )
    listed = json.loads(cli("tasks", "plan.yaml", "-f", "json").stdout)["plans"][0]["tasks"]
    assert [task["id"] for task in listed] == ["3.2", "3.2-2", "3.3", "3-2.1", "4-2.1", "4.1"]


_LABELS = st.sampled_from(
    ["三月份", "3月上旬", "3月中旬", "3月下旬", "四月", "4月1日-4月15日", "4.16-4.30", "第一周", "第二周", "预备周",
     "第三周（3月15日-3月21日）", "3月第二周", "全学期", "期末", "开学初", "五月份", "5月份"]
)  # fmt: skip
_TASK = st.one_of(
    st.builds(lambda: "开展工作"),
    st.builds(lambda n: {"text": "开展工作", "number": n}, st.integers(1, 4)),
    st.builds(lambda: {"heading": "（一）资助宣传"}),
)


@settings(max_examples=150, deadline=None)
@given(
    groups=st.lists(
        st.tuples(_LABELS, st.lists(_TASK, min_size=1, max_size=5), st.sampled_from([None, "a", "b"])),
        min_size=1,
        max_size=8,
    ),
    scope=st.sampled_from(["group", "plan"]),
)
def test_default_ids_are_unique_by_construction(groups, scope) -> None:
    """Every shape the model builds today: months, parts of months, day ranges, term weeks with and without
    dates, school words, groups starting in the same month, repeated and skipped numbers, sub-headings,
    numbers running on across groups, written group ids (distinct ones): no two tasks share an id."""
    periods, written = [], set()
    for label, tasks, group_id in groups:
        period = {"label": label, "tasks": [*tasks, "开展工作"] if "heading" in tasks[-1] else tasks}
        if group_id is not None and group_id not in written:
            written.add(group_id)
            period["id"] = group_id
        periods.append(period)
    plan = Plan.model_validate(
        {"title": "计划", "year": 2021, "term": {"start": "2021-03-01"}, "numbering_scope": scope, "periods": periods}
    )
    ids = [task.id for item in schedule(plan) for task in item.tasks]
    assert len(ids) == len(set(ids)), ids


def test_nested_category_groups_and_task_time_cells(cli) -> None:
    """A responsibility table: 资助项目 › 阶段任务, categories with no dates of their own; a task's time cell
    that names several days gives its start and end, one that names a day its deadline only."""
    from .conftest import DATA

    plan = DATA / "tables" / "responsibility.yaml"
    lines = _lines(cli("tasks", plan))
    assert lines[2:5] == [
        "  c1.c1.1  1     国家助学金 › 宣传发动  —                         —         2021-09-10  任务截止“9月10日前”"
        "        学生资助科        印发资助政策简介并发放到每名新生",
        "  c1.c1.2  2     国家助学金 › 宣传发动  —                         —         2021-09-15  任务截止“9月15日”"
        "          学生资助科、团委  召开班主任资助工作培训会",
        "  c1.c2.1  1     国家助学金 › 评审认定  2021-09-20 至 2021-10-08  任务时间  2021-10-08"
        "  任务截止“9月20日-10月8日”  各系部            组织家庭经济困难学生认定",
    ]
