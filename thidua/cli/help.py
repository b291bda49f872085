"""The --help of every command and option, in Vietnamese (default) and English, and Click's own words.

Typer fixes help texts when the commands are declared, so the language is chosen once, at start-up,
from the command line (--lang en, --lang=en) and THIDUA_LANG: the same switch as the messages.
Data and look-ups only; cli/localized.py makes Typer and Click say them.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence

from thidua.i18n import STATUS_RULES, resolve_lang


def lang_from_argv(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """The language of the help: --lang (last wins, as Click does), then THIDUA_LANG, then Vietnamese."""
    chosen: str | None = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            chosen = argv[index + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
    chosen = chosen or environ.get("THIDUA_LANG")
    return resolve_lang(chosen or "vi")


HELP_LANG = lang_from_argv(sys.argv[1:])

_PLAN_FILE = {"vi": "Tệp kế hoạch (hoặc tệp .results.yaml của nó).", "en": "A plan file (or its .results.yaml)."}

_TRACK = {
    "vi": """Tình hình từng chỉ tiêu: mục tiêu, số liệu mới nhất, tỷ lệ hoàn thành, trạng thái.

Số liệu lấy từ tệp kết quả của PLAN (x.results.yaml cạnh x.yaml; thêm bằng `thidua record`).
Chỉ tiêu mà kế hoạch cấp dưới trong kho đóng góp vào (`contributes:`) được cộng từ số liệu của
chúng. PLAN là thư mục: mọi kế hoạch trong đó thành một bảng, theo cây cấp trên - cấp dưới.
Mã thoát 0 khi chạy xong, 1 khi tệp kết quả có lỗi (thư mục: khi có kế hoạch hay tệp kết quả
không đọc được, ghi thành một dòng của bảng), 2 khi không đọc được kế hoạch.

\b
""",
    "en": """Where each target (chỉ tiêu) stands: goal, latest figure, share achieved, status.

Figures come from PLAN's results file (x.results.yaml beside x.yaml; add them with
`thidua record`). A target that child plans in the repository contribute to (`contributes:`)
adds up their figures. PLAN a folder: every plan in it in one table, as a tree of parents and
children. Exit 0 when it ran, 1 when the results file has errors (a folder: when a plan or a
results file in it does not read, shown as a row of the table), 2 when the plan cannot be read.

\b
""",
}

# Keyed "command" for a command's help, "command.parameter" for its arguments and options.
HELP: dict[str, dict[str, str]] = {
    "app": {
        "vi": "Kế hoạch thi đua dưới dạng dữ liệu: kiểm tra (check), xuất văn bản (render), theo dõi "
        "(track), so sánh (diff). (Mặc định tiếng Việt; --lang en: tiếng Anh.)",
        "en": "Kế hoạch thi đua as data: check, render, track, diff. (Vietnamese by default; --lang en.)",
    },
    "app.version": {"vi": "Hiện phiên bản rồi thoát.", "en": "Show the version and exit."},
    "lang": {
        "vi": "Ngôn ngữ của thông báo và hướng dẫn: vi (mặc định) hoặc en.",
        "en": "Language of messages and help: vi (default) or en.",
    },
    "force": {
        "vi": "Ghi đè cả tệp đã có mà thidua không tạo ra (như bản Word gốc).",
        "en": "Replace an existing output even when thidua did not write it (a Word original).",
    },
    "check": {
        "vi": """Kiểm tra kế hoạch và câu chữ tiếng Việt. Mã thoát 0: không có vấn đề, 1: có vấn đề,
2: không chạy được.

Mỗi vấn đề có dạng "tệp:dòng:cột MÃ mức_độ thông_báo". Tệp .txt hoặc .docx ghi trên dòng lệnh
chỉ được kiểm tra theo các quy tắc văn bản (TX); "dòng" của nó là dòng văn bản hoặc đoạn văn
của tệp Word. Bỏ qua một vấn đề trên dòng YAML của nó bằng "# thidua: ignore[MÃ]"; đặt select,
ignore, strict, severity, tone-marks và words trong [tool.thidua] của pyproject.toml.""",
        "en": """Validate plans and their Vietnamese text. Exit 0 clean, 1 findings, 2 could not run.

