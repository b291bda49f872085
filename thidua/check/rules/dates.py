"""PE: the period, the issue date and the phases (đợt) must agree in time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise

from thidua.check.rule import PlanContext, Rule
from thidua.findings import Loc, Problem, Severity
from thidua.plan.model import Phase

E, W = Severity.error, Severity.warning


def _period(ctx: PlanContext) -> tuple[date | None, date | None]:
    period = ctx.plan.campaign.period
    return (period.start, period.end) if period else (None, None)


def check_period_reversed(ctx: PlanContext) -> Iterator[Problem]:
    start, end = _period(ctx)
    if start and end and end < start:
        yield Problem({"start": start.isoformat(), "end": end.isoformat()}, loc=("campaign", "period", "end"))


def check_issued_after_end(ctx: PlanContext) -> Iterator[Problem]:
    issued, (_, end) = ctx.plan.document.date, _period(ctx)
    if issued and end and issued > end:
        yield Problem({"date": issued.isoformat(), "end": end.isoformat()}, loc=("document", "date"))


def check_issued_too_early(ctx: PlanContext) -> Iterator[Problem]:
    issued, (start, _) = ctx.plan.document.date, _period(ctx)
    if issued and start and issued < start - timedelta(days=366):
        yield Problem({"date": issued.isoformat(), "start": start.isoformat()}, loc=("document", "date"))


def check_phase_reversed(ctx: PlanContext) -> Iterator[Problem]:
    for loc, phase in ctx.plan.phases():
        if phase.start and phase.end and phase.end < phase.start:
            yield Problem(
                {"phase": phase.name, "start": phase.start.isoformat(), "end": phase.end.isoformat()},
                loc=(*loc, "end"),
            )


def check_phase_in_period(ctx: PlanContext) -> Iterator[Problem]:
    start, end = _period(ctx)
    for loc, phase in ctx.plan.phases():
        for field, value in (("start", phase.start), ("end", phase.end)):
            if value and ((start and value < start) or (end and value > end)):
                yield Problem(
                    {
                        "phase": phase.name,
                        "date": value.isoformat(),
                        "start": start.isoformat() if start else "…",
                        "end": end.isoformat() if end else "…",
                    },
                    loc=(*loc, field),
                )


def _reversed(phase: Phase) -> bool:
    return bool(phase.start and phase.end and phase.end < phase.start)


def _consecutive(ctx: PlanContext) -> Iterator[tuple[Loc, Phase, Loc, Phase]]:
    """Pairs of phases in writing order; a reversed phase (PE04) says nothing about the others."""
    phases = [(loc, phase) for loc, phase in ctx.plan.phases() if not _reversed(phase)]
    for (prev_loc, prev), (loc, cur) in pairwise(phases):
        yield prev_loc, prev, loc, cur


def check_phase_order(ctx: PlanContext) -> Iterator[Problem]:
    for _, prev, loc, cur in _consecutive(ctx):
        # compare like with like: a start with a start, or an end with an end
        if prev.start and cur.start and cur.start < prev.start:
            yield Problem({"phase": cur.name, "previous": prev.name}, loc=(*loc, "start"))
        elif not (prev.start and cur.start) and prev.end and cur.end and cur.end < prev.end:
            yield Problem({"phase": cur.name, "previous": prev.name}, loc=(*loc, "end"))


def _overlap(prev: Phase, cur: Phase) -> bool:
    if not (prev.end and cur.start and cur.start <= prev.end):
        return False
    # with both intervals known, they overlap only if each starts before the other ends
    return not (prev.start and cur.end and cur.end < prev.start)


def check_phase_overlap(ctx: PlanContext) -> Iterator[Problem]:
    for _, prev, loc, cur in _consecutive(ctx):
        if _overlap(prev, cur):
            assert cur.start and prev.end
            yield Problem(
                {"phase": cur.name, "previous": prev.name, "start": cur.start.isoformat(), "end": prev.end.isoformat()},
                loc=(*loc, "start"),
            )


def check_phase_gap(ctx: PlanContext) -> Iterator[Problem]:
    for _, prev, loc, cur in _consecutive(ctx):
        if prev.end and cur.start and cur.start > prev.end + timedelta(days=1):
            yield Problem(
                {"phase": cur.name, "previous": prev.name, "days": (cur.start - prev.end).days - 1},
                loc=(*loc, "start"),
            )


_PHASES = (
    "sections:\n  - kind: phases\n    title: CÁC ĐỢT THI ĐUA\n    items:\n"
    "      - phase: {{name: Đợt 1, start: 2021-01-01, end: {end1}}}\n"
    "      - phase: {{name: Đợt 2, start: {start2}, end: 2021-12-31}}\n"
)

RULES = (
    Rule(
        "PE01",
        "period.reversed",
        E,
        check=check_period_reversed,
        summary={"vi": "Thời gian thi đua kết thúc trước khi bắt đầu", "en": "The period ends before it starts"},
        message={
            "vi": "thời gian thi đua kết thúc ({end}) trước ngày bắt đầu ({start})",
            "en": "the period ends ({end}) before it starts ({start})",
        },
        why={
            "vi": "Thường do gõ nhầm năm khi sao chép kế hoạch năm trước.",
            "en": "Usually a year mistyped while copying last year's plan.",
        },
        bad="campaign:\n  period: {start: 2021-01-01, end: 2020-12-31}\n",
        good="campaign:\n  period: {start: 2021-01-01, end: 2021-12-31}\n",
    ),
    Rule(
        "PE02",
        "period.issued-after-end",
        E,
        check=check_issued_after_end,
        summary={"vi": "Ngày ban hành sau khi đợt thi đua đã kết thúc", "en": "Issued after the period ended"},
        message={
            "vi": "ngày ban hành {date} sau ngày kết thúc thời gian thi đua {end}",
            "en": "issue date {date} is after the end of the period {end}",
        },
        why={
            "vi": "Không thể phát động thi đua cho một giai đoạn đã qua; thường là năm của kỳ thi đua "
            "chưa được sửa khi sao chép kế hoạch cũ.",
            "en": "A campaign cannot be launched for a period that is over; usually the period was "
            "not updated when last year's plan was copied.",
        },
        bad="document:\n  date: 2022-02-22\ncampaign:\n  period: {start: 2021-01-01, end: 2021-12-31}\n",
        good="document:\n  date: 2022-02-22\ncampaign:\n  period: {start: 2022-01-01, end: 2022-12-31}\n",
    ),
    Rule(
        "PE03",
        "period.issued-too-early",
        W,
        check=check_issued_too_early,
        summary={
            "vi": "Ngày ban hành sớm hơn thời gian thi đua quá một năm",
            "en": "Issued more than a year before the period",
        },
        message={
            "vi": "ngày ban hành {date} sớm hơn ngày bắt đầu thi đua {start} quá một năm",
            "en": "issue date {date} is more than a year before the period starts ({start})",
        },
        why={
            "vi": "Kế hoạch thường ban hành ngay trước hoặc đầu kỳ thi đua; cách xa hơn một năm thường là nhầm năm.",
            "en": "Plans are issued just before or early in their period; more than a year apart is "
            "usually a wrong year.",
        },
        bad="document:\n  date: 2019-12-30\ncampaign:\n  period: {start: 2021-01-01, end: 2021-12-31}\n",
        good="document:\n  date: 2020-12-30\ncampaign:\n  period: {start: 2021-01-01, end: 2021-12-31}\n",
    ),
    Rule(
        "PE04",
        "phase.reversed",
        E,
        check=check_phase_reversed,
        summary={"vi": "Một đợt thi đua kết thúc trước khi bắt đầu", "en": "A phase ends before it starts"},
        message={
            "vi": "{phase} kết thúc ({end}) trước khi bắt đầu ({start})",
            "en": "{phase} ends ({end}) before it starts ({start})",
        },
        why={
            "vi": "Ngày bắt đầu và kết thúc của một đợt bị đảo hoặc gõ nhầm.",
            "en": "A phase's start and end are swapped or mistyped.",
        },
        bad="- phase: {name: Đợt 1, start: 2021-06-30, end: 2021-01-01}\n",
        good="- phase: {name: Đợt 1, start: 2021-01-01, end: 2021-06-30}\n",
    ),
    Rule(
        "PE05",
        "phase.outside-period",
        E,
        check=check_phase_in_period,
        summary={"vi": "Một đợt thi đua nằm ngoài thời gian thi đua", "en": "A phase lies outside the period"},
        message={
            "vi": "{phase}: ngày {date} nằm ngoài thời gian thi đua ({start} – {end})",
            "en": "{phase}: {date} lies outside the period ({start} – {end})",
        },
        why={
            "vi": "Các đợt chia nhỏ thời gian thi đua, nên phải nằm trong đó; ngày lệch thường là năm cũ còn sót.",
            "en": "Phases divide the period, so they lie inside it; a date outside is usually a leftover year.",
        },
        bad="campaign:\n  period: {start: 2021-01-01, end: 2021-12-31}\n# …\n- phase: {name: Đợt 2, start: 2020-07-01, end: 2020-12-31}\n",
        good="campaign:\n  period: {start: 2021-01-01, end: 2021-12-31}\n# …\n- phase: {name: Đợt 2, start: 2021-07-01, end: 2021-12-31}\n",
    ),
    Rule(
        "PE06",
        "phase.order",
        E,
        check=check_phase_order,
        summary={"vi": "Các đợt thi đua không theo thứ tự thời gian", "en": "Phases are not in time order"},
        message={
            "vi": "{phase} bắt đầu trước {previous} nhưng được viết sau; hãy xếp các đợt theo thời gian",
            "en": "{phase} starts before {previous} but comes after it; order the phases in time",
        },
        why={
            "vi": "Người đọc hiểu 'Đợt 1', 'Đợt 2' theo thứ tự văn bản; thứ tự ngày khác đi là dấu hiệu "
            "ngày bị gõ nhầm hoặc các đợt bị đảo.",
            "en": "Readers take 'Đợt 1', 'Đợt 2' in the order written; dates in another order mean a "
            "mistyped date or swapped phases.",
        },
        bad=(
            "items:\n  - phase: {name: Đợt 1, start: 2021-07-01, end: 2021-12-31}\n"
            "  - phase: {name: Đợt 2, start: 2021-01-01, end: 2021-06-30}\n"
        ),
        good=_PHASES.format(end1="2021-06-30", start2="2021-07-01"),
    ),
    Rule(
        "PE07",
        "phase.overlap",
        E,
        check=check_phase_overlap,
        summary={"vi": "Hai đợt thi đua chồng lên nhau", "en": "Two phases overlap"},
        message={
            "vi": "{phase} bắt đầu ngày {start} trong khi {previous} kéo dài đến {end}",
            "en": "{phase} starts on {start} while {previous} runs until {end}",
        },
        why={
            "vi": "Một ngày chỉ thuộc một đợt, để sơ kết từng đợt không tính trùng kết quả.",
            "en": "Each day belongs to one phase, so that each phase's review counts results once.",
        },
        bad=_PHASES.format(end1="2021-07-15", start2="2021-07-01"),
        good=_PHASES.format(end1="2021-06-30", start2="2021-07-01"),
    ),
    Rule(
        "PE08",
        "phase.gap",
        W,
        check=check_phase_gap,
        summary={"vi": "Có khoảng trống giữa hai đợt thi đua", "en": "A gap between two phases"},
        message={
            "vi": "có {days} ngày trống giữa {previous} và {phase}",
            "en": "{previous} and {phase} leave {days} day(s) that belong to no phase",
        },
        why={
            "vi": "Khoảng trống giữa các đợt có thể có chủ ý (nghỉ Tết), nhưng thường là ngày gõ nhầm.",
            "en": "A gap between phases may be intended, but is often a mistyped date.",
        },
        bad=_PHASES.format(end1="2021-05-31", start2="2021-07-01"),
        good=_PHASES.format(end1="2021-06-30", start2="2021-07-01"),
    ),
)
