"""The corpus under tests/data/corpus: plans in the shapes offices publish, each beside its printed text."""

from __future__ import annotations

import re

from .conftest import DATA

CORPUS = DATA / "corpus"


def test_every_transcription_is_listed_in_the_corpus_readme_and_every_row_has_one() -> None:
    listed = re.findall(r"^\| `([^`]+)` \|", (CORPUS / "README.md").read_text(encoding="utf-8"), re.MULTILINE)
    assert len(listed) >= 12
    assert sorted(listed) == sorted(p.stem for p in CORPUS.glob("*.txt"))
    assert {p.stem for p in CORPUS.glob("*.yaml")} <= set(listed)
