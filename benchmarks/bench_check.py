"""Measure `thidua check` on many plan files: files per second, serial and in parallel.

    python3 benchmarks/bench_check.py [COUNT]

Copies the example plans (`campaigns/*/*/*.yaml`, results files left out: they are not
plans) COUNT times over into a temporary folder (default 10,000 files), checks them
in-process with one worker and with every core, and prints the figures. thidua runs
from this checkout (`python -m thidua`, PYTHONPATH set to it).
It reports; it does not pass or fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from thidua.check.engine import CheckOptions
from thidua.workspace import check_paths

ROOT = Path(__file__).resolve().parent.parent
THIDUA = [sys.executable, "-m", "thidua"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    examples = sorted(p for p in (ROOT / "campaigns").glob("*/*/*.yaml") if not p.name.endswith(".results.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for index in range(count):
            source = examples[index % len(examples)]
            target = folder / f"{index // 500:03d}" / f"plan-{index:06d}.yaml"
            target.parent.mkdir(exist_ok=True)
            shutil.copyfile(source, target)
        total = sum(p.stat().st_size for p in folder.rglob("*.yaml"))
        print(f"{count} plan files, {total / 1e6:.1f} MB, {os.cpu_count()} cores")
        for jobs in (1, os.cpu_count() or 1):
            started = time.perf_counter()
            report = check_paths([folder], CheckOptions(), jobs=jobs)
            elapsed = time.perf_counter() - started
            assert report.files == count
            print(f"  jobs={jobs}: {elapsed:.2f} s, {count / elapsed:,.0f} files/s, {len(report.findings)} findings")
        started = time.perf_counter()
        subprocess.run([*THIDUA, "check", "--format", "json", str(folder)], check=False, capture_output=True, env=ENV)
        print(f"  CLI end to end: {time.perf_counter() - started:.2f} s")
    for args in (["--version"], ["check", str(examples[0])]):
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run([*THIDUA, *args], check=False, capture_output=True, env=ENV)
            runs.append(time.perf_counter() - started)
        print(f"  thidua {args[0]}: best of 5 {min(runs) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
