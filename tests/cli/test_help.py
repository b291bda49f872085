"""--help of every command and option: Vietnamese by default, English with --lang en or THIDUA_LANG=en."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from thidua.cli.app import app
from thidua.cli.help import CLICK_WORDS, HELP, lang_from_argv

COMMANDS = [
    "check",
    "rules",
    "explain",
    "render",
    "track",
    "record",
    "report",
    "awards",
    "diff",
    "textconv",
    "new",
    "import",
    "schema",
    "init",
]

# Words no Vietnamese help should contain, and every English one does (Click's or ours).
ENGLISH = re.compile(r"\b(the|and|or|with|Show|Options|Usage|Arguments|Commands|default|required|message|exit)\b")


def help_page(args: list[str], lang_env: str | None = None) -> str:
    env = {key: value for key, value in os.environ.items() if key != "THIDUA_LANG"}
    if lang_env is not None:
        env["THIDUA_LANG"] = lang_env
    result = subprocess.run(
        [sys.executable, "-m", "thidua", *args], capture_output=True, text=True, env={**env, "COLUMNS": "100"}
    )
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return result.stdout


def test_every_command_is_covered() -> None:
    registered = [info.name or info.callback.__name__ for info in app.registered_commands if info.callback]
    assert registered == COMMANDS


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_vietnamese_by_default(command: str) -> None:
    page = help_page([command, "--help"] if command else ["--help"])
    assert page.startswith("Cách dùng: "), page
    assert "Tùy chọn:" in page and "Hiện hướng dẫn này rồi thoát." in page
    assert ENGLISH.findall(page) == [], page


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_english_with_lang_en(command: str) -> None:
    page = help_page([command, "--help", "--lang", "en"] if command else ["--help", "--lang", "en"])
    assert page.startswith("Usage: "), page
    assert "Options:" in page and "Show this message and exit." in page
    assert "Cách dùng" not in page and "Tùy chọn" not in page
    assert len(ENGLISH.findall(page)) >= 3, page


def test_thidua_lang_and_the_equals_form_choose_the_language_too() -> None:
    assert help_page(["check", "--help"], lang_env="en").startswith("Usage:")
    assert help_page(["check", "--lang=en", "--help"]).startswith("Usage:")
    assert help_page(["check", "--help"], lang_env="vi").startswith("Cách dùng:")
    assert help_page(["check", "--help", "--lang", "vi"], lang_env="en").startswith("Cách dùng:")


def test_track_help_has_the_status_rules_in_its_language() -> None:
    vi, en = help_page(["track", "--help"]), help_page(["track", "--help", "--lang", "en"])
    assert "tỷ lệ hoàn thành thấp hơn tỷ lệ thời gian đã" in vi and "quá hạn" in vi
    assert "the share achieved is below the elapsed share" in en


def test_clicks_words_in_a_help_page_are_translated() -> None:
    page = help_page(["check", "--help"])
    assert "[mặc định: text]" in page and "[biến môi trường: THIDUA_LANG]" in page
    assert "[bắt buộc]" in help_page(["diff", "--help"])


@pytest.mark.parametrize(
    ("argv", "environ", "lang"),
    [
        ([], {}, "vi"),
        (["check", "--help"], {"THIDUA_LANG": "en"}, "en"),
        (["check", "--lang", "en"], {}, "en"),
        (["check", "--lang=en"], {"THIDUA_LANG": "vi"}, "en"),
        (["check", "--lang", "vi"], {"THIDUA_LANG": "en"}, "vi"),
        (["check", "--lang", "xx"], {}, "vi"),
        (["check", "--lang"], {}, "vi"),
        (["textconv", "--", "--lang=en"], {}, "vi"),
    ],
)
def test_the_help_language_comes_from_argv_then_the_environment(
    argv: list[str], environ: dict[str, str], lang: str
) -> None:
    assert lang_from_argv(argv, environ) == lang


def test_every_help_text_has_both_languages() -> None:
    for key, texts in HELP.items():
        assert set(texts) == {"vi", "en"} and all(text.strip() for text in texts.values()), key
    assert all("vi" in words for words in CLICK_WORDS.values())


def test_lang_before_the_command_is_the_same_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    monkeypatch.setenv("THIDUA_LANG", "vi")  # restored after the test: --lang sets it for the run
    result = CliRunner().invoke(app, ["--lang", "en", "explain", "XX99"])
    assert result.exit_code == 2 and "no rule has the code XX99" in result.output, result.output


def run_thidua(args: list[str], lang_env: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "THIDUA_LANG"}
    if lang_env is not None:
        env["THIDUA_LANG"] = lang_env
    return subprocess.run([sys.executable, "-m", "thidua", *args], capture_output=True, text=True, env=env)


@pytest.mark.parametrize(
    ("args", "vietnamese", "english"),
    [
        (["track"], "thiếu đối số 'plan'.", "Missing argument 'plan'."),
        (["chek"], "không có lệnh 'chek'. Có phải 'check'", "No such command 'chek'."),
        (["report", "x.yaml"], "thiếu tùy chọn '--output' / '-o'.", "Missing option '--output' / '-o'."),
        (["check", "--bogus"], "không có tùy chọn --bogus", "No such option: --bogus"),
        (["explain", "PE06", "PE07"], "thừa đối số (PE07)", "unexpected extra argument"),
        (["check", "--jobs", "0"], "giá trị không hợp lệ cho '--jobs' / '-j': ", "Invalid value for '--jobs'"),
        (["check", "--jobs", "x"], "số nguyên", "Invalid value for '--jobs'"),
        (["check", "-f"], "tùy chọn '-f' cần một giá trị.", "Option '-f' requires an argument."),
    ],
)
def test_a_command_line_click_cannot_parse_is_told_in_the_language(
    args: list[str], vietnamese: str, english: str
) -> None:
    vi, en = run_thidua(args), run_thidua(args, lang_env="en")
    assert vi.returncode == en.returncode == 2
    assert vietnamese in vi.stderr and "thidua: lỗi: " in vi.stderr, vi.stderr
    assert ENGLISH.findall(vi.stderr) == [] and "Error" not in vi.stderr and "Try " not in vi.stderr, vi.stderr
    assert english in en.stderr, en.stderr


def test_no_command_at_all_still_shows_the_help() -> None:
    result = run_thidua([])
    assert "Cách dùng: " in result.stdout + result.stderr and "Lệnh:" in result.stdout + result.stderr
