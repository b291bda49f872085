"""KQ: results (kết quả) recorded against a plan must name its targets and units and make sense."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from thidua.check.rule import ResultsContext, Rule, closest
from thidua.check.rules.identity import authority_prefix, well_formed_authority
from thidua.findings import Problem, Severity
from thidua.i18n import word
from thidua.plan.model import Target
from thidua.plan.results import Record, record_key
from thidua.text.vocab import AUTHORITY_PREFIXES

E, W = Severity.error, Severity.warning


def _records(ctx: ResultsContext) -> Iterator[tuple[int, Record, Target | None]]:
    targets = {target.id: target for _, target in ctx.plan.targets()}
    for index, record in enumerate(ctx.results.results):
        yield index, record, targets.get(record.target)


def check_unknown_target(ctx: ResultsContext) -> Iterator[Problem]:
    known = [target.id for _, target in ctx.plan.targets()]
    for index, record, target in _records(ctx):
        if target is None:
            params = {"id": record.target, "suggestion": closest(record.target, known)}
            yield Problem(params, loc=("results", index, "target"))


def target_units(ctx: ResultsContext, target: Target) -> list[str]:
    return list(target.units) if target.units else [unit.id for unit in ctx.plan.units]


def check_unknown_unit(ctx: ResultsContext) -> Iterator[Problem]:
    for index, record, target in _records(ctx):
        if target is None or record.unit is None or not target.per_unit:
            continue
        allowed = target_units(ctx, target)
        if record.unit not in allowed:
            params = {"unit": record.unit, "id": target.id, "suggestion": closest(record.unit, allowed)}
            yield Problem(params, loc=("results", index, "unit"))


def check_unit_presence(ctx: ResultsContext) -> Iterator[Problem]:
    for index, record, target in _records(ctx):
        if target is None:
            continue
        if target.per_unit and record.unit is None:
            yield Problem({"id": target.id, "reason": word("unit-needed")}, loc=("results", index))
        elif target.from_units and record.unit is None:
            yield Problem({"id": target.id, "reason": word("unit-needed-sum")}, loc=("results", index))
        elif not target.per_unit and not target.from_units and record.unit is not None:
            yield Problem({"id": target.id, "reason": word("unit-unneeded")}, loc=("results", index, "unit"))


def check_unit_outside_sum(ctx: ResultsContext) -> Iterator[Problem]:
    for index, record, target in _records(ctx):
        if target is None or record.unit is None or not target.from_units or target.per_unit:
            continue  # a per-unit target's units are KQ02's
        counted = target_units(ctx, target)
        if record.unit not in counted:
            params = {
                "unit": record.unit,
                "id": target.id,
                "counted": ", ".join(counted) or "—",
                "suggestion": closest(record.unit, counted),
            }
            yield Problem(params, loc=("results", index, "unit"))


def check_unit_share_of(ctx: ResultsContext) -> Iterator[Problem]:
    for index, record, target in _records(ctx):
        if target is None or not target.from_units or target.per_unit or target.measure != "percent":
            continue
        if record.unit is not None and record.of is None and not isinstance(record.value, bool):
            yield Problem({"id": target.id, "value": record.value}, loc=("results", index, "value"))


def check_date_in_period(ctx: ResultsContext) -> Iterator[Problem]:
    period = ctx.plan.campaign.period
    if period is None:
        return
    for index, record, target in _records(ctx):
        start, end = period.start, period.end
        if start and target is not None and target.measure == "growth":
            start = date(start.year - 1, 1, 1)  # a growth target's baseline: the year before
        baseline = target.baseline.date if target is not None and target.baseline else None
        if start and baseline and baseline < start:
            start = baseline  # a count or percent target's baseline figure may be recorded on its date
        if (start and record.date < start) or (end and record.date > end):
            params = {
                "date": record.date.isoformat(),
                "start": start.isoformat() if start else "…",
                "end": end.isoformat() if end else "…",
            }
            yield Problem(params, loc=("results", index, "date"))


def check_before_baseline(ctx: ResultsContext) -> Iterator[Problem]:
    period = ctx.plan.campaign.period
    for index, record, target in _records(ctx):
        baseline = target.baseline.date if target is not None and target.baseline else None
        if baseline is None or record.date >= baseline:
            continue
        if period and period.start and record.date < period.start:
            continue  # before the period as well: KQ04 says so
        params = {"id": record.target, "date": record.date.isoformat(), "baseline": baseline.isoformat()}
        yield Problem(params, loc=("results", index, "date"))


def check_percent_range(ctx: ResultsContext) -> Iterator[Problem]:
    for index, record, target in _records(ctx):
        value = record.value
        if target is None or target.measure != "percent" or isinstance(value, bool):
            continue
        if record.of is None and value > 100:
            yield Problem({"id": target.id, "value": value, "of": 100}, loc=("results", index, "value"))
        elif record.of is not None and value > record.of:
            yield Problem({"id": target.id, "value": value, "of": record.of}, loc=("results", index, "value"))


def check_value_kind(ctx: ResultsContext) -> Iterator[Problem]:
    for index, record, target in _records(ctx):
        if target is None:
            continue
        value, measure = record.value, target.measure
        if measure == "yes_no":
            wrong = not isinstance(value, bool)
        elif isinstance(value, bool) or value < 0:
            wrong = True
        elif measure in ("count", "growth") or record.of is not None:
            wrong = not float(value).is_integer()  # things counted are whole
        else:
            wrong = False
        shown = str(value).lower() if isinstance(value, bool) else value
        if wrong:
            yield Problem({"id": target.id, "value": shown, "measure": measure}, loc=("results", index, "value"))
        elif record.of is not None and measure != "percent":
            yield Problem({"id": target.id, "value": f"of: {record.of}", "measure": measure},
                          loc=("results", index, "of"))  # fmt: skip


def check_duplicate(ctx: ResultsContext) -> Iterator[Problem]:
    seen: dict[tuple[object, ...], int] = {}
    for index, record in enumerate(ctx.results.results):
        key = record_key(record)
        if key in seen:
            params = {"id": record.target, "date": record.date.isoformat(), "first": seen[key] + 1}
            yield Problem(params, loc=("results", index))
        seen.setdefault(key, index)


def check_report_awards(ctx: ResultsContext) -> Iterator[Problem]:
    known = {target.id for _, target in ctx.plan.targets()}
    for number, award in enumerate(ctx.results.report.awards):
        for index, target_id in enumerate(award.targets or []):
            if target_id not in known:
                yield Problem(
                    {"id": target_id, "award": award.title}, loc=("report", "awards", number, "targets", index)
                )


def check_report_signature(ctx: ResultsContext) -> Iterator[Problem]:
    """The report's signer as `report` prints it (the results file's parts over the plan's), read as the
    plan's is (SG01–SG03): only what the results file gives is reported, at its line."""
    given, plan = ctx.results.report.signature, ctx.plan.signature
    authority, title = given.authority or plan.authority, given.title or plan.title
    loc = ("report", "signature")
    if given.authority is not None and not well_formed_authority(given.authority):
        prefixes = ", ".join(AUTHORITY_PREFIXES)
        reason = {
            "vi": f"thẩm quyền ký '{given.authority}' phải bắt đầu bằng một trong {prefixes}",
            "en": f"signing authority '{given.authority}' must start with one of {prefixes}",
        }
        yield Problem({"reason": reason}, loc=(*loc, "authority"))
    meant = authority_prefix(authority) if authority else None
    deputy_given = given.authority is not None or given.title is not None
    if meant and meant[0] == "KT." and title and not title.upper().startswith("PHÓ") and deputy_given:
        whose = {"vi": "", "en": ""} if given.title else {"vi": " (của kế hoạch)", "en": " (the plan's)"}
        reason = {
            "vi": f"ký thay (KT.) thì người ký là cấp phó, nhưng chức vụ là '{title}'{whose['vi']}",
            "en": f"KT. means a deputy signs, but the title is '{title}'{whose['en']}",
        }
        yield Problem({"reason": reason}, loc=(*loc, "title" if given.title else "authority"))
    for field in ("authority", "title"):
        value = getattr(given, field)
        if field == "authority" and value and not well_formed_authority(value):
            continue  # said above
        if value and value != value.upper():
            reason = {"vi": f"'{value}' phải viết in hoa", "en": f"'{value}' must be in capitals"}
            yield Problem({"reason": reason}, loc=(*loc, field))


