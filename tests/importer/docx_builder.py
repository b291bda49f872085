"""Build .docx plans the way Word saves them, for tests/test_import.py: automatic numbering from
numbering.xml instead of literal labels, the header in a table, tracked changes, a text box."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import parse_xml

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

# One list for the whole body, as a clerk's Word template has it: I. / 1. / 1.1. / a) / - / +
ABSTRACT = f"""<w:abstractNum {W} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
  <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
  <w:lvl w:ilvl="5"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="+"/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'
# A second instance of the same list that restarts the Arabic level at 1 (Word's "Restart at 1").
RESTART = f"""<w:num {W} w:numId="91"><w:abstractNumId w:val="90"/>
  <w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"""


def _numbered(paragraph, level: int, num: int = 90) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'))


def auto_numbered_plan(path: Path, *, tracked: bool = False, text_box: bool = False) -> Path:
    """A small plan whose labels all come from Word's numbering (the text has none)."""
    document = Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))
    numbering.append(parse_xml(NUM))
    numbering.append(parse_xml(RESTART))
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH"
    header.cell(0, 0).add_paragraph("CÔNG ĐOÀN NGÀNH GIÁO DỤC")
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    header.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    header.cell(1, 0).text = "Số: 07/KH-CĐN"
    header.cell(1, 1).text = "Ninh Bình, ngày 15 tháng 3 năm 2024"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Tổ chức phong trào thi đua trong công đoàn ngành Giáo dục năm 2024")
    document.add_paragraph(
        "Căn cứ Kế hoạch số 12/KH-LĐLĐ ngày 20/02/2024 của Liên đoàn Lao động tỉnh"
        " về tổ chức phong trào thi đua năm 2024;"
    )
    document.add_paragraph("Ban Thường vụ Công đoàn ngành xây dựng kế hoạch với các nội dung sau:")
    body = [
        (0, "MỤC ĐÍCH, YÊU CẦU"),
        (1, "Động viên đoàn viên thi đua dạy tốt, học tốt."),
        (1, "Khen thưởng kịp thời, đúng người, đúng thành tích."),
        (0, "CHỈ TIÊU"),
        (1, "100% công đoàn cơ sở xây dựng kế hoạch thi đua."),
        (1, "Kết nạp mới 1.500 đoàn viên."),
        (0, "NỘI DUNG THI ĐUA"),
        (1, "Thi đua dạy tốt:"),
        (2, "Đổi mới phương pháp giảng dạy."),
        (3, "Ứng dụng công nghệ thông tin trong từng tiết dạy."),
        (3, "Dự giờ, trao đổi kinh nghiệm trong tổ chuyên môn."),
        (4, "Mỗi giáo viên dự ít nhất 02 tiết mỗi tháng."),
        (5, "Ghi sổ dự giờ đầy đủ."),
        (2, "Tự bồi dưỡng chuyên môn, nghiệp vụ."),
        (1, "Thi đua học tốt."),
        (0, "THỜI GIAN THI ĐUA"),
        (1, "Đợt 1: Từ ngày 15/3/2024 đến 30/6/2024: Thi đua chào mừng các ngày lễ lớn."),
        (1, "Đợt 2: Từ ngày 01/7/2024 đến 31/12/2024: Thi đua hoàn thành nhiệm vụ năm học."),
        (0, "TỔ CHỨC THỰC HIỆN"),
    ]
    # Section titles take their numbering from a paragraph style, as Word's Heading styles do.
    from docx.enum.style import WD_STYLE_TYPE

    heading = document.styles.add_style("Muc La Ma", WD_STYLE_TYPE.PARAGRAPH)
    heading.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
    )
    for level, text in body:
        if level == 0:
            document.add_paragraph(text, style=heading)
        else:
            _numbered(document.add_paragraph(text), level)
    for text in ("Công đoàn ngành triển khai kế hoạch.", "Công đoàn cơ sở đăng ký thi đua."):
        _numbered(document.add_paragraph(text), 1, num=91)  # restarts at 1 under section V
    closing = document.add_paragraph("Trên đây là kế hoạch")
    if tracked:  # " tổ chức" inserted, " cũ" deleted: read as if both were accepted
        closing._p.append(
            parse_xml(
                f'<w:ins {W} w:id="1" w:author="A" w:date="2024-03-01T00:00:00Z"><w:r><w:t xml:space="preserve">'
                " tổ chức</w:t></w:r></w:ins>"
            )
        )
    else:
        closing.add_run(" tổ chức")
    closing.add_run(" phong trào thi đua năm 2024./.")
    if tracked:
        first = document.paragraphs[1]._p  # the title: a word deleted, another inserted
        first.append(
            parse_xml(
                f'<w:del {W} w:id="2" w:author="A" w:date="2024-03-01T00:00:00Z"><w:r><w:delText>'
                " cũ</w:delText></w:r></w:del>"
            )
        )
    if text_box:
        holder = document.add_paragraph("")
        holder._p.append(
            parse_xml(
                f'<w:r {W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
                'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
                'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
                '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
                "<w:p><w:r><w:t>TM. BAN THƯỜNG VỤ</w:t></w:r></w:p>"
                "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
                "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>TM. BAN THƯỜNG VỤ</w:t></w:r></w:p>"
                "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
            )
        )
    document.add_paragraph("CHỦ TỊCH")
    document.add_paragraph("Nguyễn Thị Hoa")
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("- LĐLĐ tỉnh;")
    document.add_paragraph("- Lưu: VT.")
    document.save(str(path))
    return path
