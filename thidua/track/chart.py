"""The achievement chart of the results report: one bar per target, as a PNG (matplotlib), and its caption.

The same statuses always give the same bytes: fixed size and resolution, a font shipped with
matplotlib (DejaVu Sans, which has every Vietnamese letter), no timestamp in the PNG.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from thidua.text.figures import format_number
from thidua.text.formatting import short_date
from thidua.track.status import Status, TargetStatus, campaign_elapsed

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Shade:
    """A bar colour and its name in the caption ('xanh lá')."""

    colour: str
    name: str


# Status colours during the period (sơ kết), in legend order.
COLOURS = {
    Status.met: Shade("#2e7d32", "xanh lá"),
    Status.on_track: Shade("#1565c0", "xanh dương"),
    Status.behind: Shade("#ef6c00", "cam"),
    Status.overdue: Shade("#c62828", "đỏ"),
    Status.no_data: Shade("#9e9e9e", "xám"),
}
# After the period (tổng kết) the bars say what the table's Đánh giá says: the words of
# report.Outcome, one colour each (a target with no figure is "Không đạt" there too).
OUTCOME_COLOURS = {
    "Vượt": Shade("#1b5e20", "xanh lá đậm"),
    "Đạt": Shade("#66bb6a", "xanh lá nhạt"),
    "Không đạt": Shade("#c62828", "đỏ"),
}
GOAL_LINE = "#212121"
ELAPSED_LINE = "#616161"
WIDTH_IN = 6.3  # 16 cm, the text width: the picture is placed at that width, so 8 pt stays 8 pt
DPI = 200
CAP = 150.0  # bars beyond 150% are drawn at 150% with their true figure written
LABEL_CHARS = 30  # per line; two lines at most
LEGEND_COLUMNS = 3
ROW_IN = 0.5  # per bar; down to ROW_MIN_IN (two label lines and a gap) to keep within MAX_HEIGHT_IN
ROW_MIN_IN = 0.36
MAX_HEIGHT_IN = 9.0  # 23 cm: the chart and its caption on one A4 page (25.7 cm of text height)
TITLE = "Tỷ lệ đạt so với mục tiêu (%)"


@dataclass(frozen=True)
class Verdict:
    """What a bar's colour says: the legend's word and its shade."""

    word: str
    shade: Shade


def label(item: TargetStatus) -> str:
    """`(1) 100% công đoàn cơ sở xây dựng / kế hoạch, tổ chức triển…`: the target's own words."""
    lines = textwrap.wrap(f"({item.number}) {item.target.text.rstrip('.')}", LABEL_CHARS)
    if len(lines) > 2:
        lines = [lines[0], lines[1][: LABEL_CHARS - 1].rstrip(" ,") + "…"]
    return "\n".join(lines)


def verdicts(
    statuses: Sequence[TargetStatus], status_words: Mapping[Status, str], outcomes: Sequence[str] | None = None
) -> list[Verdict]:
    """Each bar's word and colour: its status during the period; once it is over (`outcomes`, one per
    target: report.target_outcome's Đạt / Vượt / Không đạt), the table's result."""
    if outcomes is not None:
        return [Verdict(str(word), OUTCOME_COLOURS[str(word)]) for word in outcomes]
    return [Verdict(status_words[item.overall.status], COLOURS[item.overall.status]) for item in statuses]


def legend_entries(shown: Sequence[Verdict], final: bool) -> list[Verdict]:
    """Each word once, in the order of the colours (the best first), only those in the chart."""
    order = list((OUTCOME_COLOURS if final else COLOURS).values())
    unique = {(v.word, v.shade): v for v in shown}
    return sorted(unique.values(), key=lambda v: (order.index(v.shade), v.word))


def elapsed_line(statuses: Sequence[TargetStatus], final: bool) -> float | None:
    """Where the time-gone-by line is drawn (0–1); none after the period, when the goal alone counts."""
    return None if final else campaign_elapsed(statuses)


def chart_caption(
    statuses: Sequence[TargetStatus],
    status_words: Mapping[Status, str],
    as_of: date,
    outcomes: Sequence[str] | None = None,
) -> str:
    """The chart's caption: what it shows, what its colours and lines mean (those in the chart only),
    and why a bar beyond the time line can still be behind schedule."""
    final = outcomes is not None
    shown = verdicts(statuses, status_words, outcomes)
    parts = [f"Biểu đồ: Tỷ lệ đạt so với mục tiêu của từng chỉ tiêu, tính đến ngày {short_date(as_of)}."]
    if not statuses:
        return parts[0]
    colours = "; ".join(f"màu {v.shade.name}: {v.word.lower()}" for v in legend_entries(shown, final))
    parts.append(f"Cột {colours}.")
    elapsed = elapsed_line(statuses, final)
    if elapsed is None:
        parts.append("Đường nét đứt: mục tiêu (100%).")
    else:
        gone = format_number(round(elapsed * 100))
        parts.append(f"Đường nét đứt: mục tiêu (100%); đường chấm: thời gian thực hiện đã qua ({gone}%).")
        parts.extend(behind_notes(statuses, status_words, elapsed))
    return " ".join(parts)


