"""A small Chrome DevTools Protocol client over --remote-debugging-pipe (standard library only).

Chromium reads commands on fd 3 and writes answers on fd 4, each a JSON message ended by a NUL byte, so
no port is opened and no websocket library is needed.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-browser") if shutil.which(name)), None)


class BrowserError(RuntimeError):
    pass


class Browser:
    """One headless Chromium; `page(path)` opens a tab on a file."""

    def __init__(self) -> None:
        if CHROMIUM is None:
            raise BrowserError("chromium is not installed")
        self.profile = tempfile.mkdtemp(prefix="aidplan-chromium-")
        to_browser_read, to_browser_write = os.pipe()
        from_browser_read, from_browser_write = os.pipe()
        # move the child's ends above 10 so dup2 onto 3 and 4 cannot clobber one with the other
        child_read = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10)
        child_write = fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
        for fd in (to_browser_read, from_browser_write):
            os.close(fd)

        def plumb() -> None:
            os.dup2(child_read, 3)
            os.dup2(child_write, 4)

        self.process = subprocess.Popen(
            [
                CHROMIUM,
                "--headless",
                "--remote-debugging-pipe",
                "--no-sandbox",  # CI runs as root
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--hide-scrollbars",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            pass_fds=(3, 4, child_read, child_write),
            preexec_fn=plumb,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(child_read)
        os.close(child_write)
        self._out = os.fdopen(to_browser_write, "wb", buffering=0)
        self._in = os.fdopen(from_browser_read, "rb", buffering=0)
        self._buffer = b""
        self._next_id = 0

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._next_id += 1
        message: dict = {"id": self._next_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        self._out.write(json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                return answer["result"]

    def wait_for(self, event: str, session: str) -> dict:
        while True:
            message = self._read()
            if message.get("method") == event and message.get("sessionId") == session:
                return message["params"]

    def _read(self) -> dict:
        while b"\0" not in self._buffer:
            chunk = self._in.read(1 << 16)
            if not chunk:
                raise BrowserError("chromium closed the pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def page(self, path: Path, width: int = 1280, height: int = 900) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session, target)
        page.send("Page.enable")
        page.resize(width, height)
        page.send("Page.navigate", {"url": Path(path).resolve().as_uri()})
        self.wait_for("Page.loadEventFired", session)
        return page

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (BrowserError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._out.close()
        self._in.close()
        shutil.rmtree(self.profile, ignore_errors=True)


class Page:
    def __init__(self, browser: Browser, session: str, target: str) -> None:
        self.browser = browser
        self.session = session
        self.target = target

    def send(self, method: str, params: dict | None = None) -> dict:
        return self.browser.send(method, params, self.session)

    def resize(self, width: int, height: int) -> None:
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    def evaluate(self, expression: str):
        """The value of a JavaScript expression (JSON-serialisable), awaited if it is a promise."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def pdf(self) -> bytes:
        """Print as Chromium's print dialog would with "headers and footers" off: the page's own @page rules."""
        result = self.send(
            "Page.printToPDF",
            {"preferCSSPageSize": True, "printBackground": True, "displayHeaderFooter": False},
        )
        return base64.b64decode(result["data"])

    def screenshot(self, selector: str | None = None, max_height: int | None = None, scale: float = 1.0) -> bytes:
        """A PNG of the element `selector` (default: the whole page), cut at `max_height` CSS pixels, scaled."""
        box = self.evaluate(
            f"(() => {{ const e = {f'document.querySelector({json.dumps(selector)})' if selector else 'null'};"
            " const r = e ? e.getBoundingClientRect() : {x: 0, y: 0, width: document.documentElement.clientWidth,"
            " height: document.scrollingElement.scrollHeight};"
            " return {x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height}; })()"
        )
        if max_height is not None:
            box["height"] = min(box["height"], max_height)
        result = self.send(
            "Page.captureScreenshot",
            {"format": "png", "clip": {**box, "scale": scale}, "captureBeyondViewport": True},
        )
        return base64.b64decode(result["data"])

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
