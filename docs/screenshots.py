"""Make the screenshots of README: each seed plan's HTML page and a dashboard, in headless Chromium.

.venv/bin/python docs/screenshots.py      # writes docs/images/*-html.png and docs/images/status-html.png
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import Browser  # noqa: E402

IMAGES = ROOT / "docs" / "images"


def aidplan(*args: str | Path, cwd: Path) -> None:
    subprocess.run([sys.executable, "-m", "aidplan", *map(str, args)], cwd=cwd, check=True, capture_output=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for name in ("2014-yueyang", "2020-huaibei"):
            shutil.copy(ROOT / "plans" / f"{name}.yaml", folder)
        aidplan("render", "2014-yueyang.yaml", "2020-huaibei.yaml", "-f", "html", "-d", ".", cwd=folder)
        # the dashboard of 10 May 2020, after a few records
        aidplan("done", "2020-huaibei.yaml", "1.2", "1.3", "3.1", "--on", "2020-03-20", "--by", "张三", cwd=folder)
        aidplan("mark", "2020-huaibei.yaml", "4.3", "--status", "doing", "--on", "2020-04-20", cwd=folder)
        aidplan("status", "2020-huaibei.yaml", "--today", "2020-05-10", "-f", "html", "-o", "status.html", cwd=folder)
        browser = Browser()
        try:
            for name in ("2014-yueyang", "2020-huaibei"):
                page = browser.page(folder / f"{name}.html")
                (IMAGES / f"{name}-html.png").write_bytes(page.screenshot(".sheet", max_height=760, scale=0.6))
                page.close()
            page = browser.page(folder / "status.html", width=1100)
            (IMAGES / "status-html.png").write_bytes(page.screenshot(max_height=1100, scale=0.6))
            page.close()
        finally:
            browser.close()


if __name__ == "__main__":
    main()
