"""The command line: parse options, call one core function, print, return an exit code."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from thidua import __version__
from thidua.cli.edge import LangOption, Progress, date_option, handle_errors
from thidua.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, ThiduaError
from thidua.i18n import STATUS_RULES

app = typer.Typer(
    name="thidua",
    help="Kế hoạch thi đua as data: check, render, track, diff. (Vietnamese by default; --lang en.)",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts mention [tool.thidua] literally
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"thidua {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """thidua: Vietnamese trade-union emulation campaign plans as data in git."""


def _split_codes(values: list[str] | None) -> tuple[str, ...]:
    """--select PE,TG01 --select KH -> ("PE", "TG01", "KH")."""
    return tuple(code for value in values or () for code in value.split(",") if code.strip())


@app.command()
@handle_errors
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Plans or folders of plans (default: campaigns/); also .txt and .docx files.", show_default=False
        ),
    ] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, json or github.")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Warnings also make the exit code 1.")] = False,
    select: Annotated[
        list[str] | None, typer.Option("--select", help="Only these rule codes or prefixes (e.g. PE,TG01).")
    ] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Skip these rule codes or prefixes.")] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="A pyproject.toml to read [tool.thidua] from.")
    ] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes (default: cores).")] = None,
    lang: LangOption = None,
) -> None:
    """Validate plans and their Vietnamese text. Exit 0 clean, 1 findings, 2 could not run.

    Each finding is "file:line:column CODE severity message". A .txt or .docx file named on the
    command line gets the text rules (TX) only; its "line" is the line of the text or the
    paragraph of the Word file. Excuse one finding on its YAML line with "# thidua: ignore[CODE]";
    set select, ignore, strict, severity, tone-marks and words in [tool.thidua] of pyproject.toml.
    """
    from thidua.check.engine import exit_code
    from thidua.cli.show import writer
    from thidua.cli.show.check import FORMATS
    from thidua.i18n import resolve_lang
    from thidua.workspace import check_paths, default_paths, repository_options

    language = resolve_lang(lang)
    show = writer(FORMATS, output_format)
    options, settings = repository_options(config, select=_split_codes(select), ignore=_split_codes(ignore))
    report = check_paths(default_paths(paths, examples=True), options, jobs=jobs)
    show(report, language, sys.stdout)
    raise typer.Exit(exit_code(report, strict=strict or settings.strict))


@app.command()
@handle_errors
def rules(lang: LangOption = None) -> None:
    """List every rule: code, name, default severity and what it catches."""
    from rich.console import Console
    from rich.table import Table

    from thidua.check.rules import RULES
    from thidua.i18n import resolve_lang, tr

    language = resolve_lang(lang)
    table = Table(box=None, pad_edge=False)
    for column in ("rules.code", "rules.name", "rules.severity", "rules.summary"):
        table.add_column(tr(column, language))
    for rule in RULES.values():
        table.add_row(rule.code, rule.name, tr(f"severity.{rule.severity.value}", language), rule.summary[language])
    Console(highlight=False, soft_wrap=True).print(table)


@app.command()
@handle_errors
def explain(
    code: Annotated[str, typer.Argument(help="A rule code, e.g. PE06.")],
    lang: LangOption = None,
) -> None:
    """Why a rule exists, with an example that triggers it and the corrected version."""
    from thidua.check.rules import RULES
    from thidua.i18n import resolve_lang, tr

    language = resolve_lang(lang)
    rule = RULES.get(code.strip().upper())
    if rule is None:
        raise ThiduaError("unknown-code", code=code)
    severity = tr(f"severity.{rule.severity.value}", language)
    lines = [
        f"{rule.code} {rule.name}: {rule.summary[language]}",
        f"{tr('explain.severity', language)}: {severity}",
        "",
        f"{tr('explain.why', language)}:",
        f"  {rule.why[language]}",
        "",
        f"{tr('explain.bad', language)}:",
        *("    " + line for line in rule.bad.rstrip("\n").splitlines()),
        "",
        f"{tr('explain.good', language)}:",
        *("    " + line for line in rule.good.rstrip("\n").splitlines()),
    ]
    typer.echo("\n".join(lines))


@app.command()
@handle_errors
def render(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Plan files or folders (default: campaigns/).", show_default=False)
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="A .docx file (one plan) or a folder (default: beside each plan)."),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option("--template", "-t", help="A template file or folder (default: templates/ of the repository)."),
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write a PDF beside each .docx (needs LibreOffice).")] = False,
    lang: LangOption = None,
) -> None:
    """Write the official Kế hoạch .docx of each plan (Nghị định 30/2020 layout).

    Output is written atomically and is byte-for-byte the same for the same plan and template.
    A templates/ folder in the plan's repository overrides the shipped templates, file by file.
    Exit 0 when every plan was written, 2 when a plan could not be read or an output written.
    """
    from thidua.check.engine import CheckReport
    from thidua.cli.show.check import write_text
    from thidua.files import display_path
    from thidua.i18n import resolve_lang, tr
    from thidua.render.pdf import pdf_program
    from thidua.render.pipeline import render_files
    from thidua.workspace import default_paths

    language = resolve_lang(lang)
    program = pdf_program(pdf)
    with Progress(tr("render.progress", language)) as advance:
        report = render_files(
            default_paths(paths, examples=False),
            output=output,
            template=template,
            pdf_program=program,
            progress=advance,
        )
    for path in report.written:
        typer.echo(tr("render.wrote", language, path=display_path(path)))
    if report.findings:
        write_text(CheckReport(findings=report.findings, files=report.failed), language, sys.stderr)
        typer.echo(tr("render.summary", language, written=len(report.written), failed=report.failed), err=True)
        raise typer.Exit(EXIT_ERROR)


_TRACK_HELP = """Where each target (chỉ tiêu) stands: goal, latest figure, share achieved, status.

