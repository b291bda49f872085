"""libyaml's complaints worded for users (Vietnamese and English), for the loader's YA problems."""

from __future__ import annotations

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
