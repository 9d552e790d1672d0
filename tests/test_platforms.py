"""Windows and macOS paths, tested here with the platform faked: where LibreOffice is looked for, the URL its
profile folder is given, and a temporary file of another writer that is never asked about by killing it."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pytest

from aidplan import files
from aidplan.render.pdf import find_soffice, known_places, profile_url

from .conftest import SEED_PLANS

WINDOWS_DEFAULTS = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
MAC_APP = "/Applications/LibreOffice.app/Contents/MacOS/soffice"


def test_on_windows_soffice_is_looked_for_in_the_program_files_folders_wherever_they_are() -> None:
    environ = {"ProgramFiles": r"D:\Program Files", "ProgramFiles(x86)": r"D:\Program Files (x86)"}
    assert known_places("win32", environ) == (
        r"D:\Program Files\LibreOffice\program\soffice.exe",
        r"D:\Program Files (x86)\LibreOffice\program\soffice.exe",
        *WINDOWS_DEFAULTS,
    )
    # the variables' names in any case (Windows ignores it), the usual folders once each
    assert known_places("win32", {"PROGRAMFILES": r"C:\Program Files"}) == WINDOWS_DEFAULTS
    assert known_places("win32", {}) == WINDOWS_DEFAULTS


def test_on_macos_soffice_is_looked_for_in_the_app_bundle_of_every_applications_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert known_places("darwin", {"HOME": "/Users/zhang"}) == (
        MAC_APP,
        "/Users/zhang/Applications/LibreOffice.app/Contents/MacOS/soffice",
    )
    assert known_places("darwin", {}) == (MAC_APP,)
    # installed for one account only, not on PATH: found
    installed = tmp_path / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice"
    installed.parent.mkdir(parents=True)
    installed.write_text("", encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(sys, "platform", "darwin")
    assert find_soffice() == str(installed)


def test_on_linux_the_packages_from_libreoffice_org_are_found_under_opt(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = ["/opt/libreoffice7.6/program/soffice", "/opt/libreoffice24.8/program/soffice"]
    monkeypatch.setattr("glob.glob", lambda pattern: installed if pattern.startswith("/opt/libreoffice") else [])
    assert known_places("linux", {}) == ("/opt/libreoffice24.8/program/soffice", "/opt/libreoffice7.6/program/soffice")


def test_libreoffice_gets_its_profile_folder_as_a_file_url_on_every_platform() -> None:
    assert profile_url("/tmp/aidplan-lo-x1", "linux") == "file:///tmp/aidplan-lo-x1"
    assert profile_url("/var/folders/a b/aidplan-lo-x1", "darwin") == "file:///var/folders/a%20b/aidplan-lo-x1"
    assert (
        profile_url(r"C:\Users\张三\AppData\Local\Temp\aidplan-lo-x1", "win32")
        == "file:///C:/Users/%E5%BC%A0%E4%B8%89/AppData/Local/Temp/aidplan-lo-x1"
    )


@pytest.mark.slow
@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_pdf_is_made_when_the_temporary_folder_has_spaces_and_chinese_in_its_name(
    cli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # as on Windows, where it is C:\Users\张三\AppData\Local\Temp: LibreOffice waited forever for a profile
    # folder given as file://…/临时 目录 instead of a URL
    temporary = in_tmp / "临时 目录"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    result = cli("render", SEED_PLANS["2020-huaibei"], "-f", "pdf", "-d", "out")
    assert result.exit_code == 0, result.output
    assert (in_tmp / "out" / "2020-huaibei.pdf").read_bytes().startswith(b"%PDF-")
    assert list(temporary.iterdir()) == []  # the profile folder is gone again


def test_on_windows_another_writers_temporary_file_is_kept_without_signalling_its_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def kill(pid: int, signal: int) -> None:  # on Windows this would end the process
        raise AssertionError(f"os.kill({pid}, {signal}) called")

    monkeypatch.setattr(os, "kill", kill)
    monkeypatch.setattr(os, "name", "nt")
    recent = tmp_path / ".P.progress.yaml.999999.k2j3h4.tmp"
    old = tmp_path / ".P.progress.yaml.999998.a8f3kq.tmp"
    for path in (recent, old):
        path.write_text("half", encoding="utf-8")
    hour_ago, two_days_ago = time.time() - 3600, time.time() - 2 * 86400
    os.utime(recent, (hour_ago, hour_ago))
    os.utime(old, (two_days_ago, two_days_ago))
    files._remove_stale_temporaries(tmp_path, "P.progress.yaml")
    assert recent.exists()  # its writer may still be running
    assert not old.exists()  # no writer runs for two days