Each finding is "file:line:column CODE severity message". A .txt or .docx file named on the
command line gets the text rules (TX) only; its "line" is the line of the text or the
paragraph of the Word file. Excuse one finding on its YAML line with "# thidua: ignore[CODE]";
set select, ignore, strict, severity, tone-marks and words in [tool.thidua] of pyproject.toml.""",
    },
    "check.paths": {
        "vi": "Kế hoạch hoặc thư mục kế hoạch (mặc định: campaigns/); cả tệp .txt và .docx.",
        "en": "Plans or folders of plans (default: campaigns/); also .txt and .docx files.",
    },
    "check.format": {"vi": "text, json, github hoặc sarif.", "en": "text, json, github or sarif."},
    "check.strict": {"vi": "Cảnh báo cũng cho mã thoát 1.", "en": "Warnings also make the exit code 1."},
    "check.select": {
        "vi": "Chỉ các mã quy tắc hoặc tiền tố này (ví dụ PE,TG01).",
        "en": "Only these rule codes or prefixes (e.g. PE,TG01).",
    },
    "check.ignore": {"vi": "Bỏ qua các mã quy tắc hoặc tiền tố này.", "en": "Skip these rule codes or prefixes."},
    "check.config": {
        "vi": "Tệp pyproject.toml để đọc [tool.thidua].",
        "en": "A pyproject.toml to read [tool.thidua] from.",
    },
    "check.jobs": {
        "vi": "Số tiến trình chạy song song (mặc định: số lõi CPU).",
        "en": "Worker processes (default: cores).",
    },
    "rules": {
        "vi": "Liệt kê mọi quy tắc: mã, tên, mức độ mặc định và điều quy tắc phát hiện.",
        "en": "List every rule: code, name, default severity and what it catches.",
    },
    "explain": {
        "vi": "Lý do của một quy tắc, kèm một ví dụ vi phạm và bản đã sửa.",
        "en": "Why a rule exists, with an example that triggers it and the corrected version.",
    },
    "explain.code": {"vi": "Mã quy tắc, ví dụ PE06.", "en": "A rule code, e.g. PE06."},
    "render": {
        "vi": """Xuất văn bản Kế hoạch .docx chính thức của từng kế hoạch
(thể thức Nghị định 30/2020).

Tệp được ghi trọn vẹn một lần (atomic) và giống hệt từng byte với cùng kế hoạch và mẫu.
Thư mục templates/ trong kho của kế hoạch thay cho các mẫu có sẵn, từng tệp một.
Mỗi kế hoạch được kiểm tra như `thidua check` (theo [tool.thidua]): các lỗi, cảnh báo được tóm
tắt ở stderr và văn bản vẫn được ghi, trừ khi có --strict. Tệp .docx hoặc PDF đã có mà thidua không
tạo ra (bản Word gốc cạnh kế hoạch) được giữ nguyên, trừ khi có --force. Mã thoát 0 khi mọi kế hoạch đã được
ghi, 1 khi --strict từ chối một kế hoạch, 2 khi không đọc được một kế hoạch hoặc không ghi được
một tệp.""",
        "en": """Write the official Kế hoạch .docx of each plan (Nghị định 30/2020 layout).

