"""Measure `thidua render`: time per plan in-process (by stage) and for one CLI call on all examples.

    python3 benchmarks/bench_render.py [ROUNDS]

Renders every example plan ROUNDS times (default 20) and prints the median time per plan for
each stage (read and validate, template, .docx), then times one `thidua render campaigns/ -o
DIR` process, start-up included. It reports; it does not pass or fail.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from thidua.render.pipeline import render_document
from thidua.render.writers.docx import write_docx
from thidua.workspace import load_plan

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    examples = sorted((ROOT / "campaigns").glob("*/*/*.yaml"))
    stages: dict[str, list[float]] = {"read": [], "template": [], "docx": [], "total": []}
    write_docx(render_document(load_plan(examples[0])[0]))  # warm imports and template cache
    for _ in range(rounds):
        for path in examples:
            t0 = time.perf_counter()
            plan, _ = load_plan(path)
            assert plan is not None
            t1 = time.perf_counter()
            document = render_document(plan, plan_file=path)
            t2 = time.perf_counter()
            write_docx(document)
            t3 = time.perf_counter()
            for stage, seconds in (("read", t1 - t0), ("template", t2 - t1), ("docx", t3 - t2), ("total", t3 - t0)):
                stages[stage].append(seconds)
    print(f"{len(examples)} example plans x {rounds} rounds, median per plan:")
    for stage, values in stages.items():
        print(f"  {stage:<9} {statistics.median(values) * 1000:7.1f} ms")
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run(["thidua", "render", str(ROOT / "campaigns"), "-o", out], check=True, capture_output=True)
        wall = time.perf_counter() - start
    print(
        f"one CLI call on {len(examples)} plans: {wall:.2f} s ({wall / len(examples) * 1000:.0f} ms per plan, start-up included)"
    )


if __name__ == "__main__":
    main()
