"""TG: targets (chỉ tiêu) must be identifiable and their goals must make sense."""

from __future__ import annotations

from collections.abc import Iterator

from thidua.check.rule import PlanContext, Rule
from thidua.findings import Problem, Severity
from thidua.i18n import word

E = Severity.error


def check_duplicate_id(ctx: PlanContext) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, (loc, target) in enumerate(ctx.plan.targets()):
        if target.id in seen:
            yield Problem({"id": target.id}, loc=(*loc, "id"))
        seen.setdefault(target.id, index)


def check_percent_range(ctx: PlanContext) -> Iterator[Problem]:
    for loc, target in ctx.plan.targets():
        goal = target.goal
        if target.measure == "percent" and not isinstance(goal, bool) and not 0 <= goal <= 100:
            yield Problem({"id": target.id, "goal": goal}, loc=(*loc, "goal"))


def check_goal_kind(ctx: PlanContext) -> Iterator[Problem]:
    for loc, target in ctx.plan.targets():
        goal, measure = target.goal, target.measure
        if measure == "yes_no":
            wrong = not isinstance(goal, bool)
        elif isinstance(goal, bool):
            wrong = True
        elif measure == "count":
            wrong = goal < 0 or not float(goal).is_integer()
        else:
            wrong = False
        if wrong:
            shown = str(goal).lower() if isinstance(goal, bool) else goal  # as written in YAML
            yield Problem({"id": target.id, "goal": shown, "measure": measure}, loc=(*loc, "goal"))


def check_due_in_period(ctx: PlanContext) -> Iterator[Problem]:
    period = ctx.plan.campaign.period
    if period is None:
        return
    for loc, target in ctx.plan.targets():
        due = target.due
        if due and ((period.start and due < period.start) or (period.end and due > period.end)):
            yield Problem(
                {
                    "id": target.id,
                    "due": due.isoformat(),
                    "start": period.start.isoformat() if period.start else "…",
                    "end": period.end.isoformat() if period.end else "…",
                },
                loc=(*loc, "due"),
            )


def check_baseline_kind(ctx: PlanContext) -> Iterator[Problem]:
    for loc, target in ctx.plan.targets():
        baseline = target.baseline
        if baseline is None:
            continue
        value, measure = baseline.value, target.measure
        if measure not in ("count", "percent"):
            yield Problem(
                {"id": target.id, "reason": word("baseline-measure", measure=measure)}, loc=(*loc, "baseline")
            )
        elif target.per_unit:
            yield Problem({"id": target.id, "reason": word("baseline-per-unit")}, loc=(*loc, "baseline"))
        elif (measure == "count" and (value < 0 or not float(value).is_integer())) or (
            measure == "percent" and not 0 <= value <= 100
        ):
            reason = word("baseline-value", value=value, measure=measure)
            yield Problem({"id": target.id, "reason": reason}, loc=(*loc, "baseline", "value"))


def check_baseline_goal(ctx: PlanContext) -> Iterator[Problem]:
    for loc, target in ctx.plan.targets():
        baseline, goal = target.baseline, target.goal
        if baseline is None or target.measure not in ("count", "percent") or isinstance(goal, bool):
            continue
        if baseline.value >= goal:
            yield Problem({"id": target.id, "value": baseline.value, "goal": goal}, loc=(*loc, "baseline", "value"))


def check_baseline_date(ctx: PlanContext) -> Iterator[Problem]:
    period = ctx.plan.campaign.period
    for loc, target in ctx.plan.targets():
        baseline = target.baseline
        if baseline is None or baseline.date is None:
            continue
        due = target.due or (period.end if period else None)
        if due is not None and baseline.date >= due:
            params = {"id": target.id, "date": baseline.date.isoformat(), "due": due.isoformat()}
            yield Problem(params, loc=(*loc, "baseline", "date"))


def check_from_units(ctx: PlanContext) -> Iterator[Problem]:
    for loc, target in ctx.plan.targets():
        if not target.from_units:
            continue
        if target.per_unit:
            reason = word("from-units-per-unit")
        elif target.measure not in ("count", "percent"):
            reason = word("from-units-measure", measure=target.measure)
        elif not target.units and not ctx.plan.units:
            reason = word("from-units-no-units")
        else:
            continue
        yield Problem({"id": target.id, "reason": reason}, loc=(*loc, "from_units"))