Output is written atomically and is byte-for-byte the same for the same plan and template.
A templates/ folder in the plan's repository overrides the shipped templates, file by file.
Each plan is checked as `thidua check` would (with [tool.thidua]): its findings are summed up
on stderr and it is still written, unless --strict. An existing .docx or PDF that thidua did not
write (the Word original beside the plan) is left alone unless --force. Exit 0 when every plan was written, 1 when
--strict refused one, 2 when a plan could not be read or an output written.""",
    },
    "render.paths": {
        "vi": "Tệp hoặc thư mục kế hoạch (mặc định: campaigns/).",
        "en": "Plan files or folders (default: campaigns/).",
    },
    "render.output": {
        "vi": "Tệp .docx (một kế hoạch) hoặc thư mục (mặc định: cạnh từng kế hoạch).",
        "en": "A .docx file (one plan) or a folder (default: beside each plan).",
    },
    "render.template": {
        "vi": "Tệp hoặc thư mục mẫu (mặc định: templates/ của kho).",
        "en": "A template file or folder (default: templates/ of the repository).",
    },
    "render.pdf": {
        "vi": "Ghi thêm tệp PDF cạnh mỗi tệp .docx (cần LibreOffice).",
        "en": "Also write a PDF beside each .docx (needs LibreOffice).",
    },
    "render.strict": {
        "vi": "Không xuất kế hoạch còn lỗi hoặc cảnh báo nào của thidua check.",
        "en": "Refuse a plan with any error or warning of thidua check.",
    },
    "track": {lang: _TRACK[lang] + STATUS_RULES[lang].replace("\n\n", "\n") for lang in ("vi", "en")},
    "awards": {
        "vi": "Đề xuất khen thưởng: với mỗi tiêu chuẩn khen thưởng của kế hoạch (award), các đơn vị và kế "
        "hoạch cấp dưới đạt mọi chỉ tiêu mà tiêu chuẩn nêu đến ngày của nó, và những nơi còn thiếu một chỉ "
        "tiêu (kèm chỉ tiêu đó).\n\nĐơn vị được xét trên các chỉ tiêu giao từng đơn vị (số liệu của chính "
        "đơn vị); kế hoạch cấp dưới trên chỉ tiêu của nó đóng góp vào chỉ tiêu được nêu (contributes). Không "
        "xếp hạng: khi số đạt nhiều hơn số khen thưởng (limit), danh sách nói rõ. Mã thoát như track.",
        "en": "Commendations proposed: for each of the plan's commendation criteria (award), the units and "
        "child plans that meet every target it names by its date, and those one target short (with that "
        "target).\n\nA unit is judged on per-unit targets (its own figure); a child plan on its own target "
        "that contributes to a target named (contributes). Nothing is ranked: when more qualify than the plan "
        "awards (limit), the list says so. Exit codes as track.",
    },
    "track.plan-file": _PLAN_FILE,
    "track.plan": {
        "vi": "Tệp kế hoạch (hoặc tệp .results.yaml của nó), hoặc một thư mục kế hoạch.",
        "en": "A plan file (or its .results.yaml), or a folder of plans.",
    },
    "track.as_of": {
        "vi": "Ngày để đánh giá: YYYY-MM-DD hoặc dd/mm/yyyy (mặc định: hôm nay).",
        "en": "The date to judge on: YYYY-MM-DD or dd/mm/yyyy (default: today).",
    },
    "track.format": {"vi": "text, json hoặc md.", "en": "text, json or md."},
    "record": {
        "vi": """Thêm kết quả vào tệp kết quả của PLAN (x.results.yaml), giữ nguyên mọi dòng và chú thích
đã có.

Số liệu mới được kiểm tra cùng số liệu đã có trước khi ghi (chỉ tiêu hoặc đơn vị không có, ngày
ngoài kỳ thi đua, tỷ lệ trên 100%, số liệu trùng); với --from, chỉ một dòng sai là không ghi gì.
Số liệu đã có cho cùng chỉ tiêu, đơn vị và ngày chỉ được sửa với --replace.
Mã thoát 0: đã ghi, 1: có vấn đề (không ghi gì), 2: không chạy được.""",
        "en": """Add results to PLAN's results file (x.results.yaml), keeping every existing line and comment.

