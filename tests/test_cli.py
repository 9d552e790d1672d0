"""The command line as a whole: help for everything, lean start-up, python -m, the schema."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from aidplan.cli import app

from .conftest import ROOT


def test_every_command_and_option_has_help(cli) -> None:
    import typer.main

    group = typer.main.get_group(app)
    assert group.commands, "no commands registered"
    for name, command in group.commands.items():
        assert command.help, f"{name} has no help"
        for param in command.params:
            if param.name != "help" and getattr(param, "param_type_name", "") == "option":
                assert param.help, f"{name} --{param.name} has no help"
        result = cli(name, "--help")
        assert result.exit_code == 0
        assert result.stdout.startswith(f"用法：aidplan {name} ")


def test_version(cli) -> None:
    from aidplan import __version__

    assert cli("--version").stdout == f"aidplan {__version__}\n"


def test_the_release_named_in_readme_is_this_version_and_has_its_changes() -> None:
    """README installs the tool and the pre-commit hook from a release tag: it must be this version's, and
    CHANGELOG.md must say what the version brings."""
    import re

    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib

    from aidplan import __version__

    from .conftest import ROOT

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tags = re.findall(r"@(v[0-9][0-9.]*[0-9])|rev: (v[0-9][0-9.]*[0-9])", readme)
    assert len(tags) == 3 and {a or b for a, b in tags} == {f"v{__version__}"}, tags
    changes = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (.+)$", changes, re.M)[0] == __version__


def _imported_by(*args: str) -> set[str]:
    code = (
        "import sys\nfrom aidplan.cli import app\n"
        f"try:\n    app({list(args)!r}, prog_name='aidplan')\nexcept SystemExit:\n    pass\n"
        "print('\\n'.join(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    return set(out.split("\n"))


def test_help_imports_no_plan_machinery() -> None:
    modules = _imported_by("--help")
    for heavy in ("pydantic", "yaml", "docx", "jinja2", "aidplan.plan.model"):
        assert heavy not in modules, heavy


def test_check_does_not_import_renderers() -> None:
    modules = _imported_by("check", "-q", "plans")
    assert "pydantic" in modules
    for heavy in ("docx", "jinja2", "aidplan.render.layout"):
        assert heavy not in modules, heavy


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "aidplan", "check", "-q", "plans/2014-yueyang.yaml"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_schema_command_matches_the_committed_schema(cli) -> None:
    printed = cli("schema").stdout
    assert printed == (ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8")
    schema = json.loads(printed)
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"title", "year"}
    assert schema["oneOf"] == [{"required": [key]} for key in ("periods", "groups", "tables", "tasks")]
    table = schema["$defs"]["Table"]
    assert table["oneOf"] == [{"required": ["groups"]}, {"required": ["tasks"]}]
    # tasks may be written as plain strings or as mappings
    task_schema = schema["$defs"]["Period"]["properties"]["tasks"]["items"]
    assert {"type": "string"} in task_schema["anyOf"]


def test_pre_commit_hook_runs_check() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: aidplan-check" in hooks
    assert "entry: aidplan check" in hooks


def test_ctrl_c_in_any_command_exits_130_without_a_traceback(cli, monkeypatch) -> None:
    import aidplan.commands.check

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(aidplan.commands.check, "check_paths", interrupted)
    result = cli("check", "plans")
    assert result.exit_code == 130
    assert result.stderr == "aidplan: 已中断\n"


def test_format_choices_are_the_registry_keys(cli) -> None:
    result = cli("due", "--format", "docx", "plans")
    assert result.exit_code == 2
    assert "'docx' 不是可选的值之一：'text', 'md', 'json'。" in result.stderr


@pytest.mark.parametrize(
    "args", [["check", "plans/2020-huaibei.yaml"], ["due", "plans/2020-huaibei.yaml", "--today", "2020-05-10"]]
)
def test_start_up_reads_no_package_metadata(args: list[str]) -> None:
    """check and due import no importlib.metadata (about 20 ms of every start: pydantic's plugin loader, which
    finds no plugins when they are off, and the holiday library's version, read from the package instead), and
    typer builds only the command being run."""
    code = (
        f"import sys\nfrom aidplan.cli import app\ntry:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
        "print('importlib.metadata' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stderr.splitlines()[-1] == "False"


def test_only_the_command_run_is_built() -> None:
    from aidplan.cli import _invoked_name

    assert _invoked_name(["check", "plans"]) == "check"
    assert _invoked_name(["--lang", "en", "due"]) == "due"
    assert _invoked_name(["--lang=en", "progress", "import", "x.xlsx"]) == "progress"
    assert _invoked_name(["--help", "check"]) is None
    assert _invoked_name(["-V"]) is None
    assert _invoked_name([]) is None
