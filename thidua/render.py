"""`thidua render`: plan -> context -> template -> document -> .docx (and PDF), written atomically."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from thidua.checker import discover, load_plan
from thidua.context import plan_context
from thidua.document import Document, MarkupError, parse_markup
from thidua.errors import ThiduaError
from thidua.fileio import OutputError, check_writable, write_atomic
from thidua.findings import Finding
from thidua.model import Plan
from thidua.templating import TemplateProblem, render_markup, resolve_template

DOCX = ".docx"


def render_document(plan: Plan, *, plan_file: Path | None = None, template: Path | None = None) -> Document:
    """The plan laid out by its template, as a document model (no files written)."""
    search_path, name = resolve_template(template, plan_file)
    markup = render_markup(plan_context(plan), search_path, name)
    try:
        return parse_markup(markup)
    except MarkupError as exc:
        raise TemplateProblem("template-markup", name=name, line=exc.line or "?", detail=exc.message) from None


def render_docx(plan: Plan, *, plan_file: Path | None = None, template: Path | None = None) -> bytes:
    from thidua.writers.docx import write_docx  # python-docx is the slow import; only here

    return write_docx(render_document(plan, plan_file=plan_file, template=template))


def render_redline(old: Plan, new: Plan, *, plan_file: Path | None = None, template: Path | None = None) -> bytes:
    """NEW as .docx with every difference from OLD as a Word tracked change (both laid out by NEW's template)."""
    from thidua.redline import merge
    from thidua.writers.docx import Revision, laid_out, write_docx

    before = render_document(old, plan_file=plan_file, template=template)
    after = render_document(new, plan_file=plan_file, template=template)
    return write_docx(merge(before, after, layout=laid_out), revision=Revision())


@dataclass(frozen=True)
class Job:
    plan: Path
    docx: Path

    @property
    def pdf(self) -> Path:
        return self.docx.with_suffix(".pdf")


@dataclass
class RenderReport:
    written: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # plans that could not be read
    failed: int = 0


def plan_jobs(paths: Sequence[Path], output: Path | None) -> list[Job]:
    """Which plan goes to which .docx.

    No -o: beside the plan (`x.yaml` -> `x.docx`). `-o FILE.docx`: one plan only. `-o FOLDER`:
    under it, keeping each plan's path inside the folder it was found in, so two plans named
    `thi-dua-2021.yaml` never write the same file.
    """
    jobs: list[Job] = []
    for path in paths:
        for plan in discover([path]):
            if output is None:
                target = plan.with_suffix(DOCX)
            elif output.suffix.lower() == DOCX and not output.is_dir():
                target = output
            elif output.suffix and not output.is_dir():
                raise OutputError("output-suffix", path=str(output))
            else:
                inner = plan.relative_to(path) if path.is_dir() else Path(plan.name)
                target = output / inner.with_suffix(DOCX)
            jobs.append(Job(plan=plan, docx=target))
    if not jobs:
        raise ThiduaError("render-nothing", paths=", ".join(str(p) for p in paths))
    if output is not None and output.suffix.lower() == DOCX and len(jobs) > 1:
        raise OutputError("output-one-file", path=str(output), count=len(jobs))
    seen: dict[Path, Path] = {}
    for job in jobs:
        key = job.docx.resolve()
        if key in seen:
            raise OutputError("output-clash", path=str(job.docx), first=str(seen[key]), second=str(job.plan))
        seen[key] = job.plan
    return jobs


def render_files(
    paths: Sequence[Path],
    *,
    output: Path | None = None,
    template: Path | None = None,
    pdf_program: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RenderReport:
    """Render every plan under `paths`; a plan that cannot be read is reported, the others go on.

    A broken template or an output that cannot be written stops everything (TemplateProblem,
    OutputError): the same cause would fail every plan.
    """
    jobs = plan_jobs(paths, output)
    for job in jobs:
        if output is not None:
            _make_folder(job.docx.parent)
        check_writable(job.docx)
        if pdf_program:
            check_writable(job.pdf)
    report = RenderReport()
    done: list[Job] = []
    for number, job in enumerate(jobs, start=1):
        plan, findings = load_plan(job.plan)
        if plan is None:
            report.findings.extend(findings)
            report.failed += 1
        else:
            write_atomic(job.docx, render_docx(plan, plan_file=job.plan, template=template))
            report.written.append(job.docx)
            done.append(job)
        if progress is not None:
            progress(number, len(jobs))
    if pdf_program and done:
        from thidua.pdf import convert_to_pdf

        convert_to_pdf([(job.docx, job.pdf) for job in done], pdf_program)
        report.written.extend(job.pdf for job in done)
    return report


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError("output-unwritable", path=str(folder), reason=exc.strerror or str(exc)) from None