The new figures are checked with the existing ones first (unknown target or unit, a date
outside the period, a share over 100%, a duplicate); with --from, one bad row and nothing is
written. A figure already recorded for the same target, unit and date is corrected only with
--replace. Exit 0 written, 1 findings (nothing written), 2 could not run.""",
    },
    "record.plan": _PLAN_FILE,
    "record.target": {"vi": "Mã (id) của chỉ tiêu.", "en": "The target's id."},
    "record.value": {
        "vi": "Số liệu như báo cáo ghi: 96, 'trên 90%', 'gần 1.500', có/không.",
        "en": "The figure as a report writes it: 96, 'trên 90%', 'gần 1.500', có/không.",
    },
    "record.of": {
        "vi": "Với tỷ lệ phần trăm: tổng số (VALUE trên N).",
        "en": "For a percent: the population size (VALUE of N).",
    },
    "record.unit": {
        "vi": "Mã (id) của đơn vị, với chỉ tiêu giao cho từng đơn vị hoặc chỉ tiêu cộng từ các đơn vị (from_units).",
        "en": "The unit's id, for a per-unit target or one made of its units' figures (from_units).",
    },
    "record.date": {
        "vi": "Ngày của số liệu (mặc định: hôm nay).",
        "en": "The date the figure stands at (default: today).",
    },
    "record.source": {"vi": "Báo cáo là nguồn của số liệu.", "en": "The report it comes from."},
    "record.amount": {"vi": "Số tiền kèm theo: 'gần 6 tỷ đồng'.", "en": "A money value with it: 'gần 6 tỷ đồng'."},
    "record.note": {"vi": "Ghi chú lưu cùng số liệu.", "en": "A note kept with the record."},
    "record.from": {
        "vi": "Tệp CSV hoặc Excel (.xlsx): mỗi dòng một số liệu, các cột target,date,value[,of,unit,amount,"
        "source,note] (hoặc chỉ tiêu, ngày, giá trị, đơn vị…); đơn vị ghi bằng mã hoặc tên.",
        "en": "A CSV or Excel (.xlsx) file: one row per record, columns target,date,value[,of,unit,amount,source,"
        "note] (or chỉ tiêu, ngày, giá trị, đơn vị…); units by id or by name.",
    },
    "record.replace": {
        "vi": "Sửa số liệu đã ghi: kết quả mới thay kết quả cùng chỉ tiêu, đơn vị và ngày; số liệu cũ được giữ "
        "thành chú thích ngay trên. Không có kết quả đó thì không ghi gì.",
        "en": "Correct a recorded figure: the new result replaces the one of the same target, unit and date; "
        "the old figures stay as a comment right above it. Nothing is written when there is none.",
    },
    "report": {
        "vi": """Xuất báo cáo kết quả (BÁO CÁO sơ kết/tổng kết) các chỉ tiêu của PLAN thành tệp .docx.

Gồm bảng chỉ tiêu với mục tiêu, kết quả, tỷ lệ hoàn thành và trạng thái (như `thidua track`
tính), biểu đồ mức hoàn thành từng chỉ tiêu, bảng theo từng đơn vị và các nguồn được trích dẫn;
theo thể thức chính thức (Nghị định 30/2020), ghi trọn vẹn một lần. Khi đã hết thời gian của kế
hoạch (tổng kết), cột Đánh giá ghi Đạt, Vượt (bao nhiêu) hoặc Không đạt. Nơi nhận và người ký lấy
từ các tùy chọn, nếu không thì từ khối report: của tệp kết quả, người ký cuối cùng lấy từ kế hoạch.
Mã thoát 0: đã ghi, 1: tệp kết quả có lỗi, 2: không chạy được.""",
        "en": """Write the results report (BÁO CÁO sơ kết/tổng kết) of PLAN's targets as .docx.

