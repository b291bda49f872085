"""Show `thidua track DIR`: every plan of a tree in one table, with how its targets stand."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TextIO

from thidua.cli.show import Writer, pipe_console, visible
from thidua.cli.show.track import _MARK, _STYLE, _md, _shown, _width, status_word
from thidua.i18n import tr
from thidua.text.figures import format_number
from thidua.text.formatting import short_date
from thidua.track.rollup import Node, Tree
from thidua.track.status import Status

# Columns of statuses, in the order of the legend (track.legend).
COLUMNS = (Status.met, Status.on_track, Status.behind, Status.no_data, Status.overdue)


@dataclass(frozen=True)
class TreeView:
    tree: Tree

    @cached_property
    def _rows(self) -> list[tuple[Node, int]]:
        return [(self.tree.nodes[path], depth) for path, depth in self.tree.order()]

    def rows(self) -> list[tuple[Node, int]]:
        """The plans shown, each with its depth in the tree, parents first."""
        return self._rows

    def totals(self) -> dict[Status, int]:
        totals = dict.fromkeys(Status, 0)
        for node, _ in self.rows():
            for status, count in node.counts().items():
                totals[status] += count
        return totals


def _label(node: Node, depth: int) -> str:
    name = node.issuer or node.name
    year = f" {node.year}" if node.year else ""
    return "  " * depth + name + year


def _heading(view: TreeView, lang: str) -> str:
    return tr("tree.heading", lang, plans=format_number(len(view.rows())), date=short_date(view.tree.as_of))


def _summary(view: TreeView, lang: str) -> str:
    totals = view.totals()
    parts = [f"{format_number(totals[s])} {status_word(s, lang).lower()}" for s in COLUMNS if totals[s]]
    unread = format_number(sum(1 for node, _ in view.rows() if node.problem))
    targets = format_number(sum(totals.values()))
    return tr("tree.summary", lang, targets=targets, parts=", ".join(parts) or "—", unread=unread)


def write_text(view: TreeView, lang: str, stream: TextIO) -> None:
    """An aligned table, a line per plan (a federation's tree has thousands: no Rich table, which
    measures every cell again for each layout, 18 s for 10,000 rows)."""
    from rich.cells import cell_len
    from rich.markup import escape

    rows = view.rows()
    labels = [visible(_label(node, depth)) for node, depth in rows]
    files = [visible(node.name) for node, _ in rows]
    head = (tr("col.plan", lang), tr("col.file", lang), tr("col.targets", lang))
    plan_w = max([cell_len(text) for text in labels] + [cell_len(head[0])])
    file_w = max([cell_len(text) for text in files] + [cell_len(head[1])])
    count_w = max(cell_len(head[2]), 3)

    def pad(text: str, width: int) -> str:
        return escape(text) + " " * (width - cell_len(text))

    def counts(node: Node) -> str:
        numbers = node.counts()
        return " ".join(f"[{_STYLE[s]}]{numbers[s]:>4}[/]" if numbers[s] else "    " for s in COLUMNS)

    marks = " ".join(f"[{_STYLE[s]}]{_MARK[s]:>4}[/]" for s in COLUMNS)
    lines = [
        f"[bold]{_shown(_heading(view, lang))}[/]",
        f"[bold]{pad(head[0], plan_w)}  {pad(head[1], file_w)}  {head[2]:>{count_w}}[/] {marks}",
    ]
    for (node, _), label, file in zip(rows, labels, files, strict=True):
        if node.problem:
            lines.append(f"{pad(label, plan_w)}  {pad(file, file_w)}  [bold red]{_shown(node.problem[lang])}[/]")
        else:
            lines.append(f"{pad(label, plan_w)}  {pad(file, file_w)}  {len(node.targets):>{count_w}} {counts(node)}")
    lines.append(tr("track.legend", lang, **{k.name: v for k, v in _MARK.items()}))
    lines.append(_summary(view, lang))
    console = pipe_console(file=stream, highlight=False, soft_wrap=True, width=_width(stream))
    console.print("\n".join(lines))


def to_json(view: TreeView, lang: str = "en") -> list[dict[str, Any]]:
    tree = view.tree
    out = []
    for node, depth in view.rows():
        above = tree.parent.get(node.path)
        out.append(
            {
                "plan": node.name,
                "issuer": node.issuer,
                "year": node.year,
                "depth": depth,
                "parent": tree.nodes[above].name if above is not None else None,  # shown or not
                "error": node.problem[lang] if node.problem else None,
                "summary": {status.value: count for status, count in node.counts().items()},
                "targets": [
                    {
                        "id": line.id,
                        "status": line.status.value,
                        "percent": None if line.percent is None else round(line.percent, 2),
                        "result": line.result,
                        "from_children": line.rolled_up,
                    }
                    for line in node.targets
                ],
            }
        )
    return out


def write_json(view: TreeView, lang: str, stream: TextIO) -> None:
    json.dump(to_json(view, lang), stream, ensure_ascii=False, indent=1)
    stream.write("\n")


def write_markdown(view: TreeView, lang: str, stream: TextIO) -> None:
    headers = [tr("col.plan", lang), tr("col.file", lang), tr("col.targets", lang)]
    headers += [f"{_MARK[s]} {status_word(s, lang)}" for s in COLUMNS]
    lines = [f"### {_md(_heading(view, lang))}", "", "| " + " | ".join(headers) + " |"]
    lines.append("|---|---|---:|" + "---:|" * len(COLUMNS))
    for node, depth in view.rows():
        label = "&nbsp;&nbsp;" * depth + _md(_label(node, 0))
        if node.problem:
            problem = _md(node.problem[lang])
            lines.append(f"| {label} | `{visible(node.name)}` | | {problem} |" + " |" * (len(COLUMNS) - 1))
            continue
        counts = node.counts()
        cells = [str(counts[s]) if counts[s] else "" for s in COLUMNS]
        lines.append("| " + " | ".join([label, f"`{visible(node.name)}`", str(len(node.targets)), *cells]) + " |")
    lines += ["", _summary(view, lang), ""]
    stream.write("\n".join(lines))


FORMATS: dict[str, Writer] = {"text": write_text, "json": write_json, "md": write_markdown}