def behind_notes(statuses: Sequence[TargetStatus], status_words: Mapping[Status, str], elapsed: float) -> list[str]:
    """Why a behind-schedule bar reaches the time line: what that target's status is measured on
    (status.py `_progress`, `_growth`, `_aggregate`), one sentence per target that needs one."""
    notes = []
    for item in statuses:
        percent = item.overall.percent
        if item.overall.status is not Status.behind or percent is None or percent < elapsed * 100:
            continue
        why = _why_behind(item, elapsed)
        if why:
            behind = status_words[Status.behind].lower()
            notes.append(f"Chỉ tiêu ({item.number}) {behind} dù cột đã qua đường chấm vì {why}.")
    return notes


def _why_behind(item: TargetStatus, elapsed: float) -> str | None:
    if item.target.per_unit:
        return "là chỉ tiêu giao từng đơn vị: cột là tỷ lệ đơn vị đã đạt, tiến độ là của đơn vị chậm nhất"
    if item.target.measure == "growth":
        return "là chỉ tiêu tăng trưởng: mức tăng bình quân chưa đạt mục tiêu, không xét theo thời gian đã qua"
    own = item.elapsed
    if own is not None and own != elapsed and item.start is not None and item.due is not None:
        return (
            f"được tính theo thời gian của chính chỉ tiêu (từ ngày {short_date(item.start)} "
            f"đến ngày {short_date(item.due)}, đã qua {format_number(round(own * 100))}%)"
        )
    return None


def chart_figure(
    statuses: Sequence[TargetStatus], status_words: Mapping[Status, str], outcomes: Sequence[str] | None = None
) -> Figure:
    """The chart as a matplotlib figure, laid out (constrained layout): the legend under the axis
    title, in as many rows as it needs, the figure as tall as the bars and legend rows need."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.patches import Patch

    rows = list(statuses)
    shown = verdicts(rows, status_words, outcomes)
    elapsed = elapsed_line(rows, outcomes is not None)
    entries = legend_entries(shown, outcomes is not None)
    handles = [Patch(color=v.shade.colour, label=v.word) for v in entries]
    handles.append(Patch(facecolor="white", edgecolor=GOAL_LINE, linestyle="--", label="Mục tiêu (100%)"))
    if elapsed is not None:
        words = f"Thời gian đã qua: {format_number(round(elapsed * 100))}%"
        handles.append(Patch(facecolor="white", edgecolor=ELAPSED_LINE, linestyle=":", label=words))
    legend_rows = -(-len(handles) // LEGEND_COLUMNS)
    frame = 1.1 + 0.2 * legend_rows  # axis, title and legend
    row = max(ROW_MIN_IN, min(ROW_IN, (MAX_HEIGHT_IN - frame) / max(1, len(rows))))
    height = frame + row * max(1, len(rows))
    top = max((min(s.overall.percent or 0.0, CAP) for s in rows), default=0.0)
    limit = max(110.0, top + 22)
    with plt.rc_context({"font.family": "DejaVu Sans", "font.size": 8.5, "svg.hashsalt": "thidua"}):
        figure = plt.figure(figsize=(WIDTH_IN, height), dpi=DPI, layout="constrained")
        axes = figure.add_subplot()
        positions = list(range(len(rows)))[::-1]
        for y, item, verdict in zip(positions, rows, shown, strict=True):
            percent = item.overall.percent
            bar = max(0.0, min(percent, CAP)) if percent is not None else 0.0  # below a baseline: no bar
            axes.barh(y, bar, color=verdict.shade.colour, height=0.62)
            text = f"{format_number(round(percent, 1))}%" if percent is not None else status_words[Status.no_data]
            axes.text(
                bar + 2,
                y,
                text,
                va="center",
                ha="left",
                fontsize=8,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0},
                zorder=3,
            )
        axes.axvline(100, color=GOAL_LINE, linewidth=1.0, linestyle="--")
        if elapsed is not None:
            axes.axvline(elapsed * 100, color=ELAPSED_LINE, linewidth=0.9, linestyle=":")
        axes.set_yticks(positions, [label(item) for item in rows])
        axes.set_ylim(-0.6, max(1, len(rows)) - 0.4)
        axes.set_xlim(0, limit)
        ticks = [t for t in (0, 25, 50, 75, 100, 125, 150) if t <= limit]
        axes.set_xticks(ticks, [str(t) for t in ticks])
        axes.set_xlabel(TITLE)
        axes.spines[["top", "right"]].set_visible(False)
        # "outside": constrained layout keeps the legend below everything of the axes, title included.
        figure.legend(handles=handles, loc="outside lower center", ncol=LEGEND_COLUMNS, frameon=False, fontsize=8)
    return figure


def achievement_chart(
    statuses: Sequence[TargetStatus], status_words: Mapping[Status, str], outcomes: Sequence[str] | None = None
) -> bytes:
    """A horizontal bar per target: share of its goal achieved, coloured by status during the period
    and by its result (`outcomes`, as the table says) after it; the time gone by during it."""
    figure = chart_figure(statuses, status_words, outcomes)
    from matplotlib import pyplot as plt  # after chart_figure has chosen the backend

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    plt.close(figure)
    return buffer.getvalue()