Figures come from PLAN's results file (x.results.yaml beside x.yaml; add them with
`thidua record`). Exit 0 when it ran, 1 when the results file has errors, 2 when the
plan cannot be read.

\b
"""


@app.command(help=_TRACK_HELP + STATUS_RULES["en"].replace("\n\n", "\n"))
@handle_errors
def track(
    plan: Annotated[Path, typer.Argument(help="A plan file (or its .results.yaml).", show_default=False)],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="The date to judge on: YYYY-MM-DD or dd/mm/yyyy (default: today).")
    ] = None,
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, json or md.")] = "text",
    lang: LangOption = None,
) -> None:
    from thidua.cli.show import writer
    from thidua.cli.show.track import FORMATS, TrackView
    from thidua.i18n import resolve_lang
    from thidua.track.status import track as track_targets
    from thidua.workspace import open_tracked

    language = resolve_lang(lang)
    show = writer(FORMATS, output_format)
    when = date_option(as_of, "--as-of")
    tracked = open_tracked(plan)
    show(TrackView(tracked.plan, when, track_targets(tracked.plan, tracked.results, when)), language, sys.stdout)


@app.command()
@handle_errors
def record(
    plan: Annotated[Path, typer.Argument(help="A plan file (or its .results.yaml).", show_default=False)],
    target: Annotated[str | None, typer.Argument(help="The target's id.", show_default=False)] = None,
    value: Annotated[
        str | None,
        typer.Argument(
            help="The figure as a report writes it: 96, 'trên 90%', 'gần 1.500', có/không.", show_default=False
        ),
    ] = None,
    of: Annotated[str | None, typer.Option("--of", help="For a percent: the population size (VALUE of N).")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="The unit's id, for a per-unit target.")] = None,
    on: Annotated[str | None, typer.Option("--date", help="The date the figure stands at (default: today).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="The report it comes from.")] = None,
    amount: Annotated[str | None, typer.Option("--amount", help="A money value with it: 'gần 6 tỷ đồng'.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note kept with the record.")] = None,
    from_csv: Annotated[
        Path | None,
        typer.Option(
            "--from", help="A CSV file: one row per record, columns target,date,value[,of,unit,amount,source,note]."
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Add results to PLAN's results file (x.results.yaml), keeping every existing line and comment.

    The new figures are checked with the existing ones first (unknown target or unit, a date
    outside the period, a share over 100%, a duplicate); with --from, one bad row and nothing is
    written. Exit 0 written, 1 findings (nothing written), 2 could not run.
    """
    from thidua.files import display_path
    from thidua.i18n import resolve_lang, tr
    from thidua.track.record import Origin, read_csv, row_from_arguments, write_records
    from thidua.workspace import open_tracked

    language = resolve_lang(lang)
    if (from_csv is None) == (target is None or value is None) or (from_csv is not None and target is not None):
        raise ThiduaError("record-args")
    tracked = open_tracked(plan)
    if from_csv is not None:
        rows, problems, origin = read_csv(from_csv)
    else:
        assert target is not None and value is not None
        row, problems = row_from_arguments(
            target,
            value,
            on=date_option(on, "--date"),
            of=of,
            unit=unit,
            amount=amount,
            source=source,
            note=note,
        )
        rows, origin = [row], Origin("thidua record", [" ".join(a for a in (target, value) if a)])
    written = write_records(tracked, rows, problems, origin)
    typer.echo(tr("record-wrote", language, count=len(rows), path=display_path(written)))


