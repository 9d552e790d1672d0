"""The corpus under tests/data/corpus: plans in the shapes offices publish, each beside its printed text.

Every `NAME.yaml` there is one test id of each test below: it checks clean (or with exactly the findings the
source really has), its DOCX reads back as `NAME.txt`, and `export` and `due` give the dates a reader of the
printed plan would name."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from aidplan.plan.model import normalise_text

from .conftest import DATA
from .docx_reading import reading_order_once

CORPUS = DATA / "corpus"
PLANS = sorted(path.stem for path in CORPUS.glob("*.yaml"))

NO_2027_HOLIDAYS = (
    "warning",
    "W221",
    "已安装的节假日数据（chinesecalendar 1.11.0）没有 2027 年的官方安排，也没有 2027 年的日历文件：只按周末判断"
    "工作日；国务院办公厅公布通知后，把放假和调休上班日期写进 {dir}/2027.calendar.yaml（运行 aidplan calendar 2027 "
    "显示格式）",
)

# What `check` finds, as (line, severity, code, message): only what the printed plan really has. A plan that
# names a day of 2027 is told that the official 2027 holidays are not published yet.
FINDINGS: dict[str, list[tuple[int, str, str, str]]] = {
    "2026-school-aid": [(3, *NO_2027_HOLIDAYS)],
    "2026-2027-two-terms": [(4, *NO_2027_HOLIDAYS)],
    "2026-autumn-safety": [(4, *NO_2027_HOLIDAYS)],
    "2026-yi-categories": [
        (4, *NO_2027_HOLIDAYS),
        (31, "warning", "W217", "分组“四、夯实工作基础”的任务编号跳号：按顺序应为 3，写的是 4（按所写的印出）"),
    ],
    "2027-aid-center": [(4, *NO_2027_HOLIDAYS)],
}


def _weekdays(first: str, last: str) -> list[str]:
    """Every seventh day from `first` up to `last`: the dates of a weekly duty."""
    day, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    dates = []
    while day <= end:
        dates.append(day.isoformat())
        day += dt.timedelta(days=7)
    return dates


# Dates a reader names from the printed text: task text (its start, unique in the plan) → the deadline export
# gives it, or every date of a recurring task in order.
EXPORTED: dict[str, dict[str, str | list[str]]] = {
    "2025-autumn-deyu": {
        "开学典礼暨国旗下讲话": "2025-09-07",  # 第一周, from the term's first Monday
        "9月30日烈士纪念日主题队日活动": "2025-09-30",
        "“庆元旦、迎新年”班级联欢会": "2026-01-04",  # 第十八周 runs into the next year
        "1月23日休业式": "2026-01-23",
    },
    "2026-03-bureau-monthly": {
        "全县中小学春季开学工作专项督导检查": "2026-03-06",  # 3月2日—3月6日
        "开展“学雷锋”志愿服务月活动": "2026-03-31",  # 3月
        "召开2026年全县教育工作会议": "2026-03-10",  # 3月上旬
        "中小学校园安全隐患大排查": "2026-03-15",  # 3月第二周: 3月9日–15日
        "印发《2026年义务教育学校招生入学工作方案》": "2026-03-20",
        "全国中小学生安全教育日主题活动": "2026-03-30",
    },
    "2026-09-aid-categories": {
        "召开全区秋季学期学生资助工作部署会": "2026-09-04",  # 9.4
        "更新全国学生资助管理信息系统": "2026-09-18",  # 9.1-9.18
        "指导各校开展家庭经济困难学生认定": "2026-09-24",
        "通过开学典礼、家长会开展资助政策宣传": "2026-09-10",  # 9月上旬
        "在区教育局网站、微信公众号发布资助政策问答": "2026-09-20",  # 9月中旬 (a Sunday worked in 2026)
    },
    "2026-2027-two-terms": {
        "开展新生家庭经济困难学生认定": "2026-09-30",
        "10月30日前向县学生资助管理中心报送免学杂费名单": "2026-10-30",
        "整理第一学期资助档案": "2027-01-31",
        "开学初核查受助学生在校情况": "2027-02-28",  # the second table runs on in 2027
        "3月19日前报送春季学期免学杂费名单": "2027-03-19",
        "撰写学年学生资助工作总结": "2027-07-31",
    },
    "2026-autumn-safety": {
        "每周五放学前开展校园安全隐患排查": _weekdays("2026-09-04", "2027-01-22"),
        "每月15日前向镇教育办报送安全工作月报": [
            "2026-09-15",
            "2026-10-15",
            "2026-11-15",
            "2026-12-15",
            "2027-01-15",
        ],
        "8月28日前完成校舍、消防设施、食堂安全检查": "2026-08-28",
        "9月1日上好“开学安全第一课”": "2026-09-01",
        "11月9日全国消防日开展消防安全知识讲座": "2026-11-09",
        "1月15日前开展期末安全大检查": "2027-01-15",  # 一月 of an autumn term is next January
    },
    "2026-kindergarten": {
        "开学初摸排家庭经济困难幼儿情况": "2026-02-28",
        "3月20日前完成家庭经济困难幼儿资助申请和评审": "2026-03-20",
        "按规定发放学前教育资助资金": "2026-04-30",
        "撰写学期工作总结，7月10日放暑假": "2026-07-10",
    },
    "2026-preamble-signature": {
        "撰写2025年度学生资助工作总结": "2026-02-28",  # 1—2月
        "3月31日前完成春季学期学前教育资助名单审核": "2026-03-31",
        "办理生源地信用助学贷款，8月31日前完成贷款合同签订": "2026-08-31",
        "整理全年学生资助档案": "2026-12-31",  # 11—12月
    },
    "2026-school-aid": {
        "发布春季学期国家助学金评审通知": "2026-03-13",  # 3月13日前
        "评审秋季学期国家助学金": "2026-10-16",
        "比对秋季学期新增免学杂费学生信息": "2026-10-30",
        "整理全年资助档案": "2027-01-15",  # 次年1月15日前
    },
    "2026-spring-weekly": {
        "教职工返校，召开开学工作会议": "2026-03-01",  # 预备周 2.26-3.1
        "3月2日学生报到、注册，发放新教材": "2026-03-02",
        "制订各学科教学计划，开展集体备课": "2026-03-15",  # 第二周 3.9-3.15
        "3月30日全国中小学生安全教育日主题活动": "2026-03-30",
        "期中学业质量检测": "2026-05-03",  # 第九周 4.27-5.3
        "7月10日休业式": "2026-07-10",
    },
    "2026-vocational-aid": {
        "开学初核对在校生学籍信息": "2026-03-31",
        "3月10日前向市学生资助管理中心报送": "2026-03-10",
        "3月底前将国家助学金受助学生名单录入": "2026-03-31",
        "5月25日前完成春季学期免学费资金清算": "2026-05-25",
        "整理春季学期资助档案": "2026-07-31",
    },
    "2026-xun-weekly": {
        "部署秋季学期学生资助工作": "2026-09-10",  # 9月 上旬
        "受理生源地信用助学贷款续贷申请": "2026-09-20",  # 9月 中旬
        "审核各校国家助学金初审名单": "2026-09-30",  # 9月 下旬
        "拨付秋季学期普通高中国家助学金": "2026-11-10",
        "撰写年度工作总结，整理全年资助档案": "2026-12-31",
        "召开中心工作例会，安排本周工作": _weekdays("2026-09-07", "2026-12-28"),  # 每周一
        "汇总各校资助工作周报，更新工作台账": _weekdays("2026-09-04", "2026-12-25"),  # 每周五
    },
    "2026-yi-categories": {
        "全面落实学前教育": "2026-12-31",  # 全年
        "做好家庭经济困难学生认定工作": "2026-10-30",
        "开展“诚信校园行”主题教育活动": "2026-05-31",  # 5月
        "做好全国学生资助管理信息系统数据维护": "2026-12-31",  # 常年
        "整理全年学生资助档案，完成年度绩效自评": "2027-01-15",  # 次年1月15日前
    },
    "2027-aid-center": {
        "撰写2026年度学生资助工作总结": "2027-01-29",
        "拨付秋季学期学生资助资金": "2027-11-30",
        "开展年度资助工作绩效评价": "2027-12-31",
    },
}

# `due --today DAY`: task text → (its group in the report, its deadline).
DUE: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {
    "2025-autumn-deyu": ("2026-01-19", {"1月23日休业式": ("upcoming", "2026-01-23")}),
    "2026-03-bureau-monthly": (
        "2026-03-09",
        {"召开2026年全县教育工作会议": ("upcoming", "2026-03-10"), "全县中小学春季开学": ("overdue", "2026-03-06")},
    ),
    "2026-09-aid-categories": ("2026-09-14", {"印发《2026年秋季学期学生资助政策简介》": ("overdue", "2026-09-11")}),
    "2026-2027-two-terms": ("2027-03-15", {"3月19日前报送春季学期免学杂费名单": ("upcoming", "2027-03-19")}),
    "2026-autumn-safety": ("2027-01-05", {"1月15日前开展期末安全大检查": ("upcoming", "2027-01-15")}),
    "2026-kindergarten": ("2026-03-16", {"3月20日前完成家庭经济困难幼儿资助申请和评审": ("upcoming", "2026-03-20")}),
    "2026-preamble-signature": (
        "2026-08-20",
        {"办理生源地信用助学贷款，8月31日前完成贷款合同签订": ("upcoming", "2026-08-31")},
    ),
    "2026-school-aid": (
        "2027-01-05",  # the last group's own deadlines are in 2026, but the plan is not over
        {"整理全年资助档案": ("upcoming", "2027-01-15"), "撰写2026年度学生资助工作总结": ("overdue", "2026-12-31")},
    ),
    "2026-spring-weekly": ("2026-03-10", {"制订各学科教学计划，开展集体备课": ("upcoming", "2026-03-15")}),
    "2026-vocational-aid": (
        "2026-03-25",
        {
            "3月10日前向市学生资助管理中心报送": ("overdue", "2026-03-10"),
            "3月底前将国家助学金受助学生名单录入": ("upcoming", "2026-03-31"),
        },
    ),
    "2026-xun-weekly": ("2026-10-12", {"将秋季学期受助学生信息录入": ("upcoming", "2026-10-20")}),
    "2026-yi-categories": ("2026-10-20", {"做好家庭经济困难学生认定工作": ("upcoming", "2026-10-30")}),
    "2027-aid-center": ("2027-04-20", {"拨付春季学期学生资助资金": ("upcoming", "2027-04-30")}),
}


def test_every_transcription_is_listed_in_the_corpus_readme_and_every_row_has_one() -> None:
    listed = re.findall(r"^\| `([^`]+)` \|", (CORPUS / "README.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert len(listed) >= 12
    assert sorted(listed) == sorted(p.stem for p in CORPUS.glob("*.txt"))
    assert set(PLANS) <= set(listed)


def test_every_plan_pins_its_dates_and_every_pin_names_a_printed_plan() -> None:
    """The pins of a plan whose YAML cannot be written as printed yet stay here as what it must give."""
    printed = {path.stem for path in CORPUS.glob("*.txt")}
    assert set(PLANS) <= set(EXPORTED) & set(DUE)
    assert set(EXPORTED) | set(DUE) | set(FINDINGS) <= printed


@pytest.mark.parametrize("name", PLANS)
def test_plan_invents_no_dates(name: str) -> None:
    """No `span:`, and no ISO date outside `term:` (the term's first and last day are not printed)."""
    text = (CORPUS / f"{name}.yaml").read_text(encoding="utf-8")
    assert not re.search(r"^\s*(- )?span:", text, re.MULTILINE)
    without_term = re.sub(r"^term: \{[^}]*\}$", "", text, flags=re.MULTILINE)
    assert not re.search(r"\d{4}-\d{2}-\d{2}", without_term)


@pytest.mark.parametrize("name", PLANS)
def test_plan_checks_with_only_the_findings_the_source_has(cli, name: str) -> None:
    plan = CORPUS / f"{name}.yaml"
    result = cli("check", plan, "--format", "json")
    found = [
        (item["line"], item["severity"], item["code"], item["message"].replace(str(CORPUS), "{dir}"))
        for item in json.loads(result.stdout)["findings"]
    ]
    assert found == FINDINGS.get(name, [])
    assert result.exit_code == 0


@pytest.mark.parametrize("name", PLANS)
def test_docx_reads_back_as_the_printed_text(cli, tmp_path: Path, name: str) -> None:
    result = cli("render", CORPUS / f"{name}.yaml", "-f", "docx", "-d", tmp_path)
    assert result.exit_code == 0, result.output
    printed = normalise_text((CORPUS / f"{name}.txt").read_text(encoding="utf-8"))
    assert normalise_text("".join(reading_order_once((tmp_path / f"{name}.docx").read_bytes()))) == printed


def _rows(cli, name: str) -> list[dict[str, str]]:
    result = cli("export", CORPUS / f"{name}.yaml", "-f", "csv", "-o", "-")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))


@pytest.mark.parametrize("name", PLANS)
def test_export_gives_the_dates_a_reader_would(cli, name: str) -> None:
    rows = _rows(cli, name)
    for start, expected in EXPORTED[name].items():
        dates = [row["截止日期"] for row in rows if row["任务"].startswith(start)]
        assert dates == (expected if isinstance(expected, list) else [expected]), start


@pytest.mark.parametrize("name", PLANS)
def test_due_lists_what_a_reader_would_on_a_day(cli, name: str) -> None:
    today, expected = DUE[name]
    result = cli("due", CORPUS / f"{name}.yaml", "--today", today, "-f", "json")
    items = json.loads(result.stdout)["items"]
    for start, (group, deadline) in expected.items():
        matching = [(item["group"], item["deadline"]) for item in items if item["text"].startswith(start)]
        assert matching == [(group, deadline)], start