A table of targets with goal, result, share achieved and status (as `thidua track`
computes them), a chart of achievement per target, per-unit tables and the sources cited;
in the official layout (Nghị định 30/2020), written atomically. Once the plan's period is over
(tổng kết), the Đánh giá column says Đạt (met), Vượt (beyond the goal, by how much) or Không đạt
(not met). Nơi nhận and the signer come from the options, else from the results file's report:
block; the signer, last, from the plan. Exit 0 written, 1 the results file has errors, 2 could not run.""",
    },
    "report.plan": _PLAN_FILE,
    "report.output": {"vi": "Tệp .docx cần ghi.", "en": "The .docx to write."},
    "report.as_of": {
        "vi": "Ngày báo cáo: YYYY-MM-DD hoặc dd/mm/yyyy (mặc định: hôm nay).",
        "en": "The date to report on: YYYY-MM-DD or dd/mm/yyyy (default: today).",
    },
    "report.template": {
        "vi": "Tệp hoặc thư mục mẫu (mặc định: bao-cao.xml.j2).",
        "en": "A template file or folder (default: bao-cao.xml.j2).",
    },
    "report.pdf": {
        "vi": "Ghi thêm tệp PDF cạnh tệp .docx (cần LibreOffice).",
        "en": "Also write a PDF beside the .docx (needs LibreOffice).",
    },
    "report.recipient": {
        "vi": "Một dòng Nơi nhận (lặp lại cho mỗi nơi), thay cho report.recipients của tệp kết quả; dòng "
        "“Lưu: …” luôn ở cuối, thiếu thì thêm “Lưu: VT”.",
        "en": "One Nơi nhận line (repeat it for each), instead of the results file's report.recipients; the "
        "“Lưu: …” line always goes last, and “Lưu: VT” is added when there is none.",
    },
    "report.signer_authority": {
        "vi": "Thẩm quyền ký (TM. BAN THƯỜNG VỤ, KT. CHỦ TỊCH…), thay cho tệp kết quả và kế hoạch.",
        "en": "The signing authority (TM. BAN THƯỜNG VỤ, KT. CHỦ TỊCH…), instead of the results file's and the plan's.",
    },
    "report.signer_title": {
        "vi": "Chức vụ người ký (CHỦ TỊCH, PHÓ CHỦ TỊCH…), thay cho tệp kết quả và kế hoạch.",
        "en": "The signer's title (CHỦ TỊCH, PHÓ CHỦ TỊCH…), instead of the results file's and the plan's.",
    },
    "report.signer_name": {
        "vi": "Họ tên người ký, thay cho tệp kết quả và kế hoạch.",
        "en": "The signer's name, instead of the results file's and the plan's.",
    },
    "diff": {
        "vi": """Những gì thay đổi từ OLD sang NEW: thông tin văn bản, căn cứ, chủ đề, các phần, các mục,
chỉ tiêu, giai đoạn.

Các mục được ghép với nhau cả khi đã chuyển chỗ hoặc viết lại; văn bản hoặc ngày chỉ khác do
năm của kỳ thi đua tăng lên được coi là không đổi. Kế hoạch không đọc được thì dừng; các lỗi,
cảnh báo khác của `thidua check` (theo [tool.thidua]) được tóm tắt ở stderr.
Mã thoát 0: hai kế hoạch như nhau, 1: có khác biệt, 2: không chạy được (như diff).""",
        "en": """What changed from OLD to NEW: identity, references, theme, sections, items, targets, phases.

Items are matched even when moved or reworded; a text or date that differs only by the
campaign's year moving on counts as unchanged. A plan that does not read stops it; other
findings of `thidua check` (with [tool.thidua]) are summed up on stderr.
Exit 0 the plans say the same, 1 they differ, 2 could not run (like diff).""",
    },
    "diff.old": {
        "vi": "Kế hoạch năm trước: một tệp hoặc REV:đường_dẫn (HEAD~1:campaigns/…).",
        "en": "Last year's plan: a file or REV:path (HEAD~1:campaigns/…).",
    },
    "diff.new": {
        "vi": "Kế hoạch để so sánh: một tệp hoặc REV:đường_dẫn.",
        "en": "The plan to compare it with: a file or REV:path.",
    },
    "diff.format": {"vi": "text, json hoặc md.", "en": "text, json or md."},
    "diff.docx": {
        "vi": "Ghi thêm NEW thành tệp .docx, các khác biệt hiện thành thay đổi được theo dõi (Track Changes).",
        "en": "Also write NEW as .docx with the differences as tracked changes.",
    },
    "diff.show_year_shifts": {
        "vi": "Liệt kê cả văn bản và ngày chỉ khác nhau về năm.",
        "en": "Also list texts and dates that differ only by the year.",
    },
    "diff.template": {"vi": "Tệp hoặc thư mục mẫu cho --docx.", "en": "A template file or folder for --docx."},
    "textconv": {
        "vi": """In nội dung đọc được của một kế hoạch hoặc tệp .docx, cho textconv của git (xem README).

