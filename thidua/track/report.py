"""`thidua report`: the results report (báo cáo sơ kết / tổng kết) of a plan's targets as .docx.

plan + results + date -> statuses (tracking) -> context -> template `bao-cao.xml.j2` ->
document -> .docx, with the achievement chart (chart.py) as a picture.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from thidua.i18n import tr
from thidua.plan.model import Plan, Target
from thidua.plan.results import Results, baseline_words, goal_phrase, phrase
from thidua.render.context import lowercase_first, plan_citation, plan_context
from thidua.render.pipeline import lay_out
from thidua.text.figures import format_number, with_qualifier
from thidua.text.formatting import BLANK, short_date, so_ky_hieu
from thidua.track.status import Progress, Status, TargetStatus, UnitShare, campaign_elapsed, summary, track

REPORT_TEMPLATE = "bao-cao.xml.j2"
REPORT_TYPE = "BC"

# The report is an official document in Vietnamese, whatever the user's --lang.
STATUS_WORDS = {status: tr(f"status.{status.value}", "vi") for status in Status}


def report_kind(plan: Plan, as_of: date) -> str:
    """Sơ kết during the campaign, tổng kết once its period is over."""
    period = plan.campaign.period
    return "Tổng kết" if period and period.end and as_of >= period.end else "Sơ kết"


def report_context(plan: Plan, statuses: Sequence[TargetStatus], as_of: date) -> dict[str, Any]:
    base = plan_context(plan)
    abbreviation = plan.issuer.abbreviation
    ky_hieu = f"{REPORT_TYPE}-{abbreviation}" if abbreviation else REPORT_TYPE
    place = plan.document.place
    blank = BLANK * 6
    written = f"ngày{blank}tháng{blank}năm {as_of.year}"
    kind = report_kind(plan, as_of)
    citation = plan_citation(plan)
    numbered = plan.document.number is not None or plan.document.date is not None
    about = f" về {lowercase_first(plan.document.title)}" if numbered else ""
    sources: dict[str, int] = {}
    for item in statuses:
        for source in item.sources:
            sources.setdefault(source, len(sources) + 1)
    elapsed = campaign_elapsed(statuses)
    return {
        **base,
        "document": {
            **base["document"],
            "type": REPORT_TYPE,
            "type_title": "BÁO CÁO",
            "so_ky_hieu": so_ky_hieu(None, ky_hieu),
            "place_date": f"{place}, {written}" if place else written[0].upper() + written[1:],
            "title": f"{kind} thực hiện các chỉ tiêu thi đua theo {citation}",
        },
        "intro": (
            f"Thực hiện {citation}{about}, "
            f"báo cáo kết quả thực hiện các chỉ tiêu tính đến ngày {short_date(as_of)}"
            + _elapsed_words(elapsed)
            + " như sau:"
        ),
        "summary": summary_sentence(statuses),
        "rows": [
            {
                "number": item.number,
                "text": item.target.text,
                "goal": goal_phrase(item.target)
                + (f" ({baseline_words(item.target)})" if item.target.baseline else "")
                + (" (mỗi đơn vị)" if item.target.per_unit else "")
                + (" (cộng từ các đơn vị)" if item.shares else ""),
                "result": (item.phrase or "—")
                + (f" ({item.units_counted}/{len(item.shares)} đơn vị được tính)" if item.shares else ""),
                "cites": " ".join(f"[{sources[s]}]" for s in item.sources),
                "percent": f"{format_number(round(item.overall.percent, 1))}%"
                if item.overall.percent is not None
                else "—",
                "status": STATUS_WORDS[item.overall.status],
            }
            for item in statuses
        ],
        "chart_caption": f"Biểu đồ: Tỷ lệ đạt so với mục tiêu của từng chỉ tiêu, tính đến ngày {short_date(as_of)}",
        "growth_notes": growth_notes(statuses),
        "per_unit": per_unit_tables(plan, statuses),
        "per_unit_title": "SỐ LIỆU CỦA TỪNG ĐƠN VỊ"
        if any(item.shares for item in statuses)
        else "CHỈ TIÊU GIAO TỪNG ĐƠN VỊ",
        "sources": list(sources),
        "closing": f"Trên đây là báo cáo {kind.lower()} thực hiện các chỉ tiêu thi đua theo {citation}./.",
        "recipients": [],
    }


def _elapsed_words(elapsed: float | None) -> str:
    if elapsed is None:
        return ""
    if elapsed >= 1:
        return " (đã hết thời gian thực hiện)"
    return f" (đã qua {format_number(round(elapsed * 100))}% thời gian thực hiện)"


def unit_result(progress: Progress, target: Target) -> str:
    """A unit's figure in the per-unit table: the number for a count, the phrase otherwise."""
    record = progress.record
    if record is None:
        return "—"
    if target.measure == "count" and not isinstance(record.value, bool):
        return with_qualifier(record.qualifier, format_number(record.value))
    return phrase(record, target)


