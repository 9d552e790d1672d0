"""Progress records, `aidplan due`, `aidplan status`: the scenarios of the real plans, pinned."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEED_PLANS
from .docx_reading import reading_order


@pytest.fixture
def huaibei(in_tmp: Path) -> Path:
    return Path(shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "2020-huaibei.yaml")).relative_to(in_tmp)


@pytest.fixture
def yueyang(in_tmp: Path) -> Path:
    return Path(shutil.copy(SEED_PLANS["2014-yueyang"], in_tmp / "2014-yueyang.yaml")).relative_to(in_tmp)


def due_json(cli, *args) -> dict:
    result = cli("due", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def by_id(payload: dict) -> dict[str, dict]:
    return {item["id"]: item for item in payload["items"]}


def test_huaibei_on_10_may_without_progress(cli, huaibei: Path) -> None:
    payload = due_json(cli, huaibei, "--today", "2020-05-10")
    assert payload["today"] == "2020-05-10"
    items = by_id(payload)
    # the May tasks are due, each with its deadline
    may = {i: (v["deadline"], v["group"], v["days_left"]) for i, v in items.items() if i.startswith("5.")}
    assert may == {
        "5.1@5-20": ("2020-05-20", "upcoming", 10),
        "5.1@5-28": ("2020-05-28", "current", 18),
        "5.2": ("2020-05-25", "current", 15),  # 确保5月25日前完成资金发放
        "5.3": ("2020-05-31", "current", 21),
        "5.4": ("2020-05-31", "current", 21),
        "5.5": ("2020-05-31", "current", 21),
        "5.6": ("2020-05-31", "current", 21),
    }
    assert items["5.2"]["text"].endswith("确保5月25日前完成资金发放；")
    assert items["5.2"]["period"] == "五月份"
    # everything of the earlier periods is overdue, each monthly occurrence on its own
    overdue = sorted(i for i, v in items.items() if v["overdue"])
    assert overdue == sorted(
        [
            "1.1@1-20",
            "1.1@1-28",
            "1.1@2-20",
            "1.1@2-28",
            "1.2",
            "1.3",
            "3.1@3-20",
            "3.1@3-28",
            "3.2",
            "3.3",
            "4.1@4-20",
            "4.1@4-28",
            "4.2",
            "4.3",
            "4.4",
            "4.5",
        ]
    )
    assert items["1.2"] == {
        "plan": "2020-huaibei.yaml",
        "id": "1.2",
        "task": "1.2",
        "period": "元月至二月份",
        "text": "撰写上年度资助工作总结及本年度年工作计划；",
        "owner": None,
        "deadline": "2020-02-29",
        # working days: Mar 22 + Apr 22 (清明 4/6 off, Sunday 4/26 调休 worked)
        # + May 6-9 (劳动节 1-5 off, Sat 5/9 worked)
        "status": "todo",
        "overdue": True,
        "days_left": -71,
        "working_days_left": -48,
        "group": "overdue",
    }
    assert not any(i.startswith(("6.", "7.")) for i in items)  # later periods are not listed yet


def test_done_tasks_are_no_longer_overdue(cli, huaibei: Path, in_tmp: Path) -> None:
    result = cli("done", huaibei, "1.2", "4.1@4-20", "--on", "2020-04-21", "--by", "张三", "--note", "已上报")
    assert result.exit_code == 0
    assert result.stdout == "已记录 1.2、4.1@4-20：已完成（2020-04-21，张三）→ 2020-huaibei.progress.yaml\n"
    # a task id is for one occurrence: the one of its month (the last, 3-28, on 3-31), not the ones before
    assert cli("done", huaibei, "3.1", "--on", "2020-03-31").exit_code == 0
    items = by_id(due_json(cli, huaibei, "--today", "2020-05-10"))
    for gone in ("1.2", "4.1@4-20", "3.1@3-28"):
        assert gone not in items
    assert items["4.1@4-28"]["overdue"] is True
    assert items["3.1@3-20"]["overdue"] is True
    assert (in_tmp / "2020-huaibei.yaml").read_text(encoding="utf-8") == SEED_PLANS["2020-huaibei"].read_text(
        encoding="utf-8"
    )


def test_progress_file_is_appended_as_written(cli, huaibei: Path, in_tmp: Path) -> None:
    cli("done", huaibei, "1.2", "--on", "2020-02-27", "--by", "张三")
    progress = in_tmp / "2020-huaibei.progress.yaml"
    progress.write_text(progress.read_text(encoding="utf-8") + "# 手工加的注释\n", encoding="utf-8")
    cli("mark", huaibei, "4.3", "--status", "dropped", "--on", "2020-04-02", "--note", "改为下月")
    assert progress.read_text(encoding="utf-8") == (
        "# 进度记录（台账）：2020-huaibei.yaml。由 aidplan done / aidplan mark 追加，也可以手工编辑；\n"
        "# 每条记录一项任务在某天的状态（todo 未开始 / doing 进行中 / done 已完成 / dropped 已取消），"
        "后面的记录为准。\n"
        '- task: "1.2"\n  status: done\n  date: 2020-02-27\n  by: "张三"\n'
        '  text: "撰写上年度资助工作总结及本年度年工作计划"\n'
        "# 手工加的注释\n"
        '- task: "4.3"\n  status: dropped\n  date: 2020-04-02\n  note: "改为下月"\n  text: "开展月巡视；"\n'
    )


def test_latest_record_wins(cli, huaibei: Path) -> None:
    cli("mark", huaibei, "5.3", "-s", "doing", "--on", "2020-05-02")
    assert by_id(due_json(cli, huaibei, "--today", "2020-05-10"))["5.3"]["status"] == "doing"
    cli("done", huaibei, "5.3", "--on", "2020-05-08")
    assert by_id(due_json(cli, huaibei, "--today", "2020-05-10"))["5.3"]["status"] == "done"
    cli("mark", huaibei, "5.3", "-s", "todo", "--on", "2020-05-09", "--note", "退回重做")
    assert by_id(due_json(cli, huaibei, "--today", "2020-05-10"))["5.3"]["status"] == "todo"


def test_yueyang_in_mid_august(cli, yueyang: Path) -> None:
    items = by_id(due_json(cli, yueyang, "--today", "2014-08-15", "--within", "0"))
    summer = {i: (v["period"], v["deadline"], v["days_left"]) for i, v in items.items() if v["group"] == "current"}
    assert summer == {f"7.{n}": ("7月份至8月份", "2014-08-31", 16) for n in range(1, 9)}
    assert items["7.4"]["text"] == "维护和审核全国中职学生信息管理系统中7月份资助信息数据"
    assert len([v for v in items.values() if v["overdue"]]) == 5 + 7 + 6 + 6 + 6


def test_text_report_is_grouped_with_countdowns(cli, huaibei: Path) -> None:
    monthly = ["1.1@1-20", "1.1@1-28", "1.1@2-20", "1.1@2-28", "3.1@3-20", "3.1@3-28", "4.1@4-20", "4.1@4-28"]
    cli("done", huaibei, *monthly, "1.2", "1.3", "3.2", "3.3", "4.2", "4.3", "4.4", "--on", "2020-04-30")
    result = cli("due", huaibei, "--today", "2020-05-20", "--within", "5")
    assert result.exit_code == 0
    assert result.stdout == (
        "今天：2020-05-20（5 天内到期的也列出）\n"
        "\n"
        "淮北市2020年度学生资助工作月计划（2020-huaibei.yaml）\n"
        " 已逾期（1）\n"
        "  4.5       2020-04-30  已逾期20天    四月份        制定学生资助实施办法。\n"
        " 即将到期（2）\n"
        "  5.1@5-20  2020-05-20  今天到期      五月份        每月20日前更新维护学生资助管理及建档立卡信息系统数据，"
        "28日前上报当月月点评季通报表及相关报表；\n"
        "  5.2       2020-05-25  还有5天       五月份        发放中职、普通高中学生，"
        "幼儿园国家助学金及建档立卡学生资助资金，确保5月25日前完成资金发放；\n"
        " 本期任务：五月份（5）\n"
        "  5.1@5-28  2020-05-28  还有8天       五月份        每月20日前更新维护学生资助管理及建档立卡信息系统数据，"
        "28日前上报当月月点评季通报表及相关报表；\n"
        "  5.3       2020-05-31  还有11天      五月份        部署并开展春季学期资助大检查工作；\n"
        "  5.4       2020-05-31  还有11天      五月份        完成高三生源地贷款预申请统计工作；\n"
        "  5.5       2020-05-31  还有11天      五月份        宣传工作计划等各项工作制定；\n"
        "  5.6       2020-05-31  还有11天      五月份        做好2020年中职春季招生国家助学金及免学费受助对象的资格认定"
        "、上报、异动、月报工作。\n"
    )


def test_a_finished_year_is_summarised(cli, yueyang: Path) -> None:
    cli("done", yueyang, "1.1", "1.2", "--on", "2014-02-01")
    result = cli("due", yueyang, "--today", "2015-01-10")
    assert result.stdout.splitlines()[2:] == [
        "2014年学生资助管理中心工作计划表（2014-yueyang.yaml）",
        "  2014 年的计划已结束：共 59 项，57 项未完成",
    ]
    payload = due_json(cli, yueyang, "--today", "2015-01-10")
    assert payload["items"] == []
    assert payload["plans"] == [
        {
            "plan": "2014-yueyang.yaml",
            "title": "2014年学生资助管理中心工作计划表",
            "year": 2014,
            "ended": True,
            "total": 59,
            "unfinished": 57,
        }
    ]


def test_fail_on_overdue(cli, huaibei: Path) -> None:
    assert cli("due", huaibei, "--today", "2020-01-05", "--fail-on-overdue").exit_code == 0
    assert cli("due", huaibei, "--today", "2020-05-10", "--fail-on-overdue").exit_code == 1
    assert cli("status", huaibei, "--today", "2020-05-10", "--fail-on-overdue").exit_code == 1


def test_markdown_due_report(cli, huaibei: Path) -> None:
    result = cli("due", huaibei, "--today", "2020-02-25", "--within", "3", "--format", "md")
    lines = result.stdout.splitlines()
    assert lines[:6] == [
        "# 到期任务（2020-02-25）",
        "",
        "## 淮北市2020年度学生资助工作月计划",
        "",
        "`2020-huaibei.yaml`",
        "",
    ]
    assert (
        "| 1.1@1-20 | 元月至二月份 | 每月20日前更新维护学生资助管理及建档立卡信息系统数据，"
        "28日前上报当月月点评季通报表及相关报表； |  | 2020-01-20 | 已逾期36天 |" in lines
    )
    assert "### 即将到期（1）" in lines


def test_status_counts_per_plan_and_period(cli, huaibei: Path) -> None:
    # 1.1 on 2-27 is for its occurrence 1.1@2-28 only: 1-20, 1-28 and 2-20 stay open (overdue)
    cli("done", huaibei, "1.1", "1.2", "1.3", "--on", "2020-02-27")
    cli("mark", huaibei, "4.3", "-s", "dropped", "--on", "2020-04-02")
    result = cli("status", huaibei, "--today", "2020-05-10", "--format", "json")
    payload = json.loads(result.stdout)
    (plan,) = payload["plans"]
    assert (plan["done"], plan["total"], plan["overdue"], plan["dropped"], plan["percent"]) == (3, 59, 12, 1, 5)
    periods = {p["period"]: (p["done"], p["total"], p["overdue"]) for p in plan["periods"]}
    assert periods["元月至二月份"] == (3, 6, 3)
    assert periods["四月份"] == (0, 5, 5)
    assert periods["五月份"] == (0, 7, 0)
    text = cli("status", huaibei, "--today", "2020-05-10").stdout.splitlines()
    assert text[2] == "淮北市2020年度学生资助工作月计划（2020-huaibei.yaml）：完成 3/59（5%），逾期 12，取消 1"
    assert text[5] == "  三月份        0/4（0%），逾期 4"


def test_status_by_owner(cli, in_tmp: Path) -> None:
    (in_tmp / "p.yaml").write_text(
        "title: 计划\nyear: 2024\nowners: true\nperiods:\n  - label: 3月份\n    tasks:\n"
        "      - {text: 甲, owner: 资助科}\n      - {text: 乙, owner: 财务科}\n      - {text: 丙, owner: 资助科}\n",
        encoding="utf-8",
    )
    cli("done", "p.yaml", "3.1", "--on", "2024-03-05")
    owners = json.loads(cli("status", "p.yaml", "--today", "2024-04-02", "-f", "json").stdout)["plans"][0]["owners"]
    assert [(o["owner"], o["done"], o["total"], o["overdue"]) for o in owners] == [
        ("资助科", 1, 2, 1),
        ("财务科", 0, 1, 1),
    ]


def test_status_docx_is_a_ledger_in_the_official_layout(cli, huaibei: Path, in_tmp: Path) -> None:
    cli("done", huaibei, "1.2", "--on", "2020-02-27", "--by", "张三")
    result = cli("status", huaibei, "--today", "2020-05-10", "--format", "docx")
    assert result.stdout == "build/2020-huaibei.status.docx\n"
    data = (in_tmp / "build" / "2020-huaibei.status.docx").read_bytes()
    pieces = reading_order(data)
    from .docx_reading import NS, W, part

    size = part(data, "word/document.xml").find(".//w:body/w:sectPr/w:pgSz", NS)
    assert size.get(f"{{{W}}}orient") == "landscape"
    rows = part(data, "word/document.xml").findall(".//w:tbl/w:tr", NS)
    assert rows[0].find("w:trPr/w:tblHeader", NS) is not None
    assert pieces[0] == "淮北市2020年度学生资助工作月计划完成情况"
    assert pieces[2:6] == ["时 序", "主要工作项目内容", "完成时限", "完成情况"]
    assert pieces[6:10] == [
        "元月至二月份",
        "1.1@1-20　每月20日前更新维护学生资助管理及建档立卡信息系统数据，28日前上报当月月点评季通报表及相关报表；",
        "1月20日",
        "逾期未完成",
    ]
    assert "已完成（2月27日）；张三" in pieces
    assert pieces[-1] == "截至2020年5月10日：共 60 项，已完成 1 项（2%），逾期未完成 15 项。"


def test_unknown_task_id_is_refused_with_suggestions(cli, huaibei: Path, in_tmp: Path) -> None:
    result = cli("done", huaibei, "5.9")
    assert (result.exit_code, result.stderr) == (
        2,
        "aidplan: 2020-huaibei.yaml 里没有编号为“5.9”的任务；是不是 5.6、5.5、5.4？\n",
    )
    assert not (in_tmp / "2020-huaibei.progress.yaml").exists()


def test_bad_dates_are_usage_errors(cli, huaibei: Path) -> None:
    assert cli("due", huaibei, "--today", "下周一").stderr == (
        "aidplan: --today 的日期“下周一”看不懂；可以写 2020-05-20、2020/5/20、2020年5月20日、5月20日、今天或昨天\n"
    )
    assert (
        cli("done", huaibei, "1.2", "--on", "2月30日").stderr
        == "aidplan: --on 的日期“2月30日”不存在（2020年2月没有30日）\n"
    )


HAND_WRITTEN = """- task: "1.2"
  status: done
  date: 2020-02-27
