"""Turn a check report into text, JSON, GitHub workflow annotations or SARIF 2.1.0 (code scanning)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from thidua.check.engine import CheckReport
from thidua.cli.show import Writer, coloured, pipe_console, visible
from thidua.findings import Finding, Severity
from thidua.i18n import tr

_STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}
_GITHUB_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def summary(report: CheckReport, lang: str) -> str:
    if not report.findings:
        return tr("clean", lang, files=report.files)
    return tr(
        "summary",
        lang,
        errors=report.count(Severity.error),
        warnings=report.count(Severity.warning),
        infos=report.count(Severity.info),
        files=report.files,
    )


def write_summary(findings: list[Finding], lang: str, stream: TextIO) -> None:
    """A line per plan for commands other than check (render, report, diff): how many findings, which
    codes, and the command that shows them; nothing when there are none."""
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        by_file.setdefault(finding.file, []).append(finding)
    for file, found in by_file.items():
        codes = sorted({f.code for f in found})
        shown = ", ".join(codes[:6]) + (", …" if len(codes) > 6 else "")
        errors = sum(1 for f in found if f.severity is Severity.error)
        warnings = sum(1 for f in found if f.severity is Severity.warning)
        infos = len(found) - errors - warnings
        line = tr("findings-summary", lang, file=file, errors=errors, warnings=warnings, infos=infos, codes=shown)
        stream.write(line + "\n")


def write_text(report: CheckReport, lang: str, stream: TextIO) -> None:
    """One block per finding: location, code, severity, message, then the YAML line and a caret."""
    lines: list[list[tuple[str, str]]] = []  # each line its pieces of text and their style ("" for none)
    for finding in report.findings:
        style = _STYLE[finding.severity]
        severity = tr(f"severity.{finding.severity.value}", lang)
        lines.append(
            [
                (f"{visible(finding.file)}:{finding.line}:{finding.column}", "bold"),
                (": ", ""),
                (f"{finding.code} {severity}", style),
                (f": {visible(finding.message(lang))}", ""),
            ]
        )
        if finding.source_line is not None:
            number = f"{finding.line:>5}"
            shown, caret = _window(finding.source_line, finding.column)  # a window of a long line, then
            shown = _printable(shown)  # its characters made visible (one cell each: the caret stays put)
            lines.append([(f"{number} |", "dim"), (f" {shown}", "")])
            lines.append([(f"{' ' * len(number)} |", "dim"), (f" {' ' * (caret - 1)}", ""), ("^", style)])
    lines.append([(summary(report, lang), "bold" if report.findings else "green")])
    if not coloured(stream):  # a pipe, a file, a CI log: the same text, without Rich
        stream.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
        return
    from rich.text import Text

    console = pipe_console(file=stream, highlight=False, soft_wrap=True)
    for line in lines:
        console.print(Text.assemble(*((text, style or "") for text, style in line)))


def _printable(line: str) -> str:
    """One visible cell per character, so that the caret stays under its column."""
    return "".join(" " if c == "\t" else c if c >= " " and c != "\x7f" else "\ufffd" for c in line)


def _window(line: str, column: int, width: int = 120) -> tuple[str, int]:
    """At most `width` characters of a long line around `column`, and the caret's new column."""
    if len(line) <= width:
        return line, column
    start = max(0, min(column - 1 - width // 2, len(line) - width))
    shown = ("…" if start else "") + line[start : start + width] + ("…" if start + width < len(line) else "")
    return shown, column - start + (1 if start else 0)


def to_json(findings: list[Finding], lang: str) -> list[dict[str, object]]:
    from thidua.check.rules import RULES

    return [
        {
            "path": f.file,
            "line": f.line,
            "column": f.column,
            "code": f.code,
            "name": RULES[f.code].name,
            "severity": f.severity.value,
            "message": f.message(lang),
            "field": f.loc,
        }
        for f in findings
    ]


def write_json(report: CheckReport, lang: str, stream: TextIO) -> None:
    json.dump(to_json(report.findings, lang), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write_github(report: CheckReport, lang: str, stream: TextIO) -> None:
    """Workflow annotations, most severe first; GitHub shows only 10 per level, so end with totals."""
    ordered = sorted(report.findings, key=lambda f: (f.severity.rank, *f.sort_key))
    for f in ordered:
        props = ",".join(
            (
                f"file={_escape_property(f.file)}",
                f"line={f.line}",
                f"col={f.column}",
                f"title={_escape_property(f.code)}",
            )
        )
        stream.write(f"::{_GITHUB_LEVEL[f.severity]} {props}::{_escape_data(f.code + ' ' + f.message(lang))}\n")
    stream.write(summary(report, lang) + "\n")


SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_SARIF_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
_TOKEN_END = re.compile(r"\S*")


def _region(f: Finding) -> dict[str, int]:
    """Line and column of the finding; it ends with the word it points at (at least one character)."""
    end = f.column + 1
    if f.source_line is not None and f.column <= len(f.source_line):
        match = _TOKEN_END.match(f.source_line, f.column - 1)
        if match and match.end() > f.column - 1:
            end = match.end() + 1
    return {"startLine": f.line, "startColumn": f.column, "endLine": f.line, "endColumn": end}


def _artifact(file: str) -> dict[str, str]:
    """A path under the working folder is a URI relative to %SRCROOT% (the checkout); others are file: URIs."""
    if os.path.isabs(file):
        return {"uri": Path(file).as_uri()}
    return {"uri": quote(Path(file).as_posix()), "uriBaseId": "%SRCROOT%"}


def to_sarif(report: CheckReport, lang: str) -> dict[str, Any]:
    """One run of the tool: every rule with its explanation (stable ids: the rule codes), then each result."""
    from thidua import __version__
    from thidua.check.rules import RULES

    codes = list(RULES)
    index = {code: number for number, code in enumerate(codes)}
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary[lang]},
            "fullDescription": {"text": rule.why[lang]},
            "help": {"text": rule.explain(lang)},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
            "properties": {"tags": [rule.group]},
        }
        for rule in RULES.values()
    ]
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message(lang)},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(f.file), "region": _region(f)}}],
        }
        for f in sorted(report.findings, key=lambda f: f.sort_key)
    ]
    root = Path(os.getcwd()).as_uri().rstrip("/") + "/"
    run = {
        "tool": {
            "driver": {
                "name": "thidua",
                "version": __version__,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


def write_sarif(report: CheckReport, lang: str, stream: TextIO) -> None:
    json.dump(to_sarif(report, lang), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


FORMATS: dict[str, Writer] = {"text": write_text, "json": write_json, "github": write_github, "sarif": write_sarif}
