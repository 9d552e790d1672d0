"""An installed wheel (not the checkout) renders with the templates and font file shipped inside it."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "uv", "build", "--wheel", "--out-dir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("aidplan-*.whl")
    return built


def test_wheel_carries_templates_and_fonts(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "aidplan/templates/plan.md.j2" in names
    assert "aidplan/templates/plan.html.j2" in names
    assert "aidplan/templates/status.html.j2" in names
    assert "aidplan/render/fonts.conf" in names
    assert "aidplan/messages/en.po" in names
    assert "aidplan/messages/locale/en/LC_MESSAGES/aidplan.mo" in names  # compiled by hatch_build.py


def test_installed_wheel_renders_markdown_from_packaged_templates(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # the dependencies come from the test environment; a plain path line does not run that folder's own
    # .pth files, so the editable checkout of aidplan stays out of reach
    import typer

    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "dependencies.pth").write_text(str(Path(typer.__file__).parents[1]) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "uv", "pip", "install", "--python", str(python), "--no-deps", str(wheel)],
        check=True,
        capture_output=True,
    )
    work = tmp_path / "work"
    work.mkdir()
    result = subprocess.run(
        [str(python), "-I", "-m", "aidplan", "render", str(ROOT / "plans" / "2020-huaibei.yaml"), "-f", "md,docx,html"],
        cwd=work,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert (work / "build" / "2020-huaibei.md").read_text(encoding="utf-8") == (
        ROOT / "tests" / "golden" / "2020-huaibei.md"
    ).read_text(encoding="utf-8")
    assert "<caption>淮北市2020年度学生资助工作月计划</caption>" in (work / "build" / "2020-huaibei.html").read_text(
        encoding="utf-8"
    )
    location = subprocess.run(
        [str(python), "-I", "-c", "import aidplan; print(aidplan.__file__)"], capture_output=True, text=True, check=True
    ).stdout
    assert str(env_dir) in location  # the installed copy, not the checkout
    cache = tmp_path / "cache"
    english = subprocess.run(
        [str(python), "-I", "-m", "aidplan", "explain", "E999", "--lang", "en"],
        capture_output=True,
        text=True,
        env={"XDG_CACHE_HOME": str(cache), "HOME": str(tmp_path)},
    )
    assert english.stderr == "aidplan: no finding has the code “E999”; aidplan explain lists every code\n"
    assert not cache.exists()  # the wheel's own .mo was read; nothing compiled on the way
