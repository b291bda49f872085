"""Start-up: which heavy modules a command imports, read from sys.modules in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import typer.models

from tests.conftest import QUANG_TRI

# Runs `thidua ARGS…` as `python -m thidua` does and, at exit, prints the top-level modules it imported.
WRAPPER = """
import atexit, json, runpy, sys
atexit.register(lambda: sys.__stderr__.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n"))
sys.argv = ["thidua", *sys.argv[1:]]
runpy.run_module("thidua", run_name="__main__")
"""

HEAVY = ("pydantic", "pydantic_core", "matplotlib", "docx", "jinja2", "lxml")


def imported(*args: str) -> tuple[set[str], subprocess.CompletedProcess[str]]:
    env = {key: value for key, value in os.environ.items() if key != "THIDUA_LANG"}
    result = subprocess.run(
        [sys.executable, "-c", WRAPPER, *args], capture_output=True, text=True, env=env, timeout=120
    )
    line = next(line for line in result.stderr.splitlines() if line.startswith("MODULES "))
    return set(json.loads(line.removeprefix("MODULES "))), result


def tops(modules: set[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["check", "--help"]])
def test_version_and_help_import_no_heavy_module_nor_the_rules(args: list[str]) -> None:
    modules, result = imported(*args)
    assert result.returncode == 0, result.stderr
    assert tops(modules).isdisjoint(HEAVY), sorted(tops(modules) & set(HEAVY))
    thidua = {name for name in modules if name.startswith("thidua.")}
    assert not {name for name in thidua if name.startswith(("thidua.check", "thidua.plan", "thidua.render"))}, thidua
    assert not {name for name in thidua if name.startswith(("thidua.track", "thidua.change", "thidua.cli.show"))}


def test_version_is_answered_before_typer_is_imported() -> None:
    modules, result = imported("--version")
    assert result.stdout.startswith("thidua ")
    assert "typer" not in tops(modules), sorted(name for name in modules if name.startswith("thidua"))


def test_check_one_plan_imports_no_render_nor_office_module() -> None:
    modules, result = imported("check", str(QUANG_TRI))
    assert result.returncode in (0, 1), result.stderr
    assert "thidua.check.engine" in modules  # it did check the plan
    assert tops(modules).isdisjoint({"matplotlib", "docx", "jinja2", "lxml"}), sorted(tops(modules))
    assert "concurrent" not in tops(modules)  # one file: no worker pool
    render = {name for name in modules if name.startswith(("thidua.render", "thidua.track", "thidua.change"))}
    assert not render, sorted(render)


# What each command line must not import: the libraries it has no use for, and (for a check) pydantic's
# way of building a validator (pydantic.plugin._loader), since the compiled ones are kept (validators.pickle).
NOT_IMPORTED = {
    "--version": ({*HEAVY, "typer", "rich", "yaml", "annotated_types"}, {"thidua.cli.app", "thidua.i18n"}),
    "check --help": ({*HEAVY, "rich", "yaml", "annotated_types"}, {"thidua.check.rules", "thidua.plan.model"}),
    "check PLAN": (  # its findings go to a pipe here: plain text, without Rich
        {"matplotlib", "docx", "jinja2", "lxml", "openpyxl", "concurrent", "rich"},
        {"pydantic.plugin._loader", "thidua.render", "thidua.track", "thidua.change", "thidua.scaffold"},
    ),
}


@pytest.mark.parametrize("command", NOT_IMPORTED)
def test_a_command_line_imports_nothing_it_does_not_use(command: str) -> None:
    args = [str(QUANG_TRI) if arg == "PLAN" else arg for arg in command.split()]
    modules, result = imported(*args)
    assert result.returncode in (0, 1), result.stderr
    libraries, submodules = NOT_IMPORTED[command]
    assert tops(modules).isdisjoint(libraries), sorted(tops(modules) & libraries)
    assert modules.isdisjoint(submodules), sorted(modules & submodules)


def test_a_command_line_makes_only_its_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app run makes the Click command of the command it runs, not the others (LazyCommands)."""
    import thidua.cli.localized as localized
    from thidua.cli.app import app

    made: list[str] = []
    make = localized.get_command_from_info

    def counted(info: typer.models.CommandInfo, **options: object) -> object:
        made.append(info.callback.__name__)  # type: ignore[union-attr]
        return make(info, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(localized, "get_command_from_info", counted)
    registered = list(app.registered_commands)
    with pytest.raises(SystemExit) as stop:
        app(["check", "--help"])
    assert stop.value.code == 0 and made == ["check"]
    assert app.registered_commands == registered


def test_the_app_run_helps_as_typers_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`thidua --help` lists every command, in order, as the command Typer makes with all of them does."""
    import typer.main

    from thidua.cli.app import app

    outputs = []
    for run in (app, typer.main.get_command(app)):
        with pytest.raises(SystemExit):
            run(["--help"], prog_name="thidua")
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and "import" in outputs[0]


def _params() -> list[object]:
    import typer.main

    from thidua.cli.app import app

    group = typer.main.get_command(app)
    commands = [group, *group.commands.values()]  # type: ignore[attr-defined]
    return [param for command in commands for param in command.params if hasattr(param, "type_descriptor")]


SAMPLES = ["plan.yaml", "", "2", "0", "-1", " 3", "x", "campaigns", "/dev/null", "a b/c.yaml", "10000000000"]


@pytest.mark.parametrize("value", SAMPLES)
def test_plain_coercion_gives_typers_values_and_errors(value: str) -> None:
    """PlainParam (no pydantic) converts every thidua parameter as Typer's own coercion does, or defers to it."""
    pytest.importorskip("typer._coercion")
    from typer._coercion import build_runtime_param

    from thidua.cli.localized import PlainParam

    for param in _params():
        multiple = param.multiple or param.nargs == -1  # type: ignore[attr-defined]
        given = [value, value] if multiple else value
        outcomes = []
        for coercion in (PlainParam(param), build_runtime_param(param.type_descriptor)):  # type: ignore[attr-defined]
            try:
                got = coercion.coerce(given, param=param, ctx=None)
                outcomes.append(("value", type(got), got))
            except Exception as error:  # the same error either way
                outcomes.append(("error", type(error), str(error)))
        assert outcomes[0] == outcomes[1], (param.name, value)  # type: ignore[attr-defined]
        assert PlainParam(param).coerce(None, param=param, ctx=None) == build_runtime_param(
            param.type_descriptor  # type: ignore[attr-defined]
        ).coerce(None, param=param, ctx=None)


def test_findings_read_the_same_in_a_pipe_and_through_rich(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pipe gets the text Rich would print (Rich draws it only for a terminal, where it adds colour)."""
    import io

    from thidua.check.engine import CheckOptions
    from thidua.cli.show import check as show
    from thidua.workspace import check_paths

    damaged = Path(__file__).parents[1] / "fixtures" / "text" / "corpus" / "68-sgddt-son-la-huong-dan-tdkt-2018.txt"
    report = check_paths([damaged], CheckOptions())
    assert len(report.findings) > 3  # something to show, with source lines and carets
    plain = io.StringIO()
    show.write_text(report, "vi", plain)
    monkeypatch.setattr(show, "coloured", lambda stream: True)
    drawn = io.StringIO()  # not a terminal: Rich draws it without colour codes
    show.write_text(report, "vi", drawn)
    assert plain.getvalue() == drawn.getvalue()
    assert "^" in plain.getvalue() and " | " in plain.getvalue()
