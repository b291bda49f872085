"""Measure how each command grows with the size of a plan: 1×, 10× and 100× the items of an example.

    python3 benchmarks/bench_growth.py [--runs R] [--sizes 1,10,100] [--commands check,diff] [--src DIR]

The plans are the Quảng Trị example repeated K times (tests/scale.py: 27 items and 30 results
per copy; diff compares it with its next year, a fifth of the sentences reworded). Each run is a
whole `thidua …` process (start-up included); R rounds (default 5), in each round every size once,
and with `--src DIR` (another checkout, e.g. `git worktree add ../base main`) the other code
right after this one: paired runs on the same machine state. Medians of wall time and of the
process's CPU time; 100×/10× is the acceptance's ratio (issue 20: ≤ 15), growth is
(t(100×) − t(10×)) / (t(10×) − t(1×)): 10 for linear work, 100 for quadratic, whatever the
start-up. It reports; it does not pass or fail.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.scale import item_count, next_year, scaled_plan, write_yaml  # noqa: E402

AS_OF = "2021-12-31"
COMMANDS = {
    "check": lambda k: ["check", f"p{k}.yaml"],
    "render": lambda k: ["render", f"p{k}.yaml", "-o", f"p{k}.docx", "--force"],
    "diff": lambda k: ["diff", f"p{k}.yaml", f"n{k}.yaml"],
    "diff --docx": lambda k: ["diff", f"p{k}.yaml", f"n{k}.yaml", "--docx", f"d{k}.docx", "--force"],
    "track": lambda k: ["track", f"p{k}.yaml", "--as-of", AS_OF],
    "report": lambda k: ["report", f"p{k}.yaml", "--as-of", AS_OF, "-o", f"r{k}.docx", "--force"],
}


def _run(src: Path, args: list[str], folder: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one `python -m thidua ARGS` from SRC, in FOLDER."""
    env = {**os.environ, "PYTHONPATH": str(src), "COLUMNS": "200", "NO_COLOR": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "thidua", *args], cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} ({src}): exit {done.returncode}\n{done.stderr.decode()[-2000:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--commands", default=",".join(COMMANDS))
    parser.add_argument("--src", type=Path, help="another checkout to run side by side (before/after)")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    commands = [c.strip() for c in options.commands.split(",")]
    sources = {"this": ROOT} | ({"other": options.src.resolve()} if options.src else {})
    with tempfile.TemporaryDirectory(prefix="thidua-growth-") as tmp:
        folder = Path(tmp)
        for k in sizes:
            plan, results = scaled_plan(k)
            write_yaml(folder / f"p{k}.yaml", plan)
            write_yaml(folder / f"p{k}.results.yaml", results)
            write_yaml(folder / f"n{k}.yaml", next_year(plan))
            print(f"{k}×: {item_count(plan)} items, {len(results['results'])} results", flush=True)
        for command in commands:
            times: dict[tuple[str, int], list[tuple[float, float]]] = {}
            for _ in range(options.runs):
                for k in sizes:
                    for name, src in sources.items():
                        times.setdefault((name, k), []).append(_run(src, COMMANDS[command](k), folder))
            for name in sources:
                wall = {k: statistics.median(w for w, _ in times[name, k]) for k in sizes}
                cpu = {k: statistics.median(c for _, c in times[name, k]) for k in sizes}
                line = ", ".join(f"{k}× {wall[k]:.2f} s (cpu {cpu[k]:.2f})" for k in sizes)
                if {1, 10, 100} <= set(sizes):
                    ratio = wall[100] / wall[10]
                    growth = (wall[100] - wall[10]) / max(wall[10] - wall[1], 1e-3)
                    line += f"; 100×/10× {ratio:.1f}, growth {growth:.1f}"
                label = f" [{name}: {sources[name]}]" if len(sources) > 1 else ""
                print(f"{command}{label}: {line}", flush=True)


if __name__ == "__main__":
    main()
