"""Measure `thidua import`: a 20-page .docx in process, and many plans in one CLI call.

    python3 benchmarks/bench_import.py [FILES]

Builds a plan of about 20 pages (the Long Biên example's sections four times over), renders it
to .docx and imports it in process (median of 7 runs, after one warm-up), then imports FILES
copies of the rendered examples (default 400) with one `thidua import … --into DIR` process and
reports the wall time and the CPU time the workers used (more CPU than wall: several cores). It
reports; it does not pass or fail.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from thidua.importer import import_text
from thidua.plan.model import Plan
from thidua.render.pipeline import render_docx
from thidua.workspace import load_plan

ROOT = Path(__file__).resolve().parent.parent


def big_docx(folder: Path) -> tuple[Path, int]:
    plan, _ = load_plan(ROOT / "campaigns" / "ldld-long-bien" / "2021" / "thi-dua-2021.yaml")
    assert plan is not None
    data = plan.model_dump(exclude_none=True)
    data["sections"] = data["sections"] * 4
    big = Plan.model_validate(data, strict=False)
    path = folder / "ke-hoach-20-trang.docx"
    path.write_bytes(render_docx(big))
    words = sum(len(str(item).split()) for _, item in big.walk_items())
    return path, words


def main() -> None:
    files = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path, words = big_docx(folder)
        import_text(path)  # warm imports
        times = []
        for _ in range(7):
            start = time.perf_counter()
            import_text(path)
            times.append(time.perf_counter() - start)
        print(f"a {words}-word (about {words // 500}-page) .docx: {statistics.median(times) * 1000:.0f} ms in process")

        inputs = folder / "in"
        inputs.mkdir()
        examples = sorted(p for p in (ROOT / "campaigns").glob("*/*/*.yaml") if not p.name.endswith(".results.yaml"))
        rendered = []
        for example in examples:
            plan, _ = load_plan(example)
            assert plan is not None
            rendered.append(render_docx(plan, plan_file=example))
        for number in range(files):
            (inputs / f"ke-hoach-{number:04d}.docx").write_bytes(rendered[number % len(rendered)])
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "thidua",
                "import",
                *sorted(map(str, inputs.iterdir())),
                "--into",
                str(folder / "out"),
            ],
            check=False,
            capture_output=True,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        made = len(list((folder / "out").rglob("*.yaml")))
        print(
            f"{files} .docx in one call: {wall:.1f} s wall, {cpu:.1f} s CPU ({cpu / wall:.1f} cores busy of"
            f" {os.cpu_count()}), {made} plan files, {wall / files * 1000:.0f} ms per plan"
        )


if __name__ == "__main__":
    main()
