"""A reader that goes away (`thidua … | head`) ends every command quietly, as cat and git end."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLAN = "campaigns/ldld-quang-tri/2021/thi-dua-2021.yaml"
NEXT = "campaigns/ldld-quang-tri/2022/thi-dua-2022.yaml"

COMMANDS = [
    ["check", "campaigns/", "--format", "json"],
    ["check", "campaigns/"],
    ["check", "campaigns/", "--format", "github"],
    ["track", PLAN, "--format", "json"],
    ["track", PLAN, "--as-of", "2021-06-30"],
    ["track", PLAN, "--format", "md"],
    ["diff", PLAN, NEXT, "--format", "json"],
    ["diff", PLAN, NEXT],
    ["rules"],
    ["explain", "PE06"],
    ["schema"],
    ["textconv", PLAN],  # writes without flushing: the pipe breaks in Python's flush at exit
    ["--help"],
    ["check", "--help"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_closed_pipe_ends_quietly(args: list[str]) -> None:
    # The read end is closed before thidua writes a byte: `| head -c 0`, deterministic at any size.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "thidua", *args],
            cwd=ROOT,
            stdout=write_end,
            stderr=subprocess.PIPE,
            timeout=120,
            env={**os.environ, "COLUMNS": "100"},
        )
    finally:
        os.close(write_end)
    assert result.stderr.decode() == ""
    assert result.returncode in (-signal.SIGPIPE, 128 + signal.SIGPIPE), result.returncode


def test_a_pipe_closed_after_a_few_bytes_ends_quietly() -> None:
    """`thidua track PLAN --format json | head -c 10`, as the issue has it."""
    process = subprocess.Popen(
        [sys.executable, "-m", "thidua", "track", PLAN, "--format", "json"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.read(10)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    returncode = process.wait(timeout=120)
    assert first.startswith(b"[")
    assert stderr == ""
    assert returncode in (0, -signal.SIGPIPE, 128 + signal.SIGPIPE)
