"""YA: problems found while reading the file, before its data means anything."""

from thidua.findings import Severity
from thidua.rules import Rule

E = Severity.error

# libyaml's most common complaints, in Vietnamese (others are shown as libyaml says them).
YAML_PROBLEMS_VI = {
    "mapping values are not allowed in this context": "không được dùng ':' ở đây (văn bản có dấu ':' cần đặt trong ngoặc kép)",
    "mapping values are not allowed here": "không được dùng ':' ở đây (văn bản có dấu ':' cần đặt trong ngoặc kép)",
    "did not find expected key": "không tìm thấy khóa như mong đợi (thụt lề không đều?)",
    "did not find expected ',' or ']'": "thiếu ',' hoặc ']'",
    "did not find expected ',' or '}'": "thiếu ',' hoặc '}'",
    "did not find expected '-' indicator": "thiếu dấu '-' của danh sách (thụt lề không đều?)",
    "found unexpected end of stream": "tệp kết thúc khi chưa đóng ngoặc kép hoặc ngoặc",
    "found character that cannot start any token": "gặp ký tự không thể mở đầu một giá trị (tab, '@' hoặc '`'?)",
    "found a tab character where an indentation space is expected": "dùng tab để thụt lề; hãy dùng dấu cách",
    "found a tab character that violates indentation": "dùng tab để thụt lề; hãy dùng dấu cách",
    "block sequence entries are not allowed in this context": "không được mở danh sách '- ' ở đây",
    "could not find expected ':'": "thiếu ':' sau khóa",
    "found unknown escape character": "ký tự thoát '\\' không hợp lệ trong chuỗi ngoặc kép",
    "found undefined alias": "dùng alias chưa được định nghĩa",
    "a key must be plain text": "khóa phải là văn bản đơn",
    "but found another document": "tệp chứa nhiều văn bản YAML (dấu '---' thứ hai); mỗi tệp một kế hoạch",
    "expected a single document in the stream": "tệp chứa nhiều văn bản YAML; mỗi tệp một kế hoạch",
}


# libyaml ≥ 0.2.6 bounds nesting itself (1000 levels, in the scanner's lookahead) and says so in
# these words; it is the depth that thidua bounds (YA07), not a syntax error (YA01).
LIBYAML_DEPTH_PROBLEMS = frozenset({"exceeded maximum nesting depth"})


def is_depth_problem(problem: str | None) -> bool:
    """Whether a YAML parser error is libyaml refusing to nest deeper."""
    return (problem or "").strip().lower() in LIBYAML_DEPTH_PROBLEMS


def shown_tag(tag: str) -> str:
    """'tag:yaml.org,2002:binary' -> '!!binary', as the user wrote it."""
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


def yaml_problem(problem: str) -> dict[str, str]:
    return {"vi": YAML_PROBLEMS_VI.get(problem, problem), "en": problem}


def yaml_context(line: int | None, column: int | None) -> dict[str, str]:
    if line is None:
        return {"vi": "", "en": ""}
    return {
        "vi": f" (phần bắt đầu ở dòng {line}, cột {column})",
        "en": f" (in what starts at line {line}, column {column})",
    }


