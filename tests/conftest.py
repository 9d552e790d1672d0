from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings
from typer.testing import CliRunner

# In CI the fuzz tests draw the same examples every run (reproducible); locally they explore anew.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parents[1]
PLANS = ROOT / "plans"
DATA = Path(__file__).resolve().parent / "data"
SEED_PLANS = {"2014-yueyang": PLANS / "2014-yueyang.yaml", "2020-huaibei": PLANS / "2020-huaibei.yaml"}


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch):
    """Run `aidplan ARGS` in-process and return the result (exit_code, stdout, stderr)."""
    from aidplan.cli import app

    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    runner = CliRunner()

    def invoke(*args: str | os.PathLike):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False)

    return invoke


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(autouse=True)
def _messages_in_chinese():
    """Every test starts with messages in Chinese, whatever language an earlier test (an English run of the
    command line, a config with lang = "en") left set, so no test's result depends on the order tests run in."""
    from aidplan.messages import set_language

    set_language("zh")
    yield
    set_language("zh")
