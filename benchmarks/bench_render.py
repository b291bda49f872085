"""Measure `thidua render`: per stage in-process, then side by side with pandoc in one run.

    python3 benchmarks/bench_render.py [--rounds N] [--runs R] [--plans M] [--src DIR]

Stages: every example plan rendered N times (default 5); the median time per plan of reading
and validating, the template, the .docx.

Side by side (R paired runs, default 5; medians): one plan, then M plans (default 200, copies of
the examples), each a full `thidua render … -o DIR` process (start-up included), against pandoc
making a .docx of the same text (Markdown written beforehand, not timed; thidua's own rendering
of the plan as --reference-doc for the styles): one `pandoc` process per document, as pandoc
only converts one document at a time, run one after another and also N at once (xargs -P cores).
cpu/wall of the M-plan render is the processes' CPU time (workers included) over wall time.
`--src DIR` runs thidua from another checkout (e.g. `git archive main`) for a before/after.
It reports; it does not pass or fail.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from thidua.render.layout import Paragraph, Table
from thidua.render.pipeline import render_document
from thidua.render.writers.docx import write_docx
from thidua.workspace import load_plan

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "campaigns").glob("*/*/*.yaml") if not p.name.endswith(".results.yaml"))
PANDOC = shutil.which("pandoc")
MARKDOWN_ROLES = {"doc-type": "# ", "section": "## ", "heading": "### "}


def stages(rounds: int) -> None:
    times: dict[str, list[float]] = {"read": [], "template": [], "docx": [], "total": []}
    write_docx(render_document(load_plan(EXAMPLES[0])[0]))  # warm imports and template cache
    for _ in range(rounds):
        for path in EXAMPLES:
            t0 = time.perf_counter()
            plan, _ = load_plan(path)
            assert plan is not None
            t1 = time.perf_counter()
            document = render_document(plan, plan_file=path)
            t2 = time.perf_counter()
            write_docx(document)
            t3 = time.perf_counter()
            for stage, seconds in (("read", t1 - t0), ("template", t2 - t1), ("docx", t3 - t2), ("total", t3 - t0)):
                times[stage].append(seconds)
    print(f"{len(EXAMPLES)} example plans x {rounds} rounds, median per plan (in-process):")
    for stage, values in times.items():
        print(f"  {stage:<9} {statistics.median(values) * 1000:7.1f} ms")


def markdown(path: Path) -> str:
    """The plan's text as pandoc would be given it: headings for the section roles, tables as pipes."""
    plan, _ = load_plan(path)
    assert plan is not None
    document = render_document(plan, plan_file=path)
    out: list[str] = []
    for block in document.blocks:
        if isinstance(block, Table):
            rows = [[" ".join(p.text for p in cell.paragraphs).replace("|", "/") for cell in row] for row in block.rows]
            width = max(len(row) for row in rows)
            for number, row in enumerate(rows):
                out.append("| " + " | ".join(row + [""] * (width - len(row))) + " |")
                if number == 0:
                    out.append("|" + "---|" * width)
            out.append("")
        elif isinstance(block, Paragraph) and block.role != "signature-space":
            text = block.text.replace("\n", " ").strip()
            if text:
                out.extend([MARKDOWN_ROLES.get(block.role, "") + text, ""])
    return "\n".join(out)


def timed(run: Callable[[], None]) -> tuple[float, float]:
    """Wall and CPU seconds of `run`, the CPU of the child processes it waited for included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def side_by_side(runs: int, plans: int, src: Path | None) -> None:
    env = dict(os.environ)
    if src is not None:
        env["PYTHONPATH"] = str(src)
    thidua = [sys.executable, "-m", "thidua"]
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        one, many, md_one, md_many = work / "one", work / "many", work / "md-one", work / "md-many"
        for folder in (one, many, md_one, md_many):
            folder.mkdir()
        shutil.copyfile(EXAMPLES[0], one / EXAMPLES[0].name)
        texts = {path: markdown(path) for path in EXAMPLES}
        (md_one / "p.md").write_text(texts[EXAMPLES[0]], encoding="utf-8")
        for number in range(plans):
            source = EXAMPLES[number % len(EXAMPLES)]
            shutil.copyfile(source, many / f"p{number:04d}.yaml")
            (md_many / f"p{number:04d}.md").write_text(texts[source], encoding="utf-8")
        reference = work / "reference.docx"
        reference.write_bytes(write_docx(render_document(load_plan(EXAMPLES[0])[0])))
        md_files = sorted(str(p) for p in md_many.iterdir())

        def render(folder: Path) -> Callable[[], None]:
            def run() -> None:
                out = work / "out"
                shutil.rmtree(out, ignore_errors=True)
                subprocess.run(
                    [*thidua, "render", str(folder), "-o", str(out)], check=True, capture_output=True, env=env
                )

            return run

        def pandoc(files: list[str], parallel: int) -> Callable[[], None]:
            def run() -> None:
                out = work / "pandoc"
                shutil.rmtree(out, ignore_errors=True)
                out.mkdir()
                script = f'exec "$0" "$1" --reference-doc "{reference}" -o "{out}/$(basename "$1" .md).docx"'
                subprocess.run(
                    ["xargs", "-P", str(parallel), "-n", "1", "sh", "-c", script, PANDOC or "pandoc"],
                    input="\n".join(files).encode(), check=True, capture_output=True,
                )  # fmt: skip

            return run

        cases: dict[str, tuple[int, Callable[[], None]]] = {"thidua 1": (1, render(one))}
        if PANDOC:
            cases["pandoc 1"] = (1, pandoc([str(md_one / "p.md")], 1))
        cases[f"thidua {plans}"] = (plans, render(many))
        if PANDOC:
            cases[f"pandoc {plans}"] = (plans, pandoc(md_files, 1))
            cases[f"pandoc {plans} -P{cores}"] = (plans, pandoc(md_files, cores))
        walls: dict[str, list[float]] = {name: [] for name in cases}
        cpus: dict[str, list[float]] = {name: [] for name in cases}
        for _count, run in cases.values():  # warm caches once
            run()
        for _ in range(runs):  # paired: every case once per run
            for name, (_, run) in cases.items():
                wall, cpu = timed(run)
                walls[name].append(wall)
                cpus[name].append(cpu)
    print(f"\nside by side, {runs} paired runs, medians ({cores} cores; pandoc {'found' if PANDOC else 'missing'}):")
    rate = {name: count / statistics.median(walls[name]) for name, (count, _) in cases.items()}
    for name in cases:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(f"  {name:<16} {rate[name]:8.1f} docs/s   wall {wall:6.2f} s   cpu/wall {cpu / wall:4.2f}")
    if PANDOC:
        print(f"  ratio thidua/pandoc docs/s, 1 plan:          {rate['thidua 1'] / rate['pandoc 1']:.2f}")
        print(
            f"  ratio thidua/pandoc docs/s, {plans} plans:       "
            f"{rate[f'thidua {plans}'] / rate[f'pandoc {plans}']:.2f}"
        )
        print(
            f"  ratio thidua/pandoc -P{cores} docs/s, {plans} plans:   "
            f"{rate[f'thidua {plans}'] / rate[f'pandoc {plans} -P{cores}']:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--plans", type=int, default=200)
    parser.add_argument("--src", type=Path, help="run thidua from this checkout instead")
    parser.add_argument("--no-stages", action="store_true")
    args = parser.parse_args()
    if not args.no_stages:
        stages(args.rounds)
    side_by_side(args.runs, args.plans, args.src)


if __name__ == "__main__":
    main()