_MEMBERS = (
    "- target:\n    id: doan-vien\n    text: Đến năm 2023 đạt 1,2 triệu đoàn viên.\n"
    "    measure: count\n    goal: 1200000\n    population: đoàn viên\n"
)
_TARGET = (
    "- target:\n    id: ke-hoach-cdcs\n    text: 100% công đoàn cơ sở xây dựng kế hoạch.\n"
    "    measure: {measure}\n    goal: {goal}\n"
)


def check_award_targets(ctx: PlanContext) -> Iterator[Problem]:
    known = {target.id for _, target in ctx.plan.targets()}
    for loc, award in ctx.plan.awards():
        for index, target_id in enumerate(award.targets or []):
            if target_id not in known:
                yield Problem({"id": target_id, "award": award.title}, loc=(*loc, "targets", index))


_AWARD = (
    "- target:\n    id: mo-hinh-diem\n    text: Mỗi LĐLĐ huyện xây dựng ít nhất 01 mô hình điểm.\n"
    "    measure: count\n    goal: 1\n    per_unit: true\n"
    "- award:\n    title: Cờ thi đua\n    text: Tặng Cờ thi đua cho đơn vị hoàn thành xuất sắc các chỉ tiêu.\n"
    "    targets: [{id}]\n"
)

RULES = (
    Rule(
        "TG01",
        "target.duplicate-id",
        E,
        check=check_duplicate_id,
        summary={"vi": "Hai chỉ tiêu trùng mã", "en": "Two targets share an id"},
        message={
            "vi": "mã chỉ tiêu '{id}' đã được dùng cho một chỉ tiêu khác",
            "en": "target id '{id}' is already used by another target",
        },
        why={
            "vi": "Kết quả báo cáo được gắn với chỉ tiêu qua mã; hai chỉ tiêu cùng mã thì không biết "
            "kết quả thuộc chỉ tiêu nào.",
            "en": "Reported results are tied to a target by its id; with two targets sharing one, "
            "nobody can tell which a result belongs to.",
        },
        bad=_TARGET.format(measure="percent", goal=100) + _TARGET.format(measure="percent", goal=90),
        good=_TARGET.format(measure="percent", goal=100)
        + _TARGET.format(measure="percent", goal=90).replace("ke-hoach-cdcs", "giao-uoc-cdcs"),
    ),
    Rule(
        "TG02",
        "target.percent-range",
        E,
        check=check_percent_range,
        summary={"vi": "Chỉ tiêu phần trăm ngoài khoảng 0–100", "en": "A percent goal outside 0–100"},
        message={
            "vi": "chỉ tiêu '{id}': mục tiêu {goal}% nằm ngoài khoảng 0–100%",
            "en": "target '{id}': goal {goal}% is outside 0–100%",
        },
        why={
            "vi": "Tỷ lệ của một tập hợp (đoàn viên, công đoàn cơ sở…) không thể vượt 100%. Mức tăng "
            "trưởng thì dùng measure: growth.",
            "en": "A share of a population cannot exceed 100%. Use measure: growth for growth rates.",
        },
        bad=_TARGET.format(measure="percent", goal=110),
        good=_TARGET.format(measure="percent", goal=100),
    ),
    Rule(
        "TG03",
        "target.goal-kind",
        E,
        check=check_goal_kind,
        summary={"vi": "Mục tiêu không hợp với cách đo", "en": "The goal does not suit the measure"},
        message={
            "vi": "chỉ tiêu '{id}': mục tiêu '{goal}' không hợp với cách đo '{measure}' "
            "(yes_no cần true/false; count cần số nguyên không âm; percent, growth cần số)",
            "en": "target '{id}': goal '{goal}' does not suit measure '{measure}' "
            "(yes_no takes true/false; count a whole number ≥ 0; percent and growth a number)",
        },
        why={
            "vi": "Cách đo quyết định cách theo dõi: đếm số lượng, tỷ lệ, tăng trưởng hay có/không. "
            "Mục tiêu phải cùng loại thì mới so được với kết quả.",
            "en": "The measure decides how a target is tracked; the goal must be of the same kind to "
            "be compared with results.",
        },
        bad=_TARGET.format(measure="count", goal=1.5),
        good=_TARGET.format(measure="count", goal=2),
    ),
    Rule(
        "TG04",
        "target.due-outside-period",
        E,
        check=check_due_in_period,
        summary={"vi": "Hạn của chỉ tiêu nằm ngoài thời gian thi đua", "en": "A target is due outside the period"},
        message={
            "vi": "chỉ tiêu '{id}': hạn {due} nằm ngoài thời gian thi đua ({start} – {end})",
            "en": "target '{id}': due {due}, outside the period ({start} – {end})",
        },
        why={
            "vi": "Chỉ tiêu của một kỳ thi đua phải đạt trong kỳ đó; hạn lệch thường là năm cũ còn sót.",
            "en": "A campaign's targets are due within it; a date outside is usually a leftover year.",
        },
        bad="campaign:\n  period: {start: 2021-01-01, end: 2021-12-31}\n# …\n"
        + _TARGET.format(measure="percent", goal=100)
        + "    due: 2020-06-30\n",
        good="campaign:\n  period: {start: 2021-01-01, end: 2021-12-31}\n# …\n"
        + _TARGET.format(measure="percent", goal=100)
        + "    due: 2021-06-30\n",
    ),
    Rule(
        "TG05",
        "target.baseline-kind",
        E,
        check=check_baseline_kind,
        summary={
            "vi": "Mốc xuất phát đặt cho chỉ tiêu không thể có mốc, hoặc sai kiểu",
            "en": "A baseline on a target that cannot have one, or of the wrong kind",
        },
        message={"vi": "chỉ tiêu '{id}': {reason}", "en": "target '{id}': {reason}"},
        why={
            "vi": "Mốc xuất phát (baseline) là số đã có khi bắt đầu kỳ, để tính tiến độ từ đó thay vì từ 0. "
            "Nó chỉ có nghĩa với chỉ tiêu đếm số lượng (count) hoặc tỷ lệ (percent) chung của kế hoạch; "
            "chỉ tiêu có/không (yes_no) không có mốc, chỉ tiêu tăng trưởng (growth) lấy số liệu năm trước "
            "kỳ trong tệp kết quả làm gốc.",
            "en": "A baseline is the figure already there at the start, so that progress is measured from "
            "it rather than from zero. It means something for a plan-wide count or percent target only; a "
            "yes_no target has none, and a growth target's baseline is the results' figure for the year "
            "before the period.",
        },
        bad=_TARGET.format(measure="yes_no", goal="true") + "    baseline: {value: 0}\n",
        good=_TARGET.format(measure="percent", goal=100) + "    baseline: {value: 60, date: 2020-12-31}\n",
    ),
    Rule(
        "TG06",
        "target.baseline-beyond-goal",
        E,
        check=check_baseline_goal,
        summary={
            "vi": "Mốc xuất phát đã bằng hoặc vượt mục tiêu",
            "en": "A baseline at or beyond the goal",
        },
        message={
            "vi": "chỉ tiêu '{id}': mốc xuất phát {value} không nhỏ hơn mục tiêu {goal}",
            "en": "target '{id}': baseline {value} is not below the goal {goal}",
        },
        why={
            "vi": "Tiến độ được tính là (hiện tại − mốc)/(mục tiêu − mốc); mốc bằng hoặc vượt mục tiêu thì "
            "chỉ tiêu đã đạt trước khi bắt đầu, không tính được tiến độ. Thường là gõ nhầm mốc hoặc mục tiêu.",
            "en": "Progress is (current − baseline)/(goal − baseline); a baseline at or beyond the goal was "
            "met before the start and leaves no progress to measure. Usually a mistyped baseline or goal.",
        },
        bad=_MEMBERS + "    baseline: {value: 1250000}\n",
        good=_MEMBERS + "    baseline: {value: 1070000}\n",
    ),
    Rule(
        "TG07",
        "target.baseline-date",
        E,
        check=check_baseline_date,
        summary={
            "vi": "Ngày của mốc xuất phát không trước hạn của chỉ tiêu",
            "en": "A baseline dated on or after the target is due",
        },
        message={
            "vi": "chỉ tiêu '{id}': mốc xuất phát ngày {date} không trước hạn {due} của chỉ tiêu",
            "en": "target '{id}': baseline dated {date}, not before the target's due date {due}",
        },
        why={
            "vi": "Mốc xuất phát là số liệu lúc bắt đầu; tiến độ kỳ vọng được tính từ ngày của mốc (hoặc ngày "
            "bắt đầu kỳ) đến hạn. Mốc ghi ngày từ hạn trở đi (hạn của chỉ tiêu, hoặc ngày kết thúc kỳ) thì "
            "không còn thời gian để thực hiện; thường là gõ nhầm năm.",
            "en": "A baseline is the figure at the start; the expected progress runs from its date (or the "
            "period's start) to the due date. A baseline dated on or after the due date (the target's, or "
            "the period's end) leaves no time to do the work; usually a mistyped year.",
        },
        bad="campaign:\n  period: {start: 2021-01-01, end: 2023-12-31}\n# …\n"
        + _MEMBERS
        + "    baseline: {value: 1070000, date: 2024-12-31}\n",
        good="campaign:\n  period: {start: 2021-01-01, end: 2023-12-31}\n# …\n"
        + _MEMBERS
        + "    baseline: {value: 1070000, date: 2020-12-31}\n",
    ),
    Rule(
        "TG08",
        "target.from-units",
        E,
        check=check_from_units,
        summary={
            "vi": "Chỉ tiêu khai báo cộng từ các đơn vị (from_units) nhưng không cộng được",
            "en": "A target made of its units' figures (from_units) that cannot be added up",
        },
        message={"vi": "chỉ tiêu '{id}': {reason}", "en": "target '{id}': {reason}"},
        why={
            "vi": "from_units: true nói rằng chỉ tiêu chung của kế hoạch ('toàn tỉnh kết nạp 5.000 đoàn viên') "
            "đạt được bằng số liệu của các đơn vị: mỗi đơn vị ghi kết quả của mình (có unit), track cộng số "
            "liệu mới nhất của từng đơn vị (count: tổng; percent: Σ value / Σ of) và hiện đơn vị chưa báo cáo. "
            "Các đơn vị được cộng là units của chỉ tiêu, nếu không có thì units của kế hoạch. Không dùng "
            "cùng per_unit (mỗi đơn vị một mục tiêu riêng), với chỉ tiêu tăng trưởng (growth: mức tăng không "
            "cộng được) hay có/không (yes_no), và cần có đơn vị để cộng.",
            "en": "from_units: true says a plan-wide target ('toàn tỉnh kết nạp 5.000 đoàn viên') is reached "
            "by its units' figures: each unit records its own result (with unit), track adds each unit's "
            "latest figure (count: the sum; percent: Σ value / Σ of) and shows the units not reported yet. "
            "The units added are the target's units, else the plan's. It does not go with per_unit (each "
            "unit its own goal), a growth target (growth rates do not add up) or a yes_no one, and it needs "
            "units to add.",
        },
        bad="- target:\n    id: sang-kien\n    text: Số sáng kiến toàn tỉnh tăng 10%/năm.\n"
        "    measure: growth\n    goal: 10\n    from_units: true\n",
        good="- target:\n    id: doan-vien-moi\n    text: Toàn tỉnh kết nạp 5.000 đoàn viên mới.\n"
        "    measure: count\n    goal: 5000\n    population: đoàn viên\n    from_units: true\n",
    ),
    Rule(
        "TG09",
        "award.unknown-target",
        E,
        check=check_award_targets,
        summary={
            "vi": "Tiêu chuẩn khen thưởng nêu một chỉ tiêu không có trong kế hoạch",
            "en": "A commendation's criteria name a target the plan does not have",
        },
        message={
            "vi": "khen thưởng '{award}': không có chỉ tiêu '{id}' trong kế hoạch",
            "en": "commendation '{award}': the plan has no target '{id}'",
        },
        why={
            "vi": "`thidua awards` đề xuất đơn vị đạt các chỉ tiêu mà tiêu chuẩn khen thưởng nêu (targets); "
            "một mã sai thì tiêu chuẩn đó không được xét và danh sách đề xuất sai.",
            "en": "`thidua awards` proposes the units that meet the targets a commendation names (targets); "
            "a wrong id leaves that criterion out and the list wrong.",
        },
        bad=_AWARD.format(id="mo-hinh"),
        good=_AWARD.format(id="mo-hinh-diem"),
    ),
)