@app.command()
@handle_errors
def report(
    plan: Annotated[Path, typer.Argument(help="A plan file (or its .results.yaml).", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="The .docx to write.", show_default=False)],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="The date to report on: YYYY-MM-DD or dd/mm/yyyy (default: today).")
    ] = None,
    template: Annotated[
        Path | None, typer.Option("--template", "-t", help="A template file or folder (default: bao-cao.xml.j2).")
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write a PDF beside the .docx (needs LibreOffice).")] = False,
    lang: LangOption = None,
) -> None:
    """Write the results report (BÁO CÁO sơ kết/tổng kết) of PLAN's targets as .docx.

    A table of targets with goal, result, share achieved and status (as `thidua track`
    computes them), a chart of achievement per target, per-unit tables and the sources cited;
    in the official layout (Nghị định 30/2020), written atomically. Exit 0 written, 1 the
    results file has errors, 2 could not run.
    """
    from thidua.files import display_path
    from thidua.i18n import resolve_lang, tr
    from thidua.render.pipeline import DocxOutput
    from thidua.track.report import render_report
    from thidua.workspace import open_tracked

    language = resolve_lang(lang)
    target = DocxOutput.prepare(output, pdf=pdf)
    when = date_option(as_of, "--as-of")
    tracked = open_tracked(plan)
    data = render_report(tracked.plan, tracked.results, when, plan_file=tracked.plan_file, template=template)
    for path in target.write(data):
        typer.echo(tr("render.wrote", language, path=display_path(path)))


