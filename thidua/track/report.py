"""`thidua report`: the results report (báo cáo sơ kết / tổng kết) of a plan's targets as .docx.

plan + results + date -> statuses (tracking) -> context -> template `bao-cao.xml.j2` ->
document -> .docx, with the achievement chart (chart.py) as a picture.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from thidua.i18n import tr
from thidua.plan.model import Plan, Signature, Target
from thidua.plan.results import ReportSettings, Results, baseline_words, goal_phrase, phrase
from thidua.render.context import lowercase_first, plan_citation, plan_context, recipient_lines
from thidua.render.pipeline import lay_out
from thidua.text.figures import format_number, meets, with_qualifier
from thidua.text.formatting import BLANK, roman, short_date, so_ky_hieu
from thidua.track.awards import Miss, Proposal
from thidua.track.chart import chart_caption
from thidua.track.status import Progress, Status, TargetStatus, UnitShare, campaign_elapsed, summary, track

REPORT_TEMPLATE = "bao-cao.xml.j2"
REPORT_TYPE = "BC"

# The report is an official document in Vietnamese, whatever the user's --lang.
STATUS_WORDS = {status: tr(f"status.{status.value}", "vi") for status in Status}
ARCHIVE = "Lưu: VT"  # the Nơi nhận line a report always ends with (FORMAT.md), when its list has none
_ARCHIVE_LINE = re.compile(r"Lưu\b")


class Outcome(StrEnum):
    """A target's result once the period is over (tổng kết), as union reports write it."""

    met = "Đạt"
    exceeded = "Vượt"  # met, and beyond the goal
    not_met = "Không đạt"  # everything else, a target with no figure too


def report_kind(plan: Plan, as_of: date) -> str:
    """Sơ kết during the campaign, tổng kết once its period is over."""
    period = plan.campaign.period
    return "Tổng kết" if period and period.end and as_of >= period.end else "Sơ kết"


def is_final(plan: Plan, as_of: date) -> bool:
    """Whether the report is a tổng kết: results are then Đạt / Vượt / Không đạt, not progress."""
    return report_kind(plan, as_of) == "Tổng kết"


def _qualifier(progress: Progress, target: Target) -> str | None:
    """The qualifier of the figure counted ('trên 90%'); a growth rate is computed, so it has none."""
    return progress.record.qualifier if progress.record is not None and target.measure != "growth" else None


def reached(progress: Progress, target: Target) -> bool:
    """Whether a figure reached its goal once the period is over: `meets` for a number ('trên 90%'
    reaches 90%, 'gần 90%' does not; a growth rate reached is met even before its own due date), the
    status for a yes/no target."""
    value, goal = progress.value, target.goal
    if target.measure == "yes_no" or isinstance(value, bool) or value is None or isinstance(goal, bool):
        return progress.status is Status.met
    return meets(value, _qualifier(progress, target), goal)


def excess(progress: Progress, target: Target) -> str | None:
    """How far a reached figure is beyond its goal, in words: '12%' for a count (of its goal), '5 điểm
    phần trăm' for a percent or a growth rate; None when it is not beyond it (a yes/no target, 'trên
    90%' for 90%); '' when beyond it by less than one decimal shows."""
    goal, value = target.goal, progress.value
    if isinstance(goal, bool) or isinstance(value, bool) or value is None or not reached(progress, target):
        return None
    if target.measure == "count" and goal > 0:
        amount, unit = (value - goal) / goal * 100, "%"
    elif target.measure in ("percent", "growth"):
        amount, unit = value - goal, " điểm phần trăm"
    else:
        return None
    if amount <= 0:
        return None
    shown = round(amount, 1)
    return with_qualifier(_qualifier(progress, target), f"{format_number(shown)}{unit}") if shown else ""


def outcome(progress: Progress, target: Target, *, reported: bool) -> tuple[Outcome, str]:
    """A figure's result after the period and its words: 'Đạt', 'Vượt 12%', 'Vượt 5 điểm phần trăm',
    'Không đạt', 'Không đạt (chưa có số liệu)'. `reported`: whether any figure was recorded."""
    if reached(progress, target):
        beyond = excess(progress, target)
        if beyond is None:
            return Outcome.met, Outcome.met.value
        return Outcome.exceeded, f"{Outcome.exceeded.value} {beyond}".rstrip()
    if not reported:
        return Outcome.not_met, f"{Outcome.not_met.value} (chưa có số liệu)"
    if target.measure == "growth" and progress.value is None:  # one year's figure: no growth yet
        return Outcome.not_met, f"{Outcome.not_met.value} (chưa đủ số liệu)"
    return Outcome.not_met, Outcome.not_met.value


