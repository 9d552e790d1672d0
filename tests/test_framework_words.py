"""typer's and click's own words (Usage:, Options:, the help option, usage errors) follow the message language:
Chinese by default, click's own English with --lang en; usage lines name arguments as people write them."""

from __future__ import annotations

import pytest

COMMANDS = [
    "check",
    "render",
    "import",
    "done",
    "mark",
    "due",
    "status",
    "export",
    "tasks",
    "remind",
    "new",
    "explain",
    "schema",
    "completion",
    "calendar",
]


def test_help_in_chinese_and_in_english(cli) -> None:
    chinese = cli("explain", "--help")
    assert chinese.exit_code == 0
    assert chinese.stdout == (
        "用法：aidplan explain [OPTIONS] [CODE]\n\n"
        "  检查代码的含义、出错的例子、消息和改法；不给代码时列出全部代码。\n\n"
        "参数：\n"
        "  CODE  check 显示的检查代码（E205、W220）。不给时列出全部代码。\n\n"
        "选项：\n"
        "  -h, --help  显示本帮助后退出。\n"
    )
    english = cli("explain", "--help", "--lang", "en")
    assert english.stdout == (
        "Usage: aidplan explain [OPTIONS] [CODE]\n\n"
        "  What a finding code means, with a failing example, its message and the fix;\n"
        "  without a code, all codes.\n\n"
        "Arguments:\n"
        "  CODE  A finding code as check prints it (E205, W220). Without one, every code\n"
        "        is listed.\n\n"
        "Options:\n"
        "  -h, --help  Show this message and exit.\n"
    )


def test_defaults_and_required_in_both_languages(cli) -> None:
    assert "[默认：auto]" in cli("check", "--help").stdout
    assert "[default: auto]" in cli("check", "--help", "--lang", "en").stdout
    assert "要导入的文件；- 读标准输入的文本。  [必填]" in cli("import", "--help").stdout
    assert "[required]" in " ".join(cli("import", "--help", "--lang", "en").stdout.split())
    group = cli("--help").stdout
    assert group.startswith("用法：aidplan [OPTIONS] COMMAND [ARGS]...\n")
    assert "\n命令：\n" in group and "\n选项：\n" in group


@pytest.mark.parametrize("command", COMMANDS)
def test_no_english_framework_word_in_chinese_help(cli, command: str) -> None:
    chinese = cli(command, "--help").stdout
    for word in ("Usage:", "Options:", "Arguments:", "Commands:", "Show this message", "default:", "required"):
        assert word not in chinese, f"{command} --help: {word}"
    english = cli(command, "--help", "--lang", "en").stdout
    assert english.startswith(f"Usage: aidplan {command} ") and "Show this message and exit." in english
    usage = chinese.splitlines()[0]
    assert "{" not in usage and "......" not in chinese, usage


@pytest.mark.parametrize(
    ("arguments", "chinese", "english"),
    [
        (
            ["import"],
            "用法：aidplan import [OPTIONS] FILE...\n运行“aidplan import -h”查看帮助。\n\n错误：缺少参数 'FILE...'。\n",
            "Usage: aidplan import [OPTIONS] FILE...\nTry 'aidplan import -h' for help.\n\n"
            "Error: Missing argument 'FILE...'.\n",
        ),
        (
            ["check", "--stric"],
            "用法：aidplan check [OPTIONS] [PATH]...\n运行“aidplan check -h”查看帮助。\n\n"
            "错误：没有这个选项：--stric（可用的选项：--strict）\n",
            "Usage: aidplan check [OPTIONS] [PATH]...\nTry 'aidplan check -h' for help.\n\n"
            "Error: No such option: --stric (Possible options: --strict)\n",
        ),
        (
            ["tasks", "-f", "xx"],
            "用法：aidplan tasks [OPTIONS] [PATH]...\n运行“aidplan tasks -h”查看帮助。\n\n"
            "错误：'--format' / '-f' 的值无效：'xx' 不是可选的值之一：'text', 'json', 'csv'。\n",
            "Usage: aidplan tasks [OPTIONS] [PATH]...\nTry 'aidplan tasks -h' for help.\n\n"
            "Error: Invalid value for '--format' / '-f': Value error, 'xx' is not one of 'text', 'json', 'csv'.\n",
        ),
        (
            ["calendar", "x"],
            "用法：aidplan calendar [OPTIONS] YEAR [PATH]...\n运行“aidplan calendar -h”查看帮助。\n\n"
            "错误：'YEAR' 的值无效：应为整数。\n",
            "Usage: aidplan calendar [OPTIONS] YEAR [PATH]...\nTry 'aidplan calendar -h' for help.\n\n"
            "Error: Invalid value for 'YEAR': Input should be a valid integer, unable to parse string as an integer\n",
        ),
        (
            ["chec"],
            "用法：aidplan [OPTIONS] COMMAND [ARGS]...\n运行“aidplan -h”查看帮助。\n\n"
            "错误：没有命令 'chec'。是不是要用 'check', 'schema'？\n",
            "Usage: aidplan [OPTIONS] COMMAND [ARGS]...\nTry 'aidplan -h' for help.\n\n"
            "Error: No such command 'chec'. Did you mean 'check', 'schema'?\n",
        ),
        (
            ["explain", "E201", "E202"],
            "用法：aidplan explain [OPTIONS] [CODE]\n运行“aidplan explain -h”查看帮助。\n\n错误：多余的参数：E202\n",
            "Usage: aidplan explain [OPTIONS] [CODE]\nTry 'aidplan explain -h' for help.\n\n"
            "Error: Got unexpected extra argument(s) (E202)\n",
        ),
        (
            ["check", "--strict=1"],
            "错误：选项 '--strict' 不带值。\n",
            "Error: Option '--strict' does not take a value.\n",
        ),
        (
            ["check", "-f"],
            "错误：选项 '-f' 需要一个值。\n",
            "Error: Option '-f' requires an argument.\n",
        ),
    ],
)
def test_usage_errors_in_both_languages(cli, arguments: list[str], chinese: str, english: str) -> None:
    result = cli(*arguments)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", chinese)
    result = cli(*arguments, "--lang", "en")
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", english)


def test_the_environment_chooses_the_framework_words_too(cli, monkeypatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert cli("import").stderr.startswith("Usage: aidplan import [OPTIONS] FILE...\nTry ")
    assert cli("import", "--lang", "zh").stderr.startswith("用法：aidplan import [OPTIONS] FILE...\n运行")