Kế hoạch được in như văn bản đọc lên (nội dung của `thidua render`); tệp .docx được in theo từng
đoạn văn. Kế hoạch không đọc được thì in nguyên trạng, để `git diff` luôn hiện được nội dung.""",
        "en": """Print the readable text of a plan or a .docx, for git's textconv (see the README).

A plan prints as the document reads (the text of `thidua render`); a .docx as its
paragraphs. A plan that cannot be read prints as it is, so `git diff` always shows something.""",
    },
    "textconv.path": {"vi": "Kế hoạch (.yaml) hoặc tệp Word (.docx).", "en": "A plan (.yaml) or a Word file (.docx)."},
    "new": {
        "vi": """Viết kế hoạch năm sau PATH từ kế hoạch năm trước: dời ngày và năm, để trống số và ngày
ban hành.

Kỳ thi đua, các giai đoạn, thời hạn và những chỗ nhắc đến năm gắn với kỳ thi đua được dời theo
số năm chênh lệch (29/02 thành 28/02); các trích dẫn, nhiệm kỳ và mốc lịch sử giữ nguyên. Kết quả
không được chép sang. Những gì cần người quyết định (chủ đề, kế hoạch cấp trên của năm trước, các
ngày kỷ niệm có số lần thay đổi) được in ra và đánh dấu trong tệp bằng "# thidua new:".

Với --issuer và --year (không có --from): một khung kế hoạch đủ các phần theo thứ tự (MỤC ĐÍCH,
YÊU CẦU … TỔ CHỨC THỰC HIỆN), kỳ thi đua, số và ngày để trống, và dấu "# thidua new:" ở mỗi chỗ cần
viết; `thidua check` liệt kê các dấu còn lại (ND01). Không bao giờ ghi đè tệp. Mã thoát 0: đã ghi,
2: không chạy được.""",
        "en": """Write next year's plan PATH from last year's: dates and years moved, number and date blank.

The period, phases, due dates and the year mentions tied to the campaign move by the year
difference (29/02 becomes 28/02); citations, terms of office and history stay. Results are
not copied. What a human must decide (the theme, last year's parent plan, anniversaries whose
ordinal changes) is printed and marked in the file with "# thidua new:".

With --issuer and --year (no --from): every section of a Kế hoạch in order (MỤC ĐÍCH, YÊU CẦU …
TỔ CHỨC THỰC HIỆN), the period, an empty number and date, and a "# thidua new:" mark at each place
to write; `thidua check` lists the marks still there (ND01). Never overwrites a file. Exit 0
written, 2 could not run.""",
    },
    "new.path": {"vi": "Tệp kế hoạch mới cần tạo.", "en": "The new plan file to create."},
    "new.from": {"vi": "Kế hoạch năm trước.", "en": "Last year's plan."},
    "new.year": {
        "vi": "Năm đầu của kỳ thi đua mới (với --from, mặc định: năm sau kỳ cũ).",
        "en": "The campaign's first year (with --from, default: the year after the period).",
    },
    "new.issuer": {
        "vi": "Không có --from: cơ quan ban hành, ví dụ 'LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ'.",
        "en": "Without --from: the issuing body, e.g. 'LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ'.",
    },
    "new.kind": {
        "vi": "Không có --from: regular (một năm), five-year (năm năm) hoặc thematic (chuyên đề).",
        "en": "Without --from: regular (one year), five-year or thematic.",
    },
    "schema": {
        "vi": """In JSON Schema của tệp kế hoạch hoặc của tệp kết quả (cho trình soạn thảo và CI).

Kho là thư mục gần nhất phía trên thư mục làm việc có schema/plan.schema.json, hoặc có .git hay
pyproject.toml. --write giữ schema/ của kho luôn mới (sau khi nâng cấp thidua); --check báo khi nó
đã cũ (CI và pre-commit chạy lệnh này).""",
        "en": """Print the JSON Schema of the plan file, or of the results file (for editors and CI).