def target_outcome(item: TargetStatus) -> tuple[Outcome, str]:
    """A target's result after the period: a per-unit target is met when every unit is, never 'vượt'."""
    if item.target.per_unit:  # its overall figure is how many units met it, not a figure to compare
        if all(reached(unit, item.target) for unit in item.units) and item.units:
            return Outcome.met, Outcome.met.value
        if not any(unit.record is not None for unit in item.units):
            return Outcome.not_met, f"{Outcome.not_met.value} (chưa có số liệu)"
        return Outcome.not_met, Outcome.not_met.value
    return outcome(item.overall, item.target, reported=item.overall.record is not None)


def assessment(item: TargetStatus, final: bool) -> str:
    """The Đánh giá cell: today's status during the period, the result once it is over."""
    return target_outcome(item)[1] if final else STATUS_WORDS[item.overall.status]


def unit_assessment(progress: Progress, target: Target, final: bool) -> str:
    if not final:
        return STATUS_WORDS[progress.status]
    return outcome(progress, target, reported=progress.record is not None)[1]


def report_recipients(*lists: Sequence[str] | None) -> list[str]:
    """Nơi nhận of the report: the first list given (the options', then the results file's), cleaned of
    hand-typed '- ' and ';', with its Lưu line last; a list without one gets 'Lưu: VT'."""
    given = next((list(names) for names in lists if names), [])
    cleaned = [name.strip().removeprefix("-").strip().rstrip(";.,").strip() for name in given]
    cleaned = [name for name in cleaned if name]
    archive = [name for name in cleaned if _ARCHIVE_LINE.match(name)]
    others = [name for name in cleaned if not _ARCHIVE_LINE.match(name)]
    return others + (archive or [ARCHIVE])


def report_signature(*signatures: Signature | None) -> Signature:
    """Who signs: each part (authority, title, name) from the first signature that gives it."""
    given = [s for s in signatures if s is not None]

    def first(field: str) -> str | None:
        return next((getattr(s, field) for s in given if getattr(s, field) is not None), None)

    return Signature(authority=first("authority"), title=first("title"), name=first("name"))


def report_context(
    plan: Plan,
    statuses: Sequence[TargetStatus],
    as_of: date,
    *,
    recipients: Sequence[str] = (),
    signature: Signature | None = None,
    children: Mapping[str, str] | None = None,
    proposals: Sequence[Proposal] = (),
    settings: ReportSettings | None = None,
) -> dict[str, Any]:
    """The template's context; `recipients` and `signature` as resolved (report_recipients,
    report_signature), by default the Lưu line alone and the plan's signature; `children` the
    names of the child plans whose figures are rolled up; `proposals` the commendations (awards);
    `settings` the results file's `report:` block, for its narrative parts."""
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
    final = is_final(plan, as_of)
    signer = signature or plan.signature
    tables = per_unit_tables(plan, statuses, final=final, children=children)
    story = narrative(settings or ReportSettings())
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
        "summary": final_summary_sentence(statuses) if final else summary_sentence(statuses),
        "rows": [
            {
                "number": item.number,
                "text": item.target.text,
                "goal": goal_phrase(item.target)
                + (f" ({baseline_words(item.target)})" if item.target.baseline else "")
                + (" (mỗi đơn vị)" if item.target.per_unit else "")
                + (f" ({_from_whom(item)})" if item.shares else ""),
                "result": (item.phrase or "—")
                + (f" ({item.units_counted}/{len(item.shares)} {_counted_words(item)})" if item.shares else ""),
                "cites": " ".join(f"[{sources[s]}]" for s in item.sources),
                "percent": f"{format_number(round(item.overall.percent, 1))}%"
                if item.overall.percent is not None
                else "—",
                "status": assessment(item, final),
                "note": item.overall.record.note if item.overall.record else None,
            }
            for item in statuses
        ],
        "chart_caption": chart_caption(
            statuses, STATUS_WORDS, as_of, [target_outcome(s)[0] for s in statuses] if final else None
        ),
        "growth_notes": growth_notes(statuses),
        "per_unit": tables,
        "per_unit_title": "SỐ LIỆU CỦA TỪNG ĐƠN VỊ"
        if any(item.shares for item in statuses)
        else "CHỈ TIÊU GIAO TỪNG ĐƠN VỊ",
        "awards": award_lines(proposals),
        "narrative": story,
        "numbers": _section_numbers(
            per_unit=bool(tables),
            assessment=bool(story["assessment"]),
            directions=bool(story["directions"]),
            awards=bool(proposals),
            requests=bool(story["requests"]),
            sources=True,
        ),
        "sources": list(sources),
        "closing": f"Trên đây là báo cáo {kind.lower()} thực hiện các chỉ tiêu thi đua theo {citation}./.",
        "signature": {"authority": signer.authority, "title": signer.title, "name": signer.name},
        "recipients": recipient_lines(report_recipients(recipients)),
    }


