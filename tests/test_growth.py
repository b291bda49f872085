"""Nothing quadratic (issue 20 item 4): 10× → 100× the items of a plan, each command ≤ 15× the work.

Each command runs in this process, through the CLI, on the Quảng Trị example repeated 1, 10 and
100 times (tests/scale.py: 27, 270 and 2,700 items; 30, 300 and 3,000 results; a next year's plan
with a fifth of its sentences reworded for diff).

The work is counted, the same on every machine and every run: for check, render, track and report
every Python call and every line of thidua run (tests/scale.py `operations`), for diff and the
redline of diff --docx the similarity scores they compute (their step that was quadratic; the
tracer would take minutes over difflib). 100× must be at most LIMIT times 10×.

The CPU time is measured too (the least of ROUNDS rounds of every size in turn), as a guard for
loops a count cannot see (C code: lxml looking for a child among all the others): linear work
measures ×9-15 here (memory and the garbage collector add per item when the heap grows), the
quadratic steps this test was written against ×22-49, so GUARD lies between.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.scale import next_year, operations, scaled_plan, write_yaml

LIMIT = 15
GUARD = 20
COUNTED = ("check", "render", "track", "report")  # diff and diff --docx count their similarity scores
SIZES = (1, 10, 100)
ROUNDS = 3
AS_OF = "2021-12-31"


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("growth")
    for k in SIZES:
        plan, results = scaled_plan(k)
        write_yaml(folder / f"p{k}.yaml", plan)
        write_yaml(folder / f"p{k}.results.yaml", results)
        write_yaml(folder / f"n{k}.yaml", next_year(plan))
    return folder


# A command on the plan of size k: its arguments and the file it must write (None: output only).
COMMANDS: dict[str, Callable[[int], tuple[list[str], str | None]]] = {
    "check": lambda k: (["check", f"p{k}.yaml"], None),
    "render": lambda k: (["render", f"p{k}.yaml", "-o", f"p{k}.docx"], f"p{k}.docx"),
    "diff": lambda k: (["diff", f"p{k}.yaml", f"n{k}.yaml"], None),
    "diff --docx": lambda k: (["diff", f"p{k}.yaml", f"n{k}.yaml", "--docx", f"d{k}.docx"], f"d{k}.docx"),
    "track": lambda k: (["track", f"p{k}.yaml", "--as-of", AS_OF], None),
    "report": lambda k: (["report", f"p{k}.yaml", "--as-of", AS_OF, "-o", f"r{k}.docx"], f"r{k}.docx"),
}


class _Scores:
    """Counts the similarity scores each module computes (diff pairs items, the redline paragraphs)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from thidua.change import diff, redline
        from thidua.text.words import similarity

        self.calls = {"diff": 0, "redline": 0}
        for name, module in (("diff", diff), ("redline", redline)):
            monkeypatch.setattr(module, "similarity", self._counting(name, similarity))

    def _counting(self, name: str, similarity: Callable[[str, str], float]) -> Callable[[str, str], float]:
        def counted(old: str, new: str) -> float:
            self.calls[name] += 1
            return similarity(old, new)

        return counted


def _cost(command: str, k: int, runs: int, scores: _Scores | None = None) -> float:
    """The least CPU time of RUNS runs of COMMAND on size K, each checked for a sound result."""
    from thidua.cli.app import app

    args, written = COMMANDS[command](k)
    best = float("inf")
    for _ in range(runs):
        if scores is not None:
            scores.calls = dict.fromkeys(scores.calls, 0)  # the counts of the last run stay
        if written is not None:
            Path(written).unlink(missing_ok=True)
        start = time.process_time()
        result = CliRunner().invoke(app, args, catch_exceptions=False)
        best = min(best, time.process_time() - start)
        assert result.exit_code in (0, 1), result.output  # 1: the scaled plans have findings
        assert written is None or Path(written).stat().st_size > 0
        assert written is not None or len(result.output) > k  # it reported something for every copy
    return best


@pytest.mark.parametrize("command", COUNTED)
def test_ten_times_the_items_take_at_most_fifteen_times_the_work(
    plans: Path, command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from thidua.cli.app import app

    monkeypatch.chdir(plans)
    _cost(command, 1, 1)  # imports, the template, caches: not counted
    work = {}
    for k in SIZES[1:]:
        args, written = COMMANDS[command](k)
        if written is not None:
            Path(written).unlink(missing_ok=True)
        work[k] = operations(lambda args=args: CliRunner().invoke(app, args, catch_exceptions=False))
        assert written is None or Path(written).stat().st_size > 0
    with capsys.disabled():
        print(f"\n{command}: {work[10]:,} → {work[100]:,} operations (×{work[100] / work[10]:.1f})")
    assert work[100] <= LIMIT * work[10]


@pytest.mark.parametrize("command", list(COMMANDS))
def test_ten_times_the_items_take_at_most_twenty_times_the_time(
    plans: Path, command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(plans)
    scores = _Scores(monkeypatch)
    _cost(command, 1, 1)  # imports, the template, caches: paid once, before any timing
    # Rounds of every size in turn, the least of each kept: a burst of other work on the machine
    # slows one run of one size, not all of its runs.
    costs = dict.fromkeys(SIZES, float("inf"))
    counts: dict[int, dict[str, int]] = {}
    for _ in range(ROUNDS):
        for k in SIZES:
            costs[k] = min(costs[k], _cost(command, k, 1, scores))
            counts[k] = scores.calls
    one, ten, hundred = (costs[k] for k in SIZES)
    ratio = hundred / ten
    growth = (hundred - ten) / max(ten - one, 1e-3)  # without the fixed cost: 10 linear, 100 quadratic
    scored = {name: (counts[10][name], counts[100][name]) for name in scores.calls if counts[100][name]}
    with capsys.disabled():
        print(f"\n{command}: 1× {one:.3f} s, 10× {ten:.3f} s, 100× {hundred:.3f} s; ×{ratio:.1f}, growth ×{growth:.1f}")
        for name, (small, large) in scored.items():
            print(f"  {name}: {small} → {large} similarity scores (×{large / small:.1f})")
    assert ratio <= GUARD
    for small, large in scored.values():
        assert large <= LIMIT * small  # the work of diff and the redline, counted


def test_track_reads_the_records_once_for_all_targets() -> None:
    """The work of `track` (calls and lines run) at 100× is at most LIMIT times that at 10×."""
    from thidua.plan.validate import validate_plan, validate_results
    from thidua.track.status import track

    work = []
    for k in SIZES[1:]:
        plan_data, results_data = scaled_plan(k)
        (plan, _), (results, _) = validate_plan(plan_data), validate_results(results_data)
        assert plan is not None and results is not None
        work.append(operations(lambda plan=plan, results=results: track(plan, results, date(2021, 12, 31))))
    assert 0 < work[1] <= LIMIT * work[0], work
