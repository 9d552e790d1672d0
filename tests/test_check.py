"""`aidplan check`: every kind of problem, pinned with its exact message and location."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import DATA, PLANS, ROOT

INVALID = sorted((DATA / "invalid").glob("*.yaml"))


HUAIBEI_WARNINGS = [
    "plans/2020-huaibei.yaml:21:15: warning[W220]: 时段“元月至二月份”的完成时间“2月29日”（2020-02-29）是星期六，"
    "不是工作日；前一个工作日是2月28日（星期五）",
    "plans/2020-huaibei.yaml:38:15: warning[W220]: 时段“五月份”的完成时间“5月31日”（2020-05-31）是星期日，不是工作日；"
    "前一个工作日是5月29日（星期五）",
    "plans/2020-huaibei.yaml:72:15: warning[W220]: 时段“十月份”的完成时间“10月31日”（2020-10-31）是星期六，不是工作日；"
    "前一个工作日是10月30日（星期五）",
]


def test_seed_plans_have_no_errors_and_three_days_off(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = cli("check", "plans")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == HUAIBEI_WARNINGS
    assert result.stderr == "检查了 2 个文件：0 个错误，3 个警告\n"
    assert cli("check", "--strict", "plans").exit_code == 1


def test_default_path_is_plans_folder(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = cli("check")
    assert (result.exit_code, result.stderr) == (0, "检查了 2 个文件：0 个错误，3 个警告\n")


@pytest.mark.parametrize("case", INVALID, ids=[p.stem for p in INVALID])
def test_each_problem_has_its_exact_message_and_location(cli, case: Path) -> None:
    expected = [f"{case}:{line}" for line in case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()]
    result = cli("check", "--quiet", case)
    assert result.stdout.splitlines() == expected
    only_warnings = all("warning[" in line for line in expected)
    assert result.exit_code == (0 if only_warnings else 1)


def test_all_problems_of_all_files_in_one_run(cli) -> None:
    result = cli("check", DATA / "invalid")
    expected_count = sum(len(p.with_suffix(".expected").read_text(encoding="utf-8").splitlines()) for p in INVALID)
    assert len(result.stdout.splitlines()) == expected_count
    assert result.stderr.startswith(f"检查了 {len(INVALID)} 个文件：")
    assert result.exit_code == 1


def test_warnings_fail_only_with_strict(cli) -> None:
    gap = DATA / "invalid" / "W204-periods-gap.yaml"
    assert cli("check", gap).exit_code == 0
    strict = cli("check", "--strict", gap)
    assert strict.exit_code == 1
    assert strict.stderr == "检查了 1 个文件：0 个错误，1 个警告\n"


def test_json_format(cli) -> None:
    case = DATA / "invalid" / "E205-deadline-not-leap-year.yaml"
    result = cli("check", "--format", "json", case)
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "files": [str(case)],
        "errors": 1,
        "warnings": 0,
        "findings": [
            {
                "path": str(case),
                "line": 5,
                "column": 15,
                "severity": "error",
                "code": "E205",
                "message": "时段“元月至2月份”的完成时间“2月29日”不存在：2014年不是闰年，2月只有28天",
            }
        ],
    }


def test_github_format_is_chosen_in_github_actions(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    case = DATA / "invalid" / "W204-periods-gap.yaml"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = cli("check", "--quiet", case)
    assert result.stdout == (
        f"::warning file={case},line=6,col=12,title=aidplan W204::"
        "第1个时段“3月份”（第4行）与第2个时段“5月份”之间有空档（2020-04-01 至 2020-04-30 没有安排）\n"
    )


def test_quiet_prints_nothing_when_clean(cli) -> None:
    result = cli("check", "-q", PLANS / "2014-yueyang.yaml")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


def test_missing_path_is_a_usage_error(cli, in_tmp: Path) -> None:
    result = cli("check", "nowhere.yaml")
    assert (result.exit_code, result.stderr) == (2, "aidplan: 找不到 nowhere.yaml\n")


def test_folder_without_plans_is_a_usage_error(cli, in_tmp: Path) -> None:
    (in_tmp / "empty").mkdir()
    (in_tmp / "empty" / "notes.txt").write_text("x", encoding="utf-8")
    result = cli("check", "empty")
    assert (result.exit_code, result.stderr) == (2, "aidplan: 目录 empty 里没有计划文件（*.yaml 或 *.yml）\n")


MINIMAL = "title: 工作计划表\nyear: 2020\nperiods:\n  - label: 3月份\n    tasks: [开展月巡视]\n"


def test_bom_and_crlf_are_accepted(cli, in_tmp: Path) -> None:
    (in_tmp / "windows.yaml").write_bytes(b"\xef\xbb\xbf" + MINIMAL.replace("\n", "\r\n").encode("utf-8"))
    assert cli("check", "-q", "windows.yaml").exit_code == 0


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "gbk.yaml",
            MINIMAL.encode("gbk"),
            "gbk.yaml:1:8: error[E103]: 文件不是 UTF-8 编码，看起来是 GBK/GB18030（Windows 记事本、WPS 常用）；"
            "请另存为 UTF-8，或运行：iconv -f GB18030 -t UTF-8 gbk.yaml > 新文件.yaml",
        ),
        (
            "utf16.yaml",
            MINIMAL.encode("utf-16"),
            "utf16.yaml:1:1: error[E103]: 文件是 UTF-16 编码；请另存为 UTF-8（记事本“另存为”→ 编码选 UTF-8）",
        ),
        (
            "binary.yaml",
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
            "binary.yaml:3:1: error[E107]: 这不是文本文件（含有 NUL 字节）；计划应是 UTF-8 编码的 YAML 文本",
        ),
        (
            "plan.docx.yaml",
            b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)),
            "plan.docx.yaml:1:1: error[E107]: 这是 Word、Excel 或 WPS 文档，不是计划文件（YAML）；请先把它转成计划："
            "aidplan import plan.docx.yaml -o 计划.yaml",
        ),
        (
            "old.yaml",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
            "old.yaml:1:1: error[E107]: 这是 Word、Excel 或 WPS 文档，不是计划文件（YAML）；请先把它转成计划："
            "aidplan import old.yaml -o 计划.yaml",
        ),
        (
            "rich.yaml",
            b"{\\rtf1\\ansi 2026\\par}",
            "rich.yaml:1:1: error[E107]: 这是 Word、Excel 或 WPS 文档，不是计划文件（YAML）；请先把它转成计划："
            "aidplan import rich.yaml -o 计划.yaml",
        ),
        (
            "latin1.yaml",
            "title: caf\xe9\n".encode("latin-1") + b"\xff\xfe\xfd",
            "latin1.yaml:1:11: error[E103]: 文件不是 UTF-8 文本（第 11 个字节 0xe9 无法解码）；计划应是 UTF-8 编码的 "
            "YAML 文本",
        ),
        (
            "control.yaml",
            MINIMAL.replace("开展", "开\x07展").encode("utf-8"),
            "control.yaml:5:14: error[E109]: 含有不允许的控制字符 U+0007；请删除它（常见于从网页或 Word 复制的文字）",
        ),
        (
            "cut-mid-character.yaml",
            MINIMAL.encode("utf-8")[:-9],
            "cut-mid-character.yaml:5:15: error[E103]: 文件在一个汉字的中间结束，像是没有写完或没有下载完整；"
            "请重新保存或获取完整文件",
        ),
        (
            "truncated.yaml",
            MINIMAL.encode("utf-8")[:-8],
            "truncated.yaml:6:1: error[E101]: YAML 语法错误：方括号列表没有闭合（缺少“]”），"
            "或项与项之间缺少英文逗号“,”",
        ),
        (
            "unclosed-quote.yaml",
            b'title: "abc\nyear: 2020\n',
            "unclosed-quote.yaml:3:1: error[E101]: YAML 语法错误：文件意外结束（引号或括号没有闭合？）",
        ),
        (
            "deep.yaml",
            b"[" * 30_000 + b"]" * 30_000,
            "deep.yaml:1:33: error[E105]: 嵌套超过 32 层；计划文件不需要这么深的结构",
        ),
        (
            "bomb.yaml",
            b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b,"
            b" *b, *b, *b, *b]\n",
            "bomb.yaml:1:4: error[E104]: 计划文件不支持 YAML 锚点和别名（&名称 / *名称）；请把内容直接写出来",
        ),
    ],
)
def test_hostile_files_get_a_located_message(cli, in_tmp: Path, name: str, content: bytes, expected: str) -> None:
    (in_tmp / name).write_bytes(content)
    result = cli("check", "-q", name)
    assert (result.exit_code, result.stdout) == (1, expected + "\n")


def test_huge_file_is_refused_before_reading(cli, in_tmp: Path) -> None:
    with open(in_tmp / "huge.yaml", "wb") as handle:
        handle.write(MINIMAL.encode("utf-8"))
        handle.truncate(50 * 1024 * 1024)
    result = cli("check", "-q", "huge.yaml")
    assert (result.exit_code, result.stdout) == (
        1,
        "huge.yaml:1:1: error[E102]: 文件过大（50.0 MB），计划文件最大 2 MB\n",
    )


def test_a_directory_named_as_a_plan_is_searched(cli, in_tmp: Path) -> None:
    (in_tmp / "plans.yaml").mkdir()
    (in_tmp / "plans.yaml" / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    assert cli("check", "-q", "plans.yaml").exit_code == 0


def test_progress_files_are_checked_with_their_plan_not_as_plans(cli, in_tmp: Path) -> None:
    (in_tmp / "a.yaml").write_text(MINIMAL, encoding="utf-8")
    (in_tmp / "a.progress.yaml").write_text("not: a list\n", encoding="utf-8")
    result = cli("check", ".")
    assert result.stdout == "a.progress.yaml:1:1: error[E301]: 进度文件的顶层应为记录列表（每条以“- task: …”开头）\n"
    assert (result.exit_code, result.stderr) == (1, "检查了 1 个文件：1 个错误，0 个警告\n")


def test_a_word_plan_given_to_check_is_pointed_to_import(cli, in_tmp: Path) -> None:
    """An office's plan as Word, without any template tag, is not taken for a broken notice template."""
    import docx

    document = docx.Document()
    document.add_paragraph("XX县2026年学生资助工作计划")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ["时间", "工作内容", "3月", "1、审核名单"]):
        cell.text = text
    document.save("plan.docx")
    result = cli("check", "-q", "plan.docx")
    assert (result.exit_code, result.stdout) == (
        1,
        "plan.docx: error[E504]: 这份 Word 文档里没有任何模板标签，像是一份计划而不是通知模板：要把它变成计划，请运行 "
        "aidplan import plan.docx -o 计划.yaml；要用它作通知模板，在附件标题下面单独一段输入“{{p plan_table }}”\n",
    )
    assert cli("due", "plan.docx").stderr.splitlines()[0] == (
        "plan.docx:1:1: error[E107]: 这是 Word、Excel 或 WPS 文档，不是计划文件（YAML）；请先把它转成计划："
        "aidplan import plan.docx -o 计划.yaml"
    )
