"""Paths the system cannot take: every command answers with one message and exit code 2, never a traceback — a
file name over 255 bytes (an office names its file after a notice's whole title), a symbolic link that leads back
to itself, a folder given to import as `.`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import DATA

LONG = "计" * 90  # 270 bytes in UTF-8


@pytest.mark.parametrize(
    "args",
    [
        ("new", f"{LONG}.yaml"),
        ("check", f"{LONG}.yaml"),
        ("tasks", f"{LONG}.yaml"),
        ("status", f"{LONG}.yaml"),
        ("import", "plan.txt", "-o", f"{LONG}.yaml"),
        ("import", f"{LONG}.txt"),
        ("new", "n.yaml", "--from", f"{LONG}.yaml"),
    ],
    ids=["new", "check", "tasks", "status", "import -o", "import", "new --from"],
)
def test_a_file_name_over_255_bytes_is_one_message(cli, in_tmp: Path, args: tuple[str, ...]) -> None:
    Path("plan.txt").write_bytes((DATA / "seeds" / "2020-huaibei.txt").read_bytes())
    result = cli(*args)
    assert result.exit_code == 2, result.output
    name = next(a for a in args if LONG in a)
    assert result.stderr == f"aidplan: 文件名太长（超过系统允许的 255 字节）：{name}；请把文件名改短后再试\n"
    assert sorted(p.name for p in in_tmp.iterdir()) == ["plan.txt"]


def test_a_symbolic_link_that_leads_back_to_itself_is_one_message(cli, in_tmp: Path) -> None:
    os.symlink("loop2", "loop1")
    os.symlink("loop1", "loop2")
    Path("plan.txt").write_bytes((DATA / "seeds" / "2020-huaibei.txt").read_bytes())
    for args in (("import", "plan.txt", "-o", "loop1/x.yaml"), ("new", "loop1/x.yaml")):
        result = cli(*args)
        assert (result.exit_code, result.stderr) == (
            2,
            f"aidplan: 路径里的符号链接绕成了一个圈，找不到真正的文件或文件夹：{in_tmp / 'loop1' / 'x.yaml'}\n",
        ), args


@pytest.mark.parametrize("folder", [".", "./", "..", ""])
def test_import_of_a_folder_without_a_name_says_it_is_a_folder(cli, in_tmp: Path, folder: str) -> None:
    result = cli("import", folder)
    shown, example = (".", "*.docx") if folder in (".", "./", "") else ("..", "../*.docx")
    assert (result.exit_code, result.stderr) == (2, f"aidplan: {shown} 是目录；请给出要导入的文件，如 {example}\n")


def test_a_write_the_system_refuses_says_why_in_the_users_language(cli, in_tmp: Path, monkeypatch) -> None:
    """A full disk, a read-only folder: the reason in Chinese (or English with --lang en), and the old file kept."""
    import errno

    Path("plan.txt").write_bytes((DATA / "seeds" / "2020-huaibei.txt").read_bytes())
    Path("plan.yaml").write_text("old\n", encoding="utf-8")

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    result = cli("import", "plan.txt", "--force")
    assert (result.exit_code, result.stderr) == (1, "aidplan: 无法写入 plan.yaml：磁盘已满\n")
    english = cli("--lang", "en", "import", "plan.txt", "--force")
    assert english.stderr.endswith(": the disk is full\n")
    assert Path("plan.yaml").read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in in_tmp.iterdir()) == ["plan.txt", "plan.yaml"]
