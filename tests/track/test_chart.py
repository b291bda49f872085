"""The report's achievement chart: nothing in it overlaps, its caption says what the colours mean, and
after the period its colours say what the table says.

The layout is read from matplotlib's own boxes (renderer extents), not from the picture's pixels.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest
from matplotlib.colors import to_hex
from matplotlib.transforms import Bbox

from tests.render.test_docx_valid import _audit
from tests.track.plans import plan_head, write_plan
from thidua.cli.app import app
from thidua.track.chart import OUTCOME_COLOURS, achievement_chart, chart_caption, chart_figure
from thidua.track.report import STATUS_WORDS, Outcome, report_context, target_outcome
from thidua.track.status import TargetStatus, track
from thidua.workspace import open_tracked

HEAD = plan_head("Tổ chức phong trào thi đua năm 2021", "2021-01-01", "2021-12-31")
TAIL = """\
units:
  - {id: ldld-dong-ha, name: LĐLĐ thành phố Đông Hà}
  - {id: ldld-gio-linh, name: LĐLĐ huyện Gio Linh}
signature: {authority: TM. BAN THƯỜNG VỤ, title: CHỦ TỊCH, name: Nguyễn Văn A}
recipients: [Các CĐCS, "Lưu: VT"]
"""


def _many(count: int) -> tuple[str, str]:
    """A plan of COUNT count targets and figures that give every status on 30/6/2021 (and bars past 150%)."""
    items, records = [], []
    figures = [100, 60, 20, None, 170, 35]  # of 100: met, on track, behind, no figure, met (capped), behind
    for k in range(1, count + 1):
        items.append(
            f"""\
      - target:
          id: mo-hinh-{k}
          text: Xây dựng 100 mô hình điểm về an toàn, vệ sinh lao động tại doanh nghiệp khu vực {k}.
          measure: count
          goal: 100
          population: mô hình