def summary_sentence(statuses: Sequence[TargetStatus]) -> str:
    counts = summary(statuses)
    parts = [f"{count} chỉ tiêu {STATUS_WORDS[status].lower()}" for status, count in counts.items() if count]
    if not statuses:
        return "Kế hoạch không có chỉ tiêu định lượng nào để theo dõi."
    return f"Kế hoạch có {len(statuses)} chỉ tiêu; đến nay có " + ", ".join(parts) + "."


def growth_notes(statuses: Sequence[TargetStatus]) -> list[str]:
    notes = []
    for item in statuses:
        years = item.overall.years
        if item.target.measure != "growth" or not years:
            continue
        parts = []
        for figure in years:
            text = f"năm {figure.year}: {format_number(figure.value)}"
            if figure.growth is not None:
                text += f" ({'tăng' if figure.growth >= 0 else 'giảm'} {format_number(round(abs(figure.growth), 1))}%)"
            parts.append(text)
        noun = item.target.population or "số liệu"
        notes.append(f"Chỉ tiêu ({item.number}), số {noun} theo năm: " + "; ".join(parts) + ".")
    return notes


UNIT_HEADS = ("TT", "Đơn vị", "Kết quả", "Đánh giá")
SHARE_HEADS = ("TT", "Đơn vị", "Số liệu", "Tình trạng")


def share_words(share: UnitShare) -> str:
    """A unit's part of a total in words: counted, not reported yet, or not added (a share without `of`)."""
    if share.record is None:
        return "Chưa báo cáo"
    return "Đã tính" if share.counted else "Chưa cộng được (thiếu tổng số)"


def share_table(item: TargetStatus, names: dict[str, str]) -> dict[str, Any]:
    """The units' figures of a target made of them: the total, how many units it counts, who is missing."""
    total = item.phrase or "chưa có số liệu"
    heading = (
        f"Chỉ tiêu ({item.number}) “{goal_phrase(item.target)}” cộng từ số liệu các đơn vị: {total}, "
        f"{item.units_counted}/{len(item.shares)} đơn vị được tính"
    )
    missing = [names.get(unit, unit) for unit in item.missing_units]
    heading += f"; chưa báo cáo: {', '.join(missing)}." if missing else "."
    latest = item.overall.record.date if item.overall.record else None
    units = []
    for share in item.shares:
        result = phrase(share.record, item.target) if share.record else "—"
        if share.record is not None and share.record.date != latest:  # an older figure says its date
            result += f" (ngày {short_date(share.record.date)})"
        units.append({"name": names.get(share.unit, share.unit), "result": result, "status": share_words(share)})
    return {"heading": heading, "heads": SHARE_HEADS, "units": units}


def per_unit_tables(plan: Plan, statuses: Sequence[TargetStatus]) -> list[dict[str, Any]]:
    names = {unit.id: unit.name for unit in plan.units}
    tables = []
    for item in statuses:
        if item.shares:
            tables.append(share_table(item, names))
            continue
        if not item.target.per_unit or not item.units:
            continue
        tables.append(
            {
                "heading": f"Chỉ tiêu ({item.number}) “{goal_phrase(item.target)}” mỗi đơn vị: "
                f"{item.units_met}/{len(item.units)} đơn vị đạt.",
                "heads": UNIT_HEADS,
                "units": [
                    {
                        "name": names.get(p.unit or "", p.unit),
                        "result": unit_result(p, item.target),
                        "status": STATUS_WORDS[p.status],
                    }
                    for p in item.units
                ],
            }
        )
    return tables


def render_report(
    plan: Plan, results: Results, as_of: date, *, plan_file: Path | None = None, template: Path | None = None
) -> bytes:
    """The report .docx as bytes: the same plan, results and date always give the same bytes."""
    from thidua.render.writers.docx import write_docx
    from thidua.track.chart import achievement_chart

    statuses = track(plan, results, as_of)
    context = report_context(plan, statuses, as_of)
    document = lay_out(context, plan_file=plan_file, template=template, default=REPORT_TEMPLATE)
    chart = achievement_chart(statuses, STATUS_WORDS)
    return write_docx(document, images={"chart": chart})