def _from_whom(item: TargetStatus) -> str:
    return "cộng từ kế hoạch cấp dưới" if item.rolled_up else "cộng từ các đơn vị"


def _counted_words(item: TargetStatus) -> str:
    return "kế hoạch cấp dưới được tính" if item.rolled_up else "đơn vị được tính"


NARRATIVE_ASSESSMENT = (
    ("highlights", "Kết quả nổi bật"),
    ("shortcomings", "Tồn tại, hạn chế"),
    ("causes", "Nguyên nhân"),
)


def narrative(settings: ReportSettings) -> dict[str, Any]:
    """The narrative parts written in the results file (`report:`), as written: the assessment's
    numbered headings with their paragraphs, the directions, the requests."""
    present = [(title, getattr(settings, name)) for name, title in NARRATIVE_ASSESSMENT if getattr(settings, name)]
    assessment = [
        {"heading": f"{i}. {title}", "paragraphs": list(texts)} for i, (title, texts) in enumerate(present, 1)
    ]
    return {"assessment": assessment, "directions": list(settings.directions), "requests": list(settings.requests)}


def _section_numbers(**present: bool) -> dict[str, str]:
    """The roman numbers of the report's parts after I, in the order given, for those present."""
    numbers, index = {}, 1
    for part, shown in present.items():
        if shown:
            index += 1
            numbers[part] = roman(index)
    return numbers


def award_lines(proposals: Sequence[Proposal]) -> list[dict[str, Any]]:
    """Each commendation: its form and criteria, who is proposed, who is one target short."""
    out = []
    for p in proposals:
        criteria = ", ".join(f"({n})" for n in p.target_numbers) or "các chỉ tiêu"
        heading = f"{p.number}. {p.award.title}: đơn vị đạt các chỉ tiêu {criteria} tính đến ngày {short_date(p.when)}"
        if p.award.limit is not None:
            heading += f" (kế hoạch khen tối đa {format_number(p.award.limit)})"
        proposed = "; ".join(j.name for j in p.proposed) or "không có đơn vị đạt tiêu chuẩn"
        lines = [f"Đề xuất ({len(p.proposed)}): {proposed}."]
        if p.near:
            near = "; ".join(
                f"{j.name} (chưa đạt chỉ tiêu " + ", ".join(_miss_words(p, m) for m in j.missed) + ")" for j in p.near
            )
            lines.append(f"Còn thiếu một chỉ tiêu ({len(p.near)}): {near}.")
        if p.over_limit:
            lines.append(
                f"Số đơn vị đạt tiêu chuẩn ({len(p.proposed)}) nhiều hơn số khen thưởng của kế hoạch "
                f"({format_number(p.award.limit or 0)}): đề nghị Hội đồng Thi đua - Khen thưởng xét chọn."
            )
        out.append({"heading": heading + ".", "lines": lines})
    return out


def _miss_words(proposal: Proposal, miss: Miss) -> str:
    number = proposal.number_of.get(miss.target)
    shown = f"({number})" if number is not None else miss.target
    return f"{shown}: {miss.result}" if miss.result else shown


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


