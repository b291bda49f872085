"""Stopped by SIGTERM, thidua leaves nothing behind: no hidden temporary, no /tmp/thidua-pdf-*, no
LibreOffice left running, and a failed write leaves no empty folders it made.

Each test runs thidua in a real subprocess and sends it SIGTERM at a known point: a write
that waits (os.fsync held up) or a fake LibreOffice (THIDUA_SOFFICE) that sleeps.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import QUANG_TRI, ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


def _thidua(argv: list[str], env: dict[str, str], *, prelude: str = "") -> subprocess.Popen[bytes]:
    code = prelude + "\nfrom thidua.cli.app import main\nimport sys\nsys.argv = ['thidua', *sys.argv[1:]]\nmain()\n"
    return subprocess.Popen(
        [sys.executable, "-c", code, *argv],
        env={**os.environ, "PYTHONPATH": str(ROOT), "THIDUA_LANG": "en", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _wait_for(path: Path, process: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if process.poll() is not None:
            raise AssertionError(f"ended early: {process.communicate()}")
        if time.monotonic() > deadline:
            process.kill()
            raise AssertionError("never got there")
        time.sleep(0.02)


def _end(*pids: int) -> None:
    """What a failing test left running, ended."""
    for pid in pids:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie waiting for its parent is not running
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return True


# A write held up in fsync, after the temporary file is made and before it is renamed.
HELD_WRITE = textwrap.dedent(
    """
    import os, time
    _fsync = os.fsync
    def held(fd):
        open(os.environ["HELD_MARK"], "w").close()
        time.sleep(60)
        _fsync(fd)
    os.fsync = held
    """
)


def test_sigterm_during_a_write_leaves_no_temporary_and_the_old_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "ke-hoach.docx"
    target.write_bytes(b"")  # an empty file: nothing to lose, thidua may replace it
    mark = tmp_path / "held"
    process = _thidua(["render", str(QUANG_TRI), "-o", str(target)], {"HELD_MARK": str(mark)}, prelude=HELD_WRITE)
    _wait_for(mark, process)
    assert [p.name for p in out.iterdir() if p.name.endswith(".tmp")]  # the temporary is there now
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert sorted(p.name for p in out.iterdir()) == ["ke-hoach.docx"]
    assert target.read_bytes() == b""
    assert b"Traceback" not in err and b"SIGTERM" in err


def test_sigkill_leaves_a_temporary_the_next_write_removes(tmp_path: Path) -> None:
    """SIGKILL cannot be caught: the temporary stays, and the next write beside it removes it.

    Only a temporary named as thidua names them, of a process that is gone and older than
    STALE_AFTER, goes; a write in progress and anyone else's file stay.
    """
    from thidua import files

    out = tmp_path / "out"
    out.mkdir()
    target = out / "ke-hoach.docx"
    mark = tmp_path / "held"
    process = _thidua(["render", str(QUANG_TRI), "-o", str(target)], {"HELD_MARK": str(mark)}, prelude=HELD_WRITE)
    _wait_for(mark, process)
    process.kill()
    process.communicate(timeout=30)
    (left,) = [p for p in out.iterdir() if p.name.endswith(".tmp")]
    assert f".thidua-{process.pid}-" in left.name
    running = out / f".ke-hoach.docx.thidua-{os.getpid()}-abcd.tmp"  # a write in progress (this process)
    theirs = out / ".ke-hoach.docx.backup.tmp"  # not a name thidua gives
    for path in (running, theirs):
        path.write_bytes(b"x")
    old = time.time() - files.STALE_AFTER - 5
    for path in (left, running, theirs):
        os.utime(path, (old, old))
    young = out / f".ke-hoach.docx.thidua-{process.pid}-efgh.tmp"  # just made: maybe another machine's
    young.write_bytes(b"x")

    files.write_atomic(target, b"plan")
    assert target.read_bytes() == b"plan"
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in (target, running, theirs, young))


# A LibreOffice that starts a child of its own (as soffice starts soffice.bin) and never ends.
SLOW_SOFFICE = """#!/bin/sh
mkdir "${TMPDIR:-/tmp}/lu$$.tmp"  # LibreOffice's own temporary folder, left when it is killed
sleep 300 &
echo "$$ $!" > "$SOFFICE_PIDS.part"
mv "$SOFFICE_PIDS.part" "$SOFFICE_PIDS"
wait
"""


def _slow_soffice(tmp_path: Path) -> Path:
    script = tmp_path / "slow-soffice"
    script.write_text(SLOW_SOFFICE, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.mark.parametrize("command", ["render", "report"])
def test_sigterm_during_pdf_ends_libreoffice_and_removes_its_folder(tmp_path: Path, command: str) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    pids = tmp_path / "pids"
    plan = tmp_path / "thi-dua-2021.yaml"
    shutil.copyfile(QUANG_TRI, plan)
    shutil.copyfile(QUANG_TRI.with_name("thi-dua-2021.results.yaml"), tmp_path / "thi-dua-2021.results.yaml")
    out = tmp_path / "out.docx"
    argv = [command, str(plan), "-o", str(out), "--pdf"] + (["--as-of", "2021-06-30"] if command == "report" else [])
    env = {"THIDUA_SOFFICE": str(_slow_soffice(tmp_path)), "SOFFICE_PIDS": str(pids), "TMPDIR": str(temp)}
    process = _thidua(argv, env)
    _wait_for(pids, process)
    shell, child = (int(pid) for pid in pids.read_text().split())
    assert [p.name for p in temp.iterdir() if p.name.startswith("thidua-pdf-")]
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while (_alive(shell) or _alive(child)) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in (shell, child) if _alive(pid)]
    _end(shell, child)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert not left, "LibreOffice left running"
    assert not list(temp.iterdir())
    assert not out.with_suffix(".pdf").exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_converter_that_hangs_is_ended_with_its_children(tmp_path: Path, monkeypatch) -> None:
    """The timeout ends the whole process group, not only the program thidua started."""
    from thidua.errors import ThiduaError
    from thidua.render import pdf

    pids = tmp_path / "pids"
    monkeypatch.setenv("SOFFICE_PIDS", str(pids))
    monkeypatch.setattr(pdf, "TIMEOUT", 2)
    docx = tmp_path / "x.docx"
    docx.write_bytes(b"PK")
    with pytest.raises(ThiduaError):
        pdf.convert_to_pdf([(docx, tmp_path / "x.pdf")], str(_slow_soffice(tmp_path)))
    shell, child = (int(pid) for pid in pids.read_text().split())
    deadline = time.monotonic() + 10
    while (_alive(shell) or _alive(child)) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in (shell, child) if _alive(pid)]
    _end(shell, child)
    assert not left


# ----------------------------------------------------------------------------- empty folders


def test_a_failed_render_leaves_no_folder_it_made(invoke, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("issuer: [\n", encoding="utf-8")
    out = tmp_path / "a" / "b" / "c"
    result = invoke("render", str(broken), "-o", str(out) + "/")
    assert result.exit_code == 2, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.yaml"]


def test_a_template_error_leaves_no_folder_it_made(invoke, tmp_path: Path) -> None:
    template = tmp_path / "bad.xml.j2"
    template.write_text("{{ isuer.name }}", encoding="utf-8")
    result = invoke("render", str(QUANG_TRI), "-o", str(tmp_path / "new" / "deep") + "/", "-t", str(template))
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "new").exists()


def test_folders_that_were_there_or_got_a_file_stay(invoke, tmp_path: Path) -> None:
    (tmp_path / "kept").mkdir()
    broken = tmp_path / "src" / "broken.yaml"
    broken.parent.mkdir()
    broken.write_text("issuer: [\n", encoding="utf-8")
    shutil.copyfile(QUANG_TRI, tmp_path / "src" / "good.yaml")
    (tmp_path / "src" / "sub").mkdir()
    shutil.copyfile(broken, tmp_path / "src" / "sub" / "bad.yaml")
    result = invoke("render", str(tmp_path / "src"), "-o", str(tmp_path / "kept" / "out"))
    assert result.exit_code == 2, result.output
    assert (tmp_path / "kept" / "out" / "good.docx").exists()
    assert not (tmp_path / "kept" / "out" / "sub").exists()  # made for bad.yaml, left empty
    assert (tmp_path / "kept").is_dir()


def test_a_failed_new_leaves_no_folder_it_made(invoke, tmp_path: Path, monkeypatch) -> None:
    from thidua import files

    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise files.OutputError("output-unwritable", path="x", reason="No space left on device")

    monkeypatch.setattr(files, "_through_temporary", full_disk)
    result = invoke("new", str(tmp_path / "2022" / "q" / "thi-dua-2022.yaml"), "--from", str(QUANG_TRI))
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "2022").exists()
