"""Build hook: compile the gettext catalogs (src/aidplan/messages/*.po) into the wheel as
aidplan/messages/locale/LANG/LC_MESSAGES/aidplan.mo. Editable installs get none: there aidplan compiles the
.po on first use into a cache (see src/aidplan/messages/catalog.py), so a changed .po is never shadowed by a
stale .mo left in the source tree."""

from __future__ import annotations

import importlib.util
import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

ROOT = Path(__file__).resolve().parent
MESSAGES = ROOT / "src" / "aidplan" / "messages"


def _catalog_module():
    spec = importlib.util.spec_from_file_location("_aidplan_catalog", MESSAGES / "catalog.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CatalogHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        catalog = _catalog_module()
        self._folder = tempfile.TemporaryDirectory()
        for po in sorted(MESSAGES.glob("*.po")):
            mo = Path(self._folder.name) / po.stem / "aidplan.mo"
            catalog.compile_po(po, mo)
            build_data["force_include"][str(mo)] = f"aidplan/messages/locale/{po.stem}/LC_MESSAGES/aidplan.mo"

    def finalize(self, version: str, build_data: dict, artifact_path: str) -> None:
        folder = getattr(self, "_folder", None)
        if folder is not None:
            folder.cleanup()
