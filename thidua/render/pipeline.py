"""`thidua render`: plan -> context -> template -> document -> .docx (and PDF), written atomically."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from thidua.check.engine import CheckOptions, workers_for
from thidua.errors import FindingsError, ThiduaError
from thidua.files import NewFolders, OutputError, check_output, write_atomic
from thidua.findings import Finding, Severity
from thidua.plan.model import Plan
from thidua.render.context import plan_context
from thidua.render.layout import Document, MarkupError, parse_markup
from thidua.render.pdf import convert_to_pdf, pdf_program
from thidua.render.templating import DEFAULT_TEMPLATE, TemplateProblem, render_markup, resolve_template
from thidua.workspace import check_plan, find

DOCX = ".docx"


def lay_out(
    context: dict[str, Any],
    *,
    plan_file: Path | None = None,
    template: Path | None = None,
    default: str = DEFAULT_TEMPLATE,
) -> Document:
    """Context -> template -> markup -> document model: the one way every document is laid out.

    `default` names the template to use (the plan's Kế hoạch unless told); `plan_file`
    finds the repository's templates/ overrides; `template` goes first of all.
    """
    search_path, name = resolve_template(template, plan_file, default)
    markup = render_markup(context, search_path, name)
    try:
        return parse_markup(markup)
    except MarkupError as exc:
        raise TemplateProblem("template-markup", name=name, line=exc.line or "?", detail=exc.message) from None


def render_document(plan: Plan, *, plan_file: Path | None = None, template: Path | None = None) -> Document:
    """The plan laid out by its template, as a document model (no files written)."""
    return lay_out(plan_context(plan), plan_file=plan_file, template=template)


def render_docx(plan: Plan, *, plan_file: Path | None = None, template: Path | None = None) -> bytes:
    from thidua.render.writers.docx import write_docx  # python-docx is the slow import; only here

    return write_docx(render_document(plan, plan_file=plan_file, template=template))


@dataclass(frozen=True)
class DocxOutput:
    """One .docx a command writes (report, diff --docx): checked before any work, written atomically,
    with its PDF when asked for. `render` checks each of its outputs the same way (`prepare`)."""

    path: Path
    pdf_program: str | None = None
    force: bool = False

    @classmethod
    def prepare(cls, path: Path, *, pdf: bool = False, program: str | None = None, force: bool = False) -> DocxOutput:
        """Refuse early: not a .docx name, an unwritable or locked file, a file thidua did not
        write (the Word original beside the plan) unless `force`, no LibreOffice for --pdf."""
        if path.suffix.lower() != DOCX:
            raise OutputError("output-suffix", path=str(path))
        chosen = program if program is not None else pdf_program(pdf)
        check_output(path, force=force)
        if chosen:
            check_output(path.with_suffix(".pdf"), force=force)
        return cls(path, chosen, force)

    def write_docx(self, data: bytes) -> None:
        """The .docx alone, checked again: a Word file may have been saved there since `prepare`."""
        check_output(self.path, force=self.force)
        write_atomic(self.path, data)

    @property
    def pdf(self) -> Path:
        return self.path.with_suffix(".pdf")

    def write(self, data: bytes) -> list[Path]:
        """Write the .docx (and convert it to PDF); the files written."""
        self.write_docx(data)
        if not self.pdf_program:
            return [self.path]
        convert_to_pdf([(self.path, self.pdf)], self.pdf_program)
        return [self.path, self.pdf]


@dataclass(frozen=True)
class Job:
    plan: Path
    docx: Path
    within: Path | None = None  # the repository the plan was found in (None: named)


@dataclass
class RenderReport:
    written: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # of plans not written: unreadable, or refused by strict
    failed: int = 0  # plans that could not be read (exit 2)
    refused: int = 0  # plans not written because of findings, with strict (exit 1)
    notes: list[Finding] = field(default_factory=list)  # what check says of the plans written


def plan_jobs(paths: Sequence[Path], output: Path | None) -> list[Job]:
    """Which plan goes to which .docx.

    No -o: beside the plan (`x.yaml` -> `x.docx`). `-o FILE.docx`: one plan only. `-o FOLDER`:
    under it, keeping each plan's path inside the folder it was found in, so two plans named
    `thi-dua-2021.yaml` never write the same file.
    """
    jobs: list[Job] = []
    for path in paths:
        found = find([path])
        for plan in found.files:
            if output is None:
                target = plan.with_suffix(DOCX)
            elif output.suffix.lower() == DOCX and not output.is_dir():
                target = output
            elif output.suffix and not output.is_dir():
                raise OutputError("output-suffix", path=str(output))
            else:
                inner = plan.relative_to(path) if path.is_dir() else Path(plan.name)
                target = output / inner.with_suffix(DOCX)
            jobs.append(Job(plan=plan, docx=target, within=found.within.get(plan)))
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
    check: CheckOptions | None = None,
    strict: bool = False,
    force: bool = False,
    jobs: int | None = None,
) -> RenderReport:
    """Render every plan under `paths`; a plan that cannot be read is reported, the others go on.

    Many plans are checked and rendered in worker processes (`jobs`, at most the cores); every
    file is still written here, in the order of the plans, so output and messages do not change.

    Each plan is checked with `check` (the repository's options): a plan that does not read is not
    written; other findings are noted and the plan is written, unless `strict` (then any error or
    warning refuses it). A broken template or an output that cannot be written stops everything
    (TemplateProblem, OutputError): the same cause would fail every plan. So does an existing
    output thidua did not write, unless `force`: every output is checked before any is written.
    """
    options = check or CheckOptions()
    planned = plan_jobs(paths, output)
    with NewFolders() as folders:  # those left empty (a plan that failed, a signal) are removed
        outputs = {}
        for job in planned:
            if output is not None:
                folders.make(job.docx.parent)
            outputs[job] = DocxOutput.prepare(job.docx, program=pdf_program or "", force=force)
        report = RenderReport()
        done: list[Job] = []
        workers = workers_for(jobs)
        count = len(planned)
        if workers > 1 and count >= PARALLEL_THRESHOLD:  # rendered in workers, written here in order
            from concurrent.futures import ProcessPoolExecutor

            chunk = max(1, count // (workers * 8))
            with ProcessPoolExecutor(max_workers=min(workers, count)) as pool:
                args = ([options] * count, [template] * count, [strict] * count)
                for number, (job, result) in enumerate(
                    zip(planned, pool.map(_render_job, planned, *args, chunksize=chunk), strict=True), start=1
                ):
                    _take(report, done, outputs[job], job, result)
                    if progress is not None:
                        progress(number, count)
        else:
            for number, job in enumerate(planned, start=1):
                _take(report, done, outputs[job], job, _render_job(job, options, template, strict))
                if progress is not None:
                    progress(number, count)
        if pdf_program and done:  # one LibreOffice run for every plan
            convert_to_pdf([(job.docx, job.docx.with_suffix(".pdf")) for job in done], pdf_program)
            report.written.extend(job.docx.with_suffix(".pdf") for job in done)
    return report


PARALLEL_THRESHOLD = 4  # plans; below this, starting worker processes costs more than it saves


@dataclass(frozen=True)
class _Rendered:
    """What became of one plan (picklable: it comes back from a worker process)."""

    data: bytes | None  # the .docx; None: not written
    findings: list[Finding]
    unreadable: bool = False


def _render_job(job: Job, options: CheckOptions, template: Path | None, strict: bool) -> _Rendered:
    """Check one plan and render it, writing nothing. A broken template (TemplateProblem) raises."""
    try:
        checked = check_plan(job.plan, options, within=job.within)
    except FindingsError as unreadable:
        return _Rendered(None, unreadable.findings, unreadable=True)
    if strict and any(f.severity in (Severity.error, Severity.warning) for f in checked.findings):
        return _Rendered(None, checked.findings)
    return _Rendered(render_docx(checked.plan, plan_file=job.plan, template=template), checked.findings)


def _take(report: RenderReport, done: list[Job], output: DocxOutput, job: Job, result: _Rendered) -> None:
    """Write a rendered plan (or count it as failed or refused) into the report."""
    if result.data is not None:
        output.write_docx(result.data)
        report.written.append(job.docx)
        report.notes.extend(result.findings)
        done.append(job)
        return
    report.findings.extend(result.findings)
    if result.unreadable:
        report.failed += 1
    else:
        report.refused += 1
