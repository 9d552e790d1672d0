"""Build tests/data/invalid-templates/: one broken notice template per template code (E500–E507), each with
the .expected lines `aidplan check` prints for it, run from that folder.

Run `python scripts/make_template_fixtures.py` from the repository root after changing a template rule or
its message; the templates are made with tests/test_notice.py's own helpers (a Word-like document typed
run by run), so they break the way a template typed in Word does.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_notice import office_body, para, run, word_template  # noqa: E402

OUT = ROOT / "tests" / "data" / "invalid-templates"
CASES = {
    "E501-unknown-variable": office_body(para(run("关于印发《{{ plan.titel }}》的通知"))),
    "E502-tag-without-end": office_body(para(run("附件：{{ plan.title"))),
    "E503-loop-left-open": office_body(para(run("{%p for t in "), run("tasks %}")), para(run("{{ t.text }}"))),
    "E504-no-placeholder": office_body(table=False),
    "E505-placeholder-twice": office_body() + [para(run("{{p plan_table }}"))],
    "E506-placeholder-without-p": office_body(table=False) + [para(run("{{ plan_table }}"))],
    "E507-expression-cut-short": office_body(para(run("{{ plan.year + }}"))),
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, body in CASES.items():
        word_template(OUT, body, f"{name}.docx")
    (OUT / "E500-old-doc-format.docx").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)  # the .doc/.wps container
    for template in sorted(OUT.glob("*.docx")):
        printed = subprocess.run(
            [sys.executable, "-m", "aidplan", "check", "--quiet", template.name],
            cwd=OUT,
            capture_output=True,
            text=True,
        ).stdout
        template.with_suffix(".expected").write_text(printed, encoding="utf-8")


if __name__ == "__main__":
    main()