def final_summary_sentence(statuses: Sequence[TargetStatus]) -> str:
    """'Kế hoạch có 4 chỉ tiêu; kết quả: 1 chỉ tiêu vượt, 1 chỉ tiêu đạt, 2 chỉ tiêu không đạt (trong đó
    1 chỉ tiêu chưa có số liệu).'"""
    if not statuses:
        return "Kế hoạch không có chỉ tiêu định lượng nào để theo dõi."
    outcomes = [target_outcome(item) for item in statuses]
    counts = {kind: sum(1 for got, _ in outcomes if got is kind) for kind in (Outcome.exceeded, Outcome.met)}
    parts = [f"{count} chỉ tiêu {kind.value.lower()}" for kind, count in counts.items() if count]
    failed = sum(1 for got, _ in outcomes if got is Outcome.not_met)
    if failed:
        unreported = sum(1 for got, words in outcomes if got is Outcome.not_met and "chưa có số liệu" in words)
        within = f" (trong đó {unreported} chỉ tiêu chưa có số liệu)" if unreported else ""
        parts.append(f"{failed} chỉ tiêu {Outcome.not_met.value.lower()}{within}")
    return f"Kế hoạch có {len(statuses)} chỉ tiêu; kết quả: " + ", ".join(parts) + "."


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
    whom = "các kế hoạch cấp dưới" if item.rolled_up else "các đơn vị"
    heading = (
        f"Chỉ tiêu ({item.number}) “{goal_phrase(item.target)}” cộng từ số liệu {whom}: {total}, "
        f"{item.units_counted}/{len(item.shares)} {_counted_words(item)}"
    )
    missing = [names.get(unit, unit) for unit in item.missing_units]
    absent = "chưa có số liệu" if item.rolled_up else "chưa báo cáo"
    heading += f"; {absent}: {', '.join(missing)}." if missing else "."
    latest = item.overall.record.date if item.overall.record else None
    units = []
    for share in item.shares:
        result = phrase(share.record, item.target) if share.record else "—"
        if share.record is not None and share.record.date != latest:  # an older figure says its date
            result += f" (ngày {short_date(share.record.date)})"
        units.append(
            {
                "name": names.get(share.unit, share.unit),
                "result": result,
                "note": share.record.note if share.record else None,
                "status": share_words(share),
            }
        )
    return {"heading": heading, "heads": SHARE_HEADS, "units": units}


def per_unit_tables(
    plan: Plan, statuses: Sequence[TargetStatus], *, final: bool = False, children: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    names = {**(children or {}), **{unit.id: unit.name for unit in plan.units}}
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
                        "note": p.record.note if p.record else None,
                        "status": unit_assessment(p, item.target, final),
                    }
                    for p in item.units
                ],
            }
        )
    return tables


def render_report(
    plan: Plan,
    results: Results,
    as_of: date,
    *,
    plan_file: Path | None = None,
    template: Path | None = None,
    recipients: Sequence[str] = (),
    signer_authority: str | None = None,
    signer_title: str | None = None,
    signer_name: str | None = None,
) -> bytes:
    """The report .docx as bytes: the same plan, results, date and options always give the same bytes.

    Nơi nhận and the signer: the options (`recipients`, `signer_*`), else the results file's `report:`
    block, else (the signer) the plan's signature.
    """
    from thidua.render.writers.docx import write_docx
    from thidua.track.awards import propose
    from thidua.track.chart import achievement_chart
    from thidua.track.rollup import child_shares, child_trees, key, names

    children_at = child_trees(plan_file, plan, results) if plan_file is not None else (lambda _: None)
    tree = children_at(as_of)
    shares = child_shares(tree, key(plan_file), plan) if tree is not None and plan_file is not None else None
    statuses = track(plan, results, as_of, shares)
    proposals = propose(plan, plan_file, results, as_of, children_at) if plan_file is not None else []
    given = Signature(authority=signer_authority, title=signer_title, name=signer_name)
    context = report_context(
        plan,
        statuses,
        as_of,
        recipients=report_recipients(recipients, results.report.recipients),
        signature=report_signature(given, results.report.signature, plan.signature),
        children=names(tree) if tree is not None else None,
        proposals=proposals,
        settings=results.report,
    )
    document = lay_out(context, plan_file=plan_file, template=template, default=REPORT_TEMPLATE)
    chart = achievement_chart(
        statuses, STATUS_WORDS, [target_outcome(s)[0] for s in statuses] if is_final(plan, as_of) else None
    )
    return write_docx(document, images={"chart": chart})
