"""A mutation fuzzer over `check`, `new` and `diff`, in process, seeded by the example campaigns.

    python3 tools/fuzz.py [--seconds S | --count N] [--workers W] [--seed X] [--out DIR]

Each input is an example plan (or results file) with one to four mutations stacked: bytes
flipped, inserted or deleted; every line ending changed (CR only, CRLF, CR CR LF); a year made
0001, 1899, 9999…; a number made huge (20, 400 or 5,000 digits), negative or 1e308; lines
deleted, doubled, swapped or cut off; a tab before a comment, an anchor, a tag, a control or
look-alike character inserted; lines spliced from another example. Every input goes through
`check` (with every rule and its text and JSON output); an input that check accepts (no errors)
then goes through `new` (the next year's text, read back) and `diff` (against itself, the
example it came from and the plan `new` made, with the text and JSON outputs).

An internal error is any exception but ThiduaError (a clear message): it is saved with its
traceback under --out (default: fuzz-failures/) and counted. The run prints inputs, inputs/s,
internal errors and the slowest command on one input (saved as slowest.yaml); exit 1 when
there was an error or a command took longer than --slow seconds (default 2) on one input; the
first 20 such inputs are saved as slow-*.yaml. `--clock cpu` times each command by the CPU time
of its thread instead of the wall clock, for a long run on a machine shared with other work.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import os
import random
import re
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from thidua.change.diff import diff_plans  # noqa: E402
from thidua.change.newyear import default_year, next_year_text  # noqa: E402
from thidua.check.engine import CheckOptions, CheckReport, check_loaded  # noqa: E402
from thidua.cli.show.check import FORMATS as CHECK_FORMATS  # noqa: E402
from thidua.cli.show.diff import FORMATS as DIFF_FORMATS  # noqa: E402
from thidua.cli.show.diff import DiffView  # noqa: E402
from thidua.errors import ThiduaError  # noqa: E402
from thidua.findings import Severity  # noqa: E402
from thidua.plan.loader import load_yaml_bytes  # noqa: E402
from thidua.plan.validate import validate_plan  # noqa: E402

SEEDS = sorted((ROOT / "campaigns").glob("*/*/*.yaml"))
YEARS = [b"0001", b"0999", b"1899", b"1900", b"1999", b"2999", b"3000", b"9998", b"9999", b"2020", b"2024"]
NUMBERS = [b"9" * 16, b"9" * 20, b"9" * 400, b"9" * 5000, b"-1", b"-" + b"9" * 30, b"1e308", b"-1e308", b"0",
           b"1e-400", b"0.000001", b"1_000", b"0x1F", b".5", b"1e15"]  # fmt: skip
TOKENS = [b"\t# c", b" \t#c", b"\t", b"&a ", b"*a", b"!!python/object ", b"<<: ", b"~", b"null", b"\xe2\x80\xa8",
          b"\x00", b"\xc3\x90", b"{{ 7*7 }}", b"- ", b": ", b"'", b'"', b"#", b"\r", b"\n", b"\r\n", b"\xef\xbb\xbf",
          b"x" * 300, b"29/02/2021", b"2021-02-29", b"2021-13-01", b"\xff", b"%", b"[", b"{", b"]", b"}"]  # fmt: skip
_YEAR = re.compile(rb"(?<![0-9])[12][0-9]{3}(?![0-9])")
_NUMBER = re.compile(rb"(?<=: )-?[0-9]+(?:\.[0-9]+)?(?=\s)")


CLOCK = time.perf_counter


def mutate(raw: bytes, rng: random.Random, seeds: list[bytes]) -> bytes:
    for _ in range(rng.randint(1, 4)):
        raw = rng.choice(_MUTATIONS)(raw, rng, seeds)
    return raw


def _bytes(raw: bytes, rng: random.Random, seeds: list[bytes]) -> bytes:
    data = bytearray(raw)
    for _ in range(rng.randint(1, 8)):
        if not data:
            break
        where = rng.randrange(len(data))
        op = rng.random()
        if op < 0.4:
            data[where] = rng.randrange(256)
        elif op < 0.7:
            data.insert(where, rng.randrange(256))
        else:
            del data[where]
    return bytes(data)


def _line_ends(raw: bytes, rng: random.Random, seeds: list[bytes]) -> bytes:
    plain = raw.replace(b"\r\n", b"\n")
    return plain.replace(b"\n", rng.choice([b"\r", b"\r\n", b"\r\r\n", b"\n\r", b"\n"]))


def _year(raw: bytes, rng: random.Random, seeds: list[bytes]) -> bytes:
    found = list(_YEAR.finditer(raw))
    if not found:
        return raw
    if rng.random() < 0.3:  # every year at once: a plan moved far
        year = rng.choice(YEARS)
        return _YEAR.sub(year, raw)
    match = rng.choice(found)
    return raw[: match.start()] + rng.choice(YEARS) + raw[match.end() :]


def _number(raw: bytes, rng: random.Random, seeds: list[bytes]) -> bytes:
    found = list(_NUMBER.finditer(raw))
    if not found:
        return raw
    match = rng.choice(found)
    return raw[: match.start()] + rng.choice(NUMBERS) + raw[match.end() :]


def _lines(raw: bytes, rng: random.Random, seeds: list[bytes]) -> bytes:
    lines = raw.split(b"\n")
    if len(lines) < 2:
        return raw
    i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
    op = rng.random()
    if op < 0.25:
        del lines[i]
    elif op < 0.5:
        lines.insert(i, lines[j])
    elif op < 0.7:
        lines[i], lines[j] = lines[j], lines[i]
    elif op < 0.85:  # a shorter plan: also makes the run faster
        lines = lines[: max(i, j) + 1]
    else:
        other = rng.choice(seeds).split(b"\n")
        k = rng.randrange(len(other))
        lines[i:i] = other[k : k + rng.randint(1, 12)]
    return b"\n".join(lines)


def _token(raw: bytes, rng: random.Random, seeds: list[bytes]) -> bytes:
    token = rng.choice(TOKENS)
    if rng.random() < 0.5:  # at the end of a line: where comments go
        ends = [m.start() for m in re.finditer(rb"\r?\n", raw)] or [len(raw)]
        where = rng.choice(ends)
    else:
        where = rng.randrange(len(raw) + 1)
    return raw[:where] + token + raw[where:]


_MUTATIONS = [_bytes, _line_ends, _year, _year, _number, _number, _lines, _lines, _token, _token]


@dataclass
class Tally:
    inputs: int = 0
    accepted: int = 0  # check found no error: new and diff ran too
    errors: int = 0
    slowest: float = 0.0  # the longest single command (check, new or diff) on one input
    slowest_command: str = ""
    slowest_input: bytes = b""
    slowest_total: float = 0.0  # the longest input, every command on it together
    over: int = 0  # commands slower than --slow
    kinds: dict[str, int] = field(default_factory=dict)


def run_one(raw: bytes, seed_path: Path, seed_plan: object, options: CheckOptions, took: dict[str, float]) -> bool:
    """check, then new and diff when check accepts; True when check accepted the input.

    `took` gets the seconds of each command run (check, new, diff: the longest of its runs).
    """
    started = CLOCK()
    loaded = load_yaml_bytes(raw, "fuzz.yaml")
    plan, findings = check_loaded(loaded, seed_path, options)
    report = CheckReport(findings=findings, files=1)
    for name in ("text", "json"):
        CHECK_FORMATS[name](report, "vi", io.StringIO())
    took["check"] = CLOCK() - started
    if plan is None or any(f.severity is Severity.error for f in findings):
        return False
    started = CLOCK()
    year = default_year(plan)
    if year is not None and year != plan.year:
        try:
            made = next_year_text(raw, loaded, plan, year=year, old_name="fuzz.yaml", lang="en")
        except ThiduaError:
            made = None
        took["new"] = CLOCK() - started
        if made is not None:
            new_plan, problems = validate_plan(load_yaml_bytes(made.text.encode("utf-8"), "new.yaml").data)
            assert new_plan is not None, problems
            _diff(plan, new_plan, took)
    _diff(plan, plan, took)
    _diff(seed_plan, plan, took)
    return True


def _diff(old: object, new: object, took: dict[str, float]) -> None:
    started = CLOCK()
    result = diff_plans(old, new)  # type: ignore[arg-type]
    view = DiffView("old.yaml", "new.yaml", result, True)
    for name in ("text", "json"):
        DIFF_FORMATS[name](view, "en", io.StringIO())
    took["diff"] = max(took.get("diff", 0.0), CLOCK() - started)


def worker(args: tuple[int, float, int, str, float, str]) -> Tally:
    global CLOCK
    number, seconds, count, out, slow, clock = args
    CLOCK = time.thread_time if clock == "cpu" else time.perf_counter
    rng = random.Random(number)
    seeds = [path.read_bytes() for path in SEEDS]
    plans = []
    for path, raw in zip(SEEDS, seeds, strict=True):
        plan, _ = validate_plan(load_yaml_bytes(raw, path.name).data)
        plans.append(plan)
    options = CheckOptions()
    tally = Tally()
    deadline = time.monotonic() + seconds
    while (tally.inputs < count) if count else (time.monotonic() < deadline):
        index = rng.randrange(len(SEEDS))
        seed_plan = plans[index] if plans[index] is not None else plans[0]
        raw = mutate(seeds[index], rng, seeds)
        started = CLOCK()
        took: dict[str, float] = {}
        try:
            tally.accepted += run_one(raw, SEEDS[index], seed_plan, options, took)
        except ThiduaError:
            pass
        except Exception as exc:  # an internal error: keep the input
            tally.errors += 1
            kind = f"{type(exc).__name__}: {str(exc)[:80]}"
            tally.kinds[kind] = tally.kinds.get(kind, 0) + 1
            folder = Path(out)
            folder.mkdir(parents=True, exist_ok=True)
            name = folder / f"error-{number}-{tally.inputs}"
            name.with_suffix(".yaml").write_bytes(raw)
            name.with_suffix(".txt").write_text(traceback.format_exc(), encoding="utf-8")
        tally.slowest_total = max(tally.slowest_total, CLOCK() - started)
        for command, seconds in took.items():
            if seconds > tally.slowest:
                tally.slowest, tally.slowest_command, tally.slowest_input = seconds, command, raw
            if seconds > slow:
                tally.over += 1
                if tally.over <= 20:
                    folder = Path(out)
                    folder.mkdir(parents=True, exist_ok=True)
                    (folder / f"slow-{number}-{tally.inputs}-{command}.yaml").write_bytes(raw)
        tally.inputs += 1
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--count", type=int, default=0, help="inputs per worker instead of a time")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--out", default="fuzz-failures")
    parser.add_argument("--slow", type=float, default=2.0)
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    args = parser.parse_args()
    started = time.monotonic()
    jobs = [
        (args.seed * 1000 + n, args.seconds, args.count, args.out, args.slow, args.clock) for n in range(args.workers)
    ]
    with multiprocessing.Pool(args.workers) as pool:
        tallies = pool.map(worker, jobs)
    elapsed = time.monotonic() - started
    inputs = sum(t.inputs for t in tallies)
    errors = sum(t.errors for t in tallies)
    over = sum(t.over for t in tallies)
    slowest = max(tallies, key=lambda t: t.slowest)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    (Path(args.out) / "slowest.yaml").write_bytes(slowest.slowest_input)
    kinds: dict[str, int] = {}
    for tally in tallies:
        for kind, n in tally.kinds.items():
            kinds[kind] = kinds.get(kind, 0) + n
    print(
        f"fuzz seed {args.seed}: {inputs} inputs in {elapsed:.0f} s "
        f"({inputs / elapsed:.0f}/s, {args.workers} workers, {args.clock} clock), "
        f"{sum(t.accepted for t in tallies)} accepted by check (new and diff ran), {errors} internal errors, "
        f"slowest command {slowest.slowest:.3f} s ({slowest.slowest_command}), {over} commands over {args.slow:g} s; "
        f"slowest input (check, new and 3 diffs) {max(t.slowest_total for t in tallies):.3f} s"
    )
    for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]):
        print(f"  {n:6d}  {kind}")
    return 1 if errors or over else 0


if __name__ == "__main__":
    sys.exit(main())