_SUMMED = (
    "# x.yaml\n- target:\n    id: doan-vien-moi\n    text: Toàn tỉnh kết nạp 5.000 đoàn viên mới.\n"
    "    measure: count\n    goal: 5000\n    from_units: true\n    units: [ldld-dong-ha]\n"
)
_SHARED = (
    "# x.yaml\n- target:\n    id: cdcs-vung-manh\n    text: 80% công đoàn cơ sở toàn tỉnh đạt vững mạnh.\n"
    "    measure: percent\n    goal: 80\n    from_units: true\n"
)
_PLAN = "# x.yaml\n- target:\n    id: ke-hoach-cdcs\n    text: 100% CĐCS xây dựng kế hoạch.\n    measure: percent\n    goal: 100\n"
_RECORD = "# x.results.yaml\nresults:\n  - target: {target}\n    date: {date}\n    value: {value}\n"

_AWARD = (
    "# x.results.yaml\nreport:\n  awards:\n    - title: Giấy khen\n"
    "      text: Tặng Giấy khen cho đơn vị hoàn thành chỉ tiêu.\n      targets: [{target}]\n"
)

RULES = (
    Rule(
        "KQ01",
        "results.unknown-target",
        E,
        results_check=check_unknown_target,
        summary={
            "vi": "Kết quả cho một chỉ tiêu không có trong kế hoạch",
            "en": "A result for a target not in the plan",
        },
        message={
            "vi": "không có chỉ tiêu '{id}' trong kế hoạch",
            "en": "the plan has no target '{id}'",
        },
        hint={"vi": " — có phải ý bạn là '{suggestion}'?", "en": " — did you mean '{suggestion}'?"},
        why={
            "vi": "Kết quả được gắn với chỉ tiêu qua mã (id) của chỉ tiêu trong kế hoạch; mã gõ sai thì "
            "kết quả không được tính cho chỉ tiêu nào.",
            "en": "A result is tied to a target by the target's id in the plan; a misspelt id counts for no target.",
        },
        bad=_PLAN + _RECORD.format(target="ke-hoach-cdsc", date="2021-06-30", value=80),
        good=_PLAN + _RECORD.format(target="ke-hoach-cdcs", date="2021-06-30", value=80),
    ),
    Rule(
        "KQ02",
        "results.unknown-unit",
        E,
        results_check=check_unknown_unit,
        summary={
            "vi": "Kết quả của một đơn vị không được giao chỉ tiêu",
            "en": "A result for a unit the target is not for",
        },
        message={
            "vi": "đơn vị '{unit}' không có trong các đơn vị của chỉ tiêu '{id}'",
            "en": "unit '{unit}' is not one of the units of target '{id}'",
        },
        hint={"vi": " — có phải ý bạn là '{suggestion}'?", "en": " — did you mean '{suggestion}'?"},
        why={
            "vi": "Chỉ tiêu giao cho từng đơn vị được theo dõi theo mã đơn vị khai báo trong units (hoặc "
            "trong units của chỉ tiêu); mã lạ thì kết quả của đơn vị đó bị mất.",
            "en": "A per-unit target is followed by the unit ids declared in units (or the target's "
            "units); an unknown id loses that unit's result.",
        },
        bad=_RECORD.format(target="mo-hinh-diem", date="2021-06-30", value=1) + "    unit: ldld-dong-haa\n",
        good=_RECORD.format(target="mo-hinh-diem", date="2021-06-30", value=1) + "    unit: ldld-dong-ha\n",
    ),
    Rule(
        "KQ03",
        "results.unit-presence",
        E,
        results_check=check_unit_presence,
        summary={
            "vi": "Thiếu đơn vị cho chỉ tiêu giao từng đơn vị hay cộng từ các đơn vị, hoặc thừa đơn vị",
            "en": "A per-unit or summed result without its unit, or a unit where none belongs",
        },
        message={"vi": "chỉ tiêu '{id}': {reason}", "en": "target '{id}': {reason}"},
        why={
            "vi": "Chỉ tiêu có per_unit: true được tính riêng cho từng đơn vị, nên mỗi kết quả phải ghi "
            "unit; chỉ tiêu chung có from_units: true được cộng từ số liệu của các đơn vị, nên mỗi kết quả "
            "cũng ghi unit; chỉ tiêu chung khác thì kết quả là của toàn kế hoạch, không ghi unit.",
            "en": "A per_unit target is counted for each unit, so each result names its unit; a "
            "plan-wide target with from_units: true is made of its units' figures, so each result names "
            "its unit too; any other plan-wide target's results belong to the whole plan and name none.",
        },
        bad=_RECORD.format(target="mo-hinh-diem", date="2021-06-30", value=1),
        good=_RECORD.format(target="mo-hinh-diem", date="2021-06-30", value=1) + "    unit: ldld-dong-ha\n",
    ),
    Rule(
        "KQ04",
        "results.date-outside-period",
        E,
        results_check=check_date_in_period,
        summary={"vi": "Ngày của kết quả ngoài thời gian kế hoạch", "en": "A result dated outside the plan's period"},
        message={
            "vi": "ngày {date} nằm ngoài thời gian của kế hoạch ({start} – {end})",
            "en": "date {date} is outside the plan's period ({start} – {end})",
        },
        why={
            "vi": "Kết quả là số liệu trong thời gian thi đua; ngày ngoài khoảng đó thường là gõ nhầm năm. "
            "Chỉ tiêu tăng trưởng được phép có số liệu của năm trước kỳ làm gốc so sánh; chỉ tiêu có mốc "
            "xuất phát (baseline) trước kỳ được phép có số liệu từ ngày của mốc.",
            "en": "Results are figures within the campaign; a date outside it is usually a mistyped year. "
            "A growth target may have a figure for the year before as its baseline; a target whose "
            "baseline is dated before the period may have figures from that date.",
        },
        bad=_RECORD.format(target="ke-hoach-cdcs", date="2012-06-30", value=80),
        good=_RECORD.format(target="ke-hoach-cdcs", date="2021-06-30", value=80),
    ),
    Rule(
        "KQ05",
        "results.share-over-whole",
        E,
        results_check=check_percent_range,
        summary={"vi": "Tỷ lệ vượt 100%", "en": "A share above 100%"},
        message={
            "vi": "chỉ tiêu '{id}': giá trị {value} vượt quá {of} (tỷ lệ không thể quá 100%)",
            "en": "target '{id}': value {value} exceeds {of} (a share cannot exceed 100%)",
        },
        why={
            "vi": "Tỷ lệ của một tập hợp không thể quá 100%; với of (tổng số) thì value là số đạt và "
            "không thể lớn hơn tổng số.",
            "en": "A share of a population cannot exceed 100%; with of (the population) the value "
            "counts those who reached it and cannot exceed the population.",
        },
        bad=_RECORD.format(target="ke-hoach-cdcs", date="2021-06-30", value=130),
        good=_RECORD.format(target="ke-hoach-cdcs", date="2021-06-30", value=96) + "    of: 130\n",
    ),
    Rule(
        "KQ06",
        "results.value-kind",
        E,
        results_check=check_value_kind,
        summary={"vi": "Giá trị không hợp với cách đo của chỉ tiêu", "en": "A value that does not suit the measure"},
        message={
            "vi": "chỉ tiêu '{id}': giá trị '{value}' không hợp với cách đo '{measure}' (yes_no cần "
            "true/false; count, growth cần số nguyên không âm; of chỉ dùng cho percent)",
            "en": "target '{id}': value '{value}' does not suit measure '{measure}' (yes_no takes "
            "true/false; count and growth a whole number ≥ 0; of is for percent only)",
        },
        why={
            "vi": "Trạng thái của chỉ tiêu được tính từ giá trị; một giá trị sai kiểu thì không tính được.",
            "en": "A target's status is computed from the value; a value of the wrong kind cannot be counted.",
        },
        bad=_RECORD.format(target="tong-ket-dot-1", date="2021-06-30", value=1),
        good=_RECORD.format(target="tong-ket-dot-1", date="2021-06-30", value="true"),
    ),
    Rule(
        "KQ07",
        "results.duplicate",
        E,
        results_check=check_duplicate,
        summary={
            "vi": "Hai kết quả cho cùng chỉ tiêu, đơn vị và ngày",
            "en": "Two results for one target, unit and date",
        },
        message={
            "vi": "chỉ tiêu '{id}' đã có kết quả ngày {date} (bản ghi thứ {first}); sửa bản ghi đó thay vì thêm",
            "en": "target '{id}' already has a result for {date} (record {first}); correct that one instead",
        },
        why={
            "vi": "Hai số liệu khác nhau cho cùng một ngày thì không biết số nào đúng.",
            "en": "With two figures for the same day, nobody can tell which is right.",
        },
        bad=_RECORD.format(target="ke-hoach-cdcs", date="2021-06-30", value=80)
        + "  - target: ke-hoach-cdcs\n    date: 2021-06-30\n    value: 85\n",
        good=_RECORD.format(target="ke-hoach-cdcs", date="2021-06-30", value=80)
        + "  - target: ke-hoach-cdcs\n    date: 2021-12-31\n    value: 85\n",
    ),
    Rule(
        "KQ08",
        "results.plan-missing",
        E,
        summary={"vi": "Tệp kết quả không có kế hoạch đi kèm", "en": "A results file without its plan"},
        message={
            "vi": "không tìm thấy kế hoạch {plan} của tệp kết quả này",
            "en": "this results file's plan {plan} was not found",
        },
        why={
            "vi": "Tệp x.results.yaml ghi kết quả của kế hoạch x.yaml đặt cùng thư mục; không có kế hoạch "
            "thì không kiểm tra được chỉ tiêu nào.",
            "en": "x.results.yaml holds the results of the plan x.yaml in the same folder; without the "
            "plan no target can be checked.",
        },
        bad="campaigns/x/2021/thi-dua.results.yaml   # thi-dua.yaml renamed\n",
        good="campaigns/x/2021/thi-dua.yaml\ncampaigns/x/2021/thi-dua.results.yaml\n",
    ),
    Rule(
        "KQ09",
        "results.unreadable-row",
        E,
        summary={
            "vi": "Một dòng số liệu nhập vào không đọc được",
            "en": "A row of figures to record cannot be read",
        },
        message={"vi": "{problem}", "en": "{problem}"},
        why={
            "vi": "thidua record --from chỉ ghi khi mọi dòng của tệp CSV đều đọc được; một dòng sai thì "
            "không ghi dòng nào, để không có số liệu nửa vời.",
            "en": "thidua record --from writes only when every row of the CSV reads; one bad row and "
            "none is written, so that no half-imported figures remain.",
        },
        bad="target,date,value\nke-hoach-cdcs,31/02/2021,96\n",
        good="target,date,value\nke-hoach-cdcs,28/02/2021,96\n",
    ),
    Rule(
        "KQ10",
        "results.before-baseline",
        E,
        results_check=check_before_baseline,
        summary={
            "vi": "Kết quả ghi ngày trước mốc xuất phát của chỉ tiêu",
            "en": "A result dated before its target's baseline",
        },
        message={
            "vi": "chỉ tiêu '{id}': kết quả ngày {date} trước ngày {baseline} của mốc xuất phát",
            "en": "target '{id}': result dated {date}, before the baseline's date {baseline}",
        },
        why={
            "vi": "Chỉ tiêu có mốc xuất phát (baseline) được tính tiến độ từ số liệu và ngày của mốc; một "
            "kết quả trước ngày đó là số liệu cũ hơn chính mốc, thường là gõ nhầm ngày. Kết quả ghi đúng "
            "ngày của mốc thì được phép (kể cả khi mốc trước kỳ thi đua).",
            "en": "A target with a baseline is measured from the baseline's figure and date; a result "
            "before that date is older than the baseline itself, usually a mistyped date. A result on "
            "the baseline's date is allowed (even before the period).",
        },
        bad=_PLAN
        + "    baseline: {value: 60, date: 2021-03-01}\n"
        + _RECORD.format(target="ke-hoach-cdcs", date="2021-02-15", value=62),
        good=_PLAN
        + "    baseline: {value: 60, date: 2021-03-01}\n"
        + _RECORD.format(target="ke-hoach-cdcs", date="2021-06-30", value=80),
    ),
    Rule(
        "KQ11",
        "results.unit-outside-sum",
        E,
        results_check=check_unit_outside_sum,
        summary={
            "vi": "Kết quả của một đơn vị không được cộng vào chỉ tiêu chung",
            "en": "A result from a unit that a summed target does not count",
        },
        message={
            "vi": "đơn vị '{unit}' không nằm trong các đơn vị được cộng vào chỉ tiêu '{id}' ({counted}); "
            "số liệu này không được tính",
            "en": "unit '{unit}' is not one of the units target '{id}' adds up ({counted}); its figure is not counted",
        },
        hint={"vi": " — có phải ý bạn là '{suggestion}'?", "en": " — did you mean '{suggestion}'?"},
        why={
            "vi": "Chỉ tiêu chung có from_units: true lấy số liệu của toàn kế hoạch bằng cách cộng số liệu "
            "mới nhất của từng đơn vị: count là tổng các số, percent là tổng số đạt chia tổng số (Σ value / "
            "Σ of). Các đơn vị được cộng là units của chỉ tiêu, nếu không có thì units của kế hoạch. Số liệu "
            "của một đơn vị ngoài danh sách đó (mã gõ sai, hoặc đơn vị không thuộc chỉ tiêu) không được cộng, "
            "nên tổng thiếu mà không ai biết.",
            "en": "A plan-wide target with from_units: true gets its figure by adding each unit's latest "
            "figure: a count is their sum, a percent the sum of those who reached it over the sum of the "
            "populations (Σ value / Σ of). The units added are the target's units, else the plan's. A "
            "figure from a unit outside them (a mistyped id, or a unit the target is not for) is not "
            "added, and the total falls short without anyone knowing.",
        },
        bad=_SUMMED + _RECORD.format(target="doan-vien-moi", date="2021-06-30", value=1200) + "    unit: ldld-tinh\n",
        good=_SUMMED
        + _RECORD.format(target="doan-vien-moi", date="2021-06-30", value=1200)
        + "    unit: ldld-dong-ha\n",
    ),
    Rule(
        "KQ12",
        "results.unit-share-without-of",
        W,  # the other units' figures still add up; track shows this one as not added
        results_check=check_unit_share_of,
        summary={
            "vi": "Tỷ lệ của một đơn vị không ghi tổng số (of) nên không cộng được",
            "en": "A unit's share without its population (of), which cannot be combined",
        },
        message={
            "vi": "chỉ tiêu '{id}': tỷ lệ {value}% của đơn vị không ghi of (tổng số); cần ghi value là số đạt "
            "và of là tổng số để cộng vào chỉ tiêu chung",
            "en": "target '{id}': the unit's share {value}% has no of (population); record value as how many "
            "reached it and of as how many there are, so that it adds into the plan-wide figure",
        },
        why={
            "vi": "Tỷ lệ chung của các đơn vị không phải là trung bình các tỷ lệ: 90% của 10 công đoàn cơ sở và "
            "50% của 100 công đoàn cơ sở là 59/110 = 53,6%, không phải 70%. Vì vậy chỉ tiêu phần trăm có "
            "from_units: true cộng tổng số đạt và tổng số của các đơn vị (Σ value / Σ of); một đơn vị chỉ ghi "
            "tỷ lệ thì không cộng được: track và báo cáo vẫn chạy với các đơn vị khác và hiện đơn vị đó "
            "là “chưa cộng được”.",
            "en": "The units' combined share is not the mean of their shares: 90% of 10 grassroots unions and "
            "50% of 100 is 59/110 = 53.6%, not 70%. So a percent target with from_units: true adds up how "
            "many reached it and how many there are (Σ value / Σ of); a unit that records only a share "
            "cannot be added: track and the report still run on the other units and show that one as not added.",
        },
        bad=_SHARED + _RECORD.format(target="cdcs-vung-manh", date="2021-06-30", value=85) + "    unit: ldld-dong-ha\n",
        good=_SHARED
        + _RECORD.format(target="cdcs-vung-manh", date="2021-06-30", value=17)
        + "    of: 20\n    unit: ldld-dong-ha\n",
    ),
    Rule(
        "KQ13",
        "results.report-signature",
        W,  # the report is still written; it prints what the file says
        results_check=check_report_signature,
        summary={
            "vi": "Người ký báo cáo (report.signature) sai quy cách",
            "en": "A malformed signer of the report (report.signature)",
        },
        message={
            "vi": "người ký báo cáo (report.signature): {reason}",
            "en": "the report's signer (report.signature): {reason}",
        },
        why={
            "vi": "Khối report: của tệp kết quả cho biết ai ký báo cáo (thidua report); phần nào không ghi thì "
            "lấy của kế hoạch. Báo cáo in đúng những gì viết, nên thẩm quyền và chức vụ được kiểm tra như "
            "của kế hoạch (SG01–SG03): TM., KT., Q., TL., TUQ. có dấu chấm, in hoa; ký thay (KT.) thì "
            "chức vụ là cấp phó — đổi thẩm quyền sang KT. CHỦ TỊCH mà giữ chức vụ CHỦ TỊCH của kế hoạch "
            "là sai.",
            "en": "The results file's report: block says who signs the report (thidua report); a part it "
            "leaves out is the plan's. The report prints what is written, so the authority and the title "
            "are checked as the plan's are (SG01–SG03): TM., KT., Q., TL., TUQ. with their full stop, in "
            "capitals; KT. means a deputy signs, so changing the authority to KT. CHỦ TỊCH while keeping "
            "the plan's title CHỦ TỊCH is wrong.",
        },
        bad="# x.results.yaml\nreport:\n  signature:\n    authority: KT. CHỦ TỊCH\n    name: Trần Thị Bình\n",
        good="# x.results.yaml\nreport:\n  signature:\n    authority: KT. CHỦ TỊCH\n    title: PHÓ CHỦ TỊCH\n"
        "    name: Trần Thị Bình\n",
    ),
    Rule(
        "KQ14",
        "results.award-unknown-target",
        E,
        results_check=check_report_awards,
        summary={
            "vi": "Tiêu chuẩn khen thưởng trong tệp kết quả nêu một chỉ tiêu không có trong kế hoạch",
            "en": "A commendation's criteria in the results file name a target the plan does not have",
        },
        message={
            "vi": "khen thưởng '{award}': không có chỉ tiêu '{id}' trong kế hoạch",
            "en": "commendation '{award}': the plan has no target '{id}'",
        },
        why={
            "vi": "Tiêu chuẩn khen thưởng quyết định sau kế hoạch (report.awards) được xét như của kế hoạch "
            "(TG09): một mã chỉ tiêu sai thì tiêu chuẩn đó không được xét và danh sách đề xuất sai.",
            "en": "Commendation criteria decided after the plan (report.awards) are applied as the plan's are "
            "(TG09): a wrong target id leaves that criterion out and the list wrong.",
        },
        bad=_PLAN + _AWARD.format(target="ke-hoach-cdsc"),
        good=_PLAN + _AWARD.format(target="ke-hoach-cdcs"),
    ),
)
