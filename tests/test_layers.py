"""Imports run one way: cli → config → commands → ingest, publish, render → track → plan → files → errors, registry
→ rules → values, patterns; the package's __init__ (its version) imports nothing. Every import is read from the
source, including the ones inside functions (the lazy imports that keep start-up lean), so a late import cannot run
back up unseen."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "aidplan"

# A module may import its own layer's modules (inside its package) and any lower layer.
# publish and render share a rank but may not import each other: sideways is not down.
LAYERS: dict[str, int] = {
    "__main__": 9,
    "cli": 8,
    "config": 7,
    "commands": 6,
    "ingest": 5,
    "publish": 5,
    "render": 5,
    "track": 4,
    "plan": 3,
    "files": 2,
    "errors": 1,
    "registry": 1,
    "rules": 0,
    "messages": 0,
    "values": -1,
    "patterns": -1,
    "__init__": 0,
}


def layer_of(module: str) -> str:
    """`aidplan.plan.model` → `plan`; `aidplan` (the package itself) → `__init__`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path) -> str:
    relative = path.relative_to(SRC.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Every aidplan module `path` imports, at any depth of the code, as (line, dotted name)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names if alias.name.split(".")[0] == "aidplan"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "aidplan":
                continue
            if target == "aidplan":  # from aidplan import cli → aidplan.cli; import __version__ → aidplan
                found += [(node.lineno, _submodule_or_package(alias.name)) for alias in node.names]
            else:
                found.append((node.lineno, target))
    return found


def _submodule_or_package(name: str) -> str:
    is_module = (SRC / f"{name}.py").exists() or (SRC / name / "__init__.py").exists()
    return f"aidplan.{name}" if is_module else "aidplan"


def violations(path: Path) -> list[str]:
    source_layer = layer_of(module_name(path))
    problems = []
    for line, target in imported_modules(path):
        target_layer = layer_of(target)
        if target_layer == source_layer:
            continue
        if target_layer not in LAYERS:
            problems.append(f"{path.relative_to(SRC)}:{line}: {target} is in no declared layer")
        elif LAYERS[target_layer] >= LAYERS[source_layer]:
            problems.append(f"{path.relative_to(SRC)}:{line}: {module_name(path)} imports {target} (up or sideways)")
    return problems


MODULES = sorted(SRC.rglob("*.py"))


def test_every_top_level_module_and_package_has_a_declared_layer() -> None:
    top = {p.stem for p in SRC.glob("*.py") if p.stem != "__init__"} | {
        p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists()
    }
    assert sorted(top - LAYERS.keys()) == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_run_one_way(path: Path) -> None:
    assert violations(path) == []


def test_the_check_sees_a_lazy_import_that_runs_back_up(tmp_path: Path) -> None:
    """The test above can fail: a function-level import of the CLI from plan/ is caught, and so is a relative
    sideways import between render and publish."""
    plan = SRC / "plan" / "zz_probe_up.py"
    render = SRC / "render" / "zz_probe_sideways.py"
    plan.write_text("def f():\n    from aidplan.cli import app\n    return app\n", encoding="utf-8")
    render.write_text("from ..publish import export\n", encoding="utf-8")
    try:
        assert violations(plan) == [
            "plan/zz_probe_up.py:2: aidplan.plan.zz_probe_up imports aidplan.cli (up or sideways)"
        ]
        assert violations(render) == [
            "render/zz_probe_sideways.py:1: aidplan.render.zz_probe_sideways imports aidplan.publish (up or sideways)"
        ]
    finally:
        plan.unlink()
        render.unlink()
