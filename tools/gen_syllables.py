"""Regenerate thidua/text/syllables.txt, the list of Vietnamese syllables in use.

Run by hand; the output is committed. Sources (each allows redistribution; notices in
thidua/text/SYLLABLES-NOTICE.md):
- the Vietnamese word list of Tesseract's tessdata_fast `vie` model (Apache-2.0), from the Debian
  packages tesseract-ocr and tesseract-ocr-vie, unpacked with combine_tessdata and dawg2wordlist;
- the kVietnamese readings of the Unicode Han Database (Unicode License), from the Debian
  package unicode-data;
- with `--words DIR`, the syllables that both word lists TX09's compounds come from use
  (`Viet74K.txt` from the underthesea wheel, Apache-2.0; `words.txt` from the pyvi wheel, MIT;
  see tools/gen_compounds.py): two lists made apart agreeing on a syllable is the evidence that it
  is in use (`phích` of áp phích, `buồm`, `ngáp`), which the OCR list and Unihan both missed.
A word is kept when it is one syllable that `thidua.text.syllables.analyse` reads as well-formed
(this drops the web debris the OCR list also holds: mojibake, run-together words, English).
Each line is the syllable's placement-independent key (base + tone digit); syllables seen in the
example campaigns carry their count, which ranks suggestions.
"""

from __future__ import annotations

import argparse
import bz2
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from thidua.text.syllables import analyse  # noqa: E402

TESSDATA = Path("/usr/share/tesseract-ocr/5/tessdata/vie.traineddata")
UNIHAN = Path("/usr/share/unicode/Unihan_Readings.txt.bz2")
OUT = ROOT / "thidua" / "text" / "syllables.txt"
# Syllables in use that both sources miss, written down by thidua's authors (project licence):
# loanwords of administrative text (vắc-xin, ăng-ten), interjections and syllables without an
# onset, and reduplicatives. Gaps were found by checking Vietnamese text (the seeds, Debian's
# vi translations) against the list; only syllables the authors know to be in use were added.
SUPPLEMENT = """
vắc ăng ngoằn ngoèo oẳn khuỵu loằng ngoằng xoẹt uỵch nguẩy chíp chíu xịu rít lích thoắt loạng choạng
uể oải xuềnh nguệch ngoạc quềnh khuềnh khoàng nhòe nhoè ỉu ọp ẹp ẻo đượm khấp khểnh lù giễu rộp
ổ á ơ ối ợ ừ ờ ừm ạ ồ ô ớ ẳng ẻn ẹo ỡm ũn ĩn ụp ẹt ỉn ọc ạch ịch ợt ọt quít
rập trệch thụt chẵn rốc véc đanh khoát lơi bốt rê rơ đét xéc sê pê nê bíp béc đúp tuốc găm tút phạn
síp lúp kít chóc dăm réo xém chực chừa thình dặt khắng trơ bợ kháo tánh nới rúp oát
ổi ổn ổng ốm ồm ộp ốp ộc ốc ồng ồn ộn ổ ỗ ội ồi ỏi ói òi õi ọi ỏn ón ọn óc ót ọt ỏm óm òm
ủa ùa úa ụa ủi ùi úi ụi ủn ùn ụn úng ùng ủng ũng ụng úc ục út ụt úp ụp
ứa ừa ửa ựa ứng ừng ửng ững ựng ực ức ứt ưỡn ườn ưỡng ướt ướp ượt
ạc ách ạp át ạt ắt ắc ặc ắp ặp ắn ằn ẳn ặn ắm ằm ẵm ặm ấc ấp ập ất ật ẩn ận ẫn ầm ẩm ậm ấu ầu ẩu ậu ấy ầy ẩy ẫy ậy
éc ẹc ép ét ém èm ẻm én èn ẽn ẹn éo èo ẽo ế ề ể ễ ệ ếch ệch ết ệt ếm ềm ển ễn ện ếnh ềnh ểnh ệnh ếu ều ểu
ỉa ím ìm ỉm ín ìn ỉn ính ình ỉnh ĩnh ịnh íu ìu ỉu ích ịch ít ịt íp ịp
ỳ ỷ ỹ ỵ yểm yếm yểu yết oà oả oạ oác oạc oách oạch oái oài oải oán oàn oản oạn oáng oàng oảng oánh oành oát oạt oắt oặt oằn
óe òe ỏe ọe oẹt uế uể uệ úy ùy ủy ụy uỳnh uých uỵch uyển uất uẩn uấn
"""


def tesseract_words() -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "vie."
        subprocess.run(["combine_tessdata", "-u", str(TESSDATA), str(prefix)], check=True, capture_output=True)
        out = Path(tmp) / "words.txt"
        subprocess.run(
            ["dawg2wordlist", f"{prefix}lstm-unicharset", f"{prefix}lstm-word-dawg", str(out)],
            check=True,
            capture_output=True,
        )
        return out.read_text(encoding="utf-8").split()


def unihan_words() -> list[str]:
    words = []
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as handle:
        for line in handle:
            if "\tkVietnamese\t" in line:
                words.extend(line.rstrip("\n").split("\t")[2].split())
    return words


def word_list_syllables(folder: Path) -> set[str]:
    """The lower-case syllables that both Viet74K.txt and words.txt in `folder` use."""
    seen = []
    for name in ("Viet74K.txt", "words.txt"):
        text = unicodedata.normalize("NFC", (folder / name).read_text(encoding="utf-8"))
        # A capital starts a name (A-đam, Hà Nội): only words written in small letters are read.
        seen.append({s for s in re.split(r"[\s_\-]+", text) if s.isalpha() and s.islower()})
    return seen[0] & seen[1]


def campaign_counts() -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in (ROOT / "campaigns").rglob("*.yaml"):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8")).lower()
        for word in re.findall(r"[^\W\d_]+", text):
            syllable = analyse(word)
            if syllable.valid and not word.isascii():
                counts[syllable.key] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=Path, help="a folder holding Viet74K.txt and words.txt")
    args = parser.parse_args()
    listed = sorted(word_list_syllables(args.words)) if args.words else []
    keys: set[str] = set()
    for word in [*tesseract_words(), *unihan_words(), *SUPPLEMENT.split(), *listed]:
        word = unicodedata.normalize("NFC", word).lower()
        if word.isalpha():
            syllable = analyse(word)
            if syllable.valid:
                keys.add(syllable.key)
    counts = campaign_counts()
    lines = [
        "# Vietnamese syllables in use, as base + tone digit (0 ngang, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng).",
        "# Generated by tools/gen_syllables.py from Tesseract's vie word list (Apache-2.0), the Unihan",
        "# kVietnamese readings (Unicode License), the authors' supplement and the syllables both",
        "# underthesea's Viet74K (Apache-2.0) and pyvi's word list (MIT) use; see SYLLABLES-NOTICE.md.",
        "# A number after a key is how often the example campaigns use it (ranks suggestions).",
    ]
    for key in sorted(keys):
        lines.append(f"{key} {counts[key]}" if counts[key] else key)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    unseen = sorted(k for k in counts if k not in keys)
    print(f"{len(keys)} syllables; in the campaigns but not in the list: {unseen}")


if __name__ == "__main__":
    main()
