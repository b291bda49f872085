"""thidua side by side with the tools a union would otherwise use, in one run, as ratios.

    python3 benchmarks/bench_compare.py [--count N] [--quick] [--skip-check] [--skip-render]
                                        [--skip-startup] [--skip-growth]

1. check: N plan files (default 2,000; copies of the example plans, `*.results.yaml` left out),
   thidua's in-process check (one job, every core) against the `yaml.load` floor (PyYAML's
   CSafeLoader, same process), `check-jsonschema --schemafile schema/plan.schema.json` and
   `yamllint -d relaxed` (subprocesses, wall time). The corpus is cut in chunks and every tool
   runs on a chunk before the next chunk (interleaved: same machine state); files/s are over
   the whole corpus, thidua's ratios are the median of the per-chunk ratios.
2. render: `thidua render` of one plan, a whole CLI process (median of R paired runs), against
   pandoc making a .docx of the same text (Markdown from bench_render.markdown, thidua's own
   .docx as --reference-doc); then 200 plans in one `thidua render DIR -o OUT` (its --jobs
   default: every core) against 200 pandoc processes, as many at once as there are cores.
3. start-up: `thidua --version`, `check --help`, `check ONE.yaml`, `render --help`,
   `diff --help`, `track --help` against `python -c pass` (same interpreter), interleaved, medians.
4. growth: benchmarks/bench_growth.py (called, not copied) for check, render, diff, track,
   report at 1×/10×/100×; its 100×/10× per command.

thidua always runs from this checkout (`python -m thidua` with PYTHONPATH set to it).
It measures and reports; it never passes or fails on timing.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_growth  # noqa: E402
from bench_render import markdown  # noqa: E402

from thidua.check.engine import CheckOptions  # noqa: E402
from thidua.render.pipeline import render_document  # noqa: E402
from thidua.render.writers.docx import write_docx  # noqa: E402
from thidua.workspace import check_paths, load_plan  # noqa: E402

EXAMPLES = sorted(p for p in (ROOT / "campaigns").glob("*/*/*.yaml") if not p.name.endswith(".results.yaml"))
SCHEMA = ROOT / "schema" / "plan.schema.json"
BIN = Path(sys.executable).parent
CORES = os.cpu_count() or 1
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "200", "NO_COLOR": "1"}
THIDUA = [sys.executable, "-m", "thidua"]
SUMMARY: list[str] = []


def tool(name: str) -> str | None:
    """A program next to this interpreter (the venv's), else on PATH."""
    local = BIN / name
    return str(local) if local.exists() else shutil.which(name)


def wall(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def proc(args: list[str], *, ok: tuple[int, ...] = (0, 1), cwd: Path | None = None) -> None:
    """Run ARGS to the end, output thrown away; an unexpected exit code stops the benchmark."""
    done = subprocess.run(args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    if done.returncode not in ok:
        raise SystemExit(f"{' '.join(args[:4])} …: exit {done.returncode}\n{done.stderr.decode()[-2000:]}")


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    for number, row in enumerate([header, *rows]):
        cells = [
            str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  " + "  ".join(cells).rstrip())
        if number == 0:
            print("  " + "  ".join("-" * w for w in widths))
    sys.stdout.flush()


def faster(ratio: float) -> str:
    return f"{ratio:.1f}× faster than" if ratio >= 1 else f"{1 / ratio:.1f}× slower than"


# 1. check ----------------------------------------------------------------------------------------


def part_check(count: int, chunk: int) -> None:
    jsonschema, yamllint = tool("check-jsonschema"), tool("yamllint")
    with tempfile.TemporaryDirectory(prefix="thidua-cmp-check-") as tmp:
        folder = Path(tmp)
        chunks: list[Path] = []
        for index in range(count):
            target = folder / f"{index // chunk:03d}" / f"plan-{index:06d}.yaml"
            if not target.parent.exists():
                target.parent.mkdir()
                chunks.append(target.parent)
            shutil.copyfile(EXAMPLES[index % len(EXAMPLES)], target)
        size = sum(p.stat().st_size for p in folder.rglob("*.yaml"))
        print(
            f"\n[check] {count} plan files ({len(EXAMPLES)} example plans copied, no results files), "
            f"{size / 1e6:.1f} MB, {len(chunks)} chunks of ≤{chunk}, {CORES} cores",
            flush=True,
        )

        def floor(files: list[Path]) -> None:
            for path in files:
                yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        flagged: set[str] = set()
        findings = 0

        def thidua(part: Path, jobs: int) -> Callable[[], None]:
            def run() -> None:
                nonlocal findings
                report = check_paths([part], CheckOptions(), jobs=jobs)
                assert report.files == len(list(part.glob("*.yaml"))), report.files
                if jobs == 1:
                    findings += len(report.findings)
                    flagged.update(f.file for f in report.findings if f.code[:2] in ("SC", "YA"))

            return run

        names = ["thidua check, 1 job", f"thidua check, {CORES} jobs", "yaml.load floor (CSafeLoader)"]
        if jsonschema:
            names.append("check-jsonschema")
        if yamllint:
            names.append("yamllint -d relaxed")
        times: dict[str, list[float]] = {name: [] for name in names}
        floor(sorted(chunks[0].glob("*.yaml"))[:20])  # warm the imports
        check_paths([EXAMPLES[0]], CheckOptions(), jobs=1)
        for number, part in enumerate(chunks):
            files = sorted(part.glob("*.yaml"))
            strs = [str(p) for p in files]
            cases: dict[str, Callable[[], object]] = {
                names[0]: thidua(part, 1),
                names[1]: thidua(part, CORES),
                names[2]: lambda files=files: floor(files),
            }
            if jsonschema:
                cases["check-jsonschema"] = lambda strs=strs: proc([jsonschema, "--schemafile", str(SCHEMA), *strs])
            if yamllint:
                cases["yamllint -d relaxed"] = lambda strs=strs: proc([yamllint, "-d", "relaxed", *strs])
            order = list(cases) if number % 2 == 0 else list(reversed(cases))  # neither always first
            for name in order:
                times[name].append(wall(cases[name]))
            print(
                f"  chunk {number + 1}/{len(chunks)}: " + ", ".join(f"{times[n][-1]:.1f} s" for n in names), flush=True
            )
        sizes = [len(list(part.glob("*.yaml"))) for part in chunks]
    rate = {name: count / sum(times[name]) for name in names}
    best = names[1] if rate[names[1]] >= rate[names[0]] else names[0]

    def paired(a: str, b: str) -> float:
        """Median over the chunks of b's time / a's time: how many times faster a is than b."""
        return statistics.median(tb / ta for ta, tb in zip(times[a], times[b], strict=True))

    rows = []
    for name in names:
        per_file = sum(times[name]) / count * 1000
        vs = "" if name.startswith("thidua") else f"{paired(best, name):.2f}"
        rows.append([name, f"{sum(times[name]):.1f}", f"{rate[name]:,.1f}", f"{per_file:.2f}", vs])
    table(
        f"check: {count} files; files/s over all chunks; last column: thidua ({best}) speed ÷ tool's, "
        "median of per-chunk ratios",
        ["tool", "total s", "files/s", "ms/file", "thidua ×"],
        rows,
    )
    print(
        f"  sanity: {len(flagged)} of {count} files with an SC/YA (schema or YAML) finding; {findings} findings in all"
    )
    floor_ratio = paired(names[2], best)
    SUMMARY.append(
        f"check ({count} plans): 1 job {rate[names[0]]:,.1f} files/s, {CORES} jobs {rate[names[1]]:,.1f} files/s;"
        f" {floor_ratio:.1f}× the time of the yaml.load floor ({rate[names[2]]:,.0f} files/s)"
    )
    for name in names[3:]:
        SUMMARY.append(f"check vs {name}: thidua {faster(paired(best, name))} {name} ({rate[name]:,.1f} files/s)")
    SUMMARY.append(f"check sanity: {len(flagged)} files with an SC/YA finding (corpus sizes {sorted(set(sizes))})")


# 2. render ---------------------------------------------------------------------------------------


def part_render(runs: int, runs_many: int, plans: int) -> None:
    pandoc = shutil.which("pandoc")
    one_plan = EXAMPLES[0]
    with tempfile.TemporaryDirectory(prefix="thidua-cmp-render-") as tmp:
        work = Path(tmp)
        many, md_many, out = work / "many", work / "md", work / "out"
        for folder in (many, md_many, out):
            folder.mkdir()
        one = work / one_plan.name
        shutil.copyfile(one_plan, one)
        texts = {path: markdown(path) for path in EXAMPLES}
        md_one = work / "one.md"
        md_one.write_text(texts[one_plan], encoding="utf-8")
        for number in range(plans):
            source = EXAMPLES[number % len(EXAMPLES)]
            shutil.copyfile(source, many / f"p{number:04d}.yaml")
            (md_many / f"p{number:04d}.md").write_text(texts[source], encoding="utf-8")
        reference = work / "reference.docx"
        plan, _ = load_plan(one_plan)
        assert plan is not None
        reference.write_bytes(write_docx(render_document(plan, plan_file=one_plan)))
        md_files = sorted(md_many.iterdir())
        serial = iter(range(10**6))

        def fresh() -> Path:
            path = out / f"run{next(serial):04d}"
            return path

        def thidua_one() -> None:
            proc([*THIDUA, "render", str(one), "-o", str(fresh()) + ".docx"], ok=(0,), cwd=work)

        def pandoc_one() -> None:
            assert pandoc
            proc([pandoc, str(md_one), f"--reference-doc={reference}", "-o", str(fresh()) + ".docx"], ok=(0,))

        def thidua_many() -> None:
            proc([*THIDUA, "render", str(many), "-o", str(fresh())], ok=(0,), cwd=work)

        def pandoc_many() -> None:
            assert pandoc
            target = fresh()
            target.mkdir()
            args = [
                [pandoc, str(md), f"--reference-doc={reference}", "-o", str(target / md.stem) + ".docx"]
                for md in md_files
            ]
            with ThreadPoolExecutor(max_workers=CORES) as pool:  # CORES pandoc processes at a time
                list(pool.map(lambda a: proc(a, ok=(0,)), args))

        print(
            f"\n[render] 1 plan ({one_plan.relative_to(ROOT)}, {runs} paired runs) and {plans} plans "
            f"({runs_many} paired runs); pandoc {'found' if pandoc else 'missing'}",
            flush=True,
        )
        one_cases = {"thidua render 1 plan": thidua_one} | ({"pandoc 1 document": pandoc_one} if pandoc else {})
        many_cases = {f"thidua render {plans} plans (1 call)": thidua_many} | (
            {f"pandoc {plans} docs ({CORES} at a time)": pandoc_many} if pandoc else {}
        )
        for run in one_cases.values():  # warm caches once (the many-plan cases are long enough)
            run()
        counted = {name: 1 for name in one_cases} | {name: plans for name in many_cases}
        times: dict[str, list[float]] = {name: [] for name in counted}
        for cases, repeat in ((one_cases, runs), (many_cases, runs_many)):
            for number in range(repeat):
                order = list(cases) if number % 2 == 0 else list(reversed(cases))
                for name in order:
                    times[name].append(wall(cases[name]))
            shutil.rmtree(out)
            out.mkdir()
    median = {name: statistics.median(values) for name, values in times.items()}
    rate = {name: counted[name] / median[name] for name in counted}
    rows = [[n, f"{median[n]:.3f}", f"{min(times[n]):.3f}", f"{rate[n]:,.1f}"] for n in counted]
    table("render: medians of paired runs (whole processes)", ["case", "median s", "best s", "docs/s"], rows)
    if pandoc:
        t1, p1 = list(one_cases)
        tm, pm = list(many_cases)
        r1 = statistics.median(p / t for t, p in zip(times[t1], times[p1], strict=True))
        rm = statistics.median(p / t for t, p in zip(times[tm], times[pm], strict=True))
        print(f"  ratio thidua/pandoc docs/s (median of paired runs): 1 plan {r1:.2f}, {plans} plans {rm:.2f}")
        SUMMARY.append(
            f"render 1 plan: thidua {median[t1] * 1000:.0f} ms vs pandoc {median[p1] * 1000:.0f} ms"
            f" (thidua {faster(r1)} pandoc)"
        )
        SUMMARY.append(
            f"render {plans} plans: thidua {rate[tm]:.1f} docs/s vs pandoc {rate[pm]:.1f} docs/s"
            f" with {CORES} at a time (thidua {faster(rm)} pandoc)"
        )


# 3. start-up -------------------------------------------------------------------------------------


def part_startup(runs: int) -> None:
    plan = EXAMPLES[0]
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "thidua --version": [*THIDUA, "--version"],
        "thidua check --help": [*THIDUA, "check", "--help"],
        "thidua check ONE.yaml": [*THIDUA, "check", str(plan)],
        "thidua render --help": [*THIDUA, "render", "--help"],
        "thidua diff --help": [*THIDUA, "diff", "--help"],
        "thidua track --help": [*THIDUA, "track", "--help"],
    }
    print(f"\n[start-up] {runs} interleaved runs each; python = {sys.executable}", flush=True)
    for args in cases.values():
        proc(args, cwd=ROOT)
    times: dict[str, list[float]] = {name: [] for name in cases}
    for number in range(runs):
        order = list(cases) if number % 2 == 0 else list(reversed(cases))
        for name in order:
            times[name].append(wall(lambda args=cases[name]: proc(args, cwd=ROOT)))
    base = statistics.median(times["python -c pass"])
    rows = []
    for name, values in times.items():
        median = statistics.median(values)
        rows.append([name, f"{median * 1000:.0f}", f"{min(values) * 1000:.0f}", f"{median / base:.1f}"])
    table("start-up: wall ms, whole process", ["command", "median ms", "best ms", "× python -c pass"], rows)
    med = {name: statistics.median(v) * 1000 for name, v in times.items()}
    SUMMARY.append(
        f"start-up: thidua --version {med['thidua --version']:.0f} ms, check ONE.yaml "
        f"{med['thidua check ONE.yaml']:.0f} ms, --help {min(v for k, v in med.items() if 'help' in k):.0f}–"
        f"{max(v for k, v in med.items() if 'help' in k):.0f} ms; python -c pass {base * 1000:.0f} ms "
        f"(--version = {med['thidua --version'] / (base * 1000):.1f}×)"
    )


# 4. growth ---------------------------------------------------------------------------------------


class Tee(io.StringIO):
    def write(self, text: str) -> int:
        sys.__stdout__.write(text)
        return super().write(text)

    def flush(self) -> None:
        sys.__stdout__.flush()


def part_growth(runs: int, commands: str) -> None:
    print(f"\n[growth] benchmarks/bench_growth.py --runs {runs} --commands {commands}", flush=True)
    argv = sys.argv
    sys.argv = ["bench_growth.py", "--runs", str(runs), "--commands", commands]
    captured = Tee()
    try:
        with contextlib.redirect_stdout(captured):
            bench_growth.main()
    finally:
        sys.argv = argv
    rows = []
    for line in captured.getvalue().splitlines():
        if "100×/10×" not in line:
            continue
        command, rest = line.split(": ", 1)
        parts = dict(p.split(" ", 1) for p in rest.replace("; ", ", ").split(", ") if "×" in p.split(" ")[0])
        ratio = rest.split("100×/10× ")[1].split(",")[0]
        growth = rest.split("growth ")[1]
        rows.append([command, parts.get("1×", "").split(" ")[0], parts.get("10×", "").split(" ")[0],
                     parts.get("100×", "").split(" ")[0], ratio, growth])  # fmt: skip
    table(
        "growth: median wall s per whole process at 1×/10×/100× the Quảng Trị example",
        ["command", "1× s", "10× s", "100× s", "100×/10×", "growth"],
        rows,
    )
    if rows:
        SUMMARY.append("growth 10×→100× (time ratio; 10 = linear): " + ", ".join(f"{r[0]} {r[4]}" for r in rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, help="plan files for check (default 2,000; --quick 40)")
    parser.add_argument("--chunk", type=int, help="files per interleaved check chunk (default count/4)")
    parser.add_argument("--plans", type=int, help="plans for the many-plan render (default 200; --quick 10)")
    parser.add_argument("--runs", type=int, help="paired runs of the one-plan render (default 7; --quick 3)")
    parser.add_argument("--runs-many", type=int, help="paired runs of the many-plan render (default 1; --quick 1)")
    parser.add_argument("--startup-runs", type=int, help="runs per start-up command (default 11; --quick 3)")
    parser.add_argument("--growth-runs", type=int, help="rounds of bench_growth (default 3; --quick 1)")
    parser.add_argument("--growth-commands", help="default check,render,diff,track,report; --quick check")
    parser.add_argument("--quick", action="store_true", help="small counts: a smoke run in under a minute")
    for part in ("check", "render", "startup", "growth"):
        parser.add_argument(f"--skip-{part}", action="store_true")
    options = parser.parse_args()
    q = options.quick
    count = options.count or (40 if q else 2000)
    chunk = options.chunk or max(1, -(-count // 4))

    def pick(value: object, default: object, quick: object) -> object:
        return value if value is not None else (quick if q else default)

    imported = subprocess.run(
        [sys.executable, "-c", "import thidua; print(thidua.__file__, thidua.__version__)"],
        env=ENV, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    assert Path(imported[0]).is_relative_to(ROOT), f"thidua would run from {imported[0]}, not {ROOT}"
    tools = {name: tool(name) or "missing" for name in ("check-jsonschema", "yamllint", "pandoc")}
    started = time.perf_counter()
    print(f"thidua {imported[1]} from {Path(imported[0]).parent}; {CORES} cores; {time.strftime('%Y-%m-%d %H:%M %Z')}")
    print("  " + "; ".join(f"{k}: {v}" for k, v in tools.items()))
    if not options.skip_check:
        part_check(count, chunk)
    if not options.skip_render:
        part_render(
            int(pick(options.runs, 7, 3)), int(pick(options.runs_many, 1, 1)), int(pick(options.plans, 200, 10))
        )
    if not options.skip_startup:
        part_startup(int(pick(options.startup_runs, 11, 3)))
    if not options.skip_growth:
        part_growth(
            int(pick(options.growth_runs, 3, 1)),
            str(pick(options.growth_commands, "check,render,diff,track,report", "check")),
        )
    print(f"\nsummary ({CORES} cores, {time.perf_counter() - started:.0f} s in all; measured, never judged):")
    for line in SUMMARY:
        print(f"  {line}")


if __name__ == "__main__":
    main()
