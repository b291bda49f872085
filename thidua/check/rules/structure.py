"""SC: the data does not fit the plan schema (reported by validate.py)."""

from thidua.check.rule import Rule
from thidua.findings import Severity

E = Severity.error

RULES = (
    Rule(
        "SC01",
        "schema.missing",
        E,
        summary={"vi": "Thiếu trường bắt buộc", "en": "A required field is missing"},
        message={
            "vi": "thiếu trường bắt buộc '{field}' trong {parent}",
            "en": "missing required field '{field}' in {parent}",
        },
        why={
            "vi": "Một số thông tin văn bản nào cũng phải có: cơ quan ban hành (issuer.name), trích "
            "yếu (document.title), ít nhất một phần (sections); mỗi chỉ tiêu có id, text, measure, goal.",
            "en": "Some facts every document needs: the issuing body (issuer.name), the title "
            "(document.title), at least one section; every target needs id, text, measure, goal.",
        },
        bad="- target:\n    id: mo-hinh-diem\n    text: Mỗi LĐLĐ huyện xây dựng ít nhất 01 mô hình điểm.\n    measure: count\n",
        good="- target:\n    id: mo-hinh-diem\n    text: Mỗi LĐLĐ huyện xây dựng ít nhất 01 mô hình điểm.\n    measure: count\n    goal: 1\n",
    ),
    Rule(
        "SC02",
        "schema.type",
        E,
        summary={"vi": "Giá trị sai kiểu", "en": "A value of the wrong type"},
        message={"vi": "{where}: cần {expected}, nhưng gặp {got}", "en": "{where}: expected {expected}, got {got}"},
        why={
            "vi": "Mỗi trường có một kiểu: văn bản, số, true/false, danh sách… YAML hiểu 'yes' là văn "
            "bản, '58' trong ngoặc kép là văn bản; thidua không đoán thay người viết.",
            "en": "Each field has a type: text, number, true/false, list… thidua does not guess "
            "what a value of another type was meant to be.",
        },
        bad="- target:\n    id: mo-hinh-diem\n    text: Mỗi LĐLĐ huyện xây dựng ít nhất 01 mô hình điểm.\n    measure: count\n    goal: 1\n    per_unit: có\n",
        good="- target:\n    id: mo-hinh-diem\n    text: Mỗi LĐLĐ huyện xây dựng ít nhất 01 mô hình điểm.\n    measure: count\n    goal: 1\n    per_unit: true\n",
    ),
    Rule(
        "SC03",
        "schema.unknown-key",
        E,
        summary={"vi": "Khóa không có trong lược đồ", "en": "A key the schema does not know"},
        message={"vi": "khóa không hợp lệ '{key}'", "en": "unknown key '{key}'"},
        hint={"vi": " — có phải ý bạn là '{suggestion}'?", "en": " — did you mean '{suggestion}'?"},
        why={
            "vi": "Một khóa gõ sai (titel thay vì title) sẽ bị bỏ qua khi in văn bản; thidua báo ngay "
            "và gợi ý khóa gần nhất.",
            "en": "A misspelt key (titel for title) would be silently left out of the document; "
            "thidua reports it and suggests the closest key.",
        },
        bad="document:\n  titel: Thi đua năm 2021\n",
        good="document:\n  title: Thi đua năm 2021\n",
    ),
    Rule(
        "SC04",
        "schema.date",
        E,
        summary={"vi": "Ngày không hợp lệ", "en": "An invalid date"},
        message={
            "vi": "{where}: ngày không hợp lệ '{value}' ({reason}); viết theo dạng NNNN-TT-NN, ví dụ 2021-02-22",
            "en": "{where}: invalid date '{value}' ({reason}); write YYYY-MM-DD, e.g. 2021-02-22",
        },
        why={
            "vi": "Ngày trong tệp kế hoạch viết theo ISO NNNN-TT-NN để máy hiểu được và không nhầm "
            "ngày/tháng; khi in, thidua tự chuyển sang 'ngày 22 tháng 02 năm 2021'. Ngày không tồn "
            "tại (30/02) cũng bị báo.",
            "en": "Dates in a plan file are ISO YYYY-MM-DD so that day and month cannot be confused; "
            "thidua prints them as 'ngày 22 tháng 02 năm 2021'. Days that do not exist (30 Feb) are reported.",
        },
        bad="document:\n  date: 2021-02-30\n",
        good="document:\n  date: 2021-02-22\n",
    ),
    Rule(
        "SC05",
        "schema.value",
        E,
        summary={"vi": "Giá trị không thuộc các giá trị cho phép", "en": "A value outside the allowed ones"},
        message={
            "vi": "{where}: giá trị không hợp lệ '{value}' ({detail})",
            "en": "{where}: invalid value '{value}' ({detail})",
        },
        why={
            "vi": "Một số trường chỉ nhận các giá trị định sẵn, ví dụ kind của một phần (purpose, "
            "targets, content, phases, measures, awards, organisation, other) hay measure của chỉ tiêu.",
            "en": "Some fields take only set values, e.g. a section's kind (purpose, targets, "
            "content, phases, measures, awards, organisation, other) or a target's measure.",
        },
        bad="sections:\n  - kind: muc-dich\n    title: MỤC ĐÍCH, YÊU CẦU\n",
        good="sections:\n  - kind: purpose\n    title: MỤC ĐÍCH, YÊU CẦU\n",
    ),
    Rule(
        "SC06",
        "schema.title-or-text",
        E,
        summary={"vi": "Mục cần đúng một trong title hoặc text", "en": "An item needs exactly one of title or text"},
        message={
            "vi": "{where}: một mục cần đúng một trong hai khóa 'title' (tiêu đề) hoặc 'text' (câu văn)",
            "en": "{where}: an item needs exactly one of 'title' (a heading) or 'text' (a sentence)",
        },
        why={
            "vi": "Mục đánh số là tiêu đề (in đậm, như '1. Liên đoàn Lao động tỉnh.') hoặc câu văn "
            "(in thường). Thiếu cả hai thì không có gì để in; có cả hai thì không rõ in thế nào.",
            "en": "A numbered item is a heading (bold) or a sentence (plain). With neither there is "
            "nothing to print; with both, how to print it is unclear.",
        },
        bad="items:\n  - unit: ldld-tinh\n    items:\n      - Xây dựng kế hoạch.\n",
        good="items:\n  - title: Liên đoàn Lao động tỉnh.\n    unit: ldld-tinh\n    items:\n      - Xây dựng kế hoạch.\n",
    ),
    Rule(
        "SC07",
        "schema.id",
        E,
        summary={"vi": "Mã định danh không đúng dạng", "en": "A malformed id"},
        message={
            "vi": "{where}: mã '{value}' chỉ được gồm chữ thường không dấu, số và dấu '-'",
            "en": "{where}: id '{value}' may only hold lowercase letters, digits and '-'",
        },
        why={
            "vi": "Mã chỉ tiêu và mã đơn vị được dùng lại trong tệp kết quả và khi so sánh các năm, "
            "nên phải ổn định và dễ gõ: chữ thường không dấu, số, dấu gạch nối.",
            "en": "Target and unit ids are reused by results files and by diff across years, so "
            "they must be stable and easy to type: lowercase ASCII, digits, hyphens.",
        },
        bad="target:\n  id: Mô hình điểm\n",
        good="target:\n  id: mo-hinh-diem\n",
    ),
)
