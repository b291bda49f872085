"""`thidua record` never loses a record: concurrent writers, symlinks, hard links, owner and mode."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT
from thidua.cli.app import app

FIXTURE = ROOT / "tests" / "rules" / "KQ01" / "clean.yaml"

WRITERS = 4
RECORDS = 25

# One writer process: RECORDS calls of `thidua record` (the CLI function, in process, so that
# the four writers overlap instead of spending their time starting Python), each a different
# date so that no record is a duplicate of another (KQ07).
WRITER = textwrap.dedent(
    """
    import sys
    from datetime import date, timedelta
    from thidua.cli.app import app
    plan, writer, records = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    print("ready", flush=True)
    sys.stdin.readline()  # all four start together
    failed = 0
    for index in range(records):
        day = date(2021, 1, 1) + timedelta(days=writer * records + index)
        code = app(["record", plan, "ke-hoach-cdcs", str(index + 1), "--date", day.isoformat()],
                   standalone_mode=False)
        failed += bool(code)
    sys.exit(failed)
    """
)


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    target = tmp_path / "thi-dua.yaml"
    shutil.copyfile(FIXTURE, target)
    return target


def results_of(plan: Path) -> Path:
    return plan.with_name("thi-dua.results.yaml")


def recorded(path: Path) -> list[dict[str, object]]:
    data = yaml.safe_load(path.read_bytes()) or {}
    return list(data.get("results") or [])


def _concurrent_round(plan: Path) -> list[dict[str, object]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(plan), str(number), str(RECORDS)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        for number in range(WRITERS)
    ]
    for writer in writers:  # every writer has imported thidua
        assert writer.stdout is not None and writer.stdout.readline() == b"ready\n"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write(b"go\n")
        writer.stdin.flush()
    outputs = [writer.communicate(timeout=240)[0].decode("utf-8", "replace") for writer in writers]
    records = recorded(results_of(plan))
    failed = [output for writer, output in zip(writers, outputs, strict=True) if writer.returncode]
    assert not failed, f"{len(records)} records in the file; " + failed[0][-2000:]
    return records


@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "existing-file"])
def test_four_concurrent_writers_lose_no_record(plan: Path, existing: bool) -> None:
    """4 writers × 25 records → exactly 100 records, in 5 rounds out of 5 (12 of 40 were lost)."""
    for _round in range(5 if existing else 1):
        results = results_of(plan)
        results.unlink(missing_ok=True)
        if existing:
            results.write_text("# ghi tay\nresults:\n  - target: ke-hoach-cdcs\n    date: 2021-12-31\n"
                               "    value: 100\n", encoding="utf-8")  # fmt: skip
        records = _concurrent_round(plan)
        expected = {(w, i) for w in range(WRITERS) for i in range(RECORDS)}
        dates = sorted(str(r["date"]) for r in records if str(r["date"]) != "2021-12-31")
        assert len(records) == WRITERS * RECORDS + existing, f"round {_round}: {len(records)} records"
        assert len(set(dates)) == len(expected)
        assert not [p.name for p in plan.parent.iterdir() if p.name.startswith(".")]  # no temporary left


def test_a_symlinked_results_file_gets_the_record_in_its_target(runner, plan: Path, tmp_path: Path) -> None:
    real = tmp_path / "kept" / "real.results.yaml"
    real.parent.mkdir()
    real.write_text("results:\n  - target: ke-hoach-cdcs\n    date: 2021-03-31\n    value: 60\n", encoding="utf-8")
    link = results_of(plan)
    link.symlink_to(os.path.relpath(real, link.parent))
    result = runner.invoke(app, ["record", str(plan), "ke-hoach-cdcs", "96", "--date", "2021-06-30"])
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real.resolve()
    assert [r["value"] for r in recorded(real)] == [60, 96]
    assert not [p.name for p in real.parent.iterdir() if p.name != real.name]


def test_record_keeps_the_mode(runner, plan: Path) -> None:
    results = results_of(plan)
    results.write_text("results: []\n", encoding="utf-8")
    results.chmod(0o640)
    result = runner.invoke(app, ["record", str(plan), "ke-hoach-cdcs", "96", "--date", "2021-06-30"])
    assert result.exit_code == 0, result.output
    assert results.stat().st_mode & 0o7777 == 0o640
    assert [r["value"] for r in recorded(results)] == [96]


def test_record_does_not_split_a_hard_link(runner, plan: Path, tmp_path: Path) -> None:
    results = results_of(plan)
    results.write_text("results: []\n", encoding="utf-8")
    twin = tmp_path / "twin.yaml"
    os.link(results, twin)
    result = runner.invoke(app, ["record", str(plan), "ke-hoach-cdcs", "96", "--date", "2021-06-30"])
    assert result.exit_code == 0, result.output
    assert os.path.samefile(results, twin) and results.stat().st_nlink == 2
    assert [r["value"] for r in recorded(twin)] == [96]


@pytest.mark.skipif(not hasattr(os, "getgroups") or len(os.getgroups()) < 2, reason="needs a second group")
def test_record_keeps_the_group(runner, plan: Path) -> None:
    results = results_of(plan)
    results.write_text("results: []\n", encoding="utf-8")
    other = next(g for g in os.getgroups() if g != os.getegid())
    os.chown(results, -1, other)
    result = runner.invoke(app, ["record", str(plan), "ke-hoach-cdcs", "96", "--date", "2021-06-30"])
    assert result.exit_code == 0, result.output
    assert results.stat().st_gid == other


def test_a_record_that_became_a_duplicate_meanwhile_is_refused(runner, plan: Path, monkeypatch) -> None:
    """The KQ rules run on what the file says under the lock, not on what it said when first read."""
    import thidua.workspace as workspace

    results = results_of(plan)
    results.write_text("results: []\n", encoding="utf-8")
    real_open = workspace.open_tracked

    def then_another_clerk_records(*args, **kwargs):  # type: ignore[no-untyped-def]
        tracked = real_open(*args, **kwargs)
        results.write_text("results:\n  - target: ke-hoach-cdcs\n    date: 2021-06-30\n    value: 90\n",
                           encoding="utf-8")  # fmt: skip
        return tracked

    monkeypatch.setattr(workspace, "open_tracked", then_another_clerk_records)
    result = runner.invoke(app, ["record", str(plan), "ke-hoach-cdcs", "96", "--date", "2021-06-30"])
    assert result.exit_code == 1 and "KQ07" in result.output, result.output
    assert [r["value"] for r in recorded(results)] == [90]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_record_keeps_the_owner(runner, plan: Path) -> None:
    results = results_of(plan)
    results.write_text("results: []\n", encoding="utf-8")
    os.chown(results, 4321, 4321)
    result = runner.invoke(app, ["record", str(plan), "ke-hoach-cdcs", "96", "--date", "2021-06-30"])
    assert result.exit_code == 0, result.output
    assert (results.stat().st_uid, results.stat().st_gid) == (4321, 4321)


def test_an_owner_that_cannot_be_kept_means_a_rewrite_in_place(runner, plan: Path, monkeypatch) -> None:
    """Not root, a file of someone else's (writable by its group): a rename would make it ours."""
    results = results_of(plan)
    results.write_text("results: []\n", encoding="utf-8")
    inode = results.stat().st_ino
    real_stat = os.stat

    def as_if_owned_by_another(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        info = real_stat(path, *args, **kwargs)
        if str(path).endswith(".tmp"):  # the temporary is ours, the file is not
            return os.stat_result((*info[:4], info.st_uid + 1, *info[5:]))
        return info

    def refused(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "stat", as_if_owned_by_another)
    monkeypatch.setattr(os, "chown", refused)
    result = runner.invoke(app, ["record", str(plan), "ke-hoach-cdcs", "96", "--date", "2021-06-30"])
    monkeypatch.undo()
    assert result.exit_code == 0, result.output
    assert results.stat().st_ino == inode  # the same file, rewritten
    assert [r["value"] for r in recorded(results)] == [96]
    assert not [p.name for p in plan.parent.iterdir() if p.name.startswith(".")]