The repository is the nearest folder above the working folder with schema/plan.schema.json,
else with .git or pyproject.toml. --write keeps its schema/ current (after upgrading thidua);
--check says when it is stale (CI and pre-commit run it).""",
    },
    "schema.which": {"vi": "plan (mặc định) hoặc results.", "en": "plan (default) or results."},
    "schema.write": {
        "vi": "Ghi cả hai schema vào schema/ của kho (nơi các kế hoạch trỏ tới).",
        "en": "Write both schemas under schema/ of the repository (where plans point).",
    },
    "schema.check": {
        "vi": "Mã thoát 1 khi schema/ của kho thiếu hoặc đã cũ.",
        "en": "Exit 1 when schema/ of the repository is missing or stale.",
    },
    "import": {
        "vi": """Chuyển kế hoạch đã có (.docx, .txt) thành tệp kế hoạch: Word -> YAML, ngược với render.

Văn bản được giữ như đã viết; điều gì không tìm thấy thì để trống. Mọi chỗ đoán (loại của một
phần, một câu được coi là chỉ tiêu, một ngày không đọc được, phần trang web bị bỏ) được đánh dấu
trong tệp bằng "# thidua import:" và liệt kê ở đây. Không có -o hoặc --into thì kế hoạch được ghi
cạnh tệp gốc thành TÊN.yaml. Không bao giờ ghi đè tệp. Mã thoát 0: đã ghi tất cả, 2: có tệp không
chuyển được.""",
        "en": """Turn existing plans (.docx, .txt) into plan files: Word -> YAML, the reverse of render.

The text is kept as written; what cannot be found stays empty. Every guess (a section kind,
a sentence taken as a target, a date it could not read, page chrome dropped) is marked in the
file with "# thidua import:" and listed here. Without -o or --into the plan is written beside
its input as NAME.yaml. Never overwrites a file. Exit 0 all written, 2 some could not be.""",
    },
    "import.files": {
        "vi": "Các kế hoạch dạng Word (.docx) hoặc văn bản (.txt).",
        "en": "Plans as Word (.docx) or text (.txt) files.",
    },
    "import.output": {"vi": "Tệp kế hoạch cần tạo (một tệp vào).", "en": "The plan file to create (one input)."},
    "import.into": {
        "vi": "Đặt mỗi kế hoạch ở THƯ_MỤC/<đơn vị>/<năm>/<tên>.yaml (ví dụ campaigns/).",
        "en": "Place each at DIR/<issuer>/<year>/<name>.yaml (e.g. campaigns/).",
    },
    "init": {
        "vi": """Tạo kho kế hoạch riêng của một công đoàn: campaigns/, pyproject.toml ([tool.thidua]),
pre-commit, quy trình CI, .gitattributes cho git diff, schema/ cho trình soạn thảo, README cho
văn thư.

Tệp đã có không bao giờ bị ghi đè (được liệt kê là giữ nguyên): chạy init lần nữa không đổi gì.
Mã thoát 0: xong, 2: không ghi được.""",
        "en": """Make a union's own plan repository: campaigns/, pyproject.toml ([tool.thidua]), pre-commit,
a CI workflow, .gitattributes for git diff, schema/ for editors, a README for the clerk.

