"""What aidplan promises about the files it reads and writes, its locks and progress records: each test starts
from the command a user ran and what went wrong for them."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import SEED_PLANS

SMALL = """\
title: 测试计划
year: 2020
periods:
  - label: 5月份
    tasks:
      - 发放国家助学金
      - 开展资助大检查
"""


@pytest.fixture
def plan(in_tmp: Path) -> Path:
    path = in_tmp / "P.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return Path("P.yaml")


@pytest.fixture
def huaibei(in_tmp: Path) -> Path:
    shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "h.yaml")
    return Path("h.yaml")


def records(path: Path) -> list[dict]:
    """The records a progress file holds, as aidplan itself reads them."""
    from aidplan.track.progress import load_progress

    loaded = load_progress(path)
    assert loaded.findings == []
    return [r.model_dump(exclude_none=True, mode="json") for r in loaded.records]


# --- 1. No command writes over a file it reads -------------------------------------------------------------------

REFUSED = "aidplan: 不会写入 {out}：它是这次读取的{role}{same}；请换一个输出文件名\n"


@pytest.mark.parametrize(
    "command",
    [
        ["render", "P.yaml", "-f", "md"],
        ["render", "P.yaml", "-f", "docx"],
        ["export", "P.yaml", "-f", "ics"],
        ["export", "P.yaml", "-f", "csv"],
        ["status", "P.yaml", "-f", "docx"],
    ],
)
@pytest.mark.parametrize("spelling", ["P.yaml", "./P.yaml", "sub/../P.yaml", "link.yaml", "hard.yaml"])
def test_no_output_replaces_the_plan_it_reads(cli, plan: Path, in_tmp: Path, command: list[str], spelling: str) -> None:
    (in_tmp / "sub").mkdir()
    (in_tmp / "link.yaml").symlink_to("P.yaml")
    os.link(in_tmp / "P.yaml", in_tmp / "hard.yaml")
    result = cli(*command, "-o", spelling)
    same = "" if os.path.normpath(spelling) == "P.yaml" else "（与 P.yaml 是同一个文件）"
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        REFUSED.format(out=Path(spelling), role="计划", same=same),
    )
    assert (in_tmp / "P.yaml").read_text(encoding="utf-8") == SMALL
    assert (in_tmp / "link.yaml").is_symlink()


@pytest.mark.parametrize(
    "command",
    [["render", "P.yaml", "-f", "md"], ["export", "P.yaml", "-f", "csv"], ["status", "P.yaml", "-f", "docx"]],
)
def test_no_output_replaces_the_progress_file(cli, plan: Path, in_tmp: Path, command: list[str]) -> None:
    assert cli("done", "P.yaml", "5.1", "--on", "2020-05-02").exit_code == 0
    before = (in_tmp / "P.progress.yaml").read_bytes()
    result = cli(*command, "-o", "P.progress.yaml")
    assert (result.exit_code, result.stderr) == (2, REFUSED.format(out="P.progress.yaml", role="进度文件", same=""))
    assert (in_tmp / "P.progress.yaml").read_bytes() == before


def test_a_progress_file_not_yet_there_is_not_created_by_an_output(cli, plan: Path, in_tmp: Path) -> None:
    result = cli("render", "P.yaml", "-f", "md", "-o", "P.progress.yaml")
    assert (result.exit_code, result.stderr) == (2, REFUSED.format(out="P.progress.yaml", role="进度文件", same=""))
    assert not (in_tmp / "P.progress.yaml").exists()


def test_a_plan_named_like_its_output_is_not_replaced(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.md").write_text(SMALL, encoding="utf-8")
    result = cli("render", "plan.md", "-f", "md", "-d", ".")
    assert (result.exit_code, result.stderr) == (2, REFUSED.format(out="plan.md", role="计划", same=""))
    assert (in_tmp / "plan.md").read_text(encoding="utf-8") == SMALL


def test_a_template_is_not_replaced_by_the_render_that_reads_it(cli, plan: Path, in_tmp: Path) -> None:
    from aidplan.render.templating import packaged_templates

    shutil.copytree(packaged_templates(), in_tmp / "tpl")
    before = (in_tmp / "tpl" / "plan.md.j2").read_bytes()
    result = cli("render", "P.yaml", "-f", "md", "--templates", "tpl", "-o", "tpl/plan.md.j2")
    assert (result.exit_code, result.stderr) == (2, REFUSED.format(out="tpl/plan.md.j2", role="模板", same=""))
    assert (in_tmp / "tpl" / "plan.md.j2").read_bytes() == before


# --- 2. done/mark never break a valid progress file ---------------------------------------------------------------

OLD = {"task": "5.1", "status": "done", "date": "2020-05-02"}
NEW = {"task": "5.2", "status": "doing", "date": "2020-05-03", "text": "开展资助大检查"}


@pytest.mark.parametrize(
    ("before", "old", "kept"),
    [
        ("[]\n", [], None),
        ('[{task: "5.1", status: done, date: 2020-05-02}]\n', [OLD], None),
        ("~\n", [], None),
        ('# 台账\n- task: "5.1"\n  status: done\n  date: 2020-05-02\n...\n', [OLD], None),
        ('# 台账\n  - task: "5.1"\n    status: done\n    date: 2020-05-02\n', [OLD], "# 台账\n"),
        ('# 台账\n- task: "5.1"\n  status: done\n  date: 2020-05-02  # 按时\n', [OLD], "  # 按时\n"),
        ('- {task: "5.1", status: done, date: 2020-05-02}\n# 末尾', [OLD], "# 末尾\n"),
    ],
    ids=["empty-flow", "flow-list", "null", "document-end", "indented", "comment", "no-final-newline"],
)
def test_done_keeps_every_valid_progress_file_valid(
    cli, plan: Path, in_tmp: Path, before: str, old: list[dict], kept: str | None
) -> None:
    progress = in_tmp / "P.progress.yaml"
    progress.write_text(before, encoding="utf-8")
    result = cli("mark", "P.yaml", "5.2", "-s", "doing", "--on", "2020-05-03")
    assert (result.exit_code, result.stdout) == (0, "已记录 5.2：进行中（2020-05-03）→ P.progress.yaml\n")
    assert records(progress) == [*old, NEW]
    if kept is not None:  # a block list keeps the user's comments; the others are rewritten cleanly
        assert kept in progress.read_text(encoding="utf-8")
    assert cli("done", "P.yaml", "5.1", "--on", "2020-05-04").exit_code == 0
    assert records(progress)[-1] == {"task": "5.1", "status": "done", "date": "2020-05-04", "text": "发放国家助学金"}


def test_an_indented_list_grows_at_its_own_indentation(cli, plan: Path, in_tmp: Path) -> None:
    progress = in_tmp / "P.progress.yaml"
    progress.write_text('# 台账\n  - task: "5.1"\n    status: done\n    date: 2020-05-02\n', encoding="utf-8")
    assert cli("done", "P.yaml", "5.2", "--on", "2020-05-03").exit_code == 0
    assert progress.read_text(encoding="utf-8") == (
        '# 台账\n  - task: "5.1"\n    status: done\n    date: 2020-05-02\n'
        '  - task: "5.2"\n    status: done\n    date: 2020-05-03\n    text: "开展资助大检查"\n'
    )


@pytest.mark.parametrize(
    ("name", "escaped"),
    [
        ("a\nb.yaml", "a\\u000ab.yaml"),
        ("a\rb.yaml", "a\\u000db.yaml"),
        ("a\u2028b.yaml", "a\\u2028b.yaml"),
        ("a\x85b.yaml", "a\\u0085b.yaml"),
    ],
)
def test_a_plan_name_with_a_line_break_does_not_break_the_header(cli, in_tmp: Path, name: str, escaped: str) -> None:
    (in_tmp / name).write_text(SMALL, encoding="utf-8")
    progress = in_tmp / (name[:-5] + ".progress.yaml")
    assert cli("done", name, "5.1", "--on", "2020-05-02").exit_code == 0
    assert cli("done", name, "5.2", "--on", "2020-05-03").exit_code == 0
    assert [r["task"] for r in records(progress)] == ["5.1", "5.2"]
    assert progress.read_text(encoding="utf-8").startswith(f"# 进度记录（台账）：{escaped}。")


# --- 3. Two plans of one name never write one output ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "again"),
    [(["export"], "导出"), (["export", "-f", "csv"], "导出"), (["status", "-f", "docx"], "生成"), (["render"], "渲染")],
)
def test_same_named_plans_into_one_folder_are_refused(cli, in_tmp: Path, command: list[str], again: str) -> None:
    for folder in ("a", "b"):
        (in_tmp / folder).mkdir()
        (in_tmp / folder / "plan.yaml").write_text(SMALL, encoding="utf-8")
    result = cli(*command, "a/plan.yaml", "b/plan.yaml", "-d", "out")
    assert (result.exit_code, result.stderr) == (
        2,
        f"aidplan: 有同名的计划文件（plan），输出会互相覆盖；请分开{again}或改名\n",
    )
    assert not (in_tmp / "out").exists()


# --- 4. A progress file that is a symlink is written through -------------------------------------------------------


def test_a_symlinked_progress_file_gets_the_record_at_its_target(cli, plan: Path, in_tmp: Path) -> None:
    (in_tmp / "shared").mkdir()
    target = in_tmp / "shared" / "records.yaml"
    target.write_text("# 共用的台账\n", encoding="utf-8")
    (in_tmp / "P.progress.yaml").symlink_to("shared/records.yaml")
    assert cli("done", "P.yaml", "5.1", "--on", "2020-05-02").exit_code == 0
    assert (in_tmp / "P.progress.yaml").is_symlink()
    assert target.read_text(encoding="utf-8").startswith('# 共用的台账\n- task: "5.1"\n')
    assert [r["task"] for r in records(in_tmp / "P.progress.yaml")] == ["5.1"]
    assert os.listdir(in_tmp / "shared") == ["records.yaml"]


def test_a_symlinked_output_is_written_through(cli, plan: Path, in_tmp: Path) -> None:
    (in_tmp / "site").mkdir()
    (in_tmp / "P.md").symlink_to("site/index.md")
    assert cli("render", "P.yaml", "-f", "md", "-o", "P.md").exit_code == 0
    assert (in_tmp / "P.md").is_symlink()
    assert "发放国家助学金" in (in_tmp / "site" / "index.md").read_text(encoding="utf-8")


# --- 5. a.yaml and a.yml never share a.progress.yaml ---------------------------------------------------------------

SHARED = "a.yaml 和 a.yml 会共用进度文件 a.progress.yaml，两个计划的记录会混在一起；请把其中一个改名（或移到别的目录）"


@pytest.mark.parametrize("command", [["done", "a.yml", "5.1"], ["due", "a.yaml"], ["status", "a.yml"]])
def test_twin_plans_sharing_a_progress_file_are_refused(cli, in_tmp: Path, command: list[str]) -> None:
    (in_tmp / "a.yaml").write_text(SMALL, encoding="utf-8")
    (in_tmp / "a.yml").write_text(SMALL.replace("测试计划", "另一个计划"), encoding="utf-8")
    result = cli(*command)
    assert (result.exit_code, result.stderr) == (2, f"aidplan: {SHARED}\n")
    assert not (in_tmp / "a.progress.yaml").exists()
    checked = cli("check", ".")
    assert checked.exit_code == 1
    assert checked.stdout == f"a.yaml:1:1: error[E305]: {SHARED}\na.yml:1:1: error[E305]: {SHARED}\n"


# --- 6. Nothing hangs on a FIFO or a device ------------------------------------------------------------------------


def run_aidplan(*args: str | bytes, cwd: Path, env: dict | None = None, timeout: float = 30):
    return subprocess.run(
        [sys.executable, "-m", "aidplan", *args],
        cwd=cwd,
        capture_output=True,
        timeout=timeout,  # a hang fails the test instead of the suite
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    ("path", "kind"), [("fifo.yaml", "命名管道（FIFO）"), ("/dev/zero", "设备文件"), ("/dev/urandom", "设备文件")]
)
def test_a_plan_that_is_not_a_regular_file_is_refused_at_once(in_tmp: Path, path: str, kind: str) -> None:
    os.mkfifo(in_tmp / "fifo.yaml")
    result = run_aidplan("check", path, cwd=in_tmp)
    assert result.returncode == 1
    message = f"{path}:1:1: error[E100]: 无法读取文件：这是{kind}，不是普通文件；计划和进度文件应是普通的文本文件\n"
    assert result.stdout.decode() == message
    result = run_aidplan("due", path, "--today", "2020-05-01", cwd=in_tmp)
    assert (result.returncode, result.stderr.decode().splitlines()[0]) == (1, message.rstrip("\n"))


def test_a_progress_file_that_is_a_fifo_is_refused(plan: Path, in_tmp: Path) -> None:
    os.mkfifo(in_tmp / "P.progress.yaml")
    result = run_aidplan("done", "P.yaml", "5.1", cwd=in_tmp)
    assert result.returncode == 1
    assert result.stderr.decode().startswith(
        "P.progress.yaml:1:1: error[E100]: 无法读取文件：这是命名管道（FIFO），不是普通文件"
    )
    assert stat.S_ISFIFO(os.lstat(in_tmp / "P.progress.yaml").st_mode)


def test_a_template_that_is_a_fifo_is_refused(plan: Path, in_tmp: Path) -> None:
    (in_tmp / "tpl").mkdir()
    os.mkfifo(in_tmp / "tpl" / "plan.md.j2")
    result = run_aidplan("render", "P.yaml", "-f", "md", "--templates", "tpl", cwd=in_tmp)
    assert (result.returncode, result.stderr.decode()) == (
        2,
        "aidplan: 模板 tpl/plan.md.j2 是命名管道（FIFO），不是普通文件\n",
    )


def test_reads_stop_at_the_limit(in_tmp: Path) -> None:
    from aidplan.files import InputTooLarge, read_input

    (in_tmp / "big").write_bytes(b"x" * 101)
    with pytest.raises(InputTooLarge):
        read_input(in_tmp / "big", 100, "计划")
    assert read_input(in_tmp / "big", 101, "计划") == b"x" * 101


# --- 15. File names that are not UTF-8 -----------------------------------------------------------------------------


def test_a_gbk_file_name_is_recorded_and_leaves_no_lock(huaibei: Path, in_tmp: Path) -> None:
    name = "计划".encode("gbk") + b".yaml"  # as unzipped from a Windows archive
    os.rename(in_tmp / "h.yaml", os.path.join(os.fsencode(in_tmp), name))
    result = run_aidplan("done", name, "1.2", "--on", "2020-02-27", cwd=in_tmp)
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode() == "已记录 1.2：已完成（2020-02-27）→ \\xbc\\xc6\\xbb\\xae.progress.yaml\n"
    progress = os.path.join(os.fsencode(in_tmp), "计划".encode("gbk") + b".progress.yaml")
    assert open(progress, "rb").read().startswith("# 进度记录（台账）：\\xbc\\xc6\\xbb\\xae.yaml。".encode())
    assert sorted(os.listdir(os.fsencode(in_tmp))) == sorted([name, "计划".encode("gbk") + b".progress.yaml"])
    assert run_aidplan("check", name, cwd=in_tmp).returncode == 0


def test_a_chinese_name_under_the_c_locale(huaibei: Path, in_tmp: Path) -> None:
    os.rename(in_tmp / "h.yaml", in_tmp / "计划.yaml")
    c_locale = {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": "utf-8"}
    result = run_aidplan("done", "计划.yaml", "1.2", "--on", "2020-02-27", env=c_locale, cwd=in_tmp)
    assert (result.returncode, result.stdout.decode()) == (0, "已记录 1.2：已完成（2020-02-27）→ 计划.progress.yaml\n")
    assert sorted(os.listdir(in_tmp)) == ["计划.progress.yaml", "计划.yaml"]
    assert (in_tmp / "计划.progress.yaml").read_text(encoding="utf-8").startswith("# 进度记录（台账）：计划.yaml。")


# --- 19. Records keep pointing at their task after the plan is edited ---------------------------------------------


def insert_first_task(in_tmp: Path) -> None:
    (in_tmp / "P.yaml").write_text(
        SMALL.replace("      - 发放", "      - 新插入的任务\n      - 发放"), encoding="utf-8"
    )


def test_a_shift_of_ids_is_reported_and_reid_repairs_it(cli, plan: Path, in_tmp: Path) -> None:
    assert cli("done", "P.yaml", "5.2", "--on", "2020-05-03").exit_code == 0
    (in_tmp / "P.progress.yaml").write_text(
        (in_tmp / "P.progress.yaml").read_text(encoding="utf-8") + "# 检查组已确认\n", encoding="utf-8"
    )
    insert_first_task(in_tmp)  # 发放… is now 5.2 and 开展资助大检查 5.3: the record points at the wrong task
    result = cli("check", "P.yaml")
    assert (result.exit_code, result.stdout) == (
        0,
        "P.progress.yaml:3:9: warning[W306]: 记录“5.2”是为“开展资助大检查”写的，但现在 5.2 是“发放国家助学金”；"
        "任务编号像是变了，现在是 5.3；运行 aidplan progress reid 改正记录的编号\n",
    )
    assert cli("check", "--strict", "P.yaml").exit_code == 1
    dry = cli("progress", "reid", "P.yaml", "--dry-run")
    assert dry.stdout == "5.2 将改为 5.3\n（--dry-run：P.progress.yaml 没有改动）\n"
    assert records(in_tmp / "P.progress.yaml")[0]["task"] == "5.2"
    result = cli("progress", "reid", "P.yaml")
    assert (result.exit_code, result.stdout) == (0, "5.2 → 5.3\n已改正 1 条记录的编号 → P.progress.yaml\n")
    text = (in_tmp / "P.progress.yaml").read_text(encoding="utf-8")
    assert '- task: "5.3"\n' in text and text.endswith("# 检查组已确认\n")  # comments kept
    assert cli("check", "--strict", "P.yaml").exit_code == 0
    status = json.loads(cli("status", "P.yaml", "--today", "2020-05-10", "-f", "json").stdout)
    assert status["plans"][0]["done"] == 1
    assert cli("progress", "reid", "P.yaml").stdout == "P.progress.yaml：没有需要改动的编号\n"


def test_a_record_whose_id_disappeared_names_its_new_id(cli, plan: Path, in_tmp: Path) -> None:
    assert cli("done", "P.yaml", "5.2", "--on", "2020-05-03").exit_code == 0
    (in_tmp / "P.yaml").write_text(SMALL.replace("      - 发放国家助学金\n", ""), encoding="utf-8")
    result = cli("check", "P.yaml")
    assert (result.exit_code, result.stdout) == (
        1,
        "P.progress.yaml:3:9: error[E303]: 计划里没有编号为“5.2”的任务；"
        "按记录里的任务内容，它现在的编号是 5.1（运行 aidplan progress reid 改正）\n",
    )
    assert cli("progress", "reid", "P.yaml").stdout == "5.2 → 5.1\n已改正 1 条记录的编号 → P.progress.yaml\n"
    assert cli("check", "P.yaml").exit_code == 0


def test_reid_moves_monthly_occurrences_with_their_task(cli, huaibei: Path, in_tmp: Path) -> None:
    assert cli("done", "h.yaml", "5.1@5-20", "5.3", "--on", "2020-05-20").exit_code == 0
    text = (in_tmp / "h.yaml").read_text(encoding="utf-8")
    (in_tmp / "h.yaml").write_text(
        text.replace("      - 部署并开展春季", "      - 新增任务；\n      - 部署并开展春季"), encoding="utf-8"
    )
    result = cli("progress", "reid", "h.yaml")
    assert result.stdout == "5.3 → 5.4\n已改正 1 条记录的编号 → h.progress.yaml\n"  # 5.1@5-20 did not move
    assert [r["task"] for r in records(in_tmp / "h.progress.yaml")] == ["5.1@5-20", "5.4"]


# --- 20. Records dated in the future -------------------------------------------------------------------------------


def test_as_of_reports_ignore_later_records(cli, huaibei: Path) -> None:
    assert cli("done", "h.yaml", "5.2", "--on", "2020-05-24").exit_code == 0
    earlier = json.loads(cli("status", "h.yaml", "--today", "2020-05-10", "-f", "json").stdout)
    later = json.loads(cli("status", "h.yaml", "--today", "2020-05-24", "-f", "json").stdout)
    assert (earlier["plans"][0]["done"], later["plans"][0]["done"]) == (0, 1)
    due = json.loads(cli("due", "h.yaml", "--today", "2020-05-10", "-f", "json").stdout)
    assert {i["id"]: i["status"] for i in due["items"]}["5.2"] == "todo"


def test_a_record_dated_after_today_is_warned_about(cli, plan: Path, in_tmp: Path) -> None:
    today = dt.date.today()
    future = today.replace(year=today.year + 10) if not (today.month == 2 and today.day == 29) else dt.date(2100, 1, 1)
    result = cli("done", "P.yaml", "5.1", "--on", future.isoformat())
    assert result.exit_code == 0
    assert result.stderr == (
        f"注意：记录日期 {future} 晚于今天（{today}）；在那天之前它不计入 due/status，"
        "之后会压过日期更早的记录；如果写错了，请在进度文件里改正这一行\n"
    )
    checked = cli("check", "P.yaml")
    assert (checked.exit_code, checked.stdout) == (
        0,
        f"P.progress.yaml:5:9: warning[W307]: 记录“5.1”的日期 {future} 晚于今天；"
        "在那天之前它不计入报告，之后会压过更早日期的记录\n",
    )
    assert cli("done", "P.yaml", "5.2", "--on", "2020-05-02").stderr == ""


# --- 21. On one date, the later line wins, also between a task and its occurrence -----------------------------------


def test_the_later_line_wins_between_a_task_and_its_occurrence(cli, huaibei: Path) -> None:
    assert cli("mark", "h.yaml", "5.1@5-20", "-s", "doing", "--on", "2020-05-20").exit_code == 0
    assert cli("done", "h.yaml", "5.1", "--on", "2020-05-20").exit_code == 0
    items = json.loads(cli("due", "h.yaml", "--today", "2020-05-20", "-f", "json").stdout)["items"]
    assert {i["id"]: i["status"] for i in items}.get("5.1@5-20") in (None, "done")  # done: no longer listed
    status = json.loads(cli("status", "h.yaml", "--today", "2020-05-20", "-f", "json").stdout)
    may = next(p for p in status["plans"][0]["periods"] if p["period"] == "五月份")
    assert may["done"] == 1  # 5.1 on 5-20 is its occurrence 5.1@5-20 (not 5-28 too)
    assert cli("mark", "h.yaml", "5.1@5-20", "-s", "doing", "--on", "2020-05-20").exit_code == 0
    items = json.loads(cli("due", "h.yaml", "--today", "2020-05-20", "-f", "json").stdout)["items"]
    assert {i["id"]: i["status"] for i in items}["5.1@5-20"] == "doing"


# --- 22. check of a progress file fails when its plan does ---------------------------------------------------------


def test_checking_a_progress_file_reports_its_plans_errors(cli, plan: Path, in_tmp: Path) -> None:
    assert cli("done", "P.yaml", "5.1", "--on", "2020-05-02").exit_code == 0
    (in_tmp / "P.yaml").write_text(SMALL.replace("year: 2020", "year: 二〇二〇"), encoding="utf-8")
    result = cli("check", "P.progress.yaml")
    assert result.exit_code == 1
    assert result.stdout.startswith("P.yaml:2:7: error[E110]: “year”应为整数")


def test_checking_a_progress_file_reports_unknown_tasks(cli, plan: Path, in_tmp: Path) -> None:
    (in_tmp / "P.progress.yaml").write_text('- task: "9.9"\n  status: done\n  date: 2020-05-02\n', encoding="utf-8")
    result = cli("check", "P.progress.yaml")
    assert result.exit_code == 1
    assert result.stdout.startswith("P.progress.yaml:1:9: error[E303]: 计划里没有编号为“9.9”的任务")


# --- Locks, temporary files, read-only files ----------------------------------------------------------------------


def test_the_lock_lives_outside_the_plans_folder_and_any_account_may_take_it(cli, plan: Path, in_tmp: Path) -> None:
    import hashlib

    from aidplan.files import lock_folder

    assert cli("done", "P.yaml", "5.1", "--on", "2020-05-02").exit_code == 0
    assert sorted(os.listdir(in_tmp)) == ["P.progress.yaml", "P.yaml"]  # nothing for git add . to pick up
    name = hashlib.sha256(os.fsencode(os.path.realpath(in_tmp / "P.progress.yaml"))).hexdigest()[:32] + ".lock"
    lock = lock_folder() / name
    assert stat.S_IMODE(lock.stat().st_mode) == 0o666
    assert stat.S_IMODE(lock_folder().stat().st_mode) == 0o777  # not sticky: see files.lock_folder


def test_a_held_lock_makes_the_second_writer_wait_then_give_up(plan: Path, in_tmp: Path) -> None:
    from aidplan.files import locked

    code = (
        "import sys\nfrom pathlib import Path\nfrom aidplan.files import locked\n"
        "from aidplan.errors import AidplanError\n"
        "try:\n    with locked(Path('P.progress.yaml'), 0.2): pass\n"
        "except AidplanError as e:\n    print(e)\n    sys.exit(3)\n"
    )
    with locked(in_tmp / "P.progress.yaml", 5):
        child = subprocess.run([sys.executable, "-c", code], cwd=in_tmp, capture_output=True, text=True, timeout=30)
    assert (child.returncode, child.stdout) == (3, "P.progress.yaml 正被另一个 aidplan 命令写入，0 秒后仍未释放\n")
    after = subprocess.run([sys.executable, "-c", code], cwd=in_tmp, capture_output=True, text=True, timeout=30)
    assert after.returncode == 0


def test_stale_temporary_files_of_killed_writers_are_cleaned(cli, plan: Path, in_tmp: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    old = time.time() - 3600
    stale = [in_tmp / f".P.progress.yaml.{dead.pid}.k2j3h4.tmp", in_tmp / ".P.progress.yaml.a8f3kq1z.tmp"]
    fresh = in_tmp / f".P.progress.yaml.{dead.pid}.zz9.tmp"  # too young: maybe a writer on another machine
    live = in_tmp / f".P.progress.yaml.{os.getppid()}.yy8.tmp"  # a running process's file is its own
    for path in [*stale, fresh, live]:
        path.write_bytes(b"half")
    for path in [*stale, live]:
        os.utime(path, (old, old))
    other = in_tmp / ".other.yaml.123.x.tmp"
    other.write_bytes(b"not ours")
    os.utime(other, (old, old))
    assert cli("done", "P.yaml", "5.1", "--on", "2020-05-02").exit_code == 0
    assert sorted(os.listdir(in_tmp)) == sorted(["P.yaml", "P.progress.yaml", fresh.name, live.name, other.name])


@pytest.mark.parametrize("which", ["progress", "output"])
def test_a_read_only_file_is_not_replaced(cli, plan: Path, in_tmp: Path, which: str) -> None:
    if which == "progress":
        assert cli("done", "P.yaml", "5.1", "--on", "2020-05-02").exit_code == 0
        path, command = in_tmp / "P.progress.yaml", ["done", "P.yaml", "5.2", "--on", "2020-05-03"]
    else:
        path, command = in_tmp / "P.md", ["render", "P.yaml", "-f", "md", "-o", "P.md"]
        path.write_text("已批准的版本", encoding="utf-8")
    before = path.read_bytes()
    path.chmod(0o444)
    result = cli(*command)
    assert (result.exit_code, result.stderr) == (
        1,
        f"aidplan: 不会替换 {path.name}：这个文件是只读的；确实要更新它，请先运行 chmod u+w {path.name}\n",
    )
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_the_project_config_is_an_input_too(cli, plan: Path, in_tmp: Path) -> None:
    (in_tmp / "aidplan.toml").write_text('plans = ["."]\n', encoding="utf-8")
    result = cli("render", "P.yaml", "-f", "md", "-o", "aidplan.toml")
    assert (result.exit_code, result.stderr) == (2, REFUSED.format(out="aidplan.toml", role="项目配置", same=""))
    assert (in_tmp / "aidplan.toml").read_text(encoding="utf-8") == 'plans = ["."]\n'


def test_reid_moves_an_occurrence_with_its_task(cli, in_tmp: Path) -> None:
    monthly = SMALL.replace("      - 开展资助大检查\n", "      - 每月20日前上报资助数据\n")
    (in_tmp / "M.yaml").write_text(monthly, encoding="utf-8")
    assert cli("done", "M.yaml", "5.2@5-20", "--on", "2020-05-20").exit_code == 0
    (in_tmp / "M.yaml").write_text(
        monthly.replace("      - 发放", "      - 新插入的任务\n      - 发放"), encoding="utf-8"
    )
    assert cli("progress", "reid", "M.yaml").stdout == "5.2@5-20 → 5.3@5-20\n已改正 1 条记录的编号 → M.progress.yaml\n"
    due = json.loads(cli("due", "M.yaml", "--today", "2020-05-21", "-f", "json").stdout)
    assert {i["id"]: i["status"] for i in due["items"]}.get("5.3@5-20") in (None, "done")
    assert "5.3@5-20" not in {i["id"] for i in due["items"] if i["overdue"]}
