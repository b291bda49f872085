"""TG: targets (chỉ tiêu) must be identifiable and their goals must make sense."""

from __future__ import annotations

from collections.abc import Iterator

from thidua.check.rule import PlanContext, Rule
from thidua.findings import Problem, Severity

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


_TARGET = (
    "- target:\n    id: ke-hoach-cdcs\n    text: 100% công đoàn cơ sở xây dựng kế hoạch.\n"
    "    measure: {measure}\n    goal: {goal}\n"
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
)
