"""User-facing text outside rule messages, in Vietnamese (default) and English."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

DEFAULT_LANG = "vi"

MESSAGES: dict[str, dict[str, str]] = {
    "path-missing": {"vi": "không tìm thấy đường dẫn: {path}", "en": "no such path: {path}"},
    "using-examples": {
        "vi": "thidua: không có thư mục campaigns/ ở đây; dùng các kế hoạch mẫu có sẵn trong thidua",
        "en": "thidua: no campaigns/ folder here; using the example plans shipped with thidua",
    },
    "examples-need-output": {
        "vi": "không có thư mục campaigns/ ở đây; để in các kế hoạch mẫu có sẵn, hãy chỉ thư mục ra bằng -o "
        "(hoặc chỉ ra tệp, thư mục kế hoạch của mình)",
        "en": "no campaigns/ folder here; to render the shipped example plans name an output folder with -o "
        "(or name your own plan files or folders)",
    },
    "config-unreadable": {
        "vi": "không đọc được cấu hình {path}: {reason}",
        "en": "cannot read the configuration {path}: {reason}",
    },
    "config-key": {
        "vi": "{path}: khóa không hợp lệ trong [tool.thidua]: {key} (dùng: {allowed})",
        "en": "{path}: unknown key in [tool.thidua]: {key} (allowed: {allowed})",
    },
    "words-file": {
        "vi": "{path}:{line}:{column}: tệp từ không hợp lệ: {problem}",
        "en": "{path}:{line}:{column}: invalid word file: {problem}",
    },
    "config-value": {
        "vi": "{path}: giá trị không hợp lệ cho [tool.thidua] {key}: {value}",
        "en": "{path}: invalid value for [tool.thidua] {key}: {value}",
    },
    "unknown-code": {
        "vi": "mã quy tắc không tồn tại: {code} (xem 'thidua rules')",
        "en": "no rule has the code {code} (see 'thidua rules')",
    },
    "bad-lang": {"vi": "ngôn ngữ không hỗ trợ: {lang} (vi, en)", "en": "unsupported language: {lang} (vi, en)"},
    "bad-format": {
        "vi": "định dạng không hỗ trợ: {value} ({allowed})",
        "en": "unsupported format: {value} ({allowed})",
    },
    "template-missing": {
        "vi": "không tìm thấy mẫu (template): {path}",
        "en": "no such template: {path}",
    },
    "template-not-found": {
        "vi": "không tìm thấy mẫu {name} (đã tìm trong: {folders})",
        "en": "template {name} not found (looked in: {folders})",
    },
    "template-error": {
        "vi": "lỗi trong mẫu {file}, dòng {line}: {detail}",
        "en": "error in template {file}, line {line}: {detail}",
    },
    "template-undefined": {
        "vi": "lỗi trong mẫu {file}, dòng {line}: không có biến '{name}' (viết sai tên?)",
        "en": "error in template {file}, line {line}: '{name}' is undefined (a misspelt name?)",
    },
    "template-markup": {
        "vi": "mẫu {name} sinh ra cấu trúc không hợp lệ (dòng {line} của kết quả): {detail}",
        "en": "template {name} produced invalid markup (line {line} of its output): {detail}",
    },
    "output-is-folder": {
        "vi": "không ghi được {path}: đó là một thư mục",
        "en": "cannot write {path}: it is a folder",
    },
    "output-locked": {
        "vi": "không ghi được {path}: tệp đang mở trong Word hoặc LibreOffice ({lock}); hãy đóng tệp rồi chạy lại",
        "en": "cannot write {path}: it is open in Word or LibreOffice ({lock}); close it and run again",
    },
    "output-read-only": {
        "vi": "không ghi được {path}: tệp chỉ đọc; tệp cũ được giữ nguyên",
        "en": "cannot write {path}: the file is read-only; it was left as it is",
    },
    "output-no-folder": {
        "vi": "không ghi được {path}: không có thư mục {folder}",
        "en": "cannot write {path}: there is no folder {folder}",
    },
    "output-unwritable": {
        "vi": "không ghi được {path}: {reason}",
        "en": "cannot write {path}: {reason}",
    },
    "output-not-ours": {
        "vi": "không ghi đè {path}: tệp này không do thidua tạo ra (có thể là bản Word gốc hoặc bản đã sửa tay); "
        "tệp được giữ nguyên; thêm --force nếu muốn ghi đè, hoặc ghi ra tệp khác",
        "en": "not overwriting {path}: thidua did not write it (it may be the Word original, or edited by hand); "
        "it was left as it is; add --force to replace it, or write another file",
    },
    "terminated": {
        "vi": "đã dừng ({signal}); không để lại tệp tạm hay tệp ghi dở",
        "en": "stopped ({signal}); no temporary or half-written file left",
    },
    "output-busy": {
        "vi": "không ghi được {path}: một lệnh thidua khác đang ghi tệp này quá lâu; chưa ghi gì, hãy chạy lại",
        "en": "cannot write {path}: another thidua has been writing it for too long; nothing written, run again",
    },
    "output-suffix": {
        "vi": "tệp kết quả phải có đuôi .docx, hoặc là một thư mục: {path}",
        "en": "the output must end in .docx, or be a folder: {path}",
    },
    "output-one-file": {
        "vi": "{count} kế hoạch không thể cùng ghi vào một tệp {path}; hãy dùng -o THƯ_MỤC",
        "en": "{count} plans cannot all be written to one file {path}; use -o FOLDER",
    },
    "output-clash": {
        "vi": "hai kế hoạch sẽ ghi cùng một tệp {path}: {first} và {second}",
        "en": "two plans would write the same file {path}: {first} and {second}",
    },
    "render-nothing": {
        "vi": "không có kế hoạch nào (.yaml) trong: {paths}",
        "en": "no plan files (.yaml) in: {paths}",
    },
    "pdf-missing": {
        "vi": "--pdf cần LibreOffice nhưng máy này chưa cài (không thấy soffice/libreoffice); "
        "hãy cài LibreOffice (Debian/Ubuntu: apt install libreoffice-writer-nogui) hoặc bỏ --pdf",
        "en": "--pdf needs LibreOffice, which is not installed here (no soffice/libreoffice found); "
        "install it (Debian/Ubuntu: apt install libreoffice-writer-nogui) or leave out --pdf",
    },
    "pdf-failed": {
        "vi": "LibreOffice ({program}) không chuyển được sang PDF: {detail}",
        "en": "LibreOffice ({program}) could not convert to PDF: {detail}",
    },
    "render.wrote": {"vi": "đã ghi {path}", "en": "wrote {path}"},
    "render.summary": {
        "vi": "{written} tệp đã ghi, {failed} kế hoạch không đọc được, {refused} kế hoạch không in vì --strict",
        "en": "{written} files written, {failed} plans could not be read, {refused} plans not rendered (--strict)",
    },
    "findings-summary": {
        "vi": "thidua: {file}: {errors} lỗi, {warnings} cảnh báo, {infos} ghi chú ({codes}); xem: thidua check {file}",
        "en": "thidua: {file}: {errors} errors, {warnings} warnings, {infos} notes ({codes}); see: thidua check {file}",
    },
    "render.progress": {"vi": "Đang tạo văn bản", "en": "Rendering"},
    "import.progress": {"vi": "Đang chuyển kế hoạch", "en": "Importing"},
    "status.met": {"vi": "Đạt", "en": "met"},
    "status.on-track": {"vi": "Đúng tiến độ", "en": "on track"},
    "status.behind": {"vi": "Chậm tiến độ", "en": "behind"},
    "status.no-data": {"vi": "Chưa có số liệu", "en": "no data"},
    "status.overdue": {"vi": "Quá hạn, chưa đạt", "en": "overdue"},
    "track.heading": {
        "vi": "Chỉ tiêu của {plan}, tính đến ngày {date}",
        "en": "Targets of {plan}, as of {date}",
    },
    "track.summary": {"vi": "{total} chỉ tiêu: {parts}", "en": "{total} targets: {parts}"},
    "track.no-targets": {
        "vi": "Kế hoạch này chưa có chỉ tiêu nào (target) để theo dõi.",
        "en": "This plan has no targets to track.",
    },
    "track.each-unit": {"vi": "(mỗi đơn vị)", "en": "(each unit)"},
    "track.baseline": {"vi": "(từ {value})", "en": "(from {value})"},
    "track.baseline-dated": {"vi": "(từ {value} ngày {date})", "en": "(from {value} on {date})"},
    "track.matrix": {"vi": "Chỉ tiêu giao từng đơn vị", "en": "Per-unit targets"},
    "track.matrix-figures": {
        "vi": "Số liệu từng đơn vị (chỉ tiêu giao từng đơn vị, chỉ tiêu cộng từ các đơn vị)",
        "en": "Each unit's figures (per-unit targets, targets made of the units' figures)",
    },
    "track.units-met": {"vi": "Số đơn vị đạt", "en": "Units that met it"},
    "track.from-units": {"vi": "(cộng từ các đơn vị)", "en": "(from the units' figures)"},
    "track.units-counted": {
        "vi": "({counted}/{total} đơn vị được tính)",
        "en": "({counted} of {total} units counted)",
    },
    "track.from-children": {"vi": "(cộng từ kế hoạch cấp dưới)", "en": "(from the child plans' figures)"},
    "track.children-counted": {
        "vi": "({counted}/{total} kế hoạch cấp dưới được tính)",
        "en": "({counted} of {total} child plans counted)",
    },
    "track.children-missing": {
        "vi": "#{number} {id}: kế hoạch cấp dưới chưa có số liệu: {units}",
        "en": "#{number} {id}: child plans with no figure yet: {units}",
    },
    "track.matrix-children": {
        "vi": "Số liệu từng đơn vị và kế hoạch cấp dưới",
        "en": "Each unit's and child plan's figures",
    },
    "track.legend-children": {
        "vi": "Chỉ tiêu cộng từ đơn vị hoặc kế hoạch cấp dưới: ô là số liệu của nơi đó; · chưa có số liệu; "
        "(…) chưa cộng được",
        "en": "Targets made of units' or child plans' figures: a cell is its figure; · no figure yet; (…) not added",
    },
    "track.sum-total-children": {"vi": "Tổng (số được tính)", "en": "Total (counted)"},
    "track.sum-total": {"vi": "Tổng (số đơn vị được tính)", "en": "Total (units counted)"},
    "track.missing": {"vi": "#{number} {id}: chưa báo cáo: {units}", "en": "#{number} {id}: not reported yet: {units}"},
    "track.not-counted": {
        "vi": "#{number} {id}: chỉ ghi tỷ lệ, không có of (tổng số) nên chưa cộng được: {units}",
        "en": "#{number} {id}: a share without of (the population), not added: {units}",
    },
    "track.legend-sum": {
        "vi": "Chỉ tiêu cộng từ các đơn vị: ô là số liệu của đơn vị; · chưa báo cáo; (…) chưa cộng được",
        "en": "Targets made of the units' figures: a cell is the unit's figure; · not reported yet; (…) not added",
    },
    "track.legend": {
        "vi": "{met} đạt · {on_track} đúng tiến độ · {behind} chậm · {no_data} chưa có số liệu · {overdue} quá hạn",
        "en": "{met} met · {on_track} on track · {behind} behind · {no_data} no data · {overdue} overdue",
    },
    "col.number": {"vi": "TT", "en": "#"},
    "col.target": {"vi": "Chỉ tiêu", "en": "Target"},
    "col.goal": {"vi": "Mục tiêu", "en": "Goal"},
    "col.result": {"vi": "Kết quả", "en": "Result"},
    "col.percent": {"vi": "Tỷ lệ đạt", "en": "Achieved"},
    "col.status": {"vi": "Đánh giá", "en": "Status"},
    "col.unit": {"vi": "Đơn vị", "en": "Unit"},
    "awards.heading": {
        "vi": "Đề xuất khen thưởng theo {plan}, tính đến ngày {date}",
        "en": "Commendations proposed under {plan}, as of {date}",
    },
    "awards.none": {
        "vi": "Kế hoạch này chưa có tiêu chuẩn khen thưởng nào (award) để xét.",
        "en": "This plan has no commendation criteria (award) to apply.",
    },
    "awards.criteria": {
        "vi": "đạt các chỉ tiêu {targets} đến ngày {date}",
        "en": "meeting the targets {targets} by {date}",
    },
    "awards.limit": {"vi": "(kế hoạch khen tối đa {limit})", "en": "(the plan awards at most {limit})"},
    "awards.proposed": {"vi": "Đề xuất ({count}): {names}", "en": "Proposed ({count}): {names}"},
    "awards.near": {
        "vi": "Còn thiếu một chỉ tiêu ({count}): {names}",
        "en": "One target short ({count}): {names}",
    },
    "awards.others": {"vi": "Chưa đạt ({count}): {names}", "en": "Not meeting them ({count}): {names}"},
    "awards.over-limit": {
        "vi": "{count} đơn vị đạt tiêu chuẩn, nhiều hơn số khen thưởng của kế hoạch ({limit}): Hội đồng Thi đua - "
        "Khen thưởng xét chọn.",
        "en": "{count} qualify, more than the plan awards ({limit}): the emulation council chooses.",
    },
    "awards.nobody": {
        "vi": "Không có đơn vị hay kế hoạch cấp dưới nào để xét theo các chỉ tiêu này (chỉ tiêu giao từng "
        "đơn vị, hoặc chỉ tiêu mà kế hoạch cấp dưới đóng góp vào).",
        "en": "No unit or child plan to judge on these targets (per-unit targets, or targets child plans "
        "contribute to).",
    },
    "col.plan": {"vi": "Kế hoạch", "en": "Plan"},
    "col.file": {"vi": "Tệp", "en": "File"},
    "col.targets": {"vi": "Số chỉ tiêu", "en": "Targets"},
    "tree.heading": {
        "vi": "{plans} kế hoạch, tính đến ngày {date}",
        "en": "{plans} plans, as of {date}",
    },
    "tree.summary": {
        "vi": "{targets} chỉ tiêu: {parts}; {unread} kế hoạch không đọc được",
        "en": "{targets} targets: {parts}; {unread} plans could not be read",
    },
    "bad-date": {
        "vi": "{option}: '{value}' không phải ngày (dùng YYYY-MM-DD hoặc dd/mm/yyyy)",
        "en": "{option}: '{value}' is not a date (use YYYY-MM-DD or dd/mm/yyyy)",
    },
    "plan-invalid": {
        "vi": "kế hoạch {path} có lỗi, hãy sửa trước (thidua check {path})",
        "en": "the plan {path} has errors; fix them first (thidua check {path})",
    },
    "results-invalid": {
        "vi": "tệp kết quả {path} có lỗi; không làm tiếp",
        "en": "the results file {path} has errors; stopping",
    },
    "record-refused": {
        "vi": "không ghi gì vào {path}: số liệu mới có lỗi (xem trên)",
        "en": "nothing written to {path}: the new figures have errors (see above)",
    },
    "record-exists": {
        "vi": "không ghi gì vào {path}: đã có kết quả cho cùng chỉ tiêu, đơn vị và ngày ở dòng {lines} của tệp; "
        "để sửa số liệu đó, ghi lại với --replace (số liệu cũ được giữ thành chú thích)",
        "en": "nothing written to {path}: a result for the same target, unit and date is already there (line "
        "{lines}); to correct it, record again with --replace (the old figures are kept as a comment)",
    },
    "record-replace-layout": {
        "vi": "không thay được kết quả trong {path} mà giữ nguyên phần còn lại; hãy để results: ở dạng danh sách '- '",
        "en": "cannot replace a result in {path} while keeping the rest as it is; keep results: a '- ' list",
    },
    "record-layout": {
        "vi": "không thêm được vào {path} mà giữ nguyên nội dung cũ; hãy để results: là khóa cuối, dạng danh sách '- '",
        "en": "cannot append to {path} while keeping it as it is; keep results: as the last key, a '- ' list",
    },
    "record-args": {
        "vi": "cần TARGET và VALUE, hoặc --from TỆP.csv (không dùng cả hai)",
        "en": "give TARGET and VALUE, or --from FILE.csv (not both)",
    },
    "record-unit-named": {"vi": "đơn vị “{written}” là {id}", "en": "unit “{written}” is {id}"},
    "record-wrote": {"vi": "đã ghi {count} kết quả vào {path}", "en": "wrote {count} results to {path}"},
    "record-replaced": {
        "vi": "đã thay {count} kết quả trong {path} (số liệu cũ giữ lại thành chú thích ngay trên)",
        "en": "replaced {count} results in {path} (the old figures kept as a comment right above)",
    },
    "severity.error": {"vi": "lỗi", "en": "error"},
    "severity.warning": {"vi": "cảnh báo", "en": "warning"},
    "severity.info": {"vi": "ghi chú", "en": "info"},
    "summary": {
        "vi": "thidua: {errors} lỗi, {warnings} cảnh báo, {infos} ghi chú trong {files} tệp",
        "en": "thidua: {errors} errors, {warnings} warnings, {infos} notes in {files} files",
    },
    "clean": {
        "vi": "thidua: {files} tệp, không có vấn đề nào",
        "en": "thidua: {files} files, no problems",
    },
    "explain.why": {"vi": "Vì sao", "en": "Why"},
    "explain.bad": {"vi": "Sai", "en": "Bad"},
    "explain.good": {"vi": "Đúng", "en": "Good"},
    "explain.severity": {"vi": "Mức độ mặc định", "en": "Default severity"},
    "rules.code": {"vi": "Mã", "en": "Code"},
    "rules.name": {"vi": "Tên", "en": "Name"},
    "rules.severity": {"vi": "Mức", "en": "Severity"},
    "rules.summary": {"vi": "Mô tả", "en": "Summary"},
    "new-no-issuer": {
        "vi": 'cần tên cơ quan ban hành: --issuer "LIÊN ĐOÀN LAO ĐỘNG TỈNH …"',
        "en": 'the issuing body is needed: --issuer "LIÊN ĐOÀN LAO ĐỘNG TỈNH …"',
    },
    "new-bad-year": {
        "vi": "năm {year} không hợp lệ: --year là năm đầu của kế hoạch, bốn chữ số (ví dụ 2027)",
        "en": "year {year} is not valid: --year is the plan's first year, four digits (e.g. 2027)",
    },
    "new-skeleton-invalid": {
        "vi": "khung kế hoạch không đọc lại được ({codes}); đây là lỗi của thidua, không ghi tệp nào",
        "en": "the plan skeleton does not read back ({codes}); a bug in thidua, nothing written",
    },
    "new-args": {
        "vi": 'dùng --from KẾ-HOẠCH-CŨ, hoặc --issuer "TÊN CƠ QUAN" --year NĂM cho kế hoạch mới (không dùng cả hai)',
        "en": 'give --from OLD-PLAN, or --issuer "BODY" --year YEAR for a plan from nothing (not both)',
    },
    "new-skeleton-wrote": {
        "vi": "Đã tạo {path}: khung kế hoạch {period} của {issuer}.",
        "en": "Created {path}: a plan skeleton for {period} of {issuer}.",
    },
    "new-blanks": {
        "vi": 'Cần viết ({count}), đã ghi chú "{mark}" tại chỗ (thidua check liệt kê, ND01):',
        "en": 'To write ({count}), marked "{mark}" where they stand (thidua check lists them, ND01):',
    },
    "init.created": {"vi": "  đã tạo   {path}", "en": "  created  {path}"},
    "init.same": {"vi": "  đã có   {path}", "en": "  exists   {path}"},
    "init.kept": {
        "vi": "  giữ nguyên {path} (đã có và khác mẫu của thidua: không ghi đè)",
        "en": "  kept     {path} (already there and not as thidua writes it: not overwritten)",
    },
    "init.done": {
        "vi": "Kho kế hoạch ở {root}: {created} tệp mới, {kept} tệp giữ nguyên.",
        "en": "Plan repository in {root}: {created} files created, {kept} kept.",
    },
    "init.next": {
        "vi": 'Tiếp theo: git init; {textconv}; thidua new campaigns/…/ke-hoach.yaml --issuer "…" --year NĂM '
        "(xem README.md)",
        "en": 'Next: git init; {textconv}; thidua new campaigns/…/plan.yaml --issuer "…" --year YEAR (see README.md)',
    },
    "schema.written": {"vi": "đã ghi {path}", "en": "wrote {path}"},
    "schema.same": {"vi": "{path}: đã khớp với thidua {version}", "en": "{path}: current for thidua {version}"},
    "schema.stale": {
        "vi": "{path}: khác schema của thidua {version}; chạy: thidua schema --write",
        "en": "{path}: not the schema of thidua {version}; run: thidua schema --write",
    },
    "schema.missing": {
        "vi": "{path}: chưa có; chạy: thidua schema --write",
        "en": "{path}: missing; run: thidua schema --write",
    },
    "schema-args": {
        "vi": "--write và --check không dùng cùng nhau, cũng không kèm plan/results",
        "en": "--write and --check go alone (neither together nor with plan/results)",
    },
    "output-exists": {
        "vi": "đã có {path}; thidua new không ghi đè lên tệp nào (chọn tên khác hoặc xóa tệp đó)",
        "en": "{path} already exists; thidua new never overwrites a file (choose another name or remove it)",
    },
    "new-header": {
        "vi": "Lập bằng `thidua new` từ {old}: ngày tháng và các năm của đợt thi đua dời từ {old_year} sang {year}.",
        "en": "Made with `thidua new` from {old}: the campaign's dates and years moved from {old_year} to {year}.",
    },
    "new-header-marks": {
        "vi": 'Các dòng "{mark}" là việc cần người quyết định; xóa từng dòng khi đã xong.',
        "en": 'Lines "{mark}" need a human decision; delete each once settled.',
    },
    "decide-number": {
        "vi": "số văn bản để trống, văn thư cấp khi ban hành",
        "en": "the number is blank until the văn thư assigns it",
    },
    "decide-date": {"vi": "ngày ban hành để trống, điền khi ký", "en": "the issue date is blank until it is signed"},
    "decide-theme": {
        "vi": "chủ đề thi đua: giữ nguyên hay chủ đề mới cho năm {year}?",
        "en": "the theme: keep it or a new one for {year}?",
    },
    "decide-reference": {
        "vi": "căn cứ của năm trước ({cited}): thay bằng văn bản năm {year} của cấp trên khi có",
        "en": "last year's basis ({cited}): replace with the parent body's {year} document when there is one",
    },
    "decide-self": {
        "vi": "câu này dẫn số và ngày của chính kế hoạch cũ ({text}): sửa khi có số mới",
        "en": "this cites the old plan's own number and date ({text}): update it once numbered",
    },
    "decide-citation": {
        "vi": "văn bản dẫn ở đây là của năm trước ({text}): cập nhật nếu năm {year} có văn bản mới",
        "en": "the document cited here is last year's ({text}): update it if {year} has a new one",
    },
    "decide-anniversary": {
        "vi": '"{text}"{years}: năm {year} là {new}; sửa, giữ hay bỏ ngày kỷ niệm này?',
        "en": '"{text}"{years}: {year} makes it {new}; update, keep or drop this anniversary?',
    },
    "decide-unshifted": {
        "vi": "năm {text} ở đây chưa dời được tự động (thành {new}?)",
        "en": "the year {text} here could not be moved automatically ({new}?)",
    },
    "new-suffix": {
        "vi": "kế hoạch mới phải là tệp .yaml: {path}",
        "en": "the new plan must be a .yaml file: {path}",
    },
    "new-no-year": {
        "vi": "{path} không có thời gian thi đua hay ngày nào để biết năm; hãy cho --year",
        "en": "{path} has no period or date to tell its year; give --year",
    },
    "new-year-range": {
        "vi": "năm {year} đưa ngày của kế hoạch ra ngoài khoảng {first}–{last} thidua nhận; hãy cho --year khác",
        "en": "--year {year} takes the plan's dates out of the years {first}–{last} thidua accepts; choose another",
    },
    "template-recursion": {
        "vi": "mẫu {name} gọi lại chính nó quá sâu (include hay macro đệ quy)",
        "en": "the template {name} calls itself too deeply (a recursive include or macro)",
    },
    "template-limit": {
        "vi": "mẫu {name} chạy quá {what}; mẫu có vòng lặp vô tận hoặc quá lớn?",
        "en": "the template {name} ran past {what}; does it loop for ever or produce too much?",
    },
    "template-link": {
        "vi": "mẫu {name} là liên kết ra ngoài thư mục mẫu {folder} (tới {target}); không đọc",
        "en": "the template {name} is a link out of its folder {folder} (to {target}); not read",
    },
    "input-refused": {
        "vi": "không đọc {path}: {reason}",
        "en": "not reading {path}: {reason}",
    },
    "input-too-large": {
        "vi": "{path} lớn hơn {limit} byte; không đọc",
        "en": "{path} is larger than {limit} bytes; not read",
    },
    "new-same-year": {
        "vi": "kế hoạch cũ đã là của năm {year}; hãy cho --year một năm khác",
        "en": "the old plan is already for {year}; give --year another year",
    },
    "new-wrote": {
        "vi": "Đã tạo {path} từ {old}: năm {old_year} → {year}, dời {moved} mốc ngày và năm; không chép kết quả.",
        "en": "Wrote {path} from {old}: {old_year} → {year}, {moved} dates and years moved; results not copied.",
    },
    "new-decisions": {
        "vi": 'Cần người quyết định ({count}), đã ghi chú "{mark}" tại chỗ:',
        "en": 'Needs a human ({count}), marked "{mark}" where it stands:',
    },
    "new-none": {"vi": "Không có gì cần quyết định thêm.", "en": "Nothing else to decide."},
    "import-exists": {
        "vi": "đã có {path}; thidua import không ghi đè lên tệp nào (chọn tên khác hoặc xóa tệp đó)",
        "en": "{path} already exists; thidua import never overwrites a file (choose another name or remove it)",
    },
    "import-too-big": {"vi": "{path}: tệp lớn quá {limit} MB", "en": "{path}: the file is larger than {limit} MB"},
    "import-unreadable": {"vi": "không đọc được {path}: {reason}", "en": "cannot read {path}: {reason}"},
    "import-empty": {"vi": "{path} là tệp rỗng", "en": "{path} is empty"},
    "import-suffix": {
        "vi": "{path}: chỉ nhập được tệp .docx hoặc .txt",
        "en": "{path}: only .docx and .txt files can be imported",
    },
    "import-encoding": {
        "vi": "{path}: dòng {line} không phải chữ UTF-8 (hãy lưu tệp dạng UTF-8 hoặc UTF-16 có BOM)",
        "en": "{path}: line {line} is not UTF-8 text (save it as UTF-8, or UTF-16 with a BOM)",
    },
    "import-binary": {
        "vi": "{path} không phải tệp văn bản (có ký tự điều khiển)",
        "en": "{path} is not a text file (it has control characters)",
    },
    "import-not-docx": {
        "vi": "{path} không phải tệp Word .docx đọc được",
        "en": "{path} is not a readable Word .docx file",
    },
    "import-docx-bomb": {
        "vi": "{path}: phần {member} bung ra quá lớn; không đọc tệp này",
        "en": "{path}: the part {member} unpacks too large; not reading this file",
    },
    "import-not-plan": {
        "vi": "{path} không giống một kế hoạch: không thấy dòng KẾ HOẠCH hay các phần I., II., …",
        "en": "{path} does not look like a plan: no KẾ HOẠCH line and no sections I., II., …",
    },
    "import-internal": {
        "vi": "{path}: lỗi của thidua import ({what}); không ghi gì. Xin báo lỗi kèm tệp",
        "en": "{path}: a bug in thidua import ({what}); nothing written. Please report it with the file",
    },
    "import-header": {
        "vi": "Nhập bằng `thidua import` từ {source}; chữ giữ nguyên như bản gốc.",
        "en": "Made with `thidua import` from {source}; the text is kept as written.",
    },
    "import-header-marks": {
        "vi": 'Các dòng "{mark}" là chỗ thidua đoán, cần người xem lại; xóa từng dòng khi đã xong.',
        "en": 'Lines "{mark}" are guesses for a human to review; delete each once settled.',
    },
    "import-wrote": {"vi": "Đã tạo {path} từ {source}.", "en": "Wrote {path} from {source}."},
    "import-failed": {"vi": "{count} tệp không nhập được.", "en": "{count} files could not be imported."},
    "import-out-many": {
        "vi": "-o chỉ dùng cho một tệp; với nhiều tệp hãy dùng --into THƯ_MỤC",
        "en": "-o takes one input; for several use --into FOLDER",
    },
    "import-note-tracked": {
        "vi": "tệp Word có {count} thay đổi được theo dõi (track changes): đã lấy bản như khi chấp nhận hết",
        "en": "the Word file has {count} tracked changes: taken as if all were accepted",
    },
    "import-note-chrome": {
        "vi": "đã bỏ {count} dòng không thuộc văn bản (trình đơn, ngày đăng, lượt xem…): {text}",
        "en": "dropped {count} lines that are not the document (menus, posting dates, views…): {text}",
    },
    "import-note-parent": {
        "vi": "phần đầu có {count} dòng cơ quan cấp trên, đã gộp làm một",
        "en": "the header has {count} lines of parent bodies, joined into one",
    },
    "import-note-no-issuer": {
        "vi": "không thấy cơ quan ban hành ở phần đầu: điền tên (in hoa) cho đúng",
        "en": "no issuing body in the header: fill in its name (in capitals)",
    },
    "import-note-no-number": {
        "vi": "không thấy dòng Số …/KH-…: số văn bản để trống",
        "en": "no Số …/KH-… line: the number is left empty",
    },
    "import-note-blank-number": {
        "vi": "số văn bản để trống trong bản gốc, văn thư cấp khi ban hành",
        "en": "the number is blank in the original; the văn thư assigns it",
    },
    "import-note-own-number": {
        "vi": "số và ngày lấy từ câu mở đầu thứ {where} (“{text}”): xem lại",
        "en": "number and date taken from opening paragraph {where} (“{text}”): review",
    },
    "import-note-page-number": {
        "vi": "số và ngày lấy từ tiêu đề trang (“{text}”): xem lại",
        "en": "number and date taken from the page's title (“{text}”): review",
    },
    "import-note-bad-date": {
        "vi": "không đọc được ngày ban hành “{text}” (không có ngày này): để trống",
        "en": "cannot read the issue date “{text}” (no such day): left empty",
    },
    "import-note-blank-date": {
        "vi": "ngày ban hành để trống trong bản gốc, điền khi ký",
        "en": "the issue date is blank in the original; fill it in when signed",
    },
    "import-note-page-title": {
        "vi": "không có dòng KẾ HOẠCH: trích yếu lấy từ tiêu đề trang, xem lại",
        "en": "no KẾ HOẠCH line: the title is taken from the page's title; review it",
    },
    "import-note-no-title": {"vi": "không thấy trích yếu: điền vào", "en": "no title (trích yếu) found: fill it in"},
    "import-note-unflattened": {
        "vi": "văn bản không có chỗ xuống dòng (chép từ PDF): đã tách thành {count} đoạn theo bố cục văn bản, xem lại",
        "en": "the text had no line breaks (copied from a PDF): split into {count} parts by the layout; review",
    },
    "import-note-no-type-line": {
        "vi": "không có dòng KẾ HOẠCH: văn bản “{text}” sau phần đầu được nhập như một kế hoạch (KH), xem lại",
        "en": "no KẾ HOẠCH line: the document “{text}” after the header is imported as a plan (KH); review",
    },
    "import-note-period": {
        "vi": "thời gian của phong trào suy từ trích yếu (“{text}”): xem lại",
        "en": "the campaign's period is inferred from the title (“{text}”): review",
    },
    "import-note-thematic": {
        "vi": "đoán là thi đua theo chuyên đề (trích yếu có tên phong trào trong ngoặc kép)",
        "en": "guessed as a thematic campaign (the title quotes a movement's name)",
    },
    "import-note-reference-text": {
        "vi": "câu căn cứ không dẫn số hay ngày văn bản: giữ nguyên văn",
        "en": "this basis cites no document number or date: kept verbatim",
    },
    "import-note-reference-many": {
        "vi": "câu này dẫn nhiều văn bản; chỉ tách văn bản đầu, giữ nguyên văn cả câu",
        "en": "this sentence cites several documents; only the first is structured, the text is kept",
    },
    "import-note-no-sections": {
        "vi": "không thấy các phần I., II., …: cả nội dung để trong một phần (loại other), chia lại nếu cần",
        "en": "no parts I., II., …: the whole body is one part (kind other); split it if needed",
    },
    "import-note-kind-many": {
        "vi": "loại phần đoán là {kind} theo tiêu đề (cũng có thể là {others})",
        "en": "section kind guessed as {kind} from its title (it could also be {others})",
    },
    "import-note-kind-other": {
        "vi": "tiêu đề phần không thuộc loại quen thuộc: để other",
        "en": "the section title is not a usual kind: left as other",
    },
    "import-note-label-kind": {
        "vi": "nhãn “{label}” khác kiểu đánh số của danh sách này: giữ trong chữ, không đánh số",
        "en": "the label “{label}” differs from this list's numbering: kept in the text, unnumbered",
    },
    "import-note-renumbered": {
        "vi": "bản gốc đánh số nhảy ({label} ở chỗ số {expected}): bản in sẽ đánh lại liên tục",
        "en": "the original skips a number ({label} where {expected} is due): the print renumbers",
    },
    "import-note-target-many": {
        "vi": "câu này có {count} con số: chỉ lấy con số đầu làm chỉ tiêu, xem có nên tách",
        "en": "this sentence has {count} figures: only the first became the target; split it?",
    },
    "import-note-target-maybe": {
        "vi": "câu này có thể là chỉ tiêu (con số ở giữa câu): giữ hay bỏ target",
        "en": "this sentence might be a target (a figure mid-sentence): keep or drop the target",
    },
    "import-note-per-unit": {
        "vi": "“mỗi/từng …”: chỉ tiêu tính cho từng đơn vị; thêm units nếu cần",
        "en": "“mỗi/từng …”: a per-unit target; add its units if needed",
    },
    "import-note-phase-year": {
        "vi": "đợt chỉ ghi năm (“{when}”): đã lấy ngày đầu năm hoặc cuối năm, xem lại",
        "en": "the phase gives only a year (“{when}”): its first or last day is taken; review",
    },
    "import-note-phase-after": {
        "vi": "đợt chỉ ghi năm (“{when}”): đã lấy ngày sau khi đợt trước kết thúc ({start}), xem lại",
        "en": "the phase gives only a year (“{when}”): the day after the phase before ends ({start}) is taken; review",
    },
    "import-note-phase-dates": {
        "vi": "không đọc hết được ngày của đợt (“{when}”): điền start/end",
        "en": "cannot read all the phase's dates (“{when}”): fill in start/end",
    },
    "import-note-signed": {
        "vi": "bỏ dòng “{text}” của bản đã ký",
        "en": "dropped “{text}” of the signed copy",
    },
    "diff.what.item": {"vi": "mục", "en": "item"},
    "diff.what.heading": {"vi": "đề mục", "en": "heading"},
    "diff.what.paragraph": {"vi": "đoạn", "en": "paragraph"},
    "diff.what.opening": {"vi": "đoạn mở đầu", "en": "opening paragraph"},
    "diff.what.theme": {"vi": "chủ đề", "en": "theme"},
    "diff.what.target": {"vi": "chỉ tiêu", "en": "target"},
    "diff.what.goal": {"vi": "mục tiêu của chỉ tiêu", "en": "target goal"},
    "diff.what.due": {"vi": "hạn của chỉ tiêu", "en": "target due date"},
    "diff.what.per_unit": {"vi": "giao từng đơn vị", "en": "per unit"},
    "diff.what.from_units": {"vi": "cộng từ các đơn vị", "en": "from the units' figures"},
    "diff.what.contributes": {"vi": "cộng vào chỉ tiêu cấp trên", "en": "adds into the parent's target"},
    "diff.what.units": {"vi": "đơn vị áp dụng", "en": "units it applies to"},
    "diff.what.baseline": {"vi": "mốc xuất phát của chỉ tiêu", "en": "target baseline"},
    "diff.what.also": {"vi": "chỉ tiêu khác trong cùng câu", "en": "further targets in the sentence"},
    "diff.what.phase": {"vi": "đợt", "en": "phase"},
    "diff.what.phase-name": {"vi": "tên đợt", "en": "phase name"},
    "diff.what.phase-start": {"vi": "đợt: từ ngày", "en": "phase start"},
    "diff.what.phase-end": {"vi": "đợt: đến ngày", "en": "phase end"},
    "diff.what.phase-when": {"vi": "đợt: thời gian", "en": "phase time"},
    "diff.what.phase-theme": {"vi": "đợt: chủ đề", "en": "phase theme"},
    "diff.what.phase-text": {"vi": "đợt: nội dung", "en": "phase content"},
    "diff.what.reference": {"vi": "căn cứ", "en": "reference"},
    "diff.what.section": {"vi": "phần", "en": "section"},
    "diff.what.kind": {"vi": "loại mục", "en": "item kind"},
    "diff.what.recipient": {"vi": "nơi nhận", "en": "recipient"},
    "diff.what.unit": {"vi": "đơn vị", "en": "unit"},
    "diff.what.closing": {"vi": "câu kết", "en": "closing"},
    "diff.what.signer-authority": {"vi": "thẩm quyền ký", "en": "signing authority"},
    "diff.what.signer-title": {"vi": "chức vụ người ký", "en": "signer's title"},
    "diff.what.signer-name": {"vi": "người ký", "en": "signer"},
    "diff.what.parent": {"vi": "cơ quan chủ quản", "en": "parent body"},
    "diff.what.issuer": {"vi": "cơ quan ban hành", "en": "issuer"},
    "diff.what.abbreviation": {"vi": "tên viết tắt", "en": "abbreviation"},
    "diff.what.type": {"vi": "loại văn bản", "en": "document type"},
    "diff.what.number": {"vi": "số văn bản", "en": "number"},
    "diff.what.ky_hieu": {"vi": "ký hiệu", "en": "ký hiệu"},
    "diff.what.place": {"vi": "địa danh", "en": "place"},
    "diff.what.date": {"vi": "ngày ban hành", "en": "issue date"},
    "diff.what.title": {"vi": "trích yếu", "en": "title"},
    "diff.what.campaign": {"vi": "loại phong trào", "en": "campaign kind"},
    "diff.what.start": {"vi": "thời gian thi đua: từ", "en": "period start"},
    "diff.what.end": {"vi": "thời gian thi đua: đến", "en": "period end"},
    "diff.what.id": {"vi": "mã chỉ tiêu", "en": "target id"},
    "diff.kind.added": {"vi": "thêm", "en": "added"},
    "diff.count.added": {"vi": "{count} thêm", "en": "{count} added"},
    "diff.kind.removed": {"vi": "bỏ", "en": "removed"},
    "diff.count.removed": {"vi": "{count} bỏ", "en": "{count} removed"},
    "diff.kind.changed": {"vi": "sửa", "en": "changed"},
    "diff.count.changed": {"vi": "{count} sửa", "en": "{count} changed"},
    "diff.kind.moved": {"vi": "chuyển chỗ", "en": "moved"},
    "diff.count.moved": {"vi": "{count} chuyển chỗ", "en": "{count} moved"},
    "diff.kind.year-shift": {"vi": "dời năm", "en": "year moved"},
    "diff.count.year-shift": {"vi": "{count} dời năm", "en": "{count} year moved"},
    "diff.empty": {"vi": "(trống)", "en": "(empty)"},
    "diff.yes": {"vi": "có", "en": "yes"},
    "diff.no": {"vi": "không", "en": "no"},
    "diff.years": {"vi": "(năm {old} → {new})", "en": "({old} → {new})"},
    "diff.moved-from": {"vi": "chuyển từ {old} đến {new}", "en": "moved from {old} to {new}"},
    "diff.with-items": {"vi": "(cùng {count} mục con)", "en": "(with {count} sub-items)"},
    "diff.summary": {"vi": "{count} thay đổi: {parts}.", "en": "{count} changes: {parts}."},
    "diff.same": {"vi": "Hai kế hoạch nói như nhau.", "en": "The two plans say the same."},
    "diff.shifts": {
        "vi": "{count} chỗ chỉ dời năm theo đợt thi đua, không tính là thay đổi (--show-year-shifts để xem).",
        "en": "{count} places differ only by the campaign's year moving on, not counted (--show-year-shifts).",
    },
    "diff-plan-invalid": {
        "vi": "{path} không qua được thidua check (lỗi ở trên); sửa rồi so sánh lại",
        "en": "{path} fails thidua check (errors above); fix it and compare again",
    },
    "git-missing": {
        "vi": "không chạy được git để đọc {spec}; cài git hoặc chỉ ra tệp",
        "en": "cannot run git to read {spec}; install git or name a file",
    },
    "git-option": {
        "vi": "không đọc được {spec}: không có tệp đó, và một phiên bản git (REV:đường_dẫn) không được bắt đầu "
        "bằng '-'; nếu là tệp, hãy viết ./{spec}",
        "en": "cannot read {spec}: there is no such file, and a git revision (REV:path) cannot start with '-'; "
        "for a file, write ./{spec}",
    },
    "git-show": {"vi": "git không đọc được {spec}: {reason}", "en": "git cannot read {spec}: {reason}"},
    "diff-docx-wrote": {
        "vi": "Đã ghi {path} (các thay đổi được đánh dấu theo dõi, tác giả thidua)",
        "en": "Wrote {path} (differences as tracked changes by thidua)",
    },
    "textconv-unreadable": {
        "vi": "không đọc được {path}: không phải tệp Word .docx đọc được",
        "en": "cannot read {path}: not a readable Word .docx file",
    },
    "error-prefix": {"vi": "lỗi", "en": "error"},
    "internal": {
        "vi": "lỗi nội bộ của thidua ({kind}: {detail}); xin báo lỗi này kèm tệp đầu vào",
        "en": "internal error in thidua ({kind}: {detail}); please report it with the input file",
    },
}


def resolve_lang(lang: str | None) -> str:
    """--lang wins, then THIDUA_LANG, then Vietnamese."""
    chosen = (lang or os.environ.get("THIDUA_LANG") or DEFAULT_LANG).strip().lower()
    return chosen if chosen in ("vi", "en") else DEFAULT_LANG


def tr(key: str, lang: str, /, **params: Any) -> str:
    text = MESSAGES[key][lang].format(**{name: localize(value, lang) for name, value in params.items()})
    return _ONE.sub(r"\1", text) if lang == "en" else text


# English counts: "1 errors" is "1 error" (Vietnamese nouns do not change with the number).
_ONE = re.compile(
    r"(?<![\d.,])(1 (?:error|warning|note|file|line|target|plan|date|value|second|level|digit|column|result|"
    r"place|figure|change|byte|record|unit|item))s\b"
)


# Words that findings carry as params, shown in the user's language (see `word`).
WORDS: dict[str, dict[str, str]] = {
    "text": {"vi": "văn bản", "en": "text"},
    "integer": {"vi": "số nguyên", "en": "a whole number"},
    "number": {"vi": "số", "en": "a number"},
    "bool": {"vi": "true hoặc false", "en": "true or false"},
    "list": {"vi": "danh sách (các dòng bắt đầu bằng '- ')", "en": "a list (lines starting with '- ')"},
    "mapping": {"vi": "nhóm khóa: giá trị", "en": "a mapping of key: value"},
    "goal": {"vi": "số hoặc true/false", "en": "a number or true/false"},
    "item": {
        "vi": "một đoạn văn bản hoặc một mục có text/title/target/phase/theme/paragraph",
        "en": "a text or an item with text/title/target/phase/theme/paragraph",
    },
    "null": {"vi": "giá trị rỗng", "en": "an empty value"},
    "date": {"vi": "ngày", "en": "a date"},
    "scalar": {"vi": "một giá trị đơn", "en": "a single value"},
    "root": {"vi": "kế hoạch", "en": "the plan"},
    "no-such-day": {"vi": "không có ngày này", "en": "no such day"},
    "form": {"vi": "không đúng dạng", "en": "not in that form"},
    "size": {"vi": "tệp lớn hơn {limit} byte", "en": "the file is larger than {limit} bytes"},
    "template-seconds": {"vi": "{limit} giây", "en": "{limit} seconds"},
    "template-bytes": {"vi": "{limit} byte kết quả", "en": "{limit} bytes of output"},
    "date-range": {"vi": "ngoài khoảng năm {first}–{last}", "en": "outside the years {first}–{last}"},
    "digits": {
        "vi": "số {value} có hơn {limit} chữ số",
        "en": "the number {value} has more than {limit} digits",
    },
    "not-regular": {
        "vi": "không phải tệp thường (FIFO, thiết bị hay thư mục), không đọc",
        "en": "not a regular file (a FIFO, a device or a folder); not read",
    },
    "special-folder": {
        "vi": "trỏ vào {folder} của hệ thống, không đọc",
        "en": "points into the system's {folder}; not read",
    },
    "outside-repository": {
        "vi": "là liên kết ra ngoài kho {root} (tới {target}), không đọc",
        "en": "is a link out of the repository {root} (to {target}); not read",
    },
    "docx-member": {
        "vi": "phần {member} giải nén ra {size} byte (giới hạn {limit})",
        "en": "its part {member} unpacks to {size} bytes (the limit is {limit})",
    },
    "docx-ratio": {
        "vi": "phần {member} nén {ratio}:1, quá mức của một tệp Word thật (giới hạn {limit}:1)",
        "en": "its part {member} is compressed {ratio}:1, more than a real Word file (the limit is {limit}:1)",
    },
    "docx-total": {
        "vi": "các phần giải nén ra hơn {limit} byte, hoặc hơn {parts} phần",
        "en": "its parts unpack to more than {limit} bytes, or number more than {parts}",
    },
    "aliases": {
        "vi": "alias mở rộng thành hơn {limit} phần tử (alias lồng nhau kiểu billion laughs)",
        "en": "aliases expand to more than {limit} values (nested aliases, a billion laughs)",
    },
    "recursion": {"vi": "alias tự chứa chính nó, mở rộng vô hạn", "en": "an alias contains itself and never ends"},
    "depth": {"vi": "lồng nhau sâu hơn {limit} cấp", "en": "nested deeper than {limit} levels"},
    "words-key": {
        "vi": "khóa '{key}' không hợp lệ (dùng: accept, confusions)",
        "en": "unknown key '{key}' (allowed: accept, confusions)",
    },
    "words-accept": {"vi": "accept phải là danh sách các từ", "en": "accept must be a list of words"},
    "words-confusions": {
        "vi": "confusions phải là các cặp 'viết sai: viết đúng'",
        "en": "confusions must map a wrong phrase to the right one",
    },
    "words-root": {
        "vi": "tệp phải là nhóm khóa accept/confusions",
        "en": "the file must be a mapping of accept/confusions",
    },
    "unit-needed": {
        "vi": "chỉ tiêu giao cho từng đơn vị, kết quả cần ghi unit",
        "en": "a per-unit target: the result needs its unit",
    },
    "baseline-measure": {
        "vi": "chỉ tiêu đo bằng '{measure}' không có mốc xuất phát (baseline chỉ dùng cho count, percent)",
        "en": "a '{measure}' target has no starting figure (baseline is for count and percent only)",
    },
    "baseline-per-unit": {
        "vi": "chỉ tiêu giao cho từng đơn vị: mỗi đơn vị có mốc riêng, một baseline chung không dùng được",
        "en": "a per-unit target: each unit starts from its own figure, one baseline cannot serve them all",
    },
    "baseline-value": {
        "vi": "mốc xuất phát {value} không hợp với cách đo '{measure}' (count cần số nguyên không âm; "
        "percent cần số trong khoảng 0–100)",
        "en": "starting figure {value} does not suit measure '{measure}' (count takes a whole number ≥ 0; "
        "percent a number within 0–100)",
    },
    "unit-unneeded": {
        "vi": "chỉ tiêu chung, kết quả không ghi unit",
        "en": "a plan-wide target: the result names no unit",
    },
    "unit-needed-sum": {
        "vi": "chỉ tiêu cộng từ số liệu các đơn vị (from_units), kết quả cần ghi unit",
        "en": "a target made of its units' figures (from_units): the result needs its unit",
    },
    "from-units-per-unit": {
        "vi": "from_units cộng số liệu các đơn vị vào một mục tiêu chung, per_unit giao mục tiêu riêng cho "
        "từng đơn vị; chỉ dùng một trong hai",
        "en": "from_units adds the units' figures into one plan-wide goal, per_unit gives each unit its own "
        "goal; use one of them",
    },
    "from-units-measure": {
        "vi": "chỉ tiêu đo bằng '{measure}' không cộng được từ các đơn vị (from_units chỉ dùng cho count, percent)",
        "en": "a '{measure}' target cannot be made of its units' figures (from_units is for count and percent only)",
    },
    "from-units-no-units": {
        "vi": "không có đơn vị nào để cộng: khai báo units của kế hoạch hoặc units của chỉ tiêu",
        "en": "no units to add up: declare the plan's units or the target's units",
    },
    "results-root": {"vi": "tệp kết quả", "en": "the results file"},
    "csv-empty": {"vi": "tệp không có dòng số liệu nào", "en": "the file has no rows of figures"},
    "csv-extra": {
        "vi": "dòng có {count} ô, nhiều hơn {expected} cột của dòng tiêu đề",
        "en": "the row has {count} cells, more than the header's {expected} columns",
    },
    "csv-column": {
        "vi": "cột '{name}' không rõ (dùng: target, date, value, of, unit, amount, source, note hoặc "
        "chỉ tiêu, ngày, giá trị, tổng số, đơn vị, trị giá, nguồn, ghi chú)",
        "en": "unknown column '{name}' (use: target, date, value, of, unit, amount, source, note)",
    },
    "replace-none": {
        "vi": "--replace: chưa có kết quả nào của chỉ tiêu '{target}' ngày {date} để thay; bỏ --replace để thêm mới",
        "en": "--replace: target '{target}' has no result on {date} to replace; leave out --replace to add it",
    },
    "replace-none-unit": {
        "vi": "--replace: chưa có kết quả nào của chỉ tiêu '{target}', đơn vị {unit}, ngày {date} để thay; "
        "bỏ --replace để thêm mới",
        "en": "--replace: target '{target}' has no result of unit {unit} on {date} to replace; "
        "leave out --replace to add it",
    },
    "csv-twice": {"vi": "cột '{name}' có hai lần", "en": "column '{name}' appears twice"},
    "csv-missing": {"vi": "thiếu cột {name}", "en": "the column {name} is missing"},
    "field-empty": {"vi": "{field} để trống", "en": "{field} is empty"},
    "xlsx-unreadable": {
        "vi": "không đọc được tệp Excel (.xlsx): tệp hỏng hoặc không phải sổ tính Excel",
        "en": "cannot read the Excel file (.xlsx): damaged, or not an Excel workbook",
    },
    "xlsx-bomb": {
        "vi": "tệp Excel giải nén ra quá lớn ({member}): không đọc",
        "en": "the Excel file unpacks to too much ({member}): not read",
    },
    "field-unit-unknown": {
        "vi": "không có đơn vị nào tên '{value}' trong kế hoạch; các đơn vị: {choices}",
        "en": "no unit of the plan is named '{value}'; the units: {choices}",
    },
    "field-unit-ambiguous": {
        "vi": "'{value}' có thể là nhiều đơn vị: {choices}; ghi mã (id) hoặc tên đầy đủ",
        "en": "'{value}' could be several units: {choices}; write the id or the full name",
    },
    "field-date": {
        "vi": "date '{value}' không phải ngày có thật (dùng YYYY-MM-DD hoặc dd/mm/yyyy)",
        "en": "date '{value}' is not a real day (use YYYY-MM-DD or dd/mm/yyyy)",
    },
    "field-value": {
        "vi": "value '{value}' không đọc được (ví dụ: 96, trên 90%, gần 1.500, có/không)",
        "en": "cannot read value '{value}' (e.g. 96, trên 90%, gần 1.500, có/không)",
    },
    "field-of": {"vi": "of '{value}' phải là số nguyên dương", "en": "of '{value}' must be a whole number"},
    "field-amount": {
        "vi": "amount '{value}' không đọc được (ví dụ: gần 6 tỷ đồng, 800 triệu)",
        "en": "cannot read amount '{value}' (e.g. gần 6 tỷ đồng, 800 triệu)",
    },
    "not-docx": {"vi": "không phải tệp Word .docx đọc được", "en": "not a readable Word .docx file"},
}


def word(key: str, /, **fill: Any) -> dict[str, str]:
    """A param value that messages show translated (plain strings are shown as written)."""
    return {lang: text.format(**fill) for lang, text in WORDS[key].items()}


def localize(value: Any, lang: str) -> Any:
    if isinstance(value, Mapping) and lang in value:
        return value[lang]
    return value


# The status rules of `thidua track`, written once: `track --help` and the README show them.
STATUS_RULES = {
    "en": """\