@app.command()
@handle_errors
def diff(
    old: Annotated[str, typer.Argument(help="Last year's plan: a file or REV:path (HEAD~1:campaigns/…).")],
    new: Annotated[str, typer.Argument(help="The plan to compare it with: a file or REV:path.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="text, json or md.")] = "text",
    docx: Annotated[
        Path | None, typer.Option("--docx", help="Also write NEW as .docx with the differences as tracked changes.")
    ] = None,
    show_year_shifts: Annotated[
        bool, typer.Option("--show-year-shifts", help="Also list texts and dates that differ only by the year.")
    ] = False,
    template: Annotated[
        Path | None, typer.Option("--template", "-t", help="A template file or folder for --docx.")
    ] = None,
    lang: LangOption = None,
) -> None:
    """What changed from OLD to NEW: identity, references, theme, sections, items, targets, phases.

    Items are matched even when moved or reworded; a text or date that differs only by the
    campaign's year moving on counts as unchanged. Both plans must pass `thidua check`.
    Exit 0 the plans say the same, 1 they differ, 2 could not run (like diff).
    """
    from thidua.change.diff import diff_plans
    from thidua.cli.show import writer
    from thidua.cli.show.diff import FORMATS, DiffView
    from thidua.files import display_path
    from thidua.i18n import resolve_lang, tr
    from thidua.render.pipeline import DocxOutput
    from thidua.workspace import open_source, read_source, repository_options

    language = resolve_lang(lang)
    show = writer(FORMATS, output_format)
    target = DocxOutput.prepare(docx) if docx is not None else None
    options, _ = repository_options()
    old_source, new_source = read_source(old), read_source(new)
    old_plan, new_plan = open_source(old_source, options), open_source(new_source, options)
    result = diff_plans(old_plan, new_plan)
    show(DiffView(old_source.name, new_source.name, result, show_year_shifts), language, sys.stdout)
    if target is not None:
        from thidua.change.redline import redline_docx

        target.write(redline_docx(old_plan, new_plan, plan_file=new_source.path, template=template))
        typer.echo(tr("diff-docx-wrote", language, path=display_path(target.path)), err=output_format != "text")
    raise typer.Exit(EXIT_OK if result.same else EXIT_FINDINGS)


@app.command()
@handle_errors
def textconv(
    path: Annotated[Path, typer.Argument(help="A plan (.yaml) or a Word file (.docx).", show_default=False)],
    lang: LangOption = None,
) -> None:
    """Print the readable text of a plan or a .docx, for git's textconv (see the README).

    A plan prints as the document reads (the text of `thidua render`); a .docx as its
    paragraphs. A plan that cannot be read prints as it is, so `git diff` always shows something.
    """
    from thidua.render.textconv import readable_text

    sys.stdout.write(readable_text(path))


@app.command()
@handle_errors
def new(
    path: Annotated[Path, typer.Argument(help="The new plan file to create.", show_default=False)],
    old: Annotated[Path, typer.Option("--from", help="Last year's plan.", show_default=False)],
    year: Annotated[
        int | None, typer.Option("--year", help="The new campaign's first year (default: the year after the period).")
    ] = None,
    lang: LangOption = None,
) -> None:
    """Write next year's plan PATH from last year's: dates and years moved, number and date blank.

    The period, phases, due dates and the year mentions tied to the campaign move by the year
    difference (29/02 becomes 28/02); citations, terms of office and history stay. Results are
    not copied. What a human must decide (the theme, last year's parent plan, anniversaries whose
    ordinal changes) is printed and marked in the file with "# thidua new:". Never overwrites a
    file. Exit 0 written, 2 could not run.
    """
    from thidua.change.newyear import MARK, make_next_year
    from thidua.files import display_path
    from thidua.i18n import resolve_lang, tr

    language = resolve_lang(lang)
    result = make_next_year(old, path, year=year, lang=language)
    shown = display_path(path)
    typer.echo(
        tr(
            "new-wrote",
            language,
            path=shown,
            old=display_path(old),
            old_year=result.old_year,
            year=result.year,
            moved=result.moved,
        )
    )
    if not result.decisions:
        typer.echo(tr("new-none", language))
        return
    typer.echo(tr("new-decisions", language, count=len(result.decisions), mark=MARK))
    for decision in result.decisions:
        typer.echo(f"  {shown}:{decision.line}: {decision.message}")


@app.command()
@handle_errors
def schema(
    which: Annotated[str, typer.Argument(help="plan (default) or results.")] = "plan",
    lang: LangOption = None,
) -> None:
    """Print the JSON Schema of the plan file, or of the results file (for editors and CI)."""
    from thidua.plan.schema import schema_text

    if which not in ("plan", "results"):
        raise ThiduaError("bad-format", value=which, allowed="plan, results")
    sys.stdout.write(schema_text(which))


def main() -> None:
    from thidua.cli.edge import safe_streams

    safe_streams()
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
