"""The achievement chart of the results report: one bar per target, as a PNG (matplotlib).

The same statuses always give the same bytes: fixed size and resolution, a font shipped with
matplotlib (DejaVu Sans, which has every Vietnamese letter), no timestamp in the PNG.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from thidua.text.figures import format_number
from thidua.track.status import Status, TargetStatus, campaign_elapsed

# Status colours, readable in greyscale print too (light to dark).
COLOURS = {
    Status.met: "#2e7d32",
    Status.on_track: "#1565c0",
    Status.behind: "#ef6c00",
    Status.overdue: "#c62828",
    Status.no_data: "#9e9e9e",
}
WIDTH_IN = 6.3  # 16 cm, the text width
DPI = 200
CAP = 150.0  # bars beyond 150% are drawn at 150% with their true figure written
LABEL_CHARS = 30  # per line; two lines at most


def label(item: TargetStatus) -> str:
    """`(1) 100% công đoàn cơ sở xây dựng / kế hoạch, tổ chức triển…`: the target's own words."""
    import textwrap

    lines = textwrap.wrap(f"({item.number}) {item.target.text.rstrip('.')}", LABEL_CHARS)
    if len(lines) > 2:
        lines = [lines[0], lines[1][: LABEL_CHARS - 1].rstrip(" ,") + "…"]
    return "\n".join(lines)


def achievement_chart(statuses: Sequence[TargetStatus], status_words: dict[Status, str]) -> bytes:
    """A horizontal bar per target: share of its goal achieved, coloured by status; the time gone by."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.patches import Patch

    rows = list(statuses)
    elapsed = campaign_elapsed(rows)
    height = 1.6 + 0.5 * max(1, len(rows))
    top = max((min(s.overall.percent or 0.0, CAP) for s in rows), default=0.0)
    limit = max(110.0, top + 22)
    with plt.rc_context({"font.family": "DejaVu Sans", "font.size": 8.5, "svg.hashsalt": "thidua"}):
        figure, axes = plt.subplots(figsize=(WIDTH_IN, height), dpi=DPI)
        positions = list(range(len(rows)))[::-1]
        for y, item in zip(positions, rows, strict=True):
            percent = item.overall.percent
            colour = COLOURS[item.overall.status]
            shown = max(0.0, min(percent, CAP)) if percent is not None else 0.0  # below a baseline: no bar
            axes.barh(y, shown, color=colour, height=0.62)
            text = f"{format_number(round(percent, 1))}%" if percent is not None else status_words[Status.no_data]
            axes.text(
                shown + 2,
                y,
                text,
                va="center",
                ha="left",
                fontsize=8,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0},
                zorder=3,
            )
        axes.axvline(100, color="#212121", linewidth=1.0, linestyle="--")
        if elapsed is not None:
            axes.axvline(elapsed * 100, color="#616161", linewidth=0.9, linestyle=":")
        axes.set_yticks(positions, [label(item) for item in rows])
        axes.set_xlim(0, limit)
        ticks = [t for t in (0, 25, 50, 75, 100, 125, 150) if t <= limit]
        axes.set_xticks(ticks, [str(t) for t in ticks])
        axes.set_xlabel("Tỷ lệ đạt so với mục tiêu (%)")
        axes.spines[["top", "right"]].set_visible(False)
        present = [s for s in COLOURS if any(i.overall.status is s for i in rows)]
        handles = [Patch(color=COLOURS[s], label=status_words[s]) for s in present]
        handles.append(Patch(facecolor="white", edgecolor="#212121", linestyle="--", label="Mục tiêu (100%)"))
        if elapsed is not None:
            handles.append(
                Patch(
                    facecolor="white",
                    edgecolor="#616161",
                    linestyle=":",
                    label=f"Thời gian đã qua: {format_number(round(elapsed * 100))}%",
                )
            )
        axes.legend(
            handles=handles,
            loc="upper center",
            bbox_to_anchor=(0.5, -0.55 / height * 2.2),
            ncol=2,
            frameon=False,
            fontsize=8,
        )
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None}, bbox_inches="tight", pad_inches=0.05)
        plt.close(figure)
    return buffer.getvalue()
