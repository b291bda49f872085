"""`thidua textconv`: the readable text of a plan or a .docx, for `git diff` (git's textconv)."""

from __future__ import annotations

from pathlib import Path

from thidua.check.text_input import read_document
from thidua.errors import InputError, ThiduaError
from thidua.files import InputTooLarge, read_input
from thidua.plan.loader import MAX_BYTES
from thidua.workspace import load_plan


def readable_text(path: Path) -> str:
    """A plan as its document reads; a .docx paragraph by paragraph.

    A plan that does not read or validate (a work in progress, a merge conflict) comes out as it
    is written, so that `git diff` still shows it.
    """
    if not path.is_file():
        raise InputError("path-missing", path=str(path))
    if path.suffix.lower() == ".docx":
        lines, problems = read_document(path)
        if problems:
            raise InputError("textconv-unreadable", path=str(path))
        return "\n".join(lines) + "\n"
    plan, findings = load_plan(path)
    if plan is not None and not findings:
        from thidua.render.pipeline import render_document
        from thidua.render.writers.text import write_text

        try:
            return write_text(render_document(plan, plan_file=path))
        except ThiduaError:
            pass  # a broken template override: show the plan as written instead
    try:
        return read_input(path, MAX_BYTES).decode("utf-8", "replace")
    except InputTooLarge:
        raise InputError("input-too-large", path=str(path), limit=MAX_BYTES) from None
    except OSError as exc:
        raise InputError("path-missing", path=f"{path} ({exc.strerror})") from None