- task: 5.10
  status: finished
  date: 2020-05-32
- task: "9.9"
  status: done
  date: 2020-06-01
"""


def test_hand_written_progress_with_typos_gets_located_errors(cli, huaibei: Path, in_tmp: Path) -> None:
    (in_tmp / "2020-huaibei.progress.yaml").write_text(HAND_WRITTEN, encoding="utf-8")
    result = cli("check", "-q", huaibei)
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if "W220" not in line] == [
        "2020-huaibei.progress.yaml:4:9: error[E302]: “task”应为文本，实际是数字 5.1（数字样子的文字请加引号，如 "
        '"5.10"）',  # the source text, not the number it was read as
        "2020-huaibei.progress.yaml:5:11: error[E302]: “status”的值不可用：“finished”；可选：“todo”、“doing”、“done”、"
        "“dropped”",
        "2020-huaibei.progress.yaml:6:9: error[E302]: “date”应为日期（如 2020-03-01），实际是“2020-05-32”",
    ]
    due = cli("due", huaibei, "--today", "2020-05-10")
    assert due.exit_code == 1
    assert due.stderr.splitlines()[-1] == "aidplan: 进度文件有错误，请先修正；无法列出到期任务"
    assert len(due.stderr.splitlines()) == 4  # the three findings, then the message
    # appending refuses too, and leaves the file as it was
    appended = cli("done", huaibei, "1.3")
    assert appended.exit_code == 1
    assert appended.stderr.splitlines()[-1] == "aidplan: 进度文件有错误，请先修正；这次没有写入任何记录"
    assert (in_tmp / "2020-huaibei.progress.yaml").read_text(encoding="utf-8") == HAND_WRITTEN


def test_records_naming_unknown_tasks_are_reported(cli, huaibei: Path, in_tmp: Path) -> None:
    (in_tmp / "2020-huaibei.progress.yaml").write_text(
        '- task: "5.9"\n  status: done\n  date: 2020-06-01\n', encoding="utf-8"
    )
    result = cli("check", "-q", in_tmp / "2020-huaibei.progress.yaml")
    assert result.exit_code == 1
    assert result.stdout == (
        f"{in_tmp / '2020-huaibei.progress.yaml'}:1:9: error[E303]: 计划里没有编号为“5.9”的任务；是不是 5.6、5.5、"
        "5.4？\n"
    )


def test_concurrent_done_commands_all_land(huaibei: Path, in_tmp: Path) -> None:
    ids = ["1.2", "1.3", "3.2", "3.3", "4.2", "4.3", "4.4", "4.5"]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "aidplan", "done", str(huaibei), task, "--on", "2020-05-01"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for task in ids
    ]
    results = [p.wait(timeout=60) for p in processes]
    assert results == [0] * len(ids)
    from aidplan.track.progress import load_progress

    loaded = load_progress(in_tmp / "2020-huaibei.progress.yaml")
    assert loaded.findings == []
    assert sorted(r.task for r in loaded.records) == sorted(ids)


def test_an_empty_progress_file_has_no_records(cli, huaibei: Path, in_tmp: Path) -> None:
    (in_tmp / "2020-huaibei.progress.yaml").write_text("# 还没有记录\n", encoding="utf-8")
    assert cli("check", "-q", huaibei).stdout.count("E30") == 0
    assert cli("done", huaibei, "1.2", "--on", "2020-02-27").exit_code == 0
    assert (
        (in_tmp / "2020-huaibei.progress.yaml").read_text(encoding="utf-8")
        == '# 还没有记录\n- task: "1.2"\n  status: done\n  date: 2020-02-27\n'
        '  text: "撰写上年度资助工作总结及本年度年工作计划"\n'
    )