"""
        )
        figure = figures[(k - 1) % len(figures)]
        if figure is not None:
            records.append(f"  - {{target: mo-hinh-{k}, date: 2021-06-30, value: {figure}}}\n")
    plan = HEAD + "sections:\n  - kind: targets\n    title: MỤC TIÊU, CHỈ TIÊU\n    items:\n" + "".join(items) + TAIL
    return plan, "results:\n" + "".join(records)


def _statuses(tmp_path: Path, plan: str, results: str, as_of: date) -> list[TargetStatus]:
    tracked = open_tracked(write_plan(tmp_path, plan, results))
    return track(tracked.plan, tracked.results, as_of)


def _overlap(a: Bbox, b: Bbox, tolerance: float = 0.5) -> bool:
    """Whether two boxes share more than a hair (half a pixel) of area."""
    return a.x0 < b.x1 - tolerance and b.x0 < a.x1 - tolerance and a.y0 < b.y1 - tolerance and b.y0 < a.y1 - tolerance


def _inside(inner: Bbox, outer: Bbox, tolerance: float = 0.5) -> bool:
    return (
        inner.x0 >= outer.x0 - tolerance
        and inner.y0 >= outer.y0 - tolerance
        and inner.x1 <= outer.x1 + tolerance
        and inner.y1 <= outer.y1 + tolerance
    )


def layout_problems(figure) -> list[str]:  # type: ignore[no-untyped-def]
    """What overlaps or sticks out of the figure: the legend, the axis title, the tick labels, the
    axes (the bars' frame); the bars' figures must stay inside the axes."""
    figure.draw_without_rendering()
    renderer = figure.canvas.get_renderer()
    [axes] = figure.axes
    [legend] = figure.legends or [axes.get_legend()]
    boxes = {"legend": legend.get_window_extent(renderer), "x title": axes.xaxis.label.get_window_extent(renderer)}
    boxes |= {f"x tick {t.get_text()}": t.get_window_extent(renderer) for t in axes.get_xticklabels() if t.get_text()}
    boxes |= {f"y tick {i}": t.get_window_extent(renderer) for i, t in enumerate(axes.get_yticklabels())}
    boxes["axes"] = axes.get_window_extent(renderer)
    names = list(boxes)
    problems = [
        f"{a} overlaps {b}" for i, a in enumerate(names) for b in names[i + 1 :] if _overlap(boxes[a], boxes[b])
    ]
    problems += [f"{name} is outside the figure" for name in names if not _inside(boxes[name], figure.bbox)]
    problems += [
        f"bar figure {text.get_text()!r} is outside the axes"
        for text in axes.texts
        if not _inside(text.get_window_extent(renderer), boxes["axes"])
    ]
    return problems


@pytest.mark.parametrize("count", [1, 2, 5, 10, 20])
@pytest.mark.parametrize("final", [False, True], ids=["so-ket", "tong-ket"])
def test_legend_title_ticks_and_bars_never_overlap(tmp_path: Path, count: int, final: bool) -> None:
    from matplotlib import pyplot as plt

    statuses = _statuses(tmp_path, *_many(count), date(2021, 6, 30))
    outcomes = [target_outcome(s)[0] for s in statuses] if final else None
    figure = chart_figure(statuses, STATUS_WORDS, outcomes)
    try:
        assert layout_problems(figure) == []
    finally:
        plt.close(figure)


# Five targets on 30/6/2021 (180 of 364 days gone by: 49%) and on 31/12/2021, the last day (a tổng kết):
#   (1) mo-hinh      50 of 50                                   -> met
#   (2) cong-trinh   50 of 80 = 62,5%, due 30/9/2021: its own window 01/01–30/9 (272 days), 180/272 = 66%
#                    gone by -> behind, right of the 49% line; on 31/12 past its due date -> overdue
#   (3) mo-hinh-diem per unit: Đông Hà 1 of 1, Gio Linh 0 -> 1/2 = 50% of units, Gio Linh behind -> behind
#   (4) doan-vien    nothing recorded                          -> no data
#   (5) sang-kien    growth 10%/năm due 30/6/2022: 1.000 (2020) -> 1.120 (2021), 1120/1000 − 1 = 12%/năm;
#                    on 31/12/2021 reached but not due yet -> on track; the table: Vượt 2 điểm phần trăm
MIXED = (
    HEAD
    + """\
sections:
  - kind: targets
    title: MỤC TIÊU, CHỈ TIÊU
    items:
      - target: {id: mo-hinh, text: Xây dựng 50 mô hình an toàn., measure: count, goal: 50, population: mô hình}
      - target:
          id: cong-trinh
          text: Thực hiện 80 công trình chào mừng.
          measure: count
          goal: 80
          population: công trình
          due: 2021-09-30
      - target:
          id: mo-hinh-diem
          text: Mỗi LĐLĐ huyện xây dựng 01 mô hình điểm.
          measure: count
          goal: 1
          population: mô hình
          per_unit: true
      - target: {id: doan-vien, text: Kết nạp 3.000 đoàn viên mới., measure: count, goal: 3000}
      - target:
          id: sang-kien
          text: Số sáng kiến tăng bình quân 10%/năm.
          measure: growth
          goal: 10
          due: 2022-06-30
"""
    + TAIL
)
MIXED_RESULTS = """\
results:
  - {target: mo-hinh, date: 2021-06-30, value: 50}
  - {target: cong-trinh, date: 2021-06-30, value: 50}
  - {target: mo-hinh-diem, unit: ldld-dong-ha, date: 2021-06-30, value: 1}
  - {target: mo-hinh-diem, unit: ldld-gio-linh, date: 2021-06-30, value: 0}
  - {target: sang-kien, date: 2020-12-31, value: 1000}
  - {target: sang-kien, date: 2021-12-31, value: 1120}
"""


def test_the_caption_names_the_colours_in_the_chart_and_why_a_bar_past_the_line_is_behind(tmp_path: Path) -> None:
    statuses = _statuses(tmp_path, MIXED, MIXED_RESULTS, date(2021, 6, 30))
    caption = chart_caption(statuses, STATUS_WORDS, date(2021, 6, 30))
    # Met, behind and no data are in the chart (no blue, no red); the line is the campaign's 49%.
    assert caption == (
        "Biểu đồ: Tỷ lệ đạt so với mục tiêu của từng chỉ tiêu, tính đến ngày 30/6/2021. "
        "Cột màu xanh lá: đạt; màu cam: chậm tiến độ; màu xám: chưa có số liệu. "
        "Đường nét đứt: mục tiêu (100%); đường chấm: thời gian thực hiện đã qua (49%). "
        "Chỉ tiêu (2) chậm tiến độ dù cột đã qua đường chấm vì được tính theo thời gian của chính chỉ tiêu "
        "(từ ngày 01/01/2021 đến ngày 30/9/2021, đã qua 66%). "
        "Chỉ tiêu (3) chậm tiến độ dù cột đã qua đường chấm vì là chỉ tiêu giao từng đơn vị: "
        "cột là tỷ lệ đơn vị đã đạt, tiến độ là của đơn vị chậm nhất."
    )


def test_after_the_period_the_chart_says_what_the_table_says(runner, tmp_path: Path) -> None:
    from matplotlib import pyplot as plt

    plan = write_plan(tmp_path, MIXED, MIXED_RESULTS)
    out = tmp_path / "bao-cao.docx"
    result = runner.invoke(app, ["report", str(plan), "-o", str(out), "--as-of", "2021-12-31"])
    assert result.exit_code == 0, result.output
    _audit(out)
    table = [row.cells[5].text for row in docx.Document(str(out)).tables[1].rows[1:]]
    assert table == ["Đạt", "Không đạt", "Không đạt", "Không đạt (chưa có số liệu)", "Vượt 2 điểm phần trăm"]

    tracked = open_tracked(plan)
    statuses = track(tracked.plan, tracked.results, date(2021, 12, 31))
    outcomes = [target_outcome(s)[0] for s in statuses]
    figure = chart_figure(statuses, STATUS_WORDS, outcomes)
    try:
        # Each bar (in target order) has its result's colour: (5) is Vượt although on track, not due yet.
        bars = [to_hex(patch.get_facecolor()) for patch in figure.axes[0].patches]
        assert bars == [OUTCOME_COLOURS[word].colour for word in ["Đạt", "Không đạt", "Không đạt", "Không đạt", "Vượt"]]
        # Each word once: overdue (2) and behind (3) are one "Không đạt"; no time line once it is over.
        labels = [text.get_text() for text in figure.legends[0].get_texts()]
        assert labels == ["Vượt", "Đạt", "Không đạt", "Mục tiêu (100%)"]
    finally:
        plt.close(figure)
    context = report_context(tracked.plan, statuses, date(2021, 12, 31))
    assert context["chart_caption"] == (
        "Biểu đồ: Tỷ lệ đạt so với mục tiêu của từng chỉ tiêu, tính đến ngày 31/12/2021. "
        "Cột màu xanh lá đậm: vượt; màu xanh lá nhạt: đạt; màu đỏ: không đạt. Đường nét đứt: mục tiêu (100%)."
    )
    # The same input, the same picture.
    assert achievement_chart(statuses, STATUS_WORDS, outcomes) == achievement_chart(statuses, STATUS_WORDS, outcomes)


def test_every_outcome_has_a_colour() -> None:
    assert set(OUTCOME_COLOURS) == {outcome.value for outcome in Outcome}
