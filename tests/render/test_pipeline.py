"""render_files over many plans: worker processes give the same files, order, findings and progress."""

from __future__ import annotations

import concurrent.futures
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES
from thidua.render import pipeline
from thidua.render.pipeline import PARALLEL_THRESHOLD, render_files

BROKEN = "issuer:\n  name: X\ndocument:\n  title: [unclosed\n"


def _plans(folder: Path) -> None:
    """Copies of every example (enough for the pool) and one plan that does not read, in the middle."""
    folder.mkdir()
    copies = max(PARALLEL_THRESHOLD, 2 * len(EXAMPLES))
    for number in range(copies):
        source = EXAMPLES[number % len(EXAMPLES)]
        shutil.copyfile(source, folder / f"p{number:02d}-{source.name}")
    (folder / f"p{copies // 2:02d}-broken.yaml").write_text(BROKEN, encoding="utf-8")


def _run(folder: Path, out: Path, jobs: int) -> tuple[Any, list[tuple[int, int]], dict[str, bytes]]:
    calls: list[tuple[int, int]] = []
    report = render_files([folder], output=out, jobs=jobs, progress=lambda n, total: calls.append((n, total)))
    files = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.docx"))}
    return report, calls, files


def test_workers_write_what_one_process_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "plans"
    _plans(folder)
    alone, alone_calls, alone_files = _run(folder, tmp_path / "one", jobs=1)

    pools: list[int] = []

    class CountedPool(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pools.append(kwargs.get("max_workers", 0))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountedPool)
    monkeypatch.setattr(pipeline, "workers_for", lambda jobs: 2)  # the pool even on a one-core machine
    shared, shared_calls, shared_files = _run(folder, tmp_path / "two", jobs=2)

    assert pools == [2]
    assert alone.failed == shared.failed == 1
    assert shared_files == alone_files and len(shared_files) == len(list(folder.iterdir())) - 1
    assert [p.relative_to(tmp_path / "two") for p in shared.written] == [
        p.relative_to(tmp_path / "one") for p in alone.written
    ]
    assert shared.findings == alone.findings and shared.findings
    assert all(f.file.endswith("broken.yaml") for f in shared.findings)
    assert shared.notes == alone.notes
    total = len(list(folder.iterdir()))
    assert shared_calls == alone_calls == [(n, total) for n in range(1, total + 1)]


def test_a_broken_template_stops_the_workers_with_its_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "plans"
    _plans(folder)
    template = tmp_path / "broken.xml.j2"
    template.write_text("{% if %}", encoding="utf-8")
    monkeypatch.setattr(pipeline, "workers_for", lambda jobs: 2)
    with pytest.raises(pipeline.TemplateProblem) as raised:
        render_files([folder], output=tmp_path / "out", template=template, jobs=2)
    assert raised.value.key.startswith("template")
