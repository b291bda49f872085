"""PDF through LibreOffice, when it is installed: detected, never assumed."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from thidua.errors import ThiduaError
from thidua.files import write_atomic

CANDIDATES = ("soffice", "libreoffice")
TIMEOUT = 300  # seconds for one batch; a first start builds LibreOffice's profile
GRACE = 5  # seconds LibreOffice gets to end after SIGTERM, before SIGKILL


def find_libreoffice() -> str | None:
    """The LibreOffice program, from THIDUA_SOFFICE or the PATH."""
    configured = os.environ.get("THIDUA_SOFFICE")
    if configured:
        return configured if shutil.which(configured) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def pdf_program(wanted: bool) -> str | None:
    """The LibreOffice to convert with when --pdf is asked for (None when not); a clear error when missing."""
    if not wanted:
        return None
    program = find_libreoffice()
    if program is None:
        raise ThiduaError("pdf-missing")
    return program


def convert_to_pdf(pairs: Sequence[tuple[Path, Path]], program: str) -> None:
    """Convert each .docx to its .pdf in one LibreOffice run; each PDF is written atomically.

    LibreOffice runs with a private profile, so a LibreOffice the user has open is not disturbed
    (and does not swallow the request).
    """
    if not pairs:
        return
    with tempfile.TemporaryDirectory(prefix="thidua-pdf-") as work:
        folder = Path(work)
        sources = []
        for index, (docx, _pdf) in enumerate(pairs):
            source = folder / f"{index}.docx"
            shutil.copyfile(docx, source)
            sources.append(str(source))
        profile = (folder / "profile").as_uri()
        command = [
            program,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *sources,
        ]
        scratch = folder / "tmp"  # LibreOffice's own temporaries (lu*.tmp) go with the folder
        scratch.mkdir()
        result = _run(
            command, program, {**os.environ, "TMPDIR": str(scratch), "TMP": str(scratch), "TEMP": str(scratch)}
        )
        for index, (_docx, pdf) in enumerate(pairs):
            produced = folder / f"{index}.pdf"
            if not produced.exists():
                said = (result.stderr or result.stdout).strip().splitlines()
                detail = said[-1] if said else f"exit {result.returncode}"
                raise ThiduaError("pdf-failed", program=program, detail=detail)
            write_atomic(pdf, produced.read_bytes())


def _run(command: list[str], program: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run LibreOffice in a process group of its own, and end the whole group with thidua.

    `soffice` is a launcher: the converting soffice.bin is its child, which outlives a killed
    launcher. On a timeout, Ctrl-C or SIGTERM (Terminated, see cli/edge.py) the group is ended.
    """
    posix = sys.platform != "win32"
    try:
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            start_new_session=posix,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise ThiduaError("pdf-failed", program=program, detail=str(exc)) from None
    try:
        stdout, stderr = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired as exc:
        _end_group(process, posix)
        raise ThiduaError("pdf-failed", program=program, detail=str(exc)) from None
    except BaseException:
        _end_group(process, posix)
        raise
    if posix:  # what the launcher left behind
        _signal_group(process.pid, signal.SIGKILL)
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def _end_group(process: subprocess.Popen[str], posix: bool) -> None:
    """SIGTERM to every process of the group, SIGKILL to what is left after GRACE seconds."""
    if not posix:  # pragma: no cover - Windows: no process groups here
        process.kill()
        process.wait()
        return
    _signal_group(process.pid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=GRACE)
    _signal_group(process.pid, signal.SIGKILL)
    process.wait()


def _signal_group(group: int, number: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, number)