RULES = (
    Rule(
        "YA01",
        "yaml.syntax",
        E,
        summary={"vi": "Tệp không phải YAML hợp lệ", "en": "The file is not valid YAML"},
        message={"vi": "YAML không hợp lệ: {problem}{context}", "en": "invalid YAML: {problem}{context}"},
        why={
            "vi": "thidua chỉ đọc được kế hoạch khi tệp đúng cú pháp YAML. Lỗi thường gặp: thụt lề "
            "không đều, dấu ':' trong văn bản mà không đặt trong ngoặc kép, ngoặc kép chưa đóng.",
            "en": "thidua can only read a plan written in valid YAML. Common causes: uneven "
            "indentation, a ':' inside unquoted text, an unclosed quote.",
        },
        bad='document:\n  title: "Thi đua năm 2021\n',
        good='document:\n  title: "Thi đua năm 2021"\n',
    ),
    Rule(
        "YA02",
        "yaml.duplicate-key",
        E,
        summary={"vi": "Một khóa xuất hiện hai lần", "en": "A key appears twice"},
        message={
            "vi": "khóa '{key}' bị lặp (đã có ở dòng {first_line})",
            "en": "duplicate key '{key}' (first at line {first_line})",
        },
        why={
            "vi": "Khi một khóa lặp lại, YAML chỉ giữ giá trị cuối cùng và lặng lẽ bỏ giá trị kia; "
            "thidua coi đó là lỗi để không mất nội dung nào.",
            "en": "With a repeated key YAML silently keeps the last value and drops the other; "
            "thidua refuses so that nothing is lost.",
        },
        bad="document:\n  title: Thi đua năm 2021\n  title: Thi đua năm 2022\n",
        good="document:\n  title: Thi đua năm 2022\n",
    ),
    Rule(
        "YA03",
        "yaml.root",
        E,
        summary={"vi": "Gốc của tệp không phải là nhóm khóa", "en": "The root is not a mapping"},
        message={
            "vi": "một kế hoạch phải là nhóm khóa (issuer:, document:, …), không phải {kind}",
            "en": "a plan must be a mapping (issuer:, document:, …), not {kind}",
        },
        why={
            "vi": "Kế hoạch gồm các phần có tên (issuer, document, sections…), nên gốc của tệp phải "
            "là một nhóm khóa: giá trị.",
            "en": "A plan is made of named parts (issuer, document, sections…), so the root must be a mapping.",
        },
        bad="- issuer: LĐLĐ tỉnh\n- document: Kế hoạch\n",
        good="issuer:\n  name: LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ\n",
    ),
    Rule(
        "YA04",
        "yaml.encoding",
        E,
        summary={"vi": "Tệp không mã hóa UTF-8", "en": "The file is not UTF-8"},
        message={
            "vi": "tệp không phải UTF-8 (byte 0x{byte}); hãy lưu lại với mã hóa UTF-8",
            "en": "the file is not UTF-8 (byte 0x{byte}); save it again as UTF-8",
        },
        why={
            "vi": "Tiếng Việt chỉ hiển thị đúng khi tệp được lưu bằng UTF-8 (Unicode, TCVN 6909:2001). "
            "Tệp lưu bằng TCVN3/VNI hoặc dữ liệu nhị phân sẽ bị đọc sai.",
            "en": "Vietnamese text is only read correctly from UTF-8 (Unicode, TCVN 6909:2001). "
            "Files saved in TCVN3/VNI or binary data would be garbled.",
        },
        bad="(a file saved in TCVN3 or VNI encoding)",
        good="(the same file saved as UTF-8)",
    ),
    Rule(
        "YA05",
        "yaml.empty",
        E,
        summary={"vi": "Tệp rỗng", "en": "The file is empty"},
        message={"vi": "tệp rỗng: không có kế hoạch nào", "en": "the file is empty: there is no plan"},
        why={
            "vi": "Một tệp .yaml trong thư mục kế hoạch mà không có nội dung thường là do lưu nhầm "
            "hoặc sao chép bị lỗi.",
            "en": "An empty .yaml file among the plans is usually a failed save or copy.",
        },
        bad="# chỉ có chú thích\n",
        good="issuer:\n  name: LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ\n",
    ),
    Rule(
        "YA06",
        "yaml.tag",
        E,
        summary={"vi": "Thẻ YAML không được phép", "en": "A YAML tag that is not allowed"},
        message={
            "vi": "thẻ YAML '{tag}' không được phép trong kế hoạch",
            "en": "the YAML tag '{tag}' is not allowed in a plan",
        },
        why={
            "vi": "Thẻ như !!python/object có thể tạo đối tượng hoặc chạy mã khi đọc tệp. Kế hoạch "
            "chỉ chứa văn bản, số, ngày, danh sách và nhóm khóa.",
            "en": "Tags such as !!python/object can construct objects or run code when a file is "
            "read. A plan holds only text, numbers, dates, lists and mappings.",
        },
        bad="document:\n  title: !!python/object/apply:os.system [echo]\n",
        good="document:\n  title: Thi đua năm 2021\n",
    ),
    Rule(
        "YA07",
        "yaml.too-large",
        E,
        summary={"vi": "Tệp quá lớn hoặc mở rộng alias quá mức", "en": "The file or its aliases are too large"},
        message={
            "vi": "tệp quá lớn để đọc an toàn: {what}",
            "en": "the file is too large to read safely: {what}",
        },
        why={
            "vi": "Vài dòng alias YAML lồng nhau có thể nở thành hàng tỷ phần tử và làm treo máy. "
            "thidua giới hạn kích thước để việc kiểm tra luôn nhanh và an toàn.",
            "en": "A few lines of nested YAML aliases can expand to billions of values and hang a "
            "machine. thidua bounds the size so that checking stays fast and safe.",
        },
        bad='a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n# … and so on for 9 levels\n',
        good="opening:\n  - Một đoạn mở đầu.\n",
    ),
    Rule(
        "YA08",
        "yaml.unreadable",
        E,
        summary={"vi": "Không đọc được tệp", "en": "The file cannot be read"},
        message={"vi": "không đọc được tệp: {reason}", "en": "cannot read the file: {reason}"},
        why={
            "vi": "Tệp không có quyền đọc, bị khóa hoặc là một thư mục đặc biệt.",
            "en": "The file has no read permission, is locked, or is not a regular file.",
        },
        bad="(a file without read permission)",
        good="(a readable file)",
    ),
)
