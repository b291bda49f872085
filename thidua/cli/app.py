"""The command line: parse options, call one core function, print, return an exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from thidua import __version__
from thidua.cli.edge import (
    AsOfOption,
    ForceOption,
    JobsOption,
    LangOption,
    Progress,
    TrackFormatOption,
    date_option,
    handle_errors,
    run,
)
from thidua.cli.help import help_text, metavar
from thidua.cli.localized import App
from thidua.errors import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, ThiduaError

if TYPE_CHECKING:
    from thidua.plan.decisions import Decision

# Help texts are looked up in cli/help.py, in the language chosen at start-up (--lang, THIDUA_LANG).
app = App(
    name="thidua",
    help=help_text("app"),
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
        bool, typer.Option("--version", callback=_version, is_eager=True, help=help_text("app.version"))
    ] = False,
    lang: LangOption = None,
) -> None:
    """The options of thidua itself (its help is help_text("app"), which Typer(help=) puts first)."""
    if lang is not None:  # `thidua --lang en check …` is `thidua check --lang en …`
        os.environ["THIDUA_LANG"] = lang


def _split_codes(values: list[str] | None) -> tuple[str, ...]:
    """--select PE,TG01 --select KH -> ("PE", "TG01", "KH")."""
    return tuple(code for value in values or () for code in value.split(",") if code.strip())


@app.command(help=help_text("check"))
@handle_errors
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=help_text("check.paths"), show_default=False),
    ] = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help=help_text("check.format"), metavar=metavar("format"))
    ] = "text",
    strict: Annotated[bool, typer.Option("--strict", help=help_text("check.strict"))] = False,
    select: Annotated[
        list[str] | None, typer.Option("--select", help=help_text("check.select"), metavar=metavar("codes"))
    ] = None,
    ignore: Annotated[
        list[str] | None, typer.Option("--ignore", help=help_text("check.ignore"), metavar=metavar("codes"))
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help=help_text("check.config"), metavar=metavar("file"))
    ] = None,
    jobs: JobsOption = None,
    lang: LangOption = None,
) -> None:
    from thidua.check.engine import exit_code
    from thidua.cli.show import writer
    from thidua.cli.show.check import FORMATS
    from thidua.i18n import resolve_lang, tr
    from thidua.workspace import check_paths, default_paths, repository_options

    language = resolve_lang(lang)
    show = writer(FORMATS, output_format)
    options, settings = repository_options(config, select=_split_codes(select), ignore=_split_codes(ignore))
    targets = default_paths(paths)
    if targets.examples:
        typer.echo(tr("using-examples", language), err=True)
    report = check_paths(targets.paths, options, jobs=jobs)
    show(report, language, sys.stdout)
    raise typer.Exit(exit_code(report, strict=strict or settings.strict))


@app.command(help=help_text("rules"))
@handle_errors
def rules(lang: LangOption = None) -> None:
    from rich.table import Table

    from thidua.check.rules import RULES
    from thidua.cli.show import pipe_console
    from thidua.i18n import resolve_lang, tr

    language = resolve_lang(lang)
    table = Table(box=None, pad_edge=False)
    for column in ("rules.code", "rules.name", "rules.severity", "rules.summary"):
        table.add_column(tr(column, language))
    for rule in RULES.values():
        table.add_row(rule.code, rule.name, tr(f"severity.{rule.severity.value}", language), rule.summary[language])
    pipe_console(highlight=False, soft_wrap=True).print(table)


@app.command(help=help_text("explain"))
@handle_errors
def explain(
    code: Annotated[str, typer.Argument(help=help_text("explain.code"))],
    lang: LangOption = None,
) -> None:
    from thidua.check.rules import RULES
    from thidua.i18n import resolve_lang

    language = resolve_lang(lang)
    rule = RULES.get(code.strip().upper())
    if rule is None:
        raise ThiduaError("unknown-code", code=code)
    typer.echo(rule.explain(language))


@app.command(help=help_text("render"))
@handle_errors
def render(
    paths: Annotated[list[Path] | None, typer.Argument(help=help_text("render.paths"), show_default=False)] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help=help_text("render.output"), metavar=metavar("path")),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option("--template", "-t", help=help_text("render.template"), metavar=metavar("path")),
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help=help_text("render.pdf"))] = False,
    strict: Annotated[bool, typer.Option("--strict", help=help_text("render.strict"))] = False,
    force: ForceOption = False,
    jobs: JobsOption = None,
    lang: LangOption = None,
) -> None:
    from thidua.check.engine import CheckReport
    from thidua.cli.show import shown_path as display_path
    from thidua.cli.show.check import write_summary, write_text
    from thidua.i18n import resolve_lang, tr
    from thidua.render.pdf import pdf_program
    from thidua.render.pipeline import render_files
    from thidua.workspace import default_paths, repository_options

    language = resolve_lang(lang)
    program = pdf_program(pdf)
    targets = default_paths(paths)
    if targets.examples:  # beside them would be inside the installed package
        if output is None:
            raise ThiduaError("examples-need-output")
        typer.echo(tr("using-examples", language), err=True)
    options, settings = repository_options()
    with Progress(tr("render.progress", language)) as advance:
        report = render_files(
            targets.paths,
            output=output,
            template=template,
            pdf_program=program,
            progress=advance,
            check=options,
            strict=strict or settings.strict,
            force=force,
            jobs=jobs,
        )
    for path in report.written:
        typer.echo(tr("render.wrote", language, path=display_path(path)))
    write_summary(report.notes, language, sys.stderr)
    if report.findings:
        stopped = report.failed + report.refused
        write_text(CheckReport(findings=report.findings, files=stopped), language, sys.stderr)
        counts = {"written": len(report.written), "failed": report.failed, "refused": report.refused}
        typer.echo(tr("render.summary", language, **counts), err=True)
        raise typer.Exit(EXIT_ERROR if report.failed else EXIT_FINDINGS)


@app.command(help=help_text("track"))
@handle_errors
def track(
    plan: Annotated[Path, typer.Argument(help=help_text("track.plan"), show_default=False)],
    as_of: AsOfOption = None,
    output_format: TrackFormatOption = "text",
    jobs: JobsOption = None,
    lang: LangOption = None,
) -> None:
    from thidua.cli.show import writer
    from thidua.i18n import resolve_lang

    language = resolve_lang(lang)
    when = date_option(as_of, "--as-of")
    if plan.is_dir():  # a tree of plans: one row each, child plans' figures rolled up into their parents'
        from thidua.cli.show.tree import FORMATS as TREE_FORMATS
        from thidua.cli.show.tree import TreeView
        from thidua.track.rollup import read_tree

        show_tree = writer(TREE_FORMATS, output_format)
        view = TreeView(read_tree([plan], when, jobs=jobs))
        show_tree(view, language, sys.stdout)
        if any(node.problem for node, _ in view.rows()):  # shown as rows; CI still has to notice
            raise typer.Exit(EXIT_FINDINGS)
        return
    from thidua.cli.show.track import FORMATS, TrackView
    from thidua.track.rollup import children_of
    from thidua.track.status import track as track_targets
    from thidua.workspace import open_tracked, repository_options

    show = writer(FORMATS, output_format)
    tracked = open_tracked(plan, repository_options()[0])
    shares, names = children_of(tracked.plan_file, tracked.plan, tracked.results, when, jobs=jobs)
    statuses = track_targets(tracked.plan, tracked.results, when, shares)
    show(TrackView(tracked.plan, when, statuses, names), language, sys.stdout)


@app.command(help=help_text("record"))
@handle_errors
def record(
    plan: Annotated[Path, typer.Argument(help=help_text("record.plan"), show_default=False)],
    target: Annotated[str | None, typer.Argument(help=help_text("record.target"), show_default=False)] = None,
    value: Annotated[
        str | None,
        typer.Argument(help=help_text("record.value"), show_default=False),
    ] = None,
    of: Annotated[str | None, typer.Option("--of", help=help_text("record.of"), metavar=metavar("number"))] = None,
    unit: Annotated[str | None, typer.Option("--unit", help=help_text("record.unit"), metavar=metavar("unit"))] = None,
    on: Annotated[str | None, typer.Option("--date", help=help_text("record.date"), metavar=metavar("date"))] = None,
    source: Annotated[
        str | None, typer.Option("--source", help=help_text("record.source"), metavar=metavar("text"))
    ] = None,
    amount: Annotated[
        str | None, typer.Option("--amount", help=help_text("record.amount"), metavar=metavar("amount"))
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help=help_text("record.note"), metavar=metavar("text"))] = None,
    from_csv: Annotated[
        Path | None,
        typer.Option("--from", help=help_text("record.from"), metavar=metavar("file")),
    ] = None,
    replacing: Annotated[bool, typer.Option("--replace", help=help_text("record.replace"))] = False,
    lang: LangOption = None,
) -> None:
    from thidua.cli.show import shown_path as display_path
    from thidua.i18n import resolve_lang, tr
    from thidua.track.record import Origin, read_csv, resolve_units, row_from_arguments, write_records
    from thidua.workspace import open_tracked, repository_options

    language = resolve_lang(lang)
    if (from_csv is None) == (target is None or value is None) or (from_csv is not None and target is not None):
        raise ThiduaError("record-args")
    tracked = open_tracked(plan, repository_options()[0])
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
    rows, unknown, named = resolve_units(tracked.plan, rows)
    written = write_records(tracked, rows, [*problems, *unknown], origin, replacing=replacing)
    for name, unit_id in named:
        typer.echo(tr("record-unit-named", language, written=name, id=unit_id), err=True)
    said = "record-replaced" if replacing else "record-wrote"
    typer.echo(tr(said, language, count=len(rows), path=display_path(written)))


@app.command(help=help_text("report"))
@handle_errors
def report(
    plan: Annotated[Path, typer.Argument(help=help_text("report.plan"), show_default=False)],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help=help_text("report.output"), metavar=metavar("file"), show_default=False),
    ],
    as_of: Annotated[
        str | None, typer.Option("--as-of", help=help_text("report.as_of"), metavar=metavar("date"))
    ] = None,
    template: Annotated[
        Path | None, typer.Option("--template", "-t", help=help_text("report.template"), metavar=metavar("path"))
    ] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help=help_text("report.pdf"))] = False,
    recipients: Annotated[
        list[str] | None,
        typer.Option("--recipient", help=help_text("report.recipient"), metavar=metavar("text"), show_default=False),
    ] = None,
    signer_authority: Annotated[
        str | None,
        typer.Option("--signer-authority", help=help_text("report.signer_authority"), metavar=metavar("text")),
    ] = None,
    signer_title: Annotated[
        str | None, typer.Option("--signer-title", help=help_text("report.signer_title"), metavar=metavar("text"))
    ] = None,
    signer_name: Annotated[
        str | None, typer.Option("--signer-name", help=help_text("report.signer_name"), metavar=metavar("name"))
    ] = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    from thidua.cli.show import shown_path as display_path
    from thidua.cli.show.check import write_summary
    from thidua.i18n import resolve_lang, tr
    from thidua.render.pipeline import DocxOutput
    from thidua.track.report import render_report
    from thidua.workspace import open_tracked, repository_options

    language = resolve_lang(lang)
    target = DocxOutput.prepare(output, pdf=pdf, force=force)
    when = date_option(as_of, "--as-of")
    tracked = open_tracked(plan, repository_options()[0])
    write_summary(tracked.findings, language, sys.stderr)
    data = render_report(
        tracked.plan,
        tracked.results,
        when,
        plan_file=tracked.plan_file,
        template=template,
        recipients=recipients or (),
        signer_authority=signer_authority,
        signer_title=signer_title,
        signer_name=signer_name,
    )
    for path in target.write(data):
        typer.echo(tr("render.wrote", language, path=display_path(path)))


@app.command(help=help_text("awards"))
@handle_errors
def awards(
    plan: Annotated[Path, typer.Argument(help=help_text("track.plan-file"), show_default=False)],
    as_of: AsOfOption = None,
    output_format: TrackFormatOption = "text",
    lang: LangOption = None,
) -> None:
    from thidua.cli.show import writer
    from thidua.cli.show.awards import FORMATS, AwardsView
    from thidua.i18n import resolve_lang
    from thidua.track.awards import propose
    from thidua.track.rollup import child_trees
    from thidua.workspace import open_tracked, repository_options

    language = resolve_lang(lang)
    show = writer(FORMATS, output_format)
    when = date_option(as_of, "--as-of")
    tracked = open_tracked(plan, repository_options()[0])
    children_at = child_trees(tracked.plan_file, tracked.plan, tracked.results)
    proposals = propose(tracked.plan, tracked.plan_file, tracked.results, when, children_at)
    show(AwardsView(tracked.plan, when, proposals), language, sys.stdout)


@app.command(help=help_text("diff"))
@handle_errors
def diff(
    old: Annotated[str, typer.Argument(help=help_text("diff.old"))],
    new: Annotated[str, typer.Argument(help=help_text("diff.new"))],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help=help_text("diff.format"), metavar=metavar("format"))
    ] = "text",
    docx: Annotated[Path | None, typer.Option("--docx", help=help_text("diff.docx"), metavar=metavar("file"))] = None,
    show_year_shifts: Annotated[
        bool, typer.Option("--show-year-shifts", help=help_text("diff.show_year_shifts"))
    ] = False,
    template: Annotated[
        Path | None, typer.Option("--template", "-t", help=help_text("diff.template"), metavar=metavar("path"))
    ] = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    from thidua.change.diff import diff_plans
    from thidua.cli.show import shown_path as display_path
    from thidua.cli.show import writer
    from thidua.cli.show.check import write_summary
    from thidua.cli.show.diff import FORMATS, DiffView
    from thidua.i18n import resolve_lang, tr
    from thidua.render.pipeline import DocxOutput
    from thidua.workspace import open_source, read_source, repository_options

    language = resolve_lang(lang)
    show = writer(FORMATS, output_format)
    target = DocxOutput.prepare(docx, force=force) if docx is not None else None
    options, _ = repository_options()
    old_source, new_source = read_source(old), read_source(new)
    before, after = open_source(old_source, options), open_source(new_source, options)
    write_summary(before.findings + after.findings, language, sys.stderr)
    old_plan, new_plan = before.plan, after.plan
    result = diff_plans(old_plan, new_plan)
    show(DiffView(old_source.name, new_source.name, result, show_year_shifts), language, sys.stdout)
    if target is not None:
        from thidua.change.redline import redline_docx

        target.write(redline_docx(old_plan, new_plan, plan_file=new_source.path, template=template))
        typer.echo(tr("diff-docx-wrote", language, path=display_path(target.path)), err=output_format != "text")
    raise typer.Exit(EXIT_OK if result.same else EXIT_FINDINGS)


@app.command(help=help_text("textconv"))
@handle_errors
def textconv(
    path: Annotated[Path, typer.Argument(help=help_text("textconv.path"), show_default=False)],
    lang: LangOption = None,
) -> None:
    from thidua.render.textconv import readable_text

    sys.stdout.write(readable_text(path))


@app.command(help=help_text("new"))
@handle_errors
def new(
    path: Annotated[Path, typer.Argument(help=help_text("new.path"), show_default=False)],
    old: Annotated[
        Path | None, typer.Option("--from", help=help_text("new.from"), metavar=metavar("file"), show_default=False)
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help=help_text("new.year"), metavar=metavar("year"))] = None,
    issuer: Annotated[
        str | None, typer.Option("--issuer", help=help_text("new.issuer"), metavar=metavar("name"))
    ] = None,
    kind: Annotated[str, typer.Option("--kind", help=help_text("new.kind"), metavar=metavar("kind"))] = "regular",
    lang: LangOption = None,
) -> None:
    from thidua.cli.show import shown_path as display_path
    from thidua.i18n import resolve_lang, tr

    language = resolve_lang(lang)
    shown = display_path(path)
    if old is None:
        from thidua.check.rules.decisions import NEW_MARK
        from thidua.scaffold.skeleton import KINDS, make_skeleton

        if issuer is None or year is None:
            raise ThiduaError("new-args")
        if kind not in KINDS:
            raise ThiduaError("bad-format", value=kind, allowed=", ".join(KINDS))
        made = make_skeleton(path, issuer=issuer, year=year, kind=kind)  # type: ignore[arg-type]
        period = f"{year}–{year + 4}" if kind == "five-year" else str(year)
        typer.echo(tr("new-skeleton-wrote", language, path=shown, period=period, issuer=" ".join(issuer.split())))
        typer.echo(tr("new-blanks", language, count=len(made.blanks), mark=NEW_MARK))
        for blank in made.blanks:
            typer.echo(f"  {shown}:{blank.line}: {blank.note}")
        return
    if issuer is not None or kind != "regular":  # the old plan says who issues it and its kind
        raise ThiduaError("new-args")
    from thidua.change.newyear import MARK, make_next_year

    result = make_next_year(old, path, year=year, lang=language)
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
    _list_decisions(shown, result.decisions, MARK, language)


def _list_decisions(shown: str, decisions: Sequence[Decision], mark: str, language: str) -> None:
    """What `new` and `import` leave for a human, one line each where its comment stands."""
    from thidua.cli.show import visible
    from thidua.i18n import tr

    typer.echo(tr("new-decisions", language, count=len(decisions), mark=mark))
    for decision in decisions:
        typer.echo(f"  {shown}:{decision.line}: {visible(decision.message)}")


@app.command("import", help=help_text("import"))
@handle_errors
def import_(
    files: Annotated[list[Path], typer.Argument(help=help_text("import.files"), show_default=False)],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=help_text("import.output"), metavar=metavar("file"))
    ] = None,
    into: Annotated[Path | None, typer.Option("--into", help=help_text("import.into"), metavar=metavar("path"))] = None,
    jobs: JobsOption = None,
    lang: LangOption = None,
) -> None:
    from thidua.cli.show import shown_path as display_path
    from thidua.i18n import resolve_lang, tr
    from thidua.importer import Failed, import_files
    from thidua.importer.writing import MARK

    language = resolve_lang(lang)
    with Progress(tr("import.progress", language)) as advance:
        results = import_files(files, output=output, into=into, lang=language, jobs=jobs, progress=advance)
    failed = [r for r in results if isinstance(r, Failed)]
    for result in results:
        if isinstance(result, Failed):
            message = tr(result.key, language, **result.params)
            typer.echo(f"thidua: {tr('error-prefix', language)}: {message}", err=True)
            continue
        shown = display_path(result.path)
        typer.echo(tr("import-wrote", language, path=shown, source=display_path(result.source)))
        if result.decisions:
            _list_decisions(shown, result.decisions, MARK, language)
    if failed:
        if len(files) > 1:
            typer.echo(tr("import-failed", language, count=len(failed)), err=True)
        raise typer.Exit(EXIT_ERROR)


@app.command(help=help_text("schema"))
@handle_errors
def schema(
    which: Annotated[str | None, typer.Argument(help=help_text("schema.which"), show_default=False)] = None,
    write: Annotated[bool, typer.Option("--write", help=help_text("schema.write"))] = False,
    check_only: Annotated[bool, typer.Option("--check", help=help_text("schema.check"))] = False,
    lang: LangOption = None,
) -> None:
    from thidua import __version__
    from thidua.plan.schema import schema_text

    if write or check_only:
        from thidua.files import display_path, schema_root
        from thidua.i18n import resolve_lang, tr
        from thidua.scaffold.schemas import check_schemas, write_schemas

        if (write and check_only) or which is not None:
            raise ThiduaError("schema-args")
        language = resolve_lang(lang)
        root = schema_root(Path.cwd())
        files = write_schemas(root) if write else check_schemas(root)
        for file in files:
            shown = display_path(root / file.path)
            typer.echo(tr(f"schema.{file.state}", language, path=shown, version=__version__))
        if any(file.state in ("stale", "missing") for file in files):
            raise typer.Exit(EXIT_FINDINGS)
        return
    if which is None:
        which = "plan"
    if which not in ("plan", "results"):
        raise ThiduaError("bad-format", value=which, allowed="plan, results")
    sys.stdout.write(schema_text(which))


@app.command(help=help_text("init"))
@handle_errors
def init(
    folder: Annotated[
        Path, typer.Argument(help=help_text("init.folder"), metavar=metavar("path"), show_default=False)
    ] = Path("."),
    lang: LangOption = None,
) -> None:
    from thidua.cli.show import shown_path as display_path
    from thidua.i18n import resolve_lang, tr
    from thidua.scaffold.repository import TEXTCONV, init_repository

    language = resolve_lang(lang)
    made = init_repository(folder)
    for item in made:
        typer.echo(tr(f"init.{item.state}", language, path=item.path))
    created = sum(1 for item in made if item.state == "created")
    kept = sum(1 for item in made if item.state == "kept")
    typer.echo(tr("init.done", language, root=display_path(folder), created=created, kept=kept))
    typer.echo(tr("init.next", language, textconv=TEXTCONV))


def main() -> None:
    from thidua.cli.edge import safe_streams

    safe_streams()
    run(app)


if __name__ == "__main__":  # pragma: no cover
    main()
