"""YA: problems found while reading the file, before its data means anything.

YA09–YA13 are the traps of prose in YAML (a sentence with ': ', an opening quote, a leading '@',
a ' #' or an indented '- ' inside text): found on the line where reading failed, on a value the
schema refused, or (the two warnings) while reading the text.
"""

from thidua.check.rule import Rule
from thidua.findings import Severity

E = Severity.error
W = Severity.warning
FIX = {"vi": " — sửa thành: {suggestion}", "en": " — write: {suggestion}"}

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
        bad='a: &a ["x","x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]  # six lines: a million values\n',
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
    Rule(
        "YA09",
        "yaml.colon-in-text",
        E,
        summary={
            "vi": "Câu có ': ' bị đọc thành khóa",
            "en": "A sentence with ': ' read as a key",
        },
        message={
            "vi": "câu có dấu ': ' nên YAML đọc thành khóa ('{key}') — hãy đặt cả câu trong dấu nháy kép",
            "en": "a sentence with ': ' reads as a key in YAML ('{key}') — put the whole sentence in double quotes",
        },
        hint=FIX,
        why={
            "vi": "Trong YAML, ': ' (hai chấm rồi dấu cách) tách khóa với giá trị. Câu 'Mục đích: Tuyên "
            "truyền …' hay 'Lưu: VT' vì thế thành một cặp khóa 'Mục đích' với giá trị, không còn là câu; "
            "thidua trước đây chỉ báo 'khóa không hợp lệ'. Đặt cả câu trong dấu nháy kép thì dấu ':' "
            "chỉ là chữ. Một tiêu đề kết thúc bằng ':' có các mục con viết là 'title: \"…:\"' với 'items:'.",
            "en": "In YAML ': ' (a colon and a space) separates a key from its value, so a sentence such "
            "as 'Mục đích: Tuyên truyền …' or 'Lưu: VT' becomes a key with a value rather than text. "
            "In double quotes the colon is just a character. A heading ending in ':' over sub-items is "
            "written 'title: \"…:\"' with 'items:'.",
        },
        bad="sections:\n  - kind: purpose\n    title: MỤC ĐÍCH, YÊU CẦU\n    items:\n"
        "      - Mục đích: Tuyên truyền sâu rộng trong đoàn viên, CNVCLĐ.\n",
        good="sections:\n  - kind: purpose\n    title: MỤC ĐÍCH, YÊU CẦU\n    items:\n"
        '      - "Mục đích: Tuyên truyền sâu rộng trong đoàn viên, CNVCLĐ."\n',
    ),
    Rule(
        "YA10",
        "yaml.quote-then-text",
        E,
        summary={
            "vi": "Câu mở đầu bằng dấu nháy thẳng",
            "en": "Text opening with a straight quote",
        },
        message={
            "vi": "{what} (YAML dừng ở dấu {quote} đóng) — hãy đặt cả câu trong {fix}",
            "en": "{what} (YAML stops at the closing {quote}) — put the whole sentence in {fix}",
        },
        hint=FIX,
        why={
            "vi": "Một giá trị mở đầu bằng \" hoặc ' là chuỗi trong dấu nháy: dấu nháy cùng loại tiếp "
            "theo kết thúc nó, và phần còn lại của dòng ('được tổ chức …') không đọc được. libyaml chỉ "
            "báo 'thiếu dấu -' hay 'thụt lề không đều'. Hãy bọc cả câu bằng loại nháy kia, hoặc dùng "
            "dấu nháy cong “…” như văn bản in, vốn chỉ là chữ với YAML.",
            "en": "A value that starts with \" or ' is a quoted string: the next quote of the same kind "
            "ends it, and the rest of the line ('được tổ chức …') cannot be read; libyaml only says a "
            "'-' is missing or the indentation is uneven. Wrap the whole sentence in the other kind "
            "of quote, or use curly quotes “…” as printed text does, which YAML reads as text.",
        },
        bad="sections:\n  - kind: content\n    title: NỘI DUNG THI ĐUA\n    items:\n"
        '      - "Tháng Công nhân" được tổ chức hằng năm vào tháng 5.\n',
        good="sections:\n  - kind: content\n    title: NỘI DUNG THI ĐUA\n    items:\n"
        "      - “Tháng Công nhân” được tổ chức hằng năm vào tháng 5.\n",
    ),
    Rule(
        "YA11",
        "yaml.reserved-start",
        E,
        summary={
            "vi": "Câu bắt đầu bằng ký tự dành riêng",
            "en": "Text starting with @ ` % * [ …",
        },
        message={
            "vi": "câu bắt đầu bằng '{char}', ký tự YAML dành riêng — hãy đặt cả câu trong dấu nháy kép",
            "en": "the sentence starts with '{char}', which YAML reserves — put the whole sentence in double quotes",
        },
        hint=FIX,
        why={
            "vi": "Ở đầu một giá trị, YAML dành '@' và '`' cho sau này, '%' cho chỉ thị, '*' và '&' cho "
            "alias, '|' và '>' cho khối văn bản, '[' và '{' cho danh sách và nhóm khóa viết trên một "
            "dòng. Một câu mở đầu bằng chúng (tên trang mạng, '[Dự thảo]', '*Lưu ý') không đọc được "
            "hoặc bị đọc thành thứ khác; trong dấu nháy kép chúng chỉ là chữ.",
            "en": "At the start of a value YAML reserves '@' and '`', uses '%' for directives, '*' and "
            "'&' for aliases, '|' and '>' for blocks, '[' and '{' for one-line lists and mappings. A "
            "sentence starting with one ('@page', '[Dự thảo]', '*Lưu ý') cannot be read or reads as "
            "something else; in double quotes they are just characters.",
        },
        bad="sections:\n  - kind: content\n    title: NỘI DUNG THI ĐUA\n    items:\n"
        "      - [Dự thảo] Kế hoạch tổ chức Hội nghị biểu dương điển hình tiên tiến.\n",
        good="sections:\n  - kind: content\n    title: NỘI DUNG THI ĐUA\n    items:\n"
        '      - "[Dự thảo] Kế hoạch tổ chức Hội nghị biểu dương điển hình tiên tiến."\n',
    ),
    Rule(
        "YA12",
        "yaml.comment-in-text",
        W,
        summary={
            "vi": "Câu bị cắt ở ' #' thành chú thích",
            "en": "A sentence cut at ' #' as a comment",
        },
        message={
            "vi": "YAML coi ' #' là đầu chú thích nên '{comment}' bị bỏ khỏi câu — nếu đó là một phần "
            "của câu, hãy đặt cả câu trong dấu nháy kép; nếu là chú thích, để hai dấu cách trước '#'",
            "en": "YAML takes ' #' as the start of a comment, so '{comment}' is left out of the text — if it "
            "belongs to the sentence, put the whole sentence in double quotes; if it is a comment, put two "
            "spaces before '#'",
        },
        why={
            "vi": "Một dấu cách rồi '#' mở đầu chú thích trong YAML: 'Kế hoạch số 58 #KH-LĐLĐ …' chỉ còn "
            "'Kế hoạch số 58', không báo lỗi nào, và văn bản in ra thiếu nửa câu. thidua cảnh báo khi "
            "'#' dính liền chữ sau nó, hoặc chỉ cách câu chưa hết một dấu cách; chú thích có chủ ý "
            "viết cách hai dấu cách (như yamllint yêu cầu) hoặc sau một câu đã có dấu chấm.",
            "en": "A space and '#' start a comment in YAML: 'Kế hoạch số 58 #KH-LĐLĐ …' silently becomes "
            "'Kế hoạch số 58' and the document prints half a sentence. thidua warns when the '#' is "
            "glued to the word after it, or only one space from an unfinished sentence; a deliberate "
            "comment stands two spaces away (as yamllint asks) or after a finished sentence.",
        },
        bad="sections:\n  - kind: content\n    title: NỘI DUNG THI ĐUA\n    items:\n"
        "      - Thực hiện Kế hoạch số 58 #KH-LĐLĐ của LĐLĐ tỉnh về thi đua năm 2021.\n",
        good="sections:\n  - kind: content\n    title: NỘI DUNG THI ĐUA\n    items:\n"
        '      - "Thực hiện Kế hoạch số 58 #KH-LĐLĐ của LĐLĐ tỉnh về thi đua năm 2021."\n',
    ),
    Rule(
        "YA13",
        "yaml.dash-in-text",
        W,
        summary={
            "vi": "Dòng '- ' bị nối vào câu phía trên",
            "en": "A '- ' line joined to a sentence",
        },
        message={
            "vi": "dòng bắt đầu bằng '- ' được nối vào câu phía trên, không thành mục con — mục con cần "
            "'title:' (hoặc 'text:') và 'items:'; nếu dấu gạch thuộc câu, hãy đưa nó lên cùng dòng",
            "en": "a line starting with '- ' is joined to the sentence above, not a sub-item — sub-items need "
            "'title:' (or 'text:') and 'items:'; if the dash belongs to the sentence, keep it on the line above",
        },
        why={
            "vi": "Trong YAML, các dòng thụt sâu hơn ngay dưới một câu (hay trong khối '>') là phần tiếp "
            "của câu đó: '- Nghị quyết …' thụt vào dưới một mục không tạo mục con mà dính vào câu "
            "thành '… CNVCLĐ - Nghị quyết …', không lỗi nào báo.",
            "en": "In YAML, more-indented lines under a sentence (or inside a '>' block) continue it: a "
            "'- Nghị quyết …' line indented under an item does not make a sub-item but is glued to the "
            "sentence as '… CNVCLĐ - Nghị quyết …', with no error at all.",
        },
        bad="sections:\n  - kind: content\n    title: NỘI DUNG THI ĐUA\n    items:\n"
        "      - Tuyên truyền sâu rộng trong đoàn viên, CNVCLĐ\n"
        "        - Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII.\n",
        good="sections:\n  - kind: content\n    title: NỘI DUNG THI ĐUA\n    items:\n"
        "      - title: Tuyên truyền sâu rộng trong đoàn viên, CNVCLĐ\n"
        "        items:\n          - Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII.\n",
    ),
)
