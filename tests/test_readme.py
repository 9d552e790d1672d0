"""README's console examples are real: each `$ aidplan …` runs in a copy of the repository's plans and test
data, and prints what README shows. A line `...` stands for lines left out (at the end: the rest of the output).
A block that needs input the README does not show how to make (a hand-edited workbook, a notice with mistakes)
is preceded by `<!-- not run: reason -->` and left out, visibly."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"(<!-- not run: [^>]*-->\n)?```console\n(.*?)```", re.S)


def _blocks() -> list[tuple[int, str, bool]]:
    return [(README.count("\n", 0, m.start()) + 1, m.group(2), m.group(1) is not None) for m in BLOCK.finditer(README)]


def _commands(block: str) -> list[tuple[str, list[str]]]:
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        else:
            steps[-1][1].append(line)
    return steps


def _matches(expected: list[str], actual: list[str]) -> bool:
    if "..." not in (line.strip() for line in expected):
        return actual == expected
    cut = [line.strip() for line in expected].index("...")
    head, tail = expected[:cut], expected[cut + 1 :]
    return (
        len(actual) >= len(head) + len(tail)
        and actual[: len(head)] == head
        and actual[len(actual) - len(tail) :] == tail
    )


def _special_files(folder: str, names: list[str]) -> list[str]:
    """FIFOs and devices among the test data (fixtures of their own tests) are not copied."""
    return [n for n in names if not (Path(folder, n).is_file() or Path(folder, n).is_dir())]


RUN = [(line, block) for line, block, skipped in _blocks() if not skipped]


def test_every_console_block_is_run_or_says_why_not() -> None:
    blocks = _blocks()
    assert len(RUN) >= 5
    skipped = [line for line, _, left_out in blocks if left_out]
    assert all(README.splitlines()[line - 1].startswith("<!-- not run: ") for line in skipped)
    assert len(skipped) <= 5  # a notice with mistakes, a stale progress file, two hand-filled workbooks, a webhook


@pytest.mark.parametrize(("line", "block"), RUN, ids=[f"README.md:{line}" for line, _ in RUN])
def test_readme_console_example(line: int, block: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aidplan.cli import app

    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    shutil.copytree(ROOT / "tests" / "data", tmp_path / "tests" / "data", ignore=_special_files, symlinks=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    runner = CliRunner()
    for command, expected in _commands(block):
        words = shlex.split(command)
        assert words[0] == "aidplan", command
        result = runner.invoke(app, words[1:], catch_exceptions=False)
        actual = result.output.splitlines()
        assert _matches(expected, actual), f"README.md:{line}: $ {command}\n" + "\n".join(actual)
