"""Show `thidua track` results: a Rich table with bars, JSON for programs, Markdown for a pull request."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TextIO

from thidua.cli.show import Writer, pipe_console, visible
from thidua.i18n import tr
from thidua.plan.model import Plan, Target
from thidua.plan.results import Record, baseline_phrase, goal_phrase, phrase
from thidua.render.context import plan_citation
from thidua.text.figures import format_number, with_qualifier
from thidua.text.formatting import short_date
from thidua.track.status import Progress, Status, TargetStatus, UnitShare, summary

BAR_WIDTH = 12

_STYLE = {
    Status.met: "green",
    Status.on_track: "cyan",
    Status.behind: "yellow",
    Status.no_data: "dim",
    Status.overdue: "bold red",
}
_MARK = {Status.met: "✓", Status.on_track: "→", Status.behind: "!", Status.no_data: "·", Status.overdue: "✗"}


@dataclass(frozen=True)
class TrackView:
    """What every format shows: the plan, the date, the statuses."""

    plan: Plan
    as_of: date
    statuses: Sequence[TargetStatus]
    children: Mapping[str, str] = field(default_factory=dict)  # roll-up: a child plan's path -> its name

    @property
    def unit_names(self) -> dict[str, str]:
        return {**self.children, **{unit.id: unit.name for unit in self.plan.units}}

    @property
    def rolled_up(self) -> bool:
        """Whether a target's figure is made of child plans' figures (roll-up)."""
        return any(item.rolled_up for item in self.statuses)

    @property
    def per_unit(self) -> list[TargetStatus]:
        """The columns of the units × targets matrix: per-unit targets, and targets made of the units' figures."""
        return [item for item in self.statuses if (item.target.per_unit and item.units) or item.shares]

    @property
    def summed(self) -> bool:
        """Whether the matrix has a column of a target made of its units' figures."""
        return any(item.shares for item in self.per_unit)

    def matrix_title(self, lang: str) -> str:
        if self.rolled_up:
            return tr("track.matrix-children", lang)
        return tr("track.matrix-figures" if self.summed else "track.matrix", lang)

    def matrix(self) -> list[tuple[str, list[Progress | UnitShare | None]]]:
        """The matrix's rows: each unit's name, and its cell in each column (None: not its)."""
        columns: list[dict[str | None, Progress | UnitShare]] = [
            {p.unit: p for p in (item.shares or item.units)} for item in self.per_unit
        ]
        units = dict.fromkeys(unit for column in columns for unit in column)
        names = self.unit_names
        return [(names.get(u or "", u or ""), [column.get(u) for column in columns]) for u in units]

    def footers(self, lang: str) -> list[tuple[str, list[str]]]:
        """The matrix's last rows: units met (per-unit columns), the total and units counted (summed ones)."""
        rows = []
        if any(not item.shares for item in self.per_unit):
            cells = ["" if i.shares else f"{i.units_met}/{len(i.units)}" for i in self.per_unit]
            rows.append((tr("track.units-met", lang), cells))
        if self.summed:
            cells = [total_cell(i) if i.shares else "" for i in self.per_unit]
            rows.append((tr("track.sum-total-children" if self.rolled_up else "track.sum-total", lang), cells))
        return rows


def status_word(status: Status, lang: str) -> str:
    return tr(f"status.{status.value}", lang)


def percent_text(value: float | None) -> str:
    return "" if value is None else f"{format_number(round(value, 1))}%"


def bar(percent: float | None, width: int = BAR_WIDTH) -> str:
    """A bar of the share achieved, full at 100%."""
    if percent is None:
        return " " * width
    filled = round(min(max(percent, 0.0), 100.0) / 100 * width)
    return "█" * filled + "░" * (width - filled)


