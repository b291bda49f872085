"""The corpus tools/eval_text.py measures the text rules on: real documents, each with its source,
and annotations that each sit on their line."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT

CORPUS = ROOT / "tests/fixtures/text/corpus"
HELDOUT = ROOT / "tests/fixtures/text/heldout"  # annotated the same way, measured before it was tuned on


def _eval_text() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_text", ROOT / "tools/eval_text.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_text", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("corpus", [CORPUS, HELDOUT], ids=["corpus", "heldout"])
def test_every_document_is_real_and_says_where_it_was_published(corpus: Path) -> None:
    documents = sorted(corpus.glob("*.txt"))
    assert len(documents) >= 30
    sources = _sources(corpus)
    assert sorted(sources) == [path.name for path in documents]
    assert len(set(sources.values())) == len(sources)  # no page twice


def test_no_page_is_in_both_the_corpus_and_the_held_out_set() -> None:
    assert not set(_sources(CORPUS).values()) & set(_sources(HELDOUT).values())


def _sources(corpus: Path) -> dict[str, str]:
    text = (corpus / "SOURCES.md").read_text(encoding="utf-8")
    return {match[1]: match[2] for match in re.finditer(r"^\| (\S+\.txt) \| (https?://\S+) \|", text, re.M)}


@pytest.mark.parametrize("corpus", [CORPUS, HELDOUT], ids=["corpus", "heldout"])
def test_every_annotation_sits_on_its_line_with_a_known_family(corpus: Path) -> None:
    defects, errors = _eval_text().read_defects(corpus)
    assert errors == []
    assert {d.file for d in defects} <= {path.name for path in corpus.glob("*.txt")}
    assert all(d.fix != d.quote for d in defects)
    assert {d.severity for d in defects} == {"error", "minor"}


def test_fixes_are_put_in_one_after_another_even_where_they_overlap() -> None:
    module = _eval_text()
    line = "Tăng cường quản   lý trị doanh nghiệp, cán bộ"

    def defect(quote: str, fix: str) -> object:
        start = line.index(quote) + 1
        return module.Defect("a.txt", 1, start, start + len(quote) - 1, quote, fix, "other", "minor", True, "")

    spaces, stray = defect("quản   lý", "quản lý"), defect("lý trị", "trị")
    assert module.corrected([line], [spaces, stray]) == ["Tăng cường quản trị doanh nghiệp, cán bộ"]
    assert module.corrected([line], [defect("cán bộ", "cán bộ, công chức")]) == [
        "Tăng cường quản   lý trị doanh nghiệp, cán bộ, công chức"
    ]