An existing file is never overwritten (it is listed as kept): running init again changes
nothing. Exit 0 done, 2 could not write.""",
    },
    "init.folder": {
        "vi": "Thư mục của kho (mặc định: ở đây); tạo mới nếu chưa có.",
        "en": "The repository's folder (default: here); made if needed.",
    },
}

# What an option's value is called in the help (`--format ĐỊNH_DẠNG`), instead of Typer's type names.
METAVARS: dict[str, dict[str, str]] = {
    "format": {"vi": "ĐỊNH_DẠNG", "en": "FORMAT"},
    "codes": {"vi": "MÃ", "en": "CODES"},
    "file": {"vi": "TỆP", "en": "FILE"},
    "path": {"vi": "ĐƯỜNG_DẪN", "en": "PATH"},
    "date": {"vi": "NGÀY", "en": "DATE"},
    "number": {"vi": "SỐ", "en": "N"},
    "year": {"vi": "NĂM", "en": "YEAR"},
    "unit": {"vi": "ĐƠN_VỊ", "en": "UNIT"},
    "text": {"vi": "VĂN_BẢN", "en": "TEXT"},
    "amount": {"vi": "SỐ_TIỀN", "en": "AMOUNT"},
    "lang": {"vi": "vi|en", "en": "vi|en"},
    "name": {"vi": "TÊN", "en": "NAME"},
    "kind": {"vi": "LOẠI", "en": "KIND"},
}

# Click's and Typer's own words in a help page, as Click writes them in English.
CLICK_WORDS: dict[str, dict[str, str]] = {
    "Usage:": {"vi": "Cách dùng:"},
    "Options": {"vi": "Tùy chọn"},
    "Arguments": {"vi": "Đối số"},
    "Commands": {"vi": "Lệnh"},
    "[OPTIONS]": {"vi": "[TÙY_CHỌN]"},
    "<path>": {"vi": "<đường_dẫn>"},  # Typer's names of argument types
    "<list[Path]>": {"vi": "<đường_dẫn...>"},
    "<str>": {"vi": "<văn_bản>"},
    "<int>": {"vi": "<số>"},
    "COMMAND [ARGS]...": {"vi": "LỆNH [ĐỐI_SỐ]..."},
    "Show this message and exit.": {"vi": "Hiện hướng dẫn này rồi thoát."},
    "default": {"vi": "mặc định"},
    "env var": {"vi": "biến môi trường"},
    "required": {"vi": "bắt buộc"},
}


# Click's messages for a command line it cannot parse, as (English pattern, Vietnamese), applied in turn.
CLICK_ERRORS: list[tuple[str, str]] = [
    (r"^Missing argument (.+)\.$", r"thiếu đối số \1."),
    (r"^Missing option (.+)\.$", r"thiếu tùy chọn \1."),
    (r"^No such option: ", "không có tùy chọn "),
    (r"^No such command (.+?)\.", r"không có lệnh \1."),
    (r"^Got unexpected extra arguments? |^Got unexpected extra argument\(s\) ", "thừa đối số "),
    (r"^Invalid value for (.+?): ", r"giá trị không hợp lệ cho \1: "),
    (r"^Option (.+) requires an argument\.$", r"tùy chọn \1 cần một giá trị."),
    (r"Input should be a valid integer, unable to parse string as an integer", "phải là một số nguyên"),
    (r"Input should be greater than or equal to (\S+)", r"phải lớn hơn hoặc bằng \1"),
    (r"'(.+)' is not a valid integer\.", r"'\1' không phải là số nguyên."),
    (r"(\S+) is not in the range (.+)\.", r"\1 không nằm trong khoảng \2."),
    (r"Did you mean (.+)\?", r"Có phải \1?"),
    (r"\(Possible options: (.+)\)", r"(có thể là: \1)"),
]
USAGE_HINT = {"vi": "Xem '{command} --help' để biết cách dùng.", "en": "Try '{command} --help' for help."}


def help_text(key: str, lang: str | None = None) -> str:
    """The help of a command ("check") or of one of its parameters ("check.format")."""
    return HELP[key][lang or HELP_LANG]


def metavar(kind: str, lang: str | None = None) -> str:
    return METAVARS[kind][lang or HELP_LANG]


def click_word(english: str, lang: str | None = None) -> str:
    return CLICK_WORDS.get(english, {}).get(lang or HELP_LANG, english)


def click_message(english: str, lang: str | None = None) -> str:
    """One of Click's messages about a command line it cannot parse, in the help language."""
    if (lang or HELP_LANG) == "en":
        return english
    for pattern, vietnamese in CLICK_ERRORS:
        english = re.sub(pattern, vietnamese, english)
    return english