def goal_text(item: TargetStatus, lang: str) -> str:
    """The goal column: the goal, where it starts from, and for whom."""
    target = item.target
    text = goal_phrase(target)
    if target.baseline is not None:
        value = baseline_phrase(target)
        if target.baseline.date is not None:
            text += " " + tr("track.baseline-dated", lang, value=value, date=short_date(target.baseline.date))
        else:
            text += " " + tr("track.baseline", lang, value=value)
    if target.per_unit:
        text += f" {tr('track.each-unit', lang)}"
    elif item.rolled_up:
        text += f" {tr('track.from-children', lang)}"
    elif item.shares or target.from_units:
        text += f" {tr('track.from-units', lang)}"
    return text


def result_text(item: TargetStatus, lang: str) -> str:
    """The result column: the figure in words; a target made of its units' figures: how many are counted."""
    text = item.phrase or "—"
    if item.shares:
        key = "track.children-counted" if item.rolled_up else "track.units-counted"
        text += " " + tr(key, lang, counted=item.units_counted, total=len(item.shares))
    return text


def figure(record: Record, item: TargetStatus) -> str:
    """A unit's figure in a cell: '1.200', 'trên 1.200', '34/40', '85%'."""
    value = record.value
    if isinstance(value, bool):
        return phrase(record, item.target)
    if item.target.measure == "percent" and record.of:
        return f"{with_qualifier(record.qualifier, format_number(value))}/{format_number(record.of)}"
    shown = format_number(value) + ("%" if item.target.measure == "percent" else "")
    return with_qualifier(record.qualifier, shown)


def total_cell(item: TargetStatus) -> str:
    """The total of a summed column: its figure and the units counted, '3.300 (2/3)'."""
    record = item.overall.record
    shown = figure(record, item) if record is not None else "—"
    return f"{shown} ({item.units_counted}/{len(item.shares)})"


def unit_cell(progress: Progress | UnitShare, item: TargetStatus) -> str:
    if isinstance(progress, UnitShare):
        if progress.record is None:
            return _MARK[Status.no_data]
        shown = figure(progress.record, item)
        return shown if progress.counted else f"({shown})"
    record = progress.record
    if record is None:
        return _MARK[progress.status]
    value = (
        phrase(record, item.target).split(" ", 1)[0]
        if item.target.measure != "growth"
        else percent_text(progress.value if isinstance(progress.value, float) else None)
    )
    return f"{value} {_MARK[progress.status]}"


# ----------------------------------------------------------------------------- JSON


def to_json(view: TrackView) -> list[dict[str, Any]]:
    names = view.unit_names
    out = []
    for item in view.statuses:
        target, overall = item.target, item.overall
        record = overall.record
        entry: dict[str, Any] = {
            "id": target.id,
            "number": item.number,
            "text": target.text,
            "measure": target.measure,
            "goal": target.goal,
            "goal_text": goal_phrase(target),
            "baseline": None
            if target.baseline is None
            else {
                "value": target.baseline.value,
                "date": target.baseline.date.isoformat() if target.baseline.date else None,
                "text": baseline_phrase(target),
            },
            "start": item.start.isoformat() if item.start else None,
            "value": overall.value,
            "qualifier": record.qualifier if record else None,
            "percent": None if overall.percent is None else round(overall.percent, 2),
            "status": overall.status.value,
            "result": item.phrase,
            "date": record.date.isoformat() if record else None,
            "due": item.due.isoformat() if item.due else None,
            "elapsed": None if item.elapsed is None else round(item.elapsed * 100, 2),
            "sources": list(item.sources),
            "per_unit": target.per_unit,
        }
        if item.shares:  # only then: the JSON of other targets stays as it was
            kind = "children" if item.rolled_up else "units"  # child plans' figures (roll-up) or units'
            entry[f"from_{kind}"] = True
            entry["of"] = record.of if record else None
            entry[f"{kind}_counted"] = item.units_counted
            entry[f"{kind}_total"] = len(item.shares)
            entry["missing"] = list(item.missing_units)
            entry[kind] = [_share_json(share, target, names) for share in item.shares]
        if target.per_unit:
            entry["units_met"] = item.units_met
            entry["units_total"] = len(item.units)
            entry["units"] = [
                {
                    "unit": p.unit,
                    "name": names.get(p.unit or "", p.unit),
                    "value": p.value,
                    "percent": None if p.percent is None else round(p.percent, 2),
                    "status": p.status.value,
                    "date": p.record.date.isoformat() if p.record else None,
                    "result": phrase(p.record, target) if p.record else "",
                }
                for p in item.units
            ]
        if target.measure == "growth":
            entry["years"] = [
                {"year": y.year, "value": y.value, "growth": None if y.growth is None else round(y.growth, 2)}
                for y in overall.years
            ]
        out.append(entry)
    return out