Each target's window runs from the start of the campaign period (or the issue date; a target
with a dated baseline: the baseline's date) to its due date (or the end of the period); the
elapsed share is the part of that window gone by on the --as-of date (default: today). The
latest figure on or before that date counts.
  met       the figure reaches the goal ("trên 90%" reaches 90%, "gần 90%" does not); a yes/no
            target is done; a growth target's average yearly growth reaches the goal and its
            due date has come.
  overdue   past the due date and not met (also with no figure at all).
  on-track  not met yet, but the share of the goal achieved is at least the elapsed share
            (a yes/no target not done yet is on track until its due date; a growth target
            whose average growth so far reaches the goal is on track until its due date).
  behind    the share achieved is below the elapsed share (growth: the average is below the goal).
  no-data   no figure recorded yet (growth: fewer than two years).
Achieved: percent = figure / goal (a percent with `of` is value / of first); count = value /
goal; a count or percent with a baseline = (figure - baseline) / (goal - baseline); growth =
average yearly growth, (last / first) ^ (1 / years) - 1, over the goal; yes/no = 100% when done.
A per-unit target shows each unit, counts the units that met it, and takes the status of its
furthest-behind unit (overdue, behind, no-data, on-track, met).
A plan-wide target with `from_units: true` is measured on its units' figures: each counted unit's
latest figure, added up (count: the sum; percent: sum of value / sum of of); units with no figure
yet are listed as missing and the total says how many units it counts.
A target that child plans contribute to (their targets' `contributes`, roll-up) is measured the
same way on the children's figures: each child's latest figure (a child's own total when its
children contribute to it), added up.""",
    "vi": """\
Thời gian của mỗi chỉ tiêu tính từ ngày bắt đầu kỳ thi đua (hoặc ngày ban hành; chỉ tiêu có
mốc xuất phát ghi ngày: từ ngày của mốc) đến hạn của chỉ tiêu (hoặc ngày kết thúc kỳ); tỷ lệ
thời gian đã qua là phần thời gian đó đã trôi qua tính đến ngày --as-of (mặc định: hôm nay).
Số liệu mới nhất đến ngày đó được tính.
  met       (đạt) số liệu đạt mục tiêu ("trên 90%" là đạt 90%, "gần 90%" là chưa); chỉ tiêu
            có/không đã thực hiện; chỉ tiêu tăng trưởng có mức tăng bình quân đạt mục tiêu và
            đã đến hạn.
  overdue   (quá hạn) đã qua hạn mà chưa đạt (kể cả khi chưa có số liệu).
  on-track  (đúng tiến độ) chưa đạt nhưng tỷ lệ hoàn thành không thấp hơn tỷ lệ thời gian đã
            qua (chỉ tiêu có/không chưa thực hiện thì đúng tiến độ cho đến hạn; chỉ tiêu tăng
            trưởng có mức tăng bình quân đạt mục tiêu thì đúng tiến độ cho đến hạn).
  behind    (chậm) tỷ lệ hoàn thành thấp hơn tỷ lệ thời gian đã qua (tăng trưởng: bình quân
            thấp hơn mục tiêu).
  no-data   (chưa có số liệu) chưa ghi số liệu nào (tăng trưởng: chưa đủ hai năm).
Tỷ lệ hoàn thành: percent = số liệu / mục tiêu (có `of` thì lấy value / of trước); count =
value / mục tiêu; count, percent có mốc xuất phát = (số liệu - mốc) / (mục tiêu - mốc); growth
= mức tăng bình quân năm, (cuối / đầu) ^ (1 / số năm) - 1, so với mục tiêu; có/không = 100%
khi đã thực hiện. Chỉ tiêu giao từng đơn vị thì hiện từng đơn vị, đếm số đơn vị đạt, và lấy
trạng thái của đơn vị chậm nhất (overdue, behind, no-data, on-track, met).
Chỉ tiêu chung có `from_units: true` được tính trên số liệu của các đơn vị: số liệu mới nhất của
từng đơn vị được cộng lại (count: tổng; percent: tổng value / tổng of); đơn vị chưa có số liệu
được ghi là chưa báo cáo và tổng ghi rõ bao nhiêu đơn vị được tính.
Chỉ tiêu mà kế hoạch cấp dưới đóng góp vào (`contributes` ở chỉ tiêu của chúng) được tính như vậy
trên số liệu của các kế hoạch cấp dưới: số liệu mới nhất của từng kế hoạch (là tổng của nó khi
nó cũng được cấp dưới của nó đóng góp), cộng lại.""",
}