def _share_json(share: UnitShare, target: Target, names: Mapping[str, str]) -> dict[str, Any]:
    """One unit's (or child plan's) part of a total: who, its figure, whether it is added."""
    record = share.record
    who = {"plan": share.plan} if share.plan is not None else {"unit": share.unit}
    return {
        **who,
        "name": names.get(share.unit, share.unit),
        "value": record.value if record else None,
        "of": record.of if record else None,
        "qualifier": record.qualifier if record else None,
        "counted": share.counted,
        "date": record.date.isoformat() if record else None,
        "result": phrase(record, target) if record else "",
        "source": record.source if record else None,
    }


def write_json(view: TrackView, lang: str, stream: TextIO) -> None:
    json.dump(to_json(view), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


# ----------------------------------------------------------------------------- text


def _heading(view: TrackView, lang: str) -> str:
    return tr("track.heading", lang, plan=plan_citation(view.plan), date=short_date(view.as_of))


def _summary_line(view: TrackView, lang: str) -> str:
    counts = summary(view.statuses)
    parts = [f"{count} {status_word(status, lang).lower()}" for status, count in counts.items() if count]
    return tr("track.summary", lang, total=len(view.statuses), parts=", ".join(parts))


def write_text(view: TrackView, lang: str, stream: TextIO) -> None:
    from rich.markup import escape
    from rich.table import Table

    console = pipe_console(file=stream, highlight=False, soft_wrap=False, width=max(100, _width(stream)))
    console.print(f"[bold]{_shown(_heading(view, lang))}[/]")
    if not view.statuses:
        console.print(tr("track.no-targets", lang))
        return
    table = Table(show_lines=False, pad_edge=False, expand=False)
    for key in ("col.number", "col.target", "col.goal", "col.result", "col.percent", "col.status"):
        table.add_column(tr(key, lang), justify="right" if key == "col.number" else "left", overflow="fold")
    for item in view.statuses:
        overall = item.overall
        style = _STYLE[overall.status]
        table.add_row(
            str(item.number),
            _shown(item.target.id),
            _shown(goal_text(item, lang)),
            _shown(result_text(item, lang)),
            f"[{style}]{bar(overall.percent)}[/] {percent_text(overall.percent)}",
            f"[{style}]{escape(status_word(overall.status, lang))}[/]",
        )
    console.print(table)
    _print_matrix(view, lang, console)
    for line in missing_lines(view, lang):
        console.print(_shown(line))
    _print_growth(view, lang, console)
    console.print(_summary_line(view, lang))


def _shown(text: str) -> str:
    """Plan or results text in a Rich line: its markup and control characters as plain characters."""
    from rich.markup import escape

    return escape(visible(text))


def _width(stream: TextIO) -> int:
    import shutil

    return shutil.get_terminal_size((120, 24)).columns if stream.isatty() else 120


def _cell_style(cell: Progress | UnitShare) -> str:
    if isinstance(cell, UnitShare):  # a unit's part of a total has no status of its own
        return "default" if cell.counted else "dim"
    return _STYLE[cell.status]


def missing_lines(view: TrackView, lang: str) -> list[str]:
    """For each target made of its units' figures: the units not reported yet, and those not added."""
    names = view.unit_names
    lines = []
    for item in view.statuses:
        missing = [names.get(unit, unit) for unit in item.missing_units]
        if missing:
            key = "track.children-missing" if item.rolled_up else "track.missing"
            lines.append(tr(key, lang, number=item.number, id=item.target.id, units=", ".join(missing)))
        apart = [names.get(s.unit, s.unit) for s in item.shares if s.record is not None and not s.counted]
        if apart:
            lines.append(tr("track.not-counted", lang, number=item.number, id=item.target.id, units=", ".join(apart)))
    return lines


def _print_matrix(view: TrackView, lang: str, console: Any) -> None:
    from rich.table import Table

    per_unit = view.per_unit
    if not per_unit:
        return
    table = Table(title=view.matrix_title(lang), title_justify="left", pad_edge=False)
    table.add_column(tr("col.unit", lang))
    for item in per_unit:
        table.add_column(f"#{item.number} {visible(item.target.id)}", justify="center")
    for name, row in view.matrix():
        cells = [
            f"[{_cell_style(p)}]{_shown(unit_cell(p, item))}[/]" if p else ""
            for p, item in zip(row, per_unit, strict=True)
        ]
        table.add_row(_shown(name), *cells)
    for label, footer in view.footers(lang):
        table.add_row(f"[bold]{_shown(label)}[/]", *(f"[bold]{_shown(cell)}[/]" if cell else "" for cell in footer))
    console.print(table)
    if any(not item.shares for item in per_unit):
        console.print(tr("track.legend", lang, **{k.name: v for k, v in _MARK.items()}))
    if view.summed:
        console.print(tr("track.legend-children" if view.rolled_up else "track.legend-sum", lang))


def _print_growth(view: TrackView, lang: str, console: Any) -> None:

    for item in view.statuses:
        if item.target.measure != "growth" or not item.overall.years:
            continue
        parts = []
        for figure in item.overall.years:
            text = f"{figure.year}: {format_number(figure.value)}"
            if figure.growth is not None:
                text += f" ({'+' if figure.growth >= 0 else ''}{format_number(round(figure.growth, 1))}%)"
            parts.append(text)
        console.print(f"#{item.number} {_shown(item.target.id)}: " + " · ".join(parts))


# ----------------------------------------------------------------------------- Markdown


def _md(text: str) -> str:
    return visible(text.replace("\n", " ")).replace("|", "\\|")


def write_markdown(view: TrackView, lang: str, stream: TextIO) -> None:
    lines = [f"### {_md(_heading(view, lang))}", ""]
    headers = [tr(k, lang) for k in ("col.number", "col.target", "col.goal", "col.result", "col.percent", "col.status")]
    lines += ["| " + " | ".join(headers) + " |", "|---:|---|---|---|---:|---|"]
    for item in view.statuses:
        overall = item.overall
        lines.append(
            "| "
            + " | ".join(
                (
                    str(item.number),
                    f"`{visible(item.target.id)}`",
                    _md(goal_text(item, lang)),
                    _md(result_text(item, lang)),
                    percent_text(overall.percent),
                    f"{_MARK[overall.status]} {status_word(overall.status, lang)}",
                )
            )
            + " |"
        )
    per_unit = view.per_unit
    if per_unit:
        lines += ["", f"**{view.matrix_title(lang)}**", ""]
        lines.append(
            "| " + " | ".join([tr("col.unit", lang), *(f"#{i.number} `{i.target.id}`" for i in per_unit)]) + " |"
        )
        lines.append("|---|" + "---|" * len(per_unit))
        for name, row in view.matrix():
            cells = [_md(unit_cell(p, item)) if p else "" for p, item in zip(row, per_unit, strict=True)]
            lines.append("| " + " | ".join([_md(name), *cells]) + " |")
        for label, footer in view.footers(lang):
            lines.append("| " + " | ".join([f"**{label}**", *(_md(cell) for cell in footer)]) + " |")
    missing = missing_lines(view, lang)
    if missing:
        lines += ["", *(f"- {_md(line)}" for line in missing)]
    lines += ["", _summary_line(view, lang), ""]
    stream.write("\n".join(lines))


FORMATS: dict[str, Writer] = {"text": write_text, "json": write_json, "md": write_markdown}
